/**
 * supervisor-approval 规则的用例（tests/policy-rules.test.ts 运行；命令行不加载，不编入 dist/）。
 * Cases of the rule supervisor-approval: run by tests/policy-rules.test.ts, never loaded by the CLI, not built.
 */
import { supervisorApprovalCases } from '#engine/policy/common/process.cases';
import { cityChange, cityCloseEvents } from '../kit.cases.ts';

export default supervisorApprovalCases({
  valid: [
    { name: 'approved change', setup: (k) => cityChange(k, 'dept-weixin') },
    { name: 'approved closure', setup: (k) => void k.get('dept-weixin').events.push(...cityCloseEvents()) },
  ],
  invalid: [
    {
      name: 'closure completed without approval',
      setup: (k) => void k.get('dept-weixin').events.push(...cityCloseEvents().filter((e) => e.type !== '主管审核')),
      errors: [{ account: 'dept-weixin', pointer: ['events', 5], messageIncludes: '关停', messageId: 'missing' }],
    },
    {
      name: 'backfill completed without approval',
      setup: (k) => {
        k.get('zf-weibo').events = [
          { type: '补录备案', date: '2026-04-13', reason: '账号2019年开通，一直未备案，现补录。', unitDecision: { decision: '同意', date: '2026-04-13', by: '主要负责人' } },
          { type: '系统填报', date: '2026-04-15', action: '开设' },
        ];
      },
      errors: [{ account: 'zf-weibo', pointer: ['events', 0], messageIncludes: '补录', messageId: 'missing' }],
    },
  ],
});
