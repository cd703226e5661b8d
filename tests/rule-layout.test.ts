/**
 * 规则与用例分开的约定，以及构建产物里没有测试数据。
 * - 每个 rules/<名>.ts 以自己的文件名注册（rule.name），在模块 README.md 的表格中有一行，
 *   旁边的 rules/<名>.cases.ts 至少有一个通过用例和一个不通过用例，每个不通过用例都写明 messageId；
 * - 编译（tsconfig.build.json，npm run build）不包含用例、样例登记簿、fixture 工具和测试器。
 * The layout of rules apart from their cases, and no test data in the build:
 * - every rules/<name>.ts is registered under its own name, has a row in its module's README.md,
 *   and its rules/<name>.cases.ts has at least one valid and one invalid case, every expected
 *   finding of an invalid case naming its messageId;
 * - the build (tsconfig.build.json, npm run build) compiles no cases, no fixture, no tester.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { ENGINE_ROOT } from '../scripts/core/paths.ts';
import { loadPolicies } from '../scripts/policy/loader.ts';
import type { Rule } from '../scripts/policy/types.ts';
import type { RuleCases } from '../scripts/dev/cases.ts';
import { fixtureOf } from './support/cases.ts';

const policies = await loadPolicies(ENGINE_ROOT);

/** Test data that must never be compiled: the same kinds scripts/dist.mjs isDevOnly names, and tests/. */
const DEV_ONLY = (rel: string): boolean => rel.startsWith('tests/') || rel.startsWith('scripts/dev/') || rel.endsWith('.cases.ts') || rel.endsWith('.cases.js') || /^policies\/.+\/fixture\.(ts|js)$/.test(rel) || /(^|\/)tester\.(ts|js)$/.test(rel);

