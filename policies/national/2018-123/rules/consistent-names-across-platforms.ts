import { consistentNames } from '#engine/policy/common/structure';
import { KAISHE, gb } from '../cite.ts';

/**
 * 四、（一）：主办单位在不同平台上开设的政务新媒体名称原则上应保持一致。
 * “原则上”（policies/README.md 情态词表）：名称不一致为错误，除非该账号的开设、补录或变更备案写明理由
 * （`justification`）并经主管单位在同一项办理中审核同意（“主管审核 同意”）。与辽宁、自贡的同一条款用同一个
 * 工厂、同一个理由机制（justificationOf）。意见只说名称，不比较认证主体；移动客户端和小程序不比较。
 */
export default consistentNames({
  citation: gb(KAISHE, '主办单位在不同平台上开设的政务新媒体名称原则上应保持一致'),
  severity: 'error',
  principle: true,
  checkEntity: false,
});
