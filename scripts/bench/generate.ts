/**
 * 合成基准测试用的登记簿：按样例登记簿的五个省（市）的地区结构（省、市、县区、乡镇街道）生成任意数量的
 * 账号，地区绑定真实的管理办法系列，使检查时真实的规则全部运行；并生成 `git fast-import` 数据流
 * （一次提交全部文件，或一段由小改动组成的长历史，其中穿插按各地办法办理的名称变更和关停）。
 * 所有人员均为虚构（“某某（虚构）”、1300000xxxx）。
 *
 * Synthetic registers for the benchmark: any number of accounts spread over the structure of the
 * sample register's five areas (province, city, county, township), with region.json files that bind
 * the real policy series, so validation runs the real rules. Every file is valid under the schemas
 * and the register validates clean. Git repositories are built with `git fast-import` streams: one
 * commit holding everything, or a long history of small realistic changes (an event appended to one
 * account, or a non-key field changed) with change filings (a rename) and closures among them, each
 * filed as the area's measures ask. Everyone in it is fictitious.
 */
import { spawn } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import type { AccountFile, Event, Person, RegionFile, UnitFile } from '../generated/types.ts';
import { addDays, addWorkdays, diffDays, isWorkday } from '../calendar/workdays.ts';
import { readBlobs } from '../core/git.ts';
import {
  DEPARTMENTS,
  LIANYUNGANG_COUNTIES,
  LIAONING_CITIES,
  LUAN_COUNTIES,
  PLATFORMS,
  SURNAMES,
  SYLLABLES,
  SYLLABLES2,
  TOWN_SUFFIX,
  ZIGONG_COUNTIES,
  type CityDef,
  type DeptDef,
  type Place,
} from './names.ts';

// ---------------------------------------------------------------- random numbers

/** A small seeded generator (mulberry32), so every run builds the same register. */
export class Rng {
  private s: number;
  constructor(seed: number) {
    this.s = seed >>> 0;
  }
  next(): number {
    let t = (this.s = (this.s + 0x6d2b79f5) >>> 0);
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }
  int(lo: number, hi: number): number {
    return lo + Math.floor(this.next() * (hi - lo + 1));
  }
  pick<T>(xs: readonly T[]): T {
    return xs[Math.floor(this.next() * xs.length)]!;
  }
  shuffle<T>(xs: T[]): T[] {
    for (let i = xs.length - 1; i > 0; i--) {
      const j = Math.floor(this.next() * (i + 1));
      [xs[i], xs[j]] = [xs[j]!, xs[i]!];
    }
    return xs;
  }
}

// ---------------------------------------------------------------- the region tree

type Area = 'zigong' | 'luan' | 'lianyungang' | 'qijiang' | 'liaoning';

/** Everything the generator needs to know about one region folder. */
interface RegionSpec {
  id: string;
  name: string;
  level: RegionFile['level'];
  area: Area;
  policies: string[];
  /** Unit id prefix, e.g. "zg" or "zg-ziliujing". */
  code: string;
  /** Name prefix of its units, e.g. "自贡市", "自流井区", "连云港市海州区". */
  unitPrefix: string;
  /** Short place name for account names, e.g. "自贡", "自流井". */
  short: string;
  /** The last character of a county name (区/县/市) or 市/省, for short unit names. */
  tier: string;
  /** Units are created in this region (root and most provinces hold none). */
  hasUnits: boolean;
  /** Supervising office unit id (or a name when the office is not registered). */
  officeId?: string;
  officeName?: string;
  supervisingOfficeName?: string;
  /** Parent region id. */
  parent?: string;
  /** The office one level up (for upward filings). */
  upperOfficeName?: string;
  /** City name for county notes. */
  note: string;
  /** Synthetic place name (not a real county). */
  synthetic?: boolean;
  towns: Place[];
}

const POLICY: Record<Area, string | undefined> = {
  zigong: 'sichuan/zigong',
  luan: 'anhui/luan',
  lianyungang: 'jiangsu/city',
  qijiang: 'chongqing/qijiang',
  liaoning: 'liaoning',
};

function shortOfCounty(name: string): string {
  const s = name.replace(/(满族|蒙古族)?自治县$/, '').replace(/新区$/, '');
  if (s !== name && s.length >= 2) return s;
  const t = name.replace(/[区县市]$/, '');
  return t.length >= 2 ? t : name;
}

function townsFor(rng: Rng, n: number): Place[] {
  const out: Place[] = [];
  const used = new Set<string>();
  while (out.length < n) {
    const a = rng.pick(SYLLABLES);
    const b = rng.pick(SYLLABLES2);
    const name = a.name + b.name;
    // ids come from the pinyin: 青山 and 清山 are both “qingshan”, so both spellings must be new
    if (used.has(name) || used.has(a.pinyin + b.pinyin)) continue;
    used.add(name);
    used.add(a.pinyin + b.pinyin);
    out.push({ name, pinyin: a.pinyin + b.pinyin });
  }
  return out;
}

const TOWNS_PER_COUNTY = 12;

interface Tree {
  /** Regions without units (root, provinces), always written. */
  fixed: RegionSpec[];
  /** Regions that hold units, in the order they are taken as the register grows. */
  order: RegionSpec[];
}

