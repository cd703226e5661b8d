import { certificationNamesHost } from '#engine/policy/common/structure';
import { zg } from '../cite.ts';

export default certificationNamesHost({ citation: zg('第十六条', '在公开认证信息中标明主办单位名称') });
