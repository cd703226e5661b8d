import { certificationNamesHost } from '#engine/policy/common/structure';
import { KAISHE, gb } from '../cite.ts';

/** 四、（一）：政务新媒体……在公开认证信息中标明主办单位名称（“应”，错误）。单位的简称和 aliases 中的写法也算。 */
export default certificationNamesHost({
  citation: gb(KAISHE, '政务新媒体名称应简洁规范，与主办单位工作职责相关联，并在公开认证信息中标明主办单位名称'),
  severity: 'error',
});
