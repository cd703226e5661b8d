/**
 * supervising-office-configured 规则的用例（tests/policy-rules.test.ts 运行；命令行不加载，不编入 dist/）。
 * Cases of the rule supervising-office-configured: run by tests/policy-rules.test.ts, never loaded by the CLI, not built.
 */
import type { RuleCases } from '#engine/dev/cases';

const cases: RuleCases = {
  valid: [
    { name: 'the province names its government office' },
    {
      name: 'a city names an office not yet in the register by name',
      setup: (k) => void k.region('liaoning/city', { name: '辽宁省某市', level: '市级', supervisingOfficeName: '某市人民政府办公室' }),
    },
    {
      name: 'regions outside Liaoning are not judged',
      setup: (k) => void k.region('other', { name: '某省', level: '省级' }),
    },
  ],
  invalid: [
    {
      name: 'a city without a supervising office',
      setup: (k) => void k.region('liaoning/city', { name: '辽宁省某市', level: '市级' }),
      errors: [{ region: 'liaoning/city', pointer: [], messageId: 'missing' }],
    },
    {
      name: 'a city pointing at the provincial office',
      setup: (k) => void k.region('liaoning/city', { name: '辽宁省某市', level: '市级', supervisingOffice: 'bgs' }),
      errors: [{ region: 'liaoning/city', pointer: ['supervisingOffice'], messageIncludes: '另一地区', messageId: 'otherRegion' }],
    },
    {
      name: 'a department named as supervising office',
      setup: (k) => {
        k.region('liaoning/city', { name: '辽宁省某市', level: '市级', supervisingOffice: 'city-xxzx' });
        k.unit('liaoning/city', { id: 'city-xxzx', name: '某市大数据管理局', kind: '政府部门' });
      },
      errors: [{ region: 'liaoning/city', pointer: ['supervisingOffice'], messageIncludes: '政府部门', messageId: 'notOffice' }],
    },
  ],
};
export default cases;
