import { certificationNamesHost } from '#engine/policy/common/structure';
import { zg } from '../cite.ts';

/** 第十六条“应……在公开认证信息中标明主办单位名称”：义务（错误）。认证信息由主办单位向平台申请，不符的应申请变更认证。 */
export default certificationNamesHost({ citation: zg('第十六条', '政务新媒体名称应简洁规范，与主办单位工作职责相关联，并在公开认证信息中标明主办单位名称'), severity: 'error' });
