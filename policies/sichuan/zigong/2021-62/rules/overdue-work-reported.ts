import { workEvents } from '#engine/policy/common/process';
import { defineRule } from '#engine/policy/types';
import { zg } from '../cite.ts';
import { doneIndex, judged } from '../util.ts';

/**
 * 第十条：超过30天仍未完成开设或关停的，主办单位应及时向政务新媒体主管单位报告。
 *
 * Work still open today past 30 days is the monitor's business (govmedia monitor). This rule judges
 * what is recorded: an opening or closure that was completed more than 30 days after its filing
 * must show a 逾期报告 made before it was completed. The text names 开设 and 关停 only.
 */
export default defineRule({
  name: 'overdue-work-reported',
  scope: 'account',
  title: { zh: '开设、关停超过30天未完成的，已向主管单位报告', en: 'openings and closures taking over 30 days were reported to the supervising office' },
  citation: zg('第十条', '超过30天仍未完成开设或关停的，主办单位应及时向政务新媒体主管单位报告'),
  severity: 'error',
  messages: {
    unreported: {
      zh: '{kind}备案于 {start} 提交，到 {done} 才在全国政务新媒体报送系统办结，历时 {days} 天（超过30天），但没有在办结前向主管单位报告（逾期报告）的记录',
      en: 'the {kind} filed on {start} was completed on {done}, {days} days later, with no recorded report to the supervising office',
    },
  },
  fix: {
    zh: '超过30天仍未办结的，应及时向主管单位报告并记录“逾期报告”事件（写明原因，如平台注销审核未通过）；已办结而漏报的，请向主管单位说明情况。',
    en: 'Report work unfinished after 30 days to the supervising office and record a 逾期报告 event; explain an omission to the supervisor.',
  },
  check(ctx, a) {
    for (const w of ctx.state(a).works) {
      if ((w.kind !== '开设' && w.kind !== '关停') || !w.done || !judged(ctx, w)) continue;
      const days = ctx.calendar.diffDays(w.start, w.done);
      if (days <= 30) continue;
      const end = doneIndex(a, w);
      const reported = workEvents(a, w).some(({ ev, i }) => ev.type === '逾期报告' && i < end);
      if (!reported) ctx.report({ account: a, pointer: ['events', end, 'date'], messageId: 'unreported', data: { kind: w.kind, start: w.start, done: w.done, days } });
    }
  },
});
