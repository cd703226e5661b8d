/**
 * 读取 CSV 与文本文件：UTF-8（带或不带 BOM）；不是有效 UTF-8 时按 GBK 解码（Excel 中文版“CSV”默认 GBK）。
 * Reading CSV and text files: UTF-8 with or without BOM; when the bytes are not valid UTF-8 they
 * are decoded as GBK (Node 20's TextDecoder('gbk'), so no iconv is needed). CSV parsing follows
 * RFC 4180: quoted fields, doubled quotes, CRLF or LF, newlines inside quotes.
 */
import { readFileSync } from 'node:fs';
import { InputError } from './errors.ts';

export interface DecodedText {
  text: string;
  encoding: 'utf-8' | 'utf-8-bom' | 'gbk';
}

/** Decode bytes as UTF-8 (BOM dropped), else GBK. Throws UsageError for binary data. */
export function decodeText(buf: Uint8Array, label: string): DecodedText {
  if (buf.includes(0)) throw new InputError({ zh: `${label} 是二进制文件，不是文本（CSV/JSON）`, en: `${label} is a binary file, not text` });
  const bom = buf.length >= 3 && buf[0] === 0xef && buf[1] === 0xbb && buf[2] === 0xbf;
  try {
    const text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bom ? buf.subarray(3) : buf);
    return { text, encoding: bom ? 'utf-8-bom' : 'utf-8' };
  } catch {
    /* not UTF-8: try GBK */
  }
  try {
    return { text: new TextDecoder('gbk', { fatal: true }).decode(buf), encoding: 'gbk' };
  } catch {
    throw new InputError({ zh: `${label} 既不是 UTF-8 也不是 GBK 编码的文本；请另存为“CSV UTF-8”`, en: `${label} is neither UTF-8 nor GBK text; save it as "CSV UTF-8"` });
  }
}

export function readTextFile(file: string): DecodedText {
  let buf: Buffer;
  try {
    buf = readFileSync(file);
  } catch (e) {
    const code = (e as { code?: string }).code;
    throw new InputError(code === 'ENOENT' ? { zh: `文件不存在：${file}`, en: `no such file: ${file}` } : { zh: `无法读取文件 ${file}（${code ?? (e as Error).message}）`, en: `cannot read ${file} (${code ?? (e as Error).message})` });
  }
  if (buf.length > 50 * 1024 * 1024) throw new InputError({ zh: `文件 ${file} 超过 50 MB，请分批处理`, en: `${file} is over 50 MB` });
  return decodeText(buf, file);
}

export interface CsvRow {
  /** 1-based line number where the record starts. */
  line: number;
  cells: string[];
}

/** Parse CSV text into records (RFC 4180). Empty lines are skipped. */
export function parseCsv(text: string, label = 'CSV'): CsvRow[] {
  const rows: CsvRow[] = [];
  let cells: string[] = [];
  let cell = '';
  let inQuotes = false;
  let quotedCell = false;
  let line = 1;
  let start = 1;
  const endCell = (): void => {
    cells.push(quotedCell ? cell : cell.trim());
    cell = '';
    quotedCell = false;
  };
  const endRow = (): void => {
    endCell();
    if (!(cells.length === 1 && cells[0] === '')) rows.push({ line: start, cells });
    cells = [];
  };
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (inQuotes) {
      if (c === '"') {
        if (text[i + 1] === '"') {
          cell += '"';
          i++;
        } else inQuotes = false;
      } else {
        if (c === '\n') line++;
        cell += c;
      }
      continue;
    }
    if (c === '"') {
      if (cell.trim() === '') {
        inQuotes = true;
        quotedCell = true;
        cell = '';
      } else cell += c;
    } else if (c === ',') endCell();
    else if (c === '\r' || c === '\n') {
      if (c === '\r' && text[i + 1] === '\n') i++;
      endRow();
      line++;
      start = line;
    } else cell += c;
  }
  if (inQuotes) throw new InputError({ zh: `${label} 第 ${start} 行：引号没有闭合`, en: `${label} line ${start}: unterminated quote` });
  if (cell !== '' || cells.length > 0) endRow();
  return rows;
}

/** Normalise a header cell for matching: NFKC, no spaces, lowercase. */
export function headerKey(s: string): string {
  return s.normalize('NFKC').replace(/[\s\u200b-\u200d\u2060\ufeff]/g, '').toLowerCase();
}

/**
 * Map the header row to field names through aliases. Returns column index per field; unknown
 * columns are ignored (a national export may carry contact columns: they are never read).
 */
export function mapHeader<F extends string>(header: string[], aliases: Record<F, string[]>): Partial<Record<F, number>> {
  const out: Partial<Record<F, number>> = {};
  header.forEach((h, i) => {
    const k = headerKey(h);
    for (const [field, names] of Object.entries(aliases) as [F, string[]][]) {
      if (out[field] !== undefined) continue;
      if (names.some((n) => headerKey(n) === k)) out[field] = i;
    }
  });
  return out;
}
