/**
 * 合并请求检查的输出：给主管单位看的 Markdown 摘要（领域语言，不谈 Git）、终端文本、
 * GitHub 行内标注（每步最多 10 条，其余见摘要）、GitLab Code Quality JSON。
 * Reporters of the PR check.
 */
import { createHash } from 'node:crypto';
import { SEVERITY_LABEL, citationText, type Finding, type Lang } from '../core/finding.ts';
import { ghCommand, ghData, jobLog, logText, mdCode, mdText } from '../report/escape.ts';
import { publicFinding, registerScrubber, type Visibility } from '../report/privacy.ts';
import { formatFinding } from '../report/text.ts';
import { describeShort, KIND_ZH, type CheckPrResult } from './check.ts';
import type { Actor } from '../core/finding.ts';
import { groundText, type ApprovalRequirement, type ChangeItem } from './types.ts';

export const COMMENT_MARKER = '<!-- govmedia-pr-check -->';

const KIND_EN: Record<ChangeItem['kind'], string> = {
  open: 'opening',
  backfill: 'backfill',
  'key-change': 'key change',
  'non-key-change': 'non-key change (report)',
  closing: 'closure',
  progress: 'progress',
  unit: 'new unit',
  'unit-change': 'unit change',
  region: 'region config',
  rules: 'rules change',
  illegal: 'not allowed',
};

/**
 * 公开仓库的视图：所有结果改用隐去个人信息的文字，并用登记簿中全部姓名和电话兜底清除；私有仓库原样。
 * The result as a public repository may show it: every finding's withheld text (no staff names
 * or phones), scrubbed against every name and phone of the register; unchanged when private.
 */
export function forVisibility(r: CheckPrResult, visibility: Visibility): CheckPrResult {
  if (visibility === 'private') return r;
  const scrub = registerScrubber(r.headRegister);
  const bi = (x: { zh: string; en: string }): { zh: string; en: string } => ({ zh: scrub(x.zh), en: scrub(x.en) });
  const pf = (f: Finding): Finding => publicFinding(f, scrub);
  return {
    ...r,
    verdict: { ...r.verdict, reasons: r.verdict.reasons.map(bi) },
    changes: r.changes.map((c) => ({ ...c, fields: c.fields.map((f) => ({ ...f, from: scrub(f.from), to: scrub(f.to) })), ...(c.justifications ? { justifications: c.justifications.map((j) => ({ ...j, text: scrub(j.text) })) } : {}) })),
    nextSteps: r.nextSteps.map((s) => ({ ...s, text: bi(s.text) })),
    findings: { introduced: r.findings.introduced.map(pf), preexisting: r.findings.preexisting.map(pf), suppressed: r.findings.suppressed.map(pf) },
  };
}

function describe(c: ChangeItem, r: CheckPrResult, lang: Lang): string {
  const parts: string[] = [];
  if (c.kind === 'open' || c.kind === 'backfill') parts.push(lang === 'zh' ? `新增账号文件，事件：${c.newEvents.join('、')}` : `new account file; events: ${c.newEvents.join(', ')}`);
  if (c.fromUnitId && c.fromUnitId !== c.unitId) parts.push(lang === 'zh' ? `主办单位由“${r.unitNames[c.fromUnitId] ?? c.fromUnitId}”变更为“${r.unitNames[c.unitId ?? ''] ?? c.unitId}”` : `moved from "${r.unitNames[c.fromUnitId] ?? c.fromUnitId}" to "${r.unitNames[c.unitId ?? ''] ?? c.unitId}"`);
  for (const f of c.fields) {
    if (c.fromUnitId && f.field === 'hostUnit') continue;
    if (!f.from && !f.to) parts.push(lang === 'zh' ? `${f.label}已更新` : `${f.field} updated`);
    else parts.push(lang === 'zh' ? `${f.label}由“${f.from}”变更为“${f.to}”` : `${f.field} changed from "${f.from}" to "${f.to}"`);
  }
  if (c.kind !== 'open' && c.kind !== 'backfill' && c.newEvents.length) parts.push(lang === 'zh' ? `新增事件：${c.newEvents.join('、')}` : `events appended: ${c.newEvents.join(', ')}`);
  if (c.status === 'D') parts.push(lang === 'zh' ? '文件被删除' : 'file deleted');
  return parts.join(lang === 'zh' ? '；' : '; ') || (lang === 'zh' ? '格式调整' : 'formatting only');
}

/** Who must act on a finding (rules name the actor; default the host unit). */
export const ACTOR_HEADING: Record<Actor, { zh: string; en: string }> = {
  unit: { zh: '须由主办单位办理', en: 'For the host unit to act on' },
  supervisor: { zh: '须由主管单位办理', en: 'For the supervising office to act on' },
  maintainers: { zh: '须由本库维护者处理', en: 'For the maintainers to act on' },
};
const ACTORS: Actor[] = ['unit', 'supervisor', 'maintainers'];

