/**
 * outsourcing-vendor 规则的用例（tests/policy-rules.test.ts 运行；命令行不加载，不编入 dist/）。
 * Cases of the rule outsourcing-vendor: run by tests/policy-rules.test.ts, never loaded by the CLI, not built.
 */
import { outsourcingCases } from '#engine/policy/common/structure.cases';

export default outsourcingCases({
  requireAgreement: true,
  valid: [
    {
      name: 'a vendor without a news licence is acceptable here (no qualification required)',
      setup: (k) => Object.assign(k.get('dept-weixin'), { operatingMode: '购买服务', vendor: { name: '重庆示例文化传媒有限公司（虚构）', confidentialityAgreement: { signed: true, date: '2025-02-20' } } }),
    },
  ],
  invalid: [
    {
      name: 'outsourced without any agreement recorded',
      setup: (k) => Object.assign(k.get('dept-weixin'), { operatingMode: '购买服务', vendor: { name: '重庆示例文化传媒有限公司（虚构）' } }),
      errors: [{ account: 'dept-weixin', pointer: ['vendor'], messageIncludes: '保密安全协议', messageId: 'noAgreement' }],
    },
  ],
});
