/**
 * 在进程内读 Git 索引（scripts/core/git-index.ts，history 用它代替 `git ls-files`）：真实的临时仓库，
 * 与 git ls-files 对同一个索引的回答逐一比较；读不了的格式（第 4 版、拆分索引、稀疏检出）答“不知道”。
 * Reading the Git index in-process (what history uses instead of `git ls-files`): real temporary
 * repositories, each answer compared with git ls-files on the same index; the layouts it does not
 * read (version 4, split index, sparse checkout) answer undefined so that the caller asks git.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { simpleGit, type SimpleGit } from 'simple-git';
import { describe, expect, it } from 'vitest';
import { indexPathsMatching } from '../scripts/core/git-index.ts';
import { cli, tmpDir } from './helpers.ts';

function put(dir: string, rel: string, text = '{}\n'): void {
  mkdirSync(path.dirname(path.join(dir, rel)), { recursive: true });
  writeFileSync(path.join(dir, rel), text);
}

/** What `git ls-files` lists for the literal file name under accounts/ (history's question before). */
async function lsFiles(g: SimpleGit, id: string): Promise<string[]> {
  return (await g.raw(['ls-files', '-z', '--full-name', '--', `:(glob)accounts/**/${id}.json`])).split('\0').filter(Boolean);
}

/** A path over 4095 bytes (its entry's flags then hold 0xfff), too long for a file on disk: put in the index only. */
const LONG = `accounts/c/${`${'深'.repeat(80)}/`.repeat(18)}x-weixin.json`;

async function repoWith(files: string[], init: string[] = []): Promise<{ dir: string; g: SimpleGit }> {
  const dir = tmpDir('govmedia-index-');
  const g = simpleGit({ baseDir: dir });
  await g.init(['-b', 'main', ...init]);
  await g.addConfig('user.name', '测试（虚构）').addConfig('user.email', 'test@example.invalid');
  for (const f of files) put(dir, f);
  await g.add(['-A']);
  if (files.length) {
    const blob = (await g.raw(['hash-object', '-w', path.join(dir, files[0]!)])).trim();
    await g.raw(['update-index', '--add', '--cacheinfo', `100644,${blob},${LONG}`]);
  }
  await g.commit('init', ['--allow-empty']);
  return { dir, g };
}

const FILES = [
  'accounts/a/u1/x-weixin.json',
  'accounts/a/u2/x-weixin.json',
  'accounts/b/u3/x-weixin.json.bak',
  'accounts/b/u3/y-x-weixin.json',
  'accounts/x-weixin.json',
  'other/accounts/a/x-weixin.json',
  'accounts/c/u4/z-douyin.json',
];

