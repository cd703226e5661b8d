/**
 * Gitea REST API（/api/v1）适配层：合并请求、评审（pull request reviews API）和团队成员。
 * A thin adapter over Gitea's REST API (/api/v1): the pull request, its reviews
 * (GET /repos/{owner}/{repo}/pulls/{index}/reviews) and a team's members (Gitea has no
 * /orgs/{org}/teams/{slug}/members: the team is found with /orgs/{org}/teams/search, then
 * /teams/{id}/members). Lists page with `limit` and report X-Total-Count and Link.
 * Review and pull request objects have GitHub's shape plus Gitea's fields (REQUEST_CHANGES,
 * dismissed, stale), which the GitHub parsers already read.
 */
import type { Review } from './decide.ts';
import { pullFromApi, reviewsFromApi, membersFromApi, type ApiError, type ApiResult, type FetchLike, type PullInfo } from './github.ts';
import { http } from './http.ts';

const NAME_RE = /^[A-Za-z0-9_.-]+$/;
const PAGE = 50;

export interface GiteaClient {
  readonly baseUrl: string;
  getPull(owner: string, repo: string, pr: number): Promise<ApiResult<PullInfo>>;
  listReviews(owner: string, repo: string, pr: number): Promise<ApiResult<Review[]>>;
  listTeamMembers(org: string, team: string): Promise<ApiResult<string[]>>;
  teamsFor(handles: string[]): Promise<{ teams: Record<string, string[]>; errors: ApiError[] }>;
}

export function giteaClient(o: { baseUrl: string; token?: string | undefined; fetch?: FetchLike }): GiteaClient {
  const headers: Record<string, string> = { Accept: 'application/json', 'User-Agent': 'govmedia-register' };
  if (o.token) headers.Authorization = `token ${o.token}`;
  const h = http({ baseUrl: o.baseUrl, headers, tokenVar: 'GITEA_TOKEN', ...(o.fetch ? { fetch: o.fetch } : {}) });
  const bad = (what: ApiError['what'], v: string): ApiResult<never> => ({ ok: false, error: { what, message: { zh: `名称“${v}”不合规范（只能含字母、数字、点、下划线和连字符）`, en: `"${v}" is not a valid name` } } });
  const c: GiteaClient = {
    baseUrl: h.baseUrl,
    async getPull(owner, repo, pr) {
      const what = { zh: `合并请求 #${pr}`, en: `pull request #${pr}` };
      if (!NAME_RE.test(owner) || !NAME_RE.test(repo)) return bad(what, `${owner}/${repo}`);
      const r = await h.getJson(`/repos/${owner}/${repo}/pulls/${pr}`, what);
      if (!r.ok) return r;
      const p = pullFromApi(r.value.body);
      return p ? { ok: true, value: p } : { ok: false, error: { what, message: { zh: `读取${what.zh}失败：返回内容缺少作者或提交信息`, en: `reading ${what.en} failed: the response lacks the author or head commit` } } };
    },
    async listReviews(owner, repo, pr) {
      const what = { zh: `合并请求 #${pr} 的评审`, en: `the reviews of pull request #${pr}` };
      if (!NAME_RE.test(owner) || !NAME_RE.test(repo)) return bad(what, `${owner}/${repo}`);
      const r = await h.getPaged(`/repos/${owner}/${repo}/pulls/${pr}/reviews`, what, { per: 'limit', size: PAGE });
      return r.ok ? { ok: true, value: reviewsFromApi(r.value) } : r;
    },
    async listTeamMembers(org, team) {
      const what = { zh: `团队 @${org}/${team} 的成员`, en: `the members of @${org}/${team}` };
      if (!NAME_RE.test(org) || !NAME_RE.test(team)) return bad(what, `${org}/${team}`);
      const s = await h.getJson(`/orgs/${org}/teams/search?q=${encodeURIComponent(team)}&limit=${PAGE}`, what, 'team');
      if (!s.ok) return s;
      const data = (s.value.body as { data?: unknown } | null)?.data;
      const found = Array.isArray(data) ? data.find((t) => typeof (t as { name?: unknown })?.name === 'string' && (t as { name: string }).name.toLowerCase() === team.toLowerCase()) : undefined;
      const id = (found as { id?: unknown } | undefined)?.id;
      if (typeof id !== 'number') return { ok: false, error: { status: 404, what, message: { zh: `读取${what.zh}失败：组织 ${org} 中没有名为 ${team} 的团队（或令牌看不到它）`, en: `reading ${what.en} failed: organization ${org} has no team ${team} (or the token cannot see it)` } } };
      const m = await h.getPaged(`/teams/${id}/members`, what, { per: 'limit', size: PAGE, hint: 'team' });
      return m.ok ? { ok: true, value: membersFromApi(m.value) } : m;
    },
    async teamsFor(handles) {
      const teams: Record<string, string[]> = {};
      const errors: ApiError[] = [];
      const wanted = [...new Set(handles.map((x) => x.trim().replace(/^@/, '').toLowerCase()).filter((x) => x.includes('/')))].sort();
      for (const t of wanted) {
        const [org = '', team = ''] = t.split('/');
        const r = await c.listTeamMembers(org, team);
        if (r.ok) teams['@' + t] = r.value;
        else errors.push(r.error);
      }
      return { teams, errors };
    },
  };
  return c;
}
