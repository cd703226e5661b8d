import { supervisorApproval } from '#engine/policy/common/process';
import { ART, Q_FILING, js } from '../cite.ts';

/**
 * 开设、变更、关停、注销须经同级政府办公室审核同意。补录是对已开设未备案账号的迟到的开设备案，同样须审核。
 * 本库把“关停”和“注销”作为同一项关停办理（关停备案 … 平台注销 … 系统填报 关停）。
 */
export default supervisorApproval({
  citation: js(ART.filing, Q_FILING),
  works: ['开设', '补录', '变更', '关停'],
});
