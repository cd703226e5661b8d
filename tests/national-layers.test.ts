/**
 * 法律层级：国办发〔2018〕123号 绑定在根地区，各地区继承；地方办法叠加在上面。同一事项两者都检查出问题时只报一条：
 * 较严的那条，并列出两处依据。
 * Layers of law: the national module reaches every region; where a local rule implements a national one and
 * both find the same thing, one finding remains (the stricter; the local one when equal) citing both.
 */
import { rmSync } from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { validateSource } from '../scripts/pipeline/pipeline.ts';
import { citationText, type Finding } from '../scripts/core/finding.ts';
import { ENGINE_ROOT } from '../scripts/core/paths.ts';
import { FsSource } from '../scripts/core/source.ts';
import { FixtureKit } from '../scripts/dev/fixture.ts';
import { loadPolicies } from '../scripts/policy/loader.ts';
import { writeKit } from './helpers.ts';
import { fixtureOf } from './support/cases.ts';

const NOW = '2026-11-20';
const policies = await loadPolicies(ENGINE_ROOT);
const liaoning = policies.find((p) => p.manifest.id === 'liaoning-2019-plan')!;
const liaoningFixture = (await fixtureOf(liaoning))!;
const national = policies.find((p) => p.manifest.id === 'national-2018-123')!;
const dirs: string[] = [];
afterAll(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

/** The 辽宁 module's fixture with the root bound to the national module. */
function kit(): FixtureKit {
  const k = new FixtureKit();
  liaoningFixture(k);
  k.region('', { name: '全国', level: '国家', policies: ['national'], supervisingOfficeName: '国务院办公厅' });
  return k;
}

async function run(k: FixtureKit): Promise<Finding[]> {
  const dir = writeKit(k);
  dirs.push(dir);
  return (await validateSource(new FsSource(dir), { now: NOW, policies: [liaoning, national], exceptionsDir: 'none' })).findings;
}

describe('the national module under a local one', () => {
  it('the 辽宁 fixture is clean under both', async () => {
    expect((await run(kit())).map((f) => `${f.ruleId} ${f.message.zh}`)).toEqual([]);
  });

  /** A second WeChat account of `dept`, a copy of the first one's events; `edit` changes its events (e.g. adds a justification). */
  function secondWeixin(k: FixtureKit, edit: (evs: ReturnType<FixtureKit['get']>['events']) => ReturnType<FixtureKit['get']>['events'] = (e) => e): void {
    k.account('dept', { id: 'dept-weixin-2', name: '健康辽宁服务', platform: '微信公众号', events: edit(k.get('dept-weixin').events.map((e) => ({ ...e }))) });
  }
  const JUSTIFICATION = '服务号用于办事预约，订阅号用于信息发布，平台功能不同，无法合并。';

  it('a second WeChat account: 辽宁 and the national opinion both say 原则上 (an error unless an approved justification is recorded); one finding, both citations', async () => {
    const k = kit();
    secondWeixin(k);
    const fs = (await run(k)).filter((f) => f.ruleId.endsWith('/one-account-per-platform'));
    // equally strict: the local finding stays and cites the national clause too (the national one is merged into it)
    expect(fs.map((f) => [f.ruleId, f.severity])).toEqual([['liaoning-2019-plan/one-account-per-platform', 'error']]);
    expect(fs[0]!.message.zh).toContain('“健康辽宁服务”是同一平台的第二个账号，备案中没有写明例外理由');
    expect(citationText(fs[0]!.citation)).toBe('辽政办发〔2019〕24号 三、（一）规范开设整合；国办发〔2018〕123号 四、（一）开设整合');
    expect(fs[0]!.alsoRules).toEqual(['national-2018-123/one-account-per-platform']);
  });

  it('a second WeChat account whose filing records a justification: not approved yet, one error citing both; approved by the supervising office, neither layer reports it', async () => {
    const justified = (evs: ReturnType<FixtureKit['get']>['events']) => {
      evs[0]!.justification = JUSTIFICATION;
      return evs;
    };
    const pending = kit();
    secondWeixin(pending, (evs) => justified(evs).filter((e) => e.type !== '主管审核'));
    const fs = (await run(pending)).filter((f) => f.ruleId.endsWith('/one-account-per-platform'));
    expect(fs.map((f) => [f.ruleId, f.severity])).toEqual([['liaoning-2019-plan/one-account-per-platform', 'error']]);
    expect(fs[0]!.message.zh).toContain('备案写明了例外理由，但主管单位尚未审核同意');
    expect(fs[0]!.alsoRules).toEqual(['national-2018-123/one-account-per-platform']);

    // the same justification, approved by the supervising office in the same work, satisfies the national rule as well
    const approved = kit();
    secondWeixin(approved, justified);
    expect(approved.get('dept-weixin-2').events.some((e) => e.type === '主管审核' && e.decision === '同意')).toBe(true);
    expect((await run(approved)).filter((f) => f.ruleId.endsWith('/one-account-per-platform')).map((f) => `${f.ruleId} ${f.message.zh}`)).toEqual([]);
  });

  it('a stricter national rule wins over a laxer local one: certification text without the host (a local warning, national error); one finding, both citations', async () => {
    // Since the readings of issue 15 no shipped local rule of the same name is laxer than the national one
    // (自贡 第十六条 “应” is an error too), so the layering is shown on 自贡's module with that rule read as a warning.
    const real = policies.find((p) => p.manifest.id === 'zigong-2021-62')!;
    const zigong = { ...real, rules: real.rules.map((r) => (r.name === 'certification-names-host-unit' ? { ...r, severity: 'warning' as const } : r)) };
    const k = new FixtureKit();
    (await fixtureOf(real))!(k);
    k.region('', { name: '全国', level: '国家', policies: ['national'], supervisingOfficeName: '国务院办公厅' });
    k.get('dept-weixin').certification = { status: '已认证', publicInfo: '官方账号' };
    const dir = writeKit(k);
    dirs.push(dir);
    const all = (await validateSource(new FsSource(dir), { now: NOW, policies: [zigong, national], exceptionsDir: 'none' })).findings;
    const fs = all.filter((f) => f.ruleId.endsWith('/certification-names-host-unit'));
    expect(fs.map((f) => [f.ruleId, f.severity])).toEqual([['national-2018-123/certification-names-host-unit', 'error']]);
    expect(fs[0]!.alsoRules).toEqual(['zigong-2021-62/certification-names-host-unit']);
    expect(citationText(fs[0]!.citation)).toContain('国办发〔2018〕123号 四、（一）开设整合；自府办函〔2021〕62号');
  });

  it('原则上 names (辽宁 and national both errors with the justification path): one finding citing both; an approved justification excuses both, an unapproved one is one error on it', async () => {
    const named = (edit: (evs: ReturnType<FixtureKit['get']>['events']) => ReturnType<FixtureKit['get']>['events']): FixtureKit => {
      const k = kit();
      k.account('dept', { id: 'dept-douyin', name: k.get('dept-weixin').name, platform: '抖音' });
      k.account('dept', { id: 'dept-weibo', name: '别的名字（虚构）', platform: '新浪微博', events: edit(k.get('dept-weixin').events.map((e) => ({ ...e }))) });
      return k;
    };
    const names = async (k: FixtureKit): Promise<Finding[]> => (await run(k)).filter((f) => f.ruleId.endsWith('/consistent-names-across-platforms'));
    const plain = await names(named((e) => e));
    expect(plain.map((f) => [f.ruleId, f.severity])).toEqual([['liaoning-2019-plan/consistent-names-across-platforms', 'error']]);
    expect(plain[0]!.message.zh).toContain('“别的名字（虚构）”');
    expect(plain[0]!.message.zh).toContain('备案中没有写明理由');
    expect(citationText(plain[0]!.citation)).toBe('辽政办发〔2019〕24号 三、（一）规范开设整合；国办发〔2018〕123号 四、（一）开设整合');
    expect(plain[0]!.alsoRules).toEqual(['national-2018-123/consistent-names-across-platforms']);

    const justified = (evs: ReturnType<FixtureKit['get']>['events']): ReturnType<FixtureKit['get']>['events'] => {
      evs[0]!.justification = '微博账号沿用开通时的名称，粉丝较多，认证信息已标明主办单位，暂不更名。';
      return evs;
    };
    expect(await names(named(justified))).toEqual([]);
    const unapproved = await names(named((evs) => justified(evs).filter((e) => e.type !== '主管审核')));
    expect(unapproved.map((f) => [f.ruleId, f.severity, f.message.zh.includes('主管单位尚未审核同意')])).toEqual([['liaoning-2019-plan/consistent-names-across-platforms', 'error', true]]);
    expect(unapproved[0]!.alsoRules).toEqual(['national-2018-123/consistent-names-across-platforms']);
  });

  it('equally strict (both errors): the local finding stays, citing the national clause too', async () => {
    const k = kit();
    k.get('dept-weixin').certification = { status: '已认证', publicInfo: '官方账号' };
    const fs = (await run(k)).filter((f) => f.ruleId.endsWith('/certification-names-host-unit'));
    expect(fs.map((f) => [f.ruleId, f.severity])).toEqual([['liaoning-2019-plan/certification-names-host-unit', 'error']]);
    expect(citationText(fs[0]!.citation)).toBe('辽政办发〔2019〕24号 三、（一）规范开设整合；国办发〔2018〕123号 四、（一）开设整合');
  });

  it('what only the national opinion requires is reported by the national module alone', async () => {
    const k = kit();
    k.get('dept-weixin').events.push({ type: '平台注销', date: '2026-02-02' });
    const fs = await run(k);
    expect(fs.filter((f) => f.ruleId === 'national-2018-123/filed-with-supervisor').map((f) => f.message.zh)).toEqual(['账号已于 2026-02-02 平台注销，但此前没有关停备案']);
  });
});

describe('the sample register', () => {
  it('every region is judged by at least the national module, and the register is clean under it', async () => {
    const r = await validateSource(new FsSource(ENGINE_ROOT), { now: '2026-12-01' });
    const { policiesFor } = await import('../scripts/policy/engine.ts');
    for (const region of r.register.regions.values()) expect(policiesFor(r.register, policies, region.id, '2026-12-01').map((p) => p.manifest.id), region.id).toContain('national-2018-123');
    expect(r.findings.filter((f) => f.ruleId.startsWith('national-2018-123/')).map((f) => `${f.file} ${f.message.zh}`)).toEqual([]);
  });
});
