import { defineRule } from '#engine/policy/types';
import { ART, js } from '../cite.ts';

/**
 * “加强对政务新媒体账号密码和使用终端的安全管理，防止账号被盗用”：本库的落实办法是，登记了“人员交接”的，
 * 交接时须更换口令——交接事件写明 handover.credentialsRotated 为 true，或同一天登记了“密码更换”事件。
 * 《通知》没有直接规定“交接即换密码”，这是对“加强……管理”的实施性解读（情态词表：“加强”而未规定具体行为 → 提示），由审核人判断。
 * 本库只记录何时更换，绝不记录口令本身（register/secret 会拒绝疑似口令的内容）。
 */
export default defineRule({
  name: 'handover-credentials',
  scope: 'account',
  title: { zh: '人员交接时更换账号口令', en: 'credentials are rotated at a staff handover' },
  citation: js(ART.security, '加强对政务新媒体账号密码和使用终端的安全管理，防止账号被盗用或被恶意攻击等安全事件发生'),
  modality: '加强',
  severity: 'notice',
  messages: {
    notRotated: { zh: '{date} 的人员交接（{from} → {to}）没有记录更换账号口令', en: 'the handover of {date} ({from} → {to}) does not record a credential rotation' },
  },
  fix: { zh: '人员交接时应立即更换账号口令并收回使用终端：请在交接事件中写明 "credentialsRotated": true，或登记同日的“密码更换”事件（只写日期和确认人职务，不写密码）。', en: 'Rotate the credentials at the handover: set handover.credentialsRotated to true or record a same-day 密码更换 event (never the password itself).' },
  check(ctx, a) {
    const evs = a.data.events;
    evs.forEach((ev, i) => {
      if (ev.type !== '人员交接' || !ctx.inForce(ev.date)) return;
      if (ev.handover?.credentialsRotated === true) return;
      if (evs.some((e) => e.type === '密码更换' && e.date === ev.date)) return;
      const pointer = ev.handover?.credentialsRotated === false ? ['events', i, 'handover', 'credentialsRotated'] : ev.handover ? ['events', i, 'handover'] : ['events', i];
      ctx.report({ account: a, pointer, messageId: 'notRotated', data: { date: ev.date, from: ev.handover?.fromRole ?? '？', to: ev.handover?.toRole ?? '？' } });
    });
  },
});
