/**
 * 《六安市政务新媒体备案登记表》（六政办秘〔2021〕148号 附件）。
 *
 * The annex as published (the seed text lost some captions in conversion): 基本信息 with the
 * 备案事由 and 账号类型 check boxes, 开设时间, 是否通过认证, 账号名称, 文章/主页/下载 URL,
 * 服务外包单位名称及资质; the 管理队伍 table (姓名, 单位及职务, 办公电话, 手机号码 for 分管领导,
 * 科室负责人, 经办人员); 主办单位意见 (负责人签字、单位盖章), 同级主管单位意见 and 县区主管单位意见
 * (单位盖章); 说明. Two rows are ours, both inside 基本信息: 主办单位 / 开设主体全称 (第十四条 lists them
 * as basic information; their captions are among those the seed lost) and 情况说明 (the filing's
 * reason and, for a change, each 由…变更为…), because the paper form has no room for them and a
 * change filing without its changes says nothing.
 */
import type { Change } from '../../generated/types.ts';
import { blank, box, cell, dateZh, label, p, t, value, type Cell, type FormDoc, type Para, type Row } from '../layout.ts';
import type { FormFacts } from '../model.ts';
import { changeText, fileStem, footer, lastDate, reviewParas, unitOpinion, urlParas, vendorText } from './common.ts';

/** Column grid (mm): section | caption/role | 姓名 | 单位及职务 | 办公电话 | 手机号码. */
const COLS = [11, 31, 27, 47, 27, 27];

const EXPLANATION = '本表由主办单位填写，一份报送同级主管单位备案，一份报市政府办公室，一份存所在主办单位。县级以下政务新媒体需填报县区主管单位意见抄报县（区）政府办公室，市政府部门、直属机构不填。';

/** Which of 账号 / 基本信息 / 其他 a change ticks. */
function changeBoxes(changes: Change[] | undefined): { 账号: boolean; 基本信息: boolean; 其他: boolean } {
  const r = { 账号: false, 基本信息: false, 其他: false };
  for (const c of changes ?? []) {
    if (c.field === '账号名称') r.账号 = true;
    else if (c.field === '其他') r.其他 = true;
    else r.基本信息 = true;
  }
  return r;
}

