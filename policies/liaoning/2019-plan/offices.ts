/**
 * 分级备案用到的“政府办公部门”：地区的主管单位（region.json 的 supervisingOffice）。
 * The government offices the graded filing goes to: a region's supervising office.
 */
import type { RegionDoc, UnitDoc } from '#engine/core/register';
import type { RuleContext } from '#engine/policy/types';

export interface Office {
  /** 全称 */
  name: string;
  /** 接受的写法：全称（及以全称开头的处室名称）。 */
  names: string[];
  region: RegionDoc;
}

const RANK: Record<string, number> = { 国家: 0, 省级: 1, 市级: 2, 县级: 3, 乡级: 4 };

/** The government office of a region, if the region names one. */
export function officeOf(ctx: RuleContext, region: RegionDoc | undefined): Office | undefined {
  if (!region) return undefined;
  const id = region.data.supervisingOffice;
  const unit = id ? ctx.register.units.get(id) : undefined;
  const name = unit?.data.name ?? region.data.supervisingOfficeName;
  if (!name) return undefined;
  const names = [name, ...(region.data.supervisingOfficeName && region.data.supervisingOfficeName !== name ? [region.data.supervisingOfficeName] : [])];
  return { name, names, region };
}

export function levelOf(ctx: RuleContext, u: UnitDoc): string | undefined {
  return u.data.level ?? ctx.register.regions.get(u.regionId)?.data.level;
}

/**
 * 三、（一）分级备案：政府部门 → 同级政府办公部门；市、县（市、区）政府 → 上一级政府办公部门。
 * 其他单位（事业单位、下属单位、乡镇街道等）本方案未规定备案去向，返回 undefined。
 * 省政府的上一级（国务院办公厅）不在本库中，也返回 undefined。
 */
export function filingOffice(ctx: RuleContext, u: UnitDoc): { office: Office; route: 'same' | 'upper' } | undefined {
  const region = ctx.register.regions.get(u.regionId);
  if (!region) return undefined;
  if (u.data.kind === '政府部门') {
    const office = officeOf(ctx, region);
    return office ? { office, route: 'same' } : undefined;
  }
  if (u.data.kind === '人民政府') {
    const level = levelOf(ctx, u);
    if (level !== '市级' && level !== '县级') return undefined;
    // a government registered in its own region folder files to the parent region's office;
    // one recorded a level below its folder's region (a county in a city folder) files to that region's office
    const lower = (RANK[level] ?? 0) > (RANK[region.data.level] ?? 0);
    const upper = lower ? region : region.parent !== undefined ? ctx.register.regions.get(region.parent) : undefined;
    if (!upper || upper.id === '') return undefined;
    const office = officeOf(ctx, upper);
    return office ? { office, route: 'upper' } : undefined;
  }
  return undefined;
}

export function isOffice(office: Office, reviewer: string | undefined): boolean {
  if (!reviewer) return false;
  const r = reviewer.trim();
  return office.names.some((n) => r === n || r.startsWith(n));
}
