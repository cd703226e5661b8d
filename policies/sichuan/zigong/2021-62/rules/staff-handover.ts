import { defineRule } from '#engine/policy/types';
import { zg } from '../cite.ts';
import { judgedDate } from '../util.ts';

/**
 * 第二十七条：经办人员发生调整时，应做好工作交接，确保账号安全。
 *
 * A 人员交接 event must say which roles were handed over; “确保账号安全” is read as: the login
 * credentials are changed at the handover (handover.credentialsRotated, or a 密码更换 event on or
 * after the handover date). The register records only the date of a change, never a password.
 * That reading is ours, so an unrotated handover is a warning.
 */
export default defineRule({
  name: 'staff-handover',
  scope: 'account',
  title: { zh: '经办人员调整时做好交接并更换账号口令', en: 'staff handovers are recorded and the credentials changed' },
  citation: zg('第二十七条', '经办人员发生调整时，应做好工作交接，确保账号安全'),
  severity: 'error',
  messages: {
    noDetails: { zh: '人员交接（{date}）没有记录交接的岗位', en: 'the handover of {date} does not record the roles handed over' },
    notRotated: { zh: '人员交接（{date}）后没有更换账号口令的记录，离岗人员可能仍能登录账号', en: 'no change of credentials is recorded at or after the handover of {date}; the person who left may still be able to log in' },
  },
  fix: {
    noDetails: { zh: '请在该事件中填写 handover：{"fromRole": "原岗位", "toRole": "接手岗位", "credentialsRotated": true}（不要写任何密码）。', en: 'Add handover {"fromRole", "toRole", "credentialsRotated"} (never a password).' },
    notRotated: { zh: '请立即更换账号登录口令和绑定的管理员手机号，然后把 handover.credentialsRotated 设为 true，或追加“密码更换”事件（只记日期和确认人职务，不记密码）。', en: 'Change the login credentials now, then set handover.credentialsRotated to true or append a 密码更换 event (date only).' },
  },
  check(ctx, a) {
    const evs = a.data.events;
    evs.forEach((ev, i) => {
      if (ev.type !== '人员交接' || !judgedDate(ctx, ev.date)) return;
      if (!ev.handover) return ctx.report({ account: a, pointer: ['events', i], messageId: 'noDetails', data: { date: ev.date } });
      if (ev.handover.credentialsRotated) return;
      const rotated = evs.some((x, j) => j > i && x.type === '密码更换' && x.date >= ev.date);
      if (!rotated) ctx.report({ account: a, pointer: ['events', i, 'handover'], messageId: 'notRotated', severity: 'warning', data: { date: ev.date } });
    });
  },
});