/** The requirement whose grounds include the supervisor's approval of a change's justification. */
function justificationApprover(r: CheckPrResult, c: ChangeItem): ApprovalRequirement | undefined {
  const what = describeShort(c);
  return r.approvals.find((a) => (a.grounds ?? []).some((g) => g.key === 'justification' && g.change === what));
}

function findingRow(f: Finding, lang: Lang): string {
  return `| ${mdCode(`${f.file}:${f.line}:${f.column}`)} | ${SEVERITY_LABEL[f.severity][lang]} | ${mdText(f.message[lang])} | ${mdText(citationText(f.citation, lang))} | ${mdText(f.fix[lang])} |`;
}

export function markdownSummary(r: CheckPrResult, lang: Lang = 'zh'): string {
  const zh = lang === 'zh';
  const blocked = r.verdict.result === 'fail';
  const L: string[] = [COMMENT_MARKER];
  L.push(zh ? `## 政务新媒体备案检查：${blocked ? '❌ 不能合并' : '✅ 符合规则（合并前须取得下列审批）'}` : `## Register check: ${blocked ? '❌ cannot be merged' : '✅ complies (approvals below still required)'}`);
  L.push('');
  for (const reason of r.verdict.reasons) L.push(`- ${mdText(reason[lang])}`);
  L.push('');
  const accounts = r.changes.filter((c) => c.kind !== 'rules');
  if (accounts.length) {
    L.push(zh ? '### 本次变更' : '### What changes', '', zh ? '| 账号或文件 | 主办单位 | 事项 | 具体内容 |' : '| account or file | host unit | kind | details |', '|---|---|---|---|');
    for (const c of accounts) {
      const who = c.accountName ? `${c.accountName}` : c.path;
      L.push(`| ${mdText(who)} | ${mdText(r.unitNames[c.unitId ?? ''] ?? c.unitId ?? '')} | ${zh ? KIND_ZH[c.kind] : KIND_EN[c.kind]} | ${mdText(describe(c, r, lang))} |`);
    }
    L.push('');
  }
  const rules = r.changes.filter((c) => c.kind === 'rules');
  if (rules.length) {
    L.push(zh ? `### 规则修改（须由本库维护者审核）` : '### Rules changes (maintainers review)', '');
    for (const c of rules.slice(0, 30)) L.push(`- ${mdCode(c.path)}`);
    if (rules.length > 30) L.push(zh ? `- ……另有 ${rules.length - 30} 个文件` : `- … and ${rules.length - 30} more`);
    L.push('');
  }
  if (r.nextSteps.length) {
    L.push(zh ? '### 办理期限' : '### Deadlines', '');
    for (const s of r.nextSteps) L.push(`- **${mdText(s.due)}**　${mdText(s.accountName)}：${mdText(s.text[lang])}（${zh ? '依据' : 'source'} ${mdText(s.citation)}）`);
    L.push('');
  }
  const justified = r.changes.filter((c) => c.justifications?.length);
  if (justified.length) {
    L.push(zh ? '### 例外理由（“原则上”条款，须经主管单位审核同意）' : '### Justifications (rules that hold "in principle": the supervising office must approve)', '');
    for (const c of justified) {
      const who = justificationApprover(r, c);
      for (const j of c.justifications ?? []) {
        L.push(`- ${mdText(c.accountName ?? c.path)}（${mdText(j.type)} ${mdText(j.date)}）${zh ? '：' : ': '}${mdText(j.text)}`);
      }
      if (who) {
        const g = (who.grounds ?? []).find((x) => x.key === 'justification');
        const cites = (g?.citations ?? []).map((x) => citationText(x, lang)).join(zh ? '；' : '; ');
        const names = who.reviewers.length ? who.reviewers.map((x) => mdCode(x)).join(zh ? '、' : ', ') : zh ? '（未配置审核人）' : '(no reviewers configured)';
        L.push(zh ? `  - 须由${mdText(who.role.zh)}（${names} 中任一人）审核同意这一理由${cites ? `；依据：${mdText(cites)}` : ''}` : `  - ${mdText(who.role.en)} (any one of ${names}) must approve this justification${cites ? `; source: ${mdText(cites)}` : ''}`);
      }
    }
    L.push('');
  }
  if (r.approvals.length) {
    L.push(zh ? '### 需要的审批' : '### Approvals required', '');
    for (const a of r.approvals) {
      const who = a.reviewers.length ? a.reviewers.map((x) => mdCode(x)).join(zh ? '、' : ', ') : zh ? '（未配置审核人，请维护者补充）' : '(no reviewers configured)';
      L.push(zh ? `- ${mdText(a.role.zh)}：${who} 中任一人批准（${mdText(a.because.join('；'))}）` : `- ${mdText(a.role.en)}: any one of ${who} (${mdText(a.because.join('; '))})`);
      for (const g of a.grounds ?? []) L.push(`  - ${mdText(groundText(g, lang))}`);
    }
    L.push('');
  }
  const intro = r.findings.introduced;
  if (intro.length) {
    L.push(zh ? `### 本次修改引入的问题（${intro.length} 条）` : `### Problems introduced by this change (${intro.length})`, '');
    // grouped by whose act it is: the unit's, the supervising office's, the maintainers'
    for (const actor of ACTORS) {
      const mine = intro.filter((f) => (f.actor ?? 'unit') === actor);
      if (!mine.length) continue;
      L.push(`#### ${ACTOR_HEADING[actor][lang]}${zh ? `（${mine.length} 条）` : ` (${mine.length})`}`, '');
      L.push(zh ? '| 位置 | 严重程度 | 问题 | 依据 | 如何修改 |' : '| where | severity | problem | source | how to fix |', '|---|---|---|---|---|');
      for (const f of mine) L.push(findingRow(f, lang));
      L.push('');
    }
  }
  if (r.findings.suppressed.length) {
    L.push(zh ? `### 按例外放行（${r.findings.suppressed.length} 条，仍须整改）` : `### Skipped by reviewed exceptions (${r.findings.suppressed.length})`, '');
    for (const f of r.findings.suppressed) L.push(`- ${mdCode(`${f.file}:${f.line}`)} ${mdText(f.message[lang])}（${zh ? '例外' : 'exception'} ${mdText(f.suppressed?.by)}，${zh ? '有效至' : 'until'} ${mdText(f.suppressed?.expires)}）`);
    L.push('');
  }
  if (r.findings.preexisting.length) {
    L.push(`<details><summary>${zh ? `原有问题（${r.findings.preexisting.length} 条，不是本次修改引入的，不阻止合并）` : `Pre-existing problems (${r.findings.preexisting.length}, not introduced here, not blocking)`}</summary>`, '');
    L.push(zh ? '| 位置 | 严重程度 | 问题 | 依据 | 如何修改 |' : '| where | severity | problem | source | how to fix |', '|---|---|---|---|---|');
    for (const f of r.findings.preexisting) L.push(findingRow(f, lang));
    L.push('', '</details>', '');
  }
  L.push(zh ? '### 检查依据' : '### Basis of this decision', '');
  L.push(zh ? `- 检查程序与规则：${r.engine.source === 'base' ? '目标分支（基准）上的版本' : '当前运行的版本'}${r.engine.commit ? `（提交 ${r.engine.commit.slice(0, 12)}）` : ''}` : `- engine and rules: ${r.engine.source === 'base' ? "the target branch's" : 'the running'} version${r.engine.commit ? ` (commit ${r.engine.commit.slice(0, 12)})` : ''}`);
  L.push(zh ? `- 比较：${r.mergeBase.slice(0, 12)} → ${r.head.commit.slice(0, 12)}；判断日期 ${r.now}` : `- compared ${r.mergeBase.slice(0, 12)} → ${r.head.commit.slice(0, 12)}; judged as of ${r.now}`);
  if (r.policies.length) L.push(zh ? `- 适用的管理办法：${r.policies.map((p) => `${mdText(p.docNumber)}（${p.inForceFromAdoption ? `原文未载施行日期，自本地区接入本库之日 ${mdText(p.inForce)} 起适用` : `${mdText(p.inForce)} 起施行`}）`).join('；')}` : `- policies applied: ${r.policies.map((p) => `${mdText(p.docNumber)} (${p.inForceFromAdoption ? `no date in the document; applied from the region's adoption of the register, ${mdText(p.inForce)}` : `in force ${mdText(p.inForce)}`})`).join('; ')}`);
  if (r.labels.length) L.push(zh ? `- 标签：${r.labels.map(mdCode).join('、')}` : `- labels: ${r.labels.map(mdCode).join(', ')}`);
  L.push('');
  return L.join('\n');
}

