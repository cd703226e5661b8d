/**
 * 本模块的样例登记簿（只供测试：tests/policy-rules.test.ts 等；命令行不加载，不编入 dist/）。
 * The module's sample register, for the tests only: never loaded by the CLI, not built.
 */
import type { FixtureKit } from '#engine/dev/fixture';

/**
 * A minimal 辽宁 register that every rule of this module accepts (see scripts/policy/common/structure.ts).
 * The province is the series region: `bgs` is 辽宁省人民政府办公厅, `zf` the provincial government,
 * `dept` a provincial department. The review event of each opening names the office it was filed
 * with (三、（一）分级备案), otherwise the events are exactly openEvents(date).
 */
export function fixture(k: FixtureKit): void {
  k.region('', { name: '全国', level: '国家' });
  k.region('liaoning', { name: '辽宁省', level: '省级', policies: ['liaoning'], supervisingOffice: 'bgs' });
  k.unit('liaoning', { id: 'bgs', name: '辽宁省人民政府办公厅', shortName: '省政府办公厅', kind: '政府办公室' });
  k.unit('liaoning', { id: 'zf', name: '辽宁省人民政府', kind: '人民政府' });
  k.unit('liaoning', { id: 'dept', name: '辽宁省卫生健康委员会', shortName: '省卫生健康委', kind: '政府部门' });
  k.account('dept', { id: 'dept-weixin', name: '健康辽宁', platform: '微信公众号' });
  k.account('zf', { id: 'zf-weibo', name: '辽宁省人民政府', platform: '新浪微博' });
  for (const id of ['dept-weixin', 'zf-weibo']) k.get(id).events[1]!.reviewer = '辽宁省人民政府办公厅';
}
