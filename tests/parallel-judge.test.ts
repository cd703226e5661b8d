/**
 * 并行检查与单线程检查的结果完全一致，包括例外、接入基线和“基线可缩短”提示：主线程判断的结果
 * （跨份的同名仿冒）同样经过例外和基线。真实的临时登记簿（示例登记簿的副本）。
 * A parallel run judges exactly like one thread, exceptions and the baseline included: a finding
 * made in the main thread (a look-alike name across two shares) passes the exceptions and the
 * baseline like the others, and a stale baseline entry is reported. On a real temporary register.
 */
import { cpSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { validatePaths } from '../scripts/pipeline/validate-paths.ts';
import { defaultJobs, PARALLEL_MIN_CORES, validateParallel } from '../scripts/pipeline/parallel.ts';
import { toJson } from '../scripts/report/text.ts';
import { ENGINE_ROOT, tmpDir } from './helpers.ts';

const NOW = '2026-11-20';
const dirs: string[] = [];
afterAll(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

/** Unit folders (accounts/-relative) by file count, largest first, in listing order for ties (as parallel.ts shares them). */
function unitsBySize(root: string): string[] {
  const sizes = new Map<string, number>();
  const walk = (rel: string): void => {
    const names = readdirSync(path.join(root, 'accounts', rel), { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    if (names.some((n) => n.name === 'unit.json')) sizes.set(rel, names.filter((n) => n.isFile()).length);
    for (const n of names) if (n.isDirectory()) walk(rel ? `${rel}/${n.name}` : n.name);
  };
  walk('');
  return [...sizes].sort((a, b) => b[1] - a[1]).map(([d]) => d);
}

describe('parallel validation judges like one thread', () => {
  it('--jobs 2 and --jobs 1 give exactly the same findings, with an exception, a baseline entry and a stale baseline entry', async () => {
    const root = tmpDir('govmedia-par-judge-');
    dirs.push(root);
    cpSync(path.join(ENGINE_ROOT, 'accounts'), path.join(root, 'accounts'), { recursive: true });
    // with two threads the largest unit folder goes to the worker and the second largest to the
    // main thread's share: an account of the first copied, same name and platform, into the second
    // is a look-alike pair across the shares, which only the main thread can see
    const [first, second] = unitsBySize(root);
    expect(first).toBeDefined();
    expect(second).toBeDefined();
    const firstUnit = path.basename(first!);
    const secondUnit = path.basename(second!);
    const original = readdirSync(path.join(root, 'accounts', first!)).find((n) => n !== 'unit.json' && n.endsWith('.json'))!;
    const data = JSON.parse(readFileSync(path.join(root, 'accounts', first!, original), 'utf8')) as Record<string, unknown>;
    const copyId = `${secondUnit}-copy`;
    const depth = second!.split('/').length + 1;
    writeFileSync(path.join(root, 'accounts', second!, `${copyId}.json`), JSON.stringify({ ...data, $schema: `${'../'.repeat(depth)}schemas/account.schema.json`, id: copyId, hostUnit: secondUnit, certifiedEntity: { ...(data.certifiedEntity as object), unit: secondUnit } }, null, 2) + '\n');
    const originalRel = `accounts/${first}/${original}`;
    const copyRel = `accounts/${second}/${copyId}.json`;

    // an exception for the copy's impersonation finding, approved by the supervising office
    const exDir = path.join(root, 'policies', 'exceptions');
    mkdirSync(exDir, { recursive: true });
    writeFileSync(path.join(exDir, 'copy-name.json'), JSON.stringify({ $schema: '../../schemas/exception.schema.json', id: 'copy-name', rule: 'register/impersonation', account: copyId, reason: '测试用例：同名账号正在办理更名，由主管单位批准暂时放行。', approver: '某某市人民政府办公室（虚构）', approvedOn: '2026-01-05', expires: '2027-12-31' }, null, 2));
    // a baseline holding the original's finding, and an entry whose problem is fixed (stale)
    const baselineFile = path.join(root, 'policies', 'baseline.json');
    writeFileSync(baselineFile, JSON.stringify({ adoptedOn: '2026-01-01', entries: [{ file: originalRel, rule: 'register/impersonation', count: 1, due: '2026-12-31' }, { file: `accounts/${second}/unit.json`, rule: 'register/schema', count: 1 }] }, null, 2));

    const opts = { now: NOW, engineRoot: ENGINE_ROOT, exceptionsDir: exDir, baselineFile };
    const one = await validatePaths(root, [], { ...opts, jobs: 1 });
    const two = await validatePaths(root, [], { ...opts, jobs: 2, minFiles: 0 });

    // what one thread finds: both accounts of the pair, one excepted, one baselined, and the notice
    const at = (file: string) => one.findings.find((f) => f.file === file && f.ruleId === 'register/impersonation');
    expect(at(copyRel)?.message.zh).toContain(`与单位 ${firstUnit} 在`);
    expect(at(copyRel)?.suppressed?.by).toBe('copy-name');
    expect(at(originalRel)?.suppressed?.by).toBe('baseline');
    const stale = one.findings.find((f) => f.ruleId === 'register/baseline-stale');
    expect(stale?.message.zh).toBe('接入基线中有 1 项问题已经整改（不再出现），清单可以缩短');
    expect(stale?.line).toBeGreaterThan(1);
    expect(one.summary.errors).toBe(one.findings.filter((f) => !f.suppressed && f.severity === 'error').length);

    // two threads: exactly the same findings (positions, messages, suppressions) and summary,
    // and the same output as the command prints it
    expect(two.findings).toEqual(one.findings);
    expect(two.summary).toEqual(one.summary);
    expect(JSON.stringify(toJson(two.findings, two.summary, 'zh'))).toBe(JSON.stringify(toJson(one.findings, one.summary, 'zh')));
    // and it was the parallel path that judged (not a fallback to one thread)
    const par = await validateParallel(root, { ...opts, jobs: 2, minFiles: 0 });
    expect(par).toBeDefined();
    expect(par!.findings).toEqual(one.findings);
  }, 120_000);

  it('the default is one thread below 4 cores, one per core (at most 4) from 4 cores', () => {
    expect(PARALLEL_MIN_CORES).toBe(4);
    expect([1, 2, 3, 4, 8, 64].map((n) => defaultJobs(n))).toEqual([1, 1, 1, 4, 4, 4]);
  });
});
