/**
 * password-rotation-3-months 规则的用例（tests/policy-rules.test.ts 运行；命令行不加载，不编入 dist/）。
 * Cases of the rule password-rotation-3-months: run by tests/policy-rules.test.ts, never loaded by the CLI, not built.
 */
import type { RuleCases } from '#engine/dev/cases';

const cases: RuleCases = {
  valid: [
    {
      name: 'changed every 3 months (month ends clamp: 01-31 → 04-30)',
      setup: (k) => void k.get('dept-weixin').events.push({ type: '密码更换', date: '2026-01-31', attestedBy: '办公室主任' }, { type: '密码更换', date: '2026-04-30', attestedBy: '办公室主任' }),
    },
    {
      name: 'a handover with rotated credentials counts as a change',
      setup: (k) =>
        void k.get('dept-weixin').events.push(
          { type: '密码更换', date: '2026-01-05', attestedBy: '办公室主任' },
          { type: '人员交接', date: '2026-03-20', handover: { fromRole: '经办人员', toRole: '经办人员', credentialsRotated: true } },
          { type: '密码更换', date: '2026-06-19', attestedBy: '办公室主任' },
        ),
    },
  ],
  invalid: [
    {
      name: 'changed 01-31 and then 05-01',
      setup: (k) => void k.get('dept-weixin').events.push({ type: '密码更换', date: '2026-01-31', attestedBy: '办公室主任' }, { type: '密码更换', date: '2026-05-01', attestedBy: '办公室主任' }),
      errors: [{ account: 'dept-weixin', pointer: ['events', 6, 'date'], messageIncludes: '2026-04-30', severity: 'warning', messageId: 'gap' }],
    },
  ],
};
export default cases;
