import { appRequirements } from '#engine/policy/common/structure';
import { la } from '../cite.ts';

export default {
  ...appRequirements({
    citation: la('第九条', '开设移动客户端……须全面支持IPv6（互联网协议第6版）和适老化、无障碍适配，不支持的应予整改，整改不到位的应予关停'),
    checks: ['ipv6', 'aging'],
  }),
  name: 'app-ipv6-and-accessibility',
  title: { zh: '移动客户端全面支持 IPv6 并完成适老化、无障碍适配', en: 'apps fully support IPv6 and are adapted for older people and accessibility' },
};
