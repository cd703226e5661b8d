import { CALENDAR_FIX, workEvents } from '../../../../../scripts/policy/common/process.ts';
import type { FixtureKit } from '../../../../../scripts/policy/fixture.ts';
import { defineRule } from '../../../../../scripts/policy/types.ts';
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
  cases: {
    valid: [
      { name: 'no opening announcement recorded (an owed announcement has no deadline: not judged here)' },
      { name: 'an opening announced 02-02 until 03-20 (30th working day over the Spring Festival)', setup: (k) => announceOpening(k, { announcementDays: 30, announcementEnd: '2026-03-20' }) },
    ],
    invalid: [
      {
        name: 'an opening announced before the supervising office approved',
        setup: (k) => void k.get('zf-weibo').events.splice(1, 0, { type: '开设公告', date: '2025-03-03', announcementDays: 30 }),
        errors: [{ account: 'zf-weibo', pointer: ['events', 1, 'date'], messageId: 'early', messageIncludesEn: 'before the supervising office approved', severity: 'error' }],
      },
      { name: 'an opening announced for 10 working days', setup: (k) => announceOpening(k, { announcementDays: 10 }), errors: [{ account: 'zf-weibo', pointer: ['events', 5, 'announcementDays'], messageId: 'days', data: { days: 10 } }] },
      {
        name: 'an opening announced 02-02 until 03-19: one working day short',
        setup: (k) => announceOpening(k, { announcementDays: 30, announcementEnd: '2026-03-19' }),
        errors: [{ account: 'zf-weibo', pointer: ['events', 5, 'announcementEnd'], messageId: 'end', data: { due: '2026-03-20' } }],
      },
      {
        name: 'two opening announcements: the second (a re-announcement) states 15 working days — every one is checked',
        setup: (k) => {
          announceOpening(k, { announcementDays: 30 });
          k.get('zf-weibo').events.push({ type: '开设公告', date: '2026-03-02', announcementDays: 15 });
        },
        errors: [{ account: 'zf-weibo', pointer: ['events', 6, 'announcementDays'], messageId: 'days', data: { date: '2026-03-02', days: 15 } }],
      },
      {
        name: 'an opening announced 2026-12-14 until 2027-01-20: whether that is 30 working days needs the 2027 calendar — a warning naming 2027',
        now: '2027-03-01',
        setup: (k) => announceOpening(k, { announcementDays: 30, announcementEnd: '2027-01-20' }, '2026-12-14'),
        errors: [{ account: 'zf-weibo', pointer: ['events', 5, 'announcementEnd'], messageId: 'uncovered', data: { years: '2027' }, severity: 'warning', actor: 'maintainers' }],
      },
    ],
  },
});

/** Record zf-weibo's opening announcement (events[5]) with the given date and period. */
function announceOpening(k: FixtureKit, period: { announcementDays?: number; announcementEnd?: string }, date = '2026-02-02'): void {
  k.get('zf-weibo').events.push({ type: '开设公告', date, ...period, evidence: [{ kind: '公告链接', ref: 'https://example.gov.cn/luan/notice/open-1' }] });
}
