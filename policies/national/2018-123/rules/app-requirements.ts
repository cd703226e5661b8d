import { appRequirements } from '#engine/policy/common/structure';
import { KAISHE, gb } from '../cite.ts';

/** 四、（一）：移动客户端要全面支持IPv6。意见对适老化、服务器位置没有规定，这里不检查。 */
export default appRequirements({
  citation: gb(KAISHE, '移动客户端要全面支持IPv6（互联网协议第6版），支持在不同终端便捷使用'),
  severity: 'error',
  checks: ['ipv6'],
});
