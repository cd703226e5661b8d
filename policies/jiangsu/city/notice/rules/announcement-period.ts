import { announcementPeriod } from '../../../../../scripts/policy/common/process.ts';
import type { FixtureKit } from '../../../../../scripts/policy/fixture.ts';
import { ART, Q_ANNOUNCE, js } from '../cite.ts';
import { cityCloseEvents } from '../kit.ts';

/** A closure announced on 2026-09-28 (just before National Day) and deregistered on `deregistered`. */
function closeOverNationalDay(k: FixtureKit, deregistered: string, entered: string): void {
  const evs = cityCloseEvents();
  evs[0]!.date = '2026-09-25';
  evs[0]!.unitDecision!.date = '2026-09-25';
  evs[1]!.date = '2026-09-28';
  delete evs[1]!.announcementEnd;
  evs[2]!.date = deregistered;
  evs[3]!.date = deregistered;
  evs[4]!.date = entered;
  k.get('dept-weixin').events.push(...evs);
}

/** 关停、注销须向社会公告，公告时间不少于15个工作日：注销公告后满15个工作日才能在平台注销（下架）。 */
export default announcementPeriod({
  citation: js(ART.filing, Q_ANNOUNCE),
  workdays: 15,
  valid: [
    { name: 'announced 03-03, deregistered on the 15th working day after (03-25)', setup: (k) => void k.get('dept-weixin').events.push(...cityCloseEvents()) },
    {
      name: 'announced 09-28, National Day off and the 10-10 Saturday make-up day counted: deregistered 10-23',
      setup: (k) => closeOverNationalDay(k, '2026-10-23', '2026-10-26'),
    },
  ],
  invalid: [
    {
      name: 'deregistered 10-22: one working day short once the National Day holiday is left out',
      setup: (k) => closeOverNationalDay(k, '2026-10-22', '2026-10-23'),
      errors: [{ account: 'dept-weixin', pointer: ['events', 8, 'date'], messageIncludes: '2026-10-23', messageId: 'short' }],
    },
    {
      name: 'the announcement itself states 10 working days',
      setup: (k) => {
        const evs = cityCloseEvents();
        evs[1]!.announcementDays = 10;
        k.get('dept-weixin').events.push(...evs);
      },
      errors: [{ account: 'dept-weixin', pointer: ['events', 6, 'announcementDays'], messageId: 'declared' }],
    },
  ],
});
