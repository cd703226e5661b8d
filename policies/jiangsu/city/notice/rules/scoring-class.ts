import { isLive } from '#engine/policy/common/structure';
import { defineRule } from '#engine/policy/types';
import { ART, js } from '../cite.ts';

/**
 * 检查考核分两类对象：各县区（功能区），市各有关部门和单位；单位最终得分按同类单位最高分折算。
 * 打分本身是以后的 score 命令（见 README），这里只保证分类数据在登记簿中正确、齐全：
 * - 县级地区（县、区、功能区）的单位：县区功能区；
 * - 市级地区的单位：市级部门（市政府办公室和市人民政府是考核组织方和全市账号的主办方，不强制分类）；
 * - 有正常运行账号的单位必须填写；内设机构（不得有账号）不要求。
 */
export default defineRule({
  name: 'scoring-class',
  scope: 'unit',
  title: { zh: '运维账号的单位登记考核分类（县区功能区 / 市级部门）', en: 'units running accounts carry their assessment class' },
  citation: js(ART.scoring, '本指标考核对象为各县区（功能区）、市各有关部门和单位两类'),
  severity: 'warning',
  // 考核对象分为两类：分类是考核者（市政府办公室，主管单位）的事，不是主办单位的义务
  actor: 'supervisor',
  messages: {
    missing: { zh: '“{unit}”运维政务新媒体账号，但没有登记考核分类（应为“{expected}”）', en: '"{unit}" runs accounts but has no assessment class (should be "{expected}")' },
    wrong: { zh: '“{unit}”位于{level}地区，考核分类应为“{expected}”，而不是“{actual}”', en: '"{unit}" is in a {levelEn} region: its assessment class is "{expected}", not "{actual}"' },
  },
  fix: { zh: '请在 unit.json 中填写 "scoringClass": "{expected}"。', en: 'Set "scoringClass": "{expected}" in unit.json.' },
  check(ctx, u) {
    const level = ctx.register.regions.get(u.regionId)?.data.level;
    if (level !== '市级' && level !== '县级') return;
    const expected = level === '县级' ? '县区功能区' : '市级部门';
    const optional = u.data.kind === '内设机构' || (level === '市级' && (u.data.kind === '政府办公室' || u.data.kind === '人民政府'));
    const actual = u.data.scoringClass;
    const data = { unit: u.data.name, expected, actual, level, levelEn: level === '县级' ? 'county-level' : 'city-level' };
    if (actual) {
      if (actual !== expected) ctx.report({ unit: u, pointer: ['scoringClass'], messageId: 'wrong', data });
      return;
    }
    if (optional) return;
    if ((ctx.register.accountsByUnit.get(u.id) ?? []).some((a) => isLive(ctx, a))) ctx.report({ unit: u, pointer: ['kind'], messageId: 'missing', data });
  },
});
