/**
 * XLSX（exceljs）：一个工作表“政务新媒体”，表头一行并冻结，设定列宽；单元格一律为文本。
 * XLSX via exceljs: one sheet "政务新媒体", a frozen bold header row, column widths; every cell
 * is a text cell (never a formula), so no formula-injection guard is needed here.
 */
import ExcelJS from 'exceljs';

export const SHEET_NAME = '政务新媒体';

export async function toXlsx(header: readonly string[], widths: readonly number[], rows: readonly (readonly string[])[], meta: { title: string; dataDate: string }): Promise<Buffer> {
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
    const row = ws.addRow([...r]);
    row.eachCell((cell) => {
      cell.numFmt = '@'; // text
    });
  }
  ws.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: Math.max(1, header.length) } };
  const buf = await wb.xlsx.writeBuffer();
  return Buffer.from(buf as ArrayBuffer);
}
