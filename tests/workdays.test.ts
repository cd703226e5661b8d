import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { ENGINE_ROOT } from '../scripts/core/paths.ts';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { tmpDir } from './helpers.ts';
import {
  addDays,
  addMonths,
  addWorkdays,
  dataYears,
  dayInfo,
  dayKind,
  diffDays,
  holidayName,
  isCovered,
  isValidDate,
  isWorkday,
  todayShanghai,
  weekday,
  workdaysBetween,
  calendarFor,
  judgePeriod,
  readCalendarDir,
  type CalendarYearFile,
  type DayKind,
} from '../scripts/calendar/workdays.ts';

// The repository's calendar (policies/calendar/<year>.txt: the State Council notice in its own
// wording; <year>.json: the same, machine-readable). Every year file is checked day by day against
// its notice text; 2026 is also checked against chinese-days and (when present) the shared reference.
const CALENDAR_DIR = fileURLToPath(new URL('../policies/calendar/', import.meta.url));
// ../shared beside the checkout (as in CI); absent elsewhere, and then the test says it is skipped
const SHARED_NOTICE = path.join(ENGINE_ROOT, '..', 'shared', 'reference', 'holidays-2026-notice.txt');
const SECTION_HEADER = '=== 机器可读 (derived) ===';

const DAY_MS = 86_400_000;
/** Test-side date enumeration, independent of the module (UTC-noon Date objects). */
function* eachDate(from: string, to: string): Generator<string> {
  for (let t = Date.parse(`${from}T12:00:00Z`); t <= Date.parse(`${to}T12:00:00Z`); t += DAY_MS) {
    yield new Date(t).toISOString().slice(0, 10);
  }
}

function expectKinds(table: Record<string, DayKind>): void {
  const actual = Object.fromEntries(Object.keys(table).map((d) => [d, dayKind(d)]));
  expect(actual).toEqual(table);
}

interface Official {
  /** date → festival */
  holidays: Map<string, string>;
  /** date → festival (调休上班) */
  adjusted: Map<string, string>;
  /** festival → number of days off */
  counts: Map<string, number>;
}

/** A year file's machine-readable table. */
function readTable(year: number): Official {
  const doc = JSON.parse(readFileSync(`${CALENDAR_DIR}${year}.json`, 'utf8')) as CalendarYearFile;
  const holidays = new Map<string, string>();
  const adjusted = new Map<string, string>();
  const counts = new Map<string, number>();
  for (const [name, dates] of Object.entries(doc.holidays)) {
    for (const d of dates) holidays.set(d, name);
    counts.set(name, dates.length);
  }
  for (const [name, dates] of Object.entries(doc.workdays)) for (const d of dates) adjusted.set(d, name);
  return { holidays: new Map([...holidays].sort()), adjusted: new Map([...adjusted].sort()), counts };
}

/**
 * Read a State Council notice's own sentences, e.g.
 * "二、春节:2月15日(农历腊月二十八、周日)至23日(农历正月初七、周一)放假调休,共9天。2月14日(周六)、2月28日(周六)上班。"
 * into days off and make-up working days, independently of the module. Checks every "(周X)"
 * annotation and the "共N天" count on the way.
 */
function readNotice(text: string, year: number): Official & { items: number } {
  const weekdayZh = '日一二三四五六';
  const iso = (y: number, m: string, d: string) => `${y}-${m.padStart(2, '0')}-${d.padStart(2, '0')}`;
  const utcWeekday = (d: string) => new Date(`${d}T12:00:00Z`).getUTCDay();
  const prose = text.includes(SECTION_HEADER) ? text.slice(0, text.indexOf(SECTION_HEADER)) : text;
  const items = [...prose.matchAll(/^\s*[一二三四五六七八九]、(.+?)[:：](.+)$/gm)];
  const holidays = new Map<string, string>();
  const adjusted = new Map<string, string>();
  const counts = new Map<string, number>();
  for (const item of items) {
    const name = item[1] ?? '';
    const body = item[2] ?? '';
    // "1月1日(周四)至3日(周六)放假…共3天" or "10月1日(周五)放假,共1天"; a range may start in the previous year ("2026年12月31日")
    const r = /(?:(\d{4})年)?(\d+)月(\d+)日[(（][^)）]*[)）](?:至(?:(\d{4})年)?(?:(\d+)月)?(\d+)日[(（][^)）]*[)）])?放假[^,，]*[,，]共(\d+)天/.exec(body);
    expect(r, `${year} ${name}: a sentence "…放假…共N天"`).not.toBeNull();
    if (!r) continue;
    const [, y1, m1 = '', d1 = '', y2, m2, d2, total = ''] = r;
    const from = iso(y1 ? Number(y1) : year, m1, d1);
    const to = d2 ? iso(y2 ? Number(y2) : year, m2 ?? m1, d2) : from;
    const range = [...eachDate(from, to)];
    expect(range.length, `${year} ${name}: 共${total}天`).toBe(Number(total));
    for (const d of range) holidays.set(d, name);
    counts.set(name, range.length);
    for (const a of body.matchAll(/(?:(\d{4})年)?(\d+)月(\d+)日[(（][^)）]*?周([日一二三四五六])[)）]/g)) {
      const d = iso(a[1] ? Number(a[1]) : year, a[2] ?? '', a[3] ?? '');
      expect(utcWeekday(d), `${year} ${a[0]}`).toBe(weekdayZh.indexOf(a[4] ?? ''));
    }
    const work = /天。(.+)上班/.exec(body);
    if (work) {
      for (const a of (work[1] ?? '').matchAll(/(?:(\d{4})年)?(\d+)月(\d+)日/g)) {
        const d = iso(a[1] ? Number(a[1]) : year, a[2] ?? '', a[3] ?? '');
        expect([0, 6], `${year} ${d}: a make-up working day is a weekend day`).toContain(utcWeekday(d));
        adjusted.set(d, name);
      }
    }
  }
  return { holidays: new Map([...holidays].sort()), adjusted: new Map([...adjusted].sort()), counts, items: items.length };
}

