import { CALENDAR_FIX, workEvents } from '#engine/policy/common/process';
import { defineRule } from '#engine/policy/types';
import { ART, js } from '../cite.ts';
import { KIND_EN, KIND_TEXT, cityFiling, entryOf, judged, tierOf } from '../filing.ts';

/**
 * “报市政府办公室备案后，于3个工作日内登录国家、省政务新媒体系统登记备案”。
 * 起算：报市政府办公室备案之日（起算日不计入）——市级单位为市政府办公室审核同意之日，
 * 县区（功能区）单位为“上报备案”（level 市级）之日。截止：该项办理的“系统填报”。
 * 开设、补录、变更、关停（注销）都适用。尚未登记而已过期的，是 monitor 的事，不是这里的检查。
 *
 * 先审核、后公告：变更、关停须先向社会公告满15个工作日，才能在系统中登记（见 change-announcement-period、
 * closure-announced-before-entry）。公告在报市政府办公室备案之后才发布的，系统登记最早只能在公告期满之日，
 * 所以3个工作日从公告期满之日起算（即公告日后第18个工作日）。办法没有规定审核与公告的先后，两种顺序都接受。
 */
const ANNOUNCE_DAYS = 15;
export default defineRule({
  name: 'entry-within-3-workdays',
  scope: 'account',
  title: { zh: '报市政府办公室备案后3个工作日内登录国家、省系统登记备案', en: 'national/provincial system entry within 3 working days of filing with the city office' },
  citation: js(ART.filing, '报市政府办公室备案后，于3个工作日内登录国家、省政务新媒体系统登记备案'),
  severity: 'error',
  messages: {
    late: { zh: '{kind}事项于 {entered} 才登录系统登记，超过了期限：应在{fromType}（{fromDate}）后3个工作日内，即 {due} 前完成', en: 'the {kindEn} was entered in the system on {entered}, late: due within 3 working days of {fromTypeEn} ({fromDate}), i.e. by {due}' },
    lateAfterAnnouncement: { zh: '{kind}事项于 {entered} 才登录系统登记，超过了期限：公告（{announced}）在备案之后发布，公告期满15个工作日后应在3个工作日内登记，即 {due} 前完成', en: 'the {kindEn} was entered in the system on {entered}, late: announced after the filing ({announced}), it was due within 3 working days of the end of the 15-working-day announcement, i.e. by {due}' },
    uncovered: { zh: '无法确定{kind}的系统登记（{entered}）是否逾期：期限计算需要 {years} 年的官方节假日安排，本库尚未收录（按普通周一至周五估算，期限约为 {due}）', en: 'cannot tell whether the system entry of the {kindEn} ({entered}) was late: the holiday calendar for {years} is not yet in the register (estimated due date {due})' },
  },
  fix: {
    late: { zh: '期限已过，请在该“系统填报”事件的 note 中说明逾期原因，并向市政府办公室报告；今后备案后请在3个工作日内登记。', en: 'Explain the delay in the entry\'s note and report it to the city office.' },
    lateAfterAnnouncement: { zh: '期限已过，请在该“系统填报”事件的 note 中说明逾期原因，并向市政府办公室报告。', en: 'Explain the delay in the entry\'s note and report it to the city office.' },
    uncovered: CALENDAR_FIX,
  },
  check(ctx, a) {
    const tier = tierOf(ctx, a);
    if (!tier) return;
    for (const w of ctx.state(a).works) {
      if (!judged(ctx, w)) continue;
      const entry = entryOf(a, w);
      if (!entry) continue;
      const { filing } = cityFiling(tier, a, w, entry);
      if (!filing) continue;
      // approve-then-announce: the entry may only follow the announcement period, so the clock starts at its end
      const ann = w.kind === '变更' || w.kind === '关停' ? workEvents(a, w).find(({ ev, i }) => i < entry.i && (ev.type === '变更公告' || ev.type === '注销公告') && ev.date > filing.ev.date) : undefined;
      const r = ann
        ? ctx.calendar.judgePeriod({ from: ann.ev.date, amount: ANNOUNCE_DAYS + 3, unit: 'workdays', direction: 'by', actual: entry.ev.date })
        : ctx.calendar.judgePeriod({ from: filing.ev.date, amount: 3, unit: 'workdays', direction: 'by', actual: entry.ev.date });
      if (r.verdict === 'ok') continue;
      const data = {
        kind: KIND_TEXT[w.kind],
        kindEn: KIND_EN[w.kind],
        entered: entry.ev.date,
        fromType: tier === '市级' ? '市政府办公室审核同意' : '报市政府办公室备案',
        fromTypeEn: tier === '市级' ? 'the city office\'s approval' : 'the report to the city office',
        fromDate: filing.ev.date,
        due: r.due,
        years: r.uncovered.join('、'),
      };
      if (r.verdict === 'unknown') ctx.report({ account: a, pointer: ['events', entry.i, 'date'], messageId: 'uncovered', actor: 'maintainers', data, severity: 'warning' });
      else ctx.report({ account: a, pointer: ['events', entry.i, 'date'], messageId: ann ? 'lateAfterAnnouncement' : 'late', data: { ...data, announced: ann?.ev.date ?? '' } });
    }
  },
});
