import { distinctReviewRoles } from '#engine/policy/common/structure';
import { zg } from '../cite.ts';

/**
 * 第二十条：应当建立健全内容发布审核机制……坚持分级分类审核、先审后发。
 * “应当”是义务（错误）；“分级审核”至少是两级，所以编辑不得自己审核或终审自己编辑的内容（错误）。条文没有规定
 * 几级、由哪些岗位审核：本规则不自定“三审”（不虚构数字），审核分工没有登记时只提示审核人（与六安 第二十二条
 * “可参照”的读法相同：chain 'reference'）。
 * Art. 20 “shall … graded review, review before publishing”: an editor who reviews or approves their own content
 * is not graded review (error); the article names no number of levels, so a missing chain is a notice, not an
 * invented three-level requirement.
 */
export default distinctReviewRoles({
  citation: zg('第二十条', '应当建立健全内容发布审核机制……坚持分级分类审核、先审后发'),
  chain: 'reference',
});
