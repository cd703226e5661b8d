/**
 * 由登记簿生成 .github/CODEOWNERS：维护者负责规则文件；主管单位负责本地区新增单位；
 * 每个单位文件夹由本单位审核人和主管单位审核人负责。CODEOWNERS 中最后匹配的规则生效，
 * 所以按“由一般到具体”的顺序输出。
 *
 * Generate .github/CODEOWNERS from the register. The LAST matching pattern wins, so lines go
 * from general to specific:
 *   1. `*` and the engine's own files → the maintainers;
 *   2. every region folder whose region.json names supervisor reviewers → those reviewers
 *      (a new unit folder in that region, or below it, is the supervising office's to accept);
 *   3. every region folder's region.json → the maintainers (it binds policies);
 *   4. every unit folder → the unit's reviewers and its supervising office's reviewers (the
 *      same people the PR check requires; see supervisorReviewers).
 * CODEOWNERS owners are alternatives (any one may approve); `govmedia check-approvals`
 * enforces that *both* the unit and the supervisor approve where a change needs both.
 */
import type { Register, UnitDoc } from '../core/register.ts';
import { parentOf } from '../core/register-path.ts';

/** Paths only the maintainers may change (the rules that judge the register). */
export const MAINTAINER_PATHS = [
  '/policies/',
  '/schemas/',
  '/scripts/',
  '/.github/',
  '/tests/',
  '/docs/',
  '/package.json',
  '/package-lock.json',
  '/tsconfig.json',
  '/tsconfig.build.json',
  '/vitest.config.ts',
  '/.ci/',
] as const;

function parentRegion(id: string): string | undefined {
  return id === '' ? undefined : parentOf(id);
}

/** Add handles keeping first-seen order, dropping case-insensitive duplicates. */
function addUnique(into: string[], handles: readonly string[] | undefined): void {
  for (const h of handles ?? []) {
    if (!into.some((x) => x.toLowerCase() === h.toLowerCase())) into.push(h);
  }
}

/** The register's maintainers (the root region's reviewers.maintainers). */
export function maintainersOf(register: Register): string[] {
  const out: string[] = [];
  addUnique(out, register.regions.get('')?.data.reviewers?.maintainers);
  return out;
}

/** reviewers.supervisor of the nearest region (the region itself, then its ancestors) that has them. */
export function regionSupervisorReviewers(register: Register, regionId: string): string[] {
  for (let id: string | undefined = regionId; id !== undefined; id = parentRegion(id)) {
    const sup = register.regions.get(id)?.data.reviewers?.supervisor;
    if (sup && sup.length) return [...sup];
  }
  return [];
}

/**
 * The supervising office's reviewers for a unit, as the PR check computes them
 * (scripts/pr/check.ts computeApprovals): the reviewers of the unit named in the unit's own
 * `supervisor` field when it has some (vertically managed systems, 自府办函〔2021〕62号 第三条),
 * otherwise reviewers.supervisor of the nearest region (the unit's, then its ancestors).
 */
export function supervisorReviewers(register: Register, unit: UnitDoc): string[] {
  const sup = unit.data.supervisor ? register.units.get(unit.data.supervisor) : undefined;
  if (sup && sup.id !== unit.id && sup.data.reviewers && sup.data.reviewers.length) return [...sup.data.reviewers];
  return regionSupervisorReviewers(register, unit.regionId);
}

function folderOf(rel: string): string {
  // accounts/sichuan/zigong/zg-wjw/unit.json → /accounts/sichuan/zigong/zg-wjw/
  return '/' + rel.slice(0, rel.lastIndexOf('/') + 1);
}

function byPath(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function line(pattern: string, owners: string[]): string {
  return owners.length ? `${pattern} ${owners.join(' ')}` : pattern;
}

export const CODEOWNERS_HEADER = [
  '# 本文件由程序生成，请勿手工修改：修改 accounts/ 中的 reviewers 后运行 `npm run gen:codeowners`。',
  '# This file is generated; do not edit it by hand. Change reviewers in accounts/ and run `npm run gen:codeowners`.',
  '#',
  '# 后出现的规则优先（最后匹配的规则生效），因此由一般到具体排列：',
  '#   维护者负责规则与引擎；地区文件夹（新增单位）由主管单位负责；region.json 绑定管理办法，由维护者负责；',
  '#   单位文件夹由本单位审核人和主管单位审核人负责。',
  '# The last matching pattern wins, so lines go from general to specific: maintainers own the rules and the',
  '# engine; a region folder (new units) belongs to its supervising office; region.json binds policies and',
  '# belongs to the maintainers; a unit folder belongs to the unit and its supervising office.',
  '# CODEOWNERS 中所列各方任一人批准即可；开设、关停和关键信息变更须本单位与主管单位都批准，',
  '# 由 `govmedia check-approvals` 检查。Owners here are alternatives; `govmedia check-approvals` verifies',
  '# that open, close and key changes carry both the unit\'s and the supervising office\'s approval.',
];

export function codeownersText(register: Register): string {
  const maintainers = maintainersOf(register);
  const out: string[] = [...CODEOWNERS_HEADER, ''];

  out.push('# 维护者 / maintainers', line('*', maintainers));
  for (const p of MAINTAINER_PATHS) out.push(line(p, maintainers));

  const regionIds = [...register.regions.keys()].sort(byPath);

  const regionLines: string[] = [];
  for (const id of regionIds) {
    if (id === '') continue; // the root folder stays with the maintainers (`*`)
    const sup = register.regions.get(id)?.data.reviewers?.supervisor;
    if (sup && sup.length) {
      const owners: string[] = [];
      addUnique(owners, sup);
      regionLines.push(line(`/accounts/${id}/`, owners));
    }
  }
  if (regionLines.length) out.push('', '# 地区文件夹（新增单位）由主管单位负责 / region folders (new units): supervising office', ...regionLines);

  out.push('', '# 地区配置绑定管理办法，由维护者负责 / region.json binds policies: maintainers');
  for (const id of regionIds) out.push(line(`/accounts/${id ? id + '/' : ''}region.json`, maintainers));

  const units = [...register.units.values()].sort((a, b) => byPath(a.file.rel, b.file.rel));
  if (units.length) out.push('', '# 单位文件夹：本单位审核人 + 主管单位审核人 / unit folders: the unit + its supervising office');
  for (const u of units) {
    const owners: string[] = [];
    addUnique(owners, u.data.reviewers);
    addUnique(owners, supervisorReviewers(register, u));
    const folder = folderOf(u.file.rel);
    if (owners.length) out.push(line(folder, owners));
    else out.push(`# ${folder} 未配置审核人，沿用上级规则 / no reviewers configured; the lines above apply`);
  }
  return out.join('\n') + '\n';
}
