import { consistentNames } from '#engine/policy/common/structure';
import { KAISHE, ln } from '../cite.ts';

/** “原则上应保持一致”：警告。移动客户端、小程序可另行命名（工厂默认忽略）。 */
export default consistentNames({
  citation: ln(KAISHE, '主办单位在不同平台上开设的政务新媒体名称原则上应保持一致'),
  severity: 'warning',
});
