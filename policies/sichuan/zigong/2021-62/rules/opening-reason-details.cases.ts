/**
 * opening-reason-details 规则的用例（tests/policy-rules.test.ts 运行；命令行不加载，不编入 dist/）。
 * Cases of the rule opening-reason-details: run by tests/policy-rules.test.ts, never loaded by the CLI, not built.
 */
import type { RuleCases } from '#engine/dev/cases';

const cases: RuleCases = {
  valid: [
    { name: 'the fixture reason names source and updates' },
    {
      name: 'a superior\'s requirement with its document number',
      setup: (k) => {
        const ev = k.get('dept-weixin').events[0]!;
        ev.reason = '根据上级部门通知要求开设，信息来源为本单位，由办公室每周更新。';
        ev.ref = '川卫办发〔2024〕1号（虚构）';
      },
    },
  ],
  invalid: [
    {
      name: 'a reason without source or update guarantee',
      setup: (k) => void (k.get('dept-weixin').events[0]!.reason = '工作需要，开设政务新媒体。'),
      errors: [
        { account: 'dept-weixin', pointer: ['events', 0, 'reason'], messageIncludes: '来源', messageId: 'noSource' },
        { account: 'dept-weixin', pointer: ['events', 0, 'reason'], messageIncludes: '更新保障', messageId: 'noUpdate' },
      ],
    },
    {
      name: 'a superior\'s requirement without the document',
      setup: (k) => void (k.get('dept-weixin').events[0]!.reason = '根据上级部门通知要求开设，信息来源为本单位，由办公室每周更新。'),
      errors: [{ account: 'dept-weixin', pointer: ['events', 0, 'reason'], messageIncludes: '上级要求', messageId: 'noDocument' }],
    },
  ],
};
export default cases;
