/**
 * supervisor-approval 规则的用例（tests/policy-rules.test.ts 运行；命令行不加载，不编入 dist/）。
 * Cases of the rule supervisor-approval: run by tests/policy-rules.test.ts, never loaded by the CLI, not built.
 */
import { openEvents } from '#engine/dev/fixture';
import { supervisorApprovalCases } from '#engine/policy/common/process.cases';

export default supervisorApprovalCases({
  invalid: [
    {
      name: 'a backfill completed without the supervisor\'s review',
      setup: (k) => {
        k.account('dept', {
          id: 'dept-weibo',
          name: '健康自贡',
          platform: '新浪微博',
          events: [
            { ...openEvents('2026-03-02')[0]!, type: '补录备案' },
            { type: '系统填报', date: '2026-03-04', action: '补录' },
          ],
        });
      },
      errors: [{ account: 'dept-weibo', pointer: ['events', 0], messageId: 'missing' }],
    },
  ],
});
