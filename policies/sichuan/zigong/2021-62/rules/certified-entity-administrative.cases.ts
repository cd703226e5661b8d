/**
 * certified-entity-administrative 规则的用例（tests/policy-rules.test.ts 运行；命令行不加载，不编入 dist/）。
 * Cases of the rule certified-entity-administrative: run by tests/policy-rules.test.ts, never loaded by the CLI, not built.
 */
import type { RuleCases } from '#engine/dev/cases';

const cases: RuleCases = {
  valid: [
    { name: 'a department certified as itself' },
    {
      name: 'a subordinate unit certified in its own name',
      setup: (k) => {
        k.unit('sichuan/zigong', { id: 'cdc', name: '自贡市疾病预防控制中心', kind: '部门下属单位', parent: 'dept' });
        k.account('cdc', { id: 'cdc-weixin', name: '自贡疾控', platform: '微信公众号' });
      },
    },
    {
      name: 'a closed account certified to “其他” is no longer judged',
      setup: (k) => {
        const a = k.get('zf-weibo');
        a.certifiedEntity = { name: '某协会（虚构）', category: '其他' };
        a.events.push({ type: '关停备案', date: '2026-03-02', reason: '不再保留。', unitDecision: { decision: '同意', date: '2026-03-02', by: '主要负责人' } });
      },
    },
  ],
  invalid: [
    {
      name: 'certified entity of category “其他”',
      setup: (k) => void (k.get('dept-weixin').certifiedEntity = { name: '自贡市健康促进协会（虚构）', category: '其他' }),
      errors: [{ account: 'dept-weixin', pointer: ['certifiedEntity', 'category'], messageId: 'other' }],
    },
    {
      name: 'a department lends its certification to its subordinate unit',
      setup: (k) => {
        k.unit('sichuan/zigong', { id: 'cdc', name: '自贡市疾病预防控制中心', kind: '部门下属单位', parent: 'dept' });
        k.account('cdc', { id: 'cdc-weixin', name: '自贡疾控', platform: '微信公众号', certifiedEntity: { name: '自贡市卫生健康委员会', category: '政府部门', unit: 'dept' } });
      },
      errors: [{ account: 'cdc-weixin', pointer: ['certifiedEntity', 'name'], messageId: 'lent' }],
    },
    {
      name: 'the category does not match the registered unit',
      setup: (k) => void (k.get('dept-weixin').certifiedEntity = { name: '自贡市卫生健康委员会', category: '承担行政职能的事业单位', unit: 'dept' }),
      errors: [{ account: 'dept-weixin', pointer: ['certifiedEntity', 'category'], messageIncludes: '政府部门', messageId: 'category' }],
    },
  ],
};
export default cases;
