/**
 * 每个测试文件的收尾（vitest setupFiles）：删除该文件经 tmpDir() 创建的全部临时文件夹。
 * Setup file run in every test file: after the file's own hooks, remove every folder it made
 * through tmpDir() (tests/support/tmp.ts).
 */
import { afterAll } from 'vitest';
import { removeTmpDirs } from './tmp.ts';

afterAll(() => {
  removeTmpDirs();
});
