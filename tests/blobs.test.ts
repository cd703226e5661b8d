/**
 * BlobReader（长驻的 git cat-file --batch）：一批请求中大小不一的对象（空的、恰好跨过 64 KB 管道块的、
 * 几百 KB 的）逐字节原样返回，顺序与请求一致；不存在的对象返回 undefined。
 * BlobReader returns every object of one batch byte for byte, whatever its size relative to the
 * pipe's 64 KB chunks (objects inside a chunk, over two, over many, ending exactly at a chunk's
 * end), in request order; a missing object is undefined. A small object is copied out of its chunk
 * (a larger one inside a chunk is a view of it, not a copy into fresh memory).
 */
import { randomBytes } from 'node:crypto';
import { rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { BlobReader } from '../scripts/core/blobs.ts';
import { gitSync, tmpDir } from './helpers.ts';

const dirs: string[] = [];
afterAll(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

const git = (dir: string, args: string[]): string => gitSync(dir, args).trim();

describe('BlobReader', () => {
  it('returns objects of every size byte for byte, in one pipelined batch, and undefined for a missing one', async () => {
    const dir = tmpDir('govmedia-blobs-');
    dirs.push(dir);
    git(dir, ['init', '-q']);
    // sizes around the 64 KB chunks the pipe delivers, and objects several chunks long
    const sizes = [0, 1, 100, 65_535, 65_536, 65_537, 130_000, 300_001, 7, 64_000, 70_000, 1_000_000, 2];
    const blobs = sizes.map((n, i) => {
      const b = randomBytes(n);
      // a newline at the start and end of some objects: the reader must not take it for a header's end
      if (n > 2 && i % 2) {
        b[0] = 10;
        b[n - 1] = 10;
      }
      const f = path.join(dir, `b${i}`);
      writeFileSync(f, b);
      return { b, sha: git(dir, ['hash-object', '-w', f]) };
    });
    const reader = new BlobReader(dir);
    try {
      const missing = '0123456789abcdef0123456789abcdef01234567';
      const names = [...blobs.map((x) => x.sha), missing, ...blobs.map((x) => x.sha).reverse()];
      const got = await Promise.all(names.map((n) => reader.read(n)));
      expect(got[blobs.length]).toBeUndefined();
      blobs.forEach((x, i) => {
        expect(got[i]?.length).toBe(x.b.length);
        expect(got[i]!.equals(x.b)).toBe(true);
      });
      // a small object is a copy (in Node's 8 KB pool), not a view that keeps a 64 KB pipe chunk alive
      blobs.forEach((x, i) => {
        if (x.b.length > 0 && x.b.length < 4096) expect(got[i]!.buffer.byteLength).toBeLessThanOrEqual(Buffer.poolSize);
      });
      // the second half came from the cache, the same content
      expect(got.slice(blobs.length + 1).every((b, i) => b!.equals(blobs[blobs.length - 1 - i]!.b))).toBe(true);
      // a fresh reader, every object asked at once without the cache
      const fresh = new BlobReader(dir);
      try {
        const m = await fresh.readMany([...blobs.map((x) => x.sha), missing]);
        expect(m.size).toBe(new Set(blobs.map((x) => x.sha)).size);
        for (const x of blobs) expect(m.get(x.sha)!.equals(x.b)).toBe(true);
      } finally {
        fresh.close();
      }
    } finally {
      reader.close();
    }
  });
});
