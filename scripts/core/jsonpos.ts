/**
 * 带位置信息的 JSON 解析器。
 * A position-aware JSON parser for the register.
 *
 * - Every problem is reported with a line and column (1-based; columns count UTF-16
 *   code units, as VS Code diagnostics do) and a bilingual (zh / en) description.
 * - The location of any value (or property key) can be found later from its JSON
 *   pointer, so schema errors can point at the offending value.
 * - Never throws, whatever the input; nesting is handled with an explicit stack.
 *
 * Performance notes: the parser scans char codes and stores only offsets. Line/column
 * are computed lazily by binary search over a line-start table that is built the first
 * time a position is needed. Value locations are not recorded while parsing at all:
 * `locate()` re-scans the (small) text along the pointer's path and caches an index of
 * each container it walks through.
 *
 * BOM: offsets always refer to the string as given (a leading U+FEFF is offset 0), but
 * columns on line 1 do not count the BOM, like an editor that hides it.
 */

export interface Pos {
  /** 1-based line number. */
  line: number;
  /** 1-based column, in UTF-16 code units. */
  column: number;
  /** 0-based offset into the text, in UTF-16 code units. */
  offset: number;
}

export type ParseIssueCode =
  | 'bom'
  | 'syntax'
  | 'duplicate-key'
  | 'too-deep'
  | 'empty'
  | 'trailing-content'
  | 'control-char'
  | 'lone-surrogate';

export interface ParseIssue {
  code: ParseIssueCode;
  offset: number;
  line: number;
  column: number;
  detail: { zh: string; en: string };
  /** duplicate-key: the repeated key. */
  key?: string;
  /** duplicate-key: offset of the first occurrence's opening quote. */
  firstOffset?: number;
  /** duplicate-key: line of the first occurrence. */
  firstLine?: number;
}

export interface ParsedJson {
  /** false if any issue of code syntax/control-char/empty/trailing-content/too-deep (value is then undefined). */
  ok: boolean;
  /** The parsed value; for duplicate keys the LAST value wins, like JSON.parse. */
  value: unknown;
  /** All issues, in order of detection. Parsing stops at the first fatal one. */
  issues: ParseIssue[];
  /**
   * Position of the value at `pointer`. If the pointer goes deeper than what exists,
   * the position of the deepest existing ancestor value. `[]` is the root value.
   */
  locate(pointer: ReadonlyArray<string | number>): Pos;
  /** Position of the property KEY (its opening quote) for an object member; otherwise `locate(pointer)`. */
  locateKey(pointer: ReadonlyArray<string | number>): Pos;
  /** Line/column of an offset (clamped to the text). */
  posAt(offset: number): Pos;
}

const DEFAULT_MAX_DEPTH = 64;

// ---------------------------------------------------------------------------
// Char codes
// ---------------------------------------------------------------------------
const C_TAB = 9;
const C_LF = 10;
const C_CR = 13;
const C_SPACE = 32;
const C_QUOTE = 34;
const C_DOLLAR = 36;
const C_APOS = 39;
const C_STAR = 42;
const C_PLUS = 43;
const C_COMMA = 44;
const C_MINUS = 45;
const C_DOT = 46;
const C_SLASH = 47;
const C_0 = 48;
const C_9 = 57;
const C_COLON = 58;
const C_EQUALS = 61;
const C_UPPER_E = 69;
const C_LBRACKET = 91;
const C_BACKSLASH = 92;
const C_RBRACKET = 93;
const C_UNDERSCORE = 95;
const C_LOWER_E = 101;
const C_LBRACE = 123;
const C_RBRACE = 125;
const C_BOM = 0xfeff;

/** Where an unexpected character was met; selects the error message. */
const CTX_VALUE = 0;
const CTX_AFTER_ITEM = 1;
const CTX_AFTER_MEMBER = 2;
const CTX_KEY = 3;
const CTX_COLON = 4;
const CTX_ROOT_END = 5;
type Ctx = 0 | 1 | 2 | 3 | 4 | 5;

function isWs(c: number): boolean {
  return c === C_SPACE || c === C_LF || c === C_CR || c === C_TAB;
}


/** ASCII identifier-ish character: letters, digits, `_`, `$`. */
function isWordChar(c: number): boolean {
  return (
    (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= C_0 && c <= C_9) || c === C_UNDERSCORE || c === C_DOLLAR
  );
}

function hexVal(c: number): number {
  if (c >= C_0 && c <= C_9) return c - C_0;
  if (c >= 97 && c <= 102) return c - 87;
  if (c >= 65 && c <= 70) return c - 55;
  return -1;
}

function hex4(n: number): string {
  const s = n.toString(16).toUpperCase();
  return s.length >= 4 ? s : '0000'.slice(s.length) + s;
}

// ---------------------------------------------------------------------------
// Line index (lazy)
// ---------------------------------------------------------------------------

function buildLineStarts(text: string): number[] {
  const starts = [0];
  const len = text.length;
  for (let i = 0; i < len; i++) {
    const c = text.charCodeAt(i);
    if (c === C_LF) starts.push(i + 1);
    else if (c === C_CR) {
      if (text.charCodeAt(i + 1) === C_LF) i++;
      starts.push(i + 1);
    }
  }
  return starts;
}

class LineIndex {
  private readonly text: string;
  private readonly bom: boolean;
  private starts: number[] | null = null;

  constructor(text: string, bom: boolean) {
    this.text = text;
    this.bom = bom;
  }

