/**
 * 命令提前开始的 Git 工作（startCheck 的 sources）：清单一扫描完就派生头部、预取改动文件夹要读的文件；
 * 用它检查与 checkPr 自己逐步做出的结果完全相同；不在本进程检查时（引擎不同）什么也不做。真实的临时仓库。
 * The git work the command begins early (startCheck's `sources`): the head derived and what the
 * changed folders need fetched as soon as the listing is scanned; a check given them decides
 * exactly as checkPr doing each step itself; when this process will not judge (other engine),
 * nothing is made. Real temporary repositories.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { ObjectReader, resolveCommits, git } from '../scripts/core/git.ts';
import { checkPr, startCheck } from '../scripts/pr/check.ts';
import { ENGINE_ROOT } from './helpers.ts';
import { backToMain, commitAll, makeBaseRepo, startBranch, type Repo } from './pr-harness.ts';

let repo: Repo;

beforeAll(async () => {
  repo = await makeBaseRepo();
  await startBranch(repo, 'early');
  repo.edit('accounts/sichuan/zigong/zg-swjw/zg-swjw-weixin.json', (a) => {
    a.name = `${a.name}（新）`;
  });
  await commitAll(repo, '改名');
  await backToMain(repo);
}, 120_000);

const strip = (r: Awaited<ReturnType<typeof checkPr>>): unknown => ({ ...r, generatedAt: undefined, headRegister: undefined });

describe('startCheck: sources made early', () => {
  it('gives the merge base and the derived head, prefetched, and the check decides exactly as when checkPr makes them', async () => {
    const [base, head] = (await resolveCommits(git(repo.dir), ['main', 'early'])) as [string, string];
    const reader = new ObjectReader(repo.dir);
    try {
      const started = startCheck(repo.dir, base, head, Promise.resolve(true), reader);
      const sources = await started.sources;
      expect(sources).toBeDefined();
      expect(sources!.base.commit).toBe(await started.mergeBase);
      expect(sources!.head.commit).toBe(head);
      expect(sources!.head.hinted).toBe(true);
      // the changed file is readable from the head as it is there
      expect(JSON.parse(sources!.head.read('accounts/sichuan/zigong/zg-swjw/zg-swjw-weixin.json').toString('utf8')).name).toMatch(/（新）$/);
      const opts = { repo: repo.dir, base: 'main', head: 'early', now: '2026-11-20', labels: [], engineRoot: ENGINE_ROOT, engine: { source: 'self' as const } };
      const early = await checkPr({ ...opts, commits: { base, head }, started, reader });
      const own = await checkPr(opts);
      expect(strip(early)).toEqual(strip(own));
      expect(early.changes.map((c) => c.accountId)).toEqual(['zg-swjw-weixin']);
    } finally {
      reader.close();
    }
  });

  it('makes nothing when this process will not judge', async () => {
    const [base, head] = (await resolveCommits(git(repo.dir), ['main', 'early'])) as [string, string];
    const reader = new ObjectReader(repo.dir);
    try {
      const started = startCheck(repo.dir, base, head, Promise.resolve(false), reader);
      expect(await started.sources).toBeUndefined();
      expect(await started.listing).toBeUndefined();
    } finally {
      reader.close();
    }
  });
});
