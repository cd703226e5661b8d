/**
 * 读取表格：CSV（UTF-8、带 BOM 或 GBK）或 Excel（.xlsx）。全国政务新媒体信息报送系统导出的是 Excel，
 * 各地手工整理的台账多为 CSV 或 Excel。日期单元格一律读成 YYYY-MM-DD（北京时间的日历日）。
 *
 * Reading a sheet: CSV (UTF-8, with BOM, or GBK) or Excel (.xlsx, through exceljs). The national
 * reporting system exports Excel. Every cell becomes text: date cells as YYYY-MM-DD, numbers
 * without exponent, rich text and hyperlinks as their text, formulas as their cached result (a
 * formula is never evaluated). Rows keep their sheet row number, so findings can name them.
 */
import { readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { parseCsv, readTextFile, type CsvRow } from '../core/csv.ts';
import { InputError } from './errors.ts';

export interface Sheet {
  /** How the file was read: utf-8, utf-8-bom, gbk or xlsx. */
  encoding: string;
  /** The worksheet read (xlsx only). */
  sheetName?: string;
  /** Row 1 is the header; `line` is the row number in the sheet (CSV: the line). */
  rows: CsvRow[];
}

const MAX_BYTES = 50 * 1024 * 1024;

function isXlsx(file: string, head: Uint8Array): boolean {
  // a ZIP container (PK\x03\x04) or the extension
  return (head[0] === 0x50 && head[1] === 0x4b && head[2] === 0x03 && head[3] === 0x04) || /\.xlsx$/i.test(file);
}

/** Read a CSV or XLSX file. Throws InputError (exit 2, Chinese first) for anything unreadable. */
export async function readSheet(file: string, label = file, preferSheet?: string): Promise<Sheet> {
  let size: number;
  try {
    size = statSync(file).size;
  } catch (e) {
    const code = (e as { code?: string }).code;
    throw new InputError(code === 'ENOENT' ? { zh: `文件不存在：${label}`, en: `no such file: ${label}` } : { zh: `无法读取文件 ${label}（${code ?? (e as Error).message}）`, en: `cannot read ${label}` });
  }
  if (size > MAX_BYTES) throw new InputError({ zh: `文件 ${label} 超过 50 MB，请分批处理`, en: `${label} is over 50 MB` });
  const buf = readFileSync(file);
  if (/\.xls$/i.test(file) && !isXlsx(file, buf)) throw new InputError({ zh: `${label} 是旧版 Excel（.xls）文件，无法读取；请在 Excel 或 WPS 中另存为 .xlsx 或“CSV UTF-8”`, en: `${label} is an old .xls workbook; save it as .xlsx or CSV UTF-8` });
  if (!isXlsx(file, buf)) {
    const { text, encoding } = readTextFile(file);
    return { encoding, rows: parseCsv(text, label) };
  }
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.load(buf as unknown as ArrayBuffer);
  } catch (e) {
    throw new InputError({ zh: `${label} 不是有效的 Excel（.xlsx）文件（${(e as Error)?.message ?? e}）；请在 Excel 或 WPS 中重新另存为 .xlsx`, en: `${label} is not a valid .xlsx workbook (${(e as Error)?.message ?? e})` });
  }
  const ws = (preferSheet ? wb.getWorksheet(preferSheet) : undefined) ?? wb.worksheets.find((w) => w.actualRowCount > 0) ?? wb.worksheets[0];
  if (!ws) throw new InputError({ zh: `${label} 中没有工作表`, en: `${label} has no worksheet` });
  const rows: CsvRow[] = [];
  ws.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    const cells: string[] = [];
    const n = row.cellCount;
    for (let c = 1; c <= n; c++) cells.push(cellText(row.getCell(c).value));
    if (cells.some((x) => x !== '')) rows.push({ line: rowNumber, cells });
  });
  return { encoding: 'xlsx', sheetName: ws.name, rows };
}

/** A date cell as the calendar day in Beijing (exceljs reads date serials as UTC midnight). */
export function dateText(d: Date): string {
  if (Number.isNaN(d.getTime())) return '';
  // serials are calendar days: exceljs maps them to UTC midnight, so read the UTC date
  const y = d.getUTCFullYear();
  const m = String(d.getUTCMonth() + 1).padStart(2, '0');
  const day = String(d.getUTCDate()).padStart(2, '0');
  return `${y}-${m}-${day}`;
}

export function cellText(v: ExcelJS.CellValue): string {
  if (v === null || v === undefined) return '';
  if (typeof v === 'string') return v.trim();
  if (typeof v === 'number') return Number.isInteger(v) ? String(v) : String(v);
  if (typeof v === 'boolean') return v ? '是' : '否';
  if (v instanceof Date) return dateText(v);
  if (typeof v === 'object') {
    const o = v as unknown as Record<string, unknown>;
    if (Array.isArray(o.richText)) return (o.richText as { text?: string }[]).map((t) => t.text ?? '').join('').trim();
    if ('text' in o && typeof o.text === 'string') return o.text.trim();
    if ('text' in o && o.text && typeof o.text === 'object') return cellText(o.text as ExcelJS.CellValue);
    if ('result' in o) return cellText(o.result as ExcelJS.CellValue);
    if ('error' in o) return '';
  }
  return '';
}

/** The file name without folders, for messages. */
export function sheetLabel(file: string): string {
  return path.basename(file);
}
