import { deadline } from '../../../../../scripts/policy/common/process.ts';
import { zg } from '../cite.ts';
import type { FixtureKit } from '../../../../../scripts/policy/fixture.ts';

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

export default deadline({
  name: 'change-entry-within-3-workdays',
  title: { zh: '平台完成信息变更后3个工作日内完成系统修改填报', en: 'national-system update within 3 working days of the platform change' },
  citation: zg('第十七条（三）', '第三方平台……完成信息变更后，主办单位应在3个工作日内完成全国政务新媒体报送系统的信息修改填报工作'),
  works: ['变更'],
  from: ['平台变更'],
  to: ['系统填报'],
  amount: 3,
  unit: 'workdays',
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
