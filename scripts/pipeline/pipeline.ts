/**
 * 检查流水线：载入 → 解析 → 模式 → 管理办法规则 → 例外与接入基线 → 检查结果。每个命令都经由这里得到
 * 一个经过判断的登记簿（validate、check-pr、audit、scaffold、monitor、export、bench……）。
 *
 * The pipeline: load → parse → schema → policies → exceptions and baseline → findings. It is the one
 * way every command gets a judged register; commands only parse their arguments and call it.
 * (Moved here from commands/validate.ts so that core, policy, pr and the rest never import a command.)
 */
import path from 'node:path';
import { compareFindings, summarize, type Finding, type Lang, type Summary } from '../core/finding.ts';
import { applyBaseline, applyExceptionsByUnit, loadBaseline, loadExceptions, unitFolders } from '../core/exceptions.ts';
import { ENGINE_ROOT, unitDirOf } from '../core/paths.ts';
import { collectBetweenStages } from '../core/collect.ts';
import { loadRegister, slimAccount, type AccountDoc, type DocCache, type LoadOptions, type LoadResult, type Register } from '../core/register.ts';
import { nameInUseIn } from '../core/impersonation.ts';
import type { AccountState } from '../core/lifecycle.ts';
import { SchemaSet } from '../core/schema.ts';
import type { FileSource } from '../core/source.ts';
import { PolicyRun, runPolicies } from '../policy/engine.ts';
import { calendarFor } from '../calendar/workdays.ts';
import { JUDGING_EXTRAS, loadPolicies, policySeries } from '../policy/loader.ts';
import { citeSchemaFindings } from '../policy/basis.ts';
import type { LoadedPolicy } from '../policy/types.ts';

export interface ValidateOptions {
  /** Engine root: schemas/ and policies/ come from here. */
  engineRoot?: string;
  now: string;
  only?: ReadonlySet<string>;
  /** Use these policy versions instead of every module under <engineRoot>/policies (tests). */
  policies?: LoadedPolicy[];
  /** Read exceptions from this folder instead of <engineRoot>/policies/exceptions; 'none' for none (rule tests). */
  exceptionsDir?: string | 'none';
  /** Read the adoption baseline from this file instead of <engineRoot>/policies/baseline.json; 'none' for none. */
  baselineFile?: string | 'none';
  /** Read only these unit folders in full; findings are kept for them (and regions) only. */
  scope?: ReadonlySet<string>;
  /** With scope: also judge what is outside every unit folder. */
  scopeLoose?: boolean;
  /** With scope: only the regions of the folders in scope and above them (LoadOptions.scopeRegions). */
  scopeRegions?: 'ancestors';
  /** Reuse file results across loads (replays). */
  cache?: DocCache;
  /**
   * Judge the accounts as they are read and keep them slimmed (register.ts slimAccount). Default: for a
   * whole load without a cache. A share of a parallel run (parallel-share.ts) streams its scope too.
   */
  stream?: boolean;
}

export interface ValidateResult {
  findings: Finding[];
  summary: Summary;
  register: Register;
  policies: LoadedPolicy[];
}

const schemaCache = new Map<string, SchemaSet>();
export function schemasFor(engineRoot: string): SchemaSet {
  let s = schemaCache.get(engineRoot);
  if (!s) schemaCache.set(engineRoot, (s = new SchemaSet(path.join(engineRoot, 'schemas'))));
  return s;
}

export interface ReadOptions {
  /** Engine root: schemas/ come from here. */
  engineRoot?: string;
  now: string;
  /** The policy versions whose series region files may bind (unchecked when absent). */
  policies?: readonly LoadedPolicy[];
  scope?: ReadonlySet<string>;
  scopeLoose?: boolean;
  scopeRegions?: 'ancestors';
  cache?: DocCache;
  onAccounts?: LoadOptions['onAccounts'];
}

/**
 * The first stages: load → parse → schema. The register snapshot and the findings about its files,
 * without the policy rules: for the commands that judge on their own (monitor, score, reconcile,
 * import), publish (export, site), or only need the data (form, gen-codeowners).
 */
export function readRegister(src: FileSource, opts: ReadOptions): LoadResult {
  const engineRoot = opts.engineRoot ?? ENGINE_ROOT;
  return loadRegister(src, { schemas: schemasFor(engineRoot), now: opts.now, ...(opts.policies ? { policySeries: policySeries(opts.policies) } : {}), ...(opts.scope ? { scope: opts.scope } : {}), ...(opts.scopeLoose ? { scopeLoose: true } : {}), ...(opts.scopeRegions ? { scopeRegions: opts.scopeRegions } : {}), ...(opts.cache ? { cache: opts.cache } : {}), ...(opts.onAccounts ? { onAccounts: opts.onAccounts } : {}) });
}

