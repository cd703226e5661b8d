/**
 * 公开网站面向公众的内容（真实的 Chromium）：平台账号 ID 和主页链接；只有在平台上运行的账号才说“已登记”；
 * 谁发布本登记簿、如何举报假冒账号（region.json 中主管单位的公开联系方式）；公告期已过的不再显示“公告期至”。
 *
 * The public site for citizens, in real Chromium: the platform account id and link; "已登记" only
 * for accounts live on their platform; who publishes the register and how to report a fake account
 * (the supervising office's public contact from region.json); no "公告期至" past its date.
 */
import { readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cmdSite } from '../scripts/commands/site.ts';
import type { Event } from '../scripts/generated/types.ts';
import { closeEvents, FixtureKit, openEvents } from '../scripts/dev/fixture.ts';
import { tmpDir, writeKit } from './helpers.ts';
import { browserContext, type FileContext } from './support/chromium.ts';

const NOW = '2026-11-21';
const dirs: string[] = [];
let ctx: FileContext;
let page: Page;
let html = '';

beforeAll(async () => {
  const k = new FixtureKit();
  k.region('', { name: '全国', level: '国家' });
  k.region('sichuan', { name: '四川省', level: '省级' });
  k.region('sichuan/zigong', { name: '四川省自贡市', level: '市级', supervisingOffice: 'zg-bgs', publicContact: { name: '政务公开科', phone: '12345', url: 'https://zigong.gov.example/report' } });
  k.unit('sichuan/zigong', { id: 'zg-bgs', name: '自贡市人民政府办公室', kind: '政府办公室' });
  k.unit('sichuan/zigong', { id: 'zg-wjw', name: '自贡市卫生健康委员会', kind: '政府部门' });
  k.account('zg-wjw', { id: 'zg-wjw-weixin', name: '健康自贡', platform: '微信公众号', platformAccountId: 'jiankangzigong', urls: { homepage: 'https://mp.weixin.example/jiankangzigong' }, events: openEvents('2026-03-02') });
  k.account('zg-wjw', { id: 'zg-wjw-douyin', name: '自贡卫健抖音', platform: '抖音', events: openEvents('2026-11-18').slice(0, 1) });
  // closing: the 30-day announcement of 2026-09-03 ended on 2026-10-03; not deregistered yet
  const [filing, review, notice] = closeEvents('2026-09-01');
  const closing: Event[] = [...openEvents('2026-01-05'), filing!, review!, { ...notice!, announcementEnd: '2026-10-03' }];
  k.account('zg-wjw', { id: 'zg-wjw-weibo', name: '自贡卫健微博', platform: '新浪微博', events: closing });
  const root = tmpDir('govmedia-site-citizens-');
  dirs.push(root);
  writeKit(k, root);
  const out = path.join(root, 'site-dist');
  let log = '';
  const code = await cmdSite(['--out', out, '--now', NOW, '--root', root], { out: (s) => void (log += s), err: (s) => void (log += s) });
  expect(code, log).toBe(0);
  html = readFileSync(path.join(out, 'index.html'), 'utf8');
  ctx = await browserContext();
  page = await ctx.newPage();
  await page.goto(pathToFileURL(path.join(out, 'index.html')).href);
});

afterAll(async () => {
  await ctx?.close();
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

async function verify(text: string): Promise<{ verdict: string | null; text: string }> {
  await page.fill('#verify-input', text);
  await page.click('#verify-form button[type=submit]');
  const box = page.locator('#verify-result');
  await box.waitFor({ state: 'visible' });
  return { verdict: await box.getAttribute('data-verdict'), text: (await box.textContent()) ?? '' };
}

describe('the public site, for citizens', () => {
  it('a live account: 已登记, with its platform account id and a link to its page', async () => {
    const r = await verify('健康自贡');
    expect(r.verdict).toBe('official');
    expect(r.text).toContain('是已登记的政务新媒体');
    expect(r.text).toContain('平台账号 ID：jiankangzigong');
    expect(await page.getAttribute('#verify-result a.home', 'href')).toBe('https://mp.weixin.example/jiankangzigong');
    expect(await page.textContent('#acc-zg-wjw-weixin')).toContain('jiankangzigong');
    // the account id is also a way to look it up
    expect((await verify('jiankangzigong')).verdict).toBe('official');
  });

  it('an account still being filed is not called 已登记: 正在办理开设备案', async () => {
    const r = await verify('自贡卫健抖音');
    expect(r.verdict).toBe('opening');
    expect(r.text).toContain('正在办理开设备案，尚未正式启用');
    expect(r.text).not.toContain('是已登记的政务新媒体');
    expect(await page.textContent('#acc-zg-wjw-douyin')).toContain('还不是正式启用的政务新媒体账号');
  });

  it('says who publishes the register and how to report a fake account (region.json publicContact)', async () => {
    const contact = (await page.textContent('#contact')) ?? '';
    expect(contact).toContain('谁发布本登记簿、如何举报假冒账号');
    expect(contact).toContain('四川省自贡市');
    expect(contact).toContain('自贡市人民政府办公室（政务公开科）');
    expect(contact).toContain('12345');
    expect(await page.getAttribute('#contact a[href^="https://"]', 'href')).toBe('https://zigong.gov.example/report');
    expect((await verify('这是一个完全虚构的账号名称')).text).toContain('如何举报假冒账号');
  });

  it('an announcement period that has ended is not shown as running (--now 2026-11-21, ended 2026-10-03)', async () => {
    // only the dated history entry (2026-09-03 发布注销公告…) still names the period's end
    expect(html.replace(/<ol class="history">[\s\S]*?<\/ol>/g, '')).not.toContain('公告期至 2026-10-0');
    const detail = (await page.textContent('#acc-zg-wjw-weibo .status-line')) + ((await page.textContent('#acc-zg-wjw-weibo .closed-note')) ?? '');
    expect(detail).toContain('关停中');
    expect(detail).toContain('注销公告期已于 2026-10-0');
    expect(detail).not.toContain('公告期至');
    expect((await verify('自贡卫健微博')).text).not.toContain('公告期至');
  });
});
