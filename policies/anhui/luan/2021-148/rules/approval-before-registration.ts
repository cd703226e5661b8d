import { afterApproval } from '#engine/policy/common/process';
import { la } from '../cite.ts';

export default afterApproval({
  name: 'approval-before-registration',
  title: { zh: '经核准后再向平台申请账号，严禁未批先建', en: 'apply to the platform only after approval: no account before approval' },
  citation: la('第九条', '开设政务新媒体须经逐级核准后再向新媒体平台运营方申请账号，严禁未批先建'),
  events: ['平台注册', '平台认证', '应用上架'],
  works: ['开设'],
});
