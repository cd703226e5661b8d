import { filingRequirements } from '#engine/policy/common/process';
import { ART, Q_ANNOUNCE, js } from '../cite.ts';

/**
 * 变更、关停、注销须先经主办单位集体研究或主要领导同意，并写明“因工作原因”的具体原因。
 * 开设、补录的主办单位意见《通知》未作规定，不在此检查。
 */
export default filingRequirements({
  citation: js(ART.filing, Q_ANNOUNCE),
  reasonFor: ['变更', '关停'],
  decisionFor: ['变更', '关停'],
});
