import { consistentNames } from '#engine/policy/common/structure';
import { KAISHE, ln } from '../cite.ts';

/**
 * “原则上应保持一致”：错误，除非该账号的备案写明理由（justification）并经主管单位审核同意
 * （policies/README.md 情态词表；与国办发〔2018〕123号 同一条款同一机制）。移动客户端、小程序可另行命名（工厂默认忽略）。
 */
export default consistentNames({
  citation: ln(KAISHE, '主办单位在不同平台上开设的政务新媒体名称原则上应保持一致'),
  severity: 'error',
  principle: true,
});
