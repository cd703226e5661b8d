/**
 * basic-info-complete 规则的用例（tests/policy-rules.test.ts 运行；命令行不加载，不编入 dist/）。
 * Cases of the rule basic-info-complete: run by tests/policy-rules.test.ts, never loaded by the CLI, not built.
 */
import type { RuleCases } from '#engine/dev/cases';

const cases: RuleCases = {
  valid: [
    { name: 'complete WeChat and Weibo accounts' },
    {
      name: 'an opening still in progress has no URL yet',
      setup: (k) => void k.account('dept', { id: 'dept-douyin', name: '六安市卫健委发布', platform: '抖音', functions: ['信息发布'], events: k.get('dept-weixin').events.slice(0, 2).map((e) => ({ ...e })) }),
    },
    {
      name: 'an app with its download URL',
      setup: (k) => void k.account('zf', { id: 'zf-app', name: '六安市人民政府', platform: '移动客户端', functions: ['办事服务'], urls: { download: 'https://example.gov.cn/app' } }),
    },
  ],
  invalid: [
    { name: 'no URL recorded for an open account', setup: (k) => void delete k.get('dept-weixin').urls, errors: [{ account: 'dept-weixin', pointer: [], messageId: 'noUrl' }] },
    {
      name: 'an app with only a home page',
      setup: (k) => void k.account('zf', { id: 'zf-app', name: '六安市人民政府', platform: '移动客户端', functions: ['办事服务'], urls: { homepage: 'https://example.gov.cn/' } }),
      errors: [{ account: 'zf-app', pointer: ['urls'], messageIncludes: '下载地址', messageId: 'noUrl' }],
    },
    { name: 'no functions', setup: (k) => void (k.get('zf-weibo').functions = []), errors: [{ account: 'zf-weibo', pointer: ['functions'], messageId: 'noFunctions' }] },
    {
      name: 'an operator without a mobile number',
      setup: (k) => void delete k.get('dept-weixin').team.operators[0]!.mobile,
      errors: [{ account: 'dept-weixin', pointer: ['team', 'operators', 0], messageIncludes: '手机号码', messageId: 'noPhone' }],
    },
    { name: 'no section head', setup: (k) => void delete k.get('dept-weixin').team.sectionHead, errors: [{ account: 'dept-weixin', pointer: ['team'], messageId: 'noSectionHead' }] },
  ],
};
export default cases;
