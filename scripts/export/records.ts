/**
 * 导出记录：按全国政务新媒体信息报送系统所需字段（以六政办秘〔2021〕148号 第十四条为字段指引）
 * 把登记簿整理成一行一个账号的表格；公开版（publicRecords）去掉一切个人信息和内部信息。
 *
 * Export records: the register as one row per account, in the fields the national reporting
 * system asks for (六安 第十四条 as the field guide). The public version (publicRecords) leaves
 * out every personal datum (names, positions, phones) and everything internal (review chain,
 * vendor contract details, evidence references, free-text reasons and notes).
 */
import type { AccountFile, Change, Event, Person, Platform } from '../generated/types.ts';
import type { AccountDoc, Register } from '../core/register.ts';
import { deriveState, type AccountState, type Phase } from '../core/lifecycle.ts';
import { collectPersonalData, scrubber } from '../core/personal-data.ts';

/** 报送系统中的账号状态 / the account's status in the national reporting system. */
export type NationalStatus = '正常' | '关停' | '删除' | '未填报';

/** 公示状态 / the status shown to the public. */
export type PublicStatus = '正常' | '开设中' | '关停中' | '已关停' | '未通过审核' | '已移出';

export const PUBLIC_STATUS_EN: Record<PublicStatus, string> = {
  正常: 'active',
  开设中: 'opening',
  关停中: 'closing',
  已关停: 'closed',
  未通过审核: 'rejected',
  已移出: 'no longer a government account',
};

/** One exported value: text, a list of texts, or nothing. */
export type Cell = string | string[] | null;

export interface FieldDef {
  /** Stable English key (JSON). */
  key: string;
  /** 中文表头。 */
  zh: string;
  /** English header. */
  en: string;
  /** 个人信息：公开导出中一律去掉 / personal datum: never in a public export. */
  personal?: boolean;
  /** Column width in the spreadsheet (characters). */
  width: number;
  /** 说明（JSON 字段图例）/ legend text. */
  note?: string;
  /** 日期列：XLSX 中写成日期单元格 / a date column: a real date cell in XLSX. */
  date?: true;
}

const person = (key: string, zh: string, en: string): FieldDef[] => [
  { key: `${key}Name`, zh: `${zh}姓名`, en: `${en} name`, personal: true, width: 14 },
  { key: `${key}Position`, zh: `${zh}职务`, en: `${en} position`, personal: true, width: 24 },
  { key: `${key}Mobile`, zh: `${zh}手机`, en: `${en} mobile`, personal: true, width: 14 },
  { key: `${key}OfficePhone`, zh: `${zh}座机`, en: `${en} office phone`, personal: true, width: 15 },
];

/**
 * 表格列（顺序即导出顺序）。Columns, in export order.
 * 基本信息按六政办秘〔2021〕148号 第十四条：主办单位、开设主体全称，负责、联系人姓名、职务、手机、座机，
 * 账号名称、类型、功能，账号文章、主页、下载的 URL；另加地区、认证、运营、状态等报送所需字段。
 */
