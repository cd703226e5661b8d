/**
 * approval-before-registration 规则的用例（tests/policy-rules.test.ts 运行；命令行不加载，不编入 dist/）。
 * Cases of the rule approval-before-registration: run by tests/policy-rules.test.ts, never loaded by the CLI, not built.
 */
import { afterApprovalCases } from '#engine/policy/common/process.cases';

export default afterApprovalCases({
  events: ['平台注册', '平台认证', '应用上架'],
  invalid: [
    {
      name: 'registered and certified on the filing day, before the approval',
      setup: (k) => {
        const evs = k.get('dept-weixin').events;
        const [filing, review, registered, certified, entered] = [evs[0]!, evs[1]!, evs[2]!, evs[3]!, evs[4]!];
        registered.date = filing.date;
        certified.date = filing.date;
        evs.splice(0, evs.length, filing, registered, certified, review, entered);
      },
      errors: [
        { account: 'dept-weixin', pointer: ['events', 1, 'type'], messageId: 'early' },
        { account: 'dept-weixin', pointer: ['events', 2, 'type'], messageId: 'early' },
      ],
    },
  ],
});
