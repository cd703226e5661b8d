/**
 * 带提示的清单在 git 仍在输出时就开始扫描（GitSource.open 经 runGitToLiveFile）：真实的临时仓库，
 * 一个有数万条记录的树（git 写得比扫描慢或快都行），答案与整份清单相同；git 失败时报告 git 的错误，
 * 不会一直等下去；不留下打开的文件。
 * A hinted listing scanned while git still writes it (GitSource.open through runGitToLiveFile): a
 * real temporary repository whose tree has tens of thousands of entries, answers equal to the whole
 * listing's at any chunk size; git failing is reported (no endless wait); no file is left open.
 */
import { spawnSync } from 'node:child_process';
import { closeSync, existsSync, readdirSync } from 'node:fs';
import { simpleGit } from 'simple-git';
import { beforeAll, describe, expect, it } from 'vitest';
import { GitSource, listingChunk, runGitToLiveFile, searchLimit, searchPatterns, type ListingHint } from '../scripts/core/git.ts';
import { tmpDir } from './helpers.ts';

let dir: string;
let commit: string;
const UNITS = 4000;

/**
 * A repository in a new temporary folder with one commit holding the records `lines(blob)` gives
 * (`git update-index --index-info` lines; every file the one blob "{}"), written straight into the index.
 */
async function repoOf(prefix: string, message: string, lines: (blob: string) => Buffer): Promise<{ dir: string; commit: string }> {
  const d = tmpDir(prefix);
  const g = simpleGit({ baseDir: d });
  await g.init(['-b', 'main']);
  await g.addConfig('user.name', '测试（虚构）').addConfig('user.email', 'test@example.invalid');
  const blob = spawnSync('git', ['hash-object', '-w', '--stdin'], { cwd: d, input: '{}\n', encoding: 'utf8' }).stdout.trim();
  expect(spawnSync('git', ['update-index', '--add', '--index-info'], { cwd: d, input: lines(blob) }).status).toBe(0);
  // the commit made from the index as it is: `git commit` would first look for every one of the
  // tens of thousands of files in the (empty) working folder (~1.7 s, most of it system time)
  const tree = (await g.raw(['write-tree'])).trim();
  const commit = (await g.raw(['commit-tree', tree, '-m', message])).trim();
  await g.raw(['update-ref', 'refs/heads/main', commit]);
  return { dir: d, commit };
}

/** accounts/r<k>/region.json, accounts/r<k>/u<i>/unit.json and 6 account files per unit, all one blob. */
beforeAll(async () => {
  ({ dir, commit } = await repoOf('govmedia-live-', 'many', (blob) => {
    const lines: string[] = [];
    for (let r = 0; r < 40; r++) lines.push(`100644 ${blob}\taccounts/r${r}/region.json`);
    for (let i = 0; i < UNITS; i++) {
      const u = `accounts/r${i % 40}/u${i}`;
      lines.push(`100644 ${blob}\t${u}/unit.json`);
      for (const p of ['weixin', 'weibo', 'douyin', 'kuaishou', 'toutiao', 'bilibili']) lines.push(`100644 ${blob}\t${u}/u${i}-${p}.json`);
    }
    return Buffer.from(lines.join('\n') + '\n');
  }));
}, 120_000);

const fds = (): number => (existsSync('/proc/self/fd') ? readdirSync('/proc/self/fd').length : 0);

