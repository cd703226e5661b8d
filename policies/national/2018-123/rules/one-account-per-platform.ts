import { onePerPlatform } from '#engine/policy/common/structure';
import { KAISHE, gb } from '../cite.ts';

/**
 * 四、（一）：一个单位原则上在同一平台只开设一个政务新媒体账号。
 * “原则上”（policies/README.md 情态词表）：确需保留第二个账号的，在该账号的开设备案或补录备案中写明理由
 * （`justification`），并由主管单位在同一项办理中审核同意（“主管审核”，decision 为“同意”）；在此之前为错误。
 * 与地方办法（辽宁、自贡等）的同一条款用同一个工厂、同一个理由机制：地方规则接受的理由，本规则同样接受，
 * 两者的发现由引擎合并为一条并列出两处依据（tests/national-layers.test.ts）。
 */
export default onePerPlatform({
  citation: gb(KAISHE, '一个单位原则上在同一平台只开设一个政务新媒体账号'),
  severity: 'error',
});
