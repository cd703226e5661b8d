/**
 * filing-requirements 规则的用例（tests/policy-rules.test.ts 运行；命令行不加载，不编入 dist/）。
 * Cases of the rule filing-requirements: run by tests/policy-rules.test.ts, never loaded by the CLI, not built.
 */
import { closeEvents } from '#engine/dev/fixture';
import { filingRequirementsCases } from '#engine/policy/common/process.cases';

export default filingRequirementsCases({
  // 第十一条 names the reasons for a change or closure (主办单位撤销、合并或无力运维等); the form has no field for an opening reason.
  reasonFor: ['变更', '关停'],
  decisionFor: ['开设', '补录', '变更', '关停'],
  valid: [
    {
      name: 'closure decided by a collective meeting, with a reason',
      setup: (k) => {
        const evs = closeEvents('2026-03-02');
        evs[0]!.unitDecision = { decision: '同意', date: '2026-03-02', by: '局党组会议' };
        k.get('dept-weixin').events.push(...evs);
      },
    },
  ],
  invalid: [
    {
      name: 'closure filing without a reason',
      setup: (k) => {
        const evs = closeEvents('2026-03-02');
        delete evs[0]!.reason;
        k.get('dept-weixin').events.push(...evs);
      },
      errors: [{ account: 'dept-weixin', pointer: ['events', 5], messageIncludes: '关停原因', messageId: 'reason' }],
    },
    {
      name: 'backfill filing without the unit\'s consent',
      setup: (k) => {
        k.account('dept', {
          id: 'dept-douyin',
          name: '六安市卫健委发布',
          platform: '抖音',
          events: [
            { type: '补录备案', date: '2026-05-11', reason: '已开设未备案，补录。' },
            { type: '主管审核', date: '2026-05-12', decision: '同意', reviewer: '六安市人民政府办公室', level: '同级' },
            { type: '系统填报', date: '2026-05-13', action: '补录' },
          ],
        });
      },
      errors: [{ account: 'dept-douyin', pointer: ['events', 0], messageIncludes: '补录', messageId: 'decision' }],
    },
  ],
});
