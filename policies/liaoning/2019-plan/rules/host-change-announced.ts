import type { Event } from '#engine/generated/types';
import { workEvents } from '#engine/policy/common/process';
import { defineRule } from '#engine/policy/types';
import { KAISHE, ln } from '../cite.ts';

/**
 * 三、（一）：政务新媒体主办单位发生变化的，应及时注销或变更账号信息，并向社会公告。
 *
 * - 变更路径：办结（系统填报）的变更备案，其 changes 含“主办单位”的，该次办理中须有“变更公告”事件。
 * - 注销路径：因主办单位变化而关停的（关停备案的 changes 含“主办单位”，或关停原因写明机构改革、
 *   主办单位撤销/合并/调整等），完成平台注销（应用下架）或办结时，该次办理中须有“注销公告”事件。
 * “及时”未规定期限，不检查。普通关停（主办单位未变化）的公告，本方案没有规定。
 */
const HOST_CHANGE_REASON = /机构改革|主办单位(已|发生)?(变化|变更|调整|撤销|撤并|合并)|(撤销|撤并|合并|划转)[^，。；]{0,12}(主办单位|职能)/;

function hostChangeIndex(ev: Event): number {
  return (ev.changes ?? []).findIndex((c) => c.field === '主办单位');
}

export default defineRule({
  name: 'host-change-announced',
  scope: 'account',
  title: { zh: '主办单位变化的，变更或注销账号并向社会公告', en: 'a change of host unit is announced to the public, with the change or the closure' },
  citation: ln(KAISHE, '政务新媒体主办单位发生变化的，应及时注销或变更账号信息，并向社会公告'),
  severity: 'error',
  messages: {
    change: {
      zh: '主办单位由“{from}”变更为“{to}”的变更备案（{date}）已办结，但没有记录“变更公告”',
      en: 'the change of host unit from "{from}" to "{to}" (filed {date}) was completed without a public announcement',
    },
    closure: {
      zh: '因主办单位变化而关停的账号（关停备案 {date}）已注销，但没有记录“注销公告”',
      en: 'the account closed because its host unit changed (filed {date}) was deregistered without a public announcement',
    },
  },
  fix: {
    change: { zh: '请向社会发布主办单位变更公告，并追加“变更公告”事件（附公告链接或截图）。', en: 'Announce the change publicly and record a 变更公告 event with its link or screenshot.' },
    closure: { zh: '请补发注销公告，并追加“注销公告”事件（附公告链接或截图）。', en: 'Publish the closure notice and record a 注销公告 event with evidence.' },
  },
  check(ctx, a) {
    for (const w of ctx.state(a).works) {
      if (!ctx.judged(w)) continue;
      const evs = workEvents(a, w);
      const filing = a.data.events[w.index]!;
      if (w.kind === '变更') {
        const j = hostChangeIndex(filing);
        if (j < 0 || !w.done) continue;
        if (evs.some(({ ev }) => ev.type === '变更公告')) continue;
        const c = filing.changes![j]!;
        ctx.report({ account: a, pointer: ['events', w.index, 'changes', j], messageId: 'change', data: { from: c.from, to: c.to, date: w.start } });
      } else if (w.kind === '关停') {
        const hostChanged = hostChangeIndex(filing) >= 0 || HOST_CHANGE_REASON.test(filing.reason ?? '');
        if (!hostChanged) continue;
        const gone = w.done || evs.some(({ ev }) => ev.type === '平台注销' || ev.type === '应用下架');
        if (!gone || evs.some(({ ev }) => ev.type === '注销公告')) continue;
        ctx.report({ account: a, pointer: ['events', w.index], messageId: 'closure', data: { date: w.start } });
      }
    }
  },
});
