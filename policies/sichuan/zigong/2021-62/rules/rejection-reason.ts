import { defineRule } from '../../../../../scripts/policy/types.ts';
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
  cases: {
    valid: [
      { name: 'approved' },
      {
        name: 'refused with reasons',
        setup: (k) =>
          void k.account('dept', {
            id: 'dept-douyin',
            name: '健康自贡',
            platform: '抖音',
            events: [
              { type: '开设备案', date: '2026-06-01', reason: '开展健康科普。信息来源为本委各科室，由宣传科每周更新。', unitDecision: { decision: '同意', date: '2026-06-01', by: '主要负责人' } },
              { type: '主管审核', date: '2026-06-03', decision: '不同意', reviewer: '自贡市人民政府办公室', opinion: '与“健康自贡”微信公众号功能重复，更新保障不足，请整合后再议。' },
            ],
          }),
      },
    ],
    invalid: [
      {
        name: 'refused without reasons',
        setup: (k) =>
          void k.account('dept', {
            id: 'dept-douyin',
            name: '健康自贡',
            platform: '抖音',
            events: [
              { type: '开设备案', date: '2026-06-01', reason: '开展健康科普。信息来源为本委各科室，由宣传科每周更新。', unitDecision: { decision: '同意', date: '2026-06-01', by: '主要负责人' } },
              { type: '主管审核', date: '2026-06-03', decision: '不同意', reviewer: '自贡市人民政府办公室' },
            ],
          }),
        errors: [{ account: 'dept-douyin', pointer: ['events', 1, 'decision'], messageId: 'noReason' }],
      },
      {
        name: 'refused twice: the first time with reasons, the second time without (every review is checked, not only the first)',
        setup: (k) =>
          void k.account('dept', {
            id: 'dept-douyin',
            name: '健康自贡',
            platform: '抖音',
            events: [
              { type: '开设备案', date: '2026-06-01', reason: '开展健康科普。信息来源为本委各科室，由宣传科每周更新。', unitDecision: { decision: '同意', date: '2026-06-01', by: '主要负责人' } },
              { type: '主管审核', date: '2026-06-03', decision: '不同意', reviewer: '自贡市人民政府办公室', opinion: '与“健康自贡”微信公众号功能重复，请整合后再议。' },
              { type: '主管审核', date: '2026-06-10', decision: '不同意', reviewer: '自贡市人民政府办公室' },
            ],
          }),
        errors: [{ account: 'dept-douyin', pointer: ['events', 2, 'decision'], messageId: 'noReason', data: { date: '2026-06-10' } }],
      },
    ],
  },
});
