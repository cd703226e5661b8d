/**
 * certification-after-approval 规则的用例（tests/policy-rules.test.ts 运行；命令行不加载，不编入 dist/）。
 * Cases of the rule certification-after-approval: run by tests/policy-rules.test.ts, never loaded by the CLI, not built.
 */
import { afterApprovalCases } from '#engine/policy/common/process.cases';

export default afterApprovalCases({
  events: ['平台认证', '应用上架'],
});
