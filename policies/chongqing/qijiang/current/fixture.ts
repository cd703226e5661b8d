/**
 * 本模块的样例登记簿（只供测试：tests/policy-rules.test.ts 等；命令行不加载，不编入 dist/）。
 * The module's sample register, for the tests only: never loaded by the CLI, not built.
 */
import type { FixtureKit } from '#engine/dev/fixture';
import type { AccountFile } from '#engine/generated/types';

/** 第十五条的三级审核：经办人员初审、分管负责人复审、主要负责人终审。 */
function threeLevels(a: AccountFile): void {
  if (!a.team) return;
  a.team.review = { editors: [a.team.operators[0]!.name], reviewers: [a.team.inCharge.name], finalApprovers: [a.team.principal.name] };
}

/** A minimal 綦江 register that every rule of this module accepts (see scripts/policy/common/structure.ts). */
export function fixture(k: FixtureKit): void {
  k.region('', { name: '全国', level: '国家' });
  k.region('chongqing', { name: '重庆市', level: '省级' });
  k.region('chongqing/qijiang', { name: '重庆市綦江区', level: '县级', policies: ['chongqing/qijiang'], supervisingOffice: 'bgs', adoptedOn: '2024-03-07' });
  k.unit('chongqing/qijiang', { id: 'bgs', name: '重庆市綦江区人民政府办公室', shortName: '区政府办公室', kind: '政府办公室' });
  k.unit('chongqing/qijiang', { id: 'zf', name: '重庆市綦江区人民政府', shortName: '綦江区人民政府', kind: '人民政府' });
  k.unit('chongqing/qijiang', { id: 'dept', name: '重庆市綦江区卫生健康委员会', shortName: '区卫生健康委', kind: '政府部门' });
  threeLevels(k.account('dept', { id: 'dept-weixin', name: '健康綦江', platform: '微信公众号' }));
  threeLevels(k.account('zf', { id: 'zf-weibo', name: '綦江发布', platform: '新浪微博' }));
}
