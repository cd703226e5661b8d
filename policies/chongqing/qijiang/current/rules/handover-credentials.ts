import type { Event } from '#engine/generated/types';
import { defineRule } from '#engine/policy/types';
import { qj } from '../cite.ts';

/**
 * 第二十三条：规范人员调离制度，做好工作移交、保密承诺、口令更换等必要的安全保密工作。
 *  - 每个“人员交接”事件都应记录已更换口令（handover.credentialsRotated 为 true）——错误；
 *  - 保密承诺：记录为未作出（handover.confidentialityUndertaking 为 false）——错误；没有记录的（包括本字段出现之前的
 *    记录；历史事件只能追加、不能修改，旧记录无法补写）不作判断，由主管单位核实；
 *  - 管理队伍变更（信息报备或变更备案中变更事项为“管理队伍”）之前，应有一次“人员交接”记录
 *    （在上一次管理队伍变更之后、本次报备当日或之前）——警告：队伍变更不一定是有人调离，
 *    例如只是增加人员，请审核人确认。
 * 工作移交由“人员交接”事件本身记录。本办法施行前的事件不评判。
 */
function teamChange(ev: Event): number {
  if (ev.type !== '信息报备' && ev.type !== '变更备案') return -1;
  return (ev.changes ?? []).findIndex((c) => c.field === '管理队伍');
}

export default defineRule({
  name: 'handover-credentials',
  scope: 'account',
  title: { zh: '人员调离时做好工作移交、保密承诺并更换口令', en: 'staff handovers are recorded, with a confidentiality undertaking and rotated credentials' },
  citation: qj('第二十三条', '规范人员调离制度，做好工作移交、保密承诺、口令更换等必要的安全保密工作'),
  severity: 'error',
  messages: {
    notRotated: { zh: '{date} 的人员交接没有记录已更换口令（账号密码）', en: 'the staff handover of {date} does not record that the credentials were changed' },
    noUndertaking: { zh: '{date} 的人员交接记录调离人员没有作出保密承诺', en: 'the staff handover of {date} records that the leaver gave no confidentiality undertaking' },
    noHandover: { zh: '{date} 报备了管理队伍变更，但此前没有人员交接记录（工作移交、口令更换）', en: 'a team change was reported on {date} without a prior handover record (work handed over, credentials changed)' },
  },
  fix: {
    notRotated: { zh: '人员调离后须立即更换平台账号密码；更换后在该事件的 handover 中填写 "credentialsRotated": true（只记录是否更换，不得填写密码本身）。', en: 'Change the platform password at once and set handover.credentialsRotated to true (never write the password).' },
    noUndertaking: { zh: '调离人员须作出保密承诺；承诺后追加新的人员交接记录（不修改已有事件），写明 "confidentialityUndertaking": true（承诺书由单位存档，不上传本库）。', en: 'Have the leaver sign the undertaking, then record a new handover with "confidentialityUndertaking": true (the paper stays in the unit\'s archive).' },
    noHandover: { zh: '如有人员调离，请补记“人员交接”事件（写明交接岗位，"credentialsRotated": true）；如只是增加人员，请在该报备的 note 中说明“无人员调离”。', en: 'If someone left, record the handover event; if staff were only added, say so in the note.' },
  },
  check(ctx, a) {
    const evs = a.data.events;
    let lastTeamChange = -1;
    evs.forEach((ev, i) => {
      if (ev.type === '人员交接') {
        if (ctx.inForce(ev.date) && ev.handover?.credentialsRotated !== true) {
          const pointer = ev.handover ? (ev.handover.credentialsRotated === undefined ? ['events', i, 'handover'] : ['events', i, 'handover', 'credentialsRotated']) : ['events', i];
          ctx.report({ account: a, pointer, messageId: 'notRotated', data: { date: ev.date } });
        }
        if (ctx.inForce(ev.date) && ev.handover?.confidentialityUndertaking === false) ctx.report({ account: a, pointer: ['events', i, 'handover', 'confidentialityUndertaking'], messageId: 'noUndertaking', data: { date: ev.date } });
        return;
      }
      const c = teamChange(ev);
      if (c < 0) return;
      // a handover after the previous team change and dated on or before this report (it may be listed just after it on the same day)
      const covered = evs.some((h, j) => h.type === '人员交接' && j > lastTeamChange && h.date <= ev.date);
      const explained = /无人员调离/.test(ev.note ?? '');
      lastTeamChange = i;
      if (!ctx.inForce(ev.date) || covered || explained) return;
      ctx.report({ account: a, pointer: ['events', i, 'changes', c, 'field'], messageId: 'noHandover', data: { date: ev.date }, severity: 'warning' });
    });
  },
});
