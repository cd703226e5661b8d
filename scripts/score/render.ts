/**
 * 评分报告：HTML（每类一张排名表和一张内联 SVG 条形图，无脚本、无 CDN，可打印）和 JSON。
 * Score report: HTML (per class a ranking table and an inline SVG bar chart; no scripts, no CDN,
 * printable) and JSON.
 */
import type { Lang } from '../core/finding.ts';
import { esc } from '../report/escape.ts';
import { htmlPage } from '../monitor/html.ts';
import type { ClassRanking, Hit, ScoreReport, UnitScore } from './types.ts';

const CLASS_EN: Record<string, string> = { 县区功能区: 'counties and functional zones', 市级部门: 'city departments and units' };

function fmt(n: number | undefined): string {
  if (n === undefined) return '';
  return Number.isInteger(n) ? String(n) : n.toFixed(2).replace(/0$/, '');
}

function hitsText(hs: Hit[], lang: Lang, sign: string): string {
  return hs.map((h) => `${esc(h.title[lang])}${h.points ? ` <strong>${sign}${fmt(h.points)}</strong>` : ''}${h.detail[lang] ? `<br><small>${esc(h.detail[lang])}</small>` : ''}`).join('<br>');
}

/** An inline SVG bar chart of the final scores of one class (0–100 scale). */
export function barChart(c: ClassRanking, lang: Lang): string {
  const rows = c.units;
  const labelW = 260;
  const barMax = 440;
  const rowH = 26;
  const top = 8;
  const width = labelW + barMax + 70;
  const height = top * 2 + Math.max(1, rows.length) * rowH;
  const title = lang === 'zh' ? `${c.name}：最终得分` : `${CLASS_EN[c.name] ?? c.name}: final scores`;
  const parts = [`<svg class="chart" xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" role="img" aria-label="${esc(title)}">`, `<title>${esc(title)}</title>`];
  // grid lines at 0, 50, 100
  for (const g of [0, 50, 100]) {
    const x = labelW + (barMax * g) / 100;
    parts.push(`<line x1="${x}" y1="${top - 4}" x2="${x}" y2="${height - top + 4}" stroke="#bbb" stroke-dasharray="${g === 0 ? '0' : '3 3'}"/>`);
  }
  rows.forEach((u, i) => {
    const y = top + i * rowH;
    const final = u.final ?? 0;
    const w = Math.max(0, (barMax * final) / 100);
    const fill = u.vetoed ? '#b00020' : final >= 90 ? '#1b6e20' : final >= 70 ? '#0b57a4' : '#8a5a00';
    const label = u.name.length > 18 ? u.name.slice(0, 17) + '…' : u.name;
    parts.push(`<text x="${labelW - 8}" y="${y + rowH / 2 + 5}" text-anchor="end" font-size="13">${esc(label)}</text>`);
    parts.push(`<rect x="${labelW}" y="${y + 4}" width="${w.toFixed(1)}" height="${rowH - 8}" fill="${fill}"><title>${esc(`${u.name}：${fmt(final)}`)}</title></rect>`);
    parts.push(`<text x="${labelW + w + 6}" y="${y + rowH / 2 + 5}" font-size="13">${esc(fmt(final))}${u.vetoed ? esc(lang === 'zh' ? '（否决）' : ' (veto)') : ''}</text>`);
  });
  parts.push('</svg>');
  return parts.join('');
}

function rankingTable(c: ClassRanking, lang: Lang): string {
  const head = lang === 'zh' ? ['排名', '单位', '主管单位', '运维账号', '单项否决', '账号平均分', '单位扣分', '单位得分', '最终得分'] : ['Rank', 'Unit', 'Supervising office', 'Accounts', 'Veto', 'Mean', 'Unit deductions', 'Unit score', 'Final'];
  const rows = c.units.map(
    (u) =>
      `<tr><td class="num">${u.rank ?? ''}</td><td>${esc(u.name)}<br><small><code>${esc(u.id)}</code></small></td><td>${esc(u.office)}</td><td class="num">${u.accounts.length}</td><td class="${u.vetoed ? 'status-overdue' : ''}">${u.vetoed ? (lang === 'zh' ? '是（得0分）' : 'yes (0)') : lang === 'zh' ? '否' : 'no'}</td><td class="num">${fmt(u.mean)}</td><td class="num">${u.unitDeduction ? '−' + fmt(u.unitDeduction) : ''}</td><td class="num">${fmt(u.score)}</td><td class="num"><strong>${fmt(u.final)}</strong></td></tr>`,
  );
  return `<table><thead><tr>${head.map((h) => `<th>${esc(h)}</th>`).join('')}</tr></thead><tbody>${rows.join('')}</tbody></table>`;
}

