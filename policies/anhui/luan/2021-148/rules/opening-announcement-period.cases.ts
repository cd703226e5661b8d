/**
 * opening-announcement-period 规则的用例（tests/policy-rules.test.ts 运行；命令行不加载，不编入 dist/）。
 * Cases of the rule opening-announcement-period: run by tests/policy-rules.test.ts, never loaded by the CLI, not built.
 */
import type { RuleCases } from '#engine/dev/cases';
import type { FixtureKit } from '#engine/dev/fixture';

/** Record zf-weibo's opening announcement (events[5]) with the given date and period. */
function announceOpening(k: FixtureKit, period: { announcementDays?: number; announcementEnd?: string }, date = '2026-02-02'): void {
  k.get('zf-weibo').events.push({ type: '开设公告', date, ...period, evidence: [{ kind: '公告链接', ref: 'https://example.gov.cn/luan/notice/open-1' }] });
}

const cases: RuleCases = {
  valid: [
    { name: 'no opening announcement recorded (an owed announcement has no deadline: not judged here)' },
    { name: 'an opening announced 02-02 until 03-20 (30th working day over the Spring Festival)', setup: (k) => announceOpening(k, { announcementDays: 30, announcementEnd: '2026-03-20' }) },
  ],
  invalid: [
    {
      name: 'an opening announced before the supervising office approved',
      setup: (k) => void k.get('zf-weibo').events.splice(1, 0, { type: '开设公告', date: '2025-03-03', announcementDays: 30 }),
      errors: [{ account: 'zf-weibo', pointer: ['events', 1, 'date'], messageId: 'early', messageIncludesEn: 'before the supervising office approved', severity: 'error' }],
    },
    { name: 'an opening announced for 10 working days', setup: (k) => announceOpening(k, { announcementDays: 10 }), errors: [{ account: 'zf-weibo', pointer: ['events', 5, 'announcementDays'], messageId: 'days', data: { days: 10 } }] },
    {
      name: 'an opening announced 02-02 until 03-19: one working day short',
      setup: (k) => announceOpening(k, { announcementDays: 30, announcementEnd: '2026-03-19' }),
      errors: [{ account: 'zf-weibo', pointer: ['events', 5, 'announcementEnd'], messageId: 'end', data: { due: '2026-03-20' } }],
    },
    {
      name: 'two opening announcements: the second (a re-announcement) states 15 working days — every one is checked',
      setup: (k) => {
        announceOpening(k, { announcementDays: 30 });
        k.get('zf-weibo').events.push({ type: '开设公告', date: '2026-03-02', announcementDays: 15 });
      },
      errors: [{ account: 'zf-weibo', pointer: ['events', 6, 'announcementDays'], messageId: 'days', data: { date: '2026-03-02', days: 15 } }],
    },
    {
      name: 'an opening announced 2026-12-14 until 2027-01-20: whether that is 30 working days needs the 2027 calendar — a warning naming 2027',
      now: '2027-03-01',
      setup: (k) => announceOpening(k, { announcementDays: 30, announcementEnd: '2027-01-20' }, '2026-12-14'),
      errors: [{ account: 'zf-weibo', pointer: ['events', 5, 'announcementEnd'], messageId: 'uncovered', data: { years: '2027' }, severity: 'warning', actor: 'maintainers' }],
    },
  ],
};
export default cases;
