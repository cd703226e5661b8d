import { closeEvents } from '../../../../../scripts/policy/fixture.ts';
import type { FixtureKit } from '../../../../../scripts/policy/fixture.ts';
import type { Event } from '../../../../../scripts/generated/types.ts';
import { defineRule } from '../../../../../scripts/policy/types.ts';
import { la } from '../cite.ts';
import { addCounty, countyOpenEvents, inCounty } from '../helpers.ts';

type Emergency = NonNullable<Event['emergency']>;
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
  cases: {
    valid: [
      { name: 'an ordinary closure records no emergency' },
      { name: 'a city account closed in an emergency, reported the same day to the city and province offices', setup: (k) => emergencyClose(k, { cause: '安全', reportedTo: ['市主管单位', '省主管单位'], reportedOn: '2026-03-02' }) },
      {
        name: 'an emergency over public opinion, reported to every level and to propaganda, cyberspace and police',
        setup: (k) => emergencyClose(k, { cause: '安全', concerns: ['网络舆情'], reportedTo: ['市主管单位', '省主管单位', '宣传部门', '网信部门', '公安部门'], reportedOn: '2026-03-02' }),
      },
      {
        name: 'a county account reported to the county, city and province offices',
        setup: (k) => {
          addCounty(k, [...countyOpenEvents('2026-01-05'), ...emergencyEvents({ cause: '不可抗力', reportedTo: ['县区主管单位', '市主管单位', '省主管单位'], reportedOn: '2026-03-02' })]);
        },
      },
    ],
    invalid: [
      {
        name: 'a city account reported to the city office only',
        setup: (k) => emergencyClose(k, { cause: '安全', reportedTo: ['市主管单位'], reportedOn: '2026-03-02' }),
        errors: [{ account: 'dept-weixin', pointer: ['events', 5, 'emergency'], messageId: 'levels', data: { missing: '省主管单位' }, messageIncludesEn: 'the provincial supervising office', severity: 'error' }],
      },
      {
        name: 'a county account that skipped the county office (逐级: every level)',
        setup: (k) => addCounty(k, [...countyOpenEvents('2026-01-05'), ...emergencyEvents({ cause: '其他异常情况', reportedTo: ['市主管单位', '省主管单位'], reportedOn: '2026-03-02' })]),
        errors: [{ account: 'jz-weixin', pointer: ['events', 6, 'emergency'], messageId: 'levels', data: { missing: '县区主管单位' } }],
      },
      {
        name: 'a network-security emergency not reported to cyberspace and police',
        setup: (k) => emergencyClose(k, { cause: '安全', concerns: ['网络安全'], reportedTo: ['市主管单位', '省主管单位', '宣传部门'], reportedOn: '2026-03-02' }),
        errors: [{ account: 'dept-weixin', pointer: ['events', 5, 'emergency'], messageId: 'departments', data: { missing: '网信部门、公安部门', concerns: '网络安全' }, messageIncludesEn: 'the cyberspace administration, the police' }],
      },
      {
        name: 'reported three days after the emergency closure: “第一时间” has no number, so a notice for the supervisor',
        setup: (k) => emergencyClose(k, { cause: '安全', reportedTo: ['市主管单位', '省主管单位'], reportedOn: '2026-03-05' }),
        errors: [{ account: 'dept-weixin', pointer: ['events', 5, 'emergency', 'reportedOn'], messageId: 'timing', data: { reported: '2026-03-05' }, severity: 'notice' }],
      },
      {
        name: 'no date of the report recorded: a notice for the supervisor',
        setup: (k) => emergencyClose(k, { cause: '安全', reportedTo: ['市主管单位', '省主管单位'] }),
        errors: [{ account: 'dept-weixin', pointer: ['events', 5, 'emergency'], messageId: 'undated', severity: 'notice' }],
      },
    ],
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

/** A closure on 2026-03-02 whose filing records an emergency. */
function emergencyEvents(emergency: Emergency): Event[] {
  const evs = closeEvents('2026-03-02');
  evs[0]!.emergency = emergency;
  return evs;
}

function emergencyClose(k: FixtureKit, emergency: Emergency): void {
  k.get('dept-weixin').events.push(...emergencyEvents(emergency));
}
