/**
 * 工作日 / 自然日期限计算（中国法定节假日与调休，Asia/Shanghai 日历日期）。
 * Working-day and calendar-day deadline arithmetic for China (official public
 * holidays and 调休 make-up working days), on plain `YYYY-MM-DD` dates.
 *
 * Design notes
 * - Every date is a plain calendar date string. Internally dates are converted
 *   to an integer day number (days since 1970-01-01, proleptic Gregorian) with
 *   pure integer arithmetic; no local-time `Date` object is ever involved, so
 *   results do not depend on the process time zone (TZ).
 * - Holiday data comes from the raw JSON shipped by `chinese-days`
 *   (`dist/chinese-days.json`), NOT from its functions: those parse dates as
 *   UTC midnight but read them back with local-time getters (wrong day when
 *   TZ is west of UTC), silently roll invalid dates over (2026-02-30 → 03-02)
 *   and treat every year without data as plain Mon–Fri.
 * - Years beyond the package live in the repository as reviewed data:
 *   policies/calendar/<year>.txt (the State Council notice in its own wording) and
 *   <year>.json (the same, machine-readable). The two sources are merged with the
 *   repository winning: a year the repository holds replaces the package's days of that
 *   year. Adding a year is adding two files; no code changes.
 * - Years without official data are handled as plain Mon–Fri weeks, and every
 *   computation reports which such years it had to assume (`uncovered`).
 * - Every deadline verdict goes through `judgePeriod`: a verdict that depends on a day
 *   of a year without data is 'unknown' (the caller reports a warning naming the year),
 *   never a pass and never an error.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import rawData from 'chinese-days/dist/chinese-days.json' with { type: 'json' };
import { PolicyLoadError } from '../core/errors.ts';
import { ENGINE_ROOT } from '../core/paths.ts';

export type DateStr = string;
export type DayKind = '工作日' | '周末' | '法定节假日' | '调休上班';

export interface CalcResult {
  /** The resulting date. */
  date: DateStr;
  /** Sorted distinct years outside the official data that were assumed to be plain Mon–Fri weeks (empty = fully backed by official data). */
  uncovered: number[];
}

export interface DayInfo {
  date: DateStr;
  kind: DayKind;
  /** 0 = Sunday … 6 = Saturday */
  weekday: number;
  /** Festival the day belongs to: the holiday itself, or the holiday a 调休上班 day compensates for. */
  festival: string | undefined;
  /** Whether the day's year is backed by official data. */
  covered: boolean;
}

// ---------------------------------------------------------------------------
// Pure calendar arithmetic (days since 1970-01-01; H. Hinnant's civil algorithms)
// ---------------------------------------------------------------------------

const DATE_RE = /^(\d{4})-(\d{2})-(\d{2})$/;
const MS_PER_DAY = 86_400_000;
const SHANGHAI_OFFSET_MS = 8 * 3_600_000; // UTC+8, no DST since 1991

