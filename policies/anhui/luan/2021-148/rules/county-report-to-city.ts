import { defineRule } from '#engine/policy/types';
import { la } from '../cite.ts';
import { countyWorksMissing, KIND_EN } from '../helpers.ts';

/**
 * 第八条 与附件说明：审批通过后将备案登记表逐级上报，“一份报市政府办公室”；核准后才在新媒体系统办理。
 * 市级单位的同级主管单位就是市政府办公室，其审批即已报市；县区账号须另行记录“上报备案”（level 市级）。
 * 省级的核准在全国政务新媒体信息报送系统中完成（系统填报），本库不另行记录。
 */
export default defineRule({
  name: 'county-report-to-city',
  scope: 'account',
  title: { zh: '县区政务新媒体在系统办理前已逐级报市政府办公室', en: 'county filings are reported up to the city office before the national-system entry' },
  citation: la('第八条、附件说明', '逐级报县（区）、市、省主管单位审核，核准后在新媒体系统完成相关操作；（登记表）一份报市政府办公室'),
  severity: 'error',
  messages: {
    missing: {
      zh: '县区政务新媒体的{kind}备案（{date}）在新媒体系统填报（{entry}）之前，没有向市政府办公室上报备案的记录',
      en: 'the county account\'s {kindEn} filing of {date} was entered in the national system ({entry}) without a recorded upward filing to the city office',
    },
  },
  fix: {
    zh: '请补充“上报备案”事件（level 填“市级”，写明上报日期和文号或备案登记表编号）；尚未上报的，请立即将备案登记表报六安市人民政府办公室。',
    en: 'Record a 上报备案 event with level "市级", its date and reference; if it was never sent, send the form to the city office now.',
  },
  check(ctx, a) {
    for (const { w, entry } of countyWorksMissing(ctx, a, (ev) => ev.type === '上报备案' && ev.level !== '县区' && ev.level !== '同级')) {
      ctx.report({ account: a, pointer: ['events', entry.i, 'type'], messageId: 'missing', data: { kind: w.kind, kindEn: KIND_EN[w.kind], date: w.start, entry: entry.ev.date } });
    }
  },
});
