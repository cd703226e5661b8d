import { defineRule } from '#engine/policy/types';
import { ZHIZE, gb } from '../cite.ts';

/**
 * 二、明确工作职责：国务院办公厅是全国政务新媒体工作的主管单位，地方各级人民政府办公厅（室）是本地区政务新媒体
 * 工作的主管单位。备案（四、（一））向主管单位办理，所以直接登记了单位的每个地区（含根地区）须写明本级主管单位：
 * supervisingOffice（库内单位编号）或 supervisingOfficeName（尚未收录时的名称）。实行垂直管理的系统由
 * unit.json 的 supervisor 指定，不在此检查。
 */
export default defineRule({
  name: 'supervising-office-configured',
  scope: 'register',
  title: { zh: '登记了单位的地区写明本级主管单位', en: 'every region that holds units names its supervising office' },
  citation: gb(ZHIZE, '国务院办公厅是全国政务新媒体工作的主管单位，地方各级人民政府办公厅（室）是本地区政务新媒体工作的主管单位'),
  severity: 'error',
  messages: { missing: { zh: '地区“{region}”登记了单位，但没有写明本级主管单位（政府办公厅（室））', en: 'region "{region}" holds units but names no supervising office (its government office)' } },
  fix: { zh: '请在 region.json 中填写 supervisingOffice（本级政府办公室的单位编号），或在该单位尚未收录时填写 supervisingOfficeName。', en: 'Set supervisingOffice (the id of the government office) or supervisingOfficeName in region.json.' },
  check(ctx) {
    const withUnits = new Set(ctx.units().map((u) => u.regionId));
    for (const id of withUnits) {
      const r = ctx.register.regions.get(id);
      if (!r || r.data.supervisingOffice || r.data.supervisingOfficeName?.trim()) continue;
      ctx.report({ region: r, pointer: [], messageId: 'missing', data: { region: r.data.name } });
    }
  },
});
