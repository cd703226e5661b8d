import { supervisorApproval } from '#engine/policy/common/process';
import { zg } from '../cite.ts';

/**
 * 开设（第七条（三）（四））、补录（第八条：已开设确需保留的，按第七条完善开设手续）、
 * 关停（第九条（一））、关键信息变更（第十七条（一））都须经主管单位审核签署意见。
 */
export default supervisorApproval({
  citation: zg('第七条（三）（四）、第八条、第九条（一）、第十七条（一）', '经审核同意的，由主办单位提交相关备案资料……报政务新媒体主管单位签署意见'),
  works: ['开设', '补录', '关停', '变更'],
});
