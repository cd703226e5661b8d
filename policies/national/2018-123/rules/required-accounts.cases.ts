/**
 * required-accounts 规则的用例（tests/policy-rules.test.ts 运行；命令行不加载，不编入 dist/）。
 * Cases of the rule required-accounts: run by tests/policy-rules.test.ts, never loaded by the CLI, not built.
 */
import type { RuleCases } from '#engine/dev/cases';

const cases: RuleCases = {
  valid: [
    { name: 'the city government runs a Weibo account' },
    {
      name: 'the government office runs the government’s account (“××发布”)',
      setup: (k) => {
        k.remove('zf-weibo');
        k.account('bgs', { id: 'bgs-weixin', name: '自贡发布', platform: '微信公众号' });
      },
    },
    {
      name: 'an account certified to the government under one of its recorded names (aliases) counts, whoever hosts it',
      setup: (k) => {
        k.remove('zf-weibo');
        k.getUnit('zf').aliases = ['自贡市政府'];
        k.account('dept', { id: 'dept-weibo', name: '自贡政务', platform: '新浪微博', certifiedEntity: { name: '自贡市政府', category: '人民政府' } });
      },
    },
    {
      name: 'a department at city level need not open one (可根据工作需要)',
      setup: (k) => k.remove('dept-weixin'),
    },
    {
      name: 'a township government (乡级) is not required to',
      setup: (k) => void k.unit('sichuan/zigong', { id: 'xz', name: '某某镇人民政府（虚构）', kind: '人民政府', level: '乡级' }),
    },
  ],
  invalid: [
    {
      name: 'the city government has no account',
      setup: (k) => k.remove('zf-weibo'),
      errors: [{ unit: 'zf', pointer: ['kind'], messageIncludes: '应当开设政务新媒体', messageId: 'none', data: { unit: '自贡市人民政府' } }],
    },
    {
      name: 'an account certified under a name the government does not record is not its account',
      setup: (k) => {
        k.remove('zf-weibo');
        k.account('dept', { id: 'dept-weibo', name: '自贡政务', platform: '新浪微博', certifiedEntity: { name: '自贡市政府', category: '人民政府' } });
      },
      errors: [{ unit: 'zf', pointer: ['kind'], messageId: 'none', data: { unit: '自贡市人民政府' } }],
    },
    {
      name: 'a State Council department (中央 政府部门) has no account',
      setup: (k) => void k.unit('', { id: 'gwy-bm', name: '某部（虚构）', kind: '政府部门', level: '中央', region: '' }),
      errors: [{ unit: 'gwy-bm', pointer: ['kind'], messageIncludes: '“某部（虚构）”应当开设政务新媒体', messageId: 'none', data: { unit: '某部（虚构）' } }],
    },
  ],
};
export default cases;
