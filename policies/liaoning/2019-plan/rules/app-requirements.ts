import { appRequirements } from '#engine/policy/common/structure';
import { KAISHE, ln } from '../cite.ts';

/** 本方案对移动客户端只规定全面支持 IPv6（适老化、服务器位置不在本方案中），标题相应收窄。 */
export default {
  ...appRequirements({
    citation: ln(KAISHE, '移动客户端等应用系统建设要严格按照集约节约的原则，全面支持IPv6（互联网协议第6版）'),
    severity: 'error',
    checks: ['ipv6'],
  }),
  title: { zh: '移动客户端全面支持 IPv6', en: 'apps fully support IPv6' },
};