  posAt(offset: number): Pos {
    const len = this.text.length;
    let off = typeof offset === 'number' && offset > 0 ? Math.floor(offset) : 0;
    if (off > len) off = len;
    const starts = this.starts ?? (this.starts = buildLineStarts(this.text));
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >>> 1;
      if ((starts[mid] as number) <= off) lo = mid;
      else hi = mid - 1;
    }
    let column = off - (starts[lo] as number) + 1;
    if (lo === 0 && this.bom && off > 0) column -= 1;
    return { line: lo + 1, column, offset: off };
  }
}

// ---------------------------------------------------------------------------
// Describing characters in messages
// ---------------------------------------------------------------------------

function isInvisible(cp: number): boolean {
  return (
    cp <= 0x20 ||
    (cp >= 0x7f && cp <= 0xa0) ||
    cp === 0xad ||
    cp === 0x34f ||
    cp === 0x61c ||
    cp === 0x115f ||
    cp === 0x1160 ||
    cp === 0x17b4 ||
    cp === 0x17b5 ||
    cp === 0x180e ||
    (cp >= 0x2000 && cp <= 0x200f) ||
    (cp >= 0x2028 && cp <= 0x202f) ||
    (cp >= 0x205f && cp <= 0x206f) ||
    cp === 0x3000 ||
    cp === 0x3164 ||
    (cp >= 0xd800 && cp <= 0xdfff) ||
    (cp >= 0xfe00 && cp <= 0xfe0f) ||
    cp === 0xfeff ||
    cp === 0xffa0 ||
    (cp >= 0xfff0 && cp <= 0xffff) ||
    (cp >= 0xe0000 && cp <= 0xe0fff)
  );
}

/** `"x"` for visible ASCII, `"，" (U+FF0C)` for other visible chars, `U+00A0` for invisible ones. */
function charName(text: string, pos: number): string {
  const cp = text.codePointAt(pos) ?? 0;
  if (cp > 0x20 && cp < 0x7f) return JSON.stringify(String.fromCharCode(cp));
  const u = 'U+' + hex4(cp);
  if (isInvisible(cp)) return u;
  return `${JSON.stringify(String.fromCodePoint(cp))} (${u})`;
}

/** Full-width / typographic look-alikes of JSON punctuation, common in Chinese text. */
const LOOKALIKES: Record<number, string> = {
  0xff0c: ',',
  0x3001: ',',
  0xff1a: ':',
  0x201c: '"',
  0x201d: '"',
  0xff02: '"',
  0x2018: "'",
  0x2019: "'",
  0xff5b: '{',
  0xff5d: '}',
  0xff3b: '[',
  0xff3d: ']',
  0x3010: '[',
  0x3011: ']',
};

function charHint(c: number): { zh: string; en: string } {
  const ascii = LOOKALIKES[c];
  if (ascii !== undefined) {
    return {
      zh: `（疑似误用了全角/中文标点，应为半角的 ${ascii}）`,
      en: ` (looks like a full-width/typographic character; use ASCII ${ascii})`,
    };
  }
  if (c === 0xa0 || c === 0x3000 || c === C_BOM || (c >= 0x2000 && c <= 0x200b)) {
    return {
      zh: '（JSON 只允许普通空格、制表符和换行作为空白）',
      en: ' (JSON only allows space, tab, CR and LF as whitespace)',
    };
  }
  return { zh: '', en: '' };
}

function controlName(c: number): { zh: string; en: string } {
  switch (c) {
    case 0:
      return { zh: '空字符', en: 'NUL' };
    case C_TAB:
      return { zh: '制表符', en: 'tab' };
    case C_LF:
      return { zh: '换行符', en: 'line feed' };
    case C_CR:
      return { zh: '回车符', en: 'carriage return' };
    default:
      return { zh: '控制字符', en: 'control character' };
  }
}

// ---------------------------------------------------------------------------
// Parser
// ---------------------------------------------------------------------------

/** Thrown internally to abort parsing after a fatal issue has been recorded. */
const STOP: unique symbol = Symbol('jsonpos.stop');

type JsonObject = Record<string, unknown>;

function setProp(obj: JsonObject, key: string, value: unknown): void {
  if (key === '__proto__') {
    Object.defineProperty(obj, key, { value, writable: true, enumerable: true, configurable: true });
  } else {
    obj[key] = value;
  }
}

class Parser {
  readonly text: string;
  readonly len: number;
  readonly lines: LineIndex;
  readonly maxDepth: number;
  readonly issues: ParseIssue[] = [];
  /** Scratch results of scanString / scanNumber. */
  str = '';
  num = 0;

  constructor(text: string, lines: LineIndex, maxDepth: number) {
    this.text = text;
    this.len = text.length;
    this.lines = lines;
    this.maxDepth = maxDepth;
  }

  issue(code: ParseIssueCode, offset: number, zh: string, en: string): ParseIssue {
    const p = this.lines.posAt(offset);
    const it: ParseIssue = { code, offset: p.offset, line: p.line, column: p.column, detail: { zh, en } };
    this.issues.push(it);
    return it;
  }

  fail(code: ParseIssueCode, offset: number, zh: string, en: string): never {
    this.issue(code, offset, zh, en);
    throw STOP;
  }

