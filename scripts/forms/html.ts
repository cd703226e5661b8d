/**
 * 备案表 → 可直接打印的 HTML：A4 纵向、固定列宽的有框表格、宋体字体栈（不用网络字体）、
 * 签章框、页脚注明登记簿文件和事件序号。所有内容都经过 HTML 转义。
 *
 * A form as print-ready HTML: A4 portrait, a bordered fixed-width table like the paper form,
 * a local CJK serif font stack (no web fonts, nothing fetched), signature/seal boxes, and a
 * footer tracing the paper back to the register. Everything is HTML-escaped.
 */
import { PAGE, sealDate, type Cell, type FormDoc, type Inline, type Para } from './layout.ts';
import { esc } from '../report/escape.ts';

export const FONT_STACK = '"Noto Serif CJK SC", "Source Han Serif SC", "Noto Serif SC", SimSun, "宋体", "Songti SC", STSong, serif';
const SYMBOL_STACK = '"Segoe UI Symbol", "DejaVu Sans", "Noto Sans Symbols2", "MS Gothic", sans-serif';

/** HTML escaping is shared by every reporter (scripts/report/escape.ts); re-exported for old importers. */
export { esc };

function inline(i: Inline): string {
  if (i.t === 'box') return `<span class="opt${i.checked ? ' on' : ''}"><span class="cb">${i.checked ? '☑' : '☐'}</span>${esc(i.label)}</span>`;
  if (i.t === 'blank') return `<span class="blank">${'\u3000'.repeat(Math.max(1, i.chars))}</span>`;
  const cls = [i.bold ? 'b' : '', i.muted ? 'muted' : '', i.small ? 'small' : ''].filter(Boolean).join(' ');
  return cls ? `<span class="${cls}">${esc(i.text)}</span>` : esc(i.text);
}

function para(pa: Para): string {
  const body = pa.inlines.map(inline).join('');
  return `<p${pa.align ? ` style="text-align:${pa.align}"` : ''}>${body || '&#8203;'}</p>`;
}

const PAD_MM = 1.2;

function cellHtml(c: Cell, rowMinMm: number | undefined): string {
  const attrs: string[] = [];
  if (c.colSpan && c.colSpan > 1) attrs.push(`colspan="${c.colSpan}"`);
  if (c.rowSpan && c.rowSpan > 1) attrs.push(`rowspan="${c.rowSpan}"`);
  const cls = [c.label ? 'label' : 'val', c.na ? 'na' : '', c.seal ? 'opinion' : ''].filter(Boolean);
  attrs.push(`class="${cls.join(' ')}"`);
  const style: string[] = [];
  if (c.align) style.push(`text-align:${c.align}`);
  if (c.vAlign) style.push(`vertical-align:${c.vAlign}`);
  if (style.length) attrs.push(`style="${style.join(';')}"`);
  const content = c.paras.map(para).join('');
  if (!c.seal) return `<td ${attrs.join(' ')}>${content}</td>`;
  const inner = rowMinMm ? ` style="min-height:${(rowMinMm - 2 * PAD_MM).toFixed(1)}mm"` : '';
  const marks = c.seal.marks.map((m) => `<span class="mark">${esc(m)}</span>`).join('');
  return `<td ${attrs.join(' ')}><div class="box"${inner}><div class="text">${content}</div><div class="seal"><p class="marks">${marks}</p><p class="date">${esc(sealDate(c.seal.date))}</p></div></div></td>`;
}

