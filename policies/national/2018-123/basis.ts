/**
 * 国办发〔2018〕123号：哪一节要求哪些字段、哪一节规定哪项审批（见 scripts/policy/basis.ts）。
 * 绑定在根地区，是每个地区最后查到的依据；地方办法的条款排在它前面。
 */
import type { PolicyBasis } from '#engine/policy/basis';
import { KAISHE, ZHIZE, gb } from './cite.ts';

const FILING = gb(KAISHE, '建立政务新媒体分级备案制度，开设、变更、关停、注销应向主管单位备案');
const HOST = gb(ZHIZE, '政务新媒体主办单位按照“谁开设、谁主办”的原则确定，履行政务新媒体的规划建设、组织保障、健康发展、安全管理等职责。可通过购买服务等方式委托相关机构具体承担政务新媒体日常运维工作');
const OFFICES = gb(ZHIZE, '地方各级人民政府办公厅（室）是本地区政务新媒体工作的主管单位……主管单位负责推进、指导、协调、监督政务新媒体工作');
const HOST_CHANGE = gb(KAISHE, '政务新媒体主办单位发生变化的，应及时注销或变更账号信息，并向社会公告');

const basis: PolicyBasis = {
  fields: [
    { file: 'account', fields: ['name', 'certifiedEntity', 'certification'], citation: gb(KAISHE, '政务新媒体名称应简洁规范，与主办单位工作职责相关联，并在公开认证信息中标明主办单位名称') },
    { file: 'account', fields: ['events'], citation: FILING },
    { file: 'account', fields: ['hostUnit', 'operatingUnit', 'operatingMode', 'vendor', 'team'], citation: HOST },
    { file: 'account', fields: ['app.ipv6'], citation: gb(KAISHE, '移动客户端要全面支持IPv6（互联网协议第6版），支持在不同终端便捷使用') },
    { file: 'region', fields: ['supervisingOffice', 'supervisingOfficeName'], citation: OFFICES },
    { file: 'unit', fields: ['supervisor'], citation: OFFICES },
  ],
  approvals: {
    unit: HOST,
    supervisor: FILING,
    'supervisor:unit': OFFICES,
    'supervisor:unit-change': OFFICES,
    'supervisor:region': OFFICES,
    'former-supervisor': HOST_CHANGE,
    'receiving-supervisor': OFFICES,
    justification: gb(KAISHE, '一个单位原则上在同一平台只开设一个政务新媒体账号'),
  },
};
export default basis;
