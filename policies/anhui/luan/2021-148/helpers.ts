/**
 * 六安模块各规则共用的小工具：县区账号的判断（用例中使用的县区登记簿片段在 helpers.cases.ts）。
 * Small helpers shared by the 六安 rules: is an account a county one (the county register
 * fragment the rules' cases use is in helpers.cases.ts).
 */
import type { Work } from '#engine/core/lifecycle';
import type { AccountDoc } from '#engine/core/register';
import type { Event } from '#engine/generated/types';
import { workEvents } from '#engine/policy/common/process';
import type { RuleContext } from '#engine/policy/types';

/** The account belongs to a county/district (县级 region) or below. */
export function inCounty(ctx: RuleContext, a: AccountDoc): boolean {
  return ctx.regionChain(a.regionId).some((r) => r.data.level === '县级');
}

/**
 * 县区账号的每项（本办法施行后开始的）办理：在新媒体系统填报之前没有 `prior` 所认可事件的，逐项列出。
 * `county-report-to-city` 和 `county-supervisor-opinion` 共用（两者只差所要求的事件）。
 * A county account's judged works that reached the national-system entry with no earlier event `prior`
 * accepts (shared by the two county rules, which differ only in the event they require).
 */
export function countyWorksMissing(ctx: RuleContext, a: AccountDoc, prior: (ev: Event) => boolean): { w: Work; entry: { ev: Event; i: number } }[] {
  if (!inCounty(ctx, a)) return [];
  const out: { w: Work; entry: { ev: Event; i: number } }[] = [];
  for (const w of ctx.state(a).works) {
    if (!ctx.judged(w)) continue;
    const evs = workEvents(a, w);
    const entry = evs.find(({ ev }) => ev.type === '系统填报');
    if (entry && !evs.some(({ ev, i }) => i < entry.i && prior(ev))) out.push({ w, entry });
  }
  return out;
}

/** English names of the kinds of work, for the en messages. */
export { WORK_KIND_EN as KIND_EN } from '#engine/core/lifecycle';