export function textReport(r: CheckPrResult, lang: Lang): string {
  const zh = lang === 'zh';
  const L: string[] = [];
  L.push(zh ? `合并请求检查：${r.verdict.result === 'fail' ? '不能合并' : '符合规则，待审批'}` : `PR check: ${r.verdict.result === 'fail' ? 'cannot be merged' : 'complies, awaiting approvals'}`);
  for (const c of r.changes) L.push(`  [${zh ? KIND_ZH[c.kind] : KIND_EN[c.kind]}] ${logText(c.accountName ?? c.path)}${c.kind !== 'rules' ? ` — ${logText(describe(c, r, lang))}` : ''}`);
  if (r.nextSteps.length) {
    L.push(zh ? '期限：' : 'Deadlines:');
    for (const s of r.nextSteps) L.push(`  ${logText(s.due)}  ${logText(s.accountName)}：${logText(s.text[lang])}（${logText(s.citation)}）`);
  }
  if (r.approvals.length) {
    L.push(zh ? '需要的审批：' : 'Approvals required:');
    for (const a of r.approvals) {
      L.push(`  ${logText(a.role[lang])}：${logText(a.reviewers.join(' ')) || '-'}`);
      for (const g of a.grounds ?? []) L.push(`    ${logText(groundText(g, lang))}`);
    }
  }
  for (const c of r.changes) for (const j of c.justifications ?? []) L.push(zh ? `例外理由（须经主管单位审核同意）：${logText(c.accountName ?? c.path)}（${logText(j.type)} ${logText(j.date)}）：${logText(j.text)}` : `Justification (the supervising office must approve): ${logText(c.accountName ?? c.path)} (${logText(j.type)} ${logText(j.date)}): ${logText(j.text)}`);
  if (r.findings.introduced.length) {
    L.push('', zh ? `本次修改引入的问题（${r.findings.introduced.length} 条）：` : `Introduced (${r.findings.introduced.length}):`, '');
    for (const f of r.findings.introduced) L.push(formatFinding(f, lang), '');
  }
  if (r.findings.preexisting.length) {
    L.push(zh ? `原有问题 ${r.findings.preexisting.length} 条（不阻止合并），详见摘要。` : `${r.findings.preexisting.length} pre-existing problem(s), not blocking.`);
  }
  if (r.findings.suppressed.length) L.push(zh ? `按例外放行 ${r.findings.suppressed.length} 条。` : `${r.findings.suppressed.length} skipped by exceptions.`);
  // The text goes to the job log: no line may become a workflow command.
  return jobLog(L.join('\n'));
}

