/**
 * check-approvals 的 Gitea 与 GitLab 适配：用 127.0.0.1 上的真实 HTTP 服务器回放按两者 API 格式录制的
 * 响应（tests/fixtures/gitea、tests/fixtures/gitlab），经真实的 fetch 读取，不模拟 fetch。
 *
 * check-approvals on Gitea (pull request reviews API) and GitLab (merge request approvals API):
 * recorded responses in each API's shape served by a real HTTP server on 127.0.0.1, read through
 * the real fetch. Also the web-editor links of the filing assistant for each forge.
 */
import { readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { editorLink, parseForgeConfig } from '../scripts/assistant/forge.ts';
import { giteaClient } from '../scripts/approvals/gitea.ts';
import { gitlabClient, reviewsFromGitlab } from '../scripts/approvals/gitlab.ts';
import { cmdCheckApprovals } from '../scripts/commands/check-approvals.ts';
import { captureIo, ENGINE_ROOT } from './helpers.ts';

const FIX = path.join(ENGINE_ROOT, 'tests', 'fixtures');
const RECORD = path.join(FIX, 'github', 'decision-record-42.json');
const TOKEN = 'forge-secret-token-value';

interface Recorded {
  status: number;
  headers: Record<string, string>;
  body: string;
}

let server: Server;
let origin = '';
const seen: { url: string; auth: string | undefined; privateToken: string | undefined }[] = [];

/** Serves /gitea/api/v1/… from tests/fixtures/gitea and /gitlab/api/v4/… from tests/fixtures/gitlab. */
beforeAll(async () => {
  const tables: Record<string, Record<string, Recorded>> = {
    gitea: JSON.parse(readFileSync(path.join(FIX, 'gitea', 'responses.json'), 'utf8')) as Record<string, Recorded>,
    gitlab: JSON.parse(readFileSync(path.join(FIX, 'gitlab', 'responses.json'), 'utf8')) as Record<string, Recorded>,
  };
  server = createServer((req, res) => {
    const url = req.url ?? '';
    seen.push({ url, auth: req.headers.authorization, privateToken: req.headers['private-token'] as string | undefined });
    const m = /^\/(gitea)\/api\/v1(\/.*)$|^\/(gitlab)\/api\/v4(\/.*)$/.exec(url);
    const forge = m?.[1] ?? m?.[3];
    const rest = m?.[2] ?? m?.[4] ?? '';
    const rec = forge ? tables[forge]![rest] : undefined;
    const body = readFileSync(path.join(FIX, forge ?? 'gitea', rec?.body ?? 'error-404.json'));
    res.writeHead(rec?.status ?? 404, { 'content-type': 'application/json;charset=utf-8', ...(rec?.headers ?? {}) });
    res.end(body);
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  await new Promise((r) => server.close(r));
});

async function run(args: string[], env: Record<string, string>): Promise<{ code: number; out: string; err: string }> {
  return captureIo((io) => cmdCheckApprovals(args, io, { env }));
}

describe('Gitea adapter (pull request reviews API)', () => {
  it('reads the pull request, every page of reviews and the teams through /teams/search', async () => {
    const c = giteaClient({ baseUrl: `${origin}/gitea/api/v1`, token: TOKEN });
    const pull = await c.getPull('govmedia-demo', 'register', 42);
    expect(pull).toMatchObject({ ok: true, value: { author: 'zg-wjw-clerk', headSha: 'c0ffee4b2a91d7e3f5a6b8c9d0e1f2a3b4c5d6e7', labels: ['开设备案'], baseRef: 'main' } });
    const revs = await c.listReviews('govmedia-demo', 'register', 42);
    expect(revs.ok && revs.value.map((r) => `${r.user}:${r.state}:${r.commitId?.slice(0, 6)}`)).toEqual(['zg-wjw-zhao:APPROVED:c0ffee', 'zg-bgs-li:CHANGES_REQUESTED:5e6f7a', 'zg-bgs-li:APPROVED:c0ffee']);
    const t = await c.teamsFor(['@govmedia-demo/zg-wjw', '@govmedia-demo/zigong-supervisor', '@someone']);
    expect(t.errors).toEqual([]);
    expect(t.teams).toEqual({ '@govmedia-demo/zg-wjw': ['zg-wjw-clerk', 'zg-wjw-zhao'], '@govmedia-demo/zigong-supervisor': ['zg-bgs-chen', 'zg-bgs-li'] });
    // the token goes in Gitea's Authorization header and nowhere else
    expect(seen.filter((s) => s.url.startsWith('/gitea/')).every((s) => s.auth === `token ${TOKEN}` && !s.url.includes(TOKEN))).toBe(true);
  });

  it('check-approvals --forge gitea: satisfied when each group approved the head commit', async () => {
    const r = await run(['--record', RECORD, '--repo', 'govmedia-demo/register', '--pr', '42', '--forge', 'gitea'], { GITEA_API_URL: `${origin}/gitea/api/v1`, GITEA_TOKEN: TOKEN });
    expect(r.err).toBe('');
    expect(r.code, r.out).toBe(0);
    expect(r.out).toContain('govmedia-demo/register 合并请求 #42');
    expect(r.out).toContain('✔');
    expect(r.out + r.err).not.toContain(TOKEN);
  });

  it('GOVMEDIA_FORGE=gitea with the GITHUB_API_URL Gitea Actions sets: an approval of an older commit does not count', async () => {
    const r = await run(['--record', RECORD, '--repo', 'govmedia-demo/register', '--pr', '43', '--format', 'json'], { GOVMEDIA_FORGE: 'gitea', GITHUB_API_URL: `${origin}/gitea/api/v1`, GITHUB_TOKEN: TOKEN });
    expect(r.code, r.out + r.err).toBe(1);
    const j = JSON.parse(r.out) as { satisfied: boolean; requirements: { met: boolean; staleApprovals: string[] }[] };
    expect(j.satisfied).toBe(false);
    expect(j.requirements.map((x) => x.met)).toEqual([true, false]);
    expect(j.requirements[1]!.staleApprovals).toEqual(['@zg-bgs-li']);
  });

  it('under Gitea Actions (GITEA_ACTIONS=true) the unchanged approvals workflow uses the Gitea adapter', async () => {
    const r = await run(['--record', RECORD, '--repo', 'govmedia-demo/register', '--pr', '42'], { GITEA_ACTIONS: 'true', GITHUB_API_URL: `${origin}/gitea/api/v1`, GITHUB_TOKEN: TOKEN });
    expect(r.code, r.out + r.err).toBe(0);
    // the teams were read through Gitea's /orgs/{org}/teams/search (GitHub's team route does not exist there)
    expect(r.err).toBe('');
  });

  it('a pull request that does not exist: exit 2 with a Chinese message, no stack trace', async () => {
    const r = await run(['--record', RECORD, '--repo', 'govmedia-demo/register', '--pr', '99', '--forge', 'gitea'], { GITEA_API_URL: `${origin}/gitea/api/v1`, GITEA_TOKEN: TOKEN });
    expect(r.code).toBe(2);
    expect(r.err).toContain('无法完成审批检查：读取合并请求 #99失败：未找到（HTTP 404）');
    expect(r.err).not.toMatch(/\n\s+at /);
  });

  it('without an API URL: a usage error that names the variables', async () => {
    const r = await run(['--record', RECORD, '--repo', 'govmedia-demo/register', '--pr', '42', '--forge', 'gitea'], {});
    expect(r.code).toBe(2);
    expect(r.err).toContain('GITEA_API_URL');
  });
});

describe('GitLab adapter (merge request approvals API)', () => {
  it('reads the merge request, its approvals and reviewers, and group members across pages', async () => {
    const c = gitlabClient({ baseUrl: `${origin}/gitlab/api/v4`, token: TOKEN });
    const mr = await c.getPull('govmedia-demo/register', 42);
    expect(mr).toMatchObject({ ok: true, value: { number: 42, author: 'zg-wjw-clerk', headSha: 'c0ffee4b2a91d7e3f5a6b8c9d0e1f2a3b4c5d6e7', labels: ['开设备案'], baseRef: 'main' } });
    const revs = await c.listReviews('govmedia-demo/register', 43);
    expect(revs.ok && revs.value.map((r) => `${r.user}:${r.state}`)).toEqual(['zg-wjw-zhao:APPROVED', 'zg-bgs-li:CHANGES_REQUESTED']);
    const t = await c.teamsFor(['@govmedia-demo/zg-wjw', '@govmedia-demo/zigong-supervisor']);
    expect(t.teams).toEqual({ '@govmedia-demo/zg-wjw': ['zg-wjw-clerk', 'zg-wjw-zhao'], '@govmedia-demo/zigong-supervisor': ['zg-bgs-chen', 'zg-bgs-li'] });
    expect(seen.filter((s) => s.url.startsWith('/gitlab/')).every((s) => s.privateToken === TOKEN && s.auth === undefined)).toBe(true);
  });

  it('check-approvals --forge gitlab: satisfied, with the note that GitLab approvals name no commit', async () => {
    const r = await run(['--record', RECORD, '--repo', 'govmedia-demo/register', '--pr', '42', '--forge', 'gitlab'], { CI_API_V4_URL: `${origin}/gitlab/api/v4`, GITLAB_TOKEN: TOKEN });
    expect(r.code, r.out + r.err).toBe(0);
    expect(r.err).toContain('GitLab 的批准不记录针对哪个提交');
    expect(r.out + r.err).not.toContain(TOKEN);
  });

  it('a change request by a supervisor blocks the group', async () => {
    const r = await run(['--record', RECORD, '--repo', 'govmedia-demo/register', '--pr', '43', '--forge', 'gitlab', '--format', 'json'], { CI_API_V4_URL: `${origin}/gitlab/api/v4`, GITLAB_TOKEN: TOKEN });
    expect(r.code).toBe(1);
    const j = JSON.parse(r.out) as { requirements: { met: boolean; blockedBy: string[] }[] };
    expect(j.requirements[1]).toMatchObject({ met: false, blockedBy: ['@zg-bgs-li'] });
  });

  it('offline: --reviews is the recorded approvals response', async () => {
    const r = await run(['--record', RECORD, '--reviews', path.join(FIX, 'gitlab', 'approvals-42.json'), '--author', 'zg-wjw-clerk', '--teams', path.join(FIX, 'github', 'teams-42.json'), '--forge', 'gitlab'], {});
    expect(r.code, r.out + r.err).toBe(0);
    expect(reviewsFromGitlab(JSON.parse(readFileSync(path.join(FIX, 'gitlab', 'approvals-43.json'), 'utf8')))).toEqual([{ user: 'zg-wjw-zhao', state: 'APPROVED', submittedAt: '' }]);
  });

  it('--repo must be group/project', async () => {
    const r = await run(['--record', RECORD, '--repo', 'register', '--pr', '42', '--forge', 'gitlab'], { CI_API_V4_URL: `${origin}/gitlab/api/v4` });
    expect(r.code).toBe(2);
    expect(r.err).toContain('--repo 应为“群组/项目”');
  });
});

describe("the filing assistant's web-editor links", () => {
  const rel = 'accounts/sichuan/zigong/zg-wjw/zg-wjw-bilibili.json';
  const text = '{\n  "id": "zg-wjw-bilibili"\n}\n';
  it('GitHub, Gitea and GitLab: new file with path and content, existing file opened for editing', () => {
    const gh = parseForgeConfig({ kind: 'github', url: 'https://github.com/', repo: 'govmedia-demo/register', branch: 'main' })!;
    expect(editorLink(gh, rel, text, false).href).toBe(`https://github.com/govmedia-demo/register/new/main?filename=${encodeURIComponent(rel)}&value=${encodeURIComponent(text)}`);
    expect(editorLink(gh, rel, text, true).href).toBe(`https://github.com/govmedia-demo/register/edit/main/${rel}`);
    const gt = parseForgeConfig({ kind: 'gitea', url: 'https://git.example.gov.cn', repo: 'govmedia/register' })!;
    expect(editorLink(gt, rel, text, false).href).toBe(`https://git.example.gov.cn/govmedia/register/_new/main/accounts/sichuan/zigong/zg-wjw/?filename=zg-wjw-bilibili.json&value=${encodeURIComponent(text)}`);
    expect(editorLink(gt, rel, text, true).href).toBe(`https://git.example.gov.cn/govmedia/register/_edit/main/${rel}`);
    const gl = parseForgeConfig({ kind: 'gitlab', url: 'https://gitlab.example.gov.cn', repo: 'gov/media/register', branch: 'main' })!;
    // GitLab's editor ignores a content parameter (gitlab-org/gitlab#594214): the name only, the clerk pastes
    expect(editorLink(gl, rel, text, false)).toEqual({ href: 'https://gitlab.example.gov.cn/gov/media/register/-/new/main/accounts/sichuan/zigong/zg-wjw?file_name=zg-wjw-bilibili.json', prefilled: false, why: 'forge' });
    expect(editorLink(gl, rel, text, true)).toEqual({ href: `https://gitlab.example.gov.cn/gov/media/register/-/edit/main/${rel}`, prefilled: false, why: 'exists' });
  });
  it('a hostile config is refused', () => {
    expect(parseForgeConfig({ kind: 'gitea', url: 'javascript:alert(1)', repo: 'a/b' })).toBeUndefined();
    expect(parseForgeConfig({ kind: 'gitea', url: 'https://x', repo: '../b' })).toBeUndefined();
    expect(parseForgeConfig({ kind: 'svn', url: 'https://x', repo: 'a/b' })).toBeUndefined();
    expect(parseForgeConfig({ kind: 'github', url: 'https://x', repo: 'a/b', branch: 'a b' })).toBeUndefined();
  });
});
