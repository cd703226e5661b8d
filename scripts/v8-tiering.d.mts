// 类型声明 / Types of scripts/v8-tiering.mjs (a plain module: the command loads it before tsx or the compiled copy).
/** The interrupt budget the command runs with (V8's default is 67,584). */
export declare const INTERRUPT_BUDGET: number;
/** Commands that keep V8's default: they replay many versions in one hot loop. */
export declare const DEFAULT_TIERING: ReadonlySet<string>;
/** The command of the CLI's arguments: the first one, after a leading `--lang <code>` or `--lang=<code>`. */
export declare function commandOf(args: readonly string[]): string | undefined;
/** The growth of the old generation after a full collection, in percent (100: twice the live size). */
export declare const HEAP_GROWING_PERCENT: number;
/** Set V8's tuning for the CLI's arguments (process.argv.slice(2)); returns the flags it set. */
export declare function tuneForCommand(args: readonly string[]): string[];
