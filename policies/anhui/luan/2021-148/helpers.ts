/**
 * 六安模块各规则共用的小工具：县区账号的判断（用例中使用的县区登记簿片段在 helpers.cases.ts）。
 * Small helpers shared by the 六安 rules: is an account a county one (the county register
 * fragment the rules' cases use is in helpers.cases.ts).
 */
import type { AccountDoc } from '#engine/core/register';
import type { RuleContext } from '#engine/policy/types';

/** The account belongs to a county/district (县级 region) or below. */
export function inCounty(ctx: RuleContext, a: AccountDoc): boolean {
  return ctx.regionChain(a.regionId).some((r) => r.data.level === '县级');
}

/** English names of the kinds of work, for the en messages. */
export { WORK_KIND_EN as KIND_EN } from '#engine/core/lifecycle';
