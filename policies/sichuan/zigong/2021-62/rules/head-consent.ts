import { defineRule } from '#engine/policy/types';
import { zg } from '../cite.ts';
import { judged } from '../util.ts';

/** Collective decisions and the head of the unit. */
const HEAD = /主要负责人|党组|党委|党工委|会议|办公会|集体/;
/** Clearly not the head: deputies, section chiefs, staff. */
const NOT_HEAD = /分管|副|科长|股长|经办|科员|办公室主任/;

/**
 * 第七条（二）：经单位主要负责人同意后……；第九条（一）：经单位主要负责人同意后……提交备案。
 * filing-requirements checks that the unit's consent is recorded; this rule reads its `by`: a consent
 * given by a deputy or a section chief is not the head's consent. The article prescribes the head's consent (a provision → an error); the rule reports only a `by`
 * that clearly names someone else (a deputy, a section chief, staff), never guesses at other free text.
 */
export default defineRule({
  name: 'head-consent',
  scope: 'account',
  title: { zh: '开设、关停经单位主要负责人同意', en: 'openings and closures are agreed by the head of the unit' },
  citation: zg('第七条（二）、第九条（一）', '经单位主要负责人同意后'),
  severity: 'error',
  messages: {
    notHead: { zh: '{kind}备案（{date}）的主办单位意见由“{by}”作出；本办法要求经单位主要负责人同意', en: 'the {kind} filing of {date} was agreed by "{by}"; the head of the unit must agree' },
  },
  fix: { zh: '请报单位主要负责人（或领导班子集体研究）同意后再备案，并把 unitDecision.by 填为“主要负责人”或会议名称。', en: 'Get the head\'s (or the leadership meeting\'s) consent and record it in unitDecision.by.' },
  check(ctx, a) {
    for (const w of ctx.state(a).works) {
      if (w.kind === '变更' || !judged(ctx, w)) continue;
      const ev = a.data.events[w.index]!;
      const by = ev.unitDecision?.by;
      if (!by || HEAD.test(by) || !NOT_HEAD.test(by)) continue;
      ctx.report({ account: a, pointer: ['events', w.index, 'unitDecision', 'by'], messageId: 'notHead', data: { kind: w.kind, date: ev.date, by } });
    }
  },
});
