import { onePerPlatform } from '../../../../../scripts/policy/common/structure.ts';
import { zg } from '../cite.ts';

export default onePerPlatform({ citation: zg('第六条', '一个单位原则上在同一平台只开设一个政务新媒体账号') });
