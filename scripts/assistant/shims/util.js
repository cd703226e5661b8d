// node:util 的 isDeepStrictEqual（仅用于 JSON 数据）/ isDeepStrictEqual for JSON values.
export function isDeepStrictEqual(a, b) {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  const ka = Object.keys(a), kb = Object.keys(b);
  if (ka.length !== kb.length) return false;
  for (const k of ka) if (!Object.prototype.hasOwnProperty.call(b, k) || !isDeepStrictEqual(a[k], b[k])) return false;
  return true;
}
export function parseArgs() { throw new Error('parseArgs is not available in the browser'); }
export default { isDeepStrictEqual, parseArgs };
