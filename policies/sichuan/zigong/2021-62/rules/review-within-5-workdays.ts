import { deadline } from '../../../../../scripts/policy/common/process.ts';
import { zg } from '../cite.ts';

export default deadline({
  name: 'review-within-5-workdays',
  title: { zh: '主管单位在5个工作日内审核完毕', en: 'the supervising office decides within 5 working days' },
  citation: zg('第七条（三）', '政务新媒体主管单位应在5个工作日内审核完毕并向主办单位反馈结果'),
  works: ['开设'],
  from: 'filing',
  to: ['主管审核'],
  amount: 5,
  unit: 'workdays',
  valid: [
    {
      name: 'filed on the last working day before National Day, reviewed on the 5th working day after',
      setup: (k) => k.dates('dept-weixin', ['2026-09-29', '2026-10-12', '2026-10-12', '2026-10-13', '2026-10-14']),
    },
  ],
  invalid: [
    {
      name: 'reviewed on the 6th working day (the 10-10 Saturday make-up day counts)',
      setup: (k) => k.dates('dept-weixin', ['2026-09-28', '2026-10-12', '2026-10-12', '2026-10-13', '2026-10-14']),
      errors: [{ account: 'dept-weixin', pointer: ['events', 1, 'date'], messageIncludes: '2026-10-10' }],
    },
    {
      name: 'a deadline beyond the holiday calendar is a warning naming the year',
      now: '2027-03-01',
      setup: (k) => k.dates('dept-weixin', ['2027-01-04', '2027-01-25', '2027-01-25', '2027-01-26', '2027-01-27']),
      errors: [{ account: 'dept-weixin', pointer: ['events', 1, 'date'], messageIncludes: '2027', severity: 'warning' }],
    },
  ],
});
