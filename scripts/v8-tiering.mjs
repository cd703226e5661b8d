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

// 老生代每次完整回收后按固定倍数（2 倍）增长，而不是按 V8 运行中测得的回收速度与程序速度之比（1.1–4 倍）来定：
// 后者在繁忙的机器上忽高忽低，10 万个账号的 validate 有时在结束前多做一次完整回收，峰值内存就从约 240 MB
// 跳到约 330 MB。固定为 2 倍后峰值稳定（同一时段交替运行各 12 次：默认 2 次超过 250 MB，其中一次 330 MB；
// 固定 2 倍 12 次都在 241–247 MB），耗时不变（用户态 CPU 中位数 7.36 s 对 7.67 s）。history、audit 同样保留默认值。
// The old generation grows by a fixed factor (2) after each full collection, instead of the factor
// V8 derives from the collector's and the program's measured speeds (1.1 to 4), which swings on a
// busy machine: validate of 100,000 accounts sometimes ran one more full collection just before it
// ended, and its peak memory jumped from ~240 MB to ~330 MB. Fixed at 2 the peak is steady: in
// alternating runs, 12 each, the default went over 250 MB twice (once 330 MB), the fixed factor
// stayed at 241-247 MB every time, in the same CPU time (user median 7.36 s vs 7.67 s).
// history and audit keep V8's default here too.
/** The growth of the old generation after a full collection, in percent (100: twice the live size). */
export const HEAP_GROWING_PERCENT = 100;

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

/** Whether Node's own command line sets the V8 flag `name` (either spelling: dashes or underscores). */
function givenOnCommandLine(name) {
  const pattern = new RegExp(`^--${name.replace(/[-_]/g, '[-_]')}(=|$)`);
  return process.execArgv.some((a) => pattern.test(a));
}

/**
 * Set V8's tuning for the CLI's arguments `args` (process.argv.slice(2)): the later budget and the
 * fixed heap growth, except for the commands in DEFAULT_TIERING; a flag that Node's own command line
 * gives is kept. Returns the flags it set.
 */
export function tuneForCommand(args) {
  if (DEFAULT_TIERING.has(commandOf(args))) return [];
  const set = [];
  if (!givenOnCommandLine('interrupt-budget')) set.push(`--interrupt-budget=${INTERRUPT_BUDGET}`);
  if (!givenOnCommandLine('heap-growing-percent')) set.push(`--heap-growing-percent=${HEAP_GROWING_PERCENT}`);
  for (const flag of set) v8.setFlagsFromString(flag);
  return set;
}
