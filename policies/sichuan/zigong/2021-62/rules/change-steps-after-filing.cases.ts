/**
 * change-steps-after-filing 规则的用例（tests/policy-rules.test.ts 运行；命令行不加载，不编入 dist/）。
 * Cases of the rule change-steps-after-filing: run by tests/policy-rules.test.ts, never loaded by the CLI, not built.
 */
import type { RuleCases } from '#engine/dev/cases';

const cases: RuleCases = {
  valid: [
    { name: 'no platform change' },
    {
      name: 'platform change after the change filing',
      setup: (k) =>
        void k.get('dept-weixin').events.push(
          { type: '变更备案', date: '2026-04-01', reason: '统一各平台账号名称。', unitDecision: { decision: '同意', date: '2026-04-01', by: '主要负责人' }, changes: [{ field: '账号名称', from: '健康自贡', to: '健康自贡' + '发布' }], stillSupervised: true },
          { type: '平台变更', date: '2026-04-03' },
        ),
    },
  ],
  invalid: [
    {
      name: 'platform renamed with no change filing',
      setup: (k) => void k.get('dept-weixin').events.push({ type: '平台变更', date: '2026-04-03', note: '账号改名' }),
      errors: [{ account: 'dept-weixin', pointer: ['events', 5, 'type'], messageId: 'noFiling' }],
    },
  ],
};
export default cases;
