import { announcementPeriod } from '../../../../../scripts/policy/common/process.ts';
import type { FixtureKit } from '../../../../../scripts/policy/fixture.ts';
import { closeEvents } from '../../../../../scripts/policy/fixture.ts';
import { la } from '../cite.ts';

/** Close dept-weixin with the announcement on 2026-02-02 (before the Spring Festival) and deregistration on `dereg`. */
function closeOverSpringFestival(k: FixtureKit, dereg: string): void {
  const evs = closeEvents('2026-01-28');
  evs[1]!.date = '2026-01-29';
  evs[2]!.date = '2026-02-02';
  evs[3]!.date = dereg;
  evs[4]!.date = dereg;
  k.get('dept-weixin').events.push(...evs);
}

export default announcementPeriod({
  citation: la('第八条', '核准后在新媒体系统完成相关操作并向社会公告，公告时间不少于30个工作日'),
  workdays: 30,
  valid: [
    {
      name: 'announced 02-02, deregistered on the 30th working day 03-20 (Spring Festival off, 02-14 and 02-28 Saturdays count)',
      setup: (k) => closeOverSpringFestival(k, '2026-03-20'),
    },
  ],
  invalid: [
    {
      name: 'announced 02-02, deregistered 03-19: only 29 working days',
      setup: (k) => closeOverSpringFestival(k, '2026-03-19'),
      errors: [{ account: 'dept-weixin', pointer: ['events', 8, 'date'], messageIncludes: '2026-03-20' }],
    },
    {
      name: 'the announcement itself states 15 working days',
      setup: (k) => {
        const evs = closeEvents('2026-03-02');
        evs[2]!.announcementDays = 15;
        k.get('dept-weixin').events.push(...evs);
      },
      errors: [{ account: 'dept-weixin', pointer: ['events', 7, 'announcementDays'] }],
    },
  ],
});
