/**
 * 接入基线（整改清单）：govmedia baseline 记下接入时已有的问题（文件 + 规则 + 数量，不记行号）；
 * 列入的问题不再阻断但仍列出；新问题照常阻断；--prune 只缩短；monitor 按期限列为整改清单；
 * 合并请求不得扩大基线。真实的临时登记簿和真实的 Git 仓库。
 *
 * The adoption baseline on real temporary registers and a real Git repository.
 */
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { cmdBaseline } from '../scripts/commands/baseline.ts';
import { exitCodeFor, validateSource } from '../scripts/pipeline/pipeline.ts';
import { BASELINE_GROWTH_LABEL, baselineGrowthFindings, baselineText, loadBaseline, type Baseline } from '../scripts/core/exceptions.ts';
import { FsSource } from '../scripts/core/source.ts';
import { loadAll } from '../scripts/monitor/cli-common.ts';
import { monitorExitCode, runMonitor } from '../scripts/monitor/monitor.ts';
import { monitorMarkdown } from '../scripts/monitor/render.ts';
import { FixtureKit } from '../scripts/dev/fixture.ts';
import { loadPolicies } from '../scripts/policy/loader.ts';
import { writeKit } from './support/tester.ts';
import { captureIo, ENGINE_ROOT, tmpDir } from './helpers.ts';
import { makeBaseRepo, runScenario, type Repo } from './pr-harness.ts';
import { fixtureOf } from './support/cases.ts';

const NOW = '2026-11-20';
const RULE = 'zigong-2021-62/one-account-per-platform';
const policies = await loadPolicies(ENGINE_ROOT);
const zigong = policies.find((p) => p.manifest.id === 'zigong-2021-62')!;
const zigongFixture = (await fixtureOf(zigong))!;

const dirs: string[] = [];
afterAll(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});
function tmp(): string {
  return tmpDir('govmedia-baseline-');
}

/** A 自贡 register where the department runs two live WeChat accounts (a legacy case). */
function legacyKit(): FixtureKit {
  const k = new FixtureKit();
  zigongFixture(k);
  k.account('dept', { id: 'dept-weixin-old', name: k.get('dept-weixin').name, platform: '微信公众号', events: k.get('dept-weixin').events.map((e) => ({ ...e })) });
  return k;
}

async function baseline(args: string[]): Promise<{ code: number; out: string; err: string }> {
  return captureIo((io) => cmdBaseline(args, io));
}

async function validate(root: string, baselineFile: string) {
  return validateSource(new FsSource(root), { engineRoot: ENGINE_ROOT, now: NOW, policies: [zigong], exceptionsDir: 'none', baselineFile });
}

