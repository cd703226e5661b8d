/**
 * 审批检查：纯裁决函数的情形表、基于录制的 GitHub API 响应的适配层、离线与在线方式的命令行。
 * Approvals: the pure decision on a table of situations, the GitHub adapter against recorded
 * API responses (tests/fixtures/github/) served by an injected fetch, and the CLI.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { decideApprovals, type Review } from '../scripts/approvals/decide.ts';
import { clientFromEnv, githubClient, reviewsFromApi, pullFromApi, type FetchLike, type FetchResponse } from '../scripts/approvals/github.ts';
import { cmdCheckApprovals } from '../scripts/commands/check-approvals.ts';
import type { ApprovalRequirement } from '../scripts/pr/types.ts';
import { captureIo, ENGINE_ROOT, tmpDir } from './helpers.ts';

const FIX = path.join(ENGINE_ROOT, 'tests', 'fixtures', 'github');
const HEAD = 'c0ffee4b2a91d7e3f5a6b8c9d0e1f2a3b4c5d6e7';
const OLD = '6f1c2d9e4b7a8c3f0e5d1a2b9c8d7e6f5a4b3c2d';

const UNIT: ApprovalRequirement = { role: { zh: '主办单位“自贡市卫生健康委员会”', en: 'host unit "自贡市卫生健康委员会"' }, reviewers: ['@govmedia-demo/zg-wjw'], because: ['开设账号“健康自贡”'] };
const SUPERVISOR: ApprovalRequirement = { role: { zh: '主管单位“自贡市人民政府办公室”', en: 'supervising office "自贡市人民政府办公室"' }, reviewers: ['@govmedia-demo/zigong-supervisor'], because: ['开设账号“健康自贡”'] };
const MAINTAINERS: ApprovalRequirement = { role: { zh: '本库维护者', en: 'the maintainers' }, reviewers: ['@Maint-Zhou', '@govmedia-demo/maintainers'], because: ['修改 policies/'] };
const TEAMS = {
  '@govmedia-demo/zg-wjw': ['zg-wjw-wang', 'zg-wjw-zhao'],
  '@govmedia-demo/zigong-supervisor': ['zg-bgs-li', 'zg-bgs-chen'],
};

let minute = 0;
function rv(user: string, state: Review['state'], commitId = HEAD): Review {
  minute++;
  return { user, state, submittedAt: `2026-11-02T${String(8 + Math.floor(minute / 60)).padStart(2, '0')}:${String(minute % 60).padStart(2, '0')}:00Z`, commitId };
}

interface Situation {
  name: string;
  requirements: ApprovalRequirement[];
  reviews: Review[];
  author?: string;
  teams?: Record<string, string[]>;
  headSha?: string;
  satisfied: boolean;
  met: boolean[];
  approvedBy?: string[][];
  blockedBy?: string[][];
  zhIncludes?: string[];
}

const situations: Situation[] = [
  { name: 'approved by a team member', requirements: [SUPERVISOR], reviews: [rv('zg-bgs-li', 'APPROVED')], satisfied: true, met: [true], approvedBy: [['@zg-bgs-li']], zhIncludes: ['主管单位“自贡市人民政府办公室”：已由 @zg-bgs-li 批准'] },
  { name: 'approved by a directly listed user', requirements: [MAINTAINERS], reviews: [rv('maint-zhou', 'APPROVED')], teams: {}, satisfied: true, met: [true], approvedBy: [['@maint-zhou']] },
  { name: "the author's own approval is ignored", requirements: [UNIT], reviews: [rv('zg-wjw-wang', 'APPROVED')], author: 'ZG-WJW-Wang', satisfied: false, met: [false], approvedBy: [[]], zhIncludes: ['尚待 @govmedia-demo/zg-wjw 中任一人批准', '作者 @ZG-WJW-Wang 本人的批准不计入'] },
  { name: 'approval then changes requested', requirements: [SUPERVISOR], reviews: [rv('zg-bgs-li', 'APPROVED'), rv('zg-bgs-li', 'CHANGES_REQUESTED')], satisfied: false, met: [false], approvedBy: [[]], blockedBy: [['@zg-bgs-li']], zhIncludes: ['@zg-bgs-li 要求修改'] },
  { name: 'changes requested then approval', requirements: [SUPERVISOR], reviews: [rv('zg-bgs-li', 'CHANGES_REQUESTED'), rv('zg-bgs-li', 'APPROVED')], satisfied: true, met: [true], blockedBy: [[]] },
  { name: 'approval then dismissed', requirements: [SUPERVISOR], reviews: [rv('zg-bgs-li', 'APPROVED'), rv('zg-bgs-li', 'DISMISSED')], satisfied: false, met: [false], approvedBy: [[]], zhIncludes: ['尚待 @govmedia-demo/zigong-supervisor 中任一人批准'] },
  { name: 'a later comment or pending review does not cancel an approval', requirements: [SUPERVISOR], reviews: [rv('zg-bgs-li', 'APPROVED'), rv('zg-bgs-li', 'COMMENTED'), { user: 'zg-bgs-li', state: 'PENDING', submittedAt: '' }], satisfied: true, met: [true] },
  {
    name: 'two groups, one missing',
    requirements: [UNIT, SUPERVISOR],
    reviews: [rv('zg-wjw-zhao', 'APPROVED'), rv('zg-wjw-clerk', 'COMMENTED')],
    satisfied: false,
    met: [true, false],
    zhIncludes: ['主办单位“自贡市卫生健康委员会”：已由 @zg-wjw-zhao 批准', '主管单位“自贡市人民政府办公室”：尚待 @govmedia-demo/zigong-supervisor 中任一人批准', '结论：尚缺 1 项审批（共 2 项），暂不能合并'],
  },
  { name: 'both groups approved', requirements: [UNIT, SUPERVISOR], reviews: [rv('zg-wjw-zhao', 'APPROVED'), rv('zg-bgs-chen', 'APPROVED')], satisfied: true, met: [true, true], zhIncludes: ['结论：2 项审批均已满足'] },
  {
    name: 'case-insensitive handles and team names, with or without @',
    requirements: [{ ...SUPERVISOR, reviewers: ['@GovMedia-Demo/ZiGong-Supervisor', 'Maint-Zhou'] }],
    reviews: [rv('ZG-BGS-LI', 'APPROVED')],
    teams: { 'govmedia-demo/zigong-supervisor': ['Zg-Bgs-Li'] },
    satisfied: true,
    met: [true],
    approvedBy: [['@ZG-BGS-LI']],
  },
  { name: 'a direct user listed with different case', requirements: [MAINTAINERS], reviews: [rv('@MAINT-zhou', 'APPROVED')], teams: {}, satisfied: true, met: [true] },
  {
    name: "a group member's outstanding change request blocks the group despite another approval",
    requirements: [SUPERVISOR],
    reviews: [rv('zg-bgs-chen', 'CHANGES_REQUESTED'), rv('zg-bgs-li', 'APPROVED')],
    satisfied: false,
    met: [false],
    approvedBy: [['@zg-bgs-li']],
    blockedBy: [['@zg-bgs-chen']],
  },
  { name: 'a change request from outside the group does not block it', requirements: [SUPERVISOR], reviews: [rv('reader-sun', 'CHANGES_REQUESTED'), rv('zg-bgs-li', 'APPROVED')], satisfied: true, met: [true] },
  { name: 'an approval by someone outside the group does not count', requirements: [SUPERVISOR], reviews: [rv('zg-wjw-wang', 'APPROVED')], satisfied: false, met: [false] },
  { name: 'a team whose members are unknown cannot be satisfied through it', requirements: [SUPERVISOR], reviews: [rv('zg-bgs-li', 'APPROVED')], teams: {}, satisfied: false, met: [false], zhIncludes: ['无法得知团队 @govmedia-demo/zigong-supervisor 的成员'] },
  { name: 'with headSha, an approval of an older commit is stale', requirements: [SUPERVISOR], reviews: [rv('zg-bgs-li', 'APPROVED', OLD)], headSha: HEAD, satisfied: false, met: [false], zhIncludes: ['@zg-bgs-li 的批准针对的是较早的提交'] },
  { name: 'with headSha, an approval of the head commit counts', requirements: [SUPERVISOR], reviews: [rv('zg-bgs-li', 'APPROVED', OLD), rv('zg-bgs-chen', 'APPROVED', HEAD.toUpperCase())], headSha: HEAD, satisfied: true, met: [true], approvedBy: [['@zg-bgs-chen']] },
  { name: 'a group listing nobody can never be met', requirements: [{ ...UNIT, reviewers: [] }], reviews: [rv('zg-wjw-wang', 'APPROVED')], satisfied: false, met: [false], zhIncludes: ['未配置审核人'] },
  { name: 'no requirements', requirements: [], reviews: [], satisfied: true, met: [], zhIncludes: ['结论：本次变更不需要审批'] },
];

describe('decideApprovals', () => {
  it.each(situations)('$name', (s) => {
    const d = decideApprovals({ requirements: s.requirements, reviews: s.reviews, teams: s.teams ?? TEAMS, author: s.author ?? 'zg-wjw-clerk', ...(s.headSha ? { headSha: s.headSha } : {}) });
    expect(d.satisfied).toBe(s.satisfied);
    expect(d.requirements.map((r) => r.met)).toEqual(s.met);
    if (s.approvedBy) expect(d.requirements.map((r) => r.approvedBy)).toEqual(s.approvedBy);
    if (s.blockedBy) expect(d.requirements.map((r) => r.blockedBy)).toEqual(s.blockedBy);
    for (const t of s.zhIncludes ?? []) expect(d.lines.zh.join('\n')).toContain(t);
    expect(d.lines.en.length).toBe(d.lines.zh.length);
  });

  it('orders reviews by submission time, not by input order', () => {
    const reviews: Review[] = [
      { user: 'zg-bgs-li', state: 'APPROVED', submittedAt: '2026-11-03T09:00:00Z' },
      { user: 'zg-bgs-li', state: 'CHANGES_REQUESTED', submittedAt: '2026-11-02T09:00:00Z' },
    ];
    expect(decideApprovals({ requirements: [SUPERVISOR], reviews, teams: TEAMS, author: 'x' }).satisfied).toBe(true);
  });

  it('writes bilingual lines, Chinese first, in the expected words', () => {
    const d = decideApprovals({ requirements: [UNIT, SUPERVISOR], reviews: [rv('zg-wjw-wang', 'APPROVED')], teams: TEAMS, author: 'zg-wjw-clerk' });
    expect(d.lines.zh[0]).toBe('主办单位“自贡市卫生健康委员会”：已由 @zg-wjw-wang 批准');
    expect(d.lines.zh[1]).toBe('主管单位“自贡市人民政府办公室”：尚待 @govmedia-demo/zigong-supervisor 中任一人批准');
    expect(d.lines.en[0]).toBe('host unit "自贡市卫生健康委员会": approved by @zg-wjw-wang');
    expect(d.lines.en[1]).toBe('supervising office "自贡市人民政府办公室": awaiting approval from any one of @govmedia-demo/zigong-supervisor');
    expect(d.requirements[0]?.line.zh).toBe(d.lines.zh[0]);
    expect(d.standing).toEqual({ '@zg-wjw-wang': 'APPROVED' });
  });
});

// ---- the adapter, against recorded responses

interface Recorded {
  status: number;
  headers: Record<string, string>;
  body: string;
}

function headersOf(h: Record<string, string>): FetchResponse['headers'] {
  const lower = new Map(Object.entries(h).map(([k, v]) => [k.toLowerCase(), v]));
  return { get: (n) => lower.get(n.toLowerCase()) ?? null };
}

/** A fetch that serves tests/fixtures/github/responses.json and records what was asked. */
function recordedFetch(base = 'https://api.github.com', overrides: Record<string, Recorded> = {}): { fetch: FetchLike; calls: { url: string; headers: Record<string, string> }[] } {
  const table = { ...(JSON.parse(readFileSync(path.join(FIX, 'responses.json'), 'utf8')) as Record<string, Recorded>), ...overrides };
  const calls: { url: string; headers: Record<string, string> }[] = [];
  const f: FetchLike = async (url, init) => {
    calls.push({ url, headers: init.headers });
    expect(init.method).toBe('GET');
    expect(url.startsWith(base + '/')).toBe(true);
    const rec = table[url.slice(base.length)];
    const status = rec?.status ?? 404;
    const text = readFileSync(path.join(FIX, rec?.body ?? 'error-404.json'), 'utf8');
    return { ok: status >= 200 && status < 300, status, headers: headersOf(rec?.headers ?? {}), text: async () => text };
  };
  return { fetch: f, calls };
}

