/**
 * closure-steps-in-order 规则的用例（tests/policy-rules.test.ts 运行；命令行不加载，不编入 dist/）。
 * Cases of the rule closure-steps-in-order: run by tests/policy-rules.test.ts, never loaded by the CLI, not built.
 */
import type { RuleCases } from '#engine/dev/cases';
import { closeEvents } from '#engine/dev/fixture';

const cases: RuleCases = {
  valid: [{ name: 'filed, announced, deregistered', setup: (k) => void k.get('dept-weixin').events.push(...closeEvents('2026-03-02')) }],
  invalid: [
    {
      name: 'deregistered without a closure filing',
      setup: (k) => void k.get('dept-weixin').events.push({ type: '平台注销', date: '2026-03-02', evidence: [{ kind: '注销完成截图', ref: '档案 2026-001' }] }),
      errors: [{ account: 'dept-weixin', pointer: ['events', 5, 'type'], messageId: 'noFiling' }],
    },
    {
      name: 'deregistered before the announcement',
      setup: (k) => {
        const evs = closeEvents('2026-03-02');
        const [filing, review, notice, dereg, entry] = evs;
        k.get('dept-weixin').events.push(filing!, review!, { ...dereg!, date: '2026-03-04' }, { ...notice!, date: '2026-03-05' }, { ...entry!, date: '2026-03-06' });
      },
      errors: [{ account: 'dept-weixin', pointer: ['events', 7, 'type'], messageId: 'noAnnouncement' }],
    },
  ],
};
export default cases;
