/**
 * Git 访问：直接调用 git 解析引用、列出树、比较差异；大量读取文件内容时用一次
 * `git cat-file --batch` 批量读取（每个文件启动一次 git 太慢）。运行时不加载 simple-git：
 * 它的加载（约 60 毫秒）比一次 git 调用还慢，而这里只需要运行 git 并取回输出；测试仍用
 * simple-git 搭建真实仓库。
 * Git access by running git directly; blobs are read in one `git cat-file --batch` process.
 * simple-git is not loaded at run time: loading it (~60 ms) costs more than a git call, and all
 * we need is to run git and take its output. The tests still build real repositories with it.
 */
import { spawn } from 'node:child_process';
import type { Entry, EntryType, FileSource } from './source.ts';

import { GitError } from './errors.ts';
export { GitError };

/**
 * Run git in `dir` and return its standard output; rejects with git's message on a non-zero exit.
 * `onData` sees the output as it comes (to start dependent work before git has finished).
 */
export function runGit(dir: string, args: string[], onData?: (chunk: Buffer) => void): Promise<string> {
  return new Promise((resolve, reject) => {
    const p = spawn('git', args, { cwd: dir, stdio: ['ignore', 'pipe', 'pipe'] });
    const chunks: Buffer[] = [];
    let err = '';
    p.stdout.on('data', (c: Buffer) => {
      chunks.push(c);
      onData?.(c);
    });
    p.stderr.on('data', (c: Buffer) => (err += c.toString()));
    p.on('error', reject);
    p.on('close', (code) => (code === 0 ? resolve(Buffer.concat(chunks).toString('utf8')) : reject(new Error(err.trim() || `git ${args[0]} exited ${code}`))));
  });
}

/** A repository to run git in. */
export interface SimpleGit {
  raw(args: string[]): Promise<string>;
}

export function git(dir: string): SimpleGit {
  return { raw: (args) => runGit(dir, args) };
}

export async function resolveCommit(g: SimpleGit, ref: string): Promise<string> {
  try {
    return (await g.raw(['rev-parse', '--verify', '--quiet', `${ref}^{commit}`])).trim();
  } catch {
    throw new GitError(`找不到提交或分支“${ref}” / no such commit or branch "${ref}"`);
  }
}

export async function mergeBase(g: SimpleGit, a: string, b: string): Promise<string> {
  try {
    return (await g.raw(['merge-base', a, b])).trim();
  } catch {
    return a;
  }
}

export interface TreeEntry {
  mode: string;
  sha: string;
  size: number;
  path: string;
}

/** `git ls-tree -r -l` of some folders at a commit. */
export async function lsTree(g: SimpleGit, commit: string, paths: string[]): Promise<TreeEntry[]> {
  const out = await g.raw(['ls-tree', '-r', '-l', '-z', '--full-tree', commit, '--', ...paths]);
  const entries: TreeEntry[] = [];
  for (const rec of out.split('\0')) {
    if (!rec) continue;
    const tab = rec.indexOf('\t');
    const [mode, , sha, size] = rec.slice(0, tab).split(/\s+/);
    entries.push({ mode: mode ?? '', sha: sha ?? '', size: Number(size) || 0, path: rec.slice(tab + 1) });
  }
  return entries;
}

export interface DiffEntry {
  status: string; // A M D R T C
  path: string;
  fromPath?: string;
}

/** `git diff --name-status -M` between two commits. */
export async function diffNames(g: SimpleGit, from: string, to: string): Promise<DiffEntry[]> {
  const out = await g.raw(['diff', '--name-status', '-z', '-M', '--no-ext-diff', from, to]);
  const parts = out.split('\0').filter((x) => x !== '');
  const res: DiffEntry[] = [];
  for (let i = 0; i < parts.length; ) {
    const status = parts[i++]!;
    const letter = status[0]!;
    if (letter === 'R' || letter === 'C') {
      const fromPath = parts[i++]!;
      const path = parts[i++]!;
      res.push({ status: letter, path, fromPath });
    } else {
      res.push({ status: letter, path: parts[i++]! });
    }
  }
  return res;
}

/** Read many blobs with one `git cat-file --batch`. */
export function readBlobs(dir: string, shas: string[]): Promise<Map<string, Buffer>> {
  return new Promise((resolve, reject) => {
    const result = new Map<string, Buffer>();
    if (shas.length === 0) return resolve(result);
    const p = spawn('git', ['cat-file', '--batch'], { cwd: dir, stdio: ['pipe', 'pipe', 'pipe'] });
    const chunks: Buffer[] = [];
    p.stdout.on('data', (c: Buffer) => chunks.push(c));
    p.on('error', reject);
    p.on('close', () => {
      const buf = Buffer.concat(chunks);
      let off = 0;
      for (const sha of shas) {
        const nl = buf.indexOf(10, off);
        if (nl < 0) break;
        const header = buf.subarray(off, nl).toString('utf8');
        const [, type, size] = header.split(' ');
        off = nl + 1;
        if (type === 'missing' || size === undefined) continue;
        const n = Number(size);
        result.set(sha, buf.subarray(off, off + n));
        off += n + 1;
      }
      resolve(result);
    });
    p.stdin.end(shas.join('\n') + '\n');
  });
}

