import { CALENDAR_FIX, workEvents } from '#engine/policy/common/process';
import { defineRule } from '#engine/policy/types';
import { ART, Q_ANNOUNCE, js } from '../cite.ts';
import { entryOf, judged } from '../filing.ts';

const DAYS = 15;

/**
 * 关停（不一定注销）也须先向社会公告不少于15个工作日。在平台注销或下架的关停，由 announcement-period
 * 检查公告与注销之间的公告期；本规则补上另一种情形：账号只停止运行、没有在平台注销（下架），
 * 直接在系统中登记“关停”的，系统登记之前须有“注销公告”，且公告日后满15个工作日。
 */
export default defineRule({
  name: 'closure-announced-before-entry',
  scope: 'account',
  title: { zh: '未在平台注销的关停，也须公告满15个工作日后才登记关停', en: 'a closure without platform deregistration is still announced 15 working days before its system entry' },
  citation: js(ART.filing, Q_ANNOUNCE),
  severity: 'error',
  messages: {
    none: { zh: '关停备案（{filed}）已于 {date} 在系统中登记关停，但此前没有向社会公告（没有“注销公告”事件）', en: 'the closure filed on {filed} was entered in the system on {date} without a prior public announcement' },
    short: { zh: '关停公告于 {announced} 发布，{date} 就在系统中登记关停，公告期不足{n}个工作日（最早应为 {due}）', en: 'the closure was announced on {announced} but entered in the system on {date}: less than {n} working days (not before {due})' },
    uncovered: { zh: '无法确定关停公告期（{announced} 起）是否已满{n}个工作日：需要 {years} 年的官方节假日安排，本库尚未收录（估算最早为 {due}）', en: 'cannot tell whether the announcement from {announced} ran {n} working days: the holiday calendar for {years} is missing (estimated {due})' },
  },
  fix: {
    none: { zh: '关停前须向社会公告（不少于{n}个工作日）；请补充“注销公告”事件并登记公告截图或链接；确未公告的，请向主管单位说明情况。', en: 'Announce the closure publicly for at least {n} working days first; record it with evidence.' },
    short: { zh: '公告期须满{n}个工作日后再登记关停；已提前登记的，请在备注中说明原因并报主管单位。', en: 'Enter the closure only after the full announcement period; explain and report.' },
    uncovered: CALENDAR_FIX,
  },
  check(ctx, a) {
    for (const w of ctx.state(a).works) {
      if (w.kind !== '关停' || !judged(ctx, w)) continue;
      const entry = entryOf(a, w);
      if (!entry) continue;
      const before = workEvents(a, w).filter(({ i }) => i < entry.i);
      if (before.some(({ ev }) => ev.type === '平台注销' || ev.type === '应用下架')) continue;
      const ann = before.find(({ ev }) => ev.type === '注销公告');
      if (!ann) {
        ctx.report({ account: a, pointer: ['events', entry.i, 'type'], messageId: 'none', data: { filed: w.start, date: entry.ev.date, n: DAYS } });
        continue;
      }
      const v = ctx.calendar.judgePeriod({ from: ann.ev.date, amount: DAYS, unit: 'workdays', direction: 'not-before', actual: entry.ev.date });
      if (v.verdict === 'ok') continue;
      const data = { announced: ann.ev.date, date: entry.ev.date, n: DAYS, due: v.due, years: v.uncovered.join('、') };
      if (v.verdict === 'unknown') ctx.report({ account: a, pointer: ['events', entry.i, 'date'], messageId: 'uncovered', actor: 'maintainers', data, severity: 'warning' });
      else ctx.report({ account: a, pointer: ['events', entry.i, 'date'], messageId: 'short', data });
    }
  },
});
