/**
 * consistent-names-across-platforms 规则的用例（tests/policy-rules.test.ts 运行；命令行不加载，不编入 dist/）。
 * Cases of the rule consistent-names-across-platforms: run by tests/policy-rules.test.ts, never loaded by the CLI, not built.
 */
import { consistentNamesCases } from '#engine/policy/common/structure.cases';

export default consistentNamesCases({
  checkEntity: false,
  invalid: [
    {
      name: 'the district government uses two names on Weibo and WeChat',
      setup: (k) => {
        k.account('zf', { id: 'zf-weixin', name: '綦江区人民政府', platform: '微信公众号' });
        k.account('zf', { id: 'zf-toutiao', name: '綦江发布', platform: '今日头条' });
      },
      errors: [{ account: 'zf-weixin', pointer: ['name'], messageIncludes: '綦江发布', messageId: 'name' }],
    },
  ],
});
