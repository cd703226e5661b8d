/**
 * 基准程序副本的清理（scripts/pr/engine-cache.ts）：真实的临时文件夹和文件时间。
 * Eviction of the base-engine copies in .git/govmedia-engine/, on a real temporary folder with
 * real file times (the check itself runs it: tests/check-pr-engine.test.ts).
 */
import { existsSync, mkdirSync, readdirSync, rmSync, statSync, symlinkSync, utimesSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ENGINE_IDLE_MS, evictEngines, KEEP_ENGINES, markEngineUsed, STALE_TMP_MS } from '../scripts/pr/engine-cache.ts';
import { tmpDir } from './helpers.ts';

const made: string[] = [];
afterAll(() => {
  for (const d of made) rmSync(d, { recursive: true, force: true });
});

const NOW = Date.parse('2026-12-05T08:00:00Z');
const HOUR = 3600 * 1000;
const DAY = 24 * HOUR;
const key = (n: number): string => n.toString(16).padStart(20, '0');

/** A folder whose time (and its .complete's, when `complete`) is `age` before NOW. */
function folder(root: string, name: string, age: number, complete = true): string {
  const dir = path.join(root, name);
  mkdirSync(path.join(dir, 'scripts'), { recursive: true });
  writeFileSync(path.join(dir, 'scripts', 'govmedia.mjs'), '// engine\n');
  const t = new Date(NOW - age);
  if (complete) {
    writeFileSync(path.join(dir, '.complete'), 'c\n');
    utimesSync(path.join(dir, '.complete'), t, t);
  }
  utimesSync(dir, t, t);
  return dir;
}

describe('the base-engine copies', () => {
  it(`keeps the one in use and the ${KEEP_ENGINES - 1} used last; removes older copies unused for ${ENGINE_IDLE_MS / DAY} days and extractions untouched for ${STALE_TMP_MS / HOUR} hours; leaves other names and links alone`, () => {
    const root = tmpDir('govmedia-engine-cache-');
    made.push(root);
    const outside = tmpDir('govmedia-engine-outside-');
    made.push(outside);
    writeFileSync(path.join(outside, 'keep.txt'), 'not the cache\n');
    const inUse = key(1);
    folder(root, inUse, 90 * DAY); // in use now, however old its mark
    // the newest others by use: 2, 3, 4 (kept however old 4 is)
    folder(root, key(2), 1 * HOUR);
    folder(root, key(3), 2 * DAY);
    folder(root, key(4), 5 * DAY);
    folder(root, key(7), 6 * DAY); // beyond them, but used within the week: kept
    folder(root, key(5), 10 * DAY); // beyond them and older: removed
    folder(root, key(6), 30 * DAY, false); // never completed: judged by the folder's time
    folder(root, `${key(8)}.tmp-AbC123`, 2 * DAY, false); // a killed check's extraction
    folder(root, `${key(9)}.tmp-XyZ789`, 1 * HOUR, false); // an extraction under way
    folder(root, 'notes', 400 * DAY, false);
    const link = path.join(root, key(10));
    symlinkSync(outside, link, 'dir');
    utimesSync(outside, new Date(NOW - 400 * DAY), new Date(NOW - 400 * DAY));

    const removed = evictEngines(root, inUse, NOW);
    expect(removed.sort()).toEqual([key(5), key(6), `${key(8)}.tmp-AbC123`].sort());
    expect(readdirSync(root).sort()).toEqual([key(1), key(2), key(3), key(4), key(7), `${key(9)}.tmp-XyZ789`, key(10), 'notes'].sort());
    expect(existsSync(path.join(outside, 'keep.txt'))).toBe(true);
    // nothing more to remove the second time
    expect(evictEngines(root, inUse, NOW)).toEqual([]);
  });

  it('a copy marked as used is kept; a missing cache folder is no error', () => {
    const root = tmpDir('govmedia-engine-cache-');
    made.push(root);
    for (let i = 1; i <= 5; i++) folder(root, key(i), (10 + i) * DAY);
    const mark = new Date(NOW - HOUR);
    markEngineUsed(path.join(root, key(5)), mark);
    expect(statSync(path.join(root, key(5), '.complete')).mtimeMs).toBe(mark.getTime());
    // in use: 1; the newest others by use: 5 (just marked), 2, 3; 4 is old and beyond them
    expect(evictEngines(root, key(1), NOW)).toEqual([key(4)]);
    expect(evictEngines(path.join(root, 'missing'), key(1), NOW)).toEqual([]);
    markEngineUsed(path.join(root, 'missing'));
  });
});
