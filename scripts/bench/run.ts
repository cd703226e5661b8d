/**
 * npm run bench：在一次运行中生成合成登记簿（1 万和 10 万个账号）和 2 万个提交的历史，测量 validate、
 * check-pr、history、audit 的耗时和内存峰值，每项都与同一次运行、同一份数据上测得的基线（floor）对照，
 * 打印结果表并写出 docs/benchmarks.md（中文在前，英文在后）。未达标时也以 0 退出：文档如实记录。
 *
 * `npm run bench`: in one run, generate synthetic registers (10k and 100k accounts) and a 20k-commit
 * history, time validate, check-pr, history and audit with their peak memory, each beside its
 * floor measured in the same run on the same data; print the table and write docs/benchmarks.md.
 * Exits 0 even when a target is missed: the document records it.
 *
 * Environment:
 *   BENCH_SMALL=1            quick check: 1,000 / 5,000 accounts and 2,000 commits (doc not written unless BENCH_DOC)
 *   BENCH_ACCOUNTS=n         accounts in the history register (default 10000)
 *   BENCH_ACCOUNTS_LARGE=n   accounts in the large register (default 100000)
 *   BENCH_COMMITS=n          commits of history (default 20000)
 *   BENCH_RUNS=n             timed runs of a command under 10 s (default 3; the median is reported)
 *   BENCH_AUDIT_BUDGET=s     seconds the audit may take (default 300); a longer history is audited over its newest part
 *   BENCH_DOC=path           where to write the report (default docs/benchmarks.md; none for BENCH_SMALL)
 *   BENCH_DIR=path           work folder (default a new folder under the system temp folder)
 *   BENCH_KEEP=1             keep the work folder
 *   BENCH_PROFILE=0          skip the CPU profiles
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { closeSync, existsSync, mkdirSync, mkdtempSync, openSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { pathToFileURL } from 'node:url';
import { ENGINE_ROOT } from '../core/paths.ts';
import { defaultJobs, PARALLEL_MAX_JOBS, PARALLEL_MIN_FILES } from '../pipeline/parallel.ts';
import { ENGINE_IDS_FILE, ENGINE_PATHS, keptEngineIds } from '../pr/engine-ids.ts';
import { historyRepo, run, snapshotRepo, type HistoryRepo, type SnapshotRepo } from './generate.ts';
import { readProfiles, summarizeProfiles, type ProfileSummary } from './profile.ts';

// ---------------------------------------------------------------- settings

export interface Settings {
  small: boolean;
  accounts: number;
  large: number;
  commits: number;
  runs: number;
  auditBudgetS: number;
  doc: string | undefined;
  dir: string | undefined;
  keep: boolean;
  profile: boolean;
  now: string;
}

function int(v: string | undefined, d: number): number {
  if (v === undefined || v === '') return d;
  const n = Number(v);
  if (!Number.isInteger(n) || n <= 0) throw new Error(`bench: expected a positive integer, got "${v}"`);
  return n;
}

export function settingsFrom(env: NodeJS.ProcessEnv): Settings {
  const small = env.BENCH_SMALL === '1';
  return {
    small,
    accounts: int(env.BENCH_ACCOUNTS, small ? 1000 : 10000),
    large: int(env.BENCH_ACCOUNTS_LARGE, small ? 5000 : 100000),
    commits: int(env.BENCH_COMMITS, small ? 2000 : 20000),
    // a row is never judged on one run: at least 3 counted runs of every command
    runs: Math.max(3, int(env.BENCH_RUNS, 3)),
    auditBudgetS: int(env.BENCH_AUDIT_BUDGET, small ? 60 : 300),
    doc: env.BENCH_DOC ? path.resolve(env.BENCH_DOC) : small ? undefined : path.join(ENGINE_ROOT, 'docs', 'benchmarks.md'),
    dir: env.BENCH_DIR ? path.resolve(env.BENCH_DIR) : undefined,
    keep: env.BENCH_KEEP === '1',
    profile: env.BENCH_PROFILE !== '0',
    now: '2026-11-20',
  };
}

// ---------------------------------------------------------------- running commands

const TIME_BIN = '/usr/bin/time';
const HAS_TIME = existsSync(TIME_BIN) && spawnSync(TIME_BIN, ['-v', 'true']).status === 0;
/** Whether GNU time (`/usr/bin/time -v`) measures the runs here: peak memory and page faults come from it. */
export const hasTimeTool = (): boolean => HAS_TIME;
const GOVMEDIA = path.join(ENGINE_ROOT, 'scripts', 'govmedia.mjs');
const CHILD = path.join(ENGINE_ROOT, 'scripts', 'bench', 'child.mjs');
const FLOOR = path.join(ENGINE_ROOT, 'scripts', 'bench', 'floor-read.mjs');
const FLOOR_SCHEMA = path.join(ENGINE_ROOT, 'scripts', 'bench', 'floor-schema.mjs');
const AJV = path.join(ENGINE_ROOT, 'node_modules', '.bin', 'ajv');

interface Exec {
  ms: number;
  /** Peak resident set size (largest process of the tree, /usr/bin/time -v), KiB. */
  rssKB: number | undefined;
  /** Minor page faults of the process and the children it waited for (/usr/bin/time -v). */
  minorFaults?: number;
  code: number;
  stdout: string;
  stderr: string;
}

/**
 * The environment of every measured command. NODE_EXTRA_CA_CERTS is left out: set on some
 * machines (this one), it makes every Node process read the system certificate bundle at
 * start-up (~90 ms here), and the register never uses the network.
 */
const CHILD_ENV: NodeJS.ProcessEnv = (() => {
  const e: NodeJS.ProcessEnv = { ...process.env, NO_COLOR: '1' };
  delete e.NODE_EXTRA_CA_CERTS;
  return e;
})();
const HAD_CA_CERTS = process.env.NODE_EXTRA_CA_CERTS !== undefined;

let seq = 0;
let work = '';
/** Commands running now (ended when the bench is interrupted). */
const running = new Set<ChildProcess>();

/**
 * Run one command, wall time around the whole process; peak RSS through /usr/bin/time -v when
 * present. Output goes to files, not pipes: a program that calls process.exit() with output still
 * buffered for a pipe (ajv-cli does) would lose it.
 */
function exec(cmd: string, args: string[], opts: { cwd?: string } = {}): Promise<Exec> {
  const n = ++seq;
  const dir = work || os.tmpdir();
  const timeFile = path.join(dir, `time-${process.pid}-${n}.txt`);
  const outFile = path.join(dir, `out-${process.pid}-${n}.txt`);
  const errFile = path.join(dir, `err-${process.pid}-${n}.txt`);
  const [c, a] = HAS_TIME ? [TIME_BIN, ['-v', '-o', timeFile, cmd, ...args]] : [cmd, args];
  const out = openSync(outFile, 'w');
  const err = openSync(errFile, 'w');
  return new Promise((resolve, reject) => {
    const t0 = performance.now();
    const p = spawn(c, a, { cwd: opts.cwd ?? ENGINE_ROOT, stdio: ['ignore', out, err], env: CHILD_ENV });
    running.add(p);
    p.on('exit', () => running.delete(p));
    p.on('error', (e) => {
      closeSync(out);
      closeSync(err);
      reject(e);
    });
    p.on('close', (code) => {
      const ms = performance.now() - t0;
      closeSync(out);
      closeSync(err);
      const { rssKB, minorFaults } = HAS_TIME && existsSync(timeFile) ? parseTimeV(readFileSync(timeFile, 'utf8')) : {};
      const stdout = readFileSync(outFile, 'utf8');
      const stderr = readFileSync(errFile, 'utf8');
      for (const f of [timeFile, outFile, errFile]) rmSync(f, { force: true });
      resolve({ ms, rssKB, ...(minorFaults !== undefined ? { minorFaults } : {}), code: code ?? -1, stdout, stderr });
    });
  });
}

/** What `/usr/bin/time -v` reports of a run: its peak resident set size (KiB) and its minor page faults. */
export function parseTimeV(text: string): { rssKB?: number; minorFaults?: number } {
  const rss = /Maximum resident set size \(kbytes\): (\d+)/.exec(text);
  const minor = /Minor \(reclaiming a frame\) page faults: (\d+)/.exec(text);
  return { ...(rss ? { rssKB: Number(rss[1]) } : {}), ...(minor ? { minorFaults: Number(minor[1]) } : {}) };
}

export interface Measured {
  /** Median wall time of the counted runs. */
  ms: number;
  /** Fastest counted run. */
  minMs: number;
  /** Fastest in-process time, when the command prints one. */
  innerMinMs?: number;
  /** Median of the time the command reported for its own work (in-process), when it prints one. */
  innerMs?: number;
  rssKB: number | undefined;
  /** Median of the counted runs' minor page faults (/usr/bin/time -v), when measured. */
  faults?: number;
  runs: number;
  code: number;
  last: Exec;
  /** Set when the command failed (exit code, crash, wrong output): why. */
  failed?: string;
  /**
   * The counted runs' wall times in the order they ran (innerTimed: the times the command
   * reported), the times it reported when every run printed one, and the measurePair call they
   * came from: the runs of two measurements of one call pair up.
   */
  paired?: { with: object; times: number[]; innerTimes?: number[] };
}

/** Runs a row needs before it may be called met (a single run under load proves nothing). */
export const MIN_RUNS = 3;

/** Whether every measurement counted at least MIN_RUNS runs. */
export function enoughRuns(...ms: readonly Pick<Measured, 'runs'>[]): boolean {
  return ms.every((m) => m.runs >= MIN_RUNS);
}

export function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
}

function lastJsonLine(s: string): Record<string, unknown> | undefined {
  const line = s.trim().split('\n').reverse().find((l) => l.startsWith('{'));
  if (!line) return undefined;
  try {
    return JSON.parse(line) as Record<string, unknown>;
  } catch {
    return undefined;
  }
}

/** Why a run failed, in one line: V8's fatal error when there is one, else the check and the first line of stderr. */
export function failReason(e: Pick<Exec, 'ms' | 'code' | 'stderr'>, problem: string): string {
  const fatal = /FATAL ERROR: ([^\n]+)/.exec(e.stderr)?.[1]?.trim();
  const first = e.stderr.split('\n').map((l) => l.trim()).find((l) => l && !l.startsWith('npm warn'));
  const why = fatal ?? (first && !problem.includes(first) ? `${problem}: ${first}` : problem);
  return `exit ${e.code} after ${fmtMs(e.ms)}: ${why}`.slice(0, 300);
}

/** One command to time: what it is, how to run it, and how to tell that a run did its work. */
export interface Cmd {
  label: string;
  cmd: string;
  args: string[];
  cwd?: string;
  /** Why a run is wrong (exit code, output), or undefined. */
  expect?: (e: Exec) => string | undefined;
  /** A govmedia command: its failure is a result, recorded, not a bench error. */
  engine?: boolean;
  /** One run only: for long work that is reported, never judged (the audit over the history). */
  once?: boolean;
  /** Done before each run, not timed (e.g. removing a cache the run must not find). */
  before?: () => void;
}

function problemOf(c: Cmd, e: Exec): string | undefined {
  try {
    return c.expect?.(e);
  } catch (err) {
    return `unreadable output (${(err as Error).message})`;
  }
}

/** `pairedWith`: the measurePair call the runs came from (Measured.paired). */
function summarize(c: Cmd, counted: Exec[], problem: string | undefined, pairedWith?: object): Measured {
  const last = counted[counted.length - 1]!;
  if (problem && !c.engine) throw new Error(`bench: ${c.label}: ${problem}\n${last.stderr.slice(0, 2000)}`);
  const reported = counted.map((e) => lastJsonLine(e.stdout)?.ms);
  const inner = reported.filter((x): x is number => typeof x === 'number');
  const rss = counted.map((e) => e.rssKB ?? (lastJsonLine(e.stdout)?.maxRssKB as number | undefined)).filter((x): x is number => typeof x === 'number');
  const times = counted.map((e) => e.ms);
  const faults = counted.map((e) => e.minorFaults).filter((x): x is number => typeof x === 'number');
  const m: Measured = { ms: problem ? last.ms : median(times), minMs: Math.min(...times), rssKB: rss.length ? Math.max(...rss) : undefined, runs: counted.length, code: last.code, last };
  if (faults.length === counted.length) m.faults = median(faults);
  if (inner.length && !problem) {
    m.innerMs = median(inner);
    m.innerMinMs = Math.min(...inner);
  }
  if (problem) {
    m.failed = failReason(last, problem);
    log(`${c.label}: 失败 FAILED — ${m.failed}`);
    return m;
  }
  // the counted runs in the order they ran, to pair with the other side's (pairRatios)
  if (pairedWith) m.paired = { with: pairedWith, times, ...(inner.length === reported.length ? { innerTimes: inner } : {}) };
  log(`${c.label}: ${fmtMs(m.ms)}（最快 min ${fmtMs(m.minMs)}）${m.innerMs !== undefined ? `（进程内 in-process ${fmtMs(m.innerMs)}）` : ''}${m.rssKB ? `，${fmtMB(m.rssKB)}` : ''}，${m.runs} 次 runs`);
  return m;
}

/** The engine's files were changed while the bench ran: the rows after that would not measure what the report says. */
export class EngineChanged extends Error {}

/**
 * What tells, before every run, whether the engine is still the one the bench started with
 * (undefined: nothing to watch, e.g. in tests of the stages): see engineGuard.
 */
let guard: (() => Promise<string | undefined>) | undefined;

/**
 * A watch on the engine under `root`: the compiled copy is still current (`isCurrent`, from
 * scripts/dist.mjs) and every engine file has the size, time and mode it had when the ids in
 * `idsFile` were worked out (as check-pr's --engine base judges it). Editing a source while the
 * bench runs would otherwise send the later rows through tsx, and a file merely touched would make
 * every check-pr ask git whether the engine is the base's: numbers of another program, silently.
 * Returns the reason once anything differs, in Chinese and English.
 */
export async function engineGuard(root: string, idsFile: string, isCurrent: () => boolean): Promise<() => Promise<string | undefined>> {
  const ids = (await keptEngineIds(root, ENGINE_PATHS, idsFile))?.join('\n');
  const current = isCurrent();
  return async () => {
    if (current && !isCurrent()) return '检查程序的源码在基准运行中被修改，编译版已不是最新（其后的命令会经 tsx 运行）/ an engine source was changed while the bench ran: the compiled copy is stale (later commands would run through tsx)';
    if (ids !== undefined && (await keptEngineIds(root, ENGINE_PATHS, idsFile))?.join('\n') !== ids) return '检查程序的文件在基准运行中被改动（内容或修改时间），check-pr 须再问 Git 程序是否与基准相同 / an engine file was changed (content or modification time) while the bench ran: check-pr would have to ask git whether the engine is the base\'s';
    return undefined;
  };
}

/** Watch the engine with `g` before every timed run from now on (undefined: stop watching). */
export function watchEngine(g: typeof guard): void {
  guard = g;
}