export function luanForm(f: FormFacts): FormDoc {
  const a = f.account;
  const s = f.snapshot;
  const k = f.kind;
  const cb = changeBoxes(f.event.changes);

  const reason: Para = p(
    box(k === '开设', '开设'),
    '\u2003',
    box(k === '变更', '变更'),
    '（',
    box(k === '变更' && cb.账号, '账号'),
    '/',
    box(k === '变更' && cb.基本信息, '基本信息'),
    '/',
    box(k === '变更' && cb.其他, '其他'),
    '）\u2003',
    box(k === '关停', '关停（注销）'),
    '\u2003',
    box(k === '补录', '补录'),
  );

  const pf = a.platform;
  const weixin = pf === '微信公众号' || pf === '微信小程序';
  const named = pf === '今日头条' || pf === '快手' || pf === '抖音';
  const otherName = pf === '微信视频号' ? '视频号' : pf === '哔哩哔哩' ? '哔哩哔哩' : pf === '其他平台' ? '其他' : '';
  const other = named || otherName !== '';
  const types: Para[] = [
    p(box(weixin, '微信公众号'), '：（', box(pf === '微信公众号' && a.subType === '服务号', '服务号'), '/', box(pf === '微信公众号' && a.subType === '订阅号', '订阅号'), '/', box(pf === '微信小程序', '小程序'), '）'),
    p(box(pf === '新浪微博', '新浪微博'), '\u2003', box(pf === '移动客户端', '移动客户端APP')),
    p(box(other, '其他平台'), '：（', box(pf === '今日头条', '今日头条'), '/', box(pf === '快手', '快手'), '/', box(pf === '抖音', '抖音'), '/', otherName ? box(true, otherName) : blank(4), '）'),
  ];

  const situation: Para[] = (f.event.reason ?? '').split(/\r?\n/).filter((l, _i, all) => l || all.length === 1).map((l) => p(l));
  if (k === '变更') for (const c of f.event.changes ?? []) situation.push(p(`${c.field}：${changeText(c.from, c.to)}`));
  if (k === '变更' && f.event.stillSupervised !== undefined) situation.push(p(`变更后${f.event.stillSupervised ? '仍' : '不再'}纳入政务新媒体监管。`));

  const basic: Cell[][] = [
    [label('主办单位'), value(s.hostUnitName, { colSpan: 4 })],
    [label('开设主体全称'), cell([p(s.certifiedEntityName, t(`（${s.certifiedEntityCategory}）`, { muted: true, small: true }))], { colSpan: 4 })],
    [label('备案事由'), cell([reason], { colSpan: 4 })],
    [label('账号类型'), cell(types, { colSpan: 4 })],
    // the form has one date, 开设时间: when the account was opened, whatever this filing is
    [label('开设时间'), value(dateZh(f.openedOn), { colSpan: 2 }), label('是否通过认证'), cell([p(box(f.certified, '是'), '\u2003', box(!f.certified, '否'))], { align: 'center' })],
    [label('账号名称'), value(s.name, { colSpan: 4 })],
    [label('文章/主页/下载\nURL'), cell(urlParas(a), { colSpan: 4 })],
    [label('服务外包单位\n名称及资质'), value(vendorText(f), { colSpan: 4 })],
    [label('情况说明\n（可附页）'), cell(situation, { colSpan: 4, vAlign: 'top' })],
  ];
  const rows: Row[] = basic.map((cells, i) => ({ cells: i === 0 ? [label('基\n本\n信\n息', { rowSpan: basic.length }), ...cells] : cells, minHeightMm: i === basic.length - 1 ? 18 : 9 }));

  const team: Partial<NonNullable<typeof a.team>> & Pick<NonNullable<typeof a.team>, 'operators'> = a.team ?? { operators: [] }; // unknown team (backfilled account): empty rows
  const ops = team.operators.length ? team.operators : [undefined];
  const people: [string, typeof team.inCharge | undefined][] = [['分管领导', team.inCharge], ['科室负责人', team.sectionHead], ...ops.map((o): [string, typeof o] => ['经办人员', o])];
  rows.push({ cells: [label('管\n理\n队\n伍', { rowSpan: people.length + 1 }), label(''), label('姓名'), label('单位及职务'), label('办公电话'), label('手机号码')], minHeightMm: 8 });
  for (const [role, x] of people) rows.push({ cells: [label(role), value(x?.name ?? '', { align: 'center' }), value(x?.position ?? ''), value(x?.officePhone ?? '', { align: 'center' }), value(x?.mobile ?? '', { align: 'center' })], minHeightMm: 8 });

  const unitDate = f.event.unitDecision?.date;
  rows.push({ cells: [label('主办\n单位意见', { colSpan: 2 }), cell(unitOpinion(f), { colSpan: 4, vAlign: 'top', seal: { marks: ['负责人签字：\u3000\u3000\u3000\u3000\u3000\u3000', '单位盖章：'], ...(unitDate ? { date: unitDate } : {}) } })], minHeightMm: 25 });

  const same = f.reviews.filter((r) => r.event.level === undefined || r.event.level === '同级');
  const county = f.reviews.filter((r) => r.event.level === '县区');
  const sameDate = lastDate(same);
  rows.push({ cells: [label('同级主管\n单位意见', { colSpan: 2 }), cell(same.length ? reviewParas(same, false) : [p('')], { colSpan: 4, vAlign: 'top', seal: { marks: ['单位盖章：'], ...(sameDate ? { date: sameDate } : {}) } })], minHeightMm: 22 });
  if (f.cityLevel) {
    rows.push({ cells: [label('县区主管\n单位意见', { colSpan: 2 }), cell([p(t('（市政府部门、直属机构不填）', { muted: true, small: true }))], { colSpan: 4, vAlign: 'top', na: true })], minHeightMm: 14 });
  } else {
    const countyDate = lastDate(county);
    rows.push({ cells: [label('县区主管\n单位意见', { colSpan: 2 }), cell(county.length ? reviewParas(county, false) : [p('')], { colSpan: 4, vAlign: 'top', seal: { marks: ['单位盖章：'], ...(countyDate ? { date: countyDate } : {}) } })], minHeightMm: 22 });
  }
  rows.push({ cells: [label('说明', { colSpan: 2 }), value(EXPLANATION, { colSpan: 4 })], minHeightMm: 12 });

  return {
    annex: '附件',
    title: '六安市政务新媒体备案登记表',
    colsMm: COLS,
    rows,
    notes: [],
    footer: footer(f, true),
    fileStem: fileStem(f),
    fontPt: 10,
  };
}
