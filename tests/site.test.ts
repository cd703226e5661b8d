/**
 * 公开网站：由公开导出生成，在真实的 Chromium 中（本地 HTTP 和 file://）检查搜索、账号详情、
 * “是不是官方账号”查询、手机视图、不发出外部请求，并逐个文件确认不含任何人员姓名和电话。
 *
 * The public site: built from the public export, opened in real Chromium (over local HTTP and
 * from file://): search, account details, the "is this official?" box, a phone viewport, no
 * request leaves the local server, and no staff name or phone number in any built file.
 */
import { createServer, type Server } from 'node:http';
import { mkdirSync, readdirSync, readFileSync, statSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cmdSite } from '../scripts/commands/site.ts';
import { loadForExport } from '../scripts/export/load.ts';
import { publicRecords, type PublicRecord } from '../scripts/export/records.ts';
import { ENGINE_ROOT, tmpDir } from './helpers.ts';
import { browserContext, type FileContext } from './support/chromium.ts';

const NOW = '2026-11-21';
const ARTIFACTS = path.join(ENGINE_ROOT, 'test-artifacts', 'site');

/** Every person name and phone number written in any account file (collected independently of the code under test). */
function personalData(root: string): string[] {
  const found = new Set<string>();
  const walk = (dir: string): void => {
    for (const d of readdirSync(dir, { withFileTypes: true })) {
      const abs = path.join(dir, d.name);
      if (d.isDirectory()) walk(abs);
      else if (d.name.endsWith('.json') && d.name !== 'unit.json' && d.name !== 'region.json') {
        const t = JSON.parse(readFileSync(abs, 'utf8')).team ?? {};
        for (const p of [t.principal, t.inCharge, t.sectionHead, ...(t.operators ?? [])]) {
          if (!p) continue;
          found.add(p.name);
          if (p.mobile) found.add(p.mobile);
          if (p.officePhone) found.add(p.officePhone);
        }
        for (const l of [t.review?.editors, t.review?.reviewers, t.review?.finalApprovers]) for (const n of l ?? []) found.add(n);
      }
    }
  };
  walk(path.join(root, 'accounts'));
  return [...found];
}

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((d) => (d.isDirectory() ? filesUnder(path.join(dir, d.name)) : [path.join(dir, d.name)]));
}

const TYPES: Record<string, string> = { '.html': 'text/html; charset=utf-8', '.json': 'application/json; charset=utf-8', '.csv': 'text/csv; charset=utf-8', '.js': 'text/javascript; charset=utf-8', '.css': 'text/css; charset=utf-8' };

/** A tiny static file server for the built site, on 127.0.0.1 and a random port. */
function serve(root: string): Promise<{ server: Server; base: string }> {
  const server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    let rel = decodeURIComponent(url.pathname);
    if (rel.endsWith('/')) rel += 'index.html';
    const file = path.join(root, path.normalize(rel));
    if (!file.startsWith(root + path.sep)) {
      res.writeHead(403).end();
      return;
    }
    try {
      const body = readFileSync(file);
      res.writeHead(200, { 'content-type': TYPES[path.extname(file)] ?? 'application/octet-stream' }).end(body);
    } catch {
      res.writeHead(404).end('not found');
    }
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve({ server, base: `http://127.0.0.1:${(server.address() as AddressInfo).port}/` })));
}

let siteDir: string;
let records: PublicRecord[];
let server: Server;
let base: string;
let ctx: FileContext;
let buildOut = '';
const requests: string[] = [];
const pageErrors: string[] = [];

async function openPage(url: string): Promise<Page> {
  const page = await ctx.newPage();
  page.on('request', (r) => void requests.push(r.url()));
  page.on('pageerror', (e) => void pageErrors.push(e.message));
  page.on('console', (m) => {
    if (m.type() === 'error') pageErrors.push(m.text());
  });
  await page.goto(url);
  return page;
}

async function verify(page: Page, text: string, platform = ''): Promise<{ verdict: string | null; text: string }> {
  await page.fill('#verify-input', text);
  await page.selectOption('#verify-platform', platform);
  await page.click('#verify-form button[type=submit]');
  const box = page.locator('#verify-result');
  await box.waitFor({ state: 'visible' });
  return { verdict: await box.getAttribute('data-verdict'), text: (await box.textContent()) ?? '' };
}

async function visibleIds(page: Page): Promise<string[]> {
  return page.$$eval('#results > li', (lis) => lis.filter((li) => !li.hasAttribute('hidden')).map((li) => li.getAttribute('data-id') ?? ''));
}

