/**
 * “原则上”的理由路径在办事工具中的读法：一条检查结果是否是“备案没有写明理由”（可由经办人员补写理由）
 * 或“理由已写明、待主管单位审核同意”（不拒绝，由评审决定）。按规则声明的 justification（types.ts）判断，
 * 不按规则名称：以后新增的“原则上”规则声明了理由路径，命令行向导和备案助手就同样对待。
 *
 * The 原则上 justification path as the clerk's tools read it: whether a finding means "the filing records
 * no justification" (the clerk may write one) or "a justification is recorded and awaits the supervising
 * office" (not refused: the review decides). Decided by what the rule declares (Rule.justification), never
 * by rule name, so any future 原则上 rule that declares its path gets the same treatment. The message id a
 * finding was reported with comes from the engine's reportedWith (beside the findings, not in them).
 */
import type { Finding } from '../core/finding.ts';
import { reportedWith } from './engine.ts';
import type { JustificationPath, LoadedPolicy, Rule } from './types.ts';

export interface JustificationNeed {
  finding: Finding;
  /** missing: no justification recorded; unapproved: recorded, awaiting the supervising office. */
  need: 'missing' | 'unapproved';
  /** The filing event types whose justification the rule accepts. */
  filings: JustificationPath['filings'];
}

const templates = new WeakMap<Rule, [string, RegExp][]>();
/** A message template as a pattern of the text it renders ({placeholders} match any text). */
function templatesOf(rule: Rule): [string, RegExp][] {
  let t = templates.get(rule);
  if (!t) {
    t = Object.entries(rule.messages).map(([id, m]) => [id, new RegExp('^' + m.zh.split(/\{\w+\}/).map((part) => part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('[\\s\\S]*?') + '$')]);
    templates.set(rule, t);
  }
  return t;
}

/**
 * The message id a finding was reported with: from the engine (reportedWith), else — for a finding that crossed a
 * worker or a JSON boundary, which keeps no side table — from its text, by the rule's templates.
 */
function messageIdOf(f: Finding, rule: Rule): string | undefined {
  const m = reportedWith.get(f);
  if (m) return m.messageId;
  const hits = templatesOf(rule).filter(([, re]) => re.test(f.message.zh));
  return hits.length === 1 ? hits[0]![0] : undefined;
}

/** The justification path a finding belongs to, if its rule declares one and the finding is one of its messages. */
export function justificationNeed(f: Finding, policies: readonly LoadedPolicy[]): JustificationNeed | undefined {
  const cut = f.ruleId.lastIndexOf('/');
  const moduleId = f.ruleId.slice(0, cut);
  const name = f.ruleId.slice(cut + 1);
  const rule = policies.find((p) => p.manifest.id === moduleId)?.rules.find((r) => r.name === name);
  const jp = rule?.justification;
  if (!rule || !jp) return undefined;
  const id = messageIdOf(f, rule);
  if (id === undefined) return undefined;
  if (jp.missing.includes(id)) return { finding: f, need: 'missing', filings: jp.filings };
  if (jp.unapproved.includes(id)) return { finding: f, need: 'unapproved', filings: jp.filings };
  return undefined;
}

/** Every finding of a list that belongs to a justification path. */
export function justificationNeeds(findings: readonly Finding[], policies: readonly LoadedPolicy[]): JustificationNeed[] {
  const out: JustificationNeed[] = [];
  for (const f of findings) {
    const n = justificationNeed(f, policies);
    if (n) out.push(n);
  }
  return out;
}
