/**
 * 基准分支在合并请求之后又有了提交时，检查以合并基础和合并请求为准：基准分支上新提交的文件（这里是同一单位文件夹中
 * 一个损坏的文件）既不在合并基础中，也不在合并请求中，不得出现在结果里；基准分支就是合并基础时，它作为“已有问题”列出。
 * When the base branch moved on after the pull request branched, the check judges the merge base
 * and the head: a broken file the base branch added afterwards in the folder the pull request
 * touches is in neither, and must not appear. When the base is the merge base, the same file is
 * judged and listed as already there before the pull request.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { backToMain, commitAll, makeBaseRepo, startBranch, type Repo } from './pr-harness.ts';
import { cli } from './helpers.ts';

let repo: Repo;
const account = 'accounts/sichuan/zigong/zg-swjw/zg-swjw-weixin.json';

beforeAll(async () => {
  repo = await makeBaseRepo();
  // the pull request: one account's name changed
  await startBranch(repo, 'pr-behind');
  repo.edit(account, (a) => {
    a.name = `${a.name}（新）`;
  });
  await commitAll(repo, '改名');
  await backToMain(repo);
  // the base branch moves on afterwards: a broken file in the same unit folder
  await startBranch(repo, 'base-ahead');
  repo.write('accounts/sichuan/zigong/zg-swjw/zg-swjw-broken.json', '{ "id": "zg-swjw-broken", ');
  await commitAll(repo, '基准分支上的新提交');
  await backToMain(repo);
}, 120_000);

describe('check-pr judges the merge base, not the base branch that moved on', () => {
  it('a base branch that moved on after the PR: the check judges the merge base and the head, not the base', async () => {
    for (const engine of ['self', 'base']) {
      const r = await cli(['check-pr', '--repo', repo.dir, '--base', 'base-ahead', '--head', 'pr-behind', '--now', '2026-11-20', '--engine', engine, '--format', 'json']);
      const json = JSON.parse(r.out.slice(r.out.search(/^\{/m))) as { mergeBase: string; base: { commit: string }; changes: { accountId?: string }[]; findings: { file: string; ruleId: string }[]; preexisting: { file: string; ruleId: string }[] };
      expect(json.mergeBase).toMatch(/^[0-9a-f]{40}$/);
      expect(json.mergeBase).not.toBe(json.base.commit);
      expect(json.changes.map((c) => c.accountId)).toEqual(['zg-swjw-weixin']);
      // the base branch's broken file is in neither the merge base nor the head
      expect([...json.findings, ...json.preexisting].filter((f) => f.file.includes('zg-swjw-broken'))).toEqual([]);
    }
  });

  it('the same base and head in the usual order (the merge base is the base): the broken file on the base is judged', async () => {
    await startBranch(repo, 'on-ahead');
    await repo.sh.run([['git', 'reset', '-q', '--hard', 'base-ahead']]);
    repo.edit(account, (a) => {
      a.name = `${a.name}（新）`;
    });
    await commitAll(repo, '改名');
    await backToMain(repo);
    const r = await cli(['check-pr', '--repo', repo.dir, '--base', 'base-ahead', '--head', 'on-ahead', '--now', '2026-11-20', '--engine', 'self', '--format', 'json']);
    const json = JSON.parse(r.out.slice(r.out.search(/^\{/m))) as { mergeBase: string; base: { commit: string }; findings: { file: string; ruleId: string; message: string }[]; preexisting: { file: string; ruleId: string; message: string }[] };
    expect(json.mergeBase).toBe(json.base.commit);
    // the broken file is on the base: judged, and reported as already there before the PR
    expect(json.preexisting.filter((f) => f.file === 'accounts/sichuan/zigong/zg-swjw/zg-swjw-broken.json').map((f) => `${f.ruleId}: ${f.message}`)).toEqual(['register/json-syntax: JSON 语法错误：意外的文件结尾（JSON 被截断）']);
  });
});
