/**
 * 命令行的 V8 调校：哪些命令推迟优化编译并固定堆的增长倍数，哪些保留 V8 的默认值；Node 命令行上自己给的设置保留不动。
 * The command's V8 tuning (scripts/v8-tiering.mjs): which commands get the later budget and the
 * fixed heap growth, which keep V8's defaults (history, audit), and a setting on Node's own command
 * line is kept. Each case runs in a plain Node process of its own (this test worker runs with the
 * budget in its execArgv). That the settings make runs faster or memory steadier is the
 * benchmark's to show, not a test's.
 */
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { ENGINE_ROOT } from './helpers.ts';

const MODULE = pathToFileURL(path.join(ENGINE_ROOT, 'scripts', 'v8-tiering.mjs')).href;

/** tuneForCommand(args) in a fresh Node started with `nodeArgs`: the flags it set. */
function tuned(args: string[], nodeArgs: string[] = []): string[] {
  const r = spawnSync(process.execPath, [...nodeArgs, '--input-type=module', '-e', `const m = await import(${JSON.stringify(MODULE)}); console.log(JSON.stringify(m.tuneForCommand(${JSON.stringify(args)})));`], { encoding: 'utf8', env: { ...process.env, NODE_OPTIONS: '' } });
  expect(r.status, r.stderr).toBe(0);
  return JSON.parse(r.stdout) as string[];
}

const BOTH = ['--interrupt-budget=540672', '--heap-growing-percent=100'];

describe("the command's V8 tiering", () => {
  it('sets the later budget and the fixed heap growth for validate, check-pr and the rest; history and audit keep the defaults, also after --lang', () => {
    expect(tuned(['validate', '--now', '2026-11-20'])).toEqual(BOTH);
    expect(tuned(['check-pr', '--base', 'main'])).toEqual(BOTH);
    expect(tuned([])).toEqual(BOTH);
    expect(tuned(['history', 'zg-scdc-weixin'])).toEqual([]);
    expect(tuned(['audit', '--since', 'HEAD~3'])).toEqual([]);
    expect(tuned(['--lang', 'en', 'history', 'zg-scdc-weixin'])).toEqual([]);
    expect(tuned(['--lang=en', 'audit'])).toEqual([]);
    expect(tuned(['--lang', 'en', 'validate'])).toEqual(BOTH);
  });

  it("keeps a setting given on Node's own command line, in either spelling, and still sets the other", () => {
    expect(tuned(['validate'], ['--interrupt-budget=1000'])).toEqual(['--heap-growing-percent=100']);
    expect(tuned(['validate'], ['--interrupt_budget=1000'])).toEqual(['--heap-growing-percent=100']);
    expect(tuned(['validate'], ['--heap_growing_percent=50'])).toEqual(['--interrupt-budget=540672']);
    expect(tuned(['validate'], ['--heap-growing-percent=0', '--interrupt-budget=1000'])).toEqual([]);
  });

  it('sets only flags this V8 knows (setFlagsFromString ignores an unknown one; Node refuses it on its command line)', () => {
    for (const flag of BOTH) {
      const r = spawnSync(process.execPath, [flag, '-e', '0'], { encoding: 'utf8', env: { ...process.env, NODE_OPTIONS: '' } });
      expect(r.status, `${flag}: ${r.stderr}`).toBe(0);
    }
    // the control: a flag V8 does not know is refused, so the check above can fail
    const bad = spawnSync(process.execPath, ['--heap-growing-percentage=100', '-e', '0'], { encoding: 'utf8', env: { ...process.env, NODE_OPTIONS: '' } });
    expect(bad.status).not.toBe(0);
    expect(bad.stderr).toContain('bad option');
  });
});
