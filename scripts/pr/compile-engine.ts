/**
 * 基准提交的检查程序的编译版：check-pr --engine base 取出的基准程序与正在运行的不同时，取出后（每棵程序树一次）
 * 用 esbuild 逐个文件转译 scripts/ 和 policies/ 的 TypeScript（不做类型检查：基准分支的代码已在它自己的分支上
 * 检查过），写成基准程序自己的启动器（scripts/govmedia.mjs、scripts/dist.mjs 的 compiledEntry）认可的编译版布局：
 * dist/scripts/…、dist/policies/…、带 #engine/* 映射的 dist/package.json、列出源文件的 dist/.stamp。
 * 只编译认得出布局的基准程序；认不出、转译失败或核对不符时不写编译版，照旧经 tsx 运行，检查不会因此失败。
 * The base commit's engine, compiled: when `check-pr --engine base` extracts a base engine that
 * differs from the running one, the extracted scripts/ and policies/ TypeScript is transformed file by
 * file with esbuild (no type check: the base's code was checked on its own branch) into the layout
 * the base engine's own launcher accepts as its compiled copy (scripts/govmedia.mjs and
 * scripts/dist.mjs compiledEntry): dist/scripts/…, dist/policies/…, dist/package.json mapping
 * `#engine/*`, and dist/.stamp listing the sources. Only a base whose layout is recognised is
 * compiled; when it is not, or a transform fails, or the result does not check out, no compiled copy
 * is written and the base engine runs through tsx as before: compiling never fails the check.
 *
 * The extracted tree is the base branch's (trusted): its scripts/dist.mjs is imported to list the
 * sources it compiles (sourceFiles) and to confirm its launcher accepts the result (compiledEntry).
 */
