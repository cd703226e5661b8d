import { onePerPlatform } from '#engine/policy/common/structure';
import { KAISHE, ln } from '../cite.ts';

/** “原则上”：不是绝对禁止，交主管单位审核人判断，故为警告。 */
export default onePerPlatform({
  citation: ln(KAISHE, '一个单位原则上在同一平台只开设一个政务新媒体账号'),
});
