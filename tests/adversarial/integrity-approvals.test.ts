/**
 * 对抗测试三：审批人来自基准分支；跨地区迁移须原主管单位审批；例外只从批准之日起有效（check-pr
 * 与 audit）；提交日期不可信：未来日期的提交不能让未来的事件显得合规，并被标出。
 *
 * Adversarial suite, part 3 (issue 12, items 3, 8 and the last part of 11): who approves comes
 * from the base register; moving across regions asks the former supervising office; exceptions
 * count from their approval date on; a commit dated in the future does not whitewash history.
 */
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { audit, judgingDates } from '../../scripts/history/audit.ts';
import { cli, tmpDir } from '../helpers.ts';
import { backToMain, makeBaseRepo, openAccount, startBranch } from '../pr-harness.ts';
import { approvers, auditFindings, commit, editAccount, expectAuditBroken, expectPassed, expectRefused, expectSane, NOW, runAudit, runScenario, type Repo, type ScenarioRun } from './integrity-harness.ts';

let repo: Repo;

beforeAll(async () => {
  repo = await makeBaseRepo();
}, 300_000);

afterAll(() => {
  if (repo) rmSync(repo.dir, { recursive: true, force: true });
});

const UNIT = 'accounts/sichuan/zigong/zg-swjw/unit.json';
const REGION = 'accounts/sichuan/zigong/region.json';
const ROOT = 'accounts/region.json';
const BASE_UNIT = '@govmedia-demo/zg-swjw';
const BASE_SUPERVISOR = '@govmedia-demo/zigong-supervisor';
const BASE_MAINTAINERS = '@govmedia-demo/maintainers';

function noAttacker(run: ScenarioRun): void {
  const all = run.json.approvals.flatMap((a) => a.reviewers);
  expect(all.filter((h) => /attacker/i.test(h)), JSON.stringify(run.json.approvals)).toEqual([]);
}


/** A host-unit change filing appended to an account moved to `toUnit`. */
function moveWithFiling(id: string, fromUnitDir: string, toUnitDir: string, toUnit: string, fromName: string, toName: string): (r: Repo) => void {
  return (r) => {
    const from = r.find(id);
    const to = from.replace(`/${fromUnitDir}/`, `/${toUnitDir}/`);
    r.mv(from, to);
    r.edit(to, (a) => {
      a.hostUnit = toUnit;
      a.events.push(
        { type: '变更备案', date: '2026-11-16', reason: '机构调整，账号划转统一运营。', unitDecision: { decision: '同意', date: '2026-11-16', by: '主要负责人' }, changes: [{ field: '主办单位', from: fromName, to: toName }] },
        { type: '变更公告', date: '2026-11-17', evidence: [{ kind: '公告链接', ref: 'https://example.gov.cn/notice/move' }] },
      );
    });
  };
}

