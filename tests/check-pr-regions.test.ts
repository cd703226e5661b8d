/**
 * 合并请求只改账号文件时，只读取所改单位所在地区及其上级地区的 region.json（其他地区的结论两边相同，
 * 不可能由本次修改引入）；改了任何 region.json 或 unit.json 时仍读取全部地区。
 * A PR that changes account files only reads the region.json of the changed folders and of the
 * regions above them (no other region's findings can differ between its two sides); a PR that
 * touches any region.json or unit.json still reads every region. Real repositories (pr-harness).
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { foldersAbove } from '../scripts/core/paths.ts';
import type { RegionFile } from '../scripts/generated/types.ts';
import { regionsRead, structureUnchanged } from '../scripts/pr/start.ts';
import { makeBaseRepo, Repo, runScenario, type ScenarioRun } from './pr-harness.ts';

let repo: Repo;
beforeAll(async () => {
  repo = await makeBaseRepo();
}, 120_000);

const JINZHAI = 'accounts/anhui/luan/jinzhai/region.json';

/** On the base: 金寨's region.json binds a policy series that does not exist (a pre-existing problem of that region only). */
const brokenJinzhai = (r: Repo): void => r.edit<RegionFile>(JINZHAI, (g) => void g.policies.push('nowhere/none'));

const onFile = (fs: ScenarioRun['json']['findings'], file: string): string[] => fs.filter((f) => f.file === file).map((f) => `${f.ruleId}: ${f.message}`);

describe('check-pr: which regions a PR reads', () => {
  it('an account changed in 綦江: the problem of the unrelated 金寨 region is not read, not listed, and does not block', async () => {
    const run = await runScenario(repo, [(r) => r.edit(r.find('qj-zf-douyin'), (a) => void a.events.push({ type: '平台注册', date: '2026-11-19' }))], { prepareMain: brokenJinzhai });
    expect(run.json.verdict).toBe('pass');
    expect(run.json.findings).toEqual([]);
    expect(onFile(run.json.preexisting, JINZHAI)).toEqual([]);
  });

  it('an account changed in 金寨 itself: the region above it is read, and its problem is listed as pre-existing', async () => {
    const run = await runScenario(repo, [(r) => r.edit(r.find('la-jz-wlj-douyin'), (a) => void a.events.push({ type: '平台注册', date: '2026-11-19' }))], { prepareMain: brokenJinzhai });
    expect(run.json.findings.filter((f) => f.file === JINZHAI)).toEqual([]);
    expect(onFile(run.json.preexisting, JINZHAI)).toEqual([expect.stringMatching(/^register\/reference: 绑定的管理办法 "nowhere\/none" 在 policies\/ 中不存在/)]);
  });

  it('an account in 綦江 and another region.json changed in one PR: every region is read, the 金寨 problem is listed', async () => {
    const run = await runScenario(
      repo,
      [
        (r) => r.edit(r.find('qj-zf-douyin'), (a) => void a.events.push({ type: '平台注册', date: '2026-11-19' })),
        (r) => r.edit<RegionFile>('accounts/liaoning/dalian/region.json', (g) => void (g.name = `${g.name} `)),
      ],
      { prepareMain: brokenJinzhai },
    );
    expect(onFile(run.json.preexisting, JINZHAI)).toEqual([expect.stringMatching(/^register\/reference: 绑定的管理办法 "nowhere\/none"/)]);
  });

  it('a unit.json removed in 綦江 that another region names as its supervising office: that far region is read and its broken reference is introduced', async () => {
    const run = await runScenario(repo, [(r) => r.rm('accounts/chongqing/qijiang/qj-bgs/unit.json')], {
      // 金寨 names 綦江's 区政府办公室 as its supervising office on the base (valid there: the unit exists)
      prepareMain: (r) => r.edit<RegionFile>(JINZHAI, (g) => void (g.supervisingOffice = 'qj-bgs')),
    });
    expect(run.json.verdict).toBe('fail');
    expect(onFile(run.json.findings, JINZHAI)).toEqual([expect.stringMatching(/^register\/reference: 主管单位 "qj-bgs" 在登记簿中不存在/)]);
    expect(onFile(run.json.findings, 'accounts/chongqing/qijiang/region.json')).toEqual([expect.stringMatching(/^register\/reference: 主管单位 "qj-bgs" 在登记簿中不存在/)]);
  });
});

describe('regionsRead: the region folders a scoped judgement reads', () => {
  const d = (path: string, fromPath?: string): { status: string; path: string; fromPath?: string } => ({ status: fromPath ? 'R' : 'M', path, ...(fromPath ? { fromPath } : {}) });
  const cases: { name: string; diffs: ReturnType<typeof d>[]; scope: string[]; read: string[] | undefined }[] = [
    { name: 'an account file: its folder and every folder above', diffs: [d('accounts/sichuan/zigong/zg-wjw/zg-wjw-weixin.json')], scope: ['sichuan/zigong/zg-wjw'], read: ['', 'sichuan', 'sichuan/zigong', 'sichuan/zigong/zg-wjw'] },
    { name: 'two folders in two provinces', diffs: [d('accounts/a/b/u/x.json'), d('accounts/c/v/y.json')], scope: ['a/b/u', 'c/v'], read: ['', 'a', 'a/b', 'a/b/u', 'c', 'c/v'] },
    { name: 'a file outside the register changes nothing of it', diffs: [d('README.md'), d('accounts/a/u/x.json')], scope: ['a/u'], read: ['', 'a', 'a/u'] },
    { name: 'a unit.json changed: every region', diffs: [d('accounts/a/u/unit.json')], scope: ['a/u'], read: undefined },
    { name: 'a region.json changed: every region', diffs: [d('accounts/a/u/x.json'), d('accounts/b/region.json')], scope: ['a/u'], read: undefined },
    { name: 'a unit.json renamed away (its old name counts)', diffs: [d('accounts/a/u/notes.json', 'accounts/a/u/unit.json')], scope: ['a/u'], read: undefined },
    { name: 'the root region.json', diffs: [d('accounts/region.json')], scope: [], read: undefined },
  ];
  for (const c of cases) {
    it(c.name, () => {
      const got = regionsRead(c.diffs, new Set(c.scope));
      expect(got && [...got].sort()).toEqual(c.read && [...c.read].sort());
      expect(structureUnchanged(c.diffs)).toBe(c.read !== undefined);
    });
  }
  it('foldersAbove always holds the root folder', () => {
    expect([...foldersAbove([])]).toEqual(['']);
    expect([...foldersAbove([''])]).toEqual(['']);
  });
});
