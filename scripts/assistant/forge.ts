/**
 * 代码托管平台的网页编辑器链接：备案助手生成账号文件后，用这个链接在平台网页上新建（或编辑）
 * 文件，由文员在浏览器里提交合并请求。平台种类、地址和仓库由维护者在 site.config.json 中设定。
 *
 * Links that open the forge's web editor with the file's path (and, where the forge supports it,
 * its content) filled in, so a clerk proposes the change as a pull request from the browser.
 * Forge kind, base URL, repository and branch come from the maintainers' site.config.json.
 *
 *   GitHub  new:  <url>/<owner>/<repo>/new/<branch>?filename=<path>&value=<text>
 *           edit: <url>/<owner>/<repo>/edit/<branch>/<path>            (no content parameter)
 *   Gitea   new:  <url>/<owner>/<repo>/_new/<branch>/<dir>/?filename=<name>&value=<text>
 *           edit: <url>/<owner>/<repo>/_edit/<branch>/<path>           (no content parameter)
 *   GitLab  new:  <url>/<group>/<project>/-/new/<branch>/<dir>?file_name=<name>
 *           edit: <url>/<group>/<project>/-/edit/<branch>/<path>       (no content parameter)
 *
 * Sources: GitHub's `filename`/`value` (isaacs/github#1527); Gitea's, made to match it
 * (go-gitea/gitea#16556: `_new/<branch>/<dir>/?filename=…&value=…`, the file name may carry a
 * path). GitLab fills in `file_name` but its current editor ignores `content` (gitlab-org/gitlab
 * #594214; the older `file` parameter is gone, #532221): the page does not promise a filled-in
 * text there and asks the clerk to paste the copied file.
 *
 * Length: the content travels percent-encoded (a Chinese character takes nine bytes). Forges sit
 * behind proxies whose default request line limit is 8 KB (nginx large_client_header_buffers
 * 4 8k), so a link longer than MAX_URL opens the empty editor at the right path instead, and the
 * page says to paste the copied file (or upload the downloaded one).
 */
export type ForgeKind = 'github' | 'gitea' | 'gitlab';
export const FORGE_KINDS: readonly ForgeKind[] = ['github', 'gitea', 'gitlab'];

export interface ForgeConfig {
  kind: ForgeKind;
  /** Base URL of the forge, e.g. https://github.com or https://git.example.gov.cn */
  url: string;
  /** owner/name (GitLab: group[/subgroup]/project). */
  repo: string;
  /** The register's default branch. */
  branch: string;
}

export interface EditorLink {
  href: string;
  /** Whether the forge fills in the content from the link (new files only). */
  prefilled: boolean;
  /** Why not: an existing file, a forge that does not take content, or a link too long. */
  why?: 'exists' | 'forge' | 'too-long';
}

/** Longest link the page hands out (a proxy's default 8 KB request line, less room for headers). */
export const MAX_URL = 7_500;

/** Encode each path segment, keep the slashes. */
function encPath(p: string): string {
  return p.split('/').map(encodeURIComponent).join('/');
}

/** Check a config read from the repository (hostile until proven otherwise); undefined if unusable. */
export function parseForgeConfig(v: unknown): ForgeConfig | undefined {
  if (typeof v !== 'object' || v === null) return undefined;
  const o = v as Record<string, unknown>;
  const kind = o.kind;
  if (typeof kind !== 'string' || !(FORGE_KINDS as readonly string[]).includes(kind)) return undefined;
  if (typeof o.url !== 'string' || !/^https?:\/\/[^\s/?#]+(\/[^\s?#]*)?$/.test(o.url)) return undefined;
  if (typeof o.repo !== 'string' || !/^[A-Za-z0-9_.-]+(\/[A-Za-z0-9_.-]+)+$/.test(o.repo) || o.repo.split('/').some((s) => s === '.' || s === '..')) return undefined;
  const branch = o.branch === undefined ? 'main' : o.branch;
  if (typeof branch !== 'string' || !/^[A-Za-z0-9_./-]+$/.test(branch) || branch.includes('..')) return undefined;
  return { kind: kind as ForgeKind, url: o.url.replace(/\/+$/, ''), repo: o.repo, branch };
}

/** The link that opens the forge's editor for `rel` (new file with content, or the existing file). */
export function editorLink(cfg: ForgeConfig, rel: string, text: string, exists: boolean): EditorLink {
  const base = `${cfg.url}/${encPath(cfg.repo)}`;
  const br = encPath(cfg.branch);
  const slash = rel.lastIndexOf('/');
  const dir = slash < 0 ? '' : rel.slice(0, slash);
  const name = rel.slice(slash + 1);
  if (exists) {
    const href = cfg.kind === 'github' ? `${base}/edit/${br}/${encPath(rel)}` : cfg.kind === 'gitea' ? `${base}/_edit/${br}/${encPath(rel)}` : `${base}/-/edit/${br}/${encPath(rel)}`;
    return { href, prefilled: false, why: 'exists' };
  }
  if (cfg.kind === 'gitlab') return { href: `${base}/-/new/${br}/${encPath(dir)}?file_name=${encodeURIComponent(name)}`, prefilled: false, why: 'forge' };
  const empty = cfg.kind === 'github' ? `${base}/new/${br}?filename=${encodeURIComponent(rel)}` : `${base}/_new/${br}/${encPath(dir)}/?filename=${encodeURIComponent(name)}`;
  const full = `${empty}&value=${encodeURIComponent(text)}`;
  // too long for the proxies in front of many forges: open the empty editor at the right place
  return full.length <= MAX_URL ? { href: full, prefilled: true } : { href: empty, prefilled: false, why: 'too-long' };
}