describe('GitHub adapter (recorded responses)', () => {
  it('reads every page of reviews, following the Link header', async () => {
    const { fetch, calls } = recordedFetch();
    const client = githubClient({ token: 't0ken', fetch });
    const r = await client.listReviews('govmedia-demo', 'register', 42);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(calls.map((c) => c.url)).toEqual([
      'https://api.github.com/repos/govmedia-demo/register/pulls/42/reviews?per_page=100&page=1',
      'https://api.github.com/repos/govmedia-demo/register/pulls/42/reviews?per_page=100&page=2',
    ]);
    expect(calls[0]?.headers.Authorization).toBe('token t0ken');
    expect(calls[0]?.headers.Accept).toBe('application/vnd.github+json');
    expect(r.value).toHaveLength(104);
    expect(r.value[0]).toEqual({ user: 'zg-wjw-wang', state: 'APPROVED', submittedAt: '2026-11-02T01:30:00Z', commitId: OLD });
    expect(r.value.at(-2)).toMatchObject({ user: 'zg-wjw-wang', state: 'APPROVED', commitId: HEAD });
  });

  it('reads the pull request: author, labels, head commit', async () => {
    const { fetch, calls } = recordedFetch();
    const r = await githubClient({ fetch }).getPull('govmedia-demo', 'register', 42);
    expect(r).toEqual({ ok: true, value: { number: 42, author: 'zg-wjw-clerk', labels: ['开设', 'sichuan/zigong'], headSha: HEAD, baseRef: 'main', state: 'open' } });
    expect(calls[0]?.url).toBe('https://api.github.com/repos/govmedia-demo/register/pulls/42');
    expect(calls[0]?.headers.Authorization).toBeUndefined();
  });

  it('reads team members, and reports a team it may not read (read:org) without throwing', async () => {
    const { fetch, calls } = recordedFetch();
    const client = githubClient({ token: 'secret-token-value', fetch });
    const t = await client.teamsFor(['@govmedia-demo/zg-wjw', '@GovMedia-Demo/Zigong-Supervisor', '@maint-zhou', '@govmedia-demo/maintainers']);
    expect(t.teams).toEqual({ '@govmedia-demo/zg-wjw': ['zg-wjw-wang', 'zg-wjw-zhao'], '@govmedia-demo/zigong-supervisor': ['zg-bgs-chen', 'zg-bgs-li'] });
    expect(calls.map((c) => c.url)).toEqual([
      'https://api.github.com/orgs/govmedia-demo/teams/maintainers/members?per_page=100&page=1',
      'https://api.github.com/orgs/govmedia-demo/teams/zg-wjw/members?per_page=100&page=1',
      'https://api.github.com/orgs/govmedia-demo/teams/zigong-supervisor/members?per_page=100&page=1',
    ]);
    expect(t.errors).toHaveLength(1);
    expect(t.errors[0]?.status).toBe(403);
    expect(t.errors[0]?.message.zh).toContain('read:org');
    expect(JSON.stringify(t.errors)).not.toContain('secret-token-value');
  });

  it('the recorded reviews and teams decide the pull request', async () => {
    const { fetch } = recordedFetch();
    const client = githubClient({ fetch });
    const reviews = await client.listReviews('govmedia-demo', 'register', 42);
    const teams = await client.teamsFor([...UNIT.reviewers, ...SUPERVISOR.reviewers]);
    if (!reviews.ok) throw new Error('reviews');
    const d = decideApprovals({ requirements: [UNIT, SUPERVISOR], reviews: reviews.value, teams: teams.teams, author: 'zg-wjw-clerk', headSha: HEAD });
    expect(d.satisfied).toBe(true);
    expect(d.requirements.map((r) => r.approvedBy)).toEqual([['@zg-wjw-wang'], ['@zg-bgs-li']]);
    // page 1 alone: the supervisor's change request is still outstanding
    const firstPage = reviewsFromApi(JSON.parse(readFileSync(path.join(FIX, 'reviews-42-page-1.json'), 'utf8')));
    const d1 = decideApprovals({ requirements: [UNIT, SUPERVISOR], reviews: firstPage, teams: teams.teams, author: 'zg-wjw-clerk' });
    expect(d1.requirements.map((r) => [r.met, r.blockedBy])).toEqual([[true, []], [false, ['@zg-bgs-li']]]);
  });

  it('uses GITHUB_API_URL and pages by X-Total-Count when there is no Link header (Gitea)', async () => {
    const base = 'https://gitea.example.gov.cn/api/v1';
    const bodies: Record<string, unknown> = {
      '/repos/zg/register/pulls/7/reviews?per_page=100&page=1': [
        { id: 1, reviewer: { login: 'zg-bgs-li' }, state: 'REQUEST_CHANGES', submitted_at: '2026-11-01T01:00:00Z', commit_id: OLD, dismissed: false, stale: true },
        { id: 2, reviewer: { login: 'zg-bgs-chen' }, state: 'COMMENT', submitted_at: '2026-11-01T02:00:00Z', commit_id: OLD },
      ],
      '/repos/zg/register/pulls/7/reviews?per_page=100&page=2': [{ id: 3, reviewer: { login: 'zg-bgs-li' }, state: 'APPROVED', submitted_at: '2026-11-02T01:00:00Z', commit_id: HEAD, dismissed: true }],
    };
    const calls: string[] = [];
    const fetch: FetchLike = async (url) => {
      calls.push(url);
      const body = bodies[url.slice(base.length)];
      return { ok: body !== undefined, status: body !== undefined ? 200 : 404, headers: headersOf({ 'x-total-count': '3' }), text: async () => JSON.stringify(body ?? { message: 'Not Found' }) };
    };
    const client = clientFromEnv({ GITHUB_API_URL: base + '/', GITHUB_TOKEN: 'x' }, fetch);
    const r = await client.listReviews('zg', 'register', 7);
    expect(calls).toEqual([`${base}/repos/zg/register/pulls/7/reviews?per_page=100&page=1`, `${base}/repos/zg/register/pulls/7/reviews?per_page=100&page=2`]);
    expect(r.ok && r.value.map((x) => `${x.user}:${x.state}`)).toEqual(['zg-bgs-li:CHANGES_REQUESTED', 'zg-bgs-chen:COMMENTED', 'zg-bgs-li:DISMISSED']);
  });

  it('turns network failures, bad JSON and HTTP errors into typed results', async () => {
    const boom: FetchLike = async () => {
      throw new Error('getaddrinfo ENOTFOUND api.github.com');
    };
    const a = await githubClient({ fetch: boom }).getPull('o', 'r', 1);
    expect(a.ok).toBe(false);
    if (!a.ok) expect(a.error.message.zh).toContain('无法连接');
    const html: FetchLike = async () => ({ ok: true, status: 200, headers: headersOf({}), text: async () => '<html>login</html>' });
    const b = await githubClient({ fetch: html }).listReviews('o', 'r', 1);
    expect(!b.ok && b.error.message.zh).toContain('不是 JSON');
    const limited: FetchLike = async () => ({ ok: false, status: 403, headers: headersOf({ 'x-ratelimit-remaining': '0' }), text: async () => '{}' });
    const c = await githubClient({ fetch: limited }).listReviews('o', 'r', 1);
    expect(!c.ok && c.error.message.zh).toContain('频率上限');
    const { fetch } = recordedFetch();
    const d = await githubClient({ fetch }).getPull('govmedia-demo', 'register', 9);
    expect(!d.ok && d.error.status).toBe(404);
    const e = await githubClient({ fetch }).getPull('../etc', 'register', 9);
    expect(!e.ok && e.error.message.zh).toContain('不合规范');
  });

  it('parses a recorded pull request and ignores malformed ones', () => {
    expect(pullFromApi(JSON.parse(readFileSync(path.join(FIX, 'pull-42.json'), 'utf8')))?.author).toBe('zg-wjw-clerk');
    expect(pullFromApi({ number: 1 })).toBeUndefined();
    expect(reviewsFromApi({ message: 'Not Found' })).toEqual([]);
  });
});

