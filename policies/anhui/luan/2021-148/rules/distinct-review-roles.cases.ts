/**
 * distinct-review-roles 规则的用例（tests/policy-rules.test.ts 运行；命令行不加载，不编入 dist/）。
 * Cases of the rule distinct-review-roles: run by tests/policy-rules.test.ts, never loaded by the CLI, not built.
 */
import { distinctReviewRolesCases } from '#engine/policy/common/structure.cases';

export default distinctReviewRolesCases({
  chain: 'reference',
  valid: [
    {
      name: 'a two-level chain (one reviewer who also publishes) is allowed: the three-level chain is only “可参照”',
      setup: (k) => void (k.get('dept-weixin').team.review = { editors: ['丁编辑（虚构）'], reviewers: ['丙科长（虚构）'], finalApprovers: ['丙科长（虚构）'] }),
    },
  ],
  invalid: [
    {
      name: 'the editor reviews their own content: 自编自审 is forbidden',
      setup: (k) => void (k.get('dept-weixin').team.review = { editors: ['丁编辑（虚构）'], reviewers: ['丁编辑（虚构）'], finalApprovers: ['丙科长（虚构）'] }),
      errors: [{ account: 'dept-weixin', pointer: ['team', 'review', 'reviewers', 0], messageId: 'same', severity: 'error' }],
    },
  ],
});
