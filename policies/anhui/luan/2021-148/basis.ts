/**
 * 六政办秘〔2021〕148号：哪一条款要求哪些字段、哪一条款规定哪项审批（见 scripts/policy/basis.ts）。
 * Which articles require which fields, and which articles ground each approval of the PR check.
 */
import type { PolicyBasis } from '#engine/policy/basis';
import { la } from './cite.ts';

const BASIC = la('第十四条', '政务新媒体账号的基本信息包括主办单位、开设主体全称，负责、联系人姓名、职务、手机、座机，账号名称、类型、功能，账号文章、主页、下载的URL等');
const REVIEW = la('第八条', '拟开设、变更、关停、注销政务新媒体，须经本单位集体研究或主要负责人同意，报同级主管单位审批，审批通过后于3个工作日内将相关情况及《六安市政务新媒体备案登记表》逐级报县（区、市、省主管单位审核');

const basis: PolicyBasis = {
  fields: [
    { file: 'account', fields: ['hostUnit', 'certifiedEntity', 'team', 'name', 'platform', 'subType', 'functions', 'urls'], citation: BASIC },
    { file: 'account', fields: ['events.unitDecision', 'events.level', 'events.reviewer', 'events.decision'], citation: REVIEW },
  ],
  approvals: {
    unit: la('第八条', '拟开设、变更、关停、注销政务新媒体，须经本单位集体研究或主要负责人同意'),
    'unit:non-key-change': la('第十四条', '基本信息变更应填报《六安市政务新媒体备案登记表》经逐级报备后在新媒体系统内修改基本信息'),
    supervisor: REVIEW,
    'supervisor:backfill': la('第十二条', '未纳入的应报备《六安市政务新媒体备案登记表》，经逐级核准后补录至新媒体系统'),
    // a late password change's justification (原则上每3个月) is approved by the supervising office in review
    'justification:密码更换': la('第三十二条（一）', '原则上密码每3个月变更一次'),
    'supervisor:key-change': la('第十四条', '基本信息变更应填报《六安市政务新媒体备案登记表》经逐级报备后在新媒体系统内修改基本信息'),
  },
};
export default basis;
