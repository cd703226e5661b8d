/**
 * 快速路径：绝大多数文件是正确的 JSON，先用内置的 JSON.parse 解析，再用一次只数“键”的扫描
 * 检查是否有重复键；只有出错、有重复键或可疑转义时，才使用带位置的完整解析器。位置信息
 * 在需要报告问题时才计算。
 * Fast path: JSON.parse plus a key-counting scan to detect duplicate keys; the position-aware
 * parser runs only when something is wrong, and positions are computed lazily.
 */
import { parseJson, type ParsedJson, type Pos } from './jsonpos.ts';

/**
 * Keys in the raw text, counted natively: when the text has no escaped quote and no whitespace
 * between a key and its colon, every `":` is exactly a key's end, so the count is exact.
 * Returns -1 when that shortcut does not hold (the caller then takes the slow path).
 */
const SPACE_COLON = /"\s+:/;
function countKeysNative(text: string): number {
  if (text.includes('\\"') || SPACE_COLON.test(text)) return -1;
  let n = 0;
  for (let i = text.indexOf('":'); i !== -1; i = text.indexOf('":', i + 2)) n++;
  return n;
}

/**
 * Keys of the parsed value, or -1 when it nests deeper than `max`. With `strings`, every string
 * value (up to 256 characters) is replaced by an equal one seen recently (in this file or an earlier one of the same
 * load, see StringTable): a register repeats unit names, positions, dates, event types and platforms in every
 * account, and JSON.parse makes a new string for each, which is most of a kept account's memory.
 */
function countParsedKeys(v: unknown, max: number, strings: StringTable | undefined, depth = 1): number {
  if (depth > max) return -1;
  let k = 0;
  if (Array.isArray(v)) {
    for (let i = 0; i < v.length; i++) {
      const x: unknown = v[i];
      if (typeof x === 'string') {
        if (strings) v[i] = strings.intern(x);
      } else if (x !== null && typeof x === 'object') {
        const n = countParsedKeys(x, max, strings, depth + 1);
        if (n < 0) return -1;
        k += n;
      }
    }
    return k;
  }
  const o = v as Record<string, unknown>;
  for (const key in o) {
    k++;
    const x = o[key];
    if (typeof x === 'string') {
      if (strings) o[key] = strings.intern(x);
    } else if (x !== null && typeof x === 'object') {
      const n = countParsedKeys(x, max, strings, depth + 1);
      if (n < 0) return -1;
      k += n;
    }
  }
  return k;
}

/**
 * Equal strings shared: a direct-mapped table of recent strings (4,096 slots, a slot chosen from
 * the length and three characters). A Map of every string would share a few more but costs more
 * than the parse itself (measured on 30,000 synthetic accounts: JSON.parse and the walk 3.3 s
 * without sharing, 6.7-7.5 s with a Map, 2.8-3.0 s with this table, which keeps 1.60 KB of
 * parsed data per file against 2.12 KB unshared and 1.45 KB with a Map).
 */
export class StringTable {
  private readonly slots: string[] = new Array<string>(4096).fill('');
  intern(s: string): string {
    const n = s.length;
    // longer strings (whole paragraphs) are rarely repeated; a unit's opening reason often is
    if (n > 256 || n === 0) return s;
    let h = n * 31 + s.charCodeAt(0);
    h = h * 31 + s.charCodeAt(n - 1);
    h = h * 31 + s.charCodeAt(n >> 1);
    h = (h ^ (h >>> 11)) & 4095;
    const t = this.slots[h]!;
    if (t === s) return t;
    this.slots[h] = s;
    return s;
  }
}

/** A file read again when a position is needed (register.ts: the source file, by its path). */
export interface Rereadable {
  readonly text: string;
}

const NO_ISSUES: never[] = [];

/**
 * Positions parsed on demand, for the few files that have a finding. The positional parse is
 * not kept with the file (it holds the text, a line index and a second copy of the value): the
 * most recent ones are kept in a small table, so the findings of one file, which come together,
 * parse it once, and a register's memory does not grow with its findings.
 */
const RECENT_MAX = 64;
const recent = new Map<LazyPositions, ParsedJson>();

/**
 * A parse that took the fast path: the value, and positions parsed from the text when first asked
 * for. `ok` and `issues` are the same for every such parse, so they live on the prototype, not in
 * each object (a register keeps one per file). A subclass says where the text comes from again
 * (register.ts's file object is its own fast parse: one object per file instead of two).
 */
