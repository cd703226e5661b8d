/**
 * check-pr 默认用基准提交的检查程序：与当前运行的程序完全相同（Git 对象编号一致、无本地修改）时直接在本进程中检查，
 * 否则取出基准提交的程序来检查。
 * check-pr judges with the base commit's engine: in-process when the running engine is that
 * engine (same Git object ids, no local change), else by extracting the base's engine.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { simpleGit, type SimpleGit } from 'simple-git';
import { afterAll, describe, expect, it } from 'vitest';
import { cli, cliProcess, ENGINE_ROOT, tmpDir, type CliResult } from './helpers.ts';

const ENGINE_PATHS = ['scripts', 'policies', 'schemas', 'package.json', 'tsconfig.json'];
const git = (args: string[]): string => spawnSync('git', args, { cwd: ENGINE_ROOT, encoding: 'utf8' }).stdout ?? '';
const inGit = spawnSync('git', ['rev-parse', '--git-dir'], { cwd: ENGINE_ROOT }).status === 0;
const clean = inGit && git(['status', '--porcelain', '--untracked-files=all', '--', ...ENGINE_PATHS]).trim() === '';
if (!inGit) console.warn('skipped: the engine is not a Git checkout, so there is no commit to compare with');
else if (!clean) console.warn('skipped in part: the running engine has local changes, so no base commit can equal it');

const made: string[] = [];
afterAll(() => made.forEach((d) => rmSync(d, { recursive: true, force: true })));

/**
 * A clone of this repository (its objects borrowed, read-only) with a main branch (the base) made by
 * `base` and a pr branch on it made by `pr`; it is removed when the file's tests end.
 */
async function cloneWith(prefix: string, base: (dir: string, g: SimpleGit) => Promise<void>, pr: (dir: string, g: SimpleGit) => Promise<void>): Promise<string> {
  const dir = tmpDir(prefix);
  made.push(dir);
  // --shared borrows this repository's objects (read-only) instead of copying them all; the clone's own commits stay in the clone
  await simpleGit().clone(ENGINE_ROOT, dir, ['--quiet', '--shared']);
  const g = simpleGit({ baseDir: dir });
  await g.addConfig('user.name', '测试（虚构）');
  await g.addConfig('user.email', 'test@example.invalid');
  await g.checkout(['-B', 'main']);
  await base(dir, g);
  await g.checkout(['-b', 'pr']);
  await pr(dir, g);
  return dir;
}

function cloneWithPr(tweakBase: boolean): Promise<string> {
  return cloneWith(
    'govmedia-engine-reuse-',
    async (dir, g) => {
      if (!tweakBase) return;
      // The base's engine differs from the running one by one comment line in a policy rule.
      const rule = (await g.raw(['ls-files', 'policies'])).split('\n').find((f) => f.endsWith('.ts'))!;
      writeFileSync(path.join(dir, rule), readFileSync(path.join(dir, rule), 'utf8') + '\n// 基准分支上的修改（测试）\n');
      await g.commit('基准分支修改了规则文件', [rule]);
    },
    async (_dir, g) => void (await g.commit('空提交', ['--allow-empty'])),
  );
}

/**
 * The decision record of `check-pr --record`: through the real executable (`spawn`, a process of its
 * own), else in-process (main() in this worker: the engine choice, extraction, compile and the base
 * engine's own process are the same; only the start-up of the outer command is saved).
 */
async function record(repo: string, spawn = false): Promise<{ engine: { source: string; commit: string; inProcess?: boolean }; verdict: { result: string } }> {
  const rec = path.join(repo, 'decision-record.json');
  const args = ['check-pr', '--repo', repo, '--base', 'main', '--head', 'pr', '--now', '2026-12-05', '--record', rec];
  const r = spawn ? cliProcess(args) : await cli(args);
  expect(r.code, r.err).toBe(0);
  return JSON.parse(readFileSync(rec, 'utf8'));
}

