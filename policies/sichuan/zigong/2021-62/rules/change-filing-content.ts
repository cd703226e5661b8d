import { defineRule } from '#engine/policy/types';
import type { Event } from '#engine/generated/types';
import { zg } from '../cite.ts';
import { judged } from '../util.ts';

/**
 * 附件3《信息变更备案表》：变更事项“由……变更为……”；注2：变更原因应予以详细说明，并应注明变更后是否还纳入
 * 政务新媒体监管。（变更原因由 filing-requirements 检查。）
 */
export default defineRule({
  name: 'change-filing-content',
  scope: 'account',
  title: { zh: '变更备案写明变更事项（由…变更为…）和变更后是否仍纳入监管', en: 'change filings list what changed (from → to) and whether the account stays supervised' },
  citation: zg('第十七条（一）、附件3 注2', '变更事项主要指“账号名称、认证主体、认证主体的分类”……并应注明变更后是否还纳入政务新媒体监管'),
  severity: 'error',
  messages: {
    noChanges: { zh: '变更备案（{date}）没有写明变更事项（由什么变更为什么）', en: 'the change filing of {date} does not list what changed (from → to)' },
    noSupervised: { zh: '变更备案（{date}）没有注明变更后是否还纳入政务新媒体监管', en: 'the change filing of {date} does not state whether the account stays under supervision' },
    same: { zh: '变更备案（{date}）的变更事项“{field}”变更前后相同（“{from}”）', en: 'the change filing of {date} changes "{field}" to the same value ("{from}")' },
  },
  fix: {
    noChanges: { zh: '请在该事件中填写 changes，例如 [{"field": "账号名称", "from": "原名称", "to": "新名称"}]。', en: 'Add changes, e.g. [{"field": "账号名称", "from": "old", "to": "new"}].' },
    noSupervised: { zh: '请在该事件中填写 "stillSupervised": true（变更后仍是政务新媒体）或 false（不再纳入监管的，应同时办理关停）。', en: 'Add "stillSupervised": true, or false (then close the account as well).' },
    same: { zh: '请核对变更前后的值；没有变化的事项不要列入。', en: 'Check the values; leave out items that did not change.' },
  },
  check(ctx, a) {
    for (const w of ctx.state(a).works) {
      if (w.kind !== '变更' || !judged(ctx, w)) continue;
      const ev: Event = a.data.events[w.index]!;
      const data = { date: ev.date };
      if (!ev.changes || ev.changes.length === 0) ctx.report({ account: a, pointer: ['events', w.index], messageId: 'noChanges', data });
      else
        ev.changes.forEach((c, j) => {
          if (c.from === c.to) ctx.report({ account: a, pointer: ['events', w.index, 'changes', j, 'to'], messageId: 'same', data: { ...data, field: c.field, from: c.from } });
        });
      if (ev.stillSupervised === undefined) ctx.report({ account: a, pointer: ['events', w.index], messageId: 'noSupervised', data });
    }
  },
});
