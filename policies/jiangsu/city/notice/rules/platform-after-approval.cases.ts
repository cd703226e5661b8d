/**
 * platform-after-approval 规则的用例（tests/policy-rules.test.ts 运行；命令行不加载，不编入 dist/）。
 * Cases of the rule platform-after-approval: run by tests/policy-rules.test.ts, never loaded by the CLI, not built.
 */
import { afterApprovalCases } from '#engine/policy/common/process.cases';
import { cityCloseEvents } from '../kit.cases.ts';

export default afterApprovalCases({
  events: ['平台注册', '平台认证', '应用上架', '平台变更', '平台注销', '应用下架'],
  valid: [{ name: 'deregistered after approval', setup: (k) => void k.get('dept-weixin').events.push(...cityCloseEvents()) }],
  invalid: [
    {
      name: 'deregistered before the approval',
      setup: (k) => {
        const evs = cityCloseEvents();
        // 平台注销 on 03-24, before the approval recorded on 03-25
        evs[2]!.date = '2026-03-25';
        evs[3]!.date = '2026-03-24';
        k.get('dept-weixin').events.push(evs[0]!, evs[1]!, evs[3]!, evs[2]!, evs[4]!);
      },
      errors: [{ account: 'dept-weixin', pointer: ['events', 7, 'type'], messageId: 'early' }],
    },
  ],
});