  /** Parse the root value starting at `start`; returns the value. Throws STOP on fatal issues. */
  parseRoot(start: number): unknown {
    const text = this.text;
    const len = this.len;
    const maxDepth = this.maxDepth;
    const frames: Array<unknown[] | JsonObject> = [];
    const frameIsArr: boolean[] = [];
    const frameKeys: string[] = [];
    const frameStart: number[] = [];
    let depth = 0;
    let pos = start;
    let value: unknown;
    let c: number;

    for (;;) {
      // ---- one value at pos (possibly preceded by whitespace) -------------
      c = text.charCodeAt(pos);
      while (c === C_SPACE || c === C_LF || c === C_CR || c === C_TAB) c = text.charCodeAt(++pos);

      if (c === C_QUOTE) {
        pos = this.scanString(pos);
        value = this.str;
      } else if (c === C_LBRACE) {
        if (depth >= maxDepth) this.tooDeep(pos);
        const open = pos;
        c = text.charCodeAt(++pos);
        while (c === C_SPACE || c === C_LF || c === C_CR || c === C_TAB) c = text.charCodeAt(++pos);
        if (c === C_RBRACE) {
          pos++;
          value = {};
        } else {
          if (c !== C_QUOTE) this.unexpected(pos, CTX_KEY);
          const obj: JsonObject = {};
          pos = this.scanKey(pos, obj, open);
          frameKeys[depth] = this.str;
          c = text.charCodeAt(pos);
          while (c === C_SPACE || c === C_LF || c === C_CR || c === C_TAB) c = text.charCodeAt(++pos);
          if (c !== C_COLON) this.unexpected(pos, CTX_COLON);
          pos++;
          frames[depth] = obj;
          frameIsArr[depth] = false;
          frameStart[depth] = open;
          depth++;
          continue;
        }
      } else if (c === C_LBRACKET) {
        if (depth >= maxDepth) this.tooDeep(pos);
        const open = pos;
        c = text.charCodeAt(++pos);
        while (c === C_SPACE || c === C_LF || c === C_CR || c === C_TAB) c = text.charCodeAt(++pos);
        if (c === C_RBRACKET) {
          pos++;
          value = [];
        } else {
          frames[depth] = [];
          frameIsArr[depth] = true;
          frameStart[depth] = open;
          depth++;
          continue;
        }
      } else if (c === C_MINUS || (c >= C_0 && c <= C_9)) {
        pos = this.scanNumber(pos);
        value = this.num;
      } else if (
        c === 116 &&
        text.charCodeAt(pos + 1) === 114 &&
        text.charCodeAt(pos + 2) === 117 &&
        text.charCodeAt(pos + 3) === 101 &&
        !isWordChar(text.charCodeAt(pos + 4))
      ) {
        pos += 4;
        value = true;
      } else if (
        c === 102 &&
        text.charCodeAt(pos + 1) === 97 &&
        text.charCodeAt(pos + 2) === 108 &&
        text.charCodeAt(pos + 3) === 115 &&
        text.charCodeAt(pos + 4) === 101 &&
        !isWordChar(text.charCodeAt(pos + 5))
      ) {
        pos += 5;
        value = false;
      } else if (
        c === 110 &&
        text.charCodeAt(pos + 1) === 117 &&
        text.charCodeAt(pos + 2) === 108 &&
        text.charCodeAt(pos + 3) === 108 &&
        !isWordChar(text.charCodeAt(pos + 4))
      ) {
        pos += 4;
        value = null;
      } else {
        this.unexpected(pos, CTX_VALUE);
      }

      // ---- a value is complete: attach it and find what comes next --------
      for (;;) {
        c = text.charCodeAt(pos);
        while (c === C_SPACE || c === C_LF || c === C_CR || c === C_TAB) c = text.charCodeAt(++pos);
        if (depth === 0) {
          if (pos < len) this.unexpected(pos, CTX_ROOT_END);
          return value;
        }
        const d = depth - 1;
        const frame = frames[d] as unknown[] | JsonObject;
        if (frameIsArr[d]) {
          (frame as unknown[]).push(value);
          if (c === C_COMMA) {
            const comma = pos;
            c = text.charCodeAt(++pos);
            while (c === C_SPACE || c === C_LF || c === C_CR || c === C_TAB) c = text.charCodeAt(++pos);
            if (c === C_RBRACKET) this.trailingComma(comma);
            break; // parse the next item
          }
          if (c === C_RBRACKET) {
            pos++;
            value = frame;
            depth = d;
            continue;
          }
          this.unexpected(pos, CTX_AFTER_ITEM);
        } else {
          setProp(frame as JsonObject, frameKeys[d] as string, value);
          if (c === C_COMMA) {
            const comma = pos;
            c = text.charCodeAt(++pos);
            while (c === C_SPACE || c === C_LF || c === C_CR || c === C_TAB) c = text.charCodeAt(++pos);
            if (c !== C_QUOTE) {
              if (c === C_RBRACE) this.trailingComma(comma);
              this.unexpected(pos, CTX_KEY);
            }
            pos = this.scanKey(pos, frame as JsonObject, frameStart[d] as number);
            frameKeys[d] = this.str;
            c = text.charCodeAt(pos);
            while (c === C_SPACE || c === C_LF || c === C_CR || c === C_TAB) c = text.charCodeAt(++pos);
            if (c !== C_COLON) this.unexpected(pos, CTX_COLON);
            pos++;
            break; // parse the member's value
          }
          if (c === C_RBRACE) {
            pos++;
            value = frame;
            depth = d;
            continue;
          }
          this.unexpected(pos, CTX_AFTER_MEMBER);
        }
      }
    }
  }

