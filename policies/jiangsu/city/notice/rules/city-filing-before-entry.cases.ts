/**
 * city-filing-before-entry 规则的用例（tests/policy-rules.test.ts 运行；命令行不加载，不编入 dist/）。
 * Cases of the rule city-filing-before-entry: run by tests/policy-rules.test.ts, never loaded by the CLI, not built.
 */
import type { RuleCases } from '#engine/dev/cases';
import { addCounty, countyOpenEvents } from '../kit.cases.ts';

const cases: RuleCases = {
  valid: [
    { name: 'city department: the city office\'s approval is the filing' },
    { name: 'county government: approved by the district office, reported to the city, then entered', setup: (k) => addCounty(k) },
    {
      name: 'a county opening before the notice came into force is not judged',
      setup: (k) => {
        addCounty(k);
        const a = k.get('xq-weixin');
        a.events = countyOpenEvents().filter((e) => e.type !== '上报备案');
        k.dates('xq-weixin', ['2019-09-02', '2019-09-03', '2019-09-04', '2019-09-05', '2019-09-06']);
      },
    },
  ],
  invalid: [
    {
      name: 'county account entered in the system without reporting to the city office',
      setup: (k) => {
        addCounty(k);
        k.get('xq-weixin').events = countyOpenEvents().filter((e) => e.type !== '上报备案');
      },
      errors: [{ account: 'xq-weixin', pointer: ['events', 4], messageIncludes: '上报备案', messageId: 'missing' }],
    },
    {
      name: 'county account reported to the city before its own office approved',
      setup: (k) => {
        addCounty(k);
        const [filing, review, report, ...rest] = countyOpenEvents();
        report!.date = '2025-06-09';
        k.get('xq-weixin').events = [filing!, report!, review!, ...rest];
      },
      errors: [{ account: 'xq-weixin', pointer: ['events', 1, 'date'], messageId: 'reportBeforeApproval' }],
    },
    {
      name: 'city account entered in the system before the approval',
      setup: (k) => {
        const [filing, review, reg, cert, entry] = k.get('dept-weixin').events;
        review!.date = '2025-03-10';
        k.get('dept-weixin').events = [filing!, reg!, cert!, entry!, review!];
      },
      errors: [{ account: 'dept-weixin', pointer: ['events', 3, 'date'], messageIncludes: '2025-03-10', messageId: 'early' }],
    },
  ],
};
export default cases;
