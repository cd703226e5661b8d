/**
 * filing-requirements 规则的用例（tests/policy-rules.test.ts 运行；命令行不加载，不编入 dist/）。
 * Cases of the rule filing-requirements: run by tests/policy-rules.test.ts, never loaded by the CLI, not built.
 */
import { filingRequirementsCases } from '#engine/policy/common/process.cases';

export default filingRequirementsCases({
  reasonFor: ['开设', '补录', '变更', '关停'],
  decisionFor: ['开设', '补录', '变更', '关停'],
});
