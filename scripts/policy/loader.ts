/**
 * 发现并加载 policies/ 下的办法模块（每个含 manifest.json 的文件夹是一个版本）。
 * Discover policy modules: every folder under policies/ with a manifest.json is one
 * document version; its series is the parent folder path. Adding a jurisdiction is
 * adding a folder: nothing here names one.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { importTs } from '../core/runtime.ts';
import type { LoadedPolicy, PolicyIndex, PolicyManifest } from './types.ts';

import { PolicyLoadError } from '../core/errors.ts';
export { PolicyLoadError };

/** Optional data files a module may carry beside index.ts (default export of <name>.ts). */
export const EXTRAS = ['monitor', 'scoring', 'basis'] as const;
export type ExtraName = (typeof EXTRAS)[number];
/**
 * The extras a judgement reads (validate, check-pr, audit: the citations of scripts/policy/basis.ts);
 * monitor and scoring are read only by their own commands, so a check does not load them (six module
 * files fewer at every start: ~10 ms of a one-account check-pr's ~0.5 s).
 */
export const JUDGING_EXTRAS: readonly ExtraName[] = ['basis'];

const REQUIRED: (keyof PolicyManifest)[] = ['id', 'issuer', 'docNumber', 'title', 'issued', 'inForce', 'supersedes', 'source', 'jurisdiction'];

function findManifests(root: string): string[] {
  const out: string[] = [];
  const walk = (dir: string): void => {
    let items;
    try {
      items = readdirSync(dir, { withFileTypes: true });
    } catch {
      return;
    }
    if (items.some((d) => d.isFile() && d.name === 'manifest.json')) {
      out.push(dir);
      return;
    }
    for (const d of items) if (d.isDirectory() && !d.name.startsWith('.') && d.name !== 'node_modules') walk(path.join(dir, d.name));
  };
  walk(root);
  return out.sort();
}

const cache = new Map<string, Promise<LoadedPolicy[]>>();

/**
 * Load every policy module under `<engineRoot>/policies`, with the extras named (all by default;
 * a module's `extras` then holds those it has). Cached per root and extras.
 */
export function loadPolicies(engineRoot: string, extras: readonly ExtraName[] = EXTRAS): Promise<LoadedPolicy[]> {
  const wanted = EXTRAS.filter((x) => extras.includes(x));
  const key = `${engineRoot}\0${wanted.join(',')}`;
  let p = cache.get(key);
  if (!p) {
    p = doLoad(engineRoot, wanted);
    cache.set(key, p);
  }
  return p;
}

/** The series (policies/<series>/) that exist, for checking region bindings. */
export function policySeries(policies: readonly LoadedPolicy[]): Set<string> {
  return new Set(policies.map((p) => p.series));
}

/**
 * A rule's messages and fixes must match: a fix table names exactly the rule's message ids, and every
 * message has Chinese and English text. Checked at load, so a typo fails the load, not a clerk's run.
 */
export function checkMessages(where: string, r: PolicyIndex['rules'][number]): void {
  const ids = Object.keys(r.messages ?? {});
  if (ids.length === 0) throw new PolicyLoadError(`${where}: 规则 ${r.name} 没有消息 / rule ${r.name} has no messages`);
  for (const id of ids) {
    const m = r.messages[id]!;
    if (!m.zh?.trim() || !m.en?.trim()) throw new PolicyLoadError(`${where}: 规则 ${r.name} 的消息 ${id} 缺少中文或英文 / message ${id} of ${r.name} lacks zh or en`);
  }
  const fx = r.fix as unknown as Record<string, unknown>;
  if (typeof fx.zh === 'string') return;
  const fixIds = Object.keys(fx);
  const missing = ids.filter((id) => !fixIds.includes(id));
  const extra = fixIds.filter((id) => !ids.includes(id));
  if (missing.length || extra.length) {
    throw new PolicyLoadError(`${where}: 规则 ${r.name} 的 fix 与 messages 不一致（缺少：${missing.join('、') || '无'}；多余：${extra.join('、') || '无'}） / fix of ${r.name} does not match its messages (missing: ${missing.join(', ') || 'none'}; extra: ${extra.join(', ') || 'none'})`);
  }
}

async function doLoad(engineRoot: string, extras: readonly ExtraName[]): Promise<LoadedPolicy[]> {
  const root = path.join(engineRoot, 'policies');
  if (!existsSync(root)) return [];
  // every manifest is read and checked first, in order, and the modules' files are then imported all
  // at once (read and compiled while this process does other work, not one after another); they are
  // taken in order, so the first problem in order is the one reported, as when loaded one by one
  const heads: { dir: string; rel: string; series: string; version: string; manifest: PolicyManifest }[] = [];
  const ids = new Set<string>();
  let stop: unknown;
  for (const dir of findManifests(root)) {
    const rel = path.relative(root, dir).split(path.sep).join('/');
    const series = rel.includes('/') ? rel.slice(0, rel.lastIndexOf('/')) : rel;
    const version = path.basename(dir);
    try {
      let manifest: PolicyManifest;
      try {
        manifest = JSON.parse(readFileSync(path.join(dir, 'manifest.json'), 'utf8')) as PolicyManifest;
      } catch (e) {
        throw new PolicyLoadError(`policies/${rel}/manifest.json: ${(e as Error).message}`);
      }
      for (const k of REQUIRED) if (manifest[k] === undefined) throw new PolicyLoadError(`policies/${rel}/manifest.json: 缺少 ${k} / missing ${k}`);
      if (ids.has(manifest.id)) throw new PolicyLoadError(`policies/${rel}/manifest.json: 模块编号 ${manifest.id} 重复 / duplicate module id`);
      ids.add(manifest.id);
      heads.push({ dir, rel, series, version, manifest });
    } catch (e) {
      // reported after the modules before it (whose import may fail first)
      stop = e;
      break;
    }
  }
  const loads = heads.map((h) => loadModule(h, extras));
  for (const l of loads) l.catch(() => undefined);
  const out: LoadedPolicy[] = [];
  for (const l of loads) out.push(await l);
  if (stop !== undefined) throw stop;
  return out;
}

/** One module's index (its rules checked) and extras, imported at once and taken in order. */
async function loadModule({ dir, rel, series, version, manifest }: { dir: string; rel: string; series: string; version: string; manifest: PolicyManifest }, wanted: readonly ExtraName[]): Promise<LoadedPolicy> {
  const indexFile = path.join(dir, 'index.ts');
  const indexP = existsSync(indexFile) ? importTs<{ default?: PolicyIndex } & Partial<PolicyIndex>>(indexFile) : undefined;
  const extraPs = wanted.map((name) => {
    const f = path.join(dir, `${name}.ts`);
    return existsSync(f) ? importTs<{ default?: unknown }>(f) : undefined;
  });
  for (const p of extraPs) p?.catch(() => undefined);
  let index: PolicyIndex = { rules: [] };
  if (indexP) {
    const mod = await indexP;
    index = mod.default ?? { rules: mod.rules ?? [] };
  }
  const names = new Set<string>();
  for (const r of index.rules) {
    if (names.has(r.name)) throw new PolicyLoadError(`policies/${rel}: 规则名 ${r.name} 重复 / duplicate rule name`);
    names.add(r.name);
    checkMessages(`policies/${rel}`, r);
  }
  const extras: Record<string, unknown> = {};
  for (let i = 0; i < wanted.length; i++) {
    const p = extraPs[i];
    if (p) extras[wanted[i]!] = (await p).default;
  }
  return { manifest, series, version, dir: `policies/${rel}`, rules: index.rules, extras };
}
