/**
 * govmedia validate / rules / gen-types：参数来自命令表（scripts/core/commands-table.ts）。
 * validate 的退出码：有错误时为 1；只有警告或提示时为 0，除非警告数超过 --max-warnings（同 ESLint）。
 *
 * The validate, rules and gen-types commands; their options come from the command table.
 * validate exits 1 on errors only (warnings and notices alone exit 0) unless --max-warnings is exceeded.
 */
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { langOf, langValue, oneOf } from '../core/cli-args.ts';
import { commandHelp, parseCommand, type Io } from './table.ts';
import { UsageError } from '../core/errors.ts';
import type { Finding } from '../core/finding.ts';
import { defaultDataRoot, ENGINE_ROOT } from '../core/paths.ts';

/** Exit code of validate: 1 on any error, or on more warnings than maxWarnings; else 0. */
export function validateExitCode(findings: readonly Finding[], maxWarnings?: number): 0 | 1 {
  const live = findings.filter((f) => !f.suppressed);
  if (live.some((f) => f.severity === 'error')) return 1;
  if (maxWarnings !== undefined && live.filter((f) => f.severity === 'warning').length > maxWarnings) return 1;
  return 0;
}

function nonNegativeInt(option: string, v: string, max: number): number {
  const n = Number(v);
  if (!/^\d+$/.test(v) || !Number.isInteger(n) || n > max) throw new UsageError(`${option} 须为 0 到 ${max} 的整数（收到 ${v}）`, `${option} must be an integer from 0 to ${max} (got ${v})`);
  return n;
}

export async function cmdValidate(args: string[], io: Io): Promise<number> {
  const lang = langOf(args);
  const { values, positionals } = parseCommand('validate', args);
  if (values.help) {
    io.out(commandHelp('validate', lang));
    return 0;
  }
  const { isValidDate, todayShanghai } = await import('../calendar/workdays.ts');
  langValue(values.lang);
  const format = oneOf('--format', values.format, ['text', 'json'] as const, 'text');
  const now = values.now ?? todayShanghai();
  if (!isValidDate(now)) throw new UsageError(`--now 须为有效日期 YYYY-MM-DD（收到 ${now}）`, `--now must be a real YYYY-MM-DD date (got ${now})`);
  const root = typeof values.root === 'string' ? path.resolve(values.root) : defaultDataRoot();
  const { validatePaths } = await import('../pipeline/validate-paths.ts');
  const { checkRuleIds } = await import('./validate.ts');
  const { defaultJobs } = await import('../pipeline/parallel.ts');
  const { formatText, toJson } = await import('../report/text.ts');
  const rules = values.rule;
  const only = rules && rules.length ? new Set(rules) : undefined;
  // a large register (4,000 files and more) is judged in several threads on a machine with 4
  // cores or more, one per core up to 4, the main thread taking a share; below 4 cores in one
  // thread (defaultJobs in pipeline/parallel.ts says why); --jobs N overrides
  const jobsArg = values.jobs;
  const jobs = jobsArg === undefined || jobsArg === 'auto' ? defaultJobs() : Number(jobsArg);
  if (!Number.isInteger(jobs) || jobs < 1 || jobs > 64) throw new UsageError(`--jobs 须为 1 到 64 的整数（收到 ${String(jobsArg)}）`, `--jobs must be an integer from 1 to 64 (got ${String(jobsArg)})`);
  const maxWarnings = values['max-warnings'] === undefined ? undefined : nonNegativeInt('--max-warnings', values['max-warnings'], 1_000_000);
  if (only) await checkRuleIds(only, ENGINE_ROOT);
  const res = await validatePaths(root, positionals, { now, engineRoot: ENGINE_ROOT, jobs, ...(only ? { only } : {}) });
  if (format === 'json') io.out(JSON.stringify(toJson(res.findings, res.summary, lang), null, 2));
  else io.out(formatText(res.findings, res.summary, lang));
  const code = validateExitCode(res.findings, maxWarnings);
  if (maxWarnings !== undefined && code === 1 && !res.findings.some((f) => !f.suppressed && f.severity === 'error')) {
    const n = res.findings.filter((f) => !f.suppressed && f.severity === 'warning').length;
    io.err(lang === 'zh' ? `警告 ${n} 条，超过 --max-warnings ${maxWarnings}。` : `${n} warnings, more than --max-warnings ${maxWarnings}.`);
  }
  return code;
}

export async function cmdRules(args: string[], io: Io): Promise<number> {
  const lang0 = langOf(args);
  const { values } = parseCommand('rules', args);
  if (values.help) {
    io.out(commandHelp('rules', lang0));
    return 0;
  }
  const lang = langValue(values.lang);
  const format = oneOf('--format', values.format, ['text', 'json'] as const, 'text');
  const { rulesMarkdown, rulesText, collectRules } = await import('./rules.ts');
  const rules = await collectRules(ENGINE_ROOT);
  if (values.write) {
    const file = path.join(ENGINE_ROOT, 'docs', 'rules.md');
    await writeFile(file, rulesMarkdown(rules));
    io.out(lang === 'zh' ? `已写出 ${path.relative(process.cwd(), file)}（${rules.length} 条规则）` : `wrote ${path.relative(process.cwd(), file)} (${rules.length} rules)`);
    return 0;
  }
  if (format === 'json') io.out(JSON.stringify(rules, null, 2));
  else io.out(rulesText(rules, lang));
  return 0;
}

export async function cmdGenTypes(args: string[], io: Io): Promise<number> {
  const lang0 = langOf(args);
  const { values } = parseCommand('gen-types', args);
  if (values.help) {
    io.out(commandHelp('gen-types', lang0));
    return 0;
  }
  const lang = langValue(values.lang);
  const file = path.join(ENGINE_ROOT, 'scripts', 'generated', 'types.ts');
  const { generateTypes } = await import('../core/gen-types.ts');
  const ts = await generateTypes(ENGINE_ROOT);
  await writeFile(file, ts);
  const vfile = path.join(ENGINE_ROOT, 'scripts', 'generated', 'validators.ts');
  const { generateValidators } = await import('../core/gen-validators.ts');
  await writeFile(vfile, generateValidators(ENGINE_ROOT));
  for (const f of [file, vfile]) io.out(lang === 'zh' ? `已生成 ${path.relative(process.cwd(), f)}` : `wrote ${path.relative(process.cwd(), f)}`);
  return 0;
}
