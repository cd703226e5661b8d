/**
 * handover-rotates-credentials 规则的用例（tests/policy-rules.test.ts 运行；命令行不加载，不编入 dist/）。
 * Cases of the rule handover-rotates-credentials: run by tests/policy-rules.test.ts, never loaded by the CLI, not built.
 */
import type { RuleCases } from '#engine/dev/cases';

const cases: RuleCases = {
  valid: [
    { name: 'rotated at the handover', setup: (k) => void k.get('dept-weixin').events.push({ type: '人员交接', date: '2026-05-06', handover: { fromRole: '经办人员', toRole: '经办人员', credentialsRotated: true } }) },
    {
      name: 'handover on the last working day before National Day, password changed on the first working day after (10-08)',
      setup: (k) => void k.get('dept-weixin').events.push({ type: '人员交接', date: '2026-09-30', handover: { fromRole: '经办人员', toRole: '经办人员' } }, { type: '密码更换', date: '2026-10-08', attestedBy: '办公室主任' }),
    },
    {
      name: 'handover with the password changed the same day',
      setup: (k) => void k.get('dept-weixin').events.push({ type: '人员交接', date: '2026-05-06', handover: { fromRole: '经办人员', toRole: '经办人员' } }, { type: '密码更换', date: '2026-05-06', attestedBy: '办公室主任' }),
    },
  ],
  invalid: [
    {
      name: 'handover recorded as not rotated, and no later change',
      setup: (k) => void k.get('dept-weixin').events.push({ type: '人员交接', date: '2026-05-06', handover: { fromRole: '经办人员', toRole: '经办人员', credentialsRotated: false } }),
      errors: [{ account: 'dept-weixin', pointer: ['events', 5, 'handover', 'credentialsRotated'], messageId: 'notRotated', severity: 'error' }],
    },
    {
      name: '“及时” has no number of days: a change a week later is for the reviewer to judge (a notice, not an invented 1-working-day error)',
      setup: (k) => void k.get('dept-weixin').events.push({ type: '人员交接', date: '2026-05-06', handover: { fromRole: '经办人员', toRole: '经办人员' } }, { type: '密码更换', date: '2026-05-13', attestedBy: '办公室主任' }),
      errors: [{ account: 'dept-weixin', pointer: ['events', 5, 'handover'], messageId: 'review', data: { days: 7 }, severity: 'notice' }],
    },
    {
      name: 'handover that records nothing about the password: the reviewer checks',
      setup: (k) => void k.get('dept-weixin').events.push({ type: '人员交接', date: '2026-05-06', handover: { fromRole: '经办人员', toRole: '经办人员' } }),
      errors: [{ account: 'dept-weixin', pointer: ['events', 5, 'handover'], messageId: 'unrecorded', severity: 'notice' }],
    },
    {
      name: 'two handovers: the first rotated, the second not (every handover is checked; an earlier change does not count for a later handover)',
      setup: (k) =>
        void k.get('dept-weixin').events.push(
          { type: '人员交接', date: '2026-05-06', handover: { fromRole: '经办人员', toRole: '经办人员' } },
          { type: '密码更换', date: '2026-05-06', attestedBy: '办公室主任' },
          { type: '人员交接', date: '2026-08-03', handover: { fromRole: '审核人员', toRole: '审核人员', credentialsRotated: false } },
        ),
      errors: [{ account: 'dept-weixin', pointer: ['events', 7, 'handover', 'credentialsRotated'], messageId: 'notRotated', data: { date: '2026-08-03' } }],
    },
  ],
};
export default cases;
