/**
 * outsourced-account-stays-with-host 规则的用例（tests/policy-rules.test.ts 运行；命令行不加载，不编入 dist/）。
 * Cases of the rule outsourced-account-stays-with-host: run by tests/policy-rules.test.ts, never loaded by the CLI, not built.
 */
import type { RuleCases } from '#engine/dev/cases';

const cases: RuleCases = {
  valid: [
    {
      name: 'an outsourced account certified to the host unit',
      setup: (k) => {
        const a = k.get('dept-weixin');
        a.operatingMode = '购买服务';
        a.vendor = { name: '某某文化传媒有限公司（虚构）', confidentialityAgreement: { signed: true } };
      },
    },
  ],
  invalid: [
    {
      name: 'the vendor is the certified entity',
      setup: (k) => {
        const a = k.get('dept-weixin');
        a.operatingMode = '购买服务';
        a.vendor = { name: '某某文化传媒有限公司（虚构）' };
        a.certifiedEntity = { name: '某某文化传媒有限公司（虚构）', category: '其他' };
      },
      errors: [{ account: 'dept-weixin', pointer: ['certifiedEntity', 'name'], messageIncludes: '以服务外包单位“某某文化传媒有限公司（虚构）”为认证主体', messageId: 'vendorEntity', data: { vendor: '某某文化传媒有限公司（虚构）' } }],
    },
  ],
};
export default cases;
