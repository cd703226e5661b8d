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
 * The worker's processes that are still running at a sample (above all its shared Chromium, browser,
 * zygotes, renderers and GPU process: tests/support/chromium.ts) are counted too, in the children
 * columns: each live descendant's own and reaped time from /proc/<pid>/stat, so a file is charged
 * with what the browser did while it ran. (Chromium is killed when the worker ends and reaped by
 * init, so without this its CPU, ~120 s of a full run, showed in no file and not even in
 * /usr/bin/time's total; the browser files looked cheap and started last.)
 * Linux only; elsewhere nothing is written.
 */
import { appendFileSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, expect } from 'vitest';

const out = process.env.GOVMEDIA_TEST_CPU;

/** Fields of /proc/<pid>/stat after the command name: [0] state, [1] ppid, [11..14] utime, stime, cutime, cstime (ticks). */
function statOf(pid: string): string[] | undefined {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  } catch {
    return undefined; // gone meanwhile
  }
}

/** The user and system seconds of this process's live descendants, each with what it has reaped. */
function liveDescendants(): [number, number] {
  const kids = new Map<string, string[]>();
  const stats = new Map<string, string[]>();
  for (const pid of readdirSync('/proc')) {
    if (!/^\d+$/.test(pid)) continue;
    const f = statOf(pid);
    // a zombie (ended, not yet reaped: a renderer of a browser context just closed) still holds
    // its own time, which reaches its parent's reaped time only once it is reaped: counted here
    if (!f) continue;
    stats.set(pid, f);
    const list = kids.get(f[1]!);
    if (list) list.push(pid);
    else kids.set(f[1]!, [pid]);
  }
  let user = 0;
  let sys = 0;
  const todo = [...(kids.get(String(process.pid)) ?? [])];
  while (todo.length > 0) {
    const pid = todo.pop()!;
    const f = stats.get(pid)!;
    user += (Number(f[11]) + Number(f[13])) / 100;
    sys += (Number(f[12]) + Number(f[14])) / 100;
    todo.push(...(kids.get(pid) ?? []));
  }
  return [user, sys];
}

function sample(): { t: number[]; wall: number } | undefined {
  try {
    // fields 14-17 of proc(5) (utime, stime, cutime, cstime), here offset by the two before ')'
    const t = [11, 12, 13, 14].map((i) => Number(statOf('self')![i]) / 100);
    const [user, sys] = liveDescendants();
    t[2]! += user;
    t[3]! += sys;
    return { t, wall: performance.now() / 1000 };
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
