#!/usr/bin/env node
// npm test（先运行 npm run build）：类型检查（tsc --noEmit，增量）与 vitest 同时运行，而不是先后运行；
// 两者都通过才算通过。类型检查的输出在 vitest 之后打印。参数原样交给 vitest（例如 npm test -- tests/cli.test.ts）。
// `npm test` (after the build): the type check (tsc --noEmit, incremental: its state is kept in
// node_modules/.cache) runs beside vitest instead of before it, so its ~20 s of CPU overlap the
// tests' waits for git and Chromium; the run passes only when both pass. tsc's output is printed
// after vitest's. Arguments go to vitest (e.g. `npm test -- tests/cli.test.ts`).
// 类型检查通过后记下所查内容的指纹（源文件、tsconfig、依赖锁定文件、TypeScript 版本）；下次内容完全相同就不再运行 tsc。
// After a passing type check, a fingerprint of what it checked (every source under scripts/,
// policies/ and tests/, the root configs, package-lock.json, TypeScript's version) is kept in
// node_modules/.cache; when the next run's fingerprint is the same, tsc is not run again (the same
// inputs give the same answer; ~6 s of CPU even incremental). Any change, or no record, runs it.
// 类型检查由 TypeScript 的原生编译器 tsgo（@typescript/native-preview，与 tsc 同一套规则和同一个 tsconfig）完成：
// 全新克隆上约 4 秒 CPU，而 tsc 约 25–35 秒；未安装或设置 GOVMEDIA_TYPECHECK=tsc 时用 tsc。`npm run typecheck` 仍是 tsc。
// The check is run by tsgo, TypeScript's native compiler (@typescript/native-preview: the same
// checker ported, the same tsconfig.json, the same diagnostics): ~4 s of CPU on a fresh clone
// where tsc takes 25–35 s on 2 cores, and CPU is what bounds `npm test` there. Where it is not
// installed for this platform, or GOVMEDIA_TYPECHECK=tsc, tsc runs as before (incremental);
// `npm run typecheck` is tsc.
import { createHash } from 'node:crypto';
import { spawn } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(path.join(ROOT, 'package.json'));
const CACHE = path.join(ROOT, 'node_modules', '.cache', 'govmedia');
const PASSED = path.join(CACHE, 'typecheck.passed');

/** The native checker (its bin script), when it is installed for this platform and not declined. */
function nativeChecker() {
  if (process.env.GOVMEDIA_TYPECHECK === 'tsc') return undefined;
  try {
    const pkg = require.resolve('@typescript/native-preview/package.json');
    require.resolve(`@typescript/native-preview-${process.platform}-${process.arch}/package.json`);
    return { bin: path.join(path.dirname(pkg), 'bin', 'tsgo'), version: require('@typescript/native-preview/package.json').version };
  } catch {
    return undefined;
  }
}
const tsgo = nativeChecker();

/** The fingerprint of everything the type check reads that can change in a checkout. */
function fingerprint() {
  const h = createHash('sha256');
  h.update(`typescript ${require('typescript/package.json').version}\0`);
  h.update(`checker ${tsgo ? `tsgo ${tsgo.version}` : 'tsc'}\0`);
  const files = ['package.json', 'package-lock.json', 'tsconfig.json', 'tsconfig.build.json', 'vitest.config.ts'];
  for (const top of ['scripts', 'policies', 'tests']) {
    for (const n of readdirSync(path.join(ROOT, top), { recursive: true })) {
      const rel = path.join(top, String(n));
      if (/\.(c|m)?(t|j)s$|\.json$/.test(rel) && !rel.split(path.sep).includes('node_modules')) files.push(rel);
    }
  }
  for (const f of files.sort()) {
    let body;
    try {
      body = readFileSync(path.join(ROOT, f));
    } catch (e) {
      if (e.code === 'EISDIR') continue;
      body = Buffer.from(`missing: ${e.code}`);
    }
    h.update(`${f}\0${body.length}\0`).update(body);
  }
  return h.digest('hex');
}

let key = '';
let passedBefore = false;
try {
  key = fingerprint();
  passedBefore = readFileSync(PASSED, 'utf8').trim() === key;
} catch {
  /* no record: run the check */
}

/**
 * The environment of the type check and the tests (and so of every process they start):
 * - without NODE_EXTRA_CA_CERTS, which some machines set (this one does) and which makes every Node
 *   process read the system certificates at start-up (~40 ms of CPU each, ~110 Node processes a
 *   run); nothing here uses the network;
 * - with `maintenance.auto` off for every git the tests start (GIT_CONFIG_COUNT, unless the
 *   caller set git configuration that way already): otherwise each commit in a test repository
 *   starts one more git, `git maintenance run --auto` (~90 a run), to look for work it never finds
 *   in a repository that lives for seconds. The scenario harness turns it off in its repositories
 *   itself (tests/pr-harness.ts); this covers the rest.
 */
const env = { ...process.env };
delete env.NODE_EXTRA_CA_CERTS;
if (env.GIT_CONFIG_COUNT === undefined) Object.assign(env, { GIT_CONFIG_COUNT: '1', GIT_CONFIG_KEY_0: 'maintenance.auto', GIT_CONFIG_VALUE_0: 'false' });

function run(args, capture) {
  return new Promise((resolve) => {
    const p = spawn(process.execPath, args, { cwd: ROOT, env, stdio: capture ? ['ignore', 'pipe', 'pipe'] : 'inherit' });
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
const typecheck = passedBefore
  ? Promise.resolve({ code: 0, out: '', ms: 0, skipped: true })
  : run(tsgo ? [tsgo.bin, '--noEmit', '-p', '.'] : [require.resolve('typescript/bin/tsc'), '--noEmit', '-p', '.', '--incremental', '--tsBuildInfoFile', path.join('node_modules', '.cache', 'govmedia', 'typecheck.tsbuildinfo')], true).then((r) => ({ ...r, ms: Date.now() - started, skipped: false }));
const tests = await run([path.join(path.dirname(require.resolve('vitest/package.json')), 'vitest.mjs'), 'run', ...process.argv.slice(2)], false);
const tsc = await typecheck;
if (tsc.out.trim()) process.stdout.write(tsc.out.endsWith('\n') ? tsc.out : tsc.out + '\n');
if (tsc.code === 0 && !tsc.skipped && key) {
  try {
    mkdirSync(CACHE, { recursive: true });
    writeFileSync(PASSED, key + '\n');
  } catch {
    /* no cache folder: the next run checks again */
  }
}
console.log(
  tsc.skipped
    ? '类型检查通过（源文件与配置自上次通过以来未变，未重新运行 tsc）/ type check passed (nothing it reads changed since it last passed; tsc not run again)'
    : tsc.code === 0
      ? `类型检查通过 / type check passed (${tsgo ? 'tsgo' : 'tsc'} --noEmit, ${(tsc.ms / 1000).toFixed(1)} s)`
      : `类型检查失败 / type check FAILED (${tsgo ? 'tsgo' : 'tsc'} --noEmit exit ${tsc.code})`,
);
process.exit(tests.code !== 0 ? tests.code : tsc.code !== 0 ? 1 : 0);
