/**
 * 结构测试：scripts/ 与 policies/ 的导入关系中没有环（文件之间、scripts/ 下的文件夹之间都没有）；
 * 检查流水线（scripts/pipeline/）不依赖任何命令；测试工具（tester）不在构建产物里。
 * Structure: no import cycle among the files of scripts/ and policies/, nor among the folders of
 * scripts/ (static and dynamic imports with a literal path); the pipeline depends on no command;
 * the rule tester lives under tests/ and is not built into dist/.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { LOADERS } from '../scripts/cli.ts';
import { COMMAND_TABLE } from '../scripts/commands/table.ts';
import { ENGINE_ROOT } from './helpers.ts';

const SKIP = new Set(['node_modules', 'generated', 'dist']);

function sources(dir: string, out: string[] = []): string[] {
  for (const e of readdirSync(dir)) {
    const p = path.join(dir, e);
    if (statSync(p).isDirectory()) {
      if (!SKIP.has(e)) sources(p, out);
    } else if (/\.(ts|mjs|js)$/.test(e) && !e.endsWith('.d.ts')) out.push(p);
  }
  return out;
}

/** Relative imports of a file (static, re-exports and dynamic with a literal path); type-only imports left out. */
function importsOf(file: string): string[] {
  const src = readFileSync(file, 'utf8');
  const out: string[] = [];
  for (const m of src.matchAll(/(?:^|\n)\s*(import|export)\s+(type\s+)?[^'";]*?\sfrom\s+['"](\.[^'"]+)['"]/g)) if (!m[2]) out.push(m[3]!);
  for (const m of src.matchAll(/import\(\s*['"](\.[^'"]+)['"]\s*\)/g)) out.push(m[1]!);
  // package imports: "#engine/<path>" is scripts/<path>.ts (package.json "imports")
  const engine = [...src.matchAll(/(?:^|\n)\s*(import|export)\s+(type\s+)?[^'";]*?\sfrom\s+['"]#engine\/([^'"]+)['"]/g)].filter((m) => !m[2]).map((m) => path.join(ENGINE_ROOT, 'scripts', m[3]! + '.ts'));
  return [...out.map((r) => path.resolve(path.dirname(file), r)), ...engine];
}

const files = [...sources(path.join(ENGINE_ROOT, 'scripts')), ...sources(path.join(ENGINE_ROOT, 'policies'))];
const known = new Set(files);
const graph = new Map(files.map((f) => [f, importsOf(f).filter((d) => known.has(d))]));
const rel = (f: string): string => path.relative(ENGINE_ROOT, f).split(path.sep).join('/');

/** Strongly connected components with more than one member (Tarjan). */
function cycles<T>(nodes: Iterable<T>, next: (n: T) => Iterable<T>): T[][] {
  let i = 0;
  const index = new Map<T, number>();
  const low = new Map<T, number>();
  const stack: T[] = [];
  const on = new Set<T>();
  const out: T[][] = [];
  const visit = (v: T): void => {
    index.set(v, i);
    low.set(v, i++);
    stack.push(v);
    on.add(v);
    for (const w of next(v)) {
      if (!index.has(w)) {
        visit(w);
        low.set(v, Math.min(low.get(v)!, low.get(w)!));
      } else if (on.has(w)) low.set(v, Math.min(low.get(v)!, index.get(w)!));
    }
    if (low.get(v) === index.get(v)) {
      const c: T[] = [];
      let w: T;
      do {
        w = stack.pop()!;
        on.delete(w);
        c.push(w);
      } while (w !== v);
      if (c.length > 1) out.push(c);
    }
  };
  for (const v of nodes) if (!index.has(v)) visit(v);
  return out;
}

/** scripts/<folder> (or "scripts" for its top-level files); policies/* counts as one folder. */
function folderOf(f: string): string {
  const parts = rel(f).split('/');
  if (parts[0] === 'policies') return 'policies';
  return parts.length > 2 ? `scripts/${parts[1]}` : 'scripts';
}

describe('the import graph', () => {
  it('every relative import names a file that exists (plain JavaScript included)', () => {
    const missing = files.flatMap((f) => importsOf(f).filter((d) => !existsSync(d)).map((d) => `${rel(f)} → ${rel(d)}`));
    expect(missing).toEqual([]);
  });

  it('reads a real graph (sanity: the CLI reaches the pipeline)', () => {
    expect(files.length).toBeGreaterThan(100);
    expect(graph.get(path.join(ENGINE_ROOT, 'scripts', 'pipeline', 'parallel-share.ts'))).toContain(path.join(ENGINE_ROOT, 'scripts', 'pipeline', 'pipeline.ts'));
  });

  it('has no cycle between files', () => {
    expect(cycles(graph.keys(), (f) => graph.get(f) ?? []).map((c) => c.map(rel).sort())).toEqual([]);
  });

  it('has no cycle between the folders of scripts/', () => {
    const edges = new Map<string, Set<string>>();
    for (const [f, ds] of graph)
      for (const d of ds) {
        const a = folderOf(f);
        const b = folderOf(d);
        if (a !== b) edges.set(a, (edges.get(a) ?? new Set()).add(b));
      }
    expect(cycles(edges.keys(), (n) => edges.get(n) ?? []).map((c) => c.sort())).toEqual([]);
  });

  it('keeps the pipeline free of commands: core, policy and pipeline never import scripts/commands', () => {
    const bad = [...graph].flatMap(([f, ds]) => (/^scripts\/(core|policy|pipeline)\//.test(rel(f)) ? ds.filter((d) => rel(d).startsWith('scripts/commands/')).map((d) => `${rel(f)} → ${rel(d)}`) : []));
    expect(bad).toEqual([]);
  });

  it('keeps the rule tester out of the build: it lives under tests/', () => {
    expect(existsSync(path.join(ENGINE_ROOT, 'scripts', 'policy', 'tester.ts'))).toBe(false);
    expect(existsSync(path.join(ENGINE_ROOT, 'tests', 'support', 'tester.ts'))).toBe(true);
  });
});

describe('the command table and the dispatcher', () => {
  it('list the same commands: every table entry has a loader and every loader a table entry', () => {
    expect(Object.keys(LOADERS).sort()).toEqual(COMMAND_TABLE.map((c) => c.name).sort());
  });

  it('load a real handler for every command', async () => {
    for (const [name, load] of Object.entries(LOADERS)) expect(typeof (await load()), name).toBe('function');
  });
});

describe('tests are machine-independent', () => {
  /** Every test source (tests/**.ts). */
  const testFiles = (dir: string): string[] =>
    readdirSync(dir, { withFileTypes: true }).flatMap((d) => (d.isDirectory() ? (d.name === 'fixtures' || d.name === 'hostile' ? [] : testFiles(path.join(dir, d.name))) : d.name.endsWith('.ts') ? [path.join(dir, d.name)] : []));
  it('name no absolute path of this machine (chromium comes from the PATH through tests/support/chromium.ts)', () => {
    const bad: string[] = [];
    for (const f of testFiles(path.join(ENGINE_ROOT, 'tests'))) {
      readFileSync(f, 'utf8')
        .split('\n')
        .forEach((line, i) => {
          // a literal absolute path, except as the fallback of an unset environment variable (`process.env.X ?? '/tmp'`)
          for (const m of line.matchAll(/(\?\?\s*)?['"`]\/(usr|work|home|opt|root|tmp|var|srv)\b[^'"`]*['"`]/g)) if (!m[1]) bad.push(`${path.relative(ENGINE_ROOT, f)}:${i + 1}: ${m[0]}`);
        });
    }
    expect(bad).toEqual([]);
  });
});
