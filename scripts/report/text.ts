/**
 * 终端输出：中文为默认，--lang en 为英文。每条结果写明文件:行:列、规则、依据和修正方法。
 * Terminal reporter: Chinese by default, English with --lang en.
 */
import { SEVERITY_LABEL, citationText, type Finding, type Lang, type Summary } from '../core/finding.ts';
import { displaySafe } from '../core/text-checks.ts';
import { jobLog, logText } from './escape.ts';

const useColor = (): boolean => Boolean(process.stdout.isTTY) && !process.env.NO_COLOR;

function paint(code: string, s: string): string {
  return useColor() ? `\u001b[${code}m${s}\u001b[0m` : s;
}

export function formatFinding(f: Finding, lang: Lang): string {
  const sev = SEVERITY_LABEL[f.severity][lang];
  const color = f.severity === 'error' ? '31' : f.severity === 'warning' ? '33' : '36';
  // Values are data (file names, account names): one line each, no workflow command (escape.ts).
  const head = `${logText(f.file)}:${f.line}:${f.column}`;
  const sup = !f.suppressed
    ? ''
    : f.suppressed.by === 'baseline'
      ? lang === 'zh'
        ? ` [接入基线：已列入整改清单${f.suppressed.expires ? `，整改期限 ${logText(f.suppressed.expires)}` : ''}]`
        : ` [adoption baseline: on the rectification list${f.suppressed.expires ? `, due ${logText(f.suppressed.expires)}` : ''}]`
      : lang === 'zh'
        ? ` [已按例外放行：${logText(f.suppressed.reason)}，有效至 ${logText(f.suppressed.expires)}]`
        : ` [skipped by exception: ${logText(f.suppressed.reason)}, until ${logText(f.suppressed.expires)}]`;
  const lines = [
    `${paint('1', head)}  ${paint(color, sev)}  ${logText(displaySafe(f.message[lang]))}${sup}`,
    lang === 'zh' ? `    规则：${logText(f.ruleId)}    依据：${logText(citationText(f.citation, lang))}` : `    rule: ${logText(f.ruleId)}    source: ${logText(citationText(f.citation, lang))}`,
    lang === 'zh' ? `    修正：${logText(f.fix[lang])}` : `    fix: ${logText(f.fix[lang])}`,
  ];
  return jobLog(lines.join('\n'));
}

export function formatSummary(s: Summary, lang: Lang): string {
  if (lang === 'en') {
    const base = `${s.files} files, ${s.accounts} accounts checked: ${s.errors} errors, ${s.warnings} warnings, ${s.notices} notices`;
    return s.suppressed ? `${base}, ${s.suppressed} skipped by exceptions` : base;
  }
  const base = `共检查 ${s.files} 个文件、${s.accounts} 个账号：错误 ${s.errors} 条，警告 ${s.warnings} 条，提示 ${s.notices} 条`;
  return s.suppressed ? `${base}，按例外放行 ${s.suppressed} 条` : base;
}

export function formatText(findings: readonly Finding[], summary: Summary, lang: Lang): string {
  const out: string[] = [];
  for (const f of findings) out.push(formatFinding(f, lang), '');
  out.push(formatSummary(summary, lang));
  if (summary.errors === 0 && summary.warnings === 0) out.push(lang === 'zh' ? '✓ 登记簿符合规则。' : '✓ The register complies.');
  return jobLog(out.join('\n'));
}

/** The JSON shape of --format json. */
export function toJson(findings: readonly Finding[], summary: Summary, lang: Lang): object {
  return {
    findings: findings.map((f) => ({
      ruleId: f.ruleId,
      severity: f.severity,
      file: f.file,
      line: f.line,
      column: f.column,
      message: f.message[lang],
      citation: f.citation ? citationText(f.citation, lang) : null,
      fix: f.fix[lang],
      ...(f.account ? { account: f.account } : {}),
      ...(f.suppressed ? { suppressed: f.suppressed } : {}),
    })),
    summary,
  };
}
