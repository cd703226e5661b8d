/**
 * 江苏设区市《通知》（据官方解读）：哪一段规定哪项审批（见 scripts/policy/basis.ts）。
 * 解读不列备案字段，所以不声明 fields：字段依据落到国办发〔2018〕123号 或本库数据标准。
 */
import type { PolicyBasis } from '#engine/policy/basis';
import { ART, Q_ANNOUNCE, Q_DUTIES, Q_FILING, js } from './cite.ts';

const basis: PolicyBasis = {
  approvals: {
    'unit:key-change': js(ART.filing, Q_ANNOUNCE),
    'unit:closing': js(ART.filing, Q_ANNOUNCE),
    supervisor: js(ART.filing, Q_FILING),
    'supervisor:unit': js(ART.duties, Q_DUTIES),
    'supervisor:unit-change': js(ART.duties, Q_DUTIES),
  },
};
export default basis;
