import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
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
  type DayKind,
} from '../scripts/calendar/workdays.ts';

// In-repo verbatim copy of the '=== 机器可读 (derived) ===' section of the official
// 2026 notice (国务院办公厅关于2026年部分节假日安排的通知, 2025-11-04). The test always
// runs against this copy; when /work/shared is present it additionally checks that
// the copy is still identical to the shared reference and that the derived section
// agrees with the notice's own prose.
const OFFICIAL_2026_COPY = fileURLToPath(new URL('../scripts/calendar/official-2026.txt', import.meta.url));
const SHARED_NOTICE = '/work/shared/reference/holidays-2026-notice.txt';
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
  /** date → weekday label from the file (Sat/Sun) */
  adjusted: Map<string, string>;
  /** festival → number of days in its ranges */
  counts: Map<string, number>;
}

function parseMachineReadable(text: string): Official {
  const start = text.indexOf(SECTION_HEADER);
  if (start < 0) throw new Error('machine-readable section not found');
  const holidays = new Map<string, string>();
  const adjusted = new Map<string, string>();
  const counts = new Map<string, number>();
  let section: 'holidays' | 'adjusted' | undefined;
  for (const raw of text.slice(start + SECTION_HEADER.length).split('\n')) {
    const line = raw.trim();
    if (line === '') continue;
    if (line.startsWith('# holidays')) {
      section = 'holidays';
      continue;
    }
    if (line.startsWith('# adjusted')) {
      section = 'adjusted';
      continue;
    }
    if (section === 'holidays') {
      const m = /^(\S+)(?:\s+\((\d+) days\))?\s+(\S+)$/.exec(line);
      if (!m) throw new Error(`unparsed holiday line: ${line}`);
      const [, spec = '', declared, name = ''] = m;
      let dates: string[];
      const range = /^(\d{4}-\d{2}-\d{2})\.\.(\d{4}-\d{2}-\d{2})$/.exec(spec);
      if (range) dates = [...eachDate(range[1] ?? '', range[2] ?? '')];
      else dates = spec.split(',');
      for (const d of dates) {
        if (!/^\d{4}-\d{2}-\d{2}$/.test(d)) throw new Error(`bad date ${d} in: ${line}`);
        holidays.set(d, name);
      }
      if (declared !== undefined) expect(dates.length, line).toBe(Number(declared));
      counts.set(name, (counts.get(name) ?? 0) + dates.length);
    } else if (section === 'adjusted') {
      const m = /^(\d{4}-\d{2}-\d{2}) \((Sun|Mon|Tue|Wed|Thu|Fri|Sat)\)$/.exec(line);
      if (!m) throw new Error(`unparsed adjusted-working-day line: ${line}`);
      adjusted.set(m[1] ?? '', m[2] ?? '');
    } else {
      throw new Error(`line outside a section: ${line}`);
    }
  }
  return { holidays, adjusted, counts };
}

const official2026 = parseMachineReadable(readFileSync(OFFICIAL_2026_COPY, 'utf8'));

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
      const adjLabel = official2026.adjusted.get(d);
      if (adjLabel !== undefined && adjLabel !== label[wd]) mismatches.push(`${d}: file says ${adjLabel}`);
    }
    expect(days).toBe(365);
    expect(mismatches).toEqual([]);
  });

  it.skipIf(!existsSync(SHARED_NOTICE))('in-repo copy equals the shared reference, whose prose agrees', () => {
    const text = readFileSync(SHARED_NOTICE, 'utf8');
    const section = text.slice(text.indexOf(SECTION_HEADER));
    expect(section).toBe(readFileSync(OFFICIAL_2026_COPY, 'utf8'));

    // Independent check of the derived section against the notice's own sentences,
    // e.g. "二、春节:2月15日(农历腊月二十八、周日)至23日(...)放假调休,共9天。2月14日(周六)、2月28日(周六)上班。"
    const weekdayZh = '日一二三四五六';
    const iso = (m: string, d: string) => `2026-${m.padStart(2, '0')}-${d.padStart(2, '0')}`;
    const prose = text.slice(0, text.indexOf(SECTION_HEADER));
    const items = [...prose.matchAll(/^\s*[一二三四五六七]、(.+?)[:：](.+)$/gm)];
    expect(items.length).toBe(7);
    const proseAdjusted: string[] = [];
    for (const item of items) {
      const name = item[1] ?? '';
      const body = item[2] ?? '';
      const r = /(\d+)月(\d+)日[(（][^)）]*[)）]至(?:(\d+)月)?(\d+)日[(（][^)）]*[)）]放假[^,，]*[,，]共(\d+)天/.exec(body);
      expect(r, name).not.toBeNull();
      if (!r) continue;
      const [, m1 = '', d1 = '', m2, d2 = '', total = ''] = r;
      const range = [...eachDate(iso(m1, d1), iso(m2 ?? m1, d2))];
      expect(range.length, name).toBe(Number(total));
      for (const d of range) expect(official2026.holidays.get(d), `${name} ${d}`).toBe(name);
      expect(official2026.counts.get(name), name).toBe(Number(total));
      // every "M月D日(…周X)" annotation is the right weekday
      for (const a of body.matchAll(/(\d+)月(\d+)日[(（][^)）]*?周([日一二三四五六])[)）]/g)) {
        expect(weekday(iso(a[1] ?? '', a[2] ?? '')), a[0]).toBe(weekdayZh.indexOf(a[3] ?? ''));
      }
      const work = /天。(.+)上班/.exec(body);
      if (work) for (const a of (work[1] ?? '').matchAll(/(\d+)月(\d+)日/g)) proseAdjusted.push(iso(a[1] ?? '', a[2] ?? ''));
    }
    expect(proseAdjusted).toEqual([...official2026.adjusted.keys()]);
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
