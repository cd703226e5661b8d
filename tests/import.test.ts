/**
 * govmedia import：把样例报送系统导出（xlsx 与 csv，161 行）导入样例登记簿的副本。
 * 单位按名称、省市前缀和别名归并；编号由拼音生成、稳定且不冲突；不知道的事实记为未知；
 * 坏行是带位置的检查结果；再导入一次不改动任何文件；联系人和手机不进入登记簿。
 *
 * Import of the shipped sample sheet into a copy of the sample register (real files, real
 * validation with the engine's schemas).
 */
import { cpSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { cmdImport } from '../scripts/commands/import.ts';
import { validateSource } from '../scripts/pipeline/pipeline.ts';
import { FsSource } from '../scripts/core/source.ts';
import { initials, freeId } from '../scripts/import/ids.ts';
import { kindFromName, parseDate } from '../scripts/import/import.ts';
import { captureIo, ENGINE_ROOT, tmpDir } from './helpers.ts';
import { sampleRows } from './fixtures/import/make-sample.ts';

const NOW = '2026-12-01';
const FIX = path.join(ENGINE_ROOT, 'tests', 'fixtures', 'import');
const XLSX = path.join(FIX, 'national-export-sample.xlsx');
const CSV = path.join(FIX, 'national-export-sample.csv');
const MAP = path.join(FIX, 'national-mapping.json');

function tmp(): string {
  return tmpDir('govmedia-import-');
}
function registerCopy(): string {
  const d = tmp();
  cpSync(path.join(ENGINE_ROOT, 'accounts'), path.join(d, 'accounts'), { recursive: true });
  return d;
}

async function imp(args: string[]): Promise<{ code: number; out: string; err: string }> {
  return captureIo((io) => cmdImport(args, io));
}

/** Every file under a folder with its text, for before/after comparisons. */
function snapshot(root: string): Map<string, string> {
  const out = new Map<string, string>();
  const walk = (d: string): void => {
    for (const n of readdirSync(d)) {
      const p = path.join(d, n);
      if (statSync(p).isDirectory()) walk(p);
      else out.set(path.relative(root, p), readFileSync(p, 'utf8'));
    }
  };
  walk(path.join(root, 'accounts'));
  return out;
}

function jsonAt<T = Record<string, unknown>>(root: string, rel: string): T {
  return JSON.parse(readFileSync(path.join(root, rel), 'utf8')) as T;
}

describe('the sample sheet', () => {
  it('has at least 150 rows, fictitious contacts only, and the committed files match the generator', () => {
    const rows = sampleRows();
    expect(rows.length).toBeGreaterThanOrEqual(150);
    for (const r of rows) {
      expect(r[8]).toMatch(/^.某（虚构）$/);
      expect(r[9]).toMatch(/^1300000\d{4}$/);
    }
    const csv = readFileSync(CSV, 'utf8');
    expect(csv.split('\r\n').filter((l) => l !== '').length).toBe(rows.length + 1);
  });
});

describe('govmedia import', () => {
  let root: string;
  let first: { code: number; out: string; err: string };
  beforeAll(async () => {
    root = registerCopy();
    first = await imp([XLSX, '--region', 'anhui/luan', '--map', MAP, '--now', NOW, '--root', root]);
  });

  it('imports the xlsx: units and accounts written, bad rows located (sheet, row, column), exit 1', () => {
    expect(first.code).toBe(1);
    expect(first.out).toMatch(/共 161 行；单位 \d+ 个（新建 \d+ 个）；账号 \d+ 个（新建 \d+ 个，已在登记簿中 15 个/);
    // bad rows: a located finding each, never a stack trace
    expect(first.err).toContain('national-export-sample.xlsx[账号信息]:161:4  错误  第 161 行“主办单位”列：账号“六安某某服务”的主办单位为空，该行未导入');
    expect(first.err).toContain('national-export-sample.xlsx[账号信息]:162:8  错误  第 162 行“开通时间”列：开通时间“2019-02-30”不是有效日期');
    expect(first.err.match(/  错误  /g)?.length).toBe(2);
    expect(first.err).toContain('第 160 行与第 36 行是同一账号（抖音“六安文旅”，六安市文化和旅游局），但状态不同，只导入第 36 行');
    expect(first.err).not.toMatch(/\n\s+at /);
  });

  it('groups hosts by name, region prefix and alias; every host kind is there', () => {
    const csglj = jsonAt<{ name: string; aliases: string[]; kind: string; level?: string }>(root, 'accounts/anhui/luan/la-csglj/unit.json');
    expect(csglj).toMatchObject({ name: '六安市城市管理局', aliases: ['六安市城管局'], kind: '政府部门', level: '市级' });
    expect(readdirSync(path.join(root, 'accounts/anhui/luan/la-csglj')).sort()).toEqual(['la-csglj-douyin.json', 'la-csglj-kuaishou.json', 'la-csglj-weibo.json', 'la-csglj-weixin.json', 'unit.json']);
    // 六安市金寨县文化和旅游局 is the registered 金寨县文化和旅游局: it gains an alias, no new unit
    const wlj = jsonAt<{ aliases: string[] }>(root, 'accounts/anhui/luan/jinzhai/la-jz-wlj/unit.json');
    expect(wlj.aliases).toEqual(['六安市金寨县文化和旅游局']);
    // county hosts go to the county region the register has
    expect(jsonAt<{ region: string; kind: string; level: string }>(root, 'accounts/anhui/luan/jinzhai/jz-ttzzrmzf/unit.json')).toMatchObject({ region: 'anhui/luan/jinzhai', kind: '乡镇街道', level: '乡级' });
    const kinds = new Set<string>();
    for (const [rel, text] of snapshot(root)) if (rel.endsWith('unit.json')) kinds.add((JSON.parse(text) as { kind: string }).kind);
    for (const k of ['人民政府', '政府办公室', '政府部门', '乡镇街道', '党委及其工作机关', '人大机关', '政协机关', '法院', '检察院', '群团组织', '开发区管委会', '融媒体中心', '事业单位', '村（社区）']) expect(kinds, k).toContain(k);
  });

  it('records what the sheet lacks as unknown and the real opening date as 平台注册; contacts never enter', () => {
    const weibo = jsonAt<Record<string, unknown>>(root, 'accounts/anhui/luan/la-csglj/la-csglj-weibo.json');
    expect(weibo.operatingMode).toBe('未知');
    expect(weibo.contentType).toBe('未知');
    expect(weibo).not.toHaveProperty('team');
    expect(weibo).not.toHaveProperty('operatingUnit');
    expect(weibo.unknown).toEqual(expect.arrayContaining(['operatingUnit', 'operatingMode', 'contentType', 'team']));
    const events = weibo.events as { type: string; date: string; status?: string }[];
    expect(events.at(-1)).toMatchObject({ type: '补录备案', date: NOW, status: '正常' });
    // row 16 carries an opening date in the sheet (a real date cell)
    const row = sampleRows()[14]!;
    expect(row[1]).toBe('六安城管');
    if (row[7]) expect(events[0]).toMatchObject({ type: '平台注册', date: row[7] });
    else expect(weibo.unknown).toContain('platformRegistered');
    // every dated row gave a 平台注册 on exactly that date (read from the xlsx date cells)
    const dated = new Map(sampleRows().filter((r) => r[7] && r[3]).map((r) => [`${r[1]}|${r[7]}`, r[7]]));
    let withReg = 0;
    for (const [rel, t] of snapshot(root)) {
      if (!rel.endsWith('.json') || !t.includes('govmedia import')) continue;
      const d = JSON.parse(t) as { name?: string; events?: { type: string; date: string }[] };
      const reg = d.events?.find((e) => e.type === '平台注册');
      if (reg) {
        withReg++;
        expect(dated.has(`${d.name}|${reg.date}`), `${rel} ${reg.date}`).toBe(true);
      }
    }
    expect(withReg).toBeGreaterThan(90);
    // a WeChat account whose sub-type the sheet does not say
    const wx = jsonAt<Record<string, unknown>>(root, 'accounts/anhui/luan/la-gaj/la-gaj-weixin.json');
    expect(wx.subType).toBe('未知');
    expect(wx.unknown).toContain('subType');
    // an app: its app facts are unknown, not invented
    const app = jsonAt<Record<string, unknown>>(root, 'accounts/anhui/luan/jinzhai/jz-rmtzx/jz-rmtzx-app.json');
    expect(app).not.toHaveProperty('app');
    expect(app.unknown).toContain('app');
    // closed before adoption
    const closed = [...snapshot(root).entries()].filter(([rel, t]) => rel.endsWith('.json') && t.includes('"status": "已关停"'));
    expect(closed.length).toBeGreaterThanOrEqual(6);
    // no contact name or phone from the sheet anywhere in the register
    const original = snapshot(path.join(ENGINE_ROOT));
    const all = [...snapshot(root).entries()].filter(([rel, t]) => original.get(rel) !== t).map(([, t]) => t).join('\n');
    expect(all.length).toBeGreaterThan(10000);
    expect(all).not.toMatch(/1300000\d{4}/);
    expect(all).not.toContain('某（虚构）');
  });

  it('writes files the schemas accept', async () => {
    const res = await validateSource(new FsSource(root), { engineRoot: ENGINE_ROOT, now: NOW, exceptionsDir: 'none', baselineFile: 'none' });
    const structural = res.findings.filter((f) => f.ruleId.startsWith('register/'));
    expect(structural.map((f) => `${f.file}: ${f.message.zh}`)).toEqual([]);
    expect(res.summary.accounts).toBeGreaterThan(200);
  });

  it('re-running on the same sheet (xlsx or csv, another day) changes nothing', async () => {
    const before = snapshot(root);
    const again = await imp([XLSX, '--region', 'anhui/luan', '--map', MAP, '--now', '2026-12-05', '--root', root]);
    expect(again.out).toContain('新建 0 个');
    expect(again.out).toContain('登记簿无需改动');
    const csv = await imp([CSV, '--region', 'anhui/luan', '--map', MAP, '--now', '2026-12-05', '--root', root]);
    expect(csv.out).toContain('登记簿无需改动');
    expect(snapshot(root)).toEqual(before);
  });

  it('--dry-run lists what it would write and writes nothing', async () => {
    const r0 = registerCopy();
    const before = snapshot(r0);
    const dry = await imp([CSV, '--region', 'anhui/luan', '--map', MAP, '--now', NOW, '--root', r0, '--dry-run']);
    expect(dry.out).toContain('试运行（--dry-run）：将写入');
    expect(dry.out).toContain('新建 accounts/anhui/luan/la-csglj/unit.json（单位 la-csglj，第 14、15、16、17 行）');
    expect(snapshot(r0)).toEqual(before);
  });
});

describe('any sheet through a mapping file (GBK CSV)', () => {
  it('reads other headings, ignores unknown columns, and gives a unit kind from the mapping', async () => {
    const dir = registerCopy();
    const text = ['公众号名称,单位,平台,运行状态,备注', '六安林长制,六安市林长制办公室,订阅号,正常,虚构备注', '六安林长制,六安市林长制办公室,视频号,停用,'].join('\r\n') + '\r\n';
    const gbk = gbkEncode(text);
    writeFileSync(path.join(dir, 'ledger.csv'), gbk);
    writeFileSync(path.join(dir, 'map.json'), JSON.stringify({ columns: { name: '公众号名称', host: '单位', platform: '平台', status: '运行状态' }, units: { 六安市林长制办公室: { kind: '政府部门', shortName: '市林长办' } } }));
    const r = await imp([path.join(dir, 'ledger.csv'), '--region', 'anhui/luan', '--map', path.join(dir, 'map.json'), '--now', NOW, '--root', dir]);
    expect(r.code, r.err).toBe(0);
    const unit = jsonAt<{ id: string; shortName: string }>(dir, 'accounts/anhui/luan/la-slcb/unit.json');
    expect(unit).toMatchObject({ id: 'la-slcb', shortName: '市林长办' });
    expect(jsonAt<{ subType: string }>(dir, 'accounts/anhui/luan/la-slcb/la-slcb-weixin.json').subType).toBe('订阅号');
    expect(jsonAt<{ events: { status: string }[] }>(dir, 'accounts/anhui/luan/la-slcb/la-slcb-sph.json').events[0]!.status).toBe('已关停');
  });

  it('usage errors are Chinese, exit 2: no region, unknown region, bad mapping, missing columns', async () => {
    const dir = registerCopy();
    expect((await imp([CSV, '--root', dir])).err).toContain('缺少 --region');
    const unknown = await imp([CSV, '--region', 'anhui/nowhere', '--root', dir, '--now', NOW]);
    expect(unknown.code).toBe(1);
    expect(unknown.err).toContain('地区“anhui/nowhere”不在登记簿中');
    writeFileSync(path.join(dir, 'bad.json'), '{"columns": {"nom": "名称"}}');
    const bad = await imp([CSV, '--region', 'anhui/luan', '--map', path.join(dir, 'bad.json'), '--root', dir]);
    expect(bad.code).toBe(2);
    expect(bad.err).toContain('columns 中的“nom”不是可导入的字段');
    writeFileSync(path.join(dir, 'few.csv'), '名称,备注\n六安某某,x\n');
    const few = await imp([path.join(dir, 'few.csv'), '--region', 'anhui/luan', '--root', dir, '--now', NOW]);
    expect(few.code).toBe(1);
    expect(few.err).toContain('表头缺少必需的列：平台类型、主办单位');
  });
});

describe('ids and kinds', () => {
  it('ids are pinyin initials, stable and collision-free', () => {
    expect(initials('城市管理局')).toBe('csglj');
    expect(initials('六安')).toBe('la');
    const taken = new Set(['la-gaj-weixin']);
    expect(freeId('la-gaj-weixin', 'payq', taken)).toBe('la-gaj-weixin-payq');
    taken.add('la-gaj-weixin-payq');
    expect(freeId('la-gaj-weixin', 'payq', taken)).toBe('la-gaj-weixin-payq-2');
  });
  it('kinds come from names only when the name says so', () => {
    expect(kindFromName('共青团六安市委员会')).toBe('群团组织');
    expect(kindFromName('六安市发展和改革委员会')).toBe('政府部门');
    expect(kindFromName('中共六安市委宣传部')).toBe('党委及其工作机关');
    expect(kindFromName('六安经济技术开发区管理委员会')).toBe('开发区管委会');
    expect(kindFromName('六安市消防救援支队')).toBeUndefined();
    expect(parseDate('2019年3月5日')).toBe('2019-03-05');
    expect(parseDate('2019-02-30')).toBeUndefined();
  });
});

/** GBK bytes for a string, from Node's own GBK decoder (no iconv). */
function gbkEncode(s: string): Buffer {
  const dec = new TextDecoder('gbk');
  const map = new Map<string, [number, number]>();
  for (let lead = 0x81; lead <= 0xfe; lead++) {
    for (let trail = 0x40; trail <= 0xfe; trail++) {
      if (trail === 0x7f) continue;
      const ch = dec.decode(Uint8Array.of(lead, trail));
      if (ch.length === 1 && ch !== '\ufffd' && !map.has(ch)) map.set(ch, [lead, trail]);
    }
  }
  return Buffer.from(
    [...s].flatMap((c) => {
      const code = c.codePointAt(0)!;
      if (code < 0x80) return [code];
      const b = map.get(c);
      if (!b) throw new Error(`no GBK code for ${c}`);
      return b;
    }),
  );
}