function typeOf(mode: string): EntryType {
  if (mode === '120000') return 'symlink';
  if (mode.startsWith('100')) return 'file';
  return 'other';
}

/**
 * A register read from a commit: the listing comes from `git ls-tree`, contents are read
 * on demand (all blobs of the requested folders in one batch).
 */
export class GitSource implements FileSource {
  private entries: TreeEntry[] = [];
  private byPath = new Map<string, TreeEntry>();
  private blobs = new Map<string, Buffer>();
  private constructor(
    private readonly dir: string,
    readonly commit: string,
  ) {}

  get label(): string {
    return this.commit.slice(0, 12);
  }

  static async open(dir: string, commit: string, paths: string[] = ['accounts']): Promise<GitSource> {
    const s = new GitSource(dir, commit);
    s.entries = await lsTree(git(dir), commit, paths);
    for (const e of s.entries) {
      s.byPath.set(e.path, e);
      const slash = e.path.lastIndexOf('/');
      const d = e.path.slice(0, slash);
      const base = e.path.slice(slash + 1);
      let l = s.byDir.get(d);
      if (!l) s.byDir.set(d, (l = []));
      l.push(e);
      if (base === 'region.json' || base === 'unit.json') s.structural.push(e);
      else if (base.endsWith('.json')) {
        const stem = base.slice(0, -5);
        const t = s.stems.get(stem);
        if (t) t.push(e.path);
        else s.stems.set(stem, [e.path]);
      }
    }
    return s;
  }

  private readonly byDir = new Map<string, TreeEntry[]>();
  private readonly structural: TreeEntry[] = [];
  private readonly stems = new Map<string, string[]>();

  /** Every region.json and unit.json, and everything inside the given unit folders. */
  listForScope(unitDirs: ReadonlySet<string>): Entry[] {
    const out: Entry[] = this.structural.map((e) => ({ rel: e.path, type: typeOf(e.mode), size: e.size }));
    for (const d of unitDirs) {
      const full = `accounts/${d}`;
      const files = this.byDir.get(full);
      if (!files) continue;
      out.push({ rel: full, type: 'dir', size: 0 });
      for (const e of files) if (!e.path.endsWith('/unit.json')) out.push({ rel: e.path, type: typeOf(e.mode), size: e.size });
    }
    return out;
  }

  pathsWithStem(stem: string): string[] {
    return [...(this.stems.get(stem) ?? [])].sort();
  }

  contentKey(rel: string): string | undefined {
    return this.byPath.get(rel)?.sha;
  }

  /** Fetch the blobs of the given paths (or all) in one batch. */
  async prefetch(filter: (path: string) => boolean = () => true): Promise<void> {
    const want = this.entries.filter((e) => typeOf(e.mode) === 'file' && filter(e.path) && !this.blobs.has(e.sha)).map((e) => e.sha);
    const got = await readBlobs(this.dir, [...new Set(want)]);
    for (const [k, v] of got) this.blobs.set(k, v);
  }

  list(prefix: string): Entry[] {
    const p = prefix.replace(/\/+$/, '') + '/';
    const dirs = new Set<string>();
    const out: Entry[] = [];
    for (const e of this.entries) {
      if (!e.path.startsWith(p)) continue;
      const parts = e.path.slice(p.length).split('/');
      let acc = p.slice(0, -1);
      for (let i = 0; i < parts.length - 1; i++) {
        acc += '/' + parts[i];
        if (!dirs.has(acc)) {
          dirs.add(acc);
          out.push({ rel: acc, type: 'dir', size: 0 });
        }
      }
      out.push({ rel: e.path, type: typeOf(e.mode), size: e.size });
    }
    out.sort((a, b) => (a.rel < b.rel ? -1 : a.rel > b.rel ? 1 : 0));
    return out;
  }

  read(rel: string): Buffer {
    const e = this.byPath.get(rel);
    if (!e) throw new Error(`no such file at ${this.commit}: ${rel}`);
    const b = this.blobs.get(e.sha);
    if (!b) throw new Error(`blob not fetched: ${rel}`);
    return b;
  }

  exists(rel: string): boolean {
    if (this.byPath.has(rel)) return true;
    const p = rel.replace(/\/+$/, '') + '/';
    return this.entries.some((e) => e.path.startsWith(p));
  }

  /** Read a blob that may not have been prefetched (single file). */
  async readAsync(rel: string): Promise<Buffer | undefined> {
    const e = this.byPath.get(rel);
    if (!e) return undefined;
    if (!this.blobs.has(e.sha)) {
      const got = await readBlobs(this.dir, [e.sha]);
      const b = got.get(e.sha);
      if (b) this.blobs.set(e.sha, b);
    }
    return this.blobs.get(e.sha);
  }

  paths(): string[] {
    return this.entries.map((e) => e.path);
  }
}