describe('who approves is read from the base register, never from the PR', () => {
  it('a PR swapping a unit\'s reviewers is approved by the current (base) reviewers', async () => {
    const run = await runScenario(repo, [(r) => r.edit<{ reviewers: string[] }>(UNIT, (u) => void (u.reviewers = ['@attacker']))]);
    expectPassed(run);
    expect(approvers(run, '主办单位“自贡市卫生健康委员会”')).toEqual([BASE_UNIT]);
    expect(approvers(run, '主管单位')).toEqual([BASE_SUPERVISOR]);
    noAttacker(run);
  });

  it('a PR swapping a region\'s supervisor reviewers is approved by the base supervisor and the maintainers', async () => {
    const run = await runScenario(repo, [(r) => r.edit<{ reviewers: { supervisor: string[] } }>(REGION, (g) => void (g.reviewers.supervisor = ['@attacker2']))]);
    expectPassed(run);
    expect(approvers(run, '主管单位')).toEqual([BASE_SUPERVISOR]);
    expect(approvers(run, '维护者')).toEqual([BASE_MAINTAINERS]);
    noAttacker(run);
    const c = run.json.changes.find((x) => x.kind === 'region')!;
    expect(c.fields.map((f) => f.label)).toContain('主管单位审核人');
  });

  it('a PR replacing the maintainers in the root region.json is approved by the base maintainers', async () => {
    const run = await runScenario(repo, [(r) => r.edit<{ reviewers: { maintainers: string[] } }>(ROOT, (g) => void (g.reviewers.maintainers = ['@attacker-maint']))]);
    expectPassed(run);
    expect(approvers(run, '维护者')).toEqual([BASE_MAINTAINERS]);
    noAttacker(run);
  });

  it('a PR swapping reviewers and opening an account in the same unit: both approved by the base holders', async () => {
    const run = await runScenario(repo, [
      (r) => {
        r.edit<{ reviewers: string[] }>('accounts/sichuan/zigong/zg-zfgjj/unit.json', (u) => void (u.reviewers = ['@attacker']));
        openAccount(r, 'zg-zfgjj-weixin', 'zg-zfgjj-douyin', { name: '自贡住房公积金', platform: '抖音', contentType: '音视频' });
      },
    ]);
    expectPassed(run);
    expect(run.json.changes.map((c) => c.kind).sort()).toEqual(['open', 'unit-change']);
    expect(approvers(run, '主办单位')).toEqual(['@govmedia-demo/zg-zfgjj']);
    expect(approvers(run, '主管单位')).toEqual([BASE_SUPERVISOR]);
    noAttacker(run);
  });

  it('a PR pointing a unit\'s supervisor at another unit is approved by the base supervising office', async () => {
    const run = await runScenario(repo, [(r) => r.edit<{ supervisor?: string }>(UNIT, (u) => void (u.supervisor = 'zlj-gafj'))]);
    expectPassed(run);
    expect(approvers(run, '主管单位')).toEqual([BASE_SUPERVISOR]);
    const all = run.json.approvals.flatMap((a) => a.reviewers);
    expect(all).not.toContain('@govmedia-demo/zlj-gafj');
  });

  it('a PR changing the region\'s supervising office is approved by the base supervisor', async () => {
    const run = await runScenario(repo, [(r) => r.edit<{ supervisingOffice: string }>(REGION, (g) => void (g.supervisingOffice = 'zg-swjw'))]);
    expectPassed(run);
    expect(approvers(run, '主管单位“自贡市人民政府办公室”')).toEqual([BASE_SUPERVISOR]);
  });

  it('a new unit naming its own reviewers: its supervising office on the base approves, not the new names', async () => {
    const run = await runScenario(repo, [
      (r) => {
        r.write('accounts/sichuan/zigong/zg-sjyj/unit.json', { $schema: '../../../../schemas/unit.schema.json', id: 'zg-sjyj', name: '自贡市教育局', kind: '政府部门', level: '市级', region: 'sichuan/zigong', reviewers: ['@attacker'] });
      },
    ]);
    expectPassed(run);
    expect(approvers(run, '主管单位')).toEqual([BASE_SUPERVISOR]);
    noAttacker(run);
  });

  it('a new region with its own supervisor: the parent region\'s base supervisor and the maintainers approve', async () => {
    const run = await runScenario(repo, [
      (r) => {
        const reg = r.read<Record<string, unknown>>('accounts/sichuan/zigong/ziliujing/region.json');
        r.write('accounts/sichuan/zigong/gongjing/region.json', { ...reg, id: 'sichuan/zigong/gongjing', name: '四川省自贡市贡井区', supervisingOffice: undefined, reviewers: { supervisor: ['@attacker'] } });
      },
    ]);
    expectSane(run, run.json.findings);
    expect(approvers(run, '主管单位')).toEqual([BASE_SUPERVISOR]);
    expect(approvers(run, '维护者')).toEqual([BASE_MAINTAINERS]);
    noAttacker(run);
  });

  it('end to end: the decision record asks the base holders, so the attacker\'s approval does not satisfy it', async () => {
    const out = tmpDir('govmedia-adv-approvals-');
    try {
      const record = path.join(out, 'record.json');
      const run = await runScenario(repo, [(r) => r.edit<{ reviewers: string[] }>(UNIT, (u) => void (u.reviewers = ['@attacker']))], { extraArgs: ['--record', record] });
      expectPassed(run);
      const teams = path.join(out, 'teams.json');
      writeFileSync(teams, JSON.stringify({ [BASE_UNIT]: ['clerk-x'], [BASE_SUPERVISOR]: ['office-y'] }));
      const reviews = (who: string[]): string => {
        const f = path.join(out, `reviews-${who.join('-')}.json`);
        writeFileSync(f, JSON.stringify(who.map((login, i) => ({ user: { login }, state: 'APPROVED', submitted_at: `2026-11-20T0${i}:00:00Z` }))));
        return f;
      };
      const bad = await cli(['check-approvals', '--record', record, '--reviews', reviews(['attacker']), '--author', 'author-z', '--teams', teams]);
      expect(bad.code).toBe(1);
      expect(bad.out).toContain('尚缺');
      const good = await cli(['check-approvals', '--record', record, '--reviews', reviews(['clerk-x', 'office-y']), '--author', 'author-z', '--teams', teams]);
      expect(good.code).toBe(0);
      expect(JSON.parse(readFileSync(record, 'utf8')).approvals.flatMap((a: { reviewers: string[] }) => a.reviewers)).not.toContain('@attacker');
    } finally {
      rmSync(out, { recursive: true, force: true });
    }
  });
});

