import { defineRule } from '#engine/policy/types';
import { zg } from '../cite.ts';
import { isKeyField, judgedDate } from '../util.ts';

const STAFF_FIELDS = new Set(['管理队伍', '联系电话']);

/**
 * 第十八条：仅涉及机构人员、联系电话等非关键信息调整的，由主办单位自行在全国政务新媒体报送系统进行修改，
 * 并向政务新媒体主管单位报备（“信息报备”事件）。
 *
 * What the file shows: an 信息报备 must say what changed; it cannot carry a key-information change
 * (that needs a 变更备案 under 第十七条); and a staff handover (人员交接, 第二十七条) changes the
 * 管理队伍, so an 信息报备 should follow it. The before/after of the team itself is visible only to
 * the pull-request check.
 */
export default defineRule({
  name: 'non-key-info-report',
  scope: 'account',
  title: { zh: '人员、电话等非关键信息调整向主管单位报备', en: 'staff and phone changes are reported to the supervising office' },
  citation: zg('第十八条', '仅涉及机构人员、联系电话等非关键信息调整的，由主办单位自行在全国政务新媒体报送系统进行修改，并向政务新媒体主管单位报备'),
  severity: 'error',
  messages: {
    noChanges: { zh: '信息报备（{date}）没有写明调整事项（由什么调整为什么）', en: 'the report of {date} does not say what changed' },
    keyField: { zh: '信息报备（{date}）中的“{field}”是关键信息，不能只报备，须按第十七条提交变更备案并经主管单位审核', en: '"{field}" in the report of {date} is key information: it needs a change filing under art. 17' },
    handoverNotReported: { zh: '{date} 发生人员交接（{from} → {to}），此后没有向主管单位报备管理队伍的调整', en: 'the staff handover of {date} ({from} → {to}) was not followed by a report of the team change' },
  },
  fix: {
    noChanges: { zh: '请在该事件中填写 changes，例如 [{"field": "管理队伍", "from": "经办人员 某某（虚构）", "to": "经办人员 某某（虚构）"}]。', en: 'Add changes, e.g. [{"field": "管理队伍", "from": "…", "to": "…"}].' },
    keyField: { zh: '请把该事件改为“变更备案”（写明变更原因、是否仍纳入监管，并经主管单位审核），再到平台修改。', en: 'Record it as a 变更备案 with reason and supervision statement, approved by the supervisor.' },
    handoverNotReported: { zh: '请在全国政务新媒体报送系统中修改人员信息，更新本文件的 team，并追加“信息报备”事件（changes 中写明管理队伍由谁调整为谁）。', en: 'Update the national system and the team in this file, then append an 信息报备 event listing the team change.' },
  },
  check(ctx, a) {
    const evs = a.data.events;
    evs.forEach((ev, i) => {
      if (!judgedDate(ctx, ev.date)) return;
      if (ev.type === '信息报备') {
        if (!ev.changes || ev.changes.length === 0) return ctx.report({ account: a, pointer: ['events', i], messageId: 'noChanges', data: { date: ev.date } });
        ev.changes.forEach((c, j) => {
          if (isKeyField(c.field)) ctx.report({ account: a, pointer: ['events', i, 'changes', j, 'field'], messageId: 'keyField', data: { date: ev.date, field: c.field } });
        });
      }
      if (ev.type === '人员交接') {
        const reported = evs.some((x, j) => j > i && x.type === '信息报备' && (x.changes ?? []).some((c) => STAFF_FIELDS.has(c.field)));
        if (!reported) ctx.report({ account: a, pointer: ['events', i, 'type'], messageId: 'handoverNotReported', severity: 'warning', data: { date: ev.date, from: ev.handover?.fromRole ?? '原经办人员', to: ev.handover?.toRole ?? '新经办人员' } });
      }
    });
  },
});
