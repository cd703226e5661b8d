/**
 * 规则用例共用的样例片段（县区地区、合规的开设/变更/关停事件）。不是规则，仅供 rules/*.cases.ts 的用例使用；命令行不加载，不编入 dist/。
 * Case helpers shared by the rules' case tables: a county region with its own government
 * office, and compliant opening / change / closure event lists under this notice.
 */
import type { Event } from '#engine/generated/types';
import type { FixtureKit } from '#engine/dev/fixture';

/** The county (district) region used in cases. */
export const COUNTY = 'jiangsu/shili/jiaqu';

/**
 * A compliant opening of a 县区 unit: filing (Mon 2025-06-09), same-level review, report to the
 * city office, platform registration and certification, system entry 2 working days after the report.
 */
export function countyOpenEvents(): Event[] {
  return [
    { type: '开设备案', date: '2025-06-09', reason: '发布本区政务信息、解读政策、回应关切，由区政府办公室负责每周更新。', unitDecision: { decision: '同意', date: '2025-06-09', by: '主要负责人' } },
    { type: '主管审核', date: '2025-06-10', decision: '同意', reviewer: '示例市甲区人民政府办公室', level: '同级' },
    { type: '上报备案', date: '2025-06-11', level: '市级', opinion: '已报示例市人民政府办公室备案' },
    { type: '平台注册', date: '2025-06-11' },
    { type: '平台认证', date: '2025-06-12' },
    { type: '系统填报', date: '2025-06-13', action: '开设' },
  ];
}

/** Add the county region (own office `xq-bgs`), its government `xq` and that government's WeChat account `xq-weixin`. */
export function addCounty(k: FixtureKit): void {
  k.region(COUNTY, { name: '江苏省示例市甲区', level: '县级', supervisingOffice: 'xq-bgs' });
  k.unit(COUNTY, { id: 'xq-bgs', name: '示例市甲区人民政府办公室', kind: '政府办公室', level: '县级' });
  k.unit(COUNTY, { id: 'xq', name: '示例市甲区人民政府', shortName: '甲区政府', kind: '人民政府', level: '县级', scoringClass: '县区功能区' });
  k.account('xq', { id: 'xq-weixin', name: '甲区发布', platform: '微信公众号', events: countyOpenEvents() });
}

/**
 * A compliant closure of a 市级 unit's account: the unit decides (2026-03-02), announces the next day
 * for 15 working days (to 03-24), then the 市政府办公室 approves, the platform account is deregistered
 * and the closure is entered in the system within 3 working days of the approval.
 */
export function cityCloseEvents(): Event[] {
  return [
    { type: '关停备案', date: '2026-03-02', reason: '职能调整，信息发布并入本单位微信公众号。', unitDecision: { decision: '同意', date: '2026-03-02', by: '党组会议（集体研究）' } },
    { type: '注销公告', date: '2026-03-03', announcementDays: 15, announcementEnd: '2026-03-24', evidence: [{ kind: '公告链接', ref: 'https://example.gov.cn/notice/close-1' }] },
    { type: '主管审核', date: '2026-03-24', decision: '同意', reviewer: '示例市人民政府办公室', level: '同级' },
    { type: '平台注销', date: '2026-03-25', evidence: [{ kind: '注销完成截图', ref: '档案 2026-GZ-001' }] },
    { type: '系统填报', date: '2026-03-26', action: '关停' },
  ];
}

/**
 * Append a compliant key-information change to an account of a 市级 unit: decided 2026-08-31,
 * announced 09-01 for 15 working days (the 09-20 Sunday make-up day counts: ends 09-21), approved
 * 09-21, changed on the platform 09-22, entered in the system 09-24.
 */
export function cityChange(k: FixtureKit, id: string): void {
  const a = k.get(id);
  const to = a.name + '服务';
  a.events.push(
    { type: '变更备案', date: '2026-08-31', reason: '账号定位调整为以办事服务为主，名称随之变更。', unitDecision: { decision: '同意', date: '2026-08-31', by: '主要负责人' }, changes: [{ field: '账号名称', from: a.name, to }] },
    { type: '变更公告', date: '2026-09-01', announcementDays: 15, evidence: [{ kind: '公告链接', ref: 'https://example.gov.cn/notice/change-1' }] },
    { type: '主管审核', date: '2026-09-21', decision: '同意', reviewer: '示例市人民政府办公室', level: '同级' },
    { type: '平台变更', date: '2026-09-22', changes: [{ field: '账号名称', from: a.name, to }] },
    { type: '系统填报', date: '2026-09-24', action: '变更' },
  );
  a.name = to;
}
