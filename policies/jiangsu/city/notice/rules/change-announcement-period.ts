import { CALENDAR_FIX, workEvents } from '#engine/policy/common/process';
import { defineRule } from '#engine/policy/types';
import { ART, Q_ANNOUNCE, js } from '../cite.ts';
import { judged } from '../filing.ts';

const DAYS = 15;

/**
 * “因工作原因需变更……的政务新媒体，须先经主办单位集体研究或主要领导同意，并向社会公告，公告时间不少于15个工作日”：
 * 变更（关键信息变更备案）付诸实施——在平台上变更（平台变更）或在系统中登记变更（系统填报 变更），以先发生者为准——
 * 之前须有“变更公告”，且公告日后满15个工作日。关停、注销的公告期由 announcement-period 和
 * closure-announced-before-entry 检查。尚未实施的变更不判断（公告期可能仍在进行）。
 */
export default defineRule({
  name: 'change-announcement-period',
  scope: 'account',
  title: { zh: '变更须先向社会公告，公告期不少于15个工作日', en: 'changes are announced at least 15 working days before they take effect' },
  citation: js(ART.filing, Q_ANNOUNCE),
  severity: 'error',
  messages: {
    none: { zh: '变更备案（{filed}）在“{type}”（{date}）之前没有向社会公告（没有“变更公告”事件）', en: 'the change filed on {filed} took effect ("{type}", {date}) without a prior public announcement (变更公告)' },
    short: { zh: '变更公告于 {announced} 发布，“{type}”却在 {date} 办理，公告期不足{n}个工作日（最早应为 {due}）', en: 'the change was announced on {announced} but "{type}" followed on {date}: less than {n} working days (not before {due})' },
    uncovered: { zh: '无法确定变更公告期（{announced} 起）是否已满{n}个工作日：需要 {years} 年的官方节假日安排，本库尚未收录（估算最早为 {due}）', en: 'cannot tell whether the announcement from {announced} ran {n} working days: the holiday calendar for {years} is missing (estimated {due})' },
    declared: { zh: '变更公告写明的公告期为 {days} 个工作日，少于规定的{n}个工作日', en: 'the change announcement states {days} working days, less than the required {n}' },
  },
  fix: {
    none: { zh: '变更前须向社会公告（公告时间不少于{n}个工作日）；请补充“变更公告”事件并登记公告截图或链接；确未公告的，请向主管单位说明情况。', en: 'Announce the change publicly for at least {n} working days first; record the announcement with evidence.' },
    short: { zh: '公告期须满{n}个工作日后再在平台变更或在系统登记；已提前办理的，请在备注中说明原因并报主管单位。', en: 'Wait for the full announcement period; explain in a note and report to the supervisor.' },
    uncovered: CALENDAR_FIX,
    declared: { zh: '请把公告期改为不少于{n}个工作日，并重新发布公告。', en: 'Announce for at least {n} working days.' },
  },
  check(ctx, a) {
    for (const w of ctx.state(a).works) {
      if (w.kind !== '变更' || !judged(ctx, w)) continue;
      const evs = workEvents(a, w);
      const exec = evs.find(({ ev, i }) => i > w.index && (ev.type === '平台变更' || (ev.type === '系统填报' && (!ev.action || ev.action === '变更'))));
      if (!exec) continue;
      const ann = evs.find(({ ev, i }) => i > w.index && i < exec.i && ev.type === '变更公告');
      if (!ann) {
        ctx.report({ account: a, pointer: ['events', exec.i, 'type'], messageId: 'none', data: { filed: w.start, type: exec.ev.type, date: exec.ev.date, n: DAYS } });
        continue;
      }
      if (ann.ev.announcementDays !== undefined && ann.ev.announcementDays < DAYS) {
        ctx.report({ account: a, pointer: ['events', ann.i, 'announcementDays'], messageId: 'declared', data: { days: ann.ev.announcementDays, n: DAYS } });
      }
      const v = ctx.calendar.judgePeriod({ from: ann.ev.date, amount: DAYS, unit: 'workdays', direction: 'not-before', actual: exec.ev.date });
      if (v.verdict === 'ok') continue;
      const data = { announced: ann.ev.date, type: exec.ev.type, date: exec.ev.date, n: DAYS, due: v.due, years: v.uncovered.join('、') };
      if (v.verdict === 'unknown') ctx.report({ account: a, pointer: ['events', exec.i, 'date'], messageId: 'uncovered', actor: 'maintainers', data, severity: 'warning' });
      else ctx.report({ account: a, pointer: ['events', exec.i, 'date'], messageId: 'short', data });
    }
  },
});
