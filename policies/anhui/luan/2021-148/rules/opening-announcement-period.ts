import { CALENDAR_FIX, workEvents } from '#engine/policy/common/process';
import { defineRule } from '#engine/policy/types';
import { la } from '../cite.ts';

const N = 30;

/**
 * 第八条：拟开设、变更、关停、注销政务新媒体，须……核准后在新媒体系统完成相关操作并向社会公告，公告时间不少于30个工作日。
 *
 * “须”管到整句，开设也要向社会公告（变更公告见 change-announcement-period，关停的注销公告见 announcement-period）。
 * 本规则检查已记录的“开设公告”：
 *  - 须在主管单位审核同意（核准）之后（错误）；
 *  - 写明的公告期（announcementDays、announcementEnd）不得少于30个工作日（错误；截止日跨入尚无官方节假日安排的
 *    年份时，给出点名该年份的警告，行为方为维护者）。
 * 尚未记录公告的开设不在这里判断：公告在系统操作之后发布，条文没有规定多久之内，办结（系统填报）时没有公告
 * 记录并不表明违反（见 README“解释”2）。
 */
export default defineRule({
  name: 'opening-announcement-period',
  scope: 'account',
  title: { zh: '开设公告在核准后发布，公告期不少于30个工作日', en: 'opening announcements follow the approval and run at least 30 working days' },
  citation: la('第八条', '拟开设、变更、关停、注销政务新媒体，须经……核准后在新媒体系统完成相关操作并向社会公告，公告时间不少于30个工作日'),
  severity: 'error',
  messages: {
    early: { zh: '开设公告（{date}）发布在主管单位审核同意之前；第八条要求核准后再向社会公告', en: 'the opening announcement of {date} came before the supervising office approved; art. 8 announces after the approval' },
    days: { zh: '开设公告（{date}）写明的公告期为 {days} 个工作日，少于规定的30个工作日', en: 'the opening announcement of {date} states {days} working days, less than 30' },
    end: { zh: '开设公告（{date}）的截止日 {end} 早于第30个工作日 {due}', en: 'the opening announcement of {date} ends on {end}, before the 30th working day {due}' },
    uncovered: { zh: '无法确定开设公告（{date}）的截止日 {end} 是否满30个工作日：需要 {years} 年的官方节假日安排，本库尚未收录（按普通周一至周五估算，约为 {due}）', en: 'cannot tell whether the opening announcement of {date} ending {end} ran 30 working days: the official holiday calendar for {years} is not yet in the register (estimated {due})' },
  },
  fix: {
    early: { zh: '请核对日期；核准前发布的公告应在核准后重新发布，并追加新的“开设公告”事件。', en: 'Check the dates; announce again after the approval and append a new 开设公告.' },
    days: { zh: '公告期须不少于30个工作日，请重新公告并更正记录。', en: 'Announce for at least 30 working days.' },
    end: { zh: '公告期须不少于30个工作日（截止日不早于 {due}），请重新公告并更正记录。', en: 'Announce until at least {due}.' },
    uncovered: CALENDAR_FIX,
  },
  check(ctx, a) {
    for (const w of ctx.state(a).works) {
      if (w.kind !== '开设' || !ctx.judged(w)) continue;
      let approved: string | undefined;
      for (const { ev, i } of workEvents(a, w)) {
        if (ev.type === '主管审核' && ev.decision === '同意' && !approved) approved = ev.date;
        if (ev.type !== '开设公告') continue;
        if (!approved || ev.date < approved) ctx.report({ account: a, pointer: ['events', i, 'date'], messageId: 'early', data: { date: ev.date } });
        if (ev.announcementDays !== undefined && ev.announcementDays < N) ctx.report({ account: a, pointer: ['events', i, 'announcementDays'], messageId: 'days', data: { date: ev.date, days: ev.announcementDays } });
        if (!ev.announcementEnd) continue;
        const v = ctx.calendar.judgePeriod({ from: ev.date, amount: N, unit: 'workdays', direction: 'not-before', actual: ev.announcementEnd });
        const data = { date: ev.date, end: ev.announcementEnd, due: v.due, years: v.uncovered.join('、') };
        if (v.verdict === 'early') ctx.report({ account: a, pointer: ['events', i, 'announcementEnd'], messageId: 'end', data });
        else if (v.verdict === 'unknown') ctx.report({ account: a, pointer: ['events', i, 'announcementEnd'], messageId: 'uncovered', actor: 'maintainers', data, severity: 'warning' });
      }
    }
  },
});
