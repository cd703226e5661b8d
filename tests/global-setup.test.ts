/**
 * 测试运行的临时目录：本次运行在自己的目录中（记有运行进程号），被中断的运行留下的目录由下一次运行删除，
 * 其他人的目录（进程仍在或没有记下进程号）不动。
 * The test run's temporary folder: this run works inside its own (which names its process); a
 * folder left by an interrupted run is removed by the next run; anyone else's (process alive, or
 * no process recorded) is left alone.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { leftovers, removeLeftovers, removeRunDir, runBase } from './global-setup.ts';
import { tmpDir } from './helpers.ts';
import { removeTmpDirs } from './support/tmp.ts';

describe('the test run’s temporary folder', () => {
  it('is where this test’s temporary folders go, and names a live process', () => {
    const run = os.tmpdir();
    expect(path.basename(run)).toMatch(/^govmedia-testrun-/);
    const pid = Number(readFileSync(path.join(run, '.owner-pid'), 'utf8'));
    expect(() => process.kill(pid, 0)).not.toThrow();
    const mine = tmpDir('govmedia-probe-');
    expect(path.dirname(mine)).toBe(run);
    rmSync(mine, { recursive: true });
  });

  it('removes the run’s folder whole, and says why when it cannot', () => {
    const dir = tmpDir('govmedia-rundir-');
    mkdirSync(path.join(dir, 'a', 'b'), { recursive: true });
    writeFileSync(path.join(dir, 'a', 'b', 'f.json'), '{}');
    expect(removeRunDir(dir)).toBeUndefined();
    expect(existsSync(dir)).toBe(false);
    // a path that cannot be removed (a file where a folder is expected beneath it): the error is returned, after the tries
    const file = path.join(tmpDir('govmedia-rundir-'), 'f');
    writeFileSync(file, 'x');
    expect(removeRunDir(path.join(file, 'below'), 2, 1)?.message).toMatch(/ENOTDIR/);
  });

  it('removes only the folders of runs whose process is gone', () => {
    const outer = tmpDir('govmedia-outer-');
    try {
      const dead = spawnSync('true').pid!;
      const make = (name: string, pid?: number): string => {
        const d = path.join(outer, name);
        mkdirSync(path.join(d, 'govmedia-pr-x'), { recursive: true });
        if (pid !== undefined) writeFileSync(path.join(d, '.owner-pid'), `${pid}\n`);
        return d;
      };
      const left = make('govmedia-testrun-left', dead);
      const live = make('govmedia-testrun-live', process.pid);
      const unnamed = make('govmedia-testrun-unnamed');
      const other = make('something-else', dead);
      expect(removeLeftovers(outer)).toEqual([left]);
      expect([left, live, unnamed, other].map((d) => existsSync(d))).toEqual([false, true, true, true]);
    } finally {
      rmSync(outer, { recursive: true, force: true });
    }
  });

  it('names what a run left behind: govmedia-* folders in the run’s folder, and new ones beside it that are no run’s own', () => {
    const outer = tmpDir('govmedia-outer-');
    try {
      mkdirSync(path.join(outer, 'govmedia-before'));
      const run = path.join(outer, 'govmedia-testrun-abc');
      mkdirSync(path.join(run, 'govmedia-pr-leak'), { recursive: true });
      mkdirSync(path.join(run, 'tsx-0'));
      writeFileSync(path.join(run, '.owner-pid'), '1\n');
      const before = ['govmedia-before'];
      mkdirSync(path.join(outer, 'govmedia-escaped-x'));
      mkdirSync(path.join(outer, 'govmedia-testrun-other'));
      mkdirSync(path.join(outer, 'unrelated'));
      expect(leftovers(run, outer, before)).toEqual({ inRun: ['govmedia-pr-leak'], outside: ['govmedia-escaped-x'] });
      rmSync(path.join(run, 'govmedia-pr-leak'), { recursive: true });
      expect(leftovers(run, outer, [...before, 'govmedia-escaped-x']).inRun).toEqual([]);
    } finally {
      rmSync(outer, { recursive: true, force: true });
    }
  });

  it('every folder made through tmpDir() is removed when its test file ends, whether or not the test removed it', () => {
    const a = tmpDir('govmedia-probe-a-');
    const b = tmpDir('govmedia-probe-b-');
    writeFileSync(path.join(b, 'f'), 'x');
    rmSync(a, { recursive: true });
    // what tests/support/cleanup.ts runs after the file (here called early, on these two)
    expect(removeTmpDirs()).toEqual(expect.arrayContaining([a, b]));
    expect([existsSync(a), existsSync(b)]).toEqual([false, false]);
  });

  it('goes on tmpfs where there is one, unless TMPDIR or GOVMEDIA_TEST_TMP says where', () => {
    const plain = tmpDir('govmedia-base-');
    try {
      expect(runBase({ GOVMEDIA_TEST_TMP: plain })).toBe(plain);
      expect(runBase({ GOVMEDIA_TEST_TMP: '' })).toBe(os.tmpdir());
      expect(runBase({ TMPDIR: plain })).toBe(os.tmpdir());
      // a folder that is not a tmpfs mount is not taken for one
      if (process.platform === 'linux') expect(runBase({}, plain)).toBe(os.tmpdir());
      expect(runBase({}, path.join(plain, 'missing'))).toBe(os.tmpdir());
      const shm = runBase({});
      expect([os.tmpdir(), '/dev/shm']).toContain(shm);
    } finally {
      rmSync(plain, { recursive: true, force: true });
    }
  });
});
