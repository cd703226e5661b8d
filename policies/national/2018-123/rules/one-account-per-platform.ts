import { onePerPlatform } from '../../../../scripts/policy/common/structure.ts';
import { KAISHE, gb } from '../cite.ts';

/**
 * 四、（一）：一个单位原则上在同一平台只开设一个政务新媒体账号。
 * “原则上”：确需保留第二个账号的，须有主管单位批准的理由（policies/exceptions/ 中经审核的例外，写明批准单位和日期），
 * 在此之前为错误。
 */
export default onePerPlatform({
  citation: gb(KAISHE, '一个单位原则上在同一平台只开设一个政务新媒体账号'),
  severity: 'error',
});
