import { workEvents } from '#engine/policy/common/process';
import { defineRule } from '#engine/policy/types';
import { qj } from '../cite.ts';

/**
 * 第十三条：开设、变更、关停、注销“要经本单位主要负责人同意”。
 * 备案事件的 unitDecision.by 须写明同意者是主要负责人（写“主要负责人”，或写主要负责人的姓名，
 * 即 team.principal.name）。集体研究的，也请写明主要负责人同意，例如“主要负责人（党组会议研究）”。
 * 没有 unitDecision 或意见为“不同意”的，由 filing-requirements 报告，这里不重复。
 * 本办法施行前的备案不评判。
 */
const LABEL = { 开设: '开设', 补录: '补录', 变更: '变更', 关停: '关停' } as const;

export default defineRule({
  name: 'consent-by-principal',
  scope: 'account',
  title: { zh: '备案由本单位主要负责人同意', en: 'filings are consented to by the head of the unit' },
  citation: qj('第十三条', '要经本单位主要负责人同意'),
  severity: 'error',
  messages: {
    noBy: { zh: '{kind}备案（{date}）的单位意见没有写明由谁同意，应由本单位主要负责人同意', en: 'the {kind} filing of {date} does not say who consented; the head of the unit must' },
    notPrincipal: { zh: '{kind}备案（{date}）由“{by}”同意，应经本单位主要负责人同意', en: 'the {kind} filing of {date} was consented to by "{by}", not by the head of the unit' },
  },
  fix: {
    noBy: { zh: '请在该备案事件的 unitDecision 中填写 "by": "主要负责人"（经主要负责人同意后）。', en: 'Add "by": "主要负责人" to the filing\'s unitDecision once the head of the unit has agreed.' },
    notPrincipal: { zh: '请报本单位主要负责人同意后，把 unitDecision.by 改为“主要负责人”（或其姓名）；分管负责人同意不能代替主要负责人同意。', en: 'Get the head of the unit\'s consent and record it; a deputy\'s consent does not replace it.' },
  },
  check(ctx, a) {
    if (!a.data.team) return; // unknown team (backfilled account)
    const principal = a.data.team.principal.name;
    for (const w of ctx.state(a).works) {
      if (!ctx.judged(w)) continue;
      const ev = workEvents(a, w)[0]?.ev;
      const d = ev?.unitDecision;
      if (!ev || !d || d.decision !== '同意') continue;
      const data = { kind: LABEL[w.kind], date: ev.date, by: d.by ?? '' };
      if (!d.by?.trim()) ctx.report({ account: a, pointer: ['events', w.index, 'unitDecision'], messageId: 'noBy', data });
      else if (!d.by.includes('主要负责人') && d.by.trim() !== principal) ctx.report({ account: a, pointer: ['events', w.index, 'unitDecision', 'by'], messageId: 'notPrincipal', data });
    }
  },
});
