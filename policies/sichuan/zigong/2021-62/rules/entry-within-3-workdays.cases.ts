/**
 * entry-within-3-workdays 规则的用例（tests/policy-rules.test.ts 运行；命令行不加载，不编入 dist/）。
 * Cases of the rule entry-within-3-workdays: run by tests/policy-rules.test.ts, never loaded by the CLI, not built.
 */
import type { RuleCases } from '#engine/dev/cases';
import { type FixtureKit, openEvents } from '#engine/dev/fixture';

/**
 * A backfill by dept (which already has dept-weixin in the system): the account was certified in 2020, filed on
 * 2026-06-01, approved on `approved`, entered on `entered`.
 */
function backfill(k: FixtureKit, approved: string, entered: string): void {
  k.account('dept', {
    id: 'dept-weibo',
    name: '健康自贡',
    platform: '新浪微博',
    events: [
      { type: '平台认证', date: '2020-06-15' },
      { type: '补录备案', date: '2026-06-01', reason: '账号2020年开通后未备案，现补办开设手续；信息来源为本单位，由办公室负责每周更新。', unitDecision: { decision: '同意', date: '2026-06-01', by: '主要负责人' } },
      { type: '主管审核', date: approved, decision: '同意', reviewer: '自贡市人民政府办公室', level: '同级' },
      { type: '系统填报', date: entered, action: '补录' },
    ],
  });
}

const cases: RuleCases = {
  valid: [
    { name: 'entered the day after certification' },
    { name: 'a backfill entered on the 3rd working day after the approval (06-03 → 06-08 over the weekend)', setup: (k) => backfill(k, '2026-06-03', '2026-06-08') },
    {
      name: 'an adoption record (补录备案 with status) is not a filing through the register: no entry deadline',
      setup: (k) => void k.account('dept', { id: 'dept-weibo', name: '健康自贡', platform: '新浪微博', events: [{ type: '补录备案', date: '2026-06-01', status: '正常', reason: '接入本库，导入存量账号。', unitDecision: { decision: '同意', date: '2026-06-01', by: '主要负责人' } }] }),
    },
    {
      name: 'certified before Spring Festival, entered on the 3rd working day (02-14 Saturday counts)',
      setup: (k) => k.dates('dept-weixin', ['2026-02-09', '2026-02-10', '2026-02-10', '2026-02-12', '2026-02-24']),
    },
    {
      name: 'a first-time unit counts from the day it received its system account',
      setup: (k) => {
        k.dates('dept-weixin', ['2026-03-02', '2026-03-03', '2026-03-04', '2026-03-05', '2026-03-13']);
        k.get('dept-weixin').events[4]!.note = '本单位首次开设，2026-03-11 收到报送系统账户。';
      },
    },
  ],
  invalid: [
    {
      name: 'certified 2026-12-30, entered 2027-01-06: the deadline needs the 2027 calendar — a warning naming 2027',
      now: '2027-03-01',
      setup: (k) => k.dates('dept-weixin', ['2026-12-28', '2026-12-29', '2026-12-29', '2026-12-30', '2027-01-06']),
      errors: [{ account: 'dept-weixin', pointer: ['events', 4, 'date'], messageId: 'uncovered', data: { years: '2027' }, severity: 'warning' }],
    },
    {
      name: 'a first-time unit that received its system account 2026-12-30 and entered 2027-01-06: the receipt path needs the 2027 calendar too',
      now: '2027-03-01',
      setup: (k) => {
        k.dates('dept-weixin', ['2026-12-14', '2026-12-15', '2026-12-15', '2026-12-16', '2027-01-06']);
        k.get('dept-weixin').events[4]!.note = '2026-12-30 收到报送系统账户。';
      },
      errors: [{ account: 'dept-weixin', pointer: ['events', 4, 'date'], messageId: 'uncovered', data: { years: '2027' }, severity: 'warning' }],
    },
    {
      name: 'entered a week after certification',
      setup: (k) => k.dates('dept-weixin', ['2026-03-02', '2026-03-03', '2026-03-04', '2026-03-05', '2026-03-13']),
      errors: [{ account: 'dept-weixin', pointer: ['events', 4, 'date'], messageId: 'firstTime' }],
    },
    {
      name: 'a unit that already has an account in the system: late entry across National Day is an error',
      setup: (k) => {
        // certified 09-29; working days after: 09-30, 10-08, 10-09 → due 10-09; entered 10-12
        k.account('dept', { id: 'dept-weibo', name: '健康自贡', platform: '新浪微博', events: openEvents('2026-09-21').map((e, i) => ({ ...e, date: ['2026-09-21', '2026-09-22', '2026-09-24', '2026-09-29', '2026-10-12'][i]! })) });
      },
      errors: [{ account: 'dept-weibo', pointer: ['events', 4, 'date'], messageIncludes: '2026-10-09', severity: 'error', messageId: 'late' }],
    },
    {
      name: 'a first-time unit: late entry is a warning asking for the date the system account was received',
      setup: (k) => k.dates('dept-weixin', ['2026-03-02', '2026-03-03', '2026-03-04', '2026-03-05', '2026-03-13']),
      errors: [{ account: 'dept-weixin', pointer: ['events', 4, 'date'], messageIncludes: '首次开设', severity: 'warning', messageId: 'firstTime' }],
    },
    {
      name: 'a first-time unit late even from the day it received its system account',
      setup: (k) => {
        k.dates('dept-weixin', ['2026-03-02', '2026-03-03', '2026-03-04', '2026-03-05', '2026-03-13']);
        k.get('dept-weixin').events[4]!.note = '2026-03-06 收到报送系统账户。';
      },
      errors: [{ account: 'dept-weixin', pointer: ['events', 4, 'date'], messageIncludes: '2026-03-11', severity: 'error', messageId: 'lateFromReceipt' }],
    },
    {
      name: 'a backfill of a unit already in the system: approved 2026-06-03, entered 06-12 — late (due 3 working days after the approval, 06-08)',
      setup: (k) => backfill(k, '2026-06-03', '2026-06-12'),
      errors: [{ account: 'dept-weibo', pointer: ['events', 3, 'date'], messageId: 'late', data: { fromType: '主管审核', fromDate: '2026-06-03', due: '2026-06-08' }, severity: 'error' }],
    },
    {
      name: 'a backfill approved 2026-12-30 and entered 2027-01-06: needs the 2027 calendar — a warning naming 2027',
      now: '2027-03-01',
      setup: (k) => backfill(k, '2026-12-30', '2027-01-06'),
      errors: [{ account: 'dept-weibo', pointer: ['events', 3, 'date'], messageId: 'uncovered', data: { years: '2027' }, severity: 'warning' }],
    },
  ],
};
export default cases;
