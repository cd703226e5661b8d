/**
 * 每次测试运行使用自己的临时目录，结束时整体删除：任何测试（及其子进程、Chromium 配置目录）
 * 创建的临时文件夹都不会留在系统临时目录中。被中断的运行（Ctrl-C、超时被杀）来不及删除时，
 * 下一次运行会删除它：目录里记下了运行它的进程号，该进程已不存在的目录就是遗留的。
 * Each test run gets its own temporary folder (TMPDIR, inherited by child processes and
 * Chromium profiles) and removes it whole at the end, so no test leaves folders behind. A run
 * that was interrupted (Ctrl-C, killed by a timeout) cannot remove its folder; the next run does:
 * each folder records the process id of its run, and a folder whose process is gone is left over.
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
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

export default function setup(): () => void {
  const outer = os.tmpdir();
  removeLeftovers(outer);
  const dir = mkdtempSync(path.join(outer, PREFIX));
  writeFileSync(path.join(dir, OWNER), `${process.pid}\n`);
  process.env.TMPDIR = dir;
  process.env.TEMP = dir;
  process.env.TMP = dir;
  return () => {
    rmSync(dir, { recursive: true, force: true, maxRetries: 3 });
  };
}
