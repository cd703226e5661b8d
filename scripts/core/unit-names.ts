/*
 * A module of its own, with a type-only import: policy modules import it at run time, and a policy
 * loaded from an extracted engine copy must not pull in the schema validators (and their packages).
 */
import type { UnitDoc } from './register.ts';

/**
 * 单位的名称：全称、简称和登记的其他写法（aliases）；`former` 时也包括旧称（formerNames）——匹配一条记录时用，
 * 命名规则只认现用名称。 The names a unit goes by: full name, short name and recorded spellings (aliases);
 * with `former` also its former names (for matching a record; naming rules accept current names only).
 */
export function unitNames(u: UnitDoc, opts: { former?: boolean } = {}): string[] {
  const d = u.data;
  return [d.name, d.shortName, ...(d.aliases ?? []), ...(opts.former ? (d.formerNames ?? []) : [])].filter((x): x is string => !!x);
}
