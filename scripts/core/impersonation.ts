/**
 * 同一平台上不同单位的账号名称相同或形近（仿冒）。
 * Impersonation: two units' accounts on the same platform whose names are equal, or equal
 * under the confusables skeleton (text-checks.ts). Closed, deregistered and rejected accounts
 * do not count: their names are no longer in use.
 */
import type { AccountFile } from '../generated/types.ts';
import { deriveState, type AccountState } from './lifecycle.ts';
import { BUILTIN_RULES } from './builtin-rules.ts';
import type { Finding } from './finding.ts';
import { unitDirOf } from './paths.ts';
import type { AccountDoc } from './register.ts';
import { skeleton } from './text-checks.ts';
import { parseJson } from './jsonpos.ts';

/** What the rule needs of an account (from a loaded file, or read from outside a scoped load). */
export interface NameEntry {
  id: string;
  unitId: string;
  platform: string;
  name: string;
  file: string;
  /** Position of the name in the file, when known. */
  line?: number;
  column?: number;
}

/** Whether an account's name is in use: not closed, deregistered or rejected. */
export function nameInUse(data: Pick<AccountFile, 'events'>): boolean {
  try {
    return nameInUseIn(deriveState(data));
  } catch {
    return true;
  }
}

/** Whether a name is in use in this lifecycle state (nameInUse). */
export function nameInUseIn(s: Pick<AccountState, 'closed' | 'phase'>): boolean {
  return !s.closed && s.phase !== '已注销' && s.phase !== '已关停' && s.phase !== '审核未通过';
}

/** The entry of an account file's text, or null when it is no account or its name is not in use. */
export function entryFromText(rel: string, text: string): NameEntry | null {
  try {
    const v = JSON.parse(text) as Partial<AccountFile> | null;
    if (!v || typeof v !== 'object' || typeof v.id !== 'string' || typeof v.name !== 'string' || typeof v.platform !== 'string' || !Array.isArray(v.events)) return null;
    if (!nameInUse(v as AccountFile)) return null;
    const dir = unitDirOf(rel);
    return { id: v.id, unitId: typeof v.hostUnit === 'string' ? v.hostUnit : dir.slice(dir.lastIndexOf('/') + 1), platform: v.platform, name: v.name, file: rel };
  } catch {
    return null;
  }
}

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

/**
 * The names in use of loaded accounts (for a parallel share to hand back). Without positions:
 * locating a name parses the file again with positions, which only the few accounts with a
 * finding need (the caller locates those, see locateNames).
 */
export function nameEntries(accounts: readonly AccountDoc[]): NameEntry[] {
  return accounts.filter(namedInUse).map(entryOf);
}

/**
 * Where a slimmed account (register.ts slimAccount) keeps whether its name is in use, worked out
 * while its events were at hand: its data no longer holds them.
 */
export const NAME_IN_USE: unique symbol = Symbol('govmedia.nameInUse');

/** An account with a name and a platform whose name is in use (what the check compares). */
function namedInUse(a: AccountDoc): boolean {
  if (typeof a.data.name !== 'string' || typeof a.data.platform !== 'string') return false;
  const known = (a.data as { [NAME_IN_USE]?: boolean })[NAME_IN_USE];
  return known ?? nameInUse(a.data);
}

/** Put findings made from NameEntry without a position at the account's name, reading only their files. */
export function locateNames(findings: Finding[], readText: (rel: string) => string | undefined): void {
  for (const f of findings) {
    const text = readText(f.file);
    if (text === undefined) continue;
    const parsed = parseJson(text);
    if (!parsed.ok) continue;
    const pos = parsed.locate(['name']);
    f.line = pos.line;
    f.column = pos.column;
  }
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
 *
 * Names are grouped by platform, then skeleton (no key string per account), and a group of one
 * holds the account itself: a register's 100,000 names cost no entry object and no list each,
 * at the moment the loaded register is at its largest.
 */
export function impersonationFindings(accounts: readonly AccountDoc[], others: readonly NameEntry[] = [], againstOthersOnly = false): Finding[] {
  type Named = AccountDoc | NameEntry;
  const byPlatform = new Map<string, Map<string, Named | Named[]>>();
  const add = (platform: string, key: string, e: Named): void => {
    let groups = byPlatform.get(platform);
    if (!groups) byPlatform.set(platform, (groups = new Map()));
    const g = groups.get(key);
    if (g === undefined) groups.set(key, e);
    else if (Array.isArray(g)) g.push(e);
    else groups.set(key, [g, e]);
  };
  // each live account's skeleton is worked out once, for its group and its lookup
  const live: AccountDoc[] = [];
  const keys: string[] = [];
  for (const a of accounts) {
    if (!namedInUse(a)) continue;
    const k = skeleton(a.data.name);
    live.push(a);
    keys.push(k);
    add(a.data.platform, k, a);
  }
  const inScope = others.length || againstOthersOnly ? new Set(live.map((a) => a.id)) : undefined;
  for (const o of others) if (!inScope!.has(o.id)) add(o.platform, skeleton(o.name), o);
  const out: Finding[] = [];
  for (let i = 0; i < live.length; i++) {
    const a = live[i]!;
    const g = byPlatform.get(a.data.platform)!.get(keys[i]!);
    if (!Array.isArray(g)) continue;
    const other = g.find((e) => e.unitId !== a.unitId && (!againstOthersOnly || !inScope!.has(e.id)));
    if (other) out.push(finding(a, 'data' in other ? entryOf(other) : other));
  }
  return out;
}
