/**
 * handover-credentials 规则的用例（tests/policy-rules.test.ts 运行；命令行不加载，不编入 dist/）。
 * Cases of the rule handover-credentials: run by tests/policy-rules.test.ts, never loaded by the CLI, not built.
 */
import type { RuleCases } from '#engine/dev/cases';

const cases: RuleCases = {
  valid: [
    { name: 'no staff change at all' },
    {
      name: 'handover with new credentials, then the team change reported',
      setup: (k) => {
        k.get('dept-weixin').events.push(
          { type: '人员交接', date: '2026-06-15', handover: { fromRole: '经办人员', toRole: '经办人员', credentialsRotated: true, confidentialityUndertaking: true } },
          { type: '信息报备', date: '2026-06-16', changes: [{ field: '管理队伍', from: '经办人员 丁编辑（虚构）', to: '经办人员 戊编辑（虚构）' }] },
        );
      },
    },
    {
      name: 'a team change that only adds staff, explained in the note',
      setup: (k) => void k.get('dept-weixin').events.push({ type: '信息报备', date: '2026-06-16', changes: [{ field: '管理队伍', from: '经办人员 丁编辑（虚构）', to: '经办人员 丁编辑（虚构）、戊编辑（虚构）' }], note: '新增一名经办人员，无人员调离。' }),
    },
    {
      name: 'the handover listed just after the report, on the same day',
      setup: (k) => {
        k.get('dept-weixin').events.push(
          { type: '信息报备', date: '2026-06-16', changes: [{ field: '管理队伍', from: '经办人员 丁编辑（虚构）', to: '经办人员 戊编辑（虚构）' }] },
          { type: '人员交接', date: '2026-06-16', handover: { fromRole: '经办人员', toRole: '经办人员', credentialsRotated: true, confidentialityUndertaking: true } },
        );
      },
    },
    {
      name: 'a handover before the measures came into force is not judged',
      setup: (k) => {
        const a = k.get('dept-weixin');
        a.events = [...a.events.map((e) => ({ ...e, date: e.date.replace('2025', '2022') })), { type: '人员交接', date: '2023-02-01', handover: { fromRole: '经办人员', toRole: '经办人员' } }];
        a.events.forEach((e) => { if (e.unitDecision) e.unitDecision.date = e.date; });
      },
    },
  ],
  invalid: [
    {
      name: 'handover without changing the password',
      setup: (k) => void k.get('dept-weixin').events.push({ type: '人员交接', date: '2026-06-15', handover: { fromRole: '经办人员', toRole: '经办人员', credentialsRotated: false, confidentialityUndertaking: true } }),
      errors: [{ account: 'dept-weixin', pointer: ['events', 5, 'handover', 'credentialsRotated'], messageIncludes: '2026-06-15', messageId: 'notRotated' }],
    },
    {
      name: 'handover that says nothing about the password',
      setup: (k) => void k.get('zf-weibo').events.push({ type: '人员交接', date: '2026-09-30', handover: { fromRole: '审核员', toRole: '审核员', confidentialityUndertaking: true } }),
      errors: [{ account: 'zf-weibo', pointer: ['events', 5, 'handover'], messageId: 'notRotated' }],
    },
    {
      name: 'two handovers: the second records that the leaver made no undertaking (every handover is checked)',
      setup: (k) =>
        void k.get('zf-weibo').events.push(
          { type: '人员交接', date: '2026-03-02', handover: { fromRole: '审核员', toRole: '审核员', credentialsRotated: true, confidentialityUndertaking: true } },
          { type: '人员交接', date: '2026-09-30', handover: { fromRole: '经办人员', toRole: '经办人员', credentialsRotated: true, confidentialityUndertaking: false } },
        ),
      errors: [{ account: 'zf-weibo', pointer: ['events', 6, 'handover', 'confidentialityUndertaking'], messageId: 'noUndertaking', data: { date: '2026-09-30' }, messageIncludesEn: 'gave no confidentiality undertaking', severity: 'error' }],
    },
    {
      name: 'team change reported with no handover (warning)',
      setup: (k) => {
        k.get('dept-weixin').events.push(
          { type: '人员交接', date: '2026-03-02', handover: { fromRole: '经办人员', toRole: '经办人员', credentialsRotated: true, confidentialityUndertaking: true } },
          { type: '信息报备', date: '2026-03-03', changes: [{ field: '管理队伍', from: '经办人员 丁编辑（虚构）', to: '经办人员 戊编辑（虚构）' }] },
          { type: '信息报备', date: '2026-08-03', changes: [{ field: '联系电话', from: '0000-0000001', to: '0000-0000002' }, { field: '管理队伍', from: '分管负责人 乙副主任（虚构）', to: '分管负责人 己副主任（虚构）' }] },
        );
      },
      errors: [{ account: 'dept-weixin', pointer: ['events', 7, 'changes', 1, 'field'], severity: 'warning', messageIncludes: '2026-08-03', messageId: 'noHandover' }],
    },
  ],
};
export default cases;