/** Where check-pr keeps the large register's name index (removed before a cold run). */
function namesDir(dir: string): string {
  return path.join(dir, '.git', 'govmedia', 'names');
}

async function checkEngine(): Promise<void> {
  const why = await guard?.();
  if (why) throw new EngineChanged(why);
}

/**
 * Time one command on its own: one warm-up run, then `runs` counted runs (median and minimum).
 * For what has no partner to alternate with (Node's start-up, the audit probe).
 */
async function measure(c: Cmd, s: Settings): Promise<Measured> {
  log(`${c.label} …`);
  await checkEngine();
  c.before?.();
  const warm = await exec(c.cmd, c.args, c);
  let problem = problemOf(c, warm);
  const counted: Exec[] = problem || c.once ? [warm] : [];
  while (!problem && !c.once && counted.length < s.runs) {
    await checkEngine();
    c.before?.();
    const e = await exec(c.cmd, c.args, c);
    counted.push(e);
    problem = problemOf(c, e);
  }
  return summarize(c, counted, problem);
}

/**
 * Time a command beside its floor or peer in alternating pairs, both orders (A B, B A, A B …),
 * after one warm-up run of each: load on the machine falls on both alike, and neither always
 * runs on a cache the other warmed. Each gets `runs` counted runs (median and minimum).
 */
export async function measurePair(a: Cmd, b: Cmd, s: Settings): Promise<[Measured, Measured]> {
  log(`${a.label} ⇄ ${b.label} …`);
  const counted: [Exec[], Exec[]] = [[], []];
  const problems: [string | undefined, string | undefined] = [undefined, undefined];
  const both = [a, b] as const;
  const once = async (k: 0 | 1, keep: boolean): Promise<void> => {
    if (problems[k]) return;
    await checkEngine();
    both[k].before?.();
    const e = await exec(both[k].cmd, both[k].args, both[k]);
    problems[k] = problemOf(both[k], e);
    if (keep || problems[k]) counted[k].push(e);
  };
  await once(0, false);
  await once(1, false);
  for (let i = 0; i < s.runs; i++) {
    const order: (0 | 1)[] = i % 2 === 0 ? [0, 1] : [1, 0];
    for (const k of order) await once(k, true);
  }
  // the i-th counted runs of A and B ran next to each other (A B or B A): they pair up
  const call = {};
  return [summarize(a, counted[0], problems[0], call), summarize(b, counted[1], problems[1], call)];
}

/**
 * The ratio of each pair of runs (ours / floor, the i-th counted run of each, which ran next to
 * each other), when both measurements come from one measurePair call; undefined otherwise.
 * farm-bench, the tool a row is reproduced by hand with, reports this statistic (its A/B line).
 */
export function pairRatios(ours: Pick<Measured, 'paired' | 'failed'>, floor: Pick<Measured, 'paired' | 'failed'>): number[] | undefined {
  const a = ours.paired;
  const b = floor.paired;
  if (ours.failed || floor.failed || !a || !b || a.with !== b.with) return undefined;
  const x = a.times;
  const y = b.times;
  if (x.length !== y.length || x.length < 2) return undefined;
  return x.map((v, i) => (y[i]! > 0 ? v / y[i]! : Number.NaN)).filter((r) => Number.isFinite(r));
}

/** A time cell: the median and the fastest run, or the failure. */
function cell(m: Measured): string {
  if (m.failed) return `✗（失败：${m.failed} / failed: ${m.failed}）`;
  return m.runs > 1 ? `${fmtMs(m.ms)}（最快 ${fmtMs(m.minMs)} / min ${fmtMs(m.minMs)}）` : fmtMs(m.ms);
}
const tm = cell;

/**
 * A command against its floor or peer, measured in alternation. Met only when the medians AND
 * the fastest runs are both within `factor`, and each side had at least 3 counted runs.
 */
export function pairRow(key: string, what: { zh: string; en: string }, ours: Measured, floor: Measured, floorWhat: { zh: string; en: string }, factor: number, asPct = false): Row {
  const failed = ours.failed ?? floor.failed;
  const r = (x: number, y: number): string => (asPct ? pct(x, y) : ratio(x, y));
  const one = (x: number): string => r(x, 1);
  // reported beside the verdict's two ratios, never part of it: the median of the pairs' own ratios and their range
  const pairs = pairRatios(ours, floor);
  const perPair = pairs?.length ? { zh: `；逐对之比中位数 ${one(median(pairs))}，${one(Math.min(...pairs))}–${one(Math.max(...pairs))}`, en: `; per-pair median ${one(median(pairs))}, ${one(Math.min(...pairs))}–${one(Math.max(...pairs))}` } : { zh: '', en: '' };
  return {
    key,
    what,
    ours: cell(ours),
    floor: floor.failed ? cell(floor) : `${fmtMs(floor.ms)}（${floorWhat.zh}；最快 ${fmtMs(floor.minMs)} / ${floorWhat.en}; min ${fmtMs(floor.minMs)}）`,
    ratio: failed ? '—' : `${r(ours.ms, floor.ms)}（最快之比 ${r(ours.minMs, floor.minMs)}${perPair.zh} / min ${r(ours.minMs, floor.minMs)}${perPair.en}）`,
    target: asPct ? { zh: `≤ ${floorWhat.zh}的 ${Math.round(factor * 100)}%`, en: `≤ ${Math.round(factor * 100)}% of ${floorWhat.en}` } : { zh: `≤ ${factor}×（${floorWhat.zh}）`, en: `≤ ${factor}× (${floorWhat.en})` },
    met: !failed && enoughRuns(ours, floor) && ours.ms <= factor * floor.ms && ours.minMs <= factor * floor.minMs,
    rss: ours.rssKB ? fmtMB(ours.rssKB) : '—',
  };
}

/** A measurement by the time the command reported for its own work (in-process), where it printed one. */
export function innerTimed(m: Measured): Measured {
  // paired by the reported times too, when every run reported one
  const paired = m.innerMs === undefined ? m.paired : m.paired?.innerTimes && { with: m.paired.with, times: m.paired.innerTimes };
  return { ...m, ms: m.innerMs ?? m.ms, minMs: m.innerMinMs ?? m.minMs, paired };
}

/** A pair reported for reference: the ratio, no target. */
function refRow(key: string, what: Bi, ours: Measured, floor: Measured, floorWhat: Bi): Row {
  return { ...pairRow(key, what, ours, floor, floorWhat, 1), target: { zh: '（仅报告）', en: '(reported)' }, met: undefined };
}

/** A validate target and the ratio the schema-only reference program reached against the same floor or peer (medians). */
export interface BoundCase {
  goal: Bi;
  factor: number;
  /** The reference program's ratio against this target's floor or peer; undefined when it was not measured. */
  bound: number | undefined;
}

/**
 * What the schema-only reference says of the validate targets: the targets that lie below the
 * ratio a program reaches that only reads, parses and checks the schema (with validate's own
 * validators, one thread, nothing else), and so below any checker that also runs the other checks
 * on this machine — unless it does the floor's own work faster than the floor.
 */
export function schemaBound(cases: readonly BoundCase[]): Bi {
  const measured = cases.filter((c) => c.bound !== undefined && Number.isFinite(c.bound));
  if (!measured.length) return { zh: '只做模式校验的参考程序没有测得结果。', en: 'The schema-only reference was not measured.' };
  const below = measured.filter((c) => c.factor < c.bound!);
  if (!below.length) return { zh: '各目标都高于只做模式校验的参考程序所达到的比值。', en: 'Every target lies above the ratio the schema-only reference reached.' };
  return {
    zh: `以下目标低于只做模式校验的参考程序本身所达到的比值（它不做 validate 的其他任何检查）：${below.map((c) => `${c.goal.zh} ≤ ${c.factor}×，参考程序 ${c.bound!.toFixed(2)}×`).join('；')}。`,
    en: `These targets lie below the ratio the schema-only reference itself reached (it runs none of validate's other checks): ${below.map((c) => `${c.goal.en} ≤ ${c.factor}×, the reference ${c.bound!.toFixed(2)}×`).join('; ')}.`,
  };
}

function log(s: string): void {
  process.stderr.write(`[bench] ${s}\n`);
}

export function fmtMs(ms: number): string {
  if (ms < 1000) return `${ms.toFixed(ms < 10 ? 1 : 0)} ms`;
  return `${(ms / 1000).toFixed(ms < 10_000 ? 2 : 1)} s`;
}

export function fmtMB(kb: number): string {
  return kb >= 1024 * 1024 ? `${(kb / 1024 / 1024).toFixed(2)} GiB` : `${Math.round(kb / 1024)} MiB`;
}

function fmtInt(n: number): string {
  return n.toLocaleString('en-US');
}

// ---------------------------------------------------------------- results

export interface Row {
  key: string;
  what: { zh: string; en: string };
  ours: string;
  floor: string;
  ratio: string;
  target: { zh: string; en: string };
  /** undefined: reported, no target. */
  met: boolean | undefined;
  rss: string;
}

export interface Section {
  title: { zh: string; en: string };
  note?: { zh: string; en: string };
  rows: Row[];
  /** What a reference measured in the same run says of the section's missed targets (validate: the schema-only program). */
  bound?: { zh: string; en: string };
}

interface ProfileResult {
  key: string;
  title: { zh: string; en: string };
  command: string;
  summary: ProfileSummary;
}

interface Machine {
  cpu: string;
  cores: number;
  memGiB: number;
  node: string;
  git: string;
  os: string;
  timeTool: boolean;
  /** Whether the CLI ran compiled (dist/ current after `npm run build`). */
  compiled: boolean;
  /** 1-minute load average at the start and the end of the run. */
  load: [number, number];
  /** The 1-minute load average sampled every 5 s during the run. */
  loadSamples: number[];
  /** The cost of writing fresh memory here (scripts/bench/page-touch.mjs, median of 3 runs). */
  pageTouch?: PageTouch;
}

/** Microseconds per 4 KiB page of a first and a second write to fresh memory (scripts/bench/page-touch.mjs). */
export interface PageTouch {
  firstUs: number;
  againUs: number;
}

/** The cost of writing fresh memory on this machine (scripts/bench/page-touch.mjs, three runs, the median of each figure); undefined if the probe fails. */
async function pageTouch(): Promise<Machine['pageTouch']> {
  const runs: PageTouch[] = [];
  for (let i = 0; i < 3; i++) {
    const r = spawnSync(process.execPath, [path.join(ENGINE_ROOT, 'scripts', 'bench', 'page-touch.mjs')], { encoding: 'utf8', env: CHILD_ENV });
    const j = r.status === 0 ? lastJsonLine(r.stdout) : undefined;
    if (typeof j?.firstUs !== 'number' || typeof j.againUs !== 'number') return undefined;
    runs.push({ firstUs: j.firstUs, againUs: j.againUs });
  }
  return { firstUs: median(runs.map((x) => x.firstUs)), againUs: median(runs.map((x) => x.againUs)) };
}

async function machine(): Promise<Machine> {
  let cpu = os.cpus()[0]?.model ?? '?';
  try {
    const m = /^model name\s*:\s*(.+)$/m.exec(readFileSync('/proc/cpuinfo', 'utf8'));
    if (m) cpu = m[1]!.trim();
  } catch {
    /* not Linux */
  }
  const git = (await run('git', ['--version'])).trim().replace(/^git version /, '');
  const touch = await pageTouch();
  return { cpu, cores: os.cpus().length, memGiB: Math.round(os.totalmem() / 1024 ** 3), node: process.version, git, os: `${os.type()} ${os.release()}`, timeTool: HAS_TIME, compiled: false, load: [os.loadavg()[0] ?? 0, 0], loadSamples: [], ...(touch ? { pageTouch: touch } : {}) };
}

const ratio = (a: number, b: number): string => (b > 0 ? `${(a / b).toFixed(2)}×` : '—');
const pct = (a: number, b: number): string => (b > 0 ? `${((100 * a) / b).toFixed(1)}%` : '—');

// ---------------------------------------------------------------- the benchmark

/** A bilingual text. */
type Bi = { zh: string; en: string };

/** The generated data every stage measures on. */
interface BenchData {
  hist: HistoryRepo;
  big: SnapshotRepo;
  genHistMs: number;
  graphMs: number;
  genBigMs: number;
  /** Time to write the generated files out to disk (`sync`); undefined where there is no `sync`. */
  syncMs: number | undefined;
}

/** One size's validate rows and the measurements the memory stage reuses. */
interface ValidateResult {
  cli: Measured;
  /** Every measurement of the CLI with its default threads on this register (the floor pair and the ajv-cli pair). */
  cliAll: Measured[];
  jobs1: Measured;
  inproc: Measured;
  floor: Measured;
  section: Section;
}

/**
 * The bench, in named stages: data → validate (two sizes) → check-pr → history → audit → memory →
 * profiles → report. Each stage is a function below; this one runs them in order and writes the report.
 */
