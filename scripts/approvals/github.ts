/**
 * GitHub REST API 的薄适配层：读取合并请求的评审、合并请求本身和团队成员。
 * 所有错误都变成带中文说明的结果值，绝不抛出到用户面前；令牌绝不出现在消息中。
 *
 * A thin adapter over GitHub's REST API (global fetch, injectable for tests): a pull
 * request's reviews (paginated), the pull request itself, a team's members. Errors become a
 * typed result with a Chinese message; nothing throws. The token never appears in messages.
 *
 * Gitea: GITHUB_API_URL points at <host>/api/v1 under Gitea Actions. Reviews and pull requests
 * have the same paths there, and the parsers below also read Gitea's shapes (reviewer,
 * REQUEST_CHANGES, dismissed). Gitea pages with `limit` and may ignore `per_page`, so paging
 * follows the Link header or X-Total-Count rather than assuming full pages of 100. Gitea has
 * no /orgs/{org}/teams/{slug}/members: supply team members with --teams there.
 */
import type { Review, ReviewState } from './decide.ts';

export interface FetchResponse {
  ok: boolean;
  status: number;
  statusText?: string;
  headers: { get(name: string): string | null };
  text(): Promise<string>;
}
export type FetchLike = (url: string, init: { method: 'GET'; headers: Record<string, string> }) => Promise<FetchResponse>;

export interface ApiError {
  /** HTTP status, absent for network errors. */
  status?: number;
  /** What the caller tried to read, without query string or token. */
  what: { zh: string; en: string };
  message: { zh: string; en: string };
}

export type ApiResult<T> = { ok: true; value: T } | { ok: false; error: ApiError };

export interface PullInfo {
  number: number;
  author: string;
  labels: string[];
  headSha: string;
  baseRef: string;
  state: string;
}

export interface GitHubClientOptions {
  token?: string | undefined;
  /** API root, default https://api.github.com (GITHUB_API_URL). */
  baseUrl?: string | undefined;
  fetch?: FetchLike;
  /** Safety limit on pages read from one list (default 50). */
  maxPages?: number;
}

export const DEFAULT_API_URL = 'https://api.github.com';
const PER_PAGE = 100;
const NAME_RE = /^[A-Za-z0-9_.-]+$/;

export interface GitHubClient {
  readonly baseUrl: string;
  listReviews(owner: string, repo: string, pr: number): Promise<ApiResult<Review[]>>;
  getPull(owner: string, repo: string, pr: number): Promise<ApiResult<PullInfo>>;
  listTeamMembers(org: string, slug: string): Promise<ApiResult<string[]>>;
  /** Members of every "@org/team" among the handles; failures are returned, not thrown. */
  teamsFor(handles: string[]): Promise<{ teams: Record<string, string[]>; errors: ApiError[] }>;
}

/** Client configured from GITHUB_TOKEN and GITHUB_API_URL. */
export function clientFromEnv(env: Record<string, string | undefined> = process.env, fetchImpl?: FetchLike): GitHubClient {
  return githubClient({ token: env.GITHUB_TOKEN || undefined, baseUrl: env.GITHUB_API_URL || undefined, ...(fetchImpl ? { fetch: fetchImpl } : {}) });
}

function parseNextLink(link: string | null): boolean {
  if (!link) return false;
  return link.split(',').some((part) => /;\s*rel="?next"?/.test(part));
}

function describeStatus(status: number, headers: FetchResponse['headers'], what: ApiError['what'], teamHint: boolean): ApiError['message'] {
  if (status === 401) return { zh: `读取${what.zh}失败：令牌无效或已过期（HTTP 401），请检查 GITHUB_TOKEN`, en: `reading ${what.en} failed: the token is invalid or expired (HTTP 401); check GITHUB_TOKEN` };
  if ((status === 403 || status === 429) && (headers.get('x-ratelimit-remaining') === '0' || status === 429)) {
    return { zh: `读取${what.zh}失败：已达到 API 调用频率上限（HTTP ${status}），请稍后重试或设置 GITHUB_TOKEN`, en: `reading ${what.en} failed: API rate limit reached (HTTP ${status}); retry later or set GITHUB_TOKEN` };
  }
  if (status === 403) {
    return teamHint
      ? { zh: `读取${what.zh}失败：令牌无权读取团队成员（HTTP 403）；需要具有 read:org（组织成员只读）权限的令牌，Actions 自带的 GITHUB_TOKEN 做不到`, en: `reading ${what.en} failed: the token may not read team members (HTTP 403); a token with read:org is needed — the Actions GITHUB_TOKEN cannot` }
      : { zh: `读取${what.zh}失败：无权访问（HTTP 403），请检查令牌权限`, en: `reading ${what.en} failed: access denied (HTTP 403); check the token's permissions` };
  }
  if (status === 404) {
    return teamHint
      ? { zh: `读取${what.zh}失败：未找到该团队（HTTP 404）；团队不存在，或令牌无 read:org 权限而看不到它`, en: `reading ${what.en} failed: team not found (HTTP 404); it does not exist or the token lacks read:org` }
      : { zh: `读取${what.zh}失败：未找到（HTTP 404），请检查仓库名和编号；私有仓库需要令牌`, en: `reading ${what.en} failed: not found (HTTP 404); check the repository and number (private repositories need a token)` };
  }
  if (status >= 500) return { zh: `读取${what.zh}失败：服务器错误（HTTP ${status}），请稍后重试`, en: `reading ${what.en} failed: server error (HTTP ${status}); retry later` };
  return { zh: `读取${what.zh}失败：HTTP ${status}`, en: `reading ${what.en} failed: HTTP ${status}` };
}

