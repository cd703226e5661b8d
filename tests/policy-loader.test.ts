/**
 * 办法模块的加载：各模块同时导入，但按文件夹顺序取用；报告的问题是按顺序第一个出问题的模块的问题
 * （与逐个加载时相同）。
 * Loading policy modules: every module is imported at once but taken in folder order; the problem
 * reported is the first in that order, as when they were loaded one after another (a real temporary
 * engine folder with real module files).
 */
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { JUDGING_EXTRAS, loadPolicies } from '../scripts/policy/loader.ts';
import { tmpDir } from './helpers.ts';

const made: string[] = [];
afterEach(() => {
  for (const d of made.splice(0)) rmSync(d, { recursive: true, force: true });
});

const manifest = (id: string): object => ({ id, issuer: '某某（虚构）', docNumber: `虚〔2026〕${id.length}号`, title: `测试办法 ${id}`, issued: '2026-01-01', inForce: '2026-01-01', supersedes: [], source: 'none', jurisdiction: '虚构' });
const rule = (name: string): string => `{ name: '${name}', messages: { m: { zh: '中文', en: 'English' } }, fix: { zh: '改正', en: 'fix' }, check: () => [] }`;

/** A module folder under <root>/policies/<rel>: its manifest (or raw text), index.ts and extras. */
function module(root: string, rel: string, o: { manifest?: object | string; index?: string; extras?: Record<string, string> }): void {
  const dir = path.join(root, 'policies', rel);
  mkdirSync(dir, { recursive: true });
  writeFileSync(path.join(dir, 'manifest.json'), typeof o.manifest === 'string' ? o.manifest : JSON.stringify(o.manifest ?? manifest(rel.replace(/\//g, '-'))));
  if (o.index !== undefined) writeFileSync(path.join(dir, 'index.ts'), o.index);
  for (const [name, text] of Object.entries(o.extras ?? {})) writeFileSync(path.join(dir, `${name}.ts`), text);
}

function engineRoot(): string {
  const d = tmpDir('govmedia-policyload-');
  made.push(d);
  return d;
}

describe('loadPolicies', () => {
  it('gives every module in folder order, with its rules and extras', async () => {
    const root = engineRoot();
    module(root, 'zz/2026-b', { index: `export default { rules: [${rule('z1')}] };`, extras: { basis: 'export default { z: 1 };' } });
    module(root, 'aa/2026-a', { index: `export default { rules: [${rule('a1')}, ${rule('a2')}] };`, extras: { monitor: 'export default ["m"];', scoring: 'export default { s: 2 };' } });
    module(root, 'mm/2026-c', {});
    const got = await loadPolicies(root);
    expect(got.map((p) => [p.dir, p.series, p.version, p.rules.map((r) => r.name), Object.keys(p.extras)])).toEqual([
      ['policies/aa/2026-a', 'aa', '2026-a', ['a1', 'a2'], ['monitor', 'scoring']],
      ['policies/mm/2026-c', 'mm', '2026-c', [], []],
      ['policies/zz/2026-b', 'zz', '2026-b', ['z1'], ['basis']],
    ]);
    expect(got[0]!.extras).toEqual({ monitor: ['m'], scoring: { s: 2 } });
  });

  it('a judging load (validate, check-pr, audit) takes the basis only: monitor and scoring files are not imported', async () => {
    const root = engineRoot();
    // a monitor or scoring file that throws when imported shows whether it was imported at all
    module(root, 'aa/2026-a', { index: `export default { rules: [${rule('a1')}] };`, extras: { basis: 'export default { b: 1 };', monitor: 'throw new Error("monitor imported");', scoring: 'throw new Error("scoring imported");' } });
    const judging = await loadPolicies(root, JUDGING_EXTRAS);
    expect(judging.map((p) => [p.rules.map((r) => r.name), p.extras])).toEqual([[['a1'], { basis: { b: 1 } }]]);
    // the full load (monitor, score) imports them, and is cached apart from the judging one
    await expect(loadPolicies(root)).rejects.toThrow('monitor imported');
    expect(await loadPolicies(root, JUDGING_EXTRAS)).toBe(judging);
  });

  it('reports the first problem in folder order: a module that fails to import before a later broken manifest', async () => {
    const root = engineRoot();
    module(root, 'aa/2026-a', { index: 'export default { rules: [] };' });
    module(root, 'bb/2026-a', { index: 'throw new Error("模块 bb 无法加载（测试）");' });
    module(root, 'cc/2026-a', { manifest: '{ not json' });
    await expect(loadPolicies(root)).rejects.toThrow('模块 bb 无法加载（测试）');
  });

  it('reports a broken manifest when the modules before it load, and a duplicate module id or rule name', async () => {
    const root = engineRoot();
    module(root, 'aa/2026-a', { index: 'export default { rules: [] };' });
    module(root, 'bb/2026-a', { manifest: { ...manifest('x'), docNumber: undefined } });
    module(root, 'cc/2026-a', { index: 'throw new Error("never reported");' });
    await expect(loadPolicies(root)).rejects.toThrow('policies/bb/2026-a/manifest.json: 缺少 docNumber / missing docNumber');

    const dup = engineRoot();
    module(dup, 'aa/2026-a', { manifest: manifest('same') });
    module(dup, 'bb/2026-a', { manifest: manifest('same') });
    await expect(loadPolicies(dup)).rejects.toThrow('policies/bb/2026-a/manifest.json: 模块编号 same 重复 / duplicate module id');

    const rules = engineRoot();
    module(rules, 'aa/2026-a', { index: `export default { rules: [${rule('r')}, ${rule('r')}] };`, extras: { basis: 'throw new Error("not reported before the rules")' } });
    await expect(loadPolicies(rules)).rejects.toThrow('policies/aa/2026-a: 规则名 r 重复 / duplicate rule name');
  });
});
