/**
 * 工作线程加载的“编译版孪生模块”（scripts/dist.mjs compiledTwin）：编译版最新时给出同一源码编译出的 .js，
 * 源码比编译版新、设置了 GOVMEDIA_TSX=1、或不是本程序的 .ts 时不给（线程照旧经 tsx 加载源码）。
 * The compiled twin a worker thread loads instead of registering tsx (scripts/dist.mjs
 * compiledTwin): the .js built from the same source while the build is current; nothing when the
 * source is newer than the build, under GOVMEDIA_TSX=1, or for anything that is not a .ts of the
 * engine (the thread then loads the source through tsx, as before). Checked on a real engine
 * layout in a temporary folder (its own copy of scripts/dist.mjs, so its own ROOT) and on this checkout.
 */
import { copyFileSync, mkdirSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { ENGINE_ROOT, tmpDir } from './helpers.ts';

type Dist = { compiledTwin(url: string): string | undefined; buildIsCurrent(): boolean };

const made: string[] = [];
afterAll(() => made.forEach((d) => rmSync(d, { recursive: true, force: true })));

/** An engine layout with one built source (scripts/a.ts → dist/scripts/a.js) and one never built (scripts/b.ts). */
async function layout(): Promise<{ root: string; dist: Dist }> {
  const root = tmpDir('govmedia-twin-');
  made.push(root);
  mkdirSync(path.join(root, 'scripts'), { recursive: true });
  mkdirSync(path.join(root, 'dist', 'scripts'), { recursive: true });
  copyFileSync(path.join(ENGINE_ROOT, 'scripts', 'dist.mjs'), path.join(root, 'scripts', 'dist.mjs'));
  writeFileSync(path.join(root, 'scripts', 'a.ts'), 'export const a: number = 1;\n');
  writeFileSync(path.join(root, 'scripts', 'b.ts'), 'export const b: number = 2;\n');
  writeFileSync(path.join(root, 'dist', 'scripts', 'a.js'), 'export const a = 1;\n');
  // the sources are older than the stamp: the build is current
  const before = new Date(Date.now() - 60_000);
  for (const f of ['a.ts', 'b.ts']) utimesSync(path.join(root, 'scripts', f), before, before);
  writeFileSync(path.join(root, 'dist', '.stamp'), JSON.stringify({ sources: ['scripts/a.ts'] }));
  return { root, dist: (await import(pathToFileURL(path.join(root, 'scripts', 'dist.mjs')).href)) as Dist };
}

const url = (root: string, ...rel: string[]): string => pathToFileURL(path.join(root, ...rel)).href;

describe('compiledTwin', () => {
  it('gives the compiled .js of a built source while the build is current', async () => {
    const { root, dist } = await layout();
    expect(dist.compiledTwin(url(root, 'scripts', 'a.ts'))).toBe(url(root, 'dist', 'scripts', 'a.js'));
  });

  it('gives nothing once a listed source is newer than the build (the thread then compiles the source through tsx)', async () => {
    const { root, dist } = await layout();
    const later = new Date(Date.now() + 60_000);
    utimesSync(path.join(root, 'scripts', 'a.ts'), later, later);
    expect(dist.compiledTwin(url(root, 'scripts', 'a.ts'))).toBeUndefined();
  });

  it('gives nothing under GOVMEDIA_TSX=1', async () => {
    const { root, dist } = await layout();
    process.env.GOVMEDIA_TSX = '1';
    try {
      expect(dist.compiledTwin(url(root, 'scripts', 'a.ts'))).toBeUndefined();
    } finally {
      delete process.env.GOVMEDIA_TSX;
    }
  });

  it('gives nothing for a source with no compiled file, a .js, a .ts outside the engine, a path leaving it, or what is not a file URL', async () => {
    const { root, dist } = await layout();
    const other = tmpDir('govmedia-twin-other-');
    made.push(other);
    writeFileSync(path.join(other, 'a.ts'), 'export const a = 1;\n');
    expect(dist.compiledTwin(url(root, 'scripts', 'b.ts'))).toBeUndefined();
    expect(dist.compiledTwin(url(root, 'dist', 'scripts', 'a.js'))).toBeUndefined();
    expect(dist.compiledTwin(url(other, 'a.ts'))).toBeUndefined();
    expect(dist.compiledTwin(`${url(root, 'scripts')}/../../${path.basename(other)}/a.ts`)).toBeUndefined();
    expect(dist.compiledTwin('data:text/javascript,export%20const%20a%3D1')).toBeUndefined();
    expect(dist.compiledTwin('not a url')).toBeUndefined();
  });

  it('on this checkout: the parallel share and the read-ahead modules have their twins in dist/ when the build is current', async () => {
    const distModule = '../scripts/dist.mjs'; // plain JavaScript without declarations: imported by a name the type check does not follow
    const dist = (await import(distModule)) as Dist;
    const current = dist.buildIsCurrent();
    for (const rel of ['scripts/pipeline/parallel-share', 'scripts/core/source', 'scripts/core/jsonfast']) {
      expect(dist.compiledTwin(url(ENGINE_ROOT, `${rel}.ts`)), rel).toBe(current ? url(ENGINE_ROOT, 'dist', `${rel}.js`) : undefined);
    }
  });
});
