import { defineRule } from '#engine/policy/types';
import { la } from '../cite.ts';

/**
 * 第三十二条（一）：管理人员变动后应及时变更密码，收回权限及所配设备。
 *
 * 读法：“应……变更密码”是义务；“及时”没有规定天数，本规则不设天数（不把“及时”读成某个工作日数）。
 * - 交接记录写明已变更（handover.credentialsRotated: true）：通过。
 * - 交接记录写明未变更（false），此后也没有“密码更换”：错误（记录本身表明没有变更）。
 * - 交接当天或交接后第一个工作日记录了“密码更换”：无论怎样理解“及时”都已满足，通过。
 * - 更晚记录了“密码更换”：提示审核人判断间隔是否“及时”（不设天数）。
 * - 没有任何记录：提示审核人核实是否已变更。
 */
export default defineRule({
  name: 'handover-rotates-credentials',
  scope: 'account',
  title: { zh: '管理人员变动后及时变更密码', en: 'passwords are changed when the staff change' },
  citation: la('第三十二条（一）', '管理人员变动后应及时变更密码，收回权限及所配设备'),
  severity: 'error',
  messages: {
    notRotated: { zh: '{date} 的人员交接（交出岗位：{from}；接手岗位：{to}）记录为未变更密码，此后也没有“密码更换”记录', en: 'the handover of {date} ({from} to {to}) records that the password was not changed, and no later password change is recorded' },
    review: { zh: '{date} 的人员交接后，密码于 {changed} 更换（相隔 {days} 天）；办法要求“及时”变更而未规定天数，请审核人判断是否及时', en: 'after the handover of {date} the password was changed on {changed} ({days} days later); the measures say "promptly" without a number of days: the reviewer judges' },
    unrecorded: { zh: '{date} 的人员交接没有记录是否变更了密码；请审核人核实交接后是否及时变更密码、收回权限和设备', en: 'the handover of {date} does not record whether the password was changed; the reviewer checks that it was changed promptly' },
  },
  fix: {
    notRotated: { zh: '交接时应变更密码、收回原人员的权限和设备；完成后记录“密码更换”事件（只写日期，不写密码），或将 handover.credentialsRotated 改为 true。', en: 'Change the password and revoke the leaver\'s access; record a 密码更换 event (date only) or set handover.credentialsRotated to true.' },
    review: { zh: '如确属及时，审核人可直接同意；如间隔过长，请说明原因。', en: 'If it was prompt the reviewer approves; otherwise explain the delay.' },
    unrecorded: { zh: '请在交接记录中填写 handover.credentialsRotated（true/false），或记录“密码更换”事件。', en: 'Fill in handover.credentialsRotated, or record a 密码更换 event.' },
  },
  check(ctx, a) {
    const evs = a.data.events;
    evs.forEach((ev, i) => {
      if (ev.type !== '人员交接' || !ctx.inForce(ev.date)) return;
      if (ev.handover?.credentialsRotated === true) return;
      const data = { date: ev.date, from: ev.handover?.fromRole ?? '?', to: ev.handover?.toRole ?? '?' };
      // the next handover starts a new obligation: look for a change before it
      const next = evs.findIndex((e, j) => j > i && e.type === '人员交接');
      const change = evs.find((e, j) => j > i && (next < 0 || j < next) && e.type === '密码更换' && e.date >= ev.date);
      const pointer = ev.handover ? (ev.handover.credentialsRotated === undefined ? ['events', i, 'handover'] : ['events', i, 'handover', 'credentialsRotated']) : ['events', i];
      if (change) {
        // changed on the handover day or the first working day after it: prompt by any reading (a floor, not an invented limit)
        const between = ctx.calendar.workdaysBetween(ev.date, change.date);
        if (change.date === ev.date || (between.count <= 1 && between.uncovered.length === 0)) return;
        if (change.date > ev.date) ctx.report({ account: a, pointer, messageId: 'review', data: { ...data, changed: change.date, days: ctx.calendar.diffDays(ev.date, change.date) }, severity: 'notice' });
        return;
      }
      if (ev.handover?.credentialsRotated === false) ctx.report({ account: a, pointer, messageId: 'notRotated', data });
      else ctx.report({ account: a, pointer, messageId: 'unrecorded', data, severity: 'notice' });
    });
  },
});