describe('check-pr --engine base (the default)', () => {
  it.skipIf(!inGit)('extracts the base engine when it differs from the running one, keeps it in the Git folder, keyed by the base engine tree, and reuses it; the head cannot change it', async () => {
    const repo = await cloneWithPr(true);
    const g = simpleGit({ baseDir: repo });
    // the pull request also edits the engine: it is data, never the judge, and never the cache
    const rule = (await g.raw(['ls-files', 'policies'])).split('\n').find((f) => f.endsWith('.ts'))!;
    writeFileSync(path.join(repo, rule), readFileSync(path.join(repo, rule), 'utf8') + '\n// 合并请求对检查程序的修改（测试）\n');
    await g.commit('合并请求修改了规则文件', [rule]);
    const cache = path.join(repo, '.git', 'govmedia-engine');
    // the base engine differs from the running one (a comment line in a rule): it is extracted, not run in-process
    // an extraction left by a check killed two days ago: removed by the next check (scripts/pr/engine-cache.ts)
    const stale = path.join(cache, '0123456789abcdef0123.tmp-killed');
    mkdirSync(path.join(stale, 'scripts'), { recursive: true });
    const twoDaysAgo = new Date(Date.now() - 2 * 24 * 3600 * 1000);
    utimesSync(stale, twoDaysAgo, twoDaysAgo);
    // through the real executable: extracted, compiled and judged by the base engine's own process
    const first = await record(repo, true);
    expect(existsSync(stale)).toBe(false);
    expect(first.engine).toMatchObject({ source: 'base', commit: (await g.revparse(['main'])).trim() });
    expect(first.engine.inProcess).toBeUndefined();
    expect(first.verdict.result).toBe('pass');
    const keys = readdirSync(cache);
    expect(keys).toHaveLength(1);
    const copy = path.join(cache, keys[0]!);
    expect(existsSync(path.join(copy, '.complete'))).toBe(true);
    const cached = readFileSync(path.join(copy, rule), 'utf8');
    expect(cached).toContain('基准分支上的修改（测试）');
    expect(cached).not.toContain('合并请求对检查程序的修改');
    // the second check reuses it (same folder, nothing new), with the same verdict, and marks its use
    utimesSync(path.join(copy, '.complete'), twoDaysAgo, twoDaysAgo);
    const second = await record(repo);
    expect(second.verdict).toEqual(first.verdict);
    expect(readdirSync(cache)).toEqual(keys);
    expect(statSync(path.join(copy, '.complete')).mtimeMs).toBeGreaterThan(twoDaysAgo.getTime() + 24 * 3600 * 1000);
    // an extraction that never completed is not used: it is extracted again
    rmSync(path.join(copy, '.complete'));
    rmSync(path.join(copy, rule));
    expect((await record(repo)).verdict.result).toBe(first.verdict.result);
    expect(readFileSync(path.join(copy, rule), 'utf8')).toBe(cached);
  });

  it.skipIf(!clean)('judges in-process when the base engine is the running engine', async () => {
    const repo = await cloneWithPr(false);
    const rec = await record(repo);
    expect(rec.engine).toMatchObject({ source: 'base', inProcess: true });
    expect(rec.engine.commit).toBe((await simpleGit({ baseDir: repo }).revparse(['main'])).trim());
    expect(rec.verdict.result).toBe('pass');
  });
});

/**
 * A repository whose main branch (the base) changes the engine by `editBase`, and whose pr branch
 * adds a file outside the register (notes.txt: the pr/outside-tree rule, an error in the running engine).
 */
function cloneWithBase(editBase: (dir: string) => void): Promise<string> {
  return cloneWith(
    'govmedia-engine-compiled-',
    async (dir, g) => {
      editBase(dir);
      await g.raw(['add', '-A', '--', 'scripts', 'policies']);
      await g.commit('基准分支修改了检查程序');
    },
    async (dir, g) => {
      writeFileSync(path.join(dir, 'notes.txt'), '说明（测试）\n');
      await g.add('notes.txt');
      await g.commit('合并请求在登记簿以外加了一个文件');
    },
  );
}

/** Replace `from` by `to` in a file of the base's engine (the test fails if `from` is not there). */
function replaceIn(dir: string, rel: string, from: string, to: string): void {
  const file = path.join(dir, rel);
  const text = readFileSync(file, 'utf8');
  expect(text, `${rel} no longer holds ${from}`).toContain(from);
  writeFileSync(file, text.replace(from, to));
}

