/**
 * content-review-chain 规则的用例（tests/policy-rules.test.ts 运行；命令行不加载，不编入 dist/）。
 * Cases of the rule content-review-chain: run by tests/policy-rules.test.ts, never loaded by the CLI, not built.
 */
import type { RuleCases } from '#engine/dev/cases';

const cases: RuleCases = {
  valid: [
    { name: 'editor, reviewer and final approver recorded' },
    {
      name: 'two levels are enough: an editor and a different reviewer, no final approver',
      setup: (k) => void (k.get('dept-weixin').team.review = { editors: ['丁编辑（虚构）'], reviewers: ['丙科长（虚构）'] }),
    },
    {
      name: 'the reviewer also gives final approval (the plan does not require three different people)',
      setup: (k) => void (k.get('dept-weixin').team.review = { editors: ['丁编辑（虚构）'], reviewers: ['丙科长（虚构）'], finalApprovers: ['丙科长（虚构）'] }),
    },
    {
      name: 'two editors review each other',
      setup: (k) => void (k.get('dept-weixin').team.review = { editors: ['丁编辑（虚构）', '戊编辑（虚构）'], reviewers: ['丁编辑（虚构）', '戊编辑（虚构）'] }),
    },
    {
      name: 'a closed account is not judged',
      setup: (k) => {
        const a = k.get('dept-weixin');
        a.events.push({ type: '关停备案', date: '2026-06-01', reason: '整合。' });
        delete a.team.review;
      },
    },
  ],
  invalid: [
    {
      name: 'no review chain recorded',
      setup: (k) => void delete k.get('dept-weixin').team.review,
      errors: [{ account: 'dept-weixin', pointer: ['team'], messageIncludes: '信息编辑人员和审核人员', messageId: 'missing' }],
    },
    {
      name: 'editors recorded but no reviewer',
      setup: (k) => void (k.get('dept-weixin').team.review = { editors: ['丁编辑（虚构）'] }),
      errors: [{ account: 'dept-weixin', pointer: ['team', 'review'], messageIncludes: '缺少审核人员', messageId: 'missing' }],
    },
    {
      name: 'the editor is the only reviewer and final approver',
      setup: (k) => void (k.get('dept-weixin').team.review = { editors: ['丁编辑（虚构）'], reviewers: ['丁编辑（虚构）'], finalApprovers: ['丁编辑（虚构）'] }),
      errors: [{ account: 'dept-weixin', pointer: ['team', 'review', 'reviewers'], messageIncludes: '丁编辑（虚构）', messageId: 'selfReview' }],
    },
  ],
};
export default cases;
