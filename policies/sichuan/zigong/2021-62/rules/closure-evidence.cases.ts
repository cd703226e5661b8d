/**
 * closure-evidence 规则的用例（tests/policy-rules.test.ts 运行；命令行不加载，不编入 dist/）。
 * Cases of the rule closure-evidence: run by tests/policy-rules.test.ts, never loaded by the CLI, not built.
 */
import { closureEvidenceCases } from '#engine/policy/common/process.cases';

export default closureEvidenceCases();