export async function benchMain(env: NodeJS.ProcessEnv = process.env): Promise<number> {
  const s = settingsFrom(env);
  const started = performance.now();
  work = s.dir ?? mkdtempSync(path.join(os.tmpdir(), 'govmedia-bench-'));
  mkdirSync(work, { recursive: true });
  log(`工作目录 work folder: ${work}`);
  // an interrupted run does not leave its (large) work folder behind
  const onSignal = (sig: NodeJS.Signals): void => {
    for (const c of running) c.kill('SIGTERM');
    if (!s.keep) rmSync(work, { recursive: true, force: true });
    log(`中断 interrupted (${sig})`);
    process.exit(sig === 'SIGINT' ? 130 : 143);
  };
  process.once('SIGINT', onSignal);
  process.once('SIGTERM', onSignal);
  try {
    const m = await machine();
    const sampler = setInterval(() => m.loadSamples.push(os.loadavg()[0] ?? 0), 5000);
    sampler.unref();
    // the CLI is measured as users run it after `npm ci`: compiled (dist/), built now if stale
    const build = spawnSync(process.execPath, [path.join(ENGINE_ROOT, 'scripts', 'build.mjs')], { cwd: ENGINE_ROOT, encoding: 'utf8' });
    const { compiledEntry, buildIsCurrent } = (await import(pathToFileURL(path.join(ENGINE_ROOT, 'scripts', 'dist.mjs')).href)) as { compiledEntry: (rel: string) => string | undefined; buildIsCurrent: () => boolean };
    m.compiled = build.status === 0 && compiledEntry('scripts/cli.js') !== undefined;
    if (!m.compiled) log('警告：编译失败，命令行经 tsx 运行 / warning: build failed, the CLI runs through tsx');
    // from here on, the engine must stay what was built: checked before every timed run
    watchEngine(await engineGuard(ENGINE_ROOT, path.join(ENGINE_ROOT, ENGINE_IDS_FILE), buildIsCurrent));
    const sections: Section[] = [];
    const notes: Bi[] = [];
    const gen = await generateData(s);
    const { hist, big } = gen;
    const v10 = await validateSection(s, hist.dir, hist.accounts, hist.files);
    sections.push(v10.section);
    const v100 = await validateSection(s, big.dir, big.accounts, big.files);
    sections.push(v100.section);
    const checkPr = await checkPrSection(s, big);
    sections.push(checkPr.section);
    const history = await historySection(s, hist);
    sections.push(history.section);
    const audit = await auditSection(s, hist);
    sections.push(audit.section);
    notes.push(...audit.notes);
    sections.push(memorySection(gen, v10, v100, checkPr, m.pageTouch));
    const profiles = s.profile ? await profileStage(s, gen, sections, audit) : [];

    // ---- report
    const elapsed = performance.now() - started;
    m.load[1] = os.loadavg()[0] ?? 0;
    clearInterval(sampler);
    if (Math.max(...m.load, ...m.loadSamples) > m.cores) {
      notes.push({
        zh: `运行期间机器上还有其他负载（1 分钟平均负载：开始 ${m.load[0].toFixed(1)}，结束 ${m.load[1].toFixed(1)}，共 ${m.cores} 核），耗时可能偏长；比值（与同一时段测得的基线相比）受影响较小。`,
        en: `Other work was running on the machine (1-minute load average ${m.load[0].toFixed(1)} at the start, ${m.load[1].toFixed(1)} at the end, on ${m.cores} cores); times may be longer than on an idle machine, ratios less so.`,
      });
    }
    // the same command measured in several pairs: how far its medians spread says how far one row may be trusted
    for (const [what, ms] of [
      [{ zh: `${fmtInt(hist.accounts)} 个账号的 validate（命令行）`, en: `validate (CLI) at ${fmtInt(hist.accounts)} accounts` }, v10.cliAll],
      [{ zh: `${fmtInt(big.accounts)} 个账号的 validate（命令行）`, en: `validate (CLI) at ${fmtInt(big.accounts)} accounts` }, [...v100.cliAll, ...checkPr.fulls]],
    ] as const) {
      const n = spreadNote(what, ms);
      if (n) notes.push(n);
    }
    const data = {
      zh: `历史仓库：${fmtInt(hist.accounts)} 个账号（${fmtInt(hist.files)} 个文件），${fmtInt(hist.commits)} 个提交（${hist.firstCommitDate} 至 ${hist.lastCommitDate}；其中关停 ${fmtInt(hist.filings.close)} 个、名称变更 ${fmtInt(hist.filings.rename)} 个），生成用时 ${fmtMs(gen.genHistMs)}，重新打包（git repack -adf，与克隆得到的包相同）并写提交图 ${fmtMs(gen.graphMs)}；大登记簿：${fmtInt(big.accounts)} 个账号（${fmtInt(big.files)} 个文件），一个提交加分支 pr，生成并检出用时 ${fmtMs(gen.genBigMs)}${gen.syncMs === undefined ? '' : `，测量前写盘（sync）${fmtMs(gen.syncMs)}`}。整个基准用时 ${fmtMs(elapsed)}。`,
      en: `History repository: ${fmtInt(hist.accounts)} accounts (${fmtInt(hist.files)} files), ${fmtInt(hist.commits)} commits (${hist.firstCommitDate} to ${hist.lastCommitDate}; ${fmtInt(hist.filings.close)} closures and ${fmtInt(hist.filings.rename)} renames among them), generated in ${fmtMs(gen.genHistMs)}, repacked (git repack -adf, as a clone's pack) with its commit-graph in ${fmtMs(gen.graphMs)}; large register: ${fmtInt(big.accounts)} accounts (${fmtInt(big.files)} files), one commit plus branch pr, generated and checked out in ${fmtMs(gen.genBigMs)}${gen.syncMs === undefined ? '' : `, written to disk before measuring (sync) in ${fmtMs(gen.syncMs)}`}. The whole bench took ${fmtMs(elapsed)}.`,
    };
    const design = designNotes(m, hist, history);
    const report = { machine: m, settings: s, sections, profiles, notes, data, design };
    process.stdout.write(textReport(report) + '\n');
    if (s.doc) {
      writeFileSync(s.doc, markdownReport(report));
      log(`已写出 written: ${path.relative(process.cwd(), s.doc) || s.doc}`);
    }
    return 0;
  } catch (e) {
    if (!(e instanceof EngineChanged)) throw e;
    log(`停止 stopped: ${e.message}；请不要在基准运行时修改源码，改完后重新运行 npm run bench / do not edit the sources while the bench runs; run npm run bench again`);
    return 2;
  } finally {
    watchEngine(undefined);
    process.off('SIGINT', onSignal);
    process.off('SIGTERM', onSignal);
    if (!s.keep) rmSync(work, { recursive: true, force: true });
    else log(`保留工作目录 kept: ${work}`);
  }
}

/** Stage 1: the data — a history repository and a large one-commit register with its PR branches. */
async function generateData(s: Settings): Promise<BenchData> {
  log(`生成 ${fmtInt(s.accounts)} 个账号和 ${fmtInt(s.commits)} 个提交的历史 / generating ${s.accounts} accounts with ${s.commits} commits …`);
  let t = performance.now();
  const hist: HistoryRepo = await historyRepo(path.join(work, 'history'), { accounts: s.accounts, commits: s.commits });
  const genHistMs = performance.now() - t;
  t = performance.now();
  // fast-import writes long delta chains in generation order; a clone gets a pack the server
  // made (git repack), which is what the history command reads in real use
  await run('git', ['repack', '-a', '-d', '-f', '-q'], hist.dir);
  await run('git', ['commit-graph', 'write', '--reachable', '--changed-paths'], hist.dir);
  const graphMs = performance.now() - t;
  log(`生成 ${fmtInt(s.large)} 个账号的登记簿（一个提交 + 分支 pr）/ generating ${s.large} accounts …`);
  t = performance.now();
  const prSizes = s.small ? [20, 200] : [100, 1000];
  const big: SnapshotRepo = await snapshotRepo(path.join(work, 'large'), { accounts: s.large, prSizes, engine: true, engineRepo: ENGINE_ROOT });
  await run('git', ['commit-graph', 'write', '--reachable', '--changed-paths'], big.dir);
  const genBigMs = performance.now() - t;
  const syncMs = flushToDisk();
  const histCount = Number((await run('git', ['rev-list', '--count', 'HEAD'], hist.dir)).trim());
  if (histCount !== hist.commits) throw new Error(`bench: history has ${histCount} commits, expected ${hist.commits}`);
  return { hist, big, genHistMs, graphMs, genBigMs, syncMs };
}

/**
 * Write what generating left in memory out to disk before anything is measured: the 100,000-account
 * register leaves 530–590 MB of dirty pages (/proc/meminfo) that the kernel otherwise flushes ~30 s
 * later, in the middle of the first pairs (the 10k rows), as disk writes and CPU time beside the
 * measured commands. `sync` flushes them now (~1 s here); its time is reported with the data.
 * Where there is no `sync` command (e.g. Windows), nothing is done.
 */
function flushToDisk(): number | undefined {
  const t = performance.now();
  const r = spawnSync('sync', [], { stdio: 'ignore' });
  return r.error || r.status !== 0 ? undefined : performance.now() - t;
}

/**
 * How many judging threads the bench's threads row compares with one, for a register of `files`
 * files on `cores` cores: what validate's rule gives from 4 cores up (one per core, at most 4),
 * at least 2; none below PARALLEL_MIN_FILES, where `--jobs N` checks in one thread anyway.
 */
export function threadsCompared(files: number, cores: number): number | undefined {
  return files < PARALLEL_MIN_FILES ? undefined : Math.min(PARALLEL_MAX_JOBS, Math.max(2, cores));
}

/** Stage 2: validate at one size, each row beside its floor or peer in alternating pairs. */
async function validateSection(s: Settings, root: string, n: number, files: number): Promise<ValidateResult> {
  const label = `${fmtInt(n)}`;
  const floorCmd: Cmd = { label: `floor read+parse ${label}`, cmd: process.execPath, args: [FLOOR, root], expect: (e) => (lastJsonLine(e.stdout)?.files === files ? undefined : `floor read ${String(lastJsonLine(e.stdout)?.files)} files, expected ${files}`) };
  const clean = (sum: { errors?: unknown; warnings?: unknown; files?: unknown } | undefined): string | undefined => {
    if (!sum || sum.errors !== 0 || sum.warnings !== 0) return `the synthetic register does not validate clean: ${JSON.stringify(sum)}`;
    if (sum.files !== files) return `validate read ${String(sum.files)} files, expected ${files}`;
    return undefined;
  };
  const cliArgs = [GOVMEDIA, 'validate', '--root', root, '--format', 'json', '--now', s.now];
  const cliExpect = (e: Exec): string | undefined => (e.code !== 0 ? `exit code ${e.code}` : clean((JSON.parse(e.stdout) as { summary?: Record<string, unknown> }).summary));
  const cliCmd: Cmd = { label: `validate ${label} CLI`, cmd: process.execPath, args: cliArgs, engine: true, expect: cliExpect };
  const jobs1Cmd: Cmd = { label: `validate ${label} CLI --jobs 1`, cmd: process.execPath, args: [...cliArgs, '--jobs', '1'], engine: true, expect: cliExpect };
  const inprocCmd: Cmd = { label: `validate ${label} in-process`, cmd: process.execPath, args: [CHILD, 'validate', root, s.now], engine: true, expect: (e) => (e.code !== 0 ? `exit code ${e.code}` : clean(lastJsonLine(e.stdout))) };
  // the peer: ajv-cli 5 (draft 2020-12 with ajv-formats), one call over the account files …
  const ajvCall = (schema: string, glob: string, expected: number): Cmd => ({
    label: `ajv-cli ${schema} ${label}`,
    cmd: AJV,
    args: ['validate', '-s', path.join(ENGINE_ROOT, 'schemas', `${schema}.schema.json`), '-d', glob, '--spec=draft2020', '-c', 'ajv-formats', '--errors=line'],
    cwd: root,
    expect: (e) => {
      if (e.code !== 0) return `ajv exit code ${e.code}: ${e.stderr.slice(0, 500)}`;
      const valid = (e.stdout + e.stderr).split('\n').filter((l) => / valid$/.test(l)).length;
      return expected < 0 || valid === expected ? undefined : `ajv-cli validated ${valid} files, expected ${expected}`;
    },
  });
  // the reference: read, parse and check the schema with validate's own precompiled validators, one thread, nothing else
  const schemaCmd: Cmd = {
    label: `floor read+parse+schema ${label}`,
    cmd: process.execPath,
    args: [FLOOR_SCHEMA, root],
    engine: true,
    expect: (e) => {
      const out = lastJsonLine(e.stdout);
      if (e.code !== 0) return `exit code ${e.code}: ${e.stderr.slice(0, 300)}`;
      if (out?.files !== files) return `the schema floor read ${String(out?.files)} files, expected ${files}`;
      return out.invalid === 0 ? undefined : `the schema floor found ${String(out.invalid)} files invalid, expected none`;
    },
  };
  // threads: N judging threads against one, where validate would use them (reported only)
  const cores = os.availableParallelism();
  const threadsN = threadsCompared(files, cores);
  const jobsNCmd: Cmd | undefined = threadsN ? { label: `validate ${label} CLI --jobs ${threadsN}`, cmd: process.execPath, args: [...cliArgs, '--jobs', String(threadsN)], engine: true, expect: cliExpect } : undefined;
  const accountGlob = 'accounts/**/!(unit|region).json';
  const [floor, cli] = await measurePair(floorCmd, cliCmd, s);
  const [floor1, jobs1] = await measurePair(floorCmd, jobs1Cmd, s);
  const threads = jobsNCmd ? await measurePair(jobs1Cmd, jobsNCmd, s) : undefined;
  const [floorIn, inproc] = await measurePair(floorCmd, inprocCmd, s);
  const [cliA, ajv1] = await measurePair(cliCmd, ajvCall('account', accountGlob, n), s);
  const [floorS, schemaF] = await measurePair(floorCmd, schemaCmd, s);
  const [cliS, schemaV] = await measurePair(cliCmd, schemaCmd, s);
  const [schemaA, ajvS] = await measurePair(schemaCmd, ajvCall('account', accountGlob, n), s);
  // … and, reported beside it, three calls (one per schema) over every file
  const ajv3 = [await measure(ajvCall('account', accountGlob, n), s), await measure(ajvCall('unit', 'accounts/**/unit.json', -1), s), await measure(ajvCall('region', 'accounts/**/region.json', -1), s)];
  const ajv3Ms = ajv3.reduce((x, r) => x + r.ms, 0);
  const loadMs = Number(lastJsonLine(inproc.last.stdout)?.loadMs ?? 0);
  // the in-process child runs the compiled engine, as the CLI does (child.mjs); say so when it could not
  const inprocCompiled = lastJsonLine(inproc.last.stdout)?.compiled !== false;
  // where the CPU of the last in-process run went, by thread (child.mjs cpuByThread; Linux only)
  const cpu = lastJsonLine(inproc.last.stdout)?.cpu as { mainMs?: unknown; runningMs?: unknown; endedMs?: unknown; totalMs?: unknown } | undefined;
  const byThread =
    cpu && [cpu.mainMs, cpu.runningMs, cpu.endedMs, cpu.totalMs].every((x) => typeof x === 'number')
      ? {
          zh: `最后一次进程内运行的 CPU 时间（含模块加载）：检查线程 ${fmtMs(cpu.mainMs as number)}，读取线程（结束时已退出的线程）${fmtMs(cpu.endedMs as number)}，V8 垃圾回收等其余线程 ${fmtMs(cpu.runningMs as number)}，合计 ${fmtMs(cpu.totalMs as number)}（本机 ${os.cpus().length} 核）。`,
          en: ` CPU time of the last in-process run (module loading included): judging thread ${fmtMs(cpu.mainMs as number)}, reading thread (the threads that had ended) ${fmtMs(cpu.endedMs as number)}, V8's collector and the other threads ${fmtMs(cpu.runningMs as number)}, ${fmtMs(cpu.totalMs as number)} in all (${os.cpus().length} cores here).`,
        }
      : { zh: '', en: '' };
  const rows: Row[] = [
    pairRow(`validate-${n}-cli`, { zh: 'govmedia validate（命令行，默认线程数）', en: 'govmedia validate (CLI, default threads)' }, cli, floor, { zh: '读取+JSON.parse，整个进程', en: 'read+parse, whole process' }, 1.5),
    pairRow(`validate-${n}-jobs1`, { zh: 'govmedia validate --jobs 1（命令行，一个检查线程）', en: 'govmedia validate --jobs 1 (CLI, one judging thread)' }, jobs1, floor1, { zh: '读取+JSON.parse，整个进程', en: 'read+parse, whole process' }, 2),
    pairRow(`validate-${n}-inproc`, { zh: 'validate（进程内：validateSource）', en: 'validate (in-process: validateSource)' }, innerTimed(inproc), innerTimed(floorIn), { zh: '读取+JSON.parse，进程内', en: 'read+parse, in-process' }, 2),
    pairRow(`validate-${n}-ajv1`, { zh: 'govmedia validate 与 ajv-cli 对比（一次调用，账号文件）', en: 'govmedia validate vs ajv-cli (one call, the account files)' }, cliA, ajv1, { zh: 'ajv-cli 一次调用', en: 'ajv-cli, one call' }, 0.5),
    {
      key: `validate-${n}-ajv3`,
      what: { zh: 'govmedia validate 与 ajv-cli 对比（三次调用，全部文件）', en: 'govmedia validate vs ajv-cli (three calls, every file)' },
      ours: cell(cliA),
      floor: `${fmtMs(ajv3Ms)}（ajv-cli：3 个模式各调用一次，中位数相加 / ajv-cli: one call per schema, medians added）`,
      ratio: cliA.failed ? '—' : ratio(cliA.ms, ajv3Ms),
      target: { zh: '（仅报告）', en: '(reported)' },
      met: undefined,
      rss: ajv3.some((r) => r.rssKB) ? `ajv ${fmtMB(Math.max(...ajv3.map((r) => r.rssKB ?? 0)))}` : '—',
    },
    ...(threads ? [refRow(`validate-${n}-jobsN`, { zh: `govmedia validate --jobs ${threadsN}（命令行，${threadsN} 个检查线程）与 --jobs 1 对比`, en: `govmedia validate --jobs ${threadsN} (CLI, ${threadsN} judging threads) vs --jobs 1` }, threads[1], threads[0], { zh: '--jobs 1，一个检查线程', en: '--jobs 1, one judging thread' })] : []),
    refRow(`validate-${n}-schema-floor`, { zh: '参考：只做模式校验（读取+JSON.parse+模式校验，一个线程）', en: 'reference: the schema only (read+parse+schema, one thread)' }, schemaF, floorS, { zh: '读取+JSON.parse，整个进程', en: 'read+parse, whole process' }),
    refRow(`validate-${n}-cli-vs-schema`, { zh: 'govmedia validate（命令行，默认线程数）与只做模式校验对比', en: 'govmedia validate (CLI, default threads) vs the schema only' }, cliS, schemaV, { zh: '只做模式校验，整个进程', en: 'the schema only, whole process' }),
    refRow(`validate-${n}-schema-ajv1`, { zh: '参考：只做模式校验与 ajv-cli 对比（一次调用，账号文件）', en: 'reference: the schema only vs ajv-cli (one call, the account files)' }, schemaA, ajvS, { zh: 'ajv-cli 一次调用', en: 'ajv-cli, one call' }),
  ];
  const medianRatio = (a: Measured, b: Measured): number | undefined => (a.failed || b.failed || !(b.ms > 0) ? undefined : a.ms / b.ms);
  const schemaInner = schemaF.failed || floorS.failed || schemaF.innerMs === undefined || !(floorS.innerMs! > 0) ? undefined : schemaF.innerMs / floorS.innerMs!;
  const bound = schemaBound([
    { goal: { zh: '命令行（默认线程数）对读取+JSON.parse', en: 'the CLI (default threads) against read+parse' }, factor: 1.5, bound: medianRatio(schemaF, floorS) },
    { goal: { zh: '命令行 --jobs 1 对读取+JSON.parse', en: 'the CLI with --jobs 1 against read+parse' }, factor: 2, bound: medianRatio(schemaF, floorS) },
    { goal: { zh: '进程内对读取+JSON.parse（进程内）', en: 'in-process against read+parse (in-process)' }, factor: 2, bound: schemaInner },
    { goal: { zh: '命令行对 ajv-cli 一次调用', en: 'the CLI against one ajv-cli call' }, factor: 0.5, bound: medianRatio(schemaA, ajvS) },
  ]);
  const threadsNote: Bi = threadsN
    ? {
        zh: `线程数一行（只报告）：\`--jobs ${threadsN}\` 与 \`--jobs 1\` 交替运行，比值小于 1 才说明多个检查线程在本机更快；默认规则（少于 4 核时一个检查线程）以此为据${cores < 4 ? `，本机 ${cores} 核，4 核及以上的情形在这里无法测量` : `（本机 ${cores} 核）`}。`,
        en: ` The threads row (reported): \`--jobs ${threadsN}\` and \`--jobs 1\` in alternation; only a ratio below 1 says more judging threads are faster here. The default rule (one judging thread below 4 cores) rests on it${cores < 4 ? `; this machine has ${cores} cores, so 4 cores and more cannot be measured here` : ` (${cores} cores here)`}.`,
      }
    : { zh: '', en: '' };
  const boundNote: Bi = {
    zh: `最后三行是参考：\`node scripts/bench/floor-schema.mjs <登记簿>\` 只读取、解析并用 validate 相同的预编译模式校验函数校验每个文件（一个线程，与基线相同的遍历），不做位置、编码、形近字、秘密信息和个人信息检查，不运行管理办法规则；它是只做模式校验的检查程序在本机能有多快（进程内只计遍历本身：基线的 ${schemaInner?.toFixed(2) ?? '—'}×）。${bound.zh}`,
    en: ` The last three rows are a reference: \`node scripts/bench/floor-schema.mjs <register>\` only reads, parses and checks each file with validate's own precompiled schema validators (one thread, the floor's walk); no positions, encodings, look-alikes, secrets or personal data, no policy rules: how fast a checker that checks only the schema is on this machine (its walk alone, in-process: ${schemaInner?.toFixed(2) ?? '—'}× the floor's). ${bound.en}`,
  };
  return {
    cli,
    cliAll: [cli, cliA, cliS],
    jobs1,
    inproc,
    floor,
    section: {
      title: { zh: `validate：${fmtInt(n)} 个账号（${fmtInt(files)} 个文件）`, en: `validate: ${fmtInt(n)} accounts (${fmtInt(files)} files)` },
      note: {
        zh: `每行的两条命令交替运行（先各预热一次，再按 A B、B A、A B… 各计时 ${s.runs} 次），列出中位数和最快一次；两者都达到目标才算达标。进程内计时只测 validateSource 本身（一个检查线程，${inprocCompiled ? '与命令行相同的编译版' : '经 tsx 运行的源码：编译版不是最新'}），不含 Node 启动和模块加载（管理办法模块和模式的加载另计 ${fmtMs(loadMs)}）；命令行对 4000 个文件以上的登记簿在 4 核及以上的机器上默认按核数并行检查，少于 4 核时用一个检查线程；一个检查线程检查 2000 个文件以上的登记簿时，另有一个读取线程预先读出文件（README“检查的线程数”），各行都是如此。${threadsNote.zh}${byThread.zh}${boundNote.zh}`,
        en: `The two commands of a row run in alternation (one warm-up each, then A B, B A, A B … ${s.runs} timed runs each); the median and the fastest run are shown, and a row is met only when both meet the target. The in-process time is validateSource itself (one judging thread, ${inprocCompiled ? 'the same compiled copy the CLI runs' : 'the sources through tsx: the compiled copy was not current'}), without Node's start-up and module loading (loading the policy modules and schemas took ${fmtMs(loadMs)} more); the CLI checks registers of 4,000 files and more in one thread per core by default on 4 cores or more, in one judging thread below that; one judging thread with 2,000 files or more has a reading thread read the files ahead (README, “how many threads validate uses”), in every row.${threadsNote.en}${byThread.en}${boundNote.en}`,
      },
      rows,
      bound,
    },
  };
}

