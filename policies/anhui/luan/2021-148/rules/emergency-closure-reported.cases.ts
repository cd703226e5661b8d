/**
 * emergency-closure-reported 规则的用例（tests/policy-rules.test.ts 运行；命令行不加载，不编入 dist/）。
 * Cases of the rule emergency-closure-reported: run by tests/policy-rules.test.ts, never loaded by the CLI, not built.
 */
import type { RuleCases } from '#engine/dev/cases';
import { closeEvents, type FixtureKit } from '#engine/dev/fixture';
import type { Event } from '#engine/generated/types';
import { addCounty, countyOpenEvents } from '../helpers.cases.ts';
import type { Emergency } from './emergency-closure-reported.ts';

/** A closure on 2026-03-02 whose filing records an emergency. */
function emergencyEvents(emergency: Emergency): Event[] {
  const evs = closeEvents('2026-03-02');
  evs[0]!.emergency = emergency;
  return evs;
}

function emergencyClose(k: FixtureKit, emergency: Emergency): void {
  k.get('dept-weixin').events.push(...emergencyEvents(emergency));
}

const cases: RuleCases = {
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
};
export default cases;
