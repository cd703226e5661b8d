/**
 * CODEOWNERS：已提交的文件与样例登记簿一致；各条规则（最后匹配者生效）把文件交给正确的人。
 * CODEOWNERS: the committed file matches the sample register, and the rules (last match wins)
 * give every path to the right people.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { codeownersText, MAINTAINER_PATHS, maintainersOf, supervisorReviewers } from '../scripts/approvals/codeowners.ts';
import { cmdGenCodeowners } from '../scripts/commands/gen-codeowners.ts';
import { schemasFor } from '../scripts/pipeline/pipeline.ts';
import { loadRegister, type Register } from '../scripts/core/register.ts';
import { FsSource } from '../scripts/core/source.ts';
import { FixtureKit } from '../scripts/dev/fixture.ts';
import { captureIo, ENGINE_ROOT, tmpDir, writeKit } from './helpers.ts';

function load(root: string): Register {
  return loadRegister(new FsSource(root), { schemas: schemasFor(ENGINE_ROOT), now: '2026-11-21' }).register;
}

/** GitHub's rule for the patterns we emit (`*`, `/folder/`, `/file`): the last match wins. */
function ownersOf(codeowners: string, file: string): string[] | undefined {
  let owners: string[] | undefined;
  for (const raw of codeowners.split('\n')) {
    const line = raw.trim();
    if (!line || line.startsWith('#')) continue;
    const [pattern = '', ...who] = line.split(/\s+/);
    const abs = '/' + file;
    const hit = pattern === '*' || (pattern.endsWith('/') ? abs.startsWith(pattern) : abs === pattern);
    if (hit) owners = who;
  }
  return owners;
}

describe('CODEOWNERS of the sample register', () => {
  const register = load(ENGINE_ROOT);
  const text = codeownersText(register);
  const maintainers = maintainersOf(register);

  it('the committed .github/CODEOWNERS is up to date (run npm run gen:codeowners)', () => {
    const file = path.join(ENGINE_ROOT, '.github', 'CODEOWNERS');
    expect(existsSync(file), '.github/CODEOWNERS is missing: run npm run gen:codeowners').toBe(true);
    expect(readFileSync(file, 'utf8'), '.github/CODEOWNERS is stale: run npm run gen:codeowners').toBe(text);
  });

  it('has maintainers, and gives them the rules, the engine and every region.json', () => {
    expect(maintainers.length).toBeGreaterThan(0);
    for (const p of ['policies/sichuan/zigong/2021/index.ts', 'schemas/account.schema.json', 'scripts/cli.ts', '.github/workflows/pr-check.yml', '.github/CODEOWNERS', 'tests/x.test.ts', 'docs/rules.md', 'package.json', 'package-lock.json', 'tsconfig.json', 'vitest.config.ts', '.ci/run', 'README.md']) {
      expect(ownersOf(text, p), p).toEqual(maintainers);
    }
    for (const r of register.regions.values()) expect(ownersOf(text, r.file.rel), r.file.rel).toEqual(maintainers);
  });

  it('gives every unit folder to its own reviewers and its supervising office', () => {
    for (const u of register.units.values()) {
      const dir = path.posix.dirname(u.file.rel);
      const expected = [...(u.data.reviewers ?? [])];
      for (const s of supervisorReviewers(register, u)) if (!expected.some((x) => x.toLowerCase() === s.toLowerCase())) expected.push(s);
      if (!expected.length) continue;
      expect(ownersOf(text, `${dir}/unit.json`), dir).toEqual(expected);
      expect(ownersOf(text, `${dir}/some-account.json`), dir).toEqual(expected);
    }
  });
});

