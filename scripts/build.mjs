#!/usr/bin/env node
// npm run build（npm ci 时经 prepare 自动运行）：把 scripts/ 和 policies/ 编译到 dist/，命令行启动时
// 不必再转译 TypeScript。没有安装 typescript（只装了运行依赖）时跳过：命令照常经 tsx 运行。
// `npm run build` (run by `npm ci` through `prepare`): compile scripts/ and policies/ into dist/ so
// the command need not transpile TypeScript at start-up. Without typescript installed (runtime
// dependencies only) it is skipped and the command runs through tsx as before.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { DIST, isDevOnly, readStamp, ROOT, sourceFiles, STAMP } from './dist.mjs';

let tsc;
try {
  tsc = createRequire(path.join(ROOT, 'package.json')).resolve('typescript/bin/tsc');
} catch {
  console.log('未安装 typescript，跳过编译（命令经 tsx 运行）/ typescript not installed; build skipped (commands run through tsx)');
  process.exit(0);
}
const sources = sourceFiles();
// 编译版已是最新（与 scripts/dist.mjs 判断能否使用编译版的规则相同，再加上编译配置）时什么也不做；--force 强制重新编译。
// Nothing to do when dist/ is current by the rule scripts/dist.mjs uses to run it (the stamp lists
// exactly these sources, none newer than the stamp), nor is the build's configuration newer.
// `--force` rebuilds anyway.
if (!process.argv.includes('--force') && upToDate(sources)) {
  console.log('dist/ 已是最新，无需编译 / dist/ is up to date');
  process.exit(0);
}
rmSync(STAMP, { force: true });
const r = spawnSync(process.execPath, [tsc, '-p', path.join(ROOT, 'tsconfig.build.json')], { cwd: ROOT, stdio: 'inherit' });
if (r.status !== 0) {
  console.error('编译失败，命令将经 tsx 运行 / build failed; commands will run through tsx');
  process.exit(r.status ?? 1);
}
if (!existsSync(DIST)) mkdirSync(DIST, { recursive: true });
// 编译是增量的：删除源文件已不存在或不再编译（测试数据）的旧产物，dist/ 只含本次编译的文件。
// The build is incremental: remove compiled files whose source is gone or no longer built (test
// data), so dist/ holds exactly what this build compiles.
const built = new Set(sources.map((s) => s.slice(0, -3) + '.js'));
for (const top of ['scripts', 'policies']) {
  let names = [];
  try {
    names = readdirSync(path.join(DIST, top), { recursive: true });
  } catch {
    continue;
  }
  for (const n of names) {
    const rel = path.join(top, n);
    if (rel.endsWith('.js') && (!built.has(rel) || isDevOnly(rel.slice(0, -3) + '.ts'))) rmSync(path.join(DIST, rel), { force: true });
  }
}
// dist/ is its own package scope: ES modules, and the engine imports of the policy modules
// ("#engine/…", package.json "imports" → ./scripts/*.ts for the sources) resolve to the compiled files.
writeFileSync(path.join(DIST, 'package.json'), JSON.stringify({ type: 'module', private: true, imports: { '#engine/*': './scripts/*.js' } }, null, 2) + '\n');
writeFileSync(STAMP, JSON.stringify({ built: new Date().toISOString(), sources }) + '\n');

function upToDate(sources) {
  const st = readStamp();
  if (!st || st.sources.join('\n') !== sources.join('\n')) return false;
  const stamp = st.built;
  if (!existsSync(path.join(DIST, 'scripts', 'cli.js'))) return false;
  const inputs = [...sources, 'tsconfig.json', 'tsconfig.build.json', 'package.json', 'scripts/build.mjs', 'scripts/dist.mjs'];
  return inputs.every((f) => (statSync(path.join(ROOT, f), { throwIfNoEntry: false })?.mtimeMs ?? Infinity) <= stamp);
}