/** Build the region order: the five areas' real cities and counties, interleaved, then composed (fictitious) counties. */
function regionTree(rng: Rng, wanted: number): Tree {
  const fixed: RegionSpec[] = [];
  const base = (x: Partial<RegionSpec> & Pick<RegionSpec, 'id' | 'name' | 'level' | 'area'>): RegionSpec => ({ policies: [], code: '', unitPrefix: '', short: '', tier: '', hasUnits: false, note: '', towns: [], ...x });
  fixed.push(base({ id: '', name: '全国', level: '国家', area: 'zigong' }));
  fixed.push(base({ id: 'sichuan', name: '四川省', level: '省级', area: 'zigong' }));
  fixed.push(base({ id: 'anhui', name: '安徽省', level: '省级', area: 'luan', supervisingOfficeName: '安徽省人民政府办公厅' }));
  fixed.push(base({ id: 'jiangsu', name: '江苏省', level: '省级', area: 'lianyungang' }));
  fixed.push(base({ id: 'chongqing', name: '重庆市', level: '省级', area: 'qijiang', supervisingOfficeName: '重庆市人民政府办公厅' }));

  const city = (area: Area, id: string, name: string, code: string, upperOfficeName?: string): RegionSpec =>
    base({
      id,
      name,
      level: '市级',
      area,
      policies: area !== 'liaoning' ? [POLICY[area]!] : [],
      code,
      unitPrefix: name.replace(/^(四川省|安徽省|江苏省|辽宁省)/, ''),
      short: name.replace(/^(四川省|安徽省|江苏省|辽宁省)/, '').replace(/市$/, ''),
      tier: '市',
      hasUnits: true,
      officeId: `${code}-szfbgs`,
      officeName: `${name.replace(/^(四川省|安徽省|江苏省|辽宁省)/, '')}人民政府办公室`,
      parent: id.slice(0, id.lastIndexOf('/')),
      ...(upperOfficeName ? { upperOfficeName } : {}),
      note: '',
    });
  const zigong = city('zigong', 'sichuan/zigong', '四川省自贡市', 'zg');
  const luan = city('luan', 'anhui/luan', '安徽省六安市', 'la');
  const lyg = city('lianyungang', 'jiangsu/lianyungang', '江苏省连云港市', 'lyg');
  const qijiang = base({
    id: 'chongqing/qijiang',
    name: '重庆市綦江区',
    level: '县级',
    area: 'qijiang',
    policies: [POLICY.qijiang!],
    code: 'qj',
    unitPrefix: '重庆市綦江区',
    short: '綦江',
    tier: '区',
    hasUnits: true,
    officeId: 'qj-bgs',
    officeName: '重庆市綦江区人民政府办公室',
    parent: 'chongqing',
    upperOfficeName: '重庆市人民政府办公厅',
    note: '',
    towns: townsFor(rng, TOWNS_PER_COUNTY * 2),
  });
  const liaoning = base({
    id: 'liaoning',
    name: '辽宁省',
    level: '省级',
    area: 'liaoning',
    policies: [POLICY.liaoning!],
    code: 'ln',
    unitPrefix: '辽宁省',
    short: '辽宁',
    tier: '省',
    hasUnits: true,
    officeId: 'ln-szfbgt',
    officeName: '辽宁省人民政府办公厅',
    parent: '',
    note: '',
  });
  const core = [zigong, luan, lyg, qijiang, liaoning];

  const county = (c: RegionSpec, place: Place, synthetic = false): RegionSpec => {
    const fullPrefix = c.area === 'zigong' || c.area === 'luan' ? place.name : `${c.unitPrefix}${place.name}`;
    return base({
      id: `${c.id}/${place.pinyin}`,
      name: `${c.name}${place.name}`,
      level: '县级',
      area: c.area,
      code: `${c.code}-${place.pinyin}`,
      unitPrefix: fullPrefix,
      short: shortOfCounty(place.name),
      tier: place.name.slice(-1),
      hasUnits: true,
      officeId: `${c.code}-${place.pinyin}-bgs`,
      officeName: `${fullPrefix}人民政府办公室`,
      parent: c.id,
      upperOfficeName: c.officeName!,
      note: c.name,
      synthetic,
      towns: townsFor(rng, TOWNS_PER_COUNTY),
    });
  };

  const lnCities = LIAONING_CITIES.map((c: CityDef) => city('liaoning', `liaoning/${c.pinyin}`, `辽宁省${c.name}`, c.code, '辽宁省人民政府办公厅'));
  const queues: RegionSpec[][] = [
    ZIGONG_COUNTIES.map((p) => county(zigong, p)),
    LUAN_COUNTIES.map((p) => county(luan, p)),
    LIANYUNGANG_COUNTIES.map((p) => county(lyg, p)),
    // 辽宁: every city first, then their counties, one city after another
    [...lnCities, ...interleave(LIAONING_CITIES.map((c, i) => c.counties.map((p) => county(lnCities[i]!, p))))],
  ];
  const order = [...core, ...interleave(queues)];
  // more (fictitious) counties when the size needs them, spread over every city
  const cities = [zigong, luan, lyg, ...lnCities];
  const used = new Map<string, Set<string>>(cities.map((c) => [c.id, new Set(order.filter((r) => r.parent === c.id).flatMap((r) => [r.id.slice(c.id.length + 1), r.name.slice(c.name.length)]))]));
  let k = 0;
  while (order.length < wanted) {
    const c = cities[k++ % cities.length]!;
    const u = used.get(c.id)!;
    for (let tries = 0; tries < 1000; tries++) {
      const a = rng.pick(SYLLABLES);
      const b = rng.pick(SYLLABLES2);
      const place = { name: `${a.name}${b.name}县`, pinyin: `${a.pinyin}${b.pinyin}` };
      if (u.has(place.pinyin) || u.has(place.name)) continue;
      u.add(place.pinyin);
      u.add(place.name);
      order.push(county(c, place, true));
      break;
    }
  }
  return { fixed, order };
}

function interleave<T>(lists: T[][]): T[] {
  const out: T[] = [];
  const max = Math.max(0, ...lists.map((l) => l.length));
  for (let i = 0; i < max; i++) for (const l of lists) if (i < l.length) out.push(l[i]!);
  return out;
}

// ---------------------------------------------------------------- units and accounts

type UnitKind = UnitFile['kind'];

interface UnitSpec {
  id: string;
  name: string;
  short: string;
  kind: UnitKind;
  level: UnitFile['level'];
  region: RegionSpec;
  /** Account name shared by all the unit's platforms. */
  accountName: string;
  /** Operating unit (a government's accounts are run by its office). */
  operator: string;
}

function deptUnit(r: RegionSpec, d: DeptDef): UnitSpec {
  const full = r.tier === '省' && d.prov ? d.prov : d.name;
  const name = `${r.unitPrefix}${full}`;
  const short = `${r.tier}${r.tier === '省' && d.prov ? d.prov : d.short}`;
  let accountName: string;
  if (r.area === 'luan') accountName = r.level === '市级' ? `六安市${d.short}发布` : `${r.unitPrefix}${d.short}`;
  else accountName = d.themeFirst ? `${d.theme}${r.short}` : `${r.short}${d.theme}`;
  return { id: `${r.code}-${d.code}`, name, short, kind: '政府部门', level: levelOf(r), region: r, accountName, operator: name };
}

function levelOf(r: RegionSpec): UnitFile['level'] {
  return r.level === '国家' ? '省级' : (r.level as UnitFile['level']);
}

/** Every unit a region can hold, in the order they are added: the government first, then departments, then townships. */
function unitSlots(r: RegionSpec): UnitSpec[] {
  const out: UnitSpec[] = [];
  const gov = r.tier === '省' ? `${r.unitPrefix}人民政府` : `${r.unitPrefix}人民政府`;
  const govAccount = r.area === 'luan' ? `${r.unitPrefix}人民政府发布` : `${r.short}发布`;
  out.push({ id: r.level === '县级' ? `${r.code}-zf` : `${r.code}-szf`, name: gov, short: `${r.unitPrefix}政府`, kind: '人民政府', level: levelOf(r), region: r, accountName: govAccount, operator: r.officeName! });
  const depts = DEPARTMENTS.map((d) => deptUnit(r, d));
  const towns = r.towns.map((t, i): UnitSpec => {
    const suf = TOWN_SUFFIX[i % 2]!;
    const name = `${r.unitPrefix}${t.name}${suf.unit}`;
    const accountName = r.area === 'luan' ? `${r.unitPrefix}${t.name}${suf.zh}发布` : `${r.short}${t.name}${suf.zh}`;
    return { id: `${r.code}-${t.pinyin}${suf.code}`, name, short: `${t.name}${suf.zh}`, kind: '乡镇街道', level: '乡级', region: r, accountName, operator: name };
  });
  // departments and townships alternate after the first few departments, so a small register has both
  out.push(...interleave([depts, towns]));
  if (r.level === '市级') {
    const name = `${r.unitPrefix}住房公积金管理中心`;
    out.push({ id: `${r.code}-gjj`, name, short: `${r.tier}公积金中心`, kind: '承担行政职能的事业单位', level: '市级', region: r, accountName: r.area === 'luan' ? name : `${r.short}住房公积金`, operator: name });
  }
  return out;
}