const YEAR_FILES = readdirSync(CALENDAR_DIR)
  .filter((f) => /^\d{4}\.json$/.test(f))
  .map((f) => Number(f.slice(0, 4)));

const official2026 = readTable(2026);

describe('isValidDate', () => {
  it('accepts only strict, real YYYY-MM-DD dates', () => {
    expect(isValidDate('2026-02-30')).toBe(false);
    expect(isValidDate('2024-02-29')).toBe(true);
    expect(isValidDate('2025-02-29')).toBe(false);
    expect(isValidDate('2000-02-29')).toBe(true);
    expect(isValidDate('1900-02-29')).toBe(false);
    expect(isValidDate('2026-04-31')).toBe(false);
    expect(isValidDate('2026-12-31')).toBe(true);
    expect(isValidDate('2026-13-01')).toBe(false);
    expect(isValidDate('2026-00-10')).toBe(false);
    expect(isValidDate('2026-01-00')).toBe(false);
    expect(isValidDate('2026-2-3')).toBe(false);
    expect(isValidDate(' 2026-01-01')).toBe(false);
    expect(isValidDate('2026-01-01T00:00:00Z')).toBe(false);
    expect(isValidDate('2026/01/01')).toBe(false);
    expect(isValidDate('')).toBe(false);
  });

  it('invalid dates throw RangeError instead of rolling over', () => {
    expect(() => dayKind('2026-02-30')).toThrow(RangeError);
    expect(() => isWorkday('2026-02-30')).toThrow(RangeError);
    expect(() => addWorkdays('2026-02-30', 1)).toThrow(RangeError);
    expect(() => addDays('2025-02-29', 1)).toThrow(RangeError);
    expect(() => addMonths('2026-02-30', 1)).toThrow(RangeError);
    expect(() => workdaysBetween('2026-01-01', '2026-02-30')).toThrow(RangeError);
    expect(() => diffDays('2026-1-1', '2026-01-02')).toThrow(RangeError);
    expect(() => weekday('2026-02-30')).toThrow(RangeError);
  });

  it('rejects bad counts', () => {
    expect(() => addWorkdays('2026-01-05', -1)).toThrow(RangeError);
    expect(() => addWorkdays('2026-01-05', 1.5)).toThrow(RangeError);
    expect(() => addWorkdays('2026-01-05', Number.NaN)).toThrow(RangeError);
    expect(() => addDays('2026-01-05', 0.5)).toThrow(RangeError);
    expect(() => addMonths('2026-01-05', Number.POSITIVE_INFINITY)).toThrow(RangeError);
  });
});

describe('data coverage', () => {
  it('reads the covered years from chinese-days 1.5.7 data', () => {
    // chinese-days 1.5.7 ships official notices for 2004–2026 (pinned version).
    expect(dataYears()).toEqual({ first: 2004, last: 2026 });
    for (let y = 2004; y <= 2026; y++) expect(isCovered(`${y}-06-15`), String(y)).toBe(true);
    expect(isCovered('2026-12-31')).toBe(true);
    expect(isCovered('2027-01-01')).toBe(false);
    expect(isCovered('2003-12-31')).toBe(false);
  });

  it('treats uncovered years as plain Mon–Fri weeks (chinese-days would too, silently)', () => {
    expect(dayKind('2027-10-01')).toBe('工作日'); // a Friday; the 2027 notice is not in the data
    expect(dayKind('2027-10-02')).toBe('周末');
    expect(holidayName('2027-10-01')).toBeUndefined();
    expect(dayInfo('2027-10-01')).toEqual({
      date: '2027-10-01',
      kind: '工作日',
      weekday: 5,
      festival: undefined,
      covered: false,
    });
  });
});