describe('govmedia baseline', () => {
  it('records the findings present on adoption; they stop blocking but stay listed', async () => {
    const root = writeKit(legacyKit(), tmp());
    const file = path.join(tmp(), 'baseline.json');
    const before = await validate(root, 'none');
    const blocking = before.findings.filter((f) => f.ruleId === RULE);
    expect(blocking.length).toBeGreaterThan(0);
    expect(exitCodeFor(before.findings)).toBe(1);

    const r = await baseline(['--root', root, '--now', NOW, '--out', file, '--due', '2027-06-30']);
    expect(r.code, r.err).toBe(0);
    expect(r.out).toContain('已写入接入基线');
    const doc = JSON.parse(readFileSync(file, 'utf8')) as Baseline;
    expect(doc.adoptedOn).toBe(NOW);
    const e = doc.entries.find((x) => x.rule === RULE)!;
    // keyed by file + rule + count: no line numbers
    expect(Object.keys(e).filter((k) => !['file', 'rule', 'count', 'account', 'due', 'message'].includes(k))).toEqual([]);
    expect(e).not.toHaveProperty('line');
    expect(e.due).toBe('2027-06-30');
    expect(e.file).toMatch(/^accounts\/.+\.json$/);

    const after = await validate(root, file);
    const listed = after.findings.filter((f) => f.ruleId === RULE);
    expect(listed.length).toBe(blocking.length);
    expect(listed.every((f) => f.suppressed?.by === 'baseline' && f.suppressed.expires === '2027-06-30')).toBe(true);
    expect(exitCodeFor(after.findings)).toBe(0);

    // running it again changes nothing
    const again = await baseline(['--root', root, '--now', '2026-12-01', '--out', file]);
    expect(again.out).toContain('接入基线没有变化');
  });

  it('an edit elsewhere in the file does not invalidate an entry; one more finding of the rule blocks', async () => {
    const root = writeKit(legacyKit(), tmp());
    const file = path.join(tmp(), 'baseline.json');
    expect((await baseline(['--root', root, '--now', NOW, '--out', file])).code).toBe(0);
    const entry = (JSON.parse(readFileSync(file, 'utf8')) as Baseline).entries.find((x) => x.rule === RULE)!;
    // shift every line of the account file: the entry still matches
    const abs = path.join(root, entry.file);
    const doc = JSON.parse(readFileSync(abs, 'utf8')) as Record<string, unknown>;
    writeFileSync(abs, '\n\n\n' + JSON.stringify({ ...doc, notes: '接入后补充的说明（虚构）' }, null, 4) + '\n');
    const shifted = await validate(root, file);
    expect(shifted.findings.filter((f) => f.ruleId === RULE && f.file === entry.file).every((f) => f.suppressed?.by === 'baseline')).toBe(true);
    // a third WeChat account of the same unit is a new finding: it blocks
    const k = legacyKit();
    k.account('dept', { id: 'dept-weixin-new', name: k.get('dept-weixin').name + '服务', platform: '微信公众号', events: k.get('dept-weixin').events.map((e) => ({ ...e })) });
    const root2 = writeKit(k, tmp());
    const res = await validate(root2, file);
    const fresh = res.findings.filter((f) => f.ruleId === RULE && !f.suppressed);
    expect(fresh.length).toBeGreaterThan(0);
    expect(exitCodeFor(res.findings)).toBe(1);
  });

  it('fixing a finding leaves a notice; --prune shrinks the baseline and never grows it', async () => {
    const root = writeKit(legacyKit(), tmp());
    const file = path.join(tmp(), 'baseline.json');
    await baseline(['--root', root, '--now', NOW, '--out', file, '--due', '2027-06-30']);
    const n0 = (JSON.parse(readFileSync(file, 'utf8')) as Baseline).entries.length;
    // fix: the legacy account is merged away (its file leaves the register)
    const fixedRoot = writeKit(zigongOnly(), tmp());
    const stale = await validate(fixedRoot, file);
    const note = stale.findings.find((f) => f.ruleId === 'register/baseline-stale');
    expect(note?.message.zh).toContain('已经整改');
    expect(note?.severity).toBe('notice');
    expect(exitCodeFor(stale.findings)).toBe(0);
    // prune on the legacy register adds nothing even if new findings appear
    const pruned = await baseline(['--root', fixedRoot, '--now', NOW, '--out', file, '--prune']);
    expect(pruned.code, pruned.err).toBe(0);
    const after = JSON.parse(readFileSync(file, 'utf8')) as Baseline;
    expect(after.entries.length).toBeLessThan(n0);
    expect(after.entries.some((e) => e.rule === RULE)).toBe(false);
    expect(after.adoptedOn).toBe(NOW);
    const grownRoot = writeKit(legacyKit(), tmp());
    await baseline(['--root', grownRoot, '--now', NOW, '--out', file, '--prune']);
    expect((JSON.parse(readFileSync(file, 'utf8')) as Baseline).entries.some((e) => e.rule === RULE)).toBe(false);
  });

  it('usage errors are Chinese and exit 2', async () => {
    const root = writeKit(legacyKit(), tmp());
    const r = await baseline(['--root', root, '--due', '2027-02-30', '--out', path.join(tmp(), 'b.json')]);
    expect(r.code).toBe(2);
    expect(r.err).toContain('--due 须为有效日期');
    const bad = path.join(tmp(), 'bad.json');
    writeFileSync(bad, '{"adoptedOn": "2026-11-20", "entries": [{"file": "x.json"}]}');
    const r2 = await baseline(['--root', root, '--out', bad]);
    expect(r2.code).toBe(2);
    expect(r2.err).toContain('现有的基线文件有误');
  });
});

