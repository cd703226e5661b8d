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
 * 期限是主办单位的义务（规定 → 错误）。第十一条同时规定“如平台方不予受理或长期无结果反馈，各级人民政府办公室
 * 应给予统筹协调”：该项办理在逾期的平台步骤之前（或当天）记录了“逾期报告”（主办单位已报告平台的延误）的，
 * 逾期不再是主办单位的错误，而是提请政府办公室统筹协调的警告（行为方：主管单位），不阻断主办单位的合并请求。
 */
export default defineRule({
  name: 'complete-within-1-month',
  scope: 'account',
  title: { zh: '核准（公告期满）后1个月内在平台完成变更、关停', en: 'the platform change or closure is done within 1 month of approval (or of the end of the announcement)' },
  citation: la('第十一条', '加强与第三方平台的沟通协调，在1个月内完成变更、关停工作'),
  severity: 'error',
  messages: {
    platformDelay: {
      zh: '“{type}”于 {date} 完成，晚于1个月的期限 {due}；主办单位已于 {reported} 报告平台方的延误，请政府办公室统筹协调（第十一条）',
      en: '"{type}" on {date} was later than the 1-month limit {due}; the unit reported the platform\'s delay on {reported}: the government office coordinates (art. 11)',
    },
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
    platformDelay: { zh: '这是提请政府办公室统筹协调的提醒，不阻断本单位的合并请求；主管单位审核时请核实平台方的延误情况。', en: 'A reminder for the government office to coordinate; it does not block the unit\'s PR.' },
    lateChange: { zh: '逾期是因平台不予受理或长期无反馈的，请在完成平台步骤之前记录“逾期报告”事件（写明平台方的情况），报政府办公室统筹协调；否则请在备注中说明逾期原因。', en: 'Explain the delay in a note (e.g. the platform did not respond) and ask the government office to coordinate.' },
    lateClose: { zh: '逾期是因平台不予受理或长期无反馈的，请在完成平台步骤之前记录“逾期报告”事件（写明平台方的情况），报政府办公室统筹协调；否则请在备注中说明逾期原因。', en: 'Explain the delay in a note (e.g. the platform did not respond) and ask the government office to coordinate.' },
    uncovered: CALENDAR_FIX,
  },
  check(ctx, a) {
    for (const w of ctx.state(a).works) {
      if ((w.kind !== '变更' && w.kind !== '关停') || !ctx.judged(w)) continue;
      const evs = workEvents(a, w);
      // a late platform step: the unit's error, unless the unit reported the platform's delay before it (逾期报告)
      const late = (step: { ev: { type: string; date: string }; i: number }, messageId: 'lateChange' | 'lateClose', data: Record<string, string>): void => {
        const report = evs.find(({ ev, i }) => i < step.i && ev.type === '逾期报告' && ev.date <= step.ev.date);
        if (report) ctx.report({ account: a, pointer: ['events', step.i, 'date'], messageId: 'platformDelay', data: { ...data, type: step.ev.type, reported: report.ev.date }, actor: 'supervisor', severity: 'warning' });
        else ctx.report({ account: a, pointer: ['events', step.i, 'date'], messageId, data });
      };
      if (w.kind === '变更') {
        const platform = evs.find(({ ev }) => ev.type === '平台变更');
        if (!platform) continue;
        const approvals = evs.filter(({ ev, i }) => i < platform.i && ev.type === '主管审核' && ev.decision === '同意');
        const last = approvals[approvals.length - 1];
        if (!last) continue; // change-close-after-approval reports it
        const due = ctx.calendar.addMonths(last.ev.date, 1);
        if (platform.ev.date > due) late(platform, 'lateChange', { date: platform.ev.date, from: last.ev.date, due });
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
      else late(done, 'lateClose', data);
    }
  },
});
