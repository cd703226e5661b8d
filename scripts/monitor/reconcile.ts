/**
 * 与全国政务新媒体信息报送系统核对：读取报送系统导出的 CSV，与登记簿逐个比对。
 *
 * Reconcile the register with an export of the national reporting system (全国政务新媒体信息报送系统):
 * accounts there but not here (backfill needed: 瞒报漏报), here but not there, closed here but still
 * 正常 there (and the reverse), names, host units and certified entities that differ.
 * Matching: platform + normalised name (NFKC, no whitespace or zero-width characters) + host unit,
 * then platform account id, then name alone, then the host's only account on that platform.
 * Only the columns listed in NATIONAL_COLUMNS are read: contact columns an export may carry (联系人,
 * 手机) are never read, so no personal data can reach the report.
 */
import type { Bilingual, Severity } from '../core/finding.ts';
import type { AccountDoc, Register, UnitDoc } from '../core/register.ts';
import { unitNames } from '../core/unit-names.ts';
import type { AccountFile } from '../generated/types.ts';
import { policiesForUnit } from '../policy/engine.ts';
import { deriveState, type AccountState } from '../core/lifecycle.ts';
import type { LoadedPolicy } from '../policy/types.ts';
import { headerKey, parseCsv, readTextFile, type CsvRow } from '../core/csv.ts';
import { InputError } from './errors.ts';
import { monitorSpecOf, supervisingOffice } from './monitor.ts';
import { readSheet } from './sheet.ts';
import type { MonitorCitation, OfficeRef } from './types.ts';

type NField = 'name' | 'platform' | 'host' | 'entity' | 'status' | 'accountId' | 'url';

/**
 * Accepted column headings of the national export (any one alias per field; where a sheet has
 * several, the earlier alias wins: 报送系统状态 before 状态, so the register's own export, which
 * carries both the register's status and the national one, reads back as the national one).
 */
export const NATIONAL_COLUMNS: Record<NField, string[]> = {
  name: ['账号名称', '名称', '媒体名称', '政务新媒体名称'],
  platform: ['平台类型', '平台', '类型', '账号类型'],
  host: ['主办单位', '主办单位名称'],
  entity: ['开设主体', '认证主体', '开办主体', '开设主体（认证主体）全称', '开设主体全称', '认证主体全称'],
  status: ['报送系统状态', '状态', '账号状态', '运行状态'],
  accountId: ['账号ID', '账号id', '平台账号', '账号标识', '微信号'],
  url: ['URL', '账号URL', '主页', '主页URL', '链接'],
};
const REQUIRED: NField[] = ['name', 'platform', 'host', 'status'];

const PLATFORM_ALIASES: Record<AccountFile['platform'], string[]> = {
  微信公众号: ['微信公众号', '微信', '公众号', '微信服务号', '微信订阅号', '服务号', '订阅号', '微信公众平台'],
  微信小程序: ['微信小程序', '小程序'],
  微信视频号: ['微信视频号', '视频号'],
  新浪微博: ['新浪微博', '微博', '新浪'],
  抖音: ['抖音', '抖音号'],
  今日头条: ['今日头条', '头条', '头条号'],
  快手: ['快手'],
  哔哩哔哩: ['哔哩哔哩', 'B站', 'bilibili'],
  移动客户端: ['移动客户端', 'APP', '客户端', '移动应用', '应用程序'],
  其他平台: ['其他平台', '其他'],
};

/** 未填报: the register's own export says the account is not yet in the national system. */
export type NationalStatus = '正常' | '关停' | '删除' | '未填报';
const STATUS_ALIASES: Record<NationalStatus, string[]> = {
  正常: ['正常', '正常运行', '运行', '运行中', '已开通'],
  关停: ['关停', '已关停', '停用', '已停用', '暂停'],
  删除: ['删除', '已删除', '注销', '已注销'],
  未填报: ['未填报'],
};

/** Map header cells to fields, the earlier alias of a field winning over a later one. */
export function mapHeaderPreferring<F extends string>(header: string[], aliases: Record<F, string[]>): Partial<Record<F, number>> {
  const keys = header.map(headerKey);
  const out: Partial<Record<F, number>> = {};
  for (const [field, names] of Object.entries(aliases) as [F, string[]][]) {
    for (const n of names) {
      const i = keys.indexOf(headerKey(n));
      if (i >= 0) {
        out[field] = i;
        break;
      }
    }
  }
  return out;
}

