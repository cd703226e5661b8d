/**
 * 每个测试文件的收尾（vitest setupFiles）：删除该文件经 tmpDir() 创建的全部临时文件夹。
 * Setup file run in every test file: after the file's own hooks, end the resident git shells its
 * repositories started (tests/support/gitshell.ts), then remove every folder it made through
 * tmpDir() (tests/support/tmp.ts).
 */
import { afterAll } from 'vitest';
import { getCollector } from '../../scripts/core/collect.ts';
import { closeGitShells } from './gitshell.ts';
import { removeTmpDirs } from './tmp.ts';

/**
 * Above this much heap in use (live or garbage) after a file, the worker collects: V8 left the
 * ~360 MB of tests/bench.test.ts uncollected through the next ten files, and every git or Chromium
 * process those files started forked a worker of 500-630 MB (a fork's page-table copy costs the
 * worker ~3 ms of system time per 100 MB; a collection ~100 ms). The collector is the product's
 * (scripts/core/collect.ts: no global `gc` is left for the tests to see).
 */
const COLLECT_ABOVE = 192 * 2 ** 20;

afterAll(async () => {
  await closeGitShells();
  removeTmpDirs();
  if (process.memoryUsage().heapUsed > COLLECT_ABOVE) getCollector()?.();
});