beforeAll(async () => {
  siteDir = path.join(tmpDir('govmedia-site-'), 'site-dist');
  const code = await cmdSite(['--out', siteDir, '--now', NOW, '--root', ENGINE_ROOT], { out: (s) => void (buildOut += s + '\n'), err: (s) => void (buildOut += s + '\n') });
  expect(code, buildOut).toBe(0);
  records = publicRecords(loadForExport(ENGINE_ROOT, NOW).register, NOW);
  ({ server, base } = await serve(siteDir));
  ctx = await browserContext({ viewport: { width: 1280, height: 900 } });
});

afterAll(async () => {
  await ctx?.close();
  await new Promise((r) => server?.close(r));
});

describe('govmedia site', () => {
  it('builds index.html and the public data files', () => {
    expect(buildOut).toContain('已生成公开网站');
    expect(readdirSync(siteDir).sort()).toEqual(['assistant', 'data.csv', 'data.json', 'index.html']);
    const html = readFileSync(path.join(siteDir, 'index.html'), 'utf8');
    expect(html).toMatch(/^<!doctype html>\n<html lang="zh-CN">/);
    expect(html).toContain('<meta name="viewport" content="width=device-width, initial-scale=1">');
    expect(html).toContain('<title>政务新媒体备案公示 · 账号真伪查询</title>');
    // nothing external: no http(s) resource reference, a CSP that allows only the inline code
    expect(html).toMatch(/Content-Security-Policy" content="default-src 'none'; script-src 'sha256-[^']+'; style-src 'sha256-[^']+'/);
    expect(html).not.toMatch(/<(script|link|img|iframe)[^>]+(src|href)="https?:/i);
    expect(html).not.toMatch(/@import|url\(\s*['"]?https?:/i);
    expect(statSync(path.join(siteDir, 'index.html')).size).toBeLessThan(400_000);
    const data = JSON.parse(readFileSync(path.join(siteDir, 'data.json'), 'utf8'));
    expect(data).toMatchObject({ public: true, count: records.length, dataDate: NOW });
  });

  it('no built file contains any staff name or phone number of the register', () => {
    const personal = personalData(ENGINE_ROOT);
    expect(personal.length).toBeGreaterThan(100);
    const files = filesUnder(siteDir);
    expect(files.length).toBe(4); // index.html, data.json, data.csv and the filing assistant (stand-ins for the teams)
    for (const f of files) {
      let text = readFileSync(f, 'utf8');
      // the assistant's script is the engine's code (its rule tables hold fictitious test people);
      // register data reaches the page only through its embedded snapshot: check that
      if (f.endsWith(path.join('assistant', 'index.html'))) text = text.slice(text.indexOf('id="assistant-data"'), text.indexOf('</script>', text.indexOf('id="assistant-data"')));
      expect(personal.filter((p) => text.includes(p)), path.basename(f)).toEqual([]);
      expect(text, path.basename(f)).not.toMatch(/1300000\d{4}|0000-000\d{4}/); // the sample's phone shapes, listed or not
    }
  });

  it('searches by account name, host unit and platform, and opens an account', async () => {
    const page = await openPage(base + 'index.html');
    expect(await page.getAttribute('html', 'lang')).toBe('zh-CN');
    expect((await visibleIds(page)).length).toBe(records.length);
    expect(await page.textContent('#count')).toBe(`共 ${records.length} 个账号`);

    // part of a real account name
    const target = records.find((r) => r.id === 'qj-wjw-weixin')!;
    const part = target.name.slice(0, 3);
    await page.fill('#q', part);
    const byName = await visibleIds(page);
    expect(byName).toContain(target.id);
    expect(byName.length).toBeLessThan(records.length);
    for (const id of byName) expect(JSON.stringify(records.find((r) => r.id === id))).toContain(part);
    for (const r of records) if (r.name.includes(part)) expect(byName).toContain(r.id);
    expect(await page.textContent('#count')).toBe(`找到 ${byName.length} 个账号（共 ${records.length} 个）`);

    // host unit
    await page.fill('#q', '自贡市卫生健康委员会');
    const byUnit = await visibleIds(page);
    expect(new Set(byUnit)).toEqual(new Set(records.filter((r) => r.hostUnit === '自贡市卫生健康委员会').map((r) => r.id)));

    // platform, by text and by the select
    await page.fill('#q', '抖音');
    const douyin = records.filter((r) => r.platform === '抖音').map((r) => r.id);
    expect(new Set(await visibleIds(page))).toEqual(new Set(douyin));
    await page.fill('#q', '');
    await page.selectOption('#f-platform', '新浪微博');
    expect(new Set(await visibleIds(page))).toEqual(new Set(records.filter((r) => r.platform === '新浪微博').map((r) => r.id)));
    await page.selectOption('#f-platform', '');

    // nothing found
    await page.fill('#q', '没有这样的账号名称');
    expect(await visibleIds(page)).toEqual([]);
    expect(await page.isVisible('#empty')).toBe(true);

    // click a result → its details (status, host unit), linkable by its anchor
    await page.fill('#q', part);
    await page.click(`#results > li[data-id="${target.id}"] a`);
    expect(page.url()).toBe(`${base}index.html#acc-${target.id}`);
    const detail = page.locator(`#acc-${target.id}`);
    await expect.poll(() => detail.isVisible()).toBe(true);
    const text = (await detail.textContent()) ?? '';
    expect(text).toContain(target.name);
    expect(text).toContain('状态：正常');
    expect(text).toContain(`主办单位${target.hostUnit}`);
    expect(text).toContain('账号名称由“綦江卫健”变更为“健康綦江”'); // history from the events' changes
    expect(text).toContain(`${target.openedOn}开设备案`);
    expect(await page.isVisible(`#acc-${records.find((r) => r.id !== target.id)!.id}`)).toBe(false);

    // a closed account's page says so, with the date
    const closed = records.find((r) => r.id === 'la-rsj-weibo')!;
    const direct = await openPage(`${base}index.html#acc-${closed.id}`);
    const closedText = (await direct.locator(`#acc-${closed.id}`).textContent()) ?? '';
    expect(closedText).toContain(`已关停（${closed.closedOn}）`);
    expect(closedText).toContain('此账号已关停');
    expect(await direct.getAttribute(`#results > li[data-id="${closed.id}"]`, 'aria-current')).toBe('true');
    await direct.close();
    await page.close();
  });

  it('answers "is this account official?"', async () => {
    const page = await openPage(base + 'index.html');
    const active = records.find((r) => r.publicStatus === '正常' && !records.some((o) => o !== r && o.name === r.name && o.publicStatus !== '正常'))!;

    const official = await verify(page, active.name);
    expect(official.verdict).toBe('official');
    expect(official.text).toContain('是已登记的政务新媒体');
    expect(official.text).toContain(active.hostUnit);
    expect(official.text).toContain('正常');

    // a zero-width space inside the name: only an approximate match, with a warning
    const zw = active.name.slice(0, 2) + '\u200b' + active.name.slice(2);
    const approx = await verify(page, zw);
    expect(approx.verdict).toBe('approximate');
    expect(approx.text).toContain('近似');
    expect(approx.text).toContain('不可见字符');
    expect(approx.text).toContain(active.name);

    // a look-alike character (the Kangxi radical ⼈ U+2F08 for 人) is caught by NFKC
    const withRen = records.find((r) => r.name.includes('人') && r.publicStatus === '正常')!;
    const kangxi = await verify(page, withRen.name.replace('人', '\u2f08'));
    expect(kangxi.verdict).toBe('approximate');
    expect(kangxi.text).toContain('形近');
    expect(kangxi.text).toContain(withRen.name);
    const spaced = await verify(page, active.name.slice(0, 2) + ' ' + active.name.slice(2));
    expect(spaced.verdict).toBe('approximate');
    expect(spaced.text).toContain('空格不同');

    // a closed account whose name no live account uses
    const closed = records.find((r) => r.publicStatus === '已关停' && !records.some((o) => o.name === r.name && o.publicStatus !== '已关停'))!;
    const c = await verify(page, closed.name);
    expect(c.verdict).toBe('closed');
    expect(c.text).toContain('已关停');
    expect(c.text).toContain(closed.closedOn!);

    // the same name on several platforms: narrowing to the closed one says closed
    const shared = records.find((r) => r.publicStatus === '已关停' && records.some((o) => o.name === r.name && o.publicStatus === '正常'))!;
    expect(shared, 'the sample register has a closed account sharing its name with a live one').toBeDefined();
    const both = await verify(page, shared.name);
    expect(both.verdict).toBe('official');
    expect(both.text).toContain(`已关停（${shared.closedOn}）`); // the closed one is listed as closed
    const narrowed = await verify(page, shared.name, shared.platform);
    expect(narrowed.verdict).toBe('closed');
    expect(narrowed.text).toContain(shared.closedOn!);

    // a made-up name
    const none = await verify(page, '这是一个完全虚构的账号名称');
    expect(none.verdict).toBe('not-found');
    expect(none.text).toContain('未在本登记簿中找到（可能是假冒账号，请谨慎）');

    // a former name is not the account's name any more
    const renamed = records.find((r) => r.formerNames.length)!;
    const former = await verify(page, renamed.formerNames[0]!.name, renamed.platform);
    expect(former.verdict).toBe('former');
    expect(former.text).toContain(renamed.name);

    // a registered URL (with a path below it) is recognised
    const withUrl = records.find((r) => r.urls.homepage && r.publicStatus === '正常')!;
    const u = await verify(page, withUrl.urls.homepage!.replace(/\/$/, '') + '/some/post?x=1');
    expect(u.verdict).toBe('official');
    expect(u.text).toContain(withUrl.hostUnit);
    // the result links to the account
    await page.click('#verify-result a');
    expect(page.url()).toBe(`${base}index.html#acc-${withUrl.id}`);
    expect(await page.locator(`#acc-${withUrl.id}`).isVisible()).toBe(true);
    expect((await verify(page, 'https://weibo.example.com/not-registered')).verdict).toBe('not-found');
    await page.close();
  });

  it('works on a phone (390×844): no sideways scrolling, large tap targets; screenshot saved', async () => {
    const page = await openPage(base + 'index.html');
    await page.setViewportSize({ width: 390, height: 844 });
    await page.fill('#verify-input', records.find((r) => r.publicStatus === '已关停')!.name);
    await page.click('#verify-form button[type=submit]');
    expect(await page.evaluate<number>('document.documentElement.scrollWidth')).toBeLessThanOrEqual(390);
    for (const sel of ['#verify-input', '#verify-platform', '#verify-form button', '#q', '#f-platform', '#f-status', '#results > li:first-child a']) {
      const box = await page.locator(sel).boundingBox();
      expect(box?.height ?? 0, sel).toBeGreaterThanOrEqual(44);
    }
    // every form control has a label
    const controls = await page.$$eval('input, select', (els) => els.map((e) => e.id));
    expect(controls.length).toBeGreaterThanOrEqual(5);
    for (const id of controls) expect(await page.locator(`label[for="${id}"]`).count(), `label for #${id}`).toBe(1);
    mkdirSync(ARTIFACTS, { recursive: true });
    const shot = path.join(ARTIFACTS, 'site-phone.png');
    await page.screenshot({ path: shot, fullPage: false });
    expect(statSync(shot).size).toBeGreaterThan(5_000);
    await page.screenshot({ path: path.join(ARTIFACTS, 'site-phone-full.png'), fullPage: true });
    await page.close();
  });

  it('works from file:// as well', async () => {
    const url = pathToFileURL(path.join(siteDir, 'index.html')).href;
    const page = await openPage(url);
    await page.fill('#q', '发布');
    const ids = await visibleIds(page);
    expect(ids.length).toBeGreaterThan(0);
    expect(ids.length).toBeLessThan(records.length);
    const r = records.find((x) => x.publicStatus === '正常')!;
    expect((await verify(page, r.name)).verdict).toBe('official');
    await page.click(`#results > li[data-id="${ids[0]}"] a`);
    expect(await page.locator(`#acc-${ids[0]}`).isVisible()).toBe(true);
    await page.close();
  });

  it('made no request outside the local server (and no script errors)', () => {
    expect(requests.length).toBeGreaterThan(0);
    const outside = requests.filter((u) => !u.startsWith(base) && !u.startsWith('file://') && !u.startsWith('data:'));
    expect(outside).toEqual([]);
    expect(requests.filter((u) => u.startsWith('file://')).every((u) => u.startsWith(pathToFileURL(siteDir).href))).toBe(true);
    expect(pageErrors).toEqual([]);
  });

  it('shows the data date and says it is the public export', async () => {
    const page = await openPage(base + 'index.html');
    const footer = (await page.textContent('footer')) ?? '';
    expect(footer).toContain(`数据日期：${NOW}`);
    expect(footer).toContain('公开导出');
    expect(footer).toContain('不含任何人员姓名、职务和电话');
    await page.close();
  });

  it('rejects bad options with exit code 2 and a Chinese message', async () => {
    let err = '';
    const code = await cmdSite(['--output', 'x'], { out: () => undefined, err: (s) => void (err += s) });
    expect(code).toBe(2);
    expect(err).toContain('未知选项 --output');
    expect(err).not.toMatch(/\n\s+at /);
  });
});
