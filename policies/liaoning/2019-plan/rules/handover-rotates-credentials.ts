import { isLive } from '#engine/policy/common/structure';
import { defineRule } from '#engine/policy/types';
import { ANQUAN, ln } from '../cite.ts';

/**
 * 三、（三）：加强对账号密码的安全管理，防止账号被盗用或被恶意攻击等安全事件发生。
 * 本方案没有规定何时更换口令，因此只作“提示”：人员交接时没有更换口令（handover.credentialsRotated
 * 不为 true），且交接当日或之后也没有“密码更换”事件的，提示主办单位注意。只看仍在运行的账号。
 */
export default defineRule({
  name: 'handover-rotates-credentials',
  scope: 'account',
  title: { zh: '人员交接时更换账号口令', en: 'credentials are rotated when staff hand over' },
  citation: ln(ANQUAN, '加强对账号密码的安全管理，防止账号被盗用或被恶意攻击等安全事件发生'),
  modality: '加强',
  severity: 'notice',
  messages: {
    notRotated: {
      zh: '{date} 的人员交接（{from} → {to}）没有记录更换账号口令，此后也没有“密码更换”事件',
      en: 'the handover of {date} ({from} → {to}) did not rotate the credentials and no rotation was recorded since',
    },
  },
  fix: {
    zh: '交接后请尽快更换账号口令，并追加“密码更换”事件（只写日期和确认人职务，绝不写密码本身）。',
    en: 'Rotate the credentials and append a 密码更换 event (date and attesting role only, never the password).',
  },
  check(ctx, a) {
    if (!isLive(ctx, a)) return;
    const evs = a.data.events;
    evs.forEach((ev, i) => {
      if (ev.type !== '人员交接' || !ctx.inForce(ev.date)) return;
      if (ev.handover?.credentialsRotated === true) return;
      if (evs.some((x, j) => j > i && x.type === '密码更换' && x.date >= ev.date)) return;
      ctx.report({
        account: a,
        pointer: ev.handover?.credentialsRotated === false ? ['events', i, 'handover', 'credentialsRotated'] : ['events', i],
        messageId: 'notRotated',
        data: { date: ev.date, from: ev.handover?.fromRole ?? '（未写明）', to: ev.handover?.toRole ?? '（未写明）' },
      });
    });
  },
});
