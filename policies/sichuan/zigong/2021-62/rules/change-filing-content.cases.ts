/**
 * change-filing-content 规则的用例（tests/policy-rules.test.ts 运行；命令行不加载，不编入 dist/）。
 * Cases of the rule change-filing-content: run by tests/policy-rules.test.ts, never loaded by the CLI, not built.
 */
import type { RuleCases } from '#engine/dev/cases';

const cases: RuleCases = {
  valid: [
    { name: 'no change filed' },
    {
      name: 'a complete change filing',
      setup: (k) =>
        void k.get('dept-weixin').events.push({ type: '变更备案', date: '2026-04-01', reason: '统一各平台账号名称。', unitDecision: { decision: '同意', date: '2026-04-01', by: '主要负责人' }, changes: [{ field: '账号名称', from: '健康自贡', to: '健康自贡发布' }], stillSupervised: true }),
    },
  ],
  invalid: [
    {
      name: 'a change filing without changes or supervision statement',
      setup: (k) => void k.get('dept-weixin').events.push({ type: '变更备案', date: '2026-04-01', reason: '统一各平台账号名称。', unitDecision: { decision: '同意', date: '2026-04-01', by: '主要负责人' } }),
      errors: [
        { account: 'dept-weixin', pointer: ['events', 5], messageIncludes: '变更事项', messageId: 'noChanges' },
        { account: 'dept-weixin', pointer: ['events', 5], messageIncludes: '纳入政务新媒体监管', messageId: 'noSupervised' },
      ],
    },
    {
      name: 'a change to the same value',
      setup: (k) =>
        void k.get('dept-weixin').events.push({ type: '变更备案', date: '2026-04-01', reason: '核对名称。', unitDecision: { decision: '同意', date: '2026-04-01', by: '主要负责人' }, changes: [{ field: '账号名称', from: '健康自贡', to: '健康自贡' }], stillSupervised: true }),
      errors: [{ account: 'dept-weixin', pointer: ['events', 5, 'changes', 0, 'to'], messageId: 'same' }],
    },
  ],
};
export default cases;
