/**
 * 同一平台上不同单位的账号名称相同或形近（仿冒）。
 * Impersonation: two units' accounts on the same platform whose names are equal, or equal
 * under the confusables skeleton (text-checks.ts). Closed, deregistered and rejected accounts
 * do not count: their names are no longer in use.
 */
import type { AccountFile } from '../generated/types.ts';
import { deriveState } from '../policy/lifecycle.ts';
import { BUILTIN_RULES } from './builtin-rules.ts';
import type { Finding } from './finding.ts';
import type { AccountDoc } from './register.ts';
import { skeleton } from './text-checks.ts';

/** What the rule needs of an account (from a loaded file, or read from outside a scoped load). */
export interface NameEntry {
  id: string;
  unitId: string;
  platform: string;
  name: string;
  file: string;
}

/** Whether an account's name is in use: not closed, deregistered or rejected. */
export function nameInUse(data: Pick<AccountFile, 'events'>): boolean {
  try {
    const s = deriveState(data);
    return !s.closed && s.phase !== '已注销' && s.phase !== '已关停' && s.phase !== '审核未通过';
  } catch {
    return true;
  }
}

function finding(a: AccountDoc, other: NameEntry): Finding {
  const meta = BUILTIN_RULES['register/impersonation'];
  const pos = a.file.parsed.locate(['name']);
  const exact = a.data.name === other.name;
  const f: Finding = {
    ruleId: 'register/impersonation',
    severity: meta.severity,
    file: a.file.rel,
    line: pos.line,
    column: pos.column,
    message: exact
      ? { zh: `账号名称“${a.data.name}”与单位 ${other.unitId} 在${a.data.platform}上的账号 ${other.id} 完全相同：同一平台上不同单位的政务新媒体不得同名`, en: `the name "${a.data.name}" is the same as account ${other.id} of unit ${other.unitId} on ${a.data.platform}` }
      : { zh: `账号名称“${a.data.name}”与单位 ${other.unitId} 在${a.data.platform}上的账号 ${other.id}（“${other.name}”）形近，去掉不可见字符、全角半角和形近字后相同，可能被用于仿冒`, en: `the name "${a.data.name}" looks the same as "${other.name}" (account ${other.id} of unit ${other.unitId} on ${a.data.platform}) once invisible, width and look-alike characters are folded` },
    fix: { zh: '政务新媒体名称应与主办单位工作职责相关联、简洁规范，并在认证信息中标明主办单位：请改用能区分本单位的名称（例如加上单位简称）；如对方账号是假冒或已停用，请先办理其关停或由主管单位核实。', en: "Choose a name that identifies your unit (e.g. add its short name); if the other account is fake or no longer used, have it closed or checked by the supervising office first." },
  };
  if (meta.citation) f.citation = meta.citation;
  f.account = a.id;
  return f;
}

function entryOf(a: AccountDoc): NameEntry {
  return { id: a.id, unitId: a.unitId, platform: a.data.platform, name: a.data.name, file: a.file.rel };
}

/**
 * Findings for every account in use whose name (skeleton) equals that of another unit's
 * account in use on the same platform. `others` are accounts outside a scoped load (read by
 * name only); findings are made for `accounts` only.
 */
export function impersonationFindings(accounts: readonly AccountDoc[], others: readonly NameEntry[] = []): Finding[] {
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
    const other = g.find((e) => e.unitId !== a.unitId);
    if (other) out.push(finding(a, other));
  }
  return out;
}
