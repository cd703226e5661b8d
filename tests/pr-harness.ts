/**
 * 合并请求检查的场景测试工具：真实的临时 Git 仓库（simple-git），基准分支是样例登记簿
 * （连同检查程序本身，以便 --engine base 真正从基准分支取出规则），每个场景一个分支。
 * A real temporary Git repository whose main branch holds the sample register and the engine;
 * each scenario is a branch with commits; check-pr runs on it like CI would.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { simpleGit, type SimpleGit } from 'simple-git';
import type { AccountFile, Event } from '../scripts/generated/types.ts';
import { cli, ENGINE_ROOT, tmpDir } from './helpers.ts';
import { GitShell } from './support/gitshell.ts';
import type { JsonFinding } from './hostile/runner.ts';

export class Repo {
  readonly git: SimpleGit;
  private shell: GitShell | undefined;
  /**
   * Set when the harness knows HEAD is main with main's files checked out (after backToMain or a
   * fresh copy): what HEAD, main and the index looked like then (see startBranch).
   */
  cleanMain: string | undefined;
  constructor(readonly dir: string) {
    this.git = simpleGit({ baseDir: dir });
  }
  /** The repository's resident shell for the harness's git commands (tests/support/gitshell.ts). */
  get sh(): GitShell {
    if (!this.shell?.usable) this.shell = new GitShell(this.dir);
    return this.shell;
  }
  abs(rel: string): string {
    return path.join(this.dir, rel);
  }
  read<T = AccountFile>(rel: string): T {
    return JSON.parse(readFileSync(this.abs(rel), 'utf8')) as T;
  }
  write(rel: string, value: unknown): void {
    this.cleanMain = undefined;
    mkdirSync(path.dirname(this.abs(rel)), { recursive: true });
    writeFileSync(this.abs(rel), typeof value === 'string' ? value : JSON.stringify(value, null, 2) + '\n');
  }
  edit<T = AccountFile>(rel: string, fn: (doc: T) => void): void {
    const doc = this.read<T>(rel);
    fn(doc);
    this.write(rel, doc);
  }
  rm(rel: string): void {
    this.cleanMain = undefined;
    rmSync(this.abs(rel), { recursive: true, force: true });
  }
  mv(from: string, to: string): void {
    this.cleanMain = undefined;
    mkdirSync(path.dirname(this.abs(to)), { recursive: true });
    renameSync(this.abs(from), this.abs(to));
  }
  /** Find an account file by id. */
  find(id: string): string {
    const walk = (d: string): string | undefined => {
      for (const name of require_readdir(this.abs(d))) {
        const rel = `${d}/${name}`;
        if (name === `${id}.json`) return rel;
        if (!name.includes('.')) {
          const r = walk(rel);
          if (r) return r;
        }
      }
      return undefined;
    };
    const r = walk('accounts');
    if (!r) throw new Error(`no account ${id}`);
    return r;
  }
}

import { readdirSync } from 'node:fs';
function require_readdir(d: string): string[] {
  return existsSync(d) ? readdirSync(d).sort() : [];
}

const ENGINE_FILES = ['scripts', 'policies', 'schemas', 'package.json', 'tsconfig.json', 'accounts'];

/** main = the sample register plus the engine, in one commit, built by one small shell. */
function buildBaseRepo(dir: string): void {
  for (const f of ENGINE_FILES) cpSync(path.join(ENGINE_ROOT, f), path.join(dir, f), { recursive: true });
  shGit(
    dir,
    // maintenance.auto off: otherwise every commit of every scenario starts a `git maintenance run
    // --auto` process that finds nothing to do (a few hundred loose objects, far below gc's limit)
    'git init -q -b main && git config user.name "$1" && git config user.email "$2" && git config commit.gpgsign false && git config maintenance.auto false && git add . && git commit -q -m "$3" && git repack -adq',
    '测试提交人（虚构）',
    'test@example.invalid',
    '样例登记簿',
  );
  // The harness's own git commands store exactly the bytes a test wrote. A scenario's .gitattributes
  // (working-tree-encoding, eol, filter: the attacks check-pr must refuse) must not change how the
  // harness adds and commits: a file left "racily clean" by the last checkout (written in the same
  // clock tick as the index) is read again on the next add, under the new attributes, and a
  // working-tree-encoding=GBK then failed to convert a UTF-8 unit.json, now and then. The
  // repository's own attributes file overrides every .gitattributes for this repository's git
  // commands; check-pr reads objects and the .gitattributes text as data, without them.
  mkdirSync(path.join(dir, '.git', 'info'), { recursive: true });
  writeFileSync(path.join(dir, '.git', 'info', 'attributes'), '* -text -eol -working-tree-encoding -filter -ident\n');
}

