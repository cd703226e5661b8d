import { defineRule } from '#engine/policy/types';
import { zg } from '../cite.ts';
import { judged, supervisorChain, unitsByName } from '../util.ts';

/**
 * 第三条：市政府办公室是全市的主管单位；各区县政府办公室是本地区的主管单位；实行行业、系统统一管理的，
 * 市级对口管理部门是本行业、系统的主管单位。第七条（三）：由主管单位审核。
 *
 * When a 主管审核 names a registered unit as reviewer, that unit must be one the host unit answers
 * to: its own supervising office (unit.supervisor or the region's), or a supervising office of a
 * region above it. A review by the host unit itself, or by a peer department or another district's
 * office, is not a supervisor's review. A reviewer name the register does not know is not judged.
 */
export default defineRule({
  name: 'reviewer-is-supervisor',
  scope: 'account',
  title: { zh: '主管审核由该单位的主管单位作出', en: 'reviews are made by the unit\'s supervising office' },
  citation: zg('第三条、第七条（三）', '各区县政府办公室……是本地区政务新媒体工作的主管单位；实行行业、系统统一管理的，市级对口管理部门是本行业、系统政务新媒体工作的主管单位'),
  severity: 'error',
  messages: {
    self: { zh: '主管审核（{date}）由主办单位“{reviewer}”自己作出，不能代替主管单位审核', en: 'the review of {date} was made by the host unit "{reviewer}" itself' },
    other: { zh: '主管审核（{date}）由“{reviewer}”作出，但“{unit}”的主管单位是“{supervisor}”', en: 'the review of {date} was made by "{reviewer}", but the supervising office of "{unit}" is "{supervisor}"' },
  },
  fix: {
    zh: '请报“{supervisor}”审核，并在“主管审核”事件的 reviewer 中填写其全称；若该单位实行行业、系统统一管理，请在 unit.json 的 supervisor 中登记对口管理部门。',
    en: 'Have "{supervisor}" review it and name it in reviewer; for a vertically managed unit, set supervisor in unit.json.',
  },
  check(ctx, a) {
    const u = ctx.unitOf(a);
    if (!u) return;
    const names = unitsByName(ctx.register);
    const chain = supervisorChain(ctx, u);
    const supervisor = chain[0]?.data.name ?? '本级政府办公室';
    for (const w of ctx.state(a).works) {
      if (!judged(ctx, w)) continue;
      const evs = a.data.events;
      for (let i = w.index + 1; i < evs.length; i++) {
        const ev = evs[i]!;
        if (ev.type === '开设备案' || ev.type === '补录备案' || ev.type === '变更备案' || ev.type === '关停备案') break;
        if (ev.type !== '主管审核' || !ev.reviewer) continue;
        const r = names.get(ev.reviewer.trim());
        if (!r || chain.includes(r)) continue;
        const data = { date: ev.date, reviewer: ev.reviewer, unit: u.data.name, supervisor };
        ctx.report({ account: a, pointer: ['events', i, 'reviewer'], messageId: r.id === u.id ? 'self' : 'other', data });
      }
    }
  },
});