/** Names compared: NFKC, no whitespace, no zero-width or soft-hyphen characters, lowercase. */
export function normName(s: string): string {
  return s
    .normalize('NFKC')
    .replace(/[\s\u00ad\u200b-\u200f\u2060\ufeff]/g, '')
    .toLowerCase();
}

export function normPlatform(s: string): AccountFile['platform'] | undefined {
  const k = headerKey(s);
  for (const [p, names] of Object.entries(PLATFORM_ALIASES) as [AccountFile['platform'], string[]][]) if (names.some((n) => headerKey(n) === k)) return p;
  return undefined;
}

function normStatus(s: string): NationalStatus | undefined {
  const k = headerKey(s);
  for (const [st, names] of Object.entries(STATUS_ALIASES) as [NationalStatus, string[]][]) if (names.some((n) => headerKey(n) === k)) return st;
  return undefined;
}

export interface NationalRow {
  line: number;
  name: string;
  platformText: string;
  platform?: AccountFile['platform'];
  host: string;
  entity?: string;
  statusText: string;
  status?: NationalStatus;
  accountId?: string;
  url?: string;
}

export interface NationalExport {
  source: string;
  encoding: string;
  rows: NationalRow[];
}

/** Read a national export CSV (UTF-8 with or without BOM, or GBK). */
export function loadNationalCsv(file: string, label = file): NationalExport {
  const { text, encoding } = readTextFile(file);
  return nationalFromRows(parseCsv(text, label), label, encoding);
}

/** Read a national export as CSV (UTF-8, BOM, GBK) or Excel (.xlsx). */
export async function loadNationalSheet(file: string, label = file): Promise<NationalExport> {
  const sheet = await readSheet(file, label, '政务新媒体');
  return nationalFromRows(sheet.rows, label, sheet.encoding);
}

export function nationalFromRows(all: CsvRow[], label: string, encoding: string): NationalExport {
  const header = all[0];
  if (!header) throw new InputError({ zh: `${label} 是空文件`, en: `${label} is empty` });
  const cols = mapHeaderPreferring(header.cells, NATIONAL_COLUMNS);
  const missing = REQUIRED.filter((f) => cols[f] === undefined);
  if (missing.length) {
    const names = missing.map((f) => (f === 'status' ? '状态（或 报送系统状态）' : NATIONAL_COLUMNS[f][0]));
    throw new InputError({ zh: `${label} 第 1 行缺少列：${names.join('、')}（收到：${header.cells.join('、')}）。可接受的列见 scripts/monitor/README.md`, en: `${label} line 1 lacks the columns ${names.join(', ')} (got: ${header.cells.join(', ')}); see scripts/monitor/README.md` });
  }
  const cell = (r: { cells: string[] }, f: NField): string => {
    const i = cols[f];
    return i === undefined ? '' : (r.cells[i] ?? '').trim();
  };
  const rows: NationalRow[] = [];
  for (const r of all.slice(1)) {
    const name = cell(r, 'name');
    if (!name) throw new InputError({ zh: `${label} 第 ${r.line} 行：账号名称为空`, en: `${label} line ${r.line}: the account name is empty` });
    const platformText = cell(r, 'platform');
    const statusText = cell(r, 'status');
    const row: NationalRow = { line: r.line, name, platformText, host: cell(r, 'host'), statusText };
    const p = normPlatform(platformText);
    if (p) row.platform = p;
    const st = normStatus(statusText);
    if (st) row.status = st;
    const entity = cell(r, 'entity');
    if (entity) row.entity = entity;
    const id = cell(r, 'accountId');
    if (id) row.accountId = id;
    const url = cell(r, 'url');
    if (url) row.url = url;
    rows.push(row);
  }
  return { source: label, encoding, rows };
}

// ---------------------------------------------------------------------------------------------

export type ReconcileKind = 'missing-here' | 'missing-there' | 'status' | 'name' | 'host' | 'entity' | 'unreadable-row';

export interface ReconcileItem {
  kind: ReconcileKind;
  severity: Severity;
  account?: { id: string; name: string; platform: string; file: string };
  national?: { line: number; name: string; platform: string; host: string; status: string };
  unit: { id?: string; name: string };
  what: Bilingual;
  citations: MonitorCitation[];
  todo: Bilingual;
}

