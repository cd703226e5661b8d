import { workEvents } from '#engine/policy/common/process';
import { defineRule } from '#engine/policy/types';
import { la } from '../cite.ts';
import { KIND_EN } from '../helpers.ts';

const PLATFORM_STEPS = new Set(['平台变更', '变更公告', '注销公告', '平台注销', '应用下架']);

/**
 * 第十一条：变更、关停须经逐级核准后再向新媒体平台运营方按流程提出申请，严禁私自关停。
 * 第八条：核准后……向社会公告。——变更、关停办理中，平台上的操作和公告都须在主管单位审核同意之后。
 */
export default defineRule({
  name: 'change-close-after-approval',
  scope: 'account',
  title: { zh: '变更、关停经核准后再向平台申请，严禁私自关停', en: 'changes and closures go to the platform only after approval' },
  citation: la('第十一条、第八条', '须经逐级核准后再向新媒体平台运营方按流程提出申请，严禁私自关停'),
  severity: 'error',
  messages: {
    early: {
      zh: '{kind}办理中的“{type}”（{date}）发生在主管单位审核同意之前',
      en: '"{type}" ({date}) of the {kindEn} came before the supervising office approved',
    },
  },
  fix: {
    zh: '变更、关停须先经主管单位审核同意，再向平台申请、发布公告；请核对日期，确属私自办理的，请向主管单位说明情况。',
    en: 'Approval comes first, then the platform and the announcement; check the dates or explain to the supervisor.',
  },
  check(ctx, a) {
    for (const w of ctx.state(a).works) {
      if ((w.kind !== '变更' && w.kind !== '关停') || !ctx.judged(w)) continue;
      let approved: string | undefined;
      for (const { ev, i } of workEvents(a, w)) {
        if (ev.type === '主管审核' && ev.decision === '同意' && !approved) approved = ev.date;
        if (PLATFORM_STEPS.has(ev.type) && (!approved || ev.date < approved)) {
          ctx.report({ account: a, pointer: ['events', i, 'type'], messageId: 'early', data: { kind: w.kind, kindEn: KIND_EN[w.kind], type: ev.type, date: ev.date } });
        }
      }
    }
  },
});