export function githubClient(opts: GitHubClientOptions = {}): GitHubClient {
  const baseUrl = (opts.baseUrl || DEFAULT_API_URL).replace(/\/+$/, '');
  const doFetch: FetchLike = opts.fetch ?? ((url, init) => fetch(url, init) as unknown as Promise<FetchResponse>);
  const maxPages = opts.maxPages ?? 50;
  const headers: Record<string, string> = {
    Accept: 'application/vnd.github+json',
    'X-GitHub-Api-Version': '2022-11-28',
    'User-Agent': 'govmedia-register',
  };
  // "token" works on GitHub and on Gitea alike.
  if (opts.token) headers.Authorization = `token ${opts.token}`;

  async function getJson(pathAndQuery: string, what: ApiError['what'], teamHint = false): Promise<ApiResult<{ body: unknown; headers: FetchResponse['headers'] }>> {
    let res: FetchResponse;
    try {
      res = await doFetch(baseUrl + pathAndQuery, { method: 'GET', headers });
    } catch (e) {
      const detail = (e as Error)?.message ?? String(e);
      return { ok: false, error: { what, message: { zh: `读取${what.zh}失败：无法连接 ${baseUrl}（${detail}）`, en: `reading ${what.en} failed: cannot reach ${baseUrl} (${detail})` } } };
    }
    if (!res.ok) return { ok: false, error: { status: res.status, what, message: describeStatus(res.status, res.headers, what, teamHint) } };
    let text: string;
    try {
      text = await res.text();
    } catch (e) {
      return { ok: false, error: { status: res.status, what, message: { zh: `读取${what.zh}失败：响应中断（${(e as Error)?.message ?? e}）`, en: `reading ${what.en} failed: response interrupted` } } };
    }
    try {
      return { ok: true, value: { body: JSON.parse(text) as unknown, headers: res.headers } };
    } catch {
      return { ok: false, error: { status: res.status, what, message: { zh: `读取${what.zh}失败：返回的内容不是 JSON（GITHUB_API_URL 是否指向 API 地址？）`, en: `reading ${what.en} failed: the response is not JSON (does GITHUB_API_URL point at the API?)` } } };
    }
  }

  async function getPaged(pathNoQuery: string, what: ApiError['what'], teamHint = false): Promise<ApiResult<unknown[]>> {
    const all: unknown[] = [];
    for (let page = 1; page <= maxPages; page++) {
      const r = await getJson(`${pathNoQuery}?per_page=${PER_PAGE}&page=${page}`, what, teamHint);
      if (!r.ok) return r;
      const body = r.value.body;
      if (!Array.isArray(body)) {
        return { ok: false, error: { what, message: { zh: `读取${what.zh}失败：返回的不是列表`, en: `reading ${what.en} failed: the response is not a list` } } };
      }
      all.push(...body);
      if (body.length === 0) return { ok: true, value: all };
      const link = r.value.headers.get('link');
      const total = Number(r.value.headers.get('x-total-count') ?? NaN);
      const more = link !== null ? parseNextLink(link) : Number.isFinite(total) ? all.length < total : body.length >= PER_PAGE;
      if (!more) return { ok: true, value: all };
    }
    return { ok: false, error: { what, message: { zh: `读取${what.zh}失败：超过 ${maxPages} 页，已停止`, en: `reading ${what.en} failed: more than ${maxPages} pages` } } };
  }

  function badName(what: ApiError['what'], value: string): ApiResult<never> {
    return { ok: false, error: { what, message: { zh: `名称“${value}”不合规范（只能含字母、数字、点、下划线和连字符）`, en: `"${value}" is not a valid name` } } };
  }

  const client: GitHubClient = {
    baseUrl,
    async listReviews(owner, repo, pr) {
      const what = { zh: `合并请求 #${pr} 的评审`, en: `the reviews of pull request #${pr}` };
      if (!NAME_RE.test(owner) || !NAME_RE.test(repo)) return badName(what, `${owner}/${repo}`);
      const r = await getPaged(`/repos/${owner}/${repo}/pulls/${pr}/reviews`, what);
      return r.ok ? { ok: true, value: reviewsFromApi(r.value) } : r;
    },
    async getPull(owner, repo, pr) {
      const what = { zh: `合并请求 #${pr}`, en: `pull request #${pr}` };
      if (!NAME_RE.test(owner) || !NAME_RE.test(repo)) return badName(what, `${owner}/${repo}`);
      const r = await getJson(`/repos/${owner}/${repo}/pulls/${pr}`, what);
      if (!r.ok) return r;
      const p = pullFromApi(r.value.body);
      return p ? { ok: true, value: p } : { ok: false, error: { what, message: { zh: `读取${what.zh}失败：返回内容缺少作者或提交信息`, en: `reading ${what.en} failed: the response lacks the author or head commit` } } };
    },
    async listTeamMembers(org, slug) {
      const what = { zh: `团队 @${org}/${slug} 的成员`, en: `the members of @${org}/${slug}` };
      if (!NAME_RE.test(org) || !NAME_RE.test(slug)) return badName(what, `${org}/${slug}`);
      const r = await getPaged(`/orgs/${org}/teams/${slug}/members`, what, true);
      return r.ok ? { ok: true, value: membersFromApi(r.value) } : r;
    },
    async teamsFor(handles) {
      const teams: Record<string, string[]> = {};
      const errors: ApiError[] = [];
      const wanted = [...new Set(handles.map((h) => h.trim().replace(/^@/, '').toLowerCase()).filter((h) => h.includes('/')))].sort();
      for (const t of wanted) {
        const [org = '', slug = ''] = t.split('/');
        const r = await client.listTeamMembers(org, slug);
        if (r.ok) teams['@' + t] = r.value;
        else errors.push(r.error);
      }
      return { teams, errors };
    },
  };
  return client;
}

