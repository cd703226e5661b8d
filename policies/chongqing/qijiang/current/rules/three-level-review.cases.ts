/**
 * three-level-review 规则的用例（tests/policy-rules.test.ts 运行；命令行不加载，不编入 dist/）。
 * Cases of the rule three-level-review: run by tests/policy-rules.test.ts, never loaded by the CLI, not built.
 */
import type { RuleCases } from '#engine/dev/cases';

const cases: RuleCases = {
  valid: [
    { name: 'staff member, deputy head, head of unit' },
    {
      name: 'the section head may review alongside the deputy head',
      setup: (k) => void (k.get('dept-weixin').team.review!.reviewers = ['丙科长（虚构）', '乙副主任（虚构）']),
    },
    {
      name: 'a closed account is not judged',
      setup: (k) => {
        const a = k.get('dept-weixin');
        a.team.review = { editors: ['丁编辑（虚构）'], reviewers: ['丙科长（虚构）'], finalApprovers: ['乙副主任（虚构）'] };
        a.events.push({ type: '关停备案', date: '2026-06-01', unitDecision: { decision: '同意', date: '2026-06-01', by: '主要负责人' } });
      },
    },
  ],
  invalid: [
    {
      name: 'the usual editor / section head / deputy head chain: the 承办单位 need not be the host unit, so a notice for the reviewer, not an error',
      setup: (k) => void (k.get('dept-weixin').team.review = { editors: ['丁编辑（虚构）'], reviewers: ['丙科长（虚构）'], finalApprovers: ['乙副主任（虚构）'] }),
      errors: [
        { account: 'dept-weixin', pointer: ['team', 'review', 'reviewers'], messageIncludes: '乙副主任（虚构）', messageId: 'reviewer', severity: 'notice' },
        { account: 'dept-weixin', pointer: ['team', 'review', 'finalApprovers'], messageIncludes: '甲主任（虚构）', messageId: 'final', severity: 'notice' },
      ],
    },
    {
      name: 'the first review by someone who is not registered staff',
      setup: (k) => void (k.get('zf-weibo').team.review!.editors = ['戊记者（虚构）']),
      errors: [{ account: 'zf-weibo', pointer: ['team', 'review', 'editors', 0], messageIncludes: '戊记者（虚构）', messageId: 'editor' }],
    },
  ],
};
export default cases;
