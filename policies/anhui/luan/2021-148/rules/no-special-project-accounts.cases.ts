/**
 * no-special-project-accounts 规则的用例（tests/policy-rules.test.ts 运行；命令行不加载，不编入 dist/）。
 * Cases of the rule no-special-project-accounts: run by tests/policy-rules.test.ts, never loaded by the CLI, not built.
 */
import type { RuleCases } from '#engine/dev/cases';
import { closeEvents } from '#engine/dev/fixture';

const cases: RuleCases = {
  valid: [
    { name: 'ordinary tags', setup: (k) => void (k.get('dept-weixin').tags = ['卫生健康', '政策解读']) },
    {
      name: 'a special-campaign account already closed',
      setup: (k) => void k.account('dept', { id: 'dept-douyin', name: '六安市卫健委发布', platform: '抖音', tags: ['专项活动'], events: [...k.get('dept-weixin').events.map((e) => ({ ...e })), ...closeEvents('2026-03-02')] }),
    },
  ],
  invalid: [
    {
      name: 'an account opened for a special campaign',
      setup: (k) => void k.account('dept', { id: 'dept-douyin', name: '六安市卫健委发布', platform: '抖音', tags: ['卫生健康', '专项活动'] }),
      errors: [{ account: 'dept-douyin', pointer: ['tags', 1], messageId: 'special' }],
    },
  ],
};
export default cases;