/** Stage 3: check-pr as users run it (default --engine base) with 1, 100 and 1000 changed accounts, beside a full validate. */
async function checkPrSection(s: Settings, big: SnapshotRepo): Promise<{ section: Section; pr: Measured; fulls: Measured[] }> {
  const prRows: Row[] = [];
  const fulls: Measured[] = [];
  const prRuns = new Map<string, Measured>();
  const engineNotes: string[] = [];
  // every check-pr row is paired with a full validate of the same register
  const fullCmd: Cmd = { label: `validate ${fmtInt(big.accounts)} CLI`, cmd: process.execPath, args: [GOVMEDIA, 'validate', '--root', big.dir, '--format', 'json', '--now', s.now], engine: true };
  for (const [ref, count] of big.branches) {
    const record = path.join(work, `record-${ref}.json`);
    const prCmd: Cmd = {
      label: `check-pr ${ref} (${count})`,
      cmd: process.execPath,
      args: [GOVMEDIA, 'check-pr', '--base', 'main', '--head', ref, '--repo', big.dir, '--now', s.now, '--format', 'json', '--record', record],
      engine: true,
      expect: (e) => {
        if (e.code !== 0) return `exit code ${e.code}: ${e.stdout.slice(0, 1000)}`;
        const rec = JSON.parse(readFileSync(record, 'utf8')) as { changes: unknown[]; engine: { inProcess?: boolean } };
        if (rec.changes.length !== count) return `check-pr saw ${rec.changes.length} changes, expected ${count}`;
        engineNotes.push(`${ref}:${rec.engine.inProcess ? 'in-process' : 'extracted'}`);
        return undefined;
      },
    };
    const [pr, full] = await measurePair(prCmd, fullCmd, s);
    prRuns.set(ref, pr);
    fulls.push(full);
    const one = count === 1;
    prRows.push(pairRow(`check-pr-${count}`, { zh: `govmedia check-pr（默认 --engine base），改动 ${fmtInt(count)} 个账号`, en: `govmedia check-pr (default --engine base), ${fmtInt(count)} account${one ? '' : 's'} changed` }, pr, full, { zh: '完整 validate，命令行', en: 'a full validate, CLI' }, one ? 0.1 : 1, true));
  }
  let renameNote: { zh: string; en: string } | undefined;
  // a renamed account: check-pr looks the new name up in the base's name index. In CI the index comes
  // from the cache post-merge saved (pr-check restores it); a fresh clone without it builds it first.
  if (big.renamed) {
    const ref = big.renamed.ref;
    const names = namesDir(big.dir);
    const record = path.join(work, `record-${ref}.json`);
    const renameCmd = (label: string, before: () => void): Cmd => ({
      label,
      cmd: process.execPath,
      args: [GOVMEDIA, 'check-pr', '--base', 'main', '--head', ref, '--repo', big.dir, '--now', s.now, '--format', 'json', '--record', record],
      engine: true,
      before,
      expect: (e) => {
        if (e.code !== 0) return `exit code ${e.code}: ${e.stdout.slice(0, 1000)}`;
        const rec = JSON.parse(readFileSync(record, 'utf8')) as { changes: { kind: string }[]; engine: { inProcess?: boolean } };
        if (rec.changes.length !== 1 || rec.changes[0]!.kind !== 'key-change') return `check-pr saw ${JSON.stringify(rec.changes.map((c) => c.kind))}, expected one key-change`;
        engineNotes.push(`${ref}:${rec.engine.inProcess ? 'in-process' : 'extracted'}`);
        return undefined;
      },
    });
    // a fresh clone without the cache: the index is removed (untimed) before each run, which then builds it
    const [cold, full1] = await measurePair(renameCmd(`check-pr ${ref}, no cached name index`, () => rmSync(names, { recursive: true, force: true })), fullCmd, s);
    // as in CI: the index post-merge built (govmedia name-index) is there, restored
    const built = await exec(process.execPath, [GOVMEDIA, 'name-index', '--repo', big.dir, '--rev', 'main']);
    if (built.code !== 0) throw new Error(`bench: govmedia name-index failed (${built.code}): ${built.stderr.slice(0, 500)}`);
    const cached = (): void => {
      if (!existsSync(names)) throw new Error('bench: the name index cache is missing before a cached-index run');
    };
    const [warm, full2] = await measurePair(renameCmd(`check-pr ${ref}, name index cached`, cached), fullCmd, s);
    fulls.push(full1, full2);
    prRows.push(pairRow('check-pr-rename', { zh: 'govmedia check-pr，1 个账号改名（变更备案），名称索引已缓存（CI：合并后工作流建立并存入缓存，合并请求检查恢复）', en: 'govmedia check-pr, 1 account renamed (a 变更备案), name index cached (CI: built and saved by post-merge, restored by the PR check)' }, warm, full2, { zh: '完整 validate，命令行', en: 'a full validate, CLI' }, 0.1, true));
    prRows.push(pairRow('check-pr-rename-cold', { zh: 'govmedia check-pr，1 个账号改名，没有缓存的名称索引（新克隆、缓存未恢复：先读出全部账号建立索引）', en: 'govmedia check-pr, 1 account renamed, no cached name index (a fresh clone without the CI cache: the index is built from every account first)' }, cold, full1, { zh: '完整 validate，命令行', en: 'a full validate, CLI' }, 1, true));
    renameNote = {
      zh: `分支 \`${ref}\` 给 ${big.renamed.rel} 办理变更备案（改名：变更备案、公告、主管审核、平台变更、系统填报），检查须在名称索引中查找新名称的形近名称：“名称索引已缓存”一行先用 govmedia name-index 建立索引（合并后工作流所做，用时 ${fmtMs(built.ms)}），如 CI 恢复缓存后那样；“没有缓存”一行每次运行前删除 .git/govmedia/names/，如没有缓存的新克隆。`,
      en: `Branch \`${ref}\` files a change for ${big.renamed.rel} (a rename: 变更备案, announcement, the supervisor's review, the platform change, the system filing), so the check looks the new name up in the name index: the "name index cached" row first builds it with govmedia name-index (as post-merge does; ${fmtMs(built.ms)}), as after CI restores the cache; the "no cached name index" row removes .git/govmedia/names/ before every run, as a fresh clone without the cache.`,
    };
  }
  const inProc = engineNotes.every((x) => x.endsWith('in-process'));
  const section: Section = {
    title: { zh: `check-pr：${fmtInt(big.accounts)} 个账号的登记簿`, en: `check-pr: a register of ${fmtInt(big.accounts)} accounts` },
    note: {
      zh: `分支 ${[...big.branches].map(([r, c]) => `\`${r}\`（${c} 个账号）`).join('、')} 各改动若干账号（信息报备：经办人员联系电话变更）；主分支含检查程序本身，check-pr 按默认方式（--engine base）运行：${inProc ? '基准提交的程序与当前程序相同，直接在本进程中检查' : '基准提交的程序与当前运行的程序不同（例如有未提交的修改），每次取出基准程序运行'}。与同一时段交替运行的完整 validate 相比。${renameNote?.zh ?? ''}`,
      en: `Branches ${[...big.branches].map(([r, c]) => `\`${r}\` (${c} accounts)`).join(', ')} each change accounts (an 信息报备: the operator's phone changed); main holds the engine itself and check-pr runs as users run it (--engine base): ${inProc ? "the base commit's engine is the running one, so it judged in-process" : "the base commit's engine differs from the running one (e.g. uncommitted changes), so it was extracted on every run"}. Against a full validate run in alternation.${renameNote ? ` ${renameNote.en}` : ''}`,
    },
    rows: prRows,
  };
  return { section, pr: prRuns.get('pr')!, fulls };

}