describe('codeownersText rules', () => {
  const k = new FixtureKit();
  k.region('', { name: '全国', level: '国家', reviewers: { maintainers: ['@govmedia-demo/maintainers'] } });
  k.region('sichuan', { name: '四川省', level: '省级' });
  k.region('sichuan/zigong', { name: '四川省自贡市', level: '市级', supervisingOffice: 'zg-bgs', reviewers: { supervisor: ['@govmedia-demo/zigong-supervisor'] } });
  k.region('sichuan/zigong/ziliujing', { name: '四川省自贡市自流井区', level: '县级' });
  k.unit('sichuan/zigong', { id: 'zg-bgs', name: '自贡市人民政府办公室', kind: '政府办公室', reviewers: ['@govmedia-demo/zigong-supervisor'] });
  k.unit('sichuan/zigong', { id: 'zg-wjw', name: '自贡市卫生健康委员会', kind: '政府部门', reviewers: ['@govmedia-demo/zg-wjw', '@zg-wjw-wang'] });
  k.unit('sichuan/zigong', { id: 'zg-tjj', name: '自贡市统计局', kind: '政府部门' });
  k.unit('sichuan/zigong/ziliujing', { id: 'zlj-qzf', name: '自贡市自流井区人民政府', kind: '人民政府', reviewers: ['@govmedia-demo/zlj-qzf'] });
  k.unit('sichuan/zigong', { id: 'zg-gaj', name: '自贡市公安局', kind: '政府部门', reviewers: ['@govmedia-demo/zg-gaj'] });
  k.unit('sichuan/zigong/ziliujing', { id: 'zlj-gafj', name: '自贡市公安局自流井区分局', kind: '政府部门', supervisor: 'zg-gaj', reviewers: ['@govmedia-demo/zlj-gafj'] });
  k.account('zg-wjw', { id: 'zg-wjw-weixin', name: '健康自贡', platform: '微信公众号' });
  const dir = writeKit(k);
  const register = load(dir);
  const text = codeownersText(register);
  const M = ['@govmedia-demo/maintainers'];
  const SUP = ['@govmedia-demo/zigong-supervisor'];

  it('starts with a generated-file header in Chinese and English', () => {
    expect(text.split('\n')[0]).toContain('本文件由程序生成');
    expect(text).toContain('This file is generated');
    expect(text).toContain('npm run gen:codeowners');
  });

  it.each([
    ['README.md', M],
    ['policies/sichuan/zigong/2021/index.ts', M],
    ['scripts/commands/check-approvals.ts', M],
    ['.github/workflows/approvals.yml', M],
    ['accounts/region.json', M],
    ['accounts/sichuan/zigong/region.json', M],
    ['accounts/sichuan/zigong/ziliujing/region.json', M],
    ['accounts/sichuan/zigong/zg-wjw/zg-wjw-weixin.json', ['@govmedia-demo/zg-wjw', '@zg-wjw-wang', ...SUP]],
    ['accounts/sichuan/zigong/zg-wjw/unit.json', ['@govmedia-demo/zg-wjw', '@zg-wjw-wang', ...SUP]],
    // the supervising office's own folder: its reviewers once, not twice
    ['accounts/sichuan/zigong/zg-bgs/zg-bgs-weibo.json', SUP],
    // a unit without reviewers: its supervising office
    ['accounts/sichuan/zigong/zg-tjj/zg-tjj-weixin.json', SUP],
    // a sub-region without its own supervisor team: the nearest region's
    ['accounts/sichuan/zigong/ziliujing/zlj-qzf/zlj-qzf-weixin.json', ['@govmedia-demo/zlj-qzf', ...SUP]],
    // a vertically managed unit: its own supervisor's reviewers, as the PR check requires (自府办函〔2021〕62号 第三条)
    ['accounts/sichuan/zigong/ziliujing/zlj-gafj/zlj-gafj-weibo.json', ['@govmedia-demo/zlj-gafj', '@govmedia-demo/zg-gaj']],
    // a unit folder not yet in the register (a PR adding a unit): the supervising office
    ['accounts/sichuan/zigong/zg-new/unit.json', SUP],
    ['accounts/sichuan/zigong/ziliujing/zlj-new/unit.json', SUP],
    // a province without a supervisor team: the maintainers
    ['accounts/sichuan/sc-new/unit.json', M],
  ])('%s → %j', (file, owners) => {
    expect(ownersOf(text, file)).toEqual(owners);
  });

  it('lists every maintainer path, and orders lines from general to specific', () => {
    const patterns = text.split('\n').filter((l) => l && !l.startsWith('#')).map((l) => l.split(' ')[0]!);
    expect(patterns[0]).toBe('*');
    for (const p of MAINTAINER_PATHS) expect(patterns).toContain(p);
    // a folder pattern never comes after a more specific pattern inside it
    patterns.forEach((later, j) => {
      if (!later.endsWith('/')) return;
      for (const earlier of patterns.slice(0, j)) expect(earlier !== later && earlier.startsWith(later), `${later} comes after ${earlier}`).toBe(false);
    });
    expect(new Set(patterns).size).toBe(patterns.length);
    const firstUnit = patterns.findIndex((p) => p.endsWith('/zg-bgs/'));
    const zigongFolder = patterns.indexOf('/accounts/sichuan/zigong/');
    const zigongRegionJson = patterns.indexOf('/accounts/sichuan/zigong/region.json');
    expect(zigongFolder).toBeGreaterThan(0);
    expect(zigongRegionJson).toBeGreaterThan(zigongFolder);
    expect(firstUnit).toBeGreaterThan(zigongFolder);
  });

  it('is deterministic', () => {
    expect(codeownersText(load(dir))).toBe(text);
  });
});

describe('govmedia gen-codeowners', () => {
  async function run(args: string[]): Promise<{ code: number; out: string; err: string }> {
    return captureIo((io) => cmdGenCodeowners(args, io));
  }

  it('--check fails on a missing or stale file, passes once written', async () => {
    const k = new FixtureKit();
    k.region('', { name: '全国', level: '国家', reviewers: { maintainers: ['@o/maintainers'] } });
    k.region('sichuan', { name: '四川省', level: '省级', reviewers: { supervisor: ['@o/sc'] } });
    k.unit('sichuan', { id: 'sc-bgs', name: '四川省人民政府办公厅', kind: '政府办公室', reviewers: ['@o/sc-bgs'] });
    const dir = writeKit(k);
    const missing = await run(['--check', '--root', dir]);
    expect(missing.code).toBe(1);
    expect(missing.err).toContain('不存在');
    expect((await run(['--root', dir])).code).toBe(0);
    const file = path.join(dir, '.github', 'CODEOWNERS');
    expect(readFileSync(file, 'utf8')).toContain('/accounts/sichuan/sc-bgs/ @o/sc-bgs @o/sc');
    expect((await run(['--check', '--root', dir])).code).toBe(0);
    writeFileSync(file, readFileSync(file, 'utf8') + '/accounts/ @someone\n');
    const stale = await run(['--check', '--root', dir, '--lang', 'en']);
    expect(stale.code).toBe(1);
    expect(stale.err).toContain('stale');
  });

  it('exit 2 on usage errors, in Chinese, no stack trace', async () => {
    const bad = await run(['--bogus']);
    expect(bad.code).toBe(2);
    expect(bad.err).toContain('用法错误：未知选项 --bogus');
    const empty = tmpDir();
    mkdirSync(path.join(empty, 'x'));
    const notRegister = await run(['--check', '--root', empty]);
    expect(notRegister.code).toBe(2);
    expect(notRegister.err).toContain('不是登记簿');
    expect(notRegister.err).not.toMatch(/\n\s+at /);
  });
});
