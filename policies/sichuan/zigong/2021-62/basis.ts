/**
 * 自府办函〔2021〕62号：哪一条款要求哪些字段、哪一条款规定哪项审批（见 scripts/policy/basis.ts）。
 * Which articles require which fields, and which articles ground each approval of the PR check.
 */
import type { PolicyBasis } from '#engine/policy/basis';
import { zg } from './cite.ts';

const FORM = zg('第七条第（四）项、附件1', '由主办单位提交相关备案资料（包括备案表和相关印证资料等，一式三份）；附件1 开设备案表：认证主体 平台类型 媒体名称 运营单位 开通时间 运营模式 管理队伍主要负责人 联系电话 分管负责人 经办人员 开办理由');
const FILING = zg('第七条第（三）项、第（四）项', '政务新媒体主管单位应在5个工作日内审核完毕并向主办单位反馈结果……经审核同意的，由主办单位提交相关备案资料……报政务新媒体主管单位签署意见后，由主管单位报市政府办公室');

const basis: PolicyBasis = {
  fields: [
    { file: 'account', fields: ['certifiedEntity', 'platform', 'subType', 'name', 'operatingUnit', 'operatingMode', 'vendor', 'team', 'events.reason', 'events.unitDecision'], citation: FORM },
    { file: 'account', fields: ['events.changes', 'events.stillSupervised'], citation: zg('第十七条、附件3', '变更事项主要指“账号名称、认证主体、认证主体的分类”，变更原因应予以详细说明，并应注明变更后是否还纳入政务新媒体监管') },
    { file: 'account', fields: ['events.evidence'], citation: zg('第十一条', '政务新媒体主办单位应在政务新媒体的开设和关停阶段保存好必要的聊天记录、公告截图、注销完成截图等资料备查') },
    { file: 'account', fields: ['hostUnit'], citation: zg('第五条', '政务新媒体实行“谁开设、谁主办，谁应用、谁负责”的原则') },
    { file: 'region', fields: ['supervisingOffice', 'supervisingOfficeName'], citation: zg('第三条', '各区县政府办公室、高新区管委会党政办公室是本地区政务新媒体工作的主管单位') },
    { file: 'unit', fields: ['supervisor'], citation: zg('第三条', '实行行业、系统统一管理的，市级对口管理部门是本行业、系统政务新媒体工作的主管单位') },
  ],
  approvals: {
    unit: zg('第五条', '政务新媒体实行“谁开设、谁主办，谁应用、谁负责”的原则'),
    'unit:open': zg('第七条第（二）项', '经单位主要负责人同意后，可先完成新媒体账号在第三方平台的注册程序……并将相关信息同步报政务新媒体主管单位审核'),
    'unit:closing': zg('第九条第（一）项', '经单位主要负责人同意后，主办单位应及时按本办法第七条第四项的程序提交备案'),
    'unit:non-key-change': zg('第十八条', '仅涉及机构人员、联系电话等非关键信息调整的，由主办单位自行在全国政务新媒体报送系统进行修改，并向政务新媒体主管单位报备'),
    supervisor: FILING,
    'supervisor:key-change': zg('第十七条第（一）项', '政务新媒体的关键信息发生变化时，应立即按本办法第七条第四项的程序提交备案'),
    'supervisor:closing': zg('第九条第（一）项', '经单位主要负责人同意后，主办单位应及时按本办法第七条第四项的程序提交备案'),
    'supervisor:unit': zg('第三条', '政务新媒体主管单位负责推进、指导、协调、监督政务新媒体的建设、管理工作'),
    'supervisor:unit-change': zg('第三条', '政务新媒体主管单位负责推进、指导、协调、监督政务新媒体的建设、管理工作'),
    justification: zg('第六条、第八条', '一个单位原则上在同一平台只开设一个政务新媒体账号……确有必要开设或已开设确需单独保留的，应及时向政务新媒体主管单位说明开设理由'),
  },
};
export default basis;
