/**
 * 每个测试文件用了多少 CPU（只在设置了 GOVMEDIA_TEST_CPU 时记录）：测试进程自身的时间加上它已回收的子进程
 * （git、sh、Chromium、命令行）的时间，一行一个文件追加到 GOVMEDIA_TEST_CPU 指定的文件。
 * CPU per test file, recorded only when GOVMEDIA_TEST_CPU names a file: the worker's own user and
 * system time plus that of the children it has reaped (git, sh, Chromium, the CLI), from
 * /proc/self/stat, measured from the end of the worker's previous file (so a file's imports count)
 * to the end of this file's last hook (this setup file's afterAll is registered first and so runs
 * last, after the git shells are ended). One tab-separated line per file:
 * file, self user, self sys, children user, children sys (seconds), wall (seconds), the worker's
 * resident memory at the end (MiB: forking a git process costs more the larger it is).
 * The worker's shared Chromium (tests/support/chromium.ts) is reaped only when the worker ends, so
 * its CPU is counted in no file (only in the run's total).
 * Linux only; elsewhere nothing is written.
 */
import { appendFileSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, expect } from 'vitest';

const out = process.env.GOVMEDIA_TEST_CPU;

function sample(): { t: number[]; wall: number } | undefined {
  try {
    const stat = readFileSync('/proc/self/stat', 'utf8');
    const f = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    // fields 14-17 of proc(5) (utime, stime, cutime, cstime), here offset by the two before ')'
    return { t: [11, 12, 13, 14].map((i) => Number(f[i]) / 100), wall: performance.now() / 1000 };
  } catch {
    return undefined;
  }
}

if (out) {
  const g = globalThis as { __govmediaCpuLast?: ReturnType<typeof sample> };
  const start = g.__govmediaCpuLast ?? sample();
  afterAll(() => {
    const file = path.relative(process.cwd(), expect.getState().testPath ?? '?');
    const end = sample();
    if (!start || !end) return;
    const d = end.t.map((v, i) => (v - start.t[i]!).toFixed(2));
    appendFileSync(out, `${file}\t${d.join('\t')}\t${(end.wall - start.wall).toFixed(2)}\t${Math.round(process.memoryUsage().rss / 2 ** 20)}\n`);
    g.__govmediaCpuLast = end;
  });
}
