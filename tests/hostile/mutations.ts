/**
 * 对合法账号文件做随机结构变异（供 fast-check 的性质测试使用）。
 * Structural mutations of a valid account file for the property-based test: each mutation
 * is plain data (so fast-check can print and shrink it) applied to the file's text.
 */
import fc from 'fast-check';
import { parseJson } from '../../scripts/core/jsonpos.ts';
import { getAt, pointersOf, setAt, type JsonValue, type Pointer } from './files.ts';

export type JsonType = 'number' | 'string' | 'boolean' | 'null' | 'array' | 'object';

export type Mutation =
  /** Delete an object member (chosen by `pick` ∈ [0,1) among all members). */
  | { op: 'delete-key'; pick: number }
  /** Give a value another JSON type. */
  | { op: 'retype'; pick: number; to: JsonType }
  /** Insert a string into a string value at a relative position. */
  | { op: 'insert-unicode'; pick: number; at: number; s: string }
  /** Replace a string value by another string. */
  | { op: 'replace-string'; pick: number; s: string }
  /** Swap two events. */
  | { op: 'swap-events'; i: number; j: number }
  /** Repeat an object member in the raw text (a duplicate key). */
  | { op: 'duplicate-key'; pick: number }
  /** Cut the file's bytes before its last closing brace. */
  | { op: 'truncate'; frac: number };

export interface Mutated {
  /** The new file content. */
  data: Buffer;
  /** True when the result cannot be a valid register file (the validator must say so). */
  mustFail: boolean;
  /** What was done, for failure messages. */
  what: string;
}

const ROOT_REQUIRED = new Set(['$schema', 'id', 'name', 'platform', 'hostUnit', 'certifiedEntity', 'operatingUnit', 'operatingMode', 'contentType', 'team', 'events']);

function typeOf(v: JsonValue): JsonType {
  return v === null ? 'null' : Array.isArray(v) ? 'array' : (typeof v as JsonType);
}

function valueOfType(t: JsonType, from: JsonValue): JsonValue {
  switch (t) {
    case 'number':
      return typeof from === 'string' ? from.length + 0.5 : 7.5;
    case 'string':
      return JSON.stringify(from) ?? 'x';
    case 'boolean':
      return true;
    case 'null':
      return null;
    case 'array':
      return [from];
    case 'object':
      return { value: from };
  }
}

function at<T>(xs: readonly T[], pick: number): T | undefined {
  return xs.length ? xs[Math.min(xs.length - 1, Math.floor(pick * xs.length))] : undefined;
}