describe('day kinds — 2025', () => {
  it('New Year', () => {
    expectKinds({
      '2024-12-31': '工作日',
      '2025-01-01': '法定节假日',
      '2025-01-02': '工作日',
    });
    expect(holidayName('2025-01-01')).toBe('元旦');
  });

  it('Spring Festival: 01-28..02-04 off, 01-26 (Sun) and 02-08 (Sat) working', () => {
    const table: Record<string, DayKind> = {
      '2025-01-25': '周末',
      '2025-01-26': '调休上班',
      '2025-01-27': '工作日',
      '2025-02-05': '工作日',
      '2025-02-07': '工作日',
      '2025-02-08': '调休上班',
      '2025-02-09': '周末',
    };
    for (const d of eachDate('2025-01-28', '2025-02-04')) table[d] = '法定节假日';
    expectKinds(table);
    expect(weekday('2025-01-26')).toBe(0);
    expect(weekday('2025-02-08')).toBe(6);
    expect(holidayName('2025-01-29')).toBe('春节');
    expect(holidayName('2025-01-26')).toBeUndefined(); // working day, not a holiday
    expect(dayInfo('2025-01-26').festival).toBe('春节');
    expect(isWorkday('2025-01-26')).toBe(true);
    expect(isWorkday('2025-02-04')).toBe(false);
  });

  it('National Day / Mid-Autumn: 10-01..10-08 off, 09-28 (Sun) and 10-11 (Sat) working', () => {
    const table: Record<string, DayKind> = {
      '2025-09-27': '周末',
      '2025-09-28': '调休上班',
      '2025-09-30': '工作日',
      '2025-10-09': '工作日',
      '2025-10-10': '工作日',
      '2025-10-11': '调休上班',
      '2025-10-12': '周末',
    };
    for (const d of eachDate('2025-10-01', '2025-10-08')) table[d] = '法定节假日';
    expectKinds(table);
    expect(holidayName('2025-10-01')).toBe('国庆节');
    expect(holidayName('2025-10-06')).toBe('中秋节'); // 2025-10-06 is Mid-Autumn itself
  });
});

describe('day kinds — 2026', () => {
  it('New Year: 01-01..01-03 off, 01-04 (Sun) working', () => {
    expectKinds({
      '2025-12-31': '工作日',
      '2026-01-01': '法定节假日',
      '2026-01-02': '法定节假日',
      '2026-01-03': '法定节假日',
      '2026-01-04': '调休上班',
      '2026-01-05': '工作日',
    });
    expect(weekday('2026-01-04')).toBe(0);
  });

  it('Spring Festival: 02-15..02-23 off, 02-14 (Sat) and 02-28 (Sat) working', () => {
    const table: Record<string, DayKind> = {
      '2026-02-13': '工作日',
      '2026-02-14': '调休上班',
      '2026-02-24': '工作日',
      '2026-02-28': '调休上班',
      '2026-03-01': '周末',
    };
    for (const d of eachDate('2026-02-15', '2026-02-23')) table[d] = '法定节假日';
    expectKinds(table);
    expect(holidayName('2026-02-17')).toBe('春节');
  });

  it('National Day: 10-01..10-07 off, 09-20 (Sun) and 10-10 (Sat) working', () => {
    const table: Record<string, DayKind> = {
      '2026-09-19': '周末',
      '2026-09-20': '调休上班',
      '2026-09-30': '工作日',
      '2026-10-08': '工作日',
      '2026-10-09': '工作日',
      '2026-10-10': '调休上班',
      '2026-10-11': '周末',
    };
    for (const d of eachDate('2026-10-01', '2026-10-07')) table[d] = '法定节假日';
    expectKinds(table);
    expect(holidayName('2026-10-01')).toBe('国庆节');
    expect(holidayName('2026-09-25')).toBe('中秋节');
    expect(holidayName('2026-04-05')).toBe('清明节');
    expect(holidayName('2026-06-19')).toBe('端午节');
  });
});

