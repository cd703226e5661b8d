/**
 * overdue-work-reported 规则的用例（tests/policy-rules.test.ts 运行；命令行不加载，不编入 dist/）。
 * Cases of the rule overdue-work-reported: run by tests/policy-rules.test.ts, never loaded by the CLI, not built.
 */
import type { RuleCases } from '#engine/dev/cases';
import { closeEvents } from '#engine/dev/fixture';

const cases: RuleCases = {
  valid: [
    { name: 'opened within 30 days' },
    {
      name: 'a 61-day closure reported on day 31',
      setup: (k) => {
        const evs = closeEvents('2026-03-02');
        evs.splice(3, 0, { type: '逾期报告', date: '2026-04-02', note: '平台注销审核尚未通过，已向主管单位报告。' });
        k.get('dept-weixin').events.push(...evs);
      },
    },
    {
      name: 'an opening completed on day 30 needs no report',
      setup: (k) => k.dates('dept-weixin', ['2026-03-02', '2026-03-04', '2026-03-25', '2026-03-27', '2026-04-01']),
    },
  ],
  invalid: [
    {
      name: 'a 61-day closure never reported',
      setup: (k) => void k.get('dept-weixin').events.push(...closeEvents('2026-03-02')),
      errors: [{ account: 'dept-weixin', pointer: ['events', 9, 'date'], messageIncludes: '61', messageId: 'unreported' }],
    },
    {
      name: 'an opening completed on day 31 without a report',
      setup: (k) => k.dates('dept-weixin', ['2026-03-02', '2026-03-04', '2026-03-27', '2026-03-30', '2026-04-02']),
      errors: [{ account: 'dept-weixin', pointer: ['events', 4, 'date'], messageId: 'unreported' }],
    },
  ],
};
export default cases;
