import type { Event } from '#engine/generated/types';
import { defineRule } from '#engine/policy/types';
import { la } from '../cite.ts';

/** A recorded credential change: a 密码更换 event, or a 人员交接 whose credentials were rotated. */
function isRotation(ev: Event): boolean {
  return ev.type === '密码更换' || (ev.type === '人员交接' && ev.handover?.credentialsRotated === true);
}

/**
 * 第三十二条（一）：原则上密码每3个月变更一次。本规则只看登记簿里已记录的更换：
 * 相邻两次更换相隔超过3个月的，给出警告（“原则上”）。距今已超过3个月未更换的，由监测命令（monitor）提示。
 */
export default defineRule({
  name: 'password-rotation-3-months',
  scope: 'account',
  title: { zh: '账号密码原则上每3个月变更一次', en: 'passwords are changed every 3 months in principle' },
  citation: la('第三十二条（一）', '原则上密码每3个月变更一次'),
  severity: 'warning',
  messages: {
    gap: { zh: '两次密码更换相隔超过3个月：上次为 {prev}，本次为 {date}（应在 {due} 前更换）', en: 'more than 3 months between password changes: {prev} and {date} (due by {due})' },
  },
  fix: {
    zh: '请按每3个月一次的频率更换密码，并及时记录“密码更换”事件（只记录日期和确认人，不得记录密码本身）。',
    en: 'Change the password every 3 months and record each 密码更换 event (date and who attests, never the password).',
  },
  check(ctx, a) {
    let prev: string | undefined;
    a.data.events.forEach((ev, i) => {
      if (!isRotation(ev)) return;
      if (prev && ctx.inForce(ev.date)) {
        const due = ctx.calendar.addMonths(prev, 3);
        if (ev.date > due) ctx.report({ account: a, pointer: ['events', i, 'date'], messageId: 'gap', data: { prev, date: ev.date, due } });
      }
      prev = ev.date;
    });
  },
});
