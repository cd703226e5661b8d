/**
 * 对抗测试（个人信息）：公开仓库上，合并请求检查的任何公开输出（摘要/置顶评论、行内标注、作业日志、
 * 检查记录、GitLab Code Quality）都不得出现人员姓名或电话；私有仓库可以出现。备案表只在私有仓库或
 * 明确要求时生成。每个场景都在真实临时 Git 仓库中运行 check-pr。
 *
 * Privacy: on a public repository no public output of check-pr (summary/comment, annotations,
 * job log, decision record, Code Quality) holds a staff name or phone; a private run may. Forms
 * only for a private repository or on explicit request. Real temporary Git repositories.
 */
import { readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { publicFinding, personalParts, resolveVisibility, accountPersonalValues } from '../../scripts/report/privacy.ts';
import { makeBaseRepo, type Repo } from '../pr-harness.ts';
import { expectInert, runHostile, type Outputs } from './render-harness.ts';

let repo: Repo;
/** Every staff name and phone number in the sample register. */
let personal: string[] = [];

function walk(dir: string): string[] {
  return readdirSync(dir).flatMap((n) => {
    const p = path.join(dir, n);
    return statSync(p).isDirectory() ? walk(p) : n.endsWith('.json') && n !== 'unit.json' && n !== 'region.json' ? [p] : [];
  });
}

beforeAll(async () => {
  delete process.env.GOVMEDIA_REPO_PRIVATE;
  delete process.env.GOVMEDIA_FORMS_ARTIFACT;
  repo = await makeBaseRepo();
  const all = new Set<string>();
  for (const f of walk(repo.abs('accounts'))) for (const v of accountPersonalValues(JSON.parse(readFileSync(f, 'utf8')))) all.add(v);
  personal = [...all].filter((v) => v.length >= 2);
}, 120_000);
afterEach(() => {
  delete process.env.GOVMEDIA_REPO_PRIVATE;
  delete process.env.GOVMEDIA_FORMS_ARTIFACT;
});
afterAll(() => {
  if (repo) rmSync(repo.dir, { recursive: true, force: true });
});

const ZG = 'zg-zfgjj-weixin';
const EDITOR = '申某某（虚构）';
const IN_CHARGE = '午某某（虚构）';

function publicText(o: Outputs): string {
  return [o.log, o.err, o.summary, o.gitlabRaw, o.recordRaw].join('\n');
}

function expectNoPersonal(o: Outputs, extra: string[] = []): void {
  expect(personal.length).toBeGreaterThan(50);
  const text = publicText(o);
  for (const v of [...personal, ...extra]) expect(text.includes(v), `"${v}" in a public output`).toBe(false);
  expect(o.recordRaw).not.toContain('"personal"');
  expect(o.recordRaw).not.toContain('"redacted"');
}

const sameEditorAndFinal = (r: Repo): void => r.edit(r.find(ZG), (a) => void (a.team!.review!.finalApprovers = [EDITOR]));

describe('privacy: a finding that names a person (编辑与终审为同一人)', () => {
  it('public (the default): no name anywhere; the message says the same person without the name', async () => {
    const o = await runHostile(repo, [sameEditorAndFinal]);
    expectInert(o);
    expectNoPersonal(o);
    const f = o.record.findings.introduced.find((x) => x.ruleId === 'zigong-2021-62/distinct-review-roles');
    expect(f?.message.zh).toBe('“［姓名已隐去］”同时担任编辑（初审）和终审：编辑、审核、终审没有由不同的人担任');
    expect(o.summary).toContain('| 错误 | “［姓名已隐去］”同时担任编辑（初审）和终审：编辑、审核、终审没有由不同的人担任 |');
    expect(o.annotations.some((l) => l.includes('::“［姓名已隐去］”同时担任编辑（初审）和终审'))).toBe(true);
    expect(o.gitlab.map((x) => x.description)).toContain('“［姓名已隐去］”同时担任编辑（初审）和终审：编辑、审核、终审没有由不同的人担任（自府办函〔2021〕62号 第二十条）');
    expect(o.record.visibility).toBe('public');
  });

  it('--visibility public explicitly: the same', async () => {
    const o = await runHostile(repo, [sameEditorAndFinal], { visibility: 'public' });
    expectNoPersonal(o);
  });

  it('GOVMEDIA_REPO_PRIVATE=false (a public repository in the workflow): the same', async () => {
    process.env.GOVMEDIA_REPO_PRIVATE = 'false';
    const o = await runHostile(repo, [sameEditorAndFinal]);
    expectNoPersonal(o);
  });

  it('--visibility private: the name is in the summary, the annotation, Code Quality and the record (with its personal field)', async () => {
    const o = await runHostile(repo, [sameEditorAndFinal], { visibility: 'private' });
    expectInert(o);
    expect(o.summary).toContain(`“${EDITOR}”同时担任编辑（初审）和终审`);
    expect(o.annotations.some((l) => l.includes(`::“${EDITOR}”同时担任编辑（初审）和终审`))).toBe(true);
    expect(o.gitlabRaw).toContain(EDITOR);
    const f = o.record.findings.introduced.find((x) => x.ruleId === 'zigong-2021-62/distinct-review-roles');
    expect(f?.personal).toEqual({ name: EDITOR });
    expect(o.record.visibility).toBe('private');
  });

  it('GOVMEDIA_REPO_PRIVATE=true (github.event.repository.private): private', async () => {
    process.env.GOVMEDIA_REPO_PRIVATE = 'true';
    const o = await runHostile(repo, [sameEditorAndFinal]);
    expect(o.summary).toContain(EDITOR);
  });

  it('--lang en on a public repository: "[name withheld]"', async () => {
    const o = await runHostile(repo, [sameEditorAndFinal], { lang: 'en' });
    expectNoPersonal(o);
    expect(o.summary).toContain('\\[name withheld\\]');
  });
});

describe('privacy: other findings that carry names or phones', () => {
  it('主要负责人与分管负责人为同一人 (a warning quoting the name): withheld on a public repository', async () => {
    const o = await runHostile(repo, [(r) => r.edit(r.find(ZG), (a) => void (a.team!.principal.name = IN_CHARGE))]);
    expectNoPersonal(o);
    expect(o.record.findings.introduced.some((f) => f.message.zh.includes('［姓名已隐去］'))).toBe(true);
  });

  it('六安: a person without a mobile (the message names the person): withheld', async () => {
    const o = await runHostile(repo, [(r) => r.edit(r.find('la-wjw-weixin'), (a) => void delete a.team!.operators[0]!.mobile)]);
    expectNoPersonal(o);
    const f = o.record.findings.introduced.find((x) => x.ruleId.endsWith('/basic-info-complete'));
    expect(f?.message.zh, JSON.stringify(o.record.findings.introduced)).toMatch(/“［姓名已隐去］”没有登记手机号码/);
  });

  it('a changed mobile number (a non-key change): neither the old nor the new number is shown', async () => {
    const o = await runHostile(repo, [(r) => r.edit(r.find(ZG), (a) => void (a.team!.operators[0]!.mobile = '13000000999'))]);
    expectNoPersonal(o, ['13000000999']);
    expect(o.summary).toContain('| 自贡住房公积金 | 自贡市住房公积金管理中心 | 非关键信息变更（报备） | 联系电话已更新 |');
  });

  it('a renamed staff member: neither name is shown, in the change table nor the findings', async () => {
    const o = await runHostile(repo, [(r) => r.edit(r.find(ZG), (a) => void (a.team!.operators[0]!.name = '戌某某（虚构）'))]);
    expectNoPersonal(o, ['戌某某（虚构）']);
  });
});

describe('privacy: the filled-in forms artifact', () => {
  const open = (r: Repo): void => {
    const src = r.find(ZG);
    const doc = r.read(src);
    r.write(`${path.posix.dirname(src)}/zg-zfgjj-douyin.json`, {
      ...doc,
      id: 'zg-zfgjj-douyin',
      name: '自贡住房公积金',
      platform: '抖音',
      contentType: '音视频',
      certification: { status: '未认证' },
      urls: undefined,
      events: [{ type: '开设备案', date: '2026-11-19', reason: '为拓展政务信息传播渠道，发布本单位政务信息、解读政策，信息来源为本单位，由办公室每周更新。', unitDecision: { decision: '同意', date: '2026-11-19', by: '主要负责人' } }],
    });
  };

  it('public repository: --forms writes nothing and says why; no name or phone in any output', async () => {
    const o = await runHostile(repo, [open], { forms: true });
    expect(o.forms).toEqual([]);
    expect(o.err).toContain('备案表含人员姓名和电话，公开仓库不生成');
    expectNoPersonal(o);
  });

  it('private repository: the forms are written', async () => {
    const o = await runHostile(repo, [open], { forms: true, visibility: 'private' });
    expect(o.forms).toEqual(['zg-zfgjj-douyin-0-开设备案表.docx', 'zg-zfgjj-douyin-0-开设备案表.html']);
  });

  it('explicit request (GOVMEDIA_FORMS_ARTIFACT=true) on a public repository: forms written, every other output still without names', async () => {
    process.env.GOVMEDIA_FORMS_ARTIFACT = 'true';
    const o = await runHostile(repo, [open], { forms: true });
    expect(o.forms).toHaveLength(2);
    expectNoPersonal(o);
  });
});

describe('privacy: the mechanism', () => {
  it('the visibility: the flag wins, then GOVMEDIA_REPO_PRIVATE, unknown is public', () => {
    expect(resolveVisibility(undefined, {})).toBe('public');
    expect(resolveVisibility(undefined, { GOVMEDIA_REPO_PRIVATE: 'true' })).toBe('private');
    expect(resolveVisibility(undefined, { GOVMEDIA_REPO_PRIVATE: 'TRUE ' })).toBe('private');
    expect(resolveVisibility(undefined, { GOVMEDIA_REPO_PRIVATE: '' })).toBe('public');
    expect(resolveVisibility('public', { GOVMEDIA_REPO_PRIVATE: 'true' })).toBe('public');
    expect(resolveVisibility('private', {})).toBe('private');
  });

  it('personalParts: a key listed by the rule, and a value holding a team member\'s name or phone', () => {
    const tpl = { message: { zh: '{role}“{person}”电话 {phone}，账号“{name}”', en: '{role} "{person}" phone {phone}, account "{name}"' }, fix: { zh: '请联系{person}', en: 'ask {person}' } };
    const p = personalParts(tpl, { role: '经办人员', person: '甲某（虚构）', phone: '13000000001', name: '健康自贡' }, { keys: ['person'], values: ['13000000001'] });
    expect(p?.personal).toEqual({ person: '甲某（虚构）', phone: '13000000001' });
    expect(p?.redacted.message.zh).toBe('经办人员“［姓名已隐去］”电话 ［电话已隐去］，账号“健康自贡”');
    expect(p?.redacted.message.en).toBe('经办人员 "[name withheld]" phone [phone withheld], account "健康自贡"');
    expect(p?.redacted.fix.zh).toBe('请联系［姓名已隐去］');
    expect(personalParts(tpl, { name: '健康自贡' }, { values: ['甲某（虚构）'] })).toBeUndefined();
  });

  it('publicFinding: a finding with personal values but no withheld text (built outside the engine) is still cleaned, then scrubbed', () => {
    const f = publicFinding(
      { ruleId: 'x/y', severity: 'error', file: 'a.json', line: 1, column: 1, message: { zh: '“乙某（虚构）”与 丙某（虚构） 相同', en: '"乙某（虚构）" equals 丙某（虚构）' }, fix: { zh: '改', en: 'fix' }, personal: { name: '乙某（虚构）' } },
      (s) => s.split('丙某（虚构）').join('＊＊'),
    );
    expect(f.message).toEqual({ zh: '“［姓名已隐去］”与 ＊＊ 相同', en: '"[name withheld]" equals ＊＊' });
    expect(f).not.toHaveProperty('personal');
    expect(f).not.toHaveProperty('redacted');
  });
});
