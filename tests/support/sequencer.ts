/**
 * 测试文件的运行顺序：最费时的文件先开始，工作进程在运行末尾不会只剩一个长文件在跑而其他进程空闲。
 * The order test files start in: the costliest first (longest-processing-time first), so no
 * worker is left running one long file at the end while the others sit idle. Vitest's own order
 * needs the durations of an earlier run on this machine (none on a fresh clone, where it falls back
 * to file size: the Chromium and PR-scenario files are small files that run long). The table
 * holds the CPU seconds each file took in a full run on the 2-core machine (tests/support/cpu.ts,
 * GOVMEDIA_TEST_CPU; files under 2 s are left out), Chromium's included: the browser files were
 * counted without it before (assistant 20 s, forms 3 s, where they take 66 s and 21 s), so forms
 * started among the last and ran ~45 s after the rest. Files not in it start after those in it,
 * in Vitest's own order. A stale number only changes the order, never what runs.
 * The numbers are the mean of two full runs on the shared 2-core machine (a fresh worktree, cold
 * module cache; the assistant's from the later run only, after its page loads were cut): one run
 * alone moves a browser file by ~5 s, since each worker's Chromium start is charged to whichever
 * browser file that worker runs first.
 * Updated without a full run for the files whose cost changed on 2026-12-06: the assistant
 * (清除草稿 resets the page in place: 62 → 44), the browser files (one shared browser context per
 * worker, measured together in one worker: forms 24 → 20, monitor 9 → 6, text-site 7 → 3,
 * site-citizens and score under 2 s, so left out) and the hostile corpus (its mutation
 * arbitrary no longer builds fast-check's 1.1-million-entry table: 19 → 17). Three files added
 * since the last full count were missing and so started last: git-source-live (11.6 s in a full
 * run that day), git-index (6.5 s), check-pr-merge-base (4.5 s).
 * Recounted on 2026-12-06 (s27t): the mean of three full runs on the shared 2-core machine (one from
 * a fresh clone, two in a worktree with the module cache cleared; the machine was busy with other
 * work in all three, so every number is a little high), files of 2 s and more. Most had drifted:
 * the assistant 44 → 56 (50–59), check-pr-engine 12 → 32 (40 before that day's change to it, 32
 * after; it had been starting sixth instead of second), monitor 6 → 9, cli-pipes and rule-layout 5–6
 * → 7; import, export, site-citizens, compile-engine, chromium-context and read-ahead were missing.
 * The browser files again on 2026-12-06 (one full run from a fresh clone), once the tests ran
 * Debian's chromium-headless-shell instead of the full browser (tests/support/chromium.ts):
 * assistant 56 → 51 (it starts the worker's browser), forms 23 → 7, site 11 → 10, monitor 9 → 5.
 * Recounted on 2026-12-06 (s35): the mean of two full runs on the 2-core machine, after the V8
 * tiering change cut the suite's CPU by ~17 % (one in a fresh clone with the module cache warm,
 * one in a fresh clone, cold): the assistant 51 → 37, check-pr-engine 32 → 27, hostile-corpus
 * 20 → 16, parallel 13 → 8; site (10) now starts before git-source-live and the integrity files.
 */
import path from 'node:path';
import { BaseSequencer, type TestSpecification } from 'vitest/node';

export const MEASURED_CPU_SECONDS = new Map<string, number>([
  ['tests/assistant.test.ts', 37],
  ['tests/check-pr-engine.test.ts', 27],
  ['tests/hostile-corpus.test.ts', 16],
  ['tests/bench.test.ts', 13],
  ['tests/adoption-flow.test.ts', 10],
  ['tests/adversarial/integrity-approvals.test.ts', 10],
  ['tests/adversarial/integrity-malformed.test.ts', 10],
  ['tests/git-source-live.test.ts', 10],
  ['tests/site.test.ts', 10],
  ['tests/audit-acknowledged.test.ts', 8],
  ['tests/git-source-index.test.ts', 8],
  ['tests/hostile-pr.test.ts', 8],
  ['tests/name-index.test.ts', 8],
  ['tests/parallel.test.ts', 8],
  ['tests/adversarial/text-pr-2.test.ts', 7],
  ['tests/adversarial/text-pr.test.ts', 7],
  ['tests/object-reader.test.ts', 7],
  ['tests/adversarial/render-pr.test.ts', 6],
  ['tests/check-pr-bundle.test.ts', 6],
  ['tests/check-pr.test.ts', 6],
  ['tests/history-audit.test.ts', 6],
  ['tests/adversarial/integrity-register.test.ts', 5],
  ['tests/cli-pipes.test.ts', 5],
  ['tests/git-index.test.ts', 5],
  ['tests/monitor.test.ts', 5],
  ['tests/validate-broken.test.ts', 5],
  ['tests/check-pr-merge-base.test.ts', 4],
  ['tests/forms.test.ts', 4],
  ['tests/scaffold.test.ts', 4],
  ['tests/adversarial/render-privacy.test.ts', 3],
  ['tests/adversarial/text-site.test.ts', 3],
  ['tests/check-pr-structure.test.ts', 3],
  ['tests/exceptions.test.ts', 3],
  ['tests/policy-rules.test.ts', 3],
  ['tests/pr-routing.test.ts', 3],
  ['tests/adversarial/render-escape.test.ts', 2],
  ['tests/compile-engine.test.ts', 2],
  ['tests/export.test.ts', 2],
  ['tests/jsonpos.test.ts', 2],
  ['tests/rule-layout.test.ts', 2],
  ['tests/site-citizens.test.ts', 2],
  ['tests/v8-tiering.test.ts', 2],
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
