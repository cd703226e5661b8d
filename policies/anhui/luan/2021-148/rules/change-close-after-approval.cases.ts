/**
 * change-close-after-approval 规则的用例（tests/policy-rules.test.ts 运行；命令行不加载，不编入 dist/）。
 * Cases of the rule change-close-after-approval: run by tests/policy-rules.test.ts, never loaded by the CLI, not built.
 */
import type { RuleCases } from '#engine/dev/cases';
import { closeEvents, type FixtureKit } from '#engine/dev/fixture';

function change(k: FixtureKit, platformChanged: string): void {
  const a = k.get('dept-weixin');
  a.events.push(
    { type: '变更备案', date: '2026-04-01', reason: '机构更名，账号名称随之变更。', unitDecision: { decision: '同意', date: '2026-04-01', by: '主要负责人' }, changes: [{ field: '账号名称', from: '六安市卫计委发布', to: a.name }] },
    { type: '平台变更', date: platformChanged },
    { type: '主管审核', date: '2026-04-02', decision: '同意', reviewer: '六安市人民政府办公室', level: '同级' },
    { type: '系统填报', date: '2026-04-08', action: '变更' },
  );
  // keep the events in date order: the platform change goes where its date puts it
  a.events.sort((x, y) => (x.date < y.date ? -1 : x.date > y.date ? 1 : 0));
}

const cases: RuleCases = {
  valid: [
    { name: 'closure announced after approval', setup: (k) => void k.get('dept-weixin').events.push(...closeEvents('2026-03-02')) },
    { name: 'platform change after approval', setup: (k) => change(k, '2026-04-03') },
  ],
  invalid: [
    {
      name: 'renamed on the platform before the approval',
      setup: (k) => change(k, '2026-04-01'),
      errors: [{ account: 'dept-weixin', pointer: ['events', 6, 'type'], messageId: 'early' }],
    },
    {
      name: 'deregistered without any approval (私自关停)',
      setup: (k) => void k.get('dept-weixin').events.push(...closeEvents('2026-03-02').filter((e) => e.type !== '主管审核')),
      errors: [
        { account: 'dept-weixin', pointer: ['events', 6, 'type'], messageId: 'early' },
        { account: 'dept-weixin', pointer: ['events', 7, 'type'], messageId: 'early' },
      ],
    },
  ],
};
export default cases;
