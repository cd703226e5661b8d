/**
 * 编译版的 check-pr 经打包文件运行（scripts/build.mjs bundleCommands）：结果与逐个编译的模块逐字节相同；
 * 命令行和办法模块也用的模块不打进包里（每个模块只有一份实例，用法错误仍是用法错误）。
 * The compiled check-pr runs from its bundle (scripts/build.mjs bundleCommands): byte for byte what the
 * module-by-module compiled command prints, and the modules the CLI and the policy modules share are
 * not inside it (one instance of each: a usage error is still reported as one).
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importBundledCommand } from '../scripts/core/runtime.ts';
import { ENGINE_ROOT } from './helpers.ts';
import { backToMain, commitAll, makeBaseRepo, startBranch, type Repo } from './pr-harness.ts';

const dist = path.join(ENGINE_ROOT, 'dist');
const bundles = path.join(dist, 'bundled', 'commands');
/** The CLI runs the compiled copy (current build) and the build made the bundle. */
const current = (): boolean => Boolean(compiledEntry('scripts/cli.js')) && existsSync(path.join(bundles, 'check-pr.js'));
const NOW = '2026-11-20';
let repo: Repo;
let compiledEntry: (rel: string) => string | undefined = () => undefined;

/** Run check-pr's handler from one compiled file (the bundle's entry or the plain compiled module) in a fresh Node. */
function runFrom(file: string, args: string[]): { code: number | null; out: string; err: string } {
  const script = `const m = await import(${JSON.stringify(pathToFileURL(file).href)});
    let out = '', err = '';
    const code = await m.cmdCheckPr(JSON.parse(process.argv[1]), { out: (s) => (out += s + '\\n'), err: (s) => (err += s + '\\n') });
    process.stdout.write(out); process.stderr.write(err); process.exitCode = code;`;
  const r = spawnSync(process.execPath, ['--input-type=module', '-e', script, JSON.stringify(args)], { cwd: ENGINE_ROOT, encoding: 'utf8', env: { ...process.env, NODE_OPTIONS: '' }, timeout: 60_000 });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

/** The time of writing is the only thing two runs may differ in. */
const stable = (s: string): string => s.replace(/"generatedAt": "[^"]*"/g, '"generatedAt": "…"');

beforeAll(async () => {
  const distModule = '../scripts/dist.mjs';
  ({ compiledEntry } = (await import(distModule)) as { compiledEntry(rel: string): string | undefined });
  repo = await makeBaseRepo();
  // a PR with an introduced error (a broken phone number), a name change and a malformed file
  await startBranch(repo, 'pr');
  repo.edit('accounts/sichuan/zigong/zg-scdc/zg-scdc-weixin.json', (a) => {
    a.name = `${a.name}（新）`;
  });
  repo.write('accounts/sichuan/zigong/zg-scdc/zg-scdc-broken.json', '{ "id": "zg-scdc-broken", ');
  await commitAll(repo, '改名并加入一个坏文件');
  await backToMain(repo);
}, 120_000);

afterAll(() => {
  if (repo) rmSync(repo.dir, { recursive: true, force: true });
});

describe('check-pr bundle (dist/bundled/commands)', () => {
  it('holds the judge and not the modules the CLI or the policy modules share', () => {
    // not built (or built before the sources changed): nothing the CLI runs to look at
    if (!current()) return void expect(Boolean(compiledEntry('scripts/cli.js')) && existsSync(path.join(bundles, 'check-pr.js'))).toBe(false);
    const inlined = new Set<string>();
    for (const f of readdirSync(bundles).filter((n) => n.endsWith('.js'))) for (const m of readFileSync(path.join(bundles, f), 'utf8').matchAll(/^\/\/ dist\/scripts\/(\S+\.js)$/gm)) inlined.add(m[1]!);
    for (const m of ['commands/check-pr.js', 'pr/check.js', 'pr/report.js', 'core/git.js', 'core/register.js', 'pipeline/pipeline.js', 'policy/engine.js']) expect(inlined.has(m), m).toBe(true);
    // the CLI's own modules (instanceof UsageError, GitError), the modules that find files by their own
    // location, and what the policy modules import as #engine/…: imported from dist/scripts, never copied
    for (const m of ['cli.js', 'core/errors.js', 'core/cli-args.js', 'core/paths.js', 'commands/table.js', 'core/read-ahead.js', 'core/schema.js', 'generated/validators.js', 'policy/common/structure.js', 'policy/common/process.js', 'core/lifecycle.js']) expect(inlined.has(m), m).toBe(false);
  });

  it('the compiled CLI takes the bundle; the sources (tsx) never do', async () => {
    expect(await importBundledCommand('check-pr')).toBeUndefined();
    if (!current()) return;
    const r = spawnSync(process.execPath, ['--input-type=module', '-e', `const m = await import(${JSON.stringify(pathToFileURL(path.join(dist, 'scripts', 'core', 'runtime.js')).href)}); const c = await m.importBundledCommand('check-pr'); console.log(typeof c?.cmdCheckPr, typeof (await m.importBundledCommand('no-such-command')))`], { cwd: ENGINE_ROOT, encoding: 'utf8', env: { ...process.env, NODE_OPTIONS: '' }, timeout: 60_000 });
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout.trim()).toBe('function undefined');
  });

  it('prints byte for byte what the module-by-module compiled command prints (JSON, Markdown, text, English)', () => {
    if (!current()) return;
    const bundled = path.join(bundles, 'check-pr.js');
    const plain = path.join(dist, 'scripts', 'commands', 'check-pr.js');
    for (const extra of [['--format', 'json'], ['--format', 'markdown'], ['--format', 'text'], ['--format', 'markdown', '--lang', 'en']]) {
      const args = ['--repo', repo.dir, '--base', 'main', '--head', 'pr', '--now', NOW, '--engine', 'self', ...extra];
      const a = runFrom(bundled, args);
      const b = runFrom(plain, args);
      expect(a.err, extra.join(' ')).toBe(b.err);
      expect(stable(a.out), extra.join(' ')).toBe(stable(b.out));
      expect(a.code, extra.join(' ')).toBe(b.code);
      // the PR introduces errors: the check fails, and says which
      expect(a.code).toBe(1);
    }
    expect(runFrom(bundled, ['--repo', repo.dir, '--base', 'main', '--head', 'pr', '--now', NOW, '--engine', 'self', '--format', 'json']).out).toContain('register/json-syntax');
  });

  it('a usage error raised inside the bundle is the CLI\'s usage error (Chinese first, exit 2, no stack, not an internal error)', () => {
    if (!current()) return;
    const r = spawnSync(process.execPath, [path.join(ENGINE_ROOT, 'scripts', 'govmedia.mjs'), 'check-pr', '--repo', repo.dir, '--base', 'no-such-branch', '--head', 'pr', '--now', NOW], { cwd: ENGINE_ROOT, encoding: 'utf8', env: { ...process.env, NODE_OPTIONS: '', GOVMEDIA_DEBUG: '' }, timeout: 60_000 });
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/^[^\n]*找不到提交或分支“no-such-branch”/);
    expect(r.stderr).not.toContain('内部错误');
    expect(r.stderr).not.toMatch(/\n\s+at /);
  });
});
