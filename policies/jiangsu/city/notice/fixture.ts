/**
 * 本模块的样例登记簿（只供测试：tests/policy-rules.test.ts 等；命令行不加载，不编入 dist/）。
 * The module's sample register, for the tests only: never loaded by the CLI, not built.
 */
import type { FixtureKit } from '#engine/dev/fixture';

/** A minimal 示例市 register that every rule of this module accepts (see scripts/policy/common/structure.ts). */
export function fixture(k: FixtureKit): void {
  k.region('', { name: '全国', level: '国家' });
  k.region('jiangsu', { name: '江苏省', level: '省级' });
  k.region('jiangsu/shili', { name: '江苏省示例市', level: '市级', policies: ['jiangsu/city'], supervisingOffice: 'bgs', adoptedOn: '2021-01-01' });
  k.unit('jiangsu/shili', { id: 'bgs', name: '示例市人民政府办公室', kind: '政府办公室', level: '市级' });
  k.unit('jiangsu/shili', { id: 'zf', name: '示例市人民政府', kind: '人民政府', level: '市级' });
  k.unit('jiangsu/shili', { id: 'dept', name: '示例市卫生健康委员会', shortName: '市卫健委', kind: '政府部门', level: '市级', scoringClass: '市级部门' });
  k.account('dept', { id: 'dept-weixin', name: '健康示例市', platform: '微信公众号' });
  k.account('zf', { id: 'zf-weibo', name: '示例市发布', platform: '新浪微博' });
}