// ---- the command

async function run(args: string[], deps = {}): Promise<{ code: number; out: string; err: string }> {
  return captureIo((io) => cmdCheckApprovals(args, io, deps));
}

const tmp = tmpDir('govmedia-approvals-');
const page1 = JSON.parse(readFileSync(path.join(FIX, 'reviews-42-page-1.json'), 'utf8')) as unknown[];
const page2 = JSON.parse(readFileSync(path.join(FIX, 'reviews-42-page-2.json'), 'utf8')) as unknown[];
const allPages = path.join(tmp, 'reviews-all.json');
writeFileSync(allPages, JSON.stringify([page1, page2]));
const firstPage = path.join(FIX, 'reviews-42-page-1.json');
const record = path.join(FIX, 'decision-record-42.json');
const teams = path.join(FIX, 'teams-42.json');

function noStack(s: string): void {
  expect(s).not.toMatch(/\n\s+at .+:\d+:\d+/);
}

describe('govmedia check-approvals', () => {
  it('offline: exit 0 when every approval is in', async () => {
    const r = await run(['--record', record, '--reviews', allPages, '--teams', teams, '--author', 'zg-wjw-clerk', '--head-sha', HEAD]);
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    expect(r.out).toContain('主管单位“自贡市人民政府办公室”：已由 @zg-bgs-li 批准');
    expect(r.out).toContain('结论：2 项审批均已满足');
  });

  it('offline: exit 1 while the supervisor still requests changes (page 1 only)', async () => {
    const r = await run(['--record', record, '--reviews', firstPage, '--teams', teams, '--author', 'zg-wjw-clerk']);
    expect(r.code).toBe(1);
    expect(r.out).toContain('@zg-bgs-li 要求修改');
    const en = await run(['--record', record, '--reviews', firstPage, '--teams', teams, '--author', 'zg-wjw-clerk', '--lang', 'en']);
    expect(en.code).toBe(1);
    expect(en.out).toContain('@zg-bgs-li requested changes');
  });

  it('offline: exit 1 without team members, and when approvals are of an older commit', async () => {
    expect((await run(['--record', record, '--reviews', allPages, '--author', 'zg-wjw-clerk'])).code).toBe(1);
    const stale = path.join(tmp, 'reviews-stale.json');
    writeFileSync(stale, JSON.stringify(page2.map((r) => ({ ...(r as object), commit_id: OLD }))));
    const r = await run(['--record', record, '--reviews', stale, '--teams', teams, '--author', 'zg-wjw-clerk', '--head-sha', HEAD]);
    expect(r.code).toBe(1);
    expect(r.out).toContain('较早的提交');
    expect((await run(['--record', record, '--reviews', stale, '--teams', teams, '--author', 'zg-wjw-clerk', '--head-sha', HEAD, '--allow-stale'])).code).toBe(0);
  });

  it('offline: exit 1 when the record describes another commit', async () => {
    const other = 'f'.repeat(40);
    const r = await run(['--record', record, '--reviews', allPages, '--teams', teams, '--author', 'zg-wjw-clerk', '--head-sha', other, '--allow-stale']);
    expect(r.code).toBe(1);
    expect(r.out).toContain('请重新运行合并请求检查');
  });

  it('offline: --format json', async () => {
    const r = await run(['--record', record, '--reviews', allPages, '--teams', teams, '--author', 'zg-wjw-clerk', '--format', 'json']);
    expect(r.code).toBe(0);
    const j = JSON.parse(r.out) as { satisfied: boolean; requirements: { met: boolean; approvedBy: string[] }[] };
    expect(j.satisfied).toBe(true);
    expect(j.requirements.map((x) => x.approvedBy)).toEqual([['@zg-wjw-wang'], ['@zg-bgs-li']]);
  });

  const bad = path.join(tmp, 'bad.json');
  writeFileSync(bad, '{ "approvals": [ ');
  const noApprovals = path.join(tmp, 'no-approvals.json');
  writeFileSync(noApprovals, '{"tool":"govmedia check-pr"}');
  it.each([
    ['no arguments', [], '缺少 --record'],
    ['an unknown flag', ['--record', record, '--bogus'], '用法错误'],
    ['neither mode', ['--record', record], '--reviews 与 --author'],
    ['both modes', ['--record', record, '--reviews', allPages, '--author', 'a', '--repo', 'o/r', '--pr', '1'], '不能同时使用'],
    ['no author offline', ['--record', record, '--reviews', allPages], '--author'],
    ['a missing file', ['--record', path.join(tmp, 'nope.json'), '--reviews', allPages, '--author', 'a'], '找不到检查记录文件'],
    ['broken JSON', ['--record', bad, '--reviews', allPages, '--author', 'a'], '不是有效的 JSON'],
    ['a record without approvals', ['--record', noApprovals, '--reviews', allPages, '--author', 'a'], '缺少 approvals'],
    ['a bad --pr', ['--record', record, '--repo', 'o/r', '--pr', 'abc'], '--pr'],
    ['a bad --repo', ['--record', record, '--repo', 'nope', '--pr', '3'], '--repo'],
    ['a bad --head-sha', ['--record', record, '--reviews', allPages, '--author', 'a', '--head-sha', 'xyz'], '--head-sha'],
    ['a bad --format', ['--record', record, '--reviews', allPages, '--author', 'a', '--format', 'xml'], '--format'],
  ])('exit 2 on %s, in Chinese, no stack trace', async (_n, args, msg) => {
    const r = await run(args as string[]);
    expect(r.code).toBe(2);
    expect(r.err).toContain(msg);
    expect(r.err).toContain('用法错误');
    noStack(r.err);
  });

  it('online: reads the pull request, its reviews and teams through the adapter', async () => {
    const { fetch, calls } = recordedFetch();
    const r = await run(['--record', record, '--repo', 'govmedia-demo/register', '--pr', '42'], { env: { GITHUB_TOKEN: 'tok' }, fetch });
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    expect(r.out).toContain('govmedia-demo/register 合并请求 #42（作者 @zg-wjw-clerk）');
    expect(calls.map((c) => c.url.replace('https://api.github.com', ''))).toEqual([
      '/repos/govmedia-demo/register/pulls/42',
      '/repos/govmedia-demo/register/pulls/42/reviews?per_page=100&page=1',
      '/repos/govmedia-demo/register/pulls/42/reviews?per_page=100&page=2',
      '/orgs/govmedia-demo/teams/zg-wjw/members?per_page=100&page=1',
      '/orgs/govmedia-demo/teams/zigong-supervisor/members?per_page=100&page=1',
    ]);
  });

  it('online: exit 1 with a warning when a team cannot be read, exit 2 when the pull request cannot', async () => {
    const forbidden = { status: 403, headers: {}, body: 'error-403-team.json' };
    const { fetch } = recordedFetch('https://api.github.com', { '/orgs/govmedia-demo/teams/zigong-supervisor/members?per_page=100&page=1': forbidden });
    const r = await run(['--record', record, '--repo', 'govmedia-demo/register', '--pr', '42'], { env: { GITHUB_TOKEN: 'tok' }, fetch });
    expect(r.code).toBe(1);
    expect(r.err).toContain('read:org');
    const missing = await run(['--record', record, '--repo', 'govmedia-demo/register', '--pr', '43'], { env: {}, fetch });
    expect(missing.code).toBe(2);
    expect(missing.err).toContain('无法完成审批检查');
    noStack(missing.err);
  });
});
