/**
 * 同一平台上不同单位的账号名称相同或形近（仿冒）。
 * Impersonation: two units' accounts on the same platform whose names are equal, or equal
 * under the confusables skeleton (text-checks.ts). Closed, deregistered and rejected accounts
 * do not count: their names are no longer in use.
 */
import { BUILTIN_RULES } from './builtin-rules.ts';
import type { Finding } from './finding.ts';
import { unitDirOf } from './paths.ts';
import type { AccountDoc, Register } from './register.ts';
import type { FileSource } from './source.ts';
import { GitSource } from './git.ts';
import { entryFromText, isAccountPath, nameIndexAt, nameInUse, type NameEntry } from './name-index.ts';
import { skeleton } from './text-checks.ts';

export { nameInUse, type NameEntry } from './name-index.ts';

function finding(a: AccountDoc, other: NameEntry): Finding {
  const pos = a.file.parsed.locate(['name']);
  return findingAt({ ...entryOf(a), line: pos.line, column: pos.column }, other);
}

function findingAt(a: NameEntry, other: NameEntry): Finding {
  const meta = BUILTIN_RULES['register/impersonation'];
  const exact = a.name === other.name;
  const f: Finding = {
    ruleId: 'register/impersonation',
    severity: meta.severity,
    file: a.file,
    line: a.line ?? 1,
    column: a.column ?? 1,
    message: exact
      ? { zh: `账号名称“${a.name}”与单位 ${other.unitId} 在${a.platform}上的账号 ${other.id} 完全相同：同一平台上不同单位的政务新媒体不得同名`, en: `the name "${a.name}" is the same as account ${other.id} of unit ${other.unitId} on ${a.platform}` }
      : { zh: `账号名称“${a.name}”与单位 ${other.unitId} 在${a.platform}上的账号 ${other.id}（“${other.name}”）形近，去掉不可见字符、全角半角和形近字后相同，可能被用于仿冒`, en: `the name "${a.name}" looks the same as "${other.name}" (account ${other.id} of unit ${other.unitId} on ${a.platform}) once invisible, width and look-alike characters are folded` },
    fix: { zh: '政务新媒体名称应与主办单位工作职责相关联、简洁规范，并在认证信息中标明主办单位：请改用能区分本单位的名称（例如加上单位简称）；如对方账号是假冒或已停用，请先办理其关停或由主管单位核实。', en: "Choose a name that identifies your unit (e.g. add its short name); if the other account is fake or no longer used, have it closed or checked by the supervising office first." },
  };
  if (meta.citation) f.citation = meta.citation;
  f.account = a.id;
  return f;
}

/** The names in use of loaded accounts, with the position of each name (for a parallel share to hand back). */
export function nameEntries(accounts: readonly AccountDoc[]): NameEntry[] {
  return accounts
    .filter((a) => typeof a.data.name === 'string' && typeof a.data.platform === 'string' && nameInUse(a.data))
    .map((a) => {
      const pos = a.file.parsed.locate(['name']);
      return { ...entryOf(a), line: pos.line, column: pos.column };
    });
}

/**
 * Parallel validation: each share found the pairs inside itself; this finds the pairs that
 * span two shares (an account already reported within its own share is not reported again).
 */
export function impersonationAcrossShares(shares: readonly (readonly NameEntry[])[]): Finding[] {
  const groups = new Map<string, { e: NameEntry; share: number }[]>();
  shares.forEach((list, share) => {
    for (const e of list) {
      const k = `${e.platform}\u0000${skeleton(e.name)}`;
      const g = groups.get(k);
      if (g) g.push({ e, share });
      else groups.set(k, [{ e, share }]);
    }
  });
  const out: Finding[] = [];
  for (const g of groups.values()) {
    if (g.length < 2) continue;
    for (const x of g) {
      if (g.some((y) => y.share === x.share && y.e.unitId !== x.e.unitId)) continue; // reported by its share
      const other = g.find((y) => y.share !== x.share && y.e.unitId !== x.e.unitId);
      if (other) out.push(findingAt(x.e, other.e));
    }
  }
  return out;
}

function entryOf(a: AccountDoc): NameEntry {
  return { id: a.id, unitId: a.unitId, platform: a.data.platform, name: a.data.name, file: a.file.rel };
}

/**
 * Findings for every account in use whose name (skeleton) equals that of another unit's
 * account in use on the same platform. `others` are accounts outside a scoped load (read by
 * name only); findings are made for `accounts` only.
 */
export function impersonationFindings(accounts: readonly AccountDoc[], others: readonly NameEntry[] = [], againstOthersOnly = false): Finding[] {
  const groups = new Map<string, NameEntry[]>();
  const live = accounts.filter((a) => typeof a.data.name === 'string' && typeof a.data.platform === 'string' && nameInUse(a.data));
  const add = (e: NameEntry): void => {
    const k = `${e.platform}\u0000${skeleton(e.name)}`;
    const g = groups.get(k);
    if (g) g.push(e);
    else groups.set(k, [e]);
  };
  for (const a of live) add(entryOf(a));
  const inScope = new Set(live.map((a) => a.id));
  for (const o of others) if (!inScope.has(o.id)) add(o);
  const out: Finding[] = [];
  for (const a of live) {
    const g = groups.get(`${a.data.platform}\u0000${skeleton(a.data.name)}`);
    if (!g || g.length < 2) continue;
    const other = g.find((e) => e.unitId !== a.unitId && (!againstOthersOnly || !inScope.has(e.id)));
    if (other) out.push(finding(a, other));
  }
  return out;
}

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
 * content once per process.
 */
export async function impersonationAcrossScope(base: Register, head: Register, src: FileSource, opts: { baseSrc?: FileSource; changed?: readonly string[] } = {}): Promise<Finding[]> {
  const candidates = head.accounts.filter((a) => {
    const b = base.accountsById.get(a.id);
    return !b || b.data.name !== a.data.name || b.data.platform !== a.data.platform;
  });
  if (!candidates.length) return [];
  // the folders whose accounts the scoped load read (units loaded only as references have none)
  const scopedDirs = new Set(head.accounts.map((a) => unitDirOf(a.file.rel)));
  if (opts.baseSrc instanceof GitSource && opts.changed) return indexed(candidates, scopedDirs, src, opts.baseSrc, opts.changed);
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

async function indexed(candidates: readonly AccountDoc[], scopedDirs: ReadonlySet<string>, headSrc: FileSource, baseSrc: GitSource, changedPaths: readonly string[]): Promise<Finding[]> {
  const index = await nameIndexAt(baseSrc.repoDir, baseSrc.commit);
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
