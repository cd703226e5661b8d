import { deadline } from '../../../../../scripts/policy/common/process.ts';
import { closeEvents } from '../../../../../scripts/policy/fixture.ts';
import { zg } from '../cite.ts';

export default deadline({
  name: 'closure-entry-within-3-workdays',
  title: { zh: '注销（下架）成功后3个工作日内完成系统填报', en: 'national-system entry within 3 working days of deregistration' },
  citation: zg('第九条（四）', '政务新媒体账号成功注销（移动客户端或APP成功下架）后，主办单位应在3个工作日内完成全国政务新媒体报送系统的信息填报工作'),
  works: ['关停'],
  from: ['平台注销', '应用下架'],
  to: ['系统填报'],
  amount: 3,
  unit: 'workdays',
  valid: [{ name: 'entered the next day', setup: (k) => void k.get('dept-weixin').events.push(...closeEvents('2026-03-02')) }],
  invalid: [
    {
      name: 'deregistered 2026-12-30, entered 2027-01-06: the deadline needs the 2027 calendar — a warning naming 2027',
      now: '2027-03-01',
      setup: (k) => {
        const evs = closeEvents('2026-11-02');
        evs[3]!.date = '2026-12-30';
        evs[4]!.date = '2027-01-06';
        k.get('dept-weixin').events.push(...evs);
      },
      errors: [{ account: 'dept-weixin', pointer: ['events', 9, 'date'], messageId: 'uncovered', data: { years: '2027' }, severity: 'warning' }],
    },
    {
      name: 'entered two weeks after deregistration',
      setup: (k) => {
        const evs = closeEvents('2026-03-02');
        evs[4]!.date = '2026-05-15';
        k.get('dept-weixin').events.push(...evs);
      },
      errors: [{ account: 'dept-weixin', pointer: ['events', 9, 'date'], messageId: 'late' }],
    },
  ],
});
