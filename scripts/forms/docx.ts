/**
 * 备案表 → Word 文档（.docx）：A4 纵向，真正的 Word 表格（合并单元格、固定列宽），宋体，
 * Word 和 WPS 均可打开、修改、打印。
 *
 * A form as a .docx: A4 portrait, a real Word table (merged cells, fixed column widths),
 * SimSun/宋体; opens in Word and WPS.
 */
import {
  AlignmentType,
  BorderStyle,
  convertMillimetersToTwip,
  Document,
  HeightRule,
  Packer,
  PageOrientation,
  Paragraph,
  Table,
  TableCell,
  TableLayoutType,
  TableRow,
  TextRun,
  VerticalAlignTable,
  WidthType,
  type IRunOptions,
} from 'docx';
import { PAGE, sealDate, type Cell, type FormDoc, type Inline, type Para } from './layout.ts';

const SONG = { ascii: 'SimSun', hAnsi: 'SimSun', eastAsia: '宋体', cs: 'SimSun' };
const HEI = { ascii: 'SimHei', hAnsi: 'SimHei', eastAsia: '黑体', cs: 'SimHei' };
const SYMBOL = { ascii: 'Segoe UI Symbol', hAnsi: 'Segoe UI Symbol', eastAsia: 'Segoe UI Symbol', cs: 'Segoe UI Symbol' };
const BORDER = { style: BorderStyle.SINGLE, size: 6, color: '000000' } as const;

type RunStyle = { size: number; bold?: boolean; color?: string };

function runs(inl: Inline, base: RunStyle): TextRun[] {
  if (inl.t === 'box') {
    return [new TextRun({ text: inl.checked ? '☑' : '☐', font: SYMBOL, size: base.size }), new TextRun({ text: inl.label, font: SONG, size: base.size })];
  }
  if (inl.t === 'blank') return [new TextRun({ text: '\u3000'.repeat(Math.max(1, inl.chars)), font: SONG, size: base.size, underline: {} })];
  const o: IRunOptions = {
    text: inl.text,
    font: SONG,
    size: inl.small ? Math.round(base.size * 0.86) : base.size,
    ...(inl.bold || base.bold ? { bold: true } : {}),
    ...(inl.muted ? { color: '444444' } : base.color ? { color: base.color } : {}),
  };
  return [new TextRun(o)];
}

const ALIGN = { left: AlignmentType.LEFT, center: AlignmentType.CENTER, right: AlignmentType.RIGHT, justify: AlignmentType.JUSTIFIED } as const;
const VALIGN = { top: VerticalAlignTable.TOP, middle: VerticalAlignTable.CENTER, bottom: VerticalAlignTable.BOTTOM } as const;

function paragraph(pa: Para, base: RunStyle, align: keyof typeof ALIGN | undefined): Paragraph {
  const a = pa.align ?? align;
  return new Paragraph({
    children: pa.inlines.flatMap((i) => runs(i, base)),
    ...(a ? { alignment: ALIGN[a] } : {}),
    spacing: { before: 0, after: 0, line: 300 },
  });
}

const twip = (mm: number): number => Math.round(convertMillimetersToTwip(mm));

function cellOf(c: Cell, colsTwip: number[], colIndex: number, size: number): TableCell {
  const span = c.colSpan ?? 1;
  const width = colsTwip.slice(colIndex, colIndex + span).reduce((x, y) => x + y, 0);
  const align = c.align ?? (c.label ? 'center' : undefined);
  const children: Paragraph[] = c.paras.map((pa) => paragraph(pa, { size }, align));
  if (c.seal) {
    children.push(
      new Paragraph({ children: c.seal.marks.map((m, i) => new TextRun({ text: (i ? '\u3000\u3000\u3000\u3000' : '') + m, font: SONG, size })), alignment: AlignmentType.RIGHT, spacing: { before: 480, after: 0 }, indent: { right: twip(6) } }),
      new Paragraph({ children: [new TextRun({ text: sealDate(c.seal.date), font: SONG, size })], alignment: AlignmentType.RIGHT, spacing: { before: 60, after: 0 }, indent: { right: twip(6) } }),
    );
  }
  return new TableCell({
    children,
    width: { size: width, type: WidthType.DXA },
    ...(span > 1 ? { columnSpan: span } : {}),
    ...(c.rowSpan && c.rowSpan > 1 ? { rowSpan: c.rowSpan } : {}),
    verticalAlign: VALIGN[c.seal ? 'top' : (c.vAlign ?? 'middle')],
    margins: { top: 50, bottom: 50, left: 90, right: 90 },
  });
}