// ---- parsers for the API's JSON (also used for recorded files in offline mode)

function obj(v: unknown): Record<string, unknown> | undefined {
  return v !== null && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : undefined;
}
function str(v: unknown): string | undefined {
  return typeof v === 'string' ? v : undefined;
}

const STATE_MAP: Record<string, ReviewState> = {
  APPROVED: 'APPROVED',
  CHANGES_REQUESTED: 'CHANGES_REQUESTED',
  COMMENTED: 'COMMENTED',
  DISMISSED: 'DISMISSED',
  PENDING: 'PENDING',
  // Gitea
  REQUEST_CHANGES: 'CHANGES_REQUESTED',
  COMMENT: 'COMMENTED',
  REQUEST_REVIEW: 'PENDING',
};

/**
 * GitHub's (or Gitea's) review objects → Review[]. Accepts one list, or a list of pages.
 * Reviews by deleted users (user: null) and unknown states are dropped.
 */
export function reviewsFromApi(json: unknown): Review[] {
  if (!Array.isArray(json)) return [];
  const flat: unknown[] = json.every((x) => Array.isArray(x)) ? (json as unknown[][]).flat() : json;
  const out: Review[] = [];
  for (const item of flat) {
    const o = obj(item);
    if (!o) continue;
    const login = str(obj(o.user)?.login) ?? str(obj(o.reviewer)?.login);
    const raw = str(o.state)?.toUpperCase();
    if (!login || !raw) continue;
    let state = STATE_MAP[raw];
    if (!state) continue;
    if (o.dismissed === true) state = 'DISMISSED'; // Gitea keeps the state and flags the dismissal
    const r: Review = { user: login, state, submittedAt: str(o.submitted_at) ?? '' };
    const commit = str(o.commit_id);
    if (commit) r.commitId = commit;
    out.push(r);
  }
  return out;
}

/** GitHub's (or Gitea's) pull-request object → PullInfo, or undefined when malformed. */
export function pullFromApi(json: unknown): PullInfo | undefined {
  const o = obj(json);
  if (!o) return undefined;
  const author = str(obj(o.user)?.login);
  const headSha = str(obj(o.head)?.sha);
  if (!author || !headSha) return undefined;
  const labels = Array.isArray(o.labels) ? o.labels.map((l) => str(obj(l)?.name) ?? str(l)).filter((x): x is string => !!x) : [];
  return {
    number: typeof o.number === 'number' ? o.number : Number(o.number ?? 0),
    author,
    labels,
    headSha,
    baseRef: str(obj(o.base)?.ref) ?? '',
    state: str(o.state) ?? '',
  };
}

/** A team-members response (user objects) or a plain list of logins → logins. */
export function membersFromApi(json: unknown): string[] {
  if (!Array.isArray(json)) return [];
  const flat: unknown[] = json.every((x) => Array.isArray(x)) ? (json as unknown[][]).flat() : json;
  return flat.map((m) => str(m) ?? str(obj(m)?.login)).filter((x): x is string => !!x);
}
