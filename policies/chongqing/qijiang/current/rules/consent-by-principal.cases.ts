/**
 * consent-by-principal 规则的用例（tests/policy-rules.test.ts 运行；命令行不加载，不编入 dist/）。
 * Cases of the rule consent-by-principal: run by tests/policy-rules.test.ts, never loaded by the CLI, not built.
 */
import type { RuleCases } from '#engine/dev/cases';

const cases: RuleCases = {
  valid: [
    { name: 'consent by the head of the unit' },
    { name: 'consent recorded with the principal\'s name', setup: (k) => void (k.get('dept-weixin').events[0]!.unitDecision!.by = '甲主任（虚构）') },
    { name: 'a collective decision that records the principal', setup: (k) => void (k.get('dept-weixin').events[0]!.unitDecision!.by = '主要负责人（党组会议研究）') },
    { name: 'filings before the measures came into force are not judged', setup: (k) => k.get('dept-weixin').events.forEach((e) => { e.date = e.date.replace('2025', '2023'); if (e.unitDecision) e.unitDecision = { decision: '同意', date: e.date }; }) },
  ],
  invalid: [
    {
      name: 'opening consented to by the deputy head only',
      setup: (k) => void (k.get('dept-weixin').events[0]!.unitDecision!.by = '分管负责人'),
      errors: [{ account: 'dept-weixin', pointer: ['events', 0, 'unitDecision', 'by'], messageIncludes: '分管负责人', messageId: 'notPrincipal' }],
    },
    {
      name: 'closure consent that does not say who agreed',
      setup: (k) => void k.get('zf-weibo').events.push({ type: '关停备案', date: '2026-06-01', reason: '账号整合。', unitDecision: { decision: '同意', date: '2026-06-01' } }),
      errors: [{ account: 'zf-weibo', pointer: ['events', 5, 'unitDecision'], messageIncludes: '关停', messageId: 'noBy' }],
    },
  ],
};
export default cases;
