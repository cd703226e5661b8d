import { onePerPlatform } from '#engine/policy/common/structure';
import { qj } from '../cite.ts';

/** 第十一条写的是“原则上”，所以是警告（需审核人关注），不阻止合并。 */
export default onePerPlatform({
  citation: qj('第十一条', '原则上一个单位在同一平台只保留一个政务新媒体账号'),
});