export const FIELDS: readonly FieldDef[] = [
  { key: 'id', zh: '账号编号', en: 'Account ID', width: 22, note: '本登记簿中的账号编号（文件名）' },
  { key: 'name', zh: '账号名称', en: 'Account name', width: 20 },
  { key: 'platform', zh: '平台类型', en: 'Platform', width: 12 },
  { key: 'subType', zh: '平台子类型', en: 'Sub-type', width: 10, note: '微信公众号：服务号、订阅号等' },
  { key: 'platformAccountId', zh: '平台账号', en: 'Platform account ID', width: 18, note: '平台上的公开账号标识（微信号、微博 UID 等）' },
  { key: 'functions', zh: '账号功能', en: 'Functions', width: 20 },
  { key: 'contentType', zh: '内容类型', en: 'Content type', width: 10 },
  { key: 'region', zh: '地区', en: 'Region', width: 20 },
  { key: 'hostUnit', zh: '主办单位', en: 'Host unit', width: 26 },
  { key: 'hostUnitId', zh: '主办单位编号', en: 'Host unit ID', width: 14 },
  { key: 'certifiedEntity', zh: '开设主体（认证主体）全称', en: 'Certified entity (opening body)', width: 26 },
  { key: 'certifiedEntityCategory', zh: '认证主体分类', en: 'Certified entity category', width: 16 },
  ...person('principal', '主要负责人', 'Principal'),
  ...person('inCharge', '分管负责人', 'Officer in charge'),
  ...person('contact', '联系人', 'Contact'),
  { key: 'articleUrl', zh: '账号文章URL', en: 'Article URL', width: 36 },
  { key: 'homepageUrl', zh: '账号主页URL', en: 'Homepage URL', width: 36 },
  { key: 'downloadUrl', zh: '下载URL', en: 'Download URL', width: 36 },
  { key: 'certificationStatus', zh: '认证状态', en: 'Certification', width: 10 },
  { key: 'operatingUnit', zh: '运营单位', en: 'Operating unit', width: 26 },
  { key: 'operatingMode', zh: '运营模式', en: 'Operating mode', width: 10 },
  { key: 'vendor', zh: '服务外包单位', en: 'Service vendor', width: 26, note: '仅单位名称，不含合同、资质和保密协议' },
  { key: 'openedOn', zh: '开设时间', en: 'Opened on', width: 12, date: true, note: '首次开设备案或补录备案的日期' },
  { key: 'registeredOn', zh: '平台开通日期', en: 'Opened on the platform', width: 12, date: true, note: '账号在平台上实际开通的日期（“平台注册”事件）；不知道时为空' },
  { key: 'state', zh: '登记簿状态', en: 'Register status', width: 10, note: '由事件推导的办理阶段：申请中、已备案、已认证、正常、变更中、关停中、已公告、已注销、已关停、审核未通过' },
  { key: 'nationalStatus', zh: '报送系统状态', en: 'National system status', width: 12, note: '按最近一次“系统填报”应在全国政务新媒体信息报送系统显示的状态：正常、关停、删除（变更后不再纳入监管），或未填报' },
  { key: 'closedOn', zh: '关停日期', en: 'Closed on', width: 12, date: true, note: '平台注销（或应用下架）日期；无该事件时为关停的系统填报日期' },
];

/** 公开 JSON 另有的字段 / extra keys of the public JSON. */
export const PUBLIC_EXTRA_FIELDS: readonly FieldDef[] = [
  { key: 'publicStatus', zh: '公示状态', en: 'Public status', width: 10, note: '正常、开设中、关停中、已关停、未通过审核、已移出' },
  { key: 'closingSince', zh: '申请关停日期', en: 'Closing since', width: 12 },
  { key: 'announcementEnd', zh: '注销公告截止日', en: 'Closure notice ends', width: 12 },
  { key: 'formerNames', zh: '曾用名', en: 'Former names', width: 20, note: '[{name, until}]：曾用名及更名日期' },
  { key: 'history', zh: '办理记录', en: 'History', width: 40, note: '[{date, kind, zh, en, changes?}]：开设、关键信息变更、关停等（不含人员和内部审核信息）' },
];

export function fieldsFor(isPublic: boolean): FieldDef[] {
  return FIELDS.filter((f) => !(isPublic && f.personal));
}

export type FlatRecord = Record<string, Cell>;

export interface HistoryItem {
  date: string;
  kind: 'open' | 'backfill' | 'certified' | 'change' | 'close-filed' | 'announced' | 'deregistered' | 'closed' | 'removed';
  zh: string;
  en: string;
  changes?: { field: Change['field']; from: string; to: string }[];
}

/** 一个账号的公开信息（供公开网站使用）/ one account's public record (for the public site). */
export interface PublicRecord {
  id: string;
  name: string;
  platform: Platform;
  subType?: string;
  platformAccountId?: string;
  functions: string[];
  contentType: string;
  regionId: string;
  region: string;
  hostUnitId: string;
  hostUnit: string;
  certifiedEntity: string;
  certifiedEntityCategory: string;
  operatingUnit: string;
  operatingMode: string;
  vendor?: string;
  urls: { article?: string; homepage?: string; download?: string };
  certificationStatus?: string;
  openedOn?: string;
  /** 平台开通日期（平台注册事件）/ the real opening date on the platform. */
  registeredOn?: string;
  state: Phase;
  nationalStatus: NationalStatus;
  publicStatus: PublicStatus;
  closedOn?: string;
  closingSince?: string;
  announcementEnd?: string;
  formerNames: { name: string; until: string }[];
  history: HistoryItem[];
}

