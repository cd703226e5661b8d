/**
 * county-supervisor-opinion 规则的用例（tests/policy-rules.test.ts 运行；命令行不加载，不编入 dist/）。
 * Cases of the rule county-supervisor-opinion: run by tests/policy-rules.test.ts, never loaded by the CLI, not built.
 */
import type { RuleCases } from '#engine/dev/cases';
import { addCounty, countyOpenEvents } from '../helpers.cases.ts';

const cases: RuleCases = {
  valid: [
    { name: 'city accounts need no county opinion' },
    { name: 'county opening with the county office\'s approval', setup: (k) => addCounty(k, countyOpenEvents('2026-03-02')) },
    {
      name: 'county opening still pending (not yet entered) is the monitor\'s business',
      setup: (k) => addCounty(k, countyOpenEvents('2026-03-02').slice(0, 1)),
    },
  ],
  invalid: [
    {
      name: 'county opening approved only at the same level (level 同级)',
      setup: (k) => {
        const evs = countyOpenEvents('2026-03-02');
        evs[1]!.level = '同级';
        evs[1]!.reviewer = '金寨县梅山镇党政办公室';
        addCounty(k, evs);
      },
      errors: [{ account: 'jz-weixin', pointer: ['events', 5, 'type'], messageId: 'missing' }],
    },
    {
      name: 'county closure entered without the county opinion',
      setup: (k) => {
        const evs = countyOpenEvents('2026-03-02');
        evs.push(
          { type: '关停备案', date: '2026-06-01', reason: '整合至县政府网站集约化平台。', unitDecision: { decision: '同意', date: '2026-06-01', by: '县政府常务会议' } },
          { type: '注销公告', date: '2026-06-03', announcementDays: 30 },
          { type: '平台注销', date: '2026-07-20' },
          { type: '系统填报', date: '2026-07-21', action: '关停' },
        );
        addCounty(k, evs);
      },
      errors: [{ account: 'jz-weixin', pointer: ['events', 9, 'type'], messageIncludes: '关停', messageId: 'missing' }],
    },
  ],
};
export default cases;
