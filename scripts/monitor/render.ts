/**
 * 监测报告的输出：Markdown（跟踪议题）、HTML（自包含、可打印）、JSON。按主管单位分组。
 * Monitor report output: Markdown (for the tracking issue), self-contained HTML, JSON; grouped by
 * supervising office. Items carry no personal data (accounts by id, name, platform, host unit).
 */
import type { Bilingual, Lang } from '../core/finding.ts';
import { citationHtml, citationLine, esc, htmlPage, md } from './html.ts';
import type { ReconcileItem, ReconcileReport } from './reconcile.ts';
import type { ItemStatus, MonitorItem, MonitorReport } from './types.ts';

/** Marker that identifies the tracking issue's body. */
export const MONITOR_MARKER = '<!-- govmedia-monitor -->';

const STATUS: Record<ItemStatus, Bilingual> = {
  overdue: { zh: '逾期', en: 'overdue' },
  'due-soon': { zh: '即将到期', en: 'due soon' },
  reminder: { zh: '提醒', en: 'reminder' },
};

function statusText(i: MonitorItem, lang: Lang): string {
  let s = STATUS[i.status][lang];
  if (i.status === 'overdue' && i.severity === 'warning') s += lang === 'zh' ? '（警告）' : ' (warning)';
  if (i.status === 'overdue' && i.severity === 'notice') s += lang === 'zh' ? '（提示）' : ' (notice)';
  if (i.status === 'due-soon' && i.workdaysLeft !== undefined) s += lang === 'zh' ? `（剩 ${i.workdaysLeft} 个工作日）` : ` (${i.workdaysLeft} working days left)`;
  return s;
}

function statusClass(i: MonitorItem): string {
  if (i.status === 'overdue') return i.severity === 'error' ? 'status-overdue' : i.severity === 'warning' ? 'status-warning' : 'status-reminder';
  return `status-${i.status}`;
}

function accountText(i: MonitorItem, lang: Lang): string {
  if (!i.account) return lang === 'zh' ? '（单位事项）' : '(unit duty)';
  return lang === 'zh' ? `${i.account.name}（${i.account.id}）` : `${i.account.name} (${i.account.id})`;
}

function whatText(i: MonitorItem, lang: Lang): string {
  return i.note ? `${i.what[lang]}${lang === 'zh' ? '。注：' : '. Note: '}${i.note[lang]}` : i.what[lang];
}

function header(r: MonitorReport, lang: Lang): { title: string; lines: string[] } {
  const s = r.summary;
  const title = lang === 'zh' ? `政务新媒体合规监测 · ${r.now}` : `Government new-media compliance monitor · ${r.now}`;
  const lines = [
    lang === 'zh'
      ? `逾期 ${s.overdue} 项 · 即将到期（${r.soon} 个工作日内）${s.dueSoon} 项 · 提醒 ${s.reminders} 项 · 监测账号 ${s.monitoredAccounts} 个 · 涉及主管单位 ${s.offices} 个`
      : `${s.overdue} overdue · ${s.dueSoon} due within ${r.soon} working days · ${s.reminders} reminders · ${s.monitoredAccounts} accounts monitored · ${s.offices} supervising offices`,
  ];
  if (r.rectification) {
    const x = r.rectification;
    lines.push(
      lang === 'zh'
        ? `整改清单（接入基线 policies/baseline.json，${x.adoptedOn} 接入）：${x.items} 项（${x.findings} 处问题），逾期 ${x.overdue} 项${x.undated ? `，${x.undated} 项尚未确定整改期限` : ''}；各项列在下方主管单位名下`
        : `Rectification list (adoption baseline policies/baseline.json, adopted ${x.adoptedOn}): ${x.items} items (${x.findings} findings), ${x.overdue} overdue${x.undated ? `, ${x.undated} without a due date` : ''}; listed under each supervising office below`,
    );
  }
  if (r.activity) {
    const a = r.activity;
    lines.push(
      lang === 'zh'
        ? `运行数据：${a.source}${a.asOf ? `（截至 ${a.asOf}）` : ''}，${a.rows} 个账号${a.unknownAccounts.length ? `；其中 ${a.unknownAccounts.length} 个不在登记簿中（${a.unknownAccounts.join('、')}），可能是未备案账号，请核实` : ''}`
        : `Activity snapshot: ${a.source}${a.asOf ? ` (as of ${a.asOf})` : ''}, ${a.rows} accounts${a.unknownAccounts.length ? `; ${a.unknownAccounts.length} not in the register (${a.unknownAccounts.join(', ')}): possibly unfiled accounts` : ''}`,
    );
  } else {
    lines.push(lang === 'zh' ? '未提供运行数据（--activity）：更新频率、原创和留言答复未检查。' : 'No activity snapshot (--activity): update frequency, original posts and replies were not checked.');
  }
  return { title, lines };
}

