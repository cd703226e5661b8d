import { workEvents } from '#engine/policy/common/process';
import { defineRule } from '#engine/policy/types';
import { KAISHE, ln } from '../cite.ts';
import { filingOffice, isOffice, levelOf } from '../offices.ts';

/**
 * 三、（一）建立分级备案制度：政府部门开设、变更、关停、注销政务新媒体应向同级政府办公部门备案，
 * 市、县（市、区）政府应向上一级政府办公部门备案。
 *
 * 登记簿中，备案送达哪个办公部门记录在“主管审核”（或“上报备案”）事件的 reviewer 中。
 * 一项办理（开设、补录、变更、关停）只要有一个这样的事件写明了应备案的办公部门即可
 * （例如市政府账号先经市政府办公室审核、再“上报备案”至省政府办公厅，也合规）。
 * 办结（系统填报）而没有任何这样的事件的，视为未备案。
 * 其他单位（事业单位、部门下属单位、乡镇街道等）本方案未规定备案去向，不检查；
 * 省政府的上一级办公部门不在本库中，也不检查。
 */
import { WORK_KIND_EN as KIND_EN } from '#engine/core/lifecycle';
const WHAT: Record<string, string> = { 开设: '开设政务新媒体', 补录: '补录登记账号', 变更: '变更账号信息', 关停: '关停、注销账号' };

export default defineRule({
  name: 'filing-to-right-office',
  scope: 'account',
  title: { zh: '分级备案：政府部门向同级、市县政府向上一级政府办公部门备案', en: 'graded filing: departments file with the same-level office, city and county governments with the next level up' },
  citation: ln(KAISHE, '政府部门开设、变更、关停、注销政务新媒体应向同级政府办公部门备案，市、县（市、区）政府应向上一级政府办公部门备案'),
  severity: 'error',
  messages: {
    missing: {
      zh: '{kind}备案（{date}）已办结，但没有记录向“{office}”备案（缺少“主管审核”事件）',
      en: 'the {kindEn} filing of {date} was completed with no record of filing with "{office}" (no review event)',
    },
    wrongOffice: {
      zh: '“{unit}”是{who}，{what}应向{route}“{office}”备案，但记录的审核单位是“{reviewer}”',
      en: '"{unit}" must file its {kindEn} with "{office}" ({routeEn}), but the record names "{reviewer}"',
    },
    noReviewer: {
      zh: '“{type}”（{date}）没有写明审核单位；“{unit}”{what}应向{route}“{office}”备案',
      en: '"{type}" ({date}) does not name the office; "{unit}" must file its {kindEn} with "{office}"',
    },
  },
  fix: {
    missing: { zh: '请向“{office}”备案，并追加“主管审核”事件（reviewer 写“{office}”，写明日期和意见）。', en: 'File with "{office}" and record its review event (reviewer "{office}").' },
    wrongOffice: {
      zh: '政府部门向同级政府办公部门备案，市、县（市、区）政府向上一级政府办公部门备案。请向“{office}”备案，并追加“上报备案”事件（reviewer 写“{office}”全称）。',
      en: 'Departments file with the same-level office, city and county governments with the next level up: file with "{office}" and append a 上报备案 event naming it in full.',
    },
    noReviewer: { zh: '请向“{office}”备案，并追加“上报备案”事件（reviewer 写“{office}”全称）。', en: 'File with "{office}" and append a 上报备案 event naming it in full.' },
  },
  check(ctx, a) {
    const u = ctx.unitOf(a);
    if (!u) return;
    const target = filingOffice(ctx, u);
    if (!target) return;
    const { office, route } = target;
    for (const w of ctx.state(a).works) {
      if (!ctx.judged(w) || w.adopted) continue; // an adoption record is not a filing through the register
      const recipients = workEvents(a, w).filter(({ ev }) => ev.type === '主管审核' || ev.type === '上报备案');
      const level = levelOf(ctx, u) ?? '';
      const data = {
        unit: u.data.name,
        office: office.name,
        kind: w.kind,
        kindEn: KIND_EN[w.kind],
        what: WHAT[w.kind],
        date: w.start,
        who: route === 'same' ? '政府部门' : `${level}人民政府`,
        route: route === 'same' ? '同级政府办公部门' : '上一级政府办公部门',
        routeEn: route === 'same' ? 'a department files with the same-level office' : 'a city or county government files with the next level up',
      };
      if (recipients.length === 0) {
        if (w.done) ctx.report({ account: a, pointer: ['events', w.index], messageId: 'missing', data });
        continue;
      }
      if (recipients.some(({ ev }) => isOffice(office, ev.reviewer))) continue;
      const first = recipients.find(({ ev }) => ev.type === '主管审核') ?? recipients[0]!;
      if (!first.ev.reviewer?.trim()) ctx.report({ account: a, pointer: ['events', first.i], messageId: 'noReviewer', data: { ...data, type: first.ev.type, date: first.ev.date } });
      else ctx.report({ account: a, pointer: ['events', first.i, 'reviewer'], messageId: 'wrongOffice', data: { ...data, reviewer: first.ev.reviewer } });
    }
  },
});
