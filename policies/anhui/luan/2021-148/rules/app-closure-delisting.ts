import { workEvents } from '#engine/policy/common/process';
import { defineRule } from '#engine/policy/types';
import { la } from '../cite.ts';

/** 第十一条：注销的移动客户端应在各类平台下架（并删除所有链接）——办结的关停须记录“应用下架”。 */
export default defineRule({
  name: 'app-closure-delisting',
  scope: 'account',
  title: { zh: '注销的移动客户端须在各类平台下架', en: 'a closed app is removed from every store' },
  citation: la('第十一条', '所注销政务新媒体为移动客户端的，应在各类平台下架并删除针对该移动客户端的所有链接'),
  severity: 'error',
  messages: {
    notDelisted: {
      zh: '移动客户端“{name}”的关停已于 {date} 办结，但没有在各类平台下架的记录',
      en: 'the closure of app "{name}" was completed on {date} without a recorded removal from the app stores',
    },
  },
  fix: {
    zh: '请在各应用市场下架该客户端、删除指向它的所有链接，并补充“应用下架”事件（附下架截图）。',
    en: 'Remove the app from every store, delete every link to it, and record an 应用下架 event with evidence.',
  },
  check(ctx, a) {
    if (a.data.platform !== '移动客户端') return;
    for (const w of ctx.state(a).works) {
      if (w.kind !== '关停' || !w.done || !ctx.judged(w)) continue;
      const evs = workEvents(a, w);
      if (evs.some(({ ev }) => ev.type === '应用下架')) continue;
      const entry = evs.find(({ ev }) => ev.type === '系统填报') ?? evs[0]!;
      ctx.report({ account: a, pointer: ['events', entry.i, 'type'], messageId: 'notDelisted', data: { name: a.data.name, date: entry.ev.date } });
    }
  },
});
