/**
 * 程序报告给用户（而不是以堆栈结束）的错误类别，放在不依赖其他模块的文件里，命令不必为了它们
 * 加载整个检查引擎。
 * The errors the program reports to its user (never as a stack trace), in a module of their own
 * so that a command need not load the whole engine to throw or catch them.
 */

/** A usage error (exit code 2): the Chinese message, and an English one when there is. */
export class UsageError extends Error {
  constructor(
    message: string,
    readonly en?: string,
  ) {
    super(message);
  }
}

/** A git command failed (exit code 2). */
export class GitError extends Error {}

/** A policy module could not be loaded (exit code 2). */
export class PolicyLoadError extends Error {}

/** A file the program keeps in the Git folder (a cache) is damaged; the message says what to remove (exit code 2). */
export class CacheError extends Error {}
