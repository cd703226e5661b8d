/**
 * county-report-to-city 规则的用例（tests/policy-rules.test.ts 运行；命令行不加载，不编入 dist/）。
 * Cases of the rule county-report-to-city: run by tests/policy-rules.test.ts, never loaded by the CLI, not built.
 */
import type { RuleCases } from '#engine/dev/cases';
import { addCounty, countyOpenEvents } from '../helpers.cases.ts';

const cases: RuleCases = {
  valid: [
    { name: 'city accounts are reported by their own approval' },
    { name: 'county opening reported to the city', setup: (k) => addCounty(k, countyOpenEvents('2026-03-02')) },
  ],
  invalid: [
    {
      name: 'county opening entered without reporting to the city',
      setup: (k) => addCounty(k, countyOpenEvents('2026-03-02').filter((e) => e.type !== '上报备案')),
      errors: [{ account: 'jz-weixin', pointer: ['events', 4, 'type'], messageId: 'missing' }],
    },
    {
      name: 'an upward filing to the county level only does not reach the city',
      setup: (k) => {
        const evs = countyOpenEvents('2026-03-02');
        evs[2]!.level = '县区';
        addCounty(k, evs);
      },
      errors: [{ account: 'jz-weixin', pointer: ['events', 5, 'type'], messageId: 'missing' }],
    },
  ],
};
export default cases;
