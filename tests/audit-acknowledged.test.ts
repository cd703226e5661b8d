/**
 * 审计已确认的历史提交（policies/audit-acknowledged.json）：真实的临时 Git 仓库（simple-git）。
 * - 清单只从被审计的分支末端读取；所列提交的检查结果列为“已由维护者确认”，不计为违规；
 * - 只确认所列规则；格式不符的清单报告到具体位置，整份不用（什么也不确认）；
 * - 清单不能替同一提交中的违规开脱（一个提交不能写进自己的编号）；理由在输出中被转义。
 */
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { simpleGit, type SimpleGit } from 'simple-git';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AccountFile } from '../scripts/generated/types.ts';
import { baseKit, cli, tmpDir, writeKit } from './helpers.ts';

const ACK = 'policies/audit-acknowledged.json';
const REASON = '样例数据整理：维护者提交，非备案行为';
const NOW = '2026-12-05';

interface AuditJson {
  result: string;
  broken: { commit: string; findings: { ruleId: string; acknowledged?: boolean }[] }[];
  acknowledged: { commit: string; acknowledged: boolean; reason: string; findings: { ruleId: string; acknowledged?: boolean; reason?: string }[] }[];
  acknowledgmentList: { file: string; findings: ListFindings };
}
type ListFindings = { ruleId: string; severity: string; line: number; column: number; message: string }[];
const listFindings = (r: AuditJson): ListFindings => r.acknowledgmentList.findings;

let dir: string;
let g: SimpleGit;
let first: string;
let bad: string;
let clean: string;
const ACC = 'accounts/sichuan/zigong/zg-wjw/zg-wjw-weixin.json';

async function commitAt(message: string, date: string): Promise<string> {
  await g.add(['-A']);
  await g.env({ PATH: process.env.PATH ?? '/usr/bin:/bin', HOME: process.env.HOME ?? '/tmp', GIT_AUTHOR_DATE: `${date}T10:00:00+08:00`, GIT_COMMITTER_DATE: `${date}T10:00:00+08:00` }).commit(message);
  return (await g.revparse(['HEAD'])).trim();
}

function editAccount(fn: (a: AccountFile) => void): void {
  const file = path.join(dir, ACC);
  const a = JSON.parse(readFileSync(file, 'utf8')) as AccountFile;
  fn(a);
  writeFileSync(file, JSON.stringify(a, null, 2) + '\n');
}

function writeList(text: string): void {
  mkdirSync(path.join(dir, 'policies'), { recursive: true });
  writeFileSync(path.join(dir, ACK), text);
}

const list = (entries: object[]): string => JSON.stringify({ $schema: '../schemas/acknowledged.schema.json', entries }, null, 2) + '\n';

/** A branch from the clean tip that adds the list (and optionally changes more in the same commit). */
async function branchWithList(name: string, text: string, more?: () => void): Promise<string> {
  await g.checkout(['-b', name, clean]);
  writeList(text);
  more?.();
  const sha = await commitAt(`维护者：${name}`, '2025-06-05');
  await g.checkout(['main']);
  return sha;
}

async function auditJson(rev: string, extra: string[] = []): Promise<{ code: number; json: AuditJson }> {
  const r = await cli(['audit', '--repo', dir, '--since', first, '--rev', rev, '--now', NOW, '--format', 'json', ...extra]);
  return { code: r.code, json: JSON.parse(r.out) as AuditJson };
}

beforeAll(async () => {
  dir = writeKit(baseKit(), tmpDir('govmedia-ack-'));
  g = simpleGit({ baseDir: dir });
  await g.init(['-b', 'main']);
  await g.addConfig('user.name', '审计测试（虚构）');
  await g.addConfig('user.email', 'audit@example.invalid');
  first = await commitAt('初始登记簿', '2025-06-02');
  editAccount((a) => void (a.events[1]!.date = '2025-03-10')); // rewrites a past event
  bad = await commitAt('改写了过去的事件', '2025-06-03');
  editAccount((a) => void a.events.push({ type: '密码更换', date: '2025-06-04', attestedBy: '分管负责人' }));
  clean = await commitAt('密码更换', '2025-06-04');
}, 120_000);

