/**
 * 自贡市政务新媒体开设 / 关停 / 信息变更备案表（自府办函〔2021〕62号 附件1—3）。
 * The three 自贡 forms: 附件1 opening (also used for back-filing), 附件2 closure, 附件3 change.
 * Captions and notes follow the annexes word for word.
 */
import { box, cell, label, p, t, value, type Cell, type FormDoc, type Para, type Row } from '../layout.ts';
import type { FormFacts } from '../model.ts';
import { changeText, dateRow, fileStem, footer, lastDate, modeText, phonesText, platformText, reviewParas, unitOpinion } from './common.ts';

/** Column grid (mm): caption | team role | value | caption | value. */
const COLS = [25, 25, 46, 24, 50];

const NOTE_1 = '1．平台类型填写所注册平台或移动客户端（APP）；运营模式为自营或购买服务。';
const NOTE_3 = '3．市政府部门自身开设的政务新媒体，“主管单位审核意见”请留空。';
const NOTE_2: Record<'开设' | '关停' | '变更', string> = {
  开设: '2．开办理由应详细说明开办的必要性，如系上级要求，应附上相应文件或通知等，并明确信息发布来源及相应更新保障机制。',
  关停: '2．关停原因应详细说明关停的合理性、依据，并附上注销的相关公告，以及注销流程和最终结果的相关截图。',
  变更: '2．变更事项主要指“账号名称、认证主体、认证主体的分类”，变更原因应予以详细说明，并应注明变更后是否还纳入政务新媒体监管。',
};

export function zigongForm(f: FormFacts): FormDoc {
  const a = f.account;
  const s = f.snapshot;
  const form = f.kind === '关停' ? '关停' : f.kind === '变更' ? '变更' : '开设';
  const annex = form === '开设' ? '附件1' : form === '关停' ? '附件2' : '附件3';
  const title = form === '开设' ? '自贡市政务新媒体开设备案表' : form === '关停' ? '自贡市政务新媒体关停备案表' : '自贡市政务新媒体信息变更备案表';
  const d = dateRow(f);
  const rows: Row[] = [
    { cells: [label('认证主体'), value(s.certifiedEntityName, { colSpan: 2 }), label('平台类型'), value(platformText(a))], minHeightMm: 11 },
    { cells: [label('媒体名称'), value(s.name, { colSpan: 2 }), label('运营单位'), value(s.operatingUnit)], minHeightMm: 11 },
    { cells: [label(d.label), value(d.value, { colSpan: 2 }), label('运营模式'), value(modeText(f))], minHeightMm: 11 },
  ];
  const team: Partial<NonNullable<typeof a.team>> & Pick<NonNullable<typeof a.team>, 'operators'> = a.team ?? { operators: [] }; // unknown team (backfilled account): empty rows
  const ops = team.operators.length ? team.operators : [undefined];
  const teamRows: [string, typeof team.principal | undefined][] = [
    ['主要负责人', team.principal],
    ['分管负责人', team.inCharge],
    ...ops.map((o): [string, typeof o] => ['经办人员', o]),
  ];
  teamRows.forEach(([role, person], i) => {
    const cells: Cell[] = [];
    if (i === 0) cells.push(label('管理队伍', { rowSpan: teamRows.length }));
    cells.push(label(role), value(person?.name ?? ''), label('联系电话'), value(phonesText(person)));
    rows.push({ cells, minHeightMm: 10 });
  });

  // reason (and, for changes, the change rows)
  const reasonLabel = form === '开设' ? '开办理由' : form === '关停' ? '关停原因' : '变更原因';
  const reasonParas: Para[] = (f.event.reason ?? '').split(/\r?\n/).map((l) => p(l));
  if (f.kind === '补录') reasonParas.unshift(p(t('（补录备案）', { bold: true })));
  if (form === '变更') {
    const ss = f.event.stillSupervised;
    reasonParas.push(p('变更后是否还纳入政务新媒体监管：', box(ss === true, '是'), '\u2003', box(ss === false, '否')));
  }
  rows.push({ cells: [label(`${reasonLabel}\n（可另附页）`), cell(reasonParas, { colSpan: 4, vAlign: 'top' })], minHeightMm: form === '变更' ? 26 : 38 });
  if (form === '变更') {
    rows.push({ cells: [label('变更事项'), label('变更情况', { colSpan: 4 })], minHeightMm: 9 });
    const changes = f.event.changes ?? [];
    if (!changes.length) rows.push({ cells: [value(''), value('由\u3000\u3000\u3000\u3000\u3000\u3000变更为', { colSpan: 4 })], minHeightMm: 10 });
    for (const c of changes) rows.push({ cells: [label(c.field), value(changeText(c.from, c.to), { colSpan: 4 })], minHeightMm: 10 });
  }

  rows.push({ cells: [label('主办单位\n意见'), cell(unitOpinion(f), { colSpan: 4, vAlign: 'top', seal: { marks: ['（签章）'], ...(f.event.unitDecision?.date ? { date: f.event.unitDecision.date } : {}) } })], minHeightMm: 34 });
  if (f.cityDepartment) {
    rows.push({ cells: [label('主管单位\n审核意见'), cell([p(t('（市政府部门自身开设的政务新媒体，本栏留空，见注3。）', { muted: true, small: true }))], { colSpan: 4, vAlign: 'top' })], minHeightMm: 34 });
  } else {
    const lastReview = lastDate(f.reviews);
    rows.push({ cells: [label('主管单位\n审核意见'), cell(f.reviews.length ? reviewParas(f.reviews) : [p('')], { colSpan: 4, vAlign: 'top', seal: { marks: ['（签章）'], ...(lastReview ? { date: lastReview } : {}) } })], minHeightMm: 34 });
  }

  return {
    annex,
    title,
    ...(f.kind === '补录' ? { subtitle: '（补录备案）' } : {}),
    colsMm: COLS,
    rows,
    notes: ['注：' + NOTE_1, NOTE_2[form], NOTE_3],
    footer: footer(f, true),
    fileStem: fileStem(f),
    fontPt: 12,
  };
}
