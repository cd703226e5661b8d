/**
 * 考核评分：江苏设区市《通知》的评分模型在一个小登记簿上逐项手算核对（否决得0分、平均、÷ 同类最高 × 100、
 * 高于70分才加分、加分上限20分），指标目录的来源标注，HTML（内联 SVG 条形图）在真实的 Chromium 中打开。
 *
 * Scoring on a small register checked by hand: veto → 0, the mean, ÷ best of class × 100, bonus only
 * above 70 and capped at 20; the catalogue's sources; the HTML (inline SVG chart) in real Chromium.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { cmdScore } from '../scripts/commands/score.ts';
import { ENGINE_ROOT } from '../scripts/core/paths.ts';
import type { Event } from '../scripts/generated/types.ts';
import { loadPolicies } from '../scripts/policy/loader.ts';
import { FixtureKit, openEvents } from '../scripts/dev/fixture.ts';
import { writeKit } from './support/tester.ts';
import type { ScoreReport, ScoringCatalogue, UnitScore } from '../scripts/score/types.ts';
import { browserContext } from './support/chromium.ts';
import { captureIo, tmpDir } from './helpers.ts';

function tmp(): string {
  return tmpDir('govmedia-score-');
}

async function run(args: string[]): Promise<{ code: number; out: string; err: string }> {
  return captureIo((io) => cmdScore(args, io));
}

const NOW = '2026-11-20';

function kit(): FixtureKit {
  const k = new FixtureKit();
  k.region('', { name: '全国', level: '国家' });
  k.region('jiangsu', { name: '江苏省', level: '省级' });
  k.region('jiangsu/shili', { name: '江苏省示例市', level: '市级', supervisingOffice: 'sq-bgs', policies: ['jiangsu/city'] });
  k.unit('jiangsu/shili', { id: 'sq-bgs', name: '示例市人民政府办公室', kind: '政府办公室', level: '市级' });
  const dept = (id: string, name: string): void => void k.unit('jiangsu/shili', { id, name, kind: '政府部门', level: '市级', scoringClass: '市级部门' });
  dept('sq-wjw', '示例市卫生健康委员会');
  dept('sq-jyj', '示例市教育局');
  dept('sq-gaj', '示例市公安局');
  dept('sq-sw', '示例市商务局');
  k.unit('jiangsu/shili', { id: 'sq-zf', name: '示例市人民政府', kind: '人民政府', level: '市级' });
  k.account('sq-wjw', { id: 'sq-wjw-weixin', name: '健康示例市', platform: '微信公众号' });
  k.account('sq-wjw', { id: 'sq-wjw-douyin', name: '健康示例市', platform: '抖音', contentType: '音视频' });
  k.account('sq-wjw', { id: 'sq-wjw-weibo', name: '示例市卫健委', platform: '新浪微博' });
  k.account('sq-jyj', { id: 'sq-jyj-weixin', name: '示例市教育', platform: '微信公众号', certification: { status: '已认证' } });
  k.account('sq-gaj', { id: 'sq-gaj-weixin', name: '示例市公安', platform: '微信公众号' });
  k.account('sq-sw', { id: 'sq-sw-weixin', name: '示例市商务', platform: '微信公众号' });
  k.account('sq-zf', { id: 'sq-zf-weixin', name: '示例市发布', platform: '微信公众号' });

  k.region('jiangsu/shili/jiaqu', { name: '江苏省示例市甲区', level: '县级', supervisingOffice: 'hz-bgs' });
  k.unit('jiangsu/shili/jiaqu', { id: 'hz-bgs', name: '示例市甲区人民政府办公室', kind: '政府办公室', level: '县级' });
  k.unit('jiangsu/shili/jiaqu', { id: 'hz-zf', name: '示例市甲区人民政府', kind: '人民政府', level: '县级', scoringClass: '县区功能区' });
  k.unit('jiangsu/shili/jiaqu', { id: 'hz-jd', name: '示例市甲区新南街道办事处', kind: '乡镇街道', level: '县级', scoringClass: '县区功能区' });
  k.unit('jiangsu/shili/jiaqu', { id: 'hz-new', name: '示例市甲区新坝街道办事处', kind: '乡镇街道', level: '县级', scoringClass: '县区功能区' });
  k.account('hz-zf', { id: 'hz-zf-weixin', name: '甲区发布', platform: '微信公众号', certification: { status: '认证中' } });
  k.account('hz-jd', { id: 'hz-jd-weixin', name: '新南街道', platform: '微信公众号' });
  // on Douyin since October, never filed (瞒报): a unit deduction
  const unfiled: Event[] = [
    { type: '平台注册', date: '2026-10-01' },
    { type: '平台认证', date: '2026-10-02' },
  ];
  k.account('hz-jd', { id: 'hz-jd-douyin', name: '新南街道', platform: '抖音', contentType: '音视频', events: unfiled });
  // still opening: the unit has no operated account
  k.account('hz-new', { id: 'hz-new-weixin', name: '新坝街道', platform: '微信公众号', events: openEvents('2026-11-16').slice(0, 2) });
  return k;
}

const ACTIVITY = [
  'accountId,lastPost,lastOriginalPost,lastReplyToPublic,unansweredMessages,oldestUnanswered,postsLast7Days,originalPostsLast7Days',
  'sq-wjw-weixin,2026-11-19,2026-11-19,2026-11-19,0,,8,5',
  'sq-wjw-douyin,2026-11-10,2026-11-10,2026-11-18,0,,0,0',
  'sq-wjw-weibo,2026-11-19,2026-11-19,2026-11-19,0,,7,4',
  'sq-jyj-weixin,2026-11-19,2026-11-19,2026-11-16,2,2026-11-17,9,5',
  'sq-gaj-weixin,2026-11-19,2026-11-19,2026-11-19,0,,3,2',
  'sq-sw-weixin,2026-11-01,2026-11-01,2026-11-01,0,,0,0',
  'sq-zf-weixin,2026-11-20,2026-11-20,2026-11-20,0,,10,6',
  'hz-zf-weixin,2026-11-12,2026-11-01,2026-11-16,1,2026-11-17,2,0',
  'hz-jd-weixin,2026-11-19,2026-11-18,2026-11-01,0,,3,1',
].join('\n');

const INSPECTION = {
  period: '2026年11月',
  results: [
    { account: 'sq-wjw-weixin', indicator: 'bonus-commended', note: '获省政府办公厅通报表扬' },
    { account: 'sq-jyj-weixin', indicator: 'typo', count: 12, note: '标题和正文错别字' },
    { account: 'sq-jyj-weixin', indicator: 'bonus-commended' },
    { account: 'sq-gaj-weixin', indicator: 'veto-serious-error', note: '将机构名称写错' },
    { account: 'hz-zf-weixin', indicator: 'bonus-commended' },
    { unit: 'hz-jd', indicator: 'unfiled-account', note: '快手账号未备案' },
  ],
};

function setup(): { root: string; activity: string; inspection: string } {
  const root = writeKit(kit(), tmp());
  const activity = path.join(root, 'activity.csv');
  writeFileSync(activity, ACTIVITY + '\n');
  const inspection = path.join(root, 'inspection.json');
  writeFileSync(inspection, JSON.stringify(INSPECTION, null, 2));
  return { root, activity, inspection };
}

async function scores(args: string[]): Promise<ScoreReport> {
  const r = await run([...args, '--now', NOW, '--format', 'json']);
  // stderr: at most the activity snapshot's date, nothing else
  expect(r.err.split('\n').filter((l) => l && !l.startsWith('运行数据：'))).toEqual([]);
  expect(r.code).toBe(0);
  const j = JSON.parse(r.out) as { now: string; reports: ScoreReport[] };
  expect(j.reports).toHaveLength(1);
  return j.reports[0]!;
}

const unit = (r: ScoreReport, id: string): UnitScore => [...r.classes.flatMap((c) => c.units), ...r.unclassified].find((u) => u.id === id)!;

describe('the 江苏 scoring model, checked by hand', () => {
  it('scores accounts, units and classes', async () => {
    const { root, activity, inspection } = setup();
    const r = await scores(['--root', root, '--activity', activity, '--inspection', inspection]);
    expect(r.catalogue).toMatchObject({ policy: 'jiangsu-city-notice', deductionBase: 100, bonusThreshold: 70, bonusCap: 20 });

    const wjw = unit(r, 'sq-wjw');
    const acc = Object.fromEntries(wjw.accounts.map((a) => [a.id, a]));
    // 100, bonuses 5 (originals 5/8) + 5 (8 posts) + 5 (replies cleared) + 10 (commended) = 25 → capped at 20
    expect(acc['sq-wjw-weixin']).toMatchObject({ base: 100, bonus: 20, score: 120 });
    expect(acc['sq-wjw-weixin']!.bonuses.map((b) => b.indicator).sort()).toEqual(['bonus-active', 'bonus-commended', 'bonus-original-ratio', 'bonus-replies-cleared']);
    // 10 days without an update −10, no original post −5 → 85 (> 70): replies cleared +5 → 90
    expect(acc['sq-wjw-douyin']).toMatchObject({ base: 85, bonus: 5, score: 90 });
    expect(acc['sq-wjw-douyin']!.deductions.map((d) => [d.indicator, d.points])).toEqual([['weekly-update-missed', 10], ['weekly-original-missed', 5]]);
    // name differs from the unit's other platforms −5 → 95, bonuses 15 → 110
    expect(acc['sq-wjw-weibo']).toMatchObject({ base: 95, bonus: 15, score: 110 });
    expect(acc['sq-wjw-weibo']!.deductions[0]).toMatchObject({ indicator: 'name-inconsistent', points: 5 });
    // unit: mean of 120, 90, 110
    expect(wjw).toMatchObject({ vetoed: false, mean: 106.67, unitDeduction: 0, score: 106.67, final: 100, rank: 1 });

    // reply late −10, certification without public info −5, 12 typos at 1 point capped at 10 → 75; bonuses 5 + 5 + 10 = 20 → 95
    const jyj = unit(r, 'sq-jyj');
    expect(jyj.accounts[0]).toMatchObject({ base: 75, bonus: 20, score: 95 });
    expect(jyj.accounts[0]!.deductions.find((d) => d.indicator === 'typo')).toMatchObject({ count: 12, points: 10 });
    // 95 ÷ 106.666… × 100 = 89.0625
    expect(jyj).toMatchObject({ score: 95, final: 89.06, rank: 2 });

    // vetoes zero the unit: a serious misstatement (inspection), no update for 19 days (activity)
    const gaj = unit(r, 'sq-gaj');
    expect(gaj).toMatchObject({ vetoed: true, score: 0, final: 0, rank: 3 });
    expect(gaj.accounts[0]!.vetoes[0]).toMatchObject({ indicator: 'veto-serious-error', from: 'inspection' });
    expect(unit(r, 'sq-sw')).toMatchObject({ vetoed: true, score: 0, final: 0, rank: 3 });
    expect(unit(r, 'sq-sw').accounts[0]!.vetoes[0]).toMatchObject({ indicator: 'veto-no-update-2-weeks', from: 'activity' });

    const city = r.classes.find((c) => c.name === '市级部门')!;
    expect(city.best).toBe(106.67);
    expect(city.units.map((u) => u.id)).toEqual(['sq-wjw', 'sq-jyj', 'sq-gaj', 'sq-sw']);

    // exactly 70 after deductions (8 days −10, no original −5, reply −10, not certified −5): no bonus, even when commended
    const hz = unit(r, 'hz-zf');
    expect(hz.accounts[0]).toMatchObject({ base: 70, bonus: 0, score: 70 });
    expect(hz.accounts[0]!.bonuses.map((b) => b.indicator)).toEqual(['bonus-commended']);
    // 100 for the account; the unit loses 10 for the account on Douyin since October without a filing and 10 for the one inspectors found
    const jd = unit(r, 'hz-jd');
    expect(jd.accounts.map((a) => a.id)).toEqual(['hz-jd-weixin']);
    expect(jd).toMatchObject({ mean: 100, unitDeduction: 20, score: 80, final: 100, rank: 1 });
    expect(jd.unitHits[0]).toMatchObject({ indicator: 'unfiled-account', count: 2, points: 20 });
    expect(jd.unitHits[0]!.detail.zh).toContain('hz-jd-douyin');
    expect(hz).toMatchObject({ score: 70, final: 87.5, rank: 2 });

    // units without a class are scored but not ranked; units without an operated account are listed
    expect(r.unclassified.map((u) => [u.id, u.score])).toEqual([['sq-zf', 115]]);
    expect(r.notScored.map((n) => n.id)).toEqual(['hz-new']);
  });

  it('without activity data the activity indicators are not measured (and cannot veto)', async () => {
    const { root } = setup();
    const r = await scores(['--root', root]);
    const sw = unit(r, 'sq-sw');
    expect(sw).toMatchObject({ vetoed: false, score: 100 });
    expect(sw.accounts[0]!.unmeasured).toContain('veto-no-update-2-weeks');
    expect(unit(r, 'sq-wjw').accounts.find((a) => a.id === 'sq-wjw-weibo')).toMatchObject({ score: 95 });
    expect(r.activity).toBeUndefined();
  });

  it('bad inspection results are usage errors (exit 2) naming the line', async () => {
    const { root } = setup();
    const file = path.join(root, 'bad.json');
    const cases: [unknown, string][] = [
      [{ results: [{ account: 'sq-jyj-weixin', indicator: 'no-such-indicator' }] }, '不在指标目录中'],
      [{ results: [{ account: 'nobody-weixin', indicator: 'typo' }] }, '不在登记簿中'],
      [{ results: [{ account: 'sq-jyj-weixin', indicator: 'typo', note: '联系 13912345678' }] }, '电话号码'],
      [{ results: [{ unit: 'sq-jyj', indicator: 'typo' }] }, '须写明 account'],
      [{ results: [{ account: 'sq-jyj-weixin', indicator: 'weekly-update-missed' }] }, '由运行数据计算'],
      [{ results: [{ account: 'hz-new-weixin', indicator: 'typo' }] }, '不在运维'],
    ];
    for (const [doc, msg] of cases) {
      writeFileSync(file, JSON.stringify(doc, null, 2));
      const r = await run(['--root', root, '--now', NOW, '--inspection', file]);
      expect(r.code, msg).toBe(2);
      expect(r.err).toContain(msg);
    }
  });
});

describe('the sample register', () => {
  it('scores with the sample activity snapshot and inspection results', async () => {
    const samples = path.join(ENGINE_ROOT, 'docs', 'samples');
    const r = await scores(['--root', ENGINE_ROOT, '--activity', path.join(samples, 'activity-2026-11.csv'), '--inspection', path.join(samples, 'inspection-2026-11.json')]);
    const cdc = unit(r, 'sq-cdc');
    // reply over 24 hours −10, two typos −2
    expect(cdc.accounts[0]).toMatchObject({ base: 88, bonus: 0, score: 88 });
    expect(r.classes.map((c) => [c.name, c.units.map((u) => u.id)])).toEqual([
      ['县区功能区', ['sq-jq-zf']],
      ['市级部门', ['sq-wjw', 'sq-cdc']],
    ]);
    expect(r.inspection).toMatchObject({ results: 3 });
  });
});

describe('the catalogue', () => {
  it('is data in the 江苏 module, every indicator sourced: verbatim with a quote, or marked as our reading', async () => {
    const policies = await loadPolicies(ENGINE_ROOT);
    const js = policies.find((p) => p.manifest.id === 'jiangsu-city-notice')!;
    const cat = js.extras.scoring as ScoringCatalogue;
    expect(cat.classes).toEqual(['县区功能区', '市级部门']);
    const ids = cat.indicators.map((i) => i.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const i of cat.indicators) {
      expect(i.source.citation.doc, i.id).toBeTruthy();
      expect(i.source.citation.article, i.id).toBeTruthy();
      if (i.source.verbatim) expect(i.source.citation.quote, i.id).toBeTruthy();
      else expect(i.source.reading, i.id).toBeDefined();
      if (i.kind === 'veto') expect(i.points).toBe(0);
      else {
        expect(i.points).toBeGreaterThan(0);
        if (i.pointsBasis === 'reading') expect(JSON.stringify(i.source.reading ?? ''), i.id).toMatch(/解读|reading/);
      }
    }
    expect(cat.indicators.filter((i) => i.kind === 'veto').map((i) => i.id)).toEqual(expect.arrayContaining(['veto-no-update-2-weeks', 'veto-serious-error']));
  });

  const SHARED = path.join(ENGINE_ROOT, '..', 'shared');
  it.skipIf(!existsSync(SHARED))('quotes marked verbatim are found in the source texts (when ../shared is present)', async () => {
    const norm = (s: string): string => s.replace(/[\s,，;；。、“”"（）()]/g, '');
    const corpus = norm(
      ['seeds/jiangsu-city-notice-interpretation.txt', 'reference/national-2018-guobanfa-123.txt', 'reference/inspection-indicators-2019-notes.txt'].map((f) => readFileSync(path.join(SHARED, f), 'utf8')).join('\n'),
    );
    const policies = await loadPolicies(ENGINE_ROOT);
    const cat = policies.find((p) => p.manifest.id === 'jiangsu-city-notice')!.extras.scoring as ScoringCatalogue;
    const quotes = [cat.citation.quote!, ...cat.indicators.filter((i) => i.source.verbatim).map((i) => i.source.citation.quote!)];
    for (const q of quotes) for (const part of q.split(/[；;]/)) expect(corpus, part).toContain(norm(part));
  });
});

describe('HTML report', () => {
  it('ranking tables and inline SVG bar charts, self-contained, opened in Chromium', async () => {
    const { root, activity, inspection } = setup();
    const file = path.join(root, 'out', 'score.html');
    const r = await run(['--root', root, '--now', NOW, '--activity', activity, '--inspection', inspection, '--out', file]);
    expect(r.code).toBe(0);
    expect(r.out).toContain('6 个单位参加排名');
    const html = readFileSync(file, 'utf8');
    expect(html).not.toMatch(/<script|<link |src="http|href="http/);
    const ctx = await browserContext({ offline: true });
    try {
      const page = await ctx.newPage();
      const requests: string[] = [];
      page.on('request', (q) => void requests.push(q.url()));
      await page.goto(pathToFileURL(file).href);
      const charts = page.locator('svg.chart');
      expect(await charts.count()).toBe(2);
      // 县区功能区 first (catalogue order): 2 units; 市级部门: 4 units
      expect(await charts.nth(0).locator('rect').count()).toBe(2);
      expect(await charts.nth(1).locator('rect').count()).toBe(4);
      const widths = await charts.nth(1).locator('rect').evaluateAll((rs) => rs.map((x) => Number(x.getAttribute('width'))));
      expect(widths[0]).toBe(440); // 100
      expect(widths[1]).toBeCloseTo(440 * 0.8906, 0); // 89.06
      expect(widths.slice(2)).toEqual([0, 0]); // vetoed
      const box = await charts.nth(1).boundingBox();
      expect(box?.height).toBeGreaterThan(100);
      const ranking = page.locator('h2:has-text("市级部门") + svg + table tbody tr');
      expect(await ranking.count()).toBe(4);
      expect(await ranking.first().innerText()).toContain('示例市卫生健康委员会');
      expect(await page.locator('text=本库解读（非原文）').count()).toBeGreaterThan(0);
      expect(requests.filter((u) => !u.startsWith('file:'))).toEqual([]);
    } finally {
      await ctx.close();
    }
  });
});