  /** Scan a property name at `start` (a quote), checking for duplicates in `obj`. */
  scanKey(start: number, obj: JsonObject, objStart: number): number {
    const end = this.scanString(start);
    const key = this.str;
    if (Object.hasOwn(obj, key)) this.duplicateKey(start, key, objStart);
    return end;
  }

  /** Scan a string whose opening quote is at `start`; sets `this.str`, returns the offset after it. */
  scanString(start: number): number {
    const text = this.text;
    const len = this.len;
    let i = start + 1;
    while (i < len) {
      const c = text.charCodeAt(i);
      if (c === C_QUOTE) {
        this.str = text.slice(start + 1, i);
        return i + 1;
      }
      if (c === C_BACKSLASH || c < 0x20) return this.scanStringSlow(start, i);
      i++;
    }
    return this.unterminated(start);
  }

  private scanStringSlow(start: number, from: number): number {
    const text = this.text;
    const len = this.len;
    let out = text.slice(start + 1, from);
    let seg = from;
    let i = from;
    while (i < len) {
      const c = text.charCodeAt(i);
      if (c === C_QUOTE) {
        this.str = seg === i ? out : out + text.slice(seg, i);
        return i + 1;
      }
      if (c === C_BACKSLASH) {
        if (seg < i) out += text.slice(seg, i);
        const esc = i;
        const e = text.charCodeAt(i + 1);
        switch (e) {
          case C_QUOTE:
            out += '"';
            i += 2;
            break;
          case C_BACKSLASH:
            out += '\\';
            i += 2;
            break;
          case C_SLASH:
            out += '/';
            i += 2;
            break;
          case 98: // b
            out += '\b';
            i += 2;
            break;
          case 102: // f
            out += '\f';
            i += 2;
            break;
          case 110: // n
            out += '\n';
            i += 2;
            break;
          case 114: // r
            out += '\r';
            i += 2;
            break;
          case 116: // t
            out += '\t';
            i += 2;
            break;
          case 117: {
            // u
            const cu = this.hex4At(i + 2, esc, start);
            i += 6;
            if (cu >= 0xd800 && cu <= 0xdbff) {
              // Try to pair with a following \uDC00-\uDFFF escape.
              if (text.charCodeAt(i) === C_BACKSLASH && text.charCodeAt(i + 1) === 117) {
                const lo = this.hex4At(i + 2, i, start);
                if (lo >= 0xdc00 && lo <= 0xdfff) {
                  out += String.fromCharCode(cu, lo);
                  i += 6;
                  break;
                }
              }
              this.loneSurrogate(esc, cu);
            } else if (cu >= 0xdc00 && cu <= 0xdfff) {
              this.loneSurrogate(esc, cu);
            }
            out += String.fromCharCode(cu);
            break;
          }
          default:
            if (i + 1 >= len) this.unterminated(start);
            this.badEscape(esc);
        }
        seg = i;
        continue;
      }
      if (c < 0x20) this.controlChar(i, c);
      i++;
    }
    return this.unterminated(start);
  }

  /** Value of the 4 hex digits at `i` (part of the escape at `esc`); fails on bad digits. */
  private hex4At(i: number, esc: number, strStart: number): number {
    const text = this.text;
    let v = 0;
    for (let k = 0; k < 4; k++) {
      if (i + k >= this.len) this.unterminated(strStart);
      const h = hexVal(text.charCodeAt(i + k));
      if (h < 0) {
        const shown = text.slice(esc, Math.min(esc + 6, this.len)).replace(/[\u0000-\u001f]/g, '');
        this.fail(
          'syntax',
          esc,
          `无效的 Unicode 转义序列 ${shown}（\\u 之后必须是 4 位十六进制数字）`,
          `invalid Unicode escape ${shown} (\\u must be followed by 4 hex digits)`,
        );
      }
      v = (v << 4) | h;
    }
    return v;
  }

  /** Scan a number at `start`; sets `this.num`, returns the offset after it. */
  scanNumber(start: number): number {
    const text = this.text;
    let i = start;
    let c = text.charCodeAt(i);
    let neg = false;
    if (c === C_MINUS) {
      neg = true;
      c = text.charCodeAt(++i);
      if (!(c >= C_0 && c <= C_9)) {
        if (text.startsWith('Infinity', i)) {
          this.fail('syntax', start, 'JSON 不支持 -Infinity', '-Infinity is not allowed in JSON');
        }
        this.badNumber(i, '负号 - 之后必须是数字', "'-' must be followed by a digit");
      }
    }
    let acc = 0;
    let simple = true;
    const intStart = i;
    if (c === C_0) {
      c = text.charCodeAt(++i);
      if (c >= C_0 && c <= C_9) this.badNumber(intStart, '不允许前导零', 'leading zeros are not allowed');
      if (c === 120 || c === 88) this.badNumber(start, '不允许十六进制数字', 'hexadecimal numbers are not allowed');
    } else {
      do {
        acc = acc * 10 + (c - C_0);
        c = text.charCodeAt(++i);
      } while (c >= C_0 && c <= C_9);
      if (i - intStart > 15) simple = false;
    }
    if (c === C_DOT) {
      simple = false;
      c = text.charCodeAt(++i);
      if (!(c >= C_0 && c <= C_9)) this.badNumber(i, '小数点之后必须有数字', "'.' must be followed by a digit");
      do c = text.charCodeAt(++i);
      while (c >= C_0 && c <= C_9);
    }
    if (c === C_LOWER_E || c === C_UPPER_E) {
      simple = false;
      c = text.charCodeAt(++i);
      if (c === C_PLUS || c === C_MINUS) c = text.charCodeAt(++i);
      if (!(c >= C_0 && c <= C_9)) {
        this.badNumber(i, '指数部分（e 之后）必须有数字', 'the exponent must contain at least one digit');
      }
      do c = text.charCodeAt(++i);
      while (c >= C_0 && c <= C_9);
    }
    if (isWordChar(c) || c === C_DOT) {
      this.badNumber(i, `数字之后出现了意外的字符 ${charName(text, i)}`, `unexpected character ${charName(text, i)} in number`);
    }
    this.num = simple ? (neg ? -acc : acc) : Number(text.slice(start, i));
    return i;
  }

