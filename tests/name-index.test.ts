/**
 * 账号名称索引（仿冒检查用）：按基准树建立一次并缓存在 .git/govmedia/names/；基准前进后只读改动的文件；
 * 合并请求检查用它查找，而不读整个登记簿。真实的临时 Git 仓库。
 * The account-name index of the impersonation check: built once per base tree and cached in
 * .git/govmedia/names/; after the base moves on only the changed files are read; check-pr looks
 * names up in it instead of reading the register (a real temporary Git repository).
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { simpleGit, type SimpleGit } from 'simple-git';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ObjectReader } from '../scripts/core/git.ts';
import { forgetNameIndexes, nameIndexAt, NameIndexCorrupt, type NameIndexStats } from '../scripts/core/name-index.ts';
import { baseKit, cli, tmpDir, writeKit } from './helpers.ts';

let dir: string;
let g: SimpleGit;
const OPEN = [{ type: '开设备案', date: '2026-11-19', reason: '为拓展政务信息传播渠道，发布本单位政务信息。', unitDecision: { decision: '同意', date: '2026-11-19', by: '主要负责人' } }];

function account(unitPath: string, id: string, name: string, platform = '微信公众号', events: unknown[] = OPEN): string {
  const rel = `accounts/${unitPath}/${id}.json`;
  mkdirSync(path.join(dir, 'accounts', unitPath), { recursive: true });
  writeFileSync(path.join(dir, rel), JSON.stringify({ id, name, platform, events }, null, 2) + '\n');
  return rel;
}

async function commit(msg: string): Promise<string> {
  await g.add('.');
  await g.commit(msg);
  return (await g.revparse(['HEAD'])).trim();
}

const cacheDir = (): string => path.join(dir, '.git', 'govmedia', 'names');

beforeAll(async () => {
  dir = tmpDir('govmedia-names-');
  g = simpleGit({ baseDir: dir });
  await g.init(['-b', 'main']);
  await g.addConfig('user.name', '测试（虚构）');
  await g.addConfig('user.email', 'test@example.invalid');
  await g.addConfig('commit.gpgsign', 'false');
  mkdirSync(path.join(dir, 'accounts'), { recursive: true });
  writeFileSync(path.join(dir, 'accounts', 'region.json'), '{}\n');
});

afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('the name index', () => {
  it('is built once from every account file, then answered from memory, then from the cache file', async () => {
    rmSync(path.join(dir, 'accounts', 'r'), { recursive: true, force: true });
    for (let u = 0; u < 20; u++) {
      mkdirSync(path.join(dir, 'accounts', 'r', `u${u}`), { recursive: true });
      writeFileSync(path.join(dir, 'accounts', 'r', `u${u}`, 'unit.json'), JSON.stringify({ id: `u${u}` }) + '\n');
      for (let a = 0; a < 5; a++) account(`r/u${u}`, `u${u}-a${a}`, `账号${u}-${a}`);
    }
    // a closed account's name is not in use; a broken file is not an account
    account('r/u0', 'u0-closed', '停用的名称', '微信公众号', [...OPEN, { type: '关停备案', date: '2026-11-20', reason: '整合。', unitDecision: { decision: '同意', date: '2026-11-20', by: '主要负责人' } }, { type: '平台注销', date: '2026-11-21' }]);
    writeFileSync(path.join(dir, 'accounts', 'r', 'u1', 'broken.json'), '{ not json');
    const c1 = await commit('register');
    forgetNameIndexes();
    const s: NameIndexStats = { how: 'empty', read: 0 };
    const idx = await nameIndexAt(dir, c1, s);
    const file = path.join(cacheDir(), `${idx.tree}.json`);
    // the cache file it wrote is named (govmedia name-index prints it)
    expect(s).toEqual({ how: 'built', read: 102, file });
    expect(idx.byFile.size).toBe(100);
    expect(idx.lookup('微信公众号', '账号3-4').map((e) => e.id)).toEqual(['u3-a4']);
    expect(idx.lookup('抖音', '账号3-4')).toEqual([]);
    expect(idx.lookup('微信公众号', '停用的名称')).toEqual([]);
    // the look-alike fold: full-width digits and a zero-width space find the same entry
    expect(idx.lookup('微信公众号', '账号３-４\u200b').map((e) => e.id)).toEqual(['u3-a4']);
    expect(readdirSync(cacheDir())).toHaveLength(1);

    const again: NameIndexStats = { how: 'empty', read: 0 };
    expect(await nameIndexAt(dir, c1, again)).toBe(idx);
    expect(again).toEqual({ how: 'memory', read: 0 });

    forgetNameIndexes();
    const cached: NameIndexStats = { how: 'empty', read: 0 };
    const fromFile = await nameIndexAt(dir, c1, cached);
    expect(cached).toEqual({ how: 'cache', read: 0, file });
    expect(fromFile.lookup('微信公众号', '账号３-４\u200b').map((e) => e.id)).toEqual(['u3-a4']);
    expect([...fromFile.byFile.values()].sort((a, b) => a.file.localeCompare(b.file))).toEqual([...idx.byFile.values()].sort((a, b) => a.file.localeCompare(b.file)));
  });

  it('after the base moves on, reads only the changed files (from the cached older index)', async () => {
    const c1 = (await g.revparse(['HEAD'])).trim();
    await nameIndexAt(dir, c1);
    account('r/u5', 'u5-a0', '改过的名称');
    rmSync(path.join(dir, 'accounts', 'r', 'u6', 'u6-a1.json'));
    account('r/u7', 'u7-new', '新开的账号', '抖音');
    const c2 = await commit('three changes');
    forgetNameIndexes();
    const s: NameIndexStats = { how: 'empty', read: 0 };
    const idx = await nameIndexAt(dir, c2, s);
    expect(s).toEqual({ how: 'updated', read: 2, file: path.join(cacheDir(), `${idx.tree}.json`) });
    expect(idx.lookup('微信公众号', '改过的名称').map((e) => e.id)).toEqual(['u5-a0']);
    expect(idx.lookup('微信公众号', '账号5-0')).toEqual([]);
    expect(idx.lookup('微信公众号', '账号6-1')).toEqual([]);
    expect(idx.lookup('抖音', '新开的账号').map((e) => e.file)).toEqual(['accounts/r/u7/u7-new.json']);
    // the same as building it from nothing
    rmSync(cacheDir(), { recursive: true, force: true });
    forgetNameIndexes();
    const fresh: NameIndexStats = { how: 'empty', read: 0 };
    const built = await nameIndexAt(dir, c2, fresh);
    expect(fresh.how).toBe('built');
    const sorted = (m: typeof idx): unknown[] => [...m.byFile.values()].sort((a, b) => a.file.localeCompare(b.file));
    expect(sorted(idx)).toEqual(sorted(built));
  });

  it("built or brought up to date through the check's open cat-file: the same index, read by that reader", async () => {
    const c2 = (await g.revparse(['HEAD'])).trim();
    const c1 = (await g.revparse(['HEAD~1'])).trim();
    const sorted = (m: { byFile: Map<string, unknown> }): unknown[] => [...m.byFile.entries()].sort((a, b) => a[0].localeCompare(b[0]));
    forgetNameIndexes();
    rmSync(cacheDir(), { recursive: true, force: true });
    const own = await nameIndexAt(dir, c2);
    const wantOld = sorted(await nameIndexAt(dir, c1));
    for (const [c, want] of [[c1, wantOld], [c2, sorted(own)]] as const) {
      forgetNameIndexes();
      if (c === c1) rmSync(cacheDir(), { recursive: true, force: true });
      else rmSync(path.join(cacheDir(), `${(await g.revparse([`${c2}:accounts`])).trim()}.json`), { force: true });
      const reader = new ObjectReader(dir);
      try {
        const s: NameIndexStats = { how: 'empty', read: 0 };
        const idx = await nameIndexAt(dir, c, s, reader);
        // c1 from nothing; c2 from c1's cached index and the changed files
        expect(s).toMatchObject(c === c1 ? { how: 'built', read: 102 } : { how: 'updated', read: 2 });
        expect(sorted(idx)).toEqual(want);
      } finally {
        reader.close();
      }
    }
    // the files are read through the reader given, not by processes of their own: a closed one fails the build
    forgetNameIndexes();
    rmSync(cacheDir(), { recursive: true, force: true });
    const closed = new ObjectReader(dir);
    closed.close();
    await expect(nameIndexAt(dir, c2, undefined, closed)).rejects.toThrow('closed');
    // a reader that gives no answer is not taken for "no accounts/" (an empty index): git is asked
    const size = (await nameIndexAt(dir, c2)).size;
    forgetNameIndexes();
    const cs: NameIndexStats = { how: 'empty', read: 0 };
    expect((await nameIndexAt(dir, c2, cs, closed)).size).toBe(size);
    expect(cs.how).toBe('cache');
    expect(size).toBeGreaterThanOrEqual(100);
  });

  it('is found where git keeps it: through the reader in a repository, through git from a linked worktree (whose .git is a file), one cache for both', async () => {
    const c = (await g.revparse(['HEAD'])).trim();
    const tree = (await g.revparse([`${c}:accounts`])).trim();
    forgetNameIndexes();
    rmSync(cacheDir(), { recursive: true, force: true });
    const reader = new ObjectReader(dir);
    const s: NameIndexStats = { how: 'empty', read: 0 };
    try {
      await nameIndexAt(dir, c, s, reader);
    } finally {
      reader.close();
    }
    expect(s.how).toBe('built');
    expect(s.file).toBe(path.join(dir, '.git', 'govmedia', 'names', `${tree}.json`));
    const wt = tmpDir('govmedia-names-wt-');
    rmSync(wt, { recursive: true, force: true });
    await g.raw(['worktree', 'add', '-q', '--detach', wt, c]);
    try {
      expect(readFileSync(path.join(wt, '.git'), 'utf8')).toMatch(/^gitdir: /);
      for (const withReader of [true, false]) {
        forgetNameIndexes();
        const r = withReader ? new ObjectReader(wt) : undefined;
        const ws: NameIndexStats = { how: 'empty', read: 0 };
        try {
          await nameIndexAt(wt, c, ws, r);
        } finally {
          r?.close();
        }
        expect(ws).toMatchObject({ how: 'cache', read: 0, file: s.file });
      }
    } finally {
      await g.raw(['worktree', 'remove', '--force', wt]);
    }
  });

  it('a cached index answers lookups by reading only the block that holds the key, exactly as parsed whole (quotes, backslashes, brackets, look-alikes), and a damaged record is reported by the lookup that meets it', async () => {
    const tricky = ['引号"内"的名称', '反斜杠\\名称', '方括号]名称', '["微信公众号","假', '账号１２３', '账号123\u200b', '😀表情账号', '名称,逗号'];
    tricky.forEach((n, i) => account(`r/u${i}`, `u${i}-t`, n));
    // the same look-alike name on another platform, and one more account of a shared key
    account('r/u0', 'u0-dy', '账号123', '抖音');
    account('r/u1', 'u1-w2', '账号123', '微信公众号', OPEN);
    const c = await commit('tricky names');
    forgetNameIndexes();
    rmSync(cacheDir(), { recursive: true, force: true });
    const built = await nameIndexAt(dir, c);
    const asked: [string, string][] = [...tricky.map((n): [string, string] => ['微信公众号', n]), ['抖音', '账号１２３'], ['微信公众号', '无此名称'], ['新浪微博', '账号123'], ['0', '在每个键之前'], ['龘', '在每个键之后']];
    const want = asked.map(([p, n]) => built.lookup(p, n).map((e) => e.file).sort());
    expect(want.filter((w) => w.length > 0).length).toBeGreaterThanOrEqual(tricky.length - 1);
    expect(want[asked.findIndex(([, n]) => n === '账号１２３')]).toEqual(['accounts/r/u1/u1-w2.json', 'accounts/r/u4/u4-t.json', 'accounts/r/u5/u5-t.json'].sort());
    // read back from the cache file: every lookup reads the blocks of its key, then the file is read whole
    forgetNameIndexes();
    const s: NameIndexStats = { how: 'empty', read: 0 };
    const cached = await nameIndexAt(dir, c, s);
    expect(s.how).toBe('cache');
    const got = [...asked, ...asked, ...asked].map(([p, n]) => cached.lookup(p, n).map((e) => e.file).sort());
    expect(got).toEqual([...want, ...want, ...want]);
    expect([...cached.byFile.keys()].sort()).toEqual([...built.byFile.keys()].sort());

    // a record damaged in the middle of the file, its length unchanged (a file of another length is
    // not used at all: below): the lookup that meets it says so; a key in another block still answers,
    // so a lookup reads its block, not the file
    const file = s.file!;
    const text = readFileSync(file, 'utf8');
    const rec = '"accounts/r/u1/u1-w2.json"';
    expect(text.split(rec)).toHaveLength(2);
    const lines = text.split('\n').slice(2, -1);
    expect(lines.length).toBeGreaterThan(64);
    const block = (i: number): number => Math.floor(i / 64);
    const hit = lines.findIndex((l) => l.includes(rec));
    const other = JSON.parse(lines.find((_, i) => block(i) !== block(hit))!) as string[];
    const otherWant = built.lookup(other[0]!, other[5]!).map((e) => e.file).sort();
    expect(otherWant).toContain(other[2]);
    writeFileSync(file, text.replace(rec, '7'.padEnd(rec.length)));
    forgetNameIndexes();
    const ds: NameIndexStats = { how: 'empty', read: 0 };
    const damaged = await nameIndexAt(dir, c, ds);
    expect(ds.how).toBe('cache');
    expect(damaged.lookup(other[0]!, other[5]!).map((e) => e.file).sort()).toEqual(otherWant);
    expect(() => damaged.lookup('微信公众号', '账号123')).toThrow(NameIndexCorrupt);
    // and again (nothing half-made is kept from the first)
    expect(() => damaged.lookup('微信公众号', '账号123')).toThrow(/账号名称索引的缓存文件已损坏.*请删除 \.git\/govmedia\/names\//);
    // as the older index to bring up to date, a damaged file is passed over (built again instead)
    account('r/u7', 'u7-t2', '再一个名称');
    const c2 = await commit('one more');
    forgetNameIndexes();
    const s2: NameIndexStats = { how: 'empty', read: 0 };
    await nameIndexAt(dir, c2, s2);
    expect(s2.how).toBe('built');
    rmSync(cacheDir(), { recursive: true, force: true });
    forgetNameIndexes();
  });

  it('ignores a cache file that is corrupt or made by another version of the code', async () => {
    const c = (await g.revparse(['HEAD'])).trim();
    const tree = (await g.revparse([`${c}:accounts`])).trim();
    mkdirSync(cacheDir(), { recursive: true });
    writeFileSync(path.join(cacheDir(), `${tree}.json`), JSON.stringify({ format: 2, fingerprint: 'other', tree, entries: [['accounts/x/y/z.json', 'z', 'y', '微信公众号', '假名', '假名']] }));
    forgetNameIndexes();
    const s: NameIndexStats = { how: 'empty', read: 0 };
    const idx = await nameIndexAt(dir, c, s);
    expect(s.how).toBe('built');
    expect(idx.lookup('微信公众号', '假名')).toEqual([]);
    writeFileSync(path.join(cacheDir(), `${tree}.json`), '{ broken');
    forgetNameIndexes();
    const s2: NameIndexStats = { how: 'empty', read: 0 };
    await nameIndexAt(dir, c, s2);
    expect(s2.how).toBe('built');
    // a good one cut short by a byte, or grown by one: its size is not the size its header gives
    const good = readFileSync(path.join(cacheDir(), `${tree}.json`));
    for (const bad of [good.subarray(0, good.length - 1), Buffer.concat([good, Buffer.from('\n')])]) {
      writeFileSync(path.join(cacheDir(), `${tree}.json`), bad);
      forgetNameIndexes();
      const s3: NameIndexStats = { how: 'empty', read: 0 };
      await nameIndexAt(dir, c, s3);
      expect(s3.how).toBe('built');
    }
  });

  it('is empty for a commit without accounts/', async () => {
    const s: NameIndexStats = { how: 'built', read: 1 };
    const first = (await g.raw(['rev-list', '--max-parents=0', 'HEAD'])).trim();
    await g.raw(['checkout', '-q', '--orphan', 'empty']);
    await g.raw(['rm', '-rq', '--cached', '.']);
    writeFileSync(path.join(dir, 'README'), 'x\n');
    await g.raw(['add', 'README']);
    await g.commit('no register');
    const c = (await g.revparse(['HEAD'])).trim();
    await g.raw(['checkout', '-q', '-f', 'main']);
    expect(first).not.toBe(c);
    const idx = await nameIndexAt(dir, c, s);
    expect(s).toEqual({ how: 'empty', read: 0 });
    expect(idx.byFile.size).toBe(0);
    expect(existsSync(dir)).toBe(true);
    // the same through a reader (the tree asked of the reader, not of git), also where accounts is a file
    const git = (args: string[], input?: string): string => execFileSync('git', args, { cwd: dir, input }).toString().trim();
    const blob = git(['hash-object', '-w', '--stdin'], 'x\n');
    const fileCommit = git(['commit-tree', git(['mktree'], `100644 blob ${blob}\taccounts\n`), '-m', 'accounts is a file']);
    const reader = new ObjectReader(dir);
    try {
      for (const commit of [c, fileCommit]) {
        const rs: NameIndexStats = { how: 'built', read: 1 };
        expect((await nameIndexAt(dir, commit, rs, reader)).size).toBe(0);
        expect(rs).toEqual({ how: 'empty', read: 0 });
      }
    } finally {
      reader.close();
    }
  });
});

/** A new repository in `d` whose main branch holds `kit`, in one commit. */
async function commitKit(d: string, kit: ReturnType<typeof baseKit>): Promise<SimpleGit> {
  writeKit(kit, d);
  const rg = simpleGit({ baseDir: d });
  await rg.init(['-b', 'main']);
  await rg.addConfig('user.name', '测试（虚构）');
  await rg.addConfig('user.email', 'test@example.invalid');
  await rg.addConfig('commit.gpgsign', 'false');
  await rg.add('.');
  await rg.commit('register');
  return rg;
}

