/**
 * 运行时加载 TypeScript 模块：编译版（dist/）优先用编译好的 .js；没有时（检查基准分支的规则、
 * 测试里临时写的规则模块）才加载 tsx 转译。
 * Loading TypeScript modules at run time: the compiled copy imports the matching dist/ .js when
 * there is one; otherwise (a base commit's engine, a rule module written by a test) tsx is
 * registered once and the .ts is imported as it is.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { COMPILED, ENGINE_ROOT } from './paths.ts';

let tsxReady: Promise<void> | undefined;

async function ensureTsx(): Promise<void> {
  tsxReady ??= import('tsx/esm/api').then((m) => {
    m.register();
  });
  return tsxReady;
}

/**
 * The compiled file for a source under the engine root, when this copy runs compiled and it exists:
 * for a policy module's file, its bundle (scripts/build.mjs bundlePolicies) when there is one.
 */
export function compiledFor(tsFile: string): string | undefined {
  if (!COMPILED || !tsFile.endsWith('.ts')) return undefined;
  const rel = path.relative(ENGINE_ROOT, tsFile);
  if (rel.startsWith('..') || path.isAbsolute(rel)) return undefined;
  if (rel.startsWith('policies' + path.sep)) {
    const bundled = path.join(ENGINE_ROOT, 'dist', 'bundled', rel.slice(0, -3) + '.js');
    if (existsSync(bundled)) return bundled;
  }
  const js = path.join(ENGINE_ROOT, 'dist', rel.slice(0, -3) + '.js');
  return existsSync(js) ? js : undefined;
}

/** Import a TypeScript module by absolute path (compiled copy first, else through tsx). */
export async function importTs<T>(tsFile: string): Promise<T> {
  const js = compiledFor(tsFile);
  if (js) return (await import(pathToFileURL(js).href)) as T;
  if (COMPILED) await ensureTsx();
  return (await import(pathToFileURL(tsFile).href)) as T;
}

/**
 * A command's bundle (scripts/build.mjs bundleCommands: the command and what it loads in a few
 * files) when this copy runs compiled and the build made one; undefined otherwise (the caller then
 * imports the command's module as it is).
 */
export async function importBundledCommand<T>(name: string): Promise<T | undefined> {
  if (!COMPILED) return undefined;
  const js = path.join(ENGINE_ROOT, 'dist', 'bundled', 'commands', `${name}.js`);
  return existsSync(js) ? ((await import(pathToFileURL(js).href)) as T) : undefined;
}
