/**
 * 考核评分的指标目录（数据）与评分结果的类型。目录放在办法模块中：policies/<series>/<version>/scoring.ts
 * （默认导出 ScoringCatalogue；加载器放入 policy.extras.scoring）。
 *
 * Types of an inspection scoring catalogue (data, kept in the policy module as scoring.ts) and of
 * the scores. The scorer in score.ts implements the measures; the catalogue says which measure
 * each indicator uses, its points and its source — verbatim where the text gives it, otherwise
 * marked as our reading.
 */
import type { Bilingual, Citation } from '../core/finding.ts';

export type IndicatorKind = 'veto' | 'deduction' | 'bonus';

/** How an indicator is measured. Activity measures need --activity; inspection ones --inspection. */
export type Measure =
  /** Activity: no update (lastPost) within `days` days before the scoring date (never posted counts from going live). */
  | { kind: 'no-update'; days: number }
  /** Activity: no original post in `days` days (originalPostsLast7Days when days is 7, else lastOriginalPost). */
  | { kind: 'no-original'; days: number }
  /** Activity: the oldest unanswered message is older than `maxDays` (`holidayMaxDays` when received on or before a day off). */
  | { kind: 'reply-late'; maxDays: number; holidayMaxDays?: number }
  /** Register: the name differs from the name the unit uses on its other platforms (apps and mini programs excepted). */
  | { kind: 'name-inconsistent' }
  /** Register: not certified, or the public certification info does not name the host unit. */
  | { kind: 'certification-unmarked' }
  /**
   * Register (unit scope): accounts on a platform for more than `days` days whose opening or
   * backfill is not completed (never filed, or filed but not entered in the national system);
   * inspection results for the indicator add to the count (瞒报漏报 found by inspectors).
   */
  | { kind: 'unfiled'; days: number }
  /** Manual inspection results (--inspection file), by indicator id. */
  | { kind: 'inspection' }
  /** Activity (bonus): originalPostsLast7Days ÷ postsLast7Days ≥ min, with at least one post. */
  | { kind: 'original-ratio'; min: number }
  /** Activity (bonus): postsLast7Days ≥ min. */
  | { kind: 'posts-per-week'; min: number }
  /** Activity (bonus): no unanswered message and a reply to the public within `withinDays` days. */
  | { kind: 'replies-cleared'; withinDays: number };

export interface IndicatorSource {
  citation: Citation;
  /** true: the indicator's wording is quoted from the source (citation.quote); false: our reading of it. */
  verbatim: boolean;
  /** How we read it, where we had to (always given when verbatim is false). */
  reading?: Bilingual;
}

export interface Indicator {
  id: string;
  kind: IndicatorKind;
  /** account: judged per account; unit: judged once for the unit (its score after averaging). */
  scope: 'account' | 'unit';
  title: Bilingual;
  /** Points per occurrence (deduction/bonus); 0 for veto items. */
  points: number;
  /** Cap of this indicator's total (单项指标扣分之和不超过本项指标总分值). */
  maxPoints?: number;
  /** Whether the point value is from the source or our reading (the sources give no deduction table). */
  pointsBasis: 'verbatim' | 'reading';
  measure: Measure;
  howMeasured: Bilingual;
  source: IndicatorSource;
}

export interface ScoringCatalogue {
  id: string;
  title: Bilingual;
  /** The document the model comes from. */
  citation: Citation;
  /** Deduction indicators are scored out of this (100). */
  deductionBase: number;
  /** Accounts scoring ABOVE this enter the bonus stage (高于70分). */
  bonusThreshold: number;
  /** Bonus points are capped at this (20). */
  bonusCap: number;
  /** Assessment classes (unit.scoringClass); the final score divides by the best of the class. */
  classes: string[];
  indicators: Indicator[];
  /** The model's rules as the source words them, and our choices, for the report. */
  notes: { text: Bilingual; verbatim: boolean }[];
}

export function defineScoring(c: ScoringCatalogue): ScoringCatalogue {
  return c;
}

// ---------------------------------------------------------------------------------------------
// Results
// ---------------------------------------------------------------------------------------------

export interface Hit {
  indicator: string;
  kind: IndicatorKind;
  title: Bilingual;
  count: number;
  /** Points applied (after the indicator's cap); 0 for vetoes. */
  points: number;
  detail: Bilingual;
  from: 'activity' | 'register' | 'inspection';
}

export interface AccountScore {
  id: string;
  name: string;
  platform: string;
  vetoes: Hit[];
  deductions: Hit[];
  bonuses: Hit[];
  /** 100 − deductions (not below 0). */
  base: number;
  /** Bonus applied (only when base > threshold; capped). */
  bonus: number;
  /** 0 when vetoed, else base + bonus. */
  score: number;
  /** Indicators that could not be measured (no activity row, no --activity). */
  unmeasured: string[];
}

export interface UnitScore {
  id: string;
  name: string;
  scoringClass?: string;
  office: string;
  accounts: AccountScore[];
  unitHits: Hit[];
  vetoed: boolean;
  /** Mean of the account scores. */
  mean: number;
  /** Unit-scope deductions. */
  unitDeduction: number;
  /** 0 when vetoed, else max(0, mean − unitDeduction). */
  score: number;
  /** score ÷ best score of the class × 100 (classified units only). */
  final?: number;
  rank?: number;
}

export interface ClassRanking {
  name: string;
  best: number;
  units: UnitScore[];
}

export interface ScoreReport {
  now: string;
  catalogue: { id: string; title: Bilingual; policy: string; citation: Citation; deductionBase: number; bonusThreshold: number; bonusCap: number };
  indicators: Indicator[];
  notes: ScoringCatalogue['notes'];
  activity?: { source: string; asOf?: string };
  inspection?: { source: string; period?: string; results: number };
  classes: ClassRanking[];
  /** Scored units without a scoringClass: not ranked. */
  unclassified: UnitScore[];
  /** Units in scope that were not scored, and why. */
  notScored: { id: string; name: string; reason: Bilingual }[];
}
