/**
 * 每次测试运行使用自己的临时目录，结束时整体删除：任何测试（及其子进程、Chromium 配置目录）
 * 创建的临时文件夹都不会留在系统临时目录中。被中断的运行（Ctrl-C、超时被杀）来不及删除时，
 * 下一次运行会删除它：目录里记下了运行它的进程号，该进程已不存在的目录就是遗留的。
 * Each test run gets its own temporary folder (TMPDIR, inherited by child processes and
 * Chromium profiles) and removes it whole at the end, so no test leaves folders behind. A run
 * that was interrupted (Ctrl-C, killed by a timeout) cannot remove its folder; the next run does:
 * each folder records the process id of its run, and a folder whose process is gone is left over.
 * Removing the run's folder whole must not hide leaks: before it does, the run lists the
 * `govmedia-*` folders still in it (a test, or the CLI it ran, did not remove what it made) and
 * fails naming them; new `govmedia-*` folders beside it in the system temporary folder are reported.
 * 运行目录优先放在内存文件系统（Linux 的 /dev/shm，tmpfs）上：测试建立和删除成千上万个小文件和 Git 仓库，
 * 放在磁盘（这里是带 discard 的 ext4）上时系统时间和等待都多得多。
 * Where tmpfs is at hand (Linux /dev/shm: writable, not noexec, ≥ 1 GiB free) the run's folder is
 * made there rather than in the system temporary folder: the tests make and delete tens of
 * thousands of small files and hundreds of Git repositories, and on a disk file system (here ext4
 * mounted with discard) that costs far more system time and waiting (one PR-scenario file alone:
 * 12.7 s → 10.5 s of CPU, 16 s → 12 s of wall). A TMPDIR that is set is obeyed as before;
 * GOVMEDIA_TEST_TMP names another place (empty: the system temporary folder).
 */
import { accessSync, constants, mkdtempSync, readdirSync, readFileSync, rmSync, statfsSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const PREFIX = 'govmedia-testrun-';
const OWNER = '.owner-pid';

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Remove the folders of earlier runs whose process is gone (only folders that name their process). */
export function removeLeftovers(outer: string): string[] {
  const removed: string[] = [];
  let names: string[] = [];
  try {
    names = readdirSync(outer).filter((n) => n.startsWith(PREFIX));
  } catch {
    return removed;
  }
  for (const n of names) {
    const dir = path.join(outer, n);
    let pid: number;
    try {
      pid = Number(readFileSync(path.join(dir, OWNER), 'utf8').trim());
    } catch {
      continue; // not ours to judge
    }
    if (!Number.isInteger(pid) || pid <= 0 || alive(pid)) continue;
    rmSync(dir, { recursive: true, force: true, maxRetries: 3 });
    removed.push(dir);
  }
  return removed;
}

/** The `govmedia-*` entries of a folder (what tests and the CLI name their temporary folders). */
export function ours(dir: string): string[] {
  try {
    return readdirSync(dir)
      .filter((n) => n.startsWith('govmedia-'))
      .sort();
  } catch {
    return [];
  }
}

/**
 * What the run left behind: the `govmedia-*` entries still in the run's folder (every test must
 * remove what it makes, and so must the CLI it runs), and new `govmedia-*` entries of the system
 * temporary folder that are not a test run's own folder (something that ignored TMPDIR; on a
 * shared machine they may also be another run's, so they are reported, not blamed).
 */
export function leftovers(runDir: string, outer: string, outerBefore: readonly string[]): { inRun: string[]; outside: string[] } {
  const before = new Set(outerBefore);
  return {
    inRun: ours(runDir),
    outside: ours(outer).filter((n) => !before.has(n) && !n.startsWith(PREFIX)),
  };
}

const TMPFS_MAGIC = 0x01021994;

/**
 * Where the run's folder goes: GOVMEDIA_TEST_TMP when set (empty: the system temporary folder);
 * the system temporary folder when TMPDIR names one (the user chose it); else /dev/shm when it is
 * a tmpfs this process may write and execute in with at least 1 GiB free; else the system
 * temporary folder.
 */
export function runBase(env: NodeJS.ProcessEnv = process.env, shm = '/dev/shm'): string {
  const chosen = env.GOVMEDIA_TEST_TMP;
  if (chosen !== undefined) return chosen || os.tmpdir();
  if (env.TMPDIR || process.platform !== 'linux') return os.tmpdir();
  try {
    const fs = statfsSync(shm);
    if (fs.type !== TMPFS_MAGIC || fs.bavail * fs.bsize < 2 ** 30) return os.tmpdir();
    accessSync(shm, constants.W_OK | constants.X_OK);
    // tests run programs they write into their folders (stand-ins for gh, for instance)
    const mounts = readFileSync('/proc/mounts', 'utf8').split('\n').map((l) => l.split(' '));
    const m = mounts.filter((f) => f[1] === shm).at(-1);
    if (!m || m[3]!.split(',').includes('noexec')) return os.tmpdir();
    return shm;
  } catch {
    return os.tmpdir();
  }
}

/**
 * Remove the run's folder; a process still writing into it (a browser shutting down) makes a
 * removal fail with ENOTEMPTY, so it is tried again for a few seconds. Returns the last error, if any.
 */
export function removeRunDir(dir: string, tries = 15, waitMs = 200): Error | undefined {
  let last: Error | undefined;
  for (let i = 0; i < tries; i++) {
    try {
      rmSync(dir, { recursive: true, force: true, maxRetries: 3 });
      return undefined;
    } catch (e) {
      last = e as Error;
      Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, waitMs);
    }
  }
  return last;
}

export default function setup(): () => void {
  const outer = os.tmpdir();
  const base = runBase();
  removeLeftovers(outer);
  if (base !== outer) removeLeftovers(base);
  const outerBefore = ours(outer);
  const dir = mkdtempSync(path.join(base, PREFIX));
  writeFileSync(path.join(dir, OWNER), `${process.pid}\n`);
  process.env.TMPDIR = dir;
  process.env.TEMP = dir;
  process.env.TMP = dir;
  return () => {
    const left = leftovers(dir, outer, outerBefore);
    const failed = removeRunDir(dir);
    if (failed) {
      // the run fails: its folder (and whatever still writes into it) would stay behind
      process.exitCode = 1;
      console.error(`\n本次运行的临时文件夹无法删除，本次运行判为失败 / FAIL: the run's temporary folder could not be removed (${failed.message})`);
    }
    if (left.outside.length > 0) {
      console.warn(`\n系统临时目录中出现了新的 govmedia-* 文件夹（未使用 TMPDIR 的进程留下的，也可能属于同时运行的其他测试）/ new govmedia-* entries in ${outer} (made by something that ignored TMPDIR, or by another run on this machine):\n  ${left.outside.join('\n  ')}`);
    }
    if (left.inRun.length > 0) {
      // the run fails: a test (or the CLI it ran) did not remove its temporary folder
      process.exitCode = 1;
      console.error(`\n测试没有删除它们创建的临时文件夹（现已随本次运行的文件夹删除），本次运行判为失败 / FAIL: tests left these temporary folders behind (removed now with the run's folder); each test must remove what it makes:\n  ${left.inRun.join('\n  ')}`);
    }
  };
}
