/**
 * entry-within-3-workdays 规则的用例（tests/policy-rules.test.ts 运行；命令行不加载，不编入 dist/）。
 * Cases of the rule entry-within-3-workdays: run by tests/policy-rules.test.ts, never loaded by the CLI, not built.
 */
import type { RuleCases } from '#engine/dev/cases';
import type { Event } from '#engine/generated/types';
import { addCounty, cityCloseEvents } from '../kit.cases.ts';

/** A 市级 closure approved first (03-03) and announced after (03-04, 15 working days → 03-25), entered on `entered`. */
function approveThenAnnounce(k: import('#engine/dev/fixture').FixtureKit, entered: string): void {
  const [filed, ann, , dereg, entry] = cityCloseEvents() as [Event, Event, Event, Event, Event];
  delete ann.announcementEnd;
  k.get('dept-weixin').events.push(
    filed,
    { type: '主管审核', date: '2026-03-03', decision: '同意', reviewer: '示例市人民政府办公室', level: '同级' },
    { ...ann, date: '2026-03-04' },
    { ...dereg, date: '2026-03-26' },
    { ...entry, date: entered },
  );
}

const cases: RuleCases = {
  valid: [
    { name: 'city department entered 3 working days after approval' },
    {
      name: 'approved 02-12 before Spring Festival, entered 02-24 (the 02-14 Saturday make-up day counts)',
      setup: (k) => k.dates('dept-weixin', ['2026-02-11', '2026-02-12', '2026-02-13', '2026-02-14', '2026-02-24']),
    },
    {
      name: 'approve-then-announce closure: approved 03-03, announced 03-04 (ends 03-25), entered 03-30 — the 3rd working day after the announcement period',
      setup: (k) => approveThenAnnounce(k, '2026-03-30'),
    },
    {
      name: 'county filed with the city 09-30, entered on the 10-10 Saturday make-up working day',
      setup: (k) => {
        addCounty(k);
        k.dates('xq-weixin', ['2026-09-28', '2026-09-29', '2026-09-30', '2026-09-30', '2026-10-09', '2026-10-10']);
      },
    },
  ],
  invalid: [
    {
      name: 'approve-then-announce closure entered 03-31: later than 3 working days after the announcement period (03-30)',
      setup: (k) => approveThenAnnounce(k, '2026-03-31'),
      errors: [{ account: 'dept-weixin', pointer: ['events', 9, 'date'], messageId: 'lateAfterAnnouncement', data: { due: '2026-03-30', announced: '2026-03-04' } }],
    },
    {
      name: 'county filed with the city 09-30, entered 10-12: the 3rd working day was 10-10',
      setup: (k) => {
        addCounty(k);
        k.dates('xq-weixin', ['2026-09-28', '2026-09-29', '2026-09-30', '2026-09-30', '2026-10-09', '2026-10-12']);
      },
      errors: [{ account: 'xq-weixin', pointer: ['events', 5, 'date'], messageIncludes: '2026-10-10', messageId: 'late' }],
    },
    {
      name: 'approved 02-12, entered 02-25: one working day late after Spring Festival',
      setup: (k) => k.dates('dept-weixin', ['2026-02-11', '2026-02-12', '2026-02-13', '2026-02-14', '2026-02-25']),
      errors: [{ account: 'dept-weixin', pointer: ['events', 4, 'date'], messageIncludes: '2026-02-24', messageId: 'late' }],
    },
    {
      name: 'a deadline beyond the holiday calendar is a warning naming the year',
      now: '2027-03-01',
      setup: (k) => k.dates('dept-weixin', ['2027-01-04', '2027-01-05', '2027-01-06', '2027-01-07', '2027-01-25']),
      errors: [{ account: 'dept-weixin', pointer: ['events', 4, 'date'], messageIncludes: '2027', severity: 'warning', messageId: 'uncovered' }],
    },
  ],
};
export default cases;
