/**
 * govmedia 命令行。退出码：0 无问题，1 有检查结果，2 用法错误。任何输入都不打印堆栈。
 * The govmedia CLI. Exit codes: 0 clean, 1 findings, 2 usage error. Never a stack trace.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { langOf, parseArgsError, usageText } from './core/cli-args.ts';
import { CacheError, GitError, PolicyLoadError, UsageError } from './core/errors.ts';
import { ENGINE_ROOT } from './core/paths.ts';
import { importBundledCommand } from './core/runtime.ts';
import { commandHelp, commandSpec, globalHelp, parseCommand, type CommandName, type Handler, type Io } from './commands/table.ts';

/**
 * Each command's code, loaded when it is used (validate need not load Word, Excel or prompts).
 * Kept beside the dispatcher, not in the table, so that the commands (which read their options
 * from the table) and the table do not import each other. Typed by the table: a command without a
 * loader does not compile (and a test checks both list the same commands).
 */
export const LOADERS: Record<CommandName, () => Promise<Handler>> = {
  'new': async () => (await import('./commands/scaffold.ts')).cmdNew,
  'backfill': async () => (await import('./commands/scaffold.ts')).cmdBackfill,
  'change': async () => (await import('./commands/scaffold.ts')).cmdChange,
  'close': async () => (await import('./commands/scaffold.ts')).cmdClose,
  'record': async () => (await import('./commands/scaffold.ts')).cmdRecord,
  'validate': async () => (await import('./commands/validate-cli.ts')).cmdValidate,
  'rules': async () => (await import('./commands/validate-cli.ts')).cmdRules,
  // bundled when compiled (scripts/build.mjs bundleCommands): a few files to load instead of ~50
  'check-pr': async () => ((await importBundledCommand<typeof import('./commands/check-pr.ts')>('check-pr')) ?? (await import('./commands/check-pr.ts'))).cmdCheckPr,
  'check-approvals': async () => (await import('./commands/check-approvals.ts')).cmdCheckApprovals,
  'form': async () => (await import('./commands/form.ts')).cmdForm,
  'history': async () => (await import('./commands/history.ts')).cmdHistory,
  'audit': async () => (await import('./commands/history.ts')).cmdAudit,
  'export': async () => (await import('./commands/export.ts')).cmdExport,
  'site': async () => (await import('./commands/site.ts')).cmdSite,
  'monitor': async () => (await import('./commands/monitor.ts')).cmdMonitor,
  'score': async () => (await import('./commands/score.ts')).cmdScore,
  'reconcile': async () => (await import('./commands/reconcile.ts')).cmdReconcile,
  'import': async () => (await import('./commands/import.ts')).cmdImport,
  'baseline': async () => (await import('./commands/baseline.ts')).cmdBaseline,
  'gen-codeowners': async () => (await import('./commands/gen-codeowners.ts')).cmdGenCodeowners,
  'name-index': async () => (await import('./commands/name-index.ts')).cmdNameIndex,
  'gen-types': async () => (await import('./commands/validate-cli.ts')).cmdGenTypes,
};


/** The version in package.json. */
export function version(): string {
  try {
    return (JSON.parse(readFileSync(path.join(ENGINE_ROOT, 'package.json'), 'utf8')) as { version?: string }).version ?? '0.0.0';
  } catch {
    return '0.0.0';
  }
}

const defaultIo: Io = {
  out: (s) => process.stdout.write(s.endsWith('\n') ? s : s + '\n'),
  err: (s) => process.stderr.write(s.endsWith('\n') ? s : s + '\n'),
};

/** Options before a `--` that ends them. */
function optionArgs(args: readonly string[]): readonly string[] {
  const i = args.indexOf('--');
  return i < 0 ? args : args.slice(0, i);
}

export async function main(argv: string[], io: Io = defaultIo): Promise<number> {
  const lang = langOf(argv);
  const [cmd, ...rest] = argv;
  try {
    if (cmd === '--version' || cmd === '-v' || cmd === 'version') {
      io.out(`govmedia ${version()}`);
      return 0;
    }
    // `govmedia --lang en <command> …`: the language may come first
    if (cmd === '--lang' && rest.length > 1) return await main([...rest.slice(1), '--lang', rest[0]!], io);
    if (cmd?.startsWith('--lang=') && rest.length > 0) return await main([...rest, cmd], io);
    if (!cmd || cmd === '--help' || cmd === '-h' || cmd === 'help' || cmd === '--lang' || cmd.startsWith('--lang=')) {
      io.out(globalHelp(lang, version()));
      return cmd ? 0 : 2;
    }
    const spec = commandSpec(cmd);
    if (!spec) {
      io.err(lang === 'zh' ? `未知命令：${cmd}\n\n${globalHelp(lang, version())}` : `unknown command: ${cmd}\n\n${globalHelp(lang, version())}`);
      return 2;
    }
    const opts = optionArgs(rest);
    // --help and --version are answered from the table and run nothing
    if (opts.includes('--help') || opts.includes('-h')) {
      io.out(commandHelp(cmd, lang));
      return 0;
    }
    if (opts.includes('--version')) {
      io.out(`govmedia ${version()}`);
      return 0;
    }
    // the table is the parser: unknown options, missing values and stray arguments are usage errors
    // here, before the command is loaded (the command reads its typed values with the same parseCommand)
    const name = spec.name as CommandName;
    parseCommand(name, rest);
    return await (await LOADERS[name]())(rest, io);
  } catch (e) {
    const u = e instanceof UsageError ? e : parseArgsError(e);
    if (u) {
      io.err(usageText(u, lang, cmd && commandSpec(cmd) ? cmd : undefined));
      return 2;
    }
    if (e instanceof GitError) {
      io.err(lang === 'zh' ? `Git 操作失败：${e.message}` : `git failed: ${e.message}`);
      return 2;
    }
    if (e instanceof CacheError) {
      io.err(e.message);
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
