/**
 * 接入第一天（issue 14 的后续）：别名对账、存量账号按现状补录、办法按 appliesTo 只对其适用的单位产生期限和监测项、
 * 国办发〔2018〕123号“原则上”名称一致的理由路径。全部在临时文件夹中的真实登记簿上运行。
 *
 * Day one of a city, continued (issue 14): reconcile by unit aliases, backfilling a legacy name as it
 * is, deadlines and monitor items only from modules whose manifest `appliesTo` covers the unit, and
 * the justification path of the national 原则上 naming clause. Real registers in temporary folders.
 */
import { cpSync, existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { cmdMonitor } from '../scripts/commands/monitor.ts';
import { cmdBackfill } from '../scripts/commands/scaffold.ts';
import { ENGINE_ROOT } from '../scripts/core/paths.ts';
import { FsSource } from '../scripts/core/source.ts';
import { validateSource } from '../scripts/pipeline/pipeline.ts';
import { cmdReconcile } from '../scripts/commands/reconcile.ts';
import type { Event } from '../scripts/generated/types.ts';
import type { Prompts } from '../scripts/scaffold/prompts.ts';
import type { MonitorItem, MonitorReport } from '../scripts/monitor/types.ts';
import type { ReconcileItem, ReconcileReport } from '../scripts/monitor/reconcile.ts';
import { FixtureKit, openEvents } from '../scripts/dev/fixture.ts';
import { writeKit } from './support/tester.ts';
import { captureIo, tmpDir } from './helpers.ts';

function tmp(): string {
  return tmpDir('govmedia-dayone-');
}

type Cmd = (args: string[], io: { out(s: string): void; err(s: string): void }) => Promise<number>;
async function run(cmd: Cmd, args: string[]): Promise<{ code: number; out: string; err: string }> {
  return captureIo((io) => cmd(args, io));
}

// ---------------------------------------------------------------- reconcile by aliases

function luanKit(): FixtureKit {
  const k = new FixtureKit();
  k.region('', { name: '全国', level: '国家' });
  k.region('anhui', { name: '安徽省', level: '省级' });
  k.region('anhui/luan', { name: '安徽省六安市', level: '市级', supervisingOffice: 'la-bgs', policies: ['anhui/luan'] });
  k.unit('anhui/luan', { id: 'la-bgs', name: '六安市人民政府办公室', kind: '政府办公室', level: '市级' });
  k.unit('anhui/luan', { id: 'la-cgj', name: '六安市城市管理局', kind: '政府部门', level: '市级', aliases: ['六安市城管局'] });
  return k;
}

describe('reconcile matches a unit by its aliases (unit.json aliases)', () => {
  it('a row naming the host 六安市城管局 matches 六安市城市管理局: no host difference, and an account under another name is one name difference, not missing on both sides', async () => {
    const k = luanKit();
    k.account('la-cgj', { id: 'la-cgj-weixin', name: '六安城管', platform: '微信公众号' });
    k.account('la-cgj', { id: 'la-cgj-douyin', name: '六安城管', platform: '抖音', contentType: '音视频' });
    const root = writeKit(k, tmp());
    const sheet = path.join(root, 'national.csv');
    writeFileSync(
      sheet,
      ['账号名称,平台类型,主办单位,状态', '六安城管,微信公众号,六安市城管局,正常', '六安城管局发布,抖音,六安市城管局,正常'].join('\n') + '\n',
    );
    const r = await run(cmdReconcile, ['--root', root, '--now', '2026-11-23', '--format', 'json', '--national', sheet]);
    expect(r.err).toBe('');
    const rep = JSON.parse(r.out) as ReconcileReport;
    const items: ReconcileItem[] = rep.groups.flatMap((g) => g.items);
    const line = (i: ReconcileItem): string => `${i.kind} ${i.severity} ${i.account?.id ?? '-'} ${i.national?.line ?? '-'}`;
    // the 抖音 account: matched through the alias (the unit's only 抖音 account), its name differs once
    expect(items.map(line)).toEqual(['name warning la-cgj-douyin 3']);
    expect(items.find((i) => i.kind === 'name')!.what.zh).toBe('名称不一致：登记簿“六安城管”，报送系统“六安城管局发布”');
    expect(rep.summary).toMatchObject({ matched: 2, missingHere: 0, missingThere: 0, differences: 1 });
  });

  it('without the alias the same sheet flags 六安市城管局 as another host (the difference the alias resolves)', async () => {
    const k = luanKit();
    delete k.getUnit('la-cgj').aliases;
    k.account('la-cgj', { id: 'la-cgj-weixin', name: '六安城管', platform: '微信公众号' });
    const root = writeKit(k, tmp());
    const sheet = path.join(root, 'national.csv');
    writeFileSync(sheet, '账号名称,平台类型,主办单位,状态\n六安城管,微信公众号,六安市城管局,正常\n');
    const rep = JSON.parse((await run(cmdReconcile, ['--root', root, '--now', '2026-11-23', '--format', 'json', '--national', sheet])).out) as ReconcileReport;
    const items = rep.groups.flatMap((g) => g.items);
    expect(items.map((i) => i.kind)).toEqual(['host']);
    expect(items[0]!.todo.zh).toContain('aliases');
  });

  it('a former name recorded in formerNames (旧称, e.g. the national system still showing the name before a reorganisation) matches too', async () => {
    const k = luanKit();
    delete k.getUnit('la-cgj').aliases;
    k.getUnit('la-cgj').formerNames = ['六安市城市管理行政执法局'];
    k.account('la-cgj', { id: 'la-cgj-weixin', name: '六安城管', platform: '微信公众号' });
    const root = writeKit(k, tmp());
    const sheet = path.join(root, 'national.csv');
    writeFileSync(sheet, '账号名称,平台类型,主办单位,状态\n六安城管,微信公众号,六安市城市管理行政执法局,正常\n');
    const rep = JSON.parse((await run(cmdReconcile, ['--root', root, '--now', '2026-11-23', '--format', 'json', '--national', sheet])).out) as ReconcileReport;
    expect(rep.groups.flatMap((g) => g.items).map((i) => i.kind)).toEqual([]);
    expect(rep.summary).toMatchObject({ matched: 1, missingHere: 0, missingThere: 0, differences: 0 });
  });
});

// ---------------------------------------------------------------- modules apply by unit kind

function opening(filed: string, upTo: number): Event[] {
  return openEvents(filed).slice(0, upTo);
}

describe('monitor and deadlines take only the modules that apply to the unit (manifest appliesTo)', () => {
  it('自贡 第七条: a government department\'s pending opening has deadlines; the same opening by a court (法院, outside the government system) has none', async () => {
    const k = new FixtureKit();
    k.region('', { name: '全国', level: '国家' });
    k.region('sichuan', { name: '四川省', level: '省级' });
    k.region('sichuan/zigong', { name: '四川省自贡市', level: '市级', supervisingOffice: 'zg-bgs', policies: ['sichuan/zigong'] });
    k.unit('sichuan/zigong', { id: 'zg-bgs', name: '自贡市人民政府办公室', kind: '政府办公室', level: '市级' });
    k.unit('sichuan/zigong', { id: 'zg-wjw', name: '自贡市卫生健康委员会', shortName: '市卫健委', kind: '政府部门', level: '市级' });
    k.unit('sichuan/zigong', { id: 'zg-zy', name: '自贡市中级人民法院', kind: '法院', level: '市级' });
    k.account('zg-wjw', { id: 'zg-wjw-weixin', name: '健康自贡', platform: '微信公众号', events: opening('2026-11-16', 1) });
    k.account('zg-zy', { id: 'zg-zy-weixin', name: '自贡中院', platform: '微信公众号', certifiedEntity: { name: '自贡市中级人民法院', category: '其他', unit: 'zg-zy' }, events: opening('2026-11-16', 1) });
    const root = writeKit(k, tmp());
    const res = await run(cmdMonitor, ['--root', root, '--now', '2026-11-20', '--format', 'json']);
    expect(res.err).toBe('');
    const rep = JSON.parse(res.out) as MonitorReport;
    const items: MonitorItem[] = rep.groups.flatMap((g) => g.items);
    const deadlines = (id: string): string[] => items.filter((i) => i.account?.id === id && i.kind === 'deadline').map((i) => i.citations.map((c) => `${c.doc} ${c.article}`).join('；'));
    expect(deadlines('zg-wjw-weixin').join('\n')).toContain('自府办函〔2021〕62号 第七条');
    expect(deadlines('zg-zy-weixin')).toEqual([]);
    expect(items.filter((i) => i.account?.id === 'zg-zy-weixin' && (i.sources ?? []).includes('zigong-2021-62'))).toEqual([]);
  });
});

// ---------------------------------------------------------------- backfill of a legacy name

describe('govmedia backfill records a long-standing account under its legacy name', () => {
  const RSJ = '六安市人力资源和社会保障局';
  const args = (root: string, name: string): string[] => [
    '--root', root, '--now', '2026-11-23', '--unit', 'la-rsj', '--platform', '抖音', '--name', name, '--content-type', '音视频', '--functions', '信息发布',
    '--principal', `酉某某（虚构）,${RSJ} 局长,0000-0000131,13000000131`,
    '--in-charge', `戌某某（虚构）,${RSJ} 副局长,0000-0000132,13000000132`,
    '--section-head', `亥某某（虚构）,${RSJ} 办公室主任,0000-0000133,13000000133`,
    '--operator', `子某某（虚构）,${RSJ} 办公室科员,0000-0000134,13000000134`,
    '--editor', '子某某（虚构）', '--reviewer', '亥某某（虚构）', '--final-approver', '戌某某（虚构）',
    '--opened', '2019-05-06', '--certification', '已认证', '--public-info', RSJ,
    '--reason', '该账号于2019年开通，一直未备案；经清理核查确需保留，现补录。发布人社政策和办事指引，信息来源为局各科室，由办公室专人每周更新。',
    '--yes',
  ];

  it('六安人社 breaks 六安 第十三条 (no full name or short name): the file is written, exit 0, the finding stays and the message names the rename and the baseline', async () => {
    const root = tmp();
    cpSync(path.join(ENGINE_ROOT, 'accounts'), path.join(root, 'accounts'), { recursive: true });
    // the host unit named by a recorded alias (unit.json aliases) is found as well
    const unitFile = path.join(root, 'accounts/anhui/luan/la-rsj/unit.json');
    writeFileSync(unitFile, JSON.stringify({ ...JSON.parse(readFileSync(unitFile, 'utf8')), aliases: ['六安市人社局'] }, null, 2) + '\n');
    const r = await run(cmdBackfill, args(root, '六安人社').map((x) => (x === 'la-rsj' ? '六安市人社局' : x)));
    expect(r.code, r.err).toBe(0);
    const rel = 'accounts/anhui/luan/la-rsj/la-rsj-douyin.json';
    expect(existsSync(path.join(root, rel))).toBe(true);
    expect(JSON.parse(readFileSync(path.join(root, rel), 'utf8'))).toMatchObject({ name: '六安人社', events: [{ type: '平台注册', date: '2019-05-06' }, { type: '补录备案' }] });
    expect(r.err).toContain('存量账号“六安人社”的现有名称不符合以下命名条款');
    expect(r.err).toContain('luan-2021-148/name-includes-unit');
    expect(r.err).toContain('六政办秘〔2021〕148号 第十三条');
    expect(r.err).toContain('govmedia change la-rsj-douyin');
    expect(r.err).toContain('govmedia baseline --due');
    expect(r.err).toContain('baseline-approved');
    expect(r.err).not.toContain('不能写入');
    // the finding stays: validate still reports it on the account's name
    const v = await validateSource(new FsSource(root), { now: '2026-11-23', baselineFile: 'none' });
    const onFile = v.findings.filter((f) => f.file === rel && f.severity === 'error').map((f) => `${f.ruleId} ${f.line}`);
    // 第十三条's naming pattern holds 原则上: an error too until a justification is approved; the back-fill says so
    expect(onFile).toEqual(['luan-2021-148/name-includes-unit 4', 'luan-2021-148/naming-convention 4']);
    expect(r.err).toContain('确需保留现名时也可在补录备案中写明例外理由');
  });

  it('interactive: the legacy name does not stop the questions; the final question defaults to no, and yes writes the file', async () => {
    const root = tmp();
    cpSync(path.join(ENGINE_ROOT, 'accounts'), path.join(root, 'accounts'), { recursive: true });
    const confirms: { message: string; default: unknown }[] = [];
    const answer = (c: unknown): Record<string, unknown> => c as Record<string, unknown>;
    const prompts: Prompts = {
      input: async (c) => {
        const m = String(answer(c).message);
        return (answer(c).default as string | undefined) ?? (/由谁同意/.test(m) ? '主要负责人' : '');
      },
      confirm: async (c) => {
        confirms.push({ message: String(answer(c).message), default: answer(c).default });
        return !/草稿/.test(String(answer(c).message));
      },
      select: (async (c: unknown) => answer(c).default ?? (answer(c).choices as { value: unknown }[])[0]!.value) as Prompts['select'],
      checkbox: (async (c: unknown) => (answer(c).choices as { value: unknown; checked?: boolean }[]).filter((x) => x.checked).map((x) => x.value)) as Prompts['checkbox'],
      number: async () => undefined,
    };
    const flags = args(root, '六安人社').filter((x) => x !== '--yes');
    let err = '';
    const code = await cmdBackfill(flags, { out: () => undefined, err: (x) => void (err += x + '\n') }, { prompts });
    expect(code, err).toBe(0);
    expect(err).toContain('存量账号“六安人社”的现有名称不符合以下命名条款');
    expect(err).not.toContain('不能开设');
    expect(confirms.at(-1)).toEqual({ message: '仍要写入 accounts/anhui/luan/la-rsj/la-rsj-douyin.json 吗？', default: false });
    expect(existsSync(path.join(root, 'accounts/anhui/luan/la-rsj/la-rsj-douyin.json'))).toBe(true);
  });

  it('a back-fill is still refused for what is not its name: a second 抖音 account of the unit under a legacy name (one-account-per-platform), nothing written', async () => {
    const root = tmp();
    cpSync(path.join(ENGINE_ROOT, 'accounts'), path.join(root, 'accounts'), { recursive: true });
    expect((await run(cmdBackfill, args(root, '六安人社'))).code).toBe(0);
    const second = args(root, '六安人社服务').map((x) => (x === '2019-05-06' ? '2020-05-06' : x));
    second.splice(second.indexOf('--yes'), 0, '--id', 'la-rsj-douyin-2');
    const r = await run(cmdBackfill, second);
    expect(r.code).toBe(1);
    expect(r.err).toContain('不能写入');
    expect(r.err).toContain('one-account-per-platform');
    expect(existsSync(path.join(root, 'accounts/anhui/luan/la-rsj/la-rsj-douyin-2.json'))).toBe(false);
  });
});

// ---------------------------------------------------------------- one CSV module

describe('one CSV module reads what it writes (scripts/core/csv.ts)', () => {
  it('toCsv → file → readTextFile → parseCsv: BOM, quotes, a newline inside a cell, the formula guard; lines counted from the record start', async () => {
    const { parseCsv, readTextFile, toCsv } = await import('../scripts/core/csv.ts');
    const file = path.join(tmp(), 'round.csv');
    writeFileSync(file, toCsv(['账号名称', '说明'], [['健康"自贡"', '第一行\n第二行'], ['=1+1', ' 前后空格 ']]));
    const { text, encoding } = readTextFile(file);
    expect(encoding).toBe('utf-8-bom');
    const rows = parseCsv(text, 'round.csv', { trim: false });
    expect(rows).toEqual([
      { line: 1, cells: ['账号名称', '说明'] },
      { line: 2, cells: ['健康"自贡"', '第一行\n第二行'] },
      { line: 4, cells: ["'=1+1", ' 前后空格 '] },
    ]);
    // hand-made sheets: unquoted cells are trimmed by default
    expect(parseCsv('名称 , 平台\n 健康自贡 ,微信\n')[1]!.cells).toEqual(['健康自贡', '微信']);
    expect(() => parseCsv('名称\n"未闭合\n', 'bad.csv')).toThrow('bad.csv 第 2 行：引号没有闭合');
  });
});

describe('score takes only the units its module applies to (manifest appliesTo)', () => {
  it('连云港: a 群团组织 (团市委) is neither scored, ranked nor listed as not scored; the department is scored', async () => {
    const { cmdScore } = await import('../scripts/commands/score.ts');
    const k = new FixtureKit();
    k.region('', { name: '全国', level: '国家' });
    k.region('jiangsu', { name: '江苏省', level: '省级' });
    k.region('jiangsu/lianyungang', { name: '江苏省连云港市', level: '市级', supervisingOffice: 'lyg-bgs', policies: ['jiangsu/city'] });
    k.unit('jiangsu/lianyungang', { id: 'lyg-bgs', name: '连云港市人民政府办公室', kind: '政府办公室', level: '市级' });
    k.unit('jiangsu/lianyungang', { id: 'lyg-wjw', name: '连云港市卫生健康委员会', kind: '政府部门', level: '市级', scoringClass: '市级部门' });
    k.unit('jiangsu/lianyungang', { id: 'lyg-tsw', name: '共青团连云港市委员会', kind: '群团组织', level: '市级' });
    k.account('lyg-wjw', { id: 'lyg-wjw-weixin', name: '健康连云港', platform: '微信公众号' });
    k.account('lyg-tsw', { id: 'lyg-tsw-weixin', name: '青春连云港', platform: '微信公众号', certifiedEntity: { name: '共青团连云港市委员会', category: '其他', unit: 'lyg-tsw' } });
    const root = writeKit(k, tmp());
    const r = await run(cmdScore, ['--root', root, '--now', '2026-11-20', '--format', 'json']);
    expect(r.err).not.toContain('用法错误');
    const { reports } = JSON.parse(r.out) as { reports: { classes: { units: { id: string }[] }[]; unclassified: { id: string }[]; notScored: { id: string }[] }[] };
    expect(reports).toHaveLength(1);
    const ids = reports.flatMap((x) => [...x.classes.flatMap((c) => c.units.map((u) => u.id)), ...x.unclassified.map((u) => u.id), ...x.notScored.map((u) => u.id)]);
    expect(ids).toContain('lyg-wjw');
    expect(ids).not.toContain('lyg-tsw');
  });
});