export abstract class LazyPositions implements ParsedJson {
  get ok(): true {
    return true;
  }
  get issues(): ParsedJson['issues'] {
    return NO_ISSUES;
  }
  abstract readonly value: unknown;
  /** The text the value was parsed from, to parse positions from. */
  protected abstract positionText(): string;
  /** The depth limit the value was parsed with (undefined: the parser's default). */
  protected positionDepth(): number | undefined {
    return undefined;
  }
  private full(): ParsedJson {
    let f = recent.get(this);
    if (f) return f;
    const depth = this.positionDepth();
    f = parseJson(this.positionText(), depth === undefined ? undefined : { maxDepth: depth });
    if (recent.size >= RECENT_MAX) recent.delete(recent.keys().next().value!);
    recent.set(this, f);
    return f;
  }
  locate(p: ReadonlyArray<string | number>): Pos {
    return this.full().locate(p);
  }
  locateKey(p: ReadonlyArray<string | number>): Pos {
    return this.full().locateKey(p);
  }
  posAt(o: number): Pos {
    return this.full().posAt(o);
  }
}

class FastParsed extends LazyPositions {
  constructor(
    readonly value: unknown,
    private readonly from: string | Rereadable | (() => string),
    private readonly maxDepth: number | undefined,
  ) {
    super();
  }
  protected positionText(): string {
    return typeof this.from === 'string' ? this.from : typeof this.from === 'function' ? this.from() : this.from.text;
  }
  protected override positionDepth(): number | undefined {
    return this.maxDepth;
  }
}

const SUSPECT_ESCAPE = /\\u[dD][89a-fA-F]/;

/**
 * What the fast path needs to know of the text before JSON.parse: `slow` when it must take the
 * positional parser at once (a BOM, an escaped surrogate, `__proto__`), else the keys of the
 * text counted natively (-1 when that count is not exact). The read-ahead thread runs it on each
 * text it reads (scripts/read-ahead-worker.mjs) so the main thread need not scan the text.
 */
export interface ParseHint {
  slow: boolean;
  keys: number;
  /** Set by the read-ahead thread when it found no U+FFFD and no NUL in the text (register.ts need not look again). */
  plain?: true;
}

export function parseHint(text: string): ParseHint {
  if (text.charCodeAt(0) === 0xfeff || SUSPECT_ESCAPE.test(text) || text.includes('__proto__')) return { slow: true, keys: -1 };
  return { slow: false, keys: countKeysNative(text) };
}

/**
 * @param reload  when given, the fast result does not keep `text`: positions (needed only to
 *                report a finding) re-read it (a function, or an object whose `text` reads the
 *                file again, like register.ts's source files). This keeps memory flat for large registers.
 * @param opts.strings  a table shared by the files of one load: equal string values share one string.
 * @param hint    parseHint(text), when it was computed already (by the read-ahead thread).
 */
export function parseJsonFast(text: string, opts?: { maxDepth?: number; strings?: StringTable }, reload?: (() => string) | Rereadable, hint: ParseHint = parseHint(text)): ParsedJson {
  const value = fastValue(text, opts, hint);
  if (value === NEEDS_FULL_PARSE) return parseJson(text, opts?.maxDepth === undefined ? undefined : { maxDepth: opts.maxDepth });
  return new FastParsed(value, reload ?? text, opts?.maxDepth);
}

/** What fastValue returns when the text must go through the positional parser (parseJson). */
export const NEEDS_FULL_PARSE: unique symbol = Symbol('jsonfast.needs-full-parse');

/**
 * The fast path alone: the parsed value (an object or array) when the text is plain JSON whose
 * keys are all distinct, else NEEDS_FULL_PARSE. parseJsonFast wraps it; register.ts's file object
 * holds the value itself (a LazyPositions) and takes parseJson's result only for the others.
 */
export function fastValue(text: string, opts?: { maxDepth?: number; strings?: StringTable }, hint: ParseHint = parseHint(text)): unknown {
  if (hint.slow) return NEEDS_FULL_PARSE;
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return NEEDS_FULL_PARSE;
  }
  if (value === null || typeof value !== 'object') return NEEDS_FULL_PARSE;
  if (hint.keys < 0 || hint.keys !== countParsedKeys(value, opts?.maxDepth ?? 64, opts?.strings)) return NEEDS_FULL_PARSE;
  return value;
}
