/**
 * 仿冒检查的合并请求一侧（只在 Node 中运行：读取 Git 和名称索引；浏览器中的助手只用 impersonation.ts）。
 * The pull-request side of the impersonation rule (Node only: it reads Git and the name index;
 * the browser assistant bundles impersonation.ts alone).
 */
import { GitSource, type ObjectReader } from './git.ts';
import { entryFromText, impersonationFindings, type NameEntry } from './impersonation.ts';
import { isAccountPath, nameIndexAt } from './name-index.ts';
import type { Finding } from './finding.ts';
import { unitDirOf } from './paths.ts';
import type { AccountDoc, Register } from './register.ts';
import type { FileSource } from './source.ts';

/** Name entries by blob id, so that replaying history (audit) reads each account version once. */
const byContent = new Map<string, NameEntry | null>();
const BY_CONTENT_LIMIT = 300_000;

/**
 * The pull-request side of the rule. A scoped load reads only the changed unit folders, so an
 * account added (or renamed, or moved to another platform) there is also compared with the
 * names of every account outside the scope. Nothing is read when no account is new or renamed.
 *
 * With the merge base in Git (`baseSrc` a GitSource) and the changed paths known, the names
 * outside the scope are looked up in the base's name index (name-index.ts: built once per base
 * tree and cached, so a PR touching N files costs N lookups, not a read of the register): the
 * files outside the scope are the base's, except changed ones, which are read from the head.
 * Otherwise (audit's snapshots) every file outside the scope is read from the head, each
 * content once per process. `reader`: the check's open cat-file, through which an index that is
 * not cached is made.
 */
export async function impersonationAcrossScope(base: Register, head: Register, src: FileSource, opts: { baseSrc?: FileSource; changed?: readonly string[]; reader?: ObjectReader } = {}): Promise<Finding[]> {
  const candidates = head.accounts.filter((a) => {
    const b = base.accountsById.get(a.id);
    return !b || b.data.name !== a.data.name || b.data.platform !== a.data.platform;
  });
  if (!candidates.length) return [];
  // the folders whose accounts the scoped load read (units loaded only as references have none)
  const scopedDirs = new Set(head.accounts.map((a) => unitDirOf(a.file.rel)));
  if (opts.baseSrc instanceof GitSource && opts.changed) return indexed(candidates, scopedDirs, src, opts.baseSrc, opts.changed, opts.reader);
  const files = src.list('accounts').filter((e) => e.type === 'file' && e.rel.endsWith('.json') && !e.rel.endsWith('/unit.json') && !e.rel.endsWith('/region.json') && e.rel !== 'accounts/region.json' && !scopedDirs.has(unitDirOf(e.rel)));
  const need: string[] = [];
  const others: NameEntry[] = [];
  for (const f of files) {
    const key = src.contentKey?.(f.rel);
    const hit = key !== undefined ? byContent.get(key) : undefined;
    if (hit !== undefined) {
      if (hit) others.push({ ...hit, file: f.rel });
    } else need.push(f.rel);
  }
  const prefetch = (src as { prefetch?: (filter: (p: string) => boolean) => Promise<void> }).prefetch;
  if (need.length && typeof prefetch === 'function') {
    const wanted = new Set(need);
    await prefetch.call(src, (p) => wanted.has(p));
  }
  if (byContent.size > BY_CONTENT_LIMIT) byContent.clear();
  for (const rel of need) {
    let e: NameEntry | null = null;
    try {
      const text = src.readText ? src.readText(rel, 1 << 20) : src.read(rel).toString('utf8');
      e = entryFromText(rel, text);
    } catch {
      e = null;
    }
    const key = src.contentKey?.(rel);
    if (key !== undefined) byContent.set(key, e);
    if (e) others.push(e);
  }
  return impersonationFindings(candidates, others, true);
}

async function indexed(candidates: readonly AccountDoc[], scopedDirs: ReadonlySet<string>, headSrc: FileSource, baseSrc: GitSource, changedPaths: readonly string[], reader?: ObjectReader): Promise<Finding[]> {
  const index = await nameIndexAt(baseSrc.repoDir, baseSrc.commit, undefined, reader);
  const changed = new Set(changedPaths);
  const outside = (rel: string): boolean => !scopedDirs.has(unitDirOf(rel));
  const inScope = new Set(candidates.map((a) => a.id));
  const found = new Map<string, NameEntry>();
  for (const a of candidates) {
    for (const e of index.lookup(a.data.platform, a.data.name)) if (outside(e.file) && !changed.has(e.file) && !inScope.has(e.id)) found.set(e.file, e);
  }
  // changed account files outside the scope (none unless the scoped load left out a folder): as the head has them
  for (const rel of changed) {
    if (!isAccountPath(rel) || !outside(rel) || !headSrc.exists(rel)) continue;
    let e: NameEntry | null = null;
    try {
      e = entryFromText(rel, headSrc.readText ? headSrc.readText(rel, 1 << 20) : headSrc.read(rel).toString('utf8'));
    } catch {
      e = null;
    }
    if (e && !inScope.has(e.id)) found.set(rel, e);
  }
  const others = [...found.values()].sort((x, y) => (x.file < y.file ? -1 : x.file > y.file ? 1 : 0));
  return impersonationFindings(candidates, others, true);
}