  // ---- issue helpers -------------------------------------------------------

  private badNumber(offset: number, zh: string, en: string): never {
    this.fail('syntax', offset, `数字格式不正确：${zh}`, `invalid number: ${en}`);
  }

  private unterminated(strStart: number): never {
    this.fail('syntax', strStart, '字符串未结束（缺少右引号）', 'unterminated string (missing closing quote)');
  }

  private badEscape(esc: number): never {
    const e = this.text.charCodeAt(esc + 1);
    if (e > 0x20 && e < 0x7f) {
      const ch = String.fromCharCode(e);
      this.fail(
        'syntax',
        esc,
        `无效的转义序列 \\${ch}（只允许 \\" \\\\ \\/ \\b \\f \\n \\r \\t \\uXXXX）`,
        `invalid escape sequence \\${ch} (only \\" \\\\ \\/ \\b \\f \\n \\r \\t \\uXXXX are allowed)`,
      );
    }
    const name = charName(this.text, esc + 1);
    this.fail(
      'syntax',
      esc,
      `无效的转义序列：反斜杠 \\ 之后出现了 ${name}`,
      `invalid escape sequence: backslash followed by ${name}`,
    );
  }

  private controlChar(offset: number, c: number): never {
    const u = 'U+' + hex4(c);
    const n = controlName(c);
    let zhHint = '';
    let enHint = '';
    if (c === C_LF || c === C_CR) {
      zhHint = '；如需换行请写成 \\n，或检查是否缺少右引号';
      enHint = '; write \\n for a line break, or check for a missing closing quote';
    } else if (c === C_TAB) {
      zhHint = '；请写成 \\t';
      enHint = '; write \\t instead';
    }
    this.fail(
      'control-char',
      offset,
      `字符串中不允许出现未转义的控制字符 ${u}（${n.zh}）${zhHint}`,
      `unescaped control character ${u} (${n.en}) is not allowed in a string${enHint}`,
    );
  }

  private loneSurrogate(esc: number, cu: number): void {
    const u = '\\u' + hex4(cu);
    const high = cu < 0xdc00;
    this.issue(
      'lone-surrogate',
      esc,
      high
        ? `转义序列 ${u} 是孤立的高位代理项（后面缺少 \\uDC00-\\uDFFF 低位代理项），不是有效的 Unicode 字符`
        : `转义序列 ${u} 是孤立的低位代理项（前面缺少 \\uD800-\\uDBFF 高位代理项），不是有效的 Unicode 字符`,
      high
        ? `escape ${u} is a lone high surrogate (not followed by a \\uDC00-\\uDFFF low surrogate)`
        : `escape ${u} is a lone low surrogate (not preceded by a \\uD800-\\uDBFF high surrogate)`,
    );
  }

  private duplicateKey(keyOffset: number, key: string, objStart: number): void {
    let first = -1;
    forEachMember(this.text, objStart, (k, ko) => {
      if (k === key) {
        first = ko;
        return true;
      }
      return false;
    });
    if (first < 0 || first >= keyOffset) first = keyOffset; // cannot happen for valid prefixes; be safe
    const firstLine = this.lines.posAt(first).line;
    const shown = JSON.stringify(key);
    const it = this.issue(
      'duplicate-key',
      keyOffset,
      `键 ${shown} 重复出现（第 ${firstLine} 行已定义）`,
      `duplicate key ${shown} (first defined on line ${firstLine})`,
    );
    it.key = key;
    it.firstOffset = first;
    it.firstLine = firstLine;
  }

  private tooDeep(offset: number): never {
    this.fail(
      'too-deep',
      offset,
      `嵌套层级过深：超过了允许的最大深度 ${this.maxDepth} 层`,
      `nesting too deep: exceeds the maximum depth of ${this.maxDepth}`,
    );
  }

  private trailingComma(comma: number): never {
    this.fail(
      'syntax',
      comma,
      '不允许尾随逗号（最后一个元素之后不能有逗号）',
      'trailing commas are not allowed',
    );
  }

