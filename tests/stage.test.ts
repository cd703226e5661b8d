/**
 * 数据阶段与单位类型（issue 14 第4、5项）：补录的存量账号只须填写今天能确知的信息，未知事实在 unknown 中列出；
 * 政府系统以外的单位可以登记，默认只按数据规则检查；单位可以放在根地区。
 * The schema contract: data required by stage, how unknown facts are marked, unit kinds and levels, module scope.
 */
import { rmSync } from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { validateSource } from '../scripts/pipeline/pipeline.ts';
import { FsSource } from '../scripts/core/source.ts';
import type { Finding } from '../scripts/core/finding.ts';
import type { AccountFile } from '../scripts/generated/types.ts';
import { deriveState } from '../scripts/core/lifecycle.ts';
import { isBackfilled, isUnknown } from '../scripts/policy/stage.ts';
import type { LoadedPolicy } from '../scripts/policy/types.ts';
import { defineRule } from '../scripts/policy/types.ts';
import { baseKit, ENGINE_ROOT, writeKit } from './helpers.ts';
import { FixtureKit } from '../scripts/dev/fixture.ts';
import { loadPolicies } from '../scripts/policy/loader.ts';
import { fixtureOf } from './support/cases.ts';

const NOW = '2026-12-01';
const dirs: string[] = [];
afterAll(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

async function run(k: FixtureKit, policies: LoadedPolicy[] = []): Promise<Finding[]> {
  const dir = writeKit(k);
  dirs.push(dir);
  return (await validateSource(new FsSource(dir), { now: NOW, policies, exceptionsDir: 'none' })).findings;
}

/** A backfilled (imported) account: only what a unit knows today. */
function imported(k: FixtureKit, extra: Partial<AccountFile> = {}): AccountFile {
  const a = k.account('zg-wjw', { id: 'zg-wjw-douyin', name: '健康自贡抖音', platform: '抖音' });
  const minimal: Record<string, unknown> = {
    $schema: a.$schema,
    id: a.id,
    name: a.name,
    platform: a.platform,
    hostUnit: a.hostUnit,
    operatingMode: '未知',
    contentType: '未知',
    unknown: ['certifiedEntity', 'operatingUnit', 'operatingMode', 'contentType', 'team'],
    events: [
      { type: '平台注册', date: '2019-03-01' },
      { type: '补录备案', date: '2026-11-30', status: '正常', note: '接入本库时按报送系统导出表导入。' },
    ],
    ...extra,
  };
  for (const key of Object.keys(a)) delete (a as unknown as Record<string, unknown>)[key];
  Object.assign(a, minimal);
  return a;
}

const schemaErrors = (fs: Finding[]): string[] => fs.filter((f) => f.ruleId === 'register/schema').map((f) => f.message.zh);

describe('required data by stage (account schema)', () => {
  it('a backfilled account with name, platform, host unit, status and its unknowns declared is valid', async () => {
    const k = baseKit();
    imported(k);
    expect(schemaErrors(await run(k))).toEqual([]);
  });

  it('a backfilled account must declare what it leaves out: a missing team not listed in unknown is refused', async () => {
    const k = baseKit();
    imported(k, { unknown: ['certifiedEntity', 'operatingUnit', 'operatingMode', 'contentType'] });
    expect(schemaErrors(await run(k)).join('\n')).toContain('unknown');
  });

  it('“未知” in an enumeration must be listed in unknown', async () => {
    const k = baseKit();
    imported(k, { unknown: ['certifiedEntity', 'operatingUnit', 'contentType', 'team'] });
    expect(schemaErrors(await run(k)).join('\n')).toContain('unknown');
  });

  it('a WeChat account backfilled with subType “未知” is valid', async () => {
    const k = baseKit();
    imported(k, { platform: '微信公众号', subType: '未知', unknown: ['certifiedEntity', 'operatingUnit', 'operatingMode', 'contentType', 'team', 'subType'] });
    expect(schemaErrors(await run(k))).toEqual([]);
  });

  it('an account opened through the register needs the full filing data: no team → 缺少必填字段“team”', async () => {
    const k = baseKit();
    delete (k.get('zg-wjw-weixin') as AccountFile).team;
    expect(schemaErrors(await run(k)).join('\n')).toContain('缺少必填字段“team”');
  });

  it('an account opened through the register may not use “未知”', async () => {
    const k = baseKit();
    (k.get('zg-wjw-weixin') as AccountFile).operatingMode = '未知';
    expect(schemaErrors(await run(k)).join('\n')).toContain('operatingMode');
  });

  it('an account opened through the register may not carry unknown', async () => {
    const k = baseKit();
    (k.get('zg-wjw-weixin') as AccountFile).unknown = ['team'];
    expect(schemaErrors(await run(k)).join('\n')).toContain('unknown');
  });

  it('stage and unknown helpers read the file as the schema says', () => {
    const k = baseKit();
    const a = imported(k);
    expect(isBackfilled(a)).toBe(true);
    expect(isUnknown(a, 'team')).toBe(true);
    expect(isUnknown(a, 'platformRegistered')).toBe(false);
    expect(isBackfilled(k.get('zg-wjw-weixin'))).toBe(false);
    expect(isUnknown(k.get('zg-wjw-weixin'), 'team')).toBe(false);
  });

  it('a backfill that records the status is not pending: 正常 → active, 已关停 → closed', () => {
    const k = baseKit();
    const a = imported(k);
    expect(deriveState(a)).toMatchObject({ phase: '正常', closed: false });
    expect(deriveState(a).pending).toBeUndefined();
    const closed = imported(baseKit(), { events: [{ type: '补录备案', date: '2026-11-30', status: '已关停' }] });
    expect(deriveState(closed)).toMatchObject({ phase: '已关停', closed: true });
  });
});

describe('unit kinds, levels, aliases and module scope', () => {
  it('a central court unit with aliases may sit in the root region', async () => {
    const k = baseKit();
    k.unit('', { id: 'zgrmfy', name: '最高人民法院', kind: '法院', level: '中央', region: '', aliases: ['最高法'] });
    expect(schemaErrors(await run(k))).toEqual([]);
  });

  it('new kinds and levels are accepted; a misspelt kind names the allowed values', async () => {
    const k = baseKit();
    k.unit('sichuan/zigong', { id: 'zg-tw', name: '共青团自贡市委员会', kind: '群团组织', level: '市级' });
    k.unit('sichuan/zigong', { id: 'zg-gxq', name: '自贡高新技术产业开发区管理委员会', kind: '开发区管委会' });
    k.unit('sichuan/zigong', { id: 'zg-sq', name: '某某社区居民委员会（虚构）', kind: '村（社区）', level: '村级' });
    expect(schemaErrors(await run(k))).toEqual([]);
    const bad = baseKit();
    bad.unit('sichuan/zigong', { id: 'zg-x', name: '某单位', kind: '团委' as never });
    expect(schemaErrors(await run(bad)).join('\n')).toContain('不在允许范围内');
  });

  const probe = (appliesTo?: string[]): LoadedPolicy => ({
    manifest: { id: 'probe', issuer: '示例', docNumber: '示例', title: '示例', issued: '2020-01-01', inForce: '2020-01-01', supersedes: [], source: '-', jurisdiction: '全国', ...(appliesTo ? { appliesTo } : {}) },
    series: 'probe',
    version: 'v1',
    dir: 'policies/probe/v1',
    rules: [
      defineRule({
        scope: 'account',
        name: 'every-account',
        title: { zh: '探针', en: 'probe' },
        citation: { doc: '示例', article: '一' },
        severity: 'notice',
        messages: { seen: { zh: '已检查', en: 'seen' } },
        fix: { zh: '无', en: 'none' },
        check(ctx, a) {
          ctx.report({ account: a, messageId: 'seen' });
        },
      }),
    ],
    extras: {},
  });

  async function judged(appliesTo?: string[]): Promise<string[]> {
    const k = baseKit();
    (k.files.get('region.json') as unknown as { policies: string[] }).policies = ['probe'];
    k.unit('sichuan/zigong', { id: 'zg-fy', name: '自贡市中级人民法院', kind: '法院' });
    k.account('zg-fy', { id: 'zg-fy-weibo', name: '自贡中院', platform: '新浪微博', certifiedEntity: { name: '自贡市中级人民法院', category: '其他', unit: 'zg-fy' } });
    const fs = await run(k, [probe(appliesTo)]);
    expect(schemaErrors(fs)).toEqual([]);
    return fs.filter((f) => f.ruleId === 'probe/every-account').map((f) => f.account ?? '').sort();
  }

  it('by default a module judges the government system only: the court account is judged by the data rules', async () => {
    expect(await judged()).toEqual(['zg-wjw-weixin']);
  });

  it('a module that lists 法院 in appliesTo judges it', async () => {
    expect(await judged(['政府部门', '法院'])).toEqual(['zg-fy-weibo', 'zg-wjw-weixin']);
  });
});

describe('every module accepts an account imported on adoption (only what is known today)', () => {
  it.each([
    ['a Douyin account still running', '抖音', '正常'],
    ['a WeChat account of unknown sub-type', '微信公众号', '正常'],
    ['a closed historical Weibo account', '新浪微博', '已关停'],
    ['an app whose IPv6 and server facts are unknown', '移动客户端', '正常'],
  ] as const)('%s', async (_name, platform, status) => {
    const policies = await loadPolicies(ENGINE_ROOT);
    for (const p of policies) {
      const k = new FixtureKit();
      (await fixtureOf(p))!(k);
      const [unit, sibling] = platform === '微信公众号' || platform === '移动客户端' ? ['zf', 'zf-weibo'] : ['dept', 'dept-weixin']; // no second account on one platform
      const name = platform === '移动客户端' ? k.getUnit(unit).name + '客户端' : k.get(sibling).name; // names each module accepts
      const a = k.account(unit, { id: 'dept-imported', name, platform });
      const known = { $schema: a.$schema, id: a.id, name: a.name, platform, hostUnit: a.hostUnit };
      for (const key of Object.keys(a)) delete (a as unknown as Record<string, unknown>)[key];
      Object.assign(a, known, {
        ...(platform === '微信公众号' ? { subType: '未知' } : {}),
        operatingMode: '未知',
        contentType: '未知',
        unknown: ['certifiedEntity', 'operatingUnit', 'operatingMode', 'contentType', 'team', ...(platform === '微信公众号' ? ['subType'] : []), ...(platform === '移动客户端' ? ['app'] : [])],
        events: [{ type: '平台注册', date: '2019-03-01' }, { type: '补录备案', date: k.now, status }],
      });
      const fs = (await run(k, [p])).filter((f) => f.file.endsWith('/dept-imported.json'));
      expect(fs.map((f) => `${f.ruleId} ${f.message.zh}`), p.manifest.id).toEqual([]);
    }
  });
});
