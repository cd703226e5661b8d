import { isLive } from '#engine/policy/common/structure';
import { defineRule } from '#engine/policy/types';
import type { AccountFile } from '#engine/generated/types';
import { zg } from '../cite.ts';
import { judged, type KeyField } from '../util.ts';

const CURRENT: Record<KeyField, { pointer: string[]; value: (a: AccountFile) => string }> = {
  账号名称: { pointer: ['name'], value: (a) => a.name },
  认证主体: { pointer: ['certifiedEntity', 'name'], value: (a) => a.certifiedEntity?.name ?? '未知' },
  认证主体分类: { pointer: ['certifiedEntity', 'category'], value: (a) => a.certifiedEntity?.category ?? '未知' },
};

/**
 * 第十七条（一）：名称、认证主体等关键信息发生变化时，应立即按第七条第四项的程序提交备案。
 *
 * A snapshot cannot see the value before a change (the pull-request check compares base and head
 * for that). What the file itself shows: after a completed 变更备案 of a key field, the file must
 * hold the value it was changed to; if it holds another value, the file was either not updated or
 * the key information was changed again without a filing.
 */
export default defineRule({
  name: 'key-info-matches-change-filing',
  scope: 'account',
  title: { zh: '关键信息与最近一次变更备案一致', en: 'key information matches the last change filing' },
  citation: zg('第十七条（一）', '政务新媒体的关键信息发生变化时，应立即按本办法第七条第四项的程序提交备案'),
  severity: 'error',
  messages: {
    stale: {
      zh: '{field}已于 {date} 备案变更为“{to}”，但本文件中的{field}是“{current}”：要么文件没有随变更更新，要么{field}又被改动而没有办理变更备案',
      en: 'the {field} was changed to "{to}" by the filing of {date}, but the file says "{current}": either the file was not updated or it was changed again without a filing',
    },
  },
  fix: {
    zh: '若平台上的{field}就是“{to}”，请把文件中的值改为“{to}”；若{field}又发生了变化，请先办理变更备案（附件3：变更事项由“{to}”变更为新值），经主管单位审核后再修改。',
    en: 'If the platform shows "{to}", correct the file; if the {field} changed again, file a change (from "{to}" to the new value) first.',
  },
  check(ctx, a) {
    if (!isLive(ctx, a)) return;
    const last = new Map<KeyField, { to: string; date: string; done: boolean }>();
    for (const w of ctx.state(a).works) {
      if (w.kind !== '变更' || !judged(ctx, w)) continue;
      const ev = a.data.events[w.index]!;
      for (const c of ev.changes ?? []) {
        if (c.field in CURRENT) last.set(c.field as KeyField, { to: c.to, date: ev.date, done: Boolean(w.done) });
      }
    }
    for (const [field, c] of last) {
      if (!c.done) continue; // the platform change may still be under way
      const cur = CURRENT[field];
      const current = cur.value(a.data);
      if (current !== c.to) ctx.report({ account: a, pointer: cur.pointer, messageId: 'stale', data: { field, date: c.date, to: c.to, current } });
    }
  },
});