/** Build the Word document of a form. */
export function formDocument(doc: FormDoc): Document {
  const colsTwip = doc.colsMm.map(twip);
  const total = colsTwip.reduce((a, b) => a + b, 0);
  const size = Math.round(doc.fontPt * 2);

  // column positions, accounting for cells spanned from rows above
  const occupied = new Map<number, number[]>(); // row index → columns taken by row spans
  const rows: TableRow[] = doc.rows.map((r, ri) => {
    let col = 0;
    const taken = occupied.get(ri) ?? [];
    const cells: TableCell[] = [];
    for (const c of r.cells) {
      while (taken.includes(col)) col++;
      cells.push(cellOf(c, colsTwip, col, size));
      const span = c.colSpan ?? 1;
      if (c.rowSpan && c.rowSpan > 1) {
        for (let k = 1; k < c.rowSpan; k++) {
          const l = occupied.get(ri + k) ?? [];
          for (let x = 0; x < span; x++) l.push(col + x);
          occupied.set(ri + k, l);
        }
      }
      col += span;
    }
    return new TableRow({ children: cells, cantSplit: true, ...(r.minHeightMm ? { height: { value: twip(r.minHeightMm), rule: HeightRule.ATLEAST } } : {}) });
  });

  const table = new Table({
    rows,
    width: { size: total, type: WidthType.DXA },
    columnWidths: colsTwip,
    layout: TableLayoutType.FIXED,
    alignment: AlignmentType.CENTER,
    borders: { top: BORDER, bottom: BORDER, left: BORDER, right: BORDER, insideHorizontal: BORDER, insideVertical: BORDER },
  });

  const head: Paragraph[] = [];
  if (doc.annex) head.push(new Paragraph({ children: [new TextRun({ text: doc.annex, font: HEI, size: 28 })], spacing: { after: 120 } }));
  head.push(new Paragraph({ children: [new TextRun({ text: doc.title, font: SONG, size: 36, bold: true })], alignment: AlignmentType.CENTER, spacing: { after: 80 } }));
  if (doc.subtitle) head.push(new Paragraph({ children: [new TextRun({ text: doc.subtitle, font: SONG, size: 24 })], alignment: AlignmentType.CENTER, spacing: { after: 60 } }));
  if (doc.basis) head.push(new Paragraph({ children: [new TextRun({ text: doc.basis, font: SONG, size: 18 })], alignment: AlignmentType.CENTER, spacing: { after: 120 } }));
  else head.push(new Paragraph({ children: [], spacing: { after: 60 } }));

  const tail: Paragraph[] = [];
  doc.notes.forEach((n, i) => tail.push(new Paragraph({ children: [new TextRun({ text: n, font: SONG, size: 20 })], spacing: { before: i === 0 ? 120 : 0, after: 0, line: 300 } })));
  doc.footer.forEach((l, i) => tail.push(new Paragraph({ children: [new TextRun({ text: l, font: SONG, size: 15, color: '333333' })], spacing: { before: i === 0 ? 160 : 0, after: 0 } })));

  return new Document({
    creator: 'govmedia form',
    title: doc.title + (doc.subtitle ?? ''),
    description: doc.footer[0] ?? '',
    styles: { default: { document: { run: { font: SONG, size, language: { value: 'zh-CN', eastAsia: 'zh-CN' } } } } },
    sections: [
      {
        properties: {
          page: {
            size: { width: 11906, height: 16838, orientation: PageOrientation.PORTRAIT }, // A4 in twips
            margin: { top: twip(PAGE.marginTopMm), bottom: twip(PAGE.marginBottomMm), left: twip(PAGE.marginSideMm), right: twip(PAGE.marginSideMm) },
          },
        },
        children: [...head, table, ...tail],
      },
    ],
  });
}

/** The .docx bytes of a form. */
export async function renderDocx(doc: FormDoc): Promise<Buffer> {
  return Packer.toBuffer(formDocument(doc));
}
