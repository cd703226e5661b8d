/**
 * 每个测试文件的收尾（vitest setupFiles）：删除该文件经 tmpDir() 创建的全部临时文件夹。
 * Setup file run in every test file: after the file's own hooks, end the resident git shells its
 * repositories started (tests/support/gitshell.ts), then remove every folder it made through
 * tmpDir() (tests/support/tmp.ts).
 */
import { afterAll } from 'vitest';
import { closeGitShells } from './gitshell.ts';
import { removeTmpDirs } from './tmp.ts';

afterAll(async () => {
  await closeGitShells();
  removeTmpDirs();
});
