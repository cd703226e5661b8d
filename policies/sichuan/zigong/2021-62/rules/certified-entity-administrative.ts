import { isLive } from '#engine/policy/common/structure';
import { defineRule } from '#engine/policy/types';
import type { UnitFile } from '#engine/generated/types';
import { zg } from '../cite.ts';

/** The certified-entity category that fits each kind of registered unit. */
const CATEGORY_OF: Record<UnitFile['kind'], string[]> = {
  人民政府: ['人民政府'],
  政府办公室: ['人民政府', '政府部门'],
  政府部门: ['政府部门'],
  承担行政职能的事业单位: ['承担行政职能的事业单位'],
  部门下属单位: ['部门下属单位'],
  乡镇街道: ['乡镇街道'],
  内设机构: ['内设机构'],
  开发区管委会: ['政府部门', '人民政府'],
  事业单位: ['部门下属单位', '其他'],
  // units outside the government system: this module does not apply to them (manifest appliesTo)
  党委及其工作机关: ['其他'],
  人大机关: ['其他'],
  政协机关: ['其他'],
  法院: ['其他'],
  检察院: ['其他'],
  群团组织: ['其他'],
  融媒体中心: ['其他'],
  '村（社区）': ['其他'],
};

/**
 * 第十四条：各级政府及其部门不得违规为非行政机构开设的新媒体提供认证（第三十三条（一）：擅自为非行政机构
 * 提供政务新媒体认证的，予以通报）。
 *
 * What the register can see: (1) a certified entity of category “其他” is not an administrative body;
 * (2) an account hosted by a 部门下属单位 (not an administrative body) but certified under a
 * government or a department is exactly a government lending its certification; (3) the recorded
 * category must match the kind of the registered unit it names (the category is key information,
 * 附件3 注2). 内设机构 and 个人 are reported by no-internal-or-personal-owner.
 */
export default defineRule({
  name: 'certified-entity-administrative',
  scope: 'account',
  title: { zh: '认证主体是行政机构，政府及其部门不为非行政机构的账号提供认证', en: 'the certified entity is an administrative body; governments do not certify accounts of non-administrative bodies' },
  citation: zg('第十四条、第三十三条（一）', '各级政府及其部门不得违规为非行政机构开设的新媒体提供认证'),
  severity: 'error',
  messages: {
    other: { zh: '认证主体“{entity}”的分类为“其他”，不是行政机关或承担行政职能的单位，不能作为政务新媒体的认证主体', en: 'certified entity "{entity}" is of category "其他", not an administrative body' },
    lent: { zh: '主办单位“{unit}”是部门下属单位（非行政机构），账号却以“{entity}”（{category}）的名义认证：政府及其部门不得为非行政机构开设的新媒体提供认证', en: 'host unit "{unit}" is a subordinate unit (not an administrative body) but the account is certified under "{entity}" ({category}): governments and departments may not lend their certification' },
    category: { zh: '认证主体“{entity}”登记的分类是“{category}”，但该单位在本库中的类型是“{kind}”，分类应为“{expected}”', en: 'certified entity "{entity}" is recorded as "{category}" but the unit is a "{kind}"; the category should be "{expected}"' },
  },
  fix: {
    other: { zh: '请以本单位（行政机关或承担行政职能的单位）作为认证主体向平台申请认证，并办理变更备案；不属于政务新媒体的，请关停或移出本库。', en: 'Certify the account to an administrative body (with a change filing), or close it.' },
    lent: { zh: '请由该下属单位以自身名义认证（认证主体分类填“部门下属单位”），或将账号整合到上级部门的账号中；认证主体变更须办理变更备案并经主管单位审核。', en: 'Certify the account to the subordinate unit itself, or merge it into the department\'s account; file the change.' },
    category: { zh: '请把 certifiedEntity.category 改为“{expected}”；若认证主体的分类确已变化，须办理变更备案（附件3）。', en: 'Set certifiedEntity.category to "{expected}"; a real change of category needs a change filing.' },
  },
  check(ctx, a) {
    if (!isLive(ctx, a)) return;
    const ce = a.data.certifiedEntity;
    if (!ce || ce.category === '未知') return; // unknown on a backfilled account
    if (ce.category === '其他') {
      ctx.report({ account: a, pointer: ['certifiedEntity', 'category'], messageId: 'other', data: { entity: ce.name } });
      return;
    }
    const host = ctx.unitOf(a);
    const certUnit = ce.unit ? ctx.register.units.get(ce.unit) : undefined;
    if (host?.data.kind === '部门下属单位' && (ce.category === '人民政府' || ce.category === '政府部门')) {
      const notItself = certUnit ? certUnit.id !== host.id : ce.name !== host.data.name;
      if (notItself) {
        ctx.report({ account: a, pointer: ['certifiedEntity', 'name'], messageId: 'lent', data: { unit: host.data.name, entity: ce.name, category: ce.category } });
        return;
      }
    }
    if (certUnit) {
      const ok = CATEGORY_OF[certUnit.data.kind];
      if (!ok.includes(ce.category)) {
        ctx.report({ account: a, pointer: ['certifiedEntity', 'category'], messageId: 'category', data: { entity: ce.name, category: ce.category, kind: certUnit.data.kind, expected: ok.join('”或“') } });
      }
    }
  },
});
