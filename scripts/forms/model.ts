/**
 * 备案表的事实：从登记簿取出某账号某次备案（开设、补录、变更、关停）要填进表里的内容。
 *
 * The facts a filing form carries, taken from the register for one filing event of one
 * account. The account file holds the account as it is now; for an older filing, the key
 * information (name, certified entity and its category, host unit, operating unit and mode,
 * vendor, content type) is taken back through the changes recorded after it, so a reprint of
 * a 2019 opening form shows the 2019 name. Team and phone changes cannot be undone from the
 * record (only "what changed" is kept), so the form says when the team shown is the current one.
 */
import type { AccountFile, Change, Event, UnitFile } from '../generated/types.ts';
import type { Bilingual } from '../core/finding.ts';
import type { AccountDoc, RegionDoc, Register, UnitDoc } from '../core/register.ts';
import { regionChain, versionInForce } from '../policy/engine.ts';
import type { LoadedPolicy } from '../policy/types.ts';

export const FILING_TYPES = ['开设备案', '补录备案', '变更备案', '关停备案'] as const;
export type FilingType = (typeof FILING_TYPES)[number];
export type FilingKind = '开设' | '补录' | '变更' | '关停';

export const KIND_OF: Record<FilingType, FilingKind> = { 开设备案: '开设', 补录备案: '补录', 变更备案: '变更', 关停备案: '关停' };

/** A problem with what was asked for (unknown account, event that is not a filing): a usage error. */
export class FormError extends Error {
  constructor(readonly msg: Bilingual) {
    super(msg.zh);
  }
}

export function isFilingType(t: string): t is FilingType {
  return (FILING_TYPES as readonly string[]).includes(t);
}

/** Indexes of the filing events of an account, in order. */
export function filingIndexes(account: Pick<AccountFile, 'events'>): number[] {
  const out: number[] = [];
  account.events.forEach((e, i) => {
    if (isFilingType(e.type)) out.push(i);
  });
  return out;
}

/** The account's latest filing event, or undefined when it has none. */
export function latestFilingIndex(account: Pick<AccountFile, 'events'>): number | undefined {
  const l = filingIndexes(account);
  return l[l.length - 1];
}

/** Which paper form: the jurisdiction's own, or the generic one. */
export type Template = 'zigong' | 'luan' | 'generic';

/** Policy series that have their own form; everything else gets the generic form. */
export const OWN_FORMS: Record<string, Template> = {
  'sichuan/zigong': 'zigong',
  'anhui/luan': 'luan',
};

/**
 * The article of each module that sets up filing, for the generic form's "依据" line (and the
 * footer of the jurisdictions' own forms). A module not listed here is cited by its document
 * number and title only; a manifest may also carry `filingForm: { article, summary }`.
 */
export const FILING_BASIS: Record<string, { article: string; summary: string }> = {
  'zigong-2021-62': { article: '第七条第（四）项、第九条、第十七条，附件1—3', summary: '备案资料一式三份，报主管单位签署意见' },
  'luan-2021-148': { article: '第八条、第十二条、第十四条，附件', summary: '分级报审备案，逐级报主管单位审核' },
  'qijiang-current': { article: '第十三条（附件4）', summary: '分级备案：经本单位主要负责人同意，报区政府办公室备案' },
  'liaoning-2019-plan': { article: '三、（一）', summary: '分级备案：政府部门向同级政府办公部门备案，市、县（市、区）政府向上一级政府办公部门备案' },
  'jiangsu-city-notice': { article: '解读 一、文件主要内容（内容建设与规范）', summary: '审核备案制度：经同级政府办公室审核同意，并报市政府办公室备案' },
};

export interface Basis {
  docNumber: string;
  title: string;
  article?: string;
  summary?: string;
  /** The version was not yet in force on the filing date (its latest version is cited). */
  notInForce: boolean;
  moduleId: string;
}

/** The account as it stood at a filing (key information taken back through later changes). */
export interface Snapshot {
  name: string;
  certifiedEntityName: string;
  certifiedEntityCategory: string;
  hostUnitName: string;
  operatingUnit: string;
  operatingMode: string;
  vendorName: string | undefined;
  contentType: string;
}

export interface Review {
  index: number;
  event: Event;
}

export interface FormFacts {
  account: AccountFile;
  accountDoc: AccountDoc;
  /** Repo-relative path of the account file. */
  file: string;
  eventIndex: number;
  event: Event;
  filingType: FilingType;
  kind: FilingKind;
  snapshot: Snapshot;
  unit: UnitDoc | undefined;
  /** The region whose binding chose the form (e.g. sichuan/zigong), or the account's own region. */
  jurisdiction: RegionDoc | undefined;
  jurisdictionName: string;
  template: Template;
  series: string | undefined;
  basis: Basis | undefined;
  /** 主管审核 events of this filing (after it, before the next filing). */
  reviews: Review[];
  /** 上报备案 events of this filing. */
  reports: Review[];
  /** The supervising office's name (unit.supervisor, else the nearest region's). */
  supervisorName: string | undefined;
  /** Date the account was opened on the platform (first 平台注册/应用上架/平台认证), if recorded. */
  openedOn: string | undefined;
  /** Date the account was deleted (平台注销/应用下架 after this closure filing), if recorded. */
  closedOn: string | undefined;
  /** Certified on the platform at the time of the filing. */
  certified: boolean;
  /** Later events changed the team or phones: the team shown is the current one. */
  teamIsCurrent: Review[];
  /** The host unit sits in the jurisdiction's own region (a city department, not a county unit). */
  cityLevel: boolean;
  /** A city department filing straight with the city office (自贡 附件 注3: 主管单位审核意见 left blank). */
  cityDepartment: boolean;
}

