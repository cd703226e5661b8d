/**
 * CSV：UTF-8 带 BOM（Excel、WPS 才能正确识别中文——这是唯一需要 BOM 的地方）、CRLF 换行、
 * RFC 4180 引号规则，并防范 CSV/公式注入（以 = + - @ 制表符或回车开头的单元格前加 '）。
 *
 * CSV: UTF-8 with a BOM (so Excel and WPS read the Chinese correctly — the one place a BOM is
 * right), CRLF line ends, RFC 4180 quoting, and a guard against CSV/formula injection (a cell
 * starting with = + - @ TAB or CR gets a leading apostrophe, as OWASP recommends).
 */

export const BOM = '\uFEFF';

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

/**
 * Parse RFC 4180 CSV (a leading BOM is skipped). Used by the tests and by anyone reading an
 * export back; strict about quotes so a broken file is noticed.
 */
export function parseCsv(text: string): string[][] {
  const s = text.startsWith(BOM) ? text.slice(1) : text;
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let i = 0;
  let quoted = false;
  let fieldStarted = false;
  while (i < s.length) {
    const c = s[i]!;
    if (quoted) {
      if (c === '"') {
        if (s[i + 1] === '"') {
          field += '"';
          i += 2;
          continue;
        }
        quoted = false;
        i++;
        continue;
      }
      field += c;
      i++;
      continue;
    }
    if (c === '"' && !fieldStarted) {
      quoted = true;
      fieldStarted = true;
      i++;
      continue;
    }
    if (c === '"') throw new Error(`CSV: stray quote at offset ${i}`);
    if (c === ',') {
      row.push(field);
      field = '';
      fieldStarted = false;
      i++;
      continue;
    }
    if (c === '\r' || c === '\n') {
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
      fieldStarted = false;
      i += c === '\r' && s[i + 1] === '\n' ? 2 : 1;
      continue;
    }
    field += c;
    fieldStarted = true;
    i++;
  }
  if (quoted) throw new Error('CSV: unterminated quoted field');
  if (fieldStarted || row.length) {
    row.push(field);
    rows.push(row);
  }
  return rows;
}