export interface ReconcileReport {
  now: string;
  national: { source: string; encoding: string; rows: number };
  summary: { matched: number; missingHere: number; missingThere: number; differences: number; notices: number };
  groups: { office: OfficeRef; items: ReconcileItem[] }[];
}

const NATIONAL_FILING: MonitorCitation = {
  doc: '国办发〔2018〕123号',
  article: '四、（一）开设整合',
  title: '国务院办公厅关于推进政务新媒体健康有序发展的意见',
  quote: '建立政务新媒体分级备案制度，开设、变更、关停、注销应向主管单位备案',
};

/** Every spelling a unit is known by: its name, short name, aliases and former names (unit.json), normalised. */
export function unitSpellings(u: UnitDoc): Set<string> {
  return new Set(unitNames(u, { former: true }).map(normName).filter((x) => x !== ''));
}

function unitMatchesHost(u: UnitDoc | undefined, host: string): boolean {
  const h = normName(host);
  return !!u && h !== '' && unitSpellings(u).has(h);
}

function platformIdNorm(s: string): string {
  return normName(s).replace(/^@/, '');
}

type Phase = 'open' | 'live' | 'closing' | 'closed';
function phaseOf(st: AccountState): Phase {
  if (st.closed) return 'closed';
  if (st.closing) return 'closing';
  return st.works.some((w) => (w.kind === '开设' || w.kind === '补录') && w.done) ? 'live' : 'open';
}

/** What every stage of the comparison reads: the register, cached account states, the host index, citations. */
interface Ctx {
  register: Register;
  state: (a: AccountDoc) => AccountState;
  unitOf: (a: AccountDoc) => UnitDoc | undefined;
  /** The units a host name of the export names (name, short name or an alias). */
  hostUnits: (host: string) => UnitDoc[];
  /** The citations of an item: the modules that judge the unit (their monitor spec), then the national opinion. */
  citationsFor: (unit: UnitDoc | undefined, regionId: string | undefined, which: 'backfill' | 'systemStatus') => MonitorCitation[];
}
type Placed = { office: OfficeRef; item: ReconcileItem };

const accountRef = (a: AccountDoc): NonNullable<ReconcileItem['account']> => ({ id: a.id, name: a.data.name, platform: a.data.platform, file: a.file.rel });
const rowRef = (r: NationalRow): NonNullable<ReconcileItem['national']> => ({ line: r.line, name: r.name, platform: r.platformText, host: r.host, status: r.statusText });

function context(register: Register, policies: readonly LoadedPolicy[], now: string): Ctx {
  const states = new Map<AccountDoc, AccountState>();
  const unitsByHost = new Map<string, UnitDoc[]>();
  for (const u of register.units.values()) {
    for (const n of unitSpellings(u)) {
      const l = unitsByHost.get(n);
      if (l) l.push(u);
      else unitsByHost.set(n, [u]);
    }
  }
  return {
    register,
    state: (a) => {
      let s = states.get(a);
      if (!s) states.set(a, (s = deriveState(a.data)));
      return s;
    },
    unitOf: (a) => register.units.get(a.unitId),
    hostUnits: (host) => unitsByHost.get(normName(host)) ?? [],
    citationsFor: (unit, regionId, which) => {
      const out: MonitorCitation[] = [];
      if (regionId !== undefined) {
        for (const p of policiesForUnit(register, policies, unit, regionId, now)) {
          const c = monitorSpecOf(p)?.reconcile?.[which];
          if (c) out.push(c);
        }
      }
      out.push(NATIONAL_FILING);
      return out;
    },
  };
}

/**
 * Stage 1, matching (indexed: a national export holds tens of thousands of rows): platform account
 * id, then platform + name + host (any spelling of the unit), then platform + name when unique,
 * then the host's only remaining account on the platform for the only remaining row of that host.
 */
