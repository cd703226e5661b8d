import { appRequirements } from '#engine/policy/common/structure';
import { la } from '../cite.ts';

export default {
  ...appRequirements({
    citation: la('第三十三条（二）', '移动客户端等应用系统类政务新媒体，服务器原则上设置在本市内……确因情况特殊难以放置在本市、无法本地化管理的，应经主办单位集体研究后指定地点放置'),
    checks: ['server-in-region'],
  }),
  name: 'app-server-in-city',
  title: { zh: '移动客户端服务器设在本市，否则须有主办单位集体研究的决定', en: 'app servers in the city, or elsewhere by the unit\'s collective decision' },
};
