/**
 * staff-handover 规则的用例（tests/policy-rules.test.ts 运行；命令行不加载，不编入 dist/）。
 * Cases of the rule staff-handover: run by tests/policy-rules.test.ts, never loaded by the CLI, not built.
 */
import type { RuleCases } from '#engine/dev/cases';

const cases: RuleCases = {
  valid: [
    { name: 'no handover' },
    { name: 'handover with credentials rotated', setup: (k) => void k.get('dept-weixin').events.push({ type: '人员交接', date: '2026-07-01', handover: { fromRole: '经办人员', toRole: '经办人员', credentialsRotated: true } }) },
    {
      name: 'handover followed by a recorded credential change',
      setup: (k) =>
        void k.get('dept-weixin').events.push(
          { type: '人员交接', date: '2026-07-01', handover: { fromRole: '经办人员', toRole: '经办人员' } },
          { type: '密码更换', date: '2026-07-01', attestedBy: '分管负责人' },
        ),
    },
  ],
  invalid: [
    {
      name: 'handover without details',
      setup: (k) => void k.get('dept-weixin').events.push({ type: '人员交接', date: '2026-07-01' }),
      errors: [{ account: 'dept-weixin', pointer: ['events', 5], messageId: 'noDetails' }],
    },
    {
      name: 'handover without a change of credentials is a warning',
      setup: (k) => void k.get('dept-weixin').events.push({ type: '人员交接', date: '2026-07-01', handover: { fromRole: '经办人员', toRole: '经办人员', credentialsRotated: false } }),
      errors: [{ account: 'dept-weixin', pointer: ['events', 5, 'handover'], severity: 'warning', messageId: 'notRotated' }],
    },
  ],
};
export default cases;
