/**
 * 测试文件的运行顺序：最费时的文件先开始，工作进程在运行末尾不会只剩一个长文件在跑而其他进程空闲。
 * The order test files start in: the costliest first (longest-processing-time first), so no
 * worker is left running one long file at the end while the others sit idle. Vitest's own order
 * needs the durations of an earlier run on this machine (none on a fresh clone, where it falls back
 * to file size: the Chromium and PR-scenario files are small files that run long). The table
 * holds the CPU seconds each file took in a full run on the 2-core machine (tests/support/cpu.ts,
 * GOVMEDIA_TEST_CPU; files under 2 s are left out; the Chromium a worker shares between its files
 * is counted in none); files not in it start after those in it, in Vitest's own order. A stale
 * number only changes the order, never what runs.
 */
import path from 'node:path';
import { BaseSequencer, type TestSpecification } from 'vitest/node';

export const MEASURED_CPU_SECONDS = new Map<string, number>([
  ['tests/hostile-corpus.test.ts', 21],
  ['tests/assistant.test.ts', 20],
  ['tests/check-pr-engine.test.ts', 13],
  ['tests/parallel.test.ts', 13],
  ['tests/adversarial/integrity-approvals.test.ts', 12],
  ['tests/adoption-flow.test.ts', 12],
  ['tests/hostile-pr.test.ts', 12],
  ['tests/adversarial/text-pr.test.ts', 11],
  ['tests/bench.test.ts', 11],
  ['tests/adversarial/integrity-malformed.test.ts', 10],
  ['tests/adversarial/render-pr.test.ts', 10],
  ['tests/adversarial/text-pr-2.test.ts', 10],
  ['tests/check-pr.test.ts', 10],
  ['tests/adversarial/integrity-register.test.ts', 9],
  ['tests/audit-acknowledged.test.ts', 9],
  ['tests/history-audit.test.ts', 8],
  ['tests/rule-layout.test.ts', 7],
  ['tests/git-source-index.test.ts', 7],
  ['tests/cli-pipes.test.ts', 6],
  // measured alone (GOVMEDIA_TEST_CPU), after the full run that made the rest of the table
  ['tests/check-pr-bundle.test.ts', 6],
  ['tests/object-reader.test.ts', 5],
  ['tests/scaffold.test.ts', 5],
  ['tests/pr-routing.test.ts', 5],
  ['tests/validate-broken.test.ts', 5],
  ['tests/policy-rules.test.ts', 4],
  ['tests/site.test.ts', 4],
  ['tests/monitor.test.ts', 4],
  ['tests/adversarial/render-privacy.test.ts', 4],
  ['tests/exceptions.test.ts', 4],
  ['tests/name-index.test.ts', 3],
  ['tests/adversarial/text-validate.test.ts', 3],
  ['tests/parallel-judge.test.ts', 3],
  ['tests/jsonpos.test.ts', 3],
  ['tests/export.test.ts', 3],
  ['tests/check-pr-structure.test.ts', 3],
  ['tests/forms.test.ts', 2],
  ['', 0],
]);

export class CostliestFirst extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    const theirs = await super.sort(files);
    const rank = new Map(theirs.map((f, i) => [f, i]));
    const cost = (f: TestSpecification): number => MEASURED_CPU_SECONDS.get(path.relative(f.project.config.root, f.moduleId).split(path.sep).join('/')) ?? -1;
    return [...theirs].sort((a, b) => cost(b) - cost(a) || rank.get(a)! - rank.get(b)!);
  }
}