  /** Report an unexpected character (or end of input) at `pos`, choosing the message by context. */
  unexpected(pos: number, ctx: Ctx): never {
    const text = this.text;
    if (pos >= this.len) {
      this.fail('syntax', this.len, '意外的文件结尾（JSON 被截断）', 'unexpected end of input (the JSON is truncated)');
    }
    const c = text.charCodeAt(pos);
    const code: ParseIssueCode = ctx === CTX_ROOT_END ? 'trailing-content' : 'syntax';
    const name = charName(text, pos);
    const hint = charHint(c);

    if (c === C_SLASH) {
      const n = text.charCodeAt(pos + 1);
      if (n === C_SLASH || n === C_STAR) {
        if (ctx === CTX_ROOT_END) {
          this.fail(code, pos, 'JSON 根值之后出现了多余的内容：不允许注释', 'unexpected content after the root value: comments are not allowed');
        }
        this.fail(code, pos, '不允许注释', 'comments are not allowed in JSON');
      }
    }

    switch (ctx) {
      case CTX_ROOT_END: {
        const extra =
          c === C_COMMA || c === C_LBRACE || c === C_LBRACKET || c === C_QUOTE
            ? { zh: '（一个 JSON 文件只能有一个根值）', en: ' (a JSON file can only hold one root value)' }
            : hint;
        this.fail(
          code,
          pos,
          `JSON 根值之后出现了多余的内容：意外的字符 ${name}${extra.zh}`,
          `unexpected content after the root value: ${name}${extra.en}`,
        );
      }
      // falls through (unreachable: fail() never returns)
      case CTX_VALUE:
        this.unexpectedValue(pos, c, name, hint);
      // falls through
      case CTX_KEY:
        if (c === C_APOS) {
          this.fail(code, pos, '属性名必须用双引号括起来，不能用单引号', 'property names must use double quotes, not single quotes');
        }
        if (isWordChar(c) || (c > 0x7f && !isInvisible(c) && LOOKALIKES[c] === undefined)) {
          this.fail(code, pos, '属性名必须用双引号括起来', 'property names must be enclosed in double quotes');
        }
        this.fail(
          code,
          pos,
          `此处应为属性名（用双引号括起来的字符串），却出现了意外的字符 ${name}${hint.zh}`,
          `expected a property name in double quotes but found ${name}${hint.en}`,
        );
      // falls through
      case CTX_COLON:
        if (c === C_EQUALS) {
          this.fail(code, pos, '属性名之后缺少冒号 :（应使用冒号而不是 =）', "expected ':' after property name (use ':' not '=')");
        }
        this.fail(
          code,
          pos,
          `属性名之后缺少冒号 :，却出现了意外的字符 ${name}${hint.zh}`,
          `expected ':' after property name but found ${name}${hint.en}`,
        );
      // falls through
      case CTX_AFTER_ITEM:
        if (c === C_RBRACE) {
          this.fail(
            code,
            pos,
            '括号不匹配：此处应为逗号或右方括号 ]，却出现了右花括号 }',
            "mismatched brackets: expected ',' or ']' but found '}'",
          );
        }
        if (startsValue(c)) this.fail(code, pos, '此处缺少逗号或右方括号 ]', "expected ',' or ']'");
        this.fail(
          code,
          pos,
          `此处缺少逗号或右方括号 ]，却出现了意外的字符 ${name}${hint.zh}`,
          `expected ',' or ']' but found ${name}${hint.en}`,
        );
      // falls through
      case CTX_AFTER_MEMBER:
        if (c === C_RBRACKET) {
          this.fail(
            code,
            pos,
            '括号不匹配：此处应为逗号或右花括号 }，却出现了右方括号 ]',
            "mismatched brackets: expected ',' or '}' but found ']'",
          );
        }
        if (startsValue(c)) this.fail(code, pos, '此处缺少逗号或右花括号 }', "expected ',' or '}'");
        this.fail(
          code,
          pos,
          `此处缺少逗号或右花括号 }，却出现了意外的字符 ${name}${hint.zh}`,
          `expected ',' or '}' but found ${name}${hint.en}`,
        );
    }
  }

  private unexpectedValue(pos: number, c: number, name: string, hint: { zh: string; en: string }): never {
    const text = this.text;
    if (c === C_RBRACKET || c === C_RBRACE || c === C_COMMA || c === C_COLON) {
      this.fail('syntax', pos, `此处缺少值（出现了 ${name}）`, `expected a value but found ${name}`);
    }
    if (c === C_APOS) {
      this.fail('syntax', pos, '字符串必须用双引号括起来，不能用单引号', 'strings must use double quotes, not single quotes');
    }
    if (c === C_PLUS) {
      this.badNumber(pos, 'JSON 数字前不允许有正号 +', "a leading '+' is not allowed");
    }
    if (c === C_DOT) {
      this.badNumber(pos, '小数点之前必须有数字（如 0.5）', "a digit is required before '.' (e.g. 0.5)");
    }
    if (isWordChar(c)) {
      let end = pos;
      while (end < this.len && isWordChar(text.charCodeAt(end))) end++;
      const word = end - pos > 40 ? text.slice(pos, pos + 40) + '…' : text.slice(pos, end);
      if (end >= this.len && ('true'.startsWith(word) || 'false'.startsWith(word) || 'null'.startsWith(word))) {
        this.fail('syntax', this.len, '意外的文件结尾（JSON 被截断）', 'unexpected end of input (the JSON is truncated)');
      }
      if (word === 'NaN' || word === 'Infinity') {
        this.fail('syntax', pos, `JSON 不支持 ${word}`, `${word} is not allowed in JSON`);
      }
      const lower = word.toLowerCase();
      if (
        lower.startsWith('true') ||
        lower.startsWith('false') ||
        lower.startsWith('null') ||
        lower === 'none' ||
        lower === 'undefined' ||
        lower === 'nil' ||
        nearLiteral(lower)
      ) {
        this.fail(
          'syntax',
          pos,
          `无效的字面量 ${word}：JSON 只允许小写的 true、false、null`,
          `invalid literal ${word}: JSON only allows lowercase true, false and null`,
        );
      }
      this.fail(
        'syntax',
        pos,
        `无效的值 ${word}：字符串必须用双引号括起来`,
        `invalid value ${word}: strings must be enclosed in double quotes`,
      );
    }
    this.fail(
      'syntax',
      pos,
      `此处应为 JSON 值，却出现了意外的字符 ${name}${hint.zh}`,
      `expected a JSON value but found ${name}${hint.en}`,
    );
  }
}

