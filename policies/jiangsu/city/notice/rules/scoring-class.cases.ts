/**
 * scoring-class 规则的用例（tests/policy-rules.test.ts 运行；命令行不加载，不编入 dist/）。
 * Cases of the rule scoring-class: run by tests/policy-rules.test.ts, never loaded by the CLI, not built.
 */
import type { RuleCases } from '#engine/dev/cases';
import { addCounty } from '../kit.cases.ts';

const cases: RuleCases = {
  valid: [
    { name: 'city department classed 市级部门; city government and office unclassed' },
    { name: 'district government classed 县区功能区', setup: (k) => addCounty(k) },
    { name: 'a city department without accounts needs no class', setup: (k) => void k.unit('jiangsu/shili', { id: 'dept2', name: '示例市教育局', kind: '政府部门' }) },
  ],
  invalid: [
    {
      name: 'a city department with accounts but no class',
      setup: (k) => void delete k.getUnit('dept').scoringClass,
      errors: [{ unit: 'dept', pointer: ['kind'], messageIncludes: '市级部门', messageId: 'missing', actor: 'supervisor', severity: 'warning' }],
    },
    {
      name: 'a district government classed as a city department',
      setup: (k) => {
        addCounty(k);
        k.getUnit('xq').scoringClass = '市级部门';
      },
      errors: [{ unit: 'xq', pointer: ['scoringClass'], messageIncludes: '县区功能区', messageId: 'wrong', actor: 'supervisor' }],
    },
  ],
};
export default cases;
