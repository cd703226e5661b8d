/**
 * 合并基准（scripts/pr/start.ts mergeBaseOf）：头部提交是基准提交的后代时，经已打开的 cat-file 读几个提交
 * 就知道合并基准是基准提交本身，不必启动 git merge-base；其他情况（基准分支已前进、分叉的合并、
 * 浅克隆、grafts）由 git merge-base 回答。每种情况都与 git merge-base 的回答比较（真实的临时仓库）。
 * The merge base (mergeBaseOf): when the head descends from the base, reading a few commits
 * through the open cat-file shows that the merge base is the base itself, with no git merge-base
 * process; anything else (the base moved on, criss-cross merges, a shallow clone, grafts) is
 * answered by git merge-base. Every case is compared with git merge-base on a real repository.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { simpleGit, type SimpleGit } from 'simple-git';
import { beforeAll, describe, expect, it } from 'vitest';
import { git, mergeBase, ObjectReader } from '../scripts/core/git.ts';
import { ANCESTRY_LIMIT, mergeBaseOf } from '../scripts/pr/start.ts';
import { tmpDir } from './helpers.ts';

let dir: string;
let g: SimpleGit;
let n = 0;

async function commit(message: string): Promise<string> {
  // a file of its own per commit: branches merge without conflicts
  const f = `f${n++}.txt`;
  writeFileSync(path.join(dir, f), `${message}\n`);
  await g.add([f]);
  await g.commit(message);
  return (await g.revparse(['HEAD'])).trim();
}

async function gitMergeBase(repo: SimpleGit, a: string, b: string): Promise<string> {
  return (await repo.raw(['merge-base', a, b])).trim();
}

beforeAll(async () => {
  dir = tmpDir('govmedia-mb-');
  g = simpleGit({ baseDir: dir });
  await g.init(['-b', 'main']);
  await g.addConfig('user.name', '测试（虚构）').addConfig('user.email', 'test@example.invalid');
  await commit('root');
  await commit('main 1');
}, 60_000);

describe('mergeBaseOf', () => {
  it('gives what git merge-base gives: a PR one or several commits ahead, with a merge from the base, the base moved on, head = base, a head behind the base', async () => {
    const base0 = await commit('main 2');
    await g.checkout(['-b', 'pr1']);
    const one = await commit('pr1 a');
    await g.checkout(['-b', 'pr3']);
    await commit('pr3 b');
    const three = await commit('pr3 c');
    await g.checkout(['main']);
    const moved = await commit('main 3');
    // a PR that merged the moved-on base into itself, then went on
    await g.checkout(['pr3']);
    await g.merge(['--no-ff', '-m', 'merge main', 'main']);
    const merged = await commit('pr3 d');
    // criss-cross: two branches merging each other
    await g.checkout(['-b', 'x', moved]);
    await commit('x 1');
    await g.checkout(['-b', 'y', moved]);
    await commit('y 1');
    await g.merge(['--no-ff', '-m', 'y takes x', 'x']);
    const y = (await g.revparse(['HEAD'])).trim();
    await g.checkout(['x']);
    await g.merge(['--no-ff', '-m', 'x takes y~1', 'y~1']);
    const x = (await g.revparse(['HEAD'])).trim();
    const reader = new ObjectReader(dir);
    try {
      const cases: [string, string, string][] = [
        ['one commit ahead', base0, one],
        ['three commits ahead', base0, three],
        ['base moved on', moved, one],
        ['merged the base in', moved, merged],
        ['head is the base', moved, moved],
        ['head behind the base', moved, base0],
        ['criss-cross', x, y],
      ];
      for (const [what, b, h] of cases) expect(await mergeBaseOf(dir, b, h, reader), what).toBe(await gitMergeBase(g, b, h));
      // where the base is found by reading the history, it is the base
      expect(await mergeBaseOf(dir, base0, three, reader)).toBe(base0);
      expect(await mergeBaseOf(dir, base0, merged, reader)).toBe(await gitMergeBase(g, base0, merged));
    } finally {
      reader.close();
    }
  });

  it('a base further back than the walk looks: git merge-base answers, the same', async () => {
    await g.checkout(['main']);
    const far = (await g.revparse(['HEAD'])).trim();
    // a chain of empty commits on top of it, written at once
    const stream: string[] = [];
    for (let i = 0; i < ANCESTRY_LIMIT + 5; i++) {
      const msg = `long ${i}`;
      stream.push('commit refs/heads/long', `committer 测试（虚构） <test@example.invalid> ${1_700_000_000 + i} +0000`, `data ${Buffer.byteLength(msg)}`, msg, ...(i === 0 ? [`from ${far}`] : []), '');
    }
    expect(spawnSync('git', ['fast-import', '--quiet'], { cwd: dir, input: stream.join('\n') + '\n' }).status).toBe(0);
    const head = (await g.revparse(['long'])).trim();
    expect((await g.raw(['rev-list', '--count', `${far}..${head}`])).trim()).toBe(String(ANCESTRY_LIMIT + 5));
    const reader = new ObjectReader(dir);
    try {
      expect(await mergeBaseOf(dir, far, head, reader)).toBe(far);
      expect(await mergeBaseOf(dir, far, head, reader)).toBe(await gitMergeBase(g, far, head));
    } finally {
      reader.close();
    }
  }, 60_000);

  it('grafts (parents other than the objects name) and shallow clones are left to git merge-base', async () => {
    await g.checkout(['main']);
    const a = await commit('g a');
    const b = await commit('g b');
    const c = await commit('g c');
    // grafted: c's parent is a, so b is no longer an ancestor of c for git
    mkdirSync(path.join(dir, '.git', 'info'), { recursive: true });
    writeFileSync(path.join(dir, '.git', 'info', 'grafts'), `${c} ${a}\n`);
    const reader = new ObjectReader(dir);
    try {
      const want = await gitMergeBase(g, b, c);
      expect(want).not.toBe(b);
      expect(await mergeBaseOf(dir, b, c, reader)).toBe(want);
    } finally {
      reader.close();
      writeFileSync(path.join(dir, '.git', 'info', 'grafts'), '');
    }
    // a shallow clone holding only the tip: its object names a parent the clone does not have
    const shallow = tmpDir('govmedia-mb-shallow-');
    await simpleGit().clone(`file://${dir}`, shallow, ['--depth', '1', '--branch', 'main']);
    const sg = simpleGit({ baseDir: shallow });
    await sg.raw(['fetch', '--depth', '1', 'origin', `+${b}:refs/heads/b`]);
    const sr = new ObjectReader(shallow);
    try {
      const tip = (await sg.revparse(['HEAD'])).trim();
      expect(tip).toBe(c);
      // as before mergeBaseOf: git merge-base, whose failure (no common commit in the clone) gives the base
      expect(await mergeBaseOf(shallow, b, tip, sr)).toBe(await mergeBase(git(shallow), b, tip));
    } finally {
      sr.close();
    }
  }, 60_000);
});
