/**
 * 命令行的 V8 调校：哪些命令推迟优化编译，哪些保留 V8 的默认值；Node 命令行上自己给的预算保留不动。
 * The command's V8 tiering (scripts/v8-tiering.mjs): which commands get the later budget, which
 * keep V8's default (history, audit), and a budget on Node's own command line is kept. Each case
 * runs in a plain Node process of its own (this test worker runs with the budget in its execArgv).
 * That the budget makes runs faster is the benchmark's to show, not a test's.
 */
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { ENGINE_ROOT } from './helpers.ts';

const MODULE = pathToFileURL(path.join(ENGINE_ROOT, 'scripts', 'v8-tiering.mjs')).href;

/** tuneForCommand(args) in a fresh Node started with `nodeArgs`: what it returned. */
function tuned(args: string[], nodeArgs: string[] = []): boolean {
  const r = spawnSync(process.execPath, [...nodeArgs, '--input-type=module', '-e', `const m = await import(${JSON.stringify(MODULE)}); console.log(JSON.stringify(m.tuneForCommand(${JSON.stringify(args)})));`], { encoding: 'utf8', env: { ...process.env, NODE_OPTIONS: '' } });
  expect(r.status, r.stderr).toBe(0);
  return JSON.parse(r.stdout) as boolean;
}

describe("the command's V8 tiering", () => {
  it('sets the later budget for validate, check-pr and the rest; history and audit keep the default, also after --lang', () => {
    expect(tuned(['validate', '--now', '2026-11-20'])).toBe(true);
    expect(tuned(['check-pr', '--base', 'main'])).toBe(true);
    expect(tuned([])).toBe(true);
    expect(tuned(['history', 'zg-scdc-weixin'])).toBe(false);
    expect(tuned(['audit', '--since', 'HEAD~3'])).toBe(false);
    expect(tuned(['--lang', 'en', 'history', 'zg-scdc-weixin'])).toBe(false);
    expect(tuned(['--lang=en', 'audit'])).toBe(false);
    expect(tuned(['--lang', 'en', 'validate'])).toBe(true);
  });

  it("keeps a budget given on Node's own command line, in either spelling", () => {
    expect(tuned(['validate'], ['--interrupt-budget=1000'])).toBe(false);
    expect(tuned(['validate'], ['--interrupt_budget=1000'])).toBe(false);
  });
});
