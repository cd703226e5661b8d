import { CALENDAR_FIX, workEvents } from '#engine/policy/common/process';
import { defineRule } from '#engine/policy/types';
import { zg } from '../cite.ts';
import { judged } from '../util.ts';

/**
 * 第七条（六）：认证（上架）后3个工作日内完成全国政务新媒体报送系统填报；首次开设政务新媒体的
 * 主办单位从收到下发的账户密码之日起算。
 *
 * The schema has no field for the day a first-time unit received its national-system account. For
 * a unit with no earlier account entered in the system, the rule reads that day from the entry
 * event's note (“2022-05-17 收到报送系统账户” — a date and 收到 in the note) and counts from it;
 * without it a late entry is only a warning for the reviewer.
 *
 * 补录（第八条：已开设确需保留的，“按本办法第七条的规定完善开设手续”）: a backfilled account was certified before it
 * was filed, so the step that completes its filing is the supervising office's approval (第七条（四）); the entry is due
 * within 3 working days of that approval (or of a certification recorded after it). The first-time clause applies alike.
 * An adoption record (补录备案 with status) is not a filing through the register and is not judged.
 */
const RECEIPT_DATE = /(\d{4}-\d{2}-\d{2})/;
export default defineRule({
  name: 'entry-within-3-workdays',
  scope: 'account',
  title: { zh: '认证（上架）后3个工作日内完成全国政务新媒体报送系统填报（补录：审核同意后）', en: 'national-system entry within 3 working days of certification (a backfill: of the approval)' },
  citation: zg('第七条（六）、第八条', '完成政务新媒体账号认证（上架）后，主办单位应在3个工作日内（首次开设政务新媒体的主办单位从收到下发的账户密码之日起算）完成全国政务新媒体报送系统的信息填报工作'),
  severity: 'error',
  messages: {
    late: {
      zh: '“系统填报”于 {toDate} 办理，超过了期限：应在“{fromType}”（{fromDate}）后3个工作日内，即 {due} 前完成',
      en: 'the national-system entry on {toDate} was late: due within 3 working days of "{fromType}" ({fromDate}), i.e. by {due}',
    },
    lateFromReceipt: {
      zh: '“系统填报”于 {toDate} 办理，超过了期限：本单位为首次开设，应在收到报送系统账户（{receipt}）后3个工作日内，即 {due} 前完成',
      en: 'the national-system entry on {toDate} was late: a first-time unit must enter within 3 working days of receiving its system account ({receipt}), i.e. by {due}',
    },
    firstTime: {
      zh: '“系统填报”于 {toDate} 办理，晚于“{fromType}”（{fromDate}）后3个工作日（{due}）。本单位此前没有在全国政务新媒体报送系统中填报过账号，属首次开设的，期限从收到下发的账户密码之日起算，但本事件没有写明收到日期',
      en: 'the national-system entry on {toDate} is later than 3 working days after "{fromType}" ({fromDate}, due {due}); the unit had no account in the national system before, and for a first-time unit the clock starts when it received its system account: the supervisor should check that date',
    },
    uncovered: {
      zh: '无法确定“系统填报”是否逾期：期限计算需要 {years} 年的官方节假日安排，本库尚未收录（按普通周一至周五估算，期限约为 {due}）',
      en: 'cannot tell whether the entry was late: the deadline needs the official holiday calendar for {years} (estimated {due} assuming plain weeks)',
    },
  },
  fix: {
    late: { zh: '期限已过，请在该事件的 note 中说明逾期原因并向主管单位报告；今后请在认证后3个工作日内填报。', en: 'Explain the delay in the event\'s note and report it to the supervising office.' },
    lateFromReceipt: { zh: '期限已过，请在该事件的 note 中说明逾期原因并向主管单位报告。', en: 'Explain the delay in the event\'s note and report it to the supervising office.' },
    firstTime: { zh: '请在该“系统填报”事件的 note 中写明收到账户的日期，格式如“2022-05-17 收到报送系统账户”（只写日期，不写账户名和密码），检查会从该日起算3个工作日。', en: 'Write the receipt date in the entry event\'s note, e.g. "2022-05-17 收到报送系统账户" (date only, never credentials); the deadline is then counted from it.' },
    uncovered: CALENDAR_FIX,
  },
  check(ctx, a) {
    const works = ctx.state(a).works;
    for (const w of works) {
      if ((w.kind !== '开设' && w.kind !== '补录') || w.adopted || !judged(ctx, w)) continue;
      const evs = workEvents(a, w);
      const certified = ({ ev }: { ev: { type: string } }): boolean => ev.type === '平台认证' || ev.type === '应用上架';
      let start = w.kind === '开设' ? evs.find(certified) : undefined;
      if (w.kind === '补录') {
        // the filing is complete with the approval; a certification recorded after it starts the clock instead
        const approval = evs.find(({ ev }) => ev.type === '主管审核' && ev.decision === '同意');
        start = approval && (evs.find((x) => x.i > approval.i && certified(x)) ?? approval);
      }
      if (!start) continue;
      const from = start;
      const end = evs.find(({ ev, i }) => i > from.i && ev.type === '系统填报' && (ev.action === undefined || ev.action === w.kind || (w.kind === '补录' && ev.action === '开设')));
      if (!end) continue;
      const r = ctx.calendar.judgePeriod({ from: start.ev.date, amount: 3, unit: 'workdays', direction: 'by', actual: end.ev.date });
      if (r.verdict === 'ok') continue;
      const data = { toDate: end.ev.date, fromType: start.ev.type, fromDate: start.ev.date, due: r.due, years: r.uncovered.join('、') };
      const pointer = ['events', end.i, 'date'];
      if (r.verdict === 'unknown') {
        ctx.report({ account: a, pointer, messageId: 'uncovered', actor: 'maintainers', data, severity: 'warning' });
        continue;
      }
      // 首次开设: no other account of the unit was entered in the national system before this certification.
      const earlier = (ctx.register.accountsByUnit.get(a.unitId) ?? []).some(
        (o) => o !== a && o.data.events.some((ev) => ev.type === '系统填报' && ev.date < from.ev.date),
      );
      if (earlier) {
        ctx.report({ account: a, pointer, messageId: 'late', data });
        continue;
      }
      const note = end.ev.note ?? '';
      const receipt = note.includes('收到') ? RECEIPT_DATE.exec(note)?.[1] : undefined;
      if (!receipt || !ctx.calendar.isValidDate(receipt)) {
        ctx.report({ account: a, pointer, messageId: 'firstTime', data, severity: 'warning' });
        continue;
      }
      const clock = receipt > from.ev.date ? receipt : from.ev.date;
      const r2 = ctx.calendar.judgePeriod({ from: clock, amount: 3, unit: 'workdays', direction: 'by', actual: end.ev.date });
      if (r2.verdict === 'late') ctx.report({ account: a, pointer, messageId: 'lateFromReceipt', data: { ...data, receipt, due: r2.due } });
      else if (r2.verdict === 'unknown') ctx.report({ account: a, pointer, messageId: 'uncovered', actor: 'maintainers', data: { ...data, due: r2.due, years: r2.uncovered.join('、') }, severity: 'warning' });
    }
  },
});
