/**
 * 公示页的“是不是官方账号”查询按形近骨架（confusables skeleton）匹配名称：在真实的 Chromium 中，
 * 带不可见字符或形近字（片假名、注音符号、韩文字母、苏州码子、Ⅱ、ℂ、全角）的名称只得到“近似”结论，
 * 并指出登记的名称。
 * The public site's lookup matches names by the confusables skeleton: in real Chromium, a
 * name with an invisible or look-alike character gets the "approximate" verdict naming the
 * registered name, never "official" and never "not found".
 */
import { cpSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cmdSite } from '../../scripts/commands/site.ts';
import { ENGINE_ROOT, tmpDir } from '../helpers.ts';
import { browserContext, type FileContext } from '../support/chromium.ts';

const NOW = '2026-11-21';
const NAME = '口工力二一十丨IIC发布';
const ACC = 'accounts/sichuan/zigong/zg-szf/zg-szf-douyin.json';

let root: string;
let ctx: FileContext;
let page: Page;
let html: string;

beforeAll(async () => {
  root = tmpDir('govmedia-textsite-');
  for (const f of ['accounts', 'policies', 'schemas']) cpSync(path.join(ENGINE_ROOT, f), path.join(root, f), { recursive: true });
  const file = path.join(root, ACC);
  const a = JSON.parse(readFileSync(file, 'utf8'));
  a.name = NAME;
  writeFileSync(file, JSON.stringify(a, null, 2) + '\n');
  const out = path.join(root, 'site-dist');
  mkdirSync(out, { recursive: true });
  let log = '';
  const code = await cmdSite(['--out', out, '--now', NOW, '--root', root], { out: (s) => void (log += s + '\n'), err: (s) => void (log += s + '\n') });
  expect(code, log).toBe(0);
  html = readFileSync(path.join(out, 'index.html'), 'utf8');
  ctx = await browserContext();
  page = await ctx.newPage();
  await page.goto(pathToFileURL(path.join(out, 'index.html')).href);
}, 180_000);

afterAll(async () => {
  await ctx?.close();
  for (const d of [root]) if (d) rmSync(d, { recursive: true, force: true });
});

async function verify(text: string, platform = ''): Promise<{ verdict: string | null; text: string }> {
  await page.fill('#verify-input', text);
  await page.selectOption('#verify-platform', platform);
  await page.click('#verify-form button[type=submit]');
  const box = page.locator('#verify-result');
  await box.waitFor({ state: 'visible' });
  return { verdict: await box.getAttribute('data-verdict'), text: (await box.textContent()) ?? '' };
}

describe('the site lookup matches by skeleton', () => {
  it('the page carries the confusables table and still passes its own CSP (the script runs)', async () => {
    expect(html).not.toContain('__GOVMEDIA_CONFUSABLES__');
    expect(html).not.toMatch(/<\/script[^>]*>[^<]*ロ/); // the table stays inside the script
    const r = await verify(NAME);
    expect(r.verdict).toBe('official');
  });
  for (const [label, variant] of [
    ['Katakana ロ', NAME.replace('口', 'ロ')],
    ['Katakana エ', NAME.replace('工', 'エ')],
    ['Katakana カ', NAME.replace('力', 'カ')],
    ['Katakana ニ', NAME.replace('二', 'ニ')],
    ['Hangul ㅡ', NAME.replace('一', 'ㅡ')],
    ['Bopomofo ㄧ', NAME.replace('一', 'ㄧ')],
    ['Hangzhou 〸', NAME.replace('十', '〸')],
    ['Hangzhou 〡', NAME.replace('丨', '〡')],
    ['Roman Ⅱ', NAME.replace('II', 'Ⅱ')],
    ['double-struck ℂ', NAME.replace('C', 'ℂ')],
    ['U+2065', NAME + '\u2065'],
    ['U+1D173', NAME.slice(0, 2) + '\u{1D173}' + NAME.slice(2)],
    ['U+1BCA0', NAME.slice(0, 3) + '\u{1BCA0}' + NAME.slice(3)],
    ['U+13430', NAME.slice(0, 4) + '\u{13430}' + NAME.slice(4)],
  ] as const) {
    it(`${label}: approximate, naming the registered name`, async () => {
      const r = await verify(variant);
      expect(r.verdict, r.text).toBe('approximate');
      expect(r.text).toContain(`与登记名称“${NAME}”不完全一致`);
      expect(r.text).toMatch(/不可见字符|形近字符/);
    });
  }
  it('a different name is still not found', async () => {
    const r = await verify('口工力二一十丨IIC新闻');
    expect(r.verdict).toBe('not-found');
  });
});
