/**
 * closure-entry-within-3-workdays 规则的用例（tests/policy-rules.test.ts 运行；命令行不加载，不编入 dist/）。
 * Cases of the rule closure-entry-within-3-workdays: run by tests/policy-rules.test.ts, never loaded by the CLI, not built.
 */
import { closeEvents } from '#engine/dev/fixture';
import { deadlineCases } from '#engine/policy/common/process.cases';

export default deadlineCases({
  valid: [{ name: 'entered the next day', setup: (k) => void k.get('dept-weixin').events.push(...closeEvents('2026-03-02')) }],
  invalid: [
    {
      name: 'deregistered 2026-12-30, entered 2027-01-06: the deadline needs the 2027 calendar — a warning naming 2027',
      now: '2027-03-01',
      setup: (k) => {
        const evs = closeEvents('2026-11-02');
        evs[3]!.date = '2026-12-30';
        evs[4]!.date = '2027-01-06';
        k.get('dept-weixin').events.push(...evs);
      },
      errors: [{ account: 'dept-weixin', pointer: ['events', 9, 'date'], messageId: 'uncovered', data: { years: '2027' }, severity: 'warning' }],
    },
    {
      name: 'entered two weeks after deregistration',
      setup: (k) => {
        const evs = closeEvents('2026-03-02');
        evs[4]!.date = '2026-05-15';
        k.get('dept-weixin').events.push(...evs);
      },
      errors: [{ account: 'dept-weixin', pointer: ['events', 9, 'date'], messageId: 'late' }],
    },
  ],
});
