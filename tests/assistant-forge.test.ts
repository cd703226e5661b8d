/**
 * 备案助手的网页编辑器链接，逐字节对照各平台文档所载的格式：GitHub（filename/value）、
 * Gitea（go-gitea/gitea#16556：_new/<分支>/<目录>/?filename=…&value=…）、GitLab（-/new/<分支>/<目录>?file_name=…，
 * 其编辑器不接受链接带入的内容，gitlab-org/gitlab#594214）；中文内容的编码；超过安全长度时退回
 * “打开空白编辑器 + 复制粘贴”。
 *
 * The assistant's web-editor links, exactly, against the forges' documented formats; the encoding
 * of Chinese file content; the fallback to an empty editor (copy and paste) beyond a safe length.
 */
import { describe, expect, it } from 'vitest';
import { editorLink, MAX_URL, parseForgeConfig, type ForgeConfig } from '../scripts/assistant/forge.ts';

const REL = 'accounts/sichuan/zigong/zg-wjw/zg-wjw-bilibili.json';
const TEXT = '{\n  "id": "zg-wjw-bilibili",\n  "name": "健康自贡",\n  "reason": "发布政务信息、回应关切 & 解读政策 #1 ?a=b/c"\n}\n';
const cfg = (kind: ForgeConfig['kind'], url: string, repo: string, branch = 'main'): ForgeConfig => parseForgeConfig({ kind, url, repo, branch })!;

describe('web-editor links per forge', () => {
  it('GitHub: /new/<branch>?filename=<path>&value=<text>, the path and text fully percent-encoded', () => {
    const l = editorLink(cfg('github', 'https://github.com', 'govmedia-demo/register'), REL, TEXT, false);
    expect(l).toEqual({
      href:
        'https://github.com/govmedia-demo/register/new/main?filename=accounts%2Fsichuan%2Fzigong%2Fzg-wjw%2Fzg-wjw-bilibili.json&value=' +
        '%7B%0A%20%20%22id%22%3A%20%22zg-wjw-bilibili%22%2C%0A%20%20%22name%22%3A%20%22%E5%81%A5%E5%BA%B7%E8%87%AA%E8%B4%A1%22%2C%0A%20%20%22reason%22%3A%20%22%E5%8F%91%E5%B8%83%E6%94%BF%E5%8A%A1%E4%BF%A1%E6%81%AF%E3%80%81%E5%9B%9E%E5%BA%94%E5%85%B3%E5%88%87%20%26%20%E8%A7%A3%E8%AF%BB%E6%94%BF%E7%AD%96%20%231%20%3Fa%3Db%2Fc%22%0A%7D%0A',
      prefilled: true,
    });
    // the text comes back byte for byte from the query string, whatever it holds (& # ? / and Chinese)
    expect(new URL(l.href).searchParams.get('value')).toBe(TEXT);
    expect(new URL(l.href).searchParams.get('filename')).toBe(REL);
  });

  it('Gitea: /_new/<branch>/<dir>/?filename=<name>&value=<text> (go-gitea/gitea#16556), on a sub-path install', () => {
    const l = editorLink(cfg('gitea', 'https://intranet.example.gov.cn/git/', 'govmedia/register', 'release/2026'), REL, TEXT, false);
    expect(l.prefilled).toBe(true);
    expect(l.href.startsWith('https://intranet.example.gov.cn/git/govmedia/register/_new/release/2026/accounts/sichuan/zigong/zg-wjw/?filename=zg-wjw-bilibili.json&value=%7B%0A')).toBe(true);
    const u = new URL(l.href);
    expect(u.searchParams.get('value')).toBe(TEXT);
    expect(u.searchParams.get('filename')).toBe('zg-wjw-bilibili.json');
    expect(editorLink(cfg('gitea', 'https://git.example.gov.cn', 'govmedia/register'), REL, TEXT, true)).toEqual({ href: `https://git.example.gov.cn/govmedia/register/_edit/main/${REL}`, prefilled: false, why: 'exists' });
  });

  it('GitLab: /-/new/<branch>/<dir>?file_name=<name>, no content promised (its editor ignores it); subgroups kept', () => {
    const l = editorLink(cfg('gitlab', 'https://gitlab.example.gov.cn', 'gov/media/register'), REL, TEXT, false);
    expect(l).toEqual({ href: 'https://gitlab.example.gov.cn/gov/media/register/-/new/main/accounts/sichuan/zigong/zg-wjw?file_name=zg-wjw-bilibili.json', prefilled: false, why: 'forge' });
    expect(editorLink(cfg('gitlab', 'https://gitlab.example.gov.cn', 'gov/media/register'), REL, TEXT, true)).toEqual({ href: `https://gitlab.example.gov.cn/gov/media/register/-/edit/main/${REL}`, prefilled: false, why: 'exists' });
  });

  it('a path segment with characters of its own is encoded segment by segment, slashes kept', () => {
    const l = editorLink(cfg('gitea', 'https://git.example.gov.cn', 'govmedia/register'), 'accounts/a b/c#d.json', '{}', false);
    expect(l.href).toBe('https://git.example.gov.cn/govmedia/register/_new/main/accounts/a%20b/?filename=c%23d.json&value=%7B%7D');
  });
});

describe('length: beyond a safe URL the empty editor opens and the clerk pastes', () => {
  it(`a link longer than ${MAX_URL} characters carries no content; one at the limit does`, () => {
    const gh = cfg('github', 'https://github.com', 'govmedia-demo/register');
    const prefix = editorLink(gh, REL, '', false).href.length;
    // a Chinese character is nine characters encoded: fill exactly to the limit, then one more
    const room = MAX_URL - prefix;
    const fits = '政'.repeat(Math.floor(room / 9)) + 'a'.repeat(room % 9);
    const at = editorLink(gh, REL, fits, false);
    expect(at.href.length).toBe(MAX_URL);
    expect(at.prefilled).toBe(true);
    const over = editorLink(gh, REL, fits + 'a', false);
    expect(over).toEqual({ href: `https://github.com/govmedia-demo/register/new/main?filename=${encodeURIComponent(REL)}`, prefilled: false, why: 'too-long' });
    const gt = editorLink(cfg('gitea', 'https://git.example.gov.cn', 'govmedia/register'), REL, '政'.repeat(2000), false);
    expect(gt).toEqual({ href: 'https://git.example.gov.cn/govmedia/register/_new/main/accounts/sichuan/zigong/zg-wjw/?filename=zg-wjw-bilibili.json', prefilled: false, why: 'too-long' });
  });

  it('the limit leaves room under a proxy\'s default 8 KB request line', () => {
    expect(MAX_URL).toBeLessThan(8 * 1024);
  });
});