/** Stage 4: history of the most-changed account, beside git log --follow -p on the same path. */
async function historySection(s: Settings, hist: HistoryRepo): Promise<{ section: Section; glog: Measured; nodeStart: Measured; gitAndNode: number }> {
  const hp = hist.hottest;
  const entriesOf = (e: Exec): number => (JSON.parse(e.stdout) as { entries: unknown[] }).entries.length;
  const followCmd: Cmd = { label: 'floor git log --follow -p -- path', cmd: 'git', args: ['log', '--follow', '-p', '--', hp.rel], cwd: hist.dir, expect: (e) => (e.code === 0 ? undefined : `git exit ${e.code}`) };
  const [glog, hcli] = await measurePair(followCmd, { label: 'history CLI', cmd: process.execPath, args: [GOVMEDIA, 'history', hp.id, '--repo', hist.dir, '--format', 'json'], engine: true, expect: (e) => (e.code !== 0 ? `exit code ${e.code}` : entriesOf(e) === hp.commits ? undefined : `history listed ${entriesOf(e)} entries, expected ${hp.commits}`) }, s);
  const [glog2, hin] = await measurePair(followCmd, { label: 'history in-process', cmd: process.execPath, args: [CHILD, 'history', hist.dir, hp.id], engine: true, expect: (e) => (e.code !== 0 ? `exit code ${e.code}` : lastJsonLine(e.stdout)?.entries === hp.commits ? undefined : `history listed ${String(lastJsonLine(e.stdout)?.entries)} entries, expected ${hp.commits}`) }, s);
  // what any Node command costs before it does anything: context for the CLI row
  const nodeStart = await measure({ label: 'node start-up', cmd: process.execPath, args: ['-e', '0'] }, s);
  const gitAndNode = nodeStart.ms + glog.ms;
  const section: Section = {
    title: { zh: `history：${fmtInt(hist.commits)} 个提交的仓库中改动最多的账号（${hp.commits} 个提交）`, en: `history: the most-changed account (${hp.commits} commits) in a ${fmtInt(hist.commits)}-commit repository` },
    note: {
      zh: `账号 \`${hp.id}\`；基线是用户会用来看同一份档案的 git 命令 \`git log --follow -p -- <路径>\`，交替运行。同一时段 Node 启动一次（\`node -e 0\`）用时 ${fmtMs(nodeStart.ms)}。`,
      en: `Account \`${hp.id}\`; the floor is the git command a user would run for the same case file, \`git log --follow -p -- <path>\`, in alternation. Starting Node once (\`node -e 0\`) took ${fmtMs(nodeStart.ms)} in the same run.`,
    },
    rows: [
      pairRow('history-cli', { zh: 'govmedia history（命令行，整个进程）', en: 'govmedia history (CLI, whole process)' }, hcli, glog, { zh: 'git log --follow -p -- <路径>', en: 'git log --follow -p -- <path>' }, 1),
      refRow('history-inproc', { zh: 'history（进程内：accountHistory）', en: 'history (in-process: accountHistory)' }, innerTimed(hin), glog2, { zh: 'git log --follow -p -- <路径>', en: 'git log --follow -p -- <path>' }),
    ],
  };
  return { section, glog, nodeStart, gitAndNode };
}

/** Stage 5: audit throughput over the history (all of it when the budget allows). */
async function auditSection(s: Settings, hist: HistoryRepo): Promise<{ section: Section; notes: Bi[]; probeN: number; probeArgs: string[] }> {
  const notes: Bi[] = [];
  const total = hist.commits - 1; // changes after the first commit
  const probeN = Math.min(total, s.small ? 200 : 500);
  const sinceOf = async (n: number): Promise<string> => (n >= total ? (await run('git', ['rev-list', '--max-parents=0', 'HEAD'], hist.dir)).trim() : (await run('git', ['rev-parse', `HEAD~${n}`], hist.dir)).trim());
  const auditCmd = (since: string): string[] => [GOVMEDIA, 'audit', '--repo', hist.dir, '--since', since, '--format', 'json'];
  const okAudit = (n: number) => (e: Exec): string | undefined => {
    if (e.code !== 0 && e.code !== 1) return `exit code ${e.code}`;
    const j = JSON.parse(e.stdout) as { commits: number };
    return j.commits === n ? undefined : `audited ${j.commits} commits, expected ${n}`;
  };
  const probe = await measure({ label: `audit probe (${probeN} commits)`, cmd: process.execPath, args: auditCmd(await sinceOf(probeN)), engine: true, once: true, expect: okAudit(probeN) }, s);
  const rate = probeN / (probe.ms / 1000);
  const estFull = total / rate;
  let auditN = total;
  // a long range has replayed slower per commit than the newest 500 did, so aim 20% under the budget
  if (probe.failed) auditN = probeN;
  else if (estFull > s.auditBudgetS) auditN = Math.max(probeN, Math.min(total, Math.floor(0.8 * rate * s.auditBudgetS)));
  const since = await sinceOf(auditN);
  const aud = auditN === probeN ? probe : await measure({ label: `audit (${auditN} commits)`, cmd: process.execPath, args: auditCmd(since), engine: true, once: true, expect: okAudit(auditN) }, s);
  const audFloor = await measure({ label: 'floor git log --first-parent --raw', cmd: 'git', args: ['log', '--first-parent', '--raw', `${since}..HEAD`], cwd: hist.dir }, s);
  const fullRange = auditN === total;
  const floorCps = (auditN / (audFloor.ms / 1000)).toFixed(0);
  if (!fullRange && !probe.failed) {
    notes.push({
      zh: `audit 只回放了最新的 ${fmtInt(auditN)} 个提交（共 ${fmtInt(total)} 个）：按试测速度，全部历史约需 ${fmtMs(estFull * 1000)}，超过预算 BENCH_AUDIT_BUDGET=${s.auditBudgetS} 秒。引擎变快后，同一基准会自动回放全部历史。`,
      en: `audit replayed the newest ${fmtInt(auditN)} of ${fmtInt(total)} commits: at the probe's speed the whole history would take about ${fmtMs(estFull * 1000)}, over the BENCH_AUDIT_BUDGET of ${s.auditBudgetS} s. Once the engine is faster the same bench replays the whole history.`,
    });
  }
  let auditNote: { zh: string; en: string };
  let auditOurs: string;
  if (aud.failed) {
    auditOurs = tm(aud);
    auditNote = {
      zh: `audit 回放 ${fmtInt(auditN)} 个提交时失败：${aud.failed}。${aud !== probe && !probe.failed ? `试测（最新 ${probeN} 个提交）成功：${fmtMs(probe.ms)}，${rate.toFixed(1)} 个提交/秒，峰值内存 ${probe.rssKB ? fmtMB(probe.rssKB) : '—'}。` : ''}`,
      en: `audit failed replaying ${fmtInt(auditN)} commits: ${aud.failed}.${aud !== probe && !probe.failed ? ` The probe (newest ${probeN} commits) passed: ${fmtMs(probe.ms)}, ${rate.toFixed(1)} commits/s, peak RSS ${probe.rssKB ? fmtMB(probe.rssKB) : '—'}.` : ''}`,
    };
    notes.push(auditNote);
  } else {
    const audJson = JSON.parse(aud.last.stdout) as { broken: unknown[]; warned: unknown[] };
    const cps = auditN / (aud.ms / 1000);
    auditOurs = `${fmtMs(aud.ms)}（${cps.toFixed(1)} 个提交/秒 / ${cps.toFixed(1)} commits/s）`;
    auditNote = {
      zh: `吞吐量 ${cps.toFixed(1)} 个提交/秒（基线 git log ${floorCps} 个提交/秒）；违规提交 ${audJson.broken.length} 个，仅有警告的提交 ${audJson.warned.length} 个。试测（最新 ${probeN} 个提交）：${fmtMs(probe.ms)}，峰值内存 ${probe.rssKB ? fmtMB(probe.rssKB) : '—'}。`,
      en: `Throughput ${cps.toFixed(1)} commits/s (floor git log: ${floorCps} commits/s); ${audJson.broken.length} commits broke a rule, ${audJson.warned.length} brought warnings only. Probe (newest ${probeN} commits): ${fmtMs(probe.ms)}, peak RSS ${probe.rssKB ? fmtMB(probe.rssKB) : '—'}.`,
    };
  }
  const section: Section = {
    title: { zh: `audit：回放 ${fmtInt(auditN)} 个提交${fullRange ? '（自首个提交起的全部历史）' : `（最新部分；全部 ${fmtInt(total)} 个）`}`, en: `audit: replaying ${fmtInt(auditN)} commits${fullRange ? ' (the whole history after the first commit)' : ` (the newest part of ${fmtInt(total)})`}` },
    note: auditNote,
    rows: [
      {
        key: 'audit',
        what: { zh: `govmedia audit --since（命令行）`, en: 'govmedia audit --since (CLI)' },
        ours: auditOurs,
        floor: `${fmtMs(audFloor.ms)}（\`git log --first-parent --raw\`）`,
        ratio: aud.failed ? '—' : ratio(aud.ms, audFloor.ms),
        target: { zh: '报告吞吐量', en: 'report throughput' },
        met: undefined,
        rss: aud.rssKB ? fmtMB(aud.rssKB) : '—',
      },
    ],
  };
  return { section, notes, probeN, probeArgs: auditCmd(await sinceOf(probeN)) };
}

/** Stage 6: memory at the large size — the peak, and its growth per file from the small register to the large. */
/**
 * The highest peak of several measurements of one command (their runs together): a peak is the worst
 * run seen, and V8 now and then ends a validate of the large register with one more old-generation
 * collection that raises its peak by ~80 MiB, in any of the command's runs (in one run of this
 * benchmark it showed in the check-pr rows' full validates and in none of the validate rows').
 */
export function highestPeak(ms: readonly Measured[]): Measured {
  const withPeak = ms.filter((m) => m.rssKB !== undefined);
  const top = withPeak.length ? withPeak.reduce((a, b) => (b.rssKB! > a.rssKB! ? b : a)) : ms[0]!;
  return { ...top, runs: ms.reduce((n, m) => n + m.runs, 0), failed: ms.find((m) => m.failed)?.failed };
}

/**
 * What the page faults of validate (CLI) cost beside the floor's, at one register size: the medians
 * of the paired runs' minor faults, per file, and the difference priced at this machine's cost of a
 * first write to a page (page-touch.mjs). Undefined without both counts.
 */
export function faultNote(cli: Pick<Measured, 'faults' | 'ms'>, floor: Pick<Measured, 'faults'>, files: number, touch: PageTouch | undefined): Bi | undefined {
  if (cli.faults === undefined || floor.faults === undefined || files <= 0) return undefined;
  const per = (n: number): string => (n / files).toFixed(2);
  const more = cli.faults - floor.faults;
  const cost = touch && more > 0 ? (more * touch.firstUs) / 1e6 : undefined;
  return {
    zh: `缺页（/usr/bin/time -v 的 Minor page faults，成对运行的中位数）：validate（命令行）${fmtInt(cli.faults)} 次（每个文件 ${per(cli.faults)} 次），基线 ${fmtInt(floor.faults)} 次（每个文件 ${per(floor.faults)} 次）。${cost !== undefined ? `按本机每页第一次写入 ${touch!.firstUs.toFixed(2)} 微秒（见“机器”）计，多出的 ${fmtInt(more)} 次约合 ${cost.toFixed(2)} 秒 CPU（validate 命令行中位数 ${fmtMs(cli.ms)}）：基线读一个文件、解析后即丢弃，validate 要为后续规则保留每个账号的几个字段，保留得越多，碰到的新内存页越多。` : ''}`,
    en: `Page faults (Minor page faults from /usr/bin/time -v, median of the paired runs): validate (CLI) ${fmtInt(cli.faults)} (${per(cli.faults)} per file), the floor ${fmtInt(floor.faults)} (${per(floor.faults)} per file).${cost !== undefined ? ` At this machine's ${touch!.firstUs.toFixed(2)} µs for a page's first write (see “Machine”), the ${fmtInt(more)} more come to about ${cost.toFixed(2)} s of CPU (validate CLI median ${fmtMs(cli.ms)}): the floor drops each file once parsed, validate keeps a few fields of every account for the later rules, and the more it keeps the more fresh pages it touches.` : ''}`,
  };
}

function memorySection({ hist, big }: BenchData, v10: ValidateResult, v100: ValidateResult, { pr, fulls }: { pr: Measured; fulls: readonly Measured[] }, touch?: PageTouch): Section {
  const MiB = 1024;
  // the CLI with its default threads runs in several rows: its peak is the highest of all its runs
  const cli100 = highestPeak([...v100.cliAll, ...fulls]);
  const cli10 = highestPeak(v10.cliAll);
  const perFile = (x: Measured, y: Measured): number | undefined => (x.rssKB && y.rssKB && big.files > hist.files ? (x.rssKB - y.rssKB) / (big.files - hist.files) : undefined);
  const memRows: Row[] = (
    [
      ['mem-validate-cli', { zh: 'govmedia validate（命令行，默认线程数）', en: 'govmedia validate (CLI, default threads)' }, cli100, cli10],
      ['mem-validate-jobs1', { zh: 'govmedia validate --jobs 1（命令行）', en: 'govmedia validate --jobs 1 (CLI)' }, v100.jobs1, v10.jobs1],
      ['mem-validate-inproc', { zh: 'validate（进程内）', en: 'validate (in-process)' }, v100.inproc, v10.inproc],
    ] as const
  ).map(([key, what, x, y]) => {
    const grow = perFile(x, y);
    return {
      key,
      what,
      ours: x.rssKB ? `${fmtMB(x.rssKB)}${grow !== undefined ? `（每个文件增加 ${grow.toFixed(2)} KiB / ${grow.toFixed(2)} KiB more per file）` : ''}${x.failed ? '（运行失败 / the run failed）' : ''}` : '—',
      floor: v100.floor.rssKB ? `${fmtMB(v100.floor.rssKB)}（读取+JSON.parse 进程 / the read+parse process）` : '—',
      ratio: x.rssKB ? `${((100 * x.rssKB) / (400 * MiB)).toFixed(0)}%（占 400 MiB / of 400 MiB）` : '—',
      target: { zh: '峰值内存 ≤ 400 MiB，每个文件增加 ≤ 2 KiB', en: 'peak RSS ≤ 400 MiB, growing ≤ 2 KiB per file' },
      // a peak from fewer than MIN_RUNS runs of either size is reported, never called met
      met: x.failed ? false : x.rssKB && grow !== undefined && enoughRuns(x, y) ? x.rssKB <= 400 * MiB && grow <= 2 : undefined,
      rss: x.rssKB ? fmtMB(x.rssKB) : '—',
    };
  });
  memRows.push({
    key: 'mem-check-pr',
    what: { zh: 'govmedia check-pr（改动 1 个账号）', en: 'govmedia check-pr (one account changed)' },
    ours: pr.rssKB ? fmtMB(pr.rssKB) : '—',
    floor: '—',
    ratio: pr.rssKB ? `${((100 * pr.rssKB) / (400 * MiB)).toFixed(0)}%（占 400 MiB / of 400 MiB）` : '—',
    target: { zh: '峰值内存 ≤ 400 MiB', en: 'peak RSS ≤ 400 MiB' },
    met: pr.failed ? false : pr.rssKB && enoughRuns(pr) ? pr.rssKB <= 400 * MiB : undefined,
    rss: pr.rssKB ? fmtMB(pr.rssKB) : '—',
  });
  const faults = faultNote(v100.cli, v100.floor, big.files, touch);
  return { title: { zh: `峰值内存：${fmtInt(big.accounts)} 个账号`, en: `Peak memory: ${fmtInt(big.accounts)} accounts` }, note: { zh: `${faults ? `${faults.zh}` : ''}“每个文件增加”是 ${fmtInt(big.files)} 个文件与 ${fmtInt(hist.files)} 个文件的登记簿峰值内存之差除以文件数之差。命令行默认线程数一行取该命令在本次基准中全部运行的最高峰值：${fmtInt(big.accounts)} 个账号 ${cli100.runs} 次（validate 各行和 check-pr 各行中的完整 validate），${fmtInt(hist.accounts)} 个账号 ${cli10.runs} 次。`, en: `${faults ? `${faults.en} ` : ''}“More per file” is the difference of the peaks of the ${fmtInt(big.files)}-file and ${fmtInt(hist.files)}-file registers divided by the difference of their file counts. The CLI default-threads row takes the highest peak of all that command's runs in this benchmark: ${cli100.runs} at ${fmtInt(big.accounts)} accounts (the validate rows and the check-pr rows' full validates), ${cli10.runs} at ${fmtInt(hist.accounts)}.` }, rows: memRows };
}

