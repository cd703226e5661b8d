/**
 * 正在运行的检查程序的文件在 Git 中的对象编号（树和文件），按 Git 的算法在本进程中算出：编译时算好存入
 * dist/engine-ids.json，并记下每个文件的大小、修改时间和权限；运行时只核对这些（几毫秒），都未变才采用，
 * 不必为比较检查程序启动 git。有任何不同（改过、多出或少了文件），调用者照旧问 Git。
 * The Git object ids (trees and blobs) of the running engine's files, computed in-process the way
 * Git computes them: worked out at build time into dist/engine-ids.json with each file's size,
 * modification time and mode, and at run time only those are checked (a few milliseconds); when all
 * still hold the ids are used and no git process is started to compare the engines. Anything
 * different (an edited, added or removed file) and the caller asks Git as before.
 */
import { createHash } from 'node:crypto';
import { lstatSync, readdirSync, readFileSync, readlinkSync, writeFileSync, type Stats } from 'node:fs';
import path from 'node:path';

/** The engine's paths: what `check-pr --engine base` compares with the base commit's (and extracts when they differ). */
export const ENGINE_PATHS = ['scripts', 'policies', 'schemas', 'package.json', 'tsconfig.json'] as const;

/** Where the build keeps the running engine's ids (scripts/build.mjs). */
export const ENGINE_IDS_FILE = path.join('dist', 'engine-ids.json');

/** Hash of a Git object: "<type> <size>\0" + content (SHA-1, the hash of almost every repository). */
function objectId(type: 'blob' | 'tree', content: Buffer): Buffer {
  return createHash('sha1').update(`${type} ${content.length}\0`).update(content).digest();
}

/** Git's order of tree entries: the bytes of the names, a folder's name compared as if it ended in "/". */
function treeOrder(a: { key: Buffer }, b: { key: Buffer }): number {
  return Buffer.compare(a.key, b.key);
}

/** What a file's modification is judged by: size, modification time, and mode (type and permissions). */
type Seen = [rel: string, size: number, mtimeMs: number, mode: number];

function seenOf(rel: string, st: Stats): Seen {
  return [rel, st.size, st.mtimeMs, st.mode];
}

/** A file, link or folder's entry as Git stores it; undefined for an empty folder (Git keeps none); throws for anything Git cannot hold. */
function entryOf(root: string, rel: string, seen: Seen[]): { mode: string; id: Buffer } | undefined {
  const abs = path.join(root, rel);
  const st = lstatSync(abs);
  if (st.isSymbolicLink()) {
    seen.push(seenOf(rel, st));
    return { mode: '120000', id: objectId('blob', Buffer.from(readlinkSync(abs))) };
  }
  if (st.isFile()) {
    seen.push(seenOf(rel, st));
    return { mode: st.mode & 0o100 ? '100755' : '100644', id: objectId('blob', readFileSync(abs)) };
  }
  if (!st.isDirectory()) throw new Error(`not a file, link or folder: ${rel}`);
  const entries: { key: Buffer; name: Buffer; mode: string; id: Buffer }[] = [];
  for (const name of readdirSync(abs)) {
    // a name that is not valid UTF-8 cannot be hashed from its decoded form
    if (name.includes('\ufffd')) throw new Error(`undecodable name in ${rel}`);
    const e = entryOf(root, `${rel}/${name}`, seen);
    if (!e) continue;
    const n = Buffer.from(name);
    entries.push({ key: e.mode === '40000' ? Buffer.concat([n, Buffer.from('/')]) : n, name: n, ...e });
  }
  if (!entries.length) return undefined;
  entries.sort(treeOrder);
  const body = Buffer.concat(entries.flatMap((e) => [Buffer.from(`${e.mode} `), e.name, Buffer.from([0]), e.id]));
  return { mode: '40000', id: objectId('tree', body) };
}

/**
 * The SHA-1 object ids Git would give `paths` (relative to `root`) if the working files were
 * committed as they are (undefined for a path that is absent, empty or cannot be hashed), and what
 * each file was judged by. Every file counts, including those Git ignores.
 */
export function workingObjectIds(root: string, paths: readonly string[]): { ids: (string | undefined)[]; seen: Seen[] } {
  const seen: Seen[] = [];
  const ids = paths.map((p) => {
    try {
      return entryOf(root, p, seen)?.id.toString('hex');
    } catch {
      return undefined;
    }
  });
  return { ids, seen };
}

interface IdsFile {
  paths: string[];
  ids: (string | null)[];
  seen: Seen[];
}

/** Work the ids out from the files as they are now and keep them in `file` (scripts/build.mjs). */
export function writeEngineIds(root: string, paths: readonly string[], file: string): void {
  const { ids, seen } = workingObjectIds(root, paths);
  const body: IdsFile = { paths: [...paths], ids: ids.map((x) => x ?? null), seen };
  writeFileSync(file, JSON.stringify(body) + '\n');
}

/**
 * Every file and link under `rel`, as it is judged (the walk of workingObjectIds, without reading a
 * file). Synchronous: ~450 lstat calls take ~16 ms of this thread, where the same walk through
 * fs/promises cost ~35 ms of it in promise and callback work (check-pr's main thread is its
 * critical path; the git processes started before it run on the other core meanwhile).
 */
function walk(root: string, rel: string, out: Seen[]): void {
  const st = lstatSync(path.join(root, rel));
  if (st.isDirectory()) for (const name of readdirSync(path.join(root, rel))) walk(root, `${rel}/${name}`, out);
  else out.push(seenOf(rel, st));
}

/**
 * The ids kept in `file` for `paths`, when every file under them still has the size, modification
 * time and mode it had when they were worked out, and no file came or went; undefined otherwise
 * (no such file, another list of paths, anything changed): then ask Git.
 */
export async function keptEngineIds(root: string, paths: readonly string[], file: string): Promise<string[] | undefined> {
  try {
    const kept = JSON.parse(readFileSync(file, 'utf8')) as IdsFile;
    if (kept.paths.join('\n') !== paths.join('\n') || kept.ids.some((x) => typeof x !== 'string')) return undefined;
    const now: Seen[] = [];
    for (const p of paths) walk(root, p, now);
    if (now.length !== kept.seen.length) return undefined;
    const byRel = new Map(kept.seen.map((s) => [s[0], s]));
    for (const s of now) {
      const k = byRel.get(s[0]);
      if (!k || k[1] !== s[1] || k[2] !== s[2] || k[3] !== s[3]) return undefined;
    }
    return kept.ids as string[];
  } catch {
    return undefined;
  }
}