function matchRows(ctx: Ctx, rows: readonly NationalRow[]): Map<NationalRow, AccountDoc> {
  const { register } = ctx;
  const matchOf = new Map<NationalRow, AccountDoc>();
  const taken = new Set<AccountDoc>();
  const pair = (r: NationalRow, a: AccountDoc): void => {
    matchOf.set(r, a);
    taken.add(a);
  };
  const index = (key: (a: AccountDoc) => string | undefined): Map<string, AccountDoc[]> => {
    const m = new Map<string, AccountDoc[]>();
    for (const a of register.accounts) {
      const k = key(a);
      if (k === undefined) continue;
      const l = m.get(k);
      if (l) l.push(a);
      else m.set(k, [a]);
    }
    return m;
  };
  const byId = index((a) => (a.data.platformAccountId ? `${a.data.platform}|${platformIdNorm(a.data.platformAccountId)}` : undefined));
  const byName = index((a) => `${a.data.platform}|${normName(a.data.name)}`);
  const byUnit = index((a) => `${a.data.platform}|${a.unitId}`);
  const untaken = (l: AccountDoc[] | undefined): AccountDoc[] => (l ?? []).filter((a) => !taken.has(a));
  const readable = rows.filter((r) => r.platform);
  const free = (r: NationalRow): boolean => !matchOf.has(r);
  // 1. platform account id
  for (const r of readable) {
    if (!r.accountId) continue;
    const cands = untaken(byId.get(`${r.platform}|${platformIdNorm(r.accountId)}`));
    if (cands.length === 1) pair(r, cands[0]!);
  }
  // 2. platform + name + host
  for (const r of readable.filter(free)) {
    const cands = untaken(byName.get(`${r.platform}|${normName(r.name)}`)).filter((a) => unitMatchesHost(ctx.unitOf(a), r.host));
    if (cands.length >= 1) pair(r, pickLive(cands, ctx.state, r));
  }
  // 3. platform + name, unique
  for (const r of readable.filter(free)) {
    const cands = untaken(byName.get(`${r.platform}|${normName(r.name)}`));
    if (cands.length === 1) pair(r, cands[0]!);
  }
  // 4. the host's only remaining account on the platform, and the only remaining row for it
  //    (the host named by any spelling of the unit: name, short name or an alias)
  const rowsByHost = new Map<string, NationalRow[]>();
  for (const r of readable.filter(free)) {
    const k = `${r.platform}|${normName(r.host)}`;
    const l = rowsByHost.get(k);
    if (l) l.push(r);
    else rowsByHost.set(k, [r]);
  }
  for (const rs of rowsByHost.values()) {
    if (rs.length !== 1) continue;
    const r = rs[0]!;
    const units = ctx.hostUnits(r.host);
    if (units.length !== 1) continue;
    const cands = untaken(byUnit.get(`${r.platform}|${units[0]!.id}`));
    if (cands.length === 1) pair(r, cands[0]!);
  }
  return matchOf;
}

/** Stage 2a, a row the register lacks: unreadable, a register export's 未填报, or an account to backfill. */
function unmatchedRowItem(ctx: Ctx, r: NationalRow): Placed {
  const unit = ctx.hostUnits(r.host)[0];
  const office = unit ? supervisingOffice(ctx.register, unit, unit.regionId) : { name: '主办单位不在登记簿中' };
  const base = { national: rowRef(r), unit: { ...(unit ? { id: unit.id } : {}), name: unit?.data.name ?? r.host } };
  if (!r.platform) {
    return {
      office,
      item: {
        ...base,
        kind: 'unreadable-row',
        severity: 'warning',
        what: { zh: `报送系统第 ${r.line} 行的平台类型“${r.platformText}”无法识别，未能比对`, en: `line ${r.line}: platform "${r.platformText}" is not recognised; the row was not compared` },
        citations: [],
        todo: { zh: '请核对该行的平台类型（可用的写法见 scripts/monitor/README.md）。', en: 'Check the platform of that row (accepted spellings in scripts/monitor/README.md).' },
      },
    };
  }
  if (r.status === '未填报') {
    return {
      office,
      item: {
        ...base,
        kind: 'missing-here',
        severity: 'notice',
        what: { zh: `表中的“${r.name}”（${r.platform}）标为“未填报”，登记簿中没有对应账号`, en: `"${r.name}" (${r.platform}) is marked 未填报 and is not in the register` },
        citations: [],
        todo: { zh: '该行来自登记簿导出而非报送系统：请核实是否为其他登记簿的导出。', en: "The row comes from a register export, not the national system: check which register it came from." },
      },
    };
  }
  const active = r.status === '正常' || r.status === undefined;
  return {
    office,
    item: {
      ...base,
      kind: 'missing-here',
      severity: active ? 'error' : 'notice',
      what: active
        ? { zh: `报送系统中有“${r.name}”（${r.platform}，主办单位 ${r.host || '未填'}，状态 ${r.statusText || '未填'}），登记簿中没有：可能是瞒报漏报的账号`, en: `the national system lists "${r.name}" (${r.platform}, host ${r.host || '—'}, ${r.statusText || 'no status'}) but the register does not: possibly an unfiled account` }
        : { zh: `报送系统中的“${r.name}”（${r.platform}）状态为“${r.statusText}”，登记簿中没有记录`, en: `"${r.name}" (${r.platform}) is "${r.statusText}" in the national system and not in the register` },
      citations: ctx.citationsFor(unit, unit?.regionId, 'backfill'),
      todo: active
        ? { zh: `请主办单位${unit ? `“${unit.data.name}”` : ''}办理补录备案：在其单位文件夹中新建账号文件，事件以“补录备案”开始；如该账号不属于本地区，请核实报送系统的记录。`, en: `The host unit must backfill the account: a new account file in its folder starting with a 补录备案 event; if it is not ours, check the national record.` }
        : { zh: '已关停的历史账号，可不补录；如需留档，可补录后记录关停事件。', en: 'A closed historical account need not be backfilled.' },
    },
  };
}

