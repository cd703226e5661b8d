/**
 * host-change-announced 规则的用例（tests/policy-rules.test.ts 运行；命令行不加载，不编入 dist/）。
 * Cases of the rule host-change-announced: run by tests/policy-rules.test.ts, never loaded by the CLI, not built.
 */
import type { RuleCases } from '#engine/dev/cases';
import type { FixtureKit } from '#engine/dev/fixture';

/**
 * 四、（一）：政务新媒体主办单位发生变化的，应及时注销或变更账号信息，并向社会公告。
 * 办结（系统填报）的变更备案，其 changes 含“主办单位”的，该次办理中须有“变更公告”；关停备案的 changes 含
 * “主办单位”的（因主办单位变化而注销），该次办理中须有“注销公告”。“及时”没有规定期限，不检查。
 */
function moveToNewHost(k: FixtureKit, announce: boolean): void {
  k.get('dept-weixin').events.push(
    { type: '变更备案', date: '2026-04-01', reason: '机构改革后职能划转，账号随之移交。', changes: [{ field: '主办单位', from: '自贡市原某局', to: '自贡市卫生健康委员会' }] },
    { type: '主管审核', date: '2026-04-03', decision: '同意', reviewer: '自贡市人民政府办公室' },
    { type: '平台变更', date: '2026-04-08' },
    ...(announce ? [{ type: '变更公告' as const, date: '2026-04-09', evidence: [{ kind: '公告链接' as const, ref: 'https://example.gov.cn/notice/2' }] }] : []),
    { type: '系统填报', date: '2026-04-10', action: '变更' },
  );
}

const cases: RuleCases = {
  valid: [
    { name: 'host change announced', setup: (k) => moveToNewHost(k, true) },
    {
      name: 'a change of another field needs no announcement under this clause',
      setup: (k) =>
        void k.get('dept-weixin').events.push(
          { type: '变更备案', date: '2026-04-01', reason: '账号更名。', changes: [{ field: '账号名称', from: '健康自贡', to: '健康自贡发布' }] },
          { type: '主管审核', date: '2026-04-03', decision: '同意', reviewer: '自贡市人民政府办公室' },
          { type: '系统填报', date: '2026-04-10', action: '变更' },
        ),
    },
  ],
  invalid: [
    {
      name: 'host change completed without announcement',
      setup: (k) => moveToNewHost(k, false),
      errors: [{ account: 'dept-weixin', pointer: ['events', 5, 'changes', 0], messageIncludes: '没有记录“变更公告”', messageId: 'change', data: { from: '自贡市原某局', to: '自贡市卫生健康委员会', date: '2026-04-01' } }],
    },
    {
      name: 'closure because the host changed, without a closure notice',
      setup: (k) =>
        void k.get('dept-weixin').events.push(
          { type: '关停备案', date: '2026-04-01', reason: '机构改革，主办单位撤并。', unitDecision: { decision: '同意', date: '2026-04-01', by: '主要负责人' }, changes: [{ field: '主办单位', from: '自贡市原某局', to: '（撤销）' }] },
          { type: '主管审核', date: '2026-04-02', decision: '同意', reviewer: '自贡市人民政府办公室' },
          { type: '平台注销', date: '2026-05-20' },
          { type: '系统填报', date: '2026-05-21', action: '关停' },
        ),
      errors: [{ account: 'dept-weixin', pointer: ['events', 5], messageIncludes: '没有记录“注销公告”', messageId: 'closure', data: { date: '2026-04-01' } }],
    },
  ],
};
export default cases;