describe('official 2026 notice vs chinese-days data', () => {
  it('the in-repo copy parses into the expected shape', () => {
    expect(official2026.holidays.size).toBe(33);
    expect([...official2026.adjusted.keys()]).toEqual([
      '2026-01-04',
      '2026-02-14',
      '2026-02-28',
      '2026-05-09',
      '2026-09-20',
      '2026-10-10',
    ]);
    expect(Object.fromEntries(official2026.counts)).toEqual({
      元旦: 3,
      春节: 9,
      清明节: 3,
      劳动节: 5,
      端午节: 3,
      中秋节: 3,
      国庆节: 7,
    });
  });

  it('every day of 2026 matches the notice (kind and holiday name)', () => {
    const label = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
    const mismatches: string[] = [];
    let days = 0;
    for (const d of eachDate('2026-01-01', '2026-12-31')) {
      days++;
      const wd = new Date(`${d}T12:00:00Z`).getUTCDay();
      const expected: DayKind = official2026.holidays.has(d)
        ? '法定节假日'
        : official2026.adjusted.has(d)
          ? '调休上班'
          : wd === 0 || wd === 6
            ? '周末'
            : '工作日';
      if (dayKind(d) !== expected) mismatches.push(`${d}: ${dayKind(d)} != ${expected}`);
      if (holidayName(d) !== official2026.holidays.get(d)) {
        mismatches.push(`${d}: name ${holidayName(d)} != ${official2026.holidays.get(d)}`);
      }
      if (weekday(d) !== wd) mismatches.push(`${d}: weekday ${weekday(d)} != ${wd}`);
      const adj = official2026.adjusted.get(d);
      if (adj !== undefined && label[wd] !== 'Sat' && label[wd] !== 'Sun') mismatches.push(`${d}: make-up working day on a ${label[wd]}`);
      if (adj !== undefined && dayInfo(d).festival !== adj) mismatches.push(`${d}: festival ${dayInfo(d).festival} != ${adj}`);
    }
    expect(days).toBe(365);
    expect(mismatches).toEqual([]);
  });

  it.skipIf(!existsSync(SHARED_NOTICE))('policies/calendar/2026.txt is the shared reference notice, word for word (runs when the shared reference folder is beside the checkout)', () => {
    const text = readFileSync(SHARED_NOTICE, 'utf8');
    const prose = text.slice(0, text.indexOf(SECTION_HEADER)).trimEnd() + '\n';
    expect(readFileSync(`${CALENDAR_DIR}2026.txt`, 'utf8')).toBe(prose);
  });
});

describe('addWorkdays', () => {
  it('n = 0 returns start', () => {
    expect(addWorkdays('2026-10-03', 0)).toEqual({ date: '2026-10-03', uncovered: [] });
  });

  it('5个工作日 from 2026-09-29 crosses National Day → 2026-10-12', () => {
    // 09-30 (1), 10-01..07 off, 10-08 (2), 10-09 (3), 10-10 Sat 调休 (4), 10-11 Sun, 10-12 (5)
    expect(addWorkdays('2026-09-29', 5)).toEqual({ date: '2026-10-12', uncovered: [] });
  });

  it('3个工作日 from 2026-02-12 uses the 02-14 make-up day → 2026-02-24', () => {
    // 02-13 Fri (1), 02-14 Sat 调休 (2), 02-15..23 off, 02-24 Tue (3)
    expect(addWorkdays('2026-02-12', 3)).toEqual({ date: '2026-02-24', uncovered: [] });
    expect(addWorkdays('2026-02-12', 2)).toEqual({ date: '2026-02-14', uncovered: [] });
  });

  it('2025 make-up days and holidays', () => {
    expect(addWorkdays('2025-01-24', 1).date).toBe('2025-01-26'); // Sun 调休
    expect(addWorkdays('2025-01-27', 1).date).toBe('2025-02-05');
    expect(addWorkdays('2025-09-30', 1).date).toBe('2025-10-09');
    expect(addWorkdays('2024-12-31', 1).date).toBe('2025-01-02');
  });

  it('starting on a holiday or weekend does not count the start', () => {
    expect(addWorkdays('2026-10-01', 1).date).toBe('2026-10-08');
    expect(addWorkdays('2026-10-10', 1).date).toBe('2026-10-12');
  });

  it('30个工作日 from 2026-12-15 reaches into 2027 → uncovered [2027]', () => {
    // Dec 2026: 16–18, 21–25, 28–31 = 12; 2027 assumed Mon–Fri: 01-01 (13), 01-04..08 (18),
    // 01-11..15 (23), 01-18..22 (28), 01-25 (29), 01-26 (30). NB: 2027-01-01 will really be 元旦.
    expect(addWorkdays('2026-12-15', 30)).toEqual({ date: '2027-01-26', uncovered: [2027] });
    expect(addWorkdays('2026-12-15', 12)).toEqual({ date: '2026-12-31', uncovered: [] });
    expect(addWorkdays('2026-12-30', 300).uncovered).toEqual([2027, 2028]);
  });

  it('is the inverse of workdaysBetween', () => {
    for (const start of ['2025-01-20', '2025-09-26', '2026-01-01', '2026-02-10', '2026-04-30', '2026-09-18']) {
      for (const n of [1, 3, 5, 7, 20, 30]) {
        const r = addWorkdays(start, n);
        expect(workdaysBetween(start, r.date).count, `${start}+${n}`).toBe(n);
        expect(isWorkday(r.date)).toBe(true);
      }
    }
  });
});