describe('indexPathsMatching', () => {
  it('lists what git ls-files lists for the name, in the same order (index version 2, SHA-1)', async () => {
    const { dir, g } = await repoWith(FILES);
    for (const id of ['x-weixin', 'z-douyin', 'y-x-weixin', 'no-such']) {
      const want = await lsFiles(g, id);
      expect(indexPathsMatching(dir, 'accounts/', `/${id}.json`), id).toEqual(want);
    }
    expect(indexPathsMatching(dir, 'accounts/', '/x-weixin.json')).toEqual(['accounts/a/u1/x-weixin.json', 'accounts/a/u2/x-weixin.json', LONG, 'accounts/x-weixin.json']);
  });

  it('reads a version 3 index (an intent-to-add entry has extended flags) and entries staged but not committed', async () => {
    const { dir, g } = await repoWith(FILES);
    put(dir, 'accounts/d/u5/x-weixin.json');
    await g.raw(['add', '-N', 'accounts/d/u5/x-weixin.json']);
    await g.raw(['mv', 'accounts/a/u2/x-weixin.json', 'accounts/a/u9-x-weixin.json']);
    const want = await lsFiles(g, 'x-weixin');
    expect(want).toContain('accounts/d/u5/x-weixin.json');
    expect(want).not.toContain('accounts/a/u2/x-weixin.json');
    expect(indexPathsMatching(dir, 'accounts/', '/x-weixin.json')).toEqual(want);
  });

  it('reads an index of SHA-256 ids', async () => {
    const { dir, g } = await repoWith(FILES, ['--object-format=sha256']);
    expect((await g.raw(['rev-parse', 'HEAD'])).trim()).toHaveLength(64);
    expect(indexPathsMatching(dir, 'accounts/', '/x-weixin.json')).toEqual(await lsFiles(g, 'x-weixin'));
  });

  it('answers undefined for what it does not read: a version 4 index, a split index, a sparse checkout, no index, GIT_INDEX_FILE', async () => {
    const v4 = await repoWith(FILES);
    await v4.g.raw(['update-index', '--index-version', '4']);
    expect(indexPathsMatching(v4.dir, 'accounts/', '/x-weixin.json')).toBeUndefined();
    const split = await repoWith(FILES);
    await split.g.raw(['update-index', '--split-index']);
    expect(indexPathsMatching(split.dir, 'accounts/', '/x-weixin.json')).toBeUndefined();
    const sparse = await repoWith(FILES);
    await sparse.g.raw(['sparse-checkout', 'set', 'accounts/a']);
    expect(indexPathsMatching(sparse.dir, 'accounts/', '/x-weixin.json')).toBeUndefined();
    expect(indexPathsMatching(tmpDir('govmedia-index-none-'), 'accounts/', '/x-weixin.json')).toBeUndefined();
    const env = await repoWith(FILES);
    process.env.GIT_INDEX_FILE = path.join(env.dir, '.git', 'index');
    try {
      expect(indexPathsMatching(env.dir, 'accounts/', '/x-weixin.json')).toBeUndefined();
    } finally {
      delete process.env.GIT_INDEX_FILE;
    }
  });
});

describe('history finds the file through the index', () => {
  const account = (id: string, name: string): string => JSON.stringify({ id, name, events: [] }, null, 2) + '\n';

  it('uses the first path the index lists that exists at the revision, as git ls-files did', async () => {
    // two files named alike (a duplicate id, which the register forbids): the first in path order wins
    const { dir, g } = await repoWith([]);
    put(dir, 'accounts/a/u2/dup-weixin.json', account('dup-weixin', '第二'));
    put(dir, 'accounts/a/u1/dup-weixin.json', account('dup-weixin', '第一'));
    await g.add(['-A']);
    await g.commit('two');
    const r = await cli(['history', 'dup-weixin', '--repo', dir, '--format', 'json']);
    expect(r.code).toBe(0);
    expect((JSON.parse(r.out) as { paths: string[] }).paths).toEqual(['accounts/a/u1/dup-weixin.json']);
    // the index's first path removed from the index but not from the revision: the next that exists at HEAD
    await g.raw(['rm', '--cached', 'accounts/a/u1/dup-weixin.json']);
    const r2 = await cli(['history', 'dup-weixin', '--repo', dir, '--format', 'json']);
    expect((JSON.parse(r2.out) as { paths: string[] }).paths).toEqual(['accounts/a/u2/dup-weixin.json']);
  });

  it('a path the index has but the revision does not: the one at the revision (the early log is ended)', async () => {
    const { dir, g } = await repoWith([]);
    put(dir, 'accounts/a/u1/m-weixin.json', account('m-weixin', '原'));
    await g.add(['-A']);
    await g.commit('one');
    // moved in the index only (not committed): the log begun for the index's path is not used
    await g.raw(['mv', 'accounts/a/u1/m-weixin.json', 'accounts/a/u0-m-weixin.json']);
    mkdirSync(path.join(dir, 'accounts/a/u0'), { recursive: true });
    await g.raw(['mv', 'accounts/a/u0-m-weixin.json', 'accounts/a/u0/m-weixin.json']);
    expect(indexPathsMatching(dir, 'accounts/', '/m-weixin.json')).toEqual(['accounts/a/u0/m-weixin.json']);
    const r = await cli(['history', 'm-weixin', '--repo', dir, '--format', 'json']);
    expect(r.code).toBe(0);
    const h = JSON.parse(r.out) as { paths: string[]; entries: { commit: string }[] };
    expect(h.paths).toEqual(['accounts/a/u1/m-weixin.json']);
    expect(h.entries).toHaveLength(1);
  });
});