export function applyMutation(text: string, m: Mutation): Mutated {
  const doc = JSON.parse(text) as JsonValue;
  const all = pointersOf(doc);
  const pretty = (v: JsonValue): Buffer => Buffer.from(JSON.stringify(v, null, 2) + '\n');
  switch (m.op) {
    case 'delete-key': {
      const members = all.filter((x) => typeof x.pointer[x.pointer.length - 1] === 'string');
      const t = at(members, m.pick);
      if (!t) return { data: Buffer.from(text), mustFail: false, what: 'nothing to delete' };
      setAt(doc, t.pointer, undefined);
      return { data: pretty(doc), mustFail: t.pointer.length === 1 && ROOT_REQUIRED.has(String(t.pointer[0])), what: `delete ${t.pointer.join('.')}` };
    }
    case 'retype': {
      const t = at(all, m.pick);
      if (!t) return { data: Buffer.from(text), mustFail: false, what: 'nothing to retype' };
      const from = typeOf(t.value);
      // integers and numbers are both "number" in JSON; a fraction is never a valid integer
      const to: JsonType = m.to === from ? (from === 'string' ? 'number' : 'string') : m.to;
      setAt(doc, t.pointer, valueOfType(to, t.value));
      return { data: pretty(doc), mustFail: true, what: `retype ${t.pointer.join('.')} from ${from} to ${to}` };
    }
    case 'insert-unicode':
    case 'replace-string': {
      const strings = all.filter((x) => typeof x.value === 'string');
      const t = at(strings, m.pick);
      if (!t) return { data: Buffer.from(text), mustFail: false, what: 'no string' };
      const v = t.value as string;
      const nv = m.op === 'replace-string' ? m.s : v.slice(0, Math.floor(m.at * (v.length + 1))) + m.s + v.slice(Math.floor(m.at * (v.length + 1)));
      setAt(doc, t.pointer, nv);
      return { data: pretty(doc), mustFail: false, what: `${m.op} ${t.pointer.join('.')} → ${JSON.stringify(nv)}` };
    }
    case 'swap-events': {
      const evs = getAt(doc, ['events']);
      if (!Array.isArray(evs) || evs.length < 2) return { data: Buffer.from(text), mustFail: false, what: 'too few events' };
      const i = m.i % evs.length;
      const j = m.j % evs.length;
      [evs[i], evs[j]] = [evs[j] as JsonValue, evs[i] as JsonValue];
      return { data: pretty(doc), mustFail: false, what: `swap events ${i} and ${j}` };
    }
    case 'duplicate-key': {
      const members = all.filter((x) => typeof x.pointer[x.pointer.length - 1] === 'string');
      const t = at(members, m.pick);
      if (!t) return { data: Buffer.from(text), mustFail: false, what: 'no member' };
      const parsed = parseJson(text);
      const key = parsed.locateKey(t.pointer as Pointer);
      const lineStart = text.lastIndexOf('\n', key.offset - 1) + 1;
      const member = `${JSON.stringify(String(t.pointer[t.pointer.length - 1]))}: ${JSON.stringify(t.value)}, `;
      return { data: Buffer.from(text.slice(0, key.offset) + member + text.slice(key.offset)), mustFail: true, what: `duplicate ${t.pointer.join('.')} on line ${text.slice(0, lineStart).split('\n').length}` };
    }
    case 'truncate': {
      const buf = Buffer.from(text);
      const last = buf.lastIndexOf('}'.charCodeAt(0));
      const cut = Math.min(last - 1, Math.floor(m.frac * last));
      return { data: buf.subarray(0, Math.max(0, cut)), mustFail: true, what: `truncate at byte ${cut}` };
    }
  }
}

/** Strings that tend to break things, mixed with arbitrary Unicode. */
const nasty = fc.constantFrom('\u202E', '\u200B', '"', '\\', '\n', '\u0000', '\uD800', '\uDFFF', '𝐀', '}', '{"a":1}', '\u2028', 'A'.repeat(3000), '密码：Zg123456', '../../etc', '', ' ', '\uFEFF', 'ｚｇ', '${x}', '%s%n');

/**
 * Any code point but a surrogate, each as likely as under fc.string's 'binary' unit (the same
 * fc.nat over the same 1,112,064 choices, mapped the same way). fc.string({ unit: 'binary' })
 * itself, when first called in a process, builds a reverse table of all those code points (to
 * find which of its stock "dangerous" words it can splice in: at most six code points here, so
 * only words like "call" or "name", nothing to a JSON string value): ~2 s of CPU for nothing.
 */
const codePoint = fc.nat({ max: 0x10ffff - 0x800 }).map((n) => String.fromCodePoint(n < 0xd800 ? n : n + 0x800));

export const mutationArb: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({ op: fc.constant('delete-key' as const), pick: fc.double({ min: 0, max: 1, maxExcluded: true, noNaN: true }) }),
  fc.record({ op: fc.constant('retype' as const), pick: fc.double({ min: 0, max: 1, maxExcluded: true, noNaN: true }), to: fc.constantFrom<JsonType>('number', 'string', 'boolean', 'null', 'array', 'object') }),
  fc.record({ op: fc.constant('insert-unicode' as const), pick: fc.double({ min: 0, max: 1, maxExcluded: true, noNaN: true }), at: fc.double({ min: 0, max: 1, noNaN: true }), s: fc.oneof(fc.string({ unit: codePoint, minLength: 1, maxLength: 6 }), nasty) }),
  fc.record({ op: fc.constant('replace-string' as const), pick: fc.double({ min: 0, max: 1, maxExcluded: true, noNaN: true }), s: fc.oneof(fc.string({ unit: 'grapheme', maxLength: 12 }), nasty) }),
  fc.record({ op: fc.constant('swap-events' as const), i: fc.nat(20), j: fc.nat(20) }),
  fc.record({ op: fc.constant('duplicate-key' as const), pick: fc.double({ min: 0, max: 1, maxExcluded: true, noNaN: true }) }),
  fc.record({ op: fc.constant('truncate' as const), frac: fc.double({ min: 0, max: 1, maxExcluded: true, noNaN: true }) }),
);
