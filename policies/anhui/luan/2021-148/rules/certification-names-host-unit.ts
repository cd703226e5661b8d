import { certificationNamesHost } from '#engine/policy/common/structure';
import { la } from '../cite.ts';

export default certificationNamesHost({
  citation: la('第十三条', '应包括单位全称或规范简称，并在公开认证信息中标示'),
  severity: 'error',
});
