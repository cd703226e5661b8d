import type { AccountDoc, UnitDoc } from '#engine/core/register';
import { certifiedTo, isLive } from '#engine/policy/common/structure';
import { defineRule, type RuleContext } from '#engine/policy/types';
import { KAISHE, gb } from '../cite.ts';

/**
 * 四、（一）：县级以上地方各级人民政府及国务院部门应当开设政务新媒体，其他单位可根据工作需要规范开设。
 * 应当开设的：省级、市级、县级的人民政府（单位层级取 unit.json 的 level，未填时取所在地区的层级）；
 * 中央层级的政府部门（国务院部门）。政府的账号常由本级政府办公室主办（如“××发布”），所以本级主管单位
 * （政府办公室）主办的、或以该政府为认证主体的正在运行的账号也算。
 */
const LOCAL_LEVELS = new Set(['省级', '市级', '县级']);

function levelOf(ctx: RuleContext, u: UnitDoc): string | undefined {
  return u.data.level ?? ctx.register.regions.get(u.regionId)?.data.level;
}

function mustOpen(ctx: RuleContext, u: UnitDoc): boolean {
  const level = levelOf(ctx, u);
  if (u.data.kind === '人民政府') return level !== undefined && LOCAL_LEVELS.has(level);
  return u.data.kind === '政府部门' && u.data.level === '中央';
}

function counts(ctx: RuleContext, u: UnitDoc, a: AccountDoc): boolean {
  if (!isLive(ctx, a)) return false;
  if (a.unitId === u.id) return true;
  if (certifiedTo(a, u)) return true;
  const office = ctx.supervisorOf(u);
  return u.data.kind === '人民政府' && office !== undefined && office.regionId === u.regionId && a.unitId === office.id;
}

export default defineRule({
  name: 'required-accounts',
  scope: 'unit',
  title: { zh: '县级以上人民政府和国务院部门应当开设政务新媒体', en: 'governments at county level and above, and State Council departments, run an account' },
  citation: gb(KAISHE, '县级以上地方各级人民政府及国务院部门应当开设政务新媒体，其他单位可根据工作需要规范开设'),
  severity: 'error',
  messages: { none: { zh: '“{unit}”应当开设政务新媒体，但登记簿中没有其（或本级政府办公室代为主办的）正常运行的账号', en: '"{unit}" must run a government new-media account, but the register has no live account of it or of its government office' } },
  fix: { zh: '请开设账号并备案（govmedia new）；如已开设但未登记，请办理补录备案（govmedia backfill）。', en: 'Open and file an account (govmedia new), or backfill an existing one (govmedia backfill).' },
  check(ctx, u) {
    if (!mustOpen(ctx, u)) return;
    const candidates = ctx.accounts();
    if (!candidates.some((a) => counts(ctx, u, a))) ctx.report({ unit: u, pointer: ['kind'], messageId: 'none', data: { unit: u.data.name } });
  },
});
