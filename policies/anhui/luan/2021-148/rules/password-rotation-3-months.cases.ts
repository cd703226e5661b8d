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
    {
      name: 'a late change that records its justification (the pull request went to the supervising office)',
      setup: (k) =>
        void k.get('dept-weixin').events.push(
          { type: '密码更换', date: '2026-01-31', attestedBy: '办公室主任' },
          { type: '密码更换', date: '2026-06-01', attestedBy: '办公室主任', justification: '账号 2 月至 5 月停更，期间无人登录，恢复更新前更换' },
        ),
    },
  ],
  invalid: [
    {
      name: 'changed 01-31 and then 05-01',
      setup: (k) => void k.get('dept-weixin').events.push({ type: '密码更换', date: '2026-01-31', attestedBy: '办公室主任' }, { type: '密码更换', date: '2026-05-01', attestedBy: '办公室主任' }),
      errors: [{ account: 'dept-weixin', pointer: ['events', 6, 'date'], messageIncludes: '2026-04-30', severity: 'error', messageId: 'gap' }],
    },
    {
      name: 'of several changes, only the late one without a justification is reported; a blank justification is none',
      setup: (k) =>
        void k.get('dept-weixin').events.push(
          { type: '密码更换', date: '2026-01-05', attestedBy: '办公室主任' },
          { type: '密码更换', date: '2026-05-06', attestedBy: '办公室主任', justification: '停更期间未登录' },
          { type: '人员交接', date: '2026-08-06', handover: { fromRole: '经办人员', toRole: '经办人员', credentialsRotated: true } },
          { type: '密码更换', date: '2026-11-09', attestedBy: '办公室主任', justification: '  ' },
        ),
      errors: [{ account: 'dept-weixin', pointer: ['events', 8, 'date'], messageIncludes: '2026-08-06', severity: 'error', messageId: 'gap', data: { prev: '2026-08-06', date: '2026-11-09', due: '2026-11-06' } }],
    },
  ],
};
export default cases;
