import { isLive } from '#engine/policy/common/structure';
import { defineRule } from '#engine/policy/types';
import { qj } from '../cite.ts';

/**
 * 第十二条：公开认证信息中应标明主办单位名称。以个人身份认证的账号，平台显示的是个人，
 * 无法标明主办单位，也就不是政务账号（第二条）。
 */
export default defineRule({
  name: 'certified-entity-not-personal',
  scope: 'account',
  title: { zh: '账号以单位而不是个人认证', en: 'the account is certified to a body, not a person' },
  citation: qj('第十二条', '在公开认证信息中标明主办单位名称'),
  severity: 'error',
  messages: {
    personal: {
      zh: '认证主体“{entity}”登记为个人：以个人认证的账号无法在公开认证信息中标明主办单位名称',
      en: 'the certified entity "{entity}" is a person: a personally certified account cannot name its host unit in its public certification',
    },
  },
  fix: {
    zh: '请以主办单位（或其所属行政机关）的名义向平台申请机构认证，并办理变更备案（变更事项：认证主体）。',
    en: 'Certify the account to the host unit on the platform and file a change (field: 认证主体).',
  },
  check(ctx, a) {
    if (!isLive(ctx, a)) return;
    const e = a.data.certifiedEntity;
    if (e?.category === '个人') ctx.report({ account: a, pointer: ['certifiedEntity', 'category'], messageId: 'personal', data: { entity: e.name } });
  },
});
