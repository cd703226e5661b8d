/**
 * 对抗测试的辅助：在真实的临时 Git 仓库上运行敌意合并请求（check-pr）和敌意历史（audit），
 * 并断言裁决（退出码）与预期的检查结果（规则编号 + 信息文字）。
 *
 * Helpers of the adversarial suite: hostile pull requests (check-pr) and hostile histories (audit)
 * on the real temporary repository of tests/pr-harness.ts; each scenario asserts the verdict
 * (exit code) and the finding it expects (rule id and message text).
 */
import { expect } from 'vitest';
import type { AccountFile } from '../../scripts/generated/types.ts';
import { cli } from '../helpers.ts';
import { backToMain, branchHead, commitAll, runScenario, startBranch, type Repo, type ScenarioRun } from '../pr-harness.ts';

export const NOW = '2026-11-20';

/** An expected finding: rule id, a fragment of the file path and of the Chinese message. */
export interface Expect {
  rule: string;
  file?: string;
  text?: string | RegExp;
  /** The rule carries a citation (default true; a few process guards cite none). */
  cited?: boolean;
}

type Finding = ScenarioRun['json']['findings'][number];

function matches(f: Finding, e: Expect): boolean {
  if (f.ruleId !== e.rule) return false;
  if (e.file !== undefined && !f.file.includes(e.file)) return false;
  if (e.text !== undefined && !(typeof e.text === 'string' ? f.message.includes(e.text) : e.text.test(f.message))) return false;
  return true;
}

/** No crash, no stack trace, every finding located and in Chinese. */
export function expectSane(run: { code: number; out: string; err: string }, findings: Finding[]): void {
  expect(run.err, 'nothing on stderr').toBe('');
  expect(run.out).not.toContain('内部错误');
  expect(run.out).not.toMatch(/\n\s+at \S/);
  for (const f of findings) {
    expect(f.file, f.ruleId).not.toBe('');
    expect(f.line, `${f.ruleId} line`).toBeGreaterThanOrEqual(1);
    expect(f.column, `${f.ruleId} column`).toBeGreaterThanOrEqual(1);
    expect(f.message, f.ruleId).toMatch(/[\u4e00-\u9fff]/);
  }
}

/** Assert a refused PR (exit 1) carrying every expected finding, each cited. */
export function expectRefused(run: ScenarioRun, ...want: Expect[]): void {
  expectSane(run, run.json.findings);
  for (const e of want) {
    const hit = run.json.findings.find((f) => matches(f, e));
    expect(hit, `expected ${e.rule}${e.file ? ` on …${e.file}` : ''}${e.text ? ` saying ${String(e.text)}` : ''}; got ${JSON.stringify(run.json.findings.map((f) => `${f.ruleId} ${f.file}:${f.line}:${f.column} ${f.message.slice(0, 80)}`), null, 1)}`).toBeDefined();
    if (e.cited !== false) expect(hit!.citation, `${e.rule} is cited`).toBeTruthy();
  }
  expect(run.json.verdict).toBe('fail');
  expect(run.code).toBe(1);
}

/** Assert a PR that passes the check (exit 0): approvals still apply. */
export function expectPassed(run: ScenarioRun): void {
  expectSane(run, run.json.findings);
  expect(run.json.findings.filter((f) => f.severity === 'error'), JSON.stringify(run.json.findings.map((f) => `${f.ruleId} ${f.file} ${f.message}`))).toEqual([]);
  expect(run.json.verdict).toBe('pass');
  expect(run.code).toBe(0);
}

/** The reviewers of the approval group whose role (Chinese) contains `role`. */
export function approvers(run: ScenarioRun, role: string): string[] | undefined {
  return run.json.approvals.find((a) => a.role.zh.includes(role))?.reviewers;
}

export { runScenario };
export type { Repo, ScenarioRun };

/** Edit an account file found by id. */
export function editAccount(id: string, fn: (a: AccountFile) => void): (r: Repo) => void {
  return (r) => r.edit(r.find(id), fn);
}

/** Replace the raw text of an account file found by id. */
export function writeAccountRaw(id: string, text: string): (r: Repo) => void {
  return (r) => r.write(r.find(id), text);
}

/** The folder of an account (accounts/…/<unit>). */
export function unitDirOfAccount(r: Repo, id: string): string {
  const p = r.find(id);
  return p.slice(0, p.lastIndexOf('/'));
}

export interface AuditRun {
  /** The branch holding the audited commits. */
  branch: string;
  code: number;
  out: string;
  err: string;
  json: {
    commits: number;
    judged: number;
    broken: { commit: string; date: string; subject: string; findings: Finding[] }[];
    warned: { commit: string; subject: string; findings: Finding[] }[];
  };
}

let auditSeq = 0;

/**
 * Commit the given steps on a branch off main, one commit each (with its own committer date
 * when given), then audit only those commits (`--since main`) on a fixed audit day.
 */
export async function runAudit(repo: Repo, commits: { subject: string; date?: string; step: (r: Repo) => void }[], opts: { now?: string; prepareMain?: (r: Repo) => void; extraArgs?: string[] } = {}): Promise<AuditRun> {
  const branch = `audit-${++auditSeq}`;
  await startBranch(repo, branch);
  let since = 'main';
  try {
    if (opts.prepareMain) {
      opts.prepareMain(repo);
      await commit(repo, '基准上已有的状态', opts.now ?? NOW);
      since = branchHead(repo, branch);
    }
    for (const c of commits) {
      c.step(repo);
      // commits are dated on the audit day unless a scenario dates them itself
      await commit(repo, c.subject, c.date ?? opts.now ?? NOW);
    }
    const r = await cli(['audit', '--repo', repo.dir, '--since', since, '--rev', branch, '--now', opts.now ?? NOW, '--format', 'json', ...(opts.extraArgs ?? [])]);
    let json: AuditRun['json'];
    try {
      json = JSON.parse(r.out) as AuditRun['json'];
    } catch {
      throw new Error(`audit did not print JSON (exit ${r.code}):\n${r.out}\n${r.err}`);
    }
    return { ...r, json, branch };
  } finally {
    await backToMain(repo);
  }
}

/** Stage everything and commit it, with the given committer and author date. */
export async function commit(repo: Repo, subject: string, date: string | undefined): Promise<void> {
  await commitAll(repo, subject, date ? { GIT_AUTHOR_DATE: `${date}T10:00:00+08:00`, GIT_COMMITTER_DATE: `${date}T10:00:00+08:00` } : {});
}

/** Every finding of an audit, flat, with the subject of its commit. */
export function auditFindings(run: AuditRun): (Finding & { subject: string; commit: string })[] {
  return [...run.json.broken, ...run.json.warned].flatMap((c) => c.findings.map((f) => ({ ...f, subject: c.subject, commit: c.commit })));
}

/** Assert the audit lists the commit with this subject as broken with the expected finding. */
export function expectAuditBroken(run: AuditRun, subject: string, e: Expect): void {
  expectSane(run, auditFindings(run));
  const c = run.json.broken.find((x) => x.subject === subject);
  expect(c, `commit "${subject}" listed as broken; broken: ${JSON.stringify(run.json.broken.map((x) => [x.subject, x.findings.map((f) => `${f.ruleId} ${f.message.slice(0, 60)}`)]))}`).toBeDefined();
  const hit = c!.findings.find((f) => matches(f, e));
  expect(hit, `expected ${e.rule} ${String(e.text ?? '')} on "${subject}"; got ${JSON.stringify(c!.findings.map((f) => `${f.ruleId} ${f.file} ${f.message.slice(0, 80)}`))}`).toBeDefined();
  expect(run.code).toBe(1);
}
