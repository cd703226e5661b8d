import { defineRule } from '../../../../../scripts/policy/types.ts';
import { la } from '../cite.ts';

/**
 * 第三十二条（一）：管理人员变动后应及时变更密码，收回权限及所配设备。
 * “人员交接”事件须写明 handover.credentialsRotated: true；或者在交接后下一个工作日之内记录了“密码更换”。
 */
export default defineRule({
  name: 'handover-rotates-credentials',
  scope: 'account',
  title: { zh: '管理人员变动后及时变更密码', en: 'passwords are changed when the staff change' },
  citation: la('第三十二条（一）', '管理人员变动后应及时变更密码，收回权限及所配设备'),
  severity: 'error',
  messages: {
    notRotated: { zh: '{date} 的人员交接（交出岗位：{from}；接手岗位：{to}）没有记录变更密码', en: 'the handover of {date} ({from} to {to}) records no password change' },
  },
  fix: {
    zh: '交接时应立即变更密码、收回原人员的权限和设备；完成后将 handover.credentialsRotated 填为 true，或在交接后下一个工作日内记录“密码更换”事件。',
    en: 'Change the password at the handover and revoke the leaver\'s access; set handover.credentialsRotated to true or record a 密码更换 event by the next working day.',
  },
  check(ctx, a) {
    const evs = a.data.events;
    evs.forEach((ev, i) => {
      if (ev.type !== '人员交接' || ev.date < ctx.policy.manifest.inForce) return;
      if (ev.handover?.credentialsRotated === true) return;
      const by = ctx.calendar.addWorkdays(ev.date, 1).date;
      if (evs.some((e, j) => j > i && e.type === '密码更换' && e.date <= by)) return;
      const pointer = ev.handover ? (ev.handover.credentialsRotated === undefined ? ['events', i, 'handover'] : ['events', i, 'handover', 'credentialsRotated']) : ['events', i];
      ctx.report({ account: a, pointer, messageId: 'notRotated', data: { date: ev.date, from: ev.handover?.fromRole ?? '?', to: ev.handover?.toRole ?? '?' } });
    });
  },
  cases: {
    valid: [
      { name: 'rotated at the handover', setup: (k) => void k.get('dept-weixin').events.push({ type: '人员交接', date: '2026-05-06', handover: { fromRole: '经办人员', toRole: '经办人员', credentialsRotated: true } }) },
      {
        name: 'handover on the last working day before National Day, password changed on the next working day 10-08',
        setup: (k) => void k.get('dept-weixin').events.push({ type: '人员交接', date: '2026-09-30', handover: { fromRole: '经办人员', toRole: '经办人员' } }, { type: '密码更换', date: '2026-10-08', attestedBy: '办公室主任' }),
      },
    ],
    invalid: [
      {
        name: 'handover without password change',
        setup: (k) => void k.get('dept-weixin').events.push({ type: '人员交接', date: '2026-05-06', handover: { fromRole: '经办人员', toRole: '经办人员', credentialsRotated: false } }),
        errors: [{ account: 'dept-weixin', pointer: ['events', 5, 'handover', 'credentialsRotated'], messageId: 'notRotated' }],
      },
      {
        name: 'handover with the password changed only a week later',
        setup: (k) => void k.get('dept-weixin').events.push({ type: '人员交接', date: '2026-05-06', handover: { fromRole: '经办人员', toRole: '经办人员' } }, { type: '密码更换', date: '2026-05-13', attestedBy: '办公室主任' }),
        errors: [{ account: 'dept-weixin', pointer: ['events', 5, 'handover'], messageId: 'notRotated' }],
      },
    ],
  },
});