/** Stage 7: CPU profiles of what missed its target, and of the audit. */
async function profileStage(s: Settings, { hist, big }: BenchData, sections: readonly Section[], audit: { probeN: number; probeArgs: string[] }): Promise<ProfileResult[]> {
  const profiles: ProfileResult[] = [];
  const missed = new Set(sections.flatMap((x) => x.rows).filter((r) => r.met === false).map((r) => r.key));
  const jobs: { key: string; title: { zh: string; en: string }; args: string[]; cwd?: string; before?: () => void }[] = [];
  const vMissed = (n: number): boolean => [...missed].some((k) => k.startsWith(`validate-${n}-`)) || (n === big.accounts && [...missed].some((k) => k === 'mem-validate-cli' || k === 'mem-validate-inproc'));
  if (vMissed(big.accounts)) jobs.push({ key: 'validate-large', title: { zh: `validate（${fmtInt(big.accounts)} 个账号）`, en: `validate (${fmtInt(big.accounts)} accounts)` }, args: [GOVMEDIA, 'validate', '--root', big.dir, '--format', 'json', '--now', s.now] });
  else if (vMissed(hist.accounts)) jobs.push({ key: 'validate-small', title: { zh: `validate（${fmtInt(hist.accounts)} 个账号）`, en: `validate (${fmtInt(hist.accounts)} accounts)` }, args: [GOVMEDIA, 'validate', '--root', hist.dir, '--format', 'json', '--now', s.now] });
  const prMissed = [...big.branches.values()].reverse().find((n) => missed.has(`check-pr-${n}`));
  if (prMissed !== undefined || missed.has('mem-check-pr')) {
    const ref = prMissed === undefined || prMissed === 1 ? 'pr' : `pr-${prMissed}`;
    jobs.push({ key: 'check-pr', title: { zh: `check-pr（${ref}）`, en: `check-pr (${ref})` }, args: [GOVMEDIA, 'check-pr', '--base', 'main', '--head', ref, '--repo', big.dir, '--now', s.now, '--format', 'json'] });
  }
  if (big.renamed) {
    const names = namesDir(big.dir);
    const args = [GOVMEDIA, 'check-pr', '--base', 'main', '--head', big.renamed.ref, '--repo', big.dir, '--now', s.now, '--format', 'json'];
    // the cached row first: the cold one removes the cache
    if (missed.has('check-pr-rename')) jobs.push({ key: 'check-pr-rename', title: { zh: `check-pr（${big.renamed.ref}，名称索引已缓存）`, en: `check-pr (${big.renamed.ref}, name index cached)` }, args });
    if (missed.has('check-pr-rename-cold')) jobs.push({ key: 'check-pr-rename-cold', title: { zh: `check-pr（${big.renamed.ref}，没有缓存的名称索引）`, en: `check-pr (${big.renamed.ref}, no cached name index)` }, args, before: () => rmSync(names, { recursive: true, force: true }) });
  }
  if (missed.has('history-cli') || missed.has('history-inproc')) jobs.push({ key: 'history', title: { zh: 'history', en: 'history' }, args: [GOVMEDIA, 'history', hist.hottest.id, '--repo', hist.dir, '--format', 'json'] });
  jobs.push({ key: 'audit', title: { zh: `audit（最新 ${audit.probeN} 个提交）`, en: `audit (newest ${audit.probeN} commits)` }, args: audit.probeArgs });
  for (const j of jobs) {
    const dir = path.join(work, 'profiles', j.key);
    mkdirSync(dir, { recursive: true });
    log(`CPU 剖析 profiling ${j.key} …`);
    j.before?.();
    const e = await exec(process.execPath, ['--cpu-prof', `--cpu-prof-dir=${dir}`, ...j.args], j.cwd ? { cwd: j.cwd } : {});
    const files = readProfiles(dir);
    if (!files.length) {
      log(`no profile written for ${j.key} (exit ${e.code})`);
      continue;
    }
    profiles.push({ key: j.key, title: j.title, command: `node --cpu-prof ${j.args.map((a) => shortArg(a, work)).join(' ')}`, summary: summarizeProfiles(files, ENGINE_ROOT, 12) });
  }
  return profiles;
}

/** What in the design limits each measured command (the report's last section). */
function designNotes(m: Machine, hist: HistoryRepo, history: { glog: Measured; nodeStart: Measured; gitAndNode: number }): Bi[] {
  const { glog, nodeStart, gitAndNode } = history;
  const hp = hist.hottest;
  const threads = defaultJobs(m.cores);
  return [
    {
      zh: `**validate**：基线对每个文件只做两次原生调用（读文件、\`JSON.parse\`），全部在 C++ 里完成；validate 在此之外还要对每个文件用 JavaScript 做重复键计数、模式校验（预编译的 ajv 代码）、不可见字符/形近字/秘密信息检查、编号与路径检查，并对整个登记簿运行全部管理办法规则。整库检查边读边判：每个单位的账号读完即按账号规则判断，之后只保留单位规则和全库规则要读的几个字段（编号、名称、平台、主办单位、认证主体和生命周期状态），其余字段需要时再从文件读出，因此内存和垃圾回收不随账号文件的全部内容增长。每次运行都是新进程，V8 要在运行中才把这些热点代码编译优化；命令把优化编译推迟到函数运行得更多之后（中断预算为默认的 8 倍，\`scripts/v8-tiering.mjs\`，进程内一行同样设置；history 和 audit 保留默认值），2 核上优化编译线程少占 CPU；老生代每次完整回收后按固定的 2 倍增长，峰值内存不随机器忙闲跳动（同一文件）。命令行对 4000 个文件以上的登记簿在 4 核及以上的机器上默认按核数并行，少于 4 核时只用 1 个线程（本机 ${m.cores} 核：${threads > 1 ? `主线程加 ${threads - 1} 个工作线程` : '1 个检查线程'}）；进程内一行始终是一个检查线程。一个检查线程时，另有一个读取线程按检查顺序预先读出并解码文件、算出快速解析的提示，读盘与检查同时进行。本轮已做的设计修改：编译后的程序（不再在启动时转译 TypeScript）、预编译的模式校验函数、列目录不再逐个 lstat、每个文件一次原生读取并解码、重复键计数不分配数组、常见名称和大部分字符串跳过逐字符/正则检查、工作线程由主线程分担一份并以一个字符串接收目录清单、一个检查线程时由读取线程预读文件（读取线程每个文件只读一次、不再 fstat，并代为查找 U+FFFD 与 NUL）、仿冒名称检查不再为每个名称分配对象、每个单位只算一次适用的管理办法模块、整库边读边判并只保留后续规则要读的字段、整库的目录清单一次同步遍历读出（本机 2 核上比在线程池中并发读取快且少用 CPU）、模式中的日期格式逐字符检查（不用正则表达式）、V8 的优化编译推迟（见上）。`,
      en: `**validate**: the floor makes two native calls per file (read, \`JSON.parse\`), all in C++; validate also, in JavaScript and per file, counts keys for duplicates, validates the schema (precompiled ajv code), checks for invisible, look-alike and secret-looking text and ids against paths, then runs every policy rule over the whole register. A whole register is judged as it is read: each unit's accounts go through the account rules as soon as its folder is read, then keep only the few fields the unit and register rules read (id, name, platform, host unit, certified entity and the lifecycle state; any other field is read again from the file when asked for), so memory and garbage collection do not grow with every account's whole file. Every run is a new process: V8 optimises the hot code while it runs; the command has it wait longer before optimising a function (8 times the default interrupt budget, \`scripts/v8-tiering.mjs\`, set for the in-process row too; history and audit keep the default), so its compile threads take less of 2 cores; the old generation grows by a fixed factor of 2 after each full collection, so the peak memory does not swing with how busy the machine is (same file). The CLI checks registers of 4,000 files and more in one thread per core on machines with 4 cores or more, in one thread below 4 cores (here ${m.cores} cores: ${threads > 1 ? `the main thread and ${threads - 1} worker${threads - 1 === 1 ? '' : 's'}` : 'one judging thread'}); the in-process row is always one judging thread. With one judging thread, a reading thread reads and decodes the files ahead in judging order and computes the fast parse's hint, so the disk work overlaps the checks. Design changes in this round: the compiled program (no TypeScript transpiling at start-up), precompiled schema validators, no lstat per listed file, one native read-and-decode per file, duplicate-key counting without allocation, common names and most strings skip the per-character and pattern checks, the main thread takes a share and workers get the listing as one string, and one judging thread gets its files read ahead by a reading thread (one read per file, no fstat, and it also looks for U+FFFD and NUL), the impersonation check allocates no object per name, the modules that judge an account are worked out once per unit, a whole register is judged as it is read, keeping only the fields later rules read, the register's folders are listed in one synchronous walk (faster and less CPU on 2 cores than reading them concurrently in the thread pool), the schemas' date format is checked character by character (no regular expression), and V8 optimises later (above).`,
    },
    {
      zh: `**history**：基线 \`git log --follow -p\` 是一个 git 进程，打印该文件每个版本的差异；history 先启动 Node（本轮 ${fmtMs(nodeStart.ms)}），在本进程中读 Git 索引找到账号文件的路径，立即运行一次 \`git log\`（只在文件由迁移而来时才追溯旧路径），在 git log 仍在输出时就读取各版本，按“旧版本加新事件”增量解析全部 ${hp.commits} 个版本并说明每次改动。Node 启动加一次同样的 git log 约为基线的 ${(gitAndNode / glog.ms).toFixed(2)} 倍。`,
      en: `**history**: the floor \`git log --follow -p\` is one git process printing the diff of every version of the file; history starts Node (${fmtMs(nodeStart.ms)} in this run), finds the account's path in the Git index (read in-process), at once runs one \`git log\` (earlier paths only for a file created by a move), reads the versions while git log is still writing, parses all ${hp.commits} versions incrementally (the old version plus the new events) and describes each change. Node's start-up plus the same git log is about ${(gitAndNode / glog.ms).toFixed(2)}× the floor.`,
    },
    {
      zh: `**audit**（只报告吞吐量）：每个提交都要按范围载入改动前后的登记簿，载入时要遍历全部 region.json 和 unit.json 的清单（与单位数成正比），所以吞吐量随登记簿变大而下降；跨提交缓存这部分结构是下一步。`,
      en: `**audit** (throughput only): every commit loads the register before and after it, scoped, and the scoped load walks the listing of every region.json and unit.json (proportional to the number of units), so throughput falls as the register grows; caching that structure across commits is the next step.`,
    },
  ];
}

function shortArg(a: string, w: string): string {
  if (a.startsWith(w)) return '<work>' + a.slice(w.length);
  if (a.startsWith(ENGINE_ROOT + path.sep)) return path.relative(ENGINE_ROOT, a);
  return a;
}

// ---------------------------------------------------------------- reports

interface Report {
  machine: Machine;
  settings: Settings;
  sections: Section[];
  profiles: ProfileResult[];
  notes: { zh: string; en: string }[];
  data: { zh: string; en: string };
  /** What else limits the missed targets: the design, beside the profiles. */
  design?: { zh: string; en: string }[];
}

/** Medians of one command this far apart (the largest over the smallest) within one run are called out. */
export const SPREAD_NOTED = 1.15;

/**
 * How far the medians of one command spread over the pairs it was measured in during this run,
 * when they spread by SPREAD_NOTED or more: the machine's speed moved under that command, and a
 * row that pairs it may be met or missed by which stretch of the run it fell in. Failed
 * measurements are left out; fewer than two, nothing to say.
 */
export function spreadNote(what: Bi, ms: readonly Pick<Measured, 'ms' | 'failed'>[]): Bi | undefined {
  const med = ms.filter((m) => !m.failed).map((m) => m.ms);
  if (med.length < 2) return undefined;
  const lo = Math.min(...med);
  const hi = Math.max(...med);
  if (lo <= 0 || hi / lo < SPREAD_NOTED) return undefined;
  return {
    zh: `同一条命令在本次运行中并不稳定：${what.zh}在 ${med.length} 组成对测量中的中位数从 ${fmtMs(lo)} 到 ${fmtMs(hi)}（相差 ${(hi / lo).toFixed(2)} 倍）。与它成对的各行是否达标，可能取决于落在运行的哪一段；请以同一组命令的手动复现为准。`,
    en: `One command was not steady in this run: the medians of ${what.en} over its ${med.length} pairs ranged from ${fmtMs(lo)} to ${fmtMs(hi)} (${(hi / lo).toFixed(2)}× apart). Whether a row pairing it was met may depend on which stretch of the run it fell in; reproduce it by hand with the same commands.`,
  };
}

/** One row of the report's list of targets, in one language (its cells and its punctuation). */
export function targetLine(sec: Pick<Section, 'title'>, x: Row, lang: 'zh' | 'en'): string {
  return lang === 'zh'
    ? `- **${MET.zh(x.met)}** — ${sec.title.zh}：${x.what.zh}，${oneLang(x.ours, 'zh')} / ${oneLang(x.ratio, 'zh')}（目标 ${x.target.zh}）`
    : `- **${MET.en(x.met)}** — ${sec.title.en}: ${x.what.en}, ${oneLang(x.ours, 'en')} / ${oneLang(x.ratio, 'en')} (target ${x.target.en})`;
}