import { copyFileSync, existsSync, mkdirSync, readFileSync, realpathSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

type Esbuild = typeof import('esbuild');

/**
 * The recipe's own version: raise it whenever what compileEngine writes changes. It is part of the
 * recipe key, which is part of the cache key, so a copy made by another recipe is never reused.
 */
const RECIPE_VERSION = 2;

/**
 * The Node that runs the check, as tsx targets it: esbuild lowers only what this Node cannot run,
 * and keeps what it can (an older target drops import attributes, `with { type: 'json' }`, which
 * Node then refuses). In the cache key: another Node compiles its own copy.
 */
const TARGET = `node${process.versions.node}`;

/** Where a failed or declined compile says why (inside the extracted copy; for tests and for whoever looks). */
export const NOT_COMPILED = '.not-compiled';

/** esbuild's entry point as our node_modules hold it: our own dependency when it is one, else the one tsx (a runtime dependency) brings. */
function esbuildEntry(engineRoot: string): string | undefined {
  const ours = createRequire(path.join(engineRoot, 'package.json'));
  try {
    return ours.resolve('esbuild');
  } catch {
    try {
      return createRequire(ours.resolve('tsx/package.json')).resolve('esbuild');
    } catch {
      return undefined;
    }
  }
}

/** The folder of the package a resolved entry point belongs to (the nearest folder up with a package.json). */
function packageDir(entry: string): string {
  let d = path.dirname(entry);
  while (!existsSync(path.join(d, 'package.json')) && path.dirname(d) !== d) d = path.dirname(d);
  return d;
}

export interface Compiler {
  /** What the cache key takes in: the recipe's version, esbuild's version and the target. */
  recipe: string;
  entry: string;
}

/**
 * The compiler this run would use, found without loading it (reading esbuild's package.json takes a
 * millisecond; loading esbuild is left to the one run that compiles); undefined when esbuild cannot
 * be found, or GOVMEDIA_TSX=1 asks for tsx (the base launcher then ignores a compiled copy anyway).
 */
export function findCompiler(engineRoot: string): Compiler | undefined {
  if (process.env.GOVMEDIA_TSX === '1') return undefined;
  const entry = esbuildEntry(engineRoot);
  if (!entry) return undefined;
  try {
    const version = (JSON.parse(readFileSync(path.join(packageDir(entry), 'package.json'), 'utf8')) as { version?: unknown }).version;
    if (typeof version !== 'string') return undefined;
    return { recipe: `esbuild ${version}; recipe ${RECIPE_VERSION}; target ${TARGET}`, entry };
  } catch {
    return undefined;
  }
}

/** What the recognised layout's scripts/dist.mjs exports (the contract of scripts/dist.mjs). */
interface DistModule {
  ROOT: string;
  DIST: string;
  STAMP: string;
  sourceFiles: () => unknown;
  compiledEntry: (rel: string) => string | undefined;
}

/** Why a base is not compiled (written to NOT_COMPILED); thrown inside compileEngine only. */
class Declined extends Error {}

/**
 * The base's layout, when it is the one this recipe knows: its launcher runs compiledEntry from
 * ./dist.mjs, its dist.mjs has the contract (ROOT, DIST, STAMP, sourceFiles, compiledEntry), honours
 * GOVMEDIA_TSX=1, lists TypeScript under scripts/ and policies/ only, and its package.json maps its
 * subpath imports to TypeScript under scripts/. Throws Declined otherwise.
 */
async function recognise(root: string): Promise<{ dist: DistModule; sources: string[]; imports: Record<string, string> }> {
  const read = (rel: string): string => {
    try {
      return readFileSync(path.join(root, rel), 'utf8');
    } catch {
      throw new Declined(`no ${rel}`);
    }
  };
  const launcher = read('scripts/govmedia.mjs');
  if (!/from\s*['"]\.\/dist\.mjs['"]/.test(launcher) || !/compiledEntry\(\s*['"]scripts\/cli\.js['"]\s*\)/.test(launcher)) throw new Declined('scripts/govmedia.mjs does not run compiledEntry from ./dist.mjs');
  read('scripts/dist.mjs');
  let pkg: { imports?: unknown };
  try {
    pkg = JSON.parse(read('package.json')) as { imports?: unknown };
  } catch {
    throw new Declined('package.json is not JSON');
  }
  const imports: Record<string, string> = {};
  for (const [k, v] of Object.entries((pkg.imports ?? {}) as Record<string, unknown>)) {
    if (typeof v !== 'string' || !/^#[\w-]+\/\*$/.test(k) || !/^\.\/scripts\/(?:[\w-]+\/)*\*\.ts$/.test(v)) throw new Declined(`package.json imports ${k} is not a mapping to scripts/*.ts`);
    imports[k] = v.slice(0, -'.ts'.length) + '.js';
  }
  const dist = (await import(pathToFileURL(path.join(root, 'scripts', 'dist.mjs')).href)) as Partial<DistModule>;
  if (typeof dist.sourceFiles !== 'function' || typeof dist.compiledEntry !== 'function') throw new Declined('scripts/dist.mjs has no sourceFiles or compiledEntry');
  if (dist.ROOT !== root || dist.DIST !== path.join(root, 'dist') || dist.STAMP !== path.join(root, 'dist', '.stamp')) throw new Declined('scripts/dist.mjs ROOT, DIST or STAMP are not the layout');
  const sources = dist.sourceFiles();
  const sourceOk = (s: unknown): s is string => typeof s === 'string' && /^(?:scripts|policies)\/.+\.ts$/.test(s.split(path.sep).join('/')) && !s.split(path.sep).includes('..') && existsSync(path.join(root, s));
  if (!Array.isArray(sources) || sources.length === 0 || !sources.every(sourceOk)) throw new Declined('scripts/dist.mjs sourceFiles() is not a list of scripts/ and policies/ TypeScript');
  if (!sources.includes(path.join('scripts', 'cli.ts'))) throw new Declined('scripts/cli.ts is not among the sources');
  return { dist: dist as DistModule, sources, imports };
}

/** Words after which a `/` starts a regular expression rather than a division. */
const BEFORE_EXPRESSION = new Set(['return', 'typeof', 'instanceof', 'in', 'of', 'new', 'delete', 'void', 'throw', 'case', 'do', 'else', 'yield', 'await', 'extends']);

/** A word (identifier, keyword or number) in esbuild's printed code, read from lastIndex. */
const WORD = /[\w$\u0080-\uffff]+/y;

/** Where a template's text stops being plain: a backquote, an escape or a `$` (perhaps `${`). Read from lastIndex. */
const TEMPLATE_STOP = /[`\\$]/g;

/** Whether the character code is part of a word (WORD). */
function isWord(c: number): boolean {
  return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57) || c === 95 || c === 36 || c >= 0x80;
}

/**
 * The imports of a module as esbuild prints it, found by a small lexer that steps over strings,
 * template literals, comments and regular expressions: a string literal right after the word
 * `from`, right after the keyword `import` (an import for its effects) or right after `import(`
 * is an import specifier. Each relative one that ends in `.ts` is rewritten to `.js`, as tsc's
 * rewriteRelativeImportExtensions does. Undefined when the lexer loses its way (a string, template,
 * comment or regular expression left open, or braces that do not balance): that file, and so the
 * engine, is then not compiled.
 */
export function rewriteImports(code: string): { code: string; imports: string[] } | undefined {
  const imports: string[] = [];
  const parts: string[] = [];
  let last = 0;
  let depth = 0;
  /** The brace depth at which each open template's `${` was met. */
  const templates: number[] = [];
  // the last two tokens: a word, a punctuator, or '"' for a value (string, template, regular expression);
  // and whether a word followed a '.' (a property name, never a keyword)
  let prev = '';
  let prevDot = false;
  let prev2 = '';
  let prev2Dot = false;
  const push = (tok: string, dot = false): void => {
    prev2 = prev;
    prev2Dot = prevDot;
    prev = tok;
    prevDot = dot;
  };
  const n = code.length;
  /** Read a template's text from j; the index after its closing backquote, or after a `${` (then in code again). */
  const template = (j: number): number | undefined => {
    for (;;) {
      TEMPLATE_STOP.lastIndex = j;
      if (!TEMPLATE_STOP.exec(code)) return undefined;
      j = TEMPLATE_STOP.lastIndex - 1;
      const ch = code.charCodeAt(j);
      if (ch === 92 /* \ */) j += 2;
      else if (ch === 96 /* ` */) {
        push('"');
        return j + 1;
      } else if (code.charCodeAt(j + 1) === 123 /* ${ */) {
        templates.push(depth++);
        push('{');
        return j + 2;
      } else j++;
    }
  };
  let nextLine = -1;
  let nextEscape = -1;
  let i = 0;
  while (i < n) {
    const c = code.charCodeAt(i);
    if (c === 32 || c === 10 || c === 9 || c === 13) i++;
    else if (isWord(c)) {
      WORD.lastIndex = i;
      WORD.exec(code);
      push(code.slice(i, WORD.lastIndex), prev === '.');
      i = WORD.lastIndex;
    } else if (c === 34 || c === 39 /* " ' */) {
      // the closing quote: found natively, then read character by character only when an escape or a line end comes first
      let j = code.indexOf(c === 34 ? '"' : "'", i + 1);
      if (j < 0) return undefined;
      // (the next line end and backslash are looked up again only once passed: the whole file is searched once)
      if (nextLine <= i) nextLine = code.indexOf('\n', i + 1) >>> 0;
      if (nextEscape <= i) nextEscape = code.indexOf('\\', i + 1) >>> 0;
      if (nextLine < j || nextEscape < j) {
        j = i + 1;
        for (let d = code.charCodeAt(j); d !== c; d = code.charCodeAt(j)) {
          if (j >= n || d === 10) return undefined;
          j += d === 92 ? 2 : 1;
        }
      }
      if (prev === 'from' || prev === 'import' ? !prevDot : prev === '(' && prev2 === 'import' && !prev2Dot) {
        const value = code.slice(i + 1, j);
        if ((value.startsWith('./') || value.startsWith('../')) && value.endsWith('.ts') && !value.includes('\\')) {
          const js = value.slice(0, -'.ts'.length) + '.js';
          parts.push(code.slice(last, i + 1), js);
          last = j;
          imports.push(js);
        } else imports.push(value);
      }
      push('"');
      i = j + 1;
    } else if (c === 47 /* / */) {
      const next = code.charCodeAt(i + 1);
      if (next === 47) {
        const e = code.indexOf('\n', i);
        i = e < 0 ? n : e;
        continue;
      }
      if (next === 42 /* * */) {
        const e = code.indexOf('*/', i + 2);
        if (e < 0) return undefined;
        i = e + 2;
        continue;
      }
      const regex = prev === '' || (prev === '"' ? false : isWord(prev.charCodeAt(0)) ? !prevDot && BEFORE_EXPRESSION.has(prev) : prev !== ')' && prev !== ']');
      if (!regex) {
        push('/');
        i++;
        continue;
      }
      let j = i + 1;
      let inClass = false;
      for (; j < n; j++) {
        const ch = code.charCodeAt(j);
        if (ch === 10) return undefined;
        if (ch === 92) j++;
        else if (ch === 91 /* [ */) inClass = true;
        else if (ch === 93 /* ] */) inClass = false;
        else if (ch === 47 && !inClass) break;
      }
      if (j >= n) return undefined;
      j++;
      while (j < n && isWord(code.charCodeAt(j))) j++;
      push('"');
      i = j;
    } else if (c === 96 /* ` */) {
      const j = template(i + 1);
      if (j === undefined) return undefined;
      i = j;
    } else if (c === 123 /* { */) {
      depth++;
      push('{');
      i++;
    } else if (c === 125 /* } */) {
      if (templates.length && templates[templates.length - 1] === depth - 1) {
        templates.pop();
        depth--;
        const j = template(i + 1);
        if (j === undefined) return undefined;
        i = j;
      } else {
        if (--depth < 0) return undefined;
        push('}');
        i++;
      }
    } else {
      push(code[i]!);
      i++;
    }
  }
  if (depth !== 0 || templates.length) return undefined;
  parts.push(code.slice(last));
  return { code: parts.join(''), imports };
}

/**
 * What a relative `.ts` import looks like in the printed code: after the lexer has rewritten every
 * import it found, any of these left (an import it missed, or such text inside a string) declines
 * the compile rather than guess.
 */
const RELATIVE_TS = /\bfrom\s*["']\.\.?\/[^"'\n]*\.ts["']|\bimport\s*\(?\s*["']\.\.?\/[^"'\n]*\.ts["']/;

/**
 * Compile the engine extracted at `at` (not yet in place: the caller renames the folder when this
 * returns) into at/dist. Never throws: returns undefined when the compiled copy is written and
 * accepted by the base's own compiledEntry, else the reason it was not (also written to
 * at/NOT_COMPILED), with at/dist removed, so the base runs through tsx.
 */
export async function compileEngine(at: string, compiler: Compiler): Promise<string | undefined> {
  let esbuild: Esbuild | undefined;
  try {
    // as Node names the modules it loads from there (scripts/dist.mjs finds its ROOT by its own URL)
    const root = realpathSync(at);
    const out = path.join(root, 'dist');
    const { dist, sources, imports } = await recognise(root);
    esbuild = (await import(pathToFileURL(compiler.entry).href)) as Esbuild;
    const tsconfig = existsSync(path.join(root, 'tsconfig.json')) ? readFileSync(path.join(root, 'tsconfig.json'), 'utf8') : '{}';
    const compiled = new Set(sources.map((s) => path.join(out, s.slice(0, -'.ts'.length) + '.js')));
    // 1. each source on its own (no bundling), as tsx and tsc's isolatedModules see it: one call
    const built = await esbuild.build({ entryPoints: sources.map((rel) => path.join(root, rel)), bundle: false, write: false, outdir: out, outbase: root, absWorkingDir: root, format: 'esm', platform: 'node', target: TARGET, charset: 'utf8', tsconfigRaw: tsconfig, logLevel: 'silent' });
    const importsOf = new Map<string, string[]>();
    for (const f of built.outputFiles) {
      if (!compiled.has(f.path)) throw new Declined(`unexpected output ${path.relative(root, f.path)}`);
      // 2. relative imports written with .ts name the compiled .js (tsc's rewriteRelativeImportExtensions)
      const r = rewriteImports(f.text);
      if (!r) throw new Declined(`${path.relative(root, f.path)}: its imports could not be read`);
      if ((r.code.includes('.ts"') || r.code.includes(".ts'")) && RELATIVE_TS.test(r.code)) throw new Declined(`${path.relative(root, f.path)}: an import of .ts is left, or such text is in a string`);
      importsOf.set(f.path, r.imports);
      mkdirSync(path.dirname(f.path), { recursive: true });
      writeFileSync(f.path, r.code);
    }
    if (importsOf.size !== compiled.size) throw new Declined('a source was not compiled');
    // 3. every relative or #engine import names a compiled file (or a JSON file, copied as tsc copies it)
    const pkgImports = Object.entries(imports).map(([k, v]) => ({ prefix: k.slice(0, -1), target: v }));
    for (const [file, specs] of importsOf) {
      for (const spec of specs) {
        let target: string | undefined;
        if (spec.startsWith('./') || spec.startsWith('../')) target = path.resolve(path.dirname(file), spec);
        else if (spec.startsWith('#')) {
          const m = pkgImports.find((p) => spec.startsWith(p.prefix));
          if (!m) throw new Declined(`${path.relative(root, file)}: unmapped import "${spec}"`);
          target = path.join(out, m.target.replace('*', spec.slice(m.prefix.length).replace(/\.js$/, '')));
        } else continue;
        if (/\.[cm]?tsx?$/.test(target)) throw new Declined(`${path.relative(root, file)}: import of TypeScript "${spec}" left`);
        if (compiled.has(target)) continue;
        // a JSON file beside the sources: copied, as tsc (resolveJsonModule) copies it into its outDir
        const src = path.join(root, path.relative(out, target));
        if (target.endsWith('.json') && !path.relative(out, target).startsWith('..') && existsSync(src)) {
          mkdirSync(path.dirname(target), { recursive: true });
          copyFileSync(src, target);
          continue;
        }
        throw new Declined(`${path.relative(root, file)}: "${spec}" is not compiled`);
      }
    }
    // 4. the package scope of dist/ (as scripts/build.mjs writes it) and the stamp, dated no earlier
    // than any source (git archive dates the files by the commit, which may lie in the future)
    writeFileSync(path.join(out, 'package.json'), JSON.stringify({ type: 'module', private: true, imports }, null, 2) + '\n');
    let newest = Date.now();
    for (const s of sources) newest = Math.max(newest, statSync(path.join(root, s)).mtimeMs);
    writeFileSync(dist.STAMP, JSON.stringify({ built: new Date().toISOString(), sources }) + '\n');
    const when = Math.ceil(newest / 1000) + 1;
    utimesSync(dist.STAMP, when, when);
    // 5. the base's own launcher takes it as its compiled copy, and still lets GOVMEDIA_TSX=1 decline it
    if (dist.compiledEntry('scripts/cli.js') !== path.join(out, 'scripts', 'cli.js')) throw new Declined('the base launcher does not accept the compiled copy');
    const before = process.env.GOVMEDIA_TSX;
    process.env.GOVMEDIA_TSX = '1';
    try {
      if (dist.compiledEntry('scripts/cli.js') !== undefined) throw new Declined('the base launcher cannot be told to use tsx');
    } finally {
      if (before === undefined) delete process.env.GOVMEDIA_TSX;
      else process.env.GOVMEDIA_TSX = before;
    }
    return undefined;
  } catch (e) {
    rmSync(path.join(at, 'dist'), { recursive: true, force: true });
    const why = (e instanceof Declined ? '' : 'compile failed: ') + String((e as Error)?.message ?? e).split('\n').slice(0, 3).join(' ');
    try {
      writeFileSync(path.join(at, NOT_COMPILED), why + '\n');
    } catch {
      // the reason is only informative
    }
    return why;
  } finally {
    // esbuild's service process is ended (and reaped) now: nothing else in this check needs it
    await esbuild?.stop();
  }
}
