/**
 * 监测事项的数据类型：各办法模块的 monitor.ts（默认导出 MonitorSpec）写明随时间到期的义务；
 * 监测命令按这些数据和“今天”的日期列出已逾期、即将到期和需要提醒的事项。
 *
 * Types of the monitor. A policy module declares the duties that fall due with time passing as
 * DATA in `policies/<series>/<version>/monitor.ts` (default export: a MonitorSpec; the loader puts
 * it in `policy.extras.monitor`). The monitor reads those specs and judges them on a date, so
 * adding a jurisdiction stays "adding a folder": nothing in scripts/monitor names one.
 */
import type { Bilingual, Citation, Severity } from '../core/finding.ts';
import type { Event, RegionFile, UnitFile } from '../generated/types.ts';
import type { WorkKind } from '../core/lifecycle.ts';

export type EventType = Event['type'];
export type RegionLevel = RegionFile['level'];

/**
 * A citation of the duty. `reading` marks a duty (or a number) that is our interpretation of the
 * text rather than the text itself; it is shown beside the citation.
 */
export interface MonitorCitation extends Citation {
  reading?: Bilingual;
}

/**
 * An update-frequency duty, judged on the activity snapshot.
 * - `maxDays`: the next post is due at most `maxDays` (natural or working) days after the last post
 *   (`lastPost`); an account that never posted counts from the day it went live.
 * - `original`: at least `min` original posts in every `perDays` days (from `originalPostsLast7Days`
 *   when `perDays` is 7 and the count is given, else from `lastOriginalPost` when `min` is 1).
 * A rule has `maxDays`, `original`, or both.
 */
export interface UpdateRule {
  id: string;
  title: Bilingual;
  /** Only accounts of this content type (六安 第十七条: 图文 weekly, 音视频 every 10 days). */
  contentType?: '图文' | '音视频';
  maxDays?: number;
  unit?: 'days' | 'workdays';
  original?: { perDays: number; min: number };
  citation: MonitorCitation;
  /** error: a firm limit; warning: "原则上"/"鼓励" (still listed as overdue, and counted); notice: informative. */
  severity: Severity;
  /**
   * Also list the account as "due soon" before the limit is reached. Off by default: a weekly
   * rule would otherwise list nearly every account every week. Use it for hard limits such as the
   * 2-week veto.
   */
  remind?: boolean;
}

/**
 * A reply duty: the oldest unanswered public message (activity `oldestUnanswered`) must be answered
 * within a limit. Day granularity: a message received on D with `maxDays: 1` is overdue from D+2.
 * `holidayMaxDays` applies when D or the day after is not a working day (江苏: 节假日不得晚于48小时).
 */
export interface ReplyRule {
  id: string;
  title: Bilingual;
  maxDays?: number;
  holidayMaxDays?: number;
  maxWorkdays?: number;
  maxMonths?: number;
  citation: MonitorCitation;
  severity: Severity;
}

/**
 * Work (an opening, backfill, change or closure) still unfinished — not yet completed in the
 * national system (系统填报) — some time after its filing must be reported to the supervising
 * office (自贡 第十条). A `reportEvent` recorded in the work (逾期报告) discharges the duty: the item
 * then stays as a reminder that the work is still open.
 */
export interface PendingWorkSpec {
  id: string;
  works: WorkKind[];
  maxDays?: number;
  maxMonths?: number;
  reportEvent?: EventType;
  citation: MonitorCitation;
  severity: Severity;
  todo: Bilingual;
}

/** Where a deadline's clock starts. */
export type DeadlineStart =
  /** The filing that started the work. */
  | { filing: true }
  /**
   * The first (or last) event of these types in the work; `approvedOnly` ignores a 主管审核 whose
   * decision is 不同意; `levels` keeps only events of these levels (上报备案 to the 市级 office).
   */
  | { events: EventType[]; which?: 'first' | 'last'; approvedOnly?: boolean; levels?: NonNullable<Event['level']>[] }
  /**
   * The end of the closure announcement: the later of its `announcementEnd` and the announcement
   * date plus `minWorkdays` working days (六安 第八条 + 第十一条).
   */
  | { announcementEnd: { minWorkdays: number } };

/**
 * A deadline of pending work that the rules' `timing` does not express (their start depends on
 * the unit's tier, a certification, the end of an announcement …). Judged like nextStepsFor's
 * steps: only for the account's current unfinished work, only while the `to` event is missing.
 */
export interface DeadlineSpec {
  id: string;
  title: Bilingual;
  works: WorkKind[];
  from: DeadlineStart;
  to: EventType[];
  amount: number;
  unit: 'workdays' | 'days' | 'months';
  /** Only accounts whose own region has one of these levels (江苏: 市级 units count from approval, 县区 from the report to the city). */
  regionLevels?: RegionLevel[];
  citation: MonitorCitation;
  severity: Severity;
  todo: Bilingual;
  /** Shown with the item (e.g. how first-time units count). */
  note?: Bilingual;
}

/**
 * Keep the deadline steps of this module (from the rules' `timing`, via nextStepsFor) whose
 * awaited events include one of `what` only for accounts in regions of these levels (六安: the
 * upward filing 上报备案 is due from county accounts only; a city unit's approval is its filing).
 */