describe('workdaysBetween', () => {
  it('counts working days in (from, to] across holidays', () => {
    // 10-08, 10-09, 10-10 (Sat 调休), 10-12
    expect(workdaysBetween('2026-09-30', '2026-10-12')).toEqual({ count: 4, uncovered: [] });
    // 02-14 (Sat 调休), 02-24..27, 02-28 (Sat 调休), 03-02
    expect(workdaysBetween('2026-02-13', '2026-03-02')).toEqual({ count: 7, uncovered: [] });
    // 2025 National Day: 09-28 (Sun 调休), 09-29, 09-30, 10-09, 10-10, 10-11 (Sat 调休)
    expect(workdaysBetween('2025-09-27', '2025-10-12')).toEqual({ count: 6, uncovered: [] });
  });

  it('is 0 when to <= from, and reports uncovered years', () => {
    expect(workdaysBetween('2026-10-12', '2026-10-12')).toEqual({ count: 0, uncovered: [] });
    expect(workdaysBetween('2026-10-12', '2026-09-30')).toEqual({ count: 0, uncovered: [] });
    expect(workdaysBetween('2026-12-31', '2027-01-04')).toEqual({ count: 2, uncovered: [2027] });
    expect(workdaysBetween('2003-12-30', '2004-01-02')).toEqual({ count: 2, uncovered: [2003] });
  });

  it('2026 has 248 working days by the official calendar', () => {
    // 261 Mon–Fri days − 19 holidays falling on Mon–Fri (元旦 2, 春节 6, 清明 1, 劳动节 3,
    // 端午 1, 中秋 1, 国庆 5) + 6 make-up Saturdays/Sundays = 248; cross-checked against the notice table.
    let expected = 0;
    for (const d of eachDate('2026-01-01', '2026-12-31')) {
      const wd = new Date(`${d}T12:00:00Z`).getUTCDay();
      if (official2026.adjusted.has(d) || (!official2026.holidays.has(d) && wd !== 0 && wd !== 6)) expected++;
    }
    expect(expected).toBe(248);
    expect(workdaysBetween('2025-12-31', '2026-12-31')).toEqual({ count: 248, uncovered: [] });
  });
});

describe('natural days and months', () => {
  it('addDays', () => {
    expect(addDays('2026-02-28', 7)).toBe('2026-03-07');
    expect(addDays('2026-12-28', 7)).toBe('2027-01-04');
    expect(addDays('2024-02-28', 1)).toBe('2024-02-29');
    expect(addDays('2026-03-01', -1)).toBe('2026-02-28');
    expect(addDays('2026-10-01', 0)).toBe('2026-10-01');
  });

  it('addMonths clamps to month end', () => {
    expect(addMonths('2026-01-31', 1)).toBe('2026-02-28');
    expect(addMonths('2024-01-31', 1)).toBe('2024-02-29');
    expect(addMonths('2026-03-31', 1)).toBe('2026-04-30');
    expect(addMonths('2026-03-31', -1)).toBe('2026-02-28');
    expect(addMonths('2026-12-15', 1)).toBe('2027-01-15');
    expect(addMonths('2026-11-30', 3)).toBe('2027-02-28');
    expect(addMonths('2026-01-15', -13)).toBe('2024-12-15');
    expect(addMonths('2026-05-20', 0)).toBe('2026-05-20');
  });

  it('diffDays', () => {
    expect(diffDays('2026-01-01', '2027-01-01')).toBe(365);
    expect(diffDays('2024-01-01', '2025-01-01')).toBe(366);
    expect(diffDays('2026-03-01', '2026-02-28')).toBe(-1);
    expect(diffDays('2026-10-01', '2026-10-01')).toBe(0);
    expect(diffDays('2026-11-22', addDays('2026-11-22', 7))).toBe(7);
  });

  it('weekday', () => {
    expect(weekday('1970-01-01')).toBe(4);
    expect(weekday('2000-01-01')).toBe(6);
    expect(weekday('2026-01-01')).toBe(4);
    expect(weekday('2026-10-10')).toBe(6);
    expect(weekday('2026-09-20')).toBe(0);
  });
});

