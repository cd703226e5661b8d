/**
 * govmedia 命令行。退出码：0 无问题，1 有检查结果，2 用法错误。任何输入都不打印堆栈。
 * The govmedia CLI. Exit codes: 0 clean, 1 findings, 2 usage error. Never a stack trace.
 */
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { parseArgs, type ParseArgsConfig } from 'node:util';
import type { Lang } from './core/finding.ts';
import { langOf, langValue, oneOf, parseArgsError, usageText } from './core/cli-args.ts';
import { GitError, PolicyLoadError, UsageError } from './core/errors.ts';
import { defaultDataRoot, ENGINE_ROOT } from './core/paths.ts';

type Cmd = (args: string[], io: Io) => Promise<number>;

/** Commands are loaded when used: `validate` need not load Word, Excel or prompt libraries. */
const LAZY: Record<string, () => Promise<Cmd>> = {
  new: async () => (await import('./commands/scaffold.ts')).cmdNew,
  backfill: async () => (await import('./commands/scaffold.ts')).cmdBackfill,
  change: async () => (await import('./commands/scaffold.ts')).cmdChange,
  close: async () => (await import('./commands/scaffold.ts')).cmdClose,
  'check-pr': async () => (await import('./commands/check-pr.ts')).cmdCheckPr,
  'check-approvals': async () => (await import('./commands/check-approvals.ts')).cmdCheckApprovals,
  'gen-codeowners': async () => (await import('./commands/gen-codeowners.ts')).cmdGenCodeowners,
  history: async () => (await import('./commands/history.ts')).cmdHistory,
  audit: async () => (await import('./commands/history.ts')).cmdAudit,
  export: async () => (await import('./commands/export.ts')).cmdExport,
  site: async () => (await import('./commands/site.ts')).cmdSite,
  form: async () => (await import('./commands/form.ts')).cmdForm,
  monitor: async () => (await import('./commands/monitor.ts')).cmdMonitor,
  score: async () => (await import('./commands/score.ts')).cmdScore,
  reconcile: async () => (await import('./commands/reconcile.ts')).cmdReconcile,
  baseline: async () => (await import('./commands/baseline.ts')).cmdBaseline,
  import: async () => (await import('./commands/import.ts')).cmdImport,
};

export const COMMANDS: Record<string, { zh: string; en: string }> = {
  new: { zh: '开设备案：新建账号文件（逐项提问，或用参数加 --yes）', en: 'open an account: write a new account file (interactive, or flags with --yes)' },
  backfill: { zh: '补录备案：登记已开通但未备案的账号', en: 'back-fill an account that exists but was never filed' },
  change: { zh: '变更备案（名称、认证主体、主办单位）或信息报备（人员、电话）', en: 'key change filing, or staff/phone report' },
  close: { zh: '关停备案', en: 'closure filing' },
  validate: { zh: '检查登记簿（默认检查本库自带的样例登记簿）', en: 'check the register (default: the sample register in this repository)' },
  rules: { zh: '列出全部规则及其依据，并可写出 docs/rules.md', en: 'list every rule with its citation; --write updates docs/rules.md' },
  'check-pr': { zh: '检查一个合并请求（用基准分支的规则判断其改动，给出审批要求和期限）', en: 'check a pull request with the base branch\'s rules; approvals and deadlines' },
  form: { zh: '填写并输出备案表（自贡附件1—3、六安备案登记表、其他地方通用备案表），HTML 或 Word', en: 'fill in the filing form of a filing (HTML or .docx) to print, sign and seal' },
  history: { zh: '账号的备案档案：来自 Git 历史的每一次修改（跟随迁移）', en: "an account's case file: every change from Git history, following moves" },
  audit: { zh: '回放主分支历史，按当时有效的办法检查每个提交，列出违规提交', en: 'replay main and list every commit that broke a rule in force at its date' },
  export: { zh: '按全国政务新媒体信息报送系统字段导出登记簿（CSV/XLSX/JSON；--public 为不含个人信息的公开版）', en: "export the register in the national reporting system's fields (csv/xlsx/json; --public: no personal data)" },
  site: { zh: '生成政务新媒体备案公示网站（只含公开信息）', en: 'build the public registry site (public data only)' },
  monitor: { zh: '合规监测：按日期列出逾期和即将到期的事项（按主管单位分组）', en: 'compliance monitor: what is overdue or due soon on a date, by supervising office' },
  score: { zh: '考核评分：按指标目录为账号和单位打分、分类排名', en: 'inspection scoring: accounts and units, ranked per class' },
  reconcile: { zh: '与全国政务新媒体信息报送系统的导出核对', en: 'reconcile the register with the national reporting system export' },
  import: { zh: '导入存量账号：读取报送系统导出或任意表格，写出单位和补录的账号文件', en: "import a city's existing accounts from the national export or any sheet" },
  baseline: { zh: '接入基线：把接入时已有的问题记为整改清单，不再阻断检查', en: 'adoption baseline: record the findings present on adoption as the rectification list' },
  'check-approvals': { zh: '核对合并请求的审批是否齐全（本单位、主管单位、维护者）', en: 'check that a pull request carries the approvals it needs' },
  'gen-codeowners': { zh: '由登记簿中的审核人生成 .github/CODEOWNERS（--check 检查是否过期）', en: 'generate .github/CODEOWNERS from the reviewers in the register (--check: fail if stale)' },
  'gen-types': { zh: '由 schemas/ 重新生成 TypeScript 类型和预编译的校验函数', en: 'regenerate TypeScript types and precompiled validators from schemas/' },
};

