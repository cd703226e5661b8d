/**
 * 长驻的 `git cat-file --batch` 进程：按需读取对象内容，避免为每个文件启动一次 git。
 * A long-lived `git cat-file --batch` process answering blob requests in order, with a cache.
 */
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';

/** Objects below this size are copied out of the chunk they arrived in (Buffer.from uses Node's pool for them). */
const POOLED = 4096;

interface Pending {
  resolve: (b: Buffer | undefined) => void;
}

export class BlobReader {
  private proc: ChildProcessWithoutNullStreams;
  private queue: Pending[] = [];
  private buf: Buffer = Buffer.alloc(0);
  private waiting: Buffer[] = [];
  private waitingBytes = 0;
  private readonly cache = new Map<string, Buffer>();
  private closed = false;

  constructor(dir: string) {
    this.proc = spawn('git', ['cat-file', '--batch'], { cwd: dir, stdio: ['pipe', 'pipe', 'pipe'] });
    this.proc.stdout.on('data', (c: Buffer) => {
      // chunks wait until an object is complete, then are joined once (a 100 KB version arriving
      // in 64 KB chunks was copied again with every chunk)
      if (this.buf.length === 0 && this.waiting.length === 0) this.buf = c;
      else {
        this.waiting.push(c);
        this.waitingBytes += c.length;
      }
      this.drain();
    });
    this.proc.on('close', () => {
      this.closed = true;
      for (const p of this.queue.splice(0)) p.resolve(undefined);
    });
    this.proc.stdin.on('error', () => undefined);
  }

  /** Join the waiting chunks to the buffer. */
  private join(): void {
    if (!this.waiting.length) return;
    this.buf = Buffer.concat([this.buf, ...this.waiting], this.buf.length + this.waitingBytes);
    this.waiting = [];
    this.waitingBytes = 0;
  }

  private drain(): void {
    while (this.queue.length) {
      let nl = this.buf.indexOf(10);
      if (nl < 0) {
        if (!this.waiting.length) return;
        this.join();
        nl = this.buf.indexOf(10);
        if (nl < 0) return;
      }
      const header = this.buf.subarray(0, nl).toString('utf8');
      const parts = header.split(' ');
      if (parts[1] === 'missing' || parts.length < 3) {
        this.buf = this.buf.subarray(nl + 1);
        this.queue.shift()!.resolve(undefined);
        continue;
      }
      const size = Number(parts[2]);
      const need = nl + 1 + size + 1;
      if (this.buf.length >= need) {
        // a small object is copied (into Node's shared pool), so that it does not keep a whole
        // 64 KB chunk alive in the cache; a larger one is a view of the chunk, not a copy: copying
        // into fresh memory costs a page fault per 4 KB here (a 220-version history copied 10 MB:
        // ~40 ms of its CPU), and the chunk it keeps alive is mostly itself
        const body = size < POOLED ? Buffer.from(this.buf.subarray(nl + 1, nl + 1 + size)) : this.buf.subarray(nl + 1, nl + 1 + size);
        this.buf = this.buf.subarray(need);
        this.queue.shift()!.resolve(body);
        continue;
      }
      if (this.buf.length + this.waitingBytes < need) return;
      // an object over several chunks is copied once, straight into its own buffer (joining the
      // chunks first and then copying the object out copied every byte twice)
      const body = Buffer.allocUnsafe(size);
      let filled = this.buf.copy(body, 0, nl + 1);
      let rest = this.buf.subarray(this.buf.length);
      let used = 0;
      while (filled < size) {
        const c = this.waiting[used++]!;
        const n = c.copy(body, filled, 0, Math.min(c.length, size - filled));
        filled += n;
        rest = c.subarray(n);
        this.waitingBytes -= c.length;
      }
      this.waiting = this.waiting.slice(used);
      // the newline after the object: in what is left of the last chunk, or the next one
      if (rest.length === 0) {
        rest = this.waiting.shift()!;
        this.waitingBytes -= rest.length;
      }
      this.buf = rest.subarray(1);
      this.queue.shift()!.resolve(body);
    }
  }

  /** Read one object (sha or rev:path). */
  read(name: string): Promise<Buffer | undefined> {
    const hit = this.cache.get(name);
    if (hit) return Promise.resolve(hit);
    if (this.closed) return Promise.resolve(undefined);
    return new Promise((resolve) => {
      this.queue.push({
        resolve: (b) => {
          if (b && /^[0-9a-f]{40}$/.test(name)) this.cache.set(name, b);
          resolve(b);
        },
      });
      this.proc.stdin.write(name + '\n');
    });
  }

  /** Read many objects; returns a map of those found. */
  async readMany(names: Iterable<string>): Promise<Map<string, Buffer>> {
    const uniq = [...new Set(names)];
    const got = await Promise.all(uniq.map((n) => this.read(n)));
    const out = new Map<string, Buffer>();
    uniq.forEach((n, i) => {
      const b = got[i];
      if (b) out.set(n, b);
    });
    return out;
  }

  cached(sha: string): Buffer | undefined {
    return this.cache.get(sha);
  }

  /** Forget cached objects when there are more than `max` (call between independent batches). */
  trim(max: number): void {
    if (this.cache.size > max) this.cache.clear();
  }

  close(): void {
    if (!this.closed) this.proc.stdin.end();
  }
}