/** The base's wording and severity of pr/outside-tree: a warning, so the base's verdict is a pass where the running engine's is a fail. */
const BASE_WORDING = '不在登记簿之内（基准分支的措辞）';
function softenOutsideTree(dir: string): void {
  replaceIn(dir, 'scripts/pr/check.ts', '不在登记簿（accounts/）或规则文件之内', BASE_WORDING);
  replaceIn(dir, 'scripts/core/builtin-rules.ts', "'pr/outside-tree': { severity: 'error'", "'pr/outside-tree': { severity: 'warning'");
}

/**
 * `check-pr --format json` in-process (main() in this worker), with `env` set while it runs: the base
 * engine it picks still runs in a process of its own (compiled, or through tsx), which inherits `env`.
 * The real executable is run by the --engine self check below and the first check of the cache test.
 */
async function checkPr(repo: string, env: Record<string, string> = {}): Promise<CliResult> {
  const saved = Object.fromEntries(Object.keys(env).map((k) => [k, process.env[k]]));
  Object.assign(process.env, env);
  try {
    return await cli(['check-pr', '--repo', repo, '--base', 'main', '--head', 'pr', '--now', '2026-12-05', '--format', 'json']);
  } finally {
    for (const [k, v] of Object.entries(saved)) {
      if (v === undefined) delete process.env[k];
      else process.env[k] = v;
    }
  }
}

/** The JSON report without the time it was written at. */
function report(r: { code: number; out: string; err: string }): unknown {
  const { generatedAt: _g, ...rest } = JSON.parse(r.out) as Record<string, unknown>;
  return rest;
}

/** The one cached copy of the base engine (the cache holds exactly one). */
function onlyCopy(repo: string): string {
  const cache = path.join(repo, '.git', 'govmedia-engine');
  const keys = readdirSync(cache).filter((k) => !k.includes('.tmp-'));
  expect(keys).toHaveLength(1);
  return path.join(cache, keys[0]!);
}

/** The check gives the base's verdict (a pass, in its wording) through tsx: its one copy has no dist/, and says `why` in .not-compiled. */
async function expectBaseVerdictViaTsx(repo: string, why: string): Promise<void> {
  const r = await checkPr(repo);
  expect(r.code, r.err).toBe(0);
  expect(r.out).toContain(BASE_WORDING);
  const copy = onlyCopy(repo);
  expect(existsSync(path.join(copy, 'dist'))).toBe(false);
  expect(readFileSync(path.join(copy, '.not-compiled'), 'utf8')).toContain(why);
}

