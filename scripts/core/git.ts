/**
 * Git 访问：直接调用 git 解析引用、列出树、比较差异；大量读取文件内容时用一次
 * `git cat-file --batch` 批量读取（每个文件启动一次 git 太慢）。运行时不加载 simple-git：
 * 它的加载（约 60 毫秒）比一次 git 调用还慢，而这里只需要运行 git 并取回输出；测试仍用
 * simple-git 搭建真实仓库。
 * Git access by running git directly; blobs are read in one `git cat-file --batch` process.
 * simple-git is not loaded at run time: loading it (~60 ms) costs more than a git call, and all
 * we need is to run git and take its output. The tests still build real repositories with it.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { closeSync, fstatSync, openSync, readSync, unlinkSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Entry, EntryType, FileSource } from './source.ts';

import { GitError } from './errors.ts';
import { runGit, runGitBuffer } from './run-git.ts';
import { unitDirOf } from './paths.ts';

/** A full Git object id: SHA-1 (40 hex digits) or SHA-256 (64). */
export const OBJECT_ID = /^[0-9a-f]{40}([0-9a-f]{24})?$/;
export { GitError };

// runGit and runGitBuffer live in run-git.ts (a small module: history starts git before loading this one)
export { runGit, runGitBuffer };

/** A command's output left in an unlinked temporary file (runGitToFile); whoever gets it closes `fd`. */
export interface OutputFile {
  fd: number;
  size: number;
}

/**
 * Run git with its output going to an unlinked temporary file instead of a pipe (a listing of the
 * whole register): through a pipe (64 KiB) git stops whenever this process is busy (loading the
 * engine while the listing runs), and every chunk is copied again at the end. A 15 MB listing came
 * 0.1–0.25 s later than git could write it. Where a temporary file cannot be made (or an open file
 * cannot be unlinked: Windows) the pipe is used and the output comes as bytes.
 */
export function runGitToFile(dir: string, args: string[], signal?: AbortSignal): Promise<OutputFile | Buffer> {
  if (signal?.aborted) return Promise.reject(new GitError(`git ${args[0]}: not needed`));
  if (process.platform === 'win32') return runGitBuffer(dir, args);
  const fd = unlinkedTempFile();
  if (fd === undefined) return runGitBuffer(dir, args);
  // git failed, or the size could not be read: the file is closed once, here
  return gitToFd(dir, args, fd, signal)
    .then(() => ({ fd, size: fstatSync(fd).size }))
    .catch((e: unknown) => {
      closeSync(fd);
      throw e;
    });
}

/** An open temporary file that has no name any more (only this process can read it), or undefined. */
function unlinkedTempFile(): number | undefined {
  try {
    const file = path.join(os.tmpdir(), `govmedia-git-${process.pid}-${randomBytes(6).toString('hex')}`);
    const fd = openSync(file, 'wx+', 0o600);
    try {
      unlinkSync(file);
    } catch (e) {
      closeSync(fd);
      throw e;
    }
    return fd;
  } catch {
    return undefined;
  }
}

/** Run git with its output written to `fd`; resolves when git ended well, rejects with git's message (or when ended by the signal). */
function gitToFd(dir: string, args: string[], fd: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    let p: ChildProcess;
    try {
      // aborted (its output is not needed after all): git is ended and the promise rejects
      p = spawn('git', args, { cwd: dir, stdio: ['ignore', fd, 'pipe'], ...(signal ? { signal } : {}) });
    } catch (e) {
      reject(e);
      return;
    }
    let err = '';
    let ended = false;
    p.stderr!.on('data', (c: Buffer) => (err += c.toString()));
    p.on('error', (e) => {
      if (!ended) reject(e);
      ended = true;
    });
    p.on('close', (code) => {
      if (ended) return;
      ended = true;
      if (code !== 0) reject(new Error(err.trim() || `git ${args[0]} exited ${code}`));
      else resolve();
    });
  });
}

/** A command writing to an unlinked temporary file that may be read while it writes (runGitToLiveFile); the caller closes `fd`. */
export interface LiveOutputFile {
  fd: number;
  /** The output's final size once git has ended well; rejects with git's message (or when ended by the signal). */
  done: Promise<number>;
}

/**
 * runGitToFile, with the file handed over at once, so the output can be read while git writes it
 * (GitSource.open scans a listing as it comes instead of waiting for all of it). Whoever gets it
 * closes `fd`, whatever `done` does. Undefined where no temporary file can be made (Windows, or it
 * fails): use runGitToFile.
 */
export function runGitToLiveFile(dir: string, args: string[], signal?: AbortSignal): LiveOutputFile | undefined {
  if (process.platform === 'win32' || signal?.aborted) return undefined;
  const fd = unlinkedTempFile();
  if (fd === undefined) return undefined;
  return { fd, done: gitToFd(dir, args, fd, signal).then(() => fstatSync(fd).size) };
}

/** runGitBuffer through a temporary file (runGitToFile): the whole output, read at once when git has finished. */
export async function runGitLarge(dir: string, args: string[]): Promise<Buffer> {
  const out = await runGitToFile(dir, args);
  if (Buffer.isBuffer(out)) return out;
  try {
    const buf = Buffer.allocUnsafe(out.size);
    readRange(out.fd, buf, 0, out.size);
    return buf;
  } finally {
    closeSync(out.fd);
  }
}

/** Read `length` bytes of `fd` from position `from` into `buf` at `at`; throws on a short read. */
export function readRange(fd: number, buf: Buffer, at: number, length: number, from = 0): void {
  for (let off = 0; off < length; ) {
    const n = readSync(fd, buf, at + off, length - off, from + off);
    if (n <= 0) throw new GitError('git: short read of its output');
    off += n;
  }
}

/**
 * Bytes of a listing read at a time from its file (GitSource.open with a hint): on this project's
 * machines touching fresh memory costs more than reading (a 15 MB buffer ~50 ms of page faults).
 * A property so tests can make records cross chunk boundaries.
 */
export const listingChunk = { bytes: 1 << 20 };

/**
 * Hand the NUL-terminated records of an output file to `visit` a chunk at a time: each call gets a
 * buffer whose first `n` bytes are whole records (the last record of the file may lack its NUL).
 * The buffer is reused: whatever `visit` keeps of it must be copied (decoded) at once.
 */
function eachChunkOfRecords(f: OutputFile, visit: (buf: Buffer, n: number) => void): void {
  let buf = Buffer.allocUnsafe(Math.max(1, Math.min(f.size, listingChunk.bytes)));
  let have = 0;
  let pos = 0;
  while (pos < f.size || have > 0) {
    if (pos < f.size) {
      if (have === buf.length) {
        // a record longer than the buffer: a larger one
        const larger = Buffer.allocUnsafe(buf.length * 2);
        buf.copy(larger, 0, 0, have);
        buf = larger;
      }
      const want = Math.min(buf.length - have, f.size - pos);
      readRange(f.fd, buf, have, want, pos);
      pos += want;
      have += want;
    }
    const last = pos < f.size ? buf.lastIndexOf(0, have - 1) : have - 1;
    if (last < 0) continue;
    visit(buf, last + 1);
    buf.copy(buf, 0, last + 1, have);
    have -= last + 1;
  }
}

/**
 * eachChunkOfRecords over an output git is still writing (runGitToLiveFile): the records written so
 * far are handed over, then more are waited for (a few milliseconds at a time, or git's end), until
 * git has ended and every record has been seen. The same chunks' contract: whole records only, the
 * last record of the output may lack its NUL, the buffer is reused. Rejects when git fails.
 */
