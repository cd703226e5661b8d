/**
 * 合并请求层面的敌意修改（真实的临时 Git 仓库，check-pr --engine self 在进程内运行）：
 * 每一个都必须以退出码 1 被拒绝，并给出带位置（文件、行、列）、中文说明的 pr/… 检查结果。
 *
 * Hostile pull requests (tests/hostile/pr-cases.ts) on the real temporary repository of
 * tests/pr-harness.ts: each must fail with exit 1 and a located pr/… finding in Chinese.
 */
import { rmSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generatePrCases } from './hostile/pr-cases.ts';
import { makeBaseRepo, runScenario, type Repo } from './pr-harness.ts';

const cases = generatePrCases();
let repo: Repo;

beforeAll(async () => {
  repo = await makeBaseRepo();
}, 300_000);

afterAll(() => {
  if (repo) rmSync(repo.dir, { recursive: true, force: true });
});

describe('hostile pull requests', () => {
  it('has a few dozen cases of every kind', () => {
    expect(cases.length).toBeGreaterThanOrEqual(30);
    expect(new Set(cases.map((c) => c.kind))).toEqual(new Set(['deleted', 'rewritten', 'removed', 'inserted', 'moved', 'renamed', 'mixed', 'other']));
    expect(new Set(cases.map((c) => c.name)).size).toBe(cases.length);
  });

  for (const c of cases) {
    it(`[${c.kind}] ${c.name}`, async () => {
      const run = await runScenario(repo, c.steps);
      expect(run.err).toBe('');
      expect(run.out).not.toMatch(/\n\s+at \S/);
      const pr = run.json.findings.filter((f) => f.ruleId.startsWith('pr/'));
      const mine = pr.filter((f) => (c.rule === undefined || f.ruleId === c.rule) && (c.file === undefined || f.file.includes(c.file)));
      expect(mine, `expected ${c.rule ?? 'a pr/ finding'}${c.file ? ` on …${c.file}` : ''}; got ${JSON.stringify(run.json.findings.map((f) => `${f.ruleId} ${f.file}:${f.line}:${f.column}`))}`).not.toEqual([]);
      for (const f of run.json.findings) {
        expect(f.file, f.ruleId).not.toBe('');
        expect(f.line, `${f.ruleId} line`).toBeGreaterThanOrEqual(1);
        expect(f.column, `${f.ruleId} column`).toBeGreaterThanOrEqual(1);
        expect(f.message, f.ruleId).toMatch(/[\u4e00-\u9fff]/);
      }
      expect(run.json.verdict).toBe('fail');
      expect(run.code).toBe(1);
    }, 180_000);
  }
});