export interface GenOptions {
  /** Number of accounts (exact). */
  accounts: number;
  seed?: number;
  /** Opening filings are dated between these days (inclusive). */
  openFrom?: string;
  openUntil?: string;
}

export interface GeneratedAccount {
  rel: string;
  doc: AccountFile;
  unit: UnitSpec;
}

export interface GeneratedRegister {
  /** Repo-relative path → file text, for regions and units. */
  fixedFiles: Map<string, string>;
  accounts: GeneratedAccount[];
  units: number;
  regions: number;
  /** Persons created so far (phones are numbered from it). */
  persons: number;
}

const FICTION_NOTE = '基准测试合成数据：单位、账号、人员均为虚构（人名为“某某（虚构）”，电话为 1300000xxxx）。';

export function schemaRef(rel: string, name: 'account' | 'unit' | 'region'): string {
  const depth = rel.split('/').length - 1; // folders above the file, accounts/ included
  return '../'.repeat(depth) + `schemas/${name}.schema.json`;
}

export function toText(doc: unknown): string {
  return JSON.stringify(doc, null, 2) + '\n';
}

/** A person counter for fictitious names and phone numbers 1300000xxxx / 0000-000xxxx. */
export class People {
  n = 0;
  constructor(private readonly rng: Rng) {}
  person(position: string, avoid: ReadonlySet<string> = new Set()): Person {
    let name: string;
    do name = `${this.rng.pick(SURNAMES)}某某（虚构）`;
    while (avoid.has(name));
    return { name, position, ...this.phones() };
  }
  phones(): { officePhone: string; mobile: string } {
    const k = String(++this.n % 10000).padStart(4, '0');
    return { officePhone: `0000-000${k}`, mobile: `1300000${k}` };
  }
}

/** Build a register of exactly `opts.accounts` accounts (in memory). */
export function buildRegister(opts: GenOptions): GeneratedRegister {
  const rng = new Rng(opts.seed ?? 20261120);
  const openFrom = opts.openFrom ?? '2019-01-07';
  const openUntil = opts.openUntil ?? '2026-09-30';
  const wanted = Math.max(5, Math.ceil(opts.accounts / 280));
  const tree = regionTree(rng, Math.ceil(opts.accounts / 150) + 10);
  // take regions (about 280 accounts each) until they can hold the accounts with room to spare
  const capacity = tree.order.map((r) => unitSlots(r).length * 6);
  let take = Math.min(tree.order.length, wanted);
  let cap = capacity.slice(0, take).reduce((a, b) => a + b, 0);
  while (cap < opts.accounts * 1.15 && take < tree.order.length) cap += capacity[take++]!;
  if (cap < opts.accounts) throw new Error(`bench generator: ${opts.accounts} accounts need more regions than ${tree.order.length}`);
  const used = tree.order.slice(0, take);

  const people = new People(rng);
  const fixedFiles = new Map<string, string>();
  const accounts: GeneratedAccount[] = [];

  // regions (only those in use, plus their ancestors)
  const regionFile = (r: RegionSpec): void => {
    const rel = `accounts/${r.id ? r.id + '/' : ''}region.json`;
    const doc: RegionFile = { $schema: schemaRef(rel, 'region'), id: r.id, name: r.name, level: r.level, policies: r.policies };
    if (r.officeId) doc.supervisingOffice = r.officeId;
    if (r.supervisingOfficeName) doc.supervisingOfficeName = r.supervisingOfficeName;
    if (r.id === '') doc.reviewers = { maintainers: ['@govmedia-bench/maintainers'] };
    else if (r.officeId) doc.reviewers = { supervisor: [`@govmedia-bench/${r.code}-supervisor`] };
    doc.notes = `${FICTION_NOTE}${r.synthetic ? '县名由地名用字组合而成，并非真实地名。' : ''}${r.policies.length ? `绑定的办法：${r.policies.join('、')}。` : ''}`;
    fixedFiles.set(rel, toText(doc));
  };
  for (const r of tree.fixed) regionFile(r);
  for (const r of used) regionFile(r);

  // units: the office and the government of every region first, then one unit per region in turn
  const slots = used.map((r) => ({ r, list: unitSlots(r), next: 0 }));
  const unitIds = new Set<string>();
  const unitFile = (u: UnitSpec): string => {
    const dir = `accounts/${u.region.id}/${u.id}`;
    const rel = `${dir}/unit.json`;
    if (unitIds.has(u.id)) throw new Error(`bench generator: duplicate unit id ${u.id}`);
    unitIds.add(u.id);
    const doc: UnitFile = { $schema: schemaRef(rel, 'unit'), id: u.id, name: u.name, shortName: u.short, kind: u.kind, level: u.level, region: u.region.id };
    if (u.region.area === 'lianyungang' && u.kind !== '政府办公室' && !(u.level === '市级' && u.kind === '人民政府')) doc.scoringClass = u.region.level === '县级' ? '县区功能区' : '市级部门';
    doc.reviewers = [`@govmedia-bench/${u.id}`];
    doc.established = '2021-01-04';
    fixedFiles.set(rel, toText(doc));
    return dir;
  };
  let units = 0;
  for (const s of slots) {
    const r = s.r;
    unitFile({ id: r.officeId!, name: r.officeName!, short: `${r.tier === '省' ? '省政府办公厅' : `${r.tier}政府办公室`}`, kind: '政府办公室', level: levelOf(r), region: r, accountName: '', operator: '' });
    units++;
  }
  // different regions can hold places of one name (阜新市海州区 and 连云港市海州区): an account name already taken by
  // another unit gets its city's short name in front, as real accounts do (names are unique per platform: register/impersonation)
  const regionById = new Map([...tree.fixed, ...tree.order].map((r) => [r.id, r]));
  const nameOwner = new Map<string, string>();
  const uniqueAccountName = (u: UnitSpec): void => {
    if (!u.accountName) return;
    let name = u.accountName;
    for (let p = u.region.parent === undefined ? undefined : regionById.get(u.region.parent); nameOwner.has(name) && nameOwner.get(name) !== u.id && p; p = p.id === '' || p.parent === undefined ? undefined : regionById.get(p.parent)) {
      if (p.short && !name.startsWith(p.short)) name = p.short + name;
    }
    u.accountName = name;
    nameOwner.set(name, u.id);
  };
  let remaining = opts.accounts;
  while (remaining > 0) {
    let progressed = false;
    for (const s of slots) {
      if (remaining <= 0) break;
      const u = s.list[s.next];
      if (!u) continue;
      s.next++;
      progressed = true;
      const dir = unitFile(u);
      units++;
      uniqueAccountName(u);
      const n = Math.min(remaining, rng.int(5, u.region.area === 'luan' ? 7 : 8));
      remaining -= n;
      for (const a of unitAccounts(rng, people, u, n, openFrom, openUntil)) accounts.push({ rel: `${dir}/${a.id}.json`, doc: a, unit: u });
    }
    if (!progressed) throw new Error('bench generator: out of unit slots');
  }
  const paths = new Set<string>(fixedFiles.keys());
  for (const a of accounts) {
    if (paths.has(a.rel)) throw new Error(`bench generator: duplicate path ${a.rel}`);
    paths.add(a.rel);
  }
  return { fixedFiles, accounts, units, regions: tree.fixed.length + used.length, persons: people.n };
}