const CHANGE_EVENTS: ReadonlySet<Event['type']> = new Set(['变更备案', '信息报备', '平台变更']);

/** Take key information back through the changes recorded after `index`. */
export function snapshotAt(account: AccountFile, index: number, hostUnitName: string): { snapshot: Snapshot; teamChanges: Review[] } {
  const s: Snapshot = {
    name: account.name,
    certifiedEntityName: account.certifiedEntity?.name ?? '未知',
    certifiedEntityCategory: account.certifiedEntity?.category ?? '未知',
    hostUnitName,
    operatingUnit: account.operatingUnit ?? '未知',
    operatingMode: account.operatingMode,
    vendorName: account.vendor?.name,
    contentType: account.contentType,
  };
  const teamChanges: Review[] = [];
  const undo = (c: Change): void => {
    const key = UNDO[c.field];
    if (!key) return;
    if ((s[key] ?? '') === c.to) s[key] = c.from;
  };
  for (let j = account.events.length - 1; j > index; j--) {
    const ev = account.events[j];
    if (!ev) continue;
    if (ev.type === '人员交接' || (ev.type === '信息报备' && !ev.changes)) teamChanges.push({ index: j, event: ev });
    if (!CHANGE_EVENTS.has(ev.type) || !ev.changes) continue;
    for (const c of [...ev.changes].reverse()) {
      if (c.field === '管理队伍' || c.field === '联系电话') teamChanges.push({ index: j, event: ev });
      undo(c);
    }
  }
  teamChanges.sort((a, b) => a.index - b.index);
  const seen = new Set<number>();
  return { snapshot: s, teamChanges: teamChanges.filter((t) => (seen.has(t.index) ? false : (seen.add(t.index), true))) };
}

const UNDO: Partial<Record<Change['field'], keyof Snapshot>> = {
  账号名称: 'name',
  认证主体: 'certifiedEntityName',
  认证主体分类: 'certifiedEntityCategory',
  主办单位: 'hostUnitName',
  运营单位: 'operatingUnit',
  运营模式: 'operatingMode',
  服务外包单位: 'vendorName',
  内容类型: 'contentType',
};

/** Find an account, or say why not (bilingual, for a usage error). */
export function findAccount(register: Register, accountId: string): AccountDoc {
  const a = register.accountsById.get(accountId);
  if (!a) throw new FormError({ zh: `登记簿中没有编号为“${accountId}”的账号（编号就是账号文件名，不含 .json）`, en: `the register has no account with id "${accountId}" (the id is the file name without .json)` });
  return a;
}

/** Check an event index names a filing event; default: the latest filing. */
export function resolveFilingIndex(account: AccountFile, eventIndex: number | undefined): number {
  const filings = filingIndexes(account);
  const list = filings.map((i) => `${i + 1}（${account.events[i]?.type} ${account.events[i]?.date}）`).join('、');
  if (eventIndex === undefined) {
    const last = filings[filings.length - 1];
    if (last === undefined) throw new FormError({ zh: `账号“${account.id}”没有任何备案事件（开设备案、补录备案、变更备案、关停备案），无从填表`, en: `account "${account.id}" has no filing event (开设备案, 补录备案, 变更备案, 关停备案)` });
    return last;
  }
  const ev = account.events[eventIndex];
  if (!ev) throw new FormError({ zh: `账号“${account.id}”只有 ${account.events.length} 个事件（序号 1—${account.events.length}），没有序号 ${eventIndex + 1}。备案事件：${list || '无'}`, en: `account "${account.id}" has ${account.events.length} events (1-${account.events.length}); there is no event ${eventIndex + 1}. Filing events: ${list || 'none'}` });
  if (!isFilingType(ev.type)) throw new FormError({ zh: `第 ${eventIndex + 1} 号事件是“${ev.type}”，不是备案事件；备案表只对应开设备案、补录备案、变更备案、关停备案。本账号的备案事件：${list || '无'}`, en: `event ${eventIndex + 1} is "${ev.type}", not a filing; forms exist for 开设备案, 补录备案, 变更备案 and 关停备案 only. Filing events of this account: ${list || 'none'}` });
  return eventIndex;
}

