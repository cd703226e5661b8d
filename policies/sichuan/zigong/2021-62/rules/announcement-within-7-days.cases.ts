/**
 * announcement-within-7-days 规则的用例（tests/policy-rules.test.ts 运行；命令行不加载，不编入 dist/）。
 * Cases of the rule announcement-within-7-days: run by tests/policy-rules.test.ts, never loaded by the CLI, not built.
 */
import { closeEvents } from '#engine/dev/fixture';
import { deadlineCases } from '#engine/policy/common/process.cases';

export default deadlineCases({
  valid: [{ name: 'announced two days after filing', setup: (k) => void k.get('dept-weixin').events.push(...closeEvents('2026-03-02')) }],
  invalid: [
    {
      name: 'announced ten days after filing',
      setup: (k) => {
        const evs = closeEvents('2026-03-02');
        evs[2]!.date = '2026-03-12';
        k.get('dept-weixin').events.push(...evs);
      },
      errors: [{ account: 'dept-weixin', pointer: ['events', 7, 'date'], messageIncludes: '2026-03-09', messageId: 'late' }],
    },
  ],
});
