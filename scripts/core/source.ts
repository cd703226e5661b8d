/**
 * 数据来源：工作目录，或 Git 中的某个提交（供 PR 检查读取 head 分支的数据）。
 * Where register files come from: the working tree, or (for the PR check) a Git tree.
 */
import { closeSync, fstatSync, lstatSync, openSync, readdirSync, readFileSync, readSync, type Dirent } from 'node:fs';
import path from 'node:path';
import type { ParseHint } from './jsonfast.ts';
import { ReadAhead, type StartedReader, READ_AHEAD_MIN_FILES } from './read-ahead.ts';

export type EntryType = 'file' | 'dir' | 'symlink' | 'other';

export interface Entry {
  /** Repo-relative path with forward slashes, e.g. accounts/sichuan/region.json */
  rel: string;
  type: EntryType;
  /**
   * Size in bytes when the source knows it without reading (Git, memory); 0 when it does not (a
   * folder listing: the size is checked when the file is opened).
   */
  size: number;
}

/** Thrown by readText when the file is larger than the caller accepts (it is not read). */
export class FileTooLarge extends Error {
  constructor(readonly size: number) {
    super(`file is ${size} bytes`);
  }
}

export interface FileSource {
  /** Human label, e.g. the directory or "HEAD". */
  readonly label: string;
  /** Every entry under `accounts/` (recursively), directories included. */
  list(prefix: string): Entry[];
  read(rel: string): Buffer;
  /**
   * Optional: the file decoded as UTF-8 in one native step (invalid bytes become U+FFFD). A
   * text without U+FFFD and NUL is the file exactly; anything else is re-read with `read`.
   */
  readText?(rel: string, maxBytes?: number): string;
  exists(rel: string): boolean;
  /**
   * Optional, for large registers: the entries a scoped load needs (every region.json and
   * unit.json, and everything inside the given unit folders), without listing the whole tree.
   */
  listForScope?(unitDirs: ReadonlySet<string>): Entry[];
  /**
   * Optional, with listForScope: its two parts. `listStructure()` is every region.json and
   * unit.json, in listForScope's order, as one array that is the same object for every source whose
   * region.json and unit.json entries are the same (a source and one derived from it that changes
   * none of them), so a load may reuse what it worked out from it; an entry's size is read when
   * asked (it may become known after the listing). `listFolders(unitDirs)` is the rest of
   * listForScope(unitDirs).
   */
  listStructure?(): readonly Entry[];
  listFolders?(unitDirs: ReadonlySet<string>): Entry[];
  /** Optional: every account file path (sorted) whose file name is `<stem>.json`. */
  pathsWithStem?(stem: string): string[];
  /** Optional: an id of the file's content (a Git blob id), for caching results across loads. */
  contentKey?(rel: string): string | undefined;
  /**
   * Optional: the files `readText` will be asked for next, in that order; the source may read
   * them ahead (FsSource: in another thread, for a large register). `endReadAhead` frees what it holds.
   */
  readAhead?(rels: readonly string[], maxBytes: number): void;
  endReadAhead?(): void;
  /**
   * Optional: list `prefix` before the load asks (FsSource: and start its reading thread meanwhile);
   * a later `list(prefix)` uses what it read and gives exactly what it would have given.
   */
  listAhead?(prefix: string): Promise<void>;
  /** Optional: the parse hint the read-ahead computed of the text `readText` returned last, when it was that file. */
  hintFor?(rel: string): ParseHint | undefined;
}

/** The buffer FsSource.readText reads into (one per thread; grows for a larger file). */
let readBuffer = Buffer.allocUnsafe(1 << 20);

