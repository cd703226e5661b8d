/**
 * history 的第一批 Git 工作：在索引中找到账号文件的路径，立即开始该路径的 `git log`（最长的一步）和读取
 * 各版本的 `git cat-file`。本模块只依赖几个小模块，命令在加载其余代码（分类、回放、core/git.ts）之前就调用它，
 * 让 git 先干活。
 * The first git work of `govmedia history`: the account file's path from the index, then at once
 * the `git log` of that path (the longest step) and the `git cat-file` that reads its versions.
 * This module needs only a few small ones, so the command calls it before the rest of history
 * (classification, replay, core/git.ts) loads, and git works meanwhile.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { BlobReader } from '../core/blobs.ts';
import { indexPathsMatching } from '../core/git-index.ts';
import { runGit } from '../core/run-git.ts';

export const LOG_FORMAT = '--format=%x01%H%x00%P%x00%ct%x00%an%x00%s%x00%b%x00';

const RAW_SHAS = /:\d{6} \d{6} ([0-9a-f]{40}) ([0-9a-f]{40}) /g;
const ZERO_SHA = /^0+$/;

/** The log of the account file's paths: each commit's raw changes, full ids, renames paired, first parents only. */
export function logArgs(rev: string, paths: readonly string[]): string[] {
  return ['log', rev, '-z', '--raw', '--no-abbrev', '-M', '--first-parent', LOG_FORMAT, '--', ...paths];
}

/**
 * Ask cat-file for each version as soon as the log names it: git reads the objects while the log
 * is still walking history (the returned function is given the log's output as it comes).
 */
export function prefetcher(blobs: Pick<BlobReader, 'read'>): (chunk: Buffer) => void {
  const asked = new Set<string>();
  let tail = '';
  return (chunk: Buffer): void => {
    const text = tail + chunk.toString('latin1');
    for (const m of text.matchAll(RAW_SHAS)) {
      for (const sha of [m[1]!, m[2]!]) {
        if (ZERO_SHA.test(sha) || asked.has(sha)) continue;
        asked.add(sha);
        void blobs.read(sha);
      }
    }
    tail = text.slice(-200);
  };
}

/** A `git log` of one path begun before the path was confirmed (see startHistory): its output, or undefined when it failed or was ended. */
export interface EarlyLog {
  path: string;
  out: Promise<string | undefined>;
}

/** What startHistory began; accountHistory ends it (closes `blobs`, aborts `stop`). */
export interface StartedHistory {
  blobs: BlobReader;
  /** What `git ls-files` would list for the account's file name, read from the index; undefined: ask git. */
  fromIndex: string[] | undefined;
  /** The log of the index's first path. */
  early: EarlyLog | undefined;
  /** Ends the early log (when another path is the one, and when the history is done). */
  stop: AbortController;
}

/** An id with no pathspec magic: `accounts/**\/<id>.json` names exactly the files called <id>.json, so the index may be read for it in-process. */
const PLAIN_ID = /^[A-Za-z0-9][A-Za-z0-9._-]*$/;

/**
 * Begin a history's git work; undefined when `repo` is not a Git repository (nothing started).
 * The path the index names first is nearly always the one: its log is begun first, while the path
 * is confirmed at the revision (accountHistory ends it if another path is the one); the cat-file
 * that reads the versions starts right after it, before the log names any.
 */
export function startHistory(repo: string, id: string, rev: string): StartedHistory | undefined {
  if (!existsSync(path.join(repo, '.git')) && !existsSync(path.join(repo, 'HEAD'))) return undefined;
  const fromIndex = PLAIN_ID.test(id) ? indexPathsMatching(repo, 'accounts/', `/${id}.json`) : undefined;
  const stop = new AbortController();
  const early: EarlyLog | undefined = fromIndex?.length ? { path: fromIndex[0]!, out: runGit(repo, logArgs(rev, [fromIndex[0]!]), prefetcher({ read: (sha) => blobs.read(sha) }), stop.signal).catch(() => undefined) } : undefined;
  const blobs = new BlobReader(repo);
  return { blobs, fromIndex, early, stop };
}
