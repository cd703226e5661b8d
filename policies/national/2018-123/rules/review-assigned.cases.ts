/**
 * review-assigned 规则的用例（tests/policy-rules.test.ts 运行；命令行不加载，不编入 dist/）。
 * Cases of the rule review-assigned: run by tests/policy-rules.test.ts, never loaded by the CLI, not built.
 */
import type { RuleCases } from '#engine/dev/cases';

const cases: RuleCases = {
  valid: [
    { name: 'a reviewer is named' },
    {
      name: 'a backfilled account whose team is unknown is not judged',
      setup: (k) => {
        const a = k.get('dept-weixin') as import('#engine/generated/types').AccountFile;
        delete a.team;
        a.unknown = ['team'];
        a.events = [{ type: '补录备案', date: '2026-11-02', status: '正常' }];
      },
    },
  ],
  invalid: [
    {
      name: 'no review chain at all',
      setup: (k) => void delete k.get('dept-weixin').team.review,
      errors: [{ account: 'dept-weixin', pointer: ['team'], messageIncludes: '没有登记内容审核人员', messageId: 'none' }],
    },
    {
      name: 'editors but no reviewer',
      setup: (k) => void (k.get('dept-weixin').team.review = { editors: ['丁编辑（虚构）'] }),
      errors: [{ account: 'dept-weixin', pointer: ['team', 'review'], messageIncludes: '审核主体不明确', messageId: 'none' }],
    },
  ],
};
export default cases;
