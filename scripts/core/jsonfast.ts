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

/** Keys of the parsed value, or -1 when it nests deeper than `max`. */
function countParsedKeys(v: unknown, max: number, depth = 1): number {
  if (depth > max) return -1;
  let k = 0;
  if (Array.isArray(v)) {
    for (const x of v) {
      if (x !== null && typeof x === 'object') {
        const n = countParsedKeys(x, max, depth + 1);
        if (n < 0) return -1;
        k += n;
      }
    }
    return k;
  }
  for (const key in v as Record<string, unknown>) {
    k++;
    const x = (v as Record<string, unknown>)[key];
    if (x !== null && typeof x === 'object') {
      const n = countParsedKeys(x, max, depth + 1);
      if (n < 0) return -1;
      k += n;
    }
  }
  return k;
}

const SUSPECT_ESCAPE = /\\u[dD][89a-fA-F]/;

/**
 * @param reload  when given, the fast result does not keep `text`: positions (needed only to
 *                report a finding) re-read it. This keeps memory flat for large registers.
 */
export function parseJsonFast(text: string, opts?: { maxDepth?: number }, reload?: () => string): ParsedJson {
  if (text.charCodeAt(0) === 0xfeff || SUSPECT_ESCAPE.test(text) || text.includes('__proto__')) return parseJson(text, opts);
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return parseJson(text, opts);
  }
  if (value === null || typeof value !== 'object') return parseJson(text, opts);
  const keys = countKeysNative(text);
  if (keys < 0 || keys !== countParsedKeys(value, opts?.maxDepth ?? 64)) return parseJson(text, opts);
  let full: ParsedJson | undefined;
  const keep = reload ? undefined : text;
  const slow = (): ParsedJson => (full ??= parseJson(keep ?? reload!(), opts));
  return {
    ok: true,
    value,
    issues: [],
    locate: (p): Pos => slow().locate(p),
    locateKey: (p): Pos => slow().locateKey(p),
    posAt: (o): Pos => slow().posAt(o),
  };
}
