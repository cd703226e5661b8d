import { defineRule } from '../../../../../scripts/policy/types.ts';
import { la } from '../cite.ts';

/**
 * 第三十二条（二）：政务新媒体管理及工作人员上岗前须通过保密审查，完成岗前安全及业务培训。
 *
 * 登记簿记录人员上岗的事实是“人员交接”（接手岗位 toRole）。本办法施行后的每次交接，须在 handover.incomingVetted
 * 中写明接手人员上岗前已通过保密审查并完成岗前安全及业务培训（须 → 错误）：写明 false 的，记录本身表明未审查；
 * 没有写明的，登记簿无法表明已审查，同样是错误（补写 true 即可）。开设时管理队伍的审查，登记簿没有字段，
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
    unrecorded: { zh: '{date} 的人员交接没有写明接手人员（{to}）上岗前是否已通过保密审查并完成岗前安全及业务培训', en: 'the handover of {date} does not record whether the incoming {toEn} passed the vetting and the pre-post training' },
  },
  fix: {
    notVetted: { zh: '接手人员须先通过保密审查、完成岗前安全及业务培训再上岗；完成后追加新的人员交接记录（不修改已有事件），写明 "incomingVetted": true。', en: 'Vet and train the incoming staff member before the post; then record a new handover with "incomingVetted": true (past events are not edited).' },
    unrecorded: { zh: '请在该人员交接的 handover 中填写 "incomingVetted": true（已通过保密审查并完成岗前培训）或 false。', en: 'Fill in handover.incomingVetted (true once vetted and trained).' },
  },
  check(ctx, a) {
    a.data.events.forEach((ev, i) => {
      if (ev.type !== '人员交接' || ev.date < ctx.policy.manifest.inForce) return;
      const h = ev.handover;
      if (h?.incomingVetted === true) return;
      const to = h?.toRole ?? '?';
      const data = { date: ev.date, to, toEn: `"${to}"` };
      if (h?.incomingVetted === false) ctx.report({ account: a, pointer: ['events', i, 'handover', 'incomingVetted'], messageId: 'notVetted', data });
      else ctx.report({ account: a, pointer: h ? ['events', i, 'handover'] : ['events', i], messageId: 'unrecorded', data });
    });
  },
  cases: {
    valid: [
      { name: 'no handover' },
      { name: 'the incoming editor was vetted and trained', setup: (k) => void k.get('dept-weixin').events.push({ type: '人员交接', date: '2026-05-06', handover: { fromRole: '经办人员', toRole: '经办人员', credentialsRotated: true, incomingVetted: true } }) },
      {
        name: 'a handover before the measures came into force is not judged',
        setup: (k) => {
          const a = k.get('zf-weibo');
          a.events = [{ ...a.events[0]!, date: '2021-03-01', unitDecision: { decision: '同意', date: '2021-03-01', by: '主要负责人' } }, ...a.events.slice(1).map((e) => ({ ...e, date: '2021-03-02' })), { type: '人员交接', date: '2021-06-01', handover: { fromRole: '经办人员', toRole: '经办人员' } }];
        },
      },
    ],
    invalid: [
      {
        name: 'a handover that says nothing about the vetting',
        setup: (k) => void k.get('dept-weixin').events.push({ type: '人员交接', date: '2026-05-06', handover: { fromRole: '经办人员', toRole: '审核人员', credentialsRotated: true } }),
        errors: [{ account: 'dept-weixin', pointer: ['events', 5, 'handover'], messageId: 'unrecorded', data: { to: '审核人员' }, messageIncludesEn: 'passed the vetting and the pre-post training', severity: 'error' }],
      },
      {
        name: 'two handovers: the first vetted, the second records the newcomer was not (every handover is checked)',
        setup: (k) =>
          void k.get('dept-weixin').events.push(
            { type: '人员交接', date: '2026-05-06', handover: { fromRole: '经办人员', toRole: '经办人员', credentialsRotated: true, incomingVetted: true } },
            { type: '人员交接', date: '2026-08-03', handover: { fromRole: '审核人员', toRole: '审核人员', credentialsRotated: true, incomingVetted: false } },
          ),
        errors: [{ account: 'dept-weixin', pointer: ['events', 6, 'handover', 'incomingVetted'], messageId: 'notVetted', data: { date: '2026-08-03', to: '审核人员' } }],
      },
    ],
  },
});
