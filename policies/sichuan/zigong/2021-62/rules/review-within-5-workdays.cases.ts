/**
 * review-within-5-workdays 规则的用例（tests/policy-rules.test.ts 运行；命令行不加载，不编入 dist/）。
 * Cases of the rule review-within-5-workdays: run by tests/policy-rules.test.ts, never loaded by the CLI, not built.
 */
import { openEvents } from '#engine/dev/fixture';
import { deadlineCases } from '#engine/policy/common/process.cases';

export default deadlineCases({
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
