/**
 * outsourced-account-stays-with-host 规则的用例（tests/policy-rules.test.ts 运行；命令行不加载，不编入 dist/）。
 * Cases of the rule outsourced-account-stays-with-host: run by tests/policy-rules.test.ts, never loaded by the CLI, not built.
 */
import type { RuleCases } from '#engine/dev/cases';

const cases: RuleCases = {
  valid: [
    { name: 'self-operated account' },
    {
      name: 'outsourced to a vendor without any qualification on record (the plan requires none)',
      setup: (k) => Object.assign(k.get('dept-weixin'), { operatingMode: '购买服务', operatingUnit: '示例文化传媒有限公司（虚构）', vendor: { name: '示例文化传媒有限公司（虚构）' } }),
    },
  ],
  invalid: [
    {
      name: 'the vendor is the certified entity',
      setup: (k) =>
        Object.assign(k.get('dept-weixin'), {
          operatingMode: '购买服务',
          vendor: { name: '示例文化传媒有限公司（虚构）' },
          certifiedEntity: { name: '示例文化传媒有限公司（虚构）', category: '其他' },
        }),
      errors: [{ account: 'dept-weixin', pointer: ['certifiedEntity', 'name'], messageIncludes: '辽宁省卫生健康委员会', messageId: 'vendorEntity' }],
    },
  ],
};
export default cases;
