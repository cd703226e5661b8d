import type { Event } from '#engine/generated/types';
import { defineRule } from '#engine/policy/types';
import { qj } from '../cite.ts';

/**
 * 第十三条、第二十六条（三）：开设、变更、关停、注销都要报区政府办公室备案；“未按有关程序和要求
 * 自行开设、关停、变更等，未按要求向区政府办公室备案的”要被谈话或通报批评。
 *
 * 本办法只要求备案，没有规定主管单位审批，所以这里检查的是“先备案、后操作”：
 * 每个平台操作都必须落在相应的备案之后（属于那一次办理）：
 *   平台注册                 → 开设备案 / 补录备案
 *   平台认证、应用上架       → 开设备案 / 补录备案 / 变更备案（改名后重新认证）
 *   平台变更、变更公告       → 变更备案
 *   注销公告、平台注销、应用下架 → 关停备案
 *   系统填报（开设/补录/变更/关停）→ 同类备案
 * 一次办理从它的备案事件开始，到下一个备案事件为止。本办法施行之前的事件不评判。
 * 账号在本办法施行后先在平台上开设、后来才补录备案的，是事后补救：记为警告，请审核人关注。
 */
type Kind = '开设' | '补录' | '变更' | '关停';
const FILING: Partial<Record<Event['type'], Kind>> = { 开设备案: '开设', 补录备案: '补录', 变更备案: '变更', 关停备案: '关停' };
const ALLOWED: Partial<Record<Event['type'], Kind[]>> = {
  平台注册: ['开设', '补录'],
  平台认证: ['开设', '补录', '变更'],
  应用上架: ['开设', '补录', '变更'],
  平台变更: ['变更'],
  变更公告: ['变更'],
  注销公告: ['关停'],
  平台注销: ['关停'],
  应用下架: ['关停'],
};
const ENTRY: Record<NonNullable<Event['action']>, Kind[]> = { 开设: ['开设', '补录'], 补录: ['补录'], 变更: ['变更'], 关停: ['关停'] };
const NEED_LABEL: Record<Kind, string> = { 开设: '开设', 补录: '开设（补录）', 变更: '变更', 关停: '关停（注销）' };

function allowedFor(ev: Event): Kind[] | undefined {
  if (ev.type === '系统填报') return ev.action ? ENTRY[ev.action] : undefined;
  return ALLOWED[ev.type];
}

export default defineRule({
  name: 'platform-actions-filed',
  scope: 'account',
  title: { zh: '开设、变更、关停、注销先备案后操作', en: 'opening, changes, closure and deregistration are filed before they are done' },
  citation: qj('第十三条、第二十六条（三）', '政务新媒体账号开设、变更、关停、注销，要经本单位主要负责人同意，并报区政府办公室备案'),
  severity: 'error',
  messages: {
    unfiled: {
      zh: '“{type}”（{date}）之前没有任何备案记录：政务新媒体{need}须经本单位主要负责人同意并报区政府办公室备案，不得自行{need}',
      en: '"{type}" ({date}) with no filing before it: {needEn} needs the head of unit\'s consent and a filing with the district government office',
    },
    wrongWork: {
      zh: '“{type}”（{date}）没有对应的{need}备案（此前最近的一次备案是 {filedOn} 的{current}备案）：账号{need}须先报区政府办公室备案',
      en: '"{type}" ({date}) has no {needEn} filing of its own (the latest filing is the {currentEn} filing of {filedOn}); file it with the district government office first',
    },
    beforeBackfill: {
      zh: '“{type}”（{date}）发生在本办法施行之后，但账号直到 {filedOn} 才补录备案：属于第二十六条（三）“未按要求向区政府办公室备案”的情形',
      en: '"{type}" ({date}) happened after the measures came into force, but the account was only backfilled on {filedOn}: an unfiled opening under Article 26(3)',
    },
  },
  fix: {
    unfiled: { zh: '请立即补办备案（开设的办理补录备案），并向区政府办公室说明情况；今后须先备案、后在平台上操作。', en: 'File now (a backfill for an opening), explain to the district government office, and file first from now on.' },
    wrongWork: { zh: '请补办{need}备案（经主要负责人同意），在备注中说明平台操作早于备案的原因，并报区政府办公室。', en: 'File the {needEn} now with the head of unit\'s consent, note why the platform action came first, and report it.' },
    beforeBackfill: { zh: '补录已完成；请在补录备案的 note 中说明未及时备案的原因，由区政府办公室审核时确认。', en: 'The backfill is done; explain the delay in the backfill\'s note for the supervisor to confirm.' },
  },
  check(ctx, a) {
    const evs = a.data.events;
    const first = evs.findIndex((e) => FILING[e.type] === '开设' || FILING[e.type] === '补录');
    let current: { kind: Kind; date: string } | undefined;
    evs.forEach((ev, i) => {
      const k = FILING[ev.type];
      if (k) {
        current = { kind: k, date: ev.date };
        return;
      }
      const allowed = allowedFor(ev);
      if (!allowed || !ctx.inForce(ev.date)) return;
      if (current && allowed.includes(current.kind)) return;
      const need = allowed[0]!;
      const en: Record<Kind, string> = { 开设: 'opening', 补录: 'backfill', 变更: 'change', 关停: 'closure' };
      const base = { type: ev.type, date: ev.date, need: NEED_LABEL[need], needEn: en[need] };
      if (!current) {
        const backfill = first >= 0 && evs[first]!.type === '补录备案' ? evs[first]! : undefined;
        if (backfill) ctx.report({ account: a, pointer: ['events', i, 'type'], messageId: 'beforeBackfill', data: { ...base, filedOn: backfill.date }, severity: 'warning' });
        else ctx.report({ account: a, pointer: ['events', i, 'type'], messageId: 'unfiled', data: base });
        return;
      }
      ctx.report({ account: a, pointer: ['events', i, 'type'], messageId: 'wrongWork', data: { ...base, filedOn: current.date, current: current.kind, currentEn: en[current.kind] } });
    });
  },
});