/** 变更事项中可以公开的字段（人员、电话和“其他”自由文本不公开）/ change fields that may be public. */
const PUBLIC_CHANGE_FIELDS = new Set<Change['field']>(['账号名称', '认证主体', '认证主体分类', '主办单位', '运营单位', '运营模式', '服务外包单位', '内容类型', 'URL']);

const CHANGE_FIELD_EN: Record<Change['field'], string> = {
  账号名称: 'name',
  认证主体: 'certified entity',
  认证主体分类: 'certified entity category',
  主办单位: 'host unit',
  运营单位: 'operating unit',
  运营模式: 'operating mode',
  服务外包单位: 'service vendor',
  管理队伍: 'team',
  联系电话: 'phone',
  内容类型: 'content type',
  URL: 'URL',
  其他: 'other',
};

/** The account as it stood on `now`: events after that date are left out (replay). */
interface Snapshot {
  doc: AccountDoc;
  events: Event[];
  state: AccountState;
}

function snapshot(doc: AccountDoc, now: string): Snapshot | undefined {
  const events = doc.data.events.filter((e) => e.date <= now);
  if (events.length === 0) return undefined;
  return { doc, events, state: deriveState({ events }) };
}

/** Accounts that existed on `now`, sorted by region, host unit and id (stable output). */
function snapshots(register: Register, now: string): Snapshot[] {
  const out: Snapshot[] = [];
  for (const doc of register.accounts) {
    const s = snapshot(doc, now);
    if (s) out.push(s);
  }
  out.sort((a, b) => cmp(a.doc.regionId, b.doc.regionId) || cmp(a.doc.unitId, b.doc.unitId) || cmp(a.doc.id, b.doc.id));
  return out;
}

function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** 报送系统状态：按最近一次完成的系统填报 / national system status after the last completed filing. */
export function nationalStatusOf(events: readonly Event[], state: AccountState): NationalStatus {
  for (let i = state.works.length - 1; i >= 0; i--) {
    const w = state.works[i]!;
    if (!w.done) continue;
    if (w.kind === '关停') return '关停';
    if (w.kind === '变更' && events[w.index]?.stillSupervised === false) return '删除';
    return '正常';
  }
  return '未填报';
}

/** 平台开通日期：第一个“平台注册”事件的日期 / the first 平台注册 event's date. */
export function registeredOnOf(events: readonly Event[]): string | undefined {
  return events.find((e) => e.type === '平台注册')?.date;
}

/** 关停日期 / closing date: deregistration (平台注销/应用下架) of the last closure, else its system filing. */
export function closedOnOf(events: readonly Event[], state: AccountState): string | undefined {
  if (!state.closed) return undefined;
  const last = state.works[state.works.length - 1];
  if (!last || last.kind !== '关停') return undefined;
  for (let i = last.index + 1; i < events.length; i++) {
    const t = events[i]?.type;
    if (t === '平台注销' || t === '应用下架') return events[i]!.date;
  }
  return last.done;
}

function publicStatusOf(s: Snapshot, national: NationalStatus): PublicStatus {
  if (national === '删除') return '已移出';
  const p = s.state.phase;
  if (s.state.closed) return '已关停';
  if (p === '审核未通过') return '未通过审核';
  if (p === '关停中' || p === '已公告') return '关停中';
  if (p === '申请中' || p === '已备案' || p === '已认证') return '开设中';
  return '正常';
}

function regionName(register: Register, regionId: string): string {
  return register.regions.get(regionId)?.data.name ?? regionId;
}

function unitName(register: Register, unitId: string): string {
  return register.units.get(unitId)?.data.name ?? unitId;
}

function personCells(key: string, p: Person | undefined): FlatRecord {
  return {
    [`${key}Name`]: p?.name ?? null,
    [`${key}Position`]: p?.position ?? null,
    [`${key}Mobile`]: p?.mobile ?? null,
    [`${key}OfficePhone`]: p?.officePhone ?? null,
  };
}