describe('GitSource.open: the listing scanned while git writes it', () => {
  it('answers like the whole listing, at any chunk size (records across chunk boundaries)', async () => {
    const hint: ListingHint = { dirs: new Set(['r3/u123', 'r7/u3887']), stems: new Set(['u123-weixin', 'u9-weibo']), paths: new Set(['accounts/r3/u123/u123-weixin.json']) };
    const answers = (s: GitSource): unknown[] => [
      s.listStructure().map((e) => `${e.rel} ${e.type}`),
      ...[...hint.dirs].map((d) => s.listFolders(new Set([d])).map((e) => `${e.rel} ${e.type}`)),
      ...['u123-weixin', 'u9-weibo', 'u3887-douyin'].map((st) => s.pathsWithStem(st)),
      ...['accounts/r3/u123/unit.json', 'accounts/r3/u123/u123-weixin.json', 'accounts/r3/u999/unit.json'].map((p) => s.contentKey(p)),
    ];
    const whole = await GitSource.open(dir, commit);
    const want = answers(whole);
    expect((want[0] as string[]).length).toBe(40 + UNITS);
    const before = listingChunk.bytes;
    const open = fds();
    try {
      for (const bytes of [1 << 20, 4096, 61]) {
        listingChunk.bytes = bytes;
        // the hint known at once: the scan starts while git has written little or nothing
        const live = await GitSource.open(dir, commit, ['accounts'], Promise.resolve(hint));
        expect(answers(live), `${bytes}-byte chunks`).toEqual(want);
        expect(live.hinted).toBe(true);
      }
    } finally {
      listingChunk.bytes = before;
    }
    expect(fds()).toBe(open);
  });

  it('reports git failing instead of waiting for a hint that never comes, and closes the file', async () => {
    const open = fds();
    await expect(GitSource.open(dir, 'f'.repeat(40), ['accounts'], new Promise<never>(() => undefined))).rejects.toThrow(/not a tree object|bad|fatal/i);
    // a hint that fails while git lists: the hint's error once git has ended well
    await expect(GitSource.open(dir, commit, ['accounts'], Promise.reject(new Error('no hint for you')))).rejects.toThrow('no hint for you');
    expect(fds()).toBe(open);
  });

  it('runGitToLiveFile hands the file over at once and gives its final size when git ends', async () => {
    const live = runGitToLiveFile(dir, ['ls-tree', '-r', '-z', '--full-tree', commit, '--', 'accounts'])!;
    expect(live).toBeDefined();
    const size = await live.done;
    const piped = spawnSync('git', ['ls-tree', '-r', '-z', '--full-tree', commit, '--', 'accounts'], { cwd: dir, maxBuffer: 1 << 28 }).stdout;
    expect(size).toBe(piped.length);
    closeSync(live.fd);
  });
});

