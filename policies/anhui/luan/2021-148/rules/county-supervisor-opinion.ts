import { defineRule } from '#engine/policy/types';
import { la } from '../cite.ts';
import { countyWorksMissing, KIND_EN } from '../helpers.ts';

/**
 * 第八条 与附件《备案登记表》说明：县区的政务新媒体，开设、变更、关停、补录须有县区主管单位
 * （县区政府办公室）审核同意的意见（登记表“县区主管单位意见”一栏），核准后才能在新媒体系统办理。
 * 市政府部门、直属机构不填此栏，本规则只检查县区（县级地区及其下）的账号。
 */
export default defineRule({
  name: 'county-supervisor-opinion',
  scope: 'account',
  title: { zh: '县区政务新媒体须有县区主管单位审核同意的意见', en: 'county accounts carry the county supervising office\'s approval' },
  citation: la('第八条、附件说明', '县级以下政务新媒体需填报县区主管单位意见抄报县（区）政府办公室，市政府部门、直属机构不填'),
  severity: 'error',
  messages: {
    missing: {
      zh: '县区政务新媒体的{kind}备案（{date}）在新媒体系统填报（{entry}）之前，没有县区主管单位审核同意的记录',
      en: 'the county account\'s {kindEn} filing of {date} was entered in the national system ({entry}) without a recorded approval of the county supervising office',
    },
  },
  fix: {
    zh: '请补充“主管审核”事件：level 填“县区”，decision 填“同意”，reviewer 填县（区）政府办公室名称和日期（即备案登记表“县区主管单位意见”一栏）；未经县区审核的，请立即报县（区）政府办公室。',
    en: 'Record a 主管审核 event with level "县区", decision "同意", the county office as reviewer and the date; if there was none, report to the county office now.',
  },
  check(ctx, a) {
    for (const { w, entry } of countyWorksMissing(ctx, a, (ev) => ev.type === '主管审核' && ev.decision === '同意' && ev.level === '县区')) {
      ctx.report({ account: a, pointer: ['events', entry.i, 'type'], messageId: 'missing', data: { kind: w.kind, kindEn: KIND_EN[w.kind], date: w.start, entry: entry.ev.date } });
    }
  },
});
