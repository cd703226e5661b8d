/**
 * history 与 audit：真实的临时 Git 仓库（simple-git）。
 * - history 跟随账号在单位文件夹之间的迁移，用领域语言说明每次修改；
 * - audit 在数百个提交的历史中找出埋入的违规提交，并按提交当日有效的办法判断。
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { simpleGit } from 'simple-git';
import { beforeAll, describe, expect, it } from 'vitest';
import type { AccountFile } from '../scripts/generated/types.ts';
import { baseKit, cli, tmpDir, writeKit } from './helpers.ts';
import { makeBaseRepo, type Repo } from './pr-harness.ts';

async function commitAt(g: ReturnType<typeof simpleGit>, message: string, date: string): Promise<void> {
  await g.add(['-A']);
  await g.env({ PATH: process.env.PATH ?? '/usr/bin:/bin', HOME: process.env.HOME ?? '/tmp', GIT_AUTHOR_DATE: `${date}T10:00:00+08:00`, GIT_COMMITTER_DATE: `${date}T10:00:00+08:00` }).commit(message);
}

describe('history', () => {
  let repo: Repo;
  beforeAll(async () => {
    repo = await makeBaseRepo();
    const g = repo.git;
    await g.checkout(['-b', 'case']);
    const from = repo.find('dl-tsg-weixin');
    // 1. a non-key change
    repo.edit(from, (a) => void a.events.push({ type: '信息报备', date: '2026-11-02', changes: [{ field: '联系电话', from: '旧号码', to: '新号码' }] }));
    await commitAt(g, '信息报备：大连图书馆 (#41)', '2026-11-02');
    // 2. move to another unit with a change filing
    const to = from.replace('/dl-tsg/', '/dl-wlj/');
    repo.mv(from, to);
    repo.edit(to, (a) => {
      a.hostUnit = 'dl-wlj';
      a.events.push({ type: '变更备案', date: '2026-11-10', reason: '账号划转市文化和旅游局统一运营。', unitDecision: { decision: '同意', date: '2026-11-10', by: '主要负责人' }, changes: [{ field: '主办单位', from: '大连图书馆', to: '大连市文化和旅游局' }] });
    });
    await commitAt(g, 'Merge pull request #42 from dalian/move', '2026-11-10');
    // 3. a rename after the move
    repo.edit(to, (a) => {
      a.events.push({ type: '变更备案', date: '2026-11-16', reason: '统一名称。', unitDecision: { decision: '同意', date: '2026-11-16', by: '主要负责人' }, changes: [{ field: '账号名称', from: a.name, to: '大连文旅' }] });
      a.name = '大连文旅';
    });
    await commitAt(g, '变更备案：更名', '2026-11-16');
  }, 120_000);

  it('follows the file across unit folders and tells what changed in domain words', async () => {
    const r = await cli(['history', 'dl-tsg-weixin', '--repo', repo.dir, '--rev', 'case', '--format', 'json']);
    expect(r.code).toBe(0);
    const h = JSON.parse(r.out) as { paths: string[]; entries: { kind: string; what: { zh: string }; pr?: number; date: string; fromPath?: string }[] };
    expect(h.paths).toHaveLength(2);
    expect(h.entries.map((e) => e.kind)).toEqual(['open', 'non-key-change', 'key-change', 'key-change']);
    expect(h.entries[1]!.pr).toBe(41);
    expect(h.entries[2]!.pr).toBe(42);
    expect(h.entries[2]!.what.zh).toContain('主办单位由“大连图书馆”变更为“大连市文化和旅游局”（文件迁移）');
    expect(h.entries[2]!.fromPath).toContain('/dl-tsg/');
    expect(h.entries[3]!.what.zh).toContain('账号名称由“大连图书馆”变更为“大连文旅”');
    expect(h.entries[3]!.date).toBe('2026-11-16');
  });

  it('reads like a case file in Chinese', async () => {
    const r = await cli(['history', 'dl-tsg-weixin', '--repo', repo.dir, '--rev', 'case']);
    expect(r.out).toContain('账号“大连文旅”（微信公众号，编号 dl-tsg-weixin）的备案档案');
    expect(r.out).toContain('合并请求 #42');
    expect(r.out).toContain('【关键信息变更】');
    expect(r.out).toContain('共 4 次修改。');
  });

  it('unknown accounts and non-repositories are usage errors (exit 2)', async () => {
    expect((await cli(['history', 'no-such-account', '--repo', repo.dir])).code).toBe(2);
    expect((await cli(['history', 'x', '--repo', tmpDir()])).code).toBe(2);
    expect((await cli(['history'])).code).toBe(2);
  });
});

describe('audit', () => {
  it('finds a bad commit hidden in a long history, and passes the clean parts', async () => {
    const k = baseKit();
    const dir = writeKit(k, tmpDir('govmedia-audit-'));
    const g = simpleGit({ baseDir: dir });
    await g.init(['-b', 'main']);
    await g.addConfig('user.name', '审计测试（虚构）');
    await g.addConfig('user.email', 'audit@example.invalid');
    await commitAt(g, '初始登记簿', '2025-06-02');
    const base = (await g.revparse(['HEAD'])).trim();
    const rel = 'accounts/sichuan/zigong/zg-wjw/zg-wjw-weixin.json';
    const file = path.join(dir, rel);
    const day = (i: number): string => new Date(Date.UTC(2025, 5, 3) + i * 86400000).toISOString().slice(0, 10);
    const N = 300;
    const BAD = 173;
    // The 300 commits (one edit of the account each, dated a day apart) go in through one
    // `git fast-import`: the same commits as 300 rounds of `git add` + `git commit`, without
    // starting 600 git processes from the test.
    const a = JSON.parse(readFileSync(file, 'utf8')) as AccountFile;
    const chunks: string[] = [];
    const data = (text: string): string => `data ${Buffer.byteLength(text)}\n${text}\n`;
    for (let i = 0; i < N; i++) {
      if (i === BAD) a.events[1]!.date = '2025-03-10'; // rewrite a past event
      else a.events.push({ type: '密码更换', date: day(i), attestedBy: '分管负责人' });
      const when = `${Date.parse(`${day(i)}T10:00:00+08:00`) / 1000} +0800`;
      chunks.push(
        `commit refs/heads/main\nauthor 审计测试（虚构） <audit@example.invalid> ${when}\ncommitter 审计测试（虚构） <audit@example.invalid> ${when}\n` +
          data(`第 ${i + 1} 次修改`) +
          (i === 0 ? `from ${base}\n` : '') +
          `M 100644 inline ${rel}\n` +
          data(JSON.stringify(a, null, 2) + '\n'),
      );
    }
    const imported = spawnSync('git', ['fast-import', '--quiet'], { cwd: dir, input: chunks.join('') + 'done\n', encoding: 'utf8' });
    expect(imported.status, imported.stderr).toBe(0);
    await g.raw(['reset', '--quiet', '--hard', 'main']);
    const shas = (await g.raw(['rev-list', '--reverse', `${base}..main`])).trim().split('\n');
    expect(shas).toHaveLength(N);
    const badSha = shas[BAD]!;
    expect(JSON.parse(readFileSync(file, 'utf8'))).toEqual(a);
    const r = await cli(['audit', '--repo', dir, '--since', base, '--format', 'json']);
    const res = JSON.parse(r.out) as { commits: number; judged: number; broken: { commit: string; findings: { ruleId: string; line: number }[] }[] };
    expect(res.commits).toBe(N);
    expect(res.judged).toBe(N);
    expect(res.broken.map((b) => b.commit)).toEqual([badSha]);
    expect(res.broken[0]!.findings.map((f) => f.ruleId)).toContain('pr/past-event-changed');
    expect(r.code).toBe(1);
    const clean = await cli(['audit', '--repo', dir, '--since', badSha]);
    expect(clean.code).toBe(0);
    expect(clean.out).toContain('没有发现违反规则的提交');
  }, 300_000);

  it('judges each commit under the policy version in force on its date', async () => {
    const repo = await makeBaseRepo();
    const g = repo.git;
    const base = (await g.revparse(['HEAD'])).trim();
    // 自贡: a pending opening gets certified before the supervising office approved (第七条（五）)
    const f = repo.find('zg-swjw-douyin');
    repo.edit(f, (a) => {
      const approval = a.events.findIndex((e) => e.type === '主管审核');
      const filed = a.events[0]!.date;
      a.events = a.events.slice(0, approval >= 0 ? approval : a.events.length);
      void filed;
    });
    await commitAt(g, '准备：未审核的开设', '2026-11-18');
    const mid = (await g.revparse(['HEAD'])).trim();
    repo.edit(f, (a) => void a.events.push({ type: '平台认证', date: '2026-11-19' }));
    await commitAt(g, '认证（尚未审核同意）', '2026-11-19');
    const r = await cli(['audit', '--repo', repo.dir, '--since', mid, '--format', 'json']);
    const res = JSON.parse(r.out) as { broken: { findings: { ruleId: string }[] }[] };
    expect(res.broken).toHaveLength(1);
    expect(res.broken[0]!.findings.map((x) => x.ruleId)).toContain('zigong-2021-62/certification-after-approval');
    expect(r.code).toBe(1);
    void base;
  }, 120_000);

  // not a Git checkout (e.g. an exported tarball): nothing to audit, and the run says it skipped
  it.skipIf(!existsSync(path.resolve(import.meta.dirname, '..', '.git')))('passes on this repository\'s own main branch (runs in a Git checkout; judged as of today, as the commits are real)', async () => {
    const r = await cli(['audit', '--repo', path.resolve(import.meta.dirname, '..')]);
    expect(r.out).toContain('违反规则的提交：0 个。');
    expect(r.code).toBe(0);
  }, 300_000);
});
