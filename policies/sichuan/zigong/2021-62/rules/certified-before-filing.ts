import { defineRule } from '#engine/policy/types';
import { zg } from '../cite.ts';
import { judgedDate } from '../util.ts';

/**
 * 第七条（五）：未经审核同意并备案的新媒体账号，不得提交机构认证（APP 不得上架）。
 * 第三十三条（二）：账号已认证（APP 已上架）并实际运行超过14天，但仍未按程序提交备案的，予以通报。
 *
 * certification-after-approval judges certifications inside an opening; this rule judges those
 * recorded before the account's first filing: before an opening filing that is an error; before a
 * backfill (补录备案, the remedy) it is a notice when the backfill came more than 14 days later, so
 * the supervising office sees the 第三十三条（二） case without the backfill being blocked.
 */
export default defineRule({
  name: 'certified-before-filing',
  scope: 'account',
  title: { zh: '未经审核备案不得认证（上架）；已认证的须在14天内备案', en: 'no certification before filing; certified accounts are filed within 14 days' },
  citation: zg('第七条（五）、第三十三条（二）', '账号已认证（移动客户端或APP已上架）并实际运行超过14天，但仍未按程序提交备案的'),
  severity: 'error',
  messages: {
    beforeOpening: { zh: '“{type}”（{date}）早于开设备案（{filed}）：未经审核同意并备案的账号不得提交机构认证（上架）', en: '"{type}" ({date}) came before the opening filing ({filed})' },
    neverFiled: { zh: '账号已于 {date} {type}，但没有开设备案或补录备案', en: 'the account was certified ({type}, {date}) but never filed' },
    lateBackfill: { zh: '账号于 {date} {type}，{days} 天后（{filed}）才补录备案，属于第三十三条（二）“已认证并实际运行超过14天仍未备案”的情形', en: 'the account was certified on {date} and backfilled only {days} days later ({filed}): a case under art. 33(2)' },
  },
  fix: {
    beforeOpening: { zh: '请核对日期；确系先认证后备案的，应向主管单位说明情况，并把开设备案改记为“补录备案”。', en: 'Check the dates; if the account was certified first, explain to the supervisor and record the filing as a backfill.' },
    neverFiled: { zh: '请立即办理补录备案（写明开设理由和未及时备案的原因），报主管单位审核。', en: 'File a backfill now, with the reason, for the supervisor\'s review.' },
    lateBackfill: { zh: '补录备案已办理；主管单位可按第三十三条对主办单位进行通报或约谈。此提示不阻止合并。', en: 'The backfill is done; the supervisor may act under art. 33. This notice does not block.' },
  },
  check(ctx, a) {
    const evs = a.data.events;
    const first = ctx.state(a).works[0];
    const end = first ? first.index : evs.length;
    for (let i = 0; i < end; i++) {
      const ev = evs[i]!;
      if ((ev.type !== '平台认证' && ev.type !== '应用上架') || !judgedDate(ctx, ev.date)) continue;
      const pointer = ['events', i, 'type'];
      if (!first) ctx.report({ account: a, pointer, messageId: 'neverFiled', data: { type: ev.type, date: ev.date } });
      else if (first.kind === '补录') {
        const days = ctx.calendar.diffDays(ev.date, first.start);
        if (days > 14) ctx.report({ account: a, pointer, messageId: 'lateBackfill', severity: 'notice', data: { type: ev.type, date: ev.date, filed: first.start, days } });
      } else ctx.report({ account: a, pointer, messageId: 'beforeOpening', data: { type: ev.type, date: ev.date, filed: first.start } });
      return;
    }
  },
});
