// 编译版（dist/）是否可用：dist/.stamp 记下编译时的源文件清单；清单上每个文件都不比它新时才用，
// 否则退回 tsx（改了源码而没有重新编译时，结果总是按源码来的）。
// Whether the compiled copy (dist/) may run: dist/.stamp lists the sources it was built from; it
// is used only when none of them is newer than the stamp, else the command falls back to tsx (an
// edited source always counts). A file added later is reached through an edited one, or (a new
// policy module) is loaded through tsx by scripts/core/runtime.ts.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const DIST = path.join(ROOT, 'dist');
export const STAMP = path.join(DIST, '.stamp');

/**
 * Test data that is never built (tsconfig.build.json "exclude"): the fixture kit and case types
 * (scripts/dev/), every rule's cases (*.cases.ts) and every module's sample register (fixture.ts).
 */
export function isDevOnly(rel) {
  const p = rel.split(path.sep).join('/');
  return p.startsWith('scripts/dev/') || p.endsWith('.cases.ts') || (p.startsWith('policies/') && p.endsWith('/fixture.ts'));
}

/** Every TypeScript source under scripts/ and policies/ that is built, relative to the root. */
export function sourceFiles() {
  const out = [];
  for (const top of ['scripts', 'policies']) {
    let names = [];
    try {
      names = readdirSync(path.join(ROOT, top), { recursive: true });
    } catch {
      continue;
    }
    // the benchmark is not compiled (it runs through tsx), so its sources do not count
    for (const n of names) if (n.endsWith('.ts') && !n.startsWith('bench') && !isDevOnly(path.join(top, n))) out.push(path.join(top, n));
  }
  return out.sort();
}

/** The stamp of the last build: when it was written and the sources it lists; undefined when missing or unreadable. */
export function readStamp() {
  try {
    const built = statSync(STAMP).mtimeMs;
    const sources = JSON.parse(readFileSync(STAMP, 'utf8')).sources;
    return Array.isArray(sources) ? { built, sources } : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Whether dist/ is what `npm run build` would make now: the stamp lists exactly `sources`, the
 * compiled command and its bundles are complete, and no source nor any of the build's own inputs
 * (its configuration, package.json, the build scripts) is newer than the stamp.
 */
export function buildIsCurrent(sources = sourceFiles()) {
  const st = readStamp();
  if (!st || st.sources.join('\n') !== sources.join('\n')) return false;
  const stamp = st.built;
  if (!existsSync(path.join(DIST, 'scripts', 'cli.js'))) return false;
  if (!existsSync(path.join(DIST, 'bundled', '.complete'))) return false;
  const inputs = [...sources, 'tsconfig.json', 'tsconfig.build.json', 'package.json', 'scripts/build.mjs', 'scripts/dist.mjs'];
  return inputs.every((f) => (statSync(path.join(ROOT, f), { throwIfNoEntry: false })?.mtimeMs ?? Infinity) <= stamp);
}

/** The compiled file for `rel` (e.g. "scripts/cli.js") when the build is current, else undefined. */
export function compiledEntry(rel) {
  if (process.env.GOVMEDIA_TSX === '1') return undefined;
  const stamp = readStamp();
  if (!stamp || stamp.sources.length === 0) return undefined;
  const built = stamp.built;
  const files = stamp.sources;
  // every command starts here: plain concatenation (the listed paths are already normalised by the
  // build), not path.join, whose normalising of 260 paths was a sixth of the start-up's own work
  const prefix = ROOT + path.sep;
  for (const f of files) {
    const m = statSync(prefix + f, { throwIfNoEntry: false })?.mtimeMs;
    if (m === undefined || m > built) return undefined;
  }
  const file = path.join(DIST, rel);
  return statSync(file, { throwIfNoEntry: false }) ? file : undefined;
}

/**
 * The compiled twin (a file: URL) of `tsUrl`, a TypeScript module of this engine, when the build is
 * current (compiledEntry); else undefined. A worker thread started by an engine that runs its
 * sources (the tests do) loads the same module compiled instead of registering tsx, which would
 * transpile every module the thread loads again (its own esbuild process and loader thread, ~1-3 s
 * of CPU per thread on 2 cores). Not current, GOVMEDIA_TSX=1, or not a .ts of this engine: undefined,
 * and the caller loads the .ts through tsx.
 */
export function compiledTwin(tsUrl) {
  let file;
  try {
    file = fileURLToPath(tsUrl);
  } catch {
    return undefined;
  }
  const rel = path.relative(ROOT, file);
  if (!rel.endsWith('.ts') || rel.startsWith('..') || path.isAbsolute(rel)) return undefined;
  const js = compiledEntry(rel.slice(0, -3) + '.js');
  return js ? pathToFileURL(js).href : undefined;
}

let tsxRegistered;

/**
 * Import `url`, a module of this engine, as an entry point that is not the launcher (a worker
 * thread's, the scaffolder's) must: a .js as it is; a .ts by its compiled twin when the build is
 * current, else through tsx (registered once per thread).
 */
export async function importEngineModule(url) {
  if (!url.endsWith('.ts')) return import(url);
  const twin = compiledTwin(url);
  if (twin) return import(twin);
  tsxRegistered ??= import('tsx/esm/api').then((m) => m.register());
  await tsxRegistered;
  return import(url);
}
