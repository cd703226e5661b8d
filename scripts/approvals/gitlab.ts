/**
 * GitLab REST API（/api/v4）适配层：合并请求、合并请求批准（merge request approvals API）、
 * 评审人状态（要求修改）和群组成员。
 *
 * A thin adapter over GitLab's REST API (/api/v4): the merge request
 * (GET /projects/:id/merge_requests/:iid), its approvals (GET …/approvals: approved_by), its
 * reviewers' states (GET …/reviewers: "requested_changes" blocks like a GitHub change request; an
 * older GitLab without that endpoint is read as no change requests) and a group's members
 * (GET /groups/:id/members/all). Reviewer handles "@group/subgroup" are GitLab groups.
 *
 * GitLab's approvals do not say which commit they were given on: whether a push resets them is the
 * project's setting "Remove all approvals when commits are added", which the README asks for.
 */
import type { Review } from './decide.ts';
import type { ApiError, ApiResult, FetchLike, PullInfo } from './github.ts';
import { http } from './http.ts';

const PATH_RE = /^[A-Za-z0-9_.-]+(\/[A-Za-z0-9_.-]+)+$/;
const PAGE = 100;

export interface GitLabClient {
  readonly baseUrl: string;
  getPull(project: string, iid: number): Promise<ApiResult<PullInfo>>;
  listReviews(project: string, iid: number): Promise<ApiResult<Review[]>>;
  listGroupMembers(group: string): Promise<ApiResult<string[]>>;
  teamsFor(handles: string[]): Promise<{ teams: Record<string, string[]>; errors: ApiError[] }>;
}

function obj(v: unknown): Record<string, unknown> | undefined {
  return v !== null && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : undefined;
}
function str(v: unknown): string | undefined {
  return typeof v === 'string' ? v : undefined;
}

/** A merge request object → PullInfo (author, head sha, labels), or undefined when malformed. */
export function mergeRequestFromApi(json: unknown): PullInfo | undefined {
  const o = obj(json);
  if (!o) return undefined;
  const author = str(obj(o.author)?.username);
  const headSha = str(o.sha) ?? str(obj(o.diff_refs)?.head_sha);
  if (!author || !headSha) return undefined;
  const labels = Array.isArray(o.labels) ? o.labels.map((l) => str(l) ?? str(obj(l)?.name)).filter((x): x is string => !!x) : [];
  return { number: typeof o.iid === 'number' ? o.iid : Number(o.iid ?? 0), author, labels, headSha, baseRef: str(o.target_branch) ?? '', state: str(o.state) ?? '' };
}

/**
 * The approvals response ({approved_by: [{user: {username}}]}) and, optionally, the reviewers
 * list ([{user: {username}, state}]) → Review[]. Approvals carry no commit.
 */
export function reviewsFromGitlab(approvals: unknown, reviewers?: unknown): Review[] {
  const out: Review[] = [];
  const by = obj(approvals)?.approved_by;
  if (Array.isArray(by)) {
    for (const a of by) {
      const u = str(obj(obj(a)?.user)?.username);
      if (u) out.push({ user: u, state: 'APPROVED', submittedAt: str(obj(a)?.approved_at) ?? '' });
    }
  }
  if (Array.isArray(reviewers)) {
    for (const r of reviewers) {
      const u = str(obj(obj(r)?.user)?.username);
      const state = str(obj(r)?.state);
      // a change request stands until the reviewer approves (approvals are read first, so a later approval is kept below)
      if (u && state === 'requested_changes' && !out.some((x) => x.user === u)) out.push({ user: u, state: 'CHANGES_REQUESTED', submittedAt: '' });
    }
  }
  return out;
}

export function gitlabClient(o: { baseUrl: string; token?: string | undefined; fetch?: FetchLike }): GitLabClient {
  const headers: Record<string, string> = { Accept: 'application/json', 'User-Agent': 'govmedia-register' };
  if (o.token) headers['PRIVATE-TOKEN'] = o.token;
  const h = http({ baseUrl: o.baseUrl, headers, tokenVar: 'GITLAB_TOKEN', ...(o.fetch ? { fetch: o.fetch } : {}) });
  const bad = (what: ApiError['what'], v: string): ApiResult<never> => ({ ok: false, error: { what, message: { zh: `路径“${v}”不合规范（应为 群组/项目，只能含字母、数字、点、下划线和连字符）`, en: `"${v}" is not a valid path` } } });
  const c: GitLabClient = {
    baseUrl: h.baseUrl,
    async getPull(project, iid) {
      const what = { zh: `合并请求 !${iid}`, en: `merge request !${iid}` };
      if (!PATH_RE.test(project)) return bad(what, project);
      const r = await h.getJson(`/projects/${encodeURIComponent(project)}/merge_requests/${iid}`, what);
      if (!r.ok) return r;
      const p = mergeRequestFromApi(r.value.body);
      return p ? { ok: true, value: p } : { ok: false, error: { what, message: { zh: `读取${what.zh}失败：返回内容缺少作者或提交信息`, en: `reading ${what.en} failed: the response lacks the author or head commit` } } };
    },
    async listReviews(project, iid) {
      const what = { zh: `合并请求 !${iid} 的批准`, en: `the approvals of merge request !${iid}` };
      if (!PATH_RE.test(project)) return bad(what, project);
      const base = `/projects/${encodeURIComponent(project)}/merge_requests/${iid}`;
      const a = await h.getJson(`${base}/approvals`, what);
      if (!a.ok) return a;
      const rv = await h.getJson(`${base}/reviewers`, { zh: `合并请求 !${iid} 的评审人`, en: `the reviewers of merge request !${iid}` });
      // an older GitLab has no reviewers endpoint: no change requests to read
      if (!rv.ok && rv.error.status !== 404) return rv;
      return { ok: true, value: reviewsFromGitlab(a.value.body, rv.ok ? rv.value.body : undefined) };
    },
    async listGroupMembers(group) {
      const what = { zh: `群组 @${group} 的成员`, en: `the members of group @${group}` };
      if (!PATH_RE.test(group) && !/^[A-Za-z0-9_.-]+$/.test(group)) return bad(what, group);
      const r = await h.getPaged(`/groups/${encodeURIComponent(group)}/members/all`, what, { per: 'per_page', size: PAGE, hint: 'team' });
      if (!r.ok) return r;
      return { ok: true, value: r.value.map((m) => str(obj(m)?.username)).filter((x): x is string => !!x) };
    },
    async teamsFor(handles) {
      const teams: Record<string, string[]> = {};
      const errors: ApiError[] = [];
      const wanted = [...new Set(handles.map((x) => x.trim().replace(/^@/, '').toLowerCase()).filter((x) => x.includes('/')))].sort();
      for (const t of wanted) {
        const r = await c.listGroupMembers(t);
        if (r.ok) teams['@' + t] = r.value;
        else errors.push(r.error);
      }
      return { teams, errors };
    },
  };
  return c;
}
