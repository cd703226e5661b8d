/**
 * 审批路由引用条款：合并请求摘要、检查记录和 check-approvals 都写明每项审批的理由和依据（文号、条款）；
 * 备案写明的“原则上”例外理由显示在摘要中（转义），并要求主管单位审批；问题按“谁来办”分组。
 * Approval routing cites its articles (PR summary, decision record, check-approvals); a recorded
 * justification is shown escaped and routed to the supervising office; findings grouped by actor.
 * Real temporary repositories through tests/pr-harness.ts.
 */
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cli, tmpDir } from './helpers.ts';
import { makeBaseRepo, openAccount, Repo, runScenario } from './pr-harness.ts';

let repo: Repo;
const dirs: string[] = [];
beforeAll(async () => {
  repo = await makeBaseRepo();
  dirs.push(repo.dir);
}, 120_000);
afterAll(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

interface Ground {
  change: string;
  key: string;
  why: { zh: string; en: string };
  citations: { doc: string; article: string }[];
}
interface Requirement {
  role: { zh: string; en: string };
  reviewers: string[];
  because: string[];
  grounds?: Ground[];
}
const cites = (g: Ground | undefined): string[] => (g?.citations ?? []).map((c) => `${c.doc} ${c.article}`);
const reqOf = (rs: Requirement[], role: string): Requirement | undefined => rs.find((r) => r.role.zh.startsWith(role));
const groundOf = (r: Requirement | undefined, key: string): Ground | undefined => r?.grounds?.find((g) => g.key === key);

/** Run check-pr with a summary and a record written to files; returns them with the JSON. */
async function runWithFiles(steps: ((r: Repo) => void)[], extra: string[] = []): Promise<{ json: { verdict: string; approvals: Requirement[] }; summary: string; record: { approvals: Requirement[]; changes: { justifications?: { text: string }[] }[] }; recordFile: string; code: number }> {
  const out = tmpDir('govmedia-routing-');
  dirs.push(out);
  const summary = path.join(out, 'summary.md');
  const recordFile = path.join(out, 'record.json');
  const run = await runScenario(repo, steps, { extraArgs: ['--summary', summary, '--record', recordFile, '--visibility', 'private', ...extra] });
  return {
    json: run.json as unknown as { verdict: string; approvals: Requirement[] },
    summary: readFileSync(summary, 'utf8'),
    record: JSON.parse(readFileSync(recordFile, 'utf8')) as { approvals: Requirement[]; changes: { justifications?: { text: string }[] }[] },
    recordFile,
    code: run.code,
  };
}

const OPEN = (date: string, extra: Record<string, unknown> = {}): Record<string, unknown> => ({
  type: '开设备案',
  date,
  reason: '为拓展政务信息传播渠道，发布本单位政务信息、解读政策，信息来源为本单位，由办公室每周更新。',
  unitDecision: { decision: '同意', date, by: '主要负责人' },
  ...extra,
});

describe('approval routing cites its articles', () => {
  it('a 自贡 opening: the unit cites 第七条第（二）项, the supervising office 第七条第（三）（四）项 and 国办发〔2018〕123号, in the JSON, the record and the summary', async () => {
    const r = await runWithFiles([(x) => void openAccount(x, 'zg-swjw-weixin', 'zg-swjw-kuaishou', { name: '健康自贡', platform: '快手' })]);
    const unit = reqOf(r.json.approvals, '主办单位');
    const sup = reqOf(r.json.approvals, '主管单位');
    expect(cites(groundOf(unit, 'unit'))).toEqual(['自府办函〔2021〕62号 第七条第（二）项', '国办发〔2018〕123号 二、明确工作职责']);
    expect(groundOf(sup, 'supervisor:open')?.why.zh).toBe('开设须经主管单位审核同意，并由主管单位备案');
    expect(cites(groundOf(sup, 'supervisor:open'))).toEqual(['自府办函〔2021〕62号 第七条第（三）项、第（四）项', '国办发〔2018〕123号 四、（一）开设整合']);
    // the decision record carries the same grounds
    expect(cites(groundOf(reqOf(r.record.approvals, '主管单位'), 'supervisor:open'))).toEqual(cites(groundOf(sup, 'supervisor:open')));
    // the summary says why, with the document and article, under each approver
    expect(r.summary).toContain('### 需要的审批');
    expect(r.summary).toMatch(/  - 开设：“健康自贡”：开设须经主管单位审核同意，并由主管单位备案（依据：自府办函〔2021〕62号 第七条第（三）项、第（四）项；国办发〔2018〕123号 四、（一）开设整合）/);
    expect(r.summary).toContain('依据：自府办函〔2021〕62号 第七条第（二）项');
  });

  it('a 自贡 non-key change needs the unit only, citing 第十八条 (the unit changes it and reports to the office); a key change cites 第十七条', async () => {
    const nonKey = await runWithFiles([
      (x) =>
        x.edit(x.find('zg-swjw-weibo'), (a) => {
          a.team!.operators[0]!.officePhone = '0813-0000099';
          a.events.push({ type: '信息报备', date: '2026-11-19', changes: [{ field: '联系电话', from: '原号码', to: '0813-0000099' }] });
        }),
    ]);
    expect(nonKey.json.approvals.map((a) => a.role.zh)).toEqual(['主办单位“自贡市卫生健康委员会”']);
    const g = groundOf(nonKey.json.approvals[0], 'unit:non-key-change');
    expect(g?.why.zh).toContain('不需主管单位审批');
    expect(cites(g)[0]).toBe('自府办函〔2021〕62号 第十八条');

    const key = await runWithFiles([
      (x) =>
        x.edit(x.find('zg-swjw-weibo'), (a) => {
          a.events.push({ type: '变更备案', date: '2026-11-19', reason: '机构职能调整，账号名称随之更改，以便公众识别。', changes: [{ field: '账号名称', from: a.name, to: '自贡健康' }], unitDecision: { decision: '同意', date: '2026-11-19', by: '主要负责人' } });
          a.name = '自贡健康';
        }),
    ]);
    expect(cites(groundOf(reqOf(key.json.approvals, '主管单位'), 'supervisor:key-change'))[0]).toBe('自府办函〔2021〕62号 第十七条第（一）项');
  });

  it('a 六安 opening cites 六安 第八条 for both the unit and the supervising office', async () => {
    const r = await runWithFiles([(x) => void openAccount(x, 'la-jyj-weixin', 'la-jyj-kuaishou', { platform: '快手' })]);
    expect(cites(groundOf(reqOf(r.json.approvals, '主办单位'), 'unit'))[0]).toBe('六政办秘〔2021〕148号 第八条');
    expect(cites(groundOf(reqOf(r.json.approvals, '主管单位'), 'supervisor:open'))[0]).toBe('六政办秘〔2021〕148号 第八条');
    const en = await runWithFiles([(x) => void openAccount(x, 'la-jyj-weixin', 'la-jyj-kuaishou', { platform: '快手' })], ['--lang', 'en']);
    expect(en.summary).toContain("an opening needs the supervising office's review and approval, and is filed with it (source: 六政办秘〔2021〕148号 第八条");
  });

  it('check-approvals prints each requirement\'s grounds from the record, and keeps them in its JSON', async () => {
    const r = await runWithFiles([(x) => void openAccount(x, 'zg-swjw-weixin', 'zg-swjw-kuaishou', { name: '健康自贡', platform: '快手' })]);
    const reviews = path.join(path.dirname(r.recordFile), 'reviews.json');
    writeFileSync(reviews, '[]');
    const text = await cli(['check-approvals', '--record', r.recordFile, '--reviews', reviews, '--author', 'clerk-fictitious']);
    expect(text.code).toBe(1);
    expect(text.out).toContain('因为：开设：“健康自贡”：开设须经主管单位审核同意，并由主管单位备案（依据：自府办函〔2021〕62号 第七条第（三）项、第（四）项；国办发〔2018〕123号 四、（一）开设整合）');
    const en = await cli(['check-approvals', '--record', r.recordFile, '--reviews', reviews, '--author', 'clerk-fictitious', '--lang', 'en', '--format', 'json']);
    const j = JSON.parse(en.out) as { requirements: Requirement[] };
    expect(cites(groundOf(reqOf(j.requirements, '主管单位'), 'supervisor:open'))[0]).toBe('自府办函〔2021〕62号 第七条第（三）项、第（四）项');
    // a record whose grounds are malformed still decides (grounds explain, never decide)
    const rec = JSON.parse(readFileSync(r.recordFile, 'utf8')) as { approvals: { grounds?: unknown }[] };
    for (const a of rec.approvals) a.grounds = [{ change: 1, key: 'x' }, 'junk'];
    writeFileSync(r.recordFile, JSON.stringify(rec));
    const bad = await cli(['check-approvals', '--record', r.recordFile, '--reviews', reviews, '--author', 'clerk-fictitious']);
    expect(bad.code).toBe(1);
    expect(bad.out).toContain('因为：开设：“健康自贡”');
  });
});

describe('a cross-region move names the former office and why', () => {
  it('an account moved from a 大连 unit to a 沈阳 unit: the former supervising office approves, citing 辽宁 三、（一） and 国办发〔2018〕123号 (主办单位发生变化)', async () => {
    const r = await runWithFiles([
      (x) => {
        const from = x.find('dl-tsg-weixin');
        const to = from.replace('/dalian/dl-tsg/', '/shenyang/sy-szf/');
        x.mv(from, to);
        x.edit(to, (a) => {
          a.hostUnit = 'sy-szf';
          a.events.push({ type: '变更备案', date: '2026-11-16', reason: '账号划转沈阳市人民政府统一运营（虚构样例）。', unitDecision: { decision: '同意', date: '2026-11-16', by: '主要负责人' }, changes: [{ field: '主办单位', from: '大连图书馆', to: '沈阳市人民政府' }] });
        });
      },
    ]);
    const former = r.json.approvals.find((a) => a.role.zh.startsWith('原主管单位'));
    expect(former, JSON.stringify(r.json.approvals.map((a) => a.role.zh))).toBeDefined();
    const g = groundOf(former, 'former-supervisor');
    expect(g?.why.zh).toContain('原主管单位须同意');
    expect(cites(g)).toEqual(['辽政办发〔2019〕24号 三、（一）规范开设整合', '国办发〔2018〕123号 四、（一）开设整合']);
    expect(groundOf(reqOf(r.json.approvals, '原主办单位'), 'former-unit')?.why.zh).toContain('须经原主办单位同意');
    expect(r.summary).toContain('原主管单位须同意（依据：辽政办发〔2019〕24号 三、（一）规范开设整合；国办发〔2018〕123号 四、（一）开设整合）');
  });
});

describe('a justification for a 原则上 rule is shown, escaped, and routed to the supervising office', () => {
  const HOSTILE = '服务号办事、订阅号发布，无法合并 | <img src=x onerror=alert(1)> @evil/team [点此](https://evil.example) **粗体**\n## 伪造标题';

  it('a second WeChat account with a justification: the summary shows it (escaped) and says the office must approve it, citing 自贡 第六条、第八条', async () => {
    const r = await runWithFiles([(x) => void openAccount(x, 'zg-swjw-weixin', 'zg-swjw-weixin-2', { name: '自贡卫健服务', platform: '微信公众号', subType: '服务号' }, [OPEN('2026-11-19', { justification: HOSTILE }) as never])]);
    const sup = reqOf(r.json.approvals, '主管单位');
    const g = groundOf(sup, 'justification');
    expect(g?.why.zh).toBe('修改中写明了“原则上”条款的例外理由（备案，或未按期更换密码的理由），须经主管单位审核同意方可成立');
    expect(cites(g)).toEqual(['自府办函〔2021〕62号 第六条、第八条', '国办发〔2018〕123号 四、（一）开设整合']);
    expect(r.record.changes.flatMap((c) => c.justifications ?? []).map((j) => j.text)).toEqual([HOSTILE]);
    // the summary: its own section, the text escaped for Markdown, and who must approve it
    expect(r.summary).toContain('### 例外理由（“原则上”条款，须经主管单位审核同意）');
    const section = r.summary.slice(r.summary.indexOf('### 例外理由'), r.summary.indexOf('### 需要的审批'));
    expect(section).not.toContain('<img');
    expect(section).toContain('&lt;img src=x onerror=alert(1)&gt;');
    expect(section).toContain('@&#8203;evil/team');
    expect(section).toContain('\\[点此\\]');
    expect(section).toContain('\\|');
    expect(section).not.toMatch(/^## 伪造标题/m);
    expect(section).toMatch(/  - 须由主管单位“自贡市人民政府办公室”（.+ 中任一人）审核同意这一理由；依据：自府办函〔2021〕62号 第六条、第八条；国办发〔2018〕123号 四、（一）开设整合/);
    // not yet approved in this work: the 原则上 rule still blocks, and says so
    expect(r.json.verdict).toBe('fail');
  });

  it('a progress step that records a justification later also needs the supervising office (not the unit alone)', async () => {
    const r = await runWithFiles([
      (x) =>
        x.edit(x.find('zg-swjw-weibo'), (a) => {
          a.events.push({ type: '补录备案', date: '2026-11-19', reason: '补录。', justification: '确需单独保留：面向基层医疗机构的专业服务。', unitDecision: { decision: '同意', date: '2026-11-19', by: '主要负责人' } });
        }),
    ]);
    expect(groundOf(reqOf(r.json.approvals, '主管单位'), 'justification')).toBeDefined();
  });
});

describe('六安 第三十二条（一）: a late password change with a justification (原则上每3个月)', () => {
  const push = (evs: Record<string, unknown>[]) => (x: Repo) => x.edit(x.find('la-wjw-weixin'), (a) => void a.events.push(...(evs as never[])));
  const ROT = (date: string, extra: Record<string, unknown> = {}): Record<string, unknown> => ({ type: '密码更换', date, attestedBy: '办公室主任', ...extra });

  it('without a justification the gap is an error of the unit; with one the finding goes and the supervising office must approve, citing 第三十二条（一） only', async () => {
    const late = await runWithFiles([push([ROT('2026-05-06'), ROT('2026-11-19')])]);
    expect(late.code).toBe(1);
    const gap = (late.json as unknown as { findings: { ruleId: string; severity: string; message: string }[] }).findings.filter((f) => f.ruleId === 'luan-2021-148/password-rotation-3-months');
    expect(gap.map((f) => [f.severity, f.message])).toEqual([['error', '两次密码更换相隔超过3个月：上次为 2026-05-06，本次为 2026-11-19（应在 2026-08-06 前更换），且本次更换没有写明例外理由']]);
    // a password change alone is a non-key change: the unit approves, not the office
    expect(reqOf(late.json.approvals, '主管单位')).toBeUndefined();

    const why = '账号 6 月至 10 月停更 <b>整改</b>，期间无人登录';
    const ok = await runWithFiles([push([ROT('2026-05-06'), ROT('2026-11-19', { justification: why })])]);
    expect((ok.json as unknown as { findings: { ruleId: string }[] }).findings.map((f) => f.ruleId)).not.toContain('luan-2021-148/password-rotation-3-months');
    const g = groundOf(reqOf(ok.json.approvals, '主管单位'), 'justification');
    expect(cites(g)).toEqual(['六政办秘〔2021〕148号 第三十二条（一）']);
    expect(ok.record.changes.flatMap((c) => c.justifications ?? []).map((j) => j.text)).toEqual([why]);
    const section = ok.summary.slice(ok.summary.indexOf('### 例外理由'), ok.summary.indexOf('### 需要的审批'));
    expect(section).toContain('&lt;b&gt;整改&lt;/b&gt;');
    expect(section).toMatch(/须由主管单位“[^”]+”（.+ 中任一人）审核同意这一理由；依据：六政办秘〔2021〕148号 第三十二条（一）/);
  });

  it('自贡 第十一条: appending a 资料留存 of the opening stage is a non-key change the unit approves alone', async () => {
    const r = await runWithFiles([(x) => x.edit(x.find('zg-swjw-weibo'), (a) => void a.events.push({ type: '资料留存', date: '2026-11-20', action: '开设', evidence: [{ kind: '聊天记录', ref: '档案 ZG-2026-077' }] } as never))]);
    expect(r.code).toBe(0);
    expect(r.json.approvals.map((a) => a.role.zh)).toEqual([expect.stringMatching(/^主办单位/)]);
  });
});

describe('findings are grouped by who must act', () => {
  it('a late review by the supervising office is listed under the office (a warning), not under the unit', async () => {
    const r = await runWithFiles([
      (x) =>
        void openAccount(x, 'zg-swjw-weixin', 'zg-swjw-kuaishou', { name: '健康自贡', platform: '快手' }, [
          OPEN('2026-11-02') as never,
          { type: '主管审核', date: '2026-11-19', decision: '同意', reviewer: '自贡市人民政府办公室' },
        ]),
    ]);
    expect(r.summary).toContain('#### 须由主管单位办理（');
    const office = r.summary.slice(r.summary.indexOf('#### 须由主管单位办理'));
    expect(office).toMatch(/\| 警告 \| 主管单位于 2026-11-19 作出审核，超过了5个工作日的审核期限/);
    const unitPart = r.summary.includes('#### 须由主办单位办理') ? r.summary.slice(r.summary.indexOf('#### 须由主办单位办理'), r.summary.indexOf('#### 须由主管单位办理')) : '';
    expect(unitPart).not.toContain('超过了5个工作日的审核期限');
  });
});
