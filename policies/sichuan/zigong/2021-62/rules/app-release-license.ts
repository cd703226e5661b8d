import { isLive } from '#engine/policy/common/structure';
import { defineRule } from '#engine/policy/types';
import { zg } from '../cite.ts';

/**
 * 第七条（五）：自行开发建设移动客户端或APP的，应在完成备案后及时取得移动客户端或APP的发布许可，并提交
 * 应用市场上架。An app that is listed in a store must have its release licence recorded (app.license).
 */
export default defineRule({
  name: 'app-release-license',
  scope: 'account',
  title: { zh: '上架的移动客户端已取得发布许可', en: 'listed apps hold a release licence' },
  citation: zg('第七条（五）', '应在完成备案后及时取得移动客户端或APP的发布许可，并提交应用市场上架'),
  severity: 'error',
  messages: {
    noLicense: { zh: '移动客户端“{name}”已于 {date} 上架，但没有登记发布许可', en: 'app "{name}" was listed on {date} but no release licence is recorded' },
  },
  fix: { zh: '请在 app.license 中填写发布许可（如 APP 备案号、ICP 备案号）；尚未取得的，应立即办理，未取得前不得上架。', en: 'Record the release licence (app filing / ICP number) in app.license.' },
  check(ctx, a) {
    if (a.data.platform !== '移动客户端' || !a.data.app || a.data.app.license || !isLive(ctx, a)) return;
    const i = a.data.events.findIndex((ev) => ev.type === '应用上架');
    if (i < 0) return;
    ctx.report({ account: a, pointer: ['app'], messageId: 'noLicense', data: { name: a.data.name, date: a.data.events[i]!.date } });
  },
});
