/**
 * Debian 的 Chromium 在哪里：环境变量 CHROMIUM_PATH，否则在 PATH 中依次查找 chromium-headless-shell、chromium、
 * chromium-browser。测试不写死绝对路径；找不到时给出安装提示（.ci/run 会安装）。
 * 优先用 Debian 的 chromium-headless-shell（同一份 Chromium 源码编译的无界面外壳，即 Chromium 的“旧无头模式”，
 * 也是 Playwright 自己做无头测试时运行的那种）：同样的 Blink 排版、脚本和打印，但不启动完整浏览器的界面层和服务；
 * 本机 2 核上运行四个浏览器测试文件（备案助手、备案表、公开网站、监测）的整机 CPU 由 94–99 秒降到 58–65 秒
 * （交替运行），88 个测试结果相同。（下文引用的开销是用完整浏览器测得的。）
 * Where Debian's Chromium is: $CHROMIUM_PATH, else `chromium-headless-shell`, `chromium` or
 * `chromium-browser` on the PATH, in that order. Tests write no absolute path; when none is found
 * the error says how to install it (.ci/run does).
 * Debian's chromium-headless-shell comes first: Chromium's headless shell ("old headless"), built
 * from the same sources as Debian's chromium, and what Playwright itself runs for headless tests:
 * the same Blink layout, scripts and printing, without the full browser's UI layer and services.
 * On this 2-core machine running the four browser files (assistant, forms, site, monitor)
 * took 58–65 s of CPU (the whole machine's) with it against 94–99 s with the full browser, in
 * alternating runs, with the same 88 results. (The costs quoted below were measured with the full
 * browser.)
 */
import { accessSync, constants } from 'node:fs';
import path from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';

/** The names looked for on the PATH, the preferred first. */
export const CHROMIUM_NAMES = ['chromium-headless-shell', 'chromium', 'chromium-browser'] as const;

function onPath(names: readonly string[]): string | undefined {
  // each name through the whole PATH before the next: the preferred one wherever it is
  for (const n of names) {
    for (const dir of (process.env.PATH ?? '').split(path.delimiter)) {
      if (!dir) continue;
      const p = path.join(dir, n);
      try {
        accessSync(p, constants.X_OK);
        return p;
      } catch {
        /* not here */
      }
    }
  }
  return undefined;
}

/** The Chromium executable for playwright-core's `executablePath` (Debian's; never a downloaded browser). */
export function chromiumPath(): string {
  const p = process.env.CHROMIUM_PATH || onPath(CHROMIUM_NAMES);
  if (!p) throw new Error("Debian's Chromium was not found on the PATH (set CHROMIUM_PATH, or: apt-get install -y chromium-headless-shell, or chromium)");
  return p;
}

/**
 * 一个工作进程只启动一个 Chromium：各测试文件在它上面开自己的浏览器上下文（互不相通的存储、视口、离线设置），
 * 用完关闭自己的上下文；浏览器在工作进程结束时关闭（连同 Playwright 的临时配置目录）。
 * One Chromium per test worker: a launch costs ~1.6 s of CPU (browser, GPU, network and zygote
 * processes), and eight files each launched their own. A worker keeps its modules from one file
 * to the next (vitest.config.ts: isolate: false), so the browser launched here serves every file
 * the worker runs, and so does one browser context (FileContext below: each file gets its own
 * tabs, viewport and offline setting, and what it stored is cleared when it closes them, so
 * nothing of one file is seen by another). The browser ends with
 * the worker: Vitest stops a worker with SIGTERM, on which the worker exits and Playwright kills
 * the browser and removes its temporary profile. (Eight browser files together: 75 s → 63 s of
 * CPU, measured with the browser closed gracefully and so counted; killed at the end, as now, its
 * processes are reaped by init and /usr/bin/time no longer sees their CPU.)
 */

/**
 * `--renderer-process-limit=1` with a blank tab kept open in the worker's context (browserContext below):
 * the context's new tabs share the renderer process of the tab kept open instead of each starting
 * its own (and ending it when closed). Starting a renderer costs ~1 s of CPU here; six tabs of the
 * public site: 14–16 s → ~7 s of Chromium CPU. Pages stay apart as before (each tab its own
 * window and documents; each context its own storage and process).
 */
const ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--renderer-process-limit=1', '--disable-site-isolation-trials'];

let shared: Promise<Browser> | undefined;