function flat(register: Register, s: Snapshot): FlatRecord {
  const a: AccountFile = s.doc.data;
  const national = nationalStatusOf(s.events, s.state);
  return {
    id: a.id,
    name: a.name,
    platform: a.platform,
    subType: a.subType ?? null,
    platformAccountId: a.platformAccountId ?? null,
    functions: a.functions ? [...a.functions] : [],
    contentType: a.contentType,
    region: regionName(register, s.doc.regionId),
    hostUnit: unitName(register, s.doc.unitId),
    hostUnitId: s.doc.unitId,
    certifiedEntity: a.certifiedEntity?.name ?? '未知',
    certifiedEntityCategory: a.certifiedEntity?.category ?? '未知',
    ...personCells('principal', a.team?.principal),
    ...personCells('inCharge', a.team?.inCharge),
    ...personCells('contact', a.team?.operators[0]),
    articleUrl: a.urls?.article ?? null,
    homepageUrl: a.urls?.homepage ?? null,
    downloadUrl: a.urls?.download ?? null,
    certificationStatus: a.certification?.status ?? null,
    operatingUnit: a.operatingUnit ?? '未知',
    operatingMode: a.operatingMode,
    vendor: a.vendor?.name ?? null,
    openedOn: s.state.filedOn ?? null,
    registeredOn: registeredOnOf(s.events) ?? null,
    state: s.state.phase,
    nationalStatus: national,
    closedOn: closedOnOf(s.events, s.state) ?? null,
  };
}

/**
 * 完整导出（含负责人、联系人）：只供报送系统填报和内部使用。
 * The full export, people included: for the national system and internal use only.
 */
export function exportRecords(register: Register, now: string): FlatRecord[] {
  return snapshots(register, now).map((s) => flat(register, s));
}

function historyOf(s: Snapshot, scrub: (v: string) => string): HistoryItem[] {
  const out: HistoryItem[] = [];
  const seen = new Set<string>();
  const events = s.events;
  events.forEach((ev) => {
    const d = ev.date;
    switch (ev.type) {
      case '开设备案':
        out.push({ date: d, kind: 'open', zh: '开设备案', en: 'opening filed' });
        break;
      case '补录备案':
        out.push({ date: d, kind: 'backfill', zh: '补录备案（已开设账号补办备案）', en: 'back-filled into the register' });
        break;
      case '平台认证':
        out.push({ date: d, kind: 'certified', zh: '通过平台机构认证', en: 'certified by the platform' });
        break;
      case '应用上架':
        out.push({ date: d, kind: 'certified', zh: '应用上架', en: 'listed in app stores' });
        break;
      case '变更备案':
      case '平台变更': {
        const changes = (ev.changes ?? [])
          .filter((c) => PUBLIC_CHANGE_FIELDS.has(c.field))
          .map((c) => ({ field: c.field, from: scrub(c.from), to: scrub(c.to) }))
          .filter((c) => {
            const k = `${c.field}\u0000${c.from}\u0000${c.to}`;
            if (seen.has(k)) return false; // 平台变更 repeats the filed change
            seen.add(k);
            return true;
          });
        if (ev.type === '变更备案' && ev.stillSupervised === false) {
          out.push({ date: d, kind: 'removed', zh: '变更后不再纳入政务新媒体管理', en: 'no longer managed as a government account after the change' });
        }
        if (changes.length === 0) break;
        out.push({
          date: d,
          kind: 'change',
          zh: changes.map((c) => `${c.field}由“${c.from}”变更为“${c.to}”`).join('；'),
          en: changes.map((c) => `${CHANGE_FIELD_EN[c.field]} changed from "${c.from}" to "${c.to}"`).join('; '),
          changes,
        });
        break;
      }
      case '关停备案':
        out.push({ date: d, kind: 'close-filed', zh: '申请关停（关停备案）', en: 'closure filed' });
        break;
      case '注销公告': {
        const end = ev.announcementEnd;
        out.push({ date: d, kind: 'announced', zh: end ? `发布注销公告（公告期至 ${end}）` : '发布注销公告', en: end ? `closure announced (notice until ${end})` : 'closure announced' });
        break;
      }
      case '平台注销':
        out.push({ date: d, kind: 'deregistered', zh: '在平台注销账号', en: 'deregistered on the platform' });
        break;
      case '应用下架':
        out.push({ date: d, kind: 'deregistered', zh: '应用下架', en: 'removed from app stores' });
        break;
      case '系统填报':
        if (ev.action === '关停') out.push({ date: d, kind: 'closed', zh: '已关停（报送系统已登记关停）', en: 'closed (recorded in the national system)' });
        break;
      default:
        break;
    }
  });
  return out;
}

