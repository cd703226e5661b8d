/**
 * 每次测试运行使用自己的临时目录，结束时整体删除：任何测试（及其子进程、Chromium 配置目录）
 * 创建的临时文件夹都不会留在系统临时目录中。
 * Each test run gets its own temporary folder (TMPDIR, inherited by child processes and
 * Chromium profiles) and removes it whole at the end, so no test leaves folders behind.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

export default function setup(): () => void {
  const outer = os.tmpdir();
  const dir = mkdtempSync(path.join(outer, 'govmedia-testrun-'));
  process.env.TMPDIR = dir;
  process.env.TEMP = dir;
  process.env.TMP = dir;
  return () => {
    rmSync(dir, { recursive: true, force: true, maxRetries: 3 });
  };
}
