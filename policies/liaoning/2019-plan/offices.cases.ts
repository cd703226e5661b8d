/**
 * 辽宁模块规则用例共用的片段（某市及其办公室；谁审核了开设）。只供测试，命令行不加载，不编入 dist/。
 * Case helpers of the 辽宁 rules (a city with its office; who reviewed an opening). Test data
 * only: never loaded by the CLI, not built.
 */
import type { FixtureKit } from '#engine/dev/fixture';

/** Test helper: a city under the province with its office, government and a department. */
export function addCity(k: FixtureKit): void {
  k.region('liaoning/city', { name: '辽宁省某市', level: '市级', supervisingOffice: 'city-bgs' });
  k.unit('liaoning/city', { id: 'city-bgs', name: '某市人民政府办公室', kind: '政府办公室' });
  k.unit('liaoning/city', { id: 'city-zf', name: '某市人民政府', kind: '人民政府' });
  k.unit('liaoning/city', { id: 'city-dept', name: '某市教育局', kind: '政府部门' });
}

/** Test helper: set who reviewed the opening of an account (its 2nd event). */
export function reviewedBy(k: FixtureKit, accountId: string, reviewer: string, level?: '同级' | '县区' | '市级' | '省级'): void {
  const ev = k.get(accountId).events[1];
  if (!ev) return;
  ev.reviewer = reviewer;
  if (level) ev.level = level;
  else delete ev.level;
}
