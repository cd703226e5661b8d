/**
 * CSV 的读与写，全项目只此一处：读取 UTF-8（带或不带 BOM）或 GBK 文本（Excel 中文版“CSV”默认 GBK），按 RFC 4180
 * 解析（引号、双写引号、CRLF 或 LF、引号内换行），保留每条记录的起始行号；写出 UTF-8 带 BOM、CRLF，并防范公式注入。
 *
 * CSV, read and written in one place for the whole project. Reading: UTF-8 with or without BOM, else
 * GBK (Node 20's TextDecoder('gbk'), no iconv), parsed per RFC 4180 (quoted fields, doubled quotes,
 * CRLF or LF, newlines inside quotes), each record with the line it starts on. Writing: UTF-8 with a
 * BOM (so Excel and WPS read the Chinese — the one place a BOM is right), CRLF line ends, quoting when
 * needed, and a guard against CSV/formula injection (a cell starting with = + - @ TAB or CR gets a
 * leading apostrophe, as OWASP recommends). Used by reconcile, import, the activity snapshot and the
 * inspection results (reading) and by export and the site (writing).
 */
import { readFileSync } from 'node:fs';
import { UsageError } from './errors.ts';

export const BOM = '\uFEFF';

// ---------------------------------------------------------------- reading

export interface DecodedText {
  text: string;
  encoding: 'utf-8' | 'utf-8-bom' | 'gbk';
}

/** Decode bytes as UTF-8 (BOM dropped), else GBK. Throws a UsageError (exit 2) for binary data. */
export function decodeText(buf: Uint8Array, label: string): DecodedText {
  if (buf.includes(0)) throw new UsageError(`${label} 是二进制文件，不是文本（CSV/JSON）`, `${label} is a binary file, not text`);
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
    throw new UsageError(`${label} 既不是 UTF-8 也不是 GBK 编码的文本；请另存为“CSV UTF-8”`, `${label} is neither UTF-8 nor GBK text; save it as "CSV UTF-8"`);
  }
}

export function readTextFile(file: string): DecodedText {
  let buf: Buffer;
  try {
    buf = readFileSync(file);
  } catch (e) {
    const code = (e as { code?: string }).code;
    if (code === 'ENOENT') throw new UsageError(`文件不存在：${file}`, `no such file: ${file}`);
    throw new UsageError(`无法读取文件 ${file}（${code ?? (e as Error).message}）`, `cannot read ${file} (${code ?? (e as Error).message})`);
  }
  if (buf.length > 50 * 1024 * 1024) throw new UsageError(`文件 ${file} 超过 50 MB，请分批处理`, `${file} is over 50 MB`);
  return decodeText(buf, file);
}

export interface CsvRow {
  /** 1-based line number where the record starts. */
  line: number;
  cells: string[];
}

export interface CsvOptions {
  /** Trim unquoted cells (default true: hand-made sheets carry stray blanks); quoted cells are kept as they are. */
  trim?: boolean;
}

/** Parse CSV text into records (RFC 4180). A leading BOM is skipped; empty lines are skipped. */
export function parseCsv(text: string, label = 'CSV', opts: CsvOptions = {}): CsvRow[] {
  const trim = opts.trim !== false;
  const s = text.startsWith(BOM) ? text.slice(1) : text;
  const rows: CsvRow[] = [];
  let cells: string[] = [];
  let cell = '';
  let inQuotes = false;
  let quotedCell = false;
  let line = 1;
  let start = 1;
  const endCell = (): void => {
    cells.push(quotedCell || !trim ? cell : cell.trim());
    cell = '';
    quotedCell = false;
  };
  const endRow = (): void => {
    endCell();
    if (!(cells.length === 1 && cells[0] === '')) rows.push({ line: start, cells });
    cells = [];
  };
  for (let i = 0; i < s.length; i++) {
    const c = s[i]!;
    if (inQuotes) {
      if (c === '"') {
        if (s[i + 1] === '"') {
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
      if (c === '\r' && s[i + 1] === '\n') i++;
      endRow();
      line++;
      start = line;
    } else cell += c;
  }
  if (inQuotes) throw new UsageError(`${label} 第 ${start} 行：引号没有闭合`, `${label} line ${start}: unterminated quote`);
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

// ---------------------------------------------------------------- writing

/** Neutralise a cell a spreadsheet would read as a formula. */
export function guardFormula(value: string): string {
  return /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
}

/** Quote a field when RFC 4180 requires it (comma, quote, CR or LF), doubling inner quotes. */
export function quoteField(value: string): string {
  return /[",\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

/** A whole CSV document: BOM, header row, data rows, every line ended by CRLF. */
export function toCsv(header: readonly string[], rows: readonly (readonly string[])[]): string {
  const line = (cells: readonly string[]): string => cells.map((c) => quoteField(guardFormula(c))).join(',') + '\r\n';
  return BOM + line(header) + rows.map(line).join('');
}
