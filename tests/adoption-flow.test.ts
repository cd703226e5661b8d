/**
 * 接入第一天（issue 14 “Done when”）：在一个真实的临时 Git 仓库（本库的副本：程序、办法和样例登记簿）中，
 * 用副本自己的程序依次运行 govmedia import（样例报送系统导出）、govmedia baseline、validate 和 monitor；
 * 提交后，一个只修改一个导入账号的合并请求由 check-pr（用基准分支的程序和基线）只按它的改动判断。
 *
 * Day one of a city, end to end on a real temporary Git repository holding a copy of this
 * repository (engine, policies, sample register), each command run by the copy's own govmedia as
 * a child process, as a city would on a fresh clone.
 */
import { cpSync, existsSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Baseline } from '../scripts/core/exceptions.ts';
import { loadAll } from '../scripts/monitor/cli-common.ts';
import { policiesFor } from '../scripts/policy/engine.ts';
import type { MonitorReport } from '../scripts/monitor/types.ts';
import { ENGINE_ROOT, tmpDir } from './helpers.ts';
import { Repo, runScenario } from './pr-harness.ts';

const NOW = '2026-12-01';
const SHEET = path.join(ENGINE_ROOT, 'tests', 'fixtures', 'import', 'national-export-sample.xlsx');
const MAP = path.join(ENGINE_ROOT, 'tests', 'fixtures', 'import', 'national-mapping.json');
const ENGINE_FILES = ['scripts', 'policies', 'schemas', 'package.json', 'tsconfig.json', 'accounts'];

let repo: Repo;

