import { isLive } from '#engine/policy/common/structure';
import { defineRule } from '#engine/policy/types';
import { la } from '../cite.ts';

/** 第三十四条（一）：移动客户端、小程序等绑定的网站、系统，服务器不得放在境外。 */
export default defineRule({
  name: 'no-servers-abroad',
  scope: 'account',
  title: { zh: '移动客户端、小程序绑定的网站和系统的服务器不得放在境外', en: 'servers behind apps and mini programs may not be abroad' },
  citation: la('第三十四条（一）', '移动客户端、小程序等政务新媒体绑定网站、系统的，网站、系统的服务器不得放在境外，禁止使用境外机构提供的物理服务器和虚拟主机'),
  severity: 'error',
  messages: {
    app: { zh: '移动客户端“{name}”的服务器位于境外（{place}）', en: 'app "{name}" has its servers abroad ({place})' },
    mini: { zh: '小程序“{name}”绑定的网站或系统的服务器位于境外{place}', en: 'the site or system behind mini program "{name}" is hosted abroad{place}' },
  },
  fix: {
    zh: '服务器不得放在境外，也不得使用境外机构提供的物理服务器或虚拟主机；请迁回境内（原则上迁到本市）后更新登记。',
    en: 'Move the servers into China (in principle into the city) and update the record.',
  },
  check(ctx, a) {
    if (!isLive(ctx, a)) return;
    if (a.data.app?.serverLocation.abroad) ctx.report({ account: a, pointer: ['app', 'serverLocation', 'abroad'], messageId: 'app', data: { name: a.data.name, place: a.data.app.serverLocation.place } });
    const mp = a.data.miniProgram;
    if (mp?.backendServerAbroad) ctx.report({ account: a, pointer: ['miniProgram', 'backendServerAbroad'], messageId: 'mini', data: { name: a.data.name, place: mp.backendServerLocation ? `（${mp.backendServerLocation}）` : '' } });
  },
});
