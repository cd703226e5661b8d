/**
 * 导入存量账号：读取全国政务新媒体信息报送系统的导出（或任何表格，经列映射文件），按主办单位归并，
 * 生成可读编号，写出单位文件和补录的账号文件。表中没有的事实按约定记为未知（枚举填“未知”，对象和
 * 文本不填，并列入 unknown），绝不编造。同一张表再导入一次不产生任何改动。
 *
 * Import the accounts a city already runs: the national reporting system's export (or any sheet
 * through a column mapping), grouped into host units (names, region prefixes and aliases), with
 * readable ids, written as unit files and backfilled account files. What the sheet lacks is
 * recorded as unknown (enums "未知", objects and text absent, listed in `unknown`), never
 * invented. Re-importing the same sheet changes nothing. Bad rows are located findings (sheet,
 * row, column); they are never thrown.
 */
import type { Finding } from '../core/finding.ts';
import type { Register, RegionDoc, UnitDoc } from '../core/register.ts';
import { headerKey, type CsvRow } from '../core/csv.ts';
import { normName, normPlatform } from '../monitor/reconcile.ts';
import { freeId, idOf, initials } from './ids.ts';

export type ImportField =
  | 'name'
  | 'platform'
  | 'host'
  | 'status'
  | 'entity'
  | 'entityCategory'
  | 'accountId'
  | 'url'
  | 'opened'
  | 'region'
  | 'kind'
  | 'level'
  | 'subType'
  | 'operatingUnit'
  | 'operatingMode'
  | 'contentType';

/** Column headings understood without a mapping file (the national export's and common ones). */
export const IMPORT_COLUMNS: Record<ImportField, string[]> = {
  name: ['账号名称', '名称', '媒体名称', '政务新媒体名称'],
  platform: ['平台类型', '平台', '类型', '账号类型'],
  host: ['主办单位', '主办单位名称'],
  status: ['报送系统状态', '状态', '账号状态', '运行状态'],
  entity: ['开设主体', '认证主体', '开办主体', '开设主体（认证主体）全称', '开设主体全称', '认证主体全称'],
  entityCategory: ['认证主体分类', '开设主体分类'],
  accountId: ['账号ID', '账号id', '平台账号', '账号标识', '微信号'],
  url: ['URL', '账号URL', '主页', '主页URL', '账号主页URL', '链接'],
  opened: ['开通时间', '开通日期', '平台开通时间', '注册时间', '注册日期', '开设时间', '开设日期'],
  region: ['地区', '所属地区', '行政区划', '所在地区'],
  kind: ['单位类型', '主办单位类型', '机构类型'],
  level: ['行政层级', '层级', '单位层级', '级别'],
  subType: ['平台子类型', '子类型', '公众号类型'],
  operatingUnit: ['运营单位', '承办单位'],
  operatingMode: ['运营模式', '运营方式'],
  contentType: ['内容类型'],
};
const REQUIRED: ImportField[] = ['name', 'platform', 'host'];

export const UNIT_KINDS = ['人民政府', '政府办公室', '政府部门', '承担行政职能的事业单位', '部门下属单位', '乡镇街道', '内设机构', '开发区管委会', '事业单位', '党委及其工作机关', '人大机关', '政协机关', '法院', '检察院', '群团组织', '融媒体中心', '村（社区）'] as const;
export type UnitKind = (typeof UNIT_KINDS)[number];
export const UNIT_LEVELS = ['中央', '省级', '市级', '县级', '乡级', '村级'] as const;

const PLATFORM_CODE: Record<string, string> = {
  微信公众号: 'weixin',
  微信小程序: 'xcx',
  微信视频号: 'sph',
  新浪微博: 'weibo',
  抖音: 'douyin',
  今日头条: 'toutiao',
  快手: 'kuaishou',
  哔哩哔哩: 'bilibili',
  移动客户端: 'app',
  其他平台: 'qita',
};

/** The mapping file (--map): which heading holds which field, and facts about hosts. */
export interface ImportMapping {
  /** Worksheet name (xlsx). */
  sheet?: string;
  /** field → heading (or several headings) in this sheet. */
  columns?: Partial<Record<ImportField, string | string[]>>;
  /** Host names that are one unit: canonical full name → other spellings. */
  aliases?: Record<string, string[]>;
  /** Facts about a host the sheet lacks, by full name: kind, level, shortName, region. */
  units?: Record<string, { kind?: string; level?: string; shortName?: string; region?: string }>;
}

