import { isLive } from '#engine/policy/common/structure';
import { defineRule } from '#engine/policy/types';
import { qj } from '../cite.ts';

/**
 * 第十五条：“三”指承办单位经办人员、承办单位分管负责人、承办单位主要负责人三级审核。
 * 所以 team.review 中：
 *   editors（初审）       每一位都应是登记的经办人员（team.operators）；
 *   reviewers（复审）     应包括本账号的分管负责人（team.inCharge）；
 *   finalApprovers（终审）应包括本账号的主要负责人（team.principal）。
 * 三者须为不同的人，由 distinct-review-roles 检查；未登记审核分工的，也由它报告。
 *
 * 读法：“承办单位”是承办该信息的单位（可能是主办单位的某个科室，也可能是提供稿件的其他单位），
 * 不等于主办单位本身。登记簿只记录主办单位的分管负责人和主要负责人，无法核实承办单位的负责人，
 * 所以审核人员与主办单位负责人不一致时，本规则只提示审核人核实，不判定为错误。
 */
export default defineRule({
  name: 'three-level-review',
  scope: 'account',
  title: { zh: '三级审核：经办人员、分管负责人、主要负责人', en: 'three review levels: staff member, deputy head, head of unit' },
  citation: qj('第十五条', '“三”指承办单位经办人员、承办单位分管负责人、承办单位主要负责人三级审核'),
  severity: 'notice',
  messages: {
    editor: { zh: '初审人员“{name}”不是本账号登记的经办人员；第一级审核应由承办单位经办人员负责，请审核人核实其是否为承办单位的经办人员', en: 'first-level reviewer "{name}" is not a registered staff member of this account; the first level belongs to the staff of the undertaking unit: the reviewer checks' },
    reviewer: { zh: '第二级审核（复审）人员中没有主办单位的分管负责人“{expected}”；办法要求由承办单位分管负责人复审，承办单位不一定是主办单位，请审核人核实', en: 'the second review level does not include the host unit\'s deputy head "{expected}"; the measures ask for the undertaking unit\'s deputy head, which need not be the host unit\'s: the reviewer checks' },
    final: { zh: '终审人员中没有主办单位的主要负责人“{expected}”；办法要求由承办单位主要负责人终审，承办单位不一定是主办单位，请审核人核实', en: 'the final review level does not include the host unit\'s head "{expected}"; the measures ask for the undertaking unit\'s head, which need not be the host unit\'s: the reviewer checks' },
  },
  fix: {
    editor: { zh: '如“{name}”是承办单位的经办人员，可在备注中说明；否则由经办人员担任初审。', en: 'If "{name}" is staff of the undertaking unit, say so in a note; otherwise let staff do the first review.' },
    reviewer: { zh: '如复审人员是承办单位的分管负责人，审核人确认即可；否则请由承办单位分管负责人复审。', en: 'If the reviewer is the undertaking unit\'s deputy head, the reviewer confirms; otherwise have them review.' },
    final: { zh: '如终审人员是承办单位的主要负责人，审核人确认即可；否则请由承办单位主要负责人终审。', en: 'If the final approver is the undertaking unit\'s head, the reviewer confirms; otherwise have them approve.' },
  },
  check(ctx, a) {
    if (!isLive(ctx, a)) return;
    const t = a.data.team;
    if (!t) return; // unknown team (backfilled account)
    const r = t.review;
    if (!r?.editors?.length || !r.reviewers?.length || !r.finalApprovers?.length) return;
    const operators = new Set(t.operators.map((p) => p.name));
    r.editors.forEach((name, i) => {
      if (!operators.has(name)) ctx.report({ account: a, pointer: ['team', 'review', 'editors', i], messageId: 'editor', data: { name } });
    });
    if (!r.reviewers.includes(t.inCharge.name)) ctx.report({ account: a, pointer: ['team', 'review', 'reviewers'], messageId: 'reviewer', data: { expected: t.inCharge.name } });
    if (!r.finalApprovers.includes(t.principal.name)) ctx.report({ account: a, pointer: ['team', 'review', 'finalApprovers'], messageId: 'final', data: { expected: t.principal.name } });
  },
});
