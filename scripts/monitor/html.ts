/**
 * 报告用的 HTML 外壳和 Markdown 工具：自包含（无外部样式、脚本、字体、CDN），适合打印。
 * HTML shell and Markdown helpers for the reports: self-contained (no external CSS, scripts, fonts
 * or CDN), print-friendly, readable without JavaScript.
 */
import type { Lang } from '../core/finding.ts';
import type { MonitorCitation } from './types.ts';
import { esc, mdText } from '../report/escape.ts';

/** HTML and Markdown escaping are shared by every reporter (scripts/report/escape.ts). */
export { esc };

/** A Markdown table cell or list item: no line breaks, pipes, links, mentions or HTML (mdText). */
export const md = mdText;

/** A citation as HTML: the document and article, the reading (if any) in small print. */
export function citationHtml(c: MonitorCitation, lang: Lang): string {
  const base = esc(`${c.doc} ${c.article}`.trim());
  return c.reading ? `${base}<br><small>${esc(lang === 'zh' ? `本库解读：${c.reading.zh}` : `our reading: ${c.reading.en}`)}</small>` : base;
}

export function citationLine(c: MonitorCitation, lang: Lang): string {
  const base = `${c.doc} ${c.article}`.trim();
  if (!c.reading) return base;
  return lang === 'zh' ? `${base}（本库解读：${c.reading.zh}）` : `${base} (our reading: ${c.reading.en})`;
}

const CSS = `
:root { --ink:#1a1a1a; --muted:#555; --line:#c9c9c9; --err:#b00020; --warn:#8a5a00; --ok:#1b6e20; --soon:#0b57a4; }
* { box-sizing: border-box; }
body { font-family: "Noto Sans CJK SC", "Source Han Sans SC", "Microsoft YaHei", "PingFang SC", sans-serif; color: var(--ink); margin: 2rem auto; max-width: 1200px; padding: 0 1rem; line-height: 1.5; font-size: 14px; }
h1 { font-size: 1.5rem; margin: 0 0 .25rem; }
h2 { font-size: 1.2rem; margin: 1.75rem 0 .5rem; border-bottom: 2px solid var(--ink); padding-bottom: .2rem; }
h3 { font-size: 1rem; margin: 1rem 0 .4rem; }
p.meta { color: var(--muted); margin: .2rem 0; }
table { border-collapse: collapse; width: 100%; margin: .4rem 0 1rem; }
th, td { border: 1px solid var(--line); padding: .3rem .45rem; vertical-align: top; text-align: left; }
th { background: #f0f0f0; white-space: nowrap; }
td.num { text-align: right; white-space: nowrap; }
td.nowrap { white-space: nowrap; }
.status-overdue { color: var(--err); font-weight: 700; }
.status-warning { color: var(--warn); font-weight: 700; }
.status-due-soon { color: var(--soon); font-weight: 700; }
.status-reminder { color: var(--muted); }
.summary { display: flex; flex-wrap: wrap; gap: .75rem; margin: .75rem 0; }
.summary div { border: 1px solid var(--line); padding: .4rem .8rem; border-radius: 4px; }
.summary strong { font-size: 1.2rem; }
small, .note { color: var(--muted); }
code { font-family: ui-monospace, "DejaVu Sans Mono", monospace; font-size: .9em; }
svg text { font-family: inherit; }
@media print {
  body { margin: 0; max-width: none; font-size: 10.5pt; }
  h2 { break-after: avoid; }
  tr, .chart { break-inside: avoid; }
  th { background: #eee !important; -webkit-print-color-adjust: exact; print-color-adjust: exact; }
  a { color: inherit; text-decoration: none; }
}
@page { size: A4 landscape; margin: 12mm; }
`;

/** A complete, self-contained HTML page. */
export function htmlPage(title: string, body: string, lang: Lang): string {
  return `<!DOCTYPE html>
<html lang="${lang === 'zh' ? 'zh-CN' : 'en'}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="generator" content="govmedia">
<title>${esc(title)}</title>
<style>${CSS}</style>
</head>
<body>
${body}
</body>
</html>
`;
}
