/**
 * complete-within-1-month 规则的用例（tests/policy-rules.test.ts 运行；命令行不加载，不编入 dist/）。
 * Cases of the rule complete-within-1-month: run by tests/policy-rules.test.ts, never loaded by the CLI, not built.
 */
import type { RuleCases } from '#engine/dev/cases';
import { closeEvents, type FixtureKit } from '#engine/dev/fixture';

function closeOn(k: FixtureKit, announced: string, dereg: string): void {
  const evs = closeEvents('2026-01-28');
  evs[1]!.date = '2026-01-29';
  evs[2]!.date = announced;
  evs[3]!.date = dereg;
  evs[4]!.date = dereg;
  k.get('dept-weixin').events.push(...evs);
}

function changeOn(k: FixtureKit, platformChanged: string, upperApproval?: string): void {
  const a = k.get('dept-weixin');
  a.events.push(
    { type: '变更备案', date: '2026-04-01', reason: '机构更名，账号名称随之变更。', unitDecision: { decision: '同意', date: '2026-04-01', by: '主要负责人' }, changes: [{ field: '账号名称', from: '六安市卫计委发布', to: a.name }] },
    { type: '主管审核', date: '2026-04-02', decision: '同意', reviewer: '六安市人民政府办公室', level: '同级' },
    ...(upperApproval ? [{ type: '主管审核' as const, date: upperApproval, decision: '同意' as const, reviewer: '安徽省人民政府办公厅', level: '省级' as const }] : []),
    { type: '平台变更', date: platformChanged },
    { type: '系统填报', date: platformChanged, action: '变更' },
  );
}

const cases: RuleCases = {
  valid: [
    { name: 'closure: deregistered 60 days after filing', setup: (k) => void k.get('dept-weixin').events.push(...closeEvents('2026-03-02')) },
    {
      name: 'closure: announced 02-02 (ends 03-20 over the Spring Festival), deregistered 04-20, exactly 1 month later',
      setup: (k) => closeOn(k, '2026-02-02', '2026-04-20'),
    },
    { name: 'change: renamed on the platform 2 weeks after approval', setup: (k) => changeOn(k, '2026-04-16') },
    {
      name: 'change approved level by level (04-02, then 04-20): renamed 05-15, more than a month after the first approval but within a month of the last',
      setup: (k) => changeOn(k, '2026-05-15', '2026-04-20'),
    },
  ],
  invalid: [
    {
      name: 'closure: announced 2026-12-14, deregistered 2027-03-15: the end of the announcement needs the 2027 calendar — a warning',
      now: '2027-04-01',
      setup: (k) => closeOn(k, '2026-12-14', '2027-03-15'),
      errors: [{ account: 'dept-weixin', pointer: ['events', 8, 'date'], messageId: 'uncovered', data: { years: '2027' }, severity: 'warning' }],
    },
    {
      name: 'closure: announced 02-02 (ends 03-20), deregistered 04-21',
      setup: (k) => closeOn(k, '2026-02-02', '2026-04-21'),
      errors: [{ account: 'dept-weixin', pointer: ['events', 8, 'date'], messageIncludes: '2026-03-20', messageId: 'lateClose' }],
    },
    {
      name: 'change approved level by level (04-02, then 04-20): renamed 05-21, a month and a day after the last approval',
      setup: (k) => changeOn(k, '2026-05-21', '2026-04-20'),
      errors: [{ account: 'dept-weixin', pointer: ['events', 8, 'date'], messageId: 'lateChange', data: { from: '2026-04-20', due: '2026-05-20' } }],
    },
    {
      name: 'change: renamed on the platform 5 weeks after approval',
      setup: (k) => changeOn(k, '2026-05-08'),
      errors: [{ account: 'dept-weixin', pointer: ['events', 7, 'date'], messageIncludes: '2026-05-02', messageId: 'lateChange', severity: 'error' }],
    },
    {
      name: 'change renamed 5 weeks after approval, the platform\'s delay reported before: a warning for the government office to coordinate, not the unit\'s error',
      setup: (k) => {
        changeOn(k, '2026-05-08');
        const evs = k.get('dept-weixin').events;
        evs.splice(7, 0, { type: '逾期报告', date: '2026-04-30', note: '平台方长期未受理名称变更申请，已报市政府办公室协调。' });
      },
      errors: [{ account: 'dept-weixin', pointer: ['events', 8, 'date'], messageId: 'platformDelay', data: { reported: '2026-04-30', due: '2026-05-02' }, messageIncludesEn: 'the government office coordinates', actor: 'supervisor', severity: 'warning' }],
    },
  ],
};
export default cases;
