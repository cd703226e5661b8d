/**
 * announcement-period 规则的用例（tests/policy-rules.test.ts 运行；命令行不加载，不编入 dist/）。
 * Cases of the rule announcement-period: run by tests/policy-rules.test.ts, never loaded by the CLI, not built.
 */
import type { FixtureKit } from '#engine/dev/fixture';
import { announcementPeriodCases } from '#engine/policy/common/process.cases';
import { cityCloseEvents } from '../kit.cases.ts';

/** A closure announced on 2026-09-28 (just before National Day) and deregistered on `deregistered`. */
function closeOverNationalDay(k: FixtureKit, deregistered: string, entered: string): void {
  const evs = cityCloseEvents();
  evs[0]!.date = '2026-09-25';
  evs[0]!.unitDecision!.date = '2026-09-25';
  evs[1]!.date = '2026-09-28';
  delete evs[1]!.announcementEnd;
  evs[2]!.date = deregistered;
  evs[3]!.date = deregistered;
  evs[4]!.date = entered;
  k.get('dept-weixin').events.push(...evs);
}

export default announcementPeriodCases({
  valid: [
    { name: 'announced 03-03, deregistered on the 15th working day after (03-25)', setup: (k) => void k.get('dept-weixin').events.push(...cityCloseEvents()) },
    {
      name: 'announced 09-28, National Day off and the 10-10 Saturday make-up day counted: deregistered 10-23',
      setup: (k) => closeOverNationalDay(k, '2026-10-23', '2026-10-26'),
    },
  ],
  invalid: [
    {
      name: 'deregistered 10-22: one working day short once the National Day holiday is left out',
      setup: (k) => closeOverNationalDay(k, '2026-10-22', '2026-10-23'),
      errors: [{ account: 'dept-weixin', pointer: ['events', 8, 'date'], messageIncludes: '2026-10-23', messageId: 'short' }],
    },
    {
      name: 'the announcement itself states 10 working days',
      setup: (k) => {
        const evs = cityCloseEvents();
        evs[1]!.announcementDays = 10;
        k.get('dept-weixin').events.push(...evs);
      },
      errors: [{ account: 'dept-weixin', pointer: ['events', 6, 'announcementDays'], messageId: 'declared' }],
    },
  ],
});
