/**
 * app-release-license 规则的用例（tests/policy-rules.test.ts 运行；命令行不加载，不编入 dist/）。
 * Cases of the rule app-release-license: run by tests/policy-rules.test.ts, never loaded by the CLI, not built.
 */
import type { RuleCases } from '#engine/dev/cases';
import { openEvents } from '#engine/dev/fixture';

const cases: RuleCases = {
  valid: [
    {
      name: 'a listed app with its licence',
      setup: (k) => {
        const a = k.account('zf', { id: 'zf-app', name: '自贡政务客户端（虚构）', platform: '移动客户端', events: openEvents('2025-03-03').map((e) => (e.type === '平台认证' ? { ...e, type: '应用上架' as const } : e)) });
        a.app!.license = '蜀ICP备00000000号-1A（虚构）';
      },
    },
  ],
  invalid: [
    {
      name: 'a listed app without a licence',
      setup: (k) => void k.account('zf', { id: 'zf-app', name: '自贡政务客户端（虚构）', platform: '移动客户端', events: openEvents('2025-03-03').map((e) => (e.type === '平台认证' ? { ...e, type: '应用上架' as const } : e)) }),
      errors: [{ account: 'zf-app', pointer: ['app'], messageId: 'noLicense' }],
    },
  ],
};
export default cases;
