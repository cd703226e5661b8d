/**
 * 数据阶段：通过本库开设的账号须有完整备案信息；补录的存量账号（有补录备案、无开设备案）只须填写今天能确知的信息，
 * 未知事实在 unknown 中列出（枚举字段填“未知”，对象和文本字段不填）。规则需要某个未知事实时对该账号跳过该项检查。
 * Data by stage (schemas/account.schema.json): an account filed through the register carries the full filing
 * data; a backfilled one (补录备案 and no 开设备案, including accounts imported on adoption) carries what is known
 * today and lists the rest in `unknown`. Rules that need an unknown fact skip it for that account.
 */
import type { AccountFile, UnitFile } from '../generated/types.ts';

/** The facts an account may declare unknown (the schema's `unknown` items). */
export type UnknownFact = NonNullable<AccountFile['unknown']>[number];

/** The value that marks an unknown enumeration. */
export const UNKNOWN = '未知';

/** An account as the fixture and the filing wizards make it: every filing fact present. */
export type FiledAccount = AccountFile & Required<Pick<AccountFile, 'team' | 'certifiedEntity' | 'operatingUnit'>>;

/** Whether the account came in by backfill (补录备案 and no 开设备案): the reduced data stage. */
export function isBackfilled(a: Pick<AccountFile, 'events'>): boolean {
  let backfill = false;
  for (const e of a.events) {
    if (e.type === '开设备案') return false;
    if (e.type === '补录备案') backfill = true;
  }
  return backfill;
}

/** Whether a fact is unknown for this account: listed in `unknown`, marked “未知”, or absent on a backfilled account. */
export function isUnknown(a: AccountFile, fact: UnknownFact): boolean {
  if (a.unknown?.includes(fact)) return true;
  switch (fact) {
    case 'certifiedEntity':
      return !a.certifiedEntity;
    case 'certifiedEntity.category':
      return !a.certifiedEntity || a.certifiedEntity.category === UNKNOWN;
    case 'operatingUnit':
      return a.operatingUnit === undefined;
    case 'operatingMode':
      return a.operatingMode === UNKNOWN;
    case 'contentType':
      return a.contentType === UNKNOWN;
    case 'subType':
      return a.subType === UNKNOWN;
    case 'team':
      return !a.team;
    case 'platformRegistered':
      return !a.events.some((e) => e.type === '平台注册');
    case 'app':
      return a.platform === '移动客户端' && !a.app;
  }
}

/**
 * 政府系统的单位类型：管理办法默认只对这些单位及其账号适用。党委、人大、政协、法院、检察院、群团组织、融媒体中心、
 * 村（社区）可以登记，只按本库数据规则检查，除非办法在 manifest.appliesTo 中列出它们。
 * Unit kinds of the government system: a policy module applies to these by default; other kinds are judged by
 * the data rules only unless the module's manifest lists them in `appliesTo`.
 */
export const GOVERNMENT_KINDS: readonly UnitFile['kind'][] = ['人民政府', '政府办公室', '政府部门', '承担行政职能的事业单位', '部门下属单位', '乡镇街道', '内设机构', '开发区管委会', '事业单位'];

/** Whether a module (its manifest's appliesTo, default the government system) judges units of this kind. */
export function appliesToKind(appliesTo: readonly string[] | undefined, kind: UnitFile['kind']): boolean {
  return (appliesTo ?? GOVERNMENT_KINDS).includes(kind);
}
