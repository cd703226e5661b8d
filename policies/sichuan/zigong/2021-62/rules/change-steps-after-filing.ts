import { defineRule } from '#engine/policy/types';
import { zg } from '../cite.ts';
import { judgedDate, workAt } from '../util.ts';

/**
 * 第十七条（一）（二）：关键信息变化时先提交备案；“提交备案后，在第三方平台启动信息变更程序”。
 * A 平台变更 event that does not belong to a 变更备案 (it follows an opening or nothing) means the
 * platform information was changed without a change filing.
 */
export default defineRule({
  name: 'change-steps-after-filing',
  scope: 'account',
  title: { zh: '先提交变更备案，再在平台修改信息', en: 'platform information is changed only after a change filing' },
  citation: zg('第十七条（一）（二）', '提交备案后，在第三方平台启动信息变更程序'),
  severity: 'error',
  messages: {
    noFiling: { zh: '“平台变更”（{date}）之前没有提交变更备案：关键信息变化须先按第十七条提交备案，再在平台修改', en: 'the platform change of {date} has no change filing before it' },
  },
  fix: {
    zh: '请补办变更备案（附件3，写明变更事项、原因和是否仍纳入监管）并报主管单位；只涉及人员、电话等非关键信息的，不属于平台变更，请改记为“信息报备”。',
    en: 'File the change (annex 3) with the supervising office; for staff or phone changes record an 信息报备 instead.',
  },
  check(ctx, a) {
    const works = ctx.state(a).works;
    a.data.events.forEach((ev, i) => {
      if (ev.type !== '平台变更' || !judgedDate(ctx, ev.date)) return;
      if (workAt(works, i)?.kind !== '变更') ctx.report({ account: a, pointer: ['events', i, 'type'], messageId: 'noFiling', data: { date: ev.date } });
    });
  },
});
