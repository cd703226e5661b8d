/**
 * forwarded-to-city-office 规则的用例（tests/policy-rules.test.ts 运行；命令行不加载，不编入 dist/）。
 * Cases of the rule forwarded-to-city-office: run by tests/policy-rules.test.ts, never loaded by the CLI, not built.
 */
import type { RuleCases } from '#engine/dev/cases';
import { type FixtureKit, openEvents } from '#engine/dev/fixture';

function district(k: FixtureKit, forwarded: boolean): void {
  k.region('sichuan/zigong/qu', { name: '四川省自贡市某区（虚构）', level: '县级', supervisingOffice: 'qu-bgs' });
  k.unit('sichuan/zigong/qu', { id: 'qu-bgs', name: '某区人民政府办公室（虚构）', kind: '政府办公室' });
  k.unit('sichuan/zigong/qu', { id: 'qu-zf', name: '某区人民政府（虚构）', kind: '人民政府' });
  const evs = openEvents('2026-05-11');
  evs[1]!.reviewer = '某区人民政府办公室（虚构）';
  if (forwarded) evs.splice(2, 0, { type: '上报备案', date: evs[1]!.date, level: '市级', note: '报自贡市人民政府办公室，抄送市政务服务和数字化管理局。' });
  k.account('qu-zf', { id: 'qu-weixin', name: '某区发布（虚构）', platform: '微信公众号', events: evs });
}

const cases: RuleCases = {
  valid: [
    { name: 'a city department reports to the city office directly' },
    { name: 'a district account forwarded to the city office', setup: (k) => district(k, true) },
    {
      name: 'an opening still under way need not be forwarded yet',
      setup: (k) => {
        district(k, false);
        k.get('qu-weixin').events.splice(3);
      },
    },
  ],
  invalid: [
    { name: 'a district opening completed without forwarding', setup: (k) => district(k, false), errors: [{ account: 'qu-weixin', pointer: ['events', 0], messageId: 'notForwarded', actor: 'supervisor', severity: 'warning' }] },
    {
      name: 'a unit of a vertically managed system, supervised by the city department, not forwarded',
      setup: (k) => {
        district(k, true);
        k.unit('sichuan/zigong/qu', { id: 'qu-fj', name: '自贡市公安局某区分局（虚构）', kind: '政府部门', supervisor: 'dept' });
        k.account('qu-fj', { id: 'fj-weibo', name: '某区公安（虚构）', platform: '新浪微博', events: openEvents('2026-05-11') });
      },
      errors: [{ account: 'fj-weibo', pointer: ['events', 0], messageId: 'notForwarded', actor: 'supervisor' }],
    },
  ],
};
export default cases;
