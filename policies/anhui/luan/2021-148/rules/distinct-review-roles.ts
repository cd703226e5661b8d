import { distinctReviewRoles } from '../../../../../scripts/policy/common/structure.ts';
import { la } from '../cite.ts';

export default distinctReviewRoles({
  citation: la('第二十二条', '由单位信息编辑员初审、审核员复审、相关负责人终审，严格内容编辑审核等权限分离，严禁信息自编自审自发'),
});
