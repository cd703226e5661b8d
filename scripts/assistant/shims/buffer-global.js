// 页面里的最小 Buffer：引擎只在字节检查路径上用到（UTF-8 解码、查找 NUL、取子段）。
// A minimal Buffer for the page: the engine uses it only on its byte-level checks.
const enc = new TextEncoder();
export class BrowserBuffer extends Uint8Array {
  static from(v, encoding) {
    if (typeof v === 'string') return new BrowserBuffer(enc.encode(v));
    return new BrowserBuffer(v);
  }
  static alloc(n) {
    return new BrowserBuffer(n);
  }
  static allocUnsafe(n) {
    return new BrowserBuffer(n);
  }
  static isBuffer(v) {
    return v instanceof BrowserBuffer;
  }
  static concat(list, total) {
    const out = new BrowserBuffer(total ?? list.reduce((a, b) => a + b.length, 0));
    let o = 0;
    for (const b of list) (out.set(b, o), (o += b.length));
    return out;
  }
  toString(encoding, start, end) {
    return new TextDecoder('utf-8').decode(this.subarray(start ?? 0, end ?? this.length));
  }
  subarray(s, e) {
    const u = Uint8Array.prototype.subarray.call(this, s, e);
    return new BrowserBuffer(u.buffer, u.byteOffset, u.length);
  }
}