export interface StepFilter {
  what: EventType[];
  regionLevels: RegionLevel[];
  reason: Bilingual;
}

/**
 * An act the measure requires after a step but without a time limit (六安 第八条: after the approval and the
 * national-system entry the opening or change is announced to the public): while it is not recorded, the
 * monitor lists it as a reminder — an owed duty, not a breach with a due date (the text gives no number).
 */
export interface OwedEventSpec {
  id: string;
  title: Bilingual;
  works: WorkKind[];
  /** The duty is owed once one of these events is recorded in the work. */
  after: EventType[];
  /** Any of these events in the work discharges it. */
  owed: EventType[];
  citation: MonitorCitation;
  todo: Bilingual;
}

/** Credentials are rotated every `months` months (六安 第三十二条, "原则上"). */
export interface CredentialRotationSpec {
  months: number;
  citation: MonitorCitation;
  severity: Severity;
}

/**
 * Units that owe a monthly report by a day of the month (六安 第三十五条: 市政府部门、直属机构 with
 * `minLiveAccounts` or more accounts in normal operation report by the 15th). The register records
 * no such report, so this is a reminder from the 1st to the `day`, never an overdue item.
 */
export interface MonthlyReportSpec {
  unitKinds: UnitFile['kind'][];
  regionLevels: RegionLevel[];
  minLiveAccounts: number;
  day: number;
  recipient: Bilingual;
  citation: MonitorCitation;
  severity: Severity;
}

/**
 * An account certified (or listed in an app store) for `days` days without any filing (自贡
 * 第三十三条（二）). The register can show it when the account file records 平台认证/应用上架 (or
 * certification.status 已认证) but no 开设备案/补录备案 at all; accounts never written into the
 * register at all are found by `govmedia reconcile` against the national export.
 */
export interface UncertifiedFilingSpec {
  days: number;
  citation: MonitorCitation;
  severity: Severity;
}

/** Run these rules of the module (by rule name) and list their findings (e.g. required accounts missing). */
export interface RequiredAccountsSpec {
  rules: string[];
}

/**
 * Citations `govmedia reconcile` uses for this jurisdiction's accounts: the duty to backfill an
 * account found in the national system but not in the register, and the duty to keep the
 * national system's status in step with the register.
 */
export interface ReconcileSpec {
  backfill?: MonitorCitation;
  systemStatus?: MonitorCitation;
}

export interface MonitorSpec {
  reconcile?: ReconcileSpec;
  updateRules?: UpdateRule[];
  replyRules?: ReplyRule[];
  pendingWork?: PendingWorkSpec[];
  deadlines?: DeadlineSpec[];
  owedEvents?: OwedEventSpec[];
  stepFilters?: StepFilter[];
  credentialRotation?: CredentialRotationSpec;
  monthlyReport?: MonthlyReportSpec;
  uncertifiedFiling?: UncertifiedFilingSpec;
  requiredAccounts?: RequiredAccountsSpec;
}

/** Identity helper that type-checks a module's monitor.ts. */
export function defineMonitor(spec: MonitorSpec): MonitorSpec {
  return spec;
}

// ---------------------------------------------------------------------------------------------
// The report
// ---------------------------------------------------------------------------------------------

export type ItemStatus = 'overdue' | 'due-soon' | 'reminder';

export type ItemKind =
  | 'deadline'
  | 'announcement'
  | 'pending-work'
  /** An act owed without a time limit (OwedEventSpec), a reminder while it is not recorded. */
  | 'owed-event'
  | 'unfiled-certified'
  | 'credential-rotation'
  | 'required-account'
  /** A late act of the supervising office, recorded in the register (its own duty, shown to it). */
  | 'supervisor-late'
  | 'monthly-report'
  | 'update'
  | 'original'
  | 'reply'
  | 'no-activity'
  /** 整改清单：接入基线（policies/baseline.json）中的一项 / an item of the adoption baseline. */
  | 'rectification';

export interface MonitorItem {
  kind: ItemKind;
  status: ItemStatus;
  severity: Severity;
  /** The account (no personal data: id, name, platform, file only). */
  account?: { id: string; name: string; platform: string; file: string };
  unit: { id: string; name: string };
  what: Bilingual;
  due?: string;
  /** Natural days past the due date (overdue items with a date). */
  daysOverdue?: number;
  /** Working days left until the due date (due-soon items). */
  workdaysLeft?: number;
  citations: MonitorCitation[];
  todo: Bilingual;
  /** Module id that declared the duty, or "national". */
  sources: string[];
  note?: Bilingual;
}

export interface OfficeRef {
  /** Unit id of the supervising office, when it is registered. */
  id?: string;
  name: string;
}

export interface OfficeGroup {
  office: OfficeRef;
  items: MonitorItem[];
}

export interface MonitorReport {
  now: string;
  soon: number;
  activity?: { source: string; asOf?: string; rows: number; unknownAccounts: string[] };
  summary: { overdue: number; dueSoon: number; reminders: number; offices: number; monitoredAccounts: number };
  /** 整改清单（接入基线）/ the rectification list from the adoption baseline, when there is one. */
  rectification?: { adoptedOn: string; items: number; findings: number; overdue: number; undated: number };
  groups: OfficeGroup[];
}
