/**
 * 测试用浏览器上下文的隔离（tests/support/chromium.ts）：同一工作进程的各测试文件共用一个浏览器上下文，
 * 但一个文件关闭它的上下文后，下一个文件看不到它留下的 Cookie、本地存储和离线设置；视口各用各的。
 * The browser files of a worker share one browser context (tests/support/chromium.ts); what one
 * file leaves in it (cookies, local storage of a web page and of a file:// page, the offline
 * setting) is gone for the next, and each gets its own viewport.
 */
import { writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tmpDir } from './helpers.ts';
import { browserContext } from './support/chromium.ts';

let server: Server;
let web: string;
let file: string;

beforeAll(async () => {
  server = createServer((_req, res) => void res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end('<!DOCTYPE html><title>web</title><p>web'));
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const a = server.address();
  web = `http://127.0.0.1:${typeof a === 'object' && a ? a.port : 0}/`;
  const f = path.join(tmpDir('govmedia-chromium-ctx-'), 'page.html');
  writeFileSync(f, '<!DOCTYPE html><title>file</title><p>file');
  file = pathToFileURL(f).href;
});

afterAll(async () => {
  await new Promise((r) => server?.close(r));
});

describe('the shared browser context of a worker', () => {
  it('a file sees nothing another left in it: cookies, local storage (web and file://), offline; each its own viewport', async () => {
    const first = await browserContext({ viewport: { width: 390, height: 844 } });
    try {
      const p = await first.newPage();
      expect(await p.evaluate<number>('innerWidth')).toBe(390);
      await p.goto(web);
      await p.evaluate("document.cookie = 'who=first; max-age=3600'; localStorage.setItem('who', 'first')");
      expect(await p.evaluate<string>('document.cookie')).toBe('who=first');
      await p.goto(file);
      await p.evaluate("localStorage.setItem('who', 'first')");
      expect(await p.evaluate<string | null>("localStorage.getItem('who')")).toBe('first');
    } finally {
      await first.close();
    }

    const offline = await browserContext({ offline: true });
    try {
      const p = await offline.newPage();
      expect(await p.evaluate<number>('innerWidth')).toBe(1280);
      await expect(p.goto(web)).rejects.toThrow(/ERR_INTERNET_DISCONNECTED/);
      const q = await offline.newPage();
      await q.goto(file);
      expect(await q.evaluate<string | null>("localStorage.getItem('who')")).toBeNull();
    } finally {
      await offline.close();
    }

    const next = await browserContext();
    try {
      const p = await next.newPage();
      await p.goto(web);
      expect(await p.evaluate<string>('document.cookie')).toBe('');
      expect(await p.evaluate<string | null>("localStorage.getItem('who')")).toBeNull();
    } finally {
      await next.close();
    }
  }, 60_000);
});
