/**
 * 审核备案制度的共用判断：账号所属层级（市级 / 县区）、同级审核、报市政府办公室备案、系统登记。
 * Shared logic for the notice's review-and-filing sentence:
 *   开设、变更、关停、注销政务新媒体，须经同级政府办公室审核同意，并报市政府办公室备案后，
 *   于3个工作日内登录国家、省政务新媒体系统登记备案。
 *
 * - 市级单位（所在地区为市级）的同级政府办公室就是市政府办公室，其“审核同意”即是向市政府办公室备案。
 * - 县区（功能区）单位（所在地区为县级）须先经本县区（功能区）政府办公室审核同意（主管审核，level 同级/县区），
 *   再“上报备案”（level 市级）到市政府办公室。
 * - 3个工作日从“报市政府办公室备案”之日起算（起算日不计入），到“系统填报”为止。
 */
import type { AccountDoc } from '#engine/core/register';
import type { Event } from '#engine/generated/types';
import { workEvents } from '#engine/policy/common/process';
import type { Work } from '#engine/core/lifecycle';
import type { RuleContext } from '#engine/policy/types';

export type Tier = '市级' | '县区';
export interface At {
  ev: Event;
  i: number;
}

/** 市级 for units of the city region, 县区 for units of a county/district/功能区 region. */
export function tierOf(ctx: RuleContext, a: AccountDoc): Tier | undefined {
  const level = ctx.register.regions.get(a.regionId)?.data.level;
  return level === '市级' ? '市级' : level === '县级' ? '县区' : undefined;
}

/** Whether a review level is "the same level" for a unit of this tier. */
export function sameLevel(level: Event['level'], tier: Tier): boolean {
  return level === '同级' || (tier === '市级' && level === '市级') || (tier === '县区' && level === '县区');
}

/** Works dated before the version came into force are not judged. */
export function judged(ctx: RuleContext, w: Work): boolean {
  return ctx.judged(w);
}

export const KIND_TEXT: Record<Work['kind'], string> = { 开设: '开设', 补录: '补录', 变更: '变更', 关停: '关停（注销）' };
export { WORK_KIND_EN as KIND_EN } from '#engine/core/lifecycle';

/** The national/provincial system entry that completes the work (same matching as lifecycle.ts). */
export function entryOf(a: AccountDoc, w: Work): At | undefined {
  return workEvents(a, w).find(({ ev, i }) => i > w.index && ev.type === '系统填报' && (!ev.action || ev.action === w.kind || (w.kind === '补录' && ev.action === '开设')));
}

/** Approving supervisor reviews (主管审核 not refused) of the work, before index `before`. */
export function approvalsOf(a: AccountDoc, w: Work, before = Infinity): At[] {
  return workEvents(a, w).filter(({ ev, i }) => i < before && ev.type === '主管审核' && ev.decision !== '不同意');
}

/** A report to the city office: 上报备案 with level 市级 (or no level: the next level up of a 县区 is the city). */
export function isCityReport(ev: Event): boolean {
  return ev.type === '上报备案' && (ev.level === undefined || ev.level === '市级');
}

export interface CityFiling {
  /** The event that files the work with the 市政府办公室 (the clock's start), if recorded before the entry. */
  filing?: At;
  /** The first approval before the entry. */
  approval?: At;
  /** A city report recorded before the approval (wrong order). */
  early?: At;
}

/**
 * When was the work filed with the 市政府办公室, looking only at events before `entry`?
 * 市级: the first approving review. 县区: the first 上报备案 (市级) after the first approving review.
 */
export function cityFiling(tier: Tier, a: AccountDoc, w: Work, entry: At): CityFiling {
  const approval = approvalsOf(a, w, entry.i)[0];
  if (!approval) return {};
  if (tier === '市级') return { filing: approval, approval };
  const evs = workEvents(a, w).filter(({ i }) => i < entry.i);
  const filing = evs.find(({ ev, i }) => i > approval.i && isCityReport(ev));
  const early = evs.find(({ ev, i }) => i < approval.i && isCityReport(ev));
  return { approval, ...(filing ? { filing } : {}), ...(early ? { early } : {}) };
}
