// 类型声明 / Types of scripts/v8-tiering.mjs (a plain module: the command loads it before tsx or the compiled copy).
/** The interrupt budget the command runs with (V8's default is 67,584). */
export declare const INTERRUPT_BUDGET: number;
/** Commands that keep V8's default: they replay many versions in one hot loop. */
export declare const DEFAULT_TIERING: ReadonlySet<string>;
/** The command of the CLI's arguments: the first one, after a leading `--lang <code>` or `--lang=<code>`. */
export declare function commandOf(args: readonly string[]): string | undefined;
/** Set the tiering for the CLI's arguments (process.argv.slice(2)); returns whether it set the budget. */
export declare function tuneForCommand(args: readonly string[]): boolean;
