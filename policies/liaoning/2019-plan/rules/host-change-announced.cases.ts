/**
 * host-change-announced 规则的用例（tests/policy-rules.test.ts 运行；命令行不加载，不编入 dist/）。
 * Cases of the rule host-change-announced: run by tests/policy-rules.test.ts, never loaded by the CLI, not built.
 */
import type { RuleCases } from '#engine/dev/cases';
import { closeEvents, type FixtureKit } from '#engine/dev/fixture';

function moveToNewHost(k: FixtureKit, announce: boolean): void {
  const a = k.get('dept-weixin');
  a.events.push(
    { type: '变更备案', date: '2026-04-01', reason: '机构改革后职能划转，账号随之移交。', changes: [{ field: '主办单位', from: '辽宁省原某厅', to: '辽宁省卫生健康委员会' }] },
    { type: '主管审核', date: '2026-04-03', decision: '同意', reviewer: '辽宁省人民政府办公厅' },
    { type: '平台变更', date: '2026-04-08' },
    ...(announce ? [{ type: '变更公告' as const, date: '2026-04-09', evidence: [{ kind: '公告链接' as const, ref: 'https://example.gov.cn/notice/2' }] }] : []),
    { type: '系统填报', date: '2026-04-10', action: '变更' },
  );
}

const cases: RuleCases = {
  valid: [
    { name: 'host unit changed and announced', setup: (k) => moveToNewHost(k, true) },
    {
      name: 'a name change needs no announcement under this plan',
      setup: (k) =>
        void k.get('dept-weixin').events.push(
          { type: '变更备案', date: '2026-04-01', reason: '规范名称。', changes: [{ field: '账号名称', from: '辽宁卫健', to: '健康辽宁' }] },
          { type: '系统填报', date: '2026-04-10', action: '变更' },
        ),
    },
    { name: 'closed after institutional reform, with an announcement', setup: (k) => void k.get('dept-weixin').events.push(...closeEvents('2026-03-02')) },
    {
      name: 'a host change still in progress is not judged yet',
      setup: (k) => {
        moveToNewHost(k, false);
        k.get('dept-weixin').events.pop();
      },
    },
  ],
  invalid: [
    {
      name: 'host unit changed without announcement',
      setup: (k) => moveToNewHost(k, false),
      errors: [{ account: 'dept-weixin', pointer: ['events', 5, 'changes', 0], messageIncludes: '辽宁省原某厅', messageId: 'change' }],
    },
    {
      name: 'closed after institutional reform without announcement',
      setup: (k) => void k.get('dept-weixin').events.push(...closeEvents('2026-03-02').filter((e) => e.type !== '注销公告')),
      errors: [{ account: 'dept-weixin', pointer: ['events', 5], messageId: 'closure' }],
    },
    {
      name: 'closure filing that records the host change, deregistered without announcement',
      setup: (k) =>
        void k.get('dept-weixin').events.push(
          { type: '关停备案', date: '2026-06-01', reason: '账号不再保留。', changes: [{ field: '主办单位', from: '辽宁省卫生健康委员会', to: '（撤销）' }] },
          { type: '平台注销', date: '2026-07-01', evidence: [{ kind: '注销完成截图', ref: '档案 2026-009' }] },
        ),
      errors: [{ account: 'dept-weixin', pointer: ['events', 5], messageId: 'closure' }],
    },
  ],
};
export default cases;