/** A random working day in [from, until] on which the next 6 working days fall before `until` + 14 days. */
function openingDay(rng: Rng, from: string, until: string): string {
  const span = diffDays(from, until);
  let d = addDays(from, rng.int(0, Math.max(0, span)));
  while (!isWorkday(d)) d = addDays(d, 1);
  return d;
}

function nextWorkday(d: string): string {
  return addWorkdays(d, 1).date;
}

function unitAccounts(rng: Rng, people: People, u: UnitSpec, n: number, openFrom: string, openUntil: string): AccountFile[] {
  const r = u.region;
  // one team per unit: head, deputy head, section head, operator — four different fictitious people
  const avoid = new Set<string>();
  const mk = (pos: string): Person => {
    const x = people.person(pos, avoid);
    avoid.add(x.name);
    return x;
  };
  const principal = mk(`${u.name} 主要负责人`);
  const inCharge = mk(`${u.name} 分管负责人`);
  const sectionHead = mk(`${u.name}办公室负责人`);
  const operator = mk(`${u.name}办公室 经办人员`);
  // 六安 names mini programs and apps without “发布” (第十三条), which would break the one-name-per-unit rule; its units skip them
  const offered = r.area === 'luan' ? PLATFORMS.filter((x) => x.platform !== '微信小程序') : PLATFORMS;
  const platforms = [offered[0]!, ...rng.shuffle(offered.slice(1))].slice(0, n);
  const supervisor = r.officeName!;
  const out: AccountFile[] = [];
  for (const pf of platforms) {
    const id = `${u.id}-${pf.code}`;
    const av = pf.platform === '抖音' || pf.platform === '快手' || pf.platform === '微信视频号' || pf.platform === '哔哩哔哩';
    const outsourced = av && rng.next() < 0.3;
    // the opening: filing, supervisor's review, upward filing where the measures ask for it, platform registration, certification, national-system entry
    const d0 = openingDay(rng, openFrom, openUntil);
    const events: Event[] = [];
    events.push({
      type: '开设备案',
      date: d0,
      reason: `发布${u.name}政务信息、解读政策、回应社会关切。信息来源为本单位各科室，由办公室专人负责审核发布，每周更新不少于2次。`,
      unitDecision: { decision: '同意', date: d0, by: '主要负责人' },
    });
    const d1 = nextWorkday(d0);
    const countyLike = r.level === '县级' && r.area !== 'qijiang';
    events.push({ type: '主管审核', date: d1, decision: '同意', reviewer: supervisor, level: r.area === 'luan' && countyLike ? '县区' : '同级' });
    let last = d1;
    const upward = (countyLike && (r.area === 'zigong' || r.area === 'luan' || r.area === 'lianyungang')) || (r.area === 'liaoning' && u.kind === '人民政府' && r.level !== '省级');
    if (upward) {
      last = nextWorkday(d1);
      const e: Event = { type: '上报备案', date: last, level: r.area === 'liaoning' && r.level === '市级' ? '省级' : '市级', reviewer: r.upperOfficeName!, note: `经${supervisor}审核同意，报${r.upperOfficeName}备案。` };
      events.push(e);
    }
    const d2 = nextWorkday(last);
    const d3 = nextWorkday(d2);
    const d4 = nextWorkday(d3);
    // the certification keeps the chat log with the platform (自府办函〔2021〕62号 第十一条: records kept for inspection)
    events.push({ type: '平台注册', date: d2 }, { type: '平台认证', date: d3, evidence: [{ kind: '聊天记录', ref: `档案 ${id}-认证` }] }, { type: '系统填报', date: d4, action: '开设' });
    const doc: AccountFile = {
      $schema: '',
      id,
      name: u.accountName,
      platform: pf.platform,
      ...(pf.platform === '微信公众号' ? { subType: u.kind === '人民政府' ? ('订阅号' as const) : rng.pick(['订阅号', '服务号'] as const) } : {}),
      hostUnit: u.id,
      certifiedEntity: { name: u.name, category: u.kind === '政府办公室' || u.kind === '内设机构' ? '政府部门' : (u.kind as NonNullable<AccountFile['certifiedEntity']>['category']), unit: u.id },
      operatingUnit: outsourced ? `${r.short}某某文化传媒有限公司（虚构）` : u.operator,
      operatingMode: outsourced ? '购买服务' : '自营',
      ...(outsourced
        ? {
            vendor: {
              name: `${r.short}某某文化传媒有限公司（虚构）`,
              qualifications: ['互联网新闻信息服务许可'],
              confidentialityAgreement: { signed: true, date: d0 },
              contractEnd: '2028-12-31',
            },
          }
        : {}),
      contentType: av ? '音视频' : '图文',
      functions: u.kind === '人民政府' ? ['信息发布', '解读回应', '互动交流'] : ['信息发布', '解读回应'],
      urls: pf.platform === '微信公众号' ? { article: `https://mp.weixin.qq.com/s/example-${id}` } : { homepage: `https://www.example.cn/${id}` },
      certification: { status: '已认证', publicInfo: `${u.name}官方${pf.kind}` },
      team: {
        principal: { ...principal },
        inCharge: { ...inCharge },
        sectionHead: { ...sectionHead },
        operators: [{ ...operator }],
        review: { editors: [operator.name], reviewers: [inCharge.name], finalApprovers: [principal.name] },
      },
      ...(pf.platform === '微信小程序' ? { miniProgram: { backendServerAbroad: false, backendServerLocation: `${r.short}政务云` } } : {}),
      events,
    };
    out.push(doc);
  }
  return out;
}

/** Account files with their $schema filled in. */
export function accountText(a: GeneratedAccount): string {
  a.doc.$schema = schemaRef(a.rel, 'account');
  return toText(a.doc);
}

// ---------------------------------------------------------------- history: small realistic changes

export interface Change {
  account: GeneratedAccount;
  /** Commit time, seconds since the epoch. */
  time: number;
  subject: string;
  author: string;
}

/**
 * Apply one realistic small change to an account, dated `date`: a password rotation, a phone
 * change of the operator (a non-key field, reported with 信息报备), or a staff handover (the new
 * operator, credentials rotated, reported). Returns the commit subject.
 *
 * 六安 asks for a rotation every 3 months (a gap between recorded rotations is a warning), which a
 * random history cannot keep; its accounts get phone changes only.
 */
