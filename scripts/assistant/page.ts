/**
 * 备案助手页面（assistant/index.html）：由 govmedia site 生成在公开网站旁边。
 * 一个文件：样式、脚本（esbuild 打包的检查引擎与全部管理办法模块）和登记簿快照都内嵌；
 * 内容安全策略只允许这一段脚本，connect-src 'none'：页面不发出任何网络请求，填写的个人信息
 * 只留在本页面中。可在内网直接打开（file:// 或任何静态主机）。
 *
 * The filing assistant page, built by `govmedia site` beside the public registry. One file with
 * its style, its script (the bundled engine and every policy module) and the register snapshot
 * inline, under a CSP that allows only that script and no connection at all: nothing entered
 * leaves the page. Opens from disk or any intranet static host.
 *
 * Personal data: by default the snapshot's team members are replaced by stand-ins (人员N（已隐去）,
 * consistent across the register, so rules that compare people still judge the same), and the page
 * holds no name or phone of the register. Maintainers who publish the assistant only where the
 * repository itself may be read (the intranet forge) set `"assistant": { "teams": true }` in
 * site.config.json: the real teams are embedded and a clerk can reuse her unit's team.
 * `"assistant": false` leaves the page out.
 */
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { ENGINE_ROOT } from '../core/paths.ts';
import { FsSource } from '../core/source.ts';
import type { SiteFile } from '../site/build.ts';
import { bundleAssistant } from './bundle.ts';
import { scriptJson } from './escape.ts';
import { parseForgeConfig, type ForgeConfig } from './forge.ts';
import type { Snapshot } from './judge.ts';

export const SITE_CONFIG = 'site.config.json';

export interface SiteConfig {
  forge?: ForgeConfig;
  /** false: do not build the assistant page. */
  assistant: boolean;
  /** Embed the register's real teams (intranet only); default: stand-ins. */
  teams: boolean;
}

/** Read site.config.json of the register (maintainers' settings); a broken file is ignored with a note. */
export function readSiteConfig(dataRoot: string): { config: SiteConfig; note?: string } {
  const f = path.join(dataRoot, SITE_CONFIG);
  if (!existsSync(f)) return { config: { assistant: true, teams: false } };
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(f, 'utf8'));
  } catch (e) {
    return { config: { assistant: true, teams: false }, note: `${SITE_CONFIG} 不是有效的 JSON（${(e as Error).message}），已忽略` };
  }
  const o = (typeof raw === 'object' && raw !== null ? raw : {}) as Record<string, unknown>;
  const forge = o.forge === undefined ? undefined : parseForgeConfig(o.forge);
  const a = o.assistant;
  const teams = typeof a === 'object' && a !== null && (a as Record<string, unknown>).teams === true;
  const config: SiteConfig = { assistant: a !== false, teams, ...(forge ? { forge } : {}) };
  return o.forge !== undefined && !forge ? { config, note: `${SITE_CONFIG} 中的 forge 设置无效（kind 应为 github、gitea 或 gitlab，url 以 http(s):// 开头，repo 写作 owner/name），网页编辑器链接不生成` } : { config };
}

/** The register files the page judges with: every region.json, unit.json and account file. */
export function snapshotOf(dataRoot: string, now: string, engineRoot = ENGINE_ROOT, opts: { teams?: boolean } = {}): Snapshot {
  const src = new FsSource(dataRoot);
  const files: Record<string, string> = {};
  for (const e of src.list('accounts')) {
    if (e.type !== 'file' || !e.rel.endsWith('.json')) continue;
    try {
      files[e.rel] = src.readText(e.rel, 256 * 1024);
    } catch {
      /* unreadable or too large: validate reports it; the page does without */
    }
  }
  if (!opts.teams) {
    const hide = new StandIns();
    const isAccount = (rel: string): boolean => !rel.endsWith('/unit.json') && !rel.endsWith('/region.json') && rel !== 'accounts/region.json';
    for (const [rel, text] of Object.entries(files)) if (isAccount(rel)) hide.learn(text);
    for (const [rel, text] of Object.entries(files)) if (isAccount(rel)) files[rel] = hide.file(text);
  }
  const exDir = path.join(engineRoot, 'policies', 'exceptions');
  const exceptions: Snapshot['exceptions'] = [];
  if (existsSync(exDir)) {
    for (const name of readdirSync(exDir).sort()) if (name.endsWith('.json')) exceptions.push({ rel: `policies/exceptions/${name}`, text: readFileSync(path.join(exDir, name), 'utf8') });
  }
  return { builtOn: now, files, exceptions };
}

/**
 * The snapshot as embedded in the page: files whose text is exactly their JSON written with two
 * spaces (nearly all) travel as JSON values rather than as escaped strings (a third smaller); the
 * page writes them back byte for byte (expandSnapshot in judge.ts).
 */
export function packSnapshot(snap: Snapshot): Snapshot {
  const files: Record<string, string> = {};
  const docs: Record<string, unknown> = {};
  for (const [rel, text] of Object.entries(snap.files)) {
    let v: unknown;
    try {
      v = JSON.parse(text);
    } catch {
      files[rel] = text;
      continue;
    }
    if (JSON.stringify(v, null, 2) + '\n' === text) docs[rel] = v;
    else files[rel] = text;
  }
  return { ...snap, files, docs };
}

