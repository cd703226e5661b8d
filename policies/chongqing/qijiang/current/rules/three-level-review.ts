import { isLive } from '../../../../../scripts/policy/common/structure.ts';
import { defineRule } from '../../../../../scripts/policy/types.ts';
import { qj } from '../cite.ts';

/**
 * 第十五条：“三”指承办单位经办人员、承办单位分管负责人、承办单位主要负责人三级审核。
 * 所以 team.review 中：
 *   editors（初审）       每一位都应是登记的经办人员（team.operators）；
 *   reviewers（复审）     应包括本账号的分管负责人（team.inCharge）；
 *   finalApprovers（终审）应包括本账号的主要负责人（team.principal）。
 * 三者须为不同的人，由 distinct-review-roles 检查；未登记审核分工的，也由它报告。
 * 常见的“编辑—科室负责人—分管负责人”三审，不符合本办法第十五条的三级。
 */
export default defineRule({
  name: 'three-level-review',
  scope: 'account',
  title: { zh: '三级审核：经办人员、分管负责人、主要负责人', en: 'three review levels: staff member, deputy head, head of unit' },
  citation: qj('第十五条', '“三”指承办单位经办人员、承办单位分管负责人、承办单位主要负责人三级审核'),
  severity: 'error',
  messages: {
    editor: { zh: '初审人员“{name}”不是登记的经办人员；第一级审核应由承办单位经办人员负责', en: 'first-level reviewer "{name}" is not one of the registered staff members (team.operators)' },
    reviewer: { zh: '第二级审核（复审）人员中没有本账号的分管负责人“{expected}”', en: 'the second review level does not include the deputy head in charge, "{expected}"' },
    final: { zh: '终审人员中没有本账号的主要负责人“{expected}”；第三级审核应由承办单位主要负责人负责', en: 'the final review level does not include the head of the unit, "{expected}"' },
  },
  fix: {
    editor: { zh: '请把“{name}”登记到 team.operators（经办人员），或由已登记的经办人员担任初审。', en: 'Register "{name}" in team.operators, or let a registered staff member do the first review.' },
    reviewer: { zh: '请在 team.review.reviewers 中填写分管负责人“{expected}”（与 team.inCharge 的姓名一致）。', en: 'List the deputy head "{expected}" (team.inCharge) in team.review.reviewers.' },
    final: { zh: '请在 team.review.finalApprovers 中填写主要负责人“{expected}”（与 team.principal 的姓名一致）。', en: 'List the head of the unit "{expected}" (team.principal) in team.review.finalApprovers.' },
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
  cases: {
    valid: [
      { name: 'staff member, deputy head, head of unit' },
      {
        name: 'the section head may review alongside the deputy head',
        setup: (k) => void (k.get('dept-weixin').team.review!.reviewers = ['丙科长（虚构）', '乙副主任（虚构）']),
      },
      {
        name: 'a closed account is not judged',
        setup: (k) => {
          const a = k.get('dept-weixin');
          a.team.review = { editors: ['丁编辑（虚构）'], reviewers: ['丙科长（虚构）'], finalApprovers: ['乙副主任（虚构）'] };
          a.events.push({ type: '关停备案', date: '2026-06-01', unitDecision: { decision: '同意', date: '2026-06-01', by: '主要负责人' } });
        },
      },
    ],
    invalid: [
      {
        name: 'the usual editor / section head / deputy head chain',
        setup: (k) => void (k.get('dept-weixin').team.review = { editors: ['丁编辑（虚构）'], reviewers: ['丙科长（虚构）'], finalApprovers: ['乙副主任（虚构）'] }),
        errors: [
          { account: 'dept-weixin', pointer: ['team', 'review', 'reviewers'], messageIncludes: '乙副主任（虚构）' },
          { account: 'dept-weixin', pointer: ['team', 'review', 'finalApprovers'], messageIncludes: '甲主任（虚构）' },
        ],
      },
      {
        name: 'the first review by someone who is not registered staff',
        setup: (k) => void (k.get('zf-weibo').team.review!.editors = ['戊记者（虚构）']),
        errors: [{ account: 'zf-weibo', pointer: ['team', 'review', 'editors', 0], messageIncludes: '戊记者（虚构）' }],
      },
    ],
  },
});