export function mutate(rng: Rng, people: People, a: GeneratedAccount, date: string, pr: number, force?: 'rotate' | 'phone' | 'handover'): string {
  const doc = a.doc;
  const r = rng.next();
  const kind = force ?? (a.unit.region.area === 'luan' ? 'phone' : r < 0.4 ? 'rotate' : r < 0.75 ? 'phone' : 'handover');
  const team = doc.team!; // generated accounts are filed through the register: the team is known
  const op = team.operators[0]!;
  if (kind === 'rotate') {
    doc.events.push({ type: '密码更换', date, attestedBy: '分管负责人', note: '例行更换登录口令。' });
    return `${doc.name}（${doc.id}）：密码更换 (#${pr})`;
  }
  if (kind === 'phone') {
    Object.assign(op, people.phones());
    doc.events.push({ type: '信息报备', date, changes: [{ field: '联系电话', from: `经办人员 ${op.name} 原联系电话`, to: `经办人员 ${op.name} 新联系电话` }], note: '非关键信息变更，已在全国政务新媒体报送系统修改并报主管单位备案。' });
    return `${doc.name}（${doc.id}）：信息报备，经办人员联系电话变更 (#${pr})`;
  }
  const names = new Set([team.principal.name, team.inCharge.name, team.sectionHead?.name ?? '', op.name]);
  const next = people.person(op.position, names);
  team.operators[0] = next;
  if (team.review) team.review.editors = [next.name];
  doc.events.push(
    { type: '人员交接', date, handover: { fromRole: '经办人员', toRole: '经办人员', credentialsRotated: true }, note: '经办人员调岗，交接当日更换登录口令、收回后台权限。' },
    { type: '信息报备', date, changes: [{ field: '管理队伍', from: `经办人员 ${op.name}`, to: `经办人员 ${next.name}` }], note: '非关键信息变更，报主管单位备案。' },
  );
  return `${doc.name}（${doc.id}）：人员交接，经办人员由 ${op.name} 调整为 ${next.name} (#${pr})`;
}

// ---------------------------------------------------------------- history: change and closure filings

/** A change or closure filed in one commit: the whole procedure, every step dated on or before the commit's day. */
export type Filing = 'rename' | 'close';

/** The state of a unit's accounts the lifecycle keeps consistent (one renamed account at most, enough live accounts). */
export interface UnitLife {
  live: number;
  renamed: boolean;
}

/** Platforms whose names the name-consistency rules do not compare (mini programs and apps). */
const NAME_FREE = new Set(['移动客户端', '微信小程序']);

function workdayAfter(d: string, n: number): string {
  return addWorkdays(d, n).date;
}

/** The first working day after `d`. */
function firstWorkdayAfter(d: string): string {
  let x = addDays(d, 1);
  while (!isWorkday(x)) x = addDays(x, 1);
  return x;
}

/**
 * 变更、关停备案：整个办理流程在一个提交中记录（各步骤的日期都不晚于提交日），按各地办法的顺序和期限：
 * 自贡（审核5个工作日内、公告7日内、系统填报3个工作日内）、六安（先核准后公告，公告不少于30个工作日，
 * 期满后1个月内在平台完成；县区报市政府办公室）、江苏（公告不少于15个工作日，期满后报主管单位审核）、
 * 綦江、辽宁（公告后注销）。改名只改一个账号，写明理由并经主管单位同意（名称原则上一致，第四条（一））。
 *
 * Files a change (a justified rename of one account) or a closure in one commit, the whole
 * procedure dated from `start` on, in each area's order and within its deadlines. Returns the
 * events, the new name (rename) and the last step's date; the caller checks it is not after the
 * commit's day.
 */
export function filingEvents(a: GeneratedAccount, kind: Filing, start: string): { events: Event[]; name?: string; end: string; ok: boolean } {
  const u = a.unit;
  const r = u.region;
  const area = r.area;
  const doc = a.doc;
  const supervisor = r.officeName!;
  const countyLike = r.level === '县级' && area !== 'qijiang';
  const ev: Event[] = [];
  let ok = true;
  let d = start;
  const next = (n = 1): string => (d = workdayAfter(d, n));
  const review = (): void => {
    ev.push({ type: '主管审核', date: d, decision: '同意', reviewer: supervisor, level: area === 'luan' && countyLike ? '县区' : '同级' });
  };
  // the upward filing, as for the opening: 自贡、六安、连云港 counties to the city, 辽宁 city and county governments to the level above
  const upward = (countyLike && (area === 'zigong' || area === 'luan' || area === 'lianyungang')) || (area === 'liaoning' && u.kind === '人民政府' && r.level !== '省级');
  const upwardFiling = (): void => {
    if (!upward) return;
    next();
    ev.push({ type: '上报备案', date: d, level: area === 'liaoning' && r.level === '市级' ? '省级' : '市级', reviewer: r.upperOfficeName!, note: `经${supervisor}审核同意，报${r.upperOfficeName}备案。` });
  };
  const archive = `${u.short}档案 ${doc.id.toUpperCase()}-${start.slice(0, 4)}（虚构）`;
  const decision = { decision: '同意' as const, date: start, by: u.kind === '乡镇街道' ? '主要负责人' : '领导班子会议' };
  if (kind === 'rename') {
    // a mini program or app may have a name of its own; any other account keeps the unit's name unless the exception is justified
    const free = NAME_FREE.has(doc.platform);
    const to = free ? `${doc.name}服务` : `${doc.name}政务`;
    const changes = [{ field: '账号名称' as const, from: doc.name, to }];
    ev.push({
      type: '变更备案',
      date: d,
      reason: free ? `${doc.platform}以办事服务为主，名称改为“${to}”，便于群众识别；认证主体不变。` : `${doc.platform}平台上昵称“${doc.name}”与其他用户重名，平台要求修改，改为“${to}”；认证主体不变，其他平台的名称不变。`,
      ...(free ? {} : { justification: `${doc.platform}平台不允许重名，只有本平台的账号名称与其他平台不同（原则上保持一致的例外），已报主管单位审核。` }),
      unitDecision: decision,
      changes,
      ...(area === 'zigong' ? { stillSupervised: true } : {}),
    });
    if (area === 'lianyungang') {
      // 江苏：变更先公告（不少于15个工作日），期满后报主管单位审核
      next();
      const end = workdayAfter(d, 15);
      ev.push({ type: '变更公告', date: d, announcementDays: 15, announcementEnd: end, evidence: [{ kind: '公告截图', ref: `${archive}-1` }] });
      d = end;
      next();
      review();
      upwardFiling();
      next();
      ev.push({ type: '平台变更', date: d, changes });
      next(2);
      ev.push({ type: '系统填报', date: d, action: '变更' });
      return { events: ev, name: to, end: d, ok };
    }
    next(2);
    review();
    upwardFiling();
    if (area === 'luan') {
      // 六安：核准后公告，不少于30个工作日（第八条）；平台变更在核准后1个月内（第十一条）
      next();
      ev.push({ type: '变更公告', date: d, announcementDays: 30, announcementEnd: workdayAfter(d, 30), evidence: [{ kind: '公告链接', ref: `https://www.example.gov.cn/notice/${doc.id}-${start}` }] });
    }
    next(2);
    ev.push({ type: '平台变更', date: d, changes });
    next();
    ev.push({ type: '系统填报', date: d, action: '变更' });
    return { events: ev, name: to, end: d, ok };
  }
  // closure
  ev.push({ type: '关停备案', date: d, reason: `该${doc.platform}账号用户关注度和利用率低，按照集约节约原则关停，信息发布整合到本单位其他账号。`, unitDecision: decision });
  if (area === 'lianyungang') {
    // 江苏：先公告不少于15个工作日，期满后报主管单位审核同意，再在平台注销
    next();
    const end = workdayAfter(d, 15);
    ev.push({ type: '注销公告', date: d, announcementDays: 15, announcementEnd: end, evidence: [{ kind: '公告链接', ref: `https://www.example.gov.cn/notice/${doc.id}-${start}` }] });
    d = end;
    next();
    review();
    upwardFiling();
    next();
    ev.push({ type: '平台注销', date: d, evidence: [{ kind: '注销完成截图', ref: `${archive}-2` }] });
    next();
    ev.push({ type: '系统填报', date: d, action: '关停' });
    return { events: ev, end: d, ok };
  }
  next(2);
  review();
  upwardFiling();
  next();
  if (area === 'zigong') {
    // 自贡：关停备案后7日内公告；注销后3个工作日内系统填报；全程不超过30日
    ev.push({ type: '注销公告', date: d, evidence: [{ kind: '公告截图', ref: `${archive}-1` }] });
    // a long holiday can push the announcement past the 7 days: the caller starts on a later day
    if (d > addDays(start, 7)) ok = false;
    next(10);
  } else {
    const end = workdayAfter(d, 30);
    ev.push({ type: '注销公告', date: d, announcementDays: 30, ...(area === 'qijiang' ? {} : { announcementEnd: end }), evidence: [{ kind: '公告链接', ref: `https://www.example.gov.cn/notice/${doc.id}-${start}` }] });
    d = end;
    next(2);
  }
  ev.push({ type: '平台注销', date: d, evidence: [{ kind: '注销完成截图', ref: `${archive}-2` }] });
  next();
  ev.push({ type: '系统填报', date: d, action: '关停' });
  // 自贡 第十条: work unfinished after 30 days is reported; the generated closures finish well before
  if (area === 'zigong' && d > addDays(start, 28)) ok = false;
  return { events: ev, end: d, ok };
}

