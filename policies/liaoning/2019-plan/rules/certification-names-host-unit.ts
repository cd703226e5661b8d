import { certificationNamesHost } from '#engine/policy/common/structure';
import { KAISHE, ln } from '../cite.ts';

/** “应……在公开认证信息中标明主办单位名称”：义务性表述，为错误。 */
export default certificationNamesHost({
  citation: ln(KAISHE, '政务新媒体名称应简洁规范，与主办单位工作职责相关联，并在公开认证信息中标明主办单位名称'),
  severity: 'error',
});
