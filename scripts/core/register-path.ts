/**
 * 登记簿文件的唯一规则（见 register.ts）。单独成文件，不引入登记簿的检查代码：`govmedia history`
 * 分类每个版本时只需要它，不必加载模式校验器和文字检查表。
 * The one rule for what the register is (re-exported by register.ts). A module of its own, free of
 * the register's checks, so that `govmedia history`, which classifies every version of a file,
 * does not load the schema validators and the text-check tables.
 */
export const ACCOUNTS_DIR = 'accounts';

/**
 * 登记簿文件的唯一规则：accounts/ 下每个文件要么是登记簿文件（region.json、unit.json、账号 JSON），
 * 要么被拒绝（README.md、.gitkeep、.gitattributes 及其他一切），不读取、不信任其内容。
 * The one rule for what the register is, shared by validate, check-pr and audit: a path under
 * accounts/ is a region file, a unit file, an account file (any other `*.json`; whether it sits
 * in a unit folder is checked by the loader) or refused. Paths outside accounts/ are 'outside'.
 */
export type RegisterPathKind = 'region' | 'unit' | 'account' | 'refused' | 'outside';

export function registerPathKind(rel: string): RegisterPathKind {
  if (!rel.startsWith(ACCOUNTS_DIR + '/')) return 'outside';
  const base = rel.slice(rel.lastIndexOf('/') + 1);
  if (base === 'region.json') return 'region';
  if (base === 'unit.json') return 'unit';
  if (base.endsWith('.json')) return 'account';
  return 'refused';
}

/**
 * The folder a register folder is in ('' for one right under accounts/): a unit folder's region,
 * a region's parent region. Paths are accounts/-relative, '/'-separated.
 */
export function parentOf(dir: string): string {
  const i = dir.lastIndexOf('/');
  return i < 0 ? '' : dir.slice(0, i);
}
