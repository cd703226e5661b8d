/**
 * unit-supervisor 规则的用例（tests/policy-rules.test.ts 运行；命令行不加载，不编入 dist/）。
 * Cases of the rule unit-supervisor: run by tests/policy-rules.test.ts, never loaded by the CLI, not built.
 */
import type { RuleCases } from '#engine/dev/cases';
import { addCounty, COUNTY } from '../kit.cases.ts';

const cases: RuleCases = {
  valid: [
    { name: 'no declared supervisor: the area\'s office supervises' },
    {
      name: 'a subordinate unit supervised by its department\'s office',
      setup: (k) => {
        k.unit('jiangsu/shili', { id: 'dept-bgs', name: '示例市卫生健康委员会办公室', kind: '内设机构', parent: 'dept' });
        k.unit('jiangsu/shili', { id: 'dept-cdc', name: '示例市疾病预防控制中心', kind: '部门下属单位', parent: 'dept', supervisor: 'dept-bgs' });
      },
    },
    {
      name: 'a vertically managed district branch supervised by the city department',
      setup: (k) => {
        addCounty(k);
        k.unit(COUNTY, { id: 'xq-fj', name: '示例市卫生健康委员会甲区分局（示例）', kind: '政府部门', parent: 'dept', supervisor: 'dept' });
      },
    },
  ],
  invalid: [
    {
      name: 'a unit named as its own supervisor',
      setup: (k) => {
        k.unit('jiangsu/shili', { id: 'dept-cdc', name: '示例市疾病预防控制中心', kind: '部门下属单位', parent: 'dept' });
        k.getUnit('dept-cdc').supervisor = 'dept-cdc';
      },
      errors: [{ unit: 'dept-cdc', pointer: ['supervisor'], messageId: 'self' }],
    },
    {
      name: 'a district department named as supervisor of its own unit',
      setup: (k) => {
        addCounty(k);
        k.unit(COUNTY, { id: 'xq-wjw', name: '示例市甲区卫生健康委员会', kind: '政府部门', level: '县级' });
        k.unit(COUNTY, { id: 'xq-cdc', name: '示例市甲区疾病预防控制中心', kind: '部门下属单位', parent: 'xq-wjw', supervisor: 'xq-wjw' });
      },
      errors: [{ unit: 'xq-cdc', pointer: ['supervisor'], messageId: 'notCity' }],
    },
    {
      name: 'the people\'s government as supervisor',
      setup: (k) => void (k.getUnit('dept').supervisor = 'zf'),
      errors: [{ unit: 'dept', pointer: ['supervisor'], messageIncludes: '人民政府', messageId: 'kind' }],
    },
    {
      name: 'a district unit supervised directly by the city office',
      setup: (k) => {
        addCounty(k);
        k.getUnit('xq').supervisor = 'bgs';
      },
      errors: [{ unit: 'xq', pointer: ['supervisor'], messageIncludes: '示例市甲区人民政府办公室', messageId: 'otherOffice' }],
    },
    {
      name: 'a unit of another department',
      setup: (k) => {
        k.unit('jiangsu/shili', { id: 'dept2', name: '示例市教育局', kind: '政府部门' });
        k.unit('jiangsu/shili', { id: 'dept-cdc', name: '示例市疾病预防控制中心', kind: '部门下属单位', parent: 'dept', supervisor: 'dept2' });
      },
      errors: [{ unit: 'dept-cdc', pointer: ['supervisor'], messageIncludes: '示例市教育局', messageId: 'notSystem' }],
    },
  ],
};
export default cases;
