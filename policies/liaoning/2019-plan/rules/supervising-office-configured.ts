import { defineRule } from '#engine/policy/types';
import { ZEREN, ln } from '../cite.ts';

/**
 * 四、（二）：省政府办公厅是全省政务新媒体工作的主管单位，各市、县（市、区）政府办公室是本地区
 * 政务新媒体工作的主管单位。分级备案（三、（一））也以各级“政府办公部门”为准。
 * 因此本方案适用的每个省、市、县地区，其 region.json 须写明本级政府办公室为主管单位
 * （supervisingOffice 指向本地区文件夹中的“政府办公室”单位；该单位尚未收录时填 supervisingOfficeName）。
 */
export default defineRule({
  name: 'supervising-office-configured',
  scope: 'register',
  title: { zh: '各省、市、县地区以本级政府办公室为主管单位', en: 'each province, city and county names its own government office as the supervising office' },
  citation: ln(ZEREN, '省政府办公厅是全省政务新媒体工作的主管单位，各市、县（市、区）政府办公室是本地区政务新媒体工作的主管单位'),
  severity: 'error',
  messages: {
    missing: { zh: '地区“{region}”没有写明主管单位（本级政府办公室）', en: 'region "{region}" names no supervising office (its government office)' },
    notOffice: {
      zh: '地区“{region}”的主管单位“{unit}”是{kind}，应为本级政府办公室（办公厅）',
      en: 'the supervising office of "{region}", "{unit}", is a {kind}; it must be the government office of that level',
    },
    otherRegion: {
      zh: '地区“{region}”的主管单位“{unit}”属于另一地区（{unitRegion}），应为本级政府办公室',
      en: 'the supervising office of "{region}", "{unit}", belongs to another region ({unitRegion}); it must be this level\'s government office',
    },
  },
  fix: {
    zh: '请在该地区文件夹中登记本级政府办公室（kind 为“政府办公室”），并在 region.json 的 supervisingOffice 中填写其单位编号。',
    en: 'Register this level\'s government office (kind 政府办公室) in the region folder and put its id in supervisingOffice.',
  },
  check(ctx) {
    const series = ctx.policy.series;
    for (const r of ctx.register.regions.values()) {
      if (!['省级', '市级', '县级'].includes(r.data.level)) continue;
      if (!ctx.regionChain(r.id).some((x) => x.data.policies.includes(series))) continue;
      const data = { region: r.data.name };
      const id = r.data.supervisingOffice;
      if (!id) {
        if (!r.data.supervisingOfficeName?.trim()) ctx.report({ region: r, pointer: [], messageId: 'missing', data });
        continue;
      }
      const u = ctx.register.units.get(id);
      if (!u) continue; // a missing unit is reported by register/reference
      if (u.data.kind !== '政府办公室') ctx.report({ region: r, pointer: ['supervisingOffice'], messageId: 'notOffice', data: { ...data, unit: u.data.name, kind: u.data.kind } });
      else if (u.regionId !== r.id) ctx.report({ region: r, pointer: ['supervisingOffice'], messageId: 'otherRegion', data: { ...data, unit: u.data.name, unitRegion: u.regionId } });
    }
  },
});