/** Edit distance (Levenshtein) between short strings; used only on error paths. */
function editDistance(a: string, b: string): number {
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    for (let j = 1; j <= b.length; j++) {
      const sub = (prev[j - 1] as number) + (a[i - 1] === b[j - 1] ? 0 : 1);
      cur.push(Math.min(sub, (prev[j] as number) + 1, (cur[j - 1] as number) + 1));
    }
    prev = cur;
  }
  return prev[b.length] as number;
}

/** A misspelt true/false/null, e.g. "tru", "ture", "nul", "flase". */
function nearLiteral(word: string): boolean {
  if (word.length < 2 || word.length > 7) return false;
  return editDistance(word, 'true') <= 2 || editDistance(word, 'false') <= 2 || editDistance(word, 'null') <= 2;
}

function startsValue(c: number): boolean {
  return (
    c === C_QUOTE ||
    c === C_LBRACE ||
    c === C_LBRACKET ||
    c === C_MINUS ||
    (c >= C_0 && c <= C_9) ||
    c === 116 ||
    c === 102 ||
    c === 110
  );
}

// ---------------------------------------------------------------------------
// Tolerant re-scanning (for locate() and duplicate-key lookups)
// ---------------------------------------------------------------------------

function skipWsAt(text: string, i: number): number {
  while (isWs(text.charCodeAt(i))) i++;
  return i;
}

/** `i` at an opening quote; returns the offset after the closing quote (or the text length). */
function skipStringLoose(text: string, i: number): number {
  const len = text.length;
  i++;
  while (i < len) {
    const c = text.charCodeAt(i);
    if (c === C_QUOTE) return i + 1;
    i += c === C_BACKSLASH ? 2 : 1;
  }
  return len;
}

function decodeStringLoose(raw: string): string {
  if (raw.indexOf('\\') < 0) return raw.slice(1, raw.length - 1);
  try {
    const v: unknown = JSON.parse(raw);
    if (typeof v === 'string') return v;
  } catch {
    // fall through
  }
  return raw.slice(1, raw.length - 1);
}

/** Skip one value (any kind) without validating it; returns the offset after it. */
function skipValueLoose(text: string, i: number): number {
  const len = text.length;
  const c = text.charCodeAt(i);
  if (c === C_QUOTE) return skipStringLoose(text, i);
  if (c === C_LBRACE || c === C_LBRACKET) {
    let depth = 0;
    while (i < len) {
      const d = text.charCodeAt(i);
      if (d === C_QUOTE) {
        i = skipStringLoose(text, i);
        continue;
      }
      if (d === C_LBRACE || d === C_LBRACKET) depth++;
      else if (d === C_RBRACE || d === C_RBRACKET) {
        depth--;
        if (depth === 0) return i + 1;
      }
      i++;
    }
    return len;
  }
  while (i < len) {
    const d = text.charCodeAt(i);
    if (d === C_COMMA || d === C_RBRACE || d === C_RBRACKET || isWs(d)) break;
    i++;
  }
  return i;
}

/** Walk the members of the object at `objOff`; stops when `cb` returns true or at anything unexpected. */
function forEachMember(
  text: string,
  objOff: number,
  cb: (key: string, keyOff: number, valueOff: number) => boolean,
): void {
  let i = objOff + 1;
  for (;;) {
    i = skipWsAt(text, i);
    if (text.charCodeAt(i) !== C_QUOTE) return;
    const keyOff = i;
    const keyEnd = skipStringLoose(text, i);
    const key = decodeStringLoose(text.slice(keyOff, keyEnd));
    i = skipWsAt(text, keyEnd);
    if (text.charCodeAt(i) !== C_COLON) return;
    i = skipWsAt(text, i + 1);
    if (cb(key, keyOff, i)) return;
    i = skipWsAt(text, skipValueLoose(text, i));
    if (text.charCodeAt(i) !== C_COMMA) return;
    i++;
  }
}

/**
 * Lazily built index of one container: items/members are discovered only as far as a
 * lookup needs, so walking a deep path costs O(path), not O(subtree) per level.
 */
interface ContainerIndex {
  arr: boolean;
  /** Arrays: value offsets of the items found so far. */
  items: number[];
  /** Objects: members found so far (key offset and value offset). */
  members: Map<string, { key: number; value: number }>;
  /** Offset of the last value found (-1 before the first). */
  last: number;
  done: boolean;
}

const INDEX_RE = /^(?:0|[1-9][0-9]*)$/;

class Locator {
  private readonly text: string;
  private readonly root: number;
  /** With duplicate keys the LAST member wins, so objects must be indexed completely. */
  private readonly hasDuplicates: boolean;
  private readonly cache = new Map<number, ContainerIndex | null>();

  constructor(text: string, root: number, hasDuplicates: boolean) {
    this.text = text;
    this.root = root;
    this.hasDuplicates = hasDuplicates;
  }

  private index(off: number): ContainerIndex | null {
    let idx = this.cache.get(off);
    if (idx !== undefined) return idx;
    const c = this.text.charCodeAt(off);
    idx =
      c === C_LBRACKET || c === C_LBRACE
        ? { arr: c === C_LBRACKET, items: [], members: new Map(), last: -1, done: false }
        : null;
    this.cache.set(off, idx);
    return idx;
  }