afterAll(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe('audit acknowledgments (policies/audit-acknowledged.json)', () => {
  it('without a list the rewritten past event is a violation', async () => {
    const { code, json } = await auditJson('main');
    expect(json.broken.map((b) => b.commit)).toEqual([bad]);
    expect(json.broken[0]!.findings.map((f) => f.ruleId)).toContain('pr/past-event-changed');
    expect(code).toBe(1);
  });

  it('an acknowledged commit is shown as acknowledged, not counted, and the audit exits 0', async () => {
    const tip = await branchWithList('ack-all', list([{ commit: bad, reason: REASON, acknowledgedOn: '2025-06-05' }]));
    const { code, json } = await auditJson(tip);
    expect(json.broken).toEqual([]);
    expect(json.result).toBe('pass');
    expect(json.acknowledged.map((c) => c.commit)).toEqual([bad]);
    expect(json.acknowledged[0]!.acknowledged).toBe(true);
    expect(json.acknowledged[0]!.reason).toBe(REASON);
    const f = json.acknowledged[0]!.findings.find((x) => x.ruleId === 'pr/past-event-changed')!;
    expect(f.acknowledged).toBe(true);
    expect(f.reason).toBe(REASON);
    expect(code).toBe(0);

    const text = await cli(['audit', '--repo', dir, '--since', first, '--rev', tip, '--now', NOW]);
    expect(text.code).toBe(0);
    expect(text.out).toContain(`已由维护者确认：${REASON}（2025-06-05）`);
    expect(text.out).toContain('○ 已确认 accounts/sichuan/zigong/zg-wjw/zg-wjw-weixin.json');
    expect(text.out).toContain('违反规则的提交：0 个。');
    expect(text.out).toContain('已由维护者确认的提交：1 个。');
    const en = await cli(['audit', '--repo', dir, '--since', first, '--rev', tip, '--now', NOW, '--lang', 'en']);
    expect(en.out).toContain(`acknowledged by the maintainers: ${REASON}`);
    expect(en.out).toContain('Commits that broke a rule: 0.');

    // the record carries the same
    const rec = path.join(tmpDir('govmedia-ack-rec-'), 'audit.json');
    const withRecord = await cli(['audit', '--repo', dir, '--since', first, '--rev', tip, '--now', NOW, '--record', rec]);
    expect(withRecord.code).toBe(0);
    const recorded = JSON.parse(readFileSync(rec, 'utf8')) as AuditJson;
    expect(recorded.acknowledged[0]!.findings.every((x) => x.acknowledged === true && x.reason === REASON)).toBe(true);
    rmSync(path.dirname(rec), { recursive: true, force: true });
  });

  it('an acknowledgment limited to another rule leaves the violation standing', async () => {
    const other = await branchWithList('ack-other-rule', list([{ commit: bad, reason: REASON, acknowledgedOn: '2025-06-05', rules: ['pr/deleted-account'] }]));
    const r = await auditJson(other);
    expect(r.json.broken.map((b) => b.commit)).toEqual([bad]);
    expect(r.json.broken[0]!.findings.map((f) => f.ruleId)).toContain('pr/past-event-changed');
    expect(r.json.acknowledged).toEqual([]);
    expect(r.code).toBe(1);
    // limited to one of the rules it breaks: that one is acknowledged, the others still count
    const one = await branchWithList('ack-one-rule', list([{ commit: bad, reason: REASON, acknowledgedOn: '2025-06-05', rules: ['pr/past-event-changed'] }]));
    const o = await auditJson(one);
    expect(o.json.broken.map((b) => b.commit)).toEqual([bad]);
    const fs = o.json.broken[0]!.findings;
    expect(fs.filter((f) => !f.acknowledged).map((f) => f.ruleId)).toContain('register/event-order');
    expect(fs.filter((f) => f.acknowledged).map((f) => f.ruleId)).toEqual(['pr/past-event-changed']);
    expect(o.code).toBe(1);
    // limited to every rule it breaks: acknowledged
    const all = await branchWithList('ack-all-rules', list([{ commit: bad, reason: REASON, acknowledgedOn: '2025-06-05', rules: ['pr/past-event-changed', 'register/event-order'] }]));
    const s = await auditJson(all);
    expect(s.json.acknowledged.map((c) => c.commit)).toEqual([bad]);
    expect(s.code).toBe(0);
  });

  const malformed: { name: string; text: () => string; line: number; column: number; says: string }[] = [
    { name: 'bad JSON', text: () => '{\n  "entries": [\n    { "commit": ,\n', line: 3, column: 17, says: 'JSON 语法错误' },
    { name: 'a short sha', text: () => list([{ commit: bad.slice(0, 8), reason: REASON, acknowledgedOn: '2025-06-05' }]), line: 5, column: 17, says: 'entries[0].commit' },
    { name: 'a non-hex sha', text: () => list([{ commit: 'z'.repeat(40), reason: REASON, acknowledgedOn: '2025-06-05' }]), line: 5, column: 17, says: 'entries[0].commit' },
    { name: 'entries not an array', text: () => '{ "entries": { "commit": "x" } }\n', line: 1, column: 14, says: 'entries' },
    { name: 'an array at the root', text: () => JSON.stringify([{ commit: bad, reason: REASON, acknowledgedOn: '2025-06-05' }]), line: 1, column: 1, says: '文件根对象' },
    { name: 'a huge file', text: () => list([{ commit: bad, reason: REASON, acknowledgedOn: '2025-06-05' }]) + ' '.repeat(300 * 1024), line: 1, column: 1, says: '文件超过 256 KiB' },
    { name: 'the same commit twice', text: () => list([{ commit: bad, reason: REASON, acknowledgedOn: '2025-06-05' }, { commit: bad, reason: REASON, acknowledgedOn: '2025-06-05' }]), line: 10, column: 17, says: '重复列出' },
  ];
  for (const m of malformed) {
    it(`a malformed list (${m.name}) is a located finding and acknowledges nothing`, async () => {
      const tip = await branchWithList(`bad-${m.name.replace(/\W+/g, '-')}`, m.text());
      const { code, json } = await auditJson(tip);
      const lf = listFindings(json);
      expect(lf.length).toBeGreaterThan(0);
      expect(lf[0]!.ruleId).toBe('audit/acknowledged-invalid');
      expect(lf[0]!.severity).toBe('error');
      expect(lf[0]!.message).toContain('审计已确认提交清单不予采用');
      expect(lf.map((f) => f.message).join('\n')).toContain(m.says);
      expect([lf[0]!.line, lf[0]!.column]).toEqual([m.line, m.column]);
      expect(json.acknowledged).toEqual([]);
      expect(json.broken.map((b) => b.commit)).toEqual([bad]);
      expect(json.result).toBe('fail');
      expect(code).toBe(1);
    });
  }

  it('a list added in a later commit does not hide a violation made in that same commit', async () => {
    // the commit that adds the list also rewrites a past event again: it cannot name itself
    const later = await branchWithList('same-commit', list([{ commit: bad, reason: REASON, acknowledgedOn: '2025-06-05' }]), () => editAccount((a) => void (a.events[0]!.date = '2025-03-01')));
    const { code, json } = await auditJson(later);
    expect(json.acknowledged.map((c) => c.commit)).toEqual([bad]);
    expect(json.broken.map((b) => b.commit)).toEqual([later]);
    expect(json.broken[0]!.findings.map((f) => f.ruleId)).toContain('pr/past-event-changed');
    expect(code).toBe(1);
  });

  it('the list is read from the audited tip: one removed again at the tip acknowledges nothing', async () => {
    const withList = await branchWithList('removed-later', list([{ commit: bad, reason: REASON, acknowledgedOn: '2025-06-05' }]));
    await g.checkout(['removed-later']);
    rmSync(path.join(dir, ACK));
    const tip = await commitAt('维护者：撤回清单', '2025-06-06');
    await g.checkout(['main']);
    expect((await auditJson(withList)).code).toBe(0);
    const { code, json } = await auditJson(tip);
    expect(json.broken.map((b) => b.commit)).toEqual([bad]);
    expect(code).toBe(1);
  });

  it('an entry naming a commit outside the audited history is a warning and changes nothing else', async () => {
    const tip = await branchWithList('unknown', list([{ commit: bad, reason: REASON, acknowledgedOn: '2025-06-05' }, { commit: 'a'.repeat(40), reason: REASON, acknowledgedOn: '2025-06-05' }]));
    const { code, json } = await auditJson(tip);
    const lf = listFindings(json);
    expect(lf.map((f) => [f.ruleId, f.severity, f.line])).toEqual([['audit/acknowledged-unknown-commit', 'warning', 10]]);
    expect(lf[0]!.message).toContain('第 2 项的提交 aaaaaaaa 不在被审计的主分支第一父历史中');
    expect(json.acknowledged.map((c) => c.commit)).toEqual([bad]);
    expect(code).toBe(0);
  });

  it('the reason is escaped in the text output (no workflow command, no line break)', async () => {
    const hostile = '整理样例\n::error file=x::伪造的注释 ##[group]x';
    const tip = await branchWithList('hostile-reason', list([{ commit: bad, reason: hostile, acknowledgedOn: '2025-06-05' }]));
    const text = await cli(['audit', '--repo', dir, '--since', first, '--rev', tip, '--now', NOW]);
    expect(text.code).toBe(0);
    expect(text.out).toContain('已由维护者确认：整理样例\\n::error file=x::伪造的注释 ##\\[group]x');
    for (const l of text.out.split('\n')) {
      expect(l.trimStart().startsWith('::')).toBe(false);
      expect(l).not.toContain('##[');
    }
    const { json } = await auditJson(tip);
    expect(json.acknowledged[0]!.reason).toBe(hostile);
  });
});
