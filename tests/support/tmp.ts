/**
 * 测试的临时文件夹：tmpDir() 创建的每个文件夹都记下来，本测试文件结束时（tests/support/cleanup.ts）全部删除，
 * 测试自己没删的也不会留下。
 * Temporary folders of a test file: every folder tmpDir() makes is recorded and removed when the
 * file ends (tests/support/cleanup.ts, a setup file), so none is left even where a test does not
 * remove its own. tests/global-setup.ts fails the run on any `govmedia-*` folder still left.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const made: string[] = [];

export function tmpDir(prefix = 'govmedia-test-'): string {
  const d = mkdtempSync(path.join(os.tmpdir(), prefix));
  made.push(d);
  return d;
}

/** Remove every folder tmpDir() made so far in this test file; returns them. */
export function removeTmpDirs(): string[] {
  const dirs = made.splice(0);
  for (const d of dirs) rmSync(d, { recursive: true, force: true, maxRetries: 3 });
  return dirs;
}
