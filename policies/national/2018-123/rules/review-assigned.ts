import { isLive } from '#engine/policy/common/structure';
import { defineRule } from '#engine/policy/types';
import { NEIRONG, gb } from '../cite.ts';

/**
 * 四、（二）内容保障：严格内容发布审核制度，坚持分级分类审核、先审后发，明确审核主体、审核流程。
 * 登记簿能看到的是“审核主体是否明确”：管理队伍中登记了审核人员（team.review.reviewers）。
 * 编辑、审核、终审是否须由不同的人担任，意见没有规定（地方办法有的规定“严禁自编自审自发”），这里不检查。
 * 管理队伍未知的补录账号（unknown 含 team）不检查。
 */
export default defineRule({
  name: 'review-assigned',
  scope: 'account',
  title: { zh: '明确内容审核主体（先审后发）', en: 'the account names who reviews content before publication' },
  citation: gb(NEIRONG, '严格内容发布审核制度，坚持分级分类审核、先审后发，明确审核主体、审核流程'),
  severity: 'error',
  messages: { none: { zh: '账号“{name}”没有登记内容审核人员（team.review.reviewers），审核主体不明确', en: 'account "{name}" names no content reviewer (team.review.reviewers)' } },
  fix: { zh: '请在 team.review.reviewers 中填写负责审核的管理队伍成员姓名（先审后发）。', en: 'List the team members who review content in team.review.reviewers.' },
  check(ctx, a) {
    const team = a.data.team;
    if (!team || !isLive(ctx, a)) return;
    if (team.review?.reviewers?.length) return;
    ctx.report({ account: a, pointer: team.review ? ['team', 'review'] : ['team'], messageId: 'none', data: { name: a.data.name } });
  },
});