/**
 * Whether an account may take a filing now: closures leave the unit at least three live accounts
 * and never close a government's accounts or the unit's first platform (the required account);
 * one account per unit is renamed at most, out of at least four, so the unit's name stays the
 * majority; apps and mini programs are not closed (their closure is a store delisting).
 */
export function filingAllowed(a: GeneratedAccount, kind: Filing, life: UnitLife, closed: boolean): boolean {
  if (closed) return false;
  const pf = a.doc.platform;
  if (kind === 'rename') {
    const area = a.unit.region.area;
    // 六安：名称须为“单位全称或规范简称＋发布”且各平台一致（第十三条），没有例外：单个账号不能改名（只有单位更名时全部一起改，不在本生成器中）
    if (area === 'luan') return false;
    // 綦江：各平台名称“应保持一致”（第十二条，没有“原则上”），只有小程序、移动客户端可以另起名称
    if (area === 'qijiang') return pf === '微信小程序' && !a.doc.name.endsWith('服务');
    return !life.renamed && life.live >= 4 && !NAME_FREE.has(pf) && !a.doc.name.endsWith('政务');
  }
  return a.unit.kind !== '人民政府' && pf !== PLATFORMS[0]!.platform && !NAME_FREE.has(pf) && life.live - 1 >= (life.renamed ? 4 : 3);
}

/** Apply a filing dated to end on or before `date`, or return undefined when the account's last event leaves no room. */
export function fileLifecycle(a: GeneratedAccount, kind: Filing, date: string, pr: number): string | undefined {
  const doc = a.doc;
  const lastEvent = doc.events.reduce((m, e) => (e.date > m ? e.date : m), '');
  // a closure in 六安 takes about 50 working days: start at most 110 days before the commit
  const from = lastEvent > addDays(date, -110) ? lastEvent : addDays(date, -110);
  let start = firstWorkdayAfter(from);
  let f = filingEvents(a, kind, start);
  // a start whose steps a holiday pushes past a deadline: a later working day
  for (let k = 0; !f.ok && k < 20; k++) f = filingEvents(a, kind, (start = firstWorkdayAfter(start)));
  if (!f.ok || f.end > date) return undefined;
  doc.events.push(...f.events);
  if (kind === 'rename') {
    const old = doc.name;
    doc.name = f.name!;
    return `${old}（${doc.id}）：变更备案，账号名称由“${old}”变更为“${doc.name}”（${start} 至 ${f.end}）(#${pr})`;
  }
  return `${doc.name}（${doc.id}）：关停备案、注销公告、平台注销（${start} 至 ${f.end}）(#${pr})`;
}

// ---------------------------------------------------------------- git fast-import

/** Shanghai wall-clock time → seconds since the epoch. */
export function shanghaiEpoch(date: string, hour: number, minute: number): number {
  return Date.UTC(Number(date.slice(0, 4)), Number(date.slice(5, 7)) - 1, Number(date.slice(8, 10)), hour - 8, minute) / 1000;
}

