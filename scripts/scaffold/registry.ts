/**
 * 向导需要的登记簿概况：全部单位（供选择）、地区、账号编号和文件位置（判断编号是否已用）。
 * 只读取 region.json 和 unit.json，账号文件只读要修改的那一个，因此在十万账号的登记簿上也快。
 *
 * What the scaffolder needs to know about the register: every unit (to choose from), the
 * regions, and where each account id lives. Reads region.json and unit.json only, and the one
 * account being changed, so it stays fast on a register of 100,000 accounts.
 */
import { existsSync, statSync } from 'node:fs';
import path from 'node:path';
import type { AccountFile, RegionFile, UnitFile } from '../generated/types.ts';
import { parseJson } from '../core/jsonpos.ts';
import { FsSource } from '../core/source.ts';
import { parentOf } from '../core/register-path.ts';

export interface UnitInfo {
  id: string;
  data: UnitFile;
  /** accounts/-relative folder, e.g. "sichuan/zigong/zg-swjw". */
  dir: string;
  regionId: string;
}

export interface RegisterIndex {
  root: string;
  units: Map<string, UnitInfo>;
  regions: Map<string, RegionFile>;
  /** account id (file stem) → repo-relative paths (more than one is itself an error). */
  accountPaths: Map<string, string[]>;
}

function parse<T>(buf: Buffer): T | undefined {
  const p = parseJson(buf.toString('utf8'));
  return p.ok && p.value && typeof p.value === 'object' ? (p.value as T) : undefined;
}

export function indexRegister(root: string): RegisterIndex {
  const src = new FsSource(root);
  const units = new Map<string, UnitInfo>();
  const regions = new Map<string, RegionFile>();
  const accountPaths = new Map<string, string[]>();
  const entries = src.list('accounts').filter((e) => e.type === 'file' && e.rel.endsWith('.json'));
  const unitDirs = new Set(entries.filter((e) => e.rel.endsWith('/unit.json')).map((e) => path.posix.dirname(e.rel)));
  for (const e of entries) {
    const base = path.posix.basename(e.rel);
    const dir = path.posix.dirname(e.rel);
    const rel = dir === 'accounts' ? '' : dir.slice('accounts/'.length);
    if (base === 'region.json') {
      const r = parse<RegionFile>(src.read(e.rel));
      if (r) regions.set(rel, r);
    } else if (base === 'unit.json') {
      const u = parse<UnitFile>(src.read(e.rel));
      if (u && typeof u.id === 'string' && typeof u.name === 'string') units.set(u.id, { id: u.id, data: u, dir: rel, regionId: parentOf(rel) });
    } else if (unitDirs.has(dir)) {
      const stem = base.slice(0, -'.json'.length);
      const l = accountPaths.get(stem);
      if (l) l.push(e.rel);
      else accountPaths.set(stem, [e.rel]);
    }
  }
  return { root, units, regions, accountPaths };
}

/** Read one account file; undefined when it cannot be parsed. */
export function readAccount(root: string, rel: string): { data: AccountFile; text: string } | undefined {
  const src = new FsSource(root);
  const text = src.read(rel).toString('utf8');
  const data = parse<AccountFile>(Buffer.from(text, 'utf8'));
  return data && Array.isArray(data.events) ? { data, text } : undefined;
}

/** The unit whose folder `cwd` is in (or below), if any. */
export function unitOfCwd(idx: RegisterIndex, cwd: string): UnitInfo | undefined {
  const rel = path.relative(idx.root, cwd).split(path.sep).join('/');
  if (rel !== 'accounts' && !rel.startsWith('accounts/')) return undefined;
  let best: UnitInfo | undefined;
  for (const u of idx.units.values()) {
    const d = `accounts/${u.dir}`;
    if ((rel === d || rel.startsWith(d + '/')) && (!best || u.dir.length > best.dir.length)) best = u;
  }
  return best;
}

/** Region names from the unit's region up, for display: "四川省自贡市". */
export function regionName(idx: RegisterIndex, regionId: string): string {
  return idx.regions.get(regionId)?.name ?? regionId;
}

/** The nearest folder at or above `cwd` that holds accounts/ (so the commands work from inside a unit folder). */
export function findDataRoot(cwd: string): string | undefined {
  for (let d = path.resolve(cwd); ; d = path.dirname(d)) {
    const a = path.join(d, 'accounts');
    if (existsSync(a) && statSync(a).isDirectory()) return d;
    if (path.dirname(d) === d) return undefined;
  }
}
