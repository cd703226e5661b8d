import { onePerPlatform } from '#engine/policy/common/structure';
import { KAISHE, ln } from '../cite.ts';

/** “原则上”：不是绝对禁止——第二个账号须在备案中写明理由（justification）并经主管单位审核同意，否则为错误（情态词表）。 */
export default onePerPlatform({
  citation: ln(KAISHE, '一个单位原则上在同一平台只开设一个政务新媒体账号'),
});
