/**
 * 备案助手在 Node 中可测的部分：页面的“裁判”与命令行向导的 judgeChange 结论一致；答案写成的文件；
 * 检查结果对应到问题；人员代称一致；快照打包可逐字节还原。
 * The parts of the assistant testable in Node: the page's judge agrees with the scaffolder's
 * judgeChange; answers → file; findings → questions; stand-ins; the packed snapshot round-trips.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { cpSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { optionalQuestionsFor } from '../scripts/assistant/asks.ts';
import { judgeFile } from '../scripts/assistant/judge.ts';
import { draftAnswers, pointersByLine, produce, questionFor, type Answers } from '../scripts/assistant/model.ts';
import { packSnapshot, snapshotOf, StandIns } from '../scripts/assistant/page.ts';
import { expandSnapshot } from '../scripts/assistant/judge.ts';
import { loadPolicies } from '../scripts/policy/loader.ts';
import { judgeChange } from '../scripts/scaffold/guard.ts';
import type { AccountFile, UnitFile } from '../scripts/generated/types.ts';
import { cmdChange, cmdRecord } from '../scripts/commands/scaffold.ts';
import { captureIo, ENGINE_ROOT, tmpDir } from './helpers.ts';
import { makeBaseRepo, rules, runScenario } from './pr-harness.ts';

const NOW = '2026-11-20';
const dirs: string[] = [];
afterAll(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

const team = (editor: string, reviewer: string): Answers['team'] => ({
  principal: { name: '甲某（虚构）', position: '自贡市卫生健康委员会 主任' },
  inCharge: { name: '乙某（虚构）', position: '自贡市卫生健康委员会 副主任' },
  sectionHead: { name: '丙某（虚构）', position: '自贡市卫生健康委员会 办公室主任' },
  operators: [{ name: '丁某（虚构）', position: '自贡市卫生健康委员会 办公室科员', mobile: '13900000000' }],
  editors: [editor],
  reviewers: [reviewer],
  finalApprovers: ['乙某（虚构）'],
});

function answers(platform: Answers['platform'], editor = '丁某（虚构）', reviewer = '丙某（虚构）'): Answers {
  return { action: '开设', unitDir: 'sichuan/zigong/zg-swjw', platform, name: '健康自贡', contentType: '图文', team: team(editor, reviewer), date: NOW, reason: '为发布卫生健康政策和健康科普信息开设本账号。信息来源为委内各科室，由办公室编辑审核发布，每周更新不少于两次，安排专人值守留言。', decision: '同意', decisionBy: '委党组会议', decisionDate: NOW };
}

describe("the page's judge is the scaffolder's judgement", () => {
  it('same introduced findings as judgeChange for a clean filing, a second account on a platform and one person in two roles', async () => {
    const root = tmpDir('govmedia-assistant-model-');
    dirs.push(root);
    for (const f of ['accounts']) cpSync(path.join(ENGINE_ROOT, f), path.join(root, f), { recursive: true });
    const policies = await loadPolicies(ENGINE_ROOT);
    const snap = expandSnapshot(packSnapshot(snapshotOf(root, NOW, ENGINE_ROOT, { teams: true })));
    const unit = JSON.parse(snap.files['accounts/sichuan/zigong/zg-swjw/unit.json']!) as UnitFile;
    const taken = (id: string): boolean => Object.keys(snap.files).some((r) => r.endsWith(`/${id}.json`));
    const seen: string[][] = [];
    for (const a of [answers('哔哩哔哩'), answers('抖音'), answers('快手', '丁某（虚构）', '丁某（虚构）')]) {
      const p = produce(a, unit, undefined, taken);
      const page = judgeFile(snap, policies, { rel: p.rel, text: p.text, after: p.account, id: p.account.id }, NOW);
      const cli = await judgeChange(root, { write: new Map([[p.rel, p.text]]), remove: [], account: { id: p.account.id, path: p.rel, after: p.account, unitName: (id) => id } }, { now: NOW });
      const ids = (fs: { ruleId: string }[]): string[] => [...new Set(fs.map((f) => f.ruleId))].sort();
      expect(ids(page.introduced)).toEqual(ids(cli.introduced));
      expect(ids(page.blocking)).toEqual(ids(cli.blocking));
      seen.push(ids(page.blocking));
    }
    expect(seen[0]).toEqual([]);
    expect(seen[1]).toContain('zigong-2021-62/one-account-per-platform');
    expect(seen[2]).toContain('zigong-2021-62/distinct-review-roles');
  }, 60_000);
});

describe('answers, questions and stand-ins', () => {
  const unit = { id: 'zg-swjw', name: '自贡市卫生健康委员会', kind: '政府部门' } as UnitFile;
  it('writes the file the CLI writes: $schema, id from the platform, the unit decision as given', () => {
    const p = produce(answers('哔哩哔哩'), unit, undefined, () => false);
    expect(p.rel).toBe('accounts/sichuan/zigong/zg-swjw/zg-swjw-bilibili.json');
    expect(p.account).toMatchObject({ $schema: '../../../../schemas/account.schema.json', hostUnit: 'zg-swjw', certifiedEntity: { name: '自贡市卫生健康委员会', category: '政府部门', unit: 'zg-swjw' }, events: [{ type: '开设备案', unitDecision: { decision: '同意', by: '委党组会议', date: NOW } }] });
    expect(produce(answers('哔哩哔哩'), unit, undefined, (id) => id === 'zg-swjw-bilibili').account.id).toBe('zg-swjw-bilibili-2');
  });

  it('maps a finding to the question of the line it names', () => {
    const p = produce(answers('哔哩哔哩'), unit, undefined, () => false);
    const lines = pointersByLine(p.text);
    const lineOf = (needle: string): number => p.text.split('\n').findIndex((l) => l.includes(needle)) + 1;
    const q = (needle: string): string => questionFor({ file: p.rel, line: lineOf(needle) }, p, lines);
    expect(q('"platform"')).toBe('platform');
    expect(q('"reviewers"')).toBe('review');
    expect(q('"principal"')).toBe('team');
    expect(q('"by"')).toBe('decision');
    expect(q('"reason"')).toBe('filing');
    expect(questionFor({ file: 'accounts/sichuan/zigong/zg-swjw/unit.json', line: 3 }, p)).toBe('unit');
  });

  it('a draft has stand-ins only where nothing was answered', () => {
    const a = answers('哔哩哔哩');
    a.name = '';
    a.decision = '' as Answers['decision'];
    a.team!.principal = { name: '', position: '' };
    const d = draftAnswers(a, NOW, '自贡市卫生健康委员会');
    expect(d.name).toBe('（新账号）');
    expect(d.decision).toBe('同意');
    expect(d.team!.principal.name).toBe('待填写1');
    expect(d.team!.inCharge.name).toBe('乙某（虚构）');
    expect(a.name).toBe(''); // the answers themselves are untouched
  });

  it('stand-ins: the same person everywhere, in the shapes the schema accepts, nothing of the original left', () => {
    const s = new StandIns();
    const f1 = JSON.stringify({ team: { principal: { name: '张某（虚构）', position: 'x', mobile: '13000000001', officePhone: '0000-0000001' }, inCharge: { name: '李某（虚构）', position: 'y' }, operators: [], review: { editors: ['李某（虚构）'] } }, events: [{ note: '由张某（虚构）接替，电话 0000-0000001' }] });
    s.learn(f1);
    const out = s.file(f1);
    expect(out).not.toMatch(/张某|李某|13000000001|0000-0000001/);
    const o = JSON.parse(out) as { team: { principal: { name: string; mobile: string; officePhone: string }; review: { editors: string[] } }; events: { note: string }[] };
    expect(o.team.principal.name).toBe('人员1（已隐去）');
    expect(o.team.review.editors).toEqual(['人员2（已隐去）']);
    expect(o.team.principal.mobile).toMatch(/^1[0-9]{10}$/);
    expect(o.team.principal.officePhone).toMatch(/^[0-9][0-9-]{6,19}$/);
    expect(o.events[0]!.note).toBe(`由人员1（已隐去）接替，电话 ${o.team.principal.officePhone}`);
  });

  it('the packed snapshot gives back every file byte for byte', () => {
    const snap = snapshotOf(ENGINE_ROOT, NOW, ENGINE_ROOT, { teams: true });
    const back = expandSnapshot(packSnapshot(snap));
    expect(back.files).toEqual(snap.files);
  });
});

describe("names across units: the page's judge reads every other unit's names, as check-pr does", () => {
  it("a new account named like another unit's account on the same platform is refused by the page and by check-pr alike", async () => {
    const repo = await makeBaseRepo();
    dirs.push(repo.dir);
    const policies = await loadPolicies(ENGINE_ROOT);
    const snap = snapshotOf(repo.dir, NOW, ENGINE_ROOT, { teams: true });
    const unit = JSON.parse(snap.files['accounts/sichuan/zigong/zg-swjw/unit.json']!) as UnitFile;
    const mine = new Set(Object.entries(snap.files).filter(([r]) => r.includes('/zg-swjw/') && !r.endsWith('/unit.json')).map(([, t]) => (JSON.parse(t) as { platform: string }).platform));
    // a live account of another unit, on a platform the unit has no account on
    const [, text] = Object.entries(snap.files).find(([r, t]) => r.startsWith('accounts/sichuan/') && !r.includes('/zg-swjw/') && !r.endsWith('/unit.json') && !r.endsWith('/region.json') && !mine.has((JSON.parse(t) as { platform: string }).platform) && t.includes('"主管审核"'))!;
    const other = JSON.parse(text) as { name: string; platform: Answers['platform'] };
    const a = { ...answers(other.platform), name: other.name };
    const p = produce(a, unit, undefined, (id) => Object.keys(snap.files).some((r) => r.endsWith(`/${id}.json`)));
    const page = judgeFile(snap, policies, { rel: p.rel, text: p.text, after: p.account, id: p.account.id }, NOW);
    const pageRules = [...new Set(page.introduced.filter((f) => f.severity !== 'notice').map((f) => f.ruleId))].sort();
    expect(pageRules).toContain('register/impersonation');
    expect(page.errors.map((f) => f.ruleId)).toContain('register/impersonation');
    const run = await runScenario(repo, [(r) => r.write(p.rel, p.text)], { now: NOW });
    expect(run.json.verdict).toBe('fail');
    expect([...new Set(run.json.findings.filter((f) => f.severity !== 'notice').map((f) => f.ruleId))].sort()).toEqual(pageRules);
    expect(rules(run)).toContain('register/impersonation');
  }, 120_000);
});

describe('optional questions come from the jurisdiction\'s policy modules', () => {
  it('六安 asks for the section head, the functions and the vendor agreement; 辽宁 asks none of the four', async () => {
    const policies = await loadPolicies(ENGINE_ROOT);
    const snap = expandSnapshot(packSnapshot(snapshotOf(ENGINE_ROOT, NOW, ENGINE_ROOT)));
    const taken = (id: string): boolean => Object.keys(snap.files).some((r) => r.endsWith(`/${id}.json`));
    const asked = (dir: string): string[] => [...optionalQuestionsFor(snap, policies, JSON.parse(snap.files[`accounts/${dir}/unit.json`]!) as UnitFile, dir, NOW, taken)].sort();
    expect(asked('anhui/luan/la-wjw')).toEqual(['functions', 'sectionHead', 'vendorAgreement']);
    expect(asked('liaoning/ln-wjw')).toEqual([]);
    // the answers not asked are not written: no section head, no functions, no agreement in the file
    const unit = JSON.parse(snap.files['accounts/liaoning/ln-wjw/unit.json']!) as UnitFile;
    const a: Answers = { ...answers('哔哩哔哩'), unitDir: 'liaoning/ln-wjw', mode: '购买服务', vendorName: '某某信息技术有限公司（虚构）' };
    delete a.team!.sectionHead;
    const p = produce(a, unit, undefined, taken);
    expect(p.account.functions).toBeUndefined();
    expect(p.account.team!.sectionHead).toBeUndefined();
    expect(p.account.vendor).toEqual({ name: '某某信息技术有限公司（虚构）' });
  }, 60_000);
});

describe('记录: the page writes the file govmedia record writes', () => {
  const ZG = 'accounts/sichuan/zigong/zg-swjw/zg-swjw-weibo.json';
  const LA = 'accounts/anhui/luan/la-szf/la-szf-weibo.json'; // last password change 2026-10-30
  const base = { reason: '', decision: '同意', decisionBy: '', decisionDate: NOW } as const;
  const cases: { what: string; rel: string; answers: Partial<Answers>; flags: string[] }[] = [
    {
      what: '资料留存 (自贡 第十一条): the stage and two items of kept material',
      rel: ZG,
      answers: { date: '2026-11-23', record: { type: '资料留存', stage: '开设', evidence: [{ kind: '聊天记录', ref: '档案 ZG-2026-031' }, { kind: '公告链接', ref: 'https://example.gov.cn/n/1' }] } },
      flags: ['--type', '资料留存', '--stage', '开设', '--evidence', '聊天记录=档案 ZG-2026-031', '--evidence', '公告链接=https://example.gov.cn/n/1', '--date', '2026-11-23', '--now', '2026-11-23'],
    },
    {
      what: '密码更换 on time: the date and the attesting role',
      rel: LA,
      answers: { date: '2026-12-01', record: { type: '密码更换', attestedBy: '办公室主任' } },
      flags: ['--type', '密码更换', '--attested-by', '办公室主任', '--date', '2026-12-01', '--now', '2026-12-01'],
    },
    {
      what: '密码更换 late (六安 第三十二条（一）), with the reason',
      rel: LA,
      answers: { date: '2027-02-15', justification: '账号 1 月停更，期间无人登录', record: { type: '密码更换', attestedBy: '分管负责人' } },
      flags: ['--type', '密码更换', '--attested-by', '分管负责人', '--justification', '账号 1 月停更，期间无人登录', '--date', '2027-02-15', '--now', '2027-02-15'],
    },
  ];
  it.each(cases)('$what', async ({ rel, answers: given, flags }) => {
    const root = tmpDir('govmedia-assistant-record-');
    dirs.push(root);
    cpSync(path.join(ENGINE_ROOT, 'accounts'), path.join(root, 'accounts'), { recursive: true });
    const before = JSON.parse(readFileSync(path.join(root, rel), 'utf8')) as AccountFile;
    const unitDir = path.posix.dirname(rel).slice('accounts/'.length);
    const unit = JSON.parse(readFileSync(path.join(root, 'accounts', unitDir, 'unit.json'), 'utf8')) as UnitFile;
    const p = produce({ action: '记录', unitDir, accountRel: rel, ...base, ...given } as Answers, unit, before, () => true);
    // a record is no filing: the one event appended, no reason, no unit decision
    expect(p.account.events.slice(before.events.length)).toHaveLength(1);
    expect(p.account.events.at(-1)).not.toHaveProperty('unitDecision');
    const r = await captureIo((io) => cmdRecord([before.id, ...flags, '--yes', '--root', root], io));
    expect(r.code, r.err).toBe(0);
    expect(p.text).toBe(readFileSync(path.join(root, rel), 'utf8'));
  });

  it('findings at the record\'s own fields belong to the record question; a draft without them is still a valid file', () => {
    const rel = 'accounts/anhui/luan/la-szf/la-szf-weibo.json';
    const before = JSON.parse(readFileSync(path.join(ENGINE_ROOT, rel), 'utf8')) as AccountFile;
    const unit = JSON.parse(readFileSync(path.join(ENGINE_ROOT, 'accounts/anhui/luan/la-szf/unit.json'), 'utf8')) as UnitFile;
    const a = { action: '记录', unitDir: 'anhui/luan/la-szf', accountRel: rel, date: NOW, reason: '', decision: '同意', decisionBy: '', decisionDate: NOW, record: { type: '资料留存', stage: '关停', evidence: [] } } as Answers;
    const draft = produce(draftAnswers(a, NOW, unit.name), unit, before, () => true);
    const ev = draft.account.events.at(-1)!;
    expect(ev).toEqual({ type: '资料留存', date: NOW, action: '关停', evidence: [{ kind: '其他', ref: '待填写' }] });
    const lines = pointersByLine(draft.text);
    const lineOf = (key: string): number => [...lines].find(([, p]) => p[0] === 'events' && p[1] === before.events.length && p[2] === key)![0];
    for (const key of ['action', 'evidence']) expect(questionFor({ file: rel, line: lineOf(key) }, draft, lines)).toBe('record');
    expect(questionFor({ file: rel, line: lineOf('date') }, draft, lines)).toBe('filing');
    const pw = produce(draftAnswers({ ...a, record: { type: '密码更换', attestedBy: ' ' } }, NOW, unit.name), unit, before, () => true);
    expect(pw.account.events.at(-1)).toEqual({ type: '密码更换', date: NOW, attestedBy: '待填写' });
  });
});

describe('信息报备: the page writes the file govmedia change writes for a staff change', () => {
  it('a new mobile for the officer in charge: the team edited in place, one 信息报备 naming the role only', async () => {
    const rel = 'accounts/anhui/luan/la-szf/la-szf-weibo.json';
    const root = tmpDir('govmedia-assistant-report-');
    dirs.push(root);
    cpSync(path.join(ENGINE_ROOT, 'accounts'), path.join(root, 'accounts'), { recursive: true });
    const before = JSON.parse(readFileSync(path.join(root, rel), 'utf8')) as AccountFile;
    const unit = JSON.parse(readFileSync(path.join(root, 'accounts/anhui/luan/la-szf/unit.json'), 'utf8')) as UnitFile;
    const t = before.team!;
    // the team as the page shows it for the account (prefilled), with the one phone edited
    const team: NonNullable<Answers['team']> = {
      principal: t.principal,
      inCharge: { ...t.inCharge, mobile: '13000000999' },
      ...(t.sectionHead ? { sectionHead: t.sectionHead } : {}),
      operators: t.operators,
      editors: t.review?.editors ?? [],
      reviewers: t.review?.reviewers ?? [],
      finalApprovers: t.review?.finalApprovers ?? [],
    };
    const p = produce({ action: '报备', unitDir: 'anhui/luan/la-szf', accountRel: rel, team, date: '2026-12-01', reason: '', decision: '同意', decisionBy: '', decisionDate: '2026-12-01' }, unit, before, () => true);
    expect(p.account.events.slice(before.events.length)).toEqual([{ type: '信息报备', date: '2026-12-01', changes: [{ field: '联系电话', from: '分管负责人联系电话（原）', to: '分管负责人联系电话（新）' }] }]);
    expect(p.account.team!.inCharge.mobile).toBe('13000000999');
    const r = await captureIo((io) => cmdChange([before.id, '--phone', '分管负责人=,13000000999', '--date', '2026-12-01', '--now', '2026-12-01', '--yes', '--root', root], io));
    expect(r.code, r.err).toBe(0);
    expect(p.text).toBe(readFileSync(path.join(root, rel), 'utf8'));
  });
});
