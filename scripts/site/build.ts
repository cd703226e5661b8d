/**
 * 公开网站：由公开导出（publicRecords）生成静态页面，不含任何个人信息。
 * 一个 index.html（样式、脚本和数据都内嵌，内容安全策略只允许这些内嵌内容，不发出任何网络请求），
 * 外加 data.json / data.csv 两个公开数据下载文件。可直接从 file:// 打开，也可放在任何静态主机上。
 *
 * The public site: static pages built from the public export only (no personal data). One
 * index.html with its style, script and data inline, under a Content-Security-Policy that allows
 * only those (so the page cannot make a network request), plus data.json and data.csv downloads.
 * Works from file:// and from any static host.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { ENGINE_ROOT } from '../core/paths.ts';
import { PUBLIC_STATUS_EN, type PublicRecord, type PublicStatus } from '../export/records.ts';
import { esc } from '../report/escape.ts';
import { CONFUSABLES_DATA } from '../core/confusables/table.ts';

/** The confusables table the lookup's skeleton needs, put into the script at build time (scripts/core/confusables). */
function withConfusables(js: string): string {
  return js.replace("'__GOVMEDIA_CONFUSABLES__'", () => JSON.stringify(CONFUSABLES_DATA).replace(/</g, '\\u003c').replace(/\u2028/g, '\\u2028').replace(/\u2029/g, '\\u2029'));
}

/** The site's static assets stay beside the sources (the compiled copy reads them there). */
const HERE = path.join(ENGINE_ROOT, 'scripts', 'site');

export interface SiteFile {
  /** Path inside the site folder. */
  name: string;
  data: string | Buffer;
}

export interface SiteInput {
  records: PublicRecord[];
  /** 数据日期 / data date (YYYY-MM-DD). */
  dataDate: string;
  /** The public JSON export (data.json). */
  json: string;
  /** The public CSV export (data.csv). */
  csv: string;
  /** Who publishes the register: the supervising offices and their public contacts (region.json publicContact). */
  publishers?: Publisher[];
}

/** A supervising office that publishes part of the register, with its public contact. */
export interface Publisher {
  region: string;
  office: string;
  contactName?: string;
  phone?: string;
  email?: string;
  url?: string;
  address?: string;
}

const STATUS_CLASS: Record<PublicStatus, string> = {
  正常: 's-active',
  开设中: 's-opening',
  关停中: 's-closing',
  已关停: 's-closed',
  未通过审核: 's-rejected',
  已移出: 's-removed',
};

const STATUS_ORDER: PublicStatus[] = ['正常', '开设中', '关停中', '已关停', '未通过审核', '已移出'];

/** HTML escaping is shared by every reporter (scripts/report/escape.ts); re-exported for old importers. */
export { esc };

/** JSON that is safe inside <script type="application/json">. */
function scriptJson(v: unknown): string {
  return JSON.stringify(v).replace(/</g, '\\u003c').replace(/>/g, '\\u003e').replace(/&/g, '\\u0026').replace(/\u2028/g, '\\u2028').replace(/\u2029/g, '\\u2029');
}

function sha256(s: string): string {
  return createHash('sha256').update(s, 'utf8').digest('base64');
}

/** Status words as shown on the page. */
export function statusLabel(r: PublicRecord, now?: string): string {
  switch (r.publicStatus) {
    case '已关停':
      return r.closedOn ? `已关停（${r.closedOn}）` : '已关停';
    case '关停中':
      // a period that has ended is not shown as running ("公告期至" a past date would mislead)
      return r.announcementEnd && !(now && r.announcementEnd < now) ? `关停中（注销公告期至 ${r.announcementEnd}）` : '关停中';
    case '已移出':
      return r.closedOn ? `已不属于政务新媒体（${r.closedOn}）` : '已不属于政务新媒体';
    default:
      return r.publicStatus;
  }
}

function badge(r: PublicRecord, now?: string): string {
  return `<span class="badge ${STATUS_CLASS[r.publicStatus]}">${esc(statusLabel(r, now))}</span>`;
}