function supervisorNameOf(register: Register, unit: UnitDoc | undefined, regionId: string): string | undefined {
  if (unit?.data.supervisor) {
    const s = register.units.get(unit.data.supervisor);
    if (s) return s.data.name;
  }
  for (const r of regionChain(register, regionId)) {
    if (r.data.supervisingOffice) {
      const s = register.units.get(r.data.supervisingOffice);
      if (s) return s.data.name;
    }
    if (r.data.supervisingOfficeName) return r.data.supervisingOfficeName;
  }
  return undefined;
}

function basisFor(policies: readonly LoadedPolicy[], series: string, date: string): Basis | undefined {
  let v = versionInForce(policies, series, date);
  let notInForce = false;
  if (!v) {
    // a filing before the measures (or after their repeal): cite the newest version of the series
    for (const p of policies) if (p.series === series && (!v || p.manifest.inForce > v.manifest.inForce)) v = p;
    notInForce = v !== undefined;
  }
  if (!v) return undefined;
  const m = v.manifest as typeof v.manifest & { filingForm?: { article?: unknown; summary?: unknown } };
  const own = m.filingForm && typeof m.filingForm.article === 'string' ? { article: m.filingForm.article, summary: typeof m.filingForm.summary === 'string' ? m.filingForm.summary : '' } : undefined;
  const known = own ?? FILING_BASIS[m.id];
  const b: Basis = { docNumber: m.docNumber, title: m.title, notInForce, moduleId: m.id };
  if (known?.article) b.article = known.article;
  if (known?.summary) b.summary = known.summary;
  return b;
}

const CITY_DEPARTMENT_KINDS: ReadonlySet<UnitFile['kind']> = new Set(['政府部门', '承担行政职能的事业单位']);

/** Gather everything a form for one filing of one account shows. */
export function formFacts(register: Register, policies: readonly LoadedPolicy[], accountId: string, eventIndex?: number): FormFacts {
  const doc = findAccount(register, accountId);
  const account = doc.data;
  const index = resolveFilingIndex(account, eventIndex);
  const event = account.events[index] as Event;
  const filingType = event.type as FilingType;
  const unit = register.units.get(doc.unitId);

  // which form: the nearest region in the chain that binds a series with its own form, else the
  // nearest binding at all (generic form titled with that region), else the account's region
  const chain = regionChain(register, doc.regionId);
  let template: Template = 'generic';
  let jurisdiction: RegionDoc | undefined;
  let series: string | undefined;
  outer: for (const r of chain) {
    for (const s of r.data.policies) {
      const t = OWN_FORMS[s];
      if (t) {
        template = t;
        jurisdiction = r;
        series = s;
        break outer;
      }
    }
  }
  if (!jurisdiction) {
    for (const r of chain) {
      const s = r.data.policies.find((x) => policies.some((p) => p.series === x)) ?? r.data.policies[0];
      if (s) {
        jurisdiction = r;
        series = s;
        break;
      }
    }
  }
  const jurisdictionName = jurisdiction?.data.name ?? chain[0]?.data.name ?? '';

  let next = account.events.length;
  for (let j = index + 1; j < account.events.length; j++) {
    if (isFilingType(account.events[j]?.type ?? '')) {
      next = j;
      break;
    }
  }
  const reviews: Review[] = [];
  const reports: Review[] = [];
  for (let j = index + 1; j < next; j++) {
    const ev = account.events[j] as Event;
    if (ev.type === '主管审核') reviews.push({ index: j, event: ev });
    if (ev.type === '上报备案') reports.push({ index: j, event: ev });
  }

  const certEvents = account.events.map((e, i) => ({ e, i })).filter(({ e }) => e.type === '平台认证' || e.type === '应用上架');
  const certified = certEvents.length > 0 ? certEvents.some(({ i }) => i < index) : account.certification?.status === '已认证';
  const opened = account.events.find((e) => e.type === '平台注册' || e.type === '应用上架') ?? account.events.find((e) => e.type === '平台认证');
  let closedOn: string | undefined;
  if (filingType === '关停备案') {
    for (let j = index + 1; j < next; j++) {
      const ev = account.events[j];
      if (ev && (ev.type === '平台注销' || ev.type === '应用下架')) {
        closedOn = ev.date;
        break;
      }
    }
  }

  const { snapshot, teamChanges } = snapshotAt(account, index, unit?.data.name ?? account.hostUnit);
  const cityLevel = Boolean(unit && jurisdiction && unit.regionId === jurisdiction.id);
  const cityDepartment = Boolean(cityLevel && unit && CITY_DEPARTMENT_KINDS.has(unit.data.kind) && !unit.data.supervisor && jurisdiction?.data.level === '市级');

  return {
    account,
    accountDoc: doc,
    file: doc.file.rel,
    eventIndex: index,
    event,
    filingType,
    kind: KIND_OF[filingType],
    snapshot,
    unit,
    jurisdiction,
    jurisdictionName,
    template,
    series,
    basis: series ? basisFor(policies, series, event.date) : undefined,
    reviews,
    reports,
    supervisorName: supervisorNameOf(register, unit, doc.regionId),
    openedOn: opened?.date,
    closedOn,
    certified,
    teamIsCurrent: teamChanges,
    cityLevel,
    cityDepartment,
  };
}