describe('todayShanghai', () => {
  it('uses UTC+8 regardless of the process time zone', () => {
    expect(todayShanghai(new Date('2026-11-21T17:30:00Z'))).toBe('2026-11-22');
    expect(todayShanghai(new Date('2026-11-21T15:59:59.999Z'))).toBe('2026-11-21');
    expect(todayShanghai(new Date('2026-11-21T16:00:00Z'))).toBe('2026-11-22');
    expect(todayShanghai(new Date('2026-12-31T16:00:00Z'))).toBe('2027-01-01');
    expect(isValidDate(todayShanghai())).toBe(true);
    expect(() => todayShanghai(new Date('nope'))).toThrow(RangeError);
  });

  it('results do not depend on TZ (chinese-days’ own functions do)', () => {
    const saved = process.env.TZ;
    try {
      for (const tz of ['America/Los_Angeles', 'UTC', 'Asia/Shanghai', 'Pacific/Kiritimati']) {
        process.env.TZ = tz;
        expect(dayKind('2026-10-01'), tz).toBe('法定节假日');
        expect(dayKind('2026-09-30'), tz).toBe('工作日');
        expect(addWorkdays('2026-09-29', 5).date, tz).toBe('2026-10-12');
        expect(todayShanghai(new Date('2026-11-21T17:30:00Z')), tz).toBe('2026-11-22');
      }
    } finally {
      if (saved === undefined) delete process.env.TZ;
      else process.env.TZ = saved;
    }
  });
});

describe('policies/calendar: holiday years as reviewed data', () => {
  it('holds 2026 (the notice text and its table)', () => {
    expect(YEAR_FILES).toContain(2026);
    expect(readCalendarDir(CALENDAR_DIR).map((f) => f.year)).toEqual(YEAR_FILES);
  });

  for (const year of YEAR_FILES) {
    it(`${year}: every day in ${year}.json is what ${year}.txt (the notice's own wording) says`, () => {
      const notice = readNotice(readFileSync(`${CALENDAR_DIR}${year}.txt`, 'utf8'), year);
      const table = readTable(year);
      expect(notice.items, 'the notice names seven festivals').toBe(7);
      expect(Object.fromEntries(table.holidays)).toEqual(Object.fromEntries(notice.holidays));
      expect(Object.fromEntries(table.adjusted)).toEqual(Object.fromEntries(notice.adjusted));
      // and the engine computes with exactly this table
      const mismatches: string[] = [];
      for (const d of eachDate(`${year}-01-01`, `${year}-12-31`)) {
        const wd = new Date(`${d}T12:00:00Z`).getUTCDay();
        const expected: DayKind = table.holidays.has(d) ? '法定节假日' : table.adjusted.has(d) ? '调休上班' : wd === 0 || wd === 6 ? '周末' : '工作日';
        if (dayKind(d) !== expected) mismatches.push(`${d}: ${dayKind(d)} != ${expected}`);
      }
      expect(mismatches).toEqual([]);
      expect(isCovered(`${year}-06-15`)).toBe(true);
    });
  }

  it('chinese-days agrees with the repository for 2026 (both hold the notice)', () => {
    const empty = tmpDir('govmedia-cal-');
    try {
      const pkg = calendarFor(empty);
      expect(pkg.sources().get(2026)).toBe('chinese-days');
      expect(calendarFor(path.resolve(CALENDAR_DIR, '..', '..')).sources().get(2026)).toBe('repository');
      const diff: string[] = [];
      for (const d of eachDate('2026-01-01', '2026-12-31')) if (pkg.dayKind(d) !== dayKind(d) || pkg.holidayName(d) !== holidayName(d)) diff.push(d);
      expect(diff).toEqual([]);
    } finally {
      rmSync(empty, { recursive: true, force: true });
    }
  });
});

