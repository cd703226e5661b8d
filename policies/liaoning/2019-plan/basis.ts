/**
 * 辽政办发〔2019〕24号：哪一节规定哪项审批（见 scripts/policy/basis.ts）。
 * 方案不列备案字段，所以不声明 fields：字段依据落到国办发〔2018〕123号 或本库数据标准。
 */
import type { PolicyBasis } from '#engine/policy/basis';
import { KAISHE, ZEREN, ln } from './cite.ts';

const basis: PolicyBasis = {
  approvals: {
    unit: ln(ZEREN, '政务新媒体主办单位要按照“谁开设、谁主办”的原则，履行政务新媒体的规划建设、组织保障、健康发展、安全管理等职责'),
    supervisor: ln(KAISHE, '建立分级备案制度，政府部门开设、变更、关停、注销政务新媒体应向同级政府办公部门备案，市、县（市、区）政府应向上一级政府办公部门备案'),
    'supervisor:unit': ln(ZEREN, '各市、县（市、区）政府办公室是本地区政务新媒体工作的主管单位，省政府各部门办公室或指定的专门处室是本部门政务新媒体工作的主管单位'),
    'supervisor:unit-change': ln(ZEREN, '各市、县（市、区）政府办公室是本地区政务新媒体工作的主管单位，省政府各部门办公室或指定的专门处室是本部门政务新媒体工作的主管单位'),
    'former-supervisor': ln(KAISHE, '政务新媒体主办单位发生变化的，应及时注销或变更账号信息，并向社会公告'),
    justification: ln(KAISHE, '一个单位原则上在同一平台只开设一个政务新媒体账号'),
  },
};
export default basis;
