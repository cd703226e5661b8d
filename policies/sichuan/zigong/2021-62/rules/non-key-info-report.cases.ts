/**
 * non-key-info-report 规则的用例（tests/policy-rules.test.ts 运行；命令行不加载，不编入 dist/）。
 * Cases of the rule non-key-info-report: run by tests/policy-rules.test.ts, never loaded by the CLI, not built.
 */
import type { RuleCases } from '#engine/dev/cases';

const cases: RuleCases = {
  valid: [
    { name: 'nothing reported' },
    {
      name: 'handover followed by a report of the team change',
      setup: (k) =>
        void k.get('dept-weixin').events.push(
          { type: '人员交接', date: '2026-07-01', handover: { fromRole: '经办人员', toRole: '经办人员', credentialsRotated: true } },
          { type: '信息报备', date: '2026-07-02', changes: [{ field: '管理队伍', from: '经办人员 丁编辑（虚构）', to: '经办人员 戊编辑（虚构）' }] },
        ),
    },
  ],
  invalid: [
    {
      name: 'a report that says nothing',
      setup: (k) => void k.get('dept-weixin').events.push({ type: '信息报备', date: '2026-07-02' }),
      errors: [{ account: 'dept-weixin', pointer: ['events', 5], messageId: 'noChanges' }],
    },
    {
      name: 'a rename only reported, not filed',
      setup: (k) => void k.get('dept-weixin').events.push({ type: '信息报备', date: '2026-07-02', changes: [{ field: '账号名称', from: '健康自贡', to: '自贡健康' }] }),
      errors: [{ account: 'dept-weixin', pointer: ['events', 5, 'changes', 0, 'field'], messageId: 'keyField' }],
    },
    {
      name: 'a handover never reported is a warning',
      setup: (k) => void k.get('dept-weixin').events.push({ type: '人员交接', date: '2026-07-01', handover: { fromRole: '经办人员', toRole: '经办人员', credentialsRotated: true } }),
      errors: [{ account: 'dept-weixin', pointer: ['events', 5, 'type'], severity: 'warning', messageId: 'handoverNotReported' }],
    },
  ],
};
export default cases;
