/**
 * 通用政务新媒体备案表：用于没有收录备案表式样的地方（綦江、辽宁、江苏某市及今后新增的地方）。
 * 标题用该地区名称，并写明其办法中规定备案的条款；栏目覆盖各地备案表的共同内容。
 *
 * The generic form for jurisdictions whose own form is not in the repository: titled with the
 * jurisdiction's name, citing the filing article of its measures, carrying the facts every local
 * form asks for.
 */
import { box, cell, label, p, t, value, type Cell, type FormDoc, type Para, type Row } from '../layout.ts';
import type { FormFacts } from '../model.ts';
import { basisText, changeText, dateRow, fileStem, footer, lastDate, modeText, platformText, REASON_LABEL, reviewParas, unitOpinion, urlParas, vendorText } from './common.ts';

/** Column grid (mm): caption | role | 姓名 | 单位及职务 | 办公电话 | 手机号码. */
const COLS = [24, 24, 27, 41, 27, 27];

export function genericForm(f: FormFacts): FormDoc {
  const a = f.account;
  const s = f.snapshot;
  const k = f.kind;
  const d = dateRow(f);
  const pair = (l1: string, v1: string, l2: string, v2: string): Row => ({ cells: [label(l1), value(v1, { colSpan: 2 }), label(l2), value(v2, { colSpan: 2 })], minHeightMm: 10 });

  const rows: Row[] = [
    { cells: [label('备案类型'), cell([p(box(k === '开设', '开设'), '\u2003', box(k === '补录', '补录'), '\u2003', box(k === '变更', '变更'), '\u2003', box(k === '关停', '关停（注销）'))], { colSpan: 5 })], minHeightMm: 10 },
    pair('账号名称', s.name, '平台类型', platformText(a)),
    pair('认证主体', s.certifiedEntityName, '认证主体分类', s.certifiedEntityCategory),
    pair('主办单位', s.hostUnitName, '运营单位', s.operatingUnit),
    pair('运营模式', modeText(f), d.label, d.value),
    { cells: [label('服务外包单位\n及资质'), value(vendorText(f), { colSpan: 5 })], minHeightMm: 10 },
  ];
  // the account's public id and URLs, when recorded (the row is ours, so it is left out when empty)
  if (a.platformAccountId || a.urls?.article || a.urls?.homepage || a.urls?.download) rows.push({ cells: [label('账号标识\n及网址'), cell(urlParas(a), { colSpan: 5 })], minHeightMm: 10 });

  const team: Partial<NonNullable<typeof a.team>> & Pick<NonNullable<typeof a.team>, 'operators'> = a.team ?? { operators: [] }; // unknown team (backfilled account): empty rows
  const ops = team.operators.length ? team.operators : [undefined];
  const people: [string, typeof team.principal | undefined][] = [['主要负责人', team.principal], ['分管负责人', team.inCharge], ...(team.sectionHead ? [['科室负责人', team.sectionHead] as [string, typeof team.sectionHead]] : []), ...ops.map((o): [string, typeof o] => ['经办人员', o])];
  rows.push({ cells: [label('管理队伍', { rowSpan: people.length + 1 }), label('职责'), label('姓名'), label('单位及职务'), label('办公电话'), label('手机号码')], minHeightMm: 8 });
  for (const [role, x] of people) rows.push({ cells: [label(role), value(x?.name ?? '', { align: 'center' }), value(x?.position ?? ''), value(x?.officePhone ?? '', { align: 'center' }), value(x?.mobile ?? '', { align: 'center' })], minHeightMm: 8 });

  const reason: Para[] = (f.event.reason ?? '').split(/\r?\n/).map((l) => p(l));
  if (k === '变更') {
    const ss = f.event.stillSupervised;
    reason.push(p('变更后是否仍纳入政务新媒体监管：', box(ss === true, '是'), '\u2003', box(ss === false, '否')));
  }
  rows.push({ cells: [label(`${REASON_LABEL[k]}\n（可另附页）`), cell(reason, { colSpan: 5, vAlign: 'top' })], minHeightMm: k === '变更' ? 18 : 28 });
  if (k === '变更') {
    rows.push({ cells: [label('变更事项'), label('变更情况', { colSpan: 5 })], minHeightMm: 8 });
    const changes = f.event.changes ?? [];
    if (!changes.length) rows.push({ cells: [value(''), value('由\u3000\u3000\u3000\u3000\u3000\u3000变更为', { colSpan: 5 })], minHeightMm: 9 });
    for (const c of changes) rows.push({ cells: [label(c.field), value(changeText(c.from, c.to), { colSpan: 5 })], minHeightMm: 8 });
  }

  rows.push({ cells: [label('主办单位\n意见'), cell(unitOpinion(f), { colSpan: 5, vAlign: 'top', seal: { marks: ['（签章）'], ...(f.event.unitDecision?.date ? { date: f.event.unitDecision.date } : {}) } })], minHeightMm: k === '变更' ? 24 : 28 });
  const sup: Para[] = [];
  if (f.supervisorName) sup.push(p(t(`主管单位：${f.supervisorName}`, { muted: true, small: true })));
  sup.push(...reviewParas(f.reviews));
  for (const r of f.reports) sup.push(p(`上报备案${r.event.level ? `（${r.event.level}）` : ''}${r.event.reviewer ? `：${r.event.reviewer}` : ''}${r.event.note ? `。${r.event.note}` : ''}`, t(`（${r.event.date}）`, { muted: true })));
  const supDate = lastDate(f.reviews);
  const supCell: Cell = cell(sup.length ? sup : [p('')], { colSpan: 5, vAlign: 'top', seal: { marks: ['（签章）'], ...(supDate ? { date: supDate } : {}) } });
  rows.push({ cells: [label('主管单位\n意见'), supCell], minHeightMm: k === '变更' ? 24 : 28 });

  const basis = basisText(f);
  return {
    title: `${f.jurisdictionName}政务新媒体备案表`,
    subtitle: `（${k === '关停' ? '关停（注销）' : k}备案）`,
    ...(basis ? { basis } : {}),
    colsMm: COLS,
    rows,
    notes: [
      `注：1．${f.basis ? '该办法未附备案表式样，或式样未收录本库；' : '本地区尚未在本库绑定管理办法；'}本表为通用备案表，各栏取自登记簿。`,
      '2．平台类型填写所注册平台或移动客户端（APP）；运营模式为自营或购买服务，购买服务的须填写服务外包单位及其资质。',
      '3．理由、变更情况可另附页；主办单位意见须经单位主要负责人同意或集体研究。',
    ],
    footer: footer(f, false),
    fileStem: fileStem(f),
    fontPt: 10,
  };
}
