import { defineRule } from '#engine/policy/types';
import { zg } from '../cite.ts';
import { judgedDate } from '../util.ts';

/** 第七条（三）：主管单位……审核不同意的，应向主办单位说明理由。 */
export default defineRule({
  name: 'rejection-reason',
  scope: 'account',
  title: { zh: '审核不同意的写明理由', en: 'a refusal states its reasons' },
  citation: zg('第七条（三）', '其中审核不同意的，应向主办单位说明理由'),
  severity: 'error',
  messages: {
    noReason: { zh: '主管审核（{date}）结论为“不同意”，但没有写明理由', en: 'the review of {date} refused without stating reasons' },
  },
  fix: { zh: '请在该“主管审核”事件的 opinion 中写明不同意的理由，以便主办单位修改后重新备案。', en: 'Write the reasons in the review event\'s opinion so the unit can revise and file again.' },
  check(ctx, a) {
    a.data.events.forEach((ev, i) => {
      if (ev.type === '主管审核' && ev.decision === '不同意' && !ev.opinion?.trim() && judgedDate(ctx, ev.date)) {
        ctx.report({ account: a, pointer: ['events', i, 'decision'], messageId: 'noReason', data: { date: ev.date } });
      }
    });
  },
});
