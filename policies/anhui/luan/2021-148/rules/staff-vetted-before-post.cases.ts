/**
 * staff-vetted-before-post 规则的用例（tests/policy-rules.test.ts 运行；命令行不加载，不编入 dist/）。
 * Cases of the rule staff-vetted-before-post: run by tests/policy-rules.test.ts, never loaded by the CLI, not built.
 */
import type { RuleCases } from '#engine/dev/cases';

const cases: RuleCases = {
  valid: [
    { name: 'no handover' },
    { name: 'a handover that says nothing about the vetting is not judged (the supervising office verifies it)', setup: (k) => void k.get('dept-weixin').events.push({ type: '人员交接', date: '2026-05-06', handover: { fromRole: '经办人员', toRole: '审核人员', credentialsRotated: true } }) },
    { name: 'the incoming editor was vetted and trained', setup: (k) => void k.get('dept-weixin').events.push({ type: '人员交接', date: '2026-05-06', handover: { fromRole: '经办人员', toRole: '经办人员', credentialsRotated: true, incomingVetted: true } }) },
    {
      name: 'a handover before the measures came into force is not judged',
      setup: (k) => {
        const a = k.get('zf-weibo');
        a.events = [{ ...a.events[0]!, date: '2021-03-01', unitDecision: { decision: '同意', date: '2021-03-01', by: '主要负责人' } }, ...a.events.slice(1).map((e) => ({ ...e, date: '2021-03-02' })), { type: '人员交接', date: '2021-06-01', handover: { fromRole: '经办人员', toRole: '经办人员' } }];
      },
    },
  ],
  invalid: [
    {
      name: 'two handovers: the first vetted, the second records the newcomer was not (every handover is checked)',
      setup: (k) =>
        void k.get('dept-weixin').events.push(
          { type: '人员交接', date: '2026-05-06', handover: { fromRole: '经办人员', toRole: '经办人员', credentialsRotated: true, incomingVetted: true } },
          { type: '人员交接', date: '2026-08-03', handover: { fromRole: '审核人员', toRole: '审核人员', credentialsRotated: true, incomingVetted: false } },
        ),
      errors: [{ account: 'dept-weixin', pointer: ['events', 6, 'handover', 'incomingVetted'], messageId: 'notVetted', data: { date: '2026-08-03', to: '审核人员' }, messageIncludesEn: 'had not passed the vetting', severity: 'error' }],
    },
  ],
};
export default cases;