describe('moving an account to another region asks the former supervising office too', () => {
  it('ziliujing → zigong with a filing: the unit, the former unit, the supervisor and the former supervisor approve', async () => {
    const run = await runScenario(repo, [moveWithFiling('zlj-wxjjd-weibo', 'ziliujing/zlj-wxjjd', 'zg-zfgjj', 'zg-zfgjj', '自流井区五星街街道办事处', '自贡市住房公积金管理中心')]);
    expectSane(run, run.json.findings);
    expect(approvers(run, '原主办单位')).toBeDefined();
    expect(approvers(run, '原主管单位')).toEqual(['@govmedia-demo/ziliujing-supervisor']);
    expect(approvers(run, '主管单位“自贡市人民政府办公室”')).toEqual([BASE_SUPERVISOR]);
  });

  it('a move inside one region asks that region\'s office once, no "former" office', async () => {
    const run = await runScenario(repo, [moveWithFiling('dl-tsg-weixin', 'dl-tsg', 'dl-wlj', 'dl-wlj', '大连图书馆', '大连市文化和旅游局')]);
    // 大连市文化和旅游局 already runs a WeChat account: the moved one is a second (原则上 one per platform,
    // an error without an approved justification), which does not change who must approve the move
    expectSane(run, run.json.findings);
    expect(run.json.findings.map((f) => f.ruleId)).toContain('liaoning-2019-plan/one-account-per-platform');
    expect(approvers(run, '原主办单位“大连图书馆”')).toBeDefined();
    expect(approvers(run, '原主管单位')).toBeUndefined();
    expect(approvers(run, '主管单位')).toEqual(['@govmedia-demo/dalian-supervisor']);
  });

  it('a whole unit folder moved to another region: both regions\' offices approve', async () => {
    const run = await runScenario(repo, [
      (r) => {
        const from = 'accounts/sichuan/zigong/ziliujing/zlj-wxjjd';
        const to = 'accounts/sichuan/zigong/zlj-wxjjd';
        r.mv(from, to);
        r.edit<{ region: string }>(`${to}/unit.json`, (u) => void (u.region = 'sichuan/zigong'));
      },
    ]);
    expectSane(run, run.json.findings);
    const all = run.json.approvals.flatMap((a) => a.reviewers);
    expect(all).toContain('@govmedia-demo/ziliujing-supervisor');
    expect(all).toContain(BASE_SUPERVISOR);
    const u = run.json.changes.find((c) => c.kind === 'unit-change');
    expect(u?.fields.map((f) => f.label)).toContain('所属地区');
  });

  it('a cross-region move without a filing is refused, and still names the former office', async () => {
    const run = await runScenario(repo, [
      (r) => {
        const from = r.find('zlj-wxjjd-weibo');
        const to = from.replace('/ziliujing/zlj-wxjjd/', '/zg-zfgjj/');
        r.mv(from, to);
        r.edit(to, (a) => void (a.hostUnit = 'zg-zfgjj'));
      },
    ]);
    expectRefused(run, { rule: 'pr/move-without-filing', text: '没有办理主办单位变更备案' });
    expect(approvers(run, '原主管单位')).toEqual(['@govmedia-demo/ziliujing-supervisor']);
  });
});

