/**
 * closure-announced-before-entry 规则的用例（tests/policy-rules.test.ts 运行；命令行不加载，不编入 dist/）。
 * Cases of the rule closure-announced-before-entry: run by tests/policy-rules.test.ts, never loaded by the CLI, not built.
 */
import type { RuleCases } from '#engine/dev/cases';
import { cityCloseEvents } from '../kit.cases.ts';

const cases: RuleCases = {
  valid: [
    { name: 'deregistered on the platform (judged by announcement-period)', setup: (k) => void k.get('dept-weixin').events.push(...cityCloseEvents()) },
    {
      name: 'suspended without deregistration, entered after the full announcement period',
      setup: (k) => void k.get('dept-weixin').events.push(...cityCloseEvents().filter((e) => e.type !== '平台注销')),
    },
  ],
  invalid: [
    {
      name: 'announced 2026-12-14, entered as closed 2027-01-05: the period ends in 2027 — a warning naming 2027',
      now: '2027-03-01',
      setup: (k) => {
        const evs = cityCloseEvents().filter((e) => e.type !== '平台注销');
        ['2026-12-10', '2026-12-14', '2027-01-04', '2027-01-05'].forEach((d, i) => (evs[i]!.date = d));
        evs[0]!.unitDecision!.date = '2026-12-10';
        delete evs[1]!.announcementEnd;
        k.get('dept-weixin').events.push(...evs);
      },
      errors: [{ account: 'dept-weixin', pointer: ['events', 8, 'date'], messageId: 'uncovered', data: { years: '2027' }, severity: 'warning' }],
    },
    {
      name: 'suspended and entered as closed on the 13th working day of the announcement',
      setup: (k) => {
        const evs = cityCloseEvents().filter((e) => e.type !== '平台注销');
        evs[2]!.date = '2026-03-19';
        evs[3]!.date = '2026-03-20';
        k.get('dept-weixin').events.push(...evs);
      },
      errors: [{ account: 'dept-weixin', pointer: ['events', 8, 'date'], messageIncludes: '2026-03-24', messageId: 'short' }],
    },
    {
      name: 'entered as closed without any announcement',
      setup: (k) => void k.get('dept-weixin').events.push(...cityCloseEvents().filter((e) => e.type !== '平台注销' && e.type !== '注销公告')),
      errors: [{ account: 'dept-weixin', pointer: ['events', 7, 'type'], messageId: 'none' }],
    },
  ],
};
export default cases;