/** GitHub workflow commands; GitHub shows at most 10 errors and 10 warnings per step. */
export function githubAnnotations(r: CheckPrResult, lang: Lang, limit = 10): string {
  const L: string[] = [];
  const by = { error: 0, warning: 0, notice: 0 };
  let dropped = 0;
  for (const f of r.findings.introduced) {
    const level = f.severity === 'error' ? 'error' : f.severity === 'warning' ? 'warning' : 'notice';
    if (by[level] >= limit) {
      dropped++;
      continue;
    }
    by[level]++;
    L.push(ghCommand(level, { file: f.file, line: f.line, col: f.column, title: `${f.ruleId}（${citationText(f.citation, lang)}）` }, `${f.message[lang]}\n${lang === 'zh' ? '修正' : 'fix'}：${f.fix[lang]}`));
  }
  if (dropped) L.push(`::notice::${ghData(lang === 'zh' ? `另有 ${dropped} 条问题未逐行标注，请查看检查摘要。` : `${dropped} more problem(s) are listed in the job summary.`)}`);
  return L.join('\n');
}

/** GitLab Code Quality report (a JSON array). */
export function gitlabCodeQuality(r: CheckPrResult, lang: Lang): object[] {
  return r.findings.introduced.map((f) => ({
    description: `${f.message[lang]}（${citationText(f.citation, lang)}）`,
    check_name: f.ruleId,
    fingerprint: createHash('sha1').update(`${f.ruleId}|${f.file}|${f.line}|${f.message.zh}`).digest('hex'),
    severity: f.severity === 'error' ? 'major' : f.severity === 'warning' ? 'minor' : 'info',
    location: { path: f.file, lines: { begin: f.line } },
  }));
}

export function jsonReport(r: CheckPrResult, lang: Lang): object {
  const fl = (f: Finding): object => ({ ruleId: f.ruleId, severity: f.severity, file: f.file, line: f.line, column: f.column, message: f.message[lang], citation: f.citation ? citationText(f.citation, lang) : null, fix: f.fix[lang], ...(f.account ? { account: f.account } : {}), ...(f.suppressed ? { suppressed: f.suppressed } : {}) });
  return {
    verdict: r.verdict.result,
    reasons: r.verdict.reasons.map((x) => x[lang]),
    changes: r.changes,
    approvals: r.approvals,
    nextSteps: r.nextSteps.map((s) => ({ account: s.account, due: s.due, text: s.text[lang], citation: s.citation })),
    findings: r.findings.introduced.map(fl),
    preexisting: r.findings.preexisting.map(fl),
    suppressed: r.findings.suppressed.map(fl),
    base: r.base,
    head: r.head,
    mergeBase: r.mergeBase,
    engine: r.engine,
    policies: r.policies,
  };
}
