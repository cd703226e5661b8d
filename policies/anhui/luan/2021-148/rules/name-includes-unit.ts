import { unitNames } from '#engine/core/unit-names';
import { isLive } from '#engine/policy/common/structure';
import { defineRule } from '#engine/policy/types';
import { la } from '../cite.ts';

/**
 * 第十三条：账号名称应包括单位全称或规范简称（unit.json 的 name、shortName 或 aliases 中登记的现用名称的其他写法，或认证主体全称）。
 * 旧称（formerNames）不算：条文要求的是单位的全称或规范简称，更名后沿用旧称的账号名称应办理变更。
 */
export default defineRule({
  name: 'name-includes-unit',
  scope: 'account',
  title: { zh: '账号名称包括单位全称或规范简称', en: 'the account name contains the unit\'s full name or standard short name' },
  citation: la('第十三条', '与本地本部门名称、工作职责关联，应包括单位全称或规范简称，并在公开认证信息中标示'),
  severity: 'error',
  messages: {
    missing: { zh: '账号名称“{name}”中既没有单位全称“{unit}”，也没有其规范简称{short}', en: 'name "{name}" contains neither the unit\'s full name "{unit}" nor its short name{shortEn}' },
  },
  fix: {
    zh: '请把名称改为包含单位全称或规范简称的名称（办理变更备案）；如本单位的规范简称尚未登记，请在 unit.json 的 shortName 中填写。',
    en: 'Rename the account to include the unit\'s name or short name (file a change); record the short name in unit.json shortName if missing.',
  },
  check(ctx, a) {
    if (!isLive(ctx, a)) return;
    const u = ctx.unitOf(a);
    if (!u) return;
    const names = [...unitNames(u), ...(a.data.certifiedEntity?.name ? [a.data.certifiedEntity.name] : [])];
    if (names.some((n) => a.data.name.includes(n))) return;
    const s = u.data.shortName;
    ctx.report({ account: a, pointer: ['name'], messageId: 'missing', data: { name: a.data.name, unit: u.data.name, short: s ? `“${s}”` : '（本单位未登记规范简称）', shortEn: s ? ` "${s}"` : ' (none recorded)' } });
  },
});
