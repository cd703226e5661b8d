/**
 * no-internal-or-personal-owner 规则的用例（tests/policy-rules.test.ts 运行；命令行不加载，不编入 dist/）。
 * Cases of the rule no-internal-or-personal-owner: run by tests/policy-rules.test.ts, never loaded by the CLI, not built.
 */
import { noInternalOrPersonalOwnerCases } from '#engine/policy/common/structure.cases';

export default noInternalOrPersonalOwnerCases();