function sharedBrowser(): Promise<Browser> {
  if (!shared) {
    const launching = chromium.launch({ executablePath: chromiumPath(), args: ARGS, handleSIGTERM: false, handleSIGINT: false, handleSIGHUP: false });
    shared = launching;
    launching.then(
      (b) => b.on('disconnected', () => void (shared === launching && (shared = undefined))),
      () => void (shared === launching && (shared = undefined)),
    );
    // Vitest ends a worker with SIGTERM (and SIGKILL 500 ms later). The worker then exits at once:
    // Playwright's exit handler kills the browser's process group (SIGKILL) and removes its
    // profile, synchronously. Not a graceful close: a browser shutting down writes its profile for
    // a while, and one still writing when the run's temporary folder is removed (global teardown)
    // makes that removal fail and leaves the folder behind (seen under load). Without this handler
    // the worker would die on SIGTERM without running exit handlers, and the orphaned browser
    // would shut down gracefully, writing into the run's folder.
    if (process.listenerCount('SIGTERM') === 0) process.once('SIGTERM', () => process.exit(143));
  }
  return shared;
}

/**
 * 一个工作进程的各测试文件共用一个浏览器上下文（一个渲染进程）：每个文件开自己的标签页、用自己的视口和离线设置，
 * 结束时关闭自己的标签页，并清除它留下的 Cookie、缓存和它访问过的各来源的存储，下一个文件看不到它的任何东西。
 * One browser context per worker, shared by the files the worker runs in turn: a context has its
 * own renderer process, and starting one cost ~1.5 s of Chromium CPU (plus ~0.6 s in the browser
 * process) for each of the nine browser files. Each file still gets its own tabs, its viewport and
 * its offline setting (browserContext below), and when it closes what it got, its tabs are closed
 * and what it left in the context is cleared: cookies, permissions, the HTTP cache and the storage
 * (local and session storage, IndexedDB, caches, service workers) of every origin its tabs
 * visited, file:// included; a file's own cookies or local storage are then gone (proved in
 * tests/chromium-context.test.ts). The blank tab kept open keeps the renderer alive between tabs
 * and between files (see ARGS).
 */
export interface FileContext {
  /** A new tab of the shared context, at this file's viewport (1280×720 when none was asked for). */
  newPage(): Promise<Page>;
  /** Close this file's tabs, clear what they left in the context, and go back online. */
  close(): Promise<void>;
}

/** What a file may ask of its tabs: the options browser files used with a context of their own. */
export interface FileContextOptions {
  viewport?: { width: number; height: number };
  /** No network for this file's tabs (the context is offline while any file's tabs asking it are open). */
  offline?: boolean;
}

let sharedContext: Promise<{ ctx: BrowserContext; keep: Page }> | undefined;
let offlineUsers = 0;

function workerContext(): Promise<{ ctx: BrowserContext; keep: Page }> {
  if (!sharedContext) {
    const making = (async () => {
      const ctx = await (await sharedBrowser()).newContext();
      // the tab that keeps the context's renderer process alive between tabs and files (see ARGS)
      const keep = await ctx.newPage();
      ctx.on('close', () => void (sharedContext === making && (sharedContext = undefined)));
      return { ctx, keep };
    })();
    sharedContext = making;
    making.catch(() => void (sharedContext === making && (sharedContext = undefined)));
  }
  return sharedContext;
}

/** The origin whose storage a URL's page uses, as Chromium names it (file:// for every file URL); undefined for about:, data: and the like. */
function storageOrigin(url: string): string | undefined {
  try {
    const u = new URL(url);
    if (u.protocol === 'file:') return 'file://';
    return u.protocol === 'http:' || u.protocol === 'https:' ? u.origin : undefined;
  } catch {
    return undefined;
  }
}

/** This file's tabs in the worker's shared browser context (see FileContext); close it when done. */
export async function browserContext(options: FileContextOptions = {}): Promise<FileContext> {
  const unknown = Object.keys(options).filter((k) => k !== 'viewport' && k !== 'offline');
  if (unknown.length > 0) throw new Error(`browserContext: unsupported option(s) ${unknown.join(', ')} (the context is shared; add them to tests/support/chromium.ts)`);
  const { ctx, keep } = await workerContext();
  const offline = options.offline === true;
  if (offline && offlineUsers++ === 0) await ctx.setOffline(true);
  const pages: Page[] = [];
  const origins = new Set<string>();
  let closed = false;
  return {
    async newPage(): Promise<Page> {
      if (closed) throw new Error('browserContext: newPage after close');
      const page = await ctx.newPage();
      pages.push(page);
      page.on('framenavigated', (f) => {
        const o = storageOrigin(f.url());
        if (o) origins.add(o);
      });
      if (options.viewport) await page.setViewportSize(options.viewport);
      return page;
    },
    async close(): Promise<void> {
      if (closed) return;
      closed = true;
      for (const p of pages) await p.close();
      await ctx.clearCookies();
      await ctx.clearPermissions();
      if (offline && --offlineUsers === 0) await ctx.setOffline(false);
      const cdp = await ctx.newCDPSession(keep);
      try {
        await cdp.send('Network.clearBrowserCache');
        for (const origin of origins) await cdp.send('Storage.clearDataForOrigin', { origin, storageTypes: 'all' });
      } finally {
        await cdp.detach();
      }
    },
  };
}