const COLS: Record<Lang, string[]> = {
  zh: ['状态', '账号', '平台', '主办单位', '事项', '期限', '逾期天数', '依据', '处理'],
  en: ['Status', 'Account', 'Platform', 'Host unit', 'What', 'Due', 'Days overdue', 'Citation', 'What to do'],
};

const COLGROUP = '<colgroup><col style="width:8%"><col style="width:11%"><col style="width:7%"><col style="width:10%"><col style="width:24%"><col style="width:8%"><col style="width:5%"><col style="width:14%"><col style="width:13%"></colgroup>';

export function monitorMarkdown(r: MonitorReport, lang: Lang): string {
  const { title, lines } = header(r, lang);
  const out = [MONITOR_MARKER, `## ${title}`, '', ...lines.map((l) => l + '  '), ''];
  if (!r.groups.length) out.push(lang === 'zh' ? '没有逾期、即将到期或需要提醒的事项。' : 'Nothing is overdue, due soon or to be reminded of.', '');
  for (const g of r.groups) {
    out.push(`### ${g.office.name}${g.office.id ? (lang === 'zh' ? `（\`${g.office.id}\`）` : ` (\`${g.office.id}\`)`) : ''}`, '');
    out.push(`| ${COLS[lang].join(' | ')} |`, `|${COLS[lang].map(() => '---').join('|')}|`);
    for (const i of g.items) {
      out.push(
        `| ${[
          md(statusText(i, lang)),
          md(accountText(i, lang)),
          md(i.account?.platform ?? ''),
          md(i.unit.name),
          md(whatText(i, lang)),
          md(i.due ?? ''),
          md(i.daysOverdue ?? ''),
          md(i.citations.map((c) => citationLine(c, lang)).join('；')),
          md(i.todo[lang]),
        ].join(' | ')} |`,
      );
    }
    out.push('');
  }
  out.push(
    lang === 'zh'
      ? `<sub>由 \`govmedia monitor --now ${r.now}\` 生成。逾期天数按自然日计；工作日按国务院办公厅公布的节假日和调休安排计算。</sub>`
      : `<sub>Generated by \`govmedia monitor --now ${r.now}\`. Days overdue are calendar days; working days follow the official holiday calendar.</sub>`,
  );
  return out.join('\n') + '\n';
}

