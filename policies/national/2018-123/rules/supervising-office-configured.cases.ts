/**
 * supervising-office-configured 规则的用例（tests/policy-rules.test.ts 运行；命令行不加载，不编入 dist/）。
 * Cases of the rule supervising-office-configured: run by tests/policy-rules.test.ts, never loaded by the CLI, not built.
 */
import type { RuleCases } from '#engine/dev/cases';

const cases: RuleCases = {
  valid: [
    { name: 'the city names its government office' },
    { name: 'a province that holds no units need not', setup: (k) => void k.region('hubei', { name: '湖北省', level: '省级' }) },
    {
      name: 'a central department in the root region, under 国务院办公厅 by name',
      setup: (k) => void k.unit('', { id: 'gwy-bm', name: '某部（虚构）', kind: '政府部门', level: '中央', region: '' }),
    },
  ],
  invalid: [
    {
      name: 'a county with units but no supervising office',
      setup: (k) => {
        k.region('sichuan/zigong/rx', { name: '四川省自贡市荣县', level: '县级' });
        k.unit('sichuan/zigong/rx', { id: 'rx-jyj', name: '荣县教育局', kind: '政府部门' });
      },
      errors: [{ region: 'sichuan/zigong/rx', pointer: [], messageIncludes: '没有写明本级主管单位', messageId: 'missing', data: { region: '四川省自贡市荣县' } }],
    },
  ],
};
export default cases;
