/**
 * handover-credentials 规则的用例（tests/policy-rules.test.ts 运行；命令行不加载，不编入 dist/）。
 * Cases of the rule handover-credentials: run by tests/policy-rules.test.ts, never loaded by the CLI, not built.
 */
import type { RuleCases } from '#engine/dev/cases';

const cases: RuleCases = {
  valid: [
    {
      name: 'handover with rotation recorded on the event',
      setup: (k) => void k.get('dept-weixin').events.push({ type: '人员交接', date: '2026-07-01', handover: { fromRole: '编辑（原经办人）', toRole: '编辑（新经办人）', credentialsRotated: true } }),
    },
    {
      name: 'handover with a same-day password change event',
      setup: (k) => void k.get('dept-weixin').events.push({ type: '人员交接', date: '2026-07-01', handover: { fromRole: '编辑（原经办人）', toRole: '编辑（新经办人）' } }, { type: '密码更换', date: '2026-07-01', attestedBy: '分管负责人' }),
    },
    {
      name: 'a handover before the notice came into force is not judged',
      setup: (k) => {
        k.dates('dept-weixin', ['2020-05-06', '2020-05-07', '2020-05-08', '2020-05-09', '2020-05-11']);
        k.get('dept-weixin').events.push({ type: '人员交接', date: '2020-08-03', handover: { fromRole: '编辑', toRole: '编辑' } });
      },
    },
  ],
  invalid: [
    {
      name: 'handover stating that the credentials were not rotated',
      setup: (k) => void k.get('dept-weixin').events.push({ type: '人员交接', date: '2026-07-01', handover: { fromRole: '编辑（原经办人）', toRole: '编辑（新经办人）', credentialsRotated: false } }),
      errors: [{ account: 'dept-weixin', pointer: ['events', 5, 'handover', 'credentialsRotated'], messageIncludes: '2026-07-01', messageId: 'notRotated' }],
    },
    {
      name: 'password changed only a month after the handover',
      setup: (k) => void k.get('dept-weixin').events.push({ type: '人员交接', date: '2026-07-01', handover: { fromRole: '编辑（原经办人）', toRole: '编辑（新经办人）' } }, { type: '密码更换', date: '2026-08-03', attestedBy: '分管负责人' }),
      errors: [{ account: 'dept-weixin', pointer: ['events', 5, 'handover'], messageId: 'notRotated' }],
    },
  ],
};
export default cases;
