import { defineRule } from '#engine/policy/types';
import { la } from '../cite.ts';

/**
 * 第三十二条（二）：政务新媒体管理及工作人员上岗前须通过保密审查，完成岗前安全及业务培训。
 *
 * 登记簿记录人员上岗的事实是“人员交接”（接手岗位 toRole）。本办法施行后的每次交接，须在 handover.incomingVetted
 * 中写明接手人员上岗前已通过保密审查并完成岗前安全及业务培训（须）：写明 false 的，记录本身表明未审查（错误）。
 * 没有写明的（包括本字段出现之前的记录；历史事件只能追加、不能修改，旧记录无法补写）登记簿不能表明违反，不作判断，
 * 由主管单位在审核时核实。开设时管理队伍的审查，登记簿没有字段，
 * 由主管单位在审核开设备案时把关（见 README）。
 */
export default defineRule({
  name: 'staff-vetted-before-post',
  scope: 'account',
  title: { zh: '管理及工作人员上岗前通过保密审查并完成岗前培训', en: 'staff pass a confidentiality vetting and pre-post training before taking up the post' },
  citation: la('第三十二条（二）', '政务新媒体管理及工作人员上岗前须通过保密审查，完成岗前安全及业务培训'),
  severity: 'error',
  messages: {
    notVetted: { zh: '{date} 的人员交接记录接手人员（{to}）上岗前未通过保密审查或未完成岗前安全及业务培训', en: 'the handover of {date} records that the incoming {toEn} had not passed the vetting or the pre-post training' },
  },
  fix: {
    notVetted: { zh: '接手人员须先通过保密审查、完成岗前安全及业务培训再上岗；完成后追加新的人员交接记录（不修改已有事件），写明 "incomingVetted": true。', en: 'Vet and train the incoming staff member before the post; then record a new handover with "incomingVetted": true (past events are not edited).' },
  },
  check(ctx, a) {
    a.data.events.forEach((ev, i) => {
      if (ev.type !== '人员交接' || !ctx.inForce(ev.date)) return;
      const h = ev.handover;
      if (h?.incomingVetted !== false) return;
      const to = h.toRole;
      ctx.report({ account: a, pointer: ['events', i, 'handover', 'incomingVetted'], messageId: 'notVetted', data: { date: ev.date, to, toEn: `"${to}"` } });
    });
  },
});
