import { defineRule } from '#engine/policy/types';
import { ART, Q_FILING, js } from '../cite.ts';
import { KIND_EN, KIND_TEXT, approvalsOf, cityFiling, entryOf, judged, tierOf } from '../filing.ts';

/**
 * “须经同级政府办公室审核同意，并报市政府办公室备案后，……登录国家、省政务新媒体系统登记备案”：
 * 系统登记（系统填报）之前须已审核同意，并已报市政府办公室备案。
 * - 市级单位：同级政府办公室就是市政府办公室，审核同意即视为已报市政府办公室备案。
 * - 县区（功能区）单位：本级政府办公室审核同意后，须有“上报备案”（level 市级）事件，且在系统填报之前。
 * 完全没有审核同意记录的，由 supervisor-approval 报告，这里不重复。
 */
export default defineRule({
  name: 'city-filing-before-entry',
  scope: 'account',
  title: { zh: '审核同意并报市政府办公室备案后才登录系统登记', en: 'system entry only after approval and filing with the city office' },
  citation: js(ART.filing, Q_FILING),
  severity: 'error',
  messages: {
    early: { zh: '{kind}的“系统填报”（{date}）早于同级政府办公室的审核同意（{approved}）', en: 'the system entry of the {kindEn} ({date}) precedes the same-level office\'s approval ({approved})' },
    missing: { zh: '{kind}事项已于 {date} 登录系统登记，但没有报市政府办公室备案（“上报备案”）的记录；县区（功能区）单位经本级政府办公室审核同意后，须先报市政府办公室备案', en: 'the {kindEn} was entered in the system on {date} with no record of filing with the city office (上报备案); county units must file with the city office after their own office approves' },
    reportBeforeApproval: { zh: '“上报备案”（{date}）早于本级政府办公室的审核同意（{approved}）：须先审核同意，再报市政府办公室备案', en: 'the report to the city office ({date}) precedes the approval of the unit\'s own office ({approved})' },
  },
  fix: {
    early: { zh: '须先经同级政府办公室审核同意并报市政府办公室备案，再登录国家、省政务新媒体系统登记；请核对日期，确属先登记后审核的，请向主管单位说明情况。', en: 'Approval and filing come first; check the dates and explain to the supervising office.' },
    missing: { zh: '请补充“上报备案”事件（"level": "市级"，写明报送日期），日期应在审核同意之后、系统填报之前；尚未报送的，请立即报市政府办公室备案。', en: 'Record the report to the city office (上报备案, level 市级), dated after the approval and before the system entry.' },
    reportBeforeApproval: { zh: '请核对日期：应在本级政府办公室审核同意之后再报市政府办公室备案。', en: 'Check the dates: report to the city office after your own office approves.' },
  },
  check(ctx, a) {
    const tier = tierOf(ctx, a);
    if (!tier) return;
    for (const w of ctx.state(a).works) {
      if (!judged(ctx, w)) continue;
      const entry = entryOf(a, w);
      if (!entry) continue;
      const all = approvalsOf(a, w);
      if (all.length === 0) continue;
      const cf = cityFiling(tier, a, w, entry);
      const kind = KIND_TEXT[w.kind];
      const kindEn = KIND_EN[w.kind];
      if (!cf.approval) {
        ctx.report({ account: a, pointer: ['events', entry.i, 'date'], messageId: 'early', data: { kind, kindEn, date: entry.ev.date, approved: all[0]!.ev.date } });
      } else if (!cf.filing && cf.early) {
        ctx.report({ account: a, pointer: ['events', cf.early.i, 'date'], messageId: 'reportBeforeApproval', data: { date: cf.early.ev.date, approved: cf.approval.ev.date } });
      } else if (!cf.filing) {
        ctx.report({ account: a, pointer: ['events', entry.i], messageId: 'missing', data: { kind, kindEn, date: entry.ev.date } });
      }
    }
  },
});
