/**
 * Git 访问：直接调用 git 解析引用、列出树、比较差异；大量读取文件内容时用一次
 * `git cat-file --batch` 批量读取（每个文件启动一次 git 太慢）。运行时不加载 simple-git：
 * 它的加载（约 60 毫秒）比一次 git 调用还慢，而这里只需要运行 git 并取回输出；测试仍用
 * simple-git 搭建真实仓库。
 * Git access by running git directly; blobs are read in one `git cat-file --batch` process.
 * simple-git is not loaded at run time: loading it (~60 ms) costs more than a git call, and all
 * we need is to run git and take its output. The tests still build real repositories with it.
 */
import { spawn, spawnSync } from 'node:child_process';
import { unitDirOf } from './paths.ts';
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

/** Largest blob read into memory (the register's file size limit is below it). */
export const MAX_BLOB_BYTES = 1024 * 1024;

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
  /** Size in bytes; -1 until known (listings do not ask git for sizes, reads do). */
  size: number;
  path: string;
}

/** Object sizes with one `git cat-file --batch-check` (no content read). */
export async function blobSizes(dir: string, shas: string[]): Promise<Map<string, number>> {
  const sizes = new Map<string, number>();
  if (shas.length === 0) return sizes;
  const out = await new Promise<string>((resolve, reject) => {
    const p = spawn('git', ['cat-file', '--batch-check'], { cwd: dir, stdio: ['pipe', 'pipe', 'pipe'] });
    const chunks: Buffer[] = [];
    p.stdout.on('data', (c: Buffer) => chunks.push(c));
    p.on('error', reject);
    p.on('close', () => resolve(Buffer.concat(chunks).toString('utf8')));
    p.stdin.on('error', () => undefined);
    p.stdin.end(shas.join('\n') + '\n');
  });
  for (const line of out.split('\n')) {
    const [sha, type, size] = line.split(' ');
    if (sha && type && type !== 'missing' && size !== undefined) sizes.set(sha, Number(size));
  }
  return sizes;
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
 * A register read from a commit. The listing is `git ls-tree -r -z` kept as text and searched
 * when asked (a file, a folder, the files with a given name, every unit.json and region.json):
 * checking a pull request in a 100,000-file register touches a few hundred entries, and turning
 * every line into objects and maps was most of its time. Contents are read on demand, in batches
 * (prefetch) or one by one.
 */
/** Path lookups answered by searching the listing text before it is indexed once (see GitSource.indexed). */
const INDEX_AFTER = 16;

export class GitSource implements FileSource {
  /** ls-tree output: records "<mode> <type> <sha>\t<path>\0". */
  private raw = '';
  private all: TreeEntry[] | undefined;
  private readonly byPath = new Map<string, TreeEntry | null>();
  private readonly blobs = new Map<string, Buffer>();
  private structuralCache: TreeEntry[] | undefined;
  private sortedCache: TreeEntry[] | undefined;
  private stemIndex: Map<string, string[]> | undefined;
  private readonly stems = new Map<string, string[]>();
  /** Lookups by path so far; past INDEX_AFTER the listing is indexed once (path and folder → record). */
  private lookups = 0;
  private pathIndex: Map<string, number> | undefined;
  private folderIndex: Map<string, number[]> | undefined;
  private constructor(
    private readonly dir: string,
    readonly commit: string,
  ) {}

  get label(): string {
    return this.commit.slice(0, 12);
  }

  /** The repository the commit is read from. */
  get repoDir(): string {
    return this.dir;
  }

  static async open(dir: string, commit: string, paths: string[] = ['accounts']): Promise<GitSource> {
    const s = new GitSource(dir, commit);
    s.raw = await git(dir).raw(['ls-tree', '-r', '-z', '--full-tree', commit, '--', ...paths]);
    return s;
  }

  /** The record that contains position `at` of the raw listing. */
  private recordAt(at: number): TreeEntry {
    const start = this.raw.lastIndexOf('\0', at) + 1;
    let end = this.raw.indexOf('\0', at);
    if (end < 0) end = this.raw.length;
    const rec = this.raw.slice(start, end);
    const tab = rec.indexOf('\t');
    const sp1 = rec.indexOf(' ');
    const sp2 = rec.indexOf(' ', sp1 + 1);
    const path = rec.slice(tab + 1);
    const known = this.byPath.get(path);
    if (known) return known;
    const e: TreeEntry = { mode: rec.slice(0, sp1), sha: rec.slice(sp2 + 1, tab), size: -1, path };
    this.byPath.set(path, e);
    return e;
  }

  /** Every record whose text contains `needle` (searched natively), in listing order. */
  private search(needle: string): TreeEntry[] {
    const out: TreeEntry[] = [];
    for (let i = this.raw.indexOf(needle); i >= 0; i = this.raw.indexOf(needle, i + needle.length)) out.push(this.recordAt(i));
    return out;
  }

  /**
   * A few lookups search the listing text natively; a pull request touching many files would
   * search it once per file (cost = touched files × register size), so past INDEX_AFTER lookups
   * the listing is indexed once: each path and each folder to the offsets of its records.
   */
  private indexed(): boolean {
    if (this.pathIndex) return true;
    if (++this.lookups <= INDEX_AFTER) return false;
    const paths = new Map<string, number>();
    const folders = new Map<string, number[]>();
    const raw = this.raw;
    for (let i = 0; i < raw.length; ) {
      let end = raw.indexOf('\0', i);
      if (end < 0) end = raw.length;
      if (end > i) {
        const path = raw.slice(raw.indexOf('\t', i) + 1, end);
        paths.set(path, i);
        const folder = path.slice(0, Math.max(0, path.lastIndexOf('/')));
        const list = folders.get(folder);
        if (list) list.push(i);
        else folders.set(folder, [i]);
      }
      i = end + 1;
    }
    this.pathIndex = paths;
    this.folderIndex = folders;
    return true;
  }

  private entry(rel: string): TreeEntry | undefined {
    const hit = this.byPath.get(rel);
    if (hit !== undefined) return hit ?? undefined;
    let at: number | undefined;
    if (this.indexed()) at = this.pathIndex!.get(rel);
    else {
      const i = this.raw.indexOf(`\t${rel}\0`);
      at = i < 0 ? undefined : i + 1;
    }
    if (at === undefined) {
      this.byPath.set(rel, null);
      return undefined;
    }
    return this.recordAt(at);
  }

  private entries(): TreeEntry[] {
    if (!this.all) {
      this.all = [];
      for (let i = 0; i < this.raw.length; ) {
        let end = this.raw.indexOf('\0', i);
        if (end < 0) end = this.raw.length;
        if (end > i) this.all.push(this.recordAt(i));
        i = end + 1;
      }
    }
    return this.all;
  }

  private structural(): TreeEntry[] {
    this.structuralCache ??= [...this.search('/region.json\0'), ...this.search('/unit.json\0')].filter((e) => e.path.endsWith('/region.json') || e.path.endsWith('/unit.json'));
    return this.structuralCache;
  }

  /** The entries directly inside a folder (accounts-relative path with the accounts/ prefix). */
  private inFolder(full: string): TreeEntry[] {
    if (this.indexed()) return (this.folderIndex!.get(full) ?? []).map((at) => this.recordAt(at));
    return this.search(`\t${full}/`).filter((e) => !e.path.slice(full.length + 1).includes('/'));
  }

  /** Every region.json and unit.json, and everything inside the given unit folders. */
  listForScope(unitDirs: ReadonlySet<string>): Entry[] {
    const out: Entry[] = this.structural().map((e) => ({ rel: e.path, type: typeOf(e.mode), size: Math.max(0, e.size) }));
    for (const d of unitDirs) {
      const full = `accounts/${d}`;
      const files = this.inFolder(full);
      if (!files.length) continue;
      out.push({ rel: full, type: 'dir', size: 0 });
      for (const e of files) if (!e.path.endsWith('/unit.json')) out.push({ rel: e.path, type: typeOf(e.mode), size: Math.max(0, e.size) });
    }
    return out;
  }

  /**
   * A few stems are searched in the listing text; a pull request touching many accounts would
   * search it once per account (cost = touched files × register size), so past INDEX_AFTER stems
   * every file name is indexed once.
   */
  pathsWithStem(stem: string): string[] {
    let l = this.stems.get(stem);
    if (!l) {
      if (stem === 'unit' || stem === 'region') l = [];
      else if (this.stemIndex || this.stems.size >= INDEX_AFTER) l = [...(this.buildStemIndex().get(stem) ?? [])].sort();
      else l = this.search(`/${stem}.json\0`).map((e) => e.path).filter((p) => p.endsWith(`/${stem}.json`)).sort();
      this.stems.set(stem, l);
    }
    return [...l];
  }

  private buildStemIndex(): Map<string, string[]> {
    if (this.stemIndex) return this.stemIndex;
    const index = new Map<string, string[]>();
    const raw = this.raw;
    for (let i = 0; i < raw.length; ) {
      let end = raw.indexOf('\0', i);
      if (end < 0) end = raw.length;
      if (end > i) {
        const p = raw.slice(raw.indexOf('\t', i) + 1, end);
        const slash = p.lastIndexOf('/');
        if (slash >= 0 && p.endsWith('.json')) {
          const stem = p.slice(slash + 1, -5);
          const list = index.get(stem);
          if (list) list.push(p);
          else index.set(stem, [p]);
        }
      }
      i = end + 1;
    }
    this.stemIndex = index;
    return index;
  }

  contentKey(rel: string): string | undefined {
    return this.entry(rel)?.sha;
  }

  /**
   * Fetch the blobs of the entries in `among` (default: the whole listing) that pass the
   * filter, in one batch. Their sizes are checked first (`--batch-check`): a blob over
   * `maxBytes` is not read, only its size is kept, so a hostile gigabyte file in a pull request
   * is reported, not loaded.
   */
  async prefetch(filter: (path: string) => boolean = () => true, maxBytes = MAX_BLOB_BYTES, among?: TreeEntry[]): Promise<void> {
    const wanted = (among ?? this.entries()).filter((e) => typeOf(e.mode) === 'file' && filter(e.path) && !this.blobs.has(e.sha));
    const shas = [...new Set(wanted.map((e) => e.sha))];
    const sizes = await blobSizes(this.dir, shas);
    for (const e of wanted) e.size = sizes.get(e.sha) ?? e.size;
    const got = await readBlobs(this.dir, shas.filter((x) => (sizes.get(x) ?? 0) <= maxBytes));
    for (const [k, v] of got) this.blobs.set(k, v);
  }

  /**
   * Prefetch what a scoped load of the given unit folders reads, in a few batches: every
   * region.json, the folders themselves, then the unit.json of every unit those name (a
   * region's supervising office, a unit's parent or supervisor), following the references
   * until none is new. Only a hint for speed: a file missed here is still read when asked for.
   */
  async prefetchScope(unitDirs: ReadonlySet<string>): Promise<void> {
    const structural = this.structural();
    const inScope = [...unitDirs].flatMap((d) => this.inFolder(`accounts/${d}`));
    await this.prefetch((p) => p.endsWith('/region.json') || unitDirs.has(unitDirOf(p)), MAX_BLOB_BYTES, [...structural, ...inScope]);
    const unitPath = new Map<string, TreeEntry>();
    for (const e of structural) if (e.path.endsWith('/unit.json')) unitPath.set(e.path.slice(e.path.lastIndexOf('/', e.path.length - 11) + 1, -10), e);
    const refs = (e: TreeEntry | undefined, keys: string[]): string[] => {
      const b = e && this.blobs.get(e.sha);
      if (!b) return [];
      try {
        const v = JSON.parse(b.toString('utf8')) as Record<string, unknown>;
        return keys.map((k) => v?.[k]).filter((x): x is string => typeof x === 'string');
      } catch {
        return [];
      }
    };
    const seen = new Set<string>();
    let next = new Set<string>();
    for (const e of structural) if (e.path.endsWith('/region.json')) for (const id of refs(e, ['supervisingOffice'])) next.add(id);
    for (const d of unitDirs) for (const id of refs(this.entry(`accounts/${d}/unit.json`), ['parent', 'supervisor'])) next.add(id);
    for (let round = 0; round < 20 && next.size; round++) {
      const batch: TreeEntry[] = [];
      for (const id of next) {
        seen.add(id);
        const e = unitPath.get(id);
        if (e) batch.push(e);
      }
      await this.prefetch(() => true, MAX_BLOB_BYTES, batch);
      const more = new Set<string>();
      for (const e of batch) for (const id of refs(e, ['parent', 'supervisor'])) if (!seen.has(id)) more.add(id);
      next = more;
    }
  }

  list(prefix: string): Entry[] {
    const p = prefix.replace(/\/+$/, '') + '/';
    const dirs = new Set<string>();
    const out: Entry[] = [];
    // the listing sorted once; every path under the prefix is in one run from its lower bound
    // (a PR touching many unit.json files lists one folder each: no scan of the register per file)
    const all = (this.sortedCache ??= [...this.entries()].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0)));
    let lo = 0;
    let hi = all.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (all[mid]!.path < p) lo = mid + 1;
      else hi = mid;
    }
    for (let i = lo; i < all.length; i++) {
      const e = all[i]!;
      if (!e.path.startsWith(p)) break;
      const parts = e.path.slice(p.length).split('/');
      let acc = p.slice(0, -1);
      for (let i = 0; i < parts.length - 1; i++) {
        acc += '/' + parts[i];
        if (!dirs.has(acc)) {
          dirs.add(acc);
          out.push({ rel: acc, type: 'dir', size: 0 });
        }
      }
      out.push({ rel: e.path, type: typeOf(e.mode), size: Math.max(0, e.size) });
    }
    out.sort((a, b) => (a.rel < b.rel ? -1 : a.rel > b.rel ? 1 : 0));
    return out;
  }

  /**
   * A file's content. Blobs are normally prefetched in one batch; one that was not (a unit a
   * scoped load finds it needs and the prefetch did not foresee) is read on its own.
   */
  read(rel: string): Buffer {
    const e = this.entry(rel);
    if (!e) throw new Error(`no such file at ${this.commit}: ${rel}`);
    let b = this.blobs.get(e.sha);
    if (!b) {
      if (e.size > MAX_BLOB_BYTES) throw new Error(`blob too large: ${rel}`);
      const r = spawnSync('git', ['cat-file', 'blob', e.sha], { cwd: this.dir, maxBuffer: MAX_BLOB_BYTES + 1 });
      if (r.status !== 0 || !Buffer.isBuffer(r.stdout)) throw new Error(`cannot read ${rel} at ${this.commit}`);
      b = r.stdout;
      e.size = b.length;
      this.blobs.set(e.sha, b);
    }
    return b;
  }

  exists(rel: string): boolean {
    if (this.entry(rel)) return true;
    return this.raw.includes(`\t${rel.replace(/\/+$/, '')}/`);
  }
}
