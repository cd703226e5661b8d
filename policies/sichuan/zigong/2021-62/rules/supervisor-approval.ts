import { supervisorApproval } from '../../../../../scripts/policy/common/process.ts';
import { zg } from '../cite.ts';

export default supervisorApproval({
  citation: zg('第七条（三）（四）、第九条（一）、第十七条（一）', '经审核同意的，由主办单位提交相关备案资料……报政务新媒体主管单位签署意见'),
  works: ['开设', '关停', '变更'],
});
