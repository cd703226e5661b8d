import { workEvents } from '#engine/policy/common/process';
import { defineRule } from '#engine/policy/types';
import { KAISHE, gb } from '../cite.ts';

export default defineRule({
  name: 'host-change-announced',
  scope: 'account',
  title: { zh: '主办单位变化的，变更或注销账号并向社会公告', en: 'a change of host unit is announced to the public' },
  citation: gb(KAISHE, '政务新媒体主办单位发生变化的，应及时注销或变更账号信息，并向社会公告'),
  severity: 'error',
  messages: {
    change: { zh: '主办单位由“{from}”变更为“{to}”的变更备案（{date}）已办结，但没有记录“变更公告”', en: 'the change of host unit from "{from}" to "{to}" (filed {date}) was completed without a public announcement' },
    closure: { zh: '因主办单位变化而关停的账号（关停备案 {date}）已办结，但没有记录“注销公告”', en: 'the account closed because its host unit changed (filed {date}) was completed without a public announcement' },
  },
  fix: {
    change: { zh: '请向社会发布主办单位变更公告，并追加“变更公告”事件（附公告链接或截图）。', en: 'Announce the change publicly and record a 变更公告 event with evidence.' },
    closure: { zh: '请补发注销公告，并追加“注销公告”事件（附公告链接或截图）。', en: 'Publish the closure notice and record a 注销公告 event with evidence.' },
  },
  check(ctx, a) {
    for (const w of ctx.state(a).works) {
      if (!w.done || !ctx.judged(w)) continue;
      if (w.kind !== '变更' && w.kind !== '关停') continue;
      const filing = a.data.events[w.index]!;
      const j = (filing.changes ?? []).findIndex((c) => c.field === '主办单位');
      if (j < 0) continue;
      const want = w.kind === '变更' ? '变更公告' : '注销公告';
      if (workEvents(a, w).some(({ ev }) => ev.type === want)) continue;
      const c = filing.changes![j]!;
      if (w.kind === '变更') ctx.report({ account: a, pointer: ['events', w.index, 'changes', j], messageId: 'change', data: { from: c.from, to: c.to, date: w.start } });
      else ctx.report({ account: a, pointer: ['events', w.index], messageId: 'closure', data: { date: w.start } });
    }
  },
});
