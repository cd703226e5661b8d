/**
 * 合并请求检查的快速路径：清单经临时文件取得；合并基准与头部共用一次算出的地区和单位结构（合并请求改动了
 * region.json 或 unit.json 时不共用）；按范围载入的结果与逐条整理清单的旧路径完全相同，含恶意的结构。
 * The PR check's fast paths: the listing comes through a temporary file; the merge base and the
 * head share the structure worked out once (not when the PR changes a region.json or unit.json);
 * a scoped load gives exactly what the entry-by-entry path gives, hostile structures included.
 */
import { existsSync, mkdirSync, readdirSync, rmSync, symlinkSync } from 'node:fs';
import os from 'node:os';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Finding } from '../scripts/core/finding.ts';
import { diffNames, diffWithDelta, git, GitSource, listingChunk, resolveCommit, resolveCommits, runGitBuffer, runGitLarge, treeDelta } from '../scripts/core/git.ts';
import type { FileSource } from '../scripts/core/source.ts';
import { validateSource } from '../scripts/pipeline/pipeline.ts';
import { hintOf, scopeOf } from '../scripts/pr/start.ts';
import { cli, ENGINE_ROOT } from './helpers.ts';
import { backToMain, commitAll, makeBaseRepo, rules, runScenario, startBranch, type Repo } from './pr-harness.ts';

const NOW = '2026-11-20';
let repo: Repo;

/** The source as a scoped load saw it before listStructure: listForScope only (no shared structure). */
function entryByEntry(s: GitSource): FileSource {
  return { label: s.label, list: (p) => s.list(p), read: (r) => s.read(r), exists: (r) => s.exists(r), listForScope: (d) => s.listForScope(d), pathsWithStem: (st) => s.pathsWithStem(st), contentKey: (r) => s.contentKey(r) };
}

const key = (f: Finding): string => `${f.ruleId}|${f.file}|${f.line}:${f.column}|${f.account ?? ''}|${f.message.zh}`;

/** Base and head sources of a branch, as checkPr makes them (hinted merge-base listing, head derived). */
async function sources(branch: string): Promise<{ base: GitSource; head: GitSource; scope: Set<string> }> {
  const g = git(repo.dir);
  const mb = (await g.raw(['merge-base', 'main', branch])).trim();
  const head = (await g.raw(['rev-parse', branch])).trim();
  const diffs = await diffNames(g, mb, head);
  const scope = scopeOf(diffs);
  const base = await GitSource.open(repo.dir, mb, ['accounts'], hintOf(diffs, scope));
  const derived = base.derive(head, await treeDelta(repo.dir, mb, head));
  await GitSource.prefetchScopes([base, derived], scope);
  return { base, head: derived, scope };
}

/** validateSource of both sides, through the shared structure and entry by entry: the same findings and register. */
async function expectSameLoads(branch: string): Promise<{ base: GitSource; head: GitSource; findings: string[] }> {
  const { base, head, scope } = await sources(branch);
  const out: string[] = [];
  const cache = new Map();
  for (const src of [base, head]) {
    const fast = await validateSource(src, { engineRoot: ENGINE_ROOT, now: NOW, scope, cache });
    const slow = await validateSource(entryByEntry(src), { engineRoot: ENGINE_ROOT, now: NOW, scope, cache: new Map() });
    expect(fast.findings.map(key)).toEqual(slow.findings.map(key));
    expect([...fast.register.units.keys()]).toEqual([...slow.register.units.keys()]);
    expect([...fast.register.regions.keys()]).toEqual([...slow.register.regions.keys()]);
    expect(fast.register.accounts.map((a) => a.file.rel)).toEqual(slow.register.accounts.map((a) => a.file.rel));
    expect(fast.register.fileCount).toBe(slow.register.fileCount);
    out.push(...fast.findings.map(key));
  }
  return { base, head, findings: out };
}

