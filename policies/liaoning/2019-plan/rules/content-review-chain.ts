import { isLive } from '#engine/policy/common/structure';
import { defineRule } from '#engine/policy/types';
import { NEIRONG, ln } from '../cite.ts';

/**
 * 三、（二）：要建立健全内容发布审核制度，坚持分级分类审核、先审后发，明确审核主体、审核流程。
 *
 * 登记簿能看到的是 team.review 中登记的审核分工。本方案要求：
 * - 明确审核主体、审核流程 → 须登记信息编辑人员和审核人员（reviewers 或 finalApprovers 至少一人）；
 * - 分级审核、先审后发 → 编辑人员发布的内容须经他人审核：对每一名编辑，审核人员（含终审）中
 *   至少有一人不是其本人。
 * 本方案没有“三审三校”“严禁自编自审自发”的表述，因此不要求编辑、审核、终审三人互不相同，
 * 也不要求登记终审人员（与自贡、六安等办法不同）。
 */
export default defineRule({
  name: 'content-review-chain',
  scope: 'account',
  title: { zh: '明确内容审核主体：登记编辑和审核人员，内容须经他人审核后发布', en: 'the review chain is recorded and content is reviewed by someone other than its editor' },
  citation: ln(NEIRONG, '要建立健全内容发布审核制度，坚持分级分类审核、先审后发，明确审核主体、审核流程'),
  severity: 'error',
  messages: {
    missing: { zh: '账号“{name}”没有登记内容审核分工：缺少{what}', en: 'account "{name}" records no review chain: {whatEn} missing' },
    selfReview: {
      zh: '“{editor}”编辑的内容没有其他人审核：登记的审核人员只有其本人，做不到“分级审核、先审后发”',
      en: 'nobody but "{editor}" reviews what "{editor}" edits: content must be reviewed by someone else before publication',
    },
  },
  fix: {
    missing: {
      zh: '请在 team.review 中登记 editors（信息编辑人员）和 reviewers（审核人员），需要终审的再登记 finalApprovers，填写管理队伍成员的姓名。',
      en: 'List the editors and reviewers (and final approvers where used) in team.review.',
    },
    selfReview: { zh: '请为“{editor}”编辑的内容另行指定审核人员（本单位其他管理队伍成员），登记在 team.review.reviewers 中。', en: 'Assign another team member to review what "{editor}" edits.' },
  },
  check(ctx, a) {
    if (!isLive(ctx, a) || !a.data.team) return; // unknown team (backfilled account)
    const review = a.data.team.review;
    const editors = review?.editors ?? [];
    const checkers = [...(review?.reviewers ?? []), ...(review?.finalApprovers ?? [])];
    if (editors.length === 0 || checkers.length === 0) {
      const what = editors.length === 0 && checkers.length === 0 ? '信息编辑人员和审核人员' : editors.length === 0 ? '信息编辑人员' : '审核人员';
      const whatEn = editors.length === 0 && checkers.length === 0 ? 'editors and reviewers' : editors.length === 0 ? 'editors' : 'reviewers';
      ctx.report({ account: a, pointer: review ? ['team', 'review'] : ['team'], messageId: 'missing', data: { name: a.data.name, what, whatEn } });
      return;
    }
    const at = review?.reviewers?.length ? ['team', 'review', 'reviewers'] : ['team', 'review', 'finalApprovers'];
    for (const e of new Set(editors)) {
      if (checkers.every((c) => c.trim() === e.trim())) ctx.report({ account: a, pointer: at, messageId: 'selfReview', data: { editor: e } });
    }
  },
});
