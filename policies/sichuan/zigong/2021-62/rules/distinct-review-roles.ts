import { distinctReviewRoles } from '#engine/policy/common/structure';
import { zg } from '../cite.ts';

/**
 * 第二十条 requires a content review mechanism with graded review and 先审后发. We read 分级审核
 * as the usual three levels (编辑初审、审核复审、终审) held by different people. 自贡's filing
 * forms do not list the review chain, so this is our reading: a warning, not an error.
 */
export default distinctReviewRoles({
  citation: zg('第二十条', '建立健全内容发布审核机制……坚持分级分类审核、先审后发'),
  severity: 'warning',
});
