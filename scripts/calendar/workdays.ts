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
 * - Years without official data are handled as plain Mon–Fri weeks, and every
 *   computation reports which such years it had to assume (`uncovered`).
 */
import rawData from 'chinese-days/dist/chinese-days.json' with { type: 'json' };

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
// Official holiday data (chinese-days)
// ---------------------------------------------------------------------------

/** chinese-days uses short names for three festivals; use the names of the State Council notices. */
const OFFICIAL_NAME: Readonly<Record<string, string>> = {
  清明: '清明节',
  端午: '端午节',
  中秋: '中秋节',
};

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

const data = rawData as unknown as { holidays?: unknown; workdays?: unknown };
/** date → festival name, for days off (放假). */
const HOLIDAYS = loadTable(data.holidays, 'holidays');
/** date → festival name, for weekend days that are working days (调休上班). */
const MAKEUP_WORKDAYS = loadTable(data.workdays, 'workdays');

for (const d of MAKEUP_WORKDAYS.keys()) {
  if (HOLIDAYS.has(d)) throw new Error(`chinese-days data: ${d} is both a holiday and a make-up working day`);
}

/**
 * A year counts as covered only if the data holds that year's own notice, i.e.
 * both 春节 and 国庆节 (present in every notice). This keeps a year from looking
 * covered just because the previous notice spilled into it (e.g. the 2023
 * notice made 2022-12-31 a holiday; a notice could likewise touch early January).
 */
const COVERED_YEARS: ReadonlySet<number> = (() => {
  const seen = new Map<number, Set<string>>();
  for (const [date, name] of HOLIDAYS) {
    const y = Number(date.slice(0, 4));
    let names = seen.get(y);
    if (!names) seen.set(y, (names = new Set()));
    names.add(name);
  }
  const years = new Set<number>();
  for (const [y, names] of seen) if (names.has('春节') && names.has('国庆节')) years.add(y);
  if (years.size === 0) throw new Error('chinese-days data: no year with official holiday data found');
  return years;
})();

const FIRST_YEAR = Math.min(...COVERED_YEARS);
const LAST_YEAR = Math.max(...COVERED_YEARS);

// ---------------------------------------------------------------------------
// Public API
// ---------------------------------------------------------------------------

/** Strict `YYYY-MM-DD` that is a real calendar date (2024-02-29 true, 2025-02-29 / 2026-02-30 false). */
export function isValidDate(s: string): boolean {
  return parseYmd(s) !== undefined;
}

/** First and last year backed by official data in the installed chinese-days (derived from its data). */
export function dataYears(): { first: number; last: number } {
  return { first: FIRST_YEAR, last: LAST_YEAR };
}

/** Whether the date's year is backed by official holiday data. Throws RangeError on an invalid date. */
export function isCovered(date: DateStr): boolean {
  toDays(date);
  return COVERED_YEARS.has(Number(date.slice(0, 4)));
}

function kindOfDays(days: number, date: DateStr): DayKind {
  if (HOLIDAYS.has(date)) return '法定节假日';
  if (MAKEUP_WORKDAYS.has(date)) return '调休上班';
  const wd = weekdayOfDays(days);
  return wd === 0 || wd === 6 ? '周末' : '工作日';
}

/** Kind of day. Dates in uncovered years are classified as plain Mon–Fri weeks. Throws RangeError on an invalid date. */
export function dayKind(date: DateStr): DayKind {
  return kindOfDays(toDays(date), date);
}

/** 工作日 or 调休上班. Throws RangeError on an invalid date. */
export function isWorkday(date: DateStr): boolean {
  const k = dayKind(date);
  return k === '工作日' || k === '调休上班';
}

/** Festival name of a statutory holiday day (e.g. '春节', '国庆节', '清明节'); undefined otherwise (including 调休上班 days). */
export function holidayName(date: DateStr): string | undefined {
  toDays(date);
  return HOLIDAYS.get(date);
}

/** Everything known about one day. Throws RangeError on an invalid date. */
export function dayInfo(date: DateStr): DayInfo {
  const days = toDays(date);
  return {
    date,
    kind: kindOfDays(days, date),
    weekday: weekdayOfDays(days),
    festival: HOLIDAYS.get(date) ?? MAKEUP_WORKDAYS.get(date),
    covered: COVERED_YEARS.has(Number(date.slice(0, 4))),
  };
}

/**
 * The n-th working day AFTER `start` (start itself is not counted); n = 0 returns start.
 * E.g. "5个工作日内" counted from the receipt date → addWorkdays(receipt, 5).
 */
export function addWorkdays(start: DateStr, n: number): CalcResult {
  let days = toDays(start, 'start date');
  checkInteger(n, 'n', true);
  const uncovered = new Set<number>();
  let remaining = n;
  while (remaining > 0) {
    days += 1;
    const date = fromDays(days);
    const year = yearOfDays(days);
    if (!COVERED_YEARS.has(year)) uncovered.add(year);
    const k = kindOfDays(days, date);
    if (k === '工作日' || k === '调休上班') remaining -= 1;
  }
  return { date: fromDays(days), uncovered: [...uncovered].sort((a, b) => a - b) };
}

/** Number of working days in the half-open interval (from, to]; 0 if to <= from. */
export function workdaysBetween(from: DateStr, to: DateStr): { count: number; uncovered: number[] } {
  const a = toDays(from, 'from date');
  const b = toDays(to, 'to date');
  const uncovered = new Set<number>();
  let count = 0;
  for (let days = a + 1; days <= b; days++) {
    const year = yearOfDays(days);
    if (!COVERED_YEARS.has(year)) uncovered.add(year);
    const k = kindOfDays(days, fromDays(days));
    if (k === '工作日' || k === '调休上班') count += 1;
  }
  return { count, uncovered: [...uncovered].sort((x, y) => x - y) };
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
