import { workEvents } from '../../../../../scripts/policy/common/process.ts';
import { closeEvents } from '../../../../../scripts/policy/fixture.ts';
import type { FixtureKit } from '../../../../../scripts/policy/fixture.ts';
import { defineRule } from '../../../../../scripts/policy/types.ts';
import { la } from '../cite.ts';
import { KIND_EN } from '../helpers.ts';

const PLATFORM_STEPS = new Set(['平台变更', '变更公告', '注销公告', '平台注销', '应用下架']);

function change(k: FixtureKit, platformChanged: string): void {
  const a = k.get('dept-weixin');
  a.events.push(
    { type: '变更备案', date: '2026-04-01', reason: '机构更名，账号名称随之变更。', unitDecision: { decision: '同意', date: '2026-04-01', by: '主要负责人' }, changes: [{ field: '账号名称', from: '六安市卫计委发布', to: a.name }] },
    { type: '平台变更', date: platformChanged },
    { type: '主管审核', date: '2026-04-02', decision: '同意', reviewer: '六安市人民政府办公室', level: '同级' },
    { type: '系统填报', date: '2026-04-08', action: '变更' },
  );
  // keep the events in date order: the platform change goes where its date puts it
  a.events.sort((x, y) => (x.date < y.date ? -1 : x.date > y.date ? 1 : 0));
}

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
  cases: {
    valid: [
      { name: 'closure announced after approval', setup: (k) => void k.get('dept-weixin').events.push(...closeEvents('2026-03-02')) },
      { name: 'platform change after approval', setup: (k) => change(k, '2026-04-03') },
    ],
    invalid: [
      {
        name: 'renamed on the platform before the approval',
        setup: (k) => change(k, '2026-04-01'),
        errors: [{ account: 'dept-weixin', pointer: ['events', 6, 'type'], messageId: 'early' }],
      },
      {
        name: 'deregistered without any approval (私自关停)',
        setup: (k) => void k.get('dept-weixin').events.push(...closeEvents('2026-03-02').filter((e) => e.type !== '主管审核')),
        errors: [
          { account: 'dept-weixin', pointer: ['events', 6, 'type'], messageId: 'early' },
          { account: 'dept-weixin', pointer: ['events', 7, 'type'], messageId: 'early' },
        ],
      },
    ],
  },
});
