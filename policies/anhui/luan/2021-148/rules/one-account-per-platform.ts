import { onePerPlatform } from '#engine/policy/common/structure';
import { la } from '../cite.ts';

export default onePerPlatform({
  citation: la('第十条', '一个单位原则上在同一新媒体平台只开设一个账号'),
});
