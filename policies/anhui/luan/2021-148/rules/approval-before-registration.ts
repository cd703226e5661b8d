import { afterApproval } from '../../../../../scripts/policy/common/process.ts';
import { la } from '../cite.ts';

export default afterApproval({
  name: 'approval-before-registration',
  title: { zh: '经核准后再向平台申请账号，严禁未批先建', en: 'apply to the platform only after approval: no account before approval' },
  citation: la('第九条', '开设政务新媒体须经逐级核准后再向新媒体平台运营方申请账号，严禁未批先建'),
  events: ['平台注册', '平台认证', '应用上架'],
  works: ['开设'],
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
