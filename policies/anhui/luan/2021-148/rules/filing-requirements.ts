import { filingRequirements } from '#engine/policy/common/process';
import { la } from '../cite.ts';

export default filingRequirements({
  citation: la('第八条、第十一条', '拟开设、变更、关停、注销政务新媒体，须经本单位集体研究或主要负责人同意'),
  // 第十一条 names the reasons for a change or closure (主办单位撤销、合并或无力运维等); the form has no field for an opening reason.
  reasonFor: ['变更', '关停'],
  decisionFor: ['开设', '补录', '变更', '关停'],
});
