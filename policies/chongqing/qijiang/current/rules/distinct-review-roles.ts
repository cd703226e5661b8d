import { distinctReviewRoles } from '#engine/policy/common/structure';
import { qj } from '../cite.ts';

/** 第十五条“三审三校”：三级审核由三个人分别把关（谁在哪一级，见 three-level-review）。 */
export default distinctReviewRoles({
  citation: qj('第十五条', '建立“三审三校”机制，坚持分级分类审核、先审后发'),
});
