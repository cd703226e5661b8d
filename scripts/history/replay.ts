/**
 * 回放 Git 历史：一次 `git log --raw` 读出每个提交改动的路径和对象编号，在内存中维护登记簿的
 * 目录快照（路径 → 对象），逐个提交构造“改动前 / 改动后”两个视图供检查引擎使用。
 * Replay history: one `git log --raw` gives every commit's changed paths with blob ids; an
 * in-memory snapshot of accounts/ (path → blob) is advanced commit by commit, and each commit
 * is judged on a before/after pair of views of it.
 */
import path from 'node:path';
import type { BlobReader } from '../core/blobs.ts';
import { runGit, type DiffEntry } from '../core/git.ts';
import type { Entry, FileSource } from '../core/source.ts';

export interface RawChange extends DiffEntry {
  oldSha?: string;
  newSha?: string;
  mode?: string;
}

export interface LoggedCommit {
  sha: string;
  parents: string[];
  /** Committer time, seconds since the epoch. */
  time: number;
  author: string;
  subject: string;
  body: string;
  changes: RawChange[];
}

const ZERO = /^0+$/;

/** Parse `git log -z --raw --no-abbrev -M --format=%x01%H%x00%P%x00%ct%x00%an%x00%s%x00%b%x00` output. */
export function parseRawLog(out: string): LoggedCommit[] {
  const commits: LoggedCommit[] = [];
  for (const chunk of out.split('\x01')) {
    if (!chunk) continue;
    const parts = chunk.split('\0');
    const [sha, parents, time, author, subject, body] = parts;
    if (!sha) continue;
    const c: LoggedCommit = { sha, parents: parents ? parents.split(' ').filter(Boolean) : [], time: Number(time), author: author ?? '', subject: subject ?? '', body: body ?? '', changes: [] };
    let i = 6;
    while (i < parts.length) {
      let meta = parts[i++]!;
      meta = meta.replace(/^\n+/, '');
      if (!meta.startsWith(':')) continue;
      const [, , oldSha, newSha, statusFull] = meta.slice(1).split(' ');
      const mode = meta.slice(1).split(' ')[1];
      const letter = (statusFull ?? 'M')[0]!;
      if (letter === 'R' || letter === 'C') {
        const fromPath = parts[i++]!;
        const p = parts[i++]!;
        c.changes.push({ status: letter, path: p, fromPath, ...(oldSha && !ZERO.test(oldSha) ? { oldSha } : {}), ...(newSha && !ZERO.test(newSha) ? { newSha } : {}), ...(mode ? { mode } : {}) });
      } else {
        const p = parts[i++]!;
        c.changes.push({ status: letter, path: p, ...(oldSha && !ZERO.test(oldSha) ? { oldSha } : {}), ...(newSha && !ZERO.test(newSha) ? { newSha } : {}), ...(mode ? { mode } : {}) });
      }
    }
    commits.push(c);
  }
  return commits;
}

export { runGit };

// the log format history and audit parse (defined beside history's early start, which needs it before this module loads)
export { LOG_FORMAT } from './start.ts';

interface FileRef {
  sha: string;
  mode: string;
}

function typeOfMode(mode: string): Entry['type'] {
  if (mode === '120000') return 'symlink';
  if (mode.startsWith('100')) return 'file';
  return 'other';
}

/**
 * The register's tree at one commit, kept in memory and advanced by applying raw changes.
 * Implements the scoped-listing extension of FileSource so a commit's judgement reads only
 * the unit folders it touches.
 */
export class Snapshot {
  readonly files = new Map<string, FileRef>();
  private readonly byDir = new Map<string, Set<string>>();
  private readonly stems = new Map<string, Set<string>>();
  private readonly structuralSet = new Set<string>();

  set(p: string, ref: FileRef): void {
    if (!p.startsWith('accounts/')) return;
    this.files.set(p, ref);
    const b0 = path.posix.basename(p);
    if (b0 === 'region.json' || b0 === 'unit.json') {
      if (!this.structuralSet.has(p)) this.structuralSorted = undefined;
      this.structuralSet.add(p);
    }
    const d = path.posix.dirname(p);
    let s = this.byDir.get(d);
    if (!s) this.byDir.set(d, (s = new Set()));
    s.add(p);
    const base = path.posix.basename(p);
    if (base.endsWith('.json') && base !== 'unit.json' && base !== 'region.json') {
      const stem = base.slice(0, -5);
      let t = this.stems.get(stem);
      if (!t) this.stems.set(stem, (t = new Set()));
      t.add(p);
    }
  }

  delete(p: string): void {
    if (!this.files.delete(p)) return;
    if (this.structuralSet.delete(p)) this.structuralSorted = undefined;
    this.byDir.get(path.posix.dirname(p))?.delete(p);
    const base = path.posix.basename(p);
    if (base.endsWith('.json')) this.stems.get(base.slice(0, -5))?.delete(p);
  }

  apply(changes: readonly RawChange[]): void {
    for (const c of changes) {
      if (c.fromPath && (c.status === 'R')) this.delete(c.fromPath);
      if (c.status === 'D') this.delete(c.path);
      else if (c.newSha) this.set(c.path, { sha: c.newSha, mode: c.mode ?? '100644' });
    }
  }

  dirFiles(dir: string): Iterable<string> {
    return this.byDir.get(dir) ?? [];
  }

  stemPaths(stem: string): string[] {
    return [...(this.stems.get(stem) ?? [])].sort();
  }

  /** Region and unit files (always part of a scoped listing). */
  structural(): Iterable<string> {
    return this.structuralSet;
  }

