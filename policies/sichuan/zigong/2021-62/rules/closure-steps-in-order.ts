import { defineRule } from '#engine/policy/types';
import { zg } from '../cite.ts';
import { judgedDate, workAt } from '../util.ts';

/**
 * 第九条：关停先备案（一），已提交备案的账号发布注销公告（二），发布注销公告后启动平台注销（应用下架）（三）。
 * An announcement or a deregistration outside a closure filing, or a deregistration before the
 * announcement, breaks that order.
 */
export default defineRule({
  name: 'closure-steps-in-order',
  scope: 'account',
  title: { zh: '关停按备案、公告、注销的顺序办理', en: 'closure follows filing, then announcement, then deregistration' },
  citation: zg('第九条（一）（二）（三）', '已提交备案的账号应在7天内发布注销公告……发布注销公告后，主办单位应同步启动平台注销（应用市场下架）程序'),
  severity: 'error',
  messages: {
    noFiling: { zh: '“{type}”（{date}）之前没有提交关停备案', en: '"{type}" ({date}) without a prior closure filing' },
    noAnnouncement: { zh: '“{type}”（{date}）之前没有发布注销公告', en: '"{type}" ({date}) before any closure announcement' },
  },
  fix: {
    noFiling: { zh: '关停须先经单位主要负责人同意并提交关停备案（附件2），再发布公告、办理注销；请补办关停备案并向主管单位说明情况。', en: 'File the closure (annex 2) first, then announce and deregister; explain to the supervising office.' },
    noAnnouncement: { zh: '须先发布注销公告再注销（下架）；若公告已发布只是漏记，请补记“注销公告”事件（含公告截图或链接）。', en: 'Announce before deregistering; if the announcement was made, record it with evidence.' },
  },
  check(ctx, a) {
    const works = ctx.state(a).works;
    const announced = new Set<number>();
    a.data.events.forEach((ev, i) => {
      if (ev.type !== '注销公告' && ev.type !== '平台注销' && ev.type !== '应用下架') return;
      if (!judgedDate(ctx, ev.date)) return;
      const w = workAt(works, i);
      const data = { type: ev.type, date: ev.date };
      if (w?.kind !== '关停') return ctx.report({ account: a, pointer: ['events', i, 'type'], messageId: 'noFiling', data });
      if (ev.type === '注销公告') announced.add(w.index);
      else if (!announced.has(w.index)) ctx.report({ account: a, pointer: ['events', i, 'type'], messageId: 'noAnnouncement', data });
    });
  },
});
