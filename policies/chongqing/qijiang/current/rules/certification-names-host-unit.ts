import { certificationNamesHost } from '#engine/policy/common/structure';
import { qj } from '../cite.ts';

/** 第十二条“并在公开认证信息中标明主办单位名称”没有“原则上”，所以是错误。 */
export default certificationNamesHost({
  citation: qj('第十二条', '在公开认证信息中标明主办单位名称'),
  severity: 'error',
});
