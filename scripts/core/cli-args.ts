/**
 * 各命令共用的参数处理：先取出 --lang（这样连参数错误都能用所选语言报告），检查 --lang、--format
 * 等取值，把 node:util parseArgs 的错误译成中文（附英文）。取值不对一律是用法错误（退出码 2）。
 * What every command shares in reading its arguments: --lang read first (so that even an
 * argument error is reported in that language), checks of --lang and --format values, and
 * node:util parseArgs errors worded in Chinese and English. A bad value is a usage error (exit 2).
 */
import type { Lang } from './finding.ts';
import { UsageError } from './errors.ts';

export { UsageError };

/** The language asked for, read before parsing; anything but `en` is Chinese. */
export function langOf(args: readonly string[]): Lang {
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    if (a === '--lang') return args[i + 1] === 'en' ? 'en' : 'zh';
    if (a.startsWith('--lang=')) return a.slice('--lang='.length) === 'en' ? 'en' : 'zh';
  }
  return 'zh';
}

/** The value of --lang (default zh); anything else is a usage error. */
export function langValue(v: unknown): Lang {
  if (v === undefined || v === 'zh') return 'zh';
  if (v === 'en') return 'en';
  throw new UsageError(`--lang 只能是 zh 或 en（收到 ${String(v)}）`, `--lang must be zh or en (got ${String(v)})`);
}

/** The value of an option limited to a few words (e.g. --format), or its default. */
export function oneOf<T extends string>(option: string, v: unknown, allowed: readonly T[], dflt: T): T {
  if (v === undefined) return dflt;
  if (typeof v === 'string' && (allowed as readonly string[]).includes(v)) return v as T;
  throw new UsageError(`${option} 只能是 ${allowed.join('、')}（收到 ${String(v)}）`, `${option} must be one of ${allowed.join(', ')} (got ${String(v)})`);
}

/** A parseArgs error as a usage error in both languages, or undefined for any other error. */
export function parseArgsError(e: unknown): UsageError | undefined {
  const code = (e as { code?: unknown })?.code;
  if (typeof code !== 'string' || !code.startsWith('ERR_PARSE_ARGS')) return undefined;
  const msg = (e as Error)?.message ?? '';
  const opt = /'(-{1,2}[^' ]+)/.exec(msg)?.[1] ?? '';
  switch (code) {
    case 'ERR_PARSE_ARGS_UNKNOWN_OPTION':
      return new UsageError(`未知选项 ${opt}（unknown option ${opt}）`, `unknown option ${opt}`);
    case 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE':
      return /does not take/.test(msg)
        ? new UsageError(`选项 ${opt} 不带值（${opt} takes no value）`, `option ${opt} takes no value`)
        : new UsageError(`选项 ${opt} 需要一个值（${opt} needs a value）`, `option ${opt} needs a value`);
    case 'ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL': {
      const arg = /'([^']*)'/.exec(msg)?.[1] ?? '';
      return new UsageError(`多余的参数：${arg}（unexpected argument）`, `unexpected argument: ${arg}`);
    }
    default:
      return new UsageError(`参数有误：${msg}`, `bad arguments: ${msg}`);
  }
}

/** A usage error's message in the language asked for. */
export function usageMessage(e: Error, lang: Lang): string {
  if (e instanceof UsageError && e.en !== undefined) return lang === 'en' ? e.en : e.message;
  // older messages carry both languages as "中文\nEnglish"
  const [zh, ...en] = e.message.split('\n');
  return lang === 'zh' || en.length === 0 ? (zh ?? e.message) : en.join('\n');
}

/** How the CLI reports a usage error: the message and where to find the usage. */
export function usageText(e: Error, lang: Lang, command?: string): string {
  const cmd = command ? `govmedia ${command} --help` : 'govmedia --help';
  return lang === 'zh' ? `用法错误：${usageMessage(e, lang)}\n运行 ${cmd} 查看用法。` : `usage error: ${usageMessage(e, lang)}\nRun ${cmd}.`;
}