/** Writes a fast-import stream into a running `git fast-import`, with back-pressure. */
export class FastImport {
  private readonly proc;
  private readonly done: Promise<void>;
  private mark = 0;
  private pending = 0;
  private buf: Buffer[] = [];
  private bufLen = 0;
  constructor(readonly repo: string) {
    this.proc = spawn('git', ['fast-import', '--quiet', '--done'], { cwd: repo, stdio: ['pipe', 'ignore', 'pipe'] });
    let err = '';
    this.proc.stderr.on('data', (c: Buffer) => (err += c.toString()));
    this.done = new Promise((resolve, reject) => {
      this.proc.on('error', reject);
      this.proc.on('close', (code) => (code === 0 ? resolve() : reject(new Error(`git fast-import failed (${code}): ${err.trim()}`))));
    });
    this.done.catch(() => undefined);
  }
  private push(b: Buffer | string): void {
    const x = typeof b === 'string' ? Buffer.from(b, 'utf8') : b;
    this.buf.push(x);
    this.bufLen += x.length;
  }
  private async flush(force = false): Promise<void> {
    if (!force && this.bufLen < 1 << 20) return;
    const chunk = Buffer.concat(this.buf);
    this.buf = [];
    this.bufLen = 0;
    if (!this.proc.stdin.write(chunk)) await new Promise<void>((res) => this.proc.stdin.once('drain', () => res()));
    this.pending++;
  }
  private data(s: string | Buffer): void {
    const b = typeof s === 'string' ? Buffer.from(s, 'utf8') : s;
    this.push(`data ${b.length}\n`);
    this.push(b);
    this.push('\n');
  }
  /** One commit on `ref` with the given files (path → text); `parent` false for the first commit of a branch created elsewhere. */
  async commit(c: { ref: string; time: number; author: string; email: string; message: string; files: Iterable<[string, string | Buffer] | [string, string | Buffer, string]>; from?: string; deleteAll?: boolean }): Promise<number> {
    const m = ++this.mark;
    this.push(`commit ${c.ref}\nmark :${m}\n`);
    this.push(`author ${c.author} <${c.email}> ${c.time} +0800\ncommitter ${c.author} <${c.email}> ${c.time} +0800\n`);
    this.data(c.message);
    if (c.from) this.push(`from ${c.from}\n`);
    if (c.deleteAll) this.push('deleteall\n');
    for (const [p, text, mode = '100644'] of c.files) {
      this.push(`M ${mode} inline ${p}\n`);
      this.data(text);
      await this.flush();
    }
    this.push('\n');
    await this.flush();
    return m;
  }
  async end(): Promise<void> {
    this.push('done\n');
    await this.flush(true);
    this.proc.stdin.end();
    await this.done;
  }
}

/** `git init` a repository (branch main) with a fixed identity. */
export async function initRepo(dir: string): Promise<void> {
  mkdirSync(dir, { recursive: true });
  await run('git', ['init', '-q', '-b', 'main', dir]);
  await run('git', ['-C', dir, 'config', 'user.name', 'govmedia-bench']);
  await run('git', ['-C', dir, 'config', 'user.email', 'bench@example.gov.cn']);
  await run('git', ['-C', dir, 'config', 'gc.auto', '0']);
}

export function run(cmd: string, args: string[], cwd?: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const p = spawn(cmd, args, { cwd, stdio: ['ignore', 'pipe', 'pipe'] });
    const out: Buffer[] = [];
    let err = '';
    p.stdout.on('data', (c: Buffer) => out.push(c));
    p.stderr.on('data', (c: Buffer) => (err += c.toString()));
    p.on('error', reject);
    p.on('close', (code) => (code === 0 ? resolve(Buffer.concat(out).toString('utf8')) : reject(new Error(`${cmd} ${args.join(' ')} failed (${code}): ${err.trim()}`))));
  });
}

function allFiles(reg: GeneratedRegister): Iterable<[string, string]> {
  return (function* () {
    for (const [p, t] of reg.fixedFiles) yield [p, t] as [string, string];
    for (const a of reg.accounts) yield [a.rel, accountText(a)] as [string, string];
  })();
}

export interface SnapshotRepo {
  dir: string;
  accounts: number;
  files: number;
  /** The account changed on branch `pr`. */
  changed: string;
  /** Branch name → number of account files it changes (`pr` changes one). */
  branches: Map<string, number>;
  /** Whether main also holds the engine (scripts/, policies/, schemas/, package.json, tsconfig.json of ENGINE_ROOT's HEAD). */
  engine: boolean;
  /**
   * Branch `pr-rename`: one account renamed through a whole 变更备案 (the supervisor's approval, the
   * platform change, the system filing), which makes check-pr look the new name up in the name
   * index; undefined when no account qualified.
   */
  renamed?: { ref: string; rel: string };
}

/** The engine paths that check-pr's default `--engine base` reads from the base commit. */
export const ENGINE_PATHS = ['scripts', 'policies', 'schemas', 'package.json', 'tsconfig.json'];

/** The engine files of a commit of `repo` (path, content, mode), byte for byte, so tree ids match. */
export async function engineFiles(repo: string, rev = 'HEAD'): Promise<[string, Buffer, string][]> {
  const listing = await run('git', ['ls-tree', '-r', '-z', rev, '--', ...ENGINE_PATHS], repo);
  const entries = listing
    .split('\0')
    .filter(Boolean)
    .map((rec) => {
      const [meta, p] = rec.split('\t') as [string, string];
      const [mode, type, sha] = meta.split(' ') as [string, string, string];
      return { mode, type, sha, p };
    })
    .filter((e) => e.type === 'blob');
  const blobs = await readBlobs(repo, [...new Set(entries.map((e) => e.sha))]);
  return entries.map((e) => [e.p, blobs.get(e.sha) ?? Buffer.alloc(0), e.mode]);
}

/**
 * A repository with the whole register in one commit on main (fast-import), checked out, a
 * branch `pr` that changes one account (an 信息报备 with a new phone number), and for each n in
 * `prSizes` above 1 a branch `pr-<n>` changing n accounts the same way. With `engine`, main also
 * holds the engine of `engineRepo`'s HEAD, so check-pr can run with its default `--engine base`.
 */
export async function snapshotRepo(dir: string, opts: GenOptions & { prDate?: string; prSizes?: number[]; engine?: boolean; engineRepo?: string }): Promise<SnapshotRepo> {
  const reg = buildRegister(opts);
  await initRepo(dir);
  const fi = new FastImport(dir);
  const time = shanghaiEpoch('2026-10-30', 10, 0);
  const files = reg.fixedFiles.size + reg.accounts.length;
  const engine = opts.engine && opts.engineRepo ? await engineFiles(opts.engineRepo) : [];
  const mainFiles = (function* () {
    yield* engine;
    yield* allFiles(reg);
  })();
  const m = await fi.commit({ ref: 'refs/heads/main', time, author: 'govmedia-bench', email: 'bench@example.gov.cn', message: `合成登记簿：${reg.accounts.length} 个账号（基准测试）\n`, files: mainFiles });
  const rng = new Rng(7);
  const people = new People(rng);
  people.n = reg.persons;
  const prDate = opts.prDate ?? '2026-11-02';
  const branches = new Map<string, number>();
  // every branch starts from main's register: each changes its own copies of the accounts
  const sizes = [1, ...(opts.prSizes ?? []).filter((n) => n > 1)];
  let changed = '';
  for (const n of sizes) {
    const ref = n === 1 ? 'pr' : `pr-${n}`;
    const step = Math.max(1, Math.floor(reg.accounts.length / n));
    const picked = Array.from({ length: Math.min(n, reg.accounts.length) }, (_, i) => reg.accounts[(Math.floor(reg.accounts.length / 2) + i * step) % reg.accounts.length]!);
    const out: [string, string][] = [];
    let subject = '';
    for (const target of picked) {
      const saved = JSON.stringify(target.doc);
      subject = mutate(rng, people, target, prDate, 1, 'phone');
      out.push([target.rel, accountText(target)]);
      target.doc = JSON.parse(saved) as AccountFile;
    }
    if (n === 1) changed = picked[0]!.rel;
    const author = picked[0]!.unit.id;
    await fi.commit({ ref: `refs/heads/${ref}`, time: shanghaiEpoch(prDate, 10, 0), author, email: `${author}@example.gov.cn`, message: (n === 1 ? subject : `${n} 个账号：信息报备，经办人员联系电话变更`) + '\n', from: `:${m}`, files: out });
    branches.set(ref, out.length);
  }
  // one account renamed (a 变更备案 filed in the commit): the first from the middle on that may be
  let renamed: SnapshotRepo['renamed'];
  const perUnit = new Map<string, number>();
  for (const a of reg.accounts) perUnit.set(a.unit.id, (perUnit.get(a.unit.id) ?? 0) + 1);
  for (let i = 0; i < reg.accounts.length && !renamed; i++) {
    const target = reg.accounts[(Math.floor(reg.accounts.length / 3) + i) % reg.accounts.length]!;
    if (!filingAllowed(target, 'rename', { live: perUnit.get(target.unit.id) ?? 0, renamed: false }, false)) continue;
    const saved = JSON.stringify(target.doc);
    const subject = fileLifecycle(target, 'rename', prDate, 2);
    if (subject) {
      const author = target.unit.id;
      await fi.commit({ ref: 'refs/heads/pr-rename', time: shanghaiEpoch(prDate, 11, 0), author, email: `${author}@example.gov.cn`, message: subject + '\n', from: `:${m}`, files: [[target.rel, accountText(target)]] });
      renamed = { ref: 'pr-rename', rel: target.rel };
    }
    target.doc = JSON.parse(saved) as AccountFile;
  }
  await fi.end();
  await run('git', ['checkout', '-q', '-f', 'main'], dir);
  return { dir, accounts: reg.accounts.length, files, changed, branches, engine: engine.length > 0, ...(renamed ? { renamed } : {}) };
}