export function renderHtml(doc: FormDoc, meta: { source?: string } = {}): string {
  const cols = doc.colsMm.map((w) => `<col style="width:${w}mm">`).join('');
  const rows = doc.rows
    .map((r) => `<tr${r.minHeightMm ? ` style="height:${r.minHeightMm}mm"` : ''}>${r.cells.map((c) => cellHtml(c, r.minHeightMm)).join('')}</tr>`)
    .join('\n');
  const width = doc.colsMm.reduce((a, b) => a + b, 0);
  const css = `
@page { size: A4 portrait; margin: ${PAGE.marginTopMm}mm ${PAGE.marginSideMm}mm ${PAGE.marginBottomMm}mm ${PAGE.marginSideMm}mm; }
* { box-sizing: border-box; }
html, body { margin: 0; padding: 0; }
body { font-family: ${FONT_STACK}; color: #000; background: #fff; font-size: ${doc.fontPt}pt; line-height: 1.32; -webkit-print-color-adjust: exact; print-color-adjust: exact; }
.sheet { width: ${width}mm; margin: 0 auto; }
@media screen { body { background: #e8e8e8; } .sheet { background: #fff; width: ${PAGE.widthMm}mm; min-height: ${PAGE.heightMm}mm; padding: ${PAGE.marginTopMm}mm ${PAGE.marginSideMm}mm ${PAGE.marginBottomMm}mm; margin: 6mm auto; box-shadow: 0 0 3mm rgba(0,0,0,.25); } }
p { margin: 0; }
@media print { .fit { zoom: var(--govmedia-fit, 1); } }
.annex { font-family: "Noto Sans CJK SC", "Source Han Sans SC", SimHei, "黑体", sans-serif; font-size: 14pt; margin-bottom: 2mm; }
h1 { font-size: 18pt; font-weight: bold; text-align: center; margin: 0 0 1.5mm; letter-spacing: 0.5pt; line-height: 1.3; }
.subtitle { text-align: center; font-size: 12pt; margin-bottom: 1.5mm; }
.basis { text-align: center; font-size: 9pt; margin-bottom: 2.5mm; }
table.form { width: 100%; border-collapse: collapse; table-layout: fixed; page-break-inside: auto; margin-top: 2mm; }
table.form tr { page-break-inside: avoid; break-inside: avoid; }
table.form td { border: 0.75pt solid #000; padding: ${PAD_MM}mm 1.6mm; vertical-align: middle; overflow-wrap: anywhere; word-break: break-all; }
td.label { text-align: center; letter-spacing: 0.3pt; }
td.opinion { vertical-align: top; }
td.opinion .box { display: flex; flex-direction: column; justify-content: space-between; }
td.opinion .seal { text-align: right; padding-right: 6mm; margin-top: 2mm; }
td.opinion .seal .mark { display: inline-block; margin-left: 10mm; }
td.opinion .seal .date { margin-top: 1mm; }
.opt { white-space: nowrap; }
.cb { font-family: ${SYMBOL_STACK}; font-size: 1.05em; margin-right: 0.3mm; }
.blank { display: inline-block; border-bottom: 0.75pt solid #000; }
.b { font-weight: bold; }
.muted { color: #444; }
.small { font-size: 0.86em; }
.notes { margin-top: 1.5mm; font-size: 9.5pt; line-height: 1.45; }
.notes p { text-indent: 0; }
footer { margin-top: 2mm; padding-top: 1mm; border-top: 0.5pt solid #888; font-size: 7pt; color: #333; line-height: 1.35; }
`;
  return `<!DOCTYPE html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="generator" content="govmedia form">
${meta.source ? `<meta name="govmedia-source" content="${esc(meta.source)}">\n` : ''}<title>${esc(doc.title + (doc.subtitle ?? ''))}</title>
<style>${css}</style>
</head>
<body>
<div class="sheet"><div class="fit">
${doc.annex ? `<p class="annex">${esc(doc.annex)}</p>\n` : ''}<h1>${esc(doc.title)}</h1>
${doc.subtitle ? `<p class="subtitle">${esc(doc.subtitle)}</p>\n` : ''}${doc.basis ? `<p class="basis">${esc(doc.basis)}</p>\n` : ''}<table class="form">
<colgroup>${cols}</colgroup>
<tbody>
${rows}
</tbody>
</table>
${doc.notes.length ? `<div class="notes">${doc.notes.map((n) => `<p>${esc(n)}</p>`).join('')}</div>\n` : ''}<footer>${doc.footer.map((l) => `<p>${esc(l)}</p>`).join('')}</footer>
</div></div>
<script>
// 打印时若内容略超一页，则按比例缩小到一页（表格仍然完整）。Shrink to one A4 page when slightly too tall.
(function () {
  var AVAIL_MM = ${(PAGE.heightMm - PAGE.marginTopMm - PAGE.marginBottomMm).toFixed(1)};
  function fit() {
    var el = document.querySelector('.fit');
    if (!el) return;
    el.style.zoom = '';
    var mm = el.getBoundingClientRect().height * 25.4 / 96;
    if (mm > AVAIL_MM) document.documentElement.style.setProperty('--govmedia-fit', String(Math.floor((AVAIL_MM / mm) * 1000) / 1000));
  }
  fit();
  window.addEventListener('beforeprint', fit);
})();
</script>
</body>
</html>
`;
}
