/**
 * GitSource 在多次按路径查找后对清单建立一次索引：索引前后、各种路径和文件夹的答案必须与 git ls-tree 一致。
 * GitSource indexes its listing once after a number of path lookups: before and after, every
 * answer must agree with `git ls-tree` (a real temporary repository).
 */
import { mkdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { simpleGit } from 'simple-git';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GitSource, ObjectReader, treeDelta } from '../scripts/core/git.ts';
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

describe('GitSource with a hint (check-pr), and the head derived from the merge base and the tree delta', () => {
  let head: string;
  const headSha = new Map<string, string>();
  const changed = ['accounts/a/a-1.json', 'accounts/ab/ab-2.json', 'accounts/zz/unit.json', 'accounts/新/unit.json', 'accounts/新/a-1.json', 'accounts/a/b/c/deep/x.json', 'accounts/a/link.json'];

  beforeAll(async () => {
    // a second commit: a file changed, one deleted, a unit.json changed, a new unit folder with a
    // file whose name (a-1) is already taken elsewhere, a nested folder in a unit, and a symlink
    const g = simpleGit({ baseDir: dir });
    writeFileSync(path.join(dir, 'accounts/a/a-1.json'), JSON.stringify({ changed: true }));
    rmSync(path.join(dir, 'accounts/ab/ab-2.json'));
    writeFileSync(path.join(dir, 'accounts/zz/unit.json'), JSON.stringify({ changed: 'zz' }));
    mkdirSync(path.join(dir, 'accounts/新'), { recursive: true });
    writeFileSync(path.join(dir, 'accounts/新/unit.json'), '{}');
    writeFileSync(path.join(dir, 'accounts/新/a-1.json'), '{"dup":1}');
    mkdirSync(path.join(dir, 'accounts/a/b/c/deep'), { recursive: true });
    writeFileSync(path.join(dir, 'accounts/a/b/c/deep/x.json'), '{}');
    symlinkSync('a-1.json', path.join(dir, 'accounts/a/link.json'));
    await g.add(['-A', '.']);
    await g.commit('change');
    head = (await g.revparse(['HEAD'])).trim();
    const out = await g.raw(['ls-tree', '-r', '-z', '--full-tree', head, '--', 'accounts']);
    for (const rec of out.split('\0').filter(Boolean)) headSha.set(rec.split('\t')[1]!, rec.split('\t')[0]!.split(' ')[2]!);
  });

  /**
   * Every question check-pr and the loader ask, answered by `src`: first those the hint covers
   * (which must not need the whole listing), then the rest.
   */
  const answers = (src: GitSource, hint: { dirs: ReadonlySet<string>; stems: ReadonlySet<string>; paths: ReadonlySet<string> }, present: Iterable<string>, all: Iterable<string>, dirs: string[]): unknown[] => {
    const out: unknown[] = [];
    const paths = [...new Set([...all, 'accounts/a/missing.json', 'accounts/新/none.json', 'accounts/a', 'accounts/a/b/c/deep'])].sort();
    const inDir = (p: string): boolean => [...hint.dirs].some((d) => p.startsWith(`accounts/${d}/`));
    const stemOf = (p: string): string => path.posix.basename(p, '.json');
    // the hint's file names, and those of the files in the hinted folders (at the listed commit)
    const stems = new Set([...hint.stems, ...[...present].filter((p) => inDir(p) && p.endsWith('.json')).map(stemOf), 'unit', 'region']);
    const covered = (p: string): boolean => hint.paths.has(p) || inDir(p) || p.endsWith('/unit.json') || p.endsWith('/region.json') || (p.endsWith('.json') && stems.has(stemOf(p)));
    // a covered path is known present or absent; whether an absent one is a folder is known only inside a hinted folder
    for (const p of paths.filter(covered)) out.push([p, src.contentKey(p), inDir(p) ? src.exists(p) : 'not asked']);
    for (const d of hint.dirs) out.push(['scope', d, src.listForScope(new Set([d])).map((e) => `${e.rel} ${e.type}`)]);
    for (const d of hint.dirs) out.push(['list', d, src.list(`accounts/${d}`).map((e) => `${e.rel} ${e.type}`)]);
    for (const st of [...stems].sort()) out.push(['stem', st, src.pathsWithStem(st)]);
    out.push(['answered from the hint alone', src.hinted]);
    // the rest: every file by path first (a path outside the hint must not be taken for absent), then folders
    for (const p of [...paths.filter((x) => x.endsWith('.json')), ...paths.filter((x) => !x.endsWith('.json'))]) out.push([p, src.contentKey(p)]);
    for (const p of paths) out.push([p, src.exists(p)]);
    for (const d of dirs) out.push(['scope', d, src.listForScope(new Set([d])).map((e) => `${e.rel} ${e.type}`)]);
    for (const d of dirs) out.push(['list', d, src.list(`accounts/${d}`).map((e) => `${e.rel} ${e.type}`)]);
    for (const st of [...new Set(paths.map(stemOf))].sort()) out.push(['stem', st, src.pathsWithStem(st)]);
    return out;
  };

  /** A listing hinted with `hinted` folders (told their names by `reader`) answers like the whole listing, at the base and the head. */
  const expectLikeWhole = async (dirs: string[], hinted: string[], extra: string[], reader?: ObjectReader): Promise<void> => {
    const hint = { dirs: new Set(hinted), stems: new Set([...changed, ...extra].map((p) => path.posix.basename(p, '.json'))), paths: new Set([...changed, ...extra]) };
    for (const [c, known] of [[commit, sha], [head, headSha]] as const) {
      const plain = await GitSource.open(dir, c);
      const kept = await GitSource.open(dir, c, ['accounts'], hint, undefined, reader);
      const all = [...sha.keys(), ...headSha.keys(), ...changed];
      const want = answers(plain, hint, known.keys(), all, dirs).map((x) => (Array.isArray(x) && x[0] === 'answered from the hint alone' ? [x[0], true] : x));
      expect(answers(kept, hint, known.keys(), all, dirs), c).toEqual(want);
      for (const [p, id] of known) expect(kept.contentKey(p)).toBe(id);
    }
  };

  it('a hinted listing answers every question exactly like the whole listing, at the base and the head', async () => {
    const dirs = ['a', 'ab', 'zz', '新', 'a/b/c/deep', 'a/b', 'z 空格', 'none'];
    await fc.assert(
      fc.asyncProperty(fc.subarray(dirs, { minLength: 0 }), fc.subarray([...sha.keys()], { maxLength: 6 }), async (hinted, extra) => {
        await expectLikeWhole(dirs, hinted, extra);
      }),
      { seed: 20261205, numRuns: 25 },
    );
  });

  it('the head derived from the merge base and the tree delta answers like the head listed by git', async () => {
    const delta = await treeDelta(dir, commit, head);
    expect(delta.map((c) => `${c.status} ${c.path}`).sort()).toEqual(['A accounts/a/b/c/deep/x.json', 'A accounts/a/link.json', 'A accounts/新/a-1.json', 'A accounts/新/unit.json', 'D accounts/ab/ab-2.json', 'M accounts/a/a-1.json', 'M accounts/zz/unit.json']);
    const dirs = ['a', 'ab', 'zz', '新', 'a/b/c/deep'];
    const hint = { dirs: new Set(dirs), stems: new Set(changed.map((p) => path.posix.basename(p, '.json'))), paths: new Set(changed) };
    const base = await GitSource.open(dir, commit, ['accounts'], hint);
    const derived = base.derive(head, delta);
    // a symlink stays a symlink; the duplicate file name is found in both folders
    expect(derived.list('accounts/a').find((e) => e.rel === 'accounts/a/link.json')?.type).toBe('symlink');
    expect(derived.pathsWithStem('a-1')).toEqual(['accounts/a/a-1.json', 'accounts/新/a-1.json']);
    const listed = await GitSource.open(dir, head);
    const all = [...sha.keys(), ...headSha.keys(), ...changed];
    const want = answers(listed, hint, sha.keys(), all, dirs).map((x) => (Array.isArray(x) && x[0] === 'answered from the hint alone' ? [x[0], true] : x));
    expect(answers(derived, hint, sha.keys(), all, dirs)).toEqual(want);
    // contents are read at the head: the changed file, not the merge base's
    await GitSource.prefetchScopes([base, derived], new Set(dirs));
    expect(derived.read('accounts/a/a-1.json').toString()).toBe(JSON.stringify({ changed: true }));
    expect(base.read('accounts/a/a-1.json').toString()).toBe(JSON.stringify({ n: 'a', f: 'a-1.json' }));
  });
  it('told the names in the hinted folders by the check\'s object reader (no pass of their own over the listing), a hinted listing still answers exactly like the whole listing', async () => {
    // the folders' trees come through the open cat-file; a folder holding a folder (a/b holds c) gives
    // no names, and the names are then looked for in a second pass as without a reader
    const reader = new ObjectReader(dir);
    try {
      const dirs = ['a', 'ab', 'zz', '新', 'a/b/c/deep', 'a/b', 'z 空格', 'none'];
      await fc.assert(
        fc.asyncProperty(fc.subarray(dirs, { minLength: 1 }), fc.subarray([...sha.keys()], { maxLength: 4 }), async (hinted, extra) => {
          await expectLikeWhole(dirs, hinted, extra, reader);
        }),
        { seed: 20261206, numRuns: 12 },
      );
    } finally {
      reader.close();
    }
  });

  it('a derived head answers the paths it did not change from its merge base, also what the merge base learned after the head was derived', async () => {
    const delta = await treeDelta(dir, commit, head);
    const dirs = ['a', 'ab', 'zz', '新', 'a/b/c/deep'];
    const hint = { dirs: new Set(dirs), stems: new Set(changed.map((p) => path.posix.basename(p, '.json'))), paths: new Set(changed) };
    const base = await GitSource.open(dir, commit, ['accounts'], hint);
    const derived = base.derive(head, delta);
    // the merge base is asked everything first (it lists itself again for what the hint does not cover)
    const all = [...sha.keys(), ...headSha.keys(), ...changed];
    const baseListed = await GitSource.open(dir, commit);
    expect(answers(base, hint, sha.keys(), all, dirs)).toEqual(answers(baseListed, hint, sha.keys(), all, dirs).map((x) => (Array.isArray(x) && x[0] === 'answered from the hint alone' ? [x[0], true] : x)));
    const listed = await GitSource.open(dir, head);
    const want = answers(listed, hint, sha.keys(), all, dirs).map((x) => (Array.isArray(x) && x[0] === 'answered from the hint alone' ? [x[0], true] : x));
    expect(answers(derived, hint, sha.keys(), all, dirs)).toEqual(want);
    // what the head changed is the head's: deleted, changed and added files
    expect(derived.exists('accounts/ab/ab-2.json')).toBe(false);
    expect(base.exists('accounts/ab/ab-2.json')).toBe(true);
    expect(derived.contentKey('accounts/新/a-1.json')).toBe(headSha.get('accounts/新/a-1.json'));
    expect(base.contentKey('accounts/新/a-1.json')).toBeUndefined();
  });

  it('a path changed outside the hint is refused (the head is then listed by git instead)', async () => {
    const delta = await treeDelta(dir, commit, head);
    const base = await GitSource.open(dir, commit, ['accounts'], { dirs: new Set(['a']), stems: new Set(), paths: new Set(['accounts/a/a-1.json']) });
    expect(() => base.derive(head, delta)).toThrow(/outside the hint/);
  });
});