/** The legacy second Weibo of 市公安局, and its exception approved on `approvedOn`. */
function exceptionFile(approvedOn: string): Record<string, string> {
  return { $schema: '../../schemas/exception.schema.json', id: 'zg-sgaj-weibo2', rule: 'zigong-2021-62/one-account-per-platform', account: 'zg-sgaj-weibo2', reason: '历史遗留的第二个微博账号，已列入整合计划。', approver: '自贡市人民政府办公室（示例批复）', approvedOn, expires: '2027-12-31' };
}
function secondWeibo(r: Repo): void {
  r.write(r.find('zg-sgaj-weibo').replace('zg-sgaj-weibo', 'zg-sgaj-weibo2'), { ...(r.read(r.find('zg-sgaj-weibo')) as object), id: 'zg-sgaj-weibo2' });
}

describe('exceptions count only from their approval date on', () => {
  it('check-pr: an exception approved after the check\'s date does not suppress what the PR brings', async () => {
    const run = await runScenario(repo, [secondWeibo], { engine: 'base', prepareMain: (r) => r.write('policies/exceptions/zg-sgaj-weibo2.json', exceptionFile('2026-12-01')) });
    expectSane(run, run.json.findings);
    // the finding stands (原则上: an error until a justification approved by the supervising office is recorded), not marked as excepted
    const f = run.json.findings.find((x) => x.ruleId === 'zigong-2021-62/one-account-per-platform');
    expect(f?.file).toContain('zg-sgaj-weibo2.json');
    expect(f?.citation).toBeTruthy();
    expect(f?.severity).toBe('error');
    expect(run.json.suppressed.map((x) => x.ruleId)).not.toContain('zigong-2021-62/one-account-per-platform');
  }, 180_000);

  it('check-pr: the same exception approved before the check\'s date suppresses it (control)', async () => {
    const run = await runScenario(repo, [secondWeibo], { engine: 'base', prepareMain: (r) => r.write('policies/exceptions/zg-sgaj-weibo2.json', exceptionFile('2026-11-01')) });
    expect(run.json.suppressed.map((f) => f.ruleId)).toContain('zigong-2021-62/one-account-per-platform');
    expect(run.json.findings.map((f) => f.ruleId)).not.toContain('zigong-2021-62/one-account-per-platform');
  }, 180_000);

  async function auditWithException(approvedOn: string): Promise<Awaited<ReturnType<typeof audit>>> {
    const branch = `exc-${approvedOn}`;
    await startBranch(repo, branch);
    const excDir = path.join(repo.dir, 'policies', 'exceptions');
    try {
      secondWeibo(repo);
      await commit(repo, '开设第二个微博', '2026-11-10');
      // the engine (this repository's own copy) holds the exception, approved on `approvedOn`
      mkdirSync(excDir, { recursive: true });
      writeFileSync(path.join(excDir, 'zg-sgaj-weibo2.json'), JSON.stringify(exceptionFile(approvedOn)));
      return await audit(repo.dir, { since: 'main', rev: branch, engineRoot: repo.dir, now: NOW });
    } finally {
      rmSync(excDir, { recursive: true, force: true });
      await backToMain(repo);
    }
  }

  it('audit: an exception approved later does not hide an earlier commit\'s violation', async () => {
    const r = await auditWithException('2026-11-15');
    // a warning (原则上) lists the commit among the warned ones
    const c = [...r.broken, ...r.warned].find((x) => x.subject === '开设第二个微博');
    expect(c, JSON.stringify(r.warned.map((x) => x.subject))).toBeDefined();
    const f = c!.findings.find((x) => x.ruleId === 'zigong-2021-62/one-account-per-platform');
    expect(f?.file).toContain('zg-sgaj-weibo2.json');
    expect(f?.message.zh).toMatch(/[\u4e00-\u9fff]/);
  }, 180_000);

  it('audit: an exception approved before the commit covers it (control)', async () => {
    const r = await auditWithException('2026-11-01');
    const c = [...r.broken, ...r.warned].find((x) => x.subject === '开设第二个微博');
    expect(c?.findings.map((x) => x.ruleId) ?? []).not.toContain('zigong-2021-62/one-account-per-platform');
  }, 180_000);
});