export interface ImportOptions {
  /** Region the units go to unless a row's 地区 or the host's name says a region below it. */
  region: string;
  /** Adoption day: the date of every 补录备案 event. */
  now: string;
  mapping?: ImportMapping;
  /** Sheet label for findings (file name and sheet). */
  label: string;
}

export interface PlannedFile {
  /** Repository-relative path. */
  rel: string;
  kind: 'unit' | 'account';
  id: string;
  /** New file, or an existing unit file that gains aliases. */
  action: 'create' | 'update';
  doc: Record<string, unknown>;
  rows: number[];
}

export interface ImportPlan {
  files: PlannedFile[];
  findings: Finding[];
  summary: { rows: number; units: number; newUnits: number; accounts: number; newAccounts: number; existing: number; duplicates: number; skipped: number; closed: number };
}

interface Row {
  line: number;
  get(f: ImportField): string;
  col(f: ImportField): number;
}

const STATUS_CLOSED = new Set(['关停', '已关停', '停用', '已停用', '删除', '已删除', '注销', '已注销'].map(headerKey));
const STATUS_OPEN = new Set(['正常', '正常运行', '运行', '运行中', '已开通'].map(headerKey));

function finding(o: ImportOptions, row: number, column: number, severity: Finding['severity'], ruleId: string, zh: string, en: string, fixZh: string, fixEn: string): Finding {
  return { ruleId, severity, file: o.label, line: row, column, message: { zh, en }, fix: { zh: fixZh, en: fixEn } };
}

/** Map the header to fields: the mapping's headings first, then the built-in ones (earlier alias wins). */
export function mapColumns(header: string[], mapping?: ImportMapping): { cols: Partial<Record<ImportField, number>>; unknownMapped: string[] } {
  const keys = header.map(headerKey);
  const cols: Partial<Record<ImportField, number>> = {};
  const unknownMapped: string[] = [];
  for (const [field, h] of Object.entries(mapping?.columns ?? {}) as [ImportField, string | string[]][]) {
    const names = Array.isArray(h) ? h : [h];
    const i = names.map((n) => keys.indexOf(headerKey(n))).find((x) => x >= 0);
    if (i !== undefined) cols[field] = i;
    else unknownMapped.push(`${field}=${names.join('|')}`);
  }
  for (const [field, names] of Object.entries(IMPORT_COLUMNS) as [ImportField, string[]][]) {
    if (cols[field] !== undefined) continue;
    for (const n of names) {
      const i = keys.indexOf(headerKey(n));
      if (i >= 0 && !Object.values(cols).includes(i)) {
        cols[field] = i;
        break;
      }
    }
  }
  return { cols, unknownMapped };
}

/** Kind of a host from its name, when the name says it plainly; undefined otherwise. */
export function kindFromName(name: string): UnitKind | undefined {
  const n = name.normalize('NFKC').replace(/\s/g, '');
  const rules: [RegExp, UnitKind][] = [
    [/(村民委员会|居民委员会|村委会|居委会|社区)$/, '村（社区）'],
    [/(街道办事处|街道|镇人民政府|乡人民政府|镇政府|乡政府)$/, '乡镇街道'],
    [/人民政府办公(室|厅)$|政府办$/, '政府办公室'],
    [/人民政府$/, '人民政府'],
    [/人民法院$|法院$/, '法院'],
    [/人民检察院$|检察院$/, '检察院'],
    [/人民代表大会常务委员会$|人大常委会$|人大$/, '人大机关'],
    [/政治协商会议.*委员会$|政协$/, '政协机关'],
    [/^共青团|(团委|团市委|团县委|团区委|妇女联合会|妇联|总工会|工会|科学技术协会|科协|残疾人联合会|残联|红十字会|文学艺术界联合会|文联|工商业联合会|工商联|侨联)$/, '群团组织'],
    [/^中共|^中国共产党|纪律检查委员会|监察委员会|纪委监委|组织部$|宣传部$|统战部$|统一战线工作部$|政法委员会$|政法委$|党校$|机关工委$|网信办$|网络安全和信息化委员会办公室$/, '党委及其工作机关'],
    [/(经济技术开发区|高新技术产业开发区|高新区|开发区|工业园区|园区|新区|示范区|试验区).*(管理委员会|管委会)$|(管理委员会|管委会)$/, '开发区管委会'],
    [/融媒体中心$|广播电视台$|新闻中心$/, '融媒体中心'],
    [/(大学|学院|中学|小学|学校|幼儿园|医院|卫生院|疾病预防控制中心|图书馆|博物馆|纪念馆|文化馆)$/, '事业单位'],
    [/(局|委员会|委|办公室|办|厅|署|中心)$/, '政府部门'],
  ];
  for (const [re, k] of rules) if (re.test(n)) return k;
  return undefined;
}