function unitDetail(u: UnitScore, r: ScoreReport, lang: Lang): string {
  const head = lang === 'zh' ? ['账号', '平台', '单项否决', '扣分', '扣分后', '加分', '账号得分', '未能评的指标'] : ['Account', 'Platform', 'Veto', 'Deductions', 'After deductions', 'Bonus', 'Score', 'Not measured'];
  const rows = u.accounts.map((a) => {
    const bonusNote = a.bonuses.length && a.base <= r.catalogue.bonusThreshold ? `<br><small>${lang === 'zh' ? `未高于${r.catalogue.bonusThreshold}分，不计加分` : `not above ${r.catalogue.bonusThreshold}: no bonus`}</small>` : '';
    return `<tr><td>${esc(a.name)}<br><small><code>${esc(a.id)}</code></small></td><td class="nowrap">${esc(a.platform)}</td><td class="${a.vetoes.length ? 'status-overdue' : ''}">${hitsText(a.vetoes, lang, '')}</td><td>${hitsText(a.deductions, lang, '−')}</td><td class="num">${fmt(a.base)}</td><td>${hitsText(a.bonuses, lang, '+')}${a.bonus ? `<br>${lang === 'zh' ? '计' : 'applied'} <strong>+${fmt(a.bonus)}</strong>` : ''}${bonusNote}</td><td class="num"><strong>${fmt(a.score)}</strong></td><td><small>${esc(a.unmeasured.join(', '))}</small></td></tr>`;
  });
  const unitHits = u.unitHits.length ? `<p>${lang === 'zh' ? '单位扣分：' : 'Unit deductions: '}${hitsText(u.unitHits, lang, '−')}</p>` : '';
  return `<h3>${esc(u.name)} <small><code>${esc(u.id)}</code></small></h3>${unitHits}<table><thead><tr>${head.map((h) => `<th>${esc(h)}</th>`).join('')}</tr></thead><tbody>${rows.join('')}</tbody></table>`;
}

function catalogueTable(r: ScoreReport, lang: Lang): string {
  const head = lang === 'zh' ? ['编号', '类别', '指标', '分值', '如何计算', '依据', '原文/解读'] : ['Id', 'Kind', 'Indicator', 'Points', 'How measured', 'Source', 'Verbatim?'];
  const kind = (k: string): string => (lang === 'zh' ? ({ veto: '单项否决', deduction: '扣分', bonus: '加分' } as Record<string, string>)[k] ?? k : k);
  const rows = r.indicators.map((i) => {
    const pts = i.kind === 'veto' ? (lang === 'zh' ? '得0分' : '0') : `${i.kind === 'bonus' ? '+' : '−'}${i.points}${i.maxPoints ? (lang === 'zh' ? `/处，最多${i.maxPoints}` : ` each, max ${i.maxPoints}`) : ''}`;
    const basis = i.source.verbatim ? (lang === 'zh' ? '原文' : 'verbatim') : lang === 'zh' ? '本库解读（非原文）' : 'our reading';
    const ptsBasis = i.kind === 'veto' ? '' : i.pointsBasis === 'reading' ? (lang === 'zh' ? '；分值为本库解读' : '; points: our reading') : '';
    return `<tr><td><code>${esc(i.id)}</code></td><td class="nowrap">${esc(kind(i.kind))}${i.scope === 'unit' ? (lang === 'zh' ? '（单位）' : ' (unit)') : ''}</td><td>${esc(i.title[lang])}</td><td class="nowrap">${esc(pts)}</td><td>${esc(i.howMeasured[lang])}</td><td>${esc(`${i.source.citation.doc} ${i.source.citation.article}`)}${i.source.citation.quote ? `<br><small>“${esc(i.source.citation.quote)}”</small>` : ''}</td><td>${esc(basis + ptsBasis)}${i.source.reading ? `<br><small>${esc(i.source.reading[lang])}</small>` : ''}</td></tr>`;
  });
  return `<table><thead><tr>${head.map((h) => `<th>${esc(h)}</th>`).join('')}</tr></thead><tbody>${rows.join('')}</tbody></table>`;
}

