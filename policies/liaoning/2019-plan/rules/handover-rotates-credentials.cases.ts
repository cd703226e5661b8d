/**
 * handover-rotates-credentials 规则的用例（tests/policy-rules.test.ts 运行；命令行不加载，不编入 dist/）。
 * Cases of the rule handover-rotates-credentials: run by tests/policy-rules.test.ts, never loaded by the CLI, not built.
 */
import type { RuleCases } from '#engine/dev/cases';

const cases: RuleCases = {
  valid: [
    {
      name: 'handover with rotated credentials',
      setup: (k) => void k.get('dept-weixin').events.push({ type: '人员交接', date: '2026-06-01', handover: { fromRole: '原编辑', toRole: '新编辑', credentialsRotated: true } }),
    },
    {
      name: 'handover followed by a recorded rotation',
      setup: (k) =>
        void k.get('dept-weixin').events.push(
          { type: '人员交接', date: '2026-06-01', handover: { fromRole: '原编辑', toRole: '新编辑', credentialsRotated: false } },
          { type: '密码更换', date: '2026-06-02', attestedBy: '办公室科长' },
        ),
    },
  ],
  invalid: [
    {
      name: 'handover without rotation',
      setup: (k) => void k.get('dept-weixin').events.push({ type: '人员交接', date: '2026-06-01', handover: { fromRole: '原编辑', toRole: '新编辑', credentialsRotated: false } }),
      errors: [{ account: 'dept-weixin', pointer: ['events', 5, 'handover', 'credentialsRotated'], severity: 'notice', messageId: 'notRotated' }],
    },
    {
      name: 'handover that does not say, and a rotation long before it',
      setup: (k) =>
        void k.get('dept-weixin').events.push(
          { type: '密码更换', date: '2026-01-05', attestedBy: '办公室科长' },
          { type: '人员交接', date: '2026-06-01', handover: { fromRole: '原编辑', toRole: '新编辑' } },
        ),
      errors: [{ account: 'dept-weixin', pointer: ['events', 6], messageId: 'notRotated' }],
    },
  ],
};
export default cases;
