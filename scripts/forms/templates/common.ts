/**
 * 各备案表共用的填写方法：平台类型、联系电话、单位意见、主管单位意见、页脚。
 * Pieces every form uses: platform wording, phones, opinions, the trace-back footer.
 */
import type { AccountFile, Person } from '../../generated/types.ts';
import { dateZh, p, t, type Para } from '../layout.ts';
import type { FormFacts, Review } from '../model.ts';

/** 平台类型 as the forms word it (微信公众号（订阅号）, 移动客户端（APP）). */
export function platformText(a: AccountFile): string {
  if (a.platform === '微信公众号') return a.subType ? `微信公众号（${a.subType}）` : '微信公众号';
  if (a.platform === '移动客户端') return '移动客户端（APP）';
  return a.platform;
}

/** Office phone and mobile, one per line. */
export function phonesText(x: Person | undefined): string {
  if (!x) return '';
  return [x.officePhone, x.mobile].filter(Boolean).join('\n');
}

export function modeText(f: FormFacts): string {
  const s = f.snapshot;
  if (s.operatingMode === '购买服务') return s.vendorName ? `购买服务（${s.vendorName}）` : '购买服务';
  return s.operatingMode;
}

/** 服务外包单位名称及资质. */
export function vendorText(f: FormFacts): string {
  const v = f.account.vendor;
  if (f.snapshot.operatingMode !== '购买服务' && !v) return '无（自营）';
  if (!v) return f.snapshot.vendorName ?? '';
  const name = f.snapshot.vendorName ?? v.name;
  const parts: string[] = [name];
  if (v.qualifications?.length) parts.push(`资质：${v.qualifications.join('、')}${v.qualificationRef ? `（${v.qualificationRef}）` : ''}`);
  else if (v.qualificationRef) parts.push(`资质证书：${v.qualificationRef}`);
  if (v.confidentialityAgreement) parts.push(v.confidentialityAgreement.signed ? `已签订保密安全协议${v.confidentialityAgreement.date ? `（${dateZh(v.confidentialityAgreement.date)}）` : ''}` : '未签订保密安全协议');
  if (v.contractEnd) parts.push(`合同至${dateZh(v.contractEnd)}`);
  return parts.join('；');
}

/** 文章/主页/下载 URL and the platform's public account id. */
export function urlParas(a: AccountFile): Para[] {
  const out: Para[] = [];
  if (a.platformAccountId) out.push(p(`账号标识：${a.platformAccountId}`));
  if (a.urls?.article) out.push(p(`文章：${a.urls.article}`));
  if (a.urls?.homepage) out.push(p(`主页：${a.urls.homepage}`));
  if (a.urls?.download) out.push(p(`下载：${a.urls.download}`));
  return out.length ? out : [p('')];
}

/** The date column of the forms: 开通时间 / 注销时间 / 变更时间. */
export function dateRow(f: FormFacts): { label: string; value: string } {
  switch (f.kind) {
    case '关停':
      return { label: '注销时间', value: dateZh(f.closedOn) };
    case '变更':
      return { label: '变更时间', value: dateZh(f.event.date) };
    default:
      return { label: '开通时间', value: dateZh(f.openedOn) };
  }
}

export const REASON_LABEL: Record<FormFacts['kind'], string> = { 开设: '开办理由', 补录: '补录理由', 变更: '变更原因', 关停: '关停原因' };

/** 主办单位意见: the unit's decision as recorded. */
export function unitOpinion(f: FormFacts): Para[] {
  const d = f.event.unitDecision;
  if (!d) return [p('')];
  const out: Para[] = [p(`${d.decision}。`, d.by ? t(`（${d.by}，${dateZh(d.date)}）`, { muted: true }) : t(`（${dateZh(d.date)}）`, { muted: true }))];
  if (d.opinion) out.push(p(d.opinion));
  return out;
}

/** One line per recorded supervisor review of this filing. */
export function reviewParas(reviews: Review[], withLevel = true): Para[] {
  return reviews.map(({ event: e }) => {
    const who = e.reviewer ?? '';
    const lvl = withLevel && e.level ? `（${e.level}）` : '';
    const head = `${who}${lvl}${who || lvl ? '：' : ''}${e.decision ?? ''}${e.decision ? '。' : ''}`;
    return p(head, e.opinion ? e.opinion : '', t(`（${dateZh(e.date)}）`, { muted: true }));
  });
}

/** The date a seal box carries: the last review's, if any. */
export function lastDate(reviews: Review[]): string | undefined {
  return reviews[reviews.length - 1]?.event.date;
}

/** "由“A”变更为“B”". */
export function changeText(from: string, to: string): string {
  return `由“${from}”变更为“${to}”`;
}

/** The citation line: 《title》（文号）article. */
export function basisText(f: FormFacts): string | undefined {
  const b = f.basis;
  if (!b) return undefined;
  const doc = b.docNumber.includes('〔') ? `《${b.title}》（${b.docNumber}）` : b.docNumber.startsWith('《') ? b.docNumber : `《${b.title}》`;
  return `依据：${doc}${b.article ? ` ${b.article}` : ''}${b.summary ? `——${b.summary}` : ''}${b.notInForce ? '（备案日该办法尚未施行或已废止，按现行版本引用）' : ''}`;
}

/** Footer: where the facts come from, so the paper can be traced back. */
export function footer(f: FormFacts, withBasis: boolean): string[] {
  const out = [`登记簿文件：${f.file} · 事件序号 ${f.eventIndex + 1}（${f.filingType}，${f.event.date}） · 账号编号 ${f.account.id}`];
  if (withBasis) {
    const b = basisText(f);
    if (b) out.push(b);
  }
  if (f.teamIsCurrent.length) {
    out.push(`“管理队伍”为登记簿当前记录：本次备案之后有人员或联系方式变动（事件序号 ${f.teamIsCurrent.map((x) => x.index).join('、')}）。`);
  }
  out.push('本表由 govmedia form 依据登记簿生成，内容以登记簿为准；签字、盖章处请手写。');
  return out;
}

/** File name stem: <account id>-<event index>-<kind>备案表. */
export function fileStem(f: FormFacts): string {
  return `${f.account.id}-${f.eventIndex}-${f.kind}备案表`;
}