function usage(lang: Lang): string {
  const lines =
    lang === 'zh'
      ? ['用法：govmedia <命令> [选项]', '', '命令：']
      : ['Usage: govmedia <command> [options]', '', 'Commands:'];
  for (const [name, d] of Object.entries(COMMANDS)) lines.push(`  ${name.padEnd(16)} ${d[lang]}`);
  lines.push(
    '',
    lang === 'zh' ? '通用选项：' : 'Common options:',
    lang === 'zh' ? '  --lang zh|en      输出语言（默认中文）' : '  --lang zh|en      output language (default zh)',
    lang === 'zh' ? '  --format text|json  输出格式（默认 text）' : '  --format text|json  output format (default text)',
    lang === 'zh' ? '  --now YYYY-MM-DD  以该日期为“今天”判断（用于测试和回放）' : '  --now YYYY-MM-DD  judge as of that date (tests, replays)',
    lang === 'zh' ? '  --root <目录>     登记簿所在目录（默认当前目录）' : '  --root <dir>      folder holding accounts/ (default: current folder)',
  );
  return lines.join('\n');
}

const COMMON = {
  lang: { type: 'string' },
  format: { type: 'string' },
  now: { type: 'string' },
  root: { type: 'string' },
  help: { type: 'boolean', short: 'h' },
} as const satisfies NonNullable<ParseArgsConfig['options']>;

interface Io {
  out: (s: string) => void;
  err: (s: string) => void;
}

const defaultIo: Io = {
  out: (s) => process.stdout.write(s.endsWith('\n') ? s : s + '\n'),
  err: (s) => process.stderr.write(s.endsWith('\n') ? s : s + '\n'),
};

export async function main(argv: string[], io: Io = defaultIo): Promise<number> {
  const lang = langOf(argv);
  const [cmd, ...rest] = argv;
  try {
    if (!cmd || cmd === '--help' || cmd === '-h' || cmd === 'help') {
      io.out(usage(lang));
      return cmd ? 0 : 2;
    }
    switch (cmd) {
      case 'validate':
        return await cmdValidate(rest, lang, io);
      case 'rules':
        return await cmdRules(rest, lang, io);
      case 'gen-types':
        return await cmdGenTypes(rest, lang, io);
      default: {
        const load = LAZY[cmd];
        if (load) return await (await load())(rest, io);
        io.err(lang === 'zh' ? `未知命令：${cmd}\n\n${usage(lang)}` : `unknown command: ${cmd}\n\n${usage(lang)}`);
        return 2;
      }
    }
  } catch (e) {
    const u = e instanceof UsageError ? e : parseArgsError(e);
    if (u) {
      io.err(usageText(u, lang));
      return 2;
    }
    if (e instanceof GitError) {
      io.err(lang === 'zh' ? `Git 操作失败：${e.message}` : `git failed: ${e.message}`);
      return 2;
    }
    if (e instanceof PolicyLoadError) {
      io.err(lang === 'zh' ? `管理办法模块加载失败：${e.message}` : `could not load a policy module: ${e.message}`);
      return 2;
    }
    io.err(lang === 'zh' ? `内部错误：${(e as Error)?.message ?? String(e)}\n请把这条信息报告给本库维护者。` : `internal error: ${(e as Error)?.message ?? String(e)}\nPlease report this to the maintainers.`);
    if (process.env.GOVMEDIA_DEBUG) io.err(String((e as Error)?.stack));
    return 2;
  }
}

