/**
 * govmedia validate [paths...]：检查 accounts/ 下的全部文件，并运行适用的管理办法规则。
 */
import { existsSync, lstatSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { compareFindings, summarize, type Finding, type Lang, type Summary } from '../core/finding.ts';
import { applyBaseline, applyExceptions, loadBaseline, loadExceptions } from '../core/exceptions.ts';
import { validateParallel } from '../core/parallel.ts';
import { ENGINE_ROOT, toPosix, unitDirOf } from '../core/paths.ts';
import { fileFinding, loadRegister, type DocCache, type Register } from '../core/register.ts';
import { SchemaSet } from '../core/schema.ts';
import { FsSource, type FileSource } from '../core/source.ts';
import { runPolicies } from '../policy/engine.ts';
import { calendarFor } from '../calendar/workdays.ts';
import { loadPolicies, policySeries } from '../policy/loader.ts';
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
  /** Reuse file results across loads (replays). */
  cache?: DocCache;
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

/** Validate a whole register from any source; findings sorted by file, line, column. */
export async function validateSource(src: FileSource, opts: ValidateOptions): Promise<ValidateResult> {
  const engineRoot = opts.engineRoot ?? ENGINE_ROOT;
  const policies = opts.policies ?? (await loadPolicies(engineRoot));
  const { register, findings, unitDirs } = loadRegister(src, { schemas: schemasFor(engineRoot), now: opts.now, policySeries: policySeries(policies), ...(opts.scope ? { scope: opts.scope } : {}), ...(opts.scopeLoose ? { scopeLoose: true } : {}), ...(opts.cache ? { cache: opts.cache } : {}) });
  const policyFindings = runPolicies(register, { now: opts.now, policies, calendar: calendarFor(engineRoot), ...(opts.only ? { only: opts.only } : {}) });
  const ex = opts.exceptionsDir === 'none' ? { exceptions: [], findings: [] } : loadExceptions(engineRoot, schemasFor(engineRoot), opts.exceptionsDir);
  let all = applyExceptions([...findings, ...policyFindings, ...ex.findings], ex.exceptions, register, opts.now).sort(compareFindings);
  // the adoption baseline (整改清单): findings present on adoption stop blocking but stay listed
  const bl = opts.baselineFile === 'none' ? { findings: [] } : loadBaseline(engineRoot, opts.baselineFile);
  if (bl.baseline || bl.findings.length) all = applyBaseline([...all, ...bl.findings], bl.baseline, { whole: !opts.scope && !opts.only }).sort(compareFindings);
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

export { unitDirOf };

import { UsageError } from '../core/errors.ts';
export { UsageError };

/**
 * Validate the register at dataRoot, keeping only findings for the given paths (relative
 * to cwd or absolute). A path outside accounts/ is itself a finding.
 */
export async function validatePaths(dataRoot: string, paths: string[], opts: ValidateOptions & { jobs?: number }, cwd = process.cwd()): Promise<Pick<ValidateResult, 'findings' | 'summary'>> {
  if (opts.only) await checkRuleIds(opts.only, opts.engineRoot ?? ENGINE_ROOT);
  const par = opts.jobs && opts.jobs > 1 ? await validateParallel(dataRoot, { engineRoot: opts.engineRoot ?? ENGINE_ROOT, now: opts.now, jobs: opts.jobs, ...(opts.only ? { only: opts.only } : {}) }) : undefined;
  const res = par ?? (await validateSource(new FsSource(dataRoot), opts));
  if (paths.length === 0) return res;
  const prefixes: string[] = [];
  const extra: Finding[] = [];
  for (const p of paths) {
    const abs = path.resolve(cwd, p);
    if (!existsSync(abs)) throw new UsageError(`路径不存在：${p}\nno such path: ${p}`);
    const rel = toPosix(path.relative(dataRoot, abs));
    if (rel.startsWith('..') || path.isAbsolute(rel)) throw new UsageError(`路径不在登记簿 ${dataRoot} 之内：${p}\npath is outside the register: ${p}`);
    if (rel !== '' && rel !== 'accounts' && !rel.startsWith('accounts/')) {
      extra.push(fileFinding('register/stray-file', rel, { line: 1, column: 1 }, { zh: `“${rel}”不在 accounts/ 之下，不属于登记簿`, en: `"${rel}" is not under accounts/ and is not part of the register` }, { zh: '账号、单位和地区文件都必须放在 accounts/ 下相应的文件夹中。', en: 'Register files live under accounts/.' }));
      continue;
    }
    prefixes.push(rel);
  }
  const keep = res.findings.filter((f) => prefixes.some((p) => p === '' || f.file === p || f.file.startsWith(p + '/')));
  const findings = [...keep, ...extra].sort(compareFindings);
  // the summary counts what was checked: the files under the given paths, not the whole register
  const counted = countFiles(dataRoot, prefixes);
  return { ...res, findings, summary: summarize(findings, counted.files, counted.accounts) };
}

/** Files and account files under the given accounts/-relative folders or files of a register. */
function countFiles(dataRoot: string, prefixes: readonly string[]): { files: number; accounts: number } {
  const seen = new Set<string>();
  const walk = (rel: string): void => {
    const abs = path.join(dataRoot, rel);
    let st;
    try {
      st = lstatSync(abs);
    } catch {
      return;
    }
    if (st.isDirectory()) {
      for (const name of readdirSync(abs)) if (!name.startsWith('.')) walk(rel === '' ? name : `${rel}/${name}`);
    } else if (st.isFile() && rel.startsWith('accounts/')) seen.add(rel);
  };
  for (const p of prefixes) walk(p === '' ? 'accounts' : p);
  let accounts = 0;
  for (const f of seen) if (f.endsWith('.json') && !f.endsWith('/unit.json') && !f.endsWith('/region.json')) accounts++;
  return { files: seen.size, accounts };
}

/** `--rule` names rules that exist (built-in or of a policy module); an unknown id is a usage error, not a clean result. */
export async function checkRuleIds(ids: ReadonlySet<string>, engineRoot: string): Promise<void> {
  const { collectRules } = await import('./rules.ts');
  const known = new Set((await collectRules(engineRoot)).map((r) => r.id));
  const unknown = [...ids].filter((id) => !known.has(id));
  if (!unknown.length) return;
  const near = [...known].filter((k) => unknown.some((u) => { const tail = u.slice(u.lastIndexOf('/') + 1); return tail.length >= 3 && k.endsWith('/' + tail); })).slice(0, 5);
  const hint = near.length ? `相近的规则编号：${near.join('、')}。` : '';
  throw new UsageError(`未知的规则编号：${unknown.join('、')}。运行 govmedia rules 可列出全部规则编号（docs/rules.md 中也有）。${hint}\nunknown rule id: ${unknown.join(', ')}; run \`govmedia rules\` to list the rule ids.`);
}

export function exitCodeFor(findings: readonly Finding[]): 0 | 1 {
  return findings.some((f) => !f.suppressed && (f.severity === 'error' || f.severity === 'warning')) ? 1 : 0;
}

export type { Lang };
