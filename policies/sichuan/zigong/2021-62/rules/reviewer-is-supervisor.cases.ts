/**
 * reviewer-is-supervisor 规则的用例（tests/policy-rules.test.ts 运行；命令行不加载，不编入 dist/）。
 * Cases of the rule reviewer-is-supervisor: run by tests/policy-rules.test.ts, never loaded by the CLI, not built.
 */
import type { RuleCases } from '#engine/dev/cases';
import { type FixtureKit, openEvents } from '#engine/dev/fixture';

function district(k: FixtureKit, reviewer: string): void {
  k.region('sichuan/zigong/qu', { name: '四川省自贡市某区（虚构）', level: '县级', supervisingOffice: 'qu-bgs' });
  k.unit('sichuan/zigong/qu', { id: 'qu-bgs', name: '某区人民政府办公室（虚构）', kind: '政府办公室' });
  k.unit('sichuan/zigong/qu', { id: 'qu-zf', name: '某区人民政府（虚构）', kind: '人民政府' });
  const evs = openEvents('2026-05-11');
  evs[1]!.reviewer = reviewer;
  k.account('qu-zf', { id: 'qu-weixin', name: '某区发布（虚构）', platform: '微信公众号', events: evs });
}

const cases: RuleCases = {
  valid: [
    { name: 'reviewed by the city office', setup: (k) => void (k.get('dept-weixin').events[1]!.reviewer = '自贡市人民政府办公室') },
    { name: 'a district unit reviewed by the district office', setup: (k) => district(k, '某区人民政府办公室（虚构）') },
    { name: 'a district unit reviewed by the city office (the supervisor of the whole city)', setup: (k) => district(k, '自贡市人民政府办公室') },
    { name: 'a reviewer the register does not know is not judged' },
  ],
  invalid: [
    {
      name: 'the department reviews its own account',
      setup: (k) => void (k.get('dept-weixin').events[1]!.reviewer = '自贡市卫生健康委员会'),
      errors: [{ account: 'dept-weixin', pointer: ['events', 1, 'reviewer'], messageIncludes: '自己', messageId: 'self' }],
    },
    {
      name: 'a district unit reviewed by a city department',
      setup: (k) => district(k, '市卫健委'),
      errors: [{ account: 'qu-weixin', pointer: ['events', 1, 'reviewer'], messageIncludes: '某区人民政府办公室（虚构）', messageId: 'other' }],
    },
  ],
};
export default cases;
