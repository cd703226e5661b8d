/**
 * 备案助手页面的打包：用 esbuild 把与命令行相同的模式校验、登记簿加载和全部管理办法模块
 * 打包成一个浏览器脚本，内嵌到 assistant/index.html（内容安全策略只允许这一段内嵌脚本，
 * connect-src 'none'，页面不发出任何网络请求）。
 *
 * The assistant page's bundle: esbuild bundles the CLI's own schema validation, register loading
 * and every policy module into one browser script, inlined in assistant/index.html under a CSP
 * that allows only that script (connect-src 'none': the page cannot send anything anywhere).
 *
 * The seam: the engine loads policy modules from disk at run time (loader.ts); here a generated
 * entry module ("assistant:policies") imports every module's manifest and rules statically, and
 * the few node: modules the engine imports resolve to small browser shims (shims/*.js) whose file
 * functions throw — the page reads only the register snapshot embedded as JSON.
 */
import { build, type Plugin } from 'esbuild';
import path from 'node:path';
import { schemaDigest } from '../core/gen-validators.ts';
import { ENGINE_ROOT } from '../core/paths.ts';
import * as precompiled from '../generated/validators.ts';
import { loadPolicies } from '../policy/loader.ts';

const HERE = path.join(ENGINE_ROOT, 'scripts', 'assistant');

const NODE_SHIMS: Record<string, string> = {
  path: 'path.js',
  fs: 'fs.js',
  module: 'module.js',
  util: 'util.js',
  buffer: 'buffer.js',
  url: 'url.js',
};

/** The generated entry: every policy module's manifest and rules, imported statically. */
async function policiesEntry(engineRoot: string): Promise<string> {
  const policies = await loadPolicies(engineRoot);
  const lines: string[] = [];
  const items: string[] = [];
  policies.forEach((p, i) => {
    const dir = path.join(engineRoot, p.dir);
    lines.push(`import m${i} from ${JSON.stringify(path.join(dir, 'manifest.json'))};`);
    lines.push(`import * as x${i} from ${JSON.stringify(path.join(dir, 'index.ts'))};`);
    items.push(`{ manifest: m${i}, series: ${JSON.stringify(p.series)}, version: ${JSON.stringify(p.version)}, dir: ${JSON.stringify(p.dir)}, rules: (x${i}.default ?? x${i}).rules ?? [], extras: {} }`);
  });
  lines.push(`export const POLICIES = [\n  ${items.join(',\n  ')}\n];`);
  return lines.join('\n') + '\n';
}

function shimPlugin(engineRoot: string): Plugin {
  return {
    name: 'govmedia-assistant',
    setup(b) {
      b.onResolve({ filter: /^node:/ }, (a) => {
        const name = a.path.slice('node:'.length);
        return { path: path.join(HERE, 'shims', NODE_SHIMS[name] ?? 'empty.js') };
      });
      b.onResolve({ filter: /^tsx\/esm\/api$/ }, () => ({ path: path.join(HERE, 'shims', 'empty.js') }));
      b.onResolve({ filter: /^assistant:policies$/ }, () => ({ path: 'policies', namespace: 'assistant' }));
      b.onLoad({ filter: /.*/, namespace: 'assistant' }, async () => ({ contents: await policiesEntry(engineRoot), loader: 'js', resolveDir: engineRoot }));
    },
  };
}

export class AssistantBuildError extends Error {}

/** Bundle the page script (minified IIFE). */
export async function bundleAssistant(engineRoot = ENGINE_ROOT): Promise<string> {
  // the page uses the precompiled validators: they must be those of the schemas in this engine
  if (schemaDigest(path.join(engineRoot, 'schemas')) !== precompiled.SCHEMA_DIGEST) {
    throw new AssistantBuildError('scripts/generated/validators.ts 与 schemas/ 不一致，请先运行 npm run gen:types / the precompiled validators are stale; run npm run gen:types');
  }
  const r = await build({
    entryPoints: [path.join(HERE, 'client.js')],
    bundle: true,
    write: false,
    format: 'iife',
    platform: 'browser',
    target: 'es2020',
    minify: process.env.GOVMEDIA_ASSISTANT_DEBUG !== '1',
    legalComments: 'none',
    charset: 'utf8',
    logLevel: 'silent',
    define: { 'import.meta.url': '"file:///engine/scripts/core/paths.ts"', 'process.env.NODE_ENV': '"production"', Buffer: 'BrowserBuffer' },
    inject: [path.join(HERE, 'shims', 'buffer-global.js')],
    plugins: [shimPlugin(engineRoot)],
  });
  const out = r.outputFiles[0];
  if (!out) throw new AssistantBuildError('esbuild produced no output');
  return out.text;
}