/** Validate a whole register from any source; findings sorted by file, line, column. */
export async function validateSource(src: FileSource, opts: ValidateOptions): Promise<ValidateResult> {
  const engineRoot = opts.engineRoot ?? ENGINE_ROOT;
  // a whole register is listed first: its reading thread starts while the listing goes on
  if (!opts.scope) await src.listAhead?.('accounts');
  const policies = opts.policies ?? (await loadPolicies(engineRoot, JUDGING_EXTRAS));
  const runOpts = { now: opts.now, policies, calendar: calendarFor(engineRoot), ...(opts.only ? { only: opts.only } : {}) };
  // A whole register is judged as it is read: each unit's accounts go through the account rules as
  // soon as they are loaded, then keep only what the unit and register rules read (register.ts
  // slimAccount), so memory does not grow with every account's whole file. A scoped load (the PR
  // check) is small; a cached one (replays) shares its files with other loads: both are kept whole.
  let run: PolicyRun | undefined;
  const stream = !opts.cache && (opts.stream ?? !opts.scope);
  const onAccounts = (batch: readonly AccountDoc[], reg: Register): void => {
    run ??= new PolicyRun(reg, runOpts);
    run.judgeAccounts(batch);
    for (const a of batch) {
      let state: AccountState;
      try {
        state = run.state(a);
      } catch {
        continue; // kept whole: the rule that asks reports its failure as before
      }
      slimAccount(a, nameInUseIn(state));
    }
  };
  const { register, findings, unitDirs } = readRegister(src, { engineRoot, now: opts.now, policies, ...(opts.scope ? { scope: opts.scope } : {}), ...(opts.scopeLoose ? { scopeLoose: true } : {}), ...(opts.scopeRegions ? { scopeRegions: opts.scopeRegions } : {}), ...(opts.cache ? { cache: opts.cache } : {}), ...(stream ? { onAccounts } : {}) });
  let policyFindings: Finding[];
  if (stream) {
    run ??= new PolicyRun(register, runOpts);
    policyFindings = run.finish();
  } else {
    // a large register's read leaves its garbage behind: collect it once before the rules allocate (collect.ts)
    if (!opts.scope) collectBetweenStages(register.fileCount);
    policyFindings = runPolicies(register, runOpts);
  }
  // a schema error cites the article that requires the field in the file's region (policies/*/basis.ts)
  let all = judgeFindings([...citeSchemaFindings(findings, register, policies, opts.now), ...policyFindings], unitFolders(register), { ...opts, engineRoot, whole: !opts.scope && !opts.only });
  if (opts.scope) {
    const scope = opts.scope;
    const loose = opts.scopeLoose === true;
    all = all.filter((f) => {
      if (!f.file.startsWith('accounts/') || f.file.endsWith('/region.json') || f.file === 'accounts/region.json') return true;
      const d = unitDirOf(f.file);
      if (scope.has(d)) return true;
      // a unit folder itself (dir finding) or anything outside every unit folder
      const own = f.file.slice('accounts/'.length);
      return loose && !unitDirs.has(d) && !unitDirs.has(own);
    });
  }
  return { findings: all, summary: summarize(all, register.fileCount, register.accounts.length), register, policies };
}

/**
 * The last stage: reviewed exceptions, then the adoption baseline (整改清单: findings present on
 * adoption stop blocking but stay listed); sorted by file, line, column. One thread runs it on
 * its register's findings; a parallel run (parallel.ts) runs it once in the main thread on the
 * findings of every share, so both judge alike (and only a whole run reports a stale baseline).
 */
export function judgeFindings(findings: Finding[], unitDirs: ReadonlyMap<string, string>, opts: { engineRoot: string; now: string; exceptionsDir?: string | 'none'; baselineFile?: string | 'none'; whole: boolean }): Finding[] {
  const ex = opts.exceptionsDir === 'none' ? { exceptions: [], findings: [] } : loadExceptions(opts.engineRoot, schemasFor(opts.engineRoot), opts.exceptionsDir);
  let all = applyExceptionsByUnit([...findings, ...ex.findings], ex.exceptions, unitDirs, opts.now).sort(compareFindings);
  const bl = opts.baselineFile === 'none' ? { findings: [] } : loadBaseline(opts.engineRoot, opts.baselineFile);
  if (bl.baseline || bl.findings.length) all = applyBaseline([...all, ...bl.findings], bl.baseline, { whole: opts.whole }).sort(compareFindings);
  return all;
}

export { unitDirOf };

import { UsageError } from '../core/errors.ts';
export { UsageError };

export function exitCodeFor(findings: readonly Finding[]): 0 | 1 {
  return findings.some((f) => !f.suppressed && (f.severity === 'error' || f.severity === 'warning')) ? 1 : 0;
}

export type { Lang };