export function scoreHtml(reports: ScoreReport[], now: string, lang: Lang): string {
  const title = lang === 'zh' ? `政务新媒体考核评分 · ${now}` : `Government new-media assessment scores · ${now}`;
  const parts = [`<h1>${esc(title)}</h1>`];
  if (!reports.length) parts.push(`<p>${lang === 'zh' ? '登记簿中没有适用考核评分目录的地区。' : 'No region of the register has a scoring catalogue.'}</p>`);
  for (const r of reports) {
    parts.push(`<p class="meta">${esc(lang === 'zh' ? `评分模型：${r.catalogue.title.zh}（${r.catalogue.citation.doc} ${r.catalogue.citation.article}；办法模块 ${r.catalogue.policy}）` : `Model: ${r.catalogue.title.en} (${r.catalogue.citation.doc} ${r.catalogue.citation.article}; module ${r.catalogue.policy})`)}</p>`);
    parts.push(`<p class="meta">${esc(r.activity ? (lang === 'zh' ? `运行数据：${r.activity.source}${r.activity.asOf ? `（截至 ${r.activity.asOf}）` : ''}` : `Activity: ${r.activity.source}${r.activity.asOf ? ` (as of ${r.activity.asOf})` : ''}`) : lang === 'zh' ? '未提供运行数据：更新、原创、留言类指标未评。' : 'No activity snapshot: update, original-post and reply indicators were not measured.')}</p>`);
    parts.push(`<p class="meta">${esc(r.inspection ? (lang === 'zh' ? `人工检查结果：${r.inspection.source}${r.inspection.period ? `（${r.inspection.period}）` : ''}，${r.inspection.results} 条` : `Inspection: ${r.inspection.source}${r.inspection.period ? ` (${r.inspection.period})` : ''}, ${r.inspection.results} results`) : lang === 'zh' ? '未提供人工检查结果：严重表述错误等人工检查指标未评。' : 'No inspection results: manually inspected indicators were not assessed.')}</p>`);
    parts.push(`<ul>${r.notes.map((n) => `<li>${esc(n.text[lang])}${n.verbatim ? '' : `<small>（${lang === 'zh' ? '本库解读' : 'our reading'}）</small>`}</li>`).join('')}</ul>`);
    for (const c of r.classes) {
      parts.push(`<h2>${esc(lang === 'zh' ? `${c.name}（同类最高单位得分 ${fmt(c.best)}）` : `${CLASS_EN[c.name] ?? c.name} (best unit score ${fmt(c.best)})`)}</h2>`);
      if (!c.units.length) {
        parts.push(`<p>${lang === 'zh' ? '本类没有参评单位。' : 'No units in this class.'}</p>`);
        continue;
      }
      parts.push(barChart(c, lang));
      parts.push(rankingTable(c, lang));
      for (const u of c.units) parts.push(unitDetail(u, r, lang));
    }
    if (r.unclassified.length) {
      parts.push(`<h2>${lang === 'zh' ? '未分类（单位没有登记考核分类，不参加排名）' : 'Unclassified (the unit has no assessment class recorded; not ranked)'}</h2>`);
      for (const u of r.unclassified) parts.push(unitDetail(u, r, lang) + `<p>${lang === 'zh' ? `单位得分 ${fmt(u.score)}` : `unit score ${fmt(u.score)}`}</p>`);
    }
    if (r.notScored.length) {
      parts.push(`<h2>${lang === 'zh' ? '未参评单位' : 'Not scored'}</h2><ul>${r.notScored.map((n) => `<li>${esc(n.name)}（<code>${esc(n.id)}</code>）：${esc(n.reason[lang])}</li>`).join('')}</ul>`);
    }
    parts.push(`<h2>${lang === 'zh' ? '指标目录' : 'Indicator catalogue'}</h2>`, catalogueTable(r, lang));
  }
  return htmlPage(title, parts.join('\n'), lang);
}

export function scoreJson(reports: ScoreReport[], now: string): string {
  return JSON.stringify({ now, reports }, null, 2) + '\n';
}
