/**
 * 合并请求检查的第一批 Git 工作：合并基准、差异、准确的树差异和合并基准的清单，在检查程序的其余部分
 * 加载之前就开始（本模块只依赖 core/git.ts，加载很快）。
 * The first git work of a PR check: the merge base, the diff, the exact tree delta and the merge
 * base's listing, begun before the rest of the engine loads (this module needs only core/git.ts,
 * so the command starts git at once and loads the judge while git works).
 */
import { existsSync, statSync } from 'node:fs';
import path from 'node:path';
import { diffWithDelta, git, GitSource, mergeBase, type DiffEntry, type ListingHint, type ObjectReader, type TreeChange } from '../core/git.ts';
import { foldersAbove, unitDirOf } from '../core/paths.ts';

/** The first git questions of a check, asked at once: the merge base, then the diff and the exact tree delta. */
export interface Started {
  mergeBase: Promise<string>;
  diffs: Promise<DiffEntry[]>;
  delta: Promise<TreeChange[] | undefined>;
  /**
   * The merge base's listing under accounts/, kept as the diff's hint says (started with the merge
   * base, scanned when `listWhen` resolved true); undefined when it was not started or not wanted.
   */
  listing?: Promise<GitSource | undefined>;
  /**
   * With `listing`: the merge base's and the head's sources (the head derived from the listing with
   * the exact tree delta) with what a scoped load of the changed folders reads already fetched
   * (GitSource.prefetchScopes through the check's cat-file), begun as soon as the listing is scanned,
   * while the rest of the engine may still be loading; undefined when any step failed (checkPr then
   * does each step itself, and reports what fails).
   */
  sources?: Promise<{ base: GitSource; head: GitSource } | undefined>;
}

/**
 * Begin a check's git work before it is known whether this process will judge (check-pr compares
 * the engines meanwhile). Nothing is awaited here and a failure surfaces where it is awaited; a
 * check that is not run leaves only finished git processes behind. The listing of the merge base
 * (the largest git output of a check) starts once the merge base is known, and is scanned once
 * `listWhen` (the engine comparison: whether this process judges at all) resolves true; when it
 * resolves false the listing's git is ended. Without `listWhen` the listing is left to checkPr.
 * `reader` (the check's open cat-file) tells the listing the file names in the changed folders
 * (GitSource.open), so it scans the whole listing once instead of twice.
 */
export function startCheck(repo: string, baseC: string, headC: string, listWhen?: Promise<boolean>, reader?: ObjectReader): Started {
  const mb = mergeBaseOf(repo, baseC, headC, reader);
  // the diff (renames paired) and the exact tree delta under accounts/ from one git diff
  const both = mb.then((m) => diffWithDelta(repo, m, headC));
  const diffs = both.then((b) => b.diffs);
  const delta = both.then((b) => b.delta).catch(() => undefined);
  for (const p of [mb, diffs]) p.catch(() => undefined);
  const started: Started = { mergeBase: mb, diffs, delta };
  if (listWhen) {
    // the listing starts with the merge base, before the engines are compared (git lists while they
    // are); it is scanned only once this process is known to judge, and git is ended when it will not
    const go = listWhen.catch(() => false);
    const stop = new AbortController();
    void go.then((yes) => yes || stop.abort());
    const hint = Promise.all([diffs, go]).then(([d, yes]) => {
      if (!yes) throw new Error('the listing is not needed');
      return hintOf(d, scopeOf(d));
    });
    hint.catch(() => undefined);
    // a failure (of the merge base, the diff or the listing) is left to checkPr: it asks again and reports it
    started.listing = mb.then((m) => GitSource.open(repo, m, ['accounts'], hint, stop.signal, reader)).catch(() => undefined);
    started.sources = Promise.all([started.listing, delta, diffs])
      .then(async ([base, d, changes]) => {
        if (!base || !d) return undefined;
        const head = base.derive(headC, d);
        await prefetchFor([base, head], changes, reader);
        return { base, head };
      })
      .catch(() => undefined);
  }
  return started;
}

/** Commits looked at, at most, to find the base among the head's ancestors (mergeBaseOf). */
export const ANCESTRY_LIMIT = 64;

/**
 * Whether the commits of the repository at `repo` may be walked through their objects as git
 * merge-base walks them: no shallow history (a shallow commit's object names parents the walk
 * does not have) and no grafts file (which gives commits other parents than their objects name).
 * A repository whose .git is not a folder (a worktree, a bare repository) is left to git.
 */
