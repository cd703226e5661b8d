/**
 * 基准程序副本的清理：`.git/govmedia-engine/` 中每个程序版本一份副本（约几 MB），长期使用的仓库（自建的
 * CI 执行器、维护者的本机）会一直累积。每次检查用到一份副本时记下使用时间；除最近用过的 4 份外，7 天
 * 没有用过的副本删除；被中断的检查留下的未完成文件夹（`.tmp-`）过 1 天删除。本库以外的名称一概不动。
 *
 * Housekeeping of the base-engine copies in `.git/govmedia-engine/`: one copy (a few MB) per engine
 * version, which a long-lived repository (a self-hosted runner's workspace, a maintainer's clone)
 * would otherwise collect forever. Each check marks the copy it uses; beyond the 4 used last, a
 * copy unused for 7 days is removed, and an extraction folder (`<key>.tmp-…`) left by a check that
 * was killed midway is removed after a day. Names that are not the cache's own are never touched,
 * nor is anything through a symbolic link.
 */
import { lstatSync, readdirSync, rmSync, statSync, utimesSync } from 'node:fs';
import path from 'node:path';

/** Copies kept however long unused: the one in use and the newest others, by last use. */
export const KEEP_ENGINES = 4;
/** Beyond those, a copy unused for longer than this is removed. */
export const ENGINE_IDLE_MS = 7 * 24 * 3600 * 1000;
/** An extraction folder untouched for this long belongs to a check that never finished. */
export const STALE_TMP_MS = 24 * 3600 * 1000;

const COPY = /^[0-9a-f]{20}$/;
const TMP = /^[0-9a-f]{20}\.tmp-[A-Za-z0-9]+$/;

/** Mark a copy as used now (the time of its `.complete` file: what eviction goes by). */
export function markEngineUsed(dir: string, now = new Date()): void {
  try {
    utimesSync(path.join(dir, '.complete'), now, now);
  } catch {
    // a copy that cannot be marked is only evicted sooner
  }
}

/**
 * Remove the copies and stale extraction folders of `cacheRoot` as described above, never `inUse`
 * (the key of the copy this check runs); returns the names removed. Never throws.
 */
export function evictEngines(cacheRoot: string, inUse: string, now = Date.now()): string[] {
  let names: string[];
  try {
    names = readdirSync(cacheRoot);
  } catch {
    return [];
  }
  const removed: string[] = [];
  const remove = (name: string): void => {
    try {
      rmSync(path.join(cacheRoot, name), { recursive: true, force: true });
      removed.push(name);
    } catch {
      // in use elsewhere, or not ours to remove: left for next time
    }
  };
  const copies: { name: string; used: number }[] = [];
  for (const name of names) {
    if (name === inUse || (!COPY.test(name) && !TMP.test(name))) continue;
    const st = lstatSync(path.join(cacheRoot, name), { throwIfNoEntry: false });
    if (!st?.isDirectory()) continue;
    if (TMP.test(name)) {
      if (now - st.mtimeMs > STALE_TMP_MS) remove(name);
      continue;
    }
    const done = statSync(path.join(cacheRoot, name, '.complete'), { throwIfNoEntry: false });
    copies.push({ name, used: done?.mtimeMs ?? st.mtimeMs });
  }
  copies.sort((a, b) => b.used - a.used);
  for (const c of copies.slice(KEEP_ENGINES - 1)) if (now - c.used > ENGINE_IDLE_MS) remove(c.name);
  return removed;
}