beforeAll(async () => {
  repo = await makeBaseRepo();
  // the merge base already holds odd structure: a unit folder inside a unit folder, a region.json in
  // a unit folder, a folder without unit.json whose subfolder has one, a unit.json that is a link
  repo.write('accounts/sichuan/zigong/zg-swjw/sub/unit.json', repo.read('accounts/sichuan/zigong/zg-swjw/unit.json'));
  repo.write('accounts/sichuan/zigong/zg-sgaj/region.json', repo.read('accounts/sichuan/zigong/region.json'));
  repo.write('accounts/sichuan/zigong/nounit/inner/unit.json', repo.read('accounts/sichuan/zigong/zg-scdc/unit.json'));
  repo.write('accounts/sichuan/zigong/nounit/x-weixin.json', repo.read('accounts/sichuan/zigong/zg-scdc/zg-scdc-weixin.json'));
  repo.write('accounts/sichuan/zigong/zg-link/zg-link-weixin.json', repo.read('accounts/sichuan/zigong/zg-scdc/zg-scdc-weixin.json'));
  symlinkSync('../zg-scdc/unit.json', repo.abs('accounts/sichuan/zigong/zg-link/unit.json'));
  // unit folders named like the ones the PRs touch, in another region (one id, two folders: the
  // scoped load finds both through its index of unit files by folder name, in listing order)
  repo.write('accounts/anhui/luan/zg-swjw/unit.json', repo.read('accounts/sichuan/zigong/zg-swjw/unit.json'));
  repo.write('accounts/anhui/luan/zg-sgaj/unit.json', repo.read('accounts/sichuan/zigong/zg-sgaj/unit.json'));
  repo.write('accounts/anhui/luan/zg-swjw/zg-swjw-weibo.json', repo.read('accounts/sichuan/zigong/zg-swjw/zg-swjw-weibo.json'));
  // a unit folder right under accounts/ (its folder name is its whole path) and a unit.json at the top itself
  repo.write('accounts/zg-top/unit.json', repo.read('accounts/sichuan/zigong/zg-scdc/unit.json'));
  repo.write('accounts/zg-top/zg-top-weixin.json', repo.read('accounts/sichuan/zigong/zg-scdc/zg-scdc-weixin.json'));
  repo.write('accounts/unit.json', repo.read('accounts/sichuan/zigong/zg-scdc/unit.json'));
  await commitAll(repo, '结构异常的基准');
  // a PR that changes accounts in those folders only (the structure is shared)
  await startBranch(repo, 'accounts-only');
  for (const f of ['accounts/sichuan/zigong/zg-swjw/zg-swjw-weixin.json', 'accounts/sichuan/zigong/zg-sgaj/zg-sgaj-weibo.json', 'accounts/sichuan/zigong/nounit/x-weixin.json', 'accounts/sichuan/zigong/zg-link/zg-link-weixin.json', 'accounts/zg-top/zg-top-weixin.json', 'accounts/anhui/luan/zg-swjw/zg-swjw-weibo.json']) {
    repo.edit(f, (a) => {
      a.name = `${a.name}（改）`;
    });
  }
  await commitAll(repo, '改账号');
  await backToMain(repo);
  // a hostile PR that rewrites a unit.json (its reviewers and supervisor) and adds a unit.json link elsewhere
  await startBranch(repo, 'unit-json');
  repo.edit<Record<string, unknown>>('accounts/sichuan/zigong/zg-swjw/unit.json', (u) => {
    u.reviewers = ['someone-else'];
    u.supervisor = 'zg-sgaj';
  });
  symlinkSync('../zg-swjw/unit.json', repo.abs('accounts/sichuan/zigong/nounit/unit.json'));
  repo.edit('accounts/sichuan/zigong/zg-swjw/zg-swjw-weixin.json', (a) => {
    a.name = `${a.name}（改）`;
  });
  await commitAll(repo, '改单位');
  await backToMain(repo);
  // renames (within accounts/, into it from outside), a file turned into a link, a deletion, and a
  // path a rename empties that a new file takes again
  await startBranch(repo, 'moves');
  repo.mv('accounts/sichuan/zigong/zg-swjw/zg-swjw-weibo.json', 'accounts/sichuan/zigong/zg-sgaj/zg-swjw-weibo.json');
  repo.write('accounts/sichuan/zigong/zg-swjw/zg-swjw-weibo.json', { replaced: true });
  repo.mv('accounts/sichuan/zigong/zg-swjw/zg-swjw-toutiao.json', 'accounts/sichuan/zigong/zg-sgaj/zg-sgaj-toutiao.json');
  repo.mv('tsconfig.json', 'accounts/sichuan/zigong/zg-sgaj/tsconfig.json');
  rmSync(repo.abs('accounts/sichuan/zigong/zg-sgaj/zg-sgaj-kuaishou.json'));
  symlinkSync('zg-sgaj-weixin.json', repo.abs('accounts/sichuan/zigong/zg-sgaj/zg-sgaj-kuaishou.json'));
  rmSync(repo.abs('accounts/sichuan/zigong/zg-scdc/zg-scdc-weixin.json'));
  await commitAll(repo, '移动');
  await backToMain(repo);
}, 120_000);


