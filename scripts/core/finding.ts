/**
 * 检查结果（finding）是数据，不是异常：规则编号、严重程度、文件、行、列、消息、依据。
 * Findings are data, returned, never thrown. Shaped after ESLint's LintMessage and
 * Kyverno's PolicyReport result (rule, severity, resource, message, result).
 */

export type Severity = 'error' | 'warning' | 'notice';
/** Whose act a finding is about: the host unit, the supervising office, or the register's maintainers. */
export type Actor = 'unit' | 'supervisor' | 'maintainers';
export type Lang = 'zh' | 'en';

export interface Bilingual {
  zh: string;
  en: string;
}

/** 依据：文件文号与条款，例如 自府办函〔2021〕62号 第六条。 */
export interface Citation {
  /** 文号，例如“自府办函〔2021〕62号”。 */
  doc: string;
  /** 条款，例如“第六条”或“第七条第（三）项”。 */
  article: string;
  /** 文件简称，例如“自贡市政务新媒体管理办法”。 */
  title?: string;
  /** 原文摘录（可选）。 */
  quote?: string;
  /** 同一事项的其他依据（例如地方条款与国办发〔2018〕123号 同时规定时，合并为一条结果并列出两者）。 */
  also?: Citation[];
}

export interface Finding {
  ruleId: string;
  severity: Severity;
  /** 相对于仓库根目录的路径（使用 / 分隔）。 */
  file: string;
  line: number;
  column: number;
  message: Bilingual;
  /** 如何修正。 */
  fix: Bilingual;
  citation?: Citation;
  /** 账号编号（若与某个账号有关）。 */
  account?: string;
  /** 谁的行为：主办单位、主管单位或维护者（可选；未填为主办单位）。 Whose act it is (optional; default the unit). */
  actor?: Actor;
  /** 与本条结果合并的同一事项的其他规则编号（地方条款与国办发〔2018〕123号 同时检查出时）；对其中任一规则的例外也放行本条。 */
  alsoRules?: string[];
  /** 被例外放行（见 exceptions/），仍然列出但不阻断。 */
  suppressed?: { by: string; reason: string; expires: string };
  /** 个人信息（姓名、电话），按模板数据的键单独存放；公开输出不得使用（见 scripts/report/privacy.ts）。 */
  personal?: Record<string, string>;
  /** 隐去个人信息后的消息和修正文字（有 personal 时给出），供公开输出使用。 */
  redacted?: { message: Bilingual; fix: Bilingual };
}

export const SEVERITY_LABEL: Record<Severity, Bilingual> = {
  error: { zh: '错误', en: 'error' },
  warning: { zh: '警告', en: 'warning' },
  notice: { zh: '提示', en: 'notice' },
};

export function citationText(c: Citation | undefined, lang: Lang = 'zh'): string {
  if (!c) return lang === 'zh' ? '本库数据规范' : 'register data rules';
  const also = (c.also ?? []).map((x) => `${x.doc} ${x.article}`);
  return [`${c.doc} ${c.article}`, ...also].join(lang === 'zh' ? '；' : '; ');
}

/** Fill {placeholders} in a template. */
export function fill(template: string, data: Record<string, string | number | undefined> = {}): string {
  return template.replace(/\{(\w+)\}/g, (m, k: string) => {
    const v = data[k];
    return v === undefined ? m : String(v);
  });
}

export function bi(zh: string, en: string): Bilingual {
  return { zh, en };
}

export function compareFindings(a: Finding, b: Finding): number {
  return a.file < b.file ? -1 : a.file > b.file ? 1 : a.line - b.line || a.column - b.column || (a.ruleId < b.ruleId ? -1 : a.ruleId > b.ruleId ? 1 : 0);
}

export interface Summary {
  files: number;
  accounts: number;
  errors: number;
  warnings: number;
  notices: number;
  suppressed: number;
}

export function summarize(findings: readonly Finding[], files: number, accounts: number): Summary {
  const s: Summary = { files, accounts, errors: 0, warnings: 0, notices: 0, suppressed: 0 };
  for (const f of findings) {
    if (f.suppressed) s.suppressed++;
    else if (f.severity === 'error') s.errors++;
    else if (f.severity === 'warning') s.warnings++;
    else s.notices++;
  }
  return s;
}
