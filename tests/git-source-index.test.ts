/**
 * GitSource 在多次按路径查找后对清单建立一次索引：索引前后、各种路径和文件夹的答案必须与 git ls-tree 一致。
 * GitSource indexes its listing once after a number of path lookups: before and after, every
 * answer must agree with `git ls-tree` (a real temporary repository).
 */
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { simpleGit } from 'simple-git';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GitSource } from '../scripts/core/git.ts';
import { tmpDir } from './helpers.ts';

let dir: string;
let commit: string;
const sha = new Map<string, string>();
const folders = new Map<string, string[]>();

beforeAll(async () => {
  dir = tmpDir('govmedia-gitindex-');
  const g = simpleGit({ baseDir: dir });
  await g.init();
  await g.addConfig('user.name', '测试（虚构）');
  await g.addConfig('user.email', 'test@example.invalid');
  // Folder names that share prefixes (a, ab, a-b) and nested folders, so a text search that
  // matched too much or too little would show.
  const names = ['a', 'ab', 'a-b', 'a/b', 'a/b/c', 'zz', 'z 空格', '单位'];
  for (const n of names) {
    mkdirSync(path.join(dir, 'accounts', n), { recursive: true });
    for (const f of ['unit.json', `${n.replace(/\W/g, 'x')}-1.json`, `${n.replace(/\W/g, 'x')}-2.json`]) writeFileSync(path.join(dir, 'accounts', n, f), JSON.stringify({ n, f }));
  }
  await g.add('.');
  await g.commit('register');
  commit = (await g.revparse(['HEAD'])).trim();
  const out = await g.raw(['ls-tree', '-r', '-z', '--full-tree', commit, '--', 'accounts']);
  for (const rec of out.split('\0').filter(Boolean)) {
    const [meta, p] = rec.split('\t') as [string, string];
    sha.set(p, meta.split(' ')[2]!);
    const folder = p.slice(0, p.lastIndexOf('/'));
    folders.set(folder, [...(folders.get(folder) ?? []), p]);
  }
});

afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('GitSource lookups, before and after the listing is indexed', () => {
  it('answer like git ls-tree for every path, folder and absent path, in any order', async () => {
    const paths = [...sha.keys()];
    const asked = fc.constantFrom(...paths, 'accounts/a/missing.json', 'accounts/a', 'accounts/ab/unit', 'accounts/a/b/c/unit.json/x');
    await fc.assert(
      fc.asyncProperty(fc.array(asked, { minLength: 1, maxLength: 60 }), async (order) => {
        const src = await GitSource.open(dir, commit);
        for (const p of order) expect(src.contentKey(p), p).toBe(sha.get(p));
        for (const [folder, files] of folders) {
          const unitDir = folder.slice('accounts/'.length);
          const listed = src.listForScope(new Set([unitDir])).filter((e) => e.rel.startsWith(folder + '/') && !e.rel.slice(folder.length + 1).includes('/') && !e.rel.endsWith('/unit.json'));
          expect(listed.map((e) => e.rel).sort(), folder).toEqual(files.filter((f) => !f.endsWith('/unit.json')).sort());
        }
      }),
      { seed: 20261205, numRuns: 40 },
    );
  });
});

describe('GitSource.list(prefix) from the sorted listing', () => {
  it('lists exactly what a scan of git ls-tree under the prefix finds (prefixes sharing a start: a, a-b, ab)', async () => {
    const src = await GitSource.open(dir, commit);
    for (const folder of [...folders.keys(), 'accounts', 'accounts/a/b', 'accounts/none']) {
      const p = folder + '/';
      const files = [...sha.keys()].filter((x) => x.startsWith(p)).sort();
      const dirs = new Set<string>();
      for (const f of files) {
        const parts = f.slice(p.length).split('/');
        for (let i = 1; i < parts.length; i++) dirs.add(p + parts.slice(0, i).join('/'));
      }
      const listed = src.list(folder);
      expect(listed.filter((e) => e.type === 'file').map((e) => e.rel), folder).toEqual(files);
      expect(listed.filter((e) => e.type === 'dir').map((e) => e.rel).sort(), folder).toEqual([...dirs].sort());
    }
  });
});

describe('GitSource.pathsWithStem, before and after the file names are indexed', () => {
  it('answers like a scan of git ls-tree for every stem, the first few and the rest', async () => {
    const src = await GitSource.open(dir, commit);
    const stems = [...new Set([...sha.keys()].map((p) => path.posix.basename(p, '.json')))].sort();
    const asked = [...stems, ...Array.from({ length: 20 }, (_, i) => `absent-${i}`), ...stems];
    expect(asked.length).toBeGreaterThan(16);
    for (const stem of asked) {
      const want = stem === 'unit' || stem === 'region' ? [] : [...sha.keys()].filter((p) => p.endsWith(`/${stem}.json`)).sort();
      expect(src.pathsWithStem(stem), stem).toEqual(want);
    }
  });
});