export function monitorHtml(r: MonitorReport, lang: Lang): string {
  const { title, lines } = header(r, lang);
  const s = r.summary;
  const parts: string[] = [`<h1>${esc(title)}</h1>`, ...lines.map((l) => `<p class="meta">${esc(l)}</p>`)];
  parts.push(
    `<div class="summary"><div>${lang === 'zh' ? '逾期' : 'Overdue'} <strong class="status-overdue">${s.overdue}</strong></div><div>${lang === 'zh' ? '即将到期' : 'Due soon'} <strong class="status-due-soon">${s.dueSoon}</strong></div><div>${lang === 'zh' ? '提醒' : 'Reminders'} <strong>${s.reminders}</strong></div></div>`,
  );
  if (!r.groups.length) parts.push(`<p>${lang === 'zh' ? '没有逾期、即将到期或需要提醒的事项。' : 'Nothing is overdue, due soon or to be reminded of.'}</p>`);
  for (const g of r.groups) {
    parts.push(`<h2>${esc(g.office.name)}${g.office.id ? ` <small><code>${esc(g.office.id)}</code></small>` : ''}</h2>`);
    parts.push(`<table>${COLGROUP}<thead><tr>${COLS[lang].map((c) => `<th>${esc(c)}</th>`).join('')}</tr></thead><tbody>`);
    for (const i of g.items) {
      parts.push(
        `<tr><td class="${statusClass(i)}">${esc(statusText(i, lang))}</td><td>${i.account ? `${esc(i.account.name)}<br><small><code>${esc(i.account.id)}</code></small>` : esc(accountText(i, lang))}</td><td class="nowrap">${esc(i.account?.platform ?? '')}</td><td>${esc(i.unit.name)}</td><td>${esc(i.what[lang])}${i.note ? `<br><small class="note">${esc(i.note[lang])}</small>` : ''}</td><td class="nowrap">${esc(i.due ?? '')}</td><td class="num">${esc(i.daysOverdue ?? '')}</td><td>${i.citations.map((c) => citationHtml(c, lang)).join('<br>')}</td><td>${esc(i.todo[lang])}</td></tr>`,
      );
    }
    parts.push('</tbody></table>');
  }
  parts.push(`<p class="meta"><small>${esc(lang === 'zh' ? `由 govmedia monitor --now ${r.now} 生成。逾期天数按自然日计；工作日按国务院办公厅公布的节假日和调休安排计算。` : `Generated by govmedia monitor --now ${r.now}. Days overdue are calendar days; working days follow the official holiday calendar.`)}</small></p>`);
  return htmlPage(title, parts.join('\n'), lang);
}

export function monitorJson(r: MonitorReport): string {
  return JSON.stringify(r, null, 2) + '\n';
}

// ---------------------------------------------------------------------------------------------
// Reconcile report (same layout: grouped by supervising office)
// ---------------------------------------------------------------------------------------------


export const RECONCILE_MARKER = '<!-- govmedia-reconcile -->';

const SEVERITY_TEXT: Record<ReconcileItem['severity'], Bilingual> = {
  error: { zh: '差异', en: 'discrepancy' },
  warning: { zh: '不一致', en: 'mismatch' },
  notice: { zh: '提示', en: 'notice' },
};

const RCOLS: Record<Lang, string[]> = {
  zh: ['程度', '登记簿账号', '报送系统记录', '平台', '主办单位', '情况', '依据', '处理'],
  en: ['Level', 'Register account', 'National record', 'Platform', 'Host unit', 'Finding', 'Citation', 'What to do'],
};

function rHeader(r: ReconcileReport, lang: Lang): { title: string; lines: string[] } {
  const s = r.summary;
  const enc = r.national.encoding === 'gbk' ? 'GBK' : r.national.encoding === 'utf-8-bom' ? (lang === 'zh' ? 'UTF-8（带 BOM）' : 'UTF-8 with BOM') : 'UTF-8';
  return {
    title: lang === 'zh' ? `登记簿与全国政务新媒体信息报送系统核对 · ${r.now}` : `Register vs national reporting system · ${r.now}`,
    lines: [
      lang === 'zh'
        ? `报送系统导出：${r.national.source}（${enc}，${r.national.rows} 行）；已匹配 ${s.matched} 个账号`
        : `National export: ${r.national.source} (${enc}, ${r.national.rows} rows); ${s.matched} accounts matched`,
      lang === 'zh'
        ? `报送系统有、登记簿无 ${s.missingHere} 个 · 登记簿有、报送系统无 ${s.missingThere} 个 · 状态、名称、主办单位等不一致 ${s.differences} 处 · 提示 ${s.notices} 条`
        : `${s.missingHere} in the national system only · ${s.missingThere} in the register only · ${s.differences} other differences · ${s.notices} notices`,
    ],
  };
}

