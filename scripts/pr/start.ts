/**
 * 合并请求检查的第一批 Git 工作：合并基准、差异、准确的树差异和合并基准的清单，在检查程序的其余部分
 * 加载之前就开始（本模块只依赖 core/git.ts，加载很快）。
 * The first git work of a PR check: the merge base, the diff, the exact tree delta and the merge
 * base's listing, begun before the rest of the engine loads (this module needs only core/git.ts,
 * so the command starts git at once and loads the judge while git works).
 */
import path from 'node:path';
import { diffWithDelta, git, GitSource, mergeBase, type DiffEntry, type ListingHint, type ObjectReader, type TreeChange } from '../core/git.ts';
import { unitDirOf } from '../core/paths.ts';

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
  const g = git(repo);
  const mb = mergeBase(g, baseC, headC);
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
  }
  return started;
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