  /** Discover the next item/member of the container at `off`. */
  private advance(off: number, idx: ContainerIndex): void {
    const text = this.text;
    let i: number;
    if (idx.last < 0) {
      i = skipWsAt(text, off + 1);
    } else {
      i = skipWsAt(text, skipValueLoose(text, idx.last));
      if (text.charCodeAt(i) !== C_COMMA) {
        idx.done = true;
        return;
      }
      i = skipWsAt(text, i + 1);
    }
    if (idx.arr) {
      if (i >= text.length || text.charCodeAt(i) === C_RBRACKET) {
        idx.done = true;
        return;
      }
      idx.items.push(i);
      idx.last = i;
      return;
    }
    if (text.charCodeAt(i) !== C_QUOTE) {
      idx.done = true;
      return;
    }
    const keyEnd = skipStringLoose(text, i);
    const key = decodeStringLoose(text.slice(i, keyEnd));
    const colon = skipWsAt(text, keyEnd);
    if (text.charCodeAt(colon) !== C_COLON) {
      idx.done = true;
      return;
    }
    const v = skipWsAt(text, colon + 1);
    idx.members.set(key, { key: i, value: v }); // a later duplicate overwrites: last wins, like the value
    idx.last = v;
  }

  private item(off: number, idx: ContainerIndex, n: number): number | undefined {
    while (idx.items.length <= n && !idx.done) this.advance(off, idx);
    return idx.items[n];
  }

  private member(off: number, idx: ContainerIndex, key: string): { key: number; value: number } | undefined {
    if (this.hasDuplicates) {
      while (!idx.done) this.advance(off, idx);
      return idx.members.get(key);
    }
    for (;;) {
      const m = idx.members.get(key);
      if (m !== undefined || idx.done) return m;
      this.advance(off, idx);
    }
  }

  /** Follow `pointer` as far as it exists. */
  resolve(pointer: ReadonlyArray<string | number>): { value: number; key: number; complete: boolean } {
    let cur = this.root;
    let key = -1;
    if (!Array.isArray(pointer)) return { value: cur, key, complete: pointer == null };
    for (let s = 0; s < pointer.length; s++) {
      const seg: unknown = pointer[s];
      const idx = this.index(cur);
      if (idx === null) return { value: cur, key: -1, complete: false };
      if (idx.arr) {
        let n = -1;
        if (typeof seg === 'number') n = Number.isInteger(seg) ? seg : -1;
        else if (typeof seg === 'string' && INDEX_RE.test(seg)) n = Number(seg);
        const item = n >= 0 ? this.item(cur, idx, n) : undefined;
        if (item === undefined) return { value: cur, key: -1, complete: false };
        cur = item;
        key = -1;
      } else {
        const m = this.member(cur, idx, String(seg));
        if (m === undefined) return { value: cur, key: -1, complete: false };
        cur = m.value;
        key = m.key;
      }
    }
    return { value: cur, key, complete: true };
  }
}

// ---------------------------------------------------------------------------
// Public entry point
// ---------------------------------------------------------------------------

/**
 * Parse JSON text, collecting located, bilingual issues. Never throws.
 * @param opts.maxDepth maximum nesting of arrays/objects (default 64; the root container is depth 1).
 */
export function parseJson(text: string, opts?: { maxDepth?: number }): ParsedJson {
  const src = typeof text === 'string' ? text : '';
  const md = opts?.maxDepth;
  const maxDepth = typeof md === 'number' && md >= 0 ? Math.floor(md) : DEFAULT_MAX_DEPTH;
  const hasBom = src.charCodeAt(0) === C_BOM;
  const lines = new LineIndex(src, hasBom);
  const parser = new Parser(src, lines, maxDepth);
  const start = hasBom ? 1 : 0;
  const root = skipWsAt(src, start);
  let ok = true;
  let value: unknown;

  try {
    if (hasBom) {
      parser.issue('bom', 0, '文件以 BOM（字节顺序标记）开头', 'file starts with a byte-order mark');
    }
    if (root >= src.length) {
      parser.issue('empty', start, '文件为空（没有任何 JSON 内容）', 'file is empty (no JSON content)');
      ok = false;
    } else {
      value = parser.parseRoot(root);
    }
  } catch (e) {
    ok = false;
    value = undefined;
    if (e !== STOP) {
      // Defensive: an internal failure (e.g. out of memory) must still not escape.
      const msg = e instanceof Error ? e.message : String(e);
      parser.issues.push({
        code: 'syntax',
        offset: 0,
        line: 1,
        column: 1,
        detail: { zh: `解析器内部错误：${msg}`, en: `internal parser error: ${msg}` },
      });
    }
  }

  const issues = parser.issues;
  let locator: Locator | undefined;
  const getLocator = (): Locator =>
    (locator ??= new Locator(src, root, issues.some((i) => i.code === 'duplicate-key')));
  const posAt = (offset: number): Pos => {
    try {
      return lines.posAt(offset);
    } catch {
      return { line: 1, column: 1, offset: 0 };
    }
  };

  return {
    ok,
    value: ok ? value : undefined,
    issues,
    locate(pointer: ReadonlyArray<string | number>): Pos {
      try {
        return lines.posAt(getLocator().resolve(pointer).value);
      } catch {
        return posAt(root);
      }
    },
    locateKey(pointer: ReadonlyArray<string | number>): Pos {
      try {
        const r = getLocator().resolve(pointer);
        return lines.posAt(r.complete && r.key >= 0 ? r.key : r.value);
      } catch {
        return posAt(root);
      }
    },
    posAt,
  };
}