/**
 * The base repository of this test run, built once in the run's own temporary folder
 * (tests/global-setup.ts) by whichever test asks first, then only copied: the same files and the
 * same commit every time, without adding 560 files through git for each test file. Built under a
 * name of its own and renamed into place, so workers asking at the same time never see half of
 * it. Outside a test run's folder there is no template and each repository is built.
 */
function baseRepoTemplate(): string | undefined {
  const run = os.tmpdir();
  if (!path.basename(run).startsWith('govmedia-testrun-')) return undefined;
  const ready = path.join(run, 'base-repo-template');
  if (existsSync(ready)) return ready;
  const mine = path.join(run, `base-repo-building-${process.pid}-${++seq}`);
  mkdirSync(mine);
  buildBaseRepo(mine);
  try {
    renameSync(mine, ready);
  } catch {
    rmSync(mine, { recursive: true, force: true }); // another worker's is in place
  }
  return ready;
}

/** Create the base repository: main = the sample register plus the engine (a copy of this run's template). */
export async function makeBaseRepo(): Promise<Repo> {
  const dir = tmpDir('govmedia-pr-');
  const template = baseRepoTemplate();
  if (template) cpSync(template, dir, { recursive: true });
  else buildBaseRepo(dir);
  const repo = new Repo(dir);
  repo.cleanMain = gitState(repo);
  return repo;
}

/** A finding as check-pr's JSON output gives it (the same printed shape the hostile corpus reads). */
export type ReportedFinding = Omit<JsonFinding, 'fix'>;

export interface ScenarioRun {
  code: number;
  out: string;
  err: string;
  json: {
    verdict: 'pass' | 'fail';
    changes: { kind: string; accountId?: string; fields: { label: string; from: string; to: string }[] }[];
    approvals: { role: { zh: string }; reviewers: string[] }[];
    nextSteps: { account: string; due: string; text: string; citation: string }[];
    findings: ReportedFinding[];
    preexisting: ReportedFinding[];
    suppressed: { ruleId: string }[];
    policies: { id: string }[];
  };
}

let seq = 0;

/**
 * Run a few git commands through one small shell: forking the test process (hundreds of MB) once
 * per git command was most of a scenario's time on a loaded machine; the shell forks cheaply.
 * Values are passed as positional parameters ("$1"), never spliced into the script.
 */