function regionLocalNames(reg: Register, r: RegionDoc): string[] {
  const parent = r.parent !== undefined ? reg.regions.get(r.parent) : undefined;
  const full = r.data.name;
  const local = parent && parent.id !== '' && full.startsWith(parent.data.name) ? full.slice(parent.data.name.length) : full;
  const bare = local.replace(/(省|市|自治区|自治州|地区|盟|区|县|旗|自治县)$/, '');
  return [...new Set([full, local, ...(bare.length >= 2 ? [bare] : [])])].filter((x) => x !== '' && x !== '全国').sort((a, b) => b.length - a.length);
}

/** Strip the names of the region chain (province, city, county) from the start of a host name. */
function stripRegionPrefix(reg: Register, regionId: string, host: string): string {
  const chain: RegionDoc[] = [];
  for (let r = reg.regions.get(regionId); r; r = r.parent !== undefined ? reg.regions.get(r.parent) : undefined) chain.unshift(r);
  let s = host.normalize('NFKC').replace(/\s/g, '');
  for (const r of chain) {
    for (const n of regionLocalNames(reg, r)) {
      if (s.startsWith(n) && s.length > n.length + 1) {
        s = s.slice(n.length);
        break;
      }
    }
  }
  return s;
}

/** The deepest region under `start` that the host's name (after the chain's prefixes) names. */
function regionFromHost(reg: Register, start: string, host: string): string {
  let cur = start;
  let s = stripRegionPrefix(reg, start, host);
  for (;;) {
    const kids = [...reg.regions.values()].filter((r) => r.parent === cur);
    let next: RegionDoc | undefined;
    let rest = s;
    for (const k of kids) {
      for (const n of regionLocalNames(reg, k)) {
        if (s.startsWith(n) && s.length > n.length + 1) {
          next = k;
          rest = s.slice(n.length);
          break;
        }
      }
      if (next) break;
    }
    if (!next) return cur;
    cur = next.id;
    s = rest;
  }
}

function regionByText(reg: Register, text: string, under: string): string | undefined {
  const t = normName(text);
  if (!t) return undefined;
  if (reg.regions.has(text.trim())) return text.trim();
  const inTree = [...reg.regions.values()].filter((r) => under === '' || r.id === under || r.id.startsWith(under + '/'));
  const hits = inTree.filter((r) => regionLocalNames(reg, r).some((n) => normName(n) === t));
  return hits.length === 1 ? hits[0]!.id : undefined;
}

function relSchema(depth: number, schema: string): string {
  return `${'../'.repeat(depth)}schemas/${schema}`;
}

interface UnitPlan {
  id: string;
  regionId: string;
  name: string;
  shortName: string;
  aliases: Set<string>;
  kind?: string;
  level?: string;
  existing?: UnitDoc;
  rows: number[];
  dir: string;
}

/**
 * Plan an import: what files to write (nothing is written here). Existing units and accounts
 * (matched by name, short name, aliases; platform + name) are reused, so a second run plans no
 * file at all.
 */
