/**
 * responsible-persons 规则的用例（tests/policy-rules.test.ts 运行；命令行不加载，不编入 dist/）。
 * Cases of the rule responsible-persons: run by tests/policy-rules.test.ts, never loaded by the CLI, not built.
 */
import type { RuleCases } from '#engine/dev/cases';

const cases: RuleCases = {
  valid: [
    { name: 'distinct persons with phones' },
    {
      name: 'only the operator has a phone',
      setup: (k) => {
        const t = k.get('dept-weixin').team;
        for (const p of [t.principal, t.inCharge, t.sectionHead!]) {
          delete p.mobile;
          delete p.officePhone;
        }
      },
    },
  ],
  invalid: [
    {
      name: 'the head is also recorded as the deputy in charge',
      setup: (k) => {
        const t = k.get('dept-weixin').team;
        t.inCharge = { ...t.principal };
      },
      errors: [{ account: 'dept-weixin', pointer: ['team', 'inCharge', 'name'], severity: 'warning', messageId: 'same' }],
    },
    {
      name: 'no phone at all',
      setup: (k) => {
        const t = k.get('dept-weixin').team;
        for (const p of [t.principal, t.inCharge, t.sectionHead!, ...t.operators]) {
          delete p.mobile;
          delete p.officePhone;
        }
      },
      errors: [{ account: 'dept-weixin', pointer: ['team'], messageId: 'noPhone' }],
    },
  ],
};
export default cases;