/** The announcement end, while it has not passed. */
function runningAnnouncement(r: PublicRecord, now: string): string | undefined {
  return r.announcementEnd && r.announcementEnd >= now ? r.announcementEnd : undefined;
}

/** The compact data the script needs (search and the "is it official?" check). */
function clientData(records: PublicRecord[], dataDate: string): unknown {
  return {
    dataDate,
    accounts: records.map((r) => ({
      id: r.id,
      name: r.name,
      platform: r.platform,
      hostUnit: r.hostUnit,
      region: r.region,
      certifiedEntity: r.certifiedEntity,
      ...(r.platformAccountId ? { platformAccountId: r.platformAccountId } : {}),
      urls: [r.urls.homepage, r.urls.article, r.urls.download].filter((u): u is string => Boolean(u)),
      status: r.publicStatus,
      ...(r.closedOn ? { closedOn: r.closedOn } : {}),
      ...(runningAnnouncement(r, dataDate) ? { announcementEnd: r.announcementEnd } : {}),
      formerNames: r.formerNames,
    })),
  };
}

function listItem(r: PublicRecord, now: string): string {
  const closed = r.publicStatus === '已关停' || r.publicStatus === '已移出' || r.publicStatus === '未通过审核';
  const sub = r.subType ? `（${r.subType}）` : '';
  return `<li data-id="${esc(r.id)}"${closed ? ' class="s-closed-item"' : ''}><a href="#acc-${esc(r.id)}"><span class="nm">${esc(r.name)}</span><span class="meta">${esc(r.platform + sub)} · ${esc(r.hostUnit)}</span>${badge(r, now)}</a></li>`;
}

function urlLink(label: string, u: string | undefined): string {
  if (!u) return '';
  // only http(s) links are made clickable; the register's schema already requires it
  const safe = /^https?:\/\//i.test(u);
  return `<dt>${label}</dt><dd>${safe ? `<a href="${esc(u)}" rel="noopener noreferrer nofollow">${esc(u)}</a>` : esc(u)}</dd>`;
}

function detail(r: PublicRecord, now: string): string {
  const id = `acc-${r.id}`;
  const rows: string[] = [];
  const dd = (label: string, v: string | undefined): void => {
    if (v) rows.push(`<dt>${label}</dt><dd>${esc(v)}</dd>`);
  };
  dd('主办单位', r.hostUnit);
  dd('地区', r.region);
  dd('认证主体', `${r.certifiedEntity}（${r.certifiedEntityCategory}）`);
  dd('运营单位', r.operatingMode === '购买服务' && r.vendor ? `${r.operatingUnit}（购买服务：${r.vendor}）` : `${r.operatingUnit}（${r.operatingMode}）`);
  dd('平台', r.platform + (r.subType ? `（${r.subType}）` : ''));
  dd('平台账号 ID', r.platformAccountId);
  dd('平台认证', r.certificationStatus);
  dd('账号功能', r.functions.join('、'));
  dd('内容类型', r.contentType);
  dd('开设时间', r.openedOn);
  if (r.formerNames.length) dd('曾用名', r.formerNames.map((f) => `${f.name}（${f.until} 更名）`).join('、'));
  rows.push(urlLink('主页', r.urls.homepage), urlLink('文章', r.urls.article), urlLink('下载', r.urls.download));
  dd('账号编号', r.id);
  const closedNote =
    r.publicStatus === '已关停'
      ? `<p class="closed-note">此账号已关停${r.closedOn ? `（${esc(r.closedOn)}）` : ''}，不再是在用的政务新媒体。如仍看到它在发布信息，可能是假冒账号。</p>`
      : r.publicStatus === '关停中'
        ? `<p class="closed-note">此账号正在办理关停${runningAnnouncement(r, now) ? `，注销公告期至 ${esc(r.announcementEnd!)}` : r.announcementEnd ? `，注销公告期已于 ${esc(r.announcementEnd)} 届满` : ''}。</p>`
        : r.publicStatus === '开设中'
          ? '<p class="closed-note">此账号正在办理开设备案，尚未办结，还不是正式启用的政务新媒体账号。</p>'
        : r.publicStatus === '未通过审核'
          ? '<p class="closed-note">此账号的开设申请未通过审核，不是政务新媒体。</p>'
          : r.publicStatus === '已移出'
            ? '<p class="closed-note">此账号已不再纳入政务新媒体管理。</p>'
            : '';
  const history = r.history.map((h) => `<li><time datetime="${esc(h.date)}">${esc(h.date)}</time>${esc(h.zh)}</li>`).join('');
  return `<article class="detail" id="${esc(id)}" tabindex="-1" aria-labelledby="${esc(id)}-h">
<h3 id="${esc(id)}-h">${esc(r.name)} <span class="note">· ${esc(r.platform)}</span></h3>
<p class="status-line">状态：${badge(r, now)}</p>
${closedNote}<dl>${rows.join('')}</dl>
<h4>办理记录 <span class="en" lang="en">History</span></h4>
<ol class="history">${history || '<li>暂无</li>'}</ol>
<a class="back" href="#search">返回列表</a>
</article>`;
}

