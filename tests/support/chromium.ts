/**
 * Debian 的 chromium 在哪里：环境变量 CHROMIUM_PATH，否则在 PATH 中查找 chromium / chromium-browser。
 * 测试不写死绝对路径；找不到时给出安装提示（.ci/run 会安装）。
 * Where Debian's chromium is: $CHROMIUM_PATH, else `chromium` or `chromium-browser` on the PATH. Tests
 * write no absolute path; when it is missing the error says how to install it (.ci/run does).
 */
import { accessSync, constants } from 'node:fs';
import path from 'node:path';
import { chromium, type Browser, type BrowserContext, type BrowserContextOptions } from 'playwright-core';

function onPath(names: readonly string[]): string | undefined {
  for (const dir of (process.env.PATH ?? '').split(path.delimiter)) {
    if (!dir) continue;
    for (const n of names) {
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

/** The chromium executable for playwright-core's `executablePath` (never a downloaded browser). */
export function chromiumPath(): string {
  const p = process.env.CHROMIUM_PATH || onPath(['chromium', 'chromium-browser']);
  if (!p) throw new Error("Debian's chromium was not found on the PATH (set CHROMIUM_PATH, or: apt-get install -y chromium)");
  return p;
}

/**
 * 一个工作进程只启动一个 Chromium：各测试文件在它上面开自己的浏览器上下文（互不相通的存储、视口、离线设置），
 * 用完关闭自己的上下文；浏览器在工作进程结束时关闭（连同 Playwright 的临时配置目录）。
 * One Chromium per test worker: a launch costs ~1.6 s of CPU (browser, GPU, network and zygote
 * processes), and eight files each launched their own. A worker keeps its modules from one file
 * to the next (vitest.config.ts: isolate: false), so the browser launched here serves every file
 * the worker runs; each file opens its own browser context (its own storage, viewport, offline
 * setting: nothing of one file is seen by another) and closes it when done. The browser ends with
 * the worker: Vitest stops a worker with SIGTERM, on which the worker exits and Playwright kills
 * the browser and removes its temporary profile. (Eight browser files together: 75 s → 63 s of
 * CPU, measured with the browser closed gracefully and so counted; killed at the end, as now, its
 * processes are reaped by init and /usr/bin/time no longer sees their CPU.)
 */

/**
 * `--renderer-process-limit=1` with a blank tab kept open in every context (browserContext below):
 * a context's new tabs share the renderer process of the tab kept open instead of each starting
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

/** A new browser context (a fresh profile in memory) of this worker's Chromium; close it when done. */
export async function browserContext(options: BrowserContextOptions = {}): Promise<BrowserContext> {
  const ctx = await (await sharedBrowser()).newContext(options);
  // the tab that keeps the context's renderer process alive between the file's own tabs (see ARGS)
  await ctx.newPage();
  return ctx;
}
