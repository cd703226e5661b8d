/**
 * government-accounts-required 规则的用例（tests/policy-rules.test.ts 运行；命令行不加载，不编入 dist/）。
 * Cases of the rule government-accounts-required: run by tests/policy-rules.test.ts, never loaded by the CLI, not built.
 */
import type { RuleCases } from '#engine/dev/cases';

const cases: RuleCases = {
  valid: [
    { name: 'the government runs a Weibo account' },
    {
      name: 'the government office hosts the government\'s account (第五条)',
      setup: (k) => {
        k.remove('zf-weibo');
        k.account('bgs', { id: 'bgs-weibo', name: '六安市人民政府发布', platform: '新浪微博', certifiedEntity: { name: '六安市人民政府', category: '人民政府', unit: 'zf' } });
      },
    },
  ],
  invalid: [
    { name: 'the city government has no account', setup: (k) => k.remove('zf-weibo'), errors: [{ unit: 'zf', pointer: ['kind'], messageId: 'none' }] },
    {
      name: 'the office hosts an account certified to itself, not to the government',
      setup: (k) => {
        k.remove('zf-weibo');
        k.account('bgs', { id: 'bgs-weibo', name: '六安市政府办公室', platform: '新浪微博', certifiedEntity: { name: '六安市人民政府办公室', category: '政府部门', unit: 'bgs' } });
      },
      errors: [{ unit: 'zf', pointer: ['kind'], messageId: 'none' }],
    },
  ],
};
export default cases;
