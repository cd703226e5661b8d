import { isLive, justificationOf, NAME_FILINGS } from '#engine/policy/common/structure';
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
 * “原则上”（policies/README.md 情态词表）：不符合格式为错误，除非该账号的开设、补录或变更备案写明理由
 * （justification）并经主管单位审核同意（该项办理中的“主管审核 同意”）；写明了理由但主管单位尚未同意的，另报一条。
 * 原则上 → an error unless the account's opening, back-fill or change filing records a justification that the
 * supervising office approved in the same work; a recorded one awaiting approval is reported with its own message.
 */
export default defineRule({
  name: 'naming-convention',
  scope: 'account',
  title: { zh: '账号名称符合“××人民政府发布”“六安市××委（办、局）发布”的命名格式', en: 'names follow the "××人民政府发布" / "六安市××委（办、局）发布" patterns' },
  citation: la('第十三条', '原则上各地各部门政务微博微信等政务新媒体命名为“××市（县、区）人民政府发布”“六安市××委（办、局）发布”；移动客户端等命名为“××市（县、区）人民政府”“六安市××委（办、局）”'),
  // 原则上 → an error unless the filing records a justification the supervising office approved
  severity: 'error',
  justification: { missing: ['pattern'], unapproved: ['patternUnapproved'], filings: NAME_FILINGS },
  messages: {
    pattern: { zh: '账号名称“{name}”不符合命名格式“{template}”，备案中没有写明理由（原则上应按此命名）', en: 'name "{name}" does not follow the pattern "{template}", and its filing gives no justification (the pattern holds in principle)' },
    patternUnapproved: {
      zh: '账号名称“{name}”不符合命名格式“{template}”；备案写明了理由，但主管单位尚未审核同意（该项办理中没有“主管审核 同意”）',
      en: 'name "{name}" does not follow the pattern "{template}"; its filing gives a justification, but the supervising office has not approved it yet',
    },
  },
  fix: {
    pattern: {
      zh: '请按“{template}”命名（××为本地或本部门名称；向平台申请改名并办理变更备案）；确需使用其他名称的，在该账号的开设、补录或变更备案中填写 justification（理由），并由主管单位审核同意。',
      en: 'Name it "{template}" (×× = your place or department; rename on the platform with a change filing); or write the justification in the account\'s opening, back-fill or change filing and have the supervising office approve it.',
    },
    patternUnapproved: {
      zh: '请主管单位审核该理由，同意后记录“主管审核”事件（decision 为“同意”）；不同意的，请按“{template}”改名并办理变更备案。',
      en: 'The supervising office reviews the justification and records its approval (主管审核, 同意); otherwise rename to "{template}" with a change filing.',
    },
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
    if (!t || t.pattern.test(a.data.name)) return;
    const data = { name: a.data.name, template: t.template };
    const j = justificationOf(a, NAME_FILINGS);
    if (!j) ctx.report({ account: a, pointer: ['name'], messageId: 'pattern', data });
    else if (!j.approved) ctx.report({ account: a, pointer: ['events', j.at, 'justification'], messageId: 'patternUnapproved', data });
  },
});