/** Run the copy's own govmedia in the copy (data root = engine root = the clone). */
function govmedia(args: string[]): { code: number; out: string; err: string } {
  const r = spawnSync(process.execPath, [path.join(repo.dir, 'scripts', 'govmedia.mjs'), ...args], { cwd: repo.dir, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' }, timeout: 180_000, maxBuffer: 64 * 1024 * 1024 });
  return { code: r.status ?? -1, out: r.stdout, err: r.stderr };
}

beforeAll(async () => {
  const dir = tmpDir('govmedia-adopt-');
  for (const f of ENGINE_FILES) cpSync(path.join(ENGINE_ROOT, f), path.join(dir, f), { recursive: true });
  rmSync(path.join(dir, 'policies', 'baseline.json'), { force: true });
  symlinkSync(path.join(ENGINE_ROOT, 'node_modules'), path.join(dir, 'node_modules'), 'dir');
  // the compiled copy a clone's `npm ci` builds (dist/, ignored by Git), when this checkout's is
  // current: copied after the sources, so the copy's govmedia runs it as a city's would, instead of
  // compiling every source through tsx at each of its seven commands (~1.5 s of CPU each)
  const distModule = '../scripts/dist.mjs';
  const { compiledEntry } = (await import(distModule)) as { compiledEntry(rel: string): string | undefined };
  if (compiledEntry('scripts/cli.js')) cpSync(path.join(ENGINE_ROOT, 'dist'), path.join(dir, 'dist'), { recursive: true });
  writeFileSync(path.join(dir, '.gitignore'), 'node_modules\n/dist/\n');
  repo = new Repo(dir);
  await repo.git.init(['-b', 'main']);
  await repo.git.addConfig('user.name', '测试提交人（虚构）');
  await repo.git.addConfig('user.email', 'test@example.invalid');
  await repo.git.addConfig('commit.gpgsign', 'false');
  await repo.git.raw(['add', '--', ...ENGINE_FILES, '.gitignore']);
  await repo.git.commit('接入前：本库副本');
}, 120_000);

afterAll(() => {
  if (repo) rmSync(repo.dir, { recursive: true, force: true });
});

describe('day one of a real city (issue 14, Done when)', () => {
  let imported: { code: number; out: string; err: string };
  let baselineRun: { code: number; out: string; err: string };

  it('govmedia import of the sample sheet writes the units and accounts', () => {
    imported = govmedia(['import', SHEET, '--region', 'anhui/luan', '--map', MAP, '--now', NOW]);
    // two rows cannot be imported (no host unit, an impossible date): located findings, exit 1
    expect(imported.code, imported.err).toBe(1);
    expect(imported.out).toMatch(/账号 \d+ 个（新建 1\d\d 个/);
    expect(imported.err.match(/  错误  /g)?.length).toBe(2);
    expect(existsSync(path.join(repo.dir, 'accounts/anhui/luan/la-csglj/unit.json'))).toBe(true);
  }, 180_000);

  it('before the baseline, validate fails on the findings the city already has', () => {
    const v = govmedia(['validate', '--now', NOW, '--format', 'json']);
    expect(v.code).toBe(1);
    const r = JSON.parse(v.out) as { summary: { errors: number } };
    expect(r.summary.errors).toBeGreaterThan(0);
  }, 180_000);

  it('govmedia baseline records them; validate then exits 0 and still lists them', () => {
    baselineRun = govmedia(['baseline', '--now', NOW, '--due', '2027-06-30']);
    expect(baselineRun.code, baselineRun.err).toBe(0);
    expect(baselineRun.out).toContain('已写入接入基线 policies/baseline.json');
    const b = JSON.parse(readFileSync(path.join(repo.dir, 'policies', 'baseline.json'), 'utf8')) as Baseline;
    expect(b.adoptedOn).toBe(NOW);
    expect(b.entries.length).toBeGreaterThan(50);
    expect(b.entries.every((e) => e.due === '2027-06-30' && e.file.startsWith('accounts/') && !('line' in e))).toBe(true);
    const v = govmedia(['validate', '--now', NOW, '--format', 'json']);
    expect(v.code, v.out.slice(0, 3000)).toBe(0);
    const r = JSON.parse(v.out) as { summary: { suppressed: number }; findings: { suppressed?: { by: string } }[] };
    expect(r.summary.suppressed).toBe(b.entries.reduce((s, e) => s + e.count, 0));
    expect(r.findings.filter((f) => f.suppressed?.by === 'baseline').length).toBe(r.summary.suppressed);
  }, 180_000);

  it('monitor lists the rectification items (整改清单) with their due dates', () => {
    const m = govmedia(['monitor', '--now', NOW, '--format', 'json']);
    expect([0, 1]).toContain(m.code);
    const r = JSON.parse(m.out) as MonitorReport;
    const items = r.groups.flatMap((g) => g.items).filter((i) => i.kind === 'rectification');
    const b = JSON.parse(readFileSync(path.join(repo.dir, 'policies', 'baseline.json'), 'utf8')) as Baseline;
    expect(items.length).toBe(b.entries.length);
    expect(items.every((i) => i.due === '2027-06-30' && i.status === 'reminder')).toBe(true);
    expect(r.rectification).toMatchObject({ adoptedOn: NOW, items: b.entries.length, overdue: 0 });
    // past the due date they are overdue, and monitor fails
    const late = govmedia(['monitor', '--now', '2027-07-01', '--format', 'markdown']);
    expect(late.code).toBe(1);
    expect(late.out).toContain('整改清单（接入基线 policies/baseline.json');
    expect(late.out).toMatch(/逾期 [1-9]\d* 项/);
  }, 180_000);

  it('every region of the imported register is judged by at least the national module', { timeout: 180_000 }, async () => {
    const root = JSON.parse(readFileSync(path.join(repo.dir, 'accounts', 'region.json'), 'utf8')) as { policies: string[] };
    expect(root.policies).toContain('national');
    const { register, policies } = await loadAll(repo.dir, NOW);
    const imported = [...register.units.values()].filter((u) => u.data.note?.includes('govmedia import'));
    expect(imported.length).toBeGreaterThan(50);
    const regions = new Set(imported.map((u) => u.regionId));
    expect(regions).toEqual(new Set(['anhui/luan', 'anhui/luan/jinzhai']));
    for (const r of regions) expect(policiesFor(register, policies, r, NOW).map((p) => p.manifest.id), r).toContain('national-2018-123');
    // and the national module did judge them: where it agrees with 六安's stricter clause the finding
    // carries both citations (the engine's layering)
    const v = govmedia(['validate', '--now', NOW, '--format', 'json']);
    const r = JSON.parse(v.out) as { findings: { file: string; citation: string | null }[] };
    expect(r.findings.some((f) => f.citation?.includes('国办发〔2018〕123号') && f.file.startsWith('accounts/anhui/luan/'))).toBe(true);
  });

  it('a PR that changes one imported account is judged only on what it changes', async () => {
    await repo.git.raw(['add', '-A', '--', 'accounts', 'policies/baseline.json']);
    await repo.git.commit('接入：导入存量账号并记录接入基线（整改清单）');
    const file = 'accounts/anhui/luan/la-csglj/la-csglj-weixin.json';
    const run = await runScenario(
      repo,
      [
        (r) =>
          r.edit<Record<string, unknown>>(file, (a) => {
            a.tags = ['城市管理'];
          }),
      ],
      { now: NOW, engine: 'base' },
    );
    expect(run.json.changes.map((c) => c.accountId)).toEqual(['la-csglj-weixin']);
    // nothing about any other account; the account's own adoption findings stay baselined, not blocking
    expect(run.json.findings.filter((f) => f.file !== file)).toEqual([]);
    expect(run.json.findings.filter((f) => f.severity === 'error')).toEqual([]);
    // the account's adoption findings are listed as baselined (suppressed), judged by the base's baseline
    expect(run.json.suppressed.length).toBeGreaterThan(0);
    expect(run.json.verdict).toBe('pass');
    expect(run.code).toBe(0);
  }, 240_000);
});
