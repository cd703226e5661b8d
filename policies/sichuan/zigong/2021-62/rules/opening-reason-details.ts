import { defineRule } from '#engine/policy/types';
import { zg } from '../cite.ts';
import { judged } from '../util.ts';

const UPPER = /上级.{0,6}(要求|通知|文件|部署)/;

/**
 * 附件1 注2：开办理由应详细说明开办的必要性，如系上级要求，应附上相应文件或通知等，并明确信息发布来源及
 * 相应更新保障机制。filing-requirements checks that a reason exists; this rule looks for the
 * information source and the update guarantee in it, and for the document when the reason cites a
 * superior's requirement. Each of the three is a concrete duty (应……附上、应……明确 → error); the one part
 * without a measure, “详细说明开办的必要性”, is not judged at all (no invented length: the supervising
 * office reads the reason). The rule looks for words that name a source (来源、稿源、信息由、内容由) and an
 * update arrangement (更新、发布频次、发布频率); the fix says which words are looked for.
 */
export default defineRule({
  name: 'opening-reason-details',
  scope: 'account',
  title: { zh: '开办理由写明信息发布来源和更新保障机制', en: 'the opening reason names the information source and the update guarantee' },
  citation: zg('附件1 注2', '开办理由应详细说明开办的必要性，如系上级要求，应附上相应文件或通知等，并明确信息发布来源及相应更新保障机制'),
  severity: 'error',
  messages: {
    noSource: { zh: '{kind}备案（{date}）的开办理由没有写明信息发布来源', en: 'the {kind} filing of {date} does not name the source of the information published' },
    noUpdate: { zh: '{kind}备案（{date}）的开办理由没有写明更新保障机制', en: 'the {kind} filing of {date} does not state how updates are guaranteed' },
    noDocument: { zh: '{kind}备案（{date}）的开办理由称系上级要求，但没有附上相应文件或通知', en: 'the {kind} filing of {date} cites a superior\'s requirement without attaching the document' },
  },
  fix: {
    noSource: { zh: '请在 reason 中写明信息发布来源（写明“来源”“稿源”或“信息由……提供”），例如“信息来源为本单位各科室及上级政府网站”。', en: 'State in the reason where the information comes from.' },
    noUpdate: { zh: '请在 reason 中写明更新保障，例如“由办公室专人负责，每周至少更新1次”。', en: 'State in the reason who updates the account and how often.' },
    noDocument: { zh: '请在该事件的 ref 中写明上级文件文号，或在 evidence 中登记该文件（kind 为“批复文件”）。', en: 'Put the document number in ref, or list the document in evidence.' },
  },
  check(ctx, a) {
    for (const w of ctx.state(a).works) {
      if ((w.kind !== '开设' && w.kind !== '补录') || !judged(ctx, w)) continue;
      const ev = a.data.events[w.index]!;
      const reason = ev.reason?.trim();
      if (!reason) continue; // filing-requirements reports a missing reason
      const data = { kind: w.kind, date: ev.date };
      const pointer = ['events', w.index, 'reason'];
      if (!/来源|稿源|信息由|内容由/.test(reason)) ctx.report({ account: a, pointer, messageId: 'noSource', data });
      if (!/更新|发布频次|发布频率/.test(reason)) ctx.report({ account: a, pointer, messageId: 'noUpdate', data });
      if (UPPER.test(reason) && !ev.ref && !(ev.evidence && ev.evidence.length)) ctx.report({ account: a, pointer, messageId: 'noDocument', data });
    }
  },
});
