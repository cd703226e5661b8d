import { CALENDAR_FIX, workEvents } from '#engine/policy/common/process';
import { defineRule } from '#engine/policy/types';
import { la } from '../cite.ts';

const ANNOUNCEMENT_WORKDAYS = 30;

/**
 * 第十一条：经逐级核准后向平台申请，“加强与第三方平台的沟通协调，在1个月内完成变更、关停工作”。
 *
 * 本库的理解（见 README）：这1个月是平台一侧的办理时限。
 * - 变更：从最后一次主管审核同意（逐级核准完成）起，1个月内完成“平台变更”。
 * - 关停：第八条要求先公告不少于30个工作日，公告期满前不能注销；所以从公告期满之日
 *   （注销公告的 announcementEnd，未填写时按公告日后第30个工作日计算）起，1个月内完成“平台注销”或“应用下架”。
 * 平台不予受理或长期无反馈的，由政府办公室统筹协调——延误不一定是主办单位的责任，所以是警告。
 */
export default defineRule({
  name: 'complete-within-1-month',
  scope: 'account',
  title: { zh: '核准（公告期满）后1个月内在平台完成变更、关停', en: 'the platform change or closure is done within 1 month of approval (or of the end of the announcement)' },
  citation: la('第十一条', '加强与第三方平台的沟通协调，在1个月内完成变更、关停工作'),
  severity: 'warning',
  messages: {
    lateChange: {
      zh: '“平台变更”于 {date} 完成，超过了1个月的期限：应在主管单位核准（{from}）后1个月内，即 {due} 前完成',
      en: 'the platform change on {date} was late: due within 1 month of the approval ({from}), i.e. by {due}',
    },
    lateClose: {
      zh: '“{type}”于 {date} 完成，超过了1个月的期限：注销公告期于 {from} 届满，应在其后1个月内，即 {due} 前完成',
      en: '"{type}" on {date} was late: the announcement ended on {from}, so it was due within 1 month, i.e. by {due}',
    },
    uncovered: {
      zh: '无法确定“{type}”是否逾期：公告期计算需要 {years} 年的官方节假日安排，本库尚未收录（按普通周估算，期限约为 {due}）',
      en: 'cannot tell whether "{type}" was late: the announcement period needs the holiday calendar for {years} (estimated due date {due})',
    },
  },
  fix: {
    lateChange: { zh: '请在备注中说明逾期原因（如平台不予受理、长期无反馈），并报政府办公室统筹协调。', en: 'Explain the delay in a note (e.g. the platform did not respond) and ask the government office to coordinate.' },
    lateClose: { zh: '请在备注中说明逾期原因（如平台不予受理、长期无反馈），并报政府办公室统筹协调。', en: 'Explain the delay in a note (e.g. the platform did not respond) and ask the government office to coordinate.' },
    uncovered: CALENDAR_FIX,
  },
  check(ctx, a) {
    for (const w of ctx.state(a).works) {
      if ((w.kind !== '变更' && w.kind !== '关停') || w.start < ctx.policy.manifest.inForce) continue;
      const evs = workEvents(a, w);
      if (w.kind === '变更') {
        const platform = evs.find(({ ev }) => ev.type === '平台变更');
        if (!platform) continue;
        const approvals = evs.filter(({ ev, i }) => i < platform.i && ev.type === '主管审核' && ev.decision === '同意');
        const last = approvals[approvals.length - 1];
        if (!last) continue; // change-close-after-approval reports it
        const due = ctx.calendar.addMonths(last.ev.date, 1);
        if (platform.ev.date > due) ctx.report({ account: a, pointer: ['events', platform.i, 'date'], messageId: 'lateChange', data: { date: platform.ev.date, from: last.ev.date, due } });
        continue;
      }
      const notice = evs.find(({ ev }) => ev.type === '注销公告');
      if (!notice) continue; // announcement-period reports it
      const done = evs.find(({ ev, i }) => i > notice.i && (ev.type === '平台注销' || ev.type === '应用下架'));
      if (!done) continue;
      const days = Math.max(ANNOUNCEMENT_WORKDAYS, notice.ev.announcementDays ?? 0);
      const computed = ctx.calendar.addWorkdays(notice.ev.date, days);
      const declared = notice.ev.announcementEnd && notice.ev.announcementEnd > computed.date ? notice.ev.announcementEnd : undefined;
      const end = declared ?? computed.date;
      const due = ctx.calendar.addMonths(end, 1);
      const years = declared ? [] : computed.uncovered;
      if (years.length === 0 && done.ev.date <= due) continue;
      // Without the official calendar the end of the announcement is an estimate: it is certainly
      // not before {days} calendar days after the notice, so only a platform step within a month of
      // that is certainly in time; any other verdict waits for the calendar (a warning, not a pass).
      if (years.length && done.ev.date <= ctx.calendar.addMonths(ctx.calendar.addDays(notice.ev.date, days), 1)) continue;
      const data = { type: done.ev.type, date: done.ev.date, from: end, due, years: years.join('、') };
      if (years.length) ctx.report({ account: a, pointer: ['events', done.i, 'date'], messageId: 'uncovered', actor: 'maintainers', data, severity: 'warning' });
      else ctx.report({ account: a, pointer: ['events', done.i, 'date'], messageId: 'lateClose', data });
    }
  },
});