function publishersSection(publishers: readonly Publisher[]): string {
  const items = publishers.map((p) => {
    const parts: string[] = [];
    if (p.phone) parts.push(`电话 <a href="tel:${esc(p.phone.replace(/[^0-9+]/g, ''))}">${esc(p.phone)}</a>`);
    if (p.email) parts.push(`邮箱 <a href="mailto:${esc(p.email)}">${esc(p.email)}</a>`);
    if (p.url && /^https?:\/\//i.test(p.url)) parts.push(`网址 <a href="${esc(p.url)}" rel="noopener noreferrer nofollow">${esc(p.url)}</a>`);
    if (p.address) parts.push(`地址 ${esc(p.address)}`);
    const who = p.contactName ? `${esc(p.office)}（${esc(p.contactName)}）` : esc(p.office);
    return `<li><strong>${esc(p.region)}</strong>：${who}${parts.length ? `。举报假冒账号、核实账号：${parts.join('，')}` : '。（未登记公开联系方式，请通过该单位的官方网站联系）'}</li>`;
  });
  return `<section id="contact" aria-labelledby="contact-h">
<h2 id="contact-h">谁发布本登记簿、如何举报假冒账号 <span class="en" lang="en">Who publishes this register; reporting a fake account</span></h2>
<p>本登记簿由各地政务新媒体主管单位（一般为本级政府办公室）发布；各地账号的开设、变更和关停须经其审核。发现冒用政府机关名义的账号，或对账号真伪有疑问，请联系该地的主管单位：</p>
<ul class="publishers">${items.join('') || '<li>本登记簿未登记主管单位的公开联系方式。</li>'}</ul>
</section>`;
}

function options(values: string[], all: string): string {
  return [`<option value="">${all}</option>`, ...values.map((v) => `<option value="${esc(v)}">${esc(v)}</option>`)].join('');
}

/** Build the site's files (nothing is written here). */
export function buildSite(input: SiteInput): SiteFile[] {
  const { records, dataDate } = input;
  const css = readFileSync(path.join(HERE, 'style.css'), 'utf8');
  const js = withConfusables(readFileSync(path.join(HERE, 'client.js'), 'utf8'));
  const platforms = [...new Set(records.map((r) => r.platform))].sort((a, b) => a.localeCompare(b, 'zh-CN'));
  const statuses = STATUS_ORDER.filter((s) => records.some((r) => r.publicStatus === s));
  const counts = statuses.map((s) => `${s} ${records.filter((r) => r.publicStatus === s).length} 个`).join('，');
  const csp = [`default-src 'none'`, `script-src 'sha256-${sha256(js)}'`, `style-src 'sha256-${sha256(css)}'`, `img-src data:`, `base-uri 'none'`, `form-action 'none'`].join('; ');
  const title = '政务新媒体备案公示 · 账号真伪查询';
  const html = `<!doctype html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="${csp}">
<meta name="referrer" content="no-referrer">
<meta name="description" content="政务新媒体备案登记簿的公开信息：查询账号是否为已登记的政务新媒体及其状态。">
<title>${title}</title>
<link rel="icon" href="data:,">
<style>${css}</style>
</head>
<body>
<a class="skip" href="#main">跳到主要内容</a>
<header>
<h1>政务新媒体备案公示</h1>
<p>账号真伪查询 <span class="en" lang="en">· Government new-media register: is this account official?</span></p>
</header>
<main id="main">
<noscript><p class="nojs">搜索和真伪查询需要启用 JavaScript；下面的账号列表和详情无需 JavaScript 也可浏览。</p></noscript>
<section id="verify" aria-labelledby="verify-h">
<h2 id="verify-h">这个账号是官方的吗？ <span class="en" lang="en">Is this account official?</span></h2>
<form id="verify-form" class="panel" autocomplete="off">
<div class="row two">
<div><label for="verify-input">粘贴账号名称或链接</label>
<input id="verify-input" name="verify" type="text" inputmode="text" spellcheck="false" placeholder="例如：账号名称，或 https://… 链接" aria-describedby="verify-help"></div>
<div><label for="verify-platform">平台（可选）</label>
<select id="verify-platform">${options(platforms, '全部平台')}</select></div>
</div>
<p id="verify-help" class="note">名称需与平台上显示的完全一致；含不可见字符、全角半角或形近字的名称会提示“近似”。</p>
<button type="submit">查询</button>
<div id="verify-result" class="verdict" role="status" aria-live="polite" hidden></div>
</form>
</section>
<section id="search" aria-labelledby="search-h">
<h2 id="search-h">登记账号查询 <span class="en" lang="en">Search the register</span></h2>
<form id="search-form" class="panel" role="search" autocomplete="off">
<div class="row">
<div><label for="q">按账号名称、主办单位或平台搜索</label>
<input id="q" type="search" spellcheck="false" placeholder="例如：发布、卫生健康委员会、抖音"></div>
<div><label for="f-platform">平台</label>
<select id="f-platform">${options(platforms, '全部平台')}</select></div>
<div><label for="f-status">状态</label>
<select id="f-status">${options(statuses, '全部状态')}</select></div>
</div>
</form>
<div id="details">
${records.map((r) => detail(r, dataDate)).join('\n')}
</div>
<p id="count" aria-live="polite">共 ${records.length} 个账号</p>
<ul id="results" class="results">
${records.map((r) => listItem(r, dataDate)).join('\n')}
</ul>
<p id="empty" hidden>没有找到符合条件的账号。如果您要核对的账号不在其中，它可能不是已登记的政务新媒体。</p>
</section>
${publishersSection(input.publishers ?? [])}
</main>
<footer>
<p>数据日期：<time datetime="${esc(dataDate)}">${esc(dataDate)}</time>。共 ${records.length} 个账号（${esc(counts)}）。</p>
<p>本页是政务新媒体备案登记簿的公开导出（govmedia export --public），只含账号、主办单位和办理状态等公开信息，不含任何人员姓名、职务和电话。</p>
<p>下载公开数据：<a href="data.json" download>JSON</a> <a href="data.csv" download>CSV（Excel/WPS）</a></p>
<p class="en" lang="en">Public export of the government new-media register; no personal data. Data date ${esc(dataDate)}. Status words: ${statuses.map((s) => `${s} = ${PUBLIC_STATUS_EN[s]}`).join('; ')}.</p>
</footer>
<script type="application/json" id="register-data">${scriptJson(clientData(records, dataDate))}</script>
<script>${js}</script>
</body>
</html>
`;
  return [
    { name: 'index.html', data: html },
    { name: 'data.json', data: input.json },
    { name: 'data.csv', data: input.csv },
  ];
}