/**
 * Stand-ins for the people of the register: the same person gets the same stand-in everywhere
 * (team fields, and wherever the name or phone recurs in a file's text, e.g. a handover note or a
 * 信息报备 change), in the shapes the schema accepts, so the rules judge the snapshot as they judge
 * the register. Two passes: learn every team member of every file, then rewrite the files.
 */
export class StandIns {
  private readonly names = new Map<string, string>();
  private readonly phones = new Map<string, string>();
  private ordered: [string, string][] | undefined;

  private name(n: string): string {
    let s = this.names.get(n);
    if (!s) this.names.set(n, (s = `人员${this.names.size + 1}（已隐去）`));
    return s;
  }
  private phone(p: string, mobile: boolean): string {
    let s = this.phones.get(p);
    if (!s) {
      const k = String(this.phones.size + 1).padStart(6, '0');
      this.phones.set(p, (s = mobile ? `19900${k}` : `0000-9${k}`));
    }
    return s;
  }
  private static team(doc: unknown): Record<string, unknown> | undefined {
    const team = (doc as { team?: unknown } | null)?.team;
    return team && typeof team === 'object' ? (team as Record<string, unknown>) : undefined;
  }
  /** Pass 1: learn the people of one file. */
  learn(text: string): void {
    let doc: unknown;
    try {
      doc = JSON.parse(text);
    } catch {
      return;
    }
    const team = StandIns.team(doc);
    if (!team) return;
    const person = (p: unknown): void => {
      if (!p || typeof p !== 'object') return;
      const o = p as Record<string, unknown>;
      if (typeof o.name === 'string' && o.name) this.name(o.name);
      if (typeof o.mobile === 'string' && o.mobile) this.phone(o.mobile, true);
      if (typeof o.officePhone === 'string' && o.officePhone) this.phone(o.officePhone, false);
    };
    person(team.principal);
    person(team.inCharge);
    person(team.sectionHead);
    if (Array.isArray(team.operators)) team.operators.forEach(person);
    const review = team.review as Record<string, unknown> | undefined;
    if (review && typeof review === 'object') for (const k of ['editors', 'reviewers', 'finalApprovers']) if (Array.isArray(review[k])) for (const n of review[k] as unknown[]) if (typeof n === 'string' && n) this.name(n);
    this.ordered = undefined;
  }
  private replace(s: string): string {
    this.ordered ??= [...this.names, ...this.phones].sort((a, b) => b[0].length - a[0].length);
    let out = s;
    for (const [from, to] of this.ordered) if (out.includes(from)) out = out.split(from).join(to);
    return out;
  }
  /** Pass 2: the file with every learned name and phone replaced in its string values. */
  file(text: string): string {
    let doc: unknown;
    try {
      doc = JSON.parse(text);
    } catch {
      return text;
    }
    if (!StandIns.team(doc)) return text;
    const walk = (v: unknown): unknown => {
      if (typeof v === 'string') return this.replace(v);
      if (Array.isArray(v)) return v.map(walk);
      if (v && typeof v === 'object') return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, walk(x)]));
      return v;
    };
    return JSON.stringify(walk(doc), null, 2) + '\n';
  }
}

function sha256(s: string): string {
  return createHash('sha256').update(s, 'utf8').digest('base64');
}

let bundleCache: Promise<string> | undefined;

/** Build assistant/index.html (nothing written). */
export async function assistantFiles(dataRoot: string, now: string, engineRoot = ENGINE_ROOT): Promise<{ files: SiteFile[]; teams?: boolean; note?: string }> {
  const { config, note } = readSiteConfig(dataRoot);
  if (!config.assistant) return { files: [], ...(note ? { note } : {}) };
  const script = await (engineRoot === ENGINE_ROOT ? (bundleCache ??= bundleAssistant(engineRoot)) : bundleAssistant(engineRoot));
  const data = { snapshot: packSnapshot(snapshotOf(dataRoot, now, engineRoot, { teams: config.teams })), forge: config.forge ?? null, teams: config.teams };
  const css = readFileSync(path.join(ENGINE_ROOT, 'scripts', 'assistant', 'style.css'), 'utf8');
  const body = readFileSync(path.join(ENGINE_ROOT, 'scripts', 'assistant', 'form.html'), 'utf8');
  const csp = [
    "default-src 'none'",
    `script-src 'sha256-${sha256(script)}'`,
    // the printable filing form (an about:srcdoc frame) carries its own inline styles
    "style-src 'unsafe-inline'",
    'img-src data:',
    "connect-src 'none'",
    "form-action 'none'",
    "base-uri 'none'",
    "frame-src 'self'",
  ].join('; ');
  const html = `<!DOCTYPE html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="${csp}">
<meta name="referrer" content="no-referrer">
<title>政务新媒体备案助手</title>
<style>${css}</style>
</head>
<body>
${body}
<script type="application/json" id="assistant-data">${scriptJson(data)}</script>
<script>${script}</script>
</body>
</html>
`;
  return { files: [{ name: 'assistant/index.html', data: html }], teams: config.teams, ...(note ? { note } : {}) };
}
