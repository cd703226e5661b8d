import { isLive } from '#engine/policy/common/structure';
import { defineRule } from '#engine/policy/types';
import { la } from '../cite.ts';

const CITY = '六安市';
/** Platforms named like apps (“移动客户端等”); every other platform is named like Weibo/WeChat (“政务微博微信等”). */
const APP_LIKE = new Set(['移动客户端', '微信小程序']);

interface Template {
  template: string;
  pattern: RegExp;
}

/**
 * 第十三条：原则上政务微博微信等命名为“××市（县、区）人民政府发布”“六安市××委（办、局）发布”；
 * 移动客户端等命名为“××市（县、区）人民政府”“六安市××委（办、局）”。
 * 适用于人民政府（含由政府办公室主办、以人民政府认证的账号）和市政府部门；其他单位没有规定的格式。
 */
export default defineRule({
  name: 'naming-convention',
  scope: 'account',
  title: { zh: '账号名称符合“××人民政府发布”“六安市××委（办、局）发布”的命名格式', en: 'names follow the "××人民政府发布" / "六安市××委（办、局）发布" patterns' },
  citation: la('第十三条', '原则上各地各部门政务微博微信等政务新媒体命名为“××市（县、区）人民政府发布”“六安市××委（办、局）发布”；移动客户端等命名为“××市（县、区）人民政府”“六安市××委（办、局）”'),
  severity: 'warning',
  messages: {
    pattern: { zh: '账号名称“{name}”不符合命名格式“{template}”', en: 'name "{name}" does not follow the pattern "{template}"' },
  },
  fix: {
    zh: '原则上应命名为“{template}”（××为本地或本部门名称）；确有理由的请在变更或开设备案中说明，由主管单位确认；需改名的请办理变更备案。',
    en: 'In principle name it "{template}" (×× = your place or department); otherwise explain why in the filing for the supervisor, or file a change.',
  },
  check(ctx, a) {
    if (!isLive(ctx, a)) return;
    const u = ctx.unitOf(a);
    if (!u) return;
    const app = APP_LIKE.has(a.data.platform);
    const suffix = app ? '' : '发布';
    let t: Template | undefined;
    if (a.data.certifiedEntity?.category === '人民政府' && (u.data.kind === '人民政府' || u.data.kind === '政府办公室')) {
      t = { template: `××市（县、区）人民政府${suffix}`, pattern: new RegExp(`^.+[市县区]人民政府${suffix}$`) };
    } else if (u.data.kind === '政府部门' && ctx.register.regions.get(u.regionId)?.data.level === '市级') {
      t = { template: `${CITY}××委（办、局）${suffix}`, pattern: new RegExp(`^${CITY}.+[委办局]${suffix}$`) };
    }
    if (t && !t.pattern.test(a.data.name)) ctx.report({ account: a, pointer: ['name'], messageId: 'pattern', data: { name: a.data.name, template: t.template } });
  },
});
