/**
 * naming-convention 规则的用例（tests/policy-rules.test.ts 运行；命令行不加载，不编入 dist/）。
 * Cases of the rule naming-convention: run by tests/policy-rules.test.ts, never loaded by the CLI, not built.
 */
import type { RuleCases } from '#engine/dev/cases';

const cases: RuleCases = {
  valid: [
    { name: '六安市人民政府发布 and 六安市卫健委发布' },
    { name: 'an app of the city government', setup: (k) => void k.account('zf', { id: 'zf-app', name: '六安市人民政府', platform: '移动客户端' }) },
    { name: 'a department app', setup: (k) => void k.account('dept', { id: 'dept-app', name: '六安市卫健委', platform: '移动客户端' }) },
    {
      name: 'an institution has no prescribed pattern',
      setup: (k) => {
        k.unit('anhui/luan', { id: 'gjj', name: '六安市住房公积金管理中心', kind: '承担行政职能的事业单位' });
        k.account('gjj', { id: 'gjj-weixin', name: '六安市住房公积金管理中心', platform: '微信公众号' });
      },
    },
  ],
  invalid: [
    { name: 'the government Weibo named 六安政府', setup: (k) => void (k.get('zf-weibo').name = '六安政府'), errors: [{ account: 'zf-weibo', pointer: ['name'], messageIncludes: '人民政府发布', messageId: 'pattern' }] },
    { name: 'a department WeChat named 健康六安', setup: (k) => void (k.get('dept-weixin').name = '健康六安'), errors: [{ account: 'dept-weixin', pointer: ['name'], messageIncludes: '六安市××委（办、局）发布', messageId: 'pattern' }] },
    { name: 'a department app named like a Weibo account', setup: (k) => void k.account('dept', { id: 'dept-app', name: '六安市卫健委发布', platform: '移动客户端' }), errors: [{ account: 'dept-app', pointer: ['name'], messageId: 'pattern' }] },
  ],
};
export default cases;
