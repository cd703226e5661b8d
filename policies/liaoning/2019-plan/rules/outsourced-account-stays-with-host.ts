import { isLive } from '#engine/policy/common/structure';
import { defineRule } from '#engine/policy/types';
import { ZEREN, ln } from '../cite.ts';

/**
 * 四、（二）：主办单位按照“谁开设、谁主办”的原则履行职责；可通过购买服务等方式委托相关机构
 * 具体承担政务新媒体日常运维工作。
 * 购买服务是允许的，本方案对服务单位没有资质或保密协议要求（不检查）；但委托的只是日常运维：
 * 账号仍属主办单位，不得以服务单位作为认证主体。
 */
export default defineRule({
  name: 'outsourced-account-stays-with-host',
  scope: 'account',
  title: { zh: '购买服务只委托日常运维，账号不得以服务单位认证', en: 'outsourcing covers day-to-day operation only; the vendor is never the certified entity' },
  citation: ln(ZEREN, '政务新媒体主办单位要按照“谁开设、谁主办”的原则……可通过购买服务等方式委托相关机构具体承担政务新媒体日常运维工作'),
  severity: 'error',
  messages: {
    vendorEntity: {
      zh: '账号“{name}”以服务单位“{vendor}”作为认证主体；购买服务只能委托日常运维，账号应以主办单位“{unit}”认证',
      en: 'account "{name}" is certified to the vendor "{vendor}"; outsourcing covers operation only, the account must be certified to the host unit "{unit}"',
    },
  },
  fix: {
    zh: '请向平台申请把认证主体变更为“{unit}”，办理变更备案，并在 certifiedEntity 中登记主办单位。',
    en: 'Have the platform re-certify the account to "{unit}", file the change and record it in certifiedEntity.',
  },
  check(ctx, a) {
    if (!isLive(ctx, a) || a.data.operatingMode !== '购买服务' || !a.data.vendor) return;
    const vendor = a.data.vendor.name.trim();
    if (a.data.certifiedEntity?.name.trim() !== vendor) return;
    ctx.report({ account: a, pointer: ['certifiedEntity', 'name'], messageId: 'vendorEntity', data: { name: a.data.name, vendor, unit: ctx.unitOf(a)?.data.name ?? a.data.hostUnit } });
  },
});
