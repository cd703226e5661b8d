/**
 * 本模块的样例登记簿（只供测试：tests/policy-rules.test.ts 等；命令行不加载，不编入 dist/）。
 * The module's sample register, for the tests only: never loaded by the CLI, not built.
 */
import type { FixtureKit } from '#engine/dev/fixture';

/** A minimal 六安 register that every rule of this module accepts (see scripts/policy/common/structure.ts). */
export function fixture(k: FixtureKit): void {
  k.region('', { name: '全国', level: '国家' });
  k.region('anhui', { name: '安徽省', level: '省级' });
  k.region('anhui/luan', { name: '安徽省六安市', level: '市级', policies: ['anhui/luan'], supervisingOffice: 'bgs' });
  k.unit('anhui/luan', { id: 'bgs', name: '六安市人民政府办公室', shortName: '市政府办公室', kind: '政府办公室', level: '市级' });
  k.unit('anhui/luan', { id: 'zf', name: '六安市人民政府', shortName: '六安市政府', kind: '人民政府', level: '市级' });
  k.unit('anhui/luan', { id: 'dept', name: '六安市卫生健康委员会', shortName: '市卫健委', kind: '政府部门', level: '市级' });
  k.account('dept', {
    id: 'dept-weixin',
    name: '六安市卫健委发布',
    platform: '微信公众号',
    functions: ['信息发布', '解读回应'],
    urls: { article: 'https://mp.weixin.qq.com/s/example-luan-wjw' },
  });
  k.account('zf', {
    id: 'zf-weibo',
    name: '六安市人民政府发布',
    platform: '新浪微博',
    functions: ['信息发布', '互动交流'],
    urls: { homepage: 'https://weibo.com/u/0000000001' },
  });
}
