/**
 * 从 Git 的索引文件（.git/index）中直接找出某个文件名的路径，不启动 `git ls-files`。
 * 只读最常见的格式（第 2、3 版，SHA-1 或 SHA-256，没有拆分索引和稀疏索引）；其他任何情况（工作树的
 * .git 是文件、设置了 GIT_DIR 或 GIT_INDEX_FILE、第 4 版索引、格式核对不上）都答“不知道”，由调用者照旧问 Git。
 * The paths of the index (.git/index) that end in a given file name, read in-process instead of
 * through a `git ls-files` process. Only the common layout is read (version 2 or 3, SHA-1 or
 * SHA-256 ids, no split or sparse index); anything else (a worktree whose .git is a file, GIT_DIR
 * or GIT_INDEX_FILE set, a version 4 index, any field that does not check out) answers undefined
 * and the caller asks Git as before. The answer is what `git ls-files` would list for the literal
 * name, in the index's order (sorted by path, as ls-files prints it).
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

/** Modes an index entry holds for a file, a link or a submodule (a sparse folder entry has 040000). */
const ENTRY_MODES = new Set([0o100644, 0o100755, 0o120000, 0o160000]);

/** How many starts (`prefix` found before the hit) are tried for one hit. */
const MAX_STARTS = 64;

/**
 * Every path of the index of the repository at `repo` (its top folder, holding `.git/`) that
 * starts with `prefix` and ends with `suffix` (both plain text, compared as UTF-8 bytes), in index
 * order; undefined when the index cannot be read this way (then ask git ls-files).
 *
 * The index is searched natively for `suffix` followed by the NUL that ends a path; each hit is
 * taken only when an index entry checks out around it: no NUL inside the path, its length in the entry's flags, a
 * file, link or submodule mode at the entry's start, and NUL padding up to the next entry.
 */
export function indexPathsMatching(repo: string, prefix: string, suffix: string): string[] | undefined {
  if (process.env.GIT_DIR !== undefined || process.env.GIT_INDEX_FILE !== undefined || process.env.GIT_WORK_TREE !== undefined) return undefined;
  const gitDir = path.join(repo, '.git');
  let buf: Buffer;
  try {
    // a split index (entries in a shared file) or a sparse one (folders as entries) is left to git
    if (existsSync(path.join(gitDir, 'info', 'sparse-checkout')) || readdirSync(gitDir).some((n) => n.startsWith('sharedindex.'))) return undefined;
    buf = readFileSync(path.join(gitDir, 'index'));
  } catch {
    return undefined;
  }
  if (buf.length < 12 || buf.toString('latin1', 0, 4) !== 'DIRC') return undefined;
  const version = buf.readUInt32BE(4);
  if (version !== 2 && version !== 3) return undefined;
  const pre = Buffer.from(prefix);
  const end = Buffer.concat([Buffer.from(suffix), Buffer.from([0])]);
  const out: string[] = [];
  for (let hit = buf.indexOf(end, 12); hit >= 0; hit = buf.indexOf(end, hit + 1)) {
    const stop = hit + end.length - 1;
    // the path's start: the latest `prefix` before the hit where an entry checks out
    let tries = 0;
    for (let at = buf.lastIndexOf(pre, stop - pre.length); at >= 12 && tries++ < MAX_STARTS; at = buf.lastIndexOf(pre, at - 1)) {
      if (!entryAt(buf, at, stop - at, version)) continue;
      out.push(buf.toString('utf8', at, stop));
      break;
    }
  }
  return out;
}

/** Whether an index entry (SHA-1 or SHA-256 ids, with or without extended flags) has its path of `len` bytes at `at`. */
function entryAt(buf: Buffer, at: number, len: number, version: number): boolean {
  // a path holds no NUL (a start found before an earlier entry would take in that entry's NUL)
  if (buf.indexOf(0, at) !== at + len) return false;
  for (const idBytes of [20, 32]) {
    for (const extended of version >= 3 ? [false, true] : [false]) {
      const start = at - 40 - idBytes - 2 - (extended ? 2 : 0);
      if (start < 12) continue;
      const flags = buf.readUInt16BE(start + 40 + idBytes);
      if (Boolean(flags & 0x4000) !== extended || (flags & 0x0fff) !== Math.min(len, 0x0fff)) continue;
      if (!ENTRY_MODES.has(buf.readUInt32BE(start + 24))) continue;
      const next = start + ((at - start + len + 8) & ~7);
      if (next > buf.length) continue;
      let padded = true;
      for (let k = at + len; k < next; k++) if (buf[k] !== 0) padded = false;
      if (padded) return true;
    }
  }
  return false;
}
