/**
 * govmedia validate [路径…] 的检查：整个登记簿（大登记簿按核数并行）经流水线判断后，只保留给定路径下的检查结果，
 * 摘要只计这些路径下的文件。
 * What `govmedia validate [paths…]` checks: the whole register through the pipeline (in parallel
 * for a large one), keeping the findings under the given paths; the summary counts only their files.
 */
import { existsSync, lstatSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { compareFindings, summarize, type Finding } from '../core/finding.ts';
import { UsageError } from '../core/errors.ts';
import { ENGINE_ROOT, toPosix } from '../core/paths.ts';
import { fileFinding } from '../core/register.ts';
import { FsSource } from '../core/source.ts';
import { validateParallel } from './parallel.ts';
import { validateSource, type ValidateOptions, type ValidateResult } from './pipeline.ts';

/**
 * Validate the register at dataRoot, keeping only findings for the given paths (relative
 * to cwd or absolute). A path outside accounts/ is itself a finding.
 */
export async function validatePaths(dataRoot: string, paths: string[], opts: ValidateOptions & { jobs?: number; minFiles?: number }, cwd = process.cwd()): Promise<Pick<ValidateResult, 'findings' | 'summary'>> {
  const par = opts.jobs && opts.jobs > 1 ? await validateParallel(dataRoot, { engineRoot: opts.engineRoot ?? ENGINE_ROOT, now: opts.now, jobs: opts.jobs, ...(opts.only ? { only: opts.only } : {}), ...(opts.minFiles !== undefined ? { minFiles: opts.minFiles } : {}), ...(opts.exceptionsDir ? { exceptionsDir: opts.exceptionsDir } : {}), ...(opts.baselineFile ? { baselineFile: opts.baselineFile } : {}) }) : undefined;
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

