/**
 * key-info-matches-change-filing 规则的用例（tests/policy-rules.test.ts 运行；命令行不加载，不编入 dist/）。
 * Cases of the rule key-info-matches-change-filing: run by tests/policy-rules.test.ts, never loaded by the CLI, not built.
 */
import type { RuleCases } from '#engine/dev/cases';
import type { FixtureKit } from '#engine/dev/fixture';

function rename(k: FixtureKit, to: string, fileName: string, complete = true): void {
  const a = k.get('dept-weixin');
  a.events.push(
    { type: '变更备案', date: '2026-04-01', reason: '统一各平台账号名称。', unitDecision: { decision: '同意', date: '2026-04-01', by: '主要负责人' }, changes: [{ field: '账号名称', from: a.name, to }], stillSupervised: true },
    { type: '主管审核', date: '2026-04-02', decision: '同意', reviewer: '自贡市人民政府办公室' },
  );
  if (complete) a.events.push({ type: '平台变更', date: '2026-04-03' }, { type: '系统填报', date: '2026-04-07', action: '变更' });
  a.name = fileName;
}

const cases: RuleCases = {
  valid: [
    { name: 'no change recorded' },
    { name: 'renamed and the file carries the new name', setup: (k) => rename(k, '健康自贡发布', '健康自贡发布') },
    { name: 'a rename still under way may keep the old name', setup: (k) => rename(k, '健康自贡发布', '健康自贡', false) },
  ],
  invalid: [
    { name: 'renamed, but the file still carries the old name', setup: (k) => rename(k, '健康自贡发布', '健康自贡'), errors: [{ account: 'dept-weixin', pointer: ['name'], messageIncludes: '健康自贡发布', messageId: 'stale' }] },
    {
      name: 'the category was changed by filing but the file says otherwise',
      setup: (k) => {
        const a = k.get('dept-weixin');
        a.events.push(
          { type: '变更备案', date: '2026-04-01', reason: '机构改革后认证主体分类调整。', unitDecision: { decision: '同意', date: '2026-04-01', by: '主要负责人' }, changes: [{ field: '认证主体分类', from: '政府部门', to: '承担行政职能的事业单位' }], stillSupervised: true },
          { type: '主管审核', date: '2026-04-02', decision: '同意', reviewer: '自贡市人民政府办公室' },
          { type: '平台变更', date: '2026-04-03' },
          { type: '系统填报', date: '2026-04-07', action: '变更' },
        );
      },
      errors: [{ account: 'dept-weixin', pointer: ['certifiedEntity', 'category'], messageId: 'stale' }],
    },
  ],
};
export default cases;
