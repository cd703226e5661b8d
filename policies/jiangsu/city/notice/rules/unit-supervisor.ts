import type { UnitDoc } from '#engine/core/register';
import { defineRule } from '#engine/policy/types';
import { ART, Q_DUTIES, js } from '../cite.ts';

/**
 * 单位自己写明的主管单位（unit.supervisor）须符合《通知》的主管体制：
 * - 政府办公室：只能是本单位所在地区的主管单位（县区单位由本县区政府办公室主管，不由市政府办公室直接主管）；
 * - 市直部门的办公室或指定的专门处室（内设机构，parent 为市直部门），或直接写该市直部门：只能主管本部门、
 *   本部门的下属单位，以及实行系统垂直管理的本系统单位（parent 链上有该部门）；
 * - 其他单位（人民政府、事业单位、下属单位、乡镇街道）不能作为主管单位。
 * 不写 supervisor 的，主管单位就是所在地区的主管单位，不在此检查。
 */
export default defineRule({
  name: 'unit-supervisor',
  scope: 'unit',
  title: { zh: '单位登记的主管单位符合分级、分部门、分系统的主管体制', en: 'a unit\'s declared supervisor fits the notice\'s supervision structure' },
  citation: js(ART.duties, Q_DUTIES),
  severity: 'error',
  messages: {
    self: { zh: '“{unit}”把自己登记为自己的主管单位', en: '"{unit}" names itself as its supervisor' },
    kind: { zh: '“{unit}”的主管单位“{sup}”是{kind}，不能作为政务新媒体主管单位（应为政府办公室，或市直部门的办公室、指定的专门处室）', en: 'the supervisor of "{unit}", "{sup}", is a {kind}; only government offices and city departments (their offices) supervise' },
    otherOffice: { zh: '“{unit}”的主管单位登记为“{sup}”，但本单位所在地区的主管单位是“{expected}”', en: 'the supervisor of "{unit}" is "{sup}", but the supervising office of its area is "{expected}"' },
    notCity: { zh: '“{unit}”的主管单位“{sup}”不属于市直部门；只有市直部门的办公室（或指定处室）可作为本部门、本系统的主管单位', en: 'the supervisor of "{unit}", "{sup}", is not a city department; only city departments supervise their own system' },
    notSystem: { zh: '“{unit}”不是“{dept}”本部门、下属单位或本系统的单位，不应由其主管（如属垂直管理，请在 parent 中写明上级部门）', en: '"{unit}" is not part of the department or system of "{dept}" (for vertical management, record the parent department)' },
  },
  fix: {
    self: { zh: '请删除 supervisor 字段（默认由所在地区的政府办公室主管），或填写实际的主管单位。', en: 'Remove supervisor or name the real supervising office.' },
    kind: { zh: '请删除 supervisor 字段，或改为政府办公室、市直部门（或其办公室单位）的编号。', en: 'Remove supervisor or use a government office or city department.' },
    otherOffice: { zh: '请删除 supervisor 字段（即由“{expected}”主管），或按系统管理改为市直部门的编号。', en: 'Remove supervisor (the area\'s office supervises), or name the city department of the system.' },
    notCity: { zh: '请删除 supervisor 字段，或改为相应市直部门（或其办公室单位）的编号。', en: 'Remove supervisor or name the city department.' },
    notSystem: { zh: '请把 supervisor 改为本单位所属部门，或删除该字段；属垂直管理的，请在 parent 中填写上级市直部门。', en: 'Name the unit\'s own department, or remove supervisor; record vertical management in parent.' },
  },
  check(ctx, u) {
    const sid = u.data.supervisor;
    if (!sid) return;
    const sup = ctx.register.units.get(sid);
    if (!sup) return; // register/reference reports it
    const data = { unit: u.data.name, sup: sup.data.name, kind: sup.data.kind };
    if (sup.id === u.id) return ctx.report({ unit: u, pointer: ['supervisor'], messageId: 'self', data });
    if (sup.data.kind === '政府办公室') {
      const own = ctx.regionChain(u.regionId).find((r) => r.data.supervisingOffice)?.data.supervisingOffice;
      if (own && own !== sup.id) ctx.report({ unit: u, pointer: ['supervisor'], messageId: 'otherOffice', data: { ...data, expected: ctx.register.units.get(own)?.data.name ?? own } });
      return;
    }
    const parentOf = (x: UnitDoc): UnitDoc | undefined => (x.data.parent ? ctx.register.units.get(x.data.parent) : undefined);
    const dept = sup.data.kind === '政府部门' ? sup : sup.data.kind === '内设机构' ? parentOf(sup) : undefined;
    if (!dept || dept.data.kind !== '政府部门') return ctx.report({ unit: u, pointer: ['supervisor'], messageId: 'kind', data });
    if (ctx.register.regions.get(dept.regionId)?.data.level !== '市级') return ctx.report({ unit: u, pointer: ['supervisor'], messageId: 'notCity', data });
    const seen = new Set<string>();
    for (let x: UnitDoc | undefined = u; x && !seen.has(x.id); x = parentOf(x)) {
      seen.add(x.id);
      if (x.id === dept.id) return;
    }
    ctx.report({ unit: u, pointer: ['supervisor'], messageId: 'notSystem', data: { ...data, dept: dept.data.name } });
  },
});
