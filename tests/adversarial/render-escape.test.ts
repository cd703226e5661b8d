/**
 * 对抗测试（转义函数与 HTML）：每种输出一个转义函数的确切结果；工作流命令的转义与 actions/toolkit
 * 完全一致；作业日志中任何一行都不能以“::”开头；公开网站在真实 Chromium 中
 * 打开时，恶意账号名不执行脚本、不产生元素。
 *
 * The escapers' exact output; workflow-command escaping identical to actions/toolkit's; no job-log
 * line can start with "::"; the public site opened in real Chromium runs no
 * script and create no element from a hostile account name.
 */
import { readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { esc, ghCommand, ghData, ghProp, jobLog, logText, mdCode, mdText, reveal } from '../../scripts/report/escape.ts';
import { esc as formsEsc } from '../../scripts/forms/html.ts';
import { esc as monitorEsc, md as monitorMd } from '../../scripts/monitor/html.ts';
import { esc as siteEsc } from '../../scripts/site/build.ts';
import { baseKit, cli, tmpDir, writeKit } from '../helpers.ts';
import { browserContext, type FileContext } from '../support/chromium.ts';

describe('escape: one helper per output kind', () => {
  it('site, forms and monitor use the one HTML escaper and the one Markdown escaper', () => {
    expect(siteEsc).toBe(esc);
    expect(formsEsc).toBe(esc);
    expect(monitorEsc).toBe(esc);
    expect(monitorMd).toBe(mdText);
  });

  it.each([
    ['<script>alert("x")</script>', '&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;'],
    [`" onmouseover='alert(1)' x="`, '&quot; onmouseover=&#39;alert(1)&#39; x=&quot;'],
    ['&amp; already', '&amp;amp; already'],
    ['健康自贡', '健康自贡'],
  ])('esc(%j) = %j', (input, out) => {
    expect(esc(input)).toBe(out);
  });

  it.each([
    ['\n## 已由维护者批准', '\\\\n#&#8203;#&#8203; 已由维护者批准'],
    ['- [x] 已审批', '\\- \\[x\\] 已审批'],
    ['1. 第一', '1\\. 第一'],
    ['   缩进代码', '&#32;&#32;&#32;缩进代码'],
    ['> 引用', '&gt; 引用'],
    ['= 标题线', '\\= 标题线'],
    ['<details><summary>x</summary>', '&lt;details&gt;&lt;summary&gt;x&lt;/summary&gt;'],
    ['![图](https://evil.example/x.png)', '!\\[图\\](https:&#8203;//evil.example/x.png)'],
    ['[^1]: 脚注', '\\[^1\\]: 脚注'],
    ['a@b.example 邮件', 'a@&#8203;b.example 邮件'],
    ['http://evil.example', 'http:&#8203;//evil.example'],
    ['WWW.evil.example', 'WWW&#8203;.evil.example'],
    ['\u0007铃\u001b[31m红', '\\\\u0007铃\\\\u001b\\[31m红'],
    ['\u{E0041}标签字符', '\\\\u{e0041}标签字符'],
  ])('mdText(%j) = %j', (input, out) => {
    expect(mdText(input)).toBe(out);
  });

  it.each([
    ['accounts/a/b.json:3:5', '`accounts/a/b.json:3:5`'],
    ['@org/team', '`@org/team`'],
    ['a`b', 'a\\`b'],
    ['a|b', 'a\\|b'],
    ['a\nb', 'a\\\\nb'],
    [' lead', '&#32;lead'],
    ['', ''],
  ])('mdCode(%j) = %j', (input, out) => {
    expect(mdCode(input)).toBe(out);
  });

  it('ghData and ghProp are exactly actions/toolkit escapeData and escapeProperty (packages/core/src/command.ts)', () => {
    // copied from actions/toolkit@4b9afa4c packages/core/src/command.ts, the reference implementation
    const escapeData = (s: string): string => s.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
    const escapeProperty = (s: string): string => s.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A').replace(/:/g, '%3A').replace(/,/g, '%2C');
    const alphabet = ['%', '\r', '\n', ':', ',', '0', 'A', '2', '5', '健', ' ', '=', '#', '['];
    let seed = 12345;
    const rnd = (n: number): number => ((seed = (seed * 1103515245 + 12345) & 0x7fffffff), seed % n);
    for (let i = 0; i < 500; i++) {
      const s = Array.from({ length: rnd(12) }, () => alphabet[rnd(alphabet.length)]).join('');
      expect(ghData(s)).toBe(escapeData(s));
      expect(ghProp(s)).toBe(escapeProperty(s));
    }
  });

  it('ghCommand: one line, every property escaped, empty properties left out', () => {
    expect(ghCommand('error', { file: 'a,b:c\n.json', line: 3, col: 1, title: '' }, '名称\n::warning::x%0A')).toBe('::error file=a%2Cb%3Ac%0A.json,line=3,col=1::名称%0A::warning::x%250A');
    expect(ghCommand('notice', {}, 'x')).toBe('::notice::x');
  });

  it.each([
    ['::warning::x', '\\::warning::x'],
    ['  ::stop-commands::t', '  \\::stop-commands::t'],
    ['\t::error::x', '\t\\::error::x'],
    ['\u3000::warning::全角空格', '\u3000\\::warning::全角空格'],
    ['\u00a0::warning::nbsp', '\u00a0\\::warning::nbsp'],
    ['\u0085::warning::nel', '\u0085\\::warning::nel'],
    ['ok ::warning:: in the middle', 'ok ::warning:: in the middle'],
    ['a ##[error]b', 'a ##\\[error]b'],
    ['line1\n::warning::x\r\n  ::error::y\rz', 'line1\n\\::warning::x\r\n  \\::error::y\rz'],
  ])('jobLog(%j) = %j', (input, out) => {
    expect(jobLog(input)).toBe(out);
    expect(jobLog(jobLog(input))).toBe(out);
  });

  it('logText: a value never breaks the line and never carries ##[', () => {
    expect(logText('名称\n::warning::x\r\u2028##[group]y')).toBe('名称\\n::warning::x\\r\\u2028##\\[group]y');
    expect(reveal('\u200b\u200d\ufeff\u202e\u2066')).toBe('\\u200b\\u200d\\ufeff\\u202e\\u2066');
  });
});

describe('HTML: hostile account names in real Chromium', () => {
  // within the schema's 60 characters
  const HOSTILE = '健康<img src=x onerror="__pwned=1"><script>__pwned=2</script>';
  let dir: string;
  let out: string;
  let ctx: FileContext;
  beforeAll(async () => {
    const k = baseKit();
    k.get('zg-wjw-weixin').name = HOSTILE;
    dir = writeKit(k, tmpDir('govmedia-render-html-'));
    out = tmpDir('govmedia-render-out-');
    ctx = await browserContext();
  }, 120_000);
  afterAll(async () => {
    await ctx?.close();
    rmSync(dir, { recursive: true, force: true });
    rmSync(out, { recursive: true, force: true });
  });

  async function open(file: string): Promise<{ pwned: unknown; imgs: number; scripts: string[]; text: string }> {
    const page = await ctx.newPage();
    await page.route('**/*', (r) => (r.request().url().startsWith('file:') ? r.continue() : r.abort()));
    await page.goto(pathToFileURL(file).href);
    await page.waitForTimeout(200);
    // evaluated in the page (a string: the test's own TypeScript has no DOM types)
    const res = await page.evaluate<{ pwned: unknown; imgs: number; scripts: string[]; text: string }>(`({
      pwned: window.__pwned,
      imgs: document.querySelectorAll('img').length,
      scripts: [...document.querySelectorAll('script')].map((s) => s.textContent || '').filter((t) => t.includes('__pwned')),
      text: document.body.innerText,
    })`);
    await page.close();
    return res;
  }

  it('the public site: the name is text, no element, no script run', async () => {
    const site = path.join(out, 'site');
    const r = await cli(['site', '--root', dir, '--now', '2026-11-20', '--out', site]);
    expect(r.code, r.err + r.out).toBe(0);
    const html = readFileSync(path.join(site, 'index.html'), 'utf8');
    expect(html).not.toContain('<img src=x');
    expect(html).not.toContain('<script>__pwned');
    const p = await open(path.join(site, 'index.html'));
    expect(p.pwned).toBeUndefined();
    expect(p.imgs).toBe(0);
    expect(p.text).toContain('健康<img src=x onerror="__pwned=1"><script>__pwned=2</script>');
  });
});
