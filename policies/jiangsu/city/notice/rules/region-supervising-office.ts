import { defineRule } from '#engine/policy/types';
import { ART, Q_DUTIES, js } from '../cite.ts';

/**
 * 主管单位的设置：市政府办公室主管全市，各县区（功能区）政府办公室（党政办公室）主管本行政区域。
 * 因此本办法适用的、登记了单位的每个市级和县级地区，都要在 region.json 中写明自己的主管单位
 * （supervisingOffice：本地区的“政府办公室”类单位；本库未收录该单位时可只写 supervisingOfficeName）。
 * 县区不写时，引擎会退而使用市政府办公室，这与《通知》的分级主管不符。
 */
export default defineRule({
  name: 'region-supervising-office',
  scope: 'register',
  title: { zh: '市、县区（功能区）各自登记本级政府办公室为主管单位', en: 'the city and each county/功能区 name their own government office as supervisor' },
  citation: js(ART.duties, Q_DUTIES),
  severity: 'error',
  messages: {
    missing: { zh: '地区“{region}”没有登记主管单位：按《通知》，{who}是本行政区域政务新媒体工作的主管单位', en: 'region "{region}" names no supervising office; under the notice, {whoEn} supervises its area' },
    notOffice: { zh: '地区“{region}”的主管单位“{office}”是{kind}，不是政府办公室（党政办公室）', en: 'the supervising office of "{region}", "{office}", is a {kind}, not a government office' },
    otherRegion: { zh: '地区“{region}”的主管单位“{office}”不是本地区的政府办公室（它属于“{officeRegion}”）', en: 'the supervising office of "{region}", "{office}", belongs to "{officeRegion}", not to this region' },
  },
  fix: {
    missing: { zh: '请在 region.json 中填写 "supervisingOffice"（本级政府办公室的单位编号；尚未收录的，先建立该单位，或填写 "supervisingOfficeName"）。', en: 'Set supervisingOffice to the unit id of the region\'s own government office (or supervisingOfficeName).' },
    notOffice: { zh: '请把 supervisingOffice 改为本级政府办公室（党政办公室）的单位编号，其 unit.json 的 kind 应为“政府办公室”。', en: 'Point supervisingOffice at the region\'s government office (kind 政府办公室).' },
    otherRegion: { zh: '请为本地区建立本级政府办公室（党政办公室）单位，并把 supervisingOffice 改为它的编号。', en: 'Register the region\'s own government office and point supervisingOffice at it.' },
  },
  check(ctx) {
    const inScope = new Set(ctx.units().map((u) => u.regionId));
    for (const r of ctx.register.regions.values()) {
      if (!inScope.has(r.id)) continue;
      const level = r.data.level;
      if (level !== '市级' && level !== '县级') continue;
      const so = r.data.supervisingOffice;
      if (!so) {
        if (r.data.supervisingOfficeName) continue;
        const who = level === '市级' ? '市政府办公室' : '各县区（功能区）政府办公室（党政办公室）';
        const whoEn = level === '市级' ? 'the city government office' : 'the county/功能区 government office';
        ctx.report({ region: r, pointer: [], messageId: 'missing', data: { region: r.data.name, who, whoEn } });
        continue;
      }
      const office = ctx.register.units.get(so);
      if (!office) continue; // register/reference reports it
      if (office.data.kind !== '政府办公室') {
        ctx.report({ region: r, pointer: ['supervisingOffice'], messageId: 'notOffice', data: { region: r.data.name, office: office.data.name, kind: office.data.kind } });
      } else if (office.regionId !== r.id) {
        const officeRegion = ctx.register.regions.get(office.regionId)?.data.name ?? office.regionId;
        ctx.report({ region: r, pointer: ['supervisingOffice'], messageId: 'otherRegion', data: { region: r.data.name, office: office.data.name, officeRegion } });
      }
    }
  },
});
