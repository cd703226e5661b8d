/**
 * head-consent 规则的用例（tests/policy-rules.test.ts 运行；命令行不加载，不编入 dist/）。
 * Cases of the rule head-consent: run by tests/policy-rules.test.ts, never loaded by the CLI, not built.
 */
import type { RuleCases } from '#engine/dev/cases';

const cases: RuleCases = {
  valid: [
    { name: 'agreed by the head' },
    { name: 'agreed by the leadership meeting', setup: (k) => void (k.get('dept-weixin').events[0]!.unitDecision!.by = '委党组会议') },
    { name: 'a change filing may be signed by the deputy in charge', setup: (k) => void k.get('dept-weixin').events.push({ type: '变更备案', date: '2026-04-01', reason: '统一名称。', unitDecision: { decision: '同意', date: '2026-04-01', by: '分管负责人' }, changes: [{ field: '账号名称', from: '健康自贡', to: '健康自贡发布' }], stillSupervised: true }) },
  ],
  invalid: [
    {
      name: 'an opening agreed only by the deputy in charge',
      setup: (k) => void (k.get('dept-weixin').events[0]!.unitDecision!.by = '分管副主任'),
      errors: [{ account: 'dept-weixin', pointer: ['events', 0, 'unitDecision', 'by'], messageId: 'notHead' }],
    },
  ],
};
export default cases;
