/**
 * 测试用哪个 Chromium（tests/support/chromium.ts 的 chromiumPath）：CHROMIUM_PATH 优先；否则 PATH 上的
 * chromium-headless-shell（不论它在 PATH 的哪一段），再是 chromium、chromium-browser；不可执行的文件不算；
 * 都没有时报错并说明如何安装。用临时文件夹里的真实文件，不启动浏览器。
 * Which Chromium the tests run (chromiumPath in tests/support/chromium.ts): $CHROMIUM_PATH first;
 * else chromium-headless-shell anywhere on the PATH, then chromium, then chromium-browser; a file
 * that is not executable does not count; with none, an error that says how to install one. Real
 * files in a temporary folder; no browser is started.
 */
import { chmodSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { CHROMIUM_NAMES, chromiumPath } from './support/chromium.ts';
import { tmpDir } from './helpers.ts';

const root = tmpDir('govmedia-chromium-path-');
const saved = { PATH: process.env.PATH, CHROMIUM_PATH: process.env.CHROMIUM_PATH };

afterEach(() => {
  for (const [k, v] of Object.entries(saved)) {
    if (v === undefined) delete process.env[k];
    else process.env[k] = v;
  }
});
afterAll(() => rmSync(root, { recursive: true, force: true }));

let n = 0;
/** A folder holding the named files: executable unless the name ends in ":data". */
function folder(...names: string[]): string {
  const dir = path.join(root, `d${++n}`);
  mkdirSync(dir);
  for (const spec of names) {
    const [name, kind] = spec.split(':') as [string, string | undefined];
    const f = path.join(dir, name);
    writeFileSync(f, '#!/bin/sh\nexit 0\n');
    chmodSync(f, kind === 'data' ? 0o644 : 0o755);
  }
  return dir;
}

/** chromiumPath with this PATH and no CHROMIUM_PATH. */
function withPath(...dirs: string[]): string {
  delete process.env.CHROMIUM_PATH;
  process.env.PATH = dirs.join(path.delimiter);
  return chromiumPath();
}

describe('chromiumPath', () => {
  it('prefers the headless shell, then chromium, then chromium-browser', () => {
    expect(CHROMIUM_NAMES).toEqual(['chromium-headless-shell', 'chromium', 'chromium-browser']);
    const full = folder('chromium', 'chromium-browser');
    const shell = folder('chromium-headless-shell');
    // the shell wins even from a later folder of the PATH
    expect(withPath(full, shell)).toBe(path.join(shell, 'chromium-headless-shell'));
    expect(withPath(full)).toBe(path.join(full, 'chromium'));
    expect(withPath(folder('chromium-browser'))).toMatch(/chromium-browser$/);
  });

  it('passes over a file of that name that is not executable, and empty PATH entries', () => {
    const dir = folder('chromium-headless-shell:data', 'chromium');
    expect(withPath('', dir)).toBe(path.join(dir, 'chromium'));
  });

  it('takes CHROMIUM_PATH as it is', () => {
    process.env.PATH = folder('chromium-headless-shell');
    process.env.CHROMIUM_PATH = path.join(root, 'elsewhere', 'chromium');
    expect(chromiumPath()).toBe(path.join(root, 'elsewhere', 'chromium'));
  });

  it('says how to install one when none is found', () => {
    expect(() => withPath(folder('chromium:data'))).toThrow('apt-get install -y chromium-headless-shell');
  });
});