function shGit(cwd: string, script: string, ...params: string[]): string {
  const r = spawnSync('sh', ['-c', `set -e; ${script}`, 'sh', ...params], { cwd, encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`git failed in ${cwd}: ${script}\n${r.stderr}`);
  return r.stdout;
}

/** Run one git command directly (one process; no shell in between). */
function runGit(cwd: string, args: string[], env?: NodeJS.ProcessEnv): string {
  const r = spawnSync('git', args, { cwd, encoding: 'utf8', ...(env ? { env } : {}) });
  if (r.status !== 0) throw new Error(`git ${args.join(' ')} failed in ${cwd}:\n${r.stderr}`);
  return r.stdout;
}

/**
 * The commit a branch points at, read from the ref file git wrote (no process); git is asked only
 * when the ref is not a loose file (packed refs).
 */
export function branchHead(repo: Repo, branch: string): string {
  try {
    return readFileSync(path.join(repo.dir, '.git', 'refs', 'heads', branch), 'utf8').trim();
  } catch {
    return runGit(repo.dir, ['rev-parse', '--verify', `refs/heads/${branch}`]).trim();
  }
}

/**
 * What HEAD, main and the index are now (file contents and the index's size, time and inode), or
 * undefined when main is not a loose ref: read from files, no process.
 */
function gitState(repo: Repo): string | undefined {
  try {
    const g = path.join(repo.dir, '.git');
    const ix = statSync(path.join(g, 'index'), { bigint: true });
    return `${readFileSync(path.join(g, 'HEAD'), 'utf8')}\0${readFileSync(path.join(g, 'refs', 'heads', 'main'), 'utf8')}\0${ix.size} ${ix.mtimeNs} ${ix.ctimeNs} ${ix.ino}`;
  } catch {
    return undefined;
  }
}

/**
 * Start a new branch at main with main's files checked out, whatever the work tree held (one
 * `git checkout -f -b`: the earlier `checkout -f main`, `rev-parse` and `checkout -b` in one process).
 * When the harness itself just put main's files in place (backToMain, a fresh copy) and since then
 * neither HEAD, nor main, nor the index has changed and no Repo method wrote to the work tree, that
 * checkout would change no file: the branch is then made by writing its ref and HEAD as git would
 * (no process; a git process costs ~15 ms of CPU here, and every scenario starts a branch).
 */
export async function startBranch(repo: Repo, branch: string): Promise<void> {
  const known = repo.cleanMain;
  repo.cleanMain = undefined;
  const g = path.join(repo.dir, '.git');
  const ref = path.join(g, 'refs', 'heads', ...branch.split('/'));
  const packed = path.join(g, 'packed-refs');
  if (known !== undefined && known === gitState(repo) && known.startsWith('ref: refs/heads/main\n') && /^[\w.-]+(\/[\w.-]+)*$/.test(branch) && !existsSync(ref) && !(existsSync(packed) && readFileSync(packed, 'utf8').includes(` refs/heads/${branch}\n`))) {
    mkdirSync(path.dirname(ref), { recursive: true });
    writeFileSync(ref, branchHead(repo, 'main') + '\n', { flag: 'wx' });
    writeFileSync(path.join(g, 'HEAD'), `ref: refs/heads/${branch}\n`);
    return;
  }
  await repo.sh.run([['git', 'checkout', '-q', '-f', '-b', branch, 'main']]);
}

/**
 * Stage everything (new, changed and removed files; or only `paths`) and commit it; `env` may
 * date the commit (GIT_AUTHOR_DATE, GIT_COMMITTER_DATE).
 */
export async function commitAll(repo: Repo, message: string, env: Record<string, string> = {}, paths: string[] = []): Promise<void> {
  await repo.sh.run([['git', 'add', '-A', '--', ...paths], ['git', 'commit', '-q', '--allow-empty', '-m', message]], env);
}

/** Back on main with main's files (tracked changes discarded). */
export async function backToMain(repo: Repo): Promise<void> {
  repo.cleanMain = undefined;
  await repo.sh.run([['git', 'checkout', '-q', '-f', 'main']]);
  repo.cleanMain = gitState(repo);
}

/**
 * Run a scenario: a branch off `main` with one commit per step, then check-pr.
 * `prepareMain` commits directly on main first (pre-existing state), and is undone afterwards.
 * Git processes per one-step scenario: checkout -b, add, commit, checkout main, all started by the
 * repository's resident shell (a scenario used to start twelve, each forked from the test process).
 */
export async function runScenario(
  repo: Repo,
  steps: ((r: Repo) => void)[],
  opts: { labels?: string[]; now?: string; engine?: 'self' | 'base'; prepareMain?: (r: Repo) => void; extraArgs?: string[] } = {},
): Promise<ScenarioRun> {
  const branch = `scenario-${++seq}`;
  // main, and at once the scenario's branch off it (or, with prepareMain, the base branch first)
  const first = opts.prepareMain ? `${branch}-base` : branch;
  const mainHead = branchHead(repo, 'main');
  await startBranch(repo, first);
  let base = 'main';
  if (opts.prepareMain) {
    opts.prepareMain(repo);
    await repo.sh.run([['git', 'add', '-A'], ['git', 'commit', '-q', '--allow-empty', '-m', '基准上已有的状态'], ['git', 'checkout', '-q', '-b', branch]]);
    base = `${branch}-base`;
  }
  let i = 0;
  for (const step of steps) {
    step(repo);
    await commitAll(repo, `第 ${++i} 步`);
  }
  const args = ['check-pr', '--repo', repo.dir, '--base', base, '--head', branch, '--now', opts.now ?? '2026-11-20', '--engine', opts.engine ?? 'self', '--format', 'json', ...(opts.labels ?? []).flatMap((l) => ['--labels', l]), ...(opts.extraArgs ?? [])];
  const r = await cli(args);
  await backToMain(repo);
  if (branchHead(repo, 'main') !== mainHead) throw new Error('main moved');
  let json: ScenarioRun['json'];
  try {
    const start = r.out.search(/^\{/m);
    json = JSON.parse(r.out.slice(start)) as ScenarioRun['json'];
  } catch {
    throw new Error(`check-pr did not print JSON (exit ${r.code}):\n${r.out}\n${r.err}`);
  }
  return { ...r, json };
}

export function rules(run: ScenarioRun): string[] {
  return [...new Set(run.json.findings.map((f) => f.ruleId))].sort();
}

/** A new account file in a unit folder, modelled on an existing account of that unit (a valid opening). */
export function openAccount(r: Repo, likeId: string, id: string, patch: Partial<AccountFile>, events?: Event[]): string {
  const like = r.find(likeId);
  const doc = r.read(like);
  const file = `${path.posix.dirname(like)}/${id}.json`;
  const fresh: AccountFile = {
    ...doc,
    id,
    certification: { status: '未认证' },
    events: events ?? [{ type: '开设备案', date: '2026-11-19', reason: '为拓展政务信息传播渠道，发布本单位政务信息、解读政策，信息来源为本单位，由办公室每周更新。', unitDecision: { decision: '同意', date: '2026-11-19', by: '主要负责人' } }],
    ...patch,
  };
  delete (fresh as { urls?: unknown }).urls;
  r.write(file, fresh);
  return file;
}