/** “（中文 / English）” → the one language's part. */
export function oneLang(s: string, lang: 'zh' | 'en'): string {
  return s.replace(/（([^）]*)）/g, (_, inner: string) => {
    const i = inner.indexOf(' / ');
    if (i < 0) return lang === 'zh' ? `（${inner}）` : ` (${inner})`;
    return lang === 'zh' ? `（${inner.slice(0, i)}）` : ` (${inner.slice(i + 3)})`;
  });
}

const MET = { zh: (m: boolean | undefined): string => (m === undefined ? '—' : m ? '达标' : '未达标'), en: (m: boolean | undefined): string => (m === undefined ? '—' : m ? 'met' : 'missed') };

/** “3 threads, 30.0 s sampled, 12.1 s busy; main thread idle 80%”. */
function threadLine(p: ProfileSummary, lang: 'zh' | 'en'): string {
  const main = p.threads[0];
  const idle = main && main.totalMs ? (100 * main.idleMs) / main.totalMs : 0;
  return lang === 'zh'
    ? `${p.threads.length} 个线程，采样共 ${fmtMs(p.totalMs)}，其中忙碌 ${fmtMs(p.busyMs)}；主线程空闲 ${idle.toFixed(0)}%`
    : `${p.threads.length} thread(s), ${fmtMs(p.totalMs)} sampled, ${fmtMs(p.busyMs)} busy; main thread idle ${idle.toFixed(0)}%`;
}

/** Which profile explains a missed row. */
function profileFor(key: string, r: Report): ProfileResult | undefined {
  const by = (k: string): ProfileResult | undefined => r.profiles.find((p) => p.key === k);
  if (key.startsWith('validate-') || key.startsWith('mem-validate')) return by('validate-large') ?? by('validate-small');
  if (key === 'check-pr-rename' || key === 'check-pr-rename-cold') return by(key);
  if (key.startsWith('check-pr') || key === 'mem-check-pr') return by('check-pr');
  if (key.startsWith('history')) return by('history');
  return undefined;
}

/** One paragraph per profile: the missed targets it explains and what it shows. */
export function limits(r: Report): { zh: string; en: string }[] {
  const groups = new Map<string, { p: ProfileResult | undefined; rows: { sec: Section; x: Row }[] }>();
  for (const sec of r.sections)
    for (const x of sec.rows) {
      if (x.met !== false) continue;
      const p = profileFor(x.key, r);
      const k = p?.key ?? '';
      const g = groups.get(k) ?? { p, rows: [] };
      g.rows.push({ sec, x });
      groups.set(k, g);
    }
  const out: { zh: string; en: string }[] = [];
  // first what the reference measured beside a section's missed targets says of them
  for (const sec of r.sections) if (sec.bound && sec.rows.some((x) => x.met === false)) out.push({ zh: `${sec.title.zh}：${sec.bound.zh}`, en: `${sec.title.en}: ${sec.bound.en}` });
  for (const { p, rows } of groups.values()) {
    const which = {
      zh: rows.map(({ sec, x }) => `${sec.title.zh} — ${x.what.zh}（${oneLang(x.ours, 'zh')}，${oneLang(x.ratio, 'zh')}，目标 ${x.target.zh}）`).join('；'),
      en: rows.map(({ sec, x }) => `${sec.title.en} — ${x.what.en} (${oneLang(x.ours, 'en')}, ${oneLang(x.ratio, 'en')}, target ${x.target.en})`).join('; '),
    };
    if (!p) {
      out.push({ zh: `未达标：${which.zh}。没有剖析。`, en: `Missed: ${which.en}. Not profiled.` });
      continue;
    }
    const s = p.summary;
    const cats = s.categories.slice(0, 4);
    const fns = s.functions.slice(0, 5);
    const main = s.threads[0];
    const idle = main && main.totalMs ? (100 * main.idleMs) / main.totalMs : 0;
    const mem = rows.find(({ x }) => x.key.startsWith('mem-'));
    const gc = s.categories.find((c) => c.name === 'garbage collection');
    out.push({
      zh: `未达标：${which.zh}。${mem ? `峰值内存随登记簿增长（读取+解析的基线进程只需 ${mem.x.floor.replace(/（.*$/, '')}），垃圾回收占忙碌时间 ${gc ? gc.pct.toFixed(1) : '0'}%。` : ''}剖析“${p.title.zh}”（${threadLine(s, 'zh')}）耗时最多的类别：${cats.map((c) => `${c.zh} ${c.pct.toFixed(0)}%`).join('、')}；自身耗时最多的函数：${fns.map((f) => `\`${f.name}\`（${f.where || '—'}，${f.pct.toFixed(1)}%）`).join('、')}。${idle >= 30 ? `主线程有 ${idle.toFixed(0)}% 的时间在等待（工作线程、git 子进程、I/O 或模块转译）。` : ''}`,
      en: `Missed: ${which.en}. ${mem ? `Peak memory grows with the register (the read+parse floor process needs ${oneLang(mem.x.floor, 'en').replace(/ \(.*$/, '')}); garbage collection is ${gc ? gc.pct.toFixed(1) : '0'}% of busy time. ` : ''}The profile “${p.title.en}” (${threadLine(s, 'en')}) spends most in ${cats.map((c) => `${c.name} ${c.pct.toFixed(0)}%`).join(', ')}; top self time: ${fns.map((f) => `\`${f.name}\` (${f.where || '—'}, ${f.pct.toFixed(1)}%)`).join(', ')}.${idle >= 30 ? ` The main thread waits ${idle.toFixed(0)}% of the time (workers, git child processes, I/O or module transpiling).` : ''}`,
    });
  }
  return out;
}

/** The table and one line per target, for the terminal. */
export function textReport(r: Report): string {
  const L: string[] = [];
  L.push('', `政务新媒体备案库基准测试 / govmedia benchmark — ${r.machine.cpu}，${r.machine.cores} 核 cores，${r.machine.memGiB} GiB，Node ${r.machine.node}，git ${r.machine.git}，负载 load ${r.machine.load[0].toFixed(1)} → ${r.machine.load[1].toFixed(1)}`);
  for (const sec of r.sections) {
    L.push('', `## ${sec.title.zh} / ${sec.title.en}`);
    const rows = sec.rows.map((x) => [x.what.zh, oneLang(x.ours, 'zh'), oneLang(x.floor, 'zh'), x.ratio, x.target.zh, `${MET.zh(x.met)} ${MET.en(x.met)}`, x.rss]);
    L.push(...table(['项目', '我们 ours', '基线 floor', '比值 ratio', '目标 target', '结果 result', '峰值内存 RSS'], rows));
    if (sec.note) L.push(`  ${sec.note.zh}`);
  }
  L.push('', '达标情况 / targets:');
  for (const sec of r.sections)
    for (const x of sec.rows) {
      if (x.met === undefined) continue;
      L.push(`  ${x.met ? '达标 met     ' : '未达标 missed'}  ${sec.title.zh} — ${x.what.zh}：${oneLang(x.ours, 'zh')} vs ${x.floor.replace(/（.*$/, '')}（${x.ratio}），目标 ${x.target.zh} / ${x.target.en}`);
    }
  for (const n of r.notes) L.push('', `注 / note: ${n.zh}`);
  for (const p of r.profiles) {
    L.push('', `CPU 剖析 profile: ${p.title.zh} — ${threadLine(p.summary, 'zh')}`);
    L.push(`  类别 categories: ${p.summary.categories.slice(0, 6).map((c) => `${c.zh} ${c.pct.toFixed(1)}%`).join('，')}`);
    for (const f of p.summary.functions.slice(0, 10)) L.push(`  ${f.pct.toFixed(1).padStart(5)}%  ${fmtMs(f.ms).padStart(9)}  ${f.name}  ${f.where}`);
  }
  const why = limits(r);
  if (why.length) {
    L.push('', '未达标的原因（据剖析）/ what limits the missed targets (from the profiles):');
    for (const w of why) L.push(`  - ${w.zh}`);
  }
  L.push('', r.data.zh);
  return L.join('\n');
}

function table(head: string[], rows: string[][]): string[] {
  const w = (s: string): number => [...s].reduce((n, ch) => n + (/[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6×≤≥—]/.test(ch) ? 2 : 1), 0);
  const cols = head.map((h, i) => Math.min(48, Math.max(w(h), ...rows.map((r) => w(r[i] ?? '')))));
  const pad = (s: string, n: number): string => s + ' '.repeat(Math.max(0, n - w(s)));
  const line = (cells: string[]): string => '  ' + cells.map((c, i) => pad(c, cols[i]!)).join('  ');
  return [line(head), ...rows.map(line)];
}

function mdTable(head: string[], rows: string[][]): string[] {
  const esc = (s: string): string => s.replace(/\|/g, '\\|');
  return [`| ${head.join(' | ')} |`, `|${head.map(() => '---').join('|')}|`, ...rows.map((r) => `| ${r.map(esc).join(' | ')} |`)];
}