describe('a commit dated in the future does not make a future event look fine', () => {
  const report = (date: string): (r: Repo) => void => editAccount('zg-szf-weixin', (a) => void a.events.push({ type: '信息报备', date, changes: [{ field: '联系电话', from: '旧号码', to: '新号码' }] }));

  it('a commit dated after the audit day is flagged and judged as of the audit day', async () => {
    const run = await runAudit(repo, [{ subject: '来自未来的报备', date: '2027-03-01', step: report('2027-02-01') }]);
    expectAuditBroken(run, '来自未来的报备', { rule: 'audit/future-commit', text: '晚于审计日 2026-11-20' });
    expectAuditBroken(run, '来自未来的报备', { rule: 'register/event-order', text: '晚于今天（2026-11-20）' });
  });

  it('a commit dated after a later commit is flagged and judged as of the later date', async () => {
    const run = await runAudit(repo, [
      { subject: '日期超前的报备', date: '2026-11-19', step: report('2026-11-19') },
      { subject: '之后的提交', date: '2026-11-12', step: editAccount('zg-szf-douyin', (a) => void a.events.push({ type: '信息报备', date: '2026-11-12', changes: [{ field: '联系电话', from: '旧号码', to: '新号码' }] })) },
    ]);
    expectAuditBroken(run, '日期超前的报备', { rule: 'audit/future-commit', text: '晚于其后提交的日期（2026-11-12）' });
    expectAuditBroken(run, '日期超前的报备', { rule: 'register/event-order', text: '2026-11-19' });
    expect(run.json.broken.map((c) => c.subject)).not.toContain('之后的提交');
  });

  it('an honest history is not flagged (control)', async () => {
    const run = await runAudit(repo, [
      { subject: '报备一', date: '2026-11-12', step: report('2026-11-12') },
      { subject: '报备二', date: '2026-11-19', step: editAccount('zg-szf-douyin', (a) => void a.events.push({ type: '信息报备', date: '2026-11-19', changes: [{ field: '联系电话', from: '旧号码', to: '新号码' }] })) },
    ]);
    expectSane(run, auditFindings(run));
    expect(auditFindings(run).map((f) => f.ruleId)).not.toContain('audit/future-commit');
    expect(run.code).toBe(0);
  });

  it('judgingDates caps each date by the audit day and every later commit', () => {
    expect(judgingDates(['2026-11-01', '2026-11-30', '2026-11-10', '2026-11-12'], '2026-11-20')).toEqual({
      on: ['2026-11-01', '2026-11-10', '2026-11-10', '2026-11-12'],
      future: [undefined, 'after-audit-day', undefined, undefined],
    });
    expect(judgingDates(['2026-11-15', '2026-11-10'], '2026-11-20')).toEqual({ on: ['2026-11-10', '2026-11-10'], future: ['after-later-commit', undefined] });
  });
});
