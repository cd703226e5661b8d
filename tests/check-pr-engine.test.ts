/**
 * check-pr 默认用基准提交的检查程序：与当前运行的程序完全相同（Git 对象编号一致、无本地修改）时直接在本进程中检查，
 * 否则取出基准提交的程序来检查。
 * check-pr judges with the base commit's engine: in-process when the running engine is that
 * engine (same Git object ids, no local change), else by extracting the base's engine.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { simpleGit } from 'simple-git';
import { afterAll, describe, expect, it } from 'vitest';
import { cliProcess, ENGINE_ROOT, tmpDir } from './helpers.ts';

const ENGINE_PATHS = ['scripts', 'policies', 'schemas', 'package.json', 'tsconfig.json'];
const git = (args: string[]): string => spawnSync('git', args, { cwd: ENGINE_ROOT, encoding: 'utf8' }).stdout ?? '';
const inGit = spawnSync('git', ['rev-parse', '--git-dir'], { cwd: ENGINE_ROOT }).status === 0;
const clean = inGit && git(['status', '--porcelain', '--untracked-files=all', '--', ...ENGINE_PATHS]).trim() === '';
if (!inGit) console.warn('skipped: the engine is not a Git checkout, so there is no commit to compare with');
else if (!clean) console.warn('skipped in part: the running engine has local changes, so no base commit can equal it');

const made: string[] = [];
afterAll(() => made.forEach((d) => rmSync(d, { recursive: true, force: true })));

async function cloneWithPr(tweakBase: boolean): Promise<string> {
  const dir = tmpDir('govmedia-engine-reuse-');
  made.push(dir);
  // --shared borrows this repository's objects (read-only) instead of copying them all; the clone's own commits stay in the clone
  await simpleGit().clone(ENGINE_ROOT, dir, ['--quiet', '--shared']);
  const g = simpleGit({ baseDir: dir });
  await g.addConfig('user.name', '测试（虚构）');
  await g.addConfig('user.email', 'test@example.invalid');
  await g.checkout(['-B', 'main']);
  if (tweakBase) {
    // The base's engine differs from the running one by one comment line in a policy rule.
    const rule = (await g.raw(['ls-files', 'policies'])).split('\n').find((f) => f.endsWith('.ts'))!;
    writeFileSync(path.join(dir, rule), readFileSync(path.join(dir, rule), 'utf8') + '\n// 基准分支上的修改（测试）\n');
    await g.commit('基准分支修改了规则文件', [rule]);
  }
  await g.checkout(['-b', 'pr']);
  await g.commit('空提交', ['--allow-empty']);
  return dir;
}

function record(repo: string): { engine: { source: string; commit: string; inProcess?: boolean }; verdict: { result: string } } {
  const rec = path.join(repo, 'decision-record.json');
  const r = cliProcess(['check-pr', '--repo', repo, '--base', 'main', '--head', 'pr', '--now', '2026-12-05', '--record', rec]);
  expect(r.code, r.err).toBe(0);
  return JSON.parse(readFileSync(rec, 'utf8'));
}

describe('check-pr --engine base (the default)', () => {
  it.skipIf(!inGit)('extracts the base engine when it differs from the running one', async () => {
    const repo = await cloneWithPr(true);
    const rec = record(repo);
    expect(rec.engine.source).toBe('base');
    expect(rec.engine.inProcess).toBeUndefined();
    expect(rec.verdict.result).toBe('pass');
  });

  it.skipIf(!inGit)('keeps the extracted base engine in the Git folder, keyed by the base engine tree, and reuses it; the head cannot change it', async () => {
    const repo = await cloneWithPr(true);
    const g = simpleGit({ baseDir: repo });
    // the pull request also edits the engine: it is data, never the judge, and never the cache
    const rule = (await g.raw(['ls-files', 'policies'])).split('\n').find((f) => f.endsWith('.ts'))!;
    writeFileSync(path.join(repo, rule), readFileSync(path.join(repo, rule), 'utf8') + '\n// 合并请求对检查程序的修改（测试）\n');
    await g.commit('合并请求修改了规则文件', [rule]);
    const cache = path.join(repo, '.git', 'govmedia-engine');
    const first = record(repo);
    expect(first.engine).toMatchObject({ source: 'base', commit: (await g.revparse(['main'])).trim() });
    const keys = readdirSync(cache);
    expect(keys).toHaveLength(1);
    const copy = path.join(cache, keys[0]!);
    expect(existsSync(path.join(copy, '.complete'))).toBe(true);
    const cached = readFileSync(path.join(copy, rule), 'utf8');
    expect(cached).toContain('基准分支上的修改（测试）');
    expect(cached).not.toContain('合并请求对检查程序的修改');
    // the second check reuses it (same folder, nothing new), with the same verdict
    const second = record(repo);
    expect(second.verdict).toEqual(first.verdict);
    expect(readdirSync(cache)).toEqual(keys);
    // an extraction that never completed is not used: it is extracted again
    rmSync(path.join(copy, '.complete'));
    rmSync(path.join(copy, rule));
    expect(record(repo).verdict.result).toBe(first.verdict.result);
    expect(readFileSync(path.join(copy, rule), 'utf8')).toBe(cached);
  });

  it.skipIf(!clean)('judges in-process when the base engine is the running engine', async () => {
    const repo = await cloneWithPr(false);
    const rec = record(repo);
    expect(rec.engine).toMatchObject({ source: 'base', inProcess: true });
    expect(rec.engine.commit).toBe((await simpleGit({ baseDir: repo }).revparse(['main'])).trim());
    expect(rec.verdict.result).toBe('pass');
  });
});
