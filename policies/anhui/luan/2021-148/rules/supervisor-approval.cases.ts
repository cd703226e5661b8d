/**
 * supervisor-approval 规则的用例（tests/policy-rules.test.ts 运行；命令行不加载，不编入 dist/）。
 * Cases of the rule supervisor-approval: run by tests/policy-rules.test.ts, never loaded by the CLI, not built.
 */
import { supervisorApprovalCases } from '#engine/policy/common/process.cases';

export default supervisorApprovalCases({
  valid: [
    {
      name: 'backfill approved before entry',
      setup: (k) =>
        void k.account('dept', {
          id: 'dept-douyin',
          name: '六安市卫健委发布',
          platform: '抖音',
          events: [
            { type: '补录备案', date: '2026-05-11', reason: '已开设未备案，补录。', unitDecision: { decision: '同意', date: '2026-05-11', by: '主要负责人' } },
            { type: '主管审核', date: '2026-05-12', decision: '同意', reviewer: '六安市人民政府办公室', level: '同级' },
            { type: '系统填报', date: '2026-05-13', action: '补录' },
          ],
        }),
    },
  ],
  invalid: [
    {
      name: 'backfill entered in the national system without approval (第十二条)',
      setup: (k) =>
        void k.account('dept', {
          id: 'dept-douyin',
          name: '六安市卫健委发布',
          platform: '抖音',
          events: [
            { type: '补录备案', date: '2026-05-11', reason: '已开设未备案，补录。', unitDecision: { decision: '同意', date: '2026-05-11', by: '主要负责人' } },
            { type: '系统填报', date: '2026-05-13', action: '补录' },
          ],
        }),
      errors: [{ account: 'dept-douyin', pointer: ['events', 0], messageIncludes: '补录', messageId: 'missing' }],
    },
    {
      name: 'changed on the platform after the supervisor refused',
      setup: (k) => {
        const a = k.get('dept-weixin');
        a.events.push(
          { type: '变更备案', date: '2026-06-01', reason: '更名。', unitDecision: { decision: '同意', date: '2026-06-01', by: '主要负责人' }, changes: [{ field: '账号名称', from: a.name, to: '健康六安' }] },
          { type: '主管审核', date: '2026-06-02', decision: '不同意', reviewer: '六安市人民政府办公室', level: '同级', opinion: '名称不符合第十三条' },
          { type: '平台变更', date: '2026-06-10' },
        );
      },
      errors: [{ account: 'dept-weixin', pointer: ['events', 7, 'type'], messageId: 'rejected' }],
    },
  ],
});