export interface HistoryRepo {
  dir: string;
  accounts: number;
  files: number;
  /** Commits on main, the initial one included. */
  commits: number;
  firstCommitDate: string;
  lastCommitDate: string;
  /** The account changed most often, and how many commits touched it. */
  hottest: { id: string; rel: string; commits: number };
  /** Commits that filed a change (a rename) or a closure, by area (region id's first segment). */
  filings: { rename: number; close: number; byArea: Record<string, { rename: number; close: number }> };
}

/** Share of commits that try a closure, and as many that try a rename (when the account allows it). */
export const FILING_RATE = 0.02;

/**
 * A repository whose main holds the register in a first commit (dated 2021-01-04, openings
 * before it) followed by `commits` changes, one account each, dated in order up to 2026-10-30
 * (working hours, Asia/Shanghai). Some accounts change often, most rarely. Most are small
 * (mutate); a share `filingRate` (default FILING_RATE) of the commits is drawn for a closure and
 * as many for a rename, filed when the account qualifies (filingAllowed) and the procedure fits
 * between its last event and the commit's day (fileLifecycle). A closed account is not changed again.
 */
export async function historyRepo(dir: string, opts: GenOptions & { commits: number; filingRate?: number }): Promise<HistoryRepo> {
  const reg = buildRegister({ ...opts, openUntil: opts.openUntil ?? '2020-12-11' });
  await initRepo(dir);
  const fi = new FastImport(dir);
  const first = '2021-01-04';
  const last = '2026-10-30';
  let m = await fi.commit({ ref: 'refs/heads/main', time: shanghaiEpoch(first, 9, 0), author: 'govmedia-bench', email: 'bench@example.gov.cn', message: `合成登记簿：${reg.accounts.length} 个账号（基准测试）\n`, files: allFiles(reg) });
  const rng = new Rng((opts.seed ?? 20261120) ^ 0x5bd1e995);
  const people = new People(rng);
  people.n = reg.persons;
  // hot and cold accounts: a shuffled order, drawn with a skew towards its start
  const order = rng.shuffle(reg.accounts.map((_, i) => i));
  const span = diffDays(first, last);
  const counts = new Map<number, number>();
  const perDay = Math.max(1, Math.ceil(opts.commits / (span - 1)));
  const spacing = Math.max(1, Math.min(1200, Math.floor((14 * 3600) / perDay)));
  let lastDate = first;
  let inDay = 0;
  // change and closure filings: closed accounts take no further commits
  const lives = new Map<string, UnitLife>();
  for (const a of reg.accounts) {
    const l = lives.get(a.unit.id) ?? { live: 0, renamed: false };
    if (!NAME_FREE.has(a.doc.platform)) l.live++;
    lives.set(a.unit.id, l);
  }
  const closed = new Set<number>();
  const filings: HistoryRepo['filings'] = { rename: 0, close: 0, byArea: {} };
  for (let i = 0; i < opts.commits; i++) {
    const date = addDays(first, 1 + Math.floor(((i + 0.5) / opts.commits) * (span - 1)));
    inDay = date === lastDate ? inDay + 1 : 0;
    lastDate = date;
    let idx = order[Math.floor(reg.accounts.length * rng.next() ** 2)]!;
    for (let k = 0; closed.has(idx); k++) idx = k < 50 ? order[Math.floor(reg.accounts.length * rng.next() ** 2)]! : order[(order.indexOf(idx) + 1) % order.length]!;
    const a = reg.accounts[idx]!;
    counts.set(idx, (counts.get(idx) ?? 0) + 1);
    const roll = rng.next();
    const rate = opts.filingRate ?? FILING_RATE;
    const kind: Filing | undefined = roll < rate ? 'close' : roll < 2 * rate ? 'rename' : undefined;
    const life = lives.get(a.unit.id)!;
    let subject = kind && filingAllowed(a, kind, life, false) ? fileLifecycle(a, kind, date, 1000 + i) : undefined;
    if (subject && kind) {
      filings[kind]++;
      const area = a.unit.region.id.split('/')[0]!;
      const byArea = (filings.byArea[area] ??= { rename: 0, close: 0 });
      byArea[kind]++;
      if (kind === 'rename') life.renamed ||= !NAME_FREE.has(a.doc.platform);
      else {
        life.live--;
        closed.add(idx);
      }
    }
    subject ??= mutate(rng, people, a, date, 1000 + i);
    // from 09:00 on, later in the day with each commit of that day, so history stays in time order
    const time = shanghaiEpoch(date, 9, 0) + inDay * spacing + rng.int(0, Math.max(0, spacing - 1));
    m = await fi.commit({ ref: 'refs/heads/main', time, author: a.unit.id, email: `${a.unit.id}@example.gov.cn`, message: subject + '\n', from: `:${m}`, files: [[a.rel, accountText(a)]] });
  }
  await fi.end();
  await run('git', ['checkout', '-q', '-f', 'main'], dir);
  let hot = 0;
  let hotN = 0;
  for (const [k, v] of counts) if (v > hotN) [hot, hotN] = [k, v];
  const h = reg.accounts[hot]!;
  return { dir, accounts: reg.accounts.length, files: reg.fixedFiles.size + reg.accounts.length, commits: opts.commits + 1, firstCommitDate: first, lastCommitDate: lastDate, hottest: { id: h.doc.id, rel: h.rel, commits: hotN + 1 }, filings };
}
