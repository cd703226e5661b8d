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
import { langOf, langValue, usageText, UsageError } from '../core/cli-args.ts';

export interface Io {
  out(s: string): void;
  err(s: string): void;
}

export interface CommonValues {
  lang: Lang;
  now: string;
  root: string;
}

export function commonValues(values: { lang?: unknown; now?: unknown; root?: unknown }): CommonValues {
  const lang = langValue(values.lang);
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
  io.err(usageText(e, lang));
  return 2;
}

export function describeFsError(e: unknown, target: string): string {
  const code = (e as NodeJS.ErrnoException)?.code;
  const why = code === 'EACCES' || code === 'EPERM' ? '没有写入权限' : code === 'ENOENT' ? '目录不存在' : code === 'EISDIR' ? '这是一个文件夹' : code === 'ENOTDIR' ? '路径中有一段不是文件夹' : code === 'EEXIST' ? '已存在同名文件' : (e as Error)?.message ?? String(e);
  return `无法写入 ${target}：${why}`;
}

export { langOf, UsageError };