function isLeapYear(y: number): boolean {
  return (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
}

function daysInMonth(y: number, m: number): number {
  if (m === 2) return isLeapYear(y) ? 29 : 28;
  return m === 4 || m === 6 || m === 9 || m === 11 ? 30 : 31;
}

function daysFromCivil(y: number, m: number, d: number): number {
  const yy = m <= 2 ? y - 1 : y;
  const era = Math.floor(yy / 400);
  const yoe = yy - era * 400;
  const mp = (m + 9) % 12; // March = 0
  const doy = Math.floor((153 * mp + 2) / 5) + d - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

function civilFromDays(z0: number): { y: number; m: number; d: number } {
  const z = z0 + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const d = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const m = mp < 10 ? mp + 3 : mp - 9;
  return { y: yoe + era * 400 + (m <= 2 ? 1 : 0), m, d };
}

function parseYmd(s: string): { y: number; m: number; d: number } | undefined {
  if (typeof s !== 'string') return undefined;
  const match = DATE_RE.exec(s);
  if (!match) return undefined;
  const y = Number(match[1]);
  const m = Number(match[2]);
  const d = Number(match[3]);
  if (y < 1 || m < 1 || m > 12 || d < 1 || d > daysInMonth(y, m)) return undefined;
  return { y, m, d };
}

function pad(n: number, width: number): string {
  return String(n).padStart(width, '0');
}

function fmt(y: number, m: number, d: number): DateStr {
  if (y < 1 || y > 9999) throw new RangeError(`date out of supported range (years 0001–9999): ${y}-${m}-${d}`);
  return `${pad(y, 4)}-${pad(m, 2)}-${pad(d, 2)}`;
}

function toDays(date: DateStr, what = 'date'): number {
  const p = parseYmd(date);
  if (!p) throw new RangeError(`invalid ${what} (expected a real YYYY-MM-DD date): ${JSON.stringify(date)}`);
  return daysFromCivil(p.y, p.m, p.d);
}

function fromDays(days: number): DateStr {
  const { y, m, d } = civilFromDays(days);
  return fmt(y, m, d);
}

function yearOfDays(days: number): number {
  return civilFromDays(days).y;
}

function weekdayOfDays(days: number): number {
  return (((days + 4) % 7) + 7) % 7; // 1970-01-01 was a Thursday
}

function checkInteger(n: number, what: string, nonNegative: boolean): void {
  if (!Number.isSafeInteger(n) || (nonNegative && n < 0)) {
    throw new RangeError(`${what} must be a ${nonNegative ? 'non-negative ' : ''}integer, got ${String(n)}`);
  }
}

// ---------------------------------------------------------------------------
// Official holiday data: chinese-days, plus the repository's policies/calendar/
// ---------------------------------------------------------------------------

/** chinese-days uses short names for three festivals; use the names of the State Council notices. */
const OFFICIAL_NAME: Readonly<Record<string, string>> = {
  清明: '清明节',
  端午: '端午节',
  中秋: '中秋节',
};

/** The festivals every yearly notice names; a year counts as covered only with 春节 and 国庆节. */
export const FESTIVALS = ['元旦', '春节', '清明节', '劳动节', '端午节', '中秋节', '国庆节'] as const;

type RawTable = Record<string, string>;

function loadTable(table: unknown, key: string): Map<string, string> {
  if (table === null || typeof table !== 'object') {
    throw new Error(`chinese-days data: "${key}" is missing or not an object`);
  }
  const out = new Map<string, string>();
  for (const [date, value] of Object.entries(table as RawTable)) {
    if (!parseYmd(date) || typeof value !== 'string') {
      throw new Error(`chinese-days data: malformed entry in "${key}": ${date} => ${String(value)}`);
    }
    // value looks like "Spring Festival,春节,4" (English, Chinese, statutory days)
    const zh = value.split(',')[1]?.trim() ?? '';
    out.set(date, OFFICIAL_NAME[zh] ?? zh);
  }
  return out;
}

/** One year of the repository's calendar: policies/calendar/<year>.json. */
export interface CalendarYearFile {
  year: number;
  /** The notice's title, e.g. 国务院办公厅关于2027年部分节假日安排的通知. */
  title: string;
  /** Date of the notice (YYYY-MM-DD). */
  issued: string;
  /** Where the notice was published. */
  source: string;
  /** festival → days off (放假). */
  holidays: Record<string, string[]>;
  /** festival → weekend days that are working days (调休上班). */
  workdays: Record<string, string[]>;
}

/** Read and check the repository's calendar files (<dir>/<year>.json). Throws PolicyLoadError on a malformed file. */
export function readCalendarDir(dir: string): CalendarYearFile[] {
  if (!existsSync(dir)) return [];
  const out: CalendarYearFile[] = [];
  for (const name of readdirSync(dir).sort()) {
    if (!name.endsWith('.json')) continue;
    const rel = `policies/calendar/${name}`;
    const bad = (why: string): never => {
      throw new PolicyLoadError(`${rel}: 节假日数据有误：${why} / malformed holiday calendar: ${why}`);
    };
    let doc: unknown;
    try {
      doc = JSON.parse(readFileSync(path.join(dir, name), 'utf8'));
    } catch (e) {
      return bad((e as Error).message);
    }
    const f = doc as Partial<CalendarYearFile>;
    if (typeof f !== 'object' || f === null) return bad('not an object');
    if (!Number.isSafeInteger(f.year) || name !== `${f.year}.json`) bad(`"year" must be the file's year (${name})`);
    for (const k of ['title', 'issued', 'source'] as const) if (typeof f[k] !== 'string' || !f[k]) bad(`"${k}" is missing`);
    const seen = new Set<string>();
    for (const k of ['holidays', 'workdays'] as const) {
      const t = f[k];
      if (typeof t !== 'object' || t === null) return bad(`"${k}" is missing`);
      for (const [festival, dates] of Object.entries(t)) {
        if (!Array.isArray(dates)) bad(`"${k}.${festival}" is not a list of dates`);
        for (const d of dates as unknown[]) {
          if (typeof d !== 'string' || !parseYmd(d)) bad(`"${k}.${festival}": ${JSON.stringify(d)} is not a date`);
          const y = Number((d as string).slice(0, 4));
          if (Math.abs(y - f.year!) > 1) bad(`"${k}.${festival}": ${String(d)} is not near ${f.year}`);
          if (seen.has(d as string)) bad(`${String(d)} is listed twice`);
          seen.add(d as string);
        }
      }
    }
    out.push(f as CalendarYearFile);
  }
  return out;
}

/** The holiday data a calendar computes with. */
interface Tables {
  holidays: Map<string, string>;
  makeup: Map<string, string>;
  covered: ReadonlySet<number>;
  /** Where each covered year's data comes from. */
  sources: Map<number, 'chinese-days' | 'repository'>;
}

function coveredYearsOf(holidays: Map<string, string>): Set<number> {
  // A year counts as covered only if the data holds that year's own notice, i.e. both 春节 and
  // 国庆节 (present in every notice). This keeps a year from looking covered just because the
  // previous notice spilled into it (e.g. the 2023 notice made 2022-12-31 a holiday).
  const seen = new Map<number, Set<string>>();
  for (const [date, name] of holidays) {
    const y = Number(date.slice(0, 4));
    let names = seen.get(y);
    if (!names) seen.set(y, (names = new Set()));
    names.add(name);
  }
  const years = new Set<number>();
  for (const [y, names] of seen) if (names.has('春节') && names.has('国庆节')) years.add(y);
  return years;
}

const PACKAGE = (() => {
  const data = rawData as unknown as { holidays?: unknown; workdays?: unknown };
  const holidays = loadTable(data.holidays, 'holidays');
  const makeup = loadTable(data.workdays, 'workdays');
  for (const d of makeup.keys()) {
    if (holidays.has(d)) throw new Error(`chinese-days data: ${d} is both a holiday and a make-up working day`);
  }
  const covered = coveredYearsOf(holidays);
  if (covered.size === 0) throw new Error('chinese-days data: no year with official holiday data found');
  return { holidays, makeup, covered };
})();

/** Merge the package's data with the repository's files; the repository wins. */
function mergeTables(files: readonly CalendarYearFile[]): Tables {
  const holidays = new Map(PACKAGE.holidays);
  const makeup = new Map(PACKAGE.makeup);
  const sources = new Map<number, 'chinese-days' | 'repository'>();
  for (const y of PACKAGE.covered) sources.set(y, 'chinese-days');
  // A year the repository holds replaces the package's days of that year …
  for (const f of files) {
    const prefix = `${f.year}-`;
    for (const m of [holidays, makeup]) for (const d of [...m.keys()]) if (d.startsWith(prefix)) m.delete(d);
  }
  // … then its days (including any a notice sets in an adjacent year) are set.
  for (const f of files) {
    for (const [festival, dates] of Object.entries(f.holidays)) for (const d of dates) (makeup.delete(d), holidays.set(d, festival));
    for (const [festival, dates] of Object.entries(f.workdays)) for (const d of dates) (holidays.delete(d), makeup.set(d, festival));
  }
  const covered = coveredYearsOf(holidays);
  for (const f of files) if (covered.has(f.year)) sources.set(f.year, 'repository');
  for (const y of [...sources.keys()]) if (!covered.has(y)) sources.delete(y);
  return { holidays, makeup, covered, sources };
}

export interface PeriodSpec {
  /** The day the clock starts (not counted). */
  from: DateStr;
  amount: number;
  unit: 'workdays' | 'days' | 'months';
  /** 'by' = a deadline (no later than); 'not-before' = a minimum period (e.g. an announcement). */
  direction: 'by' | 'not-before';
  /** The day the act was done. */
  actual: DateStr;
}

export interface PeriodVerdict {
  /**
   * 'ok': in time (or the period was respected); 'late': after the deadline; 'early': before the
   * minimum period ended; 'unknown': the answer depends on days of a year without official data
   * (report a warning naming `uncovered`, never an error and never a pass).
   */
  verdict: 'ok' | 'late' | 'early' | 'unknown';
  /** The due date (for 'by') or the earliest allowed date ('not-before'); an estimate when `uncovered` is not empty. */
  due: DateStr;
  /** Years without official data the verdict (or the due date) depends on. */
  uncovered: number[];
}

/** The calendar API: the module-level functions below are this interface over the default calendar. */
export interface WorkCalendar {
  isValidDate(s: string): boolean;
  dataYears(): { first: number; last: number };
  isCovered(date: DateStr): boolean;
  dayKind(date: DateStr): DayKind;
  isWorkday(date: DateStr): boolean;
  holidayName(date: DateStr): string | undefined;
  dayInfo(date: DateStr): DayInfo;
  addWorkdays(start: DateStr, n: number): CalcResult;
  workdaysBetween(from: DateStr, to: DateStr): { count: number; uncovered: number[] };
  addDays(start: DateStr, n: number): DateStr;
  addMonths(start: DateStr, n: number): DateStr;
  diffDays(from: DateStr, to: DateStr): number;
  weekday(date: DateStr): number;
  todayShanghai(now?: Date): DateStr;
  judgePeriod(spec: PeriodSpec): PeriodVerdict;
  /** Covered years and where their data comes from. */
  sources(): ReadonlyMap<number, 'chinese-days' | 'repository'>;
}

function makeCalendar(t: Tables): WorkCalendar {
  const first = Math.min(...t.covered);
  const last = Math.max(...t.covered);
  const kindOfDays = (days: number, date: DateStr): DayKind => {
    if (t.holidays.has(date)) return '法定节假日';
    if (t.makeup.has(date)) return '调休上班';
    const wd = weekdayOfDays(days);
    return wd === 0 || wd === 6 ? '周末' : '工作日';
  };
  const isWork = (days: number): boolean => {
    const k = kindOfDays(days, fromDays(days));
    return k === '工作日' || k === '调休上班';
  };
  const dayKind = (date: DateStr): DayKind => kindOfDays(toDays(date), date);
  const addWorkdays = (start: DateStr, n: number): CalcResult => {
    let days = toDays(start, 'start date');
    checkInteger(n, 'n', true);
    const uncovered = new Set<number>();
    let remaining = n;
    while (remaining > 0) {
      days += 1;
      const year = yearOfDays(days);
      if (!t.covered.has(year)) uncovered.add(year);
      if (isWork(days)) remaining -= 1;
    }
    return { date: fromDays(days), uncovered: [...uncovered].sort((a, b) => a - b) };
  };
  /** Working days in (from, to], counting covered days only, and the uncovered years met. */
  const count = (a: number, b: number): { count: number; covered: number; uncovered: number[] } => {
    const uncovered = new Set<number>();
    let all = 0;
    let cov = 0;
    for (let days = a + 1; days <= b; days++) {
      const year = yearOfDays(days);
      const known = t.covered.has(year);
      if (!known) uncovered.add(year);
      if (isWork(days)) {
        all += 1;
        if (known) cov += 1;
      }
    }
    return { count: all, covered: cov, uncovered: [...uncovered].sort((x, y) => x - y) };
  };
  const cal: WorkCalendar = {
    isValidDate,
    dataYears: () => ({ first, last }),
    isCovered(date) {
      toDays(date);
      return t.covered.has(Number(date.slice(0, 4)));
    },
    dayKind,
    isWorkday(date) {
      const k = dayKind(date);
      return k === '工作日' || k === '调休上班';
    },
    holidayName(date) {
      toDays(date);
      return t.holidays.get(date);
    },
    dayInfo(date) {
      const days = toDays(date);
      return { date, kind: kindOfDays(days, date), weekday: weekdayOfDays(days), festival: t.holidays.get(date) ?? t.makeup.get(date), covered: t.covered.has(Number(date.slice(0, 4))) };
    },
    addWorkdays,
    workdaysBetween(from, to) {
      const r = count(toDays(from, 'from date'), toDays(to, 'to date'));
      return { count: r.count, uncovered: r.uncovered };
    },
    addDays,
    addMonths,
    diffDays,
    weekday,
    todayShanghai,
    judgePeriod(spec) {
      const a = toDays(spec.from, 'from date');
      const b = toDays(spec.actual, 'actual date');
      checkInteger(spec.amount, 'amount', true);
      if (spec.unit !== 'workdays') {
        const due = spec.unit === 'days' ? addDays(spec.from, spec.amount) : addMonths(spec.from, spec.amount);
        const verdict = spec.direction === 'by' ? (spec.actual > due ? 'late' : 'ok') : spec.actual < due ? 'early' : 'ok';
        return { verdict, due, uncovered: [] };
      }
      const est = addWorkdays(spec.from, spec.amount);
      const c = count(a, b);
      const n = spec.amount;
      if (c.uncovered.length === 0) {
        // every day between the start and the act is backed by official data: an exact verdict
        if (spec.direction === 'by') {
          const late = c.count > n || (c.count === n && b > a && !isWork(b)) || (n === 0 && b > a);
          return { verdict: late ? 'late' : 'ok', due: est.date, uncovered: est.uncovered };
        }
        return { verdict: c.count < n ? 'early' : 'ok', due: est.date, uncovered: est.uncovered };
      }
      // Some days between are of years without data. Only the covered working days are certain;
      // the unknown days can only add to them.
      if (spec.direction === 'by' && c.covered > n) return { verdict: 'late', due: est.date, uncovered: [] };
      if (spec.direction === 'not-before' && c.covered >= n) return { verdict: 'ok', due: est.date, uncovered: [] };
      const years = [...new Set([...c.uncovered, ...est.uncovered])].sort((x, y) => x - y);
      return { verdict: 'unknown', due: est.date, uncovered: years };
    },
    sources: () => t.sources,
  };
  return cal;
}

const byRoot = new Map<string, WorkCalendar>();

/**
 * The calendar of an engine root: chinese-days merged with `<engineRoot>/policies/calendar/*.json`
 * (the repository wins). Cached per root. Throws PolicyLoadError on a malformed calendar file.
 */
export function calendarFor(engineRoot: string): WorkCalendar {
  let c = byRoot.get(engineRoot);
  if (!c) byRoot.set(engineRoot, (c = makeCalendar(mergeTables(readCalendarDir(path.join(engineRoot, 'policies', 'calendar'))))));
  return c;
}

/** The calendar of this program's own engine root (built on first use). */
export function defaultCalendar(): WorkCalendar {
  return calendarFor(ENGINE_ROOT);
}

// ---------------------------------------------------------------------------
// Public API (over the default calendar, except pure date arithmetic)
// ---------------------------------------------------------------------------

/** Strict `YYYY-MM-DD` that is a real calendar date (2024-02-29 true, 2025-02-29 / 2026-02-30 false). */
export function isValidDate(s: string): boolean {
  return parseYmd(s) !== undefined;
}

/** First and last year backed by official data (chinese-days plus policies/calendar/). */
export function dataYears(): { first: number; last: number } {
  return defaultCalendar().dataYears();
}

/** Whether the date's year is backed by official holiday data. Throws RangeError on an invalid date. */
export function isCovered(date: DateStr): boolean {
  return defaultCalendar().isCovered(date);
}

/** Kind of day. Dates in uncovered years are classified as plain Mon–Fri weeks. Throws RangeError on an invalid date. */
export function dayKind(date: DateStr): DayKind {
  return defaultCalendar().dayKind(date);
}

/** 工作日 or 调休上班. Throws RangeError on an invalid date. */
export function isWorkday(date: DateStr): boolean {
  return defaultCalendar().isWorkday(date);
}

/** Festival name of a statutory holiday day (e.g. '春节', '国庆节', '清明节'); undefined otherwise (including 调休上班 days). */
export function holidayName(date: DateStr): string | undefined {
  return defaultCalendar().holidayName(date);
}

/** Everything known about one day. Throws RangeError on an invalid date. */
export function dayInfo(date: DateStr): DayInfo {
  return defaultCalendar().dayInfo(date);
}

/**
 * The n-th working day AFTER `start` (start itself is not counted); n = 0 returns start.
 * E.g. "5个工作日内" counted from the receipt date → addWorkdays(receipt, 5).
 */
export function addWorkdays(start: DateStr, n: number): CalcResult {
  return defaultCalendar().addWorkdays(start, n);
}

/** Number of working days in the half-open interval (from, to]; 0 if to <= from. */
export function workdaysBetween(from: DateStr, to: DateStr): { count: number; uncovered: number[] } {
  return defaultCalendar().workdaysBetween(from, to);
}

/** The one helper for deadline verdicts (see PeriodVerdict). */
export function judgePeriod(spec: PeriodSpec): PeriodVerdict {
  return defaultCalendar().judgePeriod(spec);
}

/** Natural (calendar) days: start + n days; n may be negative. */
export function addDays(start: DateStr, n: number): DateStr {
  const days = toDays(start, 'start date');
  checkInteger(n, 'n', false);
  return fromDays(days + n);
}

/** Calendar months, clamped to month end (2026-01-31 + 1 month = 2026-02-28); n may be negative. */
export function addMonths(start: DateStr, n: number): DateStr {
  const p = parseYmd(start);
  if (!p) throw new RangeError(`invalid start date (expected a real YYYY-MM-DD date): ${JSON.stringify(start)}`);
  checkInteger(n, 'n', false);
  const total = p.y * 12 + (p.m - 1) + n;
  const y = Math.floor(total / 12);
  const m = total - y * 12 + 1;
  return fmt(y, m, Math.min(p.d, daysInMonth(y, m)));
}

/** Natural days from `from` to `to` (to − from; negative if to is earlier). */
export function diffDays(from: DateStr, to: DateStr): number {
  return toDays(to, 'to date') - toDays(from, 'from date');
}

/** The calendar date in Asia/Shanghai (UTC+8, no DST) at the given instant (default: now). */
export function todayShanghai(now: Date = new Date()): DateStr {
  const t = now instanceof Date ? now.getTime() : Number.NaN;
  if (!Number.isFinite(t)) throw new RangeError('todayShanghai: invalid Date');
  return fromDays(Math.floor((t + SHANGHAI_OFFSET_MS) / MS_PER_DAY));
}

/** Day of week: 0 = Sunday … 6 = Saturday. Throws RangeError on an invalid date. */
export function weekday(date: DateStr): number {
  return weekdayOfDays(toDays(date));
}