describe('check-pr: the merge base and the head share their structure', () => {
  it('a PR that changes only account files: one structure for both sides, and loads exactly like entry by entry (odd structure reported the same)', async () => {
    const { base, head, findings } = await expectSameLoads('accounts-only');
    expect(head.listStructure()).toBe(base.listStructure());
    // the odd structure of the folders in scope is reported, from the shared structure too
    expect(findings.some((f) => f.startsWith('register/misplaced|accounts/sichuan/zigong/zg-sgaj/region.json'))).toBe(true);
    expect(findings.some((f) => f.startsWith('register/symlink|accounts/sichuan/zigong/zg-link/unit.json'))).toBe(true);
    expect(findings.some((f) => f.startsWith('register/misplaced|accounts/sichuan/zigong/nounit/x-weixin.json'))).toBe(true);
    // the unit folder in scope shares its name with one listed earlier in another region (both in
    // scope: one folder name, two folders, each asked about)
    expect(findings.some((f) => f.startsWith('register/duplicate-id|accounts/sichuan/zigong/zg-swjw/unit.json') && f.includes('accounts/anhui/luan/zg-swjw/unit.json'))).toBe(true);
    expect(findings.some((f) => f.startsWith('register/duplicate-id|accounts/anhui/luan/zg-swjw/unit.json'))).toBe(false);
    // the unit folder right under accounts/ is found by its name and read (its id is another's), and the
    // top folder holding both region.json and unit.json is reported
    expect(findings.some((f) => f.startsWith('register/id-path|accounts/zg-top/unit.json'))).toBe(true);
    expect(findings.some((f) => f.startsWith('register/misplaced|accounts/region.json'))).toBe(true);
  });

  it('a hostile PR that rewrites a unit.json and adds a unit.json link: the head works out its own structure, and loads exactly like entry by entry', async () => {
    const { base, head, findings } = await expectSameLoads('unit-json');
    expect(head.listStructure()).not.toBe(base.listStructure());
    expect(head.listStructure().some((e) => e.rel === 'accounts/sichuan/zigong/nounit/unit.json' && e.type === 'symlink')).toBe(true);
    expect(base.listStructure().some((e) => e.rel === 'accounts/sichuan/zigong/nounit/unit.json')).toBe(false);
    expect(findings.some((f) => f.startsWith('register/symlink|accounts/sichuan/zigong/nounit/unit.json'))).toBe(true);
  });
});