describe('check-pr looks names up in the base index', () => {
  it('finds the impersonation of an account outside the touched folder, from the cached index', async () => {
    const repo = tmpDir('govmedia-names-pr-');
    try {
      const k = baseKit();
      k.unit('sichuan/zigong', { id: 'zg-cdc', name: '自贡市疾病预防控制中心', kind: '政府部门' });
      const rg = await commitKit(repo, k);
      await rg.raw(['checkout', '-q', '-b', 'pr']);
      const k2 = baseKit();
      k2.unit('sichuan/zigong', { id: 'zg-cdc', name: '自贡市疾病预防控制中心', kind: '政府部门' });
      k2.account('zg-cdc', { id: 'zg-cdc-weixin', name: '健康自贡', platform: '微信公众号' });
      const rel = k2.accountPath('zg-cdc-weixin');
      writeFileSync(path.join(repo, 'accounts', rel), JSON.stringify(k2.files.get(rel), null, 2) + '\n');
      await rg.add('.');
      await rg.commit('an account named like another unit’s');
      await rg.raw(['checkout', '-q', '-f', 'main']);
      const args = ['check-pr', '--repo', repo, '--base', 'main', '--head', 'pr', '--engine', 'self', '--now', '2026-11-20', '--format', 'json'];
      const hitsOf = (out: string): { ruleId: string; file: string; message: string }[] => (JSON.parse(out.slice(out.search(/^\{/m))) as { findings: { ruleId: string; file: string; message: string }[] }).findings.filter((f) => f.ruleId === 'register/impersonation');
      forgetNameIndexes();
      const first = hitsOf((await cli(args)).out);
      expect(first.map((f) => f.file)).toEqual(['accounts/sichuan/zigong/zg-cdc/zg-cdc-weixin.json']);
      expect(first[0]!.message).toContain('与单位 zg-wjw 在微信公众号上的账号 zg-wjw-weixin 完全相同');
      expect(readdirSync(path.join(repo, '.git', 'govmedia', 'names'))).toHaveLength(1);
      // a second check (a new process would find the cache file) gives the same findings
      forgetNameIndexes();
      const s: NameIndexStats = { how: 'empty', read: 0 };
      await nameIndexAt(repo, (await rg.revparse(['main'])).trim(), s);
      expect(s).toMatchObject({ how: 'cache', read: 0 });
      expect(hitsOf((await cli(args)).out)).toEqual(first);
    } finally {
      rmSync(repo, { recursive: true, force: true });
    }
  });
});

/**
 * `govmedia name-index` and the hand-over the workflows make: post-merge builds the index of main
 * and saves .git/govmedia/names/ to the CI cache; a PR check on a fresh clone restores it (here: a
 * copy of that folder) and uses it, or brings it up to date when main has moved on since.
 */
describe('govmedia name-index', () => {
  const made: string[] = [];
  afterAll(() => made.forEach((d) => rmSync(d, { recursive: true, force: true })));

  /** A repository (main = the fixture kit) in a new folder named `name` under a temporary folder. */
  async function register(name = 'repo', kit = baseKit()): Promise<{ dir: string; g: SimpleGit }> {
    const parent = tmpDir('govmedia-names-cmd-');
    made.push(parent);
    const d = path.join(parent, name);
    mkdirSync(d);
    return { dir: d, g: await commitKit(d, kit) };
  }
  const namesDir = (d: string): string => path.join(d, '.git', 'govmedia', 'names');
  /** Into the work tree of `d`: a new unit opening a WeChat account named like zg-wjw's (健康自贡). */
  function openLookAlike(d: string): void {
    const k = baseKit();
    k.unit('sichuan/zigong', { id: 'zg-cdc', name: '自贡市疾病预防控制中心', kind: '政府部门' });
    k.account('zg-cdc', { id: 'zg-cdc-weixin', name: '健康自贡', platform: '微信公众号' });
    for (const rel of [`${k.unitPath('zg-cdc')}/unit.json`, k.accountPath('zg-cdc-weixin')]) {
      mkdirSync(path.dirname(path.join(d, 'accounts', rel)), { recursive: true });
      writeFileSync(path.join(d, 'accounts', rel), JSON.stringify(k.files.get(rel), null, 2) + '\n');
    }
  }
  const treeOf = async (rg: SimpleGit, rev: string): Promise<string> => (await rg.revparse([`${rev}:accounts`])).trim();

  it('builds the index of a commit, then finds it cached, then brings it up to date from the older one (Chinese; English with --lang en)', async () => {
    const { dir: d, g: rg } = await register();
    const head = (await rg.revparse(['HEAD'])).trim();
    forgetNameIndexes();
    const built = await cli(['name-index', '--repo', d]);
    expect(built.code, built.err).toBe(0);
    const file = path.join(namesDir(d), `${await treeOf(rg, 'HEAD')}.json`);
    expect(existsSync(file)).toBe(true);
    expect(built.out).toMatch(new RegExp(`^账号名称索引：提交 ${head.slice(0, 12)}，在用名称 \\d+ 个；从头建立，读取 \\d+ 个账号文件。索引文件：.*names/[0-9a-f]{40}\\.json\\n$`));
    forgetNameIndexes();
    const again = await cli(['name-index', '--repo', d, '--rev', 'main', '--lang', 'en']);
    expect(again.out).toMatch(/^Account-name index: commit [0-9a-f]{12}, \d+ names in use; already cached, no account file read\. Index file: .*\.json\n$/);
    // main moves on by one renamed account: only that file is read
    const rel = readdirSync(path.join(d, 'accounts'), { recursive: true }).map(String).find((f) => f.endsWith('-weixin.json'))!;
    const acc = JSON.parse((await import('node:fs')).readFileSync(path.join(d, 'accounts', rel), 'utf8')) as { name: string };
    writeFileSync(path.join(d, 'accounts', rel), JSON.stringify({ ...acc, name: `${acc.name}（新）` }, null, 2) + '\n');
    await rg.add('.');
    await rg.commit('rename');
    forgetNameIndexes();
    const updated = await cli(['name-index', '--repo', d]);
    expect(updated.out).toContain('；由较早的索引更新，读取 1 个改动的账号文件。索引文件：');
    expect(readdirSync(namesDir(d)).sort()).toEqual([`${await treeOf(rg, 'HEAD~1')}.json`, `${await treeOf(rg, 'HEAD')}.json`].sort());
  });

  it('a PR check on a fresh clone uses the index restored from the cache, or brings it up to date when main moved on', async () => {
    const kit = baseKit();
    kit.account('zg-bgs', { id: 'zg-bgs-weibo', name: '自贡发布', platform: '新浪微博' });
    const origin = await register('repo', kit);
    forgetNameIndexes();
    expect((await cli(['name-index', '--repo', origin.dir])).code).toBe(0);
    // "the CI cache": the folder post-merge saved
    const saved = tmpDir('govmedia-names-cache-');
    made.push(saved);
    (await import('node:fs')).cpSync(namesDir(origin.dir), saved, { recursive: true });
    const savedFile = readdirSync(saved)[0]!;
    // a fresh clone with a PR that opens an account named like another unit's
    const parent = tmpDir('govmedia-names-clone-');
    made.push(parent);
    const clone = path.join(parent, 'c');
    await simpleGit().clone(origin.dir, clone, ['--quiet']);
    const cg = simpleGit({ baseDir: clone });
    await cg.addConfig('user.name', '测试（虚构）');
    await cg.addConfig('user.email', 'test@example.invalid');
    await cg.raw(['checkout', '-q', '-b', 'pr']);
    openLookAlike(clone);
    await cg.add('.');
    await cg.commit('open an account');
    // restore the cache (actions/cache/restore), then check
    mkdirSync(namesDir(clone), { recursive: true });
    (await import('node:fs')).cpSync(saved, namesDir(clone), { recursive: true });
    const before = (await import('node:fs')).statSync(path.join(namesDir(clone), savedFile)).mtimeMs;
    forgetNameIndexes();
    const args = ['check-pr', '--repo', clone, '--base', 'main', '--head', 'pr', '--engine', 'self', '--now', '2026-11-20', '--format', 'json'];
    const r = await cli(args);
    const hits = (JSON.parse(r.out.slice(r.out.search(/^\{/m))) as { findings: { ruleId: string; file: string }[] }).findings.filter((f) => f.ruleId === 'register/impersonation');
    expect(hits.map((f) => f.file)).toEqual(['accounts/sichuan/zigong/zg-cdc/zg-cdc-weixin.json']);
    // the restored index was used as it was: nothing rebuilt, nothing added
    expect(readdirSync(namesDir(clone))).toEqual([savedFile]);
    expect((await import('node:fs')).statSync(path.join(namesDir(clone), savedFile)).mtimeMs).toBe(before);
    const s: NameIndexStats = { how: 'empty', read: 0 };
    forgetNameIndexes();
    await nameIndexAt(clone, 'main', s);
    expect(s).toMatchObject({ how: 'cache', read: 0 });

    // main moved on after the cache was saved (one more commit): the check brings the restored index up to date
    await cg.raw(['checkout', '-q', 'main']);
    const some = kit.accountPath('zg-bgs-weibo');
    const doc = JSON.parse((await import('node:fs')).readFileSync(path.join(clone, 'accounts', some), 'utf8')) as { name: string };
    writeFileSync(path.join(clone, 'accounts', some), JSON.stringify({ ...doc, name: `${doc.name}（更名）` }, null, 2) + '\n');
    await cg.add('.');
    await cg.commit('main moves on');
    await cg.raw(['checkout', '-q', 'pr']);
    await cg.raw(['rebase', '-q', 'main']);
    rmSync(namesDir(clone), { recursive: true, force: true });
    mkdirSync(namesDir(clone), { recursive: true });
    (await import('node:fs')).cpSync(saved, namesDir(clone), { recursive: true });
    forgetNameIndexes();
    const moved = await cli(args);
    expect(moved.out).toContain('"register/impersonation"');
    const s2: NameIndexStats = { how: 'empty', read: 0 };
    forgetNameIndexes();
    await nameIndexAt(clone, 'main', s2);
    expect(s2).toMatchObject({ how: 'cache', read: 0 });
    expect(readdirSync(namesDir(clone)).sort()).toEqual([savedFile, `${await treeOf(cg, 'main')}.json`].sort());
  });

  it('a PR check that meets a damaged record of the cached index stops with exit 2 and says which file to remove (no stack trace)', async () => {
    const { dir: d, g: rg } = await register();
    forgetNameIndexes();
    expect((await cli(['name-index', '--repo', d])).code).toBe(0);
    const [cacheFile] = readdirSync(namesDir(d)).map((n) => path.join(namesDir(d), n));
    const text = readFileSync(cacheFile!, 'utf8');
    const rec = '"accounts/sichuan/zigong/zg-wjw/zg-wjw-weixin.json"';
    expect(text).toContain(rec);
    writeFileSync(cacheFile!, text.replace(rec, 'null'.padEnd(rec.length)));
    await rg.raw(['checkout', '-q', '-b', 'pr']);
    openLookAlike(d);
    await rg.add('.');
    await rg.commit('open an account named like another unit’s');
    forgetNameIndexes();
    const r = await cli(['check-pr', '--repo', d, '--base', 'main', '--head', 'pr', '--engine', 'self', '--now', '2026-11-20']);
    expect(r.code).toBe(2);
    expect(r.err).toContain('账号名称索引的缓存文件已损坏');
    expect(r.err).toContain('请删除 .git/govmedia/names/ 后重新检查');
    expect(r.err).not.toContain('内部错误');
    expect(r.err).not.toMatch(/\n\s+at /);
    // removed as it says: the check builds the index again and reports the look-alike
    rmSync(namesDir(d), { recursive: true, force: true });
    forgetNameIndexes();
    const again = await cli(['check-pr', '--repo', d, '--base', 'main', '--head', 'pr', '--engine', 'self', '--now', '2026-11-20']);
    expect(again.code).toBe(1);
    expect(again.out).toContain('register/impersonation');
  });

  it('usage errors: no such commit, not a Git repository, a --rev that looks like an option (exit 2, Chinese, no stack trace)', async () => {
    const { dir: d } = await register();
    for (const [args, want] of [
      [['--repo', d, '--rev', 'no-such-branch'], '找不到提交“no-such-branch”'],
      [['--repo', path.dirname(d)], '不是 Git 仓库'],
      [['--repo', d, '--rev=--output=x'], '--rev 须为提交或分支名'],
    ] as const) {
      const r = await cli(['name-index', ...args]);
      expect(r.code, args.join(' ')).toBe(2);
      expect(r.err).toContain(want);
      expect(r.err).not.toMatch(/\n\s+at /);
      expect(r.out).toBe('');
    }
  });

  it('a hostile folder name cannot become a workflow command in the job log', async () => {
    const { dir: d } = await register('x\n::error::forged\n##[warning]forged');
    const r = await cli(['name-index', '--repo', d]);
    expect(r.code, r.err).toBe(0);
    for (const line of r.out.split('\n')) {
      expect(line.trimStart().startsWith('::'), line).toBe(false);
      expect(line).not.toContain('##[');
    }
    expect(r.out.split('\n').filter(Boolean)).toHaveLength(1);
    expect(r.out).toContain('x\\n::error::forged');
  });
});
