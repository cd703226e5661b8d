import { isLive } from '#engine/policy/common/structure';
import { defineRule } from '#engine/policy/types';
import { qj } from '../cite.ts';

/**
 * 第二条、第十一条：本办法所称政务新媒体，是街道办事处、镇人民政府、区政府各部门（含承担行政
 * 职能的事业单位）、市属在綦单位开设的账号；“各街镇、区政府各部门可根据工作需要规范开设”。
 * 区人民政府和区政府办公室（区政府的组成部门）当然在内。
 * 内设机构、不承担行政职能的部门下属单位不在所列单位之内。本办法没有写“不得”，第十一条只说所列单位“可”开设
 * （情态词“可” → 提示）：
 * 请审核人确认该账号应由哪个单位作主办单位，或单位类型是否登记有误。
 * “市属在綦单位”在本库中按其性质登记为“政府部门”或“承担行政职能的事业单位”（在 note 中注明）。
 */
const IN_SCOPE = new Set(['人民政府', '政府办公室', '政府部门', '承担行政职能的事业单位', '乡镇街道']);

export default defineRule({
  name: 'host-unit-in-scope',
  scope: 'account',
  title: { zh: '主办单位属于本办法第二条所列的开设单位', en: 'the host unit is one of the bodies listed in Article 2' },
  citation: qj('第二条、第十一条', '各街镇、区政府各部门可根据工作需要规范开设政务新媒体账号；本办法所称政务新媒体是指重庆市綦江区各街道办事处、各镇人民政府、区政府各部门(含承担行政职能的事业单位)、市属在綦单位在微博、微信等第三方平台上开设的政务账号或应用'),
  modality: '可',
  severity: 'notice',
  messages: {
    outOfScope: {
      zh: '主办单位“{unit}”的类型是“{kind}”，不在本办法第二条所列的开设单位（街道办事处、镇人民政府、区政府各部门及承担行政职能的事业单位、市属在綦单位）之内',
      en: 'host unit "{unit}" is a "{kind}", not one of the bodies Article 2 lists (sub-districts, towns, district departments incl. institutions with administrative functions, municipal units in Qijiang)',
    },
  },
  fix: {
    zh: '请核实：如该账号实际由上级单位主办，请把账号移到上级单位的文件夹并办理主办单位变更备案；如单位类型登记有误，请更正 unit.json 中的 kind；确需由“{unit}”单独开设的，请向区政府办公室说明情况。',
    en: 'Check: if the parent unit really hosts the account, move it there with a change filing; if the unit kind is wrong, correct unit.json; otherwise explain to the district government office.',
  },
  check(ctx, a) {
    if (!isLive(ctx, a)) return;
    const u = ctx.unitOf(a);
    if (!u || IN_SCOPE.has(u.data.kind)) return;
    ctx.report({ account: a, pointer: ['hostUnit'], messageId: 'outOfScope', data: { unit: u.data.name, kind: u.data.kind } });
  },
});
