/**
 * XLSX（exceljs）：一个工作表“政务新媒体”，表头一行并冻结，设定列宽；日期列是真正的日期单元格
 * （格式 yyyy-mm-dd，可排序、筛选），其余单元格一律为文本。
 * XLSX via exceljs: one sheet "政务新媒体", a frozen bold header row, column widths; date columns
 * hold real date cells (yyyy-mm-dd), every other cell is a text cell (never a formula), so no
 * formula-injection guard is needed here.
 */
import ExcelJS from 'exceljs';

export const SHEET_NAME = '政务新媒体';

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

export async function toXlsx(header: readonly string[], widths: readonly number[], rows: readonly (readonly string[])[], meta: { title: string; dataDate: string; dateColumns?: readonly boolean[] }): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'govmedia';
  wb.title = meta.title;
  wb.subject = `${meta.title}（数据日期 ${meta.dataDate}）`;
  // a fixed timestamp keeps the file reproducible for the same data date
  const d = new Date(`${meta.dataDate}T00:00:00+08:00`);
  wb.created = d;
  wb.modified = d;
  const ws = wb.addWorksheet(SHEET_NAME, { views: [{ state: 'frozen', ySplit: 1, xSplit: 0 }] });
  ws.columns = header.map((h, i) => ({ header: h, width: widths[i] ?? 14 }));
  const head = ws.getRow(1);
  head.font = { bold: true };
  head.alignment = { vertical: 'middle', wrapText: true };
  head.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFE8EEF7' } };
  for (const r of rows) {
    const values: (string | Date)[] = r.map((v, i) => {
      const m = meta.dateColumns?.[i] ? ISO_DATE.exec(v) : null;
      // a calendar day: UTC midnight is what a date serial means to exceljs
      return m ? new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]))) : v;
    });
    const row = ws.addRow(values);
    row.eachCell((cell) => {
      cell.numFmt = cell.value instanceof Date ? 'yyyy-mm-dd' : '@';
    });
  }
  ws.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: Math.max(1, header.length) } };
  const buf = await wb.xlsx.writeBuffer();
  return Buffer.from(buf as ArrayBuffer);
}
