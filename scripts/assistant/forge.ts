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
 *   GitLab  new:  <url>/<group>/<project>/-/new/<branch>/<dir>?file_name=<name>&content=<text>
 *           edit: <url>/<group>/<project>/-/edit/<branch>/<path>       (no content parameter)
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
}

/** Longest URL we hand to a browser; beyond it the clerk pastes the copied text instead. */
export const MAX_URL = 60_000;

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
  let href: string;
  let prefilled = false;
  if (exists) {
    href = cfg.kind === 'github' ? `${base}/edit/${br}/${encPath(rel)}` : cfg.kind === 'gitea' ? `${base}/_edit/${br}/${encPath(rel)}` : `${base}/-/edit/${br}/${encPath(rel)}`;
  } else {
    const value = encodeURIComponent(text);
    if (cfg.kind === 'github') href = `${base}/new/${br}?filename=${encodeURIComponent(rel)}&value=${value}`;
    else if (cfg.kind === 'gitea') href = `${base}/_new/${br}/${encPath(dir)}/?filename=${encodeURIComponent(name)}&value=${value}`;
    else href = `${base}/-/new/${br}/${encPath(dir)}?file_name=${encodeURIComponent(name)}&content=${value}`;
    prefilled = true;
    if (href.length > MAX_URL) {
      // too long for some browsers and proxies: open the empty editor at the right place
      href = href.slice(0, href.lastIndexOf(cfg.kind === 'gitlab' ? '&content=' : '&value='));
      prefilled = false;
    }
  }
  return { href, prefilled };
}
