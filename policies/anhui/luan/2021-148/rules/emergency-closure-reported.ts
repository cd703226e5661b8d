import type { Event } from '#engine/generated/types';
import { defineRule } from '#engine/policy/types';
import { la } from '../cite.ts';
import { inCounty } from '../helpers.ts';

export type Emergency = NonNullable<Event['emergency']>;
type Office = NonNullable<Emergency['reportedTo']>[number];

const DEPARTMENTS: Office[] = ['宣传部门', '网信部门', '公安部门'];

/**
 * 第十一条第二款：因安全、不可抗力或其他异常情况需紧急关停政务新媒体的，应第一时间按程序逐级向县（区）、市、省
 * 主管单位报备，涉及网络舆情、信息内容安全、网络安全的还应向宣传、网信、公安等部门报备。
 *
 * 关停备案写明 `emergency`（紧急关停）的：
 *  - 逐级报备（应 → 错误）：县区的账号须报县区、市、省主管单位，市级的账号须报市、省主管单位（`reportedTo`）；
 *  - 涉及网络舆情、信息内容安全或网络安全（`concerns`）的，还须报宣传、网信、公安部门（应 → 错误）；
 *  - “第一时间”没有规定时限：报备日期（`reportedOn`）晚于关停备案或未记录的，提示主管单位判断（不自定天数）。
 * 紧急关停仍按第八条办理审核、公告和注销（见 README）；本规则只看报备。
 */
export default defineRule({
  name: 'emergency-closure-reported',
  scope: 'account',
  title: { zh: '紧急关停第一时间逐级报备（涉及舆情、内容安全、网络安全的还报宣传、网信、公安部门）', en: 'an emergency closure is reported up level by level at once (and to propaganda, cyberspace and police where it concerns them)' },
  citation: la('第十一条第二款', '因安全、不可抗力或其他异常情况需紧急关停政务新媒体的，应第一时间按程序逐级向县（区）、市、省主管单位报备，涉及网络舆情、信息内容安全、网络安全的还应向宣传、网信、公安等部门报备'),
  severity: 'error',
  messages: {
    levels: { zh: '紧急关停（{date}）没有记录向{missing}报备；应逐级向县（区）、市、省主管单位报备', en: 'the emergency closure of {date} records no report to: {missingEn}; it is reported up level by level' },
    departments: { zh: '紧急关停（{date}）涉及{concerns}，但没有记录向{missing}报备', en: 'the emergency closure of {date} concerns {concernsEn} but records no report to: {missingEn}' },
    timing: { zh: '紧急关停（{date}）于 {reported} 报备；办法要求“第一时间”报备而未规定时限，请主管单位判断是否及时', en: 'the emergency closure of {date} was reported on {reported}; the measures say "at once" without a number of days: the supervising office judges' },
    undated: { zh: '紧急关停（{date}）没有记录报备日期；办法要求“第一时间”报备，请主管单位核实', en: 'the emergency closure of {date} records no date of its report; the measures say "at once": the supervising office checks' },
  },
  fix: {
    levels: { zh: '请立即向{missing}报备，并在该关停备案的 emergency.reportedTo 中登记。', en: 'Report to the missing offices at once and list them in emergency.reportedTo.' },
    departments: { zh: '请立即向{missing}报备，并在该关停备案的 emergency.reportedTo 中登记。', en: 'Report to the missing departments at once and list them in emergency.reportedTo.' },
    timing: { zh: '如确属第一时间报备，主管单位确认即可；否则请在 note 中说明原因。', en: 'If it was at once, the supervisor confirms; otherwise explain in the note.' },
    undated: { zh: '请在该关停备案的 emergency.reportedOn 中填写报备日期。', en: 'Fill in emergency.reportedOn with the date of the report.' },
  },
  check(ctx, a) {
    for (const w of ctx.state(a).works) {
      if (w.kind !== '关停' || !ctx.judged(w)) continue;
      const ev = a.data.events[w.index]!;
      const em = ev.emergency;
      if (!em) continue;
      const pointer = ['events', w.index, 'emergency'];
      const to = new Set(em.reportedTo ?? []);
      const levels: Office[] = inCounty(ctx, a) ? ['县区主管单位', '市主管单位', '省主管单位'] : ['市主管单位', '省主管单位'];
      const missingLevels = levels.filter((l) => !to.has(l));
      if (missingLevels.length) ctx.report({ account: a, pointer, messageId: 'levels', data: { date: ev.date, missing: missingLevels.join('、'), missingEn: missingLevels.map((l) => OFFICE_EN[l]).join(', ') } });
      const concerns = em.concerns ?? [];
      const missingDepts = concerns.length ? DEPARTMENTS.filter((d) => !to.has(d)) : [];
      if (missingDepts.length) {
        ctx.report({ account: a, pointer, messageId: 'departments', data: { date: ev.date, concerns: concerns.join('、'), concernsEn: concerns.map((c) => CONCERN_EN[c]).join(', '), missing: missingDepts.join('、'), missingEn: missingDepts.map((d) => OFFICE_EN[d]).join(', ') } });
      }
      if (!em.reportedOn) ctx.report({ account: a, pointer, messageId: 'undated', data: { date: ev.date }, severity: 'notice' });
      else if (em.reportedOn > ev.date) ctx.report({ account: a, pointer: [...pointer, 'reportedOn'], messageId: 'timing', data: { date: ev.date, reported: em.reportedOn }, severity: 'notice' });
    }
  },
});

const OFFICE_EN: Record<Office, string> = {
  县区主管单位: 'the county supervising office',
  市主管单位: 'the city supervising office',
  省主管单位: 'the provincial supervising office',
  宣传部门: 'the propaganda department',
  网信部门: 'the cyberspace administration',
  公安部门: 'the police',
};
const CONCERN_EN: Record<NonNullable<Emergency['concerns']>[number], string> = { 网络舆情: 'online public opinion', 信息内容安全: 'content security', 网络安全: 'network security' };
