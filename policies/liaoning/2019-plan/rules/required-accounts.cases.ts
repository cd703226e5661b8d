/**
 * required-accounts 规则的用例（tests/policy-rules.test.ts 运行；命令行不加载，不编入 dist/）。
 * Cases of the rule required-accounts: run by tests/policy-rules.test.ts, never loaded by the CLI, not built.
 */
import type { RuleCases } from '#engine/dev/cases';

const cases: RuleCases = {
  valid: [
    { name: 'the provincial government and a provincial department each run an account' },
    {
      name: 'a city department need not open one (其他单位可根据工作需要规范开设)',
      setup: (k) => {
        k.region('liaoning/city', { name: '辽宁省某市', level: '市级', supervisingOffice: 'city-bgs' });
        k.unit('liaoning/city', { id: 'city-bgs', name: '某市人民政府办公室', kind: '政府办公室' });
        k.unit('liaoning/city', { id: 'city-dept', name: '某市教育局', kind: '政府部门' });
      },
    },
    {
      name: 'the provincial government\'s account hosted by its 办公厅 and certified to the government counts',
      setup: (k) => {
        k.remove('zf-weibo');
        k.account('bgs', { id: 'bgs-weibo', name: '辽宁发布', platform: '新浪微博', certifiedEntity: { name: '辽宁省人民政府', category: '人民政府', unit: 'zf' } });
      },
    },
    {
      name: 'an account still being opened counts',
      setup: (k) => {
        k.remove('zf-weibo');
        k.account('zf', { id: 'zf-weixin', name: '辽宁省人民政府', platform: '微信公众号', events: [{ type: '开设备案', date: '2026-11-16' }] });
      },
    },
  ],
  invalid: [
    { name: 'the provincial government has no account', setup: (k) => k.remove('zf-weibo'), errors: [{ unit: 'zf', pointer: ['kind'], messageIncludes: '省级人民政府', messageId: 'none' }] },
    {
      name: 'the 办公厅 runs only its own account, certified to itself: the government still has none',
      setup: (k) => {
        k.remove('zf-weibo');
        k.account('bgs', { id: 'bgs-weibo', name: '辽宁省政府办公厅', platform: '新浪微博', certifiedEntity: { name: '辽宁省人民政府办公厅', category: '政府部门', unit: 'bgs' } });
      },
      errors: [{ unit: 'zf', pointer: ['kind'], messageId: 'none', data: { unit: '辽宁省人民政府' } }],
    },
    {
      name: 'a provincial department whose only account is closing',
      setup: (k) =>
        void k.get('dept-weixin').events.push({ type: '关停备案', date: '2026-11-02', reason: '账号整合到省政府账号矩阵。' }),
      errors: [{ unit: 'dept', pointer: ['kind'], messageIncludes: '省政府部门', messageId: 'none' }],
    },
    {
      name: 'a county government without an account (unit level 县级)',
      setup: (k) => {
        k.region('liaoning/city', { name: '辽宁省某市', level: '市级', supervisingOffice: 'city-bgs' });
        k.unit('liaoning/city', { id: 'city-bgs', name: '某市人民政府办公室', kind: '政府办公室' });
        k.unit('liaoning/city', { id: 'county-zf', name: '某县人民政府', kind: '人民政府', level: '县级' });
      },
      errors: [{ unit: 'county-zf', pointer: ['kind'], messageIncludes: '县级人民政府', messageId: 'none' }],
    },
    {
      name: 'an opening the supervising office refused does not count',
      setup: (k) => {
        k.remove('zf-weibo');
        k.account('zf', {
          id: 'zf-weixin',
          name: '辽宁省人民政府',
          platform: '微信公众号',
          events: [
            { type: '开设备案', date: '2026-11-02' },
            { type: '主管审核', date: '2026-11-04', decision: '不同意', reviewer: '辽宁省人民政府办公厅' },
          ],
        });
      },
      errors: [{ unit: 'zf', pointer: ['kind'], messageId: 'none' }],
    },
  ],
};
export default cases;
