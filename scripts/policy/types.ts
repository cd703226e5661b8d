/**
 * 管理办法模块与规则的类型。
 * A policy module is one folder per document version: policies/<series>/<version>/ with
 * manifest.json, index.ts (exports its rules), README.md (clauses that cannot be checked)
 * and rules/*.ts. A rule is one small module: meta (id, citation, severity, messages) and
 * a check over a typed context. Its table of passing and failing cases (like ESLint's
 * RuleTester) lives beside it in rules/<name>.cases.ts (types: scripts/dev/cases.ts) and the
 * module's sample register in <module>/fixture.ts; only tests/policy-rules.test.ts loads them.
 */
import type { WorkCalendar } from '../calendar/workdays.ts';
import type { Actor, Bilingual, Citation, Severity } from '../core/finding.ts';
import type { Modality } from './modality.ts';
import type { AccountDoc, RegionDoc, Register, UnitDoc } from '../core/register.ts';
import type { AccountFile, UnitFile } from '../generated/types.ts';
import type { AccountState } from '../core/lifecycle.ts';

export interface PolicyManifest {
  /** Module id, e.g. "zigong-2021-62"; rule ids are "<module id>/<rule name>". */
  id: string;
  /** 发文机关 */
  issuer: string;
  /** 文号, e.g. "自府办函〔2021〕62号" (or the title where the document has none). */
  docNumber: string;
  /** 文件标题 */
  title: string;
  /** 印发日期 YYYY-MM-DD */
  issued: string;
  /**
   * 施行日期 YYYY-MM-DD as the document states it: this version judges events and snapshots from this date on.
   * "adoption" where the document states none: the version applies to work dated from the register's adoption
   * (region.json `adoptedOn`; engine.ts IN_FORCE_FROM_ADOPTION). Rules always see a date: the engine resolves it.
   */
  inForce: string;
  /** Set by the engine on a version whose inForce was resolved from the region's adoption date. */
  inForceFromAdoption?: true;
  /** 废止日期 (optional). */
  repealed?: string;
  /** Documents (文号) this version replaces. */
  supersedes: string[];
  /** Where the text comes from (file in ../shared/seeds or a URL). */
  source: string;
  /** The region the document covers, e.g. "四川省自贡市". */
  jurisdiction: string;
  notes?: string;
  /**
   * Unit kinds (unit.json kind) the module judges; default the government system (stage.ts GOVERNMENT_KINDS).
   * Units outside it (党委、人大、政协、法院、检察院、群团组织…) are judged by the data rules only unless listed here.
   */
  appliesTo?: string[];
}

export interface LoadedPolicy {
  manifest: PolicyManifest;
  /** Series folder, e.g. "sichuan/zigong". */
  series: string;
  /** Version folder name, e.g. "2021-62". */
  version: string;
  /** Repo-relative folder. */
  dir: string;
  rules: Rule[];
  /**
   * Optional data files of the module, loaded by name from <module>/<name>.ts (default export):
   * e.g. `monitor` (duties that fall due with time) and `scoring` (an inspection catalogue).
   */
  extras: Record<string, unknown>;
}

export interface ReportDescriptor {
  messageId: string;
  data?: Record<string, string | number | undefined>;
  /** Where: an account, a unit or a region document, and a JSON pointer inside it. */
  account?: AccountDoc;
  unit?: UnitDoc;
  region?: RegionDoc;
  pointer?: (string | number)[];
  /** Point at the property key instead of its value. */
  atKey?: boolean;
  /** Override the rule's severity for this finding (e.g. a deadline beyond the calendar). */
  severity?: Severity;
  /** Override whose act this finding is about (default: the rule's actor). */
  actor?: Actor;
  /**
   * Keys of `data` that hold personal values (staff names, phones). Values holding a name or
   * phone of the account's team are found without this; public reports withhold both.
   */
  personal?: string[];
}

