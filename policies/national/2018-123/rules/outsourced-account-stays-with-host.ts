import { isLive } from '#engine/policy/common/structure';
import { defineRule } from '#engine/policy/types';
import { ZHIZE, gb } from '../cite.ts';

/**
 * 二、明确工作职责：主办单位按照“谁开设、谁主办”确定，履行规划建设、组织保障、健康发展、安全管理等职责；
 * 可通过购买服务等方式委托相关机构具体承担日常运维工作。委托的只是日常运维：服务单位不得成为账号的认证主体。
 *
 * 情态：本规则判断的是“谁开设、谁主办”这一规定（主办单位的确定及其职责），是职责、主体的规定（`规定`，错误）；
 * 引文中的“可”只是允许把日常运维委托出去，并不把主办单位的确定变成可选项，所以明确写出 modality，
 * 不取引文中的“可”。The rule judges the provision “谁开设、谁主办” (who hosts the account); the “可” of the next
 * sentence only permits outsourcing day-to-day operation, so the modality is declared as '规定' (error).
 * 认证主体未知的补录账号不检查。
 */
export default defineRule({
  name: 'outsourced-account-stays-with-host',
  scope: 'account',
  title: { zh: '购买服务只委托日常运维，账号仍归主办单位', en: 'outsourcing covers day-to-day operation only; the account stays with the host unit' },
  citation: gb(ZHIZE, '政务新媒体主办单位按照“谁开设、谁主办”的原则确定……可通过购买服务等方式委托相关机构具体承担政务新媒体日常运维工作'),
  modality: '规定',
  severity: 'error',
  messages: { vendorEntity: { zh: '账号“{name}”以服务外包单位“{vendor}”为认证主体；委托的只是日常运维，账号应以主办单位“{unit}”认证', en: 'account "{name}" is certified to its vendor "{vendor}"; only day-to-day operation may be outsourced, the account is certified to the host unit "{unit}"' } },
  fix: { zh: '请以主办单位的名义向平台变更认证主体，并办理变更备案（变更事项：认证主体）。', en: 'Re-certify the account to the host unit on the platform and file the change.' },
  check(ctx, a) {
    if (!isLive(ctx, a) || a.data.operatingMode !== '购买服务') return;
    const vendor = a.data.vendor?.name.trim();
    const ce = a.data.certifiedEntity;
    if (!vendor || !ce || ce.name.trim() !== vendor) return;
    ctx.report({ account: a, pointer: ['certifiedEntity', 'name'], messageId: 'vendorEntity', data: { name: a.data.name, vendor, unit: ctx.unitOf(a)?.data.name ?? a.unitId } });
  },
});
