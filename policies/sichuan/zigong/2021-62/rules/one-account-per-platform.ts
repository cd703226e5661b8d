import { onePerPlatform } from '#engine/policy/common/structure';
import { zg } from '../cite.ts';

/**
 * 第六条 is worded 原则上 (in principle) and 第十三条（一） leaves it to the supervising office to order the accounts merged
 * or closed: a second account is an error unless its filing records a justification the supervising office approved.
 */
export default onePerPlatform({
  citation: zg('第六条、第十三条（一）', '一个单位原则上在同一平台只开设一个政务新媒体账号'),
});
