import { consistentNames } from '#engine/policy/common/structure';
import { la } from '../cite.ts';

export default consistentNames({
  citation: la('第十三条', '同一单位在不同平台上开设的政务新媒体……名称及公开认证信息应保持一致，不一致应进行账号信息变更'),
  severity: 'error',
});
