/**
 * upward-filing-within-3-workdays 规则的用例（tests/policy-rules.test.ts 运行；命令行不加载，不编入 dist/）。
 * Cases of the rule upward-filing-within-3-workdays: run by tests/policy-rules.test.ts, never loaded by the CLI, not built.
 */
import { type FixtureKit, shift } from '#engine/dev/fixture';
import { deadlineCases } from '#engine/policy/common/process.cases';
import { addCounty, countyOpenEvents } from '../helpers.cases.ts';

/** A county opening approved on `approved` and filed upward on `filed`. */
function county(k: FixtureKit, approved: string, filed: string): void {
  const evs = countyOpenEvents('2026-09-29');
  evs[1]!.date = approved;
  evs[2]!.date = filed;
  evs[3]!.date = filed;
  evs[4]!.date = filed;
  evs[5]!.date = shift(filed, 1);
  addCounty(k, evs);
}

export default deadlineCases({
  valid: [
    { name: 'county opening filed upward the next day', setup: (k) => addCounty(k, countyOpenEvents('2026-03-02')) },
    {
      name: 'approved 09-30, filed upward 10-10: the make-up Saturday is the 3rd working day after National Day',
      setup: (k) => county(k, '2026-09-30', '2026-10-10'),
    },
  ],
  invalid: [
    {
      name: 'approved 2026-12-30, filed upward 2027-01-06: the deadline needs the 2027 calendar — a warning naming 2027',
      now: '2027-03-01',
      setup: (k) => county(k, '2026-12-30', '2027-01-06'),
      errors: [{ account: 'jz-weixin', pointer: ['events', 2, 'date'], messageId: 'uncovered', data: { years: '2027' }, severity: 'warning' }],
    },
    {
      name: 'approved 09-30, filed upward 10-12: later than the 3rd working day (10-10)',
      setup: (k) => county(k, '2026-09-30', '2026-10-12'),
      errors: [{ account: 'jz-weixin', pointer: ['events', 2, 'date'], messageIncludes: '2026-10-10', messageId: 'late' }],
    },
  ],
});