describe('GitSource.open: wanted records found by searching the bytes, or by visiting every record', () => {
  it('keeps exactly the same (shared starts, one name the start of another, four-byte characters split in the middle, nested folders, a path outside them, a name that is not UTF-8)', async () => {
    const paths: string[] = ['accounts/region.json', 'accounts/四川/region.json', 'accounts/四川/自贡/region.json', 'accounts/other/region.json'];
    const unit = (u: string, names: string[]): void => void paths.push(`${u}/unit.json`, ...names.map((n) => `${u}/${n}.json`));
    unit('accounts/四川/自贡/zg-wjw', ['zg-wjw-weixin', 'zg-wjw-weibo', 'zg-wjw-wei', 'zg-wjw-douyin']);
    unit('accounts/四川/自贡/zg-wjw/inner', ['zg-wjw-weixin']);
    unit('accounts/other/x', ['zg-wjw-weixin', 'zg-wjw-weibo-2', 'zg-wjw-we', '😀😀😀😀a', '😀😀😀😁b']);
    unit('accounts/other/y', ['😀😀😀😀a', '单位甲乙丙丁戊己庚辛-微信', '单位甲乙丙丁戊己庚辛-微博', '😀😀😀😀😀x', '😀😀😀😀😁y']);
    unit('accounts/other/z', ['😀😀😀😀😁y']);
    unit('accounts/四川/自贡/单位α', ['单位甲乙丙丁戊己庚辛-微信', '😀😀😀😁b']);
    for (let i = 0; i < 300; i++) unit(`accounts/other/u${i}`, [`u${i}-weixin`, `u${i}-weibo`]);
    const { dir: d, commit: c } = await repoOf('govmedia-search-', 'odd names', (blob) => {
      const lines = paths.map((p) => Buffer.from(`100644 ${blob}\t${p}\n`));
      // a file name that is not UTF-8 (its decoded name holds U+FFFD)
      lines.push(Buffer.concat([Buffer.from(`100644 ${blob}\taccounts/other/y/bad-`), Buffer.from([0xff, 0xfe]), Buffer.from('.json\n')]));
      return Buffer.concat(lines);
    });
    const hints: ListingHint[] = [
      // one unit folder and its files' names (a one-account PR)
      { dirs: new Set(['四川/自贡/zg-wjw']), stems: new Set(['zg-wjw-weixin', 'zg-wjw-weibo', 'zg-wjw-wei', 'zg-wjw-douyin']), paths: new Set(['accounts/四川/自贡/zg-wjw/zg-wjw-weibo.json']) },
      // four-byte characters whose shared start ends inside one, a Chinese shared start, a path outside the folders
      { dirs: new Set(['other/y']), stems: new Set(['😀😀😀😀a', '😀😀😀😁b', '单位甲乙丙丁戊己庚辛-微信', '单位甲乙丙丁戊己庚辛-微博']), paths: new Set(['accounts/四川/自贡/单位α/😀😀😀😁b.json']) },
      // two names whose shared start ends between the halves of a four-byte character (one of them also in a folder not hinted)
      { dirs: new Set(['other/x']), stems: new Set(['😀😀😀😀😀x', '😀😀😀😀😁y']), paths: new Set() },
      // a folder inside another hinted folder
      { dirs: new Set(['四川/自贡/zg-wjw', '四川/自贡/zg-wjw/inner']), stems: new Set(['zg-wjw-we']), paths: new Set() },
      // a name that is not plain text: every record is visited
      { dirs: new Set(['other/y']), stems: new Set(['bad-\ufffd\ufffd']), paths: new Set() },
    ];
    const asked = ['😀😀😀😀😀x', '😀😀😀😀😁y', 'zg-wjw-weixin', 'zg-wjw-weibo', 'zg-wjw-wei', 'zg-wjw-we', 'zg-wjw-weibo-2', '😀😀😀😀a', '😀😀😀😁b', '单位甲乙丙丁戊己庚辛-微信', '单位甲乙丙丁戊己庚辛-微博', 'bad-\ufffd\ufffd', 'u7-weixin'];
    const answers = (s: GitSource, h: ListingHint): unknown[] => [
      s.listStructure().map((e) => `${e.rel} ${e.type}`),
      ...[...h.dirs].map((x) => s.listFolders(new Set([x])).map((e) => `${e.rel} ${e.type}`)),
      ...asked.map((st) => s.pathsWithStem(st)),
      ...[...h.paths].map((p) => s.contentKey(p)),
    ];
    const before = { chunk: listingChunk.bytes, patterns: searchLimit.patterns };
    try {
      for (const [i, h] of hints.entries()) {
        searchLimit.patterns = before.patterns;
        const dirKeys = new Set([...h.dirs].map((x) => `accounts/${x}`));
        // all but the last are searched for
        expect(searchPatterns(true, h.stems, dirKeys, h.paths) !== undefined, `hint ${i}`).toBe(i < hints.length - 1);
        const whole = answers(await GitSource.open(d, c), h);
        for (const bytes of [1 << 20, 4096, 61]) {
          listingChunk.bytes = bytes;
          searchLimit.patterns = before.patterns;
          const searched = await GitSource.open(d, c, ['accounts'], Promise.resolve(h));
          searchLimit.patterns = -1;
          const visited = await GitSource.open(d, c, ['accounts'], Promise.resolve(h));
          // both kept what the hint asks (the names asked below beyond it then list the commit whole)
          expect(searched.hinted && visited.hinted).toBe(true);
          expect(answers(searched, h), `hint ${i}, ${bytes}-byte chunks, searched`).toEqual(whole);
          expect(answers(visited, h), `hint ${i}, ${bytes}-byte chunks, visited`).toEqual(whole);
        }
      }
    } finally {
      listingChunk.bytes = before.chunk;
      searchLimit.patterns = before.patterns;
    }
  });
});
