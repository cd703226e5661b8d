/**
 * change-entry-within-3-workdays 规则的用例（tests/policy-rules.test.ts 运行；命令行不加载，不编入 dist/）。
 * Cases of the rule change-entry-within-3-workdays: run by tests/policy-rules.test.ts, never loaded by the CLI, not built.
 */
import type { FixtureKit } from '#engine/dev/fixture';
import { deadlineCases } from '#engine/policy/common/process.cases';

function change(k: FixtureKit, platformChanged: string, entered: string): void {
  const a = k.get('dept-weixin');
  a.events.push(
    { type: '变更备案', date: '2026-04-01', reason: '机构更名，账号名称随之变更。', unitDecision: { decision: '同意', date: '2026-04-01', by: '主要负责人' }, changes: [{ field: '账号名称', from: a.name, to: a.name + '发布' }] },
    { type: '主管审核', date: '2026-04-02', decision: '同意', reviewer: '自贡市人民政府办公室' },
    { type: '平台变更', date: platformChanged },
    { type: '系统填报', date: entered, action: '变更' },
  );
  a.name = a.name + '发布';
}

export default deadlineCases({
  valid: [{ name: 'updated two working days later', setup: (k) => change(k, '2026-04-03', '2026-04-08') }],
  invalid: [
    {
      name: 'changed on the platform 2026-12-30, updated 2027-01-06: the deadline needs the 2027 calendar — a warning naming 2027',
      now: '2027-03-01',
      setup: (k) => change(k, '2026-12-30', '2027-01-06'),
      errors: [{ account: 'dept-weixin', pointer: ['events', 8, 'date'], messageId: 'uncovered', data: { years: '2027' }, severity: 'warning' }],
    },
    { name: 'updated a week later', setup: (k) => change(k, '2026-04-03', '2026-04-13'), errors: [{ account: 'dept-weixin', pointer: ['events', 8, 'date'], messageId: 'late' }] },
  ],
});
