/**
 * certified-entity-not-personal 规则的用例（tests/policy-rules.test.ts 运行；命令行不加载，不编入 dist/）。
 * Cases of the rule certified-entity-not-personal: run by tests/policy-rules.test.ts, never loaded by the CLI, not built.
 */
import type { RuleCases } from '#engine/dev/cases';

const cases: RuleCases = {
  valid: [{ name: 'certified to the department' }],
  invalid: [
    {
      name: 'certified to an editor personally',
      setup: (k) => void (k.get('dept-weixin').certifiedEntity = { name: '张某（虚构）', category: '个人' }),
      errors: [{ account: 'dept-weixin', pointer: ['certifiedEntity', 'category'], messageIncludes: '张某（虚构）', messageId: 'personal' }],
    },
  ],
};
export default cases;
