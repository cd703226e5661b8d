import type { Event } from '#engine/generated/types';
import { defineRule } from '#engine/policy/types';
import { la } from '../cite.ts';

/** A recorded credential change: a 密码更换 event, or a 人员交接 whose credentials were rotated. */
function isRotation(ev: Event): boolean {
  return ev.type === '密码更换' || (ev.type === '人员交接' && ev.handover?.credentialsRotated === true);
}

/**
 * 第三十二条（一）：原则上密码每3个月变更一次。本规则只看登记簿里已记录的更换：相邻两次更换相隔超过3个月的，
 * 按“原则上”的读法（policies/README.md 情态词表）是错误，除非迟到的那次更换写明了例外理由（`justification`，
 * 例如账号停更期间未登录）。密码更换不是备案，没有“主管审核”这一步：理由由主管单位在合并请求的审核中同意——
 * check-pr 对追加了带理由事件的修改一律要求主管单位批准，并在摘要中列出理由（scripts/pr/check.ts
 * computeApprovals），所以登记簿（主分支）上记录的理由都已经主管单位同意。距今已超过3个月未更换的，由监测命令
 * （monitor）提示。
 *
 * Art. 32(1) “in principle every 3 months”: a gap of more than 3 months between recorded changes is an
 * error unless the late change records a justification. A password change is not a filing and has no
 * 主管审核 step: the supervising office approves the justification by approving the pull request (check-pr
 * requires the supervising office for any appended event that carries a justification, and shows the text),
 * so a justification on the register's main branch is one the office has approved.
 */
export default defineRule({
  name: 'password-rotation-3-months',
  scope: 'account',
  title: { zh: '账号密码原则上每3个月变更一次（例外须写明理由，由主管单位在审核中同意）', en: 'passwords are changed every 3 months in principle (an exception gives a justification the supervising office approves in review)' },
  citation: la('第三十二条（一）', '原则上密码每3个月变更一次'),
  severity: 'error',
  messages: {
    gap: {
      zh: '两次密码更换相隔超过3个月：上次为 {prev}，本次为 {date}（应在 {due} 前更换），且本次更换没有写明例外理由',
      en: 'more than 3 months between password changes: {prev} and {date} (due by {due}), and this change gives no justification',
    },
  },
  fix: {
    zh: '请按每3个月一次的频率更换密码，并及时记录“密码更换”事件（只记录日期和确认人，不得记录密码本身）；确有原因未能按期更换的，在本次“密码更换”事件中填写 justification（例外理由），合并请求将交主管单位审核同意。',
    en: 'Change the password every 3 months and record each 密码更换 event (date and who attests, never the password); if it could not be done in time, write the reason in this event\'s justification — the pull request then goes to the supervising office for approval.',
  },
  check(ctx, a) {
    let prev: string | undefined;
    a.data.events.forEach((ev, i) => {
      if (!isRotation(ev)) return;
      if (prev && ctx.inForce(ev.date) && !ev.justification?.trim()) {
        const due = ctx.calendar.addMonths(prev, 3);
        if (ev.date > due) ctx.report({ account: a, pointer: ['events', i, 'date'], messageId: 'gap', data: { prev, date: ev.date, due } });
      }
      prev = ev.date;
    });
  },
});
