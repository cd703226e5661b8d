import { workEvents } from '#engine/policy/common/process';
import { defineRule } from '#engine/policy/types';
import { zg } from '../cite.ts';
import { cityOffice, doneIndex, judged } from '../util.ts';

/**
 * 第七条（四）：经审核同意的……报政务新媒体主管单位签署意见后，由主管单位报市政府办公室，同步抄送一份至
 * 市政务服务和数字化管理局。关停（第九条（一））和关键信息变更（第十七条（一））按同一程序备案。
 *
 * For a unit whose supervising office is not the 市政府办公室 itself (区县 units, units of a
 * vertically managed system), a completed filing must show the 上报备案 to the city office.
 * City departments report to the 市政府办公室 directly: their 主管审核 is that report.
 * It is the supervising office's step (actor: supervisor), recorded in the host unit's file: a warning shown to the
 * supervising office that never blocks the unit's PR.
 */
export default defineRule({
  name: 'forwarded-to-city-office',
  scope: 'account',
  title: { zh: '区县（系统）主管单位签署意见后报市政府办公室备案', en: 'filings approved by a county or sector supervisor are forwarded to the city office' },
  citation: zg('第七条（四）', '报政务新媒体主管单位签署意见后，由主管单位报市政府办公室，同步抄送一份至市政务服务和数字化管理局'),
  severity: 'warning',
  // 第七条（四）“由主管单位报市政府办公室”：报送是主管单位的行为，如实记录、提示主管单位，不阻断主办单位
  actor: 'supervisor',
  messages: {
    notForwarded: {
      zh: '{kind}备案（{date}）已办结，但没有记录主管单位“{supervisor}”将备案材料报送“{city}”（上报备案）',
      en: 'the {kind} filing of {date} was completed, but there is no record that "{supervisor}" forwarded it to "{city}"',
    },
  },
  fix: {
    zh: '请主管单位“{supervisor}”将签署意见后的备案表报“{city}”并抄送市政务服务和数字化管理局，然后在该备案之后追加“上报备案”事件（level 填“市级”，注明报送日期）。',
    en: 'The supervisor forwards the signed form to the city office (copy to the data bureau); then append an 上报备案 event with level 市级.',
  },
  check(ctx, a) {
    const u = ctx.unitOf(a);
    if (!u) return;
    const sup = ctx.supervisorOf(u);
    const city = cityOffice(ctx, u);
    if (!sup || !city || sup.id === city.id || u.id === city.id) return;
    for (const w of ctx.state(a).works) {
      if (!w.done || !judged(ctx, w)) continue;
      const end = doneIndex(a, w);
      const forwarded = workEvents(a, w).some(({ ev, i }) => ev.type === '上报备案' && i < end);
      if (!forwarded) ctx.report({ account: a, pointer: ['events', w.index], messageId: 'notForwarded', data: { kind: w.kind, date: w.start, supervisor: sup.data.name, city: city.data.name } });
    }
  },
});
