import { supervisorApproval } from '#engine/policy/common/process';
import { la } from '../cite.ts';

export default supervisorApproval({
  citation: la('第八条、第十一条、第十二条', '报同级主管单位审批……须经逐级核准后再向新媒体平台运营方按流程提出申请……经逐级核准后补录至新媒体系统'),
  works: ['开设', '补录', '变更', '关停'],
});