describe('check-pr --engine base: the base engine compiled once per engine tree', () => {
  it.skipIf(!inGit)("gives the base's verdict through a compiled copy, reuses it, matches the tsx path, and sets a crashing copy aside", async () => {
    const repo = await cloneWithBase(softenOutsideTree);
    // the running engine (the real executable): the file outside the register is an error
    const self = cliProcess(['check-pr', '--repo', repo, '--base', 'main', '--head', 'pr', '--now', '2026-12-05', '--engine', 'self']);
    expect(self.code, self.err).toBe(1);
    expect(self.out).toContain('不在登记簿（accounts/）或规则文件之内');

    const first = await checkPr(repo);
    expect(first.code, first.err).toBe(0);
    expect(first.out).toContain(BASE_WORDING);
    const copy = onlyCopy(repo);
    const stamp = path.join(copy, 'dist', '.stamp');
    expect(existsSync(path.join(copy, 'dist', 'scripts', 'cli.js'))).toBe(true);
    expect(existsSync(path.join(copy, '.not-compiled'))).toBe(false);
    expect(JSON.parse(readFileSync(path.join(copy, 'dist', 'package.json'), 'utf8')).imports).toEqual({ '#engine/*': './scripts/*.js' });
    const sources = JSON.parse(readFileSync(stamp, 'utf8')).sources as string[];
    expect(sources).toContain('scripts/cli.ts');
    expect(sources.some((s) => s.endsWith('.cases.ts') || s.startsWith('scripts/dev/'))).toBe(false);
    expect(readFileSync(path.join(copy, 'dist', 'scripts', 'pr', 'check.js'), 'utf8')).toContain(BASE_WORDING);

    // the second check reuses the compiled copy: the same folder, the same stamp, nothing new
    const made1 = statSync(stamp);
    const second = await checkPr(repo);
    expect(report(second)).toEqual(report(first));
    expect(onlyCopy(repo)).toBe(copy);
    expect(statSync(stamp)).toMatchObject({ ino: made1.ino, mtimeMs: made1.mtimeMs });

    // the same base through tsx (GOVMEDIA_TSX=1: a copy of its own, not compiled) reports exactly the same
    const viaTsx = await checkPr(repo, { GOVMEDIA_TSX: '1' });
    expect(viaTsx.code, viaTsx.err).toBe(0);
    expect(report(viaTsx)).toEqual(report(first));
    const cache = path.join(repo, '.git', 'govmedia-engine');
    const tsxCopy = readdirSync(cache).map((k) => path.join(cache, k)).find((d) => d !== copy)!;
    expect(existsSync(path.join(tsxCopy, 'dist'))).toBe(false);
    rmSync(tsxCopy, { recursive: true, force: true });

    // it is the compiled copy that runs: a marker planted in its JavaScript shows in the report
    const checkJs = path.join(copy, 'dist', 'scripts', 'pr', 'check.js');
    writeFileSync(checkJs, readFileSync(checkJs, 'utf8').replace(BASE_WORDING, '（编译版标记）'));
    utimesSync(stamp, new Date(), new Date());
    expect((await checkPr(repo)).out).toContain('（编译版标记）');

    // a compiled copy that crashes is set aside: the check runs again through tsx and gives the base's verdict
    writeFileSync(path.join(copy, 'dist', 'scripts', 'cli.js'), "throw new Error('编译版损坏（测试）');\n");
    utimesSync(stamp, new Date(), new Date());
    const fallback = await checkPr(repo);
    expect(fallback.code, fallback.err).toBe(0);
    expect(report(fallback)).toEqual(report(first));
    expect(existsSync(stamp)).toBe(false);
    expect(readFileSync(path.join(copy, '.not-compiled'), 'utf8')).toContain('the compiled copy failed where tsx gave a verdict');
  });

  it.skipIf(!inGit)('runs a base whose layout it does not recognise through tsx, as before', async () => {
    const repo = await cloneWithBase((dir) => {
      softenOutsideTree(dir);
      // an older layout: a launcher that only knows tsx, and no scripts/dist.mjs
      writeFileSync(path.join(dir, 'scripts', 'govmedia.mjs'), "#!/usr/bin/env node\n(await import('tsx/esm/api')).register();\nconst cli = await import('./cli.ts');\nprocess.exitCode = await cli.main(process.argv.slice(2));\n");
      rmSync(path.join(dir, 'scripts', 'dist.mjs'));
      rmSync(path.join(dir, 'scripts', 'build.mjs'));
    });
    await expectBaseVerdictViaTsx(repo, 'scripts/govmedia.mjs does not run compiledEntry');
  });

  it.skipIf(!inGit)('runs a base that does not compile through tsx: its verdict where tsx gives one, else the error tsx gives', async () => {
    // a syntax error in a file the check does not load: the compile fails, tsx still judges
    const repo = await cloneWithBase((dir) => {
      softenOutsideTree(dir);
      writeFileSync(path.join(dir, 'scripts', 'commands', 'monitor.ts'), readFileSync(path.join(dir, 'scripts', 'commands', 'monitor.ts'), 'utf8') + '\nexport const broken = ;\n');
    });
    await expectBaseVerdictViaTsx(repo, 'compile failed');

    // a syntax error in a file the check loads: the same error as the tsx path
    const broken = await cloneWithBase((dir) => {
      writeFileSync(path.join(dir, 'scripts', 'pr', 'report.ts'), readFileSync(path.join(dir, 'scripts', 'pr', 'report.ts'), 'utf8') + '\nexport const broken = ;\n');
    });
    const viaCompile = await checkPr(broken);
    const viaTsx = await checkPr(broken, { GOVMEDIA_TSX: '1' });
    expect(viaCompile.code).toBe(2);
    expect(viaCompile.err).toContain('内部错误');
    expect({ code: viaCompile.code, out: viaCompile.out, err: viaCompile.err.replaceAll(/govmedia-engine\/[0-9a-f]+/g, 'govmedia-engine/…') }).toEqual({ code: viaTsx.code, out: viaTsx.out, err: viaTsx.err.replaceAll(/govmedia-engine\/[0-9a-f]+/g, 'govmedia-engine/…') });
  });
});
