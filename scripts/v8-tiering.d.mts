// 类型声明 / Types of scripts/v8-tiering.mjs (a plain module: the command loads it before tsx or the compiled copy).
/** The interrupt budget the command runs with (V8's default is 67,584). */
export declare const INTERRUPT_BUDGET: number;
/** Set the command's tiering, unless Node's own command line gives an interrupt budget (that one is kept). */
export declare function tuneForCommand(): void;
