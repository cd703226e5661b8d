import { isLive } from '#engine/policy/common/structure';
import { defineRule } from '#engine/policy/types';
import type { Person } from '#engine/generated/types';
import { zg } from '../cite.ts';

const hasPhone = (p: Person | undefined): boolean => Boolean(p && (p.mobile || p.officePhone));

/**
 * 第二十五条：主要负责人是第一责任人，分管负责人是直接责任人；附件1-3 备案表：管理队伍主要负责人、联系电话、
 * 分管负责人、经办人员。The schema already requires the three roles; this rule adds that the
 * first and the direct responsible person are two people (a warning: small units may differ) and
 * that the form's 联系电话 is filled in.
 */
export default defineRule({
  name: 'responsible-persons',
  scope: 'account',
  title: { zh: '第一责任人、直接责任人分别明确，备案表填写联系电话', en: 'first and direct responsible persons are distinct; a contact phone is recorded' },
  citation: zg('第二十五条、附件1', '主要负责人是政务新媒体的第一责任人，分管负责人是直接责任人'),
  severity: 'error',
  messages: {
    same: { zh: '“{name}”同时登记为主要负责人（第一责任人）和分管负责人（直接责任人）', en: '"{name}" is recorded as both the first and the direct responsible person' },
    noPhone: { zh: '管理队伍没有登记任何联系电话（备案表的“联系电话”栏）', en: 'no contact phone is recorded for the team (the form\'s 联系电话)' },
  },
  fix: {
    same: { zh: '请在 team.inCharge 中填写分管该项工作的负责人；确由主要负责人直接分管的，请在审核时向主管单位说明。', en: 'Record the deputy in charge in team.inCharge, or explain to the supervisor.' },
    noPhone: { zh: '请为主要负责人或经办人员填写办公电话（officePhone）或手机（mobile）。', en: 'Add an office phone or mobile for the principal or an operator.' },
  },
  check(ctx, a) {
    if (!isLive(ctx, a)) return;
    const t = a.data.team;
    if (!t) return; // unknown team (backfilled account)
    if (t.principal.name === t.inCharge.name) ctx.report({ account: a, pointer: ['team', 'inCharge', 'name'], messageId: 'same', severity: 'warning', data: { name: t.inCharge.name } });
    if (![t.principal, t.inCharge, t.sectionHead, ...t.operators].some(hasPhone)) ctx.report({ account: a, pointer: ['team'], messageId: 'noPhone' });
  },
});
