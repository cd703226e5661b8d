/**
 * 备案表的版面：一张表格（列宽、合并单元格、勾选框、签章框）、标题、注和页脚。
 * HTML 和 .docx 两种输出由同一个版面生成，内容因此一致。
 *
 * The layout of a form, independent of the output: a title, one table on a fixed column grid
 * (widths in millimetres, row and column spans, check boxes, signature-and-seal boxes), notes
 * and a footer. The HTML and the .docx renderers both draw this, so the two carry the same text.
 */

export type Inline =
  | { t: 'text'; text: string; bold?: boolean; muted?: boolean; small?: boolean }
  /** A check box with its label: ☑ label / ☐ label. */
  | { t: 'box'; checked: boolean; label: string }
  /** An underlined blank to write in by hand, `chars` characters wide. */
  | { t: 'blank'; chars: number };

export interface Para {
  inlines: Inline[];
  align?: 'left' | 'center' | 'right' | 'justify';
}

/** The bottom of an opinion cell: signature / seal words and the date line. */
export interface Seal {
  /** e.g. ['（签章）'] or ['负责人签字：', '单位盖章：']. */
  marks: string[];
  /** The date of the decision if recorded (YYYY-MM-DD); else blanks "年  月  日". */
  date?: string;
}

export interface Cell {
  paras: Para[];
  colSpan?: number;
  rowSpan?: number;
  /** A caption cell (centred, like the printed labels of a paper form). */
  label?: boolean;
  align?: 'left' | 'center' | 'right';
  vAlign?: 'top' | 'middle' | 'bottom';
  seal?: Seal;
  /** Diagonal "not applicable" cell. */
  na?: boolean;
}

export interface Row {
  cells: Cell[];
  /** Minimum height in millimetres. */
  minHeightMm?: number;
}

export interface FormDoc {
  /** Small line above the title, e.g. "附件3". */
  annex?: string;
  title: string;
  subtitle?: string;
  /** A line under the title (the basis of the generic form). */
  basis?: string;
  /** Column widths in millimetres; they add up to the printable width. */
  colsMm: number[];
  rows: Row[];
  /** Notes printed under the table (注：…). */
  notes: string[];
  /** Trace back to the register: file and event. */
  footer: string[];
  /** Suggested file name stem. */
  fileStem: string;
  /** Font size of the table text in points. */
  fontPt: number;
}

export const PAGE = { widthMm: 210, heightMm: 297, marginTopMm: 14, marginBottomMm: 12, marginSideMm: 20 } as const;

export const t = (text: string, o: { bold?: boolean; muted?: boolean; small?: boolean } = {}): Inline => ({ t: 'text', text, ...o });
export const box = (checked: boolean, label: string): Inline => ({ t: 'box', checked, label });
export const blank = (chars: number): Inline => ({ t: 'blank', chars });
export const p = (...inlines: (Inline | string)[]): Para => ({ inlines: inlines.map((x) => (typeof x === 'string' ? t(x) : x)) });

/** Multi-line text: one paragraph per line. */
export function lines(text: string | undefined): Para[] {
  if (!text) return [p('')];
  return text.split(/\r?\n/).map((l) => p(l));
}

export const label = (text: string, o: Partial<Cell> = {}): Cell => ({ paras: text.split('\n').map((l) => p(l)), label: true, align: 'center', vAlign: 'middle', ...o });
export const value = (text: string | undefined, o: Partial<Cell> = {}): Cell => ({ paras: lines(text), vAlign: 'middle', ...o });
export const cell = (paras: Para[], o: Partial<Cell> = {}): Cell => ({ paras, vAlign: 'middle', ...o });

/** "2026-05-13" → "2026年5月13日". */
export function dateZh(d: string | undefined): string {
  if (!d) return '';
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(d);
  if (!m) return d;
  return `${m[1]}年${Number(m[2])}月${Number(m[3])}日`;
}

/** The date line of a seal box. */
export function sealDate(d: string | undefined): string {
  const m = d ? /^(\d{4})-(\d{2})-(\d{2})$/.exec(d) : null;
  if (!m) return '年\u3000\u3000月\u3000\u3000日';
  return `${m[1]}\u2002年\u2002${Number(m[2])}\u2002月\u2002${Number(m[3])}\u2002日`;
}

/** Plain text of a paragraph (for tests and the docx/HTML parity). */
export function paraText(para: Para): string {
  return para.inlines.map((i) => (i.t === 'text' ? i.text : i.t === 'box' ? `${i.checked ? '☑' : '☐'}${i.label}` : '\u3000'.repeat(i.chars))).join('');
}

/** All the text of a form in reading order. */
export function formText(doc: FormDoc): string {
  const out: string[] = [];
  if (doc.annex) out.push(doc.annex);
  out.push(doc.title);
  if (doc.subtitle) out.push(doc.subtitle);
  if (doc.basis) out.push(doc.basis);
  for (const r of doc.rows) {
    for (const c of r.cells) {
      for (const para of c.paras) out.push(paraText(para));
      if (c.seal) out.push(...c.seal.marks, sealDate(c.seal.date));
    }
  }
  out.push(...doc.notes, ...doc.footer);
  return out.join('\n');
}
