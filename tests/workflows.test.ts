/**
 * 工作流：都是合法的 YAML、顶层声明最小权限；合并请求检查只运行基准分支的代码。
 * Workflows: valid YAML, least permissions declared at the top; the PR workflows run only
 * the base branch's code and never interpolate event data into shell scripts.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseDocument } from 'yaml';
import { ENGINE_ROOT } from './helpers.ts';

const DIR = path.join(ENGINE_ROOT, '.github', 'workflows');
const files = readdirSync(DIR).filter((f) => /\.ya?ml$/.test(f)).sort();

interface Step {
  name?: string;
  uses?: string;
  run?: string;
  with?: Record<string, unknown>;
  env?: Record<string, unknown>;
}
interface Workflow {
  name?: string;
  on: Record<string, unknown>;
  permissions: Record<string, string> | string;
  jobs: Record<string, { permissions?: unknown; steps: Step[] }>;
}

function load(file: string): Workflow {
  const doc = parseDocument(readFileSync(path.join(DIR, file), 'utf8'));
  if (doc.errors.length) throw new Error(`${file}: ${doc.errors.map((e) => e.message).join('; ')}`);
  return doc.toJS() as Workflow;
}

function steps(w: Workflow): Step[] {
  return Object.values(w.jobs).flatMap((j) => j.steps ?? []);
}

const PR_EVENTS = ['pull_request', 'pull_request_review', 'merge_group'];

describe('workflows', () => {
  it('the expected workflows exist', () => {
    for (const f of ['pr-check.yml', 'pr-comment.yml', 'approvals.yml', 'post-merge.yml']) expect(files).toContain(f);
  });

  it.each(files)('%s parses as YAML and declares least permissions at the top level', (file) => {
    const w = load(file);
    expect(w.on, 'on:').toBeTypeOf('object');
    expect(w.permissions, 'permissions:').toBeTypeOf('object');
    const perms = w.permissions as Record<string, string>;
    for (const [scope, level] of Object.entries(perms)) {
      expect(['read', 'write', 'none'], `${scope}: ${level}`).toContain(level);
      if (level === 'write') expect(['pr-comment.yml pull-requests', 'site.yml pages', 'site.yml id-token', 'monitor.yml issues']).toContain(`${file} ${scope}`);
    }
    for (const [name, job] of Object.entries(w.jobs)) expect(job.permissions, `job ${name} must not widen permissions`).toBeUndefined();
    expect(Object.keys(w.on)).not.toContain('pull_request_target');
  });

  it.each(files)('%s never interpolates ${{ }} into a shell script (inputs go through env)', (file) => {
    for (const s of steps(load(file))) if (s.run) expect(s.run, s.name).not.toContain('${{');
  });

  it.each(files.filter((f) => PR_EVENTS.some((e) => e in load(f).on)))('%s checks out the BASE branch only', (file) => {
    const w = load(file);
    const checkouts = steps(w).filter((s) => s.uses?.startsWith('actions/checkout@'));
    expect(checkouts.length).toBeGreaterThan(0);
    for (const c of checkouts) {
      const ref = String(c.with?.ref ?? '');
      expect(ref, 'explicit base ref').toMatch(/base_ref|base_sha|base\.ref/);
      expect(ref).not.toMatch(/head/);
    }
    // npm ci only after a base checkout, never on a checkout of the head
    const all = steps(w);
    const firstNpm = all.findIndex((s) => s.run?.includes('npm ci'));
    const firstCheckout = all.findIndex((s) => s.uses?.startsWith('actions/checkout@'));
    if (firstNpm >= 0) expect(firstCheckout).toBeLessThan(firstNpm);
    expect(all.some((s) => s.run?.includes('refs/pull/')), 'the head is fetched as data').toBe(true);
  });

  it('pr-check runs on pull_request and merge_group, reads only, and uploads its results', () => {
    const w = load('pr-check.yml');
    expect(Object.keys(w.on).sort()).toEqual(['merge_group', 'pull_request']);
    expect(w.permissions).toEqual({ contents: 'read' });
    const all = steps(w);
    expect(all.find((s) => s.uses?.startsWith('actions/checkout@'))?.with?.['fetch-depth']).toBe(0);
    const check = all.find((s) => s.run?.includes('check-pr'))?.run ?? '';
    for (const flag of ['--engine base', '--repo .', '--summary pr-summary.md', '--record decision-record.json', '--gitlab code-quality.json', '--annotations', '--labels']) expect(check).toContain(flag);
    expect(all.some((s) => s.run?.includes('GITHUB_STEP_SUMMARY'))).toBe(true);
    const upload = all.find((s) => s.uses?.startsWith('actions/upload-artifact@'));
    expect(upload?.with?.name).toBe('govmedia-pr-check');
    for (const f of ['pr-summary.md', 'decision-record.json', 'code-quality.json', 'pr-number.txt']) expect(String(upload?.with?.path)).toContain(f);
  });

  it('pr-comment runs on workflow_run of pr-check, never checks out code, and keeps one marked comment', () => {
    const w = load('pr-comment.yml');
    expect(Object.keys(w.on)).toEqual(['workflow_run']);
    expect(w.on.workflow_run).toMatchObject({ workflows: [load('pr-check.yml').name], types: ['completed'] });
    expect(w.permissions).toEqual({ 'pull-requests': 'write', actions: 'read' });
    const all = steps(w);
    expect(all.some((s) => s.uses?.startsWith('actions/checkout@'))).toBe(false);
    expect(all.find((s) => s.uses?.startsWith('actions/download-artifact@'))?.with?.name).toBe('govmedia-pr-check');
    const script = String(all.find((s) => s.uses?.startsWith('actions/github-script@'))?.with?.script ?? '');
    expect(script).toContain('<!-- govmedia-pr-check -->');
    expect(script).toContain('updateComment');
    expect(script).toContain('RUN_HEAD_SHA');
  });

  it('approvals runs on reviews and PR updates and calls check-approvals', () => {
    const w = load('approvals.yml');
    expect(w.on.pull_request_review).toEqual({ types: ['submitted', 'dismissed'] });
    expect(w.on.pull_request).toEqual({ types: ['opened', 'synchronize', 'reopened', 'labeled'] });
    expect(w.permissions).toEqual({ contents: 'read', 'pull-requests': 'read' });
    const run = steps(w).find((s) => s.run?.includes('check-approvals'));
    expect(run?.run).toContain('--record decision-record.json');
    expect(run?.run).toContain('--repo "$REPO" --pr "$PR_NUMBER"');
    expect(String(run?.env?.GITHUB_TOKEN)).toContain('GITHUB_TOKEN');
  });

  it('post-merge validates main and never fails for a missing audit command', () => {
    const w = load('post-merge.yml');
    expect(w.on.push).toEqual({ branches: ['main'] });
    const all = steps(w);
    expect(all.some((s) => s.run?.includes('npm run validate'))).toBe(true);
    const audit = all.find((s) => s.run?.includes('audit --since HEAD~1')) as (Step & { 'continue-on-error'?: boolean }) | undefined;
    expect(audit?.['continue-on-error']).toBe(true);
  });
});
