/**
 * app-closure-delisting 规则的用例（tests/policy-rules.test.ts 运行；命令行不加载，不编入 dist/）。
 * Cases of the rule app-closure-delisting: run by tests/policy-rules.test.ts, never loaded by the CLI, not built.
 */
import type { RuleCases } from '#engine/dev/cases';
import { closeEvents, type FixtureKit, openEvents } from '#engine/dev/fixture';
import type { Event } from '#engine/generated/types';

function app(k: FixtureKit, removal: Event['type']): void {
  const close = closeEvents('2026-03-02');
  close[3]!.type = removal;
  const open = openEvents('2025-03-03');
  open[3]!.type = '应用上架';
  k.account('zf', { id: 'zf-app', name: '六安市人民政府', platform: '移动客户端', events: [...open, ...close] });
}

const cases: RuleCases = {
  valid: [
    { name: 'a WeChat account is deregistered, not delisted', setup: (k) => void k.get('dept-weixin').events.push(...closeEvents('2026-03-02')) },
    { name: 'app closed and delisted', setup: (k) => app(k, '应用下架') },
  ],
  invalid: [
    {
      name: 'app closure completed with only a platform deregistration',
      setup: (k) => app(k, '平台注销'),
      errors: [{ account: 'zf-app', pointer: ['events', 9, 'type'], messageId: 'notDelisted' }],
    },
  ],
};
export default cases;
