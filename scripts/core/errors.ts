/**
 * 用法错误（退出码 2）。放在一个不依赖其他模块的文件里，命令不必为了它加载整个检查引擎。
 * A usage error (exit code 2). In a module of its own so that a command need not load the whole
 * engine to throw or catch it.
 */
export class UsageError extends Error {}

/** A git command failed (exit code 2). */
export class GitError extends Error {}

/** A policy module could not be loaded (exit code 2). */
export class PolicyLoadError extends Error {}
