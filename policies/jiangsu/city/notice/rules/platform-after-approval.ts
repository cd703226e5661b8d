import { afterApproval } from '#engine/policy/common/process';
import { ART, Q_FILING, js } from '../cite.ts';

/**
 * 开设、变更、关停、注销“须经同级政府办公室审核同意”：平台上的注册、认证、上架、变更、注销、下架
 * 都只能在审核同意之后。补录的账号在备案前就已存在，不适用。
 */
export default afterApproval({
  name: 'platform-after-approval',
  title: { zh: '审核同意后才能在平台开设、变更或注销账号', en: 'platform registration, change and deregistration only after approval' },
  citation: js(ART.filing, Q_FILING),
  events: ['平台注册', '平台认证', '应用上架', '平台变更', '平台注销', '应用下架'],
  works: ['开设', '变更', '关停'],
});
