/**
 * region-supervising-office 规则的用例（tests/policy-rules.test.ts 运行；命令行不加载，不编入 dist/）。
 * Cases of the rule region-supervising-office: run by tests/policy-rules.test.ts, never loaded by the CLI, not built.
 */
import type { RuleCases } from '#engine/dev/cases';
import type { FixtureKit } from '#engine/dev/fixture';
import type { RegionFile } from '#engine/generated/types';
import { addCounty, COUNTY } from '../kit.cases.ts';

/** The region document of a case's kit. */
function regionOf(k: FixtureKit, id: string): RegionFile {
  return k.files.get(`${id}/region.json`) as unknown as RegionFile;
}

const cases: RuleCases = {
  valid: [
    { name: 'the city names its government office' },
    { name: 'a district names its own government office', setup: (k) => addCounty(k) },
    {
      name: 'a district whose office is not yet registered gives its name',
      setup: (k) => {
        addCounty(k);
        const r = regionOf(k, COUNTY);
        delete r.supervisingOffice;
        r.supervisingOfficeName = '示例市甲区人民政府办公室';
      },
    },
  ],
  invalid: [
    {
      name: 'a district without its own supervising office',
      setup: (k) => {
        addCounty(k);
        delete regionOf(k, COUNTY).supervisingOffice;
      },
      errors: [{ region: COUNTY, pointer: [], messageIncludes: '县区（功能区）政府办公室', messageId: 'missing' }],
    },
    {
      name: 'a district pointing at the city office',
      setup: (k) => {
        addCounty(k);
        regionOf(k, COUNTY).supervisingOffice = 'bgs';
      },
      errors: [{ region: COUNTY, pointer: ['supervisingOffice'], messageId: 'otherRegion' }],
    },
    {
      name: 'the city pointing at the people\'s government instead of its office',
      setup: (k) => void (regionOf(k, 'jiangsu/shili').supervisingOffice = 'zf'),
      errors: [{ region: 'jiangsu/shili', pointer: ['supervisingOffice'], messageIncludes: '人民政府', messageId: 'notOffice' }],
    },
  ],
};
export default cases;