export class FsSource implements FileSource {
  private ahead: ReadAhead | undefined;
  private aheadMax = Infinity;
  private hinted: string | undefined;
  private hint: ParseHint | undefined;
  private readonly readAheadMin: number;
  /**
   * A reading thread started by listAhead once it has seen as many files as make reading ahead
   * worth it: the thread loads its modules while the listing goes on (readAhead gives it its files).
   */
  private started: StartedReader | undefined;
  /** Folder items read by listAhead, by absolute folder path (used once, by the next list of that prefix). */
  private listed: { prefix: string; items: Map<string, Dirent[]> } | undefined;
  /** @param opts.readAheadMin  read ahead in another thread from this many files (default READ_AHEAD_MIN_FILES). */
  constructor(
    readonly root: string,
    opts: { readAheadMin?: number } = {},
  ) {
    this.readAheadMin = opts.readAheadMin ?? READ_AHEAD_MIN_FILES;
  }
  /** Read a large register's files ahead in another thread (read-ahead.ts); a small one is read here. */
  readAhead(rels: readonly string[], maxBytes: number): void {
    // the thread listAhead started is taken before endReadAhead, which stops one left unused
    const started = this.started;
    this.started = undefined;
    this.endReadAhead();
    if (rels.length < this.readAheadMin || process.env.GOVMEDIA_READ_AHEAD === '0') {
      started?.cancel();
      return;
    }
    this.ahead = new ReadAhead(this.root, rels, maxBytes, started);
    this.aheadMax = maxBytes;
  }
  endReadAhead(): void {
    this.ahead?.stop();
    this.ahead = undefined;
    this.started?.cancel();
    this.started = undefined;
    this.hinted = this.hint = undefined;
  }
  hintFor(rel: string): ParseHint | undefined {
    return this.hinted === rel ? this.hint : undefined;
  }
  get label(): string {
    return this.root;
  }
  /**
   * Read every folder under `prefix` now, so that `list(prefix)` puts the entries together from what
   * was read (in the same order and with the same types as when it reads each folder itself), and
   * start the reading thread as soon as the folders read hold enough files to make reading ahead
   * worth it: it loads its modules on the other core while the listing goes on.
   * The folders are read one after another (readdirSync): on 2 cores that took 420–480 ms for the
   * 16,000 folders of a 100,000-account register, where reading 16 at a time in Node's thread pool
   * (promises) took 600–990 ms and ~0.6 s more CPU (paired runs of the whole validate: 5.78 s
   * against 6.05 s).
   */
  async listAhead(prefix: string): Promise<void> {
    this.listed = undefined;
    const start = path.join(this.root, prefix);
    try {
      const st = lstatSync(start);
      if (st.isSymbolicLink() || !st.isDirectory()) return;
    } catch {
      return;
    }
    const items = new Map<string, Dirent[]>();
    let files = 0;
    const early = !this.started && process.env.GOVMEDIA_READ_AHEAD !== '0';
    const walk = (dir: string): void => {
      let ds: Dirent[];
      try {
        ds = readdirSync(dir, { withFileTypes: true });
      } catch {
        return;
      }
      items.set(dir, ds);
      for (const d of ds) if (!d.isDirectory()) files++;
      if (early && !this.started && files >= this.readAheadMin) this.started = ReadAhead.start(this.root);
      for (const d of ds) if (d.isDirectory()) walk(dir + path.sep + d.name);
    };
    walk(start);
    this.listed = { prefix, items };
  }
  list(prefix: string): Entry[] {
    const pre = this.listed?.prefix === prefix ? this.listed.items : undefined;
    this.listed = undefined;
    const out: Entry[] = [];
    const start = path.join(this.root, prefix);
    let st;
    try {
      st = lstatSync(start);
    } catch {
      return out;
    }
    // the register folder itself must be a real folder: a link or a file is reported, not followed
    if (st.isSymbolicLink()) return [{ rel: prefix.replace(/\/+$/, ''), type: 'symlink', size: 0 }];
    if (!st.isDirectory()) return [{ rel: prefix.replace(/\/+$/, ''), type: 'other', size: 0 }];
    const walk = (dirAbs: string, dirRel: string): void => {
      let items;
      if (pre) {
        // read by listAhead; a folder it could not read is skipped, as below
        items = pre.get(dirAbs);
        if (!items) return;
      } else {
        try {
          items = readdirSync(dirAbs, { withFileTypes: true });
        } catch {
          return;
        }
      }
      items.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
      for (const d of items) {
        const rel = `${dirRel}/${d.name}`;
        // a name from readdir has no separator: joining by hand skips path.join's normalising,
        // which took 2% of a 100k validate's samples with the open in readText
        const abs = dirAbs + path.sep + d.name;
        if (d.isSymbolicLink()) out.push({ rel, type: 'symlink', size: 0 });
        else if (d.isDirectory()) {
          out.push({ rel, type: 'dir', size: 0 });
          walk(abs, rel);
        } else if (d.isFile()) {
          // no lstat per file: readdir already says what it is, and the size is checked when the
          // file is opened for reading (readText), which is a third of the listing's time saved
          out.push({ rel, type: 'file', size: 0 });
        } else out.push({ rel, type: 'other', size: 0 });
      }
    };
    walk(start, prefix.replace(/\/+$/, ''));
    return out;
  }
  read(rel: string): Buffer {
    return readFileSync(path.join(this.root, rel));
  }
  /**
   * One open, one read into a reused buffer, and decode: no Buffer is allocated per file (less
   * garbage than readFileSync; see the read costs in the validate profile of docs/benchmarks.md).
   * A read that does not fill the buffer has read the whole regular file (a short read is the end
   * of the file), so the size needs no fstat; only a file that fills the buffer (1 MiB or more)
   * or is over the limit is measured, and a larger one is read in full into a larger buffer.
   * (Measured on 30,000 register files: 25% less time than open, fstat, read and close.)
   */
  readText(rel: string, maxBytes = Infinity): string {
    this.hinted = undefined;
    const got = this.ahead?.take(rel);
    if (got) {
      if ('tooLarge' in got) throw new FileTooLarge(got.tooLarge);
      // read ahead under the limit readAhead was given: the caller's, when it is not lower
      if (maxBytes >= this.aheadMax) {
        this.hinted = rel;
        this.hint = got.hint;
        return got.text;
      }
    }
    const fd = openSync(this.root + path.sep + rel, 'r');
    try {
      const first = readSync(fd, readBuffer, 0, readBuffer.length, 0);
      if (first < readBuffer.length && first <= maxBytes) return readBuffer.toString('utf8', 0, first);
      const size = fstatSync(fd).size;
      if (size > maxBytes) throw new FileTooLarge(size);
      if (size > readBuffer.length) readBuffer = Buffer.allocUnsafe(size);
      let off = 0;
      while (off < size) {
        const n = readSync(fd, readBuffer, off, size - off, off);
        if (n <= 0) break;
        off += n;
      }
      return readBuffer.toString('utf8', 0, off);
    } finally {
      closeSync(fd);
    }
  }
  exists(rel: string): boolean {
    try {
      lstatSync(path.join(this.root, rel));
      return true;
    } catch {
      return false;
    }
  }
}

