import type { UnitDoc } from '#engine/core/register';
import { certifiedTo } from '#engine/policy/common/structure';
import { defineRule, type RuleContext } from '#engine/policy/types';
import { KAISHE, ln } from '../cite.ts';

/**
 * 三、（一）：县级以上地方政府和省政府部门应当开设政务新媒体，其他单位可根据工作需要规范开设。
 * 应当开设的：省级、市级、县级的人民政府；省级的政府部门（市、县政府部门不在此列）。
 * 单位的层级取 unit.json 的 level，未填时取其所在地区的层级。
 * 已提交开设备案（哪怕尚未办结）的账号即算“已开设”；主管单位审核不同意、关停中或已关停的不算。
 * 人民政府的账号常由本级政府办公厅（室）主办、以人民政府为认证主体：这样的账号也算该人民政府已开设
 * （“开设政务新媒体”的是政府，办公厅是代为主办的单位；与六安办法第五条的安排相同）。
 */
const GOV_LEVELS = new Set(['省级', '市级', '县级']);
const LEVEL_EN: Record<string, string> = { 省级: 'provincial', 市级: 'city', 县级: 'county' };

function levelOf(ctx: RuleContext, u: UnitDoc): string | undefined {
  return u.data.level ?? ctx.register.regions.get(u.regionId)?.data.level;
}

function mustOpen(ctx: RuleContext, u: UnitDoc): { kind: string } | undefined {
  const level = levelOf(ctx, u);
  if (!level) return undefined;
  if (u.data.kind === '人民政府' && GOV_LEVELS.has(level)) return { kind: `${level}人民政府` };
  if (u.data.kind === '政府部门' && level === '省级') return { kind: '省政府部门' };
  return undefined;
}

export default defineRule({
  name: 'required-accounts',
  scope: 'unit',
  title: { zh: '县级以上地方政府和省政府部门应当开设政务新媒体', en: 'county-level-and-above governments and provincial departments must run an account' },
  citation: ln(KAISHE, '县级以上地方政府和省政府部门应当开设政务新媒体，其他单位可根据工作需要规范开设'),
  severity: 'error',
  messages: {
    none: {
      zh: '“{unit}”是{kind}，应当开设政务新媒体，但登记簿中没有它正在运行或正在开设的账号',
      en: '"{unit}" is a {kindEn} and must run a government new-media account, but the register holds no live or opening account of it',
    },
  },
  fix: {
    zh: '请开设账号并办理开设备案；如账号早已开设但从未登记，请办理补录备案，把账号文件放在“{unit}”的单位文件夹中。',
    en: 'Open and file an account, or backfill an existing one into the unit folder of "{unit}".',
  },
  check(ctx, u) {
    const must = mustOpen(ctx, u);
    if (!must) return;
    const isLive = (a: import('#engine/core/register').AccountDoc): boolean => {
      const s = ctx.state(a);
      return !s.closing && !s.closed && s.phase !== '审核未通过';
    };
    let live = (ctx.register.accountsByUnit.get(u.id) ?? []).some(isLive);
    if (!live && u.data.kind === '人民政府') {
      // an account hosted by the same region's government office and certified to this government counts
      const offices = [...ctx.register.units.values()].filter((o) => o.regionId === u.regionId && o.data.kind === '政府办公室');
      live = offices.some((o) => (ctx.register.accountsByUnit.get(o.id) ?? []).some((a) => isLive(a) && certifiedTo(a, u)));
    }
    if (!live) {
      const kindEn = must.kind === '省政府部门' ? 'provincial government department' : `${LEVEL_EN[must.kind.slice(0, 2)] ?? ''} people's government`;
      ctx.report({ unit: u, pointer: ['kind'], messageId: 'none', data: { unit: u.data.name, kind: must.kind, kindEn } });
    }
  },
});