describe('rules apart from their cases: every rules file of every module', () => {
  it('finds the modules and their rules (sanity)', () => {
    expect(policies.length).toBeGreaterThanOrEqual(6);
    expect(policies.reduce((n, p) => n + p.rules.length, 0)).toBeGreaterThan(100);
  });

  for (const policy of policies) {
    const dir = path.join(ENGINE_ROOT, policy.dir);
    const files = readdirSync(path.join(dir, 'rules')).filter((f) => f.endsWith('.ts') && !f.endsWith('.cases.ts')).sort();
    const readme = readFileSync(path.join(dir, 'README.md'), 'utf8');
    describe(policy.manifest.id, () => {
      it('has a sample register in fixture.ts beside index.ts (loaded by the tests only)', async () => {
        expect(await fixtureOf(policy, ENGINE_ROOT), `${policy.dir}/fixture.ts`).toBeTypeOf('function');
        expect(readFileSync(path.join(dir, 'index.ts'), 'utf8'), 'index.ts does not carry the fixture').not.toMatch(/\bfunction fixture\b|dev\/fixture\.ts/);
      });

      it('registers every rule from a rules file of its own name, and every rules file as a rule', () => {
        expect(policy.rules.map((r) => `${r.name}.ts`).sort()).toEqual(files);
      });

      for (const file of files) {
        const name = file.slice(0, -3);
        describe(name, () => {
          it('exports the rule under its own name, without cases or fixture imports', async () => {
            const mod = (await import(pathToFileURL(path.join(dir, 'rules', file)).href)) as { default: Rule };
            expect(mod.default.name, `${policy.dir}/rules/${file}`).toBe(name);
            expect(policy.rules.some((r) => r.name === name && r.check === mod.default.check), 'the registered rule is this file\'s').toBe(true);
            expect(mod.default as object).not.toHaveProperty('cases');
            expect(readFileSync(path.join(dir, 'rules', file), 'utf8')).not.toMatch(/dev\/fixture\.ts|\.cases\.ts['"]/);
          });

          it('has a row in the module README.md', () => {
            const rows = readme.split('\n').filter((l) => l.startsWith('|') && l.includes(`\`${name}\``));
            expect(rows.length, `policies/${policy.dir.slice('policies/'.length)}/README.md: a table row naming \`${name}\``).toBeGreaterThan(0);
          });

          it('has a cases file with a valid and an invalid case, each invalid case naming its messageIds', async () => {
            const casesFile = path.join(dir, 'rules', `${name}.cases.ts`);
            expect(existsSync(casesFile), `${policy.dir}/rules/${name}.cases.ts`).toBe(true);
            const cases = ((await import(pathToFileURL(casesFile).href)) as { default: RuleCases }).default;
            expect(cases.valid.length, 'valid cases').toBeGreaterThan(0);
            expect(cases.invalid.length, 'invalid cases').toBeGreaterThan(0);
            const unnamed = cases.invalid.filter((c) => !c.errors?.length || c.errors.some((e) => !e.messageId)).map((c) => c.name);
            expect(unnamed, 'invalid cases without a messageId on every expected finding').toEqual([]);
          });
        });
      }
    });
  }
});

describe('the build holds no test data', () => {
  /**
   * The files of the program tsc compiles for the build: when dist/ is current (npm ci builds it),
   * the list tsc itself recorded in that build (dist/.tsbuildinfo, "fileNames", relative to dist/);
   * else the list `tsc --listFilesOnly` prints (~5 s of CPU: it parses the whole program).
   */
  async function buildProgramFiles(): Promise<string[]> {
    const distModule = '../scripts/dist.mjs';
    const { buildIsCurrent } = (await import(distModule)) as { buildIsCurrent: () => boolean };
    const info = path.join(ENGINE_ROOT, 'dist', '.tsbuildinfo');
    if (buildIsCurrent() && existsSync(info)) {
      const names = (JSON.parse(readFileSync(info, 'utf8')) as { fileNames?: unknown }).fileNames;
      if (Array.isArray(names) && names.every((n) => typeof n === 'string')) return names.map((n) => path.resolve(ENGINE_ROOT, 'dist', n));
    }
    const tsc = createRequire(path.join(ENGINE_ROOT, 'package.json')).resolve('typescript/bin/tsc');
    const r = spawnSync(process.execPath, [tsc, '-p', path.join(ENGINE_ROOT, 'tsconfig.build.json'), '--listFilesOnly'], { cwd: ENGINE_ROOT, encoding: 'utf8', timeout: 120_000 });
    expect(r.status, r.stderr + r.stdout).toBe(0);
    return r.stdout
      .split('\n')
      .map((l) => l.trim())
      .filter(Boolean)
      .map((f) => path.resolve(ENGINE_ROOT, f));
  }

  it('tsconfig.build.json compiles no cases, fixture, fixture kit or tester (the file list tsc itself reports)', async () => {
    const listed = (await buildProgramFiles())
      .map((f) => path.relative(ENGINE_ROOT, f).split(path.sep).join('/'))
      .filter((f) => !f.startsWith('..') && !f.startsWith('node_modules/'));
    // sanity: the list is the real one (the CLI, the loader and every rule are in it)
    expect(listed).toContain('scripts/cli.ts');
    expect(listed).toContain('scripts/policy/loader.ts');
    expect(listed.filter((f) => /^policies\/.+\/rules\/[^/]+\.ts$/.test(f)).length).toBe(policies.reduce((n, p) => n + p.rules.length, 0));
    expect(listed.filter(DEV_ONLY)).toEqual([]);
  }, 120_000);

  it('dist/ (when built) holds no cases, fixture, fixture kit or tester', () => {
    const dist = path.join(ENGINE_ROOT, 'dist');
    if (!existsSync(path.join(dist, '.stamp'))) return void expect(existsSync(path.join(dist, 'scripts', 'dev'))).toBe(false);
    const files = (readdirSync(dist, { recursive: true }) as string[]).map((f) => f.split(path.sep).join('/'));
    expect(files.some((f) => f === 'scripts/cli.js'), 'a real build').toBe(true);
    expect(files.filter((f) => DEV_ONLY(f))).toEqual([]);
    // and the build's own record of its sources names none
    const stamp = JSON.parse(readFileSync(path.join(dist, '.stamp'), 'utf8')) as { sources: string[] };
    expect(stamp.sources.map((s) => s.split(path.sep).join('/')).filter(DEV_ONLY)).toEqual([]);
  });

  it('the compiled policy modules load under plain Node (no tsx): their #engine imports resolve through dist/package.json', () => {
    const dist = path.join(ENGINE_ROOT, 'dist');
    if (!existsSync(path.join(dist, '.stamp'))) return void expect(existsSync(path.join(dist, 'package.json'))).toBe(false);
    const files = policies.map((p) => path.join(dist, p.dir, 'index.js'));
    expect(files.every((f) => existsSync(f)), 'every module compiled').toBe(true);
    const src = `let n = 0; for (const f of ${JSON.stringify(files.map((f) => pathToFileURL(f).href))}) n += (await import(f)).default.rules.length; console.log(n);`;
    const r = spawnSync(process.execPath, ['--input-type=module', '-e', src], { cwd: ENGINE_ROOT, encoding: 'utf8', env: { ...process.env, NODE_OPTIONS: '' }, timeout: 60_000 });
    expect(r.status, r.stderr).toBe(0);
    expect(Number(r.stdout.trim())).toBe(policies.reduce((n, p) => n + p.rules.length, 0));
  });

  it('each policy module is also bundled (dist/bundled): the same rules and extras as its compiled files, with only its own files inside', () => {
    const dist = path.join(ENGINE_ROOT, 'dist');
    if (!existsSync(path.join(dist, 'bundled', '.complete'))) return void expect(existsSync(path.join(dist, '.stamp'))).toBe(false);
    // what a module gives the loader, functions left out (rules' messages, citations, severities; the extras' data)
    const script = `const seen = (v) => JSON.stringify(v, (k, x) => (typeof x === 'function' ? 'fn:' + x.name : x));
      const out = [];
      for (const [dir, names] of ${JSON.stringify(policies.map((p) => [p.dir, ['index', 'monitor', 'scoring', 'basis'].filter((n) => existsSync(path.join(dist, p.dir, `${n}.js`)))]))}) {
        for (const n of names) {
          const plain = await import(${JSON.stringify(pathToFileURL(dist).href)} + '/' + dir + '/' + n + '.js');
          const bundled = await import(${JSON.stringify(pathToFileURL(path.join(dist, 'bundled')).href)} + '/' + dir + '/' + n + '.js');
          out.push([dir, n, seen(plain.default) === seen(bundled.default), (bundled.default?.rules ?? []).length]);
        }
      }
      console.log(JSON.stringify(out));`;
    const r = spawnSync(process.execPath, ['--input-type=module', '-e', script], { cwd: ENGINE_ROOT, encoding: 'utf8', env: { ...process.env, NODE_OPTIONS: '' }, timeout: 60_000 });
    expect(r.status, r.stderr).toBe(0);
    const rows = JSON.parse(r.stdout) as [string, string, boolean, number][];
    expect(rows.filter((x) => !x[2])).toEqual([]);
    expect(rows.filter((x) => x[1] === 'index').reduce((n, x) => n + x[3], 0)).toBe(policies.reduce((n, p) => n + p.rules.length, 0));
    // only the module's own files are inside its bundle: the engine's code (#engine/…) is imported, one instance for all
    let inside = 0;
    for (const p of policies) {
      const dir = path.join(dist, 'bundled', p.dir);
      for (const f of readdirSync(dir).filter((n) => n.endsWith('.js'))) {
        const inlined = [...readFileSync(path.join(dir, f), 'utf8').matchAll(/^\/\/ (dist\/\S+\.js)$/gm)].map((m) => m[1]!);
        expect(inlined.filter((x) => !x.startsWith(`dist/${p.dir}/`)), `${p.dir}/${f}`).toEqual([]);
        inside += inlined.length;
      }
    }
    expect(inside).toBeGreaterThan(policies.length);
  });
});
