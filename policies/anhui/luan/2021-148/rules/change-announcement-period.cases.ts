/**
 * change-announcement-period 规则的用例（tests/policy-rules.test.ts 运行；命令行不加载，不编入 dist/）。
 * Cases of the rule change-announcement-period: run by tests/policy-rules.test.ts, never loaded by the CLI, not built.
 */
import type { RuleCases } from '#engine/dev/cases';
import type { FixtureKit } from '#engine/dev/fixture';

function change(k: FixtureKit, notice: { announcementDays?: number; announcementEnd?: string }): void {
  const a = k.get('dept-weixin');
  a.events.push(
    { type: '变更备案', date: '2026-01-26', reason: '机构更名，账号名称随之变更。', unitDecision: { decision: '同意', date: '2026-01-26', by: '主要负责人' }, changes: [{ field: '账号名称', from: '六安市卫计委发布', to: a.name }] },
    { type: '主管审核', date: '2026-01-27', decision: '同意', reviewer: '六安市人民政府办公室', level: '同级' },
    { type: '变更公告', date: '2026-02-02', ...notice },
  );
}

const cases: RuleCases = {
  valid: [
    { name: 'no change announcement recorded' },
    { name: 'announced 02-02 until 03-20 (30th working day over the Spring Festival)', setup: (k) => change(k, { announcementDays: 30, announcementEnd: '2026-03-20' }) },
  ],
  invalid: [
    {
      name: 'announced 2026-12-14 until 2027-01-20: whether that is 30 working days needs the 2027 calendar — a warning, not a pass',
      now: '2027-03-01',
      setup: (k) => {
        change(k, { announcementDays: 30, announcementEnd: '2027-01-20' });
        const evs = k.get('dept-weixin').events;
        evs[5]!.date = '2026-12-10';
        evs[5]!.unitDecision!.date = '2026-12-10';
        evs[6]!.date = '2026-12-11';
        evs[7]!.date = '2026-12-14';
      },
      errors: [{ account: 'dept-weixin', pointer: ['events', 7, 'announcementEnd'], messageId: 'uncovered', data: { years: '2027' }, severity: 'warning' }],
    },
    { name: 'announced for 10 working days', setup: (k) => change(k, { announcementDays: 10 }), errors: [{ account: 'dept-weixin', pointer: ['events', 7, 'announcementDays'], messageId: 'days' }] },
    {
      name: 'announced 02-02 until 03-19: one working day short',
      setup: (k) => change(k, { announcementDays: 30, announcementEnd: '2026-03-19' }),
      errors: [{ account: 'dept-weixin', pointer: ['events', 7, 'announcementEnd'], messageIncludes: '2026-03-20', messageId: 'end' }],
    },
  ],
};
export default cases;
