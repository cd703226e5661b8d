/**
 * host-unit-in-scope 规则的用例（tests/policy-rules.test.ts 运行；命令行不加载，不编入 dist/）。
 * Cases of the rule host-unit-in-scope: run by tests/policy-rules.test.ts, never loaded by the CLI, not built.
 */
import type { RuleCases } from '#engine/dev/cases';

const cases: RuleCases = {
  valid: [
    { name: 'a department and the district government' },
    {
      name: 'a sub-district office',
      setup: (k) => {
        k.unit(k.getUnit('dept').region, { id: 'jd', name: '重庆市綦江区古南街道办事处', kind: '乡镇街道' });
        k.account('jd', { id: 'jd-weixin', name: '古南街道', platform: '微信公众号' });
      },
    },
    {
      name: 'an institution with administrative functions',
      setup: (k) => {
        k.unit(k.getUnit('dept').region, { id: 'sy', name: '重庆市綦江区示例事务中心（虚构）', kind: '承担行政职能的事业单位' });
        k.account('sy', { id: 'sy-weixin', name: '綦江示例服务', platform: '微信公众号' });
      },
    },
    {
      name: 'an internal department account that is being closed is not judged',
      setup: (k) => {
        k.unit(k.getUnit('dept').region, { id: 'dept-ks', name: '重庆市綦江区卫生健康委员会宣传科', kind: '内设机构', parent: 'dept' });
        const a = k.account('dept-ks', { id: 'ks-weibo', name: '綦江卫健宣传', platform: '新浪微博', certifiedEntity: { name: '重庆市綦江区卫生健康委员会', category: '政府部门', unit: 'dept' } });
        a.events.push({ type: '关停备案', date: '2025-06-02', unitDecision: { decision: '同意', date: '2025-06-02', by: '主要负责人' } });
      },
    },
  ],
  invalid: [
    {
      name: 'an internal department runs its own Douyin account',
      setup: (k) => {
        k.unit(k.getUnit('dept').region, { id: 'dept-ks', name: '重庆市綦江区卫生健康委员会宣传科', kind: '内设机构', parent: 'dept' });
        k.account('dept-ks', { id: 'ks-douyin', name: '綦江卫健宣传', platform: '抖音', certifiedEntity: { name: '重庆市綦江区卫生健康委员会', category: '政府部门', unit: 'dept' } });
      },
      errors: [{ account: 'ks-douyin', pointer: ['hostUnit'], messageIncludes: '内设机构', severity: 'notice', messageId: 'outOfScope' }],
    },
    {
      name: 'a subordinate unit without administrative functions',
      setup: (k) => {
        k.unit(k.getUnit('dept').region, { id: 'dept-yy', name: '重庆市綦江区示例医院（虚构）', kind: '部门下属单位', parent: 'dept' });
        k.account('dept-yy', { id: 'yy-weixin', name: '綦江示例医院', platform: '微信公众号' });
      },
      errors: [{ account: 'yy-weixin', pointer: ['hostUnit'], messageIncludes: '部门下属单位', messageId: 'outOfScope' }],
    },
  ],
};
export default cases;
