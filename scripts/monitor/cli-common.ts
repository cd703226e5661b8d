/**
 * monitor、score、reconcile 三个命令共用的参数处理与登记簿读取。
 * Shared option handling and register loading for the monitor, score and reconcile commands.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { isValidDate, todayShanghai } from '../calendar/workdays.ts';
import { loadBaseline, loadExceptions, type LoadedBaseline, type LoadedException } from '../core/exceptions.ts';
import type { Lang } from '../core/finding.ts';
import { defaultDataRoot, ENGINE_ROOT } from '../core/paths.ts';
import type { Register } from '../core/register.ts';
import type { SchemaSet } from '../core/schema.ts';
import { FsSource } from '../core/source.ts';
import { readRegister, schemasFor } from '../pipeline/pipeline.ts';
import { langOf, langValue, oneOf, parseArgsError, usageText, UsageError } from '../core/cli-args.ts';
import { loadPolicies } from '../policy/loader.ts';
import type { LoadedPolicy } from '../policy/types.ts';
import { InputError } from './errors.ts';

export interface Io {
  out(s: string): void;
  err(s: string): void;
}


export interface BaseOptions {
  lang: Lang;
  now: string;
  root: string;
}

export function baseOptions(values: { lang?: string | undefined; now?: string | undefined; root?: string | undefined }): BaseOptions {
  const lang = langValue(values.lang);
  const now = values.now ?? todayShanghai();
  if (!isValidDate(now)) throw new InputError({ zh: `--now 须为有效日期 YYYY-MM-DD（收到 ${now}）`, en: `--now must be a real YYYY-MM-DD date (got ${now})` });
  const root = values.root ? path.resolve(values.root) : defaultDataRoot();
  return { lang, now, root };
}

export function pickFormat<F extends string>(value: string | undefined, formats: readonly F[], dflt: F): F {
  return oneOf('--format', value, formats, dflt);
}

export interface Loaded {
  register: Register;
  policies: LoadedPolicy[];
  schemas: SchemaSet;
  exceptions: LoadedException[];
  /** The adoption baseline (policies/baseline.json of the engine), if any. */
  baseline?: LoadedBaseline;
  /** Register files that could not be loaded (they are missing from the report). */
  dataProblems: number;
}

/** Load the register at `root` with the engine's schemas and policies (no rule findings). */
export async function loadAll(root: string, now: string): Promise<Loaded> {
  const schemas = schemasFor(ENGINE_ROOT);
  const policies = await loadPolicies(ENGINE_ROOT);
  const { register, findings } = readRegister(new FsSource(root), { now, policies });
  const dataProblems = new Set(findings.filter((f) => f.severity === 'error').map((f) => f.file)).size;
  const exceptions = loadExceptions(ENGINE_ROOT, schemas).exceptions;
  const baseline = loadBaseline(ENGINE_ROOT).baseline;
  return { register, policies, schemas, exceptions, ...(baseline ? { baseline } : {}), dataProblems };
}

export function warnDataProblems(l: Loaded, lang: Lang, io: Io): void {
  if (!l.dataProblems) return;
  io.err(lang === 'zh' ? `注意：登记簿中有 ${l.dataProblems} 个文件有错误，未纳入本报告；请先运行 govmedia validate 修正。` : `note: ${l.dataProblems} register files have errors and are not in this report; run govmedia validate first.`);
}

/** Write the report to --out (creating folders) or print it. */
export function emit(text: string, out: string | undefined, io: Io, lang: Lang, summary: string): void {
  if (!out) {
    io.out(text.endsWith('\n') ? text.slice(0, -1) : text);
    return;
  }
  const file = path.resolve(out);
  try {
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, text);
  } catch (e) {
    throw new InputError({ zh: `无法写出 ${out}：${(e as Error).message}`, en: `cannot write ${out}: ${(e as Error).message}` });
  }
  io.out(lang === 'zh' ? `已写出 ${out}（${summary}）` : `wrote ${out} (${summary})`);
}

/**
 * Run a command body; usage and input errors become a Chinese (or English) message and exit code 2
 * that names the command's --help.
 * Anything else propagates to the CLI's main(), which reports it without a stack trace.
 */
export async function guard(args: string[], io: Io, body: (lang: Lang) => Promise<number>, command?: string): Promise<number> {
  const lang = langOf(args);
  try {
    return await body(lang);
  } catch (e) {
    const u = e instanceof UsageError ? e : parseArgsError(e);
    if (u) {
      io.err(usageText(u, lang, command ?? (lang === 'zh' ? '<命令>' : '<command>')));
      return 2;
    }
    throw e;
  }
}
