/**
 * 把文本编码成 GBK / UTF-16 / Latin-1 等非 UTF-8 字节（Node 只内置 GBK 解码，这里由解码表反推编码表）。
 * Encode text as GBK, UTF-16 or Latin-1 bytes, as a clerk's editor might save it. Node can only
 * decode GBK, so the encoding table is built once by decoding every double-byte code.
 */
let gbkTable: Map<string, number> | undefined;

function table(): Map<string, number> {
  if (gbkTable) return gbkTable;
  const t = new Map<string, number>();
  const dec = new TextDecoder('gbk');
  for (let lead = 0x81; lead <= 0xfe; lead++) {
    for (let trail = 0x40; trail <= 0xfe; trail++) {
      if (trail === 0x7f) continue;
      const ch = dec.decode(Uint8Array.of(lead, trail));
      if (ch.length >= 1 && ch !== '\uFFFD' && !t.has(ch)) t.set(ch, (lead << 8) | trail);
    }
  }
  return (gbkTable = t);
}

/** GBK bytes of `text`; characters GBK lacks become "?". */
export function encodeGbk(text: string): Buffer {
  const t = table();
  const out: number[] = [];
  for (const ch of text) {
    const cp = ch.codePointAt(0) ?? 0x3f;
    if (cp < 0x80) {
      out.push(cp);
      continue;
    }
    const code = t.get(ch);
    if (code === undefined) out.push(0x3f);
    else out.push(code >> 8, code & 0xff);
  }
  return Buffer.from(out);
}

export function encodeUtf16le(text: string, bom = true): Buffer {
  return Buffer.from((bom ? '\uFEFF' : '') + text, 'utf16le');
}

export function encodeUtf16be(text: string, bom = true): Buffer {
  const le = encodeUtf16le(text, bom);
  const be = Buffer.alloc(le.length);
  for (let i = 0; i + 1 < le.length; i += 2) {
    be[i] = le[i + 1] as number;
    be[i + 1] = le[i] as number;
  }
  return be;
}

/** Latin-1: every code unit keeps its low byte (what a careless conversion does to Chinese). */
export function encodeLatin1(text: string): Buffer {
  return Buffer.from(text, 'latin1');
}
