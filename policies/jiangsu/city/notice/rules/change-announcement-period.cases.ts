/**
 * change-announcement-period 规则的用例（tests/policy-rules.test.ts 运行；命令行不加载，不编入 dist/）。
 * Cases of the rule change-announcement-period: run by tests/policy-rules.test.ts, never loaded by the CLI, not built.
 */
import type { RuleCases } from '#engine/dev/cases';
import type { FixtureKit } from '#engine/dev/fixture';
import { cityChange } from '../kit.cases.ts';

/** A change announced 09-01, approved 09-18 and carried out on `changed`. */
function shortChange(k: FixtureKit, changed: string): void {
  cityChange(k, 'dept-weixin');
  const evs = k.get('dept-weixin').events;
  evs[7]!.date = '2026-09-18';
  evs[8]!.date = changed;
  evs[9]!.date = '2026-09-22';
}

const cases: RuleCases = {
  valid: [
    { name: 'announced 09-01, changed 09-22 (the 15th working day was 09-21, counting the 09-20 Sunday make-up day)', setup: (k) => cityChange(k, 'dept-weixin') },
    {
      name: 'a change of operator with no platform step: entered in the system after the announcement period',
      setup: (k) => {
        cityChange(k, 'dept-weixin');
        const a = k.get('dept-weixin');
        a.events.splice(8, 1);
        a.events[5]!.changes = [{ field: '运营单位', from: '示例市卫生健康委员会', to: '示例市卫生健康委员会宣传处' }];
      },
    },
    {
      name: 'a change still in its announcement period is not judged',
      setup: (k) => {
        cityChange(k, 'dept-weixin');
        k.get('dept-weixin').events.splice(7);
      },
    },
  ],
  invalid: [
    {
      name: 'announced 2026-12-14, changed on the platform 2027-01-05: only 13 working days are in the 2026 calendar — a warning naming 2027',
      now: '2027-03-01',
      setup: (k) => {
        cityChange(k, 'dept-weixin');
        const evs = k.get('dept-weixin').events;
        ['2026-12-10', '2026-12-14', '2027-01-04', '2027-01-05', '2027-01-06'].forEach((d, i) => (evs[5 + i]!.date = d));
        evs[5]!.unitDecision!.date = '2026-12-10';
      },
      errors: [{ account: 'dept-weixin', pointer: ['events', 8, 'date'], messageId: 'uncovered', data: { years: '2027' }, severity: 'warning' }],
    },
    {
      name: 'changed on the platform on 09-20, the make-up Sunday: only the 14th working day',
      setup: (k) => shortChange(k, '2026-09-20'),
      errors: [{ account: 'dept-weixin', pointer: ['events', 8, 'date'], messageIncludes: '2026-09-21', messageId: 'short' }],
    },
    {
      name: 'changed without any announcement',
      setup: (k) => {
        cityChange(k, 'dept-weixin');
        k.get('dept-weixin').events.splice(6, 1);
      },
      errors: [{ account: 'dept-weixin', pointer: ['events', 7, 'type'], messageId: 'none' }],
    },
    {
      name: 'the announcement states 10 working days',
      setup: (k) => {
        cityChange(k, 'dept-weixin');
        k.get('dept-weixin').events[6]!.announcementDays = 10;
      },
      errors: [{ account: 'dept-weixin', pointer: ['events', 6, 'announcementDays'], messageId: 'declared' }],
    },
  ],
};
export default cases;