describe('judgePeriod: the one helper for deadline verdicts', () => {
  it('a deadline inside the calendar is a verdict', () => {
    // certified 09-29; working days after: 09-30, 10-08, 10-09 → due 10-09
    expect(judgePeriod({ from: '2026-09-29', amount: 3, unit: 'workdays', direction: 'by', actual: '2026-10-09' })).toEqual({ verdict: 'ok', due: '2026-10-09', uncovered: [] });
    expect(judgePeriod({ from: '2026-09-29', amount: 3, unit: 'workdays', direction: 'by', actual: '2026-10-10' }).verdict).toBe('late'); // 10-10 is the 4th working day
    expect(judgePeriod({ from: '2026-10-08', amount: 1, unit: 'workdays', direction: 'by', actual: '2026-10-11' }).verdict).toBe('late'); // a Sunday after the due 10-09
    expect(judgePeriod({ from: '2026-02-02', amount: 30, unit: 'workdays', direction: 'not-before', actual: '2026-03-19' }).verdict).toBe('early');
    expect(judgePeriod({ from: '2026-02-02', amount: 30, unit: 'workdays', direction: 'not-before', actual: '2026-03-20' }).verdict).toBe('ok');
  });

  it('a verdict that depends on a day of 2027 is unknown and names 2027 — never ok, never late/early', () => {
    // the example: announced 2026-12-14, deregistered 2027-01-22 (30 working days)
    expect(judgePeriod({ from: '2026-12-14', amount: 30, unit: 'workdays', direction: 'not-before', actual: '2027-01-22' })).toMatchObject({ verdict: 'unknown', uncovered: [2027] });
    // an early one in October 2027
    expect(judgePeriod({ from: '2027-09-20', amount: 30, unit: 'workdays', direction: 'not-before', actual: '2027-10-08' })).toMatchObject({ verdict: 'unknown', uncovered: [2027] });
    expect(judgePeriod({ from: '2026-12-30', amount: 3, unit: 'workdays', direction: 'by', actual: '2027-01-06' })).toMatchObject({ verdict: 'unknown', uncovered: [2027] });
  });

  it('what the covered days alone decide stays a verdict', () => {
    // 33 working days of 2026 after 11-16: the period ran whatever 2027 holds
    expect(judgePeriod({ from: '2026-11-16', amount: 30, unit: 'workdays', direction: 'not-before', actual: '2027-01-20' })).toMatchObject({ verdict: 'ok', uncovered: [] });
    // 2026-12-01 + 3 working days is 12-04; an entry in 2027 is late whatever 2027 holds
    expect(judgePeriod({ from: '2026-12-01', amount: 3, unit: 'workdays', direction: 'by', actual: '2027-02-01' })).toMatchObject({ verdict: 'late', uncovered: [] });
    // an act before the first day of 2027 needs no 2027 data
    expect(judgePeriod({ from: '2026-12-28', amount: 3, unit: 'workdays', direction: 'by', actual: '2026-12-30' })).toMatchObject({ verdict: 'ok' });
    // early for certain; only the due date itself is an estimate (it falls in 2027)
    expect(judgePeriod({ from: '2026-12-14', amount: 30, unit: 'workdays', direction: 'not-before', actual: '2026-12-30' })).toMatchObject({ verdict: 'early', uncovered: [2027] });
  });

  it('natural days and months need no calendar', () => {
    expect(judgePeriod({ from: '2026-12-28', amount: 7, unit: 'days', direction: 'by', actual: '2027-01-04' })).toEqual({ verdict: 'ok', due: '2027-01-04', uncovered: [] });
    expect(judgePeriod({ from: '2026-12-28', amount: 1, unit: 'months', direction: 'by', actual: '2027-01-29' })).toEqual({ verdict: 'late', due: '2027-01-28', uncovered: [] });
  });
});

/** A visibly fictitious 2027 notice (the real one is not published yet), in the notice's own style. */
const FICTITIOUS_2027_TEXT = `（虚构，仅供测试；不是国务院办公厅的通知）国务院办公厅关于2027年部分节假日安排的通知

  一、元旦:1月1日(周五)至3日(周日)放假,共3天。

  二、春节:2月6日(周六)至14日(周日)放假调休,共9天。2月20日(周六)上班。

  三、清明节:4月3日(周六)至5日(周一)放假,共3天。

  四、劳动节:5月1日(周六)至5日(周三)放假调休,共5天。5月8日(周六)上班。

  五、端午节:6月9日(周三)放假,共1天。

  六、中秋节:9月15日(周三)放假,共1天。

  七、国庆节:10月1日(周五)至7日(周四)放假调休,共7天。10月9日(周六)上班。
`;
const FICTITIOUS_2027_TABLE: CalendarYearFile = {
  year: 2027,
  title: '（虚构，仅供测试）国务院办公厅关于2027年部分节假日安排的通知',
  issued: '2026-11-01',
  source: '虚构（测试用）',
  holidays: {
    元旦: ['2027-01-01', '2027-01-02', '2027-01-03'],
    春节: [...eachDate('2027-02-06', '2027-02-14')],
    清明节: ['2027-04-03', '2027-04-04', '2027-04-05'],
    劳动节: [...eachDate('2027-05-01', '2027-05-05')],
    端午节: ['2027-06-09'],
    中秋节: ['2027-09-15'],
    国庆节: [...eachDate('2027-10-01', '2027-10-07')],
  },
  workdays: { 春节: ['2027-02-20'], 劳动节: ['2027-05-08'], 国庆节: ['2027-10-09'] },
};

