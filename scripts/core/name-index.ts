/**
 * 账号名称索引：某一提交中所有在用账号的名称，按平台和去形近后的名称（skeleton）分组，供合并请求
 * 检查仿冒时按名称直接查找，而不必每次读出整个登记簿。索引按 accounts/ 的 Git 树编号缓存在
 * 仓库的 .git/govmedia/names/ 中；基准分支前进后，从最近的一份缓存按两棵树的差异更新，只读改动的文件。
 * The account-name index: every name in use at a commit, grouped by platform and skeleton
 * (text-checks.ts), so the pull-request side of the impersonation rule looks names up instead of
 * reading the whole register on every check. It is cached per Git tree id of `accounts/` in the
 * repository's `.git/govmedia/names/`; when the base moves on, the newest cached index is brought
 * up to date from the difference of the two trees (only the changed files are read). A cache made
 * by another version of the rule's code (fingerprint) is never used.
 */
import { createHash } from 'node:crypto';
import { closeSync, fstatSync, mkdirSync, openSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { MAX_BLOB_BYTES, ObjectReader, readRange, runGit } from './git.ts';
import { CacheError } from './errors.ts';
import { ENGINE_ROOT } from './paths.ts';
import { entryFromText, type NameEntry } from './impersonation.ts';
import { skeleton } from './text-checks.ts';

/** Bumped when the file format changes. */
const FORMAT = 4;
/** Bytes of a cache file's header line (padded with spaces; see writeCache). */
const HEAD_BYTES = 256;
/** Records per block of the cache file's directory: a lookup reads one block or two (~12 KB). */
const BLOCK = 64;
/** Cached indexes kept per repository (the newest ones). */
const KEEP = 4;
/** Blobs parsed between two reads of git's output while building (see addFiles). */
const YIELD_EVERY = 16;
/**
 * Blobs asked for at a time when building: small batches keep git busy while this process parses
 * and keep little in memory (a cold index of 100,000 accounts: 4,000 at a time 5.2 s and 330 MiB,
 * 500 at a time 0.88x of that and 256 MiB; 250 gave the same, 1,000 0.96x, 16,000 1.11x).
 */
const BATCH = 500;

/**
 * The sources whose code decides what the index holds (which files count, which names are in
 * use, how names are folded): a cache made under any other version of them is rebuilt.
 */
const FINGERPRINT_SOURCES = ['scripts/core/name-index.ts', 'scripts/core/impersonation.ts', 'scripts/core/lifecycle.ts', 'scripts/core/text-checks.ts', 'scripts/core/confusables/table.ts', 'scripts/core/paths.ts'];

let fingerprintMemo: string | undefined;
export function engineFingerprint(): string {
  if (fingerprintMemo) return fingerprintMemo;
  const h = createHash('sha1');
  h.update(`format ${FORMAT}\n`);
  for (const rel of FINGERPRINT_SOURCES) {
    h.update(rel + '\0');
    try {
      h.update(readFileSync(path.join(ENGINE_ROOT, rel)));
    } catch {
      h.update('(missing)');
    }
    h.update('\0');
  }
  fingerprintMemo = h.digest('hex');
  return fingerprintMemo;
}

/** Whether a repository path is an account file (not unit.json or region.json). */
export function isAccountPath(rel: string): boolean {
  return rel.startsWith('accounts/') && rel.endsWith('.json') && !rel.endsWith('/unit.json') && !rel.endsWith('/region.json') && rel !== 'accounts/region.json';
}

/** A cache file found damaged by a lookup or when read whole (its header, size and directory are checked when it is opened). */
export class NameIndexCorrupt extends CacheError {}

export class NameIndex {
  private byKey: Map<string, NameEntry[]> | undefined;
  private parsed: { byFile: Map<string, NameEntry>; folded: Map<NameEntry, string> } | undefined;
  constructor(
    /** Git tree id of accounts/ at the indexed commit ('' when there is none). */
    readonly tree: string,
    /** Every account file whose name is in use → its entry (absent: read from `file` when first needed). */
    byFile?: Map<string, NameEntry>,
    folded?: Map<NameEntry, string>,
    /** The cache file it is read from, with its checked header and directory (see readCache). */
    private readonly file?: CacheFileView,
  ) {
    if (byFile) this.parsed = { byFile, folded: folded ?? new Map() };
  }
  /** How many account files have a name in use (a cache file's header says, without reading it). */
  get size(): number {
    return this.parsed || !this.file ? this.byFile.size : this.file.count;
  }
  /** Every account file whose name is in use → its entry. */
  get byFile(): Map<string, NameEntry> {
    return this.whole().byFile;
  }
  /** Each entry's folded name (skeleton), computed once; kept in the cache file and across updates. */
  get folded(): Map<NameEntry, string> {
    return this.whole().folded;
  }
  /** Whether the whole index can be read (a cache file is read whole here). */
  complete(): boolean {
    try {
      this.whole();
      return true;
    } catch {
      return false;
    }
  }
  private whole(): { byFile: Map<string, NameEntry>; folded: Map<NameEntry, string> } {
    if (!this.parsed) {
      const p = this.file ? readWhole(this.file) : undefined;
      if (!p) throw corrupt(this.file?.path);
      this.parsed = p;
    }
    return this.parsed;
  }
  skeletonOf(e: NameEntry): string {
    const folded = this.folded;
    let k = folded.get(e);
    if (k === undefined) folded.set(e, (k = skeleton(e.name)));
    return k;
  }
  /** The entries whose platform and skeleton equal the given name's. */
  lookup(platform: string, name: string): NameEntry[] {
    const key = skeleton(name);
    // a cache file not read whole: the block that holds the key is read (a few KB, not the file)
    if (!this.parsed && this.file) return searchFile(this.file, platform, key);
    if (!this.byKey) {
      const byKey = new Map<string, NameEntry[]>();
      for (const e of this.byFile.values()) {
        const k = `${e.platform}\u0000${this.skeletonOf(e)}`;
        const g = byKey.get(k);
        if (g) g.push(e);
        else byKey.set(k, [e]);
      }
      this.byKey = byKey;
    }
    return this.byKey.get(`${platform}\u0000${key}`) ?? [];
  }
}

function corrupt(file: string | undefined): NameIndexCorrupt {
  return new NameIndexCorrupt(`账号名称索引的缓存文件已损坏：${file ?? '(内存)'}；请删除 .git/govmedia/names/ 后重新检查 / the cached account-name index ${file ?? ''} is damaged; remove .git/govmedia/names/ and check again`);
}

/** A cache record: [platform, skeleton of the name, file, id, unitId, name]. */
type Row = [string, string, string, string, string, string];

function isRow(r: unknown): r is Row {
  return Array.isArray(r) && r.length === 6 && r.every((x) => typeof x === 'string');
}

/**
 * A cache file (format 4), all in UTF-8:
 * - a header line of HEAD_BYTES bytes (JSON padded with spaces): format, fingerprint, tree, count
 *   (records), dir (bytes of the directory line) and size (bytes of the whole file);
 * - the directory line: for every BLOCK-th record, `[key, offset]`, the record's key (see keyOf)
 *   and where its line starts, counted from the first record;
 * - one record per line (JSON.stringify of a Row: no raw line break inside), sorted as strings, so
 *   that the records of one key are next to each other and the blocks' keys are in order.
 * A lookup reads the header and the directory once, then only the blocks that can hold its key.
 */
interface CacheHeader {
  format: number;
  fingerprint: string;
  tree: string;
  count: number;
  dir: number;
  size: number;
}

interface CacheFileView {
  path: string;
  /** The header line's text: a lookup that finds another one there (the file replaced) stops. */
  head: string;
  count: number;
  /** Where the records start. */
  records: number;
  size: number;
  keys: string[];
  offsets: number[];
}

/** The text every record of a platform and skeleton starts with (JSON.stringify's own, and no record of another key starts so: its strings end at an unescaped quote). */
function keyOf(platform: string, key: string): string {
  return `[${JSON.stringify(platform)},${JSON.stringify(key)},`;
}

/** `length` bytes of `fd` from `at` (throws on a short read: a file cut short). */
function readAt(fd: number, at: number, length: number): Buffer {
  const buf = Buffer.allocUnsafe(length);
  readRange(fd, buf, 0, length, at);
  return buf;
}

/**
 * A cache file's header and directory, when they check out (format, engine version, tree, sizes,
 * a directory in order); its records are read when looked up.
 */
function readCache(file: string, fingerprint: string, tree?: string): NameIndex | undefined {
  let fd: number | undefined;
  try {
    fd = openSync(file, 'r');
    const size = fstatSync(fd).size;
    const head = readAt(fd, 0, HEAD_BYTES).toString('utf8');
    if (head.length !== HEAD_BYTES || !head.endsWith('\n')) return undefined;
    const h = JSON.parse(head) as CacheHeader;
    if (h.format !== FORMAT || h.fingerprint !== fingerprint || typeof h.tree !== 'string' || !/^[0-9a-f]{40,64}$/.test(h.tree) || (tree !== undefined && h.tree !== tree)) return undefined;
    if (!Number.isSafeInteger(h.count) || h.count < 0 || !Number.isSafeInteger(h.dir) || h.dir < 3 || h.size !== size || HEAD_BYTES + h.dir > size) return undefined;
    const dirText = readAt(fd, HEAD_BYTES, h.dir).toString('utf8');
    if (!dirText.endsWith('\n')) return undefined;
    const dir = JSON.parse(dirText) as unknown;
    if (!Array.isArray(dir) || dir.length !== Math.ceil(h.count / BLOCK)) return undefined;
    const records = HEAD_BYTES + h.dir;
    const keys: string[] = [];
    const offsets: number[] = [];
    for (const d of dir as unknown[]) {
      if (!Array.isArray(d) || typeof d[0] !== 'string' || !Number.isSafeInteger(d[1])) return undefined;
      const [k, off] = d as [string, number];
      if (off < 0 || records + off >= size || (keys.length > 0 && (k < keys.at(-1)! || off <= offsets.at(-1)!))) return undefined;
      keys.push(k);
      offsets.push(off);
    }
    if (keys.length > 0 && offsets[0] !== 0) return undefined;
    return new NameIndex(h.tree, undefined, undefined, { path: file, head, count: h.count, records, size, keys, offsets });
  } catch {
    return undefined;
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

/** The entries of one key, from the blocks of the cache file that can hold it. */
function searchFile(v: CacheFileView, platform: string, key: string): NameEntry[] {
  const want = keyOf(platform, key);
  // the last block whose first key is before this one (the key's records may start in it), up to
  // the first block whose first key is after it
  let lo = 0;
  let hi = v.keys.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (v.keys[mid]! < want) lo = mid + 1;
    else hi = mid;
  }
  const from = Math.max(0, lo - 1);
  let to = lo;
  while (to < v.keys.length && v.keys[to] === want) to++;
  // before every key (no block can hold it), or no records at all
  if (to <= from || from >= v.keys.length) return [];
  const start = v.records + v.offsets[from]!;
  const end = to < v.keys.length ? v.records + v.offsets[to]! : v.size;
  let text: string;
  let fd: number | undefined;
  try {
    fd = openSync(v.path, 'r');
    // the same file as when its directory was read (a file replaced meanwhile is not trusted)
    if (readAt(fd, 0, HEAD_BYTES).toString('utf8') !== v.head) throw corrupt(v.path);
    // from the byte before the block: the line break that ends the line before it
    text = readAt(fd, start - 1, end - start + 1).toString('utf8');
  } catch (e) {
    if (e instanceof NameIndexCorrupt) throw e;
    throw corrupt(v.path);
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
  if (!text.startsWith('\n') || !text.endsWith('\n') || !text.startsWith(`\n${v.keys[from]!}`)) throw corrupt(v.path);
  const out: NameEntry[] = [];
  for (const line of text.slice(1, -1).split('\n')) {
    if (!line.startsWith(want)) continue;
    let r: unknown;
    try {
      r = JSON.parse(line);
    } catch {
      throw corrupt(v.path);
    }
    if (!isRow(r) || r[0] !== platform || r[1] !== key) throw corrupt(v.path);
    out.push({ file: r[2], id: r[3], unitId: r[4], platform: r[0], name: r[5] });
  }
  return out;
}

/** Every entry of a cache file, or undefined when anything in it does not check out. */
function readWhole(v: CacheFileView): { byFile: Map<string, NameEntry>; folded: Map<NameEntry, string> } | undefined {
  try {
    const buf = readFileSync(v.path);
    if (buf.length !== v.size || buf.toString('utf8', 0, HEAD_BYTES) !== v.head) return undefined;
    const body = buf.toString('utf8', v.records);
    if (v.count > 0 && !body.endsWith('\n')) return undefined;
    const rows = JSON.parse(`[${body.slice(0, -1).replaceAll('\n', ',')}]`) as unknown[];
    if (rows.length !== v.count) return undefined;
    const byFile = new Map<string, NameEntry>();
    const folded = new Map<NameEntry, string>();
    for (const r of rows) {
      if (!isRow(r)) return undefined;
      const e: NameEntry = { file: r[2], id: r[3], unitId: r[4], platform: r[0], name: r[5] };
      byFile.set(r[2], e);
      folded.set(e, r[1]);
    }
    return { byFile, folded };
  } catch {
    return undefined;
  }
}

const inMemory = new Map<string, NameIndex>();

/** Drop the indexes this process holds (tests: to see the cache file used). */
export function forgetNameIndexes(): void {
  inMemory.clear();
}

async function tryGit(dir: string, args: string[]): Promise<string | undefined> {
  try {
    return await runGit(dir, args);
  } catch {
    return undefined;
  }
}

/** Run `fn` with `reader`, or with a cat-file opened for it and closed after (one git process, not two per batch). */
async function withReader<T>(dir: string, reader: ObjectReader | undefined, fn: (r: ObjectReader) => Promise<T>): Promise<T> {
  const r = reader ?? new ObjectReader(dir);
  try {
    return await fn(r);
  } finally {
    if (!reader) r.close();
  }
}

/**
 * Read account blobs (each at most MAX_BLOB_BYTES) through `reader` and add the names in use to
 * `into`: the check's open cat-file, or one opened for this (nameIndexAt).
 */
async function addFiles(files: readonly { rel: string; sha: string }[], into: Map<string, NameEntry>, reader: ObjectReader): Promise<void> {
  const fetch = async (part: readonly { sha: string }[]): Promise<Map<string, Buffer>> => {
    const shas = [...new Set(part.map((f) => f.sha))];
    const sizes = await reader.sizes(shas);
    return reader.read(shas.filter((s) => (sizes.get(s) ?? Infinity) <= MAX_BLOB_BYTES));
  };
  let next = files.length ? fetch(files.slice(0, BATCH)) : undefined;
  for (let i = 0; i < files.length; i += BATCH) {
    const part = files.slice(i, i + BATCH);
    const blobs = await next!;
    // the next batch is asked for before this one is parsed: git reads it while this process parses
    next = i + BATCH < files.length ? fetch(files.slice(i + BATCH, i + 2 * BATCH)) : undefined;
    next?.catch(() => undefined); // awaited in the next round; a failure is seen there
    for (let j = 0; j < part.length; j++) {
      // now and then the pipe is read: git writes at most a pipe's buffer (64 KiB) while this
      // process parses, so without a turn of the event loop it would wait for the whole batch
      if (j % YIELD_EVERY === YIELD_EVERY - 1) await new Promise((resolve) => setImmediate(resolve));
      const f = part[j]!;
      const b = blobs.get(f.sha);
      const e = b ? entryFromText(f.rel, b.toString('utf8')) : null;
      if (e) into.set(f.rel, e);
    }
  }
}

/** Blob records of `git ls-tree -r -z` output restricted to account files. */
function lsTreeFiles(out: string): { rel: string; sha: string }[] {
  const files: { rel: string; sha: string }[] = [];
  for (const rec of out.split('\0')) {
    const tab = rec.indexOf('\t');
    if (tab < 0) continue;
    const [mode, type, sha] = rec.slice(0, tab).split(' ');
    const rel = rec.slice(tab + 1);
    if (type === 'blob' && mode?.startsWith('100') && sha && isAccountPath(rel)) files.push({ rel, sha });
  }
  return files;
}

function cacheDirOf(commonDir: string): string {
  return path.join(commonDir, 'govmedia', 'names');
}

/** Write the index's cache file (format: see CacheHeader); its path, or undefined when it cannot be written. */
function writeCache(dir: string, idx: NameIndex, fingerprint: string): string | undefined {
  try {
    mkdirSync(dir, { recursive: true });
    // the records sorted by their text (the default sort: natively, by UTF-16 code units, as `<`
    // compares the directory's keys); a key's records are then next to each other
    const lines = [...idx.byFile.values()].map((e) => JSON.stringify([e.platform, idx.skeletonOf(e), e.file, e.id, e.unitId, e.name] satisfies Row));
    lines.sort();
    const blocks: Buffer[] = [];
    const dirRows: [string, number][] = [];
    let at = 0;
    for (let i = 0; i < lines.length; i += BLOCK) {
      const first = JSON.parse(lines[i]!) as Row;
      dirRows.push([keyOf(first[0], first[1]), at]);
      const block = Buffer.from(lines.slice(i, i + BLOCK).join('\n') + '\n');
      blocks.push(block);
      at += block.length;
    }
    const dirBuf = Buffer.from(JSON.stringify(dirRows) + '\n');
    const size = HEAD_BYTES + dirBuf.length + at;
    const head = JSON.stringify({ format: FORMAT, fingerprint, tree: idx.tree, count: lines.length, dir: dirBuf.length, size } satisfies CacheHeader);
    if (head.length >= HEAD_BYTES) return undefined;
    const file = path.join(dir, `${idx.tree}.json`);
    const tmp = `${file}.${process.pid}.tmp`;
    writeFileSync(tmp, Buffer.concat([Buffer.from(head.padEnd(HEAD_BYTES - 1) + '\n'), dirBuf, ...blocks], size));
    renameSync(tmp, file);
    // keep the newest few
    const all = readdirSync(dir)
      .filter((n) => /^[0-9a-f]{40,64}\.json$/.test(n))
      .map((n) => ({ n, t: statSync(path.join(dir, n)).mtimeMs }))
      .sort((a, b) => b.t - a.t);
    for (const old of all.slice(KEEP)) rmSync(path.join(dir, old.n), { force: true });
    return file;
  } catch {
    // a cache that cannot be written (read-only checkout) only costs time
    return undefined;
  }
}

/** The newest cached index made by this engine version, other than `tree`'s. */
function newestCache(dir: string, fingerprint: string, tree: string): NameIndex | undefined {
  let names: string[];
  try {
    names = readdirSync(dir).filter((n) => /^[0-9a-f]{40,64}\.json$/.test(n) && n !== `${tree}.json`);
  } catch {
    return undefined;
  }
  const byAge = names.map((n) => ({ n, t: statSync(path.join(dir, n), { throwIfNoEntry: false })?.mtimeMs ?? 0 })).sort((a, b) => b.t - a.t);
  for (const { n } of byAge) {
    // an older index is read whole (it is brought up to date): a damaged one is passed over
    const idx = readCache(path.join(dir, n), fingerprint);
    if (idx?.complete()) return idx;
  }
  return undefined;
}

/**
 * The common git folder (where the cache lives) and the tree id of `accounts/` at the commit ('' when
 * there is none). In a repository with a `.git` folder, asked through the check's open cat-file
 * (no process started); otherwise, or when the reader gives no answer (no accounts/, or the reader
 * failed), one `git rev-parse` for both.
 */
async function locate(dir: string, commit: string, reader: ObjectReader | undefined): Promise<[string | undefined, string]> {
  if (reader && process.env.GIT_DIR === undefined && process.env.GIT_COMMON_DIR === undefined) {
    const dotGit = path.join(dir, '.git');
    if (statSync(dotGit, { throwIfNoEntry: false })?.isDirectory()) {
      const name = `${commit}:accounts`;
      // only an answer is taken: a reader that failed midway answers nothing, which must not read
      // as "no accounts/" (an empty index would miss every look-alike); git is asked then
      const info = (await reader.lookup([name]).catch(() => undefined))?.get(name);
      if (info) return [dotGit, info.type === 'tree' ? info.oid : ''];
    }
  }
  const [common, tree = ''] = ((await tryGit(dir, ['rev-parse', '--git-common-dir', `${commit}:accounts`])) ?? '').split('\n');
  return [common, tree];
}

export interface NameIndexStats {
  /** How the index was obtained. */
  how: 'memory' | 'cache' | 'updated' | 'built' | 'empty';
  /** Account files read to make it. */
  read: number;
  /** The cache file it was read from or written to (absent: not cached, e.g. a read-only Git folder). */
  file?: string;
}

/**
 * The name index of `commit` in the repository `dir`. Cost: nothing when this process made it
 * already; one file read when it is cached; the changed files when an older index is cached;
 * otherwise every account file once (and then cached). The files are read through `reader` (the
 * check's open cat-file) when given, else through one cat-file opened for them.
 */
export async function nameIndexAt(dir: string, commit: string, stats?: NameIndexStats, reader?: ObjectReader): Promise<NameIndex> {
  const fingerprint = engineFingerprint();
  const [common, tree = ''] = await locate(dir, commit, reader);
  const note = (how: NameIndexStats['how'], read: number): void => {
    if (stats) {
      Object.assign(stats, { how, read });
      delete stats.file;
    }
  };
  if (!/^[0-9a-f]{40,64}$/.test(tree)) {
    note('empty', 0);
    return new NameIndex('', new Map());
  }
  const mem = inMemory.get(`${fingerprint}:${tree}`);
  if (mem) {
    note('memory', 0);
    return mem;
  }
  const cacheDir = common ? cacheDirOf(path.resolve(dir, common)) : undefined;
  const cached = cacheDir ? path.join(cacheDir, `${tree}.json`) : undefined;
  let idx = cached ? readCache(cached, fingerprint, tree) : undefined;
  if (idx) {
    note('cache', 0);
    if (stats) stats.file = cached;
  }
  if (!idx) {
    const older = [...inMemory.values()].pop() ?? (cacheDir ? newestCache(cacheDir, fingerprint, tree) : undefined);
    const diff = older ? await tryGit(dir, ['diff-tree', '-r', '-z', '--no-renames', older.tree, tree]) : undefined;
    if (older && diff !== undefined) {
      // ":<mode> <mode> <sha> <sha> <status>\0<path>\0" per change, paths relative to accounts/
      const parts = diff.split('\0');
      const changed: { rel: string; sha: string }[] = [];
      const byFile = new Map(older.byFile);
      for (let i = 0; i + 1 < parts.length; i += 2) {
        const meta = parts[i]!.split(' ');
        const rel = `accounts/${parts[i + 1]}`;
        byFile.delete(rel);
        const mode = meta[1] ?? '';
        const sha = meta[3] ?? '';
        if (mode.startsWith('100') && !/^0+$/.test(sha) && isAccountPath(rel)) changed.push({ rel, sha });
      }
      await withReader(dir, reader, (r) => addFiles(changed, byFile, r));
      idx = new NameIndex(tree, byFile, new Map([...older.folded].filter(([e]) => byFile.get(e.file) === e)));
      note('updated', changed.length);
    } else {
      const ls = (await tryGit(dir, ['ls-tree', '-r', '-z', '--full-tree', commit, '--', 'accounts'])) ?? '';
      const files = lsTreeFiles(ls);
      const byFile = new Map<string, NameEntry>();
      await withReader(dir, reader, (r) => addFiles(files, byFile, r));
      idx = new NameIndex(tree, byFile);
      note('built', files.length);
    }
    const written = cacheDir ? writeCache(cacheDir, idx, fingerprint) : undefined;
    if (stats && written) stats.file = written;
  }
  if (inMemory.size >= 2) inMemory.delete(inMemory.keys().next().value!);
  inMemory.set(`${fingerprint}:${tree}`, idx);
  return idx;
}
