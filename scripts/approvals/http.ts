/**
 * Gitea 与 GitLab 适配层共用的 HTTP 读取：错误变成带中文说明的结果值，绝不抛出；令牌绝不出现在消息中。
 * The HTTP reading the Gitea and GitLab adapters share (the GitHub adapter keeps its own): errors
 * become typed results with a Chinese message, nothing throws, the token never appears.
 */
import type { ApiError, ApiResult, FetchLike, FetchResponse } from './github.ts';

export interface Http {
  readonly baseUrl: string;
  getJson(pathAndQuery: string, what: ApiError['what'], hint?: 'team'): Promise<ApiResult<{ body: unknown; headers: FetchResponse['headers'] }>>;
  /** Every page of a list: `page`/`per` query names, following Link, X-Next-Page or X-Total-Count. */
  getPaged(pathNoQuery: string, what: ApiError['what'], o: { per: string; size: number; hint?: 'team' }): Promise<ApiResult<unknown[]>>;
}

export function describeStatus(status: number, headers: FetchResponse['headers'], what: ApiError['what'], tokenVar: string, hint?: 'team'): ApiError['message'] {
  if (status === 401) return { zh: `读取${what.zh}失败：令牌无效或已过期（HTTP 401），请检查 ${tokenVar}`, en: `reading ${what.en} failed: the token is invalid or expired (HTTP 401); check ${tokenVar}` };
  if (status === 429 || (status === 403 && (headers.get('x-ratelimit-remaining') === '0' || headers.get('ratelimit-remaining') === '0'))) {
    return { zh: `读取${what.zh}失败：已达到 API 调用频率上限（HTTP ${status}），请稍后重试`, en: `reading ${what.en} failed: API rate limit reached (HTTP ${status}); retry later` };
  }
  if (status === 403) return hint === 'team' ? { zh: `读取${what.zh}失败：令牌无权读取成员（HTTP 403），请使用能读取组织或群组成员的令牌，或用 --teams 提供成员名单`, en: `reading ${what.en} failed: the token may not read members (HTTP 403); use a token that can, or pass --teams` } : { zh: `读取${what.zh}失败：无权访问（HTTP 403），请检查 ${tokenVar} 的权限`, en: `reading ${what.en} failed: access denied (HTTP 403); check ${tokenVar}'s permissions` };
  if (status === 404) return hint === 'team' ? { zh: `读取${what.zh}失败：未找到（HTTP 404）；团队或群组不存在，或令牌看不到它`, en: `reading ${what.en} failed: not found (HTTP 404); it does not exist or the token cannot see it` } : { zh: `读取${what.zh}失败：未找到（HTTP 404），请检查仓库名和编号；私有仓库需要令牌`, en: `reading ${what.en} failed: not found (HTTP 404); check the repository and number (private repositories need a token)` };
  if (status >= 500) return { zh: `读取${what.zh}失败：服务器错误（HTTP ${status}），请稍后重试`, en: `reading ${what.en} failed: server error (HTTP ${status}); retry later` };
  return { zh: `读取${what.zh}失败：HTTP ${status}`, en: `reading ${what.en} failed: HTTP ${status}` };
}

export function http(o: { baseUrl: string; headers: Record<string, string>; fetch?: FetchLike; tokenVar: string; maxPages?: number }): Http {
  const baseUrl = o.baseUrl.replace(/\/+$/, '');
  const doFetch: FetchLike = o.fetch ?? ((url, init) => fetch(url, init) as unknown as Promise<FetchResponse>);
  const maxPages = o.maxPages ?? 50;
  const h: Http = {
    baseUrl,
    async getJson(pathAndQuery, what, hint) {
      let res: FetchResponse;
      try {
        res = await doFetch(baseUrl + pathAndQuery, { method: 'GET', headers: o.headers });
      } catch (e) {
        const detail = (e as Error)?.message ?? String(e);
        return { ok: false, error: { what, message: { zh: `读取${what.zh}失败：无法连接 ${baseUrl}（${detail}）`, en: `reading ${what.en} failed: cannot reach ${baseUrl} (${detail})` } } };
      }
      if (!res.ok) return { ok: false, error: { status: res.status, what, message: describeStatus(res.status, res.headers, what, o.tokenVar, hint) } };
      let text: string;
      try {
        text = await res.text();
      } catch (e) {
        return { ok: false, error: { status: res.status, what, message: { zh: `读取${what.zh}失败：响应中断（${(e as Error)?.message ?? e}）`, en: `reading ${what.en} failed: response interrupted` } } };
      }
      try {
        return { ok: true, value: { body: JSON.parse(text) as unknown, headers: res.headers } };
      } catch {
        return { ok: false, error: { status: res.status, what, message: { zh: `读取${what.zh}失败：返回的内容不是 JSON（API 地址是否正确？）`, en: `reading ${what.en} failed: the response is not JSON (is the API URL right?)` } } };
      }
    },
    async getPaged(pathNoQuery, what, p) {
      const all: unknown[] = [];
      const sep = pathNoQuery.includes('?') ? '&' : '?';
      for (let page = 1; page <= maxPages; page++) {
        const r = await h.getJson(`${pathNoQuery}${sep}${p.per}=${p.size}&page=${page}`, what, p.hint);
        if (!r.ok) return r;
        const body = r.value.body;
        if (!Array.isArray(body)) return { ok: false, error: { what, message: { zh: `读取${what.zh}失败：返回的不是列表`, en: `reading ${what.en} failed: the response is not a list` } } };
        all.push(...body);
        if (body.length === 0) return { ok: true, value: all };
        const hd = r.value.headers;
        const link = hd.get('link');
        const next = hd.get('x-next-page');
        const total = Number(hd.get('x-total-count') ?? hd.get('x-total') ?? NaN);
        const more = link !== null ? link.split(',').some((part) => /;\s*rel="?next"?/.test(part)) : next !== null ? next.trim() !== '' : Number.isFinite(total) ? all.length < total : body.length >= p.size;
        if (!more) return { ok: true, value: all };
      }
      return { ok: false, error: { what, message: { zh: `读取${what.zh}失败：超过 ${maxPages} 页，已停止`, en: `reading ${what.en} failed: more than ${maxPages} pages` } } };
    },
  };
  return h;
}
