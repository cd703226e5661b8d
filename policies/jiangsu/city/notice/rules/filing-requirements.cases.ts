/**
 * filing-requirements 规则的用例（tests/policy-rules.test.ts 运行；命令行不加载，不编入 dist/）。
 * Cases of the rule filing-requirements: run by tests/policy-rules.test.ts, never loaded by the CLI, not built.
 */
import { filingRequirementsCases } from '#engine/policy/common/process.cases';
import { cityChange, cityCloseEvents } from '../kit.cases.ts';

export default filingRequirementsCases({
  reasonFor: ['变更', '关停'],
  decisionFor: ['变更', '关停'],
  valid: [
    { name: 'closure decided by the party group meeting', setup: (k) => void k.get('dept-weixin').events.push(...cityCloseEvents()) },
    { name: 'change agreed by the head of unit', setup: (k) => cityChange(k, 'dept-weixin') },
    {
      name: 'an opening filing without a recorded decision is not judged by this notice',
      setup: (k) => void delete k.get('dept-weixin').events[0]!.unitDecision,
    },
  ],
  invalid: [
    {
      name: 'closure without the unit\'s decision',
      setup: (k) => {
        const evs = cityCloseEvents();
        delete evs[0]!.unitDecision;
        k.get('dept-weixin').events.push(...evs);
      },
      errors: [{ account: 'dept-weixin', pointer: ['events', 5], messageIncludes: '主办单位意见', messageId: 'decision' }],
    },
    {
      name: 'change without a reason',
      setup: (k) => {
        cityChange(k, 'dept-weixin');
        delete k.get('dept-weixin').events[5]!.reason;
      },
      errors: [{ account: 'dept-weixin', pointer: ['events', 5], messageIncludes: '变更原因', messageId: 'reason' }],
    },
    {
      name: 'closure the head of unit refused',
      setup: (k) => {
        const evs = cityCloseEvents();
        evs[0]!.unitDecision = { decision: '不同意', date: '2026-03-02', by: '主要负责人' };
        k.get('dept-weixin').events.push(...evs);
      },
      errors: [{ account: 'dept-weixin', pointer: ['events', 5, 'unitDecision', 'decision'], messageId: 'refused' }],
    },
  ],
});
