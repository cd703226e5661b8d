import { distinctReviewRoles } from '#engine/policy/common/structure';
import { la } from '../cite.ts';

/**
 * 第二十二条：“可参照政府网站信息内容三级审核机制由单位信息编辑员初审、审核员复审、相关负责人终审……
 * 严禁信息自编自审自发”。三级链条是“可参照”（提示）；禁止的是编辑者审核或终审自己编辑的信息（错误）。
 */
export default distinctReviewRoles({
  citation: la('第二十二条', '可参照政府网站信息内容三级审核机制由单位信息编辑员初审、审核员复审、相关负责人终审，严格内容编辑审核等权限分离，严禁信息自编自审自发'),
  chain: 'reference',
});
