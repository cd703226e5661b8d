/**
 * announcement-period 规则的用例（tests/policy-rules.test.ts 运行；命令行不加载，不编入 dist/）。
 * Cases of the rule announcement-period: run by tests/policy-rules.test.ts, never loaded by the CLI, not built.
 */
import { closeEvents, type FixtureKit, shift } from '#engine/dev/fixture';
import { announcementPeriodCases } from '#engine/policy/common/process.cases';

/** Close dept-weixin: filed on `filed`, approved the next day, announced on `announced`, deregistered on `dereg`. */
function closeOn(k: FixtureKit, filed: string, announced: string, dereg: string): void {
  const evs = closeEvents(filed);
  evs[1]!.date = shift(filed, 1);
  evs[2]!.date = announced;
  evs[3]!.date = dereg;
  evs[4]!.date = dereg;
  k.get('dept-weixin').events.push(...evs);
}

/** Close dept-weixin with the announcement on 2026-02-02 (before the Spring Festival) and deregistration on `dereg`. */
function closeOverSpringFestival(k: FixtureKit, dereg: string): void {
  const evs = closeEvents('2026-01-28');
  evs[1]!.date = '2026-01-29';
  evs[2]!.date = '2026-02-02';
  evs[3]!.date = dereg;
  evs[4]!.date = dereg;
  k.get('dept-weixin').events.push(...evs);
}

export default announcementPeriodCases({
  valid: [
    {
      name: 'announced 02-02, deregistered on the 30th working day 03-20 (Spring Festival off, 02-14 and 02-28 Saturdays count)',
      setup: (k) => closeOverSpringFestival(k, '2026-03-20'),
    },
    {
      name: 'announced 2026-11-04, deregistered 2026-12-31: every day between is in the 2026 calendar',
      now: '2027-02-01',
      setup: (k) => closeOn(k, '2026-11-02', '2026-11-04', '2026-12-31'),
    },
    {
      name: 'announced 2026-11-16, deregistered 2027-01-20: 33 working days of 2026 alone, so the period ran whatever 2027 holds',
      now: '2027-02-01',
      setup: (k) => closeOn(k, '2026-11-12', '2026-11-16', '2027-01-20'),
    },
  ],
  invalid: [
    {
      name: 'announced 2027-09-20, deregistered 2027-10-08: early by any reckoning of 2027, but only the 2027 calendar can say — a warning, not a pass',
      now: '2027-11-01',
      setup: (k) => closeOn(k, '2027-09-16', '2027-09-20', '2027-10-08'),
      errors: [{ account: 'dept-weixin', pointer: ['events', 8, 'date'], messageId: 'uncovered', data: { years: '2027' }, severity: 'warning' }],
    },
    {
      name: 'announced 2026-12-14, deregistered 2026-12-30: early, and every day between is in the 2026 calendar — an error',
      now: '2027-02-01',
      setup: (k) => closeOn(k, '2026-12-10', '2026-12-14', '2026-12-30'),
      errors: [{ account: 'dept-weixin', pointer: ['events', 8, 'date'], messageId: 'short', severity: 'error' }],
    },
    {
      name: 'announced 02-02, deregistered 03-19: only 29 working days',
      setup: (k) => closeOverSpringFestival(k, '2026-03-19'),
      errors: [{ account: 'dept-weixin', pointer: ['events', 8, 'date'], messageIncludes: '2026-03-20', messageId: 'short' }],
    },
    {
      name: 'the announcement itself states 15 working days',
      setup: (k) => {
        const evs = closeEvents('2026-03-02');
        evs[2]!.announcementDays = 15;
        k.get('dept-weixin').events.push(...evs);
      },
      errors: [{ account: 'dept-weixin', pointer: ['events', 7, 'announcementDays'], messageId: 'declared' }],
    },
  ],
});
