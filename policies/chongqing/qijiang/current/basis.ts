/**
 * 《綦江区政府网站和政务新媒体管理办法》：哪一条款规定哪项审批（见 scripts/policy/basis.ts）。
 * 备案表（附件4）未收录，办法本身不列字段，所以不声明 fields：字段依据落到国办发〔2018〕123号 或本库数据标准。
 */
import type { PolicyBasis } from '#engine/policy/basis';
import { qj } from './cite.ts';

const basis: PolicyBasis = {
  approvals: {
    unit: qj('第十三条', '政务新媒体账号开设、变更、关停、注销，要经本单位主要负责人同意'),
    supervisor: qj('第十三条', '政务新媒体实行分级备案制度。政务新媒体账号开设、变更、关停、注销，要经本单位主要负责人同意，并报区政府办公室备案（附件4）'),
    justification: qj('第十一条', '原则上一个单位在同一平台只保留一个政务新媒体账号'),
  },
};
export default basis;