/** Stage 2b, a matched row whose national status disagrees with the account's state in the register. */
function statusItem(ctx: Ctx, r: NationalRow, a: AccountDoc): Omit<ReconcileItem, 'account' | 'national' | 'unit'> | undefined {
  const s = ctx.state(a);
  const phase = phaseOf(s);
  const cite = (): MonitorCitation[] => ctx.citationsFor(ctx.unitOf(a), a.regionId, 'systemStatus');
  if (r.status === undefined) {
    return { kind: 'status', severity: 'warning', what: { zh: `报送系统的状态“${r.statusText}”无法识别（应为 正常、关停 或 删除）`, en: `national status "${r.statusText}" is not recognised (正常, 关停 or 删除)` }, citations: [], todo: { zh: '请核对报送系统导出的状态列。', en: 'Check the status column of the export.' } };
  }
  if (phase === 'closed' && r.status === '正常') {
    return {
      kind: 'status',
      severity: 'error',
      what: { zh: `登记簿中已关停（${s.phase}），报送系统仍为“正常”`, en: `closed in the register (${s.phase}) but still 正常 in the national system` },
      citations: cite(),
      todo: { zh: '请在报送系统办理关停（删除），并处理系统反馈，直至状态显示为“关停”或“删除”。', en: 'Close the account in the national system and follow up until it shows 关停 or 删除.' },
    };
  }
  if (r.status === '未填报') {
    if (phase === 'open') return undefined;
    return {
      kind: 'status',
      severity: 'warning',
      what: { zh: `表中标为“未填报”，登记簿中已记录系统填报（${s.phase}）`, en: `marked 未填报 in the sheet, but the register records a national-system entry (${s.phase})` },
      citations: cite(),
      todo: { zh: '“未填报”只出现在登记簿自己的导出中：请用报送系统的导出核对，或重新导出登记簿。', en: 'Only the register’s own export says 未填报: reconcile against the national export, or export again.' },
    };
  }
  // 变更后不再纳入监管：报送系统中删除是对的 / no longer a government account: deleted there, as it should be
  if ((phase === 'live' || phase === 'closing') && r.status === '删除' && removedFromSupervision(a)) return undefined;
  if ((phase === 'live' || phase === 'closing') && r.status !== '正常') {
    return {
      kind: 'status',
      severity: 'error',
      what: { zh: `报送系统中为“${r.status}”，登记簿中仍${phase === 'live' ? '在运行' : `在关停办理中（${s.phase}）、尚未记录注销和系统填报`}`, en: `${r.status} in the national system but ${phase === 'live' ? 'live' : 'still closing'} in the register` },
      citations: cite(),
      todo: { zh: '账号确已关停的，请补记关停备案、注销公告、平台注销、系统填报等事件；否则请在报送系统中恢复。', en: 'If the account is closed, record the closure events; otherwise restore it in the national system.' },
    };
  }
  if (phase === 'open' && r.status === '正常') {
    return {
      kind: 'status',
      severity: 'warning',
      what: { zh: `报送系统中已为“正常”，登记簿中的开设（补录）尚未记录“系统填报”`, en: 'active in the national system, but the register has no 系统填报 for the opening yet' },
      citations: cite(),
      todo: { zh: '请在账号文件中追加“系统填报”事件（写明实际填报日期）。', en: 'Append the 系统填报 event with the actual date.' },
    };
  }
  return undefined;
}

