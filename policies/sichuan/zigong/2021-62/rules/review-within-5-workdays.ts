import { deadline } from '#engine/policy/common/process';
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
});