describe('many odd folders in a unit folder', () => {
  it('each folder that holds a file (at any depth) is reported, a folder that holds only a link is not: in check-pr as entry by entry, and in validate', async () => {
    // 300 folders in a unit folder, each holding one file (what a PR can put in git: no empty folders),
    // folders three deep with a file only at the bottom, and a folder that holds only a link
    const unit = 'accounts/sichuan/zigong/zg-swjw';
    await startBranch(repo, 'odd-folders');
    for (let i = 0; i < 300; i++) repo.write(`${unit}/extra-${i}/x.json`, {});
    repo.write(`${unit}/deep/a/b/x.json`, {});
    mkdirSync(repo.abs(`${unit}/linkonly`));
    symlinkSync('../unit.json', repo.abs(`${unit}/linkonly/unit-link`));
    repo.edit(`${unit}/zg-swjw-weixin.json`, (a) => void (a.name = `${a.name}（改）`));
    await commitAll(repo, '很多怪文件夹');
    const NO_UNIT = '既没有 region.json 也没有 unit.json';
    const strays = (keys: string[]): string[] => keys.filter((f) => f.startsWith('register/stray-file|') && f.includes(NO_UNIT)).map((f) => f.split('|')[1]!);
    const extras = Array.from({ length: 300 }, (_, i) => `${unit}/extra-${i}`);
    // validate (the working folder, every folder listed): every folder holding a file below it, each once
    const v = await cli(['validate', '--root', repo.dir, '--now', NOW, '--format', 'json']);
    expect(v.code, v.err).toBe(1);
    // (the JSON report's message is the text in the report's language)
    const vKeys = (JSON.parse(v.out) as { findings: { ruleId: string; file: string; line: number; column: number; message: string }[] }).findings.map((f) => `${f.ruleId}|${f.file}|${f.line}:${f.column}||${f.message}`);
    expect(strays(vKeys).filter((d) => d.startsWith(`${unit}/`)).sort()).toEqual([...extras, `${unit}/deep`, `${unit}/deep/a`, `${unit}/deep/a/b`].sort());
    expect(vKeys.some((f) => f.startsWith(`register/symlink|${unit}/linkonly/unit-link|`))).toBe(true);
    await backToMain(repo);
    // check-pr (the folders of the changed files in scope): the same through the shared structure as entry by entry
    const { findings } = await expectSameLoads('odd-folders');
    expect(strays(findings).sort()).toEqual(extras.sort());
    expect(findings.some((f) => f.startsWith(`register/misplaced|${unit}/deep/a/b/x.json|`))).toBe(true);
    expect(findings.some((f) => f.startsWith(`register/symlink|${unit}/linkonly/unit-link|`))).toBe(true);
  });
});

describe('check-pr: hostile region bindings on the fast path', () => {
  it('a PR that drops a region\'s policy bindings and changes an account there: the head works out its own structure; the check refuses the mix and asks the maintainers and the base\'s supervising office (as before the fast path)', async () => {
    const steps = [
      (r: Repo) => r.edit<{ policies: string[] }>('accounts/chongqing/qijiang/region.json', (g) => void (g.policies = [])),
      (r: Repo) => r.edit(r.find('qj-zf-douyin'), (a) => void a.events.push({ type: '平台注册', date: '2026-11-19' })),
    ];
    const run = await runScenario(repo, steps);
    expect(run.json.verdict).toBe('fail');
    expect(rules(run)).toContain('pr/mixed-rules-and-data');
    expect(run.json.approvals.map((a) => a.role.zh)).toContain('本库维护者');
    expect(run.json.approvals.map((a) => a.role.zh)).toContain('主管单位“重庆市綦江区人民政府办公室”');
    // the same change as a branch of its own: the loads of both sides, and no shared structure
    await startBranch(repo, 'bindings');
    for (const step of steps) step(repo);
    await commitAll(repo, '去掉绑定');
    await backToMain(repo);
    const { base, head } = await expectSameLoads('bindings');
    expect(head.listStructure()).not.toBe(base.listStructure());
  });
});

describe('check-pr: base and head resolved with one git process', () => {
  it('give what resolveCommit gives each, and a ref that does not resolve (or looks like an option) is named in the error', async () => {
    const g = git(repo.dir);
    expect(await resolveCommits(g, ['main', 'moves'])).toEqual([await resolveCommit(g, 'main'), await resolveCommit(g, 'moves')]);
    await expect(resolveCommits(g, ['main', 'no-such-branch'])).rejects.toThrow('找不到提交或分支“no-such-branch”');
    await expect(resolveCommits(g, ['--all', 'main'])).rejects.toThrow('找不到提交或分支“--all”');
  });
});

describe('check-pr: the diff and the tree delta from one git diff', () => {
  it('give what git diff --name-status -M and the exact (no-renames) delta give, renames and links included', async () => {
    const g = git(repo.dir);
    for (const branch of ['accounts-only', 'unit-json', 'moves']) {
      const [from, to] = [(await g.raw(['merge-base', 'main', branch])).trim(), (await g.raw(['rev-parse', branch])).trim()];
      const both = await diffWithDelta(repo.dir, from, to);
      expect(both.diffs, branch).toEqual(await diffNames(g, from, to));
      const exact = await treeDelta(repo.dir, from, to);
      expect(both.delta, branch).toEqual([...exact].sort((a, b) => (Buffer.compare(Buffer.from(a.path), Buffer.from(b.path)))));
      if (branch === 'moves') {
        expect(both.diffs.filter((d) => d.status === 'R').length).toBeGreaterThanOrEqual(2);
        expect(both.delta!.find((c) => c.path.endsWith('zg-sgaj-kuaishou.json'))?.mode).toBe('120000');
      }
    }
  });
});