/** Stage 2c, a matched row whose name, host unit (no spelling of it) or certified entity differs. */
function differenceItems(ctx: Ctx, r: NationalRow, a: AccountDoc): Omit<ReconcileItem, 'account' | 'national' | 'unit'>[] {
  const out: Omit<ReconcileItem, 'account' | 'national' | 'unit'>[] = [];
  const unit = ctx.unitOf(a);
  const cite = (): MonitorCitation[] => ctx.citationsFor(unit, a.regionId, 'systemStatus');
  if (normName(r.name) !== normName(a.data.name)) {
    const s = ctx.state(a);
    const changing = s.pending?.kind === '变更' && a.data.events.slice(s.pending.index).some((e) => e.changes?.some((c) => c.field === '账号名称' && (normName(c.from) === normName(r.name) || normName(c.to) === normName(r.name))));
    out.push({
      kind: 'name',
      severity: changing ? 'notice' : 'warning',
      what: changing
        ? { zh: `名称变更办理中：登记簿“${a.data.name}”，报送系统“${r.name}”`, en: `name change in progress: register "${a.data.name}", national "${r.name}"` }
        : { zh: `名称不一致：登记簿“${a.data.name}”，报送系统“${r.name}”`, en: `names differ: register "${a.data.name}", national "${r.name}"` },
      citations: cite(),
      todo: changing ? { zh: '变更办结后在报送系统修改并追加“系统填报”（变更）。', en: 'After the change, update the national system and append 系统填报 (变更).' } : { zh: '请核实哪一方正确：名称已变更的，办理变更备案；报送系统填错的，在系统中更正。', en: 'Find out which is right: file a change, or correct the national system.' },
    });
  }
  if (r.host && !unitMatchesHost(unit, r.host)) {
    out.push({
      kind: 'host',
      severity: 'warning',
      what: { zh: `主办单位不一致：登记簿“${unit?.data.name ?? a.unitId}”，报送系统“${r.host}”`, en: `host units differ: register "${unit?.data.name ?? a.unitId}", national "${r.host}"` },
      citations: cite(),
      todo: { zh: '主办单位已变化的，应办理主办单位变更备案并公告；只是同一单位的另一种写法的，在 unit.json 的 aliases 中登记；报送系统填错的，在系统中更正。', en: 'A changed host needs a change filing and announcement; another spelling of the same unit goes into unit.json aliases; otherwise correct the national system.' },
    });
  }
  if (r.entity && a.data.certifiedEntity && normName(r.entity) !== normName(a.data.certifiedEntity.name)) {
    out.push({
      kind: 'entity',
      severity: 'warning',
      what: { zh: `开设（认证）主体不一致：登记簿“${a.data.certifiedEntity.name}”，报送系统“${r.entity}”`, en: `certified entities differ: register "${a.data.certifiedEntity.name}", national "${r.entity}"` },
      citations: cite(),
      todo: { zh: '认证主体属于关键信息：已变化的须办理变更备案；报送系统填错的，在系统中更正。', en: 'The certified entity is key information: file a change, or correct the national system.' },
    });
  }
  return out;
}

/** Stage 3, register accounts the export lacks (closed ones are not expected there). */
function missingThereItem(ctx: Ctx, a: AccountDoc): Placed | undefined {
  const s = ctx.state(a);
  const phase = phaseOf(s);
  if (phase === 'closed') return undefined;
  const unit = ctx.unitOf(a);
  const entered = s.works.find((w) => (w.kind === '开设' || w.kind === '补录') && w.done)?.done;
  return {
    office: supervisingOffice(ctx.register, unit, a.regionId),
    item: {
      kind: 'missing-there',
      severity: phase === 'open' ? 'notice' : 'error',
      account: accountRef(a),
      unit: { id: a.unitId, name: unit?.data.name ?? a.unitId },
      what:
        phase === 'open'
          ? { zh: `登记簿中正在开设（${s.phase}），尚未在报送系统填报，导出中没有是正常的`, en: `still opening in the register (${s.phase}); not yet in the national system, as expected` }
          : { zh: `登记簿记录已于 ${entered ?? '（日期未记录）'} 在报送系统填报，但报送系统导出中没有该账号`, en: `the register records a national-system entry on ${entered ?? '(no date)'}, but the export lacks the account` },
      citations: ctx.citationsFor(unit, a.regionId, 'systemStatus'),
      todo: phase === 'open' ? { zh: '按期完成系统填报。', en: 'Complete the national-system entry in time.' } : { zh: '请核实报送系统：账号被删除或漏报的，应重新填报；导出不完整的，请重新导出。', en: 'Check the national system: re-enter a missing account, or re-export.' },
    },
  };
}

