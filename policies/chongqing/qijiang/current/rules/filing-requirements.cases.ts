/**
 * filing-requirements 规则的用例（tests/policy-rules.test.ts 运行；命令行不加载，不编入 dist/）。
 * Cases of the rule filing-requirements: run by tests/policy-rules.test.ts, never loaded by the CLI, not built.
 */
import { filingRequirementsCases } from '#engine/policy/common/process.cases';

export default filingRequirementsCases({
  reasonFor: [],
  decisionFor: ['开设', '补录', '变更', '关停'],
  valid: [
    { name: 'a filing without a written reason is acceptable here', setup: (k) => void delete k.get('dept-weixin').events[0]!.reason },
  ],
  invalid: [
    {
      name: 'closure filed without the unit\'s consent',
      setup: (k) => {
        k.get('dept-weixin').events.push({ type: '关停备案', date: '2026-06-01', reason: '职能调整，账号不再保留。' });
      },
      errors: [{ account: 'dept-weixin', pointer: ['events', 5], messageIncludes: '关停', messageId: 'decision' }],
    },
    {
      name: 'change refused by the head of unit but filed anyway',
      setup: (k) => {
        k.get('dept-weixin').events.push({ type: '变更备案', date: '2026-06-01', unitDecision: { decision: '不同意', date: '2026-05-29', by: '主要负责人' }, changes: [{ field: '账号名称', from: '健康綦江', to: '綦江卫健' }] });
      },
      errors: [{ account: 'dept-weixin', pointer: ['events', 5, 'unitDecision', 'decision'], messageId: 'refused' }],
    },
  ],
});
