import { filingRequirements } from '#engine/policy/common/process';
import { zg } from '../cite.ts';

export default filingRequirements({
  citation: zg('第七条（二）、第九条（一）、附件1-3', '经单位主要负责人同意后……开办理由应详细说明开办的必要性'),
  reasonFor: ['开设', '补录', '变更', '关停'],
  decisionFor: ['开设', '补录', '变更', '关停'],
});