/** docs/benchmarks.md: Chinese first, then English. */
export function markdownReport(r: Report): string {
  const m = r.machine;
  const s = r.settings;
  const L: string[] = [];
  L.push('# 基准测试 / Benchmarks', '');
  L.push('> 本文件由 `npm run bench` 生成（同一次运行、同一份数据上测得我们的耗时和基线），请勿手工修改。', '> Generated by `npm run bench` (ours and the floors measured in the same run on the same data); do not edit by hand.', '');
  for (const lang of ['zh', 'en'] as const) {
    const zh = lang === 'zh';
    L.push(zh ? '## 中文' : '## English', '');
    L.push(zh ? '### 运行方式' : '### How to run', '');
    L.push('```bash', 'npm ci', 'npm run bench                 # ' + (zh ? '完整规模：1 万 / 10 万个账号、2 万个提交，2 核上约 15–18 分钟；写出本文件' : 'full size: 10k / 100k accounts, 20k commits, about 15–18 minutes on 2 cores; writes this file'), 'BENCH_SMALL=1 npm run bench   # ' + (zh ? '快速检查：1 千 / 5 千个账号、2 千个提交；不写本文件' : 'quick check: 1k / 5k accounts, 2k commits; does not write this file'), '```', '');
    L.push(
      zh
        ? '环境变量：`BENCH_ACCOUNTS`（历史仓库的账号数）、`BENCH_ACCOUNTS_LARGE`（大登记簿的账号数）、`BENCH_COMMITS`（提交数）、`BENCH_RUNS`（10 秒以内的命令计时次数，取中位数，默认 3）、`BENCH_AUDIT_BUDGET`（audit 的时间预算，秒，默认 300）、`BENCH_DOC`（报告写到哪里）、`BENCH_DIR`、`BENCH_KEEP=1`（保留生成的数据）、`BENCH_PROFILE=0`（不做 CPU 剖析）。未达标时命令仍以 0 退出，由本文件如实记录。'
        : 'Environment: `BENCH_ACCOUNTS` (accounts in the history repository), `BENCH_ACCOUNTS_LARGE` (accounts in the large register), `BENCH_COMMITS`, `BENCH_RUNS` (timed runs of a command under 10 s, median reported; default 3), `BENCH_AUDIT_BUDGET` (seconds for the audit, default 300), `BENCH_DOC` (where to write the report), `BENCH_DIR`, `BENCH_KEEP=1` (keep the generated data), `BENCH_PROFILE=0` (no CPU profiles). The command exits 0 even when a target is missed; this file records it.',
      '',
    );
    L.push(zh ? '### 机器' : '### Machine', '');
    L.push(
      ...mdTable(
        zh ? ['项目', '值'] : ['item', 'value'],
        [
          [zh ? 'CPU' : 'CPU', m.cpu],
          [zh ? '核数' : 'cores', String(m.cores)],
          [zh ? '内存' : 'memory', `${m.memGiB} GiB`],
          [zh ? '系统' : 'OS', m.os],
          ['Node.js', m.node],
          ['git', m.git],
          [zh ? '1 分钟平均负载（开始 / 结束）' : '1-minute load average (start / end)', `${m.load[0].toFixed(2)} / ${m.load[1].toFixed(2)}`],
          [zh ? '运行期间的 1 分钟平均负载（每 5 秒采样：最低 / 中位数 / 最高）' : '1-minute load average during the run (sampled every 5 s: min / median / max)', m.loadSamples.length ? `${Math.min(...m.loadSamples).toFixed(2)} / ${median(m.loadSamples).toFixed(2)} / ${Math.max(...m.loadSamples).toFixed(2)}` : '—'],
          [zh ? '命令行的运行方式' : 'how the CLI ran', m.compiled ? (zh ? '编译版（dist/，npm ci 时编译）' : 'compiled (dist/, built by npm ci)') : (zh ? '经 tsx 转译（编译失败）' : 'through tsx (the build failed)')],
          [zh ? '被测命令的环境' : 'environment of the measured commands', HAD_CA_CERTS ? (zh ? '去掉了本机设置的 NODE_EXTRA_CA_CERTS（它让每个 Node 进程启动时多读一遍系统证书，约 90 毫秒；本程序不联网）' : 'without this machine\'s NODE_EXTRA_CA_CERTS (it makes every Node process read the system certificates at start-up, ~90 ms; the program never uses the network)') : (zh ? '与本机相同' : 'as on this machine')],
          [zh ? '峰值内存的测量' : 'peak memory measured with', m.timeTool ? (zh ? '/usr/bin/time -v（Maximum resident set size；缺页数取 Minor page faults）' : '/usr/bin/time -v (Maximum resident set size; page faults: Minor page faults)') : 'process.resourceUsage().maxRSS'],
          [zh ? '写入新内存的代价（`node scripts/bench/page-touch.mjs`，3 次的中位数）' : 'the cost of writing fresh memory (`node scripts/bench/page-touch.mjs`, median of 3 runs)', m.pageTouch ? (zh ? `每页（4 KiB）第一次写入 ${m.pageTouch.firstUs.toFixed(2)} 微秒（缺页），再次写入 ${m.pageTouch.againUs.toFixed(2)} 微秒` : `${m.pageTouch.firstUs.toFixed(2)} µs per 4 KiB page written the first time (a page fault), ${m.pageTouch.againUs.toFixed(2)} µs written again`) : '—'],
        ],
      ),
      '',
    );
    L.push(zh ? '### 数据' : '### Data', '', r.data[lang], '');
    L.push(
      zh
        ? '合成登记簿由 `scripts/bench/generate.ts` 生成：按样例登记簿的五个地区（四川自贡、安徽六安、江苏连云港、重庆綦江、辽宁）的省、市、县区、乡镇街道结构，每个单位 5–8 个平台账号；各地区的 `region.json` 绑定真实的管理办法系列，检查时全部规则照常运行；生成的登记簿检查无误（0 错误 0 警告）。真实地名用完后，县名由地名用字组合（在 region.json 中注明为虚构）。所有人员为“某某（虚构）”，电话为 1300000xxxx。历史的每个提交只改一个账号：多数追加“密码更换”，或修改经办人员电话并追加“信息报备”，或“人员交接”（更换经办人员并报备）；各有 2% 的提交抽中办理关停（关停备案、主管审核、注销公告、平台注销、系统填报“关停”）或名称变更（变更备案、主管审核同意、平台变更、系统填报“变更”），账号不符合下述条件或此前的事件太近时改作上述小改动（实际数目见上文）；整个办理记在一个提交中，各步骤日期不晚于提交日，按各地办法的顺序和以工作日计的期限（本库的节假日日历）：自贡在关停备案后 7 日内公告、全程不超过 30 日，六安、綦江、辽宁注销公告不少于 30 个工作日，六安变更也公告 30 个工作日，江苏公告 15 个工作日期满后再报主管单位审核，县区逐级上报。名称变更只改一个账号，写明理由并经主管单位同意（名称“原则上”一致）；六安不改名（第十三条：各平台名称一致并按“单位名称＋发布”命名，没有例外，只能随单位更名一起改，本生成器不模拟），綦江只有小程序改名（第十二条删去了“原则上”）；政府的账号和单位的第一个平台不关停，每个单位至少保留 3 个有效账号，关停后的账号不再改动。六安的账号其余只做电话变更（该办法要求每 3 个月更换密码，随机历史无法满足）。历史用 `git fast-import` 一次写入。'
        : 'The synthetic registers come from `scripts/bench/generate.ts`: the province / city / county / township structure of the sample register\'s five areas (Zigong, Lu\'an, Lianyungang, Qijiang, Liaoning), 5–8 platform accounts per unit; every area\'s `region.json` binds its real policy series, so all the rules run; the generated registers validate clean (0 errors, 0 warnings). When the real place names run out, county names are composed from place-name characters (marked fictitious in region.json). Every person is “某某（虚构）” with a 1300000xxxx phone. Each history commit changes one account: mostly a 密码更换 appended, or the operator\'s phone changed with an 信息报备, or a 人员交接 (new operator, reported); 2% of the commits are drawn to file a closure (关停备案, 主管审核, 注销公告, 平台注销, 系统填报 关停) and 2% a rename (变更备案, the supervisor\'s 主管审核 同意, 平台变更, 系统填报 变更), falling back to a small change when the account does not qualify (below) or its last event is too recent (actual numbers above); the whole procedure in one commit, every step dated on or before the commit\'s day, in each area\'s order and within its deadlines in working days (the register\'s holiday calendar): Zigong announces within 7 days of the filing and finishes within 30 days, Lu\'an, Qijiang and Liaoning announce a closure for at least 30 working days, Lu\'an a change too, Jiangsu announces for 15 working days before the supervisor\'s review; counties file upwards. A rename changes one account, with a justification the supervisor approves (one name across platforms "in principle"); Lu\'an accounts are never renamed (art. 13: one name on every platform, "unit name + 发布", no exception; only a renamed unit renames them all, which the generator does not model) and in Qijiang only mini programs are (art. 12 dropped "in principle"); governments\' accounts and a unit\'s first platform are never closed, every unit keeps at least 3 live accounts, and a closed account takes no further commits. Lu\'an accounts otherwise get phone changes only (its measures ask for a password change every 3 months, which a random history cannot keep). The history is written in one go with `git fast-import`.',
      '',
    );
    L.push(zh ? '### 结果' : '### Results', '');
    for (const sec of r.sections) {
      L.push(`#### ${sec.title[lang]}`, '');
      L.push(
        ...mdTable(
          zh ? ['项目', '我们', '基线', '比值', '目标', '结果', '峰值内存'] : ['what', 'ours', 'floor', 'ratio', 'target', 'result', 'peak RSS'],
          sec.rows.map((x) => [x.what[lang], oneLang(x.ours, lang), oneLang(x.floor, lang), oneLang(x.ratio, lang), x.target[lang], zh ? MET.zh(x.met) : MET.en(x.met), x.rss]),
        ),
        '',
      );
      if (sec.note) L.push(sec.note[lang], '');
    }
    L.push(zh ? '### 达标情况' : '### Targets', '');
    for (const sec of r.sections)
      for (const x of sec.rows) if (x.met !== undefined) L.push(targetLine(sec, x, lang));
    L.push('');
    for (const n of r.notes) L.push(`> ${n[lang]}`, '');
    const why = limits(r);
    if (why.length) {
      L.push(zh ? '### 未达标的原因（据剖析）' : '### What limits the missed targets (from the profiles)', '');
      for (const w of why) L.push(`- ${w[lang]}`);
      L.push('');
    }
    if (r.design?.length) {
      L.push(zh ? '### 其余的限制（设计）' : '### What else limits them (design)', '');
      for (const d of r.design) L.push(`- ${d[lang]}`);
      L.push('');
    }
    if (r.profiles.length) {
      L.push(zh ? '### CPU 剖析' : '### CPU profiles', '');
      L.push(
        zh
          ? '对未达标的命令和 audit 运行 `node --cpu-prof`（主线程和每个工作线程各写一个剖析文件），由 `scripts/bench/profile.ts` 汇总全部线程的自身耗时。“空闲”是线程在等待（I/O、git 子进程、工作线程或 tsx 的模块转译线程；预读线程与检查线程互等时在 Atomics.wait 中的睡眠也算），单独列出；占比按忙碌时间计算。命令行运行编译后的 JavaScript（dist/），带行号；经 tsx 转译的 TypeScript 只列文件；匿名函数以同一文件中最近的具名调用者命名。'
          : '`node --cpu-prof` on each command that missed a target, and on the audit (one profile file for the main thread and one per worker thread); `scripts/bench/profile.ts` adds up the self time of all threads. “Idle” (a thread waiting for I/O, a git child process, a worker or tsx\'s transpiling thread, including the reading and judging threads asleep in Atomics.wait for each other) is kept apart; shares are of busy time. the CLI runs compiled JavaScript (dist/) with line numbers; TypeScript run through tsx has none, so only its file is given; an anonymous function is named after its nearest named caller in the same file.',
        '',
      );
      for (const p of r.profiles) {
        L.push(`#### ${p.title[lang]}`, '', '`' + p.command + '`', '', threadLine(p.summary, lang), '');
        L.push(...mdTable(zh ? ['类别', '自身耗时', '占比'] : ['category', 'self time', 'share'], p.summary.categories.slice(0, 10).map((c) => [zh ? (c.zh ?? c.name) : c.name, fmtMs(c.ms), `${c.pct.toFixed(1)}%`])), '');
        L.push(...mdTable(zh ? ['自身耗时', '占比', '函数', '位置'] : ['self time', 'share', 'function', 'where'], p.summary.functions.map((f) => [fmtMs(f.ms), `${f.pct.toFixed(1)}%`, '`' + f.name + '`', f.where ? '`' + f.where + '`' : ''])), '');
        L.push(zh ? '按源文件：' : 'By source file:', '');
        L.push(...mdTable(zh ? ['自身耗时', '占比', '文件'] : ['self time', 'share', 'file'], p.summary.files.slice(0, 8).map((f) => [fmtMs(f.ms), `${f.pct.toFixed(1)}%`, '`' + (f.where || f.name) + '`'])), '');
      }
    }
    L.push(zh ? '### 方法' : '### Method', '');
    L.push(
      ...(zh
        ? [
            `- 每条命令在新进程中运行；墙钟时间包住整个进程。每一行的两条命令（我们的和它的基线或对照）先各预热一次，再交替计时 ${s.runs} 次（A B、B A、A B……，两种先后顺序都有），列出中位数和最快一次；中位数和最快一次之比都达到目标才算达标，少于 3 次的从不算达标。比值一栏还列出逐对之比（第 i 次的我们 ÷ 第 i 次的基线，两者紧挨着运行）的中位数和范围，即手动复现所用 farm-bench 的 A/B 一行所报告的统计量；它只供参考，不参与判定。只有 audit（只报告吞吐量）运行一次。每次计时之前都确认检查程序的文件与开始时相同（编译版仍是最新，文件的大小和修改时间未变）；运行中有改动时基准停止（退出码 2），不写报告。`,
            '- **validate 的基线**：`node scripts/bench/floor-read.mjs <登记簿>`，递归读出 accounts/ 下每个文件并 `JSON.parse`，别的什么也不做；同一个 Node。“进程内”两行分别比较 `validateSource(new FsSource(root), {now})` 与基线脚本内部的读取+解析耗时（都不含 Node 启动和模块加载）；“命令行”两行比较整个进程。',
            '- **参考：只做模式校验**：`node scripts/bench/floor-schema.mjs <登记簿>`，与基线相同的遍历，读出每个文件、`JSON.parse`，再用 validate 所用的同一组预编译模式校验函数（`dist/scripts/generated/validators.js`；unit.json、region.json 和账号文件各用其模式）校验，别的什么也不做；一个线程，Node 默认设置。分别与基线、validate（命令行）和 ajv-cli 一次调用交替运行，只报告；“未达标的原因”列出低于它本身比值的目标。',
            '- **缺页**：每次运行的 Minor page faults 取自 `/usr/bin/time -v`（与峰值内存同一份报告），行内取成对运行的中位数；写入新内存的代价由 `node scripts/bench/page-touch.mjs` 测得（64 MiB 未触碰的内存写两遍，第一遍每页都要缺页），“峰值内存”一节据此估计 validate 比基线多出的缺页约合多少 CPU。',
            '- **对照 ajv-cli 5**：一次调用只校验账号文件（`ajv validate -s schemas/account.schema.json -d "accounts/**/!(unit|region).json" --spec=draft2020 -c ajv-formats --errors=line`，与 validate 交替运行，目标 ≤ 0.5×）；另列按模式分三次调用：`ajv validate -s schemas/account.schema.json -d "accounts/**/!(unit|region).json" --spec=draft2020 -c ajv-formats --errors=line`，unit.json、region.json 同理；三次的墙钟时间相加，并核对 ajv 报告有效的文件数等于文件总数。ajv-cli 自己展开 glob，10 万个文件也无需分批。ajv 只做模式校验；validate 还做位置解析、编码检查、引用和全部管理办法规则。',
            '- **check-pr**：按用户的用法（默认 `--engine base`，主分支含检查程序本身）`govmedia check-pr --base main --head <分支> --repo <大登记簿> --now <日期> --format json --record <文件>`，分支分别改动 1、100、1000 个账号；每个与大登记簿的完整 validate（命令行）交替运行；从决定记录核对改动数和检查程序是否在本进程中运行。',
            '- **history**：`govmedia history <账号> --repo <历史仓库> --format json`，账号取历史中改动最多的一个；基线 `git log --follow -p -- <路径>`（用户查看同一份档案的 git 命令），交替运行。',
            '- **audit**：`govmedia audit --repo <历史仓库> --since <提交> --format json`；先试测最新的 500 个提交估计速度，全部历史在预算内就回放全部（`--since` 首个提交），否则回放预算内能完成的最新部分。基线 `git log --first-parent --raw <同一范围>`。',
            `- **峰值内存**：${m.timeTool ? '`/usr/bin/time -v` 报告的 Maximum resident set size（进程树中最大的单个进程）' : '子进程退出时的 `process.resourceUsage().maxRSS`'}；进程内计时的子进程另外报告自己的 maxRSS。`,
            `- 所有检查使用 \`--now ${s.now}\`。`,
          ]
        : [
            `- Every command runs in a new process; wall time covers the whole process. The two commands of a row (ours and its floor or peer) get one warm-up run each, then ${s.runs} timed runs each in alternation (A B, B A, A B …, both orders); the median and the fastest run are shown, a row is met only when both the medians' and the fastest runs' ratios meet the target, and never on fewer than 3 runs. The ratio cell also gives the median and range of the per-pair ratios (our i-th run over the floor's i-th run, which ran next to it), the statistic farm-bench's A/B line reports when a row is reproduced by hand; it is reported only and takes no part in the verdict. Only the audit (throughput, reported) runs once. Before every timed run the engine's files are checked to be as they were at the start (the compiled copy current, every file's size and modification time unchanged); a change while it runs stops the bench (exit 2) without a report.`,
            '- **validate floor**: `node scripts/bench/floor-read.mjs <register>` reads every file under accounts/ and `JSON.parse`s it, nothing else; same Node. The in-process rows compare `validateSource(new FsSource(root), {now})` with the floor script\'s own read+parse time (neither counts Node start-up or module loading); the CLI rows compare whole processes.',
            '- **Reference, the schema only**: `node scripts/bench/floor-schema.mjs <register>`, the floor\'s walk: reads each file, `JSON.parse`s it and checks it with the same precompiled schema validators validate uses (`dist/scripts/generated/validators.js`; unit.json, region.json and account files each against their schema), nothing else; one thread, Node\'s defaults. Paired in turn with the floor, with validate (CLI) and with one ajv-cli call, reported only; “what limits the missed targets” names the targets that lie below its own ratio.',
            '- **Page faults**: each run\'s Minor page faults come from `/usr/bin/time -v` (the same report as the peak memory), the median of the paired runs; the cost of writing fresh memory is measured by `node scripts/bench/page-touch.mjs` (64 MiB of untouched memory written twice; the first pass faults every page), and the peak memory section prices validate\'s faults beyond the floor\'s with it.',
            '- **ajv-cli 5 peer**: one call over the account files (`ajv validate -s schemas/account.schema.json -d "accounts/**/!(unit|region).json" --spec=draft2020 -c ajv-formats --errors=line`, in alternation with validate, target ≤ 0.5×); reported beside it, three calls in the register folder, one per schema: `ajv validate -s schemas/account.schema.json -d "accounts/**/!(unit|region).json" --spec=draft2020 -c ajv-formats --errors=line`, and the same for unit.json and region.json; their wall times are added, and the number of files ajv reports valid is checked against the file count. ajv-cli expands the glob itself, so 100k files need no batching. ajv only checks the schema; validate also parses with positions, checks encodings and references and runs every policy rule.',
            '- **check-pr**: as users run it (default `--engine base`; main holds the engine itself): `govmedia check-pr --base main --head <branch> --repo <large register> --now <date> --format json --record <file>`, with branches changing 1, 100 and 1000 accounts, each in alternation with a full validate (CLI) of the large register; the decision record is checked for the number of changes and whether the engine judged in-process.',
            '- **history**: `govmedia history <account> --repo <history repository> --format json` for the account changed most often; floor `git log --follow -p -- <path>` (the git command a user would run for the same case file), in alternation.',
            '- **audit**: `govmedia audit --repo <history repository> --since <commit> --format json`; a probe over the newest 500 commits estimates the speed, the whole history (`--since` the first commit) is replayed when it fits the budget, otherwise the newest part that does. Floor `git log --first-parent --raw <same range>`.',
            `- **Peak memory**: ${m.timeTool ? 'the Maximum resident set size from `/usr/bin/time -v` (the largest single process of the tree)' : '`process.resourceUsage().maxRSS` at the child\'s exit'}; the in-process timing children also report their own maxRSS.`,
            `- Every check uses \`--now ${s.now}\`.`,
          ]),
      '',
    );
  }
  return L.join('\n');
}
