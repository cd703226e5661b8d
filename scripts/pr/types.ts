/**
 * 合并请求检查的数据类型：变更分类、所需审批、裁决记录。
 * Types of the pull-request check: how each changed file is classified, which approvals a
 * change needs, and the decision record a run leaves behind.
 */
import { citationText, type Citation, type Finding, type Lang } from '../core/finding.ts';

/**
 * What a changed file is:
 * - open / backfill: a new account file whose first event is 开设备案 / 补录备案
 * - key-change: 名称、认证主体及其分类、主办单位 changed with a 变更备案
 * - non-key-change: staff, phones and other non-key facts (报备)
 * - closing: closure steps appended (关停备案, 注销公告, 平台注销, 系统填报 关停 …)
 * - progress: other steps appended to pending work (主管审核, 平台认证, 系统填报 …)
 * - unit / unit-change: a unit added or changed
 * - rules: policies/, schemas/, scripts/, .github/, package files, tests/, docs/ — maintainers' files
 * - illegal: deleted account file, edited or removed past event, move without host-unit filing,
 *   a file outside the tree
 */
export type ChangeKind = 'open' | 'backfill' | 'key-change' | 'non-key-change' | 'closing' | 'progress' | 'unit' | 'unit-change' | 'region' | 'rules' | 'illegal';

export interface FieldChange {
  field: string;
  /** Chinese label of the field, e.g. 账号名称. */
  label: string;
  from: string;
  to: string;
}

export interface ChangeItem {
  kind: ChangeKind;
  /** Git status letter: A, M, D, R. */
  status: string;
  /** Path in head (or base, for a deletion). */
  path: string;
  /** Path in base, for a move. */
  fromPath?: string;
  accountId?: string;
  accountName?: string;
  unitId?: string;
  /** The unit the account belonged to in base (moves). */
  fromUnitId?: string;
  regionId?: string;
  /** Key and non-key field changes, in domain words. */
  fields: FieldChange[];
  /** Event types appended by the change. */
  newEvents: string[];
  /**
   * Justifications for a 原则上 rule that the appended filing events record (PR data, shown escaped):
   * the supervising office must approve each (the approval routing then requires it).
   */
  justifications?: { type: string; date: string; text: string }[];
}

/** A group of people any one of whom can give a required approval. */
export interface ApprovalRequirement {
  /** Who, in words: e.g. 主办单位“自贡市卫生健康委员会” / 主管单位“自贡市人民政府办公室” / 本库维护者. */
  role: { zh: string; en: string };
  /** GitHub users or teams (@org/team) any one of whom may approve. */
  reviewers: string[];
  /** Why: which changes need it. */
  because: string[];
  /** Why, with the document and article: one entry per change and reason (absent in records of older engines). */
  grounds?: ApprovalGround[];
}

/** One reason an approver must approve, with the articles behind it (local measure first, the national opinion after). */
export interface ApprovalGround {
  /** The change it is about (one of `because`). */
  change: string;
  /** Which approval it is: unit, unit:non-key-change, former-unit, supervisor:<kind>, justification, former-supervisor, receiving-supervisor, maintainers. */
  key: string;
  /** The reason in words, e.g. 开设须经主管单位审核同意. */
  why: { zh: string; en: string };
  /** The articles: the bound local measure's, then 国办发〔2018〕123号's (or the register standard's). */
  citations: Citation[];
}

export interface Verdict {
  /** pass: may merge once approvals are in; fail: blocked. */
  result: 'pass' | 'fail';
  reasons: { zh: string; en: string }[];
}

export interface DecisionRecord {
  tool: 'govmedia check-pr';
  generatedAt: string;
  now: string;
  base: { ref: string; commit: string };
  head: { ref: string; commit: string };
  mergeBase: string;
  engine: { source: 'base' | 'self'; commit?: string; inProcess?: boolean };
  /** inForceFromAdoption: the document states no date; the module applies from the region's adoption of the register. */
  policies: { id: string; docNumber: string; version: string; inForce: string; inForceFromAdoption?: true }[];
  changes: ChangeItem[];
  approvals: ApprovalRequirement[];
  labels: string[];
  findings: { introduced: Finding[]; preexisting: Finding[]; suppressed: Finding[] };
  verdict: Verdict;
}

/** 改动类别的中文名。Chinese names of the kinds of change. */
export const KIND_ZH: Record<ChangeItem['kind'], string> = {
  open: '开设',
  backfill: '补录',
  'key-change': '关键信息变更',
  'non-key-change': '非关键信息变更（报备）',
  closing: '关停',
  progress: '办理进展',
  unit: '新增单位',
  'unit-change': '单位信息变更',
  region: '地区配置修改',
  rules: '规则修改',
  illegal: '不合规的修改',
};

/**
 * 一项审批的理由和依据，例如“开设：“健康自贡”：开设须经主管单位审核同意……（依据：自府办函〔2021〕62号 第七条第（三）项、第（四）项；国办发〔2018〕123号 四、（一）开设整合）”。
 * One ground as plain text (the caller escapes it for its output format).
 */
export function groundText(g: ApprovalGround, lang: Lang): string {
  const zh = lang === 'zh';
  const cites = g.citations.map((c) => citationText(c, lang)).join(zh ? '；' : '; ');
  return `${g.change}${zh ? '：' : ': '}${g.why[lang]}${cites ? (zh ? `（依据：${cites}）` : ` (source: ${cites})`) : ''}`;
}