  private structuralSorted: string[] | undefined;
  /** The structural paths, sorted (cached until they change). */
  structuralList(): string[] {
    return (this.structuralSorted ??= [...this.structuralSet].sort());
  }

  shaOf(p: string): string | undefined {
    return this.files.get(p)?.sha;
  }
}

/**
 * A read-only view of a snapshot, optionally with a commit's changes laid over it (the "after"
 * side), reading blobs from a shared cache that was filled beforehand.
 */
export class SnapshotView implements FileSource {
  private readonly overlay = new Map<string, FileRef | null>();
  constructor(
    private readonly snap: Snapshot,
    private readonly blobs: BlobReader,
    readonly label: string,
    changes: readonly RawChange[] = [],
  ) {
    for (const c of changes) {
      if (!c.path.startsWith('accounts/') && !c.fromPath?.startsWith('accounts/')) continue;
      if (c.fromPath && c.status === 'R') this.overlay.set(c.fromPath, null);
      if (c.status === 'D') this.overlay.set(c.path, null);
      else if (c.newSha) this.overlay.set(c.path, { sha: c.newSha, mode: c.mode ?? '100644' });
    }
  }

  private get(p: string): FileRef | undefined {
    if (this.overlay.has(p)) return this.overlay.get(p) ?? undefined;
    return this.snap.files.get(p);
  }

  shaOf(p: string): string | undefined {
    return this.get(p)?.sha;
  }

  contentKey(p: string): string | undefined {
    return this.get(p)?.sha;
  }

  private entry(p: string): Entry | undefined {
    const f = this.get(p);
    if (!f) return undefined;
    // the size is checked again once the blob is read (loadRegister), so 0 is safe here
    return { rel: p, type: typeOfMode(f.mode), size: 0 };
  }

  listForScope(unitDirs: ReadonlySet<string>): Entry[] {
    // structural files (every region.json and unit.json): the snapshot's sorted list, with this
    // view's own additions and removals; then the files of the touched unit folders
    const removed = new Set<string>();
    const added: string[] = [];
    for (const [p, f] of this.overlay) {
      const b = path.posix.basename(p);
      if (b !== 'region.json' && b !== 'unit.json') continue;
      if (f) {
        if (!this.snap.files.has(p)) added.push(p);
      } else removed.add(p);
    }
    const out: Entry[] = [];
    for (const p of this.snap.structuralList()) {
      if (removed.has(p)) continue;
      const e = this.entry(p);
      if (e) out.push(e);
    }
    for (const p of added) {
      const e = this.entry(p);
      if (e) out.push(e);
    }
    for (const d of unitDirs) {
      const full = `accounts/${d}`;
      out.push({ rel: full, type: 'dir', size: 0 });
      const seen = new Set<string>();
      for (const p of this.snap.dirFiles(full)) {
        if (p.endsWith('/unit.json')) continue;
        seen.add(p);
        const e = this.entry(p);
        if (e) out.push(e);
      }
      for (const [p] of this.overlay) {
        if (seen.has(p) || p.endsWith('/unit.json') || path.posix.dirname(p) !== full) continue;
        const e = this.entry(p);
        if (e) out.push(e);
      }
    }
    return out;
  }

  pathsWithStem(stem: string): string[] {
    const set = new Set(this.snap.stemPaths(stem));
    for (const [p, f] of this.overlay) {
      if (path.posix.basename(p) !== `${stem}.json`) continue;
      if (f) set.add(p);
      else set.delete(p);
    }
    return [...set].sort();
  }

  list(prefix: string): Entry[] {
    const pre = prefix.replace(/\/+$/, '') + '/';
    const paths = new Set<string>();
    for (const p of this.snap.files.keys()) if (p.startsWith(pre)) paths.add(p);
    for (const [p, f] of this.overlay) {
      if (!p.startsWith(pre)) continue;
      if (f) paths.add(p);
      else paths.delete(p);
    }
    const out: Entry[] = [];
    for (const p of [...paths].sort()) {
      const e = this.entry(p);
      if (e) out.push(e);
    }
    return out;
  }

  read(rel: string): Buffer {
    const f = this.get(rel);
    if (!f) throw new Error(`no such file: ${rel}`);
    const b = this.blobs.cached(f.sha);
    if (!b) throw new Error(`blob not loaded: ${rel}`);
    return b;
  }

  exists(rel: string): boolean {
    return this.get(rel) !== undefined || this.list(rel).length > 0;
  }
}

/** Load the snapshot of accounts/ at a commit (empty for none). */
export async function snapshotAt(dir: string, commit: string | undefined): Promise<Snapshot> {
  const snap = new Snapshot();
  if (!commit) return snap;
  const out = await runGit(dir, ['ls-tree', '-r', '-z', '--full-tree', commit, '--', 'accounts']);
  for (const rec of out.split('\0')) {
    if (!rec) continue;
    const tab = rec.indexOf('\t');
    const [mode, , sha] = rec.slice(0, tab).split(' ');
    snap.set(rec.slice(tab + 1), { sha: sha ?? '', mode: mode ?? '100644' });
  }
  return snap;
}

/** The PR number a commit records ("Merge pull request #12", "…(#12)", "!12" for GitLab). */
export function prNumber(c: Pick<LoggedCommit, 'subject' | 'body'>): number | undefined {
  const m = /(?:pull request #|\(#|合并请求 #|!)(\d+)/.exec(`${c.subject}\n${c.body}`);
  return m ? Number(m[1]) : undefined;
}

/** Commit time as a date in Asia/Shanghai. */
export function shanghaiDate(epochSeconds: number): string {
  return new Date(epochSeconds * 1000 + 8 * 3600 * 1000).toISOString().slice(0, 10);
}
