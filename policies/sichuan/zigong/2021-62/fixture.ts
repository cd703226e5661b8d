/**
 * 本模块的样例登记簿（只供测试：tests/policy-rules.test.ts 等；命令行不加载，不编入 dist/）。
 * The module's sample register, for the tests only: never loaded by the CLI, not built.
 */
import type { FixtureKit } from '#engine/dev/fixture';

/** A minimal 自贡 register that every rule of this module accepts (see scripts/policy/common/structure.ts). */
export function fixture(k: FixtureKit): void {
  k.region('', { name: '全国', level: '国家' });
  k.region('sichuan', { name: '四川省', level: '省级' });
  k.region('sichuan/zigong', { name: '四川省自贡市', level: '市级', policies: ['sichuan/zigong'], supervisingOffice: 'bgs' });
  k.unit('sichuan/zigong', { id: 'bgs', name: '自贡市人民政府办公室', kind: '政府办公室' });
  k.unit('sichuan/zigong', { id: 'zf', name: '自贡市人民政府', kind: '人民政府' });
  k.unit('sichuan/zigong', { id: 'dept', name: '自贡市卫生健康委员会', shortName: '市卫健委', kind: '政府部门' });
  k.account('dept', { id: 'dept-weixin', name: '健康自贡', platform: '微信公众号' });
  k.account('zf', { id: 'zf-weibo', name: '自贡发布', platform: '新浪微博' });
  // 第十一条: each opening keeps the chat log of its certification with the platform
  for (const id of ['dept-weixin', 'zf-weibo']) {
    const cert = k.get(id).events.find((e) => e.type === '平台认证')!;
    cert.evidence = [{ kind: '聊天记录', ref: `档案 ZG-2026-${id}` }];
  }
}
