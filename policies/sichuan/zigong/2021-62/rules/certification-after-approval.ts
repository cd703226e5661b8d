import { afterApproval } from '#engine/policy/common/process';
import { zg } from '../cite.ts';

export default afterApproval({
  name: 'certification-after-approval',
  title: { zh: '审核同意并备案后才能提交机构认证或应用上架', en: 'certification or store listing only after approval and filing' },
  citation: zg('第七条（五）', '未经审核同意并备案的新媒体账号，不得提交机构认证'),
  events: ['平台认证', '应用上架'],
});
