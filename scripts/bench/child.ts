/**
 * 进程内计时：在一个新进程中只计引擎本身的耗时（不含 Node 启动和模块加载），结果以一行 JSON 输出。
 * In-process timing, run in a fresh process: times only the engine call (not Node's start-up or
 * module loading: the policy modules and schemas are loaded first and timed apart as loadMs) and
 * prints one JSON line: { ms, loadMs, maxRssKB, ... }.
 *
 *   node scripts/bench/child.mjs validate <root> <now>
 *   node scripts/bench/child.mjs history <repo> <account-id>
 */
import { performance } from 'node:perf_hooks';
import { schemasFor, validateSource } from '../pipeline/pipeline.ts';
import { ENGINE_ROOT } from '../core/paths.ts';
import { FsSource } from '../core/source.ts';
import { accountHistory } from '../history/history.ts';
import { loadPolicies } from '../policy/loader.ts';

export async function childMain(argv: string[]): Promise<number> {
  const [what, a, b] = argv;
  if (what === 'validate' && a && b) {
    // module loading (the policy modules through tsx, the schemas) is start-up, timed apart
    const l0 = performance.now();
    await loadPolicies(ENGINE_ROOT);
    schemasFor(ENGINE_ROOT);
    const loadMs = performance.now() - l0;
    const t0 = performance.now();
    const r = await validateSource(new FsSource(a), { now: b });
    const ms = performance.now() - t0;
    const s = r.summary;
    console.log(JSON.stringify({ ms, loadMs, maxRssKB: process.resourceUsage().maxRSS, files: s.files, accounts: s.accounts, errors: s.errors, warnings: s.warnings, notices: s.notices }));
    return 0;
  }
  if (what === 'history' && a && b) {
    const t0 = performance.now();
    const h = await accountHistory(a, b, 'HEAD');
    const ms = performance.now() - t0;
    console.log(JSON.stringify({ ms, maxRssKB: process.resourceUsage().maxRSS, entries: h.entries.length }));
    return 0;
  }
  console.error('usage: child.mjs validate <root> <now> | history <repo> <account-id>');
  return 2;
}
