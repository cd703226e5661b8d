/**
 * 路径：引擎（本程序自身的 schemas/、policies/）与数据（被检查仓库的 accounts/）分开。
 * The engine root (schemas, policies) and the data root (accounts) are separate: the PR
 * check runs the base branch's engine on the head branch's data.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parentOf } from './register-path.ts';

/**
 * 本程序是否以编译后的 JavaScript（dist/）运行。Whether this copy runs compiled (from dist/, see
 * scripts/build.mjs) rather than as TypeScript through tsx.
 */
export const COMPILED = import.meta.url.endsWith('.js');

/**
 * The folder holding this program's package.json, schemas/ and policies/. Compiled code lives in
 * <root>/dist/scripts/core/, one level deeper than the sources.
 */
export const ENGINE_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), ...(COMPILED ? ['..', '..', '..'] : ['..', '..']));

/** Default data root: the current folder if it holds accounts/, else the engine's own sample register. */
export function defaultDataRoot(cwd = process.cwd()): string {
  return existsSync(path.join(cwd, 'accounts')) ? cwd : ENGINE_ROOT;
}

/** The accounts/-relative unit folder a register file sits in (its own folder for unit.json). */
export function unitDirOf(file: string): string {
  return parentOf(file.slice('accounts/'.length));
}

/** Every folder in `dirs` (accounts/-relative) and every folder above one of them, accounts/ itself ('') included. */
export function foldersAbove(dirs: Iterable<string>): Set<string> {
  const out = new Set<string>(['']);
  for (const d of dirs) {
    for (let i = d.indexOf('/'); i >= 0; i = d.indexOf('/', i + 1)) out.add(d.slice(0, i));
    out.add(d);
  }
  return out;
}

export function toPosix(p: string): string {
  return p.split(path.sep).join('/');
}
