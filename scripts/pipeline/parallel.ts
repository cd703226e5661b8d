/**
 * 大登记簿的并行检查：主线程列出一次目录，把单位文件夹分成几份（按文件数平衡），每个工作线程
 * 用“按范围检查”读取并判断自己那一份（地区文件和被引用的单位每份都读，重复编号按全量目录判断），
 * 主线程合并结果并去重。小登记簿不值得启动线程，直接单线程检查。
 * Parallel validation of a large register: the main thread lists once and splits the unit
 * folders into balanced shares; each worker runs a scoped validation of its share.
 */
import os from 'node:os';
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import { compareFindings, summarize, type Finding, type Summary } from '../core/finding.ts';
import type { ShareInput, ShareOutput } from './parallel-share.ts';
import { COMPILED, ENGINE_ROOT } from '../core/paths.ts';
import { FsSource } from '../core/source.ts';

export const PARALLEL_MIN_FILES = 4000;

/** The most threads validate uses by default (see defaultJobs). */
export const PARALLEL_MAX_JOBS = 4;

/** Below this many cores the default is one thread (see defaultJobs). */
export const PARALLEL_MIN_CORES = 4;

/**
 * 默认线程数：少于 4 个核时只用 1 个线程；4 个核及以上时每核一个，最多 4 个。
 * Threads by default: one below 4 cores; from 4 cores one per core, at most 4.
 *
 * Why: the threads do not split the work cleanly. Every share re-reads every region.json and the
 * units its units point at, each thread loads the engine (policy modules, schemas, calendar) and
 * holds its own share of the register, and the main thread waits for the slowest share; one
 * judging thread has a reading thread read ahead instead. Measured on 2 cores at 100,000 accounts
 * (the bench's threads row, --jobs 2 against --jobs 1 in alternating pairs, docs/benchmarks.md):
 * two threads took 7.50 s and 349 MiB where one took 5.58 s and 238 MiB (1.37x at 10,000): on 2
 * cores the second thread costs more CPU than it saves wall time.
 * From 4 cores the threads have cores of their own; that case could not be measured on the
 * 2-core machines this project runs on, so 4 is the rule's assumption, not a measurement
 * (`--jobs N` overrides it; measure with `--jobs 1` against `--jobs N` on the machine at hand).
 */
export function defaultJobs(cores: number = typeof os.availableParallelism === 'function' ? os.availableParallelism() : os.cpus().length): number {
  return cores < PARALLEL_MIN_CORES ? 1 : Math.min(PARALLEL_MAX_JOBS, cores);
}

function runWorker(input: ShareInput): Promise<ShareOutput> {
  return new Promise((resolve, reject) => {
    // the worker entry is plain JavaScript beside the sources; it loads the share module this copy
    // runs (compiled .js, or .ts through tsx)
    const share = new URL(`./parallel-share.${COMPILED ? 'js' : 'ts'}`, import.meta.url).href;
    const w = new Worker(path.join(ENGINE_ROOT, 'scripts', 'parallel-worker.mjs'), { workerData: { share, input } });
    w.once('message', (m: ShareOutput) => resolve(m));
    w.once('error', reject);
    w.once('exit', (code) => {
      if (code !== 0) reject(new Error(`worker exited with ${code}`));
    });
  });
}

/**
 * Validate everything under root/accounts with `jobs` workers. Returns undefined when the
 * register is too small to be worth it (the caller then validates in one thread).
 */
export async function validateParallel(root: string, opts: { engineRoot: string; now: string; jobs: number; only?: ReadonlySet<string>; minFiles?: number; exceptionsDir?: string | 'none'; baselineFile?: string | 'none' }): Promise<{ findings: Finding[]; summary: Summary } | undefined> {
  if (opts.jobs < 2) return undefined;
  const listing = new FsSource(root).list('accounts');
  const files = listing.filter((e) => e.type === 'file');
  if (files.length < (opts.minFiles ?? PARALLEL_MIN_FILES)) return undefined;
  // unit folders and their sizes
  const sizes = new Map<string, number>();
  const unitDirs = new Set(files.filter((e) => e.rel.endsWith('/unit.json')).map((e) => path.posix.dirname(e.rel).slice('accounts/'.length)));
  for (const e of files) {
    const d = path.posix.dirname(e.rel).slice('accounts/'.length);
    if (unitDirs.has(d)) sizes.set(d, (sizes.get(d) ?? 0) + 1);
  }
  // everything that is not inside a unit folder (region files, strays) goes to share 0
  const shares: string[][] = Array.from({ length: opts.jobs }, () => []);
  const load = new Array<number>(opts.jobs).fill(0);
  for (const [d, n] of [...sizes].sort((a, b) => b[1] - a[1])) {
    let best = 0;
    for (let i = 1; i < load.length; i++) if (load[i]! < load[best]!) best = i;
    shares[best]!.push(d);
    load[best]! += n;
  }
  // the last share is judged in this thread (it has the engine loaded already), after the
  // workers have started on theirs
  const { packListing, runShare } = await import('./parallel-share.ts');
  const packed = packListing(listing);
  const inputs: ShareInput[] = shares.map((unitDirs, i) => ({ root, engineRoot: opts.engineRoot, now: opts.now, unitDirs, listing: packed, loose: i === 0, ...(opts.only ? { only: [...opts.only] } : {}) }));
  const started = inputs.slice(0, -1).map((input) => runWorker(input));
  const own = await runShare({ ...inputs[inputs.length - 1]!, listing });
  const outs = [...(await Promise.all(started)), own];
  // structural findings outside unit folders (and region files) come from every share: de-duplicate
  const seen = new Set<string>();
  const raw: Finding[] = [];
  const unitFolders = new Map<string, string>();
  let accounts = 0;
  for (const o of outs) {
    accounts += o.accounts;
    for (const [id, dir] of o.units) if (!unitFolders.has(id)) unitFolders.set(id, dir);
    for (const f of o.findings) {
      const k = `${f.ruleId}|${f.file}|${f.line}|${f.column}|${f.message.zh}`;
      if (seen.has(k)) continue;
      seen.add(k);
      raw.push(f);
    }
  }
  // the same or a look-alike name in two shares (each share saw only its own units)
  const { impersonationAcrossShares, locateNames } = await import('../core/impersonation.ts');
  const across = impersonationAcrossShares(outs.map((o) => o.names ?? []));
  const src = new FsSource(root);
  locateNames(across, (rel) => {
    try {
      return src.read(rel).toString('utf8');
    } catch {
      return undefined;
    }
  });
  raw.push(...across);
  // then every finding, whichever thread judged it, passes the exceptions and the baseline once,
  // as in one thread (a whole run: a stale baseline entry is reported here too)
  const { judgeFindings } = await import('./pipeline.ts');
  const findings = judgeFindings(raw.sort(compareFindings), unitFolders, { engineRoot: opts.engineRoot, now: opts.now, whole: !opts.only, ...(opts.exceptionsDir ? { exceptionsDir: opts.exceptionsDir } : {}), ...(opts.baselineFile ? { baselineFile: opts.baselineFile } : {}) });
  return { findings, summary: summarize(findings, files.length, accounts) };
}
