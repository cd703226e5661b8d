#!/usr/bin/env node
// npm run build（npm ci 时经 prepare 自动运行）：把 scripts/ 和 policies/ 编译到 dist/，命令行启动时
// 不必再转译 TypeScript。没有安装 typescript（只装了运行依赖）时跳过：命令照常经 tsx 运行。
// `npm run build` (run by `npm ci` through `prepare`): compile scripts/ and policies/ into dist/ so
// the command need not transpile TypeScript at start-up. Without typescript installed (runtime
// dependencies only) it is skipped and the command runs through tsx as before.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { buildIsCurrent, DIST, isDevOnly, ROOT, sourceFiles, STAMP } from './dist.mjs';

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
if (!process.argv.includes('--force') && buildIsCurrent(sources)) {
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
await bundlePolicies();
await bundleCommands();
await writeEngineIds();
writeFileSync(STAMP, JSON.stringify({ built: new Date().toISOString(), sources }) + '\n');

/** esbuild (a dev dependency, as typescript is). */
async function loadEsbuild() {
  return import(pathToFileURL(createRequire(path.join(ROOT, 'package.json')).resolve('esbuild')).href);
}

/** An esbuild resolution that leaves `abs` outside the bundle: imported by its path relative to the bundle's folder. */
function importedFrom(outdir, abs) {
  let to = path.relative(outdir, abs).split(path.sep).join('/');
  if (!to.startsWith('.')) to = './' + to;
  return { path: to, external: true };
}

/**
 * 每个办法模块（含 manifest.json 的文件夹）的编译结果再各打成一组文件（dist/bundled/policies/…）：
 * 加载器要的 index 和附加文件各一个入口，模块内部共用的代码（规则、辅助函数）放在共享的块里，
 * 本程序的代码（#engine/…）和模块之外的文件仍从 dist/ 导入（同一份实例）。136 个文件的逐个解析、
 * 读取和链接约占 check-pr 的六分之一；打包后同样的代码只需读约二十个文件。打包失败时删去
 * dist/bundled，加载器照常用逐个编译的文件。
 * Each policy module (a folder with manifest.json) is bundled once more from its compiled files
 * (dist/bundled/policies/…): one entry for index and each extra the loader imports, the code the
 * module's files share (rules, helpers) in shared chunks, and the engine's own code (#engine/…) and
 * anything outside the module still imported from dist/ (the same instances). Resolving, reading and
 * linking its 136 files one by one was about a sixth of a check-pr; bundled, the same code comes in
 * about twenty files. If bundling fails dist/bundled is removed and the loader uses the compiled files.
 */
async function bundlePolicies() {
  const out = path.join(DIST, 'bundled');
  rmSync(out, { recursive: true, force: true });
  try {
    const esbuild = await loadEsbuild();
    const versions = readdirSync(path.join(ROOT, 'policies'), { recursive: true })
      .filter((n) => path.basename(n) === 'manifest.json')
      .map((n) => path.dirname(n))
      .sort();
    for (const rel of versions) {
      const dir = path.join(DIST, 'policies', rel);
      // index.ts and the loader's EXTRAS (scripts/policy/loader.ts)
      const entryPoints = ['index', 'monitor', 'scoring', 'basis'].map((n) => path.join(dir, `${n}.js`)).filter((f) => existsSync(f));
      if (!entryPoints.length) continue;
      const outdir = path.join(out, 'policies', rel);
      const outside = {
        name: 'outside-the-module',
        setup(b) {
          b.onResolve({ filter: /.*/ }, (a) => {
            if (a.kind === 'entry-point') return undefined;
            // the engine (#engine/…), packages and Node's modules: imported as they are, from dist/
            if (!a.path.startsWith('.')) return { path: a.path, external: true };
            const abs = path.resolve(a.resolveDir, a.path);
            if (abs.startsWith(dir + path.sep)) return undefined;
            return importedFrom(outdir, abs);
          });
        },
      };
      await esbuild.build({ entryPoints, bundle: true, splitting: true, format: 'esm', platform: 'node', outdir, outbase: dir, absWorkingDir: ROOT, chunkNames: 'chunk-[hash]', plugins: [outside], logLevel: 'silent', write: true });
    }
    writeFileSync(path.join(out, '.complete'), '');
  } catch (e) {
    rmSync(out, { recursive: true, force: true });
    console.error(`办法模块打包失败，加载器将使用逐个编译的文件 / bundling the policy modules failed; the loader uses the compiled files: ${String(e?.message ?? e).split('\n')[0]}`);
  }
}

/**
 * 命令 check-pr 的编译结果再打成少数几个文件（dist/bundled/commands/）：逐个解析、读取、链接它用到的约五十个
 * 模块占其运行的一成左右。命令行（scripts/cli.ts）和办法模块（#engine/…）也用的模块、按自身位置找文件的模块
 * （import.meta）以及它们静态导入的一切仍从 dist/scripts 导入，每个模块只有一份实例（UsageError 等的
 * instanceof、共用的缓存照旧）。动态导入（检查程序、报告、备案表）成为各自的块，照旧在用到时才加载。
 * 打包失败时删去 dist/bundled/commands，命令照常用逐个编译的文件。
 * The check-pr command is bundled once more from its compiled files (dist/bundled/commands/):
 * resolving, reading and linking the ~50 modules it loads one by one was about a tenth of its run.
 * Modules the CLI (scripts/cli.ts) or the policy modules (#engine/…) also import, modules that find
 * files by their own location (import.meta), and everything those import statically, are still
 * imported from dist/scripts: one instance of each (instanceof UsageError, shared caches). Its dynamic
 * imports (the judge, the reports, the forms) become chunks of their own, loaded when used as before.
 * If bundling fails dist/bundled/commands is removed and the command runs from the compiled files.
 */
async function bundleCommands() {
  const outdir = path.join(DIST, 'bundled', 'commands');
  const scripts = path.join(DIST, 'scripts');
  rmSync(outdir, { recursive: true, force: true });
  try {
    const esbuild = await loadEsbuild();
    const text = (f) => readFileSync(f, 'utf8');
    /** Static imports of a compiled file (tsc's output: `import … from "./x.js"`, `export … from`), as absolute paths. */
    const staticImports = (f) => [...text(f).matchAll(/^(?:import|export)\b[^;]*?\bfrom\s*["']([^"']+)["']|^import\s*["']([^"']+)["']/gm)].map((m) => m[1] ?? m[2]).flatMap((sp) => (sp.startsWith('.') ? [path.resolve(path.dirname(f), sp)] : sp.startsWith('#engine/') ? [path.join(scripts, sp.slice('#engine/'.length).replace(/\.js$/, '') + '.js')] : []));
    const seeds = [path.join(scripts, 'cli.js')];
    for (const n of readdirSync(scripts, { recursive: true })) {
      const f = path.join(scripts, n);
      // import.meta in code, not in a string (the assistant's bundler names it as text)
      if (f.endsWith('.js') && /(?<!['"])\bimport\.meta\b/.test(text(f))) seeds.push(f);
    }
    for (const top of [path.join(DIST, 'policies'), path.join(DIST, 'bundled', 'policies')]) {
      let names = [];
      try {
        names = readdirSync(top, { recursive: true });
      } catch {
        continue;
      }
      for (const n of names) if (n.endsWith('.js')) for (const i of staticImports(path.join(top, n))) if (i.startsWith(scripts + path.sep)) seeds.push(i);
    }
    const shared = new Set();
    for (const stack = [...seeds]; stack.length; ) {
      const f = stack.pop();
      if (shared.has(f) || !existsSync(f)) continue;
      shared.add(f);
      stack.push(...staticImports(f));
    }
    const outside = {
      name: 'shared-modules',
      setup(b) {
        b.onResolve({ filter: /.*/ }, (a) => {
          if (a.kind === 'entry-point') return undefined;
          // packages and Node's modules: imported as they are
          if (!a.path.startsWith('.') && !a.path.startsWith('#engine/')) return { path: a.path, external: true };
          const abs = a.path.startsWith('#engine/') ? path.join(scripts, a.path.slice('#engine/'.length).replace(/\.js$/, '') + '.js') : path.resolve(a.resolveDir, a.path);
          if (!shared.has(abs)) return { path: abs };
          return importedFrom(outdir, abs);
        });
      },
    };
    const entryPoints = ['check-pr'].map((n) => path.join(scripts, 'commands', `${n}.js`));
    await esbuild.build({ entryPoints, bundle: true, splitting: true, format: 'esm', platform: 'node', outdir, outbase: path.join(scripts, 'commands'), absWorkingDir: ROOT, chunkNames: 'chunk-[hash]', plugins: [outside], logLevel: 'silent', write: true });
  } catch (e) {
    rmSync(outdir, { recursive: true, force: true });
    console.error(`命令打包失败，命令将使用逐个编译的文件 / bundling the commands failed; they run from the compiled files: ${String(e?.message ?? e).split('\n')[0]}`);
  }
}

/**
 * 本程序文件的 Git 对象编号（dist/engine-ids.json，scripts/pr/engine-ids.ts）：check-pr --engine base 据此判断
 * 正在运行的程序是否与基准提交的相同，文件都未改动时不必启动 git。算不出时不写，check-pr 照旧问 Git。
 * The Git object ids of this engine's files (dist/engine-ids.json, scripts/pr/engine-ids.ts): check-pr
 * --engine base compares them with the base commit's without starting git while no file has changed.
 * When they cannot be worked out none are written and check-pr asks Git as before.
 */
async function writeEngineIds() {
  try {
    const m = await import(pathToFileURL(path.join(DIST, 'scripts', 'pr', 'engine-ids.js')).href);
    m.writeEngineIds(ROOT, m.ENGINE_PATHS, path.join(ROOT, m.ENGINE_IDS_FILE));
  } catch (e) {
    rmSync(path.join(DIST, 'engine-ids.json'), { force: true });
    console.error(`未能算出本程序文件的编号，check-pr 将用 Git 比较 / could not work out the engine's ids; check-pr compares through Git: ${String(e?.message ?? e).split('\n')[0]}`);
  }
}