/**
 * 公开记录：不含任何个人信息（姓名、职务、电话）和内部信息（审核链、外包合同、证明材料、
 * 事由和备注等自由文本）。公开网站和 `export --public` 只用它。
 *
 * Public records: no personal data (names, positions, phones) and nothing internal (review chain,
 * vendor contract details, evidence, free-text reasons and notes). The site and `export --public`
 * use only this. As a last guard every string is scrubbed of the register's names and phones.
 */
export function publicRecords(register: Register, now: string): PublicRecord[] {
  const personal = collectPersonalData(register);
  const scrub = scrubber(personal);
  const scrubText = scrubber(personal, { phoneShapes: true });
  return snapshots(register, now).map((s) => {
    const a = s.doc.data;
    const national = nationalStatusOf(s.events, s.state);
    const status = publicStatusOf(s, national);
    const history = historyOf(s, scrubText);
    const formerNames: PublicRecord['formerNames'] = [];
    for (const h of history) for (const c of h.changes ?? []) if (c.field === '账号名称' && !formerNames.some((f) => f.name === c.from)) formerNames.push({ name: c.from, until: h.date });
    const r: PublicRecord = {
      id: a.id,
      name: scrub(a.name),
      platform: a.platform,
      functions: a.functions ? [...a.functions] : [],
      contentType: a.contentType,
      regionId: s.doc.regionId,
      region: scrub(regionName(register, s.doc.regionId)),
      hostUnitId: s.doc.unitId,
      hostUnit: scrub(unitName(register, s.doc.unitId)),
      certifiedEntity: scrub(a.certifiedEntity?.name ?? '未知'),
      certifiedEntityCategory: a.certifiedEntity?.category ?? '未知',
      operatingUnit: scrub(a.operatingUnit ?? '未知'),
      operatingMode: a.operatingMode,
      urls: {},
      state: s.state.phase,
      nationalStatus: national,
      publicStatus: status,
      formerNames,
      history,
    };
    if (a.subType) r.subType = a.subType;
    if (a.platformAccountId) r.platformAccountId = scrub(a.platformAccountId);
    if (a.vendor) r.vendor = scrub(a.vendor.name);
    for (const k of ['article', 'homepage', 'download'] as const) {
      const u = a.urls?.[k];
      if (u) r.urls[k] = scrub(u);
    }
    if (a.certification) r.certificationStatus = a.certification.status;
    if (s.state.filedOn) r.openedOn = s.state.filedOn;
    const reg = registeredOnOf(s.events);
    if (reg) r.registeredOn = reg;
    const closedOn = closedOnOf(s.events, s.state);
    if (closedOn) r.closedOn = closedOn;
    const last = s.state.works[s.state.works.length - 1];
    if (last?.kind === '关停') {
      r.closingSince = last.start;
      for (let i = last.index + 1; i < s.events.length; i++) {
        const ev = s.events[i]!;
        if (ev.type === '注销公告' && ev.announcementEnd) r.announcementEnd = ev.announcementEnd;
      }
    }
    if (status === '已移出') {
      const removed = history.filter((h) => h.kind === 'removed').pop();
      if (removed) r.closedOn = removed.date;
    }
    return r;
  });
}

/** 公开记录的表格形式（与完整导出同列，去掉个人信息列）/ a public record as a table row. */
export function publicFlat(r: PublicRecord): FlatRecord {
  return {
    id: r.id,
    name: r.name,
    platform: r.platform,
    subType: r.subType ?? null,
    platformAccountId: r.platformAccountId ?? null,
    functions: [...r.functions],
    contentType: r.contentType,
    region: r.region,
    hostUnit: r.hostUnit,
    hostUnitId: r.hostUnitId,
    certifiedEntity: r.certifiedEntity,
    certifiedEntityCategory: r.certifiedEntityCategory,
    articleUrl: r.urls.article ?? null,
    homepageUrl: r.urls.homepage ?? null,
    downloadUrl: r.urls.download ?? null,
    certificationStatus: r.certificationStatus ?? null,
    operatingUnit: r.operatingUnit,
    operatingMode: r.operatingMode,
    vendor: r.vendor ?? null,
    openedOn: r.openedOn ?? null,
    registeredOn: r.registeredOn ?? null,
    state: r.state,
    nationalStatus: r.nationalStatus,
    closedOn: r.closedOn ?? null,
  };
}

/** A cell as spreadsheet text: lists joined with 、. */
export function cellText(v: Cell | undefined): string {
  if (v === null || v === undefined) return '';
  return Array.isArray(v) ? v.join('、') : v;
}
