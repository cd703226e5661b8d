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
  if?: string;
  with?: Record<string, unknown>;
  env?: Record<string, unknown>;
  'continue-on-error'?: boolean;
  'working-directory'?: string;
}
interface Workflow {
  name?: string;
  on: Record<string, unknown>;
  permissions: Record<string, string> | string;
  jobs: Record<string, { permissions?: unknown; steps: Step[] }>;
}

function text(file: string): string {
  return readFileSync(path.join(DIR, file), 'utf8');
}

function load(file: string): Workflow {
  const doc = parseDocument(text(file));
  if (doc.errors.length) throw new Error(`${file}: ${doc.errors.map((e) => e.message).join('; ')}`);
  return doc.toJS() as Workflow;
}

function steps(w: Workflow): Step[] {
  return Object.values(w.jobs).flatMap((j) => j.steps ?? []);
}

const PR_EVENTS = ['pull_request', 'pull_request_target', 'pull_request_review', 'merge_group'];

describe('workflows', () => {
  it('the expected workflows exist', () => {
    for (const f of ['pr-check.yml', 'pr-comment.yml', 'approvals.yml', 'approvals-review.yml', 'post-merge.yml']) expect(files).toContain(f);
  });

  it.each(files)('%s parses as YAML and declares least permissions at the top level', (file) => {
    const w = load(file);
    expect(w.on, 'on:').toBeTypeOf('object');
    expect(w.permissions, 'permissions:').toBeTypeOf('object');
    const perms = w.permissions as Record<string, string>;
    for (const [scope, level] of Object.entries(perms)) {
      expect(['read', 'write', 'none'], `${scope}: ${level}`).toContain(level);
      if (level === 'write') expect(['pr-comment.yml pull-requests', 'site.yml pages', 'site.yml id-token', 'monitor.yml issues', 'approvals.yml statuses']).toContain(`${file} ${scope}`);
    }
    for (const [name, job] of Object.entries(w.jobs)) expect(job.permissions, `job ${name} must not widen permissions`).toBeUndefined();
    // pull_request_target runs the base copy with secrets: only approvals.yml, which never checks out the head
    if (file !== 'approvals.yml') expect(Object.keys(w.on)).not.toContain('pull_request_target');
  });

  it.each(files)('%s pins every action to a full commit SHA, with the version in a comment', (file) => {
    const uses = text(file).split('\n').filter((l) => /^\s*-?\s*uses:/.test(l));
    expect(uses.length).toBeGreaterThan(0);
    for (const line of uses) expect(line, line.trim()).toMatch(/uses: [\w.-]+\/[\w.-]+(?:\/[\w./-]+)?@[0-9a-f]{40} # v\d+(?:\.\d+){0,2}\s*$/);
  });

  // pr-comment may find no artifact when the check died before uploading: it then posts nothing
  it.each(files.filter((f) => f !== 'pr-comment.yml'))('%s has no continue-on-error (failures are loud)', (file) => {
    const w = load(file);
    for (const s of steps(w)) expect(s['continue-on-error'], s.name ?? s.uses).not.toBe(true);
    for (const [name, job] of Object.entries(w.jobs)) expect((job as { 'continue-on-error'?: unknown })['continue-on-error'], name).toBeUndefined();
  });

  it.each(files)('%s never interpolates ${{ }} into a shell script (inputs go through env)', (file) => {
    for (const s of steps(load(file))) if (s.run) expect(s.run, s.name).not.toContain('${{');
  });

  // approvals-review.yml checks out nothing at all (its own test below)
  it.each(files.filter((f) => f !== 'approvals-review.yml' && PR_EVENTS.some((e) => e in load(f).on)))('%s checks out the BASE branch only', (file) => {
    const w = load(file);
    const checkouts = steps(w).filter((s) => s.uses?.startsWith('actions/checkout@'));
    expect(checkouts.length).toBeGreaterThan(0);
    for (const c of checkouts) {
      const ref = String(c.with?.ref ?? '');
      expect(ref, 'explicit base ref').toMatch(/base_ref|base_sha|base\.ref|steps\.pr\.outputs\.base/);
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
    expect(w.permissions).toEqual({ contents: 'read', 'pull-requests': 'write', actions: 'read' });
    const all = steps(w);
    expect(all.some((s) => s.uses?.startsWith('actions/checkout@'))).toBe(false);
    expect(all.find((s) => s.uses?.startsWith('actions/download-artifact@'))?.with?.name).toBe('govmedia-pr-check');
    const script = String(all.find((s) => s.uses?.startsWith('actions/github-script@'))?.with?.script ?? '');
    expect(script).toContain('<!-- govmedia-pr-check -->');
    expect(script).toContain('updateComment');
    expect(script).toContain('RUN_HEAD_SHA');
  });

  it('approvals runs the default branch copy (pull_request_target / workflow_run), never the head, and sets a commit status', () => {
    const w = load('approvals.yml');
    expect(Object.keys(w.on).sort()).toEqual(['pull_request_target', 'workflow_run']);
    expect(w.on.pull_request_target).toEqual({ types: ['opened', 'synchronize', 'reopened', 'labeled', 'unlabeled'] });
    expect(w.on.workflow_run).toEqual({ workflows: [load('approvals-review.yml').name], types: ['completed'] });
    expect(w.permissions).toEqual({ contents: 'read', 'pull-requests': 'read', actions: 'read', statuses: 'write' });
    const all = steps(w);
    // the only checkout is of the base commit read from the API; nothing from the head is installed or run
    const checkouts = all.filter((s) => s.uses?.startsWith('actions/checkout@'));
    expect(checkouts).toHaveLength(1);
    expect(checkouts[0]!.with?.ref).toBe('${{ steps.pr.outputs.base }}');
    expect(all.some((s) => s.run?.includes('refs/pull/$PR_NUMBER/head:refs/remotes/govmedia/head'))).toBe(true);
    for (const s of all) if (s.run) expect(s.run).not.toMatch(/git (checkout|switch)|govmedia\/head\b.*(npm|node)/);
    // the PR number from an artifact is untrusted: digits only; everything else comes from the API
    const pr = all.find((s) => s.run?.includes('pulls/$pr'));
    expect(pr?.run).toContain('^[1-9][0-9]{0,9}$');
    // the secret only reaches the step that runs the BASE engine and check-approvals
    const secretSteps = all.filter((s) => JSON.stringify(s.env ?? {}).includes('GOVMEDIA_READ_ORG_TOKEN'));
    expect(secretSteps).toHaveLength(1);
    expect(secretSteps[0]!.run).toContain('check-pr --repo . --base "$BASE_SHA" --head "$HEAD_SHA" --engine base');
    expect(secretSteps[0]!.run).toContain('check-approvals --record ../decision-record.json --repo "$REPO" --pr "$PR_NUMBER"');
    expect(secretSteps[0]!.run).toContain('::stop-commands::$token');
    expect(all.some((s) => s.run?.includes('repos/$REPO/statuses/$HEAD_SHA') && s.run.includes('govmedia/approvals'))).toBe(true);
  });

  it('approvals-review has no permissions and no secrets and only records the PR number', () => {
    const w = load('approvals-review.yml');
    expect(Object.keys(w.on)).toEqual(['pull_request_review']);
    expect(w.permissions).toEqual({});
    expect(text('approvals-review.yml')).not.toContain('secrets.');
    const all = steps(w);
    expect(all.some((s) => s.uses?.startsWith('actions/checkout@'))).toBe(false);
    expect(all.filter((s) => s.run).map((s) => s.run!.trim())).toEqual([`printf '%s\\n' "$PR_NUMBER" > pr-number.txt`]);
  });

  it('pr-check tells check-pr whether the repository is private and leaves the forms decision to it', () => {
    const check = steps(load('pr-check.yml')).find((s) => s.run?.includes('check-pr'));
    expect(check?.env?.GOVMEDIA_REPO_PRIVATE).toBe('${{ github.event.repository.private }}');
    expect(check?.env?.GOVMEDIA_FORMS_ARTIFACT).toBe('${{ vars.GOVMEDIA_FORMS_ARTIFACT }}');
  });

  it('pr-comment does not repost a summary from a PR that changes .github/', () => {
    const script = String(steps(load('pr-comment.yml')).find((s) => s.uses?.startsWith('actions/github-script@'))?.with?.script ?? '');
    expect(script).toContain('pulls.listFiles');
    expect(script).toMatch(/startsWith\('\.github\/'\)/);
  });

  it('post-merge validates main and audits every commit of the push (before..after), failing loudly', () => {
    const w = load('post-merge.yml');
    expect(w.on.push).toEqual({ branches: ['main'] });
    const all = steps(w);
    expect(all.find((s) => s.uses?.startsWith('actions/checkout@'))?.with?.['fetch-depth']).toBe(0);
    expect(all.some((s) => s.run?.includes('npm run validate'))).toBe(true);
    const audit = all.find((s) => s.run?.includes('govmedia.mjs audit'));
    expect(audit?.env).toMatchObject({ BEFORE: '${{ github.event.before }}', AFTER: '${{ github.event.after }}' });
    const run = audit?.run ?? '';
    expect(run).toContain('--since "$BEFORE"');
    expect(run).toContain('--rev "$AFTER"');
    expect(run, 'a new branch (before = 000…) audits the whole history').toContain('^0+$');
    expect(run, 'a force push whose old tip is missing is fetched or audits everything').toContain('git fetch --no-tags origin "$BEFORE"');
    expect(run).toContain('exit "$code"');
    expect(run).not.toContain('HEAD~1');
    for (const line of run.split('\n').filter((l) => l.includes('govmedia.mjs audit'))) expect(line).not.toContain('||');
  });

  it('the account-name index: post-merge builds it for main and alone saves it to the CI cache; pr-check only restores it, before the check', () => {
    const CACHE = '.git/govmedia/names';
    const saves = (f: string): Step[] => steps(load(f)).filter((s) => /^actions\/cache(\/save)?@/.test(s.uses ?? ''));
    const post = steps(load('post-merge.yml'));
    const build = post.findIndex((s) => s.run?.includes('govmedia.mjs name-index'));
    expect(build).toBeGreaterThanOrEqual(0);
    expect(post[build]!.run).toContain('--rev "$GITHUB_SHA"');
    const save = post.findIndex((s) => s.uses?.startsWith('actions/cache/save@'));
    expect(save).toBeGreaterThan(build);
    expect(post[save]!.with).toEqual({ path: CACHE, key: 'govmedia-names-${{ github.sha }}' });
    // no other workflow writes that cache (actions/cache saves at the end of a job too)
    for (const f of files.filter((x) => x !== 'post-merge.yml')) expect(saves(f), f).toEqual([]);
    const pr = steps(load('pr-check.yml'));
    const restore = pr.findIndex((s) => s.uses?.startsWith('actions/cache/restore@'));
    const check = pr.findIndex((s) => s.run?.includes('govmedia.mjs check-pr'));
    expect(restore).toBeGreaterThan(pr.findIndex((s) => s.uses?.startsWith('actions/checkout@')));
    expect(restore).toBeLessThan(check);
    expect(pr[restore]!.with).toMatchObject({ path: CACHE, 'restore-keys': 'govmedia-names-' });
    expect(String(pr[restore]!.with?.key)).toMatch(/^govmedia-names-\$\{\{ github\.event\.pull_request\.base\.sha \|\| github\.event\.merge_group\.base_sha \}\}$/);
  });
});
