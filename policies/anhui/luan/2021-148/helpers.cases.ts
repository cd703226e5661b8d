/**
 * 六安模块规则用例共用的县区登记簿片段（金寨县）。只供测试，命令行不加载，不编入 dist/。
 * The county register fragment (金寨县) the 六安 rules' cases share. Test data only: never
 * loaded by the CLI, not built.
 */
import type { Event } from '#engine/generated/types';
import { shift, type FixtureKit } from '#engine/dev/fixture';

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
