/**
 * 六安模块各规则共用的小工具：县区账号的判断、用例中使用的县区登记簿片段。
 * Small helpers shared by the 六安 rules: is an account a county one, and a county
 * register fragment (金寨县) for the rules' cases.
 */
import type { AccountDoc } from '../../../../scripts/core/register.ts';
import type { Event } from '../../../../scripts/generated/types.ts';
import { shift, type FixtureKit } from '../../../../scripts/policy/fixture.ts';
import type { RuleContext } from '../../../../scripts/policy/types.ts';

/** The account belongs to a county/district (县级 region) or below. */
export function inCounty(ctx: RuleContext, a: AccountDoc): boolean {
  return ctx.regionChain(a.regionId).some((r) => r.data.level === '县级');
}

export const COUNTY = 'anhui/luan/jinzhai';

/**
 * A compliant county opening: the unit's consent, the 县区主管单位 opinion, the upward
 * filing to the 市政府办公室 within 3 working days, registration, certification, entry.
 */
export function countyOpenEvents(date: string): Event[] {
  return [
    { type: '开设备案', date, reason: '发布本县政务信息、回应社会关切。', unitDecision: { decision: '同意', date, by: '县政府常务会议' } },
    { type: '主管审核', date: shift(date, 1), decision: '同意', reviewer: '金寨县人民政府办公室', level: '县区' },
    { type: '上报备案', date: shift(date, 2), level: '市级', note: '报六安市人民政府办公室' },
    { type: '平台注册', date: shift(date, 3) },
    { type: '平台认证', date: shift(date, 4) },
    { type: '系统填报', date: shift(date, 7), action: '开设' },
  ];
}

/** Add the county region 金寨县 with its office and government, and the government's WeChat account. */
export function addCounty(k: FixtureKit, events: Event[]): void {
  k.region(COUNTY, { name: '安徽省六安市金寨县', level: '县级', policies: [], supervisingOffice: 'jz-bgs' });
  k.unit(COUNTY, { id: 'jz-bgs', name: '金寨县人民政府办公室', kind: '政府办公室', level: '县级' });
  k.unit(COUNTY, { id: 'jz-zf', name: '金寨县人民政府', shortName: '金寨县政府', kind: '人民政府', level: '县级' });
  k.account('jz-zf', {
    id: 'jz-weixin',
    name: '金寨县人民政府发布',
    platform: '微信公众号',
    functions: ['信息发布', '互动交流'],
    urls: { article: 'https://mp.weixin.qq.com/s/example-jinzhai' },
    events,
  });
}

/** English names of the kinds of work, for the en messages. */
export { WORK_KIND_EN as KIND_EN } from '../../../../scripts/core/lifecycle.ts';
