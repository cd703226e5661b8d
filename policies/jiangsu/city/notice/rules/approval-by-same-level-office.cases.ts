/**
 * approval-by-same-level-office 规则的用例（tests/policy-rules.test.ts 运行；命令行不加载，不编入 dist/）。
 * Cases of the rule approval-by-same-level-office: run by tests/policy-rules.test.ts, never loaded by the CLI, not built.
 */
import type { RuleCases } from '#engine/dev/cases';
import { addCounty } from '../kit.cases.ts';

const cases: RuleCases = {
  valid: [
    { name: 'city department approved by the city office at the same level' },
    { name: 'a 市级 unit may record the city office\'s review as level 市级', setup: (k) => void (k.get('dept-weixin').events[1]!.level = '市级') },
    { name: 'county government approved by the district office, then reported to the city', setup: (k) => addCounty(k) },
    { name: 'a county unit may record its own office\'s review as level 县区', setup: (k) => { addCounty(k); k.get('xq-weixin').events[1]!.level = '县区'; } },
    {
      name: 'reviews before the notice came into force are not judged',
      setup: (k) => {
        k.dates('dept-weixin', ['2020-05-06', '2020-05-07', '2020-05-08', '2020-05-09', '2020-05-11']);
        delete k.get('dept-weixin').events[1]!.level;
      },
    },
  ],
  invalid: [
    {
      name: 'a county account approved only by the city office',
      setup: (k) => {
        addCounty(k);
        Object.assign(k.get('xq-weixin').events[1]!, { level: '市级', reviewer: '示例市人民政府办公室' });
      },
      errors: [{ account: 'xq-weixin', pointer: ['events', 1, 'level'], messageIncludes: '示例市甲区人民政府办公室', messageId: 'otherLevel' }],
    },
    {
      name: 'review level not recorded',
      setup: (k) => void delete k.get('dept-weixin').events[1]!.level,
      errors: [{ account: 'dept-weixin', pointer: ['events', 1], messageId: 'noLevel' }],
    },
  ],
};
export default cases;
