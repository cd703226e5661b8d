/**
 * name-includes-unit 规则的用例（tests/policy-rules.test.ts 运行；命令行不加载，不编入 dist/）。
 * Cases of the rule name-includes-unit: run by tests/policy-rules.test.ts, never loaded by the CLI, not built.
 */
import type { RuleCases } from '#engine/dev/cases';

const cases: RuleCases = {
  valid: [
    { name: 'contains the short name 市卫健委' },
    {
      name: 'contains another spelling recorded in aliases (六安市卫健委)',
      setup: (k) => {
        delete k.getUnit('dept').shortName;
        k.getUnit('dept').aliases = ['六安市卫健委'];
        k.get('dept-weixin').name = '六安市卫健委发布';
      },
    },
    { name: 'contains the certified government\'s full name', setup: (k) => void k.account('bgs', { id: 'bgs-weibo', name: '六安市人民政府政务公开', platform: '新浪微博', certifiedEntity: { name: '六安市人民政府', category: '人民政府', unit: 'zf' } }) },
  ],
  invalid: [
    { name: 'a brand name 健康六安', setup: (k) => void (k.get('dept-weixin').name = '健康六安'), errors: [{ account: 'dept-weixin', pointer: ['name'], messageIncludes: '市卫健委', messageId: 'missing' }] },
    {
      name: 'a unit without a recorded short name',
      setup: (k) => {
        delete k.getUnit('dept').shortName;
        k.get('dept-weixin').name = '六安卫健发布';
      },
      errors: [{ account: 'dept-weixin', pointer: ['name'], messageIncludes: '未登记规范简称', messageId: 'missing' }],
    },
    {
      name: 'a former name (formerNames, 旧称) is not the full name or standard short name the article requires',
      setup: (k) => {
        k.getUnit('dept').formerNames = ['六安市卫生和计划生育委员会'];
        k.get('dept-weixin').name = '六安市卫生和计划生育委员会';
      },
      errors: [{ account: 'dept-weixin', pointer: ['name'], messageIncludes: '“六安市卫生和计划生育委员会”中既没有单位全称', messageId: 'missing', data: { unit: '六安市卫生健康委员会' } }],
    },
  ],
};
export default cases;
