import { CALENDAR_FIX, workEvents } from '#engine/policy/common/process';
import { defineRule } from '#engine/policy/types';
import { la } from '../cite.ts';

const N = 30;

/**
 * 第八条：变更……核准后在新媒体系统完成相关操作并向社会公告，公告时间不少于30个工作日。
 * 登记簿记录了“变更公告”的，其公告期（announcementDays 或 announcementEnd）不得少于30个工作日。
 * 是否每次变更都必须公告，见 README 的说明（本库不要求，只检查已记录的公告）。
 */
export default defineRule({
  name: 'change-announcement-period',
  scope: 'account',
  title: { zh: '变更公告的公告期不少于30个工作日', en: 'change announcements run at least 30 working days' },
  citation: la('第八条', '核准后在新媒体系统完成相关操作并向社会公告，公告时间不少于30个工作日'),
  severity: 'error',
  messages: {
    days: { zh: '变更公告（{date}）写明的公告期为 {days} 个工作日，少于规定的30个工作日', en: 'the change announcement of {date} states {days} working days, less than 30' },
    end: { zh: '变更公告（{date}）的截止日 {end} 早于第30个工作日 {due}', en: 'the change announcement of {date} ends on {end}, before the 30th working day {due}' },
    uncovered: { zh: '无法确定变更公告（{date}）的截止日 {end} 是否满30个工作日：需要 {years} 年的官方节假日安排，本库尚未收录（按普通周一至周五估算，约为 {due}）', en: 'cannot tell whether the change announcement of {date} ending {end} ran 30 working days: the official holiday calendar for {years} is not yet in the register (estimated {due})' },
  },
  fix: {
    days: { zh: '公告期须不少于30个工作日，请重新公告并更正记录。', en: 'Announce for at least 30 working days.' },
    end: { zh: '公告期须不少于30个工作日（截止日不早于 {due}），请重新公告并更正记录。', en: 'Announce until at least {due}.' },
    uncovered: CALENDAR_FIX,
  },
  check(ctx, a) {
    for (const w of ctx.state(a).works) {
      if (w.kind !== '变更' || !ctx.judged(w)) continue;
      for (const { ev, i } of workEvents(a, w)) {
        if (ev.type !== '变更公告') continue;
        if (ev.announcementDays !== undefined && ev.announcementDays < N) ctx.report({ account: a, pointer: ['events', i, 'announcementDays'], messageId: 'days', data: { date: ev.date, days: ev.announcementDays } });
        if (ev.announcementEnd) {
          const v = ctx.calendar.judgePeriod({ from: ev.date, amount: N, unit: 'workdays', direction: 'not-before', actual: ev.announcementEnd });
          const data = { date: ev.date, end: ev.announcementEnd, due: v.due, years: v.uncovered.join('、') };
          if (v.verdict === 'early') ctx.report({ account: a, pointer: ['events', i, 'announcementEnd'], messageId: 'end', data });
          else if (v.verdict === 'unknown') ctx.report({ account: a, pointer: ['events', i, 'announcementEnd'], messageId: 'uncovered', actor: 'maintainers', data, severity: 'warning' });
        }
      }
    }
  },
});