export interface Common {
  lang: Lang;
  format: 'text' | 'json';
  now: string;
  root: string;
}

export async function commonOptions(values: Record<string, unknown>, formats: readonly string[] = ['text', 'json']): Promise<Common> {
  const { isValidDate, todayShanghai } = await import('./calendar/workdays.ts');
  const lang = langValue(values.lang);
  const format = oneOf('--format', values.format, formats, 'text');
  const now = values.now ?? todayShanghai();
  if (typeof now !== 'string' || !isValidDate(now)) throw new UsageError(`--now 须为有效日期 YYYY-MM-DD（收到 ${String(now)}）`);
  const root = typeof values.root === 'string' ? path.resolve(values.root) : defaultDataRoot();
  return { lang, format: format as 'text' | 'json', now, root };
}

async function cmdValidate(args: string[], lang: Lang, io: Io): Promise<number> {
  const { values, positionals } = parseArgs({ args, options: { ...COMMON, rule: { type: 'string', multiple: true }, jobs: { type: 'string' } }, allowPositionals: true, strict: true });
  if (values.help) {
    io.out(lang === 'zh' ? 'govmedia validate [路径...] [--lang zh|en] [--format text|json] [--now 日期] [--root 目录] [--rule 规则编号] [--jobs 线程数|auto]' : 'govmedia validate [paths...] [--lang zh|en] [--format text|json] [--now date] [--root dir] [--rule id] [--jobs n|auto]');
    return 0;
  }
  const c = await commonOptions(values);
  const { exitCodeFor, validatePaths } = await import('./commands/validate.ts');
  const { defaultJobs } = await import('./core/parallel.ts');
  const { formatText, toJson } = await import('./report/text.ts');
  const only = values.rule && values.rule.length ? new Set(values.rule) : undefined;
  // a large register (4,000 files and more) is judged in several threads, one per core up to 4,
  // the main thread taking a share (docs/benchmarks.md); --jobs 1 keeps one thread
  const jobs = values.jobs === undefined || values.jobs === 'auto' ? defaultJobs() : Number(values.jobs);
  if (!Number.isInteger(jobs) || jobs < 1 || jobs > 64) throw new UsageError(`--jobs 须为 1 到 64 的整数（收到 ${String(values.jobs)}）`);
  const res = await validatePaths(c.root, positionals, { now: c.now, engineRoot: ENGINE_ROOT, jobs, ...(only ? { only } : {}) });
  if (c.format === 'json') io.out(JSON.stringify(toJson(res.findings, res.summary, c.lang), null, 2));
  else io.out(formatText(res.findings, res.summary, c.lang));
  return exitCodeFor(res.findings);
}

async function cmdRules(args: string[], lang: Lang, io: Io): Promise<number> {
  const { values } = parseArgs({ args, options: { ...COMMON, write: { type: 'boolean' } }, allowPositionals: false, strict: true });
  const c = await commonOptions(values);
  const { rulesMarkdown, rulesText, collectRules } = await import('./commands/rules.ts');
  const rules = await collectRules(ENGINE_ROOT);
  if (values.write) {
    const file = path.join(ENGINE_ROOT, 'docs', 'rules.md');
    await writeFile(file, rulesMarkdown(rules));
    io.out(c.lang === 'zh' ? `已写出 ${path.relative(process.cwd(), file)}（${rules.length} 条规则）` : `wrote ${path.relative(process.cwd(), file)} (${rules.length} rules)`);
    return 0;
  }
  if (c.format === 'json') io.out(JSON.stringify(rules, null, 2));
  else io.out(rulesText(rules, c.lang));
  return 0;
}

async function cmdGenTypes(args: string[], lang: Lang, io: Io): Promise<number> {
  const { values } = parseArgs({ args, options: COMMON, allowPositionals: false, strict: true });
  await commonOptions(values);
  const file = path.join(ENGINE_ROOT, 'scripts', 'generated', 'types.ts');
  const { generateTypes } = await import('./core/gen-types.ts');
  const ts = await generateTypes(ENGINE_ROOT);
  await writeFile(file, ts);
  const vfile = path.join(ENGINE_ROOT, 'scripts', 'generated', 'validators.ts');
  const { generateValidators } = await import('./core/gen-validators.ts');
  await writeFile(vfile, generateValidators(ENGINE_ROOT));
  for (const f of [file, vfile]) io.out(lang === 'zh' ? `已生成 ${path.relative(process.cwd(), f)}` : `wrote ${path.relative(process.cwd(), f)}`);
  return 0;
}
