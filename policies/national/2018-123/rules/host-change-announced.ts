import { workEvents } from '../../../../scripts/policy/common/process.ts';
import type { FixtureKit } from '../../../../scripts/policy/fixture.ts';
import { defineRule } from '../../../../scripts/policy/types.ts';
import { KAISHE, gb } from '../cite.ts';

/**
 * 四、（一）：政务新媒体主办单位发生变化的，应及时注销或变更账号信息，并向社会公告。
 * 办结（系统填报）的变更备案，其 changes 含“主办单位”的，该次办理中须有“变更公告”；关停备案的 changes 含
 * “主办单位”的（因主办单位变化而注销），该次办理中须有“注销公告”。“及时”没有规定期限，不检查。
 */
function moveToNewHost(k: FixtureKit, announce: boolean): void {
  k.get('dept-weixin').events.push(
    { type: '变更备案', date: '2026-04-01', reason: '机构改革后职能划转，账号随之移交。', changes: [{ field: '主办单位', from: '自贡市原某局', to: '自贡市卫生健康委员会' }] },
    { type: '主管审核', date: '2026-04-03', decision: '同意', reviewer: '自贡市人民政府办公室' },
    { type: '平台变更', date: '2026-04-08' },
    ...(announce ? [{ type: '变更公告' as const, date: '2026-04-09', evidence: [{ kind: '公告链接' as const, ref: 'https://example.gov.cn/notice/2' }] }] : []),
    { type: '系统填报', date: '2026-04-10', action: '变更' },
  );
}

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
  cases: {
    valid: [
      { name: 'host change announced', setup: (k) => moveToNewHost(k, true) },
      {
        name: 'a change of another field needs no announcement under this clause',
        setup: (k) =>
          void k.get('dept-weixin').events.push(
            { type: '变更备案', date: '2026-04-01', reason: '账号更名。', changes: [{ field: '账号名称', from: '健康自贡', to: '健康自贡发布' }] },
            { type: '主管审核', date: '2026-04-03', decision: '同意', reviewer: '自贡市人民政府办公室' },
            { type: '系统填报', date: '2026-04-10', action: '变更' },
          ),
      },
    ],
    invalid: [
      {
        name: 'host change completed without announcement',
        setup: (k) => moveToNewHost(k, false),
        errors: [{ account: 'dept-weixin', pointer: ['events', 5, 'changes', 0], messageIncludes: '没有记录“变更公告”', messageId: 'change', data: { from: '自贡市原某局', to: '自贡市卫生健康委员会', date: '2026-04-01' } }],
      },
      {
        name: 'closure because the host changed, without a closure notice',
        setup: (k) =>
          void k.get('dept-weixin').events.push(
            { type: '关停备案', date: '2026-04-01', reason: '机构改革，主办单位撤并。', unitDecision: { decision: '同意', date: '2026-04-01', by: '主要负责人' }, changes: [{ field: '主办单位', from: '自贡市原某局', to: '（撤销）' }] },
            { type: '主管审核', date: '2026-04-02', decision: '同意', reviewer: '自贡市人民政府办公室' },
            { type: '平台注销', date: '2026-05-20' },
            { type: '系统填报', date: '2026-05-21', action: '关停' },
          ),
        errors: [{ account: 'dept-weixin', pointer: ['events', 5], messageIncludes: '没有记录“注销公告”', messageId: 'closure', data: { date: '2026-04-01' } }],
      },
    ],
  },
});
