/**
 * 本模块的样例登记簿（只供测试：tests/policy-rules.test.ts 等；命令行不加载，不编入 dist/）。
 * The module's sample register, for the tests only: never loaded by the CLI, not built.
 */
import type { FixtureKit } from '#engine/dev/fixture';

/** A minimal 连云港 register that every rule of this module accepts (see scripts/policy/common/structure.ts). */
export function fixture(k: FixtureKit): void {
  k.region('', { name: '全国', level: '国家' });
  k.region('jiangsu', { name: '江苏省', level: '省级' });
  k.region('jiangsu/lianyungang', { name: '江苏省连云港市', level: '市级', policies: ['jiangsu/lianyungang'], supervisingOffice: 'bgs' });
  k.unit('jiangsu/lianyungang', { id: 'bgs', name: '连云港市人民政府办公室', kind: '政府办公室', level: '市级' });
  k.unit('jiangsu/lianyungang', { id: 'zf', name: '连云港市人民政府', kind: '人民政府', level: '市级' });
  k.unit('jiangsu/lianyungang', { id: 'dept', name: '连云港市卫生健康委员会', shortName: '市卫健委', kind: '政府部门', level: '市级', scoringClass: '市级部门' });
  k.account('dept', { id: 'dept-weixin', name: '健康连云港', platform: '微信公众号' });
  k.account('zf', { id: 'zf-weibo', name: '连云港发布', platform: '新浪微博' });
}