function zigongOnly(): FixtureKit {
  const k = new FixtureKit();
  zigongFixture(k);
  return k;
}

describe('monitor: the baseline as the rectification list (整改清单)', () => {
  it('lists every entry under its supervising office with its due date; past due is overdue', async () => {
    const root = writeKit(legacyKit(), tmp());
    const file = path.join(tmp(), 'baseline.json');
    await baseline(['--root', root, '--now', NOW, '--out', file, '--due', '2026-10-31']);
    const loaded = await loadAll(root, NOW);
    const bl = loadBaseline(root, file).baseline!;
    const report = runMonitor({ register: loaded.register, policies: [zigong], now: NOW, soon: 5, national: null, baseline: bl });
    const items = report.groups.flatMap((g) => g.items).filter((i) => i.kind === 'rectification');
    expect(items.length).toBe(bl.data.entries.length);
    const it0 = items.find((i) => i.what.zh.includes(RULE))!;
    expect(it0.status).toBe('overdue');
    expect(it0.due).toBe('2026-10-31');
    expect(it0.daysOverdue).toBe(20);
    expect(it0.what.zh).toContain('整改清单');
    expect(report.rectification).toMatchObject({ adoptedOn: NOW, overdue: items.length });
    expect(monitorExitCode(report)).toBe(1);
    const md = monitorMarkdown(report, 'zh');
    expect(md).toContain('整改清单（接入基线 policies/baseline.json');
    expect(md).toContain('2026-10-31');

    // not yet due: listed as a reminder, monitor does not fail on it
    const later = runMonitor({ register: loaded.register, policies: [zigong], now: NOW, soon: 5, national: null, baseline: { ...bl, data: { ...bl.data, entries: bl.data.entries.map((e) => ({ ...e, due: '2027-06-30' })) } } });
    expect(later.groups.flatMap((g) => g.items).filter((i) => i.kind === 'rectification').every((i) => i.status === 'reminder')).toBe(true);
  });
});

describe('a PR may not add to the baseline', () => {
  const base: Baseline = { adoptedOn: NOW, entries: [{ file: 'accounts/a/b/x.json', rule: RULE, count: 1, due: '2027-06-30' }] };
  it('growth is an error, approval by label makes it a warning, shrinking is fine', () => {
    const grown: Baseline = { ...base, entries: [{ ...base.entries[0]!, count: 2 }, { file: 'accounts/a/b/y.json', rule: 'national/x', count: 1 }] };
    const f = baselineGrowthFindings(baselineText(base), baselineText(grown), []);
    expect(f).toHaveLength(1);
    expect(f[0]!.ruleId).toBe('pr/baseline-grows');
    expect(f[0]!.severity).toBe('error');
    expect(f[0]!.message.zh).toContain('新增了 2 项');
    expect(f[0]!.line).toBeGreaterThan(1);
    expect(baselineGrowthFindings(baselineText(base), baselineText(grown), [BASELINE_GROWTH_LABEL])[0]!.severity).toBe('warning');
    expect(baselineGrowthFindings(baselineText(grown), baselineText(base), [])).toEqual([]);
    // a new baseline (none on the base) is growth too
    expect(baselineGrowthFindings(undefined, baselineText(base), [])[0]!.ruleId).toBe('pr/baseline-grows');
  });

  it('check-pr on a real repository refuses a PR that grows policies/baseline.json', async () => {
    const repo: Repo = await makeBaseRepo();
    dirs.push(repo.dir);
    const run = await runScenario(
      repo,
      [
        (r) => {
          const b = JSON.parse(readFileSync(r.abs('policies/baseline.json'), 'utf8')) as Baseline;
          b.entries.push({ file: 'accounts/sichuan/zigong/zg-swjw/zg-swjw-weixin.json', rule: RULE, count: 1 });
          r.write('policies/baseline.json', baselineText(b));
        },
      ],
      { prepareMain: (r) => r.write('policies/baseline.json', baselineText(base)) },
    );
    expect(run.code).toBe(1);
    expect(run.json.verdict).toBe('fail');
    const f = run.json.findings.find((x) => x.ruleId === 'pr/baseline-grows');
    expect(f?.message).toContain('新增了 1 项');
    expect(f?.file).toBe('policies/baseline.json');
  });
});