/** Stage 4, the report: items grouped by supervising office, errors first, and the counts. */
function assembleReport(placed: readonly Placed[], exp: NationalExport, now: string, matched: number): ReconcileReport {
  const groups = new Map<string, { office: OfficeRef; items: ReconcileItem[] }>();
  for (const { office, item } of placed) {
    const key = office.id ?? `name:${office.name}`;
    let g = groups.get(key);
    if (!g) groups.set(key, (g = { office, items: [] }));
    g.items.push(item);
  }
  const rank: Record<Severity, number> = { error: 0, warning: 1, notice: 2 };
  const sorted = [...groups.values()].sort((x, y) => (x.office.id ?? '\uffff' + x.office.name).localeCompare(y.office.id ?? '\uffff' + y.office.name));
  for (const g of sorted) g.items.sort((x, y) => rank[x.severity] - rank[y.severity] || (x.account?.id ?? x.national?.name ?? '').localeCompare(y.account?.id ?? y.national?.name ?? ''));
  const all = sorted.flatMap((g) => g.items);
  const counted = all.filter((i) => i.severity !== 'notice');
  return {
    now,
    national: { source: exp.source, encoding: exp.encoding, rows: exp.rows.length },
    summary: {
      matched,
      missingHere: counted.filter((i) => i.kind === 'missing-here').length,
      missingThere: counted.filter((i) => i.kind === 'missing-there').length,
      differences: counted.filter((i) => i.kind !== 'missing-here' && i.kind !== 'missing-there').length,
      notices: all.length - counted.length,
    },
    groups: sorted,
  };
}

/** Compare the register with a national export: match, judge each row, list what the export lacks, assemble. */
export function reconcile(register: Register, policies: readonly LoadedPolicy[], exp: NationalExport, now: string): ReconcileReport {
  const ctx = context(register, policies, now);
  const matchOf = matchRows(ctx, exp.rows);
  const placed: Placed[] = [];
  for (const r of exp.rows) {
    const a = matchOf.get(r);
    if (!a) {
      placed.push(unmatchedRowItem(ctx, r));
      continue;
    }
    const unit = ctx.unitOf(a);
    const office = supervisingOffice(register, unit, a.regionId);
    const base = { account: accountRef(a), national: rowRef(r), unit: { id: a.unitId, name: unit?.data.name ?? a.unitId } };
    const status = statusItem(ctx, r, a);
    for (const it of [...(status ? [status] : []), ...differenceItems(ctx, r, a)]) placed.push({ office, item: { ...base, ...it } });
  }
  const taken = new Set(matchOf.values());
  for (const a of register.accounts) {
    if (taken.has(a)) continue;
    const p = missingThereItem(ctx, a);
    if (p) placed.push(p);
  }
  return assembleReport(placed, exp, now, taken.size);
}

/** The last completed work is a change after which the account is no longer supervised. */
function removedFromSupervision(a: AccountDoc): boolean {
  const st = deriveState(a.data);
  for (let i = st.works.length - 1; i >= 0; i--) {
    const w = st.works[i]!;
    if (!w.done) continue;
    return w.kind === '变更' && a.data.events[w.index]?.stillSupervised === false;
  }
  return false;
}

/** Among same-named candidates, prefer the one whose state matches the row's status. */
function pickLive(cands: AccountDoc[], st: (a: AccountDoc) => AccountState, r: NationalRow): AccountDoc {
  if (cands.length === 1) return cands[0]!;
  const wantClosed = r.status === '关停' || r.status === '删除';
  return cands.find((a) => phaseOf(st(a)) === (wantClosed ? 'closed' : 'live')) ?? cands[0]!;
}

export function reconcileExitCode(r: ReconcileReport): 0 | 1 {
  return r.groups.some((g) => g.items.some((i) => i.severity !== 'notice')) ? 1 : 0;
}
