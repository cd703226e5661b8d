/**
 * 合规监测：真实的临时登记簿、真实的办法模块和工作日日历，固定日期（跨国庆、春节和调休上班日），
 * 运行数据写成真实的 CSV/JSON 文件；HTML 报告在真实的 Chromium 中打开。
 *
 * The monitor on real registers in temporary folders, judged by the real policy modules and the
 * official calendar on fixed dates (National Day, Spring Festival, make-up working days); activity
 * snapshots are real CSV/JSON files; the HTML report is opened in real Chromium.
 */
import { spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { cmdMonitor } from '../scripts/commands/monitor.ts';
import { ENGINE_ROOT } from '../scripts/core/paths.ts';
import type { Event } from '../scripts/generated/types.ts';
import type { MonitorItem, MonitorReport } from '../scripts/monitor/types.ts';
import { FixtureKit, openEvents } from '../scripts/dev/fixture.ts';
import { writeKit } from './support/tester.ts';
import { browserContext, chromiumPath } from './support/chromium.ts';
import { captureIo, tmpDir } from './helpers.ts';


function tmp(): string {
  return tmpDir('govmedia-monitor-');
}

interface Run {
  code: number;
  out: string;
  err: string;
}

async function run(args: string[]): Promise<Run> {
  return captureIo((io) => cmdMonitor(args, io));
}

async function report(root: string, now: string, extra: string[] = []): Promise<{ code: number; r: MonitorReport; items: MonitorItem[] }> {
  const res = await run(['--root', root, '--now', now, '--format', 'json', ...extra]);
  expect(res.err, res.err).not.toContain('用法错误');
  const r = JSON.parse(res.out) as MonitorReport;
  return { code: res.code, r, items: r.groups.flatMap((g) => g.items) };
}

const of = (items: MonitorItem[], account: string, kind?: MonitorItem['kind']): MonitorItem[] => items.filter((i) => i.account?.id === account && (!kind || i.kind === kind));

// ---------------------------------------------------------------- small registers

/** 自贡: city office and the health commission; the kit's bindings make the real 自贡 module apply. */
function zigongKit(): FixtureKit {
  const k = new FixtureKit();
  k.region('', { name: '全国', level: '国家' });
  k.region('sichuan', { name: '四川省', level: '省级' });
  k.region('sichuan/zigong', { name: '四川省自贡市', level: '市级', supervisingOffice: 'zg-bgs', policies: ['sichuan/zigong'] });
  k.unit('sichuan/zigong', { id: 'zg-bgs', name: '自贡市人民政府办公室', kind: '政府办公室', level: '市级' });
  k.unit('sichuan/zigong', { id: 'zg-wjw', name: '自贡市卫生健康委员会', shortName: '市卫健委', kind: '政府部门', level: '市级' });
  return k;
}

/** 六安: city office, the health commission; the county 金寨 with its own office. */
function luanKit(): FixtureKit {
  const k = new FixtureKit();
  k.region('', { name: '全国', level: '国家' });
  k.region('anhui', { name: '安徽省', level: '省级' });
  k.region('anhui/luan', { name: '安徽省六安市', level: '市级', supervisingOffice: 'la-bgs', policies: ['anhui/luan'] });
  k.unit('anhui/luan', { id: 'la-bgs', name: '六安市人民政府办公室', kind: '政府办公室', level: '市级' });
  k.unit('anhui/luan', { id: 'la-wjw', name: '六安市卫生健康委员会', shortName: '市卫健委', kind: '政府部门', level: '市级' });
  k.region('anhui/luan/jinzhai', { name: '安徽省六安市金寨县', level: '县级', supervisingOffice: 'jz-bgs' });
  k.unit('anhui/luan/jinzhai', { id: 'jz-bgs', name: '金寨县人民政府办公室', kind: '政府办公室', level: '县级' });
  k.unit('anhui/luan/jinzhai', { id: 'jz-wlj', name: '金寨县文化和旅游局', kind: '政府部门', level: '县级' });
  return k;
}

function opening(dates: { filed: string; approved?: string; registered?: string; certified?: string; entered?: string }): Event[] {
  const [filing, review, reg, cert, entry] = openEvents(dates.filed);
  const evs: Event[] = [filing!];
  if (dates.approved) evs.push({ ...review!, date: dates.approved });
  if (dates.registered) evs.push({ ...reg!, date: dates.registered });
  if (dates.certified) evs.push({ ...cert!, date: dates.certified });
  if (dates.entered) evs.push({ ...entry!, date: dates.entered });
  return evs;
}

function write(k: FixtureKit): string {
  return writeKit(k, tmp());
}

// ---------------------------------------------------------------- deadlines across holidays

describe('deadlines of pending work, on the official calendar', () => {
  it('自贡 第七条（六）: certified 2026-09-30, entry due on the 10-10 make-up Saturday: due soon on 10-09, overdue on 10-12', async () => {
    const k = zigongKit();
    k.account('zg-wjw', { id: 'zg-wjw-weixin', name: '健康自贡', platform: '微信公众号', events: opening({ filed: '2026-09-24', approved: '2026-09-25', registered: '2026-09-28', certified: '2026-09-30' }) });
    const root = write(k);

    const soon = await report(root, '2026-10-09');
    const entry = of(soon.items, 'zg-wjw-weixin', 'deadline');
    expect(entry).toHaveLength(1);
    expect(entry[0]).toMatchObject({ status: 'due-soon', due: '2026-10-10', workdaysLeft: 1, severity: 'error' });
    expect(entry[0]!.citations.map((c) => `${c.doc} ${c.article}`)).toContain('自府办函〔2021〕62号 第七条（六）');
    expect(entry[0]!.what.zh).toContain('“系统填报”应于 2026-10-10 前完成');
    expect(soon.code).toBe(0);
    // grouped under the supervising office
    expect(soon.r.groups.map((g) => g.office.id)).toEqual(['zg-bgs']);

    // during the holiday only 10-08, 10-09 and the 10-10 make-up Saturday are left
    const holiday = await report(root, '2026-10-03');
    expect(of(holiday.items, 'zg-wjw-weixin', 'deadline')[0]).toMatchObject({ status: 'due-soon', workdaysLeft: 3 });

    const onTheDay = await report(root, '2026-10-10');
    expect(of(onTheDay.items, 'zg-wjw-weixin', 'deadline')[0]).toMatchObject({ status: 'due-soon', workdaysLeft: 0 });

    const late = await report(root, '2026-10-12');
    expect(of(late.items, 'zg-wjw-weixin', 'deadline')[0]).toMatchObject({ status: 'overdue', due: '2026-10-10', daysOverdue: 2 });
    expect(late.code).toBe(1);

    // once the entry is recorded the deadline disappears
    k.get('zg-wjw-weixin').events.push({ type: '系统填报', date: '2026-10-12', action: '开设' });
    const done = await report(write(k), '2026-10-12');
    expect(of(done.items, 'zg-wjw-weixin', 'deadline')).toEqual([]);
  });

  it('自贡 第七条（三）: a filing on 2026-02-12 is reviewed within 5 working days across the Spring Festival (02-14 Saturday works): due 02-26', async () => {
    const k = zigongKit();
    k.account('zg-wjw', { id: 'zg-wjw-weixin', name: '健康自贡', platform: '微信公众号', events: opening({ filed: '2026-02-12' }) });
    const root = write(k);
    const before = await report(root, '2026-02-24');
    const review = of(before.items, 'zg-wjw-weixin', 'deadline');
    expect(review).toHaveLength(1);
    expect(review[0]).toMatchObject({ status: 'due-soon', due: '2026-02-26', workdaysLeft: 2 });
    expect(review[0]!.citations[0]!.doc).toBe('自府办函〔2021〕62号');
    const after = await report(root, '2026-02-27');
    expect(of(after.items, 'zg-wjw-weixin', 'deadline')[0]).toMatchObject({ status: 'overdue', daysOverdue: 1 });
  });

  it('江苏: a county unit reported to the city office on 09-30 must enter by 10-10; a city unit counts from the approval', async () => {
    const k = new FixtureKit();
    k.region('', { name: '全国', level: '国家' });
    k.region('jiangsu', { name: '江苏省', level: '省级' });
    k.region('jiangsu/shili', { name: '江苏省示例市', level: '市级', supervisingOffice: 'sq-bgs', policies: ['jiangsu/city'] });
    k.unit('jiangsu/shili', { id: 'sq-bgs', name: '示例市人民政府办公室', kind: '政府办公室', level: '市级' });
    k.unit('jiangsu/shili', { id: 'sq-wjw', name: '示例市卫生健康委员会', kind: '政府部门', level: '市级', scoringClass: '市级部门' });
    k.region('jiangsu/shili/jiaqu', { name: '江苏省示例市甲区', level: '县级', supervisingOffice: 'hz-bgs' });
    k.unit('jiangsu/shili/jiaqu', { id: 'hz-bgs', name: '示例市甲区人民政府办公室', kind: '政府办公室', level: '县级' });
    k.unit('jiangsu/shili/jiaqu', { id: 'hz-zf', name: '示例市甲区人民政府', kind: '人民政府', level: '县级', scoringClass: '县区功能区' });
    const county = opening({ filed: '2026-09-28', approved: '2026-09-29' });
    county.push({ type: '上报备案', date: '2026-09-30', level: '市级' }, { type: '平台注册', date: '2026-09-30' }, { type: '平台认证', date: '2026-10-09' });
    k.account('hz-zf', { id: 'hz-zf-weixin', name: '甲区发布', platform: '微信公众号', events: county });
    k.account('sq-wjw', { id: 'sq-wjw-weixin', name: '健康示例市', platform: '微信公众号', events: opening({ filed: '2026-11-16', approved: '2026-11-18', registered: '2026-11-19' }) });
    const root = write(k);
    const r = await report(root, '2026-10-09');
    expect(of(r.items, 'hz-zf-weixin', 'deadline')[0]).toMatchObject({ status: 'due-soon', due: '2026-10-10' });
    expect(r.r.groups.find((g) => g.items.some((i) => i.account?.id === 'hz-zf-weixin'))?.office.id).toBe('hz-bgs');
    const late = await report(root, '2026-10-12');
    expect(of(late.items, 'hz-zf-weixin', 'deadline')[0]).toMatchObject({ status: 'overdue', daysOverdue: 2 });
    const city = await report(root, '2026-11-20');
    expect(of(city.items, 'sq-wjw-weixin', 'deadline')[0]).toMatchObject({ status: 'due-soon', due: '2026-11-23', workdaysLeft: 1 });
  });

  it('江苏: a closure announced on 2026-09-01 runs 15 working days to 09-21, counting the 09-20 make-up Sunday', async () => {
    const k = new FixtureKit();
    k.region('', { name: '全国', level: '国家' });
    k.region('jiangsu', { name: '江苏省', level: '省级' });
    k.region('jiangsu/shili', { name: '江苏省示例市', level: '市级', supervisingOffice: 'sq-bgs', policies: ['jiangsu/city'] });
    k.unit('jiangsu/shili', { id: 'sq-bgs', name: '示例市人民政府办公室', kind: '政府办公室', level: '市级' });
    k.unit('jiangsu/shili', { id: 'sq-wjw', name: '示例市卫生健康委员会', kind: '政府部门', level: '市级', scoringClass: '市级部门' });
    const evs = openEvents('2025-03-03');
    evs.push(
      { type: '关停备案', date: '2026-08-31', reason: '职能调整，账号不再保留。', unitDecision: { decision: '同意', date: '2026-08-31', by: '党组会议（集体研究）' } },
      { type: '注销公告', date: '2026-09-01', announcementDays: 15, evidence: [{ kind: '公告链接', ref: 'https://example.gov.cn/n/2' }] },
    );
    k.account('sq-wjw', { id: 'sq-wjw-weibo', name: '健康示例市', platform: '新浪微博', events: evs });
    const r = await report(write(k), '2026-09-18');
    const ann = of(r.items, 'sq-wjw-weibo', 'announcement');
    expect(ann[0]).toMatchObject({ status: 'due-soon', due: '2026-09-21', workdaysLeft: 2 });
    expect(ann[0]!.citations[0]!.article).toBe('解读 一、文件主要内容（内容建设与规范）');
  });

  it('六安: the upward filing (上报备案, 3 working days) is due from county accounts only', async () => {
    const k = luanKit();
    k.account('la-wjw', { id: 'la-wjw-weixin', name: '六安市卫健委发布', platform: '微信公众号', events: opening({ filed: '2026-11-09', approved: '2026-11-12' }) });
    k.account('jz-wlj', { id: 'jz-wlj-douyin', name: '金寨文旅', platform: '抖音', contentType: '音视频', events: [...opening({ filed: '2026-11-09' }), { type: '主管审核', date: '2026-11-12', decision: '同意', reviewer: '金寨县人民政府办公室', level: '县区' }] });
    const { items } = await report(write(k), '2026-11-20');
    expect(of(items, 'la-wjw-weixin', 'deadline')).toEqual([]);
    const county = of(items, 'jz-wlj-douyin', 'deadline');
    expect(county).toHaveLength(1);
    expect(county[0]).toMatchObject({ status: 'overdue', due: '2026-11-17', daysOverdue: 3 });
    expect(county[0]!.citations[0]).toMatchObject({ doc: '六政办秘〔2021〕148号', article: '第八条' });
  });

  it('六安 第八条: an entered opening with no 开设公告 recorded is an owed reminder without a due date; recording it clears the item', async () => {
    const k = luanKit();
    k.account('la-wjw', { id: 'la-wjw-weixin', name: '六安市卫健委发布', platform: '微信公众号', events: openEvents('2026-09-07') });
    const owed = of((await report(write(k), '2026-11-20')).items, 'la-wjw-weixin', 'owed-event');
    expect(owed).toHaveLength(1);
    expect(owed[0]).toMatchObject({ status: 'reminder', severity: 'notice', citations: [{ doc: '六政办秘〔2021〕148号', article: '第八条' }] });
    expect(owed[0]!.due).toBeUndefined();
    expect(owed[0]!.what.zh).toContain('尚无“开设公告”的记录');
    expect(owed[0]!.what.zh).toContain('原文未规定期限');
    expect(owed[0]!.what.en).toContain('the text sets no time limit');
    const entered = openEvents('2026-09-07').at(-1)!.date;
    const k2 = luanKit();
    k2.account('la-wjw', { id: 'la-wjw-weixin', name: '六安市卫健委发布', platform: '微信公众号', events: [...openEvents('2026-09-07'), { type: '开设公告', date: entered, announcementDays: 30 }] });
    expect(of((await report(write(k2), '2026-11-20')).items, 'la-wjw-weixin', 'owed-event')).toEqual([]);
    // a 自贡 account owes no such announcement (its measure does not ask for one)
    const z = zigongKit();
    z.account('zg-wjw', { id: 'zg-wjw-weixin', name: '健康自贡', platform: '微信公众号', events: openEvents('2026-09-07') });
    expect((await report(write(z), '2026-11-20')).items.filter((i) => i.kind === 'owed-event')).toEqual([]);
  });

  it('a closure announcement ending soon is a reminder, never overdue (六安: 30 working days)', async () => {
    const k = luanKit();
    const evs = openEvents('2025-03-03');
    evs.push(
      { type: '关停备案', date: '2026-10-12', reason: '职能调整，账号不再保留。', unitDecision: { decision: '同意', date: '2026-10-12', by: '主要负责人' } },
      { type: '主管审核', date: '2026-10-14', decision: '同意', reviewer: '六安市人民政府办公室', level: '同级' },
      { type: '注销公告', date: '2026-10-16', announcementDays: 30, evidence: [{ kind: '公告链接', ref: 'https://example.gov.cn/n/1' }] },
    );
    k.account('la-wjw', { id: 'la-wjw-kuaishou', name: '六安市卫健委发布', platform: '快手', contentType: '音视频', events: evs });
    const root = write(k);
    const r = await report(root, '2026-11-20');
    const ann = of(r.items, 'la-wjw-kuaishou', 'announcement');
    expect(ann[0]).toMatchObject({ status: 'due-soon', due: '2026-11-27', severity: 'notice' });
    expect(ann[0]!.what.zh).toContain('公告期将于 2026-11-27 届满');
    expect(r.code).toBe(0);
    const ended = await report(root, '2026-12-01');
    expect(of(ended.items, 'la-wjw-kuaishou', 'announcement')[0]).toMatchObject({ status: 'reminder' });
    // one month after the end of the announcement the platform closure is overdue (第十一条, a warning)
    const month = await report(root, '2027-01-04');
    const close = of(month.items, 'la-wjw-kuaishou', 'deadline');
    expect(close[0]).toMatchObject({ status: 'overdue', due: '2026-12-27', severity: 'warning' });
    expect(month.code).toBe(1);
  });
});

// ---------------------------------------------------------------- 30 days, unfiled, credentials, monthly report

describe('duties that fall due with time', () => {
  function closing(k: FixtureKit, extra: Event[] = []): void {
    const evs = openEvents('2025-03-03');
    evs.push(
      { type: '关停备案', date: '2026-03-02', reason: '职能调整，账号不再保留。', unitDecision: { decision: '同意', date: '2026-03-02', by: '主要负责人' } },
      { type: '主管审核', date: '2026-03-03', decision: '同意', reviewer: '自贡市人民政府办公室', level: '同级' },
      { type: '注销公告', date: '2026-03-05', evidence: [{ kind: '公告截图', ref: '档案 2026-001' }] },
      ...extra,
    );
    k.account('zg-wjw', { id: 'zg-wjw-douyin', name: '健康自贡', platform: '抖音', contentType: '音视频', events: evs });
  }

  it('自贡 第十条: a closure still open after 30 days must be reported; a 逾期报告 turns it into a reminder', async () => {
    const k = zigongKit();
    closing(k);
    const root = write(k);
    const soon = await report(root, '2026-03-27');
    expect(of(soon.items, 'zg-wjw-douyin', 'pending-work')[0]).toMatchObject({ status: 'due-soon', due: '2026-04-01', workdaysLeft: 3 });
    const late = await report(root, '2026-04-02');
    const item = of(late.items, 'zg-wjw-douyin', 'pending-work')[0]!;
    expect(item).toMatchObject({ status: 'overdue', due: '2026-04-01', daysOverdue: 1, severity: 'error' });
    expect(item.citations[0]).toMatchObject({ doc: '自府办函〔2021〕62号', article: '第十条' });
    expect(late.code).toBe(1);

    const k2 = zigongKit();
    closing(k2, [{ type: '逾期报告', date: '2026-04-01', note: '平台注销审核尚未通过，已向主管单位报告。' }]);
    const reported = await report(write(k2), '2026-04-02');
    expect(of(reported.items, 'zg-wjw-douyin', 'pending-work')[0]).toMatchObject({ status: 'reminder', severity: 'notice' });
    expect(reported.code).toBe(0);
  });

  it('自贡 第三十三条（二）: certified with no filing at all — due soon, then overdue after 14 days', async () => {
    const k = zigongKit();
    k.account('zg-wjw', { id: 'zg-wjw-bilibili', name: '健康自贡', platform: '哔哩哔哩', contentType: '音视频', events: [{ type: '平台注册', date: '2026-09-28' }, { type: '平台认证', date: '2026-10-01' }] });
    const root = write(k);
    expect(of((await report(root, '2026-10-12')).items, 'zg-wjw-bilibili', 'unfiled-certified')[0]).toMatchObject({ status: 'due-soon', due: '2026-10-15', workdaysLeft: 3 });
    const late = await report(root, '2026-10-20');
    const item = of(late.items, 'zg-wjw-bilibili', 'unfiled-certified')[0]!;
    expect(item).toMatchObject({ status: 'overdue', daysOverdue: 5 });
    expect(item.todo.zh).toContain('补录备案');
  });

  it('六安 第三十二条: credentials older than 3 months (last 密码更换, a rotating handover, or the opening)', async () => {
    const k = luanKit();
    const evs = openEvents('2025-03-03');
    evs.push({ type: '密码更换', date: '2026-06-30', attestedBy: '分管负责人' });
    k.account('la-wjw', { id: 'la-wjw-weixin', name: '六安市卫健委发布', platform: '微信公众号', events: evs });
    k.account('la-wjw', { id: 'la-wjw-weibo', name: '六安市卫健委发布', platform: '新浪微博', events: [...openEvents('2025-03-03'), { type: '人员交接', date: '2026-08-01', handover: { fromRole: '编辑', toRole: '编辑', credentialsRotated: true } }] });
    k.account('la-wjw', { id: 'la-wjw-douyin', name: '六安市卫健委发布', platform: '抖音', contentType: '音视频', events: openEvents('2026-09-01') });
    const root = write(k);
    const soon = await report(root, '2026-09-25');
    expect(of(soon.items, 'la-wjw-weixin', 'credential-rotation')[0]).toMatchObject({ status: 'due-soon', due: '2026-09-30', workdaysLeft: 3, severity: 'warning' });
    const late = await report(root, '2026-10-09');
    expect(of(late.items, 'la-wjw-weixin', 'credential-rotation')[0]).toMatchObject({ status: 'overdue', daysOverdue: 9 });
    expect(of(late.items, 'la-wjw-weibo', 'credential-rotation')).toEqual([]); // rotated at the 08-01 handover: due 11-01
    expect(of(late.items, 'la-wjw-douyin', 'credential-rotation')).toEqual([]); // opened 09-03: due 12-03
    const later = await report(root, '2026-12-04');
    expect(of(later.items, 'la-wjw-douyin', 'credential-rotation')[0]).toMatchObject({ status: 'overdue', due: '2026-12-03' });
    expect(of(later.items, 'la-wjw-douyin', 'credential-rotation')[0]!.what.zh).toContain('开通（2026-09-03）以来没有更换口令的记录');
  });

  it('六安 第三十五条: departments with 3 live accounts are reminded from the 1st to the 15th', async () => {
    const k = luanKit();
    for (const [id, platform] of [['la-wjw-weixin', '微信公众号'], ['la-wjw-weibo', '新浪微博'], ['la-wjw-douyin', '抖音']] as const) {
      k.account('la-wjw', { id, name: '六安市卫健委发布', platform, events: openEvents('2025-03-03') });
    }
    const root = write(k);
    const first = await report(root, '2026-11-02');
    const monthly = first.items.filter((i) => i.kind === 'monthly-report');
    expect(monthly).toHaveLength(1);
    expect(monthly[0]).toMatchObject({ unit: { id: 'la-wjw' }, status: 'reminder', due: '2026-11-15', severity: 'notice' });
    expect(monthly[0]!.what.zh).toContain('本月报送截止 2026-11-15');
    expect(first.r.groups.find((g) => g.items.includes(monthly[0]!))?.office.id).toBe('la-bgs');
    expect((await report(root, '2026-11-15')).items.filter((i) => i.kind === 'monthly-report')).toHaveLength(1);
    expect((await report(root, '2026-11-16')).items.filter((i) => i.kind === 'monthly-report')).toEqual([]);
    // a closing account does not count: 2 live accounts, no report owed
    k.get('la-wjw-douyin').events.push({ type: '关停备案', date: '2026-10-12', reason: '职能调整，账号不再保留。', unitDecision: { decision: '同意', date: '2026-10-12', by: '主要负责人' } });
    expect((await report(write(k), '2026-11-02')).items.filter((i) => i.kind === 'monthly-report')).toEqual([]);
  });

  it('required accounts missing (the modules\' own rules): 六安 第九条 for a government without a live account', async () => {
    const k = luanKit();
    k.unit('anhui/luan', { id: 'la-zf', name: '六安市人民政府', kind: '人民政府', level: '市级' });
    const { items, code } = await report(write(k), '2026-11-20');
    const req = items.filter((i) => i.kind === 'required-account');
    expect(req).toHaveLength(1);
    expect(req[0]).toMatchObject({ unit: { id: 'la-zf' }, status: 'overdue', severity: 'error' });
    expect(req[0]!.citations[0]!.article).toContain('第九条');
    expect(code).toBe(1);
  });
});

// ---------------------------------------------------------------- activity snapshot

describe('update and reply rules with an activity snapshot', () => {
  /** One live account in each jurisdiction, plus a closed one and one still opening. */
  function allKit(): FixtureKit {
    const k = new FixtureKit();
    k.region('', { name: '全国', level: '国家' });
    k.region('sichuan', { name: '四川省', level: '省级' });
    k.region('sichuan/zigong', { name: '四川省自贡市', level: '市级', supervisingOffice: 'zg-bgs', policies: ['sichuan/zigong'] });
    k.unit('sichuan/zigong', { id: 'zg-bgs', name: '自贡市人民政府办公室', kind: '政府办公室', level: '市级' });
    k.unit('sichuan/zigong', { id: 'zg-wjw', name: '自贡市卫生健康委员会', kind: '政府部门', level: '市级' });
    k.account('zg-wjw', { id: 'zg-wjw-weixin', name: '健康自贡', platform: '微信公众号' });
    k.account('zg-wjw', { id: 'zg-wjw-douyin', name: '健康自贡', platform: '抖音', contentType: '音视频', events: opening({ filed: '2026-11-16', approved: '2026-11-18' }) });
    const closed = openEvents('2024-03-04');
    closed.push(
      { type: '关停备案', date: '2026-03-02', reason: '职能调整，账号不再保留。', unitDecision: { decision: '同意', date: '2026-03-02', by: '主要负责人' } },
      { type: '主管审核', date: '2026-03-03', decision: '同意', reviewer: '自贡市人民政府办公室', level: '同级' },
      { type: '注销公告', date: '2026-03-04', evidence: [{ kind: '公告截图', ref: '档案 1' }] },
      { type: '平台注销', date: '2026-03-20', evidence: [{ kind: '注销完成截图', ref: '档案 2' }] },
      { type: '系统填报', date: '2026-03-23', action: '关停' },
    );
    k.account('zg-wjw', { id: 'zg-wjw-toutiao', name: '健康自贡', platform: '今日头条', events: closed });
    k.region('anhui', { name: '安徽省', level: '省级' });
    k.region('anhui/luan', { name: '安徽省六安市', level: '市级', supervisingOffice: 'la-bgs', policies: ['anhui/luan'] });
    k.unit('anhui/luan', { id: 'la-bgs', name: '六安市人民政府办公室', kind: '政府办公室', level: '市级' });
    k.unit('anhui/luan', { id: 'la-jyj', name: '六安市教育局', kind: '政府部门', level: '市级' });
    k.account('la-jyj', { id: 'la-jyj-weixin', name: '六安市教育局发布', platform: '微信公众号', events: [...openEvents('2025-03-03'), { type: '密码更换', date: '2026-10-30' }] });
    k.account('la-jyj', { id: 'la-jyj-douyin', name: '六安市教育局发布', platform: '抖音', contentType: '音视频', events: [...openEvents('2025-03-03'), { type: '密码更换', date: '2026-10-30' }] });
    k.region('chongqing', { name: '重庆市', level: '省级', supervisingOfficeName: '重庆市人民政府办公厅' });
    k.region('chongqing/qijiang', { name: '重庆市綦江区', level: '县级', supervisingOffice: 'qj-bgs', policies: ['chongqing/qijiang'] });
    k.unit('chongqing/qijiang', { id: 'qj-bgs', name: '重庆市綦江区人民政府办公室', kind: '政府办公室', level: '县级' });
    k.unit('chongqing/qijiang', { id: 'qj-wjw', name: '重庆市綦江区卫生健康委员会', kind: '政府部门', level: '县级' });
    k.account('qj-wjw', { id: 'qj-wjw-weixin', name: '健康綦江', platform: '微信公众号' });
    k.region('jiangsu', { name: '江苏省', level: '省级' });
    k.region('jiangsu/shili', { name: '江苏省示例市', level: '市级', supervisingOffice: 'sq-bgs', policies: ['jiangsu/city'] });
    k.unit('jiangsu/shili', { id: 'sq-bgs', name: '示例市人民政府办公室', kind: '政府办公室', level: '市级' });
    k.unit('jiangsu/shili', { id: 'sq-wjw', name: '示例市卫生健康委员会', kind: '政府部门', level: '市级', scoringClass: '市级部门' });
    k.account('sq-wjw', { id: 'sq-wjw-weixin', name: '健康示例市', platform: '微信公众号' });
    k.region('liaoning', { name: '辽宁省', level: '省级', supervisingOffice: 'ln-bgt', policies: ['liaoning'] });
    k.unit('liaoning', { id: 'ln-bgt', name: '辽宁省人民政府办公厅', kind: '政府办公室', level: '省级' });
    k.unit('liaoning', { id: 'ln-zf', name: '辽宁省人民政府', kind: '人民政府', level: '省级' });
    k.account('ln-zf', { id: 'ln-zf-weibo', name: '辽宁发布', platform: '新浪微博', events: openEvents('2025-03-03').map((e) => (e.type === '主管审核' ? { ...e, reviewer: '辽宁省人民政府办公厅' } : e)) });
    k.account('ln-zf', { id: 'ln-zf-weixin', name: '辽宁发布', platform: '微信公众号', events: openEvents('2025-03-03').map((e) => (e.type === '主管审核' ? { ...e, reviewer: '辽宁省人民政府办公厅' } : e)) });
    return k;
  }

  const CSV = [
    'accountId,lastPost,lastOriginalPost,lastReplyToPublic,unansweredMessages,oldestUnanswered,postsLast7Days,originalPostsLast7Days',
    'zg-wjw-weixin,2026-11-10,2026-11-10,2026-11-10,0,,0,0',
    'zg-wjw-toutiao,2026-01-01,,,,,0,0',
    'zg-wjw-douyin,,,,,,,',
    'la-jyj-weixin,2026-11-12 18:30,2026-11-12,,0,,0,0',
    'la-jyj-douyin,2026-11-11T09:00:00+08:00,2026-11-11,,0,,0,0',
    'qj-wjw-weixin,2026-11-09,2026-11-09,2026-09-01,2,2026-09-15,0,0',
    'sq-wjw-weixin,2026-11-19,2026-11-01,2026-11-17,1,2026-11-18 10:00,5,0',
    'ln-zf-weibo,2026-11-01,2026-11-01,,0,,0,0',
    'zz-unknown-weixin,2026-11-19,,,,,,',
  ].join('\n');

  it('judges each jurisdiction\'s update rules, merges identical duties and skips closed and opening accounts', async () => {
    const root = write(allKit());
    const csv = path.join(root, 'activity.csv');
    writeFileSync(csv, CSV + '\n');
    const { items, r, code } = await report(root, '2026-11-20', ['--activity', csv]);
    expect(code).toBe(1);
    // 自贡 第二十二条: weekly (原则上: warning) overdue; the 14-day limit and the national veto fall on the same day (11-24) → one due-soon item with both citations
    const zg = of(items, 'zg-wjw-weixin');
    expect(zg.find((i) => i.kind === 'update' && i.status === 'overdue')).toMatchObject({ severity: 'warning', due: '2026-11-17', daysOverdue: 3 });
    const fortnight = zg.filter((i) => i.kind === 'update' && i.status === 'due-soon');
    expect(fortnight).toHaveLength(1);
    expect(fortnight[0]!.due).toBe('2026-11-24');
    expect(fortnight[0]!.citations.map((c) => c.doc).sort()).toEqual(['国办秘函〔2019〕19号', '自府办函〔2021〕62号']);
    expect(fortnight[0]!.sources.sort()).toEqual(['national', 'zigong-2021-62']);
    // 六安 第十七条（一）: 图文 weekly → overdue (8 days); 音视频 every 10 days → 9 days is fine
    expect(of(items, 'la-jyj-weixin', 'update').find((i) => i.status === 'overdue')).toMatchObject({ severity: 'error', due: '2026-11-19', daysOverdue: 1 });
    expect(of(items, 'la-jyj-douyin', 'update').filter((i) => i.status === 'overdue')).toEqual([]);
    // 綦江 第十八条: 10 calendar days → 11 days is overdue; replies within 2 months → a message of 09-15 is overdue since 11-15
    expect(of(items, 'qj-wjw-weixin', 'update').find((i) => i.status === 'overdue')).toMatchObject({ due: '2026-11-19', daysOverdue: 1 });
    expect(of(items, 'qj-wjw-weixin', 'reply')[0]).toMatchObject({ status: 'overdue', due: '2026-11-15', daysOverdue: 5 });
    // 江苏: no original post this week (鼓励: warning), and a policy question unanswered after 24 hours
    expect(of(items, 'sq-wjw-weixin', 'original')[0]).toMatchObject({ status: 'overdue', severity: 'warning' });
    expect(of(items, 'sq-wjw-weixin', 'reply')[0]).toMatchObject({ status: 'overdue', due: '2026-11-19', severity: 'error' });
    expect(of(items, 'sq-wjw-weixin', 'update')).toEqual([]);
    // 辽宁 has no update interval: only the national 2-week veto applies
    const ln = of(items, 'ln-zf-weibo', 'update');
    expect(ln).toHaveLength(1);
    expect(ln[0]).toMatchObject({ status: 'overdue', due: '2026-11-15', daysOverdue: 5 });
    expect(ln[0]!.citations[0]!.doc).toBe('国办秘函〔2019〕19号');
    // missing from the snapshot: a reminder; closed and opening accounts: nothing
    expect(of(items, 'ln-zf-weixin', 'no-activity')[0]).toMatchObject({ status: 'reminder' });
    expect(of(items, 'zg-wjw-toutiao')).toEqual([]);
    expect(of(items, 'zg-wjw-douyin').filter((i) => ['update', 'original', 'reply', 'no-activity'].includes(i.kind))).toEqual([]);
    // a row for an account the register does not know
    expect(r.activity?.unknownAccounts).toEqual(['zz-unknown-weixin']);
  });

  it('replies on holidays get 48 hours (江苏): a message of 2026-10-01 is due on 10-03 and late on 10-04', async () => {
    const k = allKit();
    const root = write(k);
    const json = path.join(root, 'activity.json');
    writeFileSync(json, JSON.stringify({ asOf: '2026-10-03', accounts: [{ accountId: 'sq-wjw-weixin', lastPost: '2026-10-02', lastOriginalPost: '2026-10-02', unansweredMessages: 1, oldestUnanswered: '2026-10-01T09:00' }] }, null, 2));
    expect(of((await report(root, '2026-10-02', ['--activity', json])).items, 'sq-wjw-weixin', 'reply')[0]).toMatchObject({ status: 'due-soon', due: '2026-10-03' });
    expect(of((await report(root, '2026-10-03', ['--activity', json])).items, 'sq-wjw-weixin', 'reply')[0]).toMatchObject({ status: 'due-soon', due: '2026-10-03' });
    const late = await report(root, '2026-10-04', ['--activity', json]);
    expect(of(late.items, 'sq-wjw-weixin', 'reply')[0]).toMatchObject({ status: 'overdue', due: '2026-10-03', daysOverdue: 1 });
    expect(late.r.activity).toMatchObject({ asOf: '2026-10-03', rows: 1 });
  });

  it('rejects a broken snapshot with the file, the line and the column, exit 2', async () => {
    const root = write(allKit());
    const bad = path.join(root, 'bad.csv');
    writeFileSync(bad, 'accountId,lastPost\nzg-wjw-weixin,2026-11-10\nla-jyj-weixin,2026-02-30\n');
    const r = await run(['--root', root, '--now', '2026-11-20', '--activity', bad]);
    expect(r.code).toBe(2);
    expect(r.err).toContain('用法错误');
    expect(r.err).toContain('第 3 行');
    expect(r.err).toContain('2026-02-30');
    writeFileSync(bad, 'accountId,lastPost,粉丝数\nzg-wjw-weixin,2026-11-10,3\n');
    const cols = await run(['--root', root, '--now', '2026-11-20', '--activity', bad]);
    expect(cols.code).toBe(2);
    expect(cols.err).toContain('无法识别的列：粉丝数');
    const json = path.join(root, 'bad.json');
    writeFileSync(json, '{"accounts": [{"accountId": "zg-wjw-weixin", "posts": 3}]}');
    const extra = await run(['--root', root, '--now', '2026-11-20', '--activity', json, '--lang', 'en']);
    expect(extra.code).toBe(2);
    expect(extra.err).toMatch(/usage error: bad activity data:\n.*bad\.json:1/);
    const missing = await run(['--root', root, '--activity', path.join(root, 'nope.csv')]);
    expect(missing.code).toBe(2);
    expect(missing.err).toContain('文件不存在');
  });
});

// ---------------------------------------------------------------- the sample register, outputs, usage

describe('the sample register with the sample snapshot', () => {
  const SAMPLE = path.join(ENGINE_ROOT, 'docs', 'samples', 'activity-2026-11.csv');

  it('Markdown for the tracking issue: marker, offices, citations; exit 1 (something is overdue)', async () => {
    const r = await run(['--root', ENGINE_ROOT, '--now', '2026-11-20', '--activity', SAMPLE]);
    expect(r.code).toBe(1);
    expect(r.out.startsWith('<!-- govmedia-monitor -->')).toBe(true);
    expect(r.out).toContain('## 政务新媒体合规监测 · 2026-11-20');
    expect(r.out).toContain('### 自流井区人民政府办公室（`zlj-qzfbgs`）');
    expect(r.out).toMatch(/\| 逾期 \| 五星街街道（zlj-wxjjd-weixin） \| 微信公众号 \| 自流井区五星街街道办事处 \| 最近一次更新为 2026-11-01，已 19 天未更新/);
    expect(r.out).toContain('国办秘函〔2019〕19号');
    expect(r.out).toContain('六政办秘〔2021〕148号 第三十二条（一）');
    expect(r.out).toContain('可能是未备案账号');
    const en = await run(['--root', ENGINE_ROOT, '--now', '2026-11-20', '--activity', SAMPLE, '--lang', 'en']);
    expect(en.out).toContain('## Government new-media compliance monitor · 2026-11-20');
    expect(en.out).toContain('| overdue |');
  });

  it('JSON carries no personal data (no staff names, no phone numbers)', async () => {
    const r = await run(['--root', ENGINE_ROOT, '--now', '2026-11-20', '--activity', SAMPLE, '--format', 'json']);
    const text = r.out;
    expect(text).not.toContain('（虚构）');
    expect(text).not.toMatch(/1300000\d{4}/);
    expect(text).not.toMatch(/0000-000\d{4}/);
    const rep = JSON.parse(text) as MonitorReport;
    expect(rep.summary.overdue).toBeGreaterThan(5);
    expect(rep.groups.every((g) => g.items.length > 0)).toBe(true);
  });

  it('HTML is self-contained and opens in Chromium with one table per office', async () => {
    const dir = tmp();
    const file = path.join(dir, 'monitor.html');
    const r = await run(['--root', ENGINE_ROOT, '--now', '2026-11-20', '--activity', SAMPLE, '--format', 'html', '--out', file]);
    expect(r.code).toBe(1);
    expect(r.out).toContain('已写出');
    const html = readFileSync(file, 'utf8');
    expect(html).not.toMatch(/<script|<link |src="http|href="http/);
    const chromium_ = chromiumPath();
    expect(existsSync(chromium_), 'Debian Chromium (chromium-headless-shell or chromium) is required').toBe(true);
    const ctx = await browserContext({ offline: true });
    try {
      const page = await ctx.newPage();
      const requests: string[] = [];
      page.on('request', (q) => void requests.push(q.url()));
      await page.goto(pathToFileURL(file).href);
      expect(await page.locator('h1').innerText()).toBe('政务新媒体合规监测 · 2026-11-20');
      const offices = await page.locator('h2').count();
      expect(offices).toBeGreaterThan(5);
      expect(await page.locator('table').count()).toBe(offices);
      expect(await page.locator('td.status-overdue').count()).toBeGreaterThan(3);
      expect(requests.filter((u) => !u.startsWith('file:'))).toEqual([]);
      const pdf = await page.pdf({ format: 'A4', landscape: true });
      expect(pdf.subarray(0, 4).toString()).toBe('%PDF');
    } finally {
      await ctx.close();
    }
  });

  it('usage errors exit 2 with a Chinese message, never a stack trace', async () => {
    for (const args of [['--soon', 'abc'], ['--format', 'pdf'], ['--now', '2026-02-30'], ['--bogus']]) {
      const r = await run(['--root', ENGINE_ROOT, ...args]);
      expect(r.code, args.join(' ')).toBe(2);
      expect(r.err).toContain('用法错误');
      expect(r.err).not.toContain('    at ');
    }
    const help = await run(['--help']);
    expect(help.code).toBe(0);
    expect(help.out).toContain('用法：govmedia monitor');
  });
});

// ---------------------------------------------------------------- the weekly workflow keeps ONE issue

describe('.github/workflows/monitor.yml', () => {
  interface Step {
    name?: string;
    run?: string;
    env?: Record<string, string>;
  }
  const wf = parseYaml(readFileSync(path.join(ENGINE_ROOT, '.github', 'workflows', 'monitor.yml'), 'utf8')) as { on: Record<string, unknown>; permissions: Record<string, string>; jobs: Record<string, { steps: Step[] }> };
  const steps = Object.values(wf.jobs).flatMap((j) => j.steps);

  it('runs weekly on Monday morning Beijing time with least permissions', () => {
    expect(wf.on.schedule).toEqual([{ cron: '0 23 * * 0' }]);
    expect(wf.permissions).toEqual({ contents: 'read', issues: 'write' });
    const run = steps.find((x) => x.run?.includes('monitor'))!;
    expect(run.run).toContain('docs/samples/activity-2026-11.csv');
    expect(run.env?.VAR_ACTIVITY).toContain('vars.GOVMEDIA_ACTIVITY');
  });

  /** Run the issue step's real shell script with a stand-in `gh` (GitHub cannot be reached from tests) that logs its calls. */
  function issueStep(env: Record<string, string>): { code: number; calls: string[]; body: string } {
    const script = steps.find((x) => x.run?.includes('gh issue'))!.run!;
    const dir = tmp();
    const bin = path.join(dir, 'bin');
    mkdirSync(bin);
    const gh = path.join(bin, 'gh');
    writeFileSync(
      gh,
      ['#!/bin/bash', 'echo "$*" >> "$GH_LOG"', 'case "$*" in', '  "issue list"*"--label"*) echo "${FAKE_BY_LABEL:-}";;', '  "issue list"*) echo "${FAKE_BY_MARKER:-}";;', '  "issue view"*) echo "${FAKE_STATE:-OPEN}";;', 'esac', 'exit 0', ''].join('\n'),
    );
    chmodSync(gh, 0o755);
    writeFileSync(path.join(dir, 'monitor.md'), '<!-- govmedia-monitor -->\n## 政务新媒体合规监测 · 2026-11-23\n');
    writeFileSync(path.join(dir, 'monitor-en.md'), '<!-- govmedia-monitor -->\n## Government new-media compliance monitor · 2026-11-23\n');
    const log = path.join(dir, 'gh.log');
    const r = spawnSync('bash', ['-e', '-c', script], { cwd: dir, encoding: 'utf8', env: { PATH: `${bin}:${process.env.PATH ?? ''}`, GH_LOG: log, REPO: 'govmedia-demo/register', RUN_URL: 'https://example.invalid/run/1', OVERDUE: 'true', ...env } });
    const calls = existsSync(log) ? readFileSync(log, 'utf8').trim().split('\n') : [];
    return { code: r.status ?? -1, calls, body: readFileSync(path.join(dir, 'body.md'), 'utf8') };
  }

  it('creates the issue once, with the label, when none exists', () => {
    const r = issueStep({});
    expect(r.code).toBe(0);
    expect(r.calls.filter((c) => c.startsWith('issue create'))).toHaveLength(1);
    expect(r.calls.find((c) => c.startsWith('issue create'))).toContain('--label govmedia-monitor --body-file body.md');
    expect(r.calls.some((c) => c.startsWith('issue edit'))).toBe(false);
    expect(r.body.startsWith('<!-- govmedia-monitor -->')).toBe(true);
    expect(r.body).toContain('<details><summary>English</summary>');
  });

  it('updates the labelled issue (or the one carrying the marker) instead of creating another, and reopens it when something is overdue', () => {
    const byLabel = issueStep({ FAKE_BY_LABEL: '7' });
    expect(byLabel.calls.some((c) => c.startsWith('issue create'))).toBe(false);
    expect(byLabel.calls.find((c) => c.startsWith('issue edit'))).toMatch(/^issue edit 7 .*--body-file body\.md --add-label govmedia-monitor/);
    expect(byLabel.calls.some((c) => c.startsWith('issue reopen'))).toBe(false);
    const byMarker = issueStep({ FAKE_BY_MARKER: '9', FAKE_STATE: 'CLOSED' });
    expect(byMarker.calls.some((c) => c.startsWith('issue create'))).toBe(false);
    expect(byMarker.calls.find((c) => c.startsWith('issue edit'))).toMatch(/^issue edit 9 /);
    expect(byMarker.calls).toContain('issue reopen 9 --repo govmedia-demo/register');
    const quiet = issueStep({ FAKE_BY_LABEL: '7', FAKE_STATE: 'CLOSED', OVERDUE: 'false' });
    expect(quiet.calls.some((c) => c.startsWith('issue reopen'))).toBe(false);
  });
});
