#!/usr/bin/env node
/**
 * 基准测试的进程内计时入口：在一个新进程中只计引擎本身的耗时（不含 Node 启动和模块加载），结果以一行 JSON 输出。
 * 运行的是命令行运行的同一份引擎：编译版（dist/）为最新时用它，否则经 tsx 运行 TypeScript 源码（与 scripts/govmedia.mjs 的判断相同）。
 * In-process timing, run in a fresh process: times only the engine call (not Node's start-up or
 * module loading: the policy modules and schemas are loaded first and timed apart as loadMs) and
 * prints one JSON line: { ms, loadMs, maxRssKB, ... }. It runs the engine the CLI runs: the
 * compiled copy in dist/ when it is current (scripts/dist.mjs, as scripts/govmedia.mjs decides),
 * else the TypeScript sources through tsx. (Through tsx, the reading thread of a large register
 * also starts tsx and transpiles its modules inside the timed call: the row then timed tsx.)
 *
 *   node scripts/bench/child.mjs validate <root> <now>
 *   node scripts/bench/child.mjs history <repo> <account-id>
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { pathToFileURL } from 'node:url';
import { compiledEntry } from '../dist.mjs';
import { tuneForCommand } from '../v8-tiering.mjs';

// the engine as the command runs it: the same V8 tiering for the same command (scripts/v8-tiering.mjs), set before it loads
tuneForCommand(process.argv.slice(2));

const compiled = compiledEntry('scripts/cli.js');
if (!compiled) (await import('tsx/esm/api')).register();
/** An engine module by its path under scripts/, e.g. "pipeline/pipeline". */
const engine = (rel) => import(compiled ? pathToFileURL(path.join(path.dirname(compiled), `${rel}.js`)).href : new URL(`../${rel}.ts`, import.meta.url).href);

/** CPU milliseconds (user + system) of one thread of this process, from /proc (Linux); undefined elsewhere. */
function threadCpuMs(tid) {
  try {
    const st = readFileSync(`/proc/self/task/${tid}/stat`, 'utf8');
    const f = st.slice(st.lastIndexOf(')') + 2).split(' ');
    return ((Number(f[11]) + Number(f[12])) * 1000) / 100;
  } catch {
    return undefined;
  }
}

/**
 * Where the process's CPU went, by thread: the judging (main) thread, the threads still running at
 * the end (V8's collector helpers, libuv's pool), and the rest: threads that have ended, which in a
 * validate is the reading thread. Undefined off Linux. (Clock ticks: 10 ms resolution.)
 */
function cpuByThread() {
  const main = threadCpuMs(process.pid);
  if (main === undefined) return undefined;
  let others = 0;
  for (const t of readdirSync('/proc/self/task')) if (Number(t) !== process.pid) others += threadCpuMs(t) ?? 0;
  const u = process.cpuUsage();
  const total = (u.user + u.system) / 1000;
  return { mainMs: main, runningMs: others, endedMs: Math.max(0, total - main - others), totalMs: total };
}

async function childMain([what, a, b]) {
  if (what === 'validate' && a && b) {
    const [{ schemasFor, validateSource }, { ENGINE_ROOT }, { FsSource }, { loadPolicies, JUDGING_EXTRAS }] = await Promise.all([engine('pipeline/pipeline'), engine('core/paths'), engine('core/source'), engine('policy/loader')]);
    // module loading (the policy modules, the schemas) is start-up, timed apart
    const l0 = performance.now();
    // the modules validate loads (JUDGING_EXTRAS: the basis only; an older engine without it loads them all)
    await loadPolicies(ENGINE_ROOT, JUDGING_EXTRAS);
    schemasFor(ENGINE_ROOT);
    const loadMs = performance.now() - l0;
    const t0 = performance.now();
    const r = await validateSource(new FsSource(a), { now: b });
    const ms = performance.now() - t0;
    const s = r.summary;
    console.log(JSON.stringify({ ms, loadMs, compiled: Boolean(compiled), cpu: cpuByThread(), maxRssKB: process.resourceUsage().maxRSS, files: s.files, accounts: s.accounts, errors: s.errors, warnings: s.warnings, notices: s.notices }));
    return 0;
  }
  if (what === 'history' && a && b) {
    const { accountHistory } = await engine('history/history');
    const t0 = performance.now();
    const h = await accountHistory(a, b, 'HEAD');
    const ms = performance.now() - t0;
    console.log(JSON.stringify({ ms, compiled: Boolean(compiled), maxRssKB: process.resourceUsage().maxRSS, entries: h.entries.length }));
    return 0;
  }
  console.error('usage: child.mjs validate <root> <now> | history <repo> <account-id>');
  return 2;
}

process.exitCode = await childMain(process.argv.slice(2));
