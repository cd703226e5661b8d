import { workEvents } from '../../../../scripts/policy/common/process.ts';
import { defineRule } from '../../../../scripts/policy/types.ts';
import { KAISHE, ln } from '../cite.ts';
import { addCity, filingOffice, isOffice, levelOf, reviewedBy } from '../offices.ts';

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
import { WORK_KIND_EN as KIND_EN } from '../../../../scripts/core/lifecycle.ts';
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
  cases: {
    valid: [
      { name: 'a provincial department filed with the provincial government office' },
      {
        name: 'a city government filed with the provincial office (the next level up)',
        setup: (k) => {
          addCity(k);
          k.account('city-zf', { id: 'city-zf-weibo', name: '某市发布', platform: '新浪微博' });
          reviewedBy(k, 'city-zf-weibo', '辽宁省人民政府办公厅', '省级');
        },
      },
      {
        name: 'a city government reviewed by its own office, then reported up to the province',
        setup: (k) => {
          addCity(k);
          const a = k.account('city-zf', { id: 'city-zf-weibo', name: '某市发布', platform: '新浪微博' });
          reviewedBy(k, 'city-zf-weibo', '某市人民政府办公室', '同级');
          a.events.splice(2, 0, { type: '上报备案', date: a.events[1]!.date, reviewer: '辽宁省人民政府办公厅', level: '省级' });
        },
      },
      {
        name: 'a city department filed with the city office; a division of the office counts',
        setup: (k) => {
          addCity(k);
          k.account('city-dept', { id: 'city-dept-weixin', name: '某市教育', platform: '微信公众号' });
          reviewedBy(k, 'city-dept-weixin', '某市人民政府办公室政务公开科');
        },
      },
      {
        name: 'an opening still waiting for the office needs no review yet',
        setup: (k) => void k.account('dept', { id: 'dept-douyin', name: '健康辽宁', platform: '抖音', events: [{ type: '开设备案', date: '2026-11-19' }] }),
      },
      {
        name: 'filings before the plan took effect (2019-07-23) are not judged',
        setup: (k) => {
          k.dates('dept-weixin', ['2019-03-04', '2019-03-05', '2019-03-06', '2019-03-07', '2019-03-08']);
          reviewedBy(k, 'dept-weixin', '辽宁省信息中心');
        },
      },
      {
        name: 'the plan sets no filing route for an institution; not judged',
        setup: (k) => {
          k.unit('liaoning', { id: 'inst', name: '辽宁省某管理中心', kind: '承担行政职能的事业单位' });
          k.account('inst', { id: 'inst-weixin', name: '辽宁某中心', platform: '微信公众号' });
        },
      },
    ],
    invalid: [
      {
        name: 'a city department filed with the provincial office instead of the city office',
        setup: (k) => {
          addCity(k);
          k.account('city-dept', { id: 'city-dept-weixin', name: '某市教育', platform: '微信公众号' });
          reviewedBy(k, 'city-dept-weixin', '辽宁省人民政府办公厅');
        },
        errors: [{ account: 'city-dept-weixin', pointer: ['events', 1, 'reviewer'], messageIncludes: '政府部门，开设政务新媒体应向同级政府办公部门“某市人民政府办公室”', messageId: 'wrongOffice' }],
      },
      {
        name: 'a city government filed only with its own city office',
        setup: (k) => {
          addCity(k);
          k.account('city-zf', { id: 'city-zf-weibo', name: '某市发布', platform: '新浪微博' });
          reviewedBy(k, 'city-zf-weibo', '某市人民政府办公室', '同级');
        },
        errors: [{ account: 'city-zf-weibo', pointer: ['events', 1, 'reviewer'], messageIncludes: '市级人民政府，开设政务新媒体应向上一级政府办公部门“辽宁省人民政府办公厅”', messageId: 'wrongOffice' }],
      },
      {
        name: 'a county government (in its county folder) must file with the city office, not the province',
        setup: (k) => {
          addCity(k);
          k.region('liaoning/city/county', { name: '辽宁省某市某县', level: '县级', supervisingOffice: 'county-bgs' });
          k.unit('liaoning/city/county', { id: 'county-bgs', name: '某县人民政府办公室', kind: '政府办公室' });
          k.unit('liaoning/city/county', { id: 'county-zf', name: '某县人民政府', kind: '人民政府' });
          k.account('county-zf', { id: 'county-zf-weixin', name: '某县发布', platform: '微信公众号' });
          reviewedBy(k, 'county-zf-weixin', '辽宁省人民政府办公厅', '省级');
        },
        errors: [{ account: 'county-zf-weixin', pointer: ['events', 1, 'reviewer'], messageIncludes: '县级人民政府，开设政务新媒体应向上一级政府办公部门“某市人民政府办公室”', messageId: 'wrongOffice' }],
      },
      {
        name: 'an opening completed with no review recorded',
        setup: (k) => void k.get('dept-weixin').events.splice(1, 1),
        errors: [{ account: 'dept-weixin', pointer: ['events', 0], messageIncludes: '辽宁省人民政府办公厅', messageId: 'missing' }],
      },
      {
        name: 'a review event that names no office',
        setup: (k) => void delete k.get('dept-weixin').events[1]!.reviewer,
        errors: [{ account: 'dept-weixin', pointer: ['events', 1], messageId: 'noReviewer' }],
      },
      {
        name: 'a closure filed with the wrong office',
        setup: (k) =>
          void k.get('dept-weixin').events.push(
            { type: '关停备案', date: '2026-09-28', reason: '账号整合。' },
            { type: '主管审核', date: '2026-10-09', decision: '同意', reviewer: '辽宁省委网信办' },
          ),
        errors: [{ account: 'dept-weixin', pointer: ['events', 6, 'reviewer'], messageId: 'wrongOffice' }],
      },
    ],
  },
});
