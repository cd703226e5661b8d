/**
 * filing-to-right-office 规则的用例（tests/policy-rules.test.ts 运行；命令行不加载，不编入 dist/）。
 * Cases of the rule filing-to-right-office: run by tests/policy-rules.test.ts, never loaded by the CLI, not built.
 */
import type { RuleCases } from '#engine/dev/cases';
import { addCity, reviewedBy } from '../offices.cases.ts';

const cases: RuleCases = {
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
};
export default cases;
