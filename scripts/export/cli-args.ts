/**
 * export 与 site 命令共用的参数解析：未知选项和错误取值一律是用法错误（退出码 2，中文说明，无堆栈）。
 * Argument parsing shared by the export and site commands: unknown options and bad values are
 * usage errors (exit 2, a Chinese message, never a stack trace).
 */
import { existsSync, statSync } from 'node:fs';
import path from 'node:path';
import { isValidDate, todayShanghai } from '../calendar/workdays.ts';
import type { Lang } from '../core/finding.ts';
import { defaultDataRoot } from '../core/paths.ts';
import { UsageError } from '../commands/validate.ts';

export interface Io {
  out(s: string): void;
  err(s: string): void;
}

/** The language asked for, read before parsing so even a parse error is reported in it. */
export function langOf(args: readonly string[]): Lang {
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    if (a === '--lang') return args[i + 1] === 'en' ? 'en' : 'zh';
    if (a.startsWith('--lang=')) return a.slice(7) === 'en' ? 'en' : 'zh';
  }
  return 'zh';
}

export interface CommonValues {
  lang: Lang;
  now: string;
  root: string;
}

/** Run node:util parseArgs, turning its errors into usage errors worded in Chinese. */
export function parsed<T>(run: () => T): T {
  try {
    return run();
  } catch (e) {
    throw new UsageError(parseArgsMessage(e));
  }
}

/** A Chinese (and English) wording of node:util parseArgs errors. */
function parseArgsMessage(e: unknown): string {
  const code = (e as { code?: string })?.code ?? '';
  const msg = (e as Error)?.message ?? String(e);
  const opt = /'(-{1,2}[^' ]+)/.exec(msg)?.[1] ?? '';
  switch (code) {
    case 'ERR_PARSE_ARGS_UNKNOWN_OPTION':
      return `未知选项 ${opt}（unknown option ${opt}）`;
    case 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE':
      return `选项 ${opt} 的取值不正确（bad value for ${opt}）`;
    case 'ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL':
      return `多余的参数：${/'([^']*)'/.exec(msg)?.[1] ?? ''}（unexpected argument）`;
    default:
      return msg;
  }
}

export function commonValues(values: { lang?: unknown; now?: unknown; root?: unknown }): CommonValues {
  const lang = values.lang ?? 'zh';
  if (lang !== 'zh' && lang !== 'en') throw new UsageError(`--lang 只能是 zh 或 en（收到 ${String(lang)}）`);
  const now = values.now ?? todayShanghai();
  if (typeof now !== 'string' || !isValidDate(now)) throw new UsageError(`--now 须为有效日期 YYYY-MM-DD（收到 ${String(now)}）`);
  let root: string;
  if (typeof values.root === 'string') {
    root = path.resolve(values.root);
    if (!existsSync(root) || !statSync(root).isDirectory()) throw new UsageError(`--root 目录不存在：${values.root}`);
    if (!existsSync(path.join(root, 'accounts'))) throw new UsageError(`--root 目录中没有 accounts/ 文件夹：${values.root}`);
  } else root = defaultDataRoot();
  return { lang, now, root };
}

/** Report a usage error the way the CLI does; returns exit code 2. */
export function usageFailure(e: unknown, lang: Lang, io: Io): number | undefined {
  if (!(e instanceof UsageError)) return undefined;
  io.err(lang === 'zh' ? `用法错误：${e.message}\n运行 govmedia --help 查看用法。` : `usage error: ${e.message}\nRun govmedia --help.`);
  return 2;
}

export function describeFsError(e: unknown, target: string): string {
  const code = (e as NodeJS.ErrnoException)?.code;
  const why = code === 'EACCES' || code === 'EPERM' ? '没有写入权限' : code === 'ENOENT' ? '目录不存在' : code === 'EISDIR' ? '这是一个文件夹' : code === 'ENOTDIR' ? '路径中有一段不是文件夹' : code === 'EEXIST' ? '已存在同名文件' : (e as Error)?.message ?? String(e);
  return `无法写入 ${target}：${why}`;
}

export { UsageError };