describe('check-pr: the listing through a temporary file', () => {
  it('a hinted listing scanned from its file in chunks (records across every boundary, longer than a chunk) answers like the whole listing', async () => {
    const g = git(repo.dir);
    const commit = (await g.raw(['rev-parse', 'unit-json'])).trim();
    const dirs = ['sichuan/zigong/zg-swjw', 'sichuan/zigong/nounit', 'sichuan/zigong/zg-link'];
    const hint = { dirs: new Set(dirs), stems: new Set(['zg-swjw-weixin', 'x-weixin']), paths: new Set(['accounts/sichuan/zigong/zg-swjw/unit.json']) };
    const answers = (s: GitSource): unknown[] => [
      s.listStructure().map((e) => `${e.rel} ${e.type}`),
      ...dirs.map((d) => s.listFolders(new Set([d])).map((e) => `${e.rel} ${e.type}`)),
      ...['zg-swjw-weixin', 'x-weixin'].map((st) => s.pathsWithStem(st)),
      ...[...hint.paths, 'accounts/sichuan/zigong/nounit/unit.json', 'accounts/region.json'].map((p) => s.contentKey(p)),
    ];
    const whole = await GitSource.open(repo.dir, commit);
    const want = answers(whole);
    const before = listingChunk.bytes;
    try {
      for (const bytes of [1 << 20, 97, 13]) {
        listingChunk.bytes = bytes;
        const chunked = await GitSource.open(repo.dir, commit, ['accounts'], hint);
        expect(answers(chunked), `${bytes}-byte chunks`).toEqual(want);
        expect(chunked.hinted, `${bytes}-byte chunks`).toBe(true);
        // a question outside the hint lists the commit again, and answers like the whole listing
        expect(chunked.pathsWithStem('zg-scdc-weixin')).toEqual(whole.pathsWithStem('zg-scdc-weixin'));
        expect(chunked.hinted).toBe(false);
      }
    } finally {
      listingChunk.bytes = before;
    }
  });

  it('gives git ls-tree exactly, leaves no file behind, and reports git failing', async () => {
    const tmp = (): string[] => readdirSync(os.tmpdir()).filter((n) => n.startsWith(`govmedia-git-${process.pid}-`));
    const args = ['ls-tree', '-r', '-z', '--full-tree', 'main', '--', 'accounts'];
    const [large, piped] = await Promise.all([runGitLarge(repo.dir, args), runGitBuffer(repo.dir, args)]);
    expect(large.length).toBeGreaterThan(1000);
    expect(large.equals(piped)).toBe(true);
    expect(tmp()).toEqual([]);
    await expect(runGitLarge(repo.dir, ['ls-tree', '-r', 'no-such-branch'])).rejects.toThrow(/no-such-branch|Not a valid object name/);
    expect(tmp()).toEqual([]);
  });

  it('ends the listing and closes its file when it is not wanted (aborted, or the hint fails)', async () => {
    // the open files of this process (Linux): a listing given up must not leave its output file open
    const fds = (): number => (existsSync('/proc/self/fd') ? readdirSync('/proc/self/fd').length : 0);
    const before = fds();
    const stop = new AbortController();
    stop.abort();
    await expect(GitSource.open(repo.dir, 'main', ['accounts'], undefined, stop.signal)).rejects.toThrow(/not needed/);
    // aborted while git runs: git is ended and the promise rejects
    const late = new AbortController();
    const p = GitSource.open(repo.dir, 'main', ['accounts'], new Promise<never>(() => undefined), late.signal);
    late.abort();
    await expect(p).rejects.toThrow(/abort/i);
    // the hint fails (the diff failed, or the engines differ): the listing is dropped, its error is the hint's
    await expect(GitSource.open(repo.dir, 'main', ['accounts'], Promise.reject(new Error('no hint for you')))).rejects.toThrow('no hint for you');
    expect(fds()).toBe(before);
    // not aborted: the same listing as ever
    const ok = await GitSource.open(repo.dir, 'main', ['accounts'], undefined, new AbortController().signal);
    expect(ok.list('accounts').length).toBeGreaterThan(10);
  });
});
