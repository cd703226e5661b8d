/**
 * app-server-in-city 规则的用例（tests/policy-rules.test.ts 运行；命令行不加载，不编入 dist/）。
 * Cases of the rule app-server-in-city: run by tests/policy-rules.test.ts, never loaded by the CLI, not built.
 */
import { appRequirementsCases } from '#engine/policy/common/structure.cases';

export default appRequirementsCases({
  checks: ['server-in-region'],
});