export interface RuleContext {
  /** The date the judgement is made for (YYYY-MM-DD, Asia/Shanghai). */
  now: string;
  register: Register;
  policy: LoadedPolicy;
  /** The official calendar (chinese-days merged with policies/calendar/); deadline verdicts go through calendar.judgePeriod. */
  calendar: WorkCalendar;
  report(d: ReportDescriptor): void;
  /** Derived lifecycle state of an account. */
  state(a: AccountDoc): AccountState;
  /**
   * Accounts this policy applies to (its regions and their descendants): for unit and register rules.
   * An account rule may not call it (it throws): a whole register is judged as it is read, unit by
   * unit (engine.ts PolicyRun), and the list is complete only after the last unit. An account rule
   * reads its own unit's accounts from ctx.register.accountsByUnit, which holds them all by then.
   * Unit and register rules see accounts that may be slimmed (register.ts slimAccount): every field
   * still reads as in the file, the fields other than id, name, platform, hostUnit and
   * certifiedEntity by parsing the file again, so read those others sparingly (on a finding).
   */
  accounts(): AccountDoc[];
  /** Units this policy applies to. */
  units(): UnitDoc[];
  unitOf(a: AccountDoc): UnitDoc | undefined;
  /** The region chain of a region id, nearest first, root last. */
  regionChain(regionId: string): RegionDoc[];
  /** The supervising office unit for a unit (unit.supervisor, else its region's, else an ancestor's). */
  supervisorOf(u: UnitDoc): UnitDoc | undefined;
  /** Whether this version is in force on that date: events dated before it are not judged by it (in-force.ts). */
  inForce(date: string): boolean;
  /** Whether a piece of work is judged by this version: it started on or after the version came into force. */
  judged(w: { start: string }): boolean;
}

/** A deadline a rule enforces, so the PR summary can print due dates for pending work. */
export interface Timing {
  /** Works it applies to. */
  works: ('开设' | '补录' | '变更' | '关停')[];
  /** Clock starts at the filing, or at the first event of these types in the work. */
  from: 'filing' | string[];
  /** What must happen by then (or, for a minimum period, not before). */
  to: string[];
  amount: number;
  unit: 'workdays' | 'days' | 'months';
  /** 'by' = no later than (a deadline); 'not-before' = a minimum period (announcements). */
  direction: 'by' | 'not-before';
}

/** See RuleBase.justification. */
export interface JustificationPath {
  missing: readonly string[];
  unapproved: readonly string[];
  filings: readonly ('开设备案' | '补录备案' | '变更备案' | '关停备案')[];
}

interface RuleBase {
  /**
   * The modal word of the article (严禁/不得/须/应/原则上/可/参照/鼓励 …; see policies/README.md).
   * Optional: without it, the strongest word in citation.quote (modalityOf).
   */
  modality?: Modality;
  /** Whose act the rule judges (default 'unit'): the host unit, the supervising office, or the maintainers. */
  actor?: Actor;
  /**
   * The id of a rule of a higher document (e.g. "national-2018-123/one-account-per-platform") that this rule
   * checks the same clause of. Where both find the same thing (same file, line and column) the engine
   * reports one finding: the stricter severity, this rule's message, both citations (citation.also).
   */
  implements?: string;
  /** Deadline or minimum period this rule enforces (process rules). */
  timing?: Timing;
  /**
   * 原则上 with a justification path (policies/README.md modality table; structure.ts justificationOf): which of the
   * rule's messages a justification recorded on a filing answers. `missing`: the filing records none (the clerk's
   * tools — govmedia new/backfill/change and the browser assistant — then ask for one); `unapproved`: one is recorded
   * and awaits the supervising office's approval (主管审核 同意 in the same work), which the tools do not refuse: the
   * review decides, and the pull request routes to the supervisor. `filings`: the filing event types whose
   * justification the rule accepts (a justification on another filing does not answer it).
   */
  justification?: JustificationPath;
  /** Short name, kebab-case; the full id is "<module id>/<name>". */
  name: string;
  title: Bilingual;
  citation: Citation;
  severity: Severity;
  /** Message templates with {placeholders}. */
  messages: Record<string, Bilingual>;
  /** How to fix (templates allowed, same data). */
  fix: Bilingual | Record<string, Bilingual>;
}

export interface AccountRule extends RuleBase {
  scope: 'account';
  check(ctx: RuleContext, account: AccountDoc): void;
}
export interface UnitRule extends RuleBase {
  scope: 'unit';
  check(ctx: RuleContext, unit: UnitDoc): void;
}
export interface RegisterRule extends RuleBase {
  scope: 'register';
  check(ctx: RuleContext): void;
}

export type Rule = AccountRule | UnitRule | RegisterRule;

/** Identity helpers that give rule authors type inference. */
export function defineRule<R extends Rule>(rule: R): R {
  return rule;
}

export interface PolicyIndex {
  rules: Rule[];
}

export type { AccountFile, UnitFile };
