#!/usr/bin/env node
// npm test（先运行 npm run build）：类型检查（tsc --noEmit，增量）与 vitest 同时运行，而不是先后运行；
// 两者都通过才算通过。类型检查的输出在 vitest 之后打印。参数原样交给 vitest（例如 npm test -- tests/cli.test.ts）。
// `npm test` (after the build): the type check (tsc --noEmit, incremental: its state is kept in
// node_modules/.cache) runs beside vitest instead of before it, so its ~20 s of CPU overlap the
// tests' waits for git and Chromium; the run passes only when both pass. tsc's output is printed
// after vitest's. Arguments go to vitest (e.g. `npm test -- tests/cli.test.ts`).
import { spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(path.join(ROOT, 'package.json'));

function run(args, capture) {
  return new Promise((resolve) => {
    const p = spawn(process.execPath, args, { cwd: ROOT, stdio: capture ? ['ignore', 'pipe', 'pipe'] : 'inherit' });
    let out = '';
    if (capture) {
      p.stdout.on('data', (c) => (out += c));
      p.stderr.on('data', (c) => (out += c));
    }
    p.on('error', (e) => resolve({ code: 1, out: out + String(e) + '\n' }));
    p.on('close', (code, signal) => resolve({ code: code ?? (signal ? 1 : 0), out }));
  });
}

const started = Date.now();
const typecheck = run([require.resolve('typescript/bin/tsc'), '--noEmit', '-p', '.', '--incremental', '--tsBuildInfoFile', path.join('node_modules', '.cache', 'govmedia', 'typecheck.tsbuildinfo')], true).then((r) => ({ ...r, ms: Date.now() - started }));
const tests = await run([path.join(path.dirname(require.resolve('vitest/package.json')), 'vitest.mjs'), 'run', ...process.argv.slice(2)], false);
const tsc = await typecheck;
if (tsc.out.trim()) process.stdout.write(tsc.out.endsWith('\n') ? tsc.out : tsc.out + '\n');
console.log(tsc.code === 0 ? `类型检查通过 / type check passed (tsc --noEmit, ${(tsc.ms / 1000).toFixed(1)} s)` : `类型检查失败 / type check FAILED (tsc --noEmit exit ${tsc.code})`);
process.exit(tests.code !== 0 ? tests.code : tsc.code !== 0 ? 1 : 0);
