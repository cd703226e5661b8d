import { deadline } from '../../../../../scripts/policy/common/process.ts';
import { openEvents } from '../../../../../scripts/policy/fixture.ts';
import { zg } from '../cite.ts';

export default deadline({
  name: 'review-within-5-workdays',
  title: { zh: '主管单位在5个工作日内审核完毕', en: 'the supervising office decides within 5 working days' },
  citation: zg('第七条（三）、第八条', '政务新媒体主管单位应在5个工作日内审核完毕并向主办单位反馈结果'),
  // 补录 follows the same procedure (第八条：按本办法第七条的规定完善开设手续).
  works: ['开设', '补录'],
  // 这是主管单位的期限：逾期如实记录（不改日期），提示主管单位，不阻断主办单位的合并请求。
  // The supervisor's deadline: a late review is recorded as it happened, shown to the supervisor, and never blocks the unit's PR.
  actor: 'supervisor',
  lateMessage: {
    zh: '主管单位于 {toDate} 作出审核，超过了5个工作日的审核期限（备案 {fromDate}，应在 {due} 前审核完毕）。这是主管单位的期限，不影响主办单位本次备案',
    en: 'the supervising office decided on {toDate}, later than its 5-working-day limit (filed {fromDate}, due by {due}); this is the supervisor\'s deadline and does not hold up the unit\'s filing',
  },
  lateFix: {
    zh: '请主管单位改进审核时效；主办单位如实记录审核日期即可，无需修改。',
    en: 'The supervising office reviews faster next time; the unit records the actual date and changes nothing.',
  },
  from: 'filing',
  to: ['主管审核'],
  amount: 5,
  unit: 'workdays',
  valid: [
    {
      name: 'filed on the last working day before National Day, reviewed on the 5th working day after',
      setup: (k) => k.dates('dept-weixin', ['2026-09-29', '2026-10-12', '2026-10-12', '2026-10-13', '2026-10-14']),
    },
    {
      name: 'backfill filed before Spring Festival, reviewed on the 5th working day (02-14 Saturday counts)',
      setup: (k) =>
        void k.account('dept', {
          id: 'dept-weibo',
          name: '健康自贡',
          platform: '新浪微博',
          events: [
            { ...openEvents('2026-02-10')[0]!, type: '补录备案', date: '2026-02-10' },
            { type: '主管审核', date: '2026-02-24', decision: '同意', reviewer: '自贡市人民政府办公室' },
            { type: '系统填报', date: '2026-02-25', action: '补录' },
          ],
        }),
    },
  ],
  invalid: [
    {
      name: 'reviewed on the 6th working day (the 10-10 Saturday make-up day counts)',
      setup: (k) => k.dates('dept-weixin', ['2026-09-28', '2026-10-12', '2026-10-12', '2026-10-13', '2026-10-14']),
      errors: [{ account: 'dept-weixin', pointer: ['events', 1, 'date'], messageIncludes: '2026-10-10', messageId: 'late', severity: 'warning', actor: 'supervisor' }],
    },
    {
      name: 'a deadline beyond the holiday calendar is a warning naming the year',
      now: '2027-03-01',
      setup: (k) => k.dates('dept-weixin', ['2027-01-04', '2027-01-25', '2027-01-25', '2027-01-26', '2027-01-27']),
      errors: [{ account: 'dept-weixin', pointer: ['events', 1, 'date'], messageIncludes: '2027', severity: 'warning', messageId: 'uncovered' }],
    },
    {
      name: 'a backfill reviewed two weeks after filing',
      setup: (k) =>
        void k.account('dept', {
          id: 'dept-weibo',
          name: '健康自贡',
          platform: '新浪微博',
          events: [
            { ...openEvents('2026-06-01')[0]!, type: '补录备案', date: '2026-06-01' },
            { type: '主管审核', date: '2026-06-15', decision: '同意', reviewer: '自贡市人民政府办公室' },
            { type: '系统填报', date: '2026-06-16', action: '补录' },
          ],
        }),
      errors: [{ account: 'dept-weibo', pointer: ['events', 1, 'date'], messageIncludes: '2026-06-08', messageId: 'late' }],
    },
  ],
});
