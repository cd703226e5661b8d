/**
 * distinct-review-roles 规则的用例（tests/policy-rules.test.ts 运行；命令行不加载，不编入 dist/）。
 * Cases of the rule distinct-review-roles: run by tests/policy-rules.test.ts, never loaded by the CLI, not built.
 */
import { distinctReviewRolesCases } from '#engine/policy/common/structure.cases';

export default distinctReviewRolesCases({
  chain: 'reference',
});