export function planImport(reg: Register, sheetRows: CsvRow[], o: ImportOptions): ImportPlan {
  const findings: Finding[] = [];
  const files: PlannedFile[] = [];
  const summary: ImportPlan['summary'] = { rows: 0, units: 0, newUnits: 0, accounts: 0, newAccounts: 0, existing: 0, duplicates: 0, skipped: 0, closed: 0 };
  const header = sheetRows[0];
  if (!reg.regions.has(o.region)) {
    findings.push(finding(o, 1, 1, 'error', 'import/region', `地区“${o.region}”不在登记簿中（accounts/ 下没有该地区的 region.json）`, `region "${o.region}" is not in the register`, '请先建立该地区（region.json），或用 --region 指定登记簿中已有的地区编号，例如 anhui/luan。', 'Create the region first, or pass an existing region id with --region.'));
    return { files, findings, summary };
  }
  if (!header) {
    findings.push(finding(o, 1, 1, 'error', 'import/empty', '表格是空的：没有表头行', 'the sheet is empty', '请确认导出的是账号清单，第 1 行为列名。', 'The first row must hold the column headings.'));
    return { files, findings, summary };
  }
  const { cols, unknownMapped } = mapColumns(header.cells, o.mapping);
  for (const u of unknownMapped) findings.push(finding(o, header.line, 1, 'error', 'import/mapping', `列映射文件中的列“${u}”在表头中找不到（表头：${header.cells.join('、')}）`, `mapped column ${u} is not in the header`, '请按表头的实际列名修改映射文件。', 'Fix the mapping file to name the actual headings.'));
  const missing = REQUIRED.filter((f) => cols[f] === undefined);
  if (missing.length) {
    findings.push(finding(o, header.line, 1, 'error', 'import/missing-column', `表头缺少必需的列：${missing.map((f) => IMPORT_COLUMNS[f][0]).join('、')}（收到：${header.cells.join('、')}）`, `the header lacks ${missing.join(', ')}`, '请在表格中加上这些列，或用 --map 映射文件指明哪一列是账号名称、平台类型、主办单位（格式见 README“接入一个城市”）。', 'Add the columns, or name them in a --map file.'));
    return { files, findings, summary };
  }
  const colOf = (f: ImportField): number => (cols[f] ?? 0) + 1;

  // ---- aliases: canonical name of each spelling (mapping first, then the register's units)
  const canonicalOf = new Map<string, string>();
  for (const [canon, others] of Object.entries(o.mapping?.aliases ?? {})) for (const a of [canon, ...others]) canonicalOf.set(normName(a), canon);
  const unitByName = new Map<string, UnitDoc>();
  const unitByStripped = new Map<string, UnitDoc>();
  for (const u of reg.units.values()) {
    const names = [u.data.name, ...(u.data.aliases ?? []), ...(u.data.formerNames ?? [])].filter((x): x is string => !!x);
    for (const n of names) {
      unitByName.set(normName(n), u);
      unitByStripped.set(`${u.regionId}|${normName(stripRegionPrefix(reg, u.regionId, n))}`, u);
    }
  }
  /** A registered unit this spelling names: exactly, or with/without the region prefix. */
  const existingFor = (host: string, regionId: string): UnitDoc | undefined => unitByName.get(normName(host)) ?? unitByStripped.get(`${regionId}|${normName(stripRegionPrefix(reg, regionId, host))}`);

  // ---- rows → candidate accounts
  interface Cand {
    row: Row;
    name: string;
    platform: string;
    host: string;
    closed: boolean;
    unitKey: string;
    regionId: string;
  }
  const cands: Cand[] = [];
  for (const r of sheetRows.slice(1)) {
    summary.rows++;
    const row: Row = { line: r.line, get: (f) => (cols[f] === undefined ? '' : (r.cells[cols[f]!] ?? '').trim()), col: colOf };
    const name = row.get('name');
    const host = row.get('host');
    const pText = row.get('platform');
    const bad = (f: ImportField, zh: string, en: string, fixZh: string): void => {
      findings.push(finding(o, r.line, colOf(f), 'error', 'import/bad-row', `第 ${r.line} 行“${header.cells[cols[f] ?? 0] ?? f}”列：${zh}，该行未导入`, `row ${r.line}: ${en}; the row was not imported`, fixZh, 'Correct the cell and import again.'));
      summary.skipped++;
    };
    if (!name) {
      bad('name', '账号名称为空', 'the account name is empty', '请填写账号名称后重新导入（已导入的行不会重复写入）。');
      continue;
    }
    if (!host) {
      bad('host', `账号“${name}”的主办单位为空`, `"${name}" has no host unit`, '请填写主办单位全称后重新导入。');
      continue;
    }
    const platform = normPlatform(pText);
    if (!platform) {
      bad('platform', `平台类型“${pText}”无法识别`, `platform "${pText}" is not recognised`, '可用的写法：微信公众号（微信、公众号、服务号、订阅号）、微信小程序、视频号、微博、抖音、头条号、快手、B站、客户端（APP）、其他。');
      continue;
    }
    const statusText = row.get('status');
    const sk = headerKey(statusText);
    if (statusText && !STATUS_CLOSED.has(sk) && !STATUS_OPEN.has(sk)) {
      bad('status', `状态“${statusText}”无法识别`, `status "${statusText}" is not recognised`, '状态应为 正常（运行）、关停（停用）或 删除（注销）；不知道时留空，按正常导入。');
      continue;
    }
    const opened = row.get('opened');
    if (opened) {
      const d = parseDate(opened);
      if (!d || d > o.now) {
        bad('opened', `开通时间“${opened}”不是有效日期（应为 YYYY-MM-DD，且不晚于接入日 ${o.now}）`, `opening date "${opened}" is not a valid date`, '请改为实际开通日期（YYYY-MM-DD）；不知道时留空（记为未知，不要估计）。');
        continue;
      }
    }
    const canon = canonicalOf.get(normName(host)) ?? host;
    const rText = row.get('region');
    let regionId: string;
    if (rText) {
      const found = regionByText(reg, rText, o.region);
      if (!found) {
        bad('region', `地区“${rText}”在登记簿中找不到（在 ${o.region} 之下）`, `region "${rText}" is not in the register`, '请填写登记簿中已有的地区名称或编号，或先建立该地区的 region.json。');
        continue;
      }
      regionId = found;
    } else {
      const existing = unitByName.get(normName(canon)) ?? unitByName.get(normName(host));
      regionId = existing ? existing.regionId : regionFromHost(reg, o.region, canon);
    }
    const existingUnit = existingFor(canon, regionId) ?? existingFor(host, regionId);
    const unitKey = existingUnit ? `unit:${existingUnit.id}` : `${regionId}|${normName(stripRegionPrefix(reg, regionId, canon))}`;
    cands.push({ row, name, platform, host, closed: STATUS_CLOSED.has(sk), unitKey, regionId: existingUnit?.regionId ?? regionId });
  }

  // ---- units
  const takenUnitIds = new Set(reg.units.keys());
  const units = new Map<string, UnitPlan>();
  for (const c of cands) {
    let u = units.get(c.unitKey);
    if (!u) {
      const ex = c.unitKey.startsWith('unit:') ? reg.units.get(c.unitKey.slice(5)) : undefined;
      if (ex) {
        u = { id: ex.id, regionId: ex.regionId, name: ex.data.name, shortName: ex.data.shortName ?? '', aliases: new Set((ex.data as { aliases?: string[] }).aliases ?? []), existing: ex, rows: [], dir: ex.file.rel.slice(0, -'/unit.json'.length) };
      } else {
        u = { id: '', regionId: c.regionId, name: '', shortName: '', aliases: new Set(), rows: [], dir: '' };
      }
      units.set(c.unitKey, u);
    }
    u.rows.push(c.row.line);
    const canon = canonicalOf.get(normName(c.host));
    for (const n of [c.host, ...(canon ? [canon] : [])]) {
      if (u.existing) {
        if (![u.name, u.shortName, ...u.aliases].some((x) => normName(x) === normName(n))) u.aliases.add(n);
        continue;
      }
      // the longest spelling (with the region prefix) is the full name; the others are aliases
      if (!u.name || n.length > u.name.length || (canon && n === canon)) {
        if (u.name && normName(u.name) !== normName(n)) u.aliases.add(u.name);
        u.name = n;
      } else if (normName(n) !== normName(u.name)) u.aliases.add(n);
    }
    u.aliases.delete(u.name);
  }
  for (const [key, u] of [...units.entries()].sort((a, b) => (a[0] < b[0] ? -1 : 1))) {
    summary.units++;
    if (u.existing) {
      if (u.aliases.size > ((u.existing.data as { aliases?: string[] }).aliases ?? []).length) {
        const doc = { ...(u.existing.data as unknown as Record<string, unknown>), aliases: [...u.aliases].sort() };
        files.push({ rel: u.existing.file.rel, kind: 'unit', id: u.id, action: 'update', doc, rows: u.rows });
      }
      continue;
    }
    const facts = o.mapping?.units?.[u.name] ?? [...u.aliases].map((a) => o.mapping?.units?.[a]).find((x) => x) ?? {};
    const short = facts.shortName ?? stripRegionPrefix(reg, u.regionId, u.name);
    u.shortName = short;
    const kind = facts.kind ?? rowFact(cands, key, 'kind') ?? kindFromName(u.name);
    const firstRow = cands.find((c) => c.unitKey === key)!.row;
    if (!kind || !(UNIT_KINDS as readonly string[]).includes(kind)) {
      findings.push(finding(o, firstRow.line, firstRow.col(kind ? 'kind' : 'host'), 'error', 'import/unit-kind', `主办单位“${u.name}”的单位类型${kind ? `“${kind}”不是可用的类型` : '无法从名称判断'}，该单位的 ${u.rows.length} 行未导入（第 ${u.rows.join('、')} 行）`, `the kind of host "${u.name}" is ${kind ? `"${kind}", not a valid kind` : 'not evident from its name'}; its rows were not imported`, `请在表格中加“单位类型”列，或在 --map 映射文件的 units 中写明：{"units": {"${u.name}": {"kind": "政府部门"}}}。可用类型：${UNIT_KINDS.join('、')}。`, 'Add a 单位类型 column or a units entry in the mapping file.'));
      summary.skipped += u.rows.length;
      units.delete(key);
      continue;
    }
    u.kind = kind;
    const levelText = facts.level ?? rowFact(cands, key, 'level');
    const region = reg.regions.get(u.regionId);
    const level = levelText && (UNIT_LEVELS as readonly string[]).includes(levelText) ? levelText : kind === '村（社区）' ? '村级' : kind === '乡镇街道' ? '乡级' : region && ['省级', '市级', '县级'].includes(region.data.level) && regionLocalNames(reg, region).some((n) => /[省市县区]$/.test(n) && u.name.startsWith(n)) && !/^[^县区]{1,5}[县区]/.test(short) ? region.data.level : undefined;
    if (level) u.level = level;
    const regionAbbr = region && region.id !== '' ? initials(regionLocalNames(reg, region).at(-1) ?? region.data.name) : 'zy';
    u.id = freeId(idOf(regionAbbr, initials(short) || 'dw'), initials(u.name), takenUnitIds);
    takenUnitIds.add(u.id);
    u.dir = `accounts/${u.regionId ? u.regionId + '/' : ''}${u.id}`;
    const depth = u.dir.split('/').length;
    const doc: Record<string, unknown> = { $schema: relSchema(depth, 'unit.schema.json'), id: u.id, name: u.name };
    if (short && short !== u.name) doc.shortName = short;
    if (u.aliases.size) doc.aliases = [...u.aliases].sort();
    doc.kind = kind;
    if (u.level) doc.level = u.level;
    doc.region = u.regionId;
    doc.note = `由 govmedia import 于 ${o.now} 从 ${o.label} 导入（第 ${u.rows.join('、')} 行）。`;
    summary.newUnits++;
    files.push({ rel: `${u.dir}/unit.json`, kind: 'unit', id: u.id, action: 'create', doc, rows: u.rows });
  }

  // ---- accounts
  const takenAccountIds = new Set(reg.accountsById.keys());
  const seen = new Map<string, Cand>();
  for (const c of cands) {
    const u = units.get(c.unitKey);
    if (!u) continue;
    const dupKey = `${u.id}|${c.platform}|${normName(c.name)}`;
    const first = seen.get(dupKey);
    if (first) {
      summary.duplicates++;
      const conflict = first.closed !== c.closed;
      findings.push(finding(o, c.row.line, c.row.col('name'), conflict ? 'warning' : 'notice', 'import/duplicate', `第 ${c.row.line} 行与第 ${first.row.line} 行是同一账号（${c.platform}“${c.name}”，${u.name}）${conflict ? '，但状态不同' : ''}，只导入第 ${first.row.line} 行`, `row ${c.row.line} repeats row ${first.row.line}${conflict ? ' with another status' : ''}; only the first was imported`, conflict ? '请核实该账号的实际状态，在报送系统中删除重复记录。' : '报送系统中可能有重复记录，请核实后删除多余的一条。', 'Check the duplicate in the national system.'));
      continue;
    }
    seen.set(dupKey, c);
    summary.accounts++;
    if (c.closed) summary.closed++;
    const existing = (reg.accountsByUnit.get(u.id) ?? []).find((a) => a.data.platform === c.platform && normName(a.data.name) === normName(c.name));
    if (existing) {
      summary.existing++;
      continue;
    }
    const code = PLATFORM_CODE[c.platform] ?? 'qita';
    const id = freeId(idOf(u.id, code), initials(c.name), takenAccountIds);
    takenAccountIds.add(id);
    const rel = `${u.dir}/${id}.json`;
    const depth = rel.split('/').length - 1;
    const unknown: string[] = [];
    const doc: Record<string, unknown> = { $schema: relSchema(depth, 'account.schema.json'), id, name: c.name, platform: c.platform };
    // the sub-type column, or the platform cell when it says 服务号/订阅号
    const sub = `${c.row.get('subType')} ${c.row.get('platform')}`;
    if (c.platform === '微信公众号') {
      const st = ['服务号', '订阅号', '企业号'].find((x) => sub.includes(x));
      if (st) doc.subType = st;
      else {
        doc.subType = '未知';
        unknown.push('subType');
      }
    }
    const pid = c.row.get('accountId');
    if (pid) doc.platformAccountId = pid;
    doc.hostUnit = u.id;
    const entity = c.row.get('entity');
    if (entity) {
      const cat = c.row.get('entityCategory');
      const known = ['人民政府', '政府部门', '承担行政职能的事业单位', '部门下属单位', '乡镇街道', '内设机构', '其他'].includes(cat);
      doc.certifiedEntity = { name: entity, category: known ? cat : '未知', ...(normName(entity) === normName(u.name) || u.aliases.has(entity) ? { unit: u.id } : {}) };
      if (!known) unknown.push('certifiedEntity.category');
    } else unknown.push('certifiedEntity');
    const opUnit = c.row.get('operatingUnit');
    if (opUnit) doc.operatingUnit = opUnit;
    else unknown.push('operatingUnit');
    const mode = c.row.get('operatingMode');
    if (mode === '自营' || mode === '购买服务') doc.operatingMode = mode;
    else {
      doc.operatingMode = '未知';
      unknown.push('operatingMode');
    }
    const ct = c.row.get('contentType');
    if (ct === '图文' || ct === '音视频') doc.contentType = ct;
    else {
      doc.contentType = '未知';
      unknown.push('contentType');
    }
    const url = c.row.get('url');
    if (url && /^https?:\/\//i.test(url)) doc.urls = { homepage: url };
    unknown.push('team');
    // an app's IPv6, ageing-friendly, accessibility and server facts are in no sheet: unknown
    if (c.platform === '移动客户端') unknown.push('app');
    const opened = parseDate(c.row.get('opened'));
    if (!opened) unknown.push('platformRegistered');
    const order = ['certifiedEntity', 'certifiedEntity.category', 'operatingUnit', 'operatingMode', 'contentType', 'subType', 'team', 'app', 'platformRegistered'];
    doc.unknown = unknown.sort((a, b) => order.indexOf(a) - order.indexOf(b));
    const events: Record<string, unknown>[] = [];
    if (opened) events.push({ type: '平台注册', date: opened, note: `平台开通日期，据 ${o.label} 第 ${c.row.line} 行` });
    events.push({ type: '补录备案', date: o.now, status: c.closed ? '已关停' : '正常', note: `接入登记簿时由 govmedia import 从 ${o.label} 第 ${c.row.line} 行导入（报送系统状态：${c.row.get('status') || '未填'}）` });
    doc.events = events;
    summary.newAccounts++;
    files.push({ rel, kind: 'account', id, action: 'create', doc, rows: [c.row.line] });
  }
  return { files, findings, summary };
}

/** A calendar date written as 2019-03-05, 2019/3/5, 2019.3.5 or 2019年3月5日; undefined otherwise. */
export function parseDate(text: string): string | undefined {
  const m = /^(\d{4})[-/.年](\d{1,2})[-/.月](\d{1,2})日?$/.exec(text.trim());
  if (!m) return undefined;
  const d = `${m[1]}-${m[2]!.padStart(2, '0')}-${m[3]!.padStart(2, '0')}`;
  const t = new Date(`${d}T00:00:00Z`);
  return !Number.isNaN(t.getTime()) && t.toISOString().slice(0, 10) === d ? d : undefined;
}

function rowFact(cands: { unitKey: string; row: Row }[], key: string, f: ImportField): string | undefined {
  for (const c of cands) if (c.unitKey === key && c.row.get(f)) return c.row.get(f);
  return undefined;
}

export function fileText(doc: Record<string, unknown>): string {
  return JSON.stringify(doc, null, 2) + '\n';
}
