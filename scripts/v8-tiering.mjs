// 命令行进程的 V8 调校：常用函数交给优化编译器（TurboFan）之前，先在基线代码中多运行一会儿（预算为默认的 8 倍）。
// 命令行进程只活几秒，按网页的长时间运行调校的默认值会让优化编译线程在 2 核机器上与检查线程、读取线程争用 CPU。
// history 和 audit 除外：它们在一个循环里逐个回放成百上千个版本，早些优化这个循环更快。
// V8 tuning for a command's process: V8 waits longer before handing a function to its optimising
// compiler (TurboFan): 8 times the default interrupt budget. A command lives a few seconds, and the
// default, tuned for long-running pages, keeps compile threads busy beside the checking and reading
// threads on 2 cores. Measured in paired runs on 2 cores (farm-bench): validate of 10,000 accounts
// 0.89x wall and 0.81x CPU (12 pairs), peak memory 121 vs 132 MiB; validate of 100,000 accounts, of
// the sample register, and a one-account check-pr of 100,000 unchanged within noise.
// Not for history and audit, which replay hundreds or thousands of versions in one loop that gains
// from being optimised early: with the budget, history of an account with 220 versions took 230 ms
// in-process against 185 ms (the benchmark), the CLI 1.07x on a small history (10 pairs).
// The budget is read each time a function's counter is reset, so setting it before the engine is
// loaded applies to all of the engine's code (and its reading thread: V8's flags are per process).
// Used by the command (scripts/govmedia.mjs) and by the benchmark's in-process child
// (scripts/bench/child.mjs), which times the engine as the command runs it; the engine's modules
// never set it (a program that loads them, such as the tests, keeps its own settings).
import v8 from 'node:v8';

/** The interrupt budget the command runs with (V8's default is 67,584). */
export const INTERRUPT_BUDGET = 540672;

/** Commands that keep V8's default: they replay many versions in one hot loop. */
export const DEFAULT_TIERING = new Set(['history', 'audit']);

/** The command of the CLI's arguments: the first one, after a leading `--lang <code>` or `--lang=<code>` (scripts/cli.ts main). */
export function commandOf(args) {
  for (let i = 0; i < args.length; i++) {
    if (args[i] === '--lang') i++;
    else if (!String(args[i]).startsWith('--lang=')) return args[i];
  }
  return undefined;
}

/**
 * Set the tiering for the CLI's arguments `args` (process.argv.slice(2)): the later budget, except
 * for the commands in DEFAULT_TIERING, or when Node's own command line gives an interrupt budget
 * (that one is kept). Returns whether it set the budget.
 */
export function tuneForCommand(args) {
  if (DEFAULT_TIERING.has(commandOf(args))) return false;
  // as Node's command line takes it: --interrupt-budget=N or --interrupt_budget=N
  if (process.execArgv.some((a) => /^--interrupt[-_]budget(=|$)/.test(a))) return false;
  v8.setFlagsFromString(`--interrupt-budget=${INTERRUPT_BUDGET}`);
  return true;
}