describe('a new year is data, not code', () => {
  it('adding <year>.txt and <year>.json to a copy turns the 2027 warnings into verdicts', async () => {
    const { ENGINE_ROOT } = await import('../scripts/core/paths.ts');
    const { loadPolicies } = await import('../scripts/policy/loader.ts');
    const { runCase } = await import('./support/tester.ts');
    const { closeEvents } = await import('../scripts/dev/fixture.ts');
    const copy = tmpDir('govmedia-engine-');
    try {
      // a temporary copy of the engine's data: schemas and the calendar, plus the fictitious year
      cpSync(path.join(ENGINE_ROOT, 'schemas'), path.join(copy, 'schemas'), { recursive: true });
      mkdirSync(path.join(copy, 'policies', 'calendar'), { recursive: true });
      for (const f of readdirSync(CALENDAR_DIR)) cpSync(path.join(CALENDAR_DIR, f), path.join(copy, 'policies', 'calendar', f));
      writeFileSync(path.join(copy, 'policies', 'calendar', '2027.txt'), FICTITIOUS_2027_TEXT);
      writeFileSync(path.join(copy, 'policies', 'calendar', '2027.json'), JSON.stringify(FICTITIOUS_2027_TABLE, null, 2) + '\n');
      // the fictitious file passes the same review as a real one
      const notice = readNotice(FICTITIOUS_2027_TEXT, 2027);
      const holidays = new Map(Object.entries(FICTITIOUS_2027_TABLE.holidays).flatMap(([n, ds]) => ds.map((d) => [d, n] as const)));
      expect(Object.fromEntries(notice.holidays)).toEqual(Object.fromEntries([...holidays].sort()));

      const cal = calendarFor(copy);
      expect(cal.isCovered('2027-06-15')).toBe(true);
      expect(cal.sources().get(2027)).toBe('repository');
      const example = { from: '2026-12-14', amount: 30, unit: 'workdays', direction: 'not-before', actual: '2027-01-22' } as const;
      expect(judgePeriod(example).verdict).toBe('unknown');
      // 13 working days in 2026, then 2027-01-04…: the 30th is 2027-01-26
      expect(cal.judgePeriod(example)).toEqual({ verdict: 'early', due: '2027-01-26', uncovered: [] });
      expect(cal.judgePeriod({ ...example, actual: '2027-01-26' }).verdict).toBe('ok');

      // the real rule, unchanged, through the real engine: warning → error, and warning → pass
      const luan = (await loadPolicies(ENGINE_ROOT)).find((p) => p.series === 'anhui/luan')!;
      const rule = luan.rules.find((r) => r.name === 'announcement-period')!;
      const close = (dereg: string) => ({
        name: `announced 2026-12-14, deregistered ${dereg}`,
        now: '2027-02-01',
        setup: (k: import('../scripts/dev/fixture.ts').FixtureKit) => {
          const evs = closeEvents('2026-12-10');
          evs[1]!.date = '2026-12-11';
          evs[2]!.date = '2026-12-14';
          evs[3]!.date = dereg;
          evs[4]!.date = dereg;
          k.get('dept-weixin').events.push(...evs);
        },
      });
      const before = await runCase(luan, rule, close('2027-01-22'), ENGINE_ROOT);
      expect(before.findings.map((f) => [f.severity, f.message.zh.includes('2027 年')])).toEqual([['warning', true]]);
      const after = await runCase(luan, rule, close('2027-01-22'), copy);
      expect(after.findings.map((f) => f.severity)).toEqual(['error']);
      expect(after.findings[0]!.message.zh).toContain('2027-01-26');
      const compliant = await runCase(luan, rule, close('2027-01-26'), copy);
      expect(compliant.findings).toEqual([]);
      expect((await runCase(luan, rule, close('2027-01-26'), ENGINE_ROOT)).findings.map((f) => f.severity)).toEqual(['warning']);
    } finally {
      rmSync(copy, { recursive: true, force: true });
    }
  });

  it('a malformed calendar file is a load error naming the file, not a silent gap', () => {
    const copy = tmpDir('govmedia-cal-');
    try {
      mkdirSync(path.join(copy, 'policies', 'calendar'), { recursive: true });
      writeFileSync(path.join(copy, 'policies', 'calendar', '2027.json'), JSON.stringify({ ...FICTITIOUS_2027_TABLE, holidays: { 元旦: ['2027-02-30'] } }));
      expect(() => calendarFor(copy)).toThrow(/policies\/calendar\/2027\.json/);
    } finally {
      rmSync(copy, { recursive: true, force: true });
    }
  });
});