function rAccount(i: ReconcileItem, lang: Lang): string {
  if (!i.account) return '—';
  return lang === 'zh' ? `${i.account.name}（${i.account.id}）` : `${i.account.name} (${i.account.id})`;
}
function rNational(i: ReconcileItem, lang: Lang): string {
  if (!i.national) return '—';
  return lang === 'zh' ? `第 ${i.national.line} 行：${i.national.name}（${i.national.status || '无状态'}）` : `line ${i.national.line}: ${i.national.name} (${i.national.status || 'no status'})`;
}

export function reconcileMarkdown(r: ReconcileReport, lang: Lang): string {
  const { title, lines } = rHeader(r, lang);
  const out = [RECONCILE_MARKER, `## ${title}`, '', ...lines.map((l) => l + '  '), ''];
  if (!r.groups.length) out.push(lang === 'zh' ? '登记簿与报送系统一致。' : 'The register and the national system agree.', '');
  for (const g of r.groups) {
    out.push(`### ${g.office.name}${g.office.id ? (lang === 'zh' ? `（\`${g.office.id}\`）` : ` (\`${g.office.id}\`)`) : ''}`, '');
    out.push(`| ${RCOLS[lang].join(' | ')} |`, `|${RCOLS[lang].map(() => '---').join('|')}|`);
    for (const i of g.items) {
      out.push(`| ${[md(SEVERITY_TEXT[i.severity][lang]), md(rAccount(i, lang)), md(rNational(i, lang)), md(i.account?.platform ?? i.national?.platform ?? ''), md(i.unit.name), md(i.what[lang]), md(i.citations.map((c) => citationLine(c, lang)).join('；')), md(i.todo[lang])].join(' | ')} |`);
    }
    out.push('');
  }
  return out.join('\n') + '\n';
}

export function reconcileHtml(r: ReconcileReport, lang: Lang): string {
  const { title, lines } = rHeader(r, lang);
  const parts = [`<h1>${esc(title)}</h1>`, ...lines.map((l) => `<p class="meta">${esc(l)}</p>`)];
  if (!r.groups.length) parts.push(`<p>${lang === 'zh' ? '登记簿与报送系统一致。' : 'The register and the national system agree.'}</p>`);
  for (const g of r.groups) {
    parts.push(`<h2>${esc(g.office.name)}${g.office.id ? ` <small><code>${esc(g.office.id)}</code></small>` : ''}</h2>`);
    parts.push(`<table><thead><tr>${RCOLS[lang].map((c) => `<th>${esc(c)}</th>`).join('')}</tr></thead><tbody>`);
    for (const i of g.items) {
      const cls = i.severity === 'error' ? 'status-overdue' : i.severity === 'warning' ? 'status-warning' : 'status-reminder';
      parts.push(`<tr><td class="nowrap ${cls}">${esc(SEVERITY_TEXT[i.severity][lang])}</td><td>${esc(rAccount(i, lang))}</td><td>${esc(rNational(i, lang))}</td><td class="nowrap">${esc(i.account?.platform ?? i.national?.platform ?? '')}</td><td>${esc(i.unit.name)}</td><td>${esc(i.what[lang])}</td><td>${i.citations.map((c) => citationHtml(c, lang)).join('<br>')}</td><td>${esc(i.todo[lang])}</td></tr>`);
    }
    parts.push('</tbody></table>');
  }
  return htmlPage(title, parts.join('\n'), lang);
}

export function reconcileJson(r: ReconcileReport): string {
  return JSON.stringify(r, null, 2) + '\n';
}
