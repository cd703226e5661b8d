/**
 * subordinate-unit-reason 规则的用例（tests/policy-rules.test.ts 运行；命令行不加载，不编入 dist/）。
 * Cases of the rule subordinate-unit-reason: run by tests/policy-rules.test.ts, never loaded by the CLI, not built.
 */
import type { RuleCases } from '#engine/dev/cases';

const cases: RuleCases = {
  valid: [
    { name: 'city department needs no special reason', setup: (k) => void (k.get('dept-weixin').events[0]!.reason = '工作需要') },
    {
      name: 'subordinate unit with a short reason: the measures set no minimum length (the supervising office judges it)',
      setup: (k) => {
        k.unit(k.getUnit('dept').region, { id: 'dept-xs', name: '自贡市疾病预防控制中心', kind: '部门下属单位', parent: 'dept' });
        const a = k.account('dept-xs', { id: 'xs-weixin', name: '自贡疾控', platform: '微信公众号' });
        a.events[0]!.reason = '疫情防控信息发布。';
      },
    },
    {
      name: 'subordinate unit with a detailed reason',
      setup: (k) => {
        k.unit(k.getUnit('dept').region, { id: 'dept-xs', name: '自贡市疾病预防控制中心', kind: '部门下属单位', parent: 'dept' });
        k.account('dept-xs', { id: 'xs-weixin', name: '自贡疾控', platform: '微信公众号' });
      },
    },
  ],
  invalid: [
    {
      name: 'subordinate unit whose filing states no reason',
      setup: (k) => {
        k.unit(k.getUnit('dept').region, { id: 'dept-xs', name: '自贡市疾病预防控制中心', kind: '部门下属单位', parent: 'dept' });
        const a = k.account('dept-xs', { id: 'xs-weixin', name: '自贡疾控', platform: '微信公众号' });
        a.events[0]!.reason = ' ';
      },
      errors: [{ account: 'xs-weixin', pointer: ['events', 0, 'reason'], messageId: 'noReason' }],
    },
  ],
};
export default cases;