async function eachChunkOfRecordsLive(f: LiveOutputFile, visit: (buf: Buffer, n: number) => void): Promise<number> {
  let final: number | undefined;
  let failed: { e: unknown } | undefined;
  const ended = f.done.then(
    (n) => void (final = n),
    (e: unknown) => void (failed = { e }),
  );
  let buf = Buffer.allocUnsafe(listingChunk.bytes);
  let have = 0;
  let pos = 0;
  for (;;) {
    if (failed) throw failed.e;
    const end = final;
    const size = end ?? fstatSync(f.fd).size;
    if (pos < size) {
      if (have === buf.length) {
        // a record longer than the buffer: a larger one
        const larger = Buffer.allocUnsafe(buf.length * 2);
        buf.copy(larger, 0, 0, have);
        buf = larger;
      }
      const want = Math.min(buf.length - have, size - pos);
      readRange(f.fd, buf, have, want, pos);
      pos += want;
      have += want;
    } else if (end === undefined) {
      // all that is written is seen: wait for more (or for git's end)
      await Promise.race([ended, new Promise((r) => setTimeout(r, 2))]);
      continue;
    } else if (have === 0) return end;
    const last = end !== undefined && pos >= end ? have - 1 : buf.lastIndexOf(0, have - 1);
    if (last < 0) continue;
    visit(buf, last + 1);
    buf.copy(buf, 0, last + 1, have);
    have -= last + 1;
  }
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

/**
 * Several refs to commits with one git process when all resolve (each as resolveCommit would), or
 * with none through an open `reader`; when any does not, or one looks like an option, each is
 * resolved on its own, so the error names it.
 */
export async function resolveCommits(g: SimpleGit, refs: readonly string[], reader?: ObjectReader): Promise<string[]> {
  if (reader && refs.every((r) => r !== '' && !r.startsWith('-'))) {
    // through the check's open cat-file: no process of its own
    try {
      const got = await reader.lookup(refs.map((r) => `${r}^{commit}`));
      const out = refs.map((r) => got.get(`${r}^{commit}`));
      if (out.every((x) => x?.type === 'commit' && OBJECT_ID.test(x.oid))) return out.map((x) => x!.oid);
    } catch {
      // resolved by rev-parse below
    }
  }
  if (refs.length > 1 && refs.every((r) => r !== '' && !r.startsWith('-'))) {
    try {
      const out = (await g.raw(['rev-parse', '--quiet', ...refs.map((r) => `${r}^{commit}`)])).split('\n').filter(Boolean);
      if (out.length === refs.length && out.every((x) => OBJECT_ID.test(x))) return out;
    } catch {
      // resolved one by one below, for the message
    }
  }
  return Promise.all(refs.map((r) => resolveCommit(g, r)));
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

/** What `info` tells of an object: its id, type and size. */
export interface ObjectInfo {
  oid: string;
  type: string;
  size: number;
}

interface Pending {
  kind: 'info' | 'contents';
  names: string[];
  /** Names answered as missing so far. */
  skipped: number;
  got: Map<string, ObjectInfo | Buffer>;
  resolve: (m: Map<string, ObjectInfo | Buffer>) => void;
}

/** One cat-file process and the requests it answers, in order (see ObjectReader). */
class CatFile {
  readonly proc: ChildProcess;
  private out: Buffer = Buffer.alloc(0);
  readonly queue: Pending[] = [];
  /** Answers received (a process that ends before the first one may not know the option). */
  answered = 0;
  ended = false;
  stderr = '';

  constructor(
    dir: string,
    readonly mode: '--batch-command' | '--batch-check' | '--batch',
    onEnd: (c: CatFile, e: Error) => void,
  ) {
    // --batch-command with --buffer: git keeps its answers in its output buffer until a request's
    // "flush" (send) instead of writing each answer on its own (~3,300 writes of 52 bytes for a
    // one-account check of a 100,000-account register, each a read for this side)
    this.proc = spawn('git', mode === '--batch-command' ? ['cat-file', mode, '--buffer'] : ['cat-file', mode], { cwd: dir, stdio: ['pipe', 'pipe', 'pipe'] });
    this.proc.on('error', (e) => onEnd(this, e));
    this.proc.on('close', (code) => onEnd(this, new GitError(`git cat-file ${mode} 已退出 / ended (${code ?? 'signal'})${this.stderr.trim() ? `: ${JSON.stringify(this.stderr.trim().slice(0, 300))}` : ''}`)));
    this.proc.stdin!.on('error', () => undefined);
    this.proc.stderr!.on('data', (c: Buffer) => {
      if (this.stderr.length < 4096) this.stderr += c.toString('utf8');
    });
    this.proc.stdout!.on('data', (c: Buffer) => {
      this.out = this.out.length ? Buffer.concat([this.out, c]) : c;
      this.drain();
    });
  }

  send(q: Pending): void {
    this.queue.push(q);
    if (this.mode === '--batch-command') this.proc.stdin!.write(q.names.map((n) => `${q.kind} ${n}\n`).join('') + 'flush\n');
    else this.proc.stdin!.write(q.names.map((n) => n + '\n').join(''));
  }

  private drain(): void {
    while (this.queue.length) {
      const q = this.queue[0]!;
      const buf = this.out;
      const nl = buf.indexOf(10);
      if (nl < 0) return;
      // "<oid> <type> <size>", or "<name> missing" / "<name> ambiguous" (a name may hold spaces)
      const header = buf.toString('utf8', 0, nl);
      const name = q.names[q.got.size + q.skipped]!;
      const [oid, type, size] = header.split(' ');
      const known = !/ (missing|ambiguous)$/.test(header) && oid !== undefined && type !== undefined && size !== undefined && /^\d+$/.test(size);
      if (known && q.kind === 'contents') {
        const n = Number(size);
        if (buf.length < nl + 1 + n + 1) return;
        q.got.set(name, Buffer.from(buf.subarray(nl + 1, nl + 1 + n)));
        this.out = buf.subarray(nl + 1 + n + 1);
      } else {
        if (known) q.got.set(name, { oid: oid!, type: type!, size: Number(size) });
        else q.skipped++;
        this.out = buf.subarray(nl + 1);
      }
      this.answered++;
      if (q.got.size + q.skipped === q.names.length) {
        this.queue.shift();
        q.resolve(q.got);
      }
    }
  }
}

/**
 * Git objects looked up and read through one `git cat-file --batch-command` kept open for a whole
 * check (git 2.36 and later; before that one `--batch-check` and one `--batch`, started when the first
 * fails to start): the commits a check names, the base's engine ids and every blob it reads, instead of
 * a git process for each question (starting a process costs more the larger this one is). Requests are
 * answered in order; an object that is missing, or a name that cannot be asked (a line break in it),
 * is left out of the answer; when git ends or fails, whatever is still asked is answered with what came
 * (callers read a missing blob on its own and report what stays missing). close() must be called.
 */
export class ObjectReader {
  private command: CatFile | undefined;
  private check: CatFile | undefined;
  private batch: CatFile | undefined;
  private failed: Error | undefined;
  private closed = false;

  /** `pair`: the two processes of a git before 2.36 from the start (tests prove both give the same answers). */
  constructor(
    readonly dir: string,
    opts: { pair?: boolean } = {},
  ) {
    if (!opts.pair) this.command = new CatFile(dir, '--batch-command', (c, e) => this.ended(c, e));
  }

  /** Process ids of the git processes running now (tests end one to see a failure answered). */
  get pids(): number[] {
    return [this.command, this.check, this.batch].flatMap((c) => (c && !c.ended && c.proc.pid !== undefined ? [c.proc.pid] : []));
  }

  /** Id, type and size of each name (any object name git understands: an id, `<ref>^{commit}`, `<commit>:<path>`). */
  async lookup(names: readonly string[]): Promise<Map<string, ObjectInfo>> {
    return (await this.ask('info', names)) as Map<string, ObjectInfo>;
  }

  /** Object sizes (no content read). */
  async sizes(shas: readonly string[]): Promise<Map<string, number>> {
    const m = new Map<string, number>();
    for (const [k, v] of await this.lookup(shas)) m.set(k, v.size);
    return m;
  }

  /** Object contents. */
  async read(shas: readonly string[]): Promise<Map<string, Buffer>> {
    return (await this.ask('contents', shas)) as Map<string, Buffer>;
  }

  close(): void {
    this.closed = true;
    this.failed ??= new GitError('closed');
    for (const c of [this.command, this.check, this.batch]) c?.proc.stdin!.end();
  }

  private ask(kind: 'info' | 'contents', names: readonly string[]): Promise<Map<string, ObjectInfo | Buffer>> {
    // a line break would split a request; a path that climbs out of the tree ("<rev>:../x") makes git
    // end instead of answering: neither is sent (both are absent, as a missing object is)
    const wanted = [...new Set(names)].filter((n) => n !== '' && !/[\n\r\0]/.test(n) && !/^[^:]+:(?:.*\/)?\.\.?(?:\/|$)/.test(n));
    if (!wanted.length) return Promise.resolve(new Map());
    if (this.failed) return Promise.reject(this.failed);
    return new Promise((resolve) => this.route({ kind, names: wanted, got: new Map(), skipped: 0, resolve }));
  }

  private route(q: Pending): void {
    if (this.command) return this.command.send(q);
    const c = q.kind === 'info' ? (this.check ??= new CatFile(this.dir, '--batch-check', (c, e) => this.ended(c, e))) : (this.batch ??= new CatFile(this.dir, '--batch', (c, e) => this.ended(c, e)));
    c.send(q);
  }

  private ended(c: CatFile, e: Error): void {
    if (c.ended) return;
    c.ended = true;
    if (c === this.command && c.answered === 0 && !this.closed && /usage|unknown option|batch-command/i.test(c.stderr)) {
      // a git before 2.36: the same requests to the pair of processes
      this.command = undefined;
      for (const q of c.queue.splice(0)) {
        q.got.clear();
        q.skipped = 0;
        this.route(q);
      }
      return;
    }
    this.failed ??= e;
    // whatever is still asked for is answered with what came (a missing object is left out anyway)
    for (const q of c.queue.splice(0)) q.resolve(q.got);
  }
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

/** One entry of the exact tree delta between two commits (see treeDelta). */
export interface TreeChange {
  /** A added, D deleted, M modified, T type changed. */
  status: string;
  path: string;
  /** The entry after the change (absent for D). */
  mode: string;
  sha: string;
}

/**
 * The exact difference between the listings of two commits under `paths`: every path whose mode
 * or object changed, with its new mode and object id (`git diff --raw`, no rename pairing, full
 * ids; the options that configuration could change are given). Applied to the listing of `from`,
 * it gives the listing of `to` (GitSource.derive). Not `git diff-tree`: in a checkout it reads
 * the whole index first (0.1 s at 100,000 files), `git diff` between two commits does not.
 */
export async function treeDelta(dir: string, from: string, to: string, paths: string[] = ['accounts']): Promise<TreeChange[]> {
  const out = await runGit(dir, ['diff', '--raw', '-z', '--no-renames', '--no-abbrev', '--ignore-submodules=none', '--no-relative', '--no-ext-diff', '--no-textconv', '--no-color', from, to, '--', ...paths]);
  const parts = out.split('\0');
  const res: TreeChange[] = [];
  for (let i = 0; i + 1 < parts.length; i += 2) {
    const meta = parts[i]!;
    const path = parts[i + 1]!;
    // ":<old mode> <new mode> <old id> <new id> <status>"
    const [, mode, , sha, status] = meta.slice(1).split(' ');
    if (meta[0] !== ':' || !mode || !sha || !status || !/^[ADMT]$/.test(status) || !OBJECT_ID.test(sha)) throw new GitError(`git diff-tree: unexpected output "${meta.slice(0, 120)}"`);
    res.push({ status, path, mode, sha });
  }
  return res;
}

/**
 * diffNames and treeDelta (under accounts/) from one `git diff --raw -M` (one git process, one
 * tree comparison): `diffs` as diffNames gives them (renames paired), and the exact per-path delta,
 * where a rename is its source deleted and its target added and a path that a rename empties and a
 * change writes anew is the new entry. `delta` is undefined when a change under accounts/ is not one
 * a listing can take (then the head is listed itself).
 */
export async function diffWithDelta(dir: string, from: string, to: string): Promise<{ diffs: DiffEntry[]; delta: TreeChange[] | undefined }> {
  const out = await runGit(dir, ['diff', '--raw', '-z', '-M', '--no-abbrev', '--ignore-submodules=none', '--no-relative', '--no-ext-diff', '--no-textconv', '--no-color', from, to]);
  const parts = out.split('\0');
  const diffs: DiffEntry[] = [];
  const byPath = new Map<string, TreeChange>();
  let exact = true;
  const under = (p: string): boolean => p === 'accounts' || p.startsWith('accounts/');
  for (let i = 0; i < parts.length && parts[i] !== ''; ) {
    const meta = parts[i++]!;
    // ":<old mode> <new mode> <old id> <new id> <status>"
    const [, mode, oldSha, sha, status] = meta.slice(1).split(' ');
    const letter = status?.[0] ?? '';
    const ok = meta[0] === ':' && mode !== undefined && oldSha !== undefined && sha !== undefined && OBJECT_ID.test(sha);
    if (letter === 'R' || letter === 'C') {
      const fromPath = parts[i++]!;
      const path = parts[i++]!;
      diffs.push({ status: letter, path, fromPath });
      if (letter === 'R' && under(fromPath) && !byPath.has(fromPath)) byPath.set(fromPath, { status: 'D', path: fromPath, mode: '000000', sha: '0'.repeat(sha?.length ?? 40) });
      if (under(path)) {
        if (!ok) exact = false;
        byPath.set(path, { status: 'A', path, mode: mode ?? '', sha: sha ?? '' });
      }
    } else {
      const path = parts[i++]!;
      diffs.push({ status: letter, path });
      if (under(path)) {
        if (!ok || !/^[ADMT]$/.test(status ?? '')) exact = false;
        byPath.set(path, { status: letter, path, mode: mode ?? '', sha: sha ?? '' });
      }
    }
  }
  return { diffs, delta: exact ? [...byPath.values()].sort((a, b) => pathOrder(a.path, b.path)) : undefined };
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

/** A listed entry whose size is the tree entry's as it is when asked (known once read or checked). */
class ListedEntry implements Entry {
  readonly type: EntryType;
  constructor(private readonly e: TreeEntry) {
    this.type = typeOf(e.mode);
  }
  get rel(): string {
    return this.e.path;
  }
  get size(): number {
    return Math.max(0, this.e.size);
  }
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

/**
 * What a pull-request check will ask a listing (see GitSource.open): the unit folders it reads in
 * full, the account file names (stems) whose duplicates it looks for, and the exact paths it
 * changes. Every region.json and unit.json is always kept.
 */
export interface ListingHint {
  /** accounts/-relative folders: everything under them is kept. */
  dirs: ReadonlySet<string>;
  /** File names without ".json": every path with that file name is kept (the stems of the files in `dirs` are added). */
  stems: ReadonlySet<string>;
  /** Exact paths. */
  paths: ReadonlySet<string>;
}

/** The entries of a listing a hint keeps, and what the hint covers (an absent covered path is absent). */
interface Kept {
  dirs: Set<string>;
  stems: Set<string>;
  paths: Set<string>;
  /** Every region.json, then every unit.json, each in listing order. */
  structural: TreeEntry[];
  /** "accounts/<dir>" → every entry under it, in listing order. */
  inDir: Map<string, TreeEntry[]>;
  /** stem → the paths with that file name, sorted. */
  byStem: Map<string, string[]>;
}

const UNIT_JSON = Buffer.from('unit.json');
const REGION_JSON = Buffer.from('region.json');
const DOT_JSON = Buffer.from('.json');
/** How a plain file's record starts: "100644 blob <id>\t<path>". */
const FILE_BLOB = Buffer.from('100644 blob ');


/** Git's listing order: the byte order of the full paths (UTF-8; UTF-16 order differs only past U+D7FF). */
export function pathOrder(a: string, b: string): number {
  if (/[\ud800-\uffff]/.test(a) || /[\ud800-\uffff]/.test(b)) return Buffer.compare(Buffer.from(a), Buffer.from(b));
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Put `e` into a list in listing order, after any entry that sorts equal. */
function insertSorted(list: TreeEntry[], e: TreeEntry): void {
  let lo = 0;
  let hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (pathOrder(list[mid]!.path, e.path) <= 0) lo = mid + 1;
    else hi = mid;
  }
  list.splice(lo, 0, e);
}

const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

/** Names by their UTF-8 length, as bytes; undefined (decode and look up) for many of one length or a name with U+FFFD. */
function byteNames(names: ReadonlySet<string>): Map<number, Buffer[]> | undefined {
  const m = new Map<number, Buffer[]>();
  for (const n of names) {
    if (n.includes('\ufffd') || LONE_SURROGATE.test(n)) return undefined;
    const b = Buffer.from(n);
    const l = m.get(b.length);
    if (!l) m.set(b.length, [b]);
    else if (l.length >= 16) return undefined;
    else l.push(b);
  }
  return m;
}

/** Whether bytes [start, end) of `buf`, decoded, are one of `names` (compared as bytes when `bytes` has them). */
function isName(bytes: Map<number, Buffer[]> | undefined, names: ReadonlySet<string>, buf: Buffer, start: number, end: number): boolean {
  if (!bytes) return names.has(buf.toString('utf8', start, end));
  const l = bytes.get(end - start);
  if (!l) return false;
  // byte by byte from the end, in this function (names of one folder share their start; a call into
  // Buffer's compare for each file name of a wanted length cost more than the whole comparison)
  for (const b of l) {
    let k = b.length - 1;
    while (k >= 0 && buf[start + k] === b[k]) k--;
    if (k < 0) return true;
  }
  return false;
}

function bytesAt(buf: Buffer, at: number, lit: Buffer): boolean {
  for (let k = 0; k < lit.length; k++) if (buf[at + k] !== lit[k]) return false;
  return true;
}

/**
 * The file names (without ".json") in a hint's folders at `commit`, through the check's open object
 * reader (each folder's tree; no process of its own); undefined when they cannot be had that way (no
 * reader, a folder holds a folder, the reader fails). Only a head start for GitSource.keep: a name it
 * misses is looked for in a second pass over the listing.
 */
async function folderStems(commit: string, paths: readonly string[], hint: ListingHint, signal?: AbortSignal, reader?: ObjectReader): Promise<Set<string> | undefined> {
  const dirs = [...hint.dirs].filter((d) => d !== '' && paths.some((p) => `accounts/${d}`.startsWith(p + '/')));
  if (!reader || !OBJECT_ID.test(commit) || !dirs.length || signal?.aborted) return undefined;
  const names = new Set<string>();
  const idBytes = commit.length / 2;
  const asked = dirs.map((d) => `${commit}:accounts/${d}`);
  const trees = await reader.read(asked);
  for (const name of asked) {
    // "<mode> <name>\0<id bytes>" per entry; a folder that is missing holds nothing
    const t = trees.get(name);
    if (!t) continue;
    for (let i = 0; i < t.length; ) {
      const sp = t.indexOf(32, i);
      const nul = t.indexOf(0, sp + 1);
      if (sp < 0 || nul < 0) return undefined;
      // a folder inside: its names are not listed here (the second pass finds them)
      if (t.toString('latin1', i, sp) === '40000') return undefined;
      const file = t.toString('utf8', sp + 1, nul);
      if (file.endsWith('.json')) names.add(file.slice(0, -5));
      i = nul + 1 + idBytes;
    }
  }
  return names;
}

/** At most this many byte strings (besides unit.json and region.json) are searched for (GitSource.keep); a hint that needs more: every record is visited. An object so that tests can compare both ways. */
export const searchLimit = { patterns: 6 };

/** File names sharing a start at least this long are found by searching for that start once. */
const SHARED_START = 8;

/**
 * The byte strings that find every record GitSource.keep may keep, when searching for them pays
 * (each search of a 15 MB listing costs ~3–7 ms; visiting every record ~40 ms): "/unit.json\0" and
 * "/region.json\0" (first pass), "\t<folder>/" per folder (a folder's records all hold it),
 * "\t<path>\0" per exact path outside those folders, and "/<name>.json\0" per file name, or
 * "/<start>" for names sharing a start (the files of one unit, "zg-wjw-weixin", "zg-wjw-weibo" …).
 * A record found is kept or not by the same test as when every record is visited, so a pattern
 * only has to find at least the records that matter. Undefined (visit every record) when more
 * patterns would be needed, or a name is not plain text (U+FFFD or a lone surrogate: the listing's
 * bytes would not show it).
 */
export function searchPatterns(first: boolean, stems: ReadonlySet<string>, dirs: ReadonlySet<string>, paths: ReadonlySet<string>): Buffer[] | undefined {
  if (stems.size + dirs.size + paths.size > 16 * searchLimit.patterns) return undefined;
  const plain = (x: string): boolean => x !== '' && !x.includes('\ufffd') && !LONE_SURROGATE.test(x) && !x.includes('\0');
  const out: string[] = first ? ['/unit.json\0', '/region.json\0'] : [];
  // "accounts/<folder>" (GitSource.keep's folder keys)
  for (const d of dirs) {
    if (!plain(d)) return undefined;
    out.push(`\t${d}/`);
  }
  for (const p of paths) {
    if (!plain(p)) return undefined;
    if (![...dirs].some((d) => p.startsWith(d + '/'))) out.push(`\t${p}\0`);
  }
  const names = [...stems].sort();
  if (names.some((st) => !plain(st) || st.includes('/'))) return undefined;
  for (let i = 0; i < names.length; ) {
    const st = names[i]!;
    // the longest run of names (in sorted order) sharing a start of SHARED_START or more
    let common = st.length;
    let j = i + 1;
    for (; j < names.length; j++) {
      let c = 0;
      const o = names[j]!;
      while (c < common && c < o.length && o.charCodeAt(c) === st.charCodeAt(c)) c++;
      if (c < SHARED_START) break;
      common = c;
    }
    // a start that ends between the two halves of a character would not be its bytes
    if (common < st.length && st.charCodeAt(common - 1) >= 0xd800 && st.charCodeAt(common - 1) <= 0xdbff) common--;
    out.push(j - i > 1 ? `/${st.slice(0, common)}` : `/${st}.json\0`);
    i = j;
  }
  return out.length <= (first ? 2 : 0) + searchLimit.patterns ? out.map((x) => Buffer.from(x)) : undefined;
}

/** The unit id a unit.json path is indexed under: the name of its folder ("…/<id>/unit.json"). */
function unitKey(p: string): string {
  return p.slice(p.lastIndexOf('/', p.length - 11) + 1, -10);
}

export class GitSource implements FileSource {
  /** ls-tree output as bytes; decoded (`raw`) only when a question falls outside the hint. */
  private rawBuf: Buffer = Buffer.alloc(0);
  private rawText: string | undefined;
  /** No listing bytes held (made by derive, or a hinted listing scanned from its file): the commit is listed when one is needed. */
  private derived = false;
  /** With a hint: the entries it keeps; undefined once the whole listing is decoded. */
  private kept: Kept | undefined;
  private all: TreeEntry[] | undefined;
  private byPath = new Map<string, TreeEntry | null>();
  /** A derived source: the source whose answers hold for every path not in byPath (see derive). */
  private pathsFrom: GitSource | undefined;
  /** A derived source whose delta changes no unit.json: the source whose unit.json entries it shares. */
  private unitsFrom: GitSource | undefined;
  /** Contents by object id (shared with a source derived from this one: same repository). */
  private blobs = new Map<string, Buffer>();
  /** Object sizes by id, known from a --batch-check (shared like blobs). */
  private sizes = new Map<string, number>();
  /** Parsed contents by object id, for following references while prefetching (shared like blobs). */
  private parsedRefs = new Map<string, unknown>();
  /** listStructure, once (shared with a derived source whose delta changes no region.json or unit.json). */
  private structureList: readonly Entry[] | undefined;
  /** unitsById, once (shared with a derived source whose delta changes no unit.json). */
  private unitIndex: Map<string, TreeEntry> | undefined;
  /** unitEntry lookups answered by walking the unit entries (see unitEntry). */
  private unitLookups = 0;
  /** The paths listed (ls-tree pathspecs). */
  private paths: string[] = ['accounts'];
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

  /**
   * The listing of `paths` at `commit`. With a hint, the listing is scanned once as bytes and only
   * the entries the hint names are kept (every region.json and unit.json, the hinted folders, file
   * names and paths): a check of a few files in a 100,000-file register then never decodes or
   * searches the whole listing. A question the hint does not cover (another folder, file name or
   * path) decodes the whole listing once and is answered from it exactly as without a hint.
   */
  static async open(dir: string, commit: string, paths: string[] = ['accounts'], hint?: ListingHint | Promise<ListingHint>, signal?: AbortSignal, reader?: ObjectReader): Promise<GitSource> {
    const s = new GitSource(dir, commit);
    s.paths = paths;
    const args = ['ls-tree', '-r', '-z', '--full-tree', commit, '--', ...paths];
    // the listing starts at once; a hint still being worked out (the diff) is awaited after it.
    // A hint that fails (or `signal`: the listing is not wanted after all) ends git and closes its output.
    // With a hint the listing is scanned as git writes it (runGitToLiveFile), from the moment the
    // hint is known: this process does not wait idle for the whole listing, then scan it all.
    const live = hint ? runGitToLiveFile(dir, args, signal) : undefined;
    const listing = live ? undefined : runGitToFile(dir, args, signal);
    Promise.resolve(hint).catch(() => undefined);
    // the file names in the hinted folders, read through `reader` while the whole listing is made: the
    // scan then looks for them in the same pass (without a reader a second pass looks for them)
    const namesP = hint ? Promise.resolve(hint).then((h) => folderStems(commit, paths, h, signal, reader)).catch(() => undefined) : undefined;
    if (live) {
      try {
        let h: ListingHint;
        try {
          // git failing (or ended by the signal) before the hint is known ends the wait
          h = (await Promise.race([hint, live.done.then(() => hint)]))!;
        } catch (e) {
          // as when the listing is awaited first: git's failure, if it failed, else the hint's
          await live.done;
          throw e;
        }
        const names = await namesP;
        let size: number | undefined;
        // the first pass reads the listing as it comes; a second pass (names found only by the first)
        // reads the whole output again, complete by then
        await s.keep(h, async (visit) => {
          if (size === undefined) size = await eachChunkOfRecordsLive(live, visit);
          else eachChunkOfRecords({ fd: live.fd, size }, visit);
        }, names);
        s.derived = true;
        return s;
      } catch (e) {
        live.done.catch(() => undefined);
        throw e;
      } finally {
        closeSync(live.fd);
      }
    }
    const out = await listing!;
    let h: ListingHint | undefined;
    try {
      h = await hint;
    } catch (e) {
      if (!Buffer.isBuffer(out)) closeSync(out.fd);
      throw e;
    }
    const names = h ? await namesP : undefined;
    if (Buffer.isBuffer(out)) {
      s.rawBuf = out;
      if (h) await s.keep(h, (visit) => visit(out, out.length), names);
      return s;
    }
    try {
      if (h) {
        // with a hint the listing is scanned from its file a chunk at a time and never held whole
        // (15 MB at 100,000 accounts); a question outside the hint lists the commit again
        await s.keep(h, (visit) => eachChunkOfRecords(out, visit), names);
        s.derived = true;
      } else {
        s.rawBuf = Buffer.allocUnsafe(out.size);
        readRange(out.fd, s.rawBuf, 0, out.size);
      }
    } finally {
      closeSync(out.fd);
    }
    return s;
  }

  /**
   * The listing of `commit` without listing it: this source's hinted listing with the exact tree
   * delta from this commit to `commit` applied (treeDelta). Every changed path must be in the
   * hint's paths (a pull request's changed paths are): then what the hint keeps of `commit` is
   * exactly this source's kept entries, less the changed paths, plus their new entries. Contents
   * and sizes are shared (content-addressed). A question outside the hint lists `commit` itself.
   */
  derive(commit: string, delta: readonly TreeChange[]): GitSource {
    const k = this.kept;
    if (!k) throw new Error('derive needs a hinted listing');
    for (const c of delta) if (!k.paths.has(c.path)) throw new Error(`derive: changed path outside the hint: ${c.path}`);
    const s = new GitSource(this.dir, commit);
    s.paths = this.paths;
    s.blobs = this.blobs;
    s.sizes = this.sizes;
    s.parsedRefs = this.parsedRefs;
    if (!delta.some((c) => c.path.endsWith('/unit.json'))) s.unitsFrom = this.unitsFrom ?? this;
    // no region.json or unit.json changed: the same structural entries (their arrays are only read)
    const sameStructure = !delta.some((c) => c.path.endsWith('/unit.json') || c.path.endsWith('/region.json'));
    if (sameStructure) s.structureList = this.listStructure();
    s.derived = true;
    const changed = new Set(delta.map((c) => c.path));
    const drop = (l: readonly TreeEntry[]): TreeEntry[] => l.filter((e) => !changed.has(e.path));
    const nk: Kept = { dirs: k.dirs, stems: new Set(k.stems), paths: k.paths, structural: [], inDir: new Map(), byStem: new Map() };
    for (const [d, l] of k.inDir) nk.inDir.set(d, drop(l));
    const regions = sameStructure ? [] : drop(k.structural.filter((e) => e.path.endsWith('/region.json')));
    const units = sameStructure ? [] : drop(k.structural.filter((e) => !e.path.endsWith('/region.json')));
    for (const [st, l] of k.byStem) nk.byStem.set(st, l.filter((p) => !changed.has(p)));
    // this source's answers hold for every path the delta does not change (looked up, not copied:
    // ~16,000 entries at 100,000 accounts); the changed paths are answered by the derived source itself
    s.pathsFrom = this;
    const added: TreeEntry[] = [];
    for (const c of delta) {
      if (c.status === 'D') {
        s.byPath.set(c.path, null);
        continue;
      }
      const e: TreeEntry = { mode: c.mode, sha: c.sha, size: this.sizes.get(c.sha) ?? -1, path: c.path };
      s.byPath.set(c.path, e);
      added.push(e);
    }
    for (const e of added) {
      const slash = e.path.lastIndexOf('/');
      const name = e.path.slice(slash + 1);
      if (slash >= 0 && name === 'region.json') insertSorted(regions, e);
      if (slash >= 0 && name === 'unit.json') insertSorted(units, e);
      if (slash >= 0 && name.endsWith('.json') && nk.stems.has(name.slice(0, -5))) {
        const l = nk.byStem.get(name.slice(0, -5));
        if (l) l.push(e.path);
        else nk.byStem.set(name.slice(0, -5), [e.path]);
      }
      for (let f = slash; f > 0; f = e.path.lastIndexOf('/', f - 1)) {
        const l = nk.inDir.get(e.path.slice(0, f));
        if (l) insertSorted(l, e);
      }
    }
    nk.structural = sameStructure ? k.structural : [...regions, ...units];
    s.kept = nk;
    return s;
  }

  /** ls-tree output: records "<mode> <type> <sha>\t<path>\0" (decoded on first use; leaves the hinted mode). */
  private get raw(): string {
    if (this.rawText === undefined) {
      if (this.derived) {
        // a listing without its bytes asked something outside its hint: list the commit itself
        const r = spawnSync('git', ['ls-tree', '-r', '-z', '--full-tree', this.commit, '--', ...this.paths], { cwd: this.dir, maxBuffer: 1 << 30 });
        if (r.status !== 0 || !Buffer.isBuffer(r.stdout)) throw new GitError(`git ls-tree ${this.commit} failed: ${String(r.stderr ?? r.error ?? '').trim()}`);
        this.rawBuf = r.stdout;
      }
      this.rawText = this.rawBuf.toString('utf8');
      this.kept = undefined;
    }
    return this.rawText;
  }

  /** Scan the listing bytes for what the hint names (see open); `scan` hands them over, whole or a chunk at a time. */
  private async keep(hint: ListingHint, scan: (visit: (buf: Buffer, n: number) => void) => void | Promise<void>, folderNames?: ReadonlySet<string>): Promise<void> {
    const notStructural = (st: string): boolean => st !== 'unit' && st !== 'region';
    const k: Kept = { dirs: new Set(hint.dirs), stems: new Set([...hint.stems].filter(notStructural)), paths: new Set(hint.paths), structural: [], inDir: new Map(), byStem: new Map() };
    for (const d of k.dirs) k.inDir.set(`accounts/${d}`, []);
    const regions: TreeEntry[] = [];
    const units: TreeEntry[] = [];
    const byLen = (xs: Iterable<string>): Set<number> => new Set([...xs].map((x) => Buffer.byteLength(x)));
    // the first pass over a new listing meets each path once (nothing is known yet); a later pass
    // meets the entries it made
    let fresh = true;
    const entryAt = (buf: Buffer, start: number, tab: number, end: number): TreeEntry => {
      const path = buf.toString('utf8', tab + 1, end);
      if (!fresh) {
        const known = this.knownPath(path);
        if (known) return known;
      }
      let e: TreeEntry;
      // nearly every record is a plain file's: its mode is one string for all, its id right after "blob "
      if (bytesAt(buf, start, FILE_BLOB)) e = { mode: '100644', sha: buf.toString('latin1', start + FILE_BLOB.length, tab), size: -1, path };
      else {
        const sp1 = buf.indexOf(32, start);
        const sp2 = buf.indexOf(32, sp1 + 1);
        e = { mode: buf.toString('latin1', start, sp1), sha: buf.toString('latin1', sp2 + 1, tab), size: -1, path };
      }
      this.byPath.set(path, e);
      return e;
    };
    const stemEntries: TreeEntry[] = [];
    /** One pass over the records; `first` also keeps structure, folders and paths. */
    const pass = (stems: ReadonlySet<string>, first: boolean): void | Promise<void> => {
      const stemLens = byLen(stems);
      const dirNames = first ? new Set(k.inDir.keys()) : new Set<string>();
      const dirLens = byLen(dirNames);
      const minDir = Math.min(...dirLens);
      const pathLens = first ? byLen(k.paths) : new Set<number>();
      // most file names have the length of some wanted name: compared as bytes (natively) with the
      // few of that length rather than decoded and looked up; many of one length, or a name with
      // U+FFFD (which the bytes would not show), are decoded and looked up
      const stemBytes = byteNames(stems);
      const dirBytes = byteNames(dirNames);
      // few wanted names, each of plain text: the records that can matter are found by searching the
      // bytes for them (natively), not by visiting every record of the listing (~116,000 at 100,000 accounts)
      const patterns = searchPatterns(first, stems, dirNames, first ? k.paths : new Set<string>());
      return scan((buf, n) => {
        // the hinted folders an entry is under depend on its folder alone, and the entries of a folder
        // come together in the listing: worked out once per run of one folder (bytes [fs, fe) of this
        // chunk), not by walking up every entry's path
        let fs = -1;
        let fe = -1;
        let lists: TreeEntry[][] = [];
        /** The record at `i`; returns where the next one starts. */
        const visit = (i: number): number => {
          let end = buf.indexOf(0, i);
          if (end < 0 || end > n) end = n;
          // "<mode> blob <40-hex id>\t": the tab is at i + 52 in nearly every record (looked for otherwise)
          const tab = buf[i + 52] === 9 && i + 52 < end ? i + 52 : buf.indexOf(9, i);
          if (tab >= 0 && tab < end) {
            // the last slash of the path (tab: none), found from the end (a file name is short)
            let slash = end - 1;
            while (slash > tab && buf[slash] !== 0x2f) slash--;
            const base = slash + 1;
            const blen = end - base;
            let e: TreeEntry | undefined;
            if (first && slash > tab) {
              if (blen === 9 && bytesAt(buf, base, UNIT_JSON)) units.push((e = entryAt(buf, i, tab, end)));
              else if (blen === 11 && bytesAt(buf, base, REGION_JSON)) regions.push((e = entryAt(buf, i, tab, end)));
            }
            if (slash > tab && blen > 5 && stemLens.has(blen - 5) && bytesAt(buf, end - 5, DOT_JSON) && isName(stemBytes, stems, buf, base, end - 5)) stemEntries.push((e ??= entryAt(buf, i, tab, end)));
            if (first && pathLens.has(end - tab - 1) && k.paths.has(buf.toString('utf8', tab + 1, end))) e ??= entryAt(buf, i, tab, end);
            if (first && slash > tab && slash - tab - 1 >= minDir) {
              if (slash - tab - 1 !== fe - fs || buf.compare(buf, tab + 1, slash, fs, fe) !== 0) {
                // another folder: every hinted folder it is, or is under, at any depth
                fs = tab + 1;
                fe = slash;
                lists = [];
                for (let f = slash; f > tab && f - tab - 1 >= minDir; f = buf.lastIndexOf(0x2f, f - 1)) {
                  if (!dirLens.has(f - tab - 1) || !isName(dirBytes, dirNames, buf, tab + 1, f)) continue;
                  const list = k.inDir.get(buf.toString('utf8', tab + 1, f));
                  if (list) lists.push(list);
                }
              }
              for (const list of lists) list.push((e ??= entryAt(buf, i, tab, end)));
            }
          }
          return end + 1;
        };
        if (!patterns) {
          for (let i = 0; i < n; ) i = visit(i);
          return;
        }
        // every record holding a pattern (each ends its record, or starts its path), then the last
        // record when it has no NUL (the end of the output), each visited once and in listing order
        const starts: number[] = [];
        // the chunk's records only (the buffer is reused: past n it holds older bytes)
        const view = buf.subarray(0, n);
        for (const pat of patterns) for (let at = view.indexOf(pat); at >= 0; at = view.indexOf(pat, at + 1)) starts.push(at === 0 ? 0 : view.lastIndexOf(0, at - 1) + 1);
        if (n > 0 && buf[n - 1] !== 0) starts.push(buf.lastIndexOf(0, n - 1) + 1);
        starts.sort((a, b) => a - b);
        let last = -1;
        for (const i of starts) {
          if (i === last) continue;
          last = i;
          visit(i);
        }
      });
    };
    // the file names in the hinted folders, when known beforehand, are looked for in the same pass
    const early = new Set([...(folderNames ?? [])].filter((st) => notStructural(st) && !k.stems.has(st)));
    await pass(early.size ? new Set([...k.stems, ...early]) : k.stems, true);
    fresh = false;
    // the file names in the hinted folders are looked up too (a duplicate id anywhere in the register):
    // those not looked for in the first pass (none when the folders' names were known) in a second
    const more = new Set<string>();
    for (const list of k.inDir.values()) {
      for (const e of list) {
        const name = e.path.slice(e.path.lastIndexOf('/') + 1);
        if (name.endsWith('.json') && !k.stems.has(name.slice(0, -5)) && notStructural(name.slice(0, -5))) more.add(name.slice(0, -5));
      }
    }
    const late = new Set([...more].filter((st) => !early.has(st)));
    if (late.size) await pass(late, false);
    for (const st of more) k.stems.add(st);
    for (const e of stemEntries) {
      const name = e.path.slice(e.path.lastIndexOf('/') + 1);
      const st = name.slice(0, -5);
      // a name looked for early that the folders no longer hold is not kept (as if never looked for)
      if (!k.stems.has(st)) continue;
      const list = k.byStem.get(st);
      if (list) list.push(e.path);
      else k.byStem.set(st, [e.path]);
    }
    k.structural = [...regions, ...units];
    this.kept = k;
  }

  /** Whether every answer so far came from what the hint kept (the whole listing was never decoded). */
  get hinted(): boolean {
    return this.kept !== undefined;
  }

  /** Whether the hint answers for `rel`: kept if present, so absent if not kept. */
  private covers(rel: string): boolean {
    const k = this.kept!;
    if (k.paths.has(rel)) return true;
    const name = rel.slice(rel.lastIndexOf('/') + 1);
    if (rel.includes('/') && (name === 'unit.json' || name === 'region.json')) return true;
    if (name.endsWith('.json') && rel.includes('/') && k.stems.has(name.slice(0, -5))) return true;
    return this.keptDirOf(rel) !== undefined;
  }

  /** The hinted folder ("accounts/<dir>") that `rel` is under, if any. */
  private keptDirOf(rel: string): string | undefined {
    const k = this.kept!;
    for (let f = rel.lastIndexOf('/'); f > 0; f = rel.lastIndexOf('/', f - 1)) {
      const d = rel.slice(0, f);
      if (k.inDir.has(d)) return d;
    }
    return undefined;
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
    const known = this.knownPath(path);
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
    const hit = this.knownPath(rel);
    if (hit !== undefined) return hit ?? undefined;
    if (this.kept && this.covers(rel)) {
      // every entry the hint covers was kept (and is in byPath): this one is absent
      this.byPath.set(rel, null);
      return undefined;
    }
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
    if (this.kept) return this.kept.structural;
    this.structuralCache ??= [...this.search('/region.json\0'), ...this.search('/unit.json\0')].filter((e) => e.path.endsWith('/region.json') || e.path.endsWith('/unit.json'));
    return this.structuralCache;
  }

  /** The entries directly inside a folder (accounts-relative path with the accounts/ prefix). */
  private inFolder(full: string): TreeEntry[] {
    const kept = this.kept?.inDir.get(full);
    if (kept) return kept.filter((e) => !e.path.slice(full.length + 1).includes('/'));
    if (this.indexed()) return (this.folderIndex!.get(full) ?? []).map((at) => this.recordAt(at));
    return this.search(`\t${full}/`).filter((e) => !e.path.slice(full.length + 1).includes('/'));
  }

  /** Every region.json and unit.json, and everything inside the given unit folders. */
  listForScope(unitDirs: ReadonlySet<string>): Entry[] {
    return [...this.structural().map((e) => ({ rel: e.path, type: typeOf(e.mode), size: Math.max(0, e.size) })), ...this.listFolders(unitDirs)];
  }

  /** Every region.json and unit.json (see FileSource.listStructure): one array, shared with a derived source that changes none of them. */
  listStructure(): readonly Entry[] {
    return (this.structureList ??= this.structural().map((e) => new ListedEntry(e)));
  }

  /** Everything inside the given unit folders (listForScope without the structure). */
  listFolders(unitDirs: ReadonlySet<string>): Entry[] {
    const out: Entry[] = [];
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
      else if (this.kept?.stems.has(stem)) l = [...(this.kept.byStem.get(stem) ?? [])].sort();
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
  async prefetch(filter: (path: string) => boolean = () => true, maxBytes = MAX_BLOB_BYTES, among?: TreeEntry[], reader?: ObjectReader): Promise<void> {
    const files = (among ?? this.entries()).filter((e) => typeOf(e.mode) === 'file' && filter(e.path));
    const unknown = [...new Set(files.filter((e) => !this.sizes.has(e.sha) && !this.blobs.has(e.sha)).map((e) => e.sha))];
    if (unknown.length) for (const [k, n] of await (reader ? reader.sizes(unknown) : blobSizes(this.dir, unknown))) this.sizes.set(k, n);
    for (const e of files) e.size = this.sizes.get(e.sha) ?? e.size;
    const toRead = [...new Set(files.filter((e) => !this.blobs.has(e.sha) && (this.sizes.get(e.sha) ?? 0) <= maxBytes).map((e) => e.sha))];
    const got = await (reader ? reader.read(toRead) : readBlobs(this.dir, toRead));
    for (const [k, v] of got) this.blobs.set(k, v);
  }

  /**
   * Prefetch what a scoped load of the given unit folders reads, in a few batches: every
   * region.json, the folders themselves, then the unit.json of every unit those name (a
   * region's supervising office, a unit's parent or supervisor), following the references
   * until none is new. Only a hint for speed: a file missed here is still read when asked for.
   */
  async prefetchScope(unitDirs: ReadonlySet<string>): Promise<void> {
    await GitSource.prefetchScopes([this], unitDirs);
  }

  /**
   * prefetchScope for several sources at once, round by round: sources that share their contents
   * (a source and those derived from it: one repository, content-addressed) fetch each round's
   * objects in one batch, so a blob both commits hold is read once, with two git processes a round.
   */
  static async prefetchScopes(sources: readonly GitSource[], unitDirs: ReadonlySet<string>, reader?: ObjectReader, regions?: ReadonlySet<string>): Promise<void> {
    // one pair of cat-file processes for every round (the caller's, started early, or our own)
    const own = reader || !sources.length ? undefined : new ObjectReader(sources[0]!.dir);
    try {
      await GitSource.prefetchRounds(sources, unitDirs, reader ?? own, regions);
    } catch (e) {
      // git failed while prefetching (ended, killed): what was not fetched is read when asked for, one
      // file at a time; when git cannot read even so, the check stops with git's error (exit 2) rather
      // than report every file of the register unreadable
      const probe = sources.length ? spawnSync('git', ['cat-file', '-t', sources[0]!.commit], { cwd: sources[0]!.dir }) : undefined;
      if (probe && probe.status !== 0) throw e;
    } finally {
      own?.close();
    }
  }

  private static async prefetchRounds(sources: readonly GitSource[], unitDirs: ReadonlySet<string>, reader: ObjectReader | undefined, regions: ReadonlySet<string> | undefined): Promise<void> {
    let live = sources.map((s) => ({ s, it: s.scopeBatches(unitDirs, regions) }));
    let batches = live.map((r) => r.it.next());
    for (;;) {
      const round = live.flatMap((r, i) => (batches[i]!.done ? [] : [{ s: r.s, batch: batches[i]!.value as TreeEntry[] }]));
      if (!round.length) return;
      const stores = new Map<Map<string, Buffer>, { s: GitSource; batch: TreeEntry[] }>();
      for (const r of round) {
        const g = stores.get(r.s.blobs);
        if (g) g.batch.push(...r.batch);
        else stores.set(r.s.blobs, { s: r.s, batch: [...r.batch] });
      }
      await Promise.all([...stores.values()].map((g) => g.s.prefetch(() => true, MAX_BLOB_BYTES, g.batch, reader && reader.dir === g.s.dir ? reader : undefined)));
      live = live.filter((_, i) => !batches[i]!.done);
      batches = live.map((r) => r.it.next());
    }
  }

  /** What is known of a path: its entry, null (absent) or undefined (not known yet); a derived source asks its origin for a path it did not change. */
  private knownPath(rel: string): TreeEntry | null | undefined {
    const own = this.byPath.get(rel);
    return own !== undefined || !this.pathsFrom ? own : this.pathsFrom.knownPath(rel);
  }

  /**
   * The unit.json entry of a unit id (see unitsById): a derived source whose delta changes no
   * unit.json asks its origin, whose index is then made once for both (every region's supervising
   * office is followed, so even a one-file check looks up hundreds of ids).
   */
  private unitEntry(id: string): TreeEntry | undefined {
    if (this.unitsFrom) return this.unitsFrom.unitEntry(id);
    // a check of account files reads only the regions above its folders (LoadOptions.scopeRegions),
    // so it looks up a few ids: each is found by walking the unit entries (~16,000 at 100,000
    // accounts) rather than indexing them all; past INDEX_AFTER lookups they are indexed once
    if (this.unitIndex || ++this.unitLookups > INDEX_AFTER) return this.unitsById().get(id);
    const tail = `${id}/unit.json`;
    const structural = this.structural();
    // the last of a name wins, as in unitsById
    for (let i = structural.length - 1; i >= 0; i--) {
      const p = structural[i]!.path;
      if (p.endsWith(tail) && unitKey(p) === id) return structural[i];
    }
    return undefined;
  }

  /** Every unit.json of the listing by the unit's folder name (the last of a name wins). */
  private unitsById(): Map<string, TreeEntry> {
    if (this.unitIndex) return this.unitIndex;
    const m = new Map<string, TreeEntry>();
    for (const e of this.structural()) if (e.path.endsWith('/unit.json')) m.set(unitKey(e.path), e);
    return (this.unitIndex = m);
  }

  /**
   * The batches of prefetchScope: each is fetched before the next is asked for (it reads the one
   * before). `wanted`: the region folders whose region.json the load reads (LoadOptions.scopeRegions); default every one.
   */
  private *scopeBatches(unitDirs: ReadonlySet<string>, wanted?: ReadonlySet<string>): Generator<TreeEntry[], void, void> {
    const structural = this.structural();
    const regions = structural.filter((e) => e.path.endsWith('/region.json') && (!wanted || wanted.has(unitDirOf(e.path))));
    // the folders' own entries are all in scope (inFolder: the entries directly inside)
    yield [...regions, ...[...unitDirs].flatMap((d) => this.inFolder(`accounts/${d}`))];
    const refs = (e: TreeEntry | undefined, keys: string[]): string[] => {
      if (!e || !this.blobs.has(e.sha)) return [];
      let v = this.parsedRefs.get(e.sha);
      if (v === undefined) {
        try {
          v = JSON.parse(this.blobs.get(e.sha)!.toString('utf8')) as Record<string, unknown>;
        } catch {
          v = null;
        }
        this.parsedRefs.set(e.sha, v);
      }
      const o = v;
      return keys.map((k) => (o as Record<string, unknown> | null)?.[k]).filter((x): x is string => typeof x === 'string');
    };
    const seen = new Set<string>();
    let next = new Set<string>();
    for (const e of regions) for (const id of refs(e, ['supervisingOffice'])) next.add(id);
    for (const d of unitDirs) for (const id of refs(this.entry(`accounts/${d}/unit.json`), ['parent', 'supervisor'])) next.add(id);
    for (let round = 0; round < 20 && next.size; round++) {
      const batch: TreeEntry[] = [];
      for (const id of next) {
        seen.add(id);
        const e = this.unitEntry(id);
        if (e) batch.push(e);
      }
      yield batch;
      const more = new Set<string>();
      for (const e of batch) for (const id of refs(e, ['parent', 'supervisor'])) if (!seen.has(id)) more.add(id);
      next = more;
    }
  }

  list(prefix: string): Entry[] {
    const p = prefix.replace(/\/+$/, '') + '/';
    const dirs = new Set<string>();
    const out: Entry[] = [];
    const byPath = (a: TreeEntry, b: TreeEntry): number => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0);
    // a hinted folder, or one inside it: its kept entries are all there is
    const keptDir = this.kept && this.keptDirOf(p + 'x');
    // the listing sorted once; every path under the prefix is in one run from its lower bound
    // (a PR touching many unit.json files lists one folder each: no scan of the register per file)
    const all = keptDir ? this.kept!.inDir.get(keptDir)!.filter((e) => e.path.startsWith(p)).sort(byPath) : (this.sortedCache ??= [...this.entries()].sort(byPath));
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
      if (r.status !== 0 || !Buffer.isBuffer(r.stdout)) {
        const why = String(r.stderr ?? r.error ?? '').trim().slice(0, 300);
        // the path comes from the pull request: quoted, so no line of it reaches a log on its own
        throw new GitError(`无法从提交 ${this.commit.slice(0, 12)} 读出 ${JSON.stringify(rel)}（git cat-file 失败${why ? `：${JSON.stringify(why)}` : ''}），请确认仓库完整后重试 / cannot read ${JSON.stringify(rel)} at ${this.commit.slice(0, 12)}`);
      }
      b = r.stdout;
      e.size = b.length;
      this.sizes.set(e.sha, b.length);
      this.blobs.set(e.sha, b);
    }
    return b;
  }

  exists(rel: string): boolean {
    if (this.entry(rel)) return true;
    const folder = rel.replace(/\/+$/, '');
    const keptDir = this.kept && this.keptDirOf(folder + '/x');
    if (keptDir) return this.kept!.inDir.get(keptDir)!.some((e) => e.path.startsWith(folder + '/'));
    return this.raw.includes(`\t${rel.replace(/\/+$/, '')}/`);
  }
}