function plainHistory(repo: string): boolean {
  const gitDir = path.join(repo, '.git');
  try {
    if (!statSync(gitDir).isDirectory()) return false;
  } catch {
    return false;
  }
  return !existsSync(path.join(gitDir, 'shallow')) && !existsSync(path.join(gitDir, 'info', 'grafts'));
}

/** Whether `target` is `start` or one of its ancestors among the first `limit` commits reached, reading the commits through `reader`; false when not found so (or a commit cannot be read). */
async function isAncestor(reader: ObjectReader, target: string, start: string, limit: number): Promise<boolean> {
  if (target === start) return true;
  const seen = new Set([start]);
  let frontier = [start];
  while (frontier.length && seen.size <= limit) {
    const got = await reader.read(frontier);
    const next: string[] = [];
    for (const c of frontier) {
      const body = got.get(c);
      if (!body) return false;
      // the header: "tree <id>", then a "parent <id>" line per parent
      const end = body.indexOf('\n\n');
      for (const line of body.toString('latin1', 0, end < 0 ? body.length : end).split('\n').slice(1)) {
        if (!line.startsWith('parent ')) break;
        const p = line.slice(7);
        if (p === target) return true;
        if (!seen.has(p)) {
          seen.add(p);
          next.push(p);
        }
      }
    }
    frontier = next;
  }
  return false;
}

/**
 * The merge base of two commits as `git merge-base` gives it. When the head descends from the base
 * (a pull request whose base has not moved on: nearly always) the merge base is the base itself, and
 * this is seen by reading the head's ancestry through the check's open cat-file (`reader`), a few
 * commits, with no process of its own and no wait for one; otherwise, or when the history cannot be
 * walked that way, git merge-base answers.
 */
export async function mergeBaseOf(repo: string, baseC: string, headC: string, reader?: ObjectReader): Promise<string> {
  if (reader && plainHistory(repo)) {
    try {
      if (await isAncestor(reader, baseC, headC, ANCESTRY_LIMIT)) return baseC;
    } catch {
      // git merge-base answers
    }
  }
  return mergeBase(git(repo), baseC, headC);
}

/**
 * The region folders whose region.json a scoped judgement of these changes reads: when they leave
 * every region.json and unit.json as it was (account files only), those of the changed folders and
 * above them (LoadOptions.scopeRegions: no other region's findings can differ between the two
 * sides); undefined (every region) otherwise.
 */
export function regionsRead(diffs: readonly DiffEntry[], scope: ReadonlySet<string>): Set<string> | undefined {
  return structureUnchanged(diffs) ? foldersAbove(scope) : undefined;
}

/**
 * Fetch what a scoped judgement of these changes reads on each side (GitSource.prefetchScopes):
 * the changed unit folders' files, and the region files regionsRead names (every one when undefined).
 */
export function prefetchFor(sources: readonly GitSource[], changes: readonly DiffEntry[], reader?: ObjectReader): Promise<void> {
  const scope = scopeOf(changes);
  return GitSource.prefetchScopes(sources, scope, reader, regionsRead(changes, scope));
}

/** Whether no region.json and no unit.json is added, changed, removed or renamed (on either side of a rename). */
export function structureUnchanged(diffs: readonly DiffEntry[]): boolean {
  for (const d of diffs) {
    for (const p of [d.path, d.fromPath]) {
      if (p === undefined) continue;
      const name = p.slice(p.lastIndexOf('/') + 1);
      if (name === 'region.json' || name === 'unit.json') return false;
    }
  }
  return true;
}

/** The unit folders a set of changes touches (what a scoped judgement must read). */
export function scopeOf(diffs: readonly DiffEntry[]): Set<string> {
  const scopeDirs = new Set<string>();
  for (const d of diffs) {
    for (const p of [d.path, d.fromPath]) {
      if (!p || !p.startsWith('accounts/')) continue;
      if (path.posix.basename(p) === 'region.json') continue;
      scopeDirs.add(unitDirOf(p));
    }
  }
  return scopeDirs;
}

/**
 * What the check will ask the listings: the changed unit folders, the changed paths and their file
 * names (GitSource keeps only these, every region.json and unit.json, and the names of the files
 * in those folders; anything else it is asked is answered from the whole listing).
 */
export function hintOf(diffs: readonly DiffEntry[], scopeDirs: ReadonlySet<string>): ListingHint {
  const paths = new Set<string>();
  const stems = new Set<string>();
  for (const d of diffs) {
    for (const p of [d.path, d.fromPath]) {
      if (p === undefined) continue;
      paths.add(p);
      const name = p.slice(p.lastIndexOf('/') + 1);
      if (name.endsWith('.json')) stems.add(name.slice(0, -5));
    }
  }
  return { dirs: scopeDirs, stems, paths };
}
