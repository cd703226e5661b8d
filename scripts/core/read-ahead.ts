/**
 * 预读：大登记簿的文件由另一个线程按检查顺序预先读出（scripts/read-ahead-worker.mjs），主线程只解码、解析和判断，
 * 读盘（打开、读取、关闭，占单线程检查约三成时间）与检查同时进行。读取结果与主线程自己读的完全相同：
 * 文件过大、无法读取或不按顺序请求时，主线程照旧自己读；预读线程出了任何问题，也都退回主线程自己读。
 *
 * Read-ahead: for a large register another thread reads the files in the order the load will ask
 * for them (scripts/read-ahead-worker.mjs); the main thread only decodes, parses and judges, so the disk
 * work (open, read, close: about a third of a one-thread validate) overlaps the checks. What it
 * gives is exactly what the main thread would read: a file too large, unreadable or asked for out
 * of order is read by the main thread as before, and so is everything after any failure of the
 * thread (it never started, crashed, or stalled).
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { receiveMessageOnPort, MessageChannel, Worker, type MessagePort } from 'node:worker_threads';
import type { ParseHint } from './jsonfast.ts';
import { COMPILED, ENGINE_ROOT } from './paths.ts';

/** Below this many files a thread is not worth starting (its start-up is ~30 ms). */
export const READ_AHEAD_MIN_FILES = 2000;
/** Files per batch handed over (one message each). */
const BATCH_FILES = 64;
/** Batches the reader may be ahead of the main thread (bounds what it holds: ~2.5 MiB of text). */
const AHEAD = 8;
/**
 * A reader that is AHEAD batches ahead sleeps until the main thread has taken all but this many,
 * then reads several batches in a row. It is never woken by the judging thread: waking a thread
 * costs the waker (a system call, and on a busy 2-core machine often its own turn on the processor:
 * 0.1–2 ms per wake in CPU profiles, 15–90 ms of a 10,000-account run), so the reader looks again
 * every POLL_MS by itself; RESUME batches (~250 files, ~15 ms of judging) cover that delay.
 */
const RESUME = 4;
/** How often a reader that is AHEAD batches ahead looks whether batches were taken. */
const POLL_MS = 2;
/** With no batch for this long, the reader is given up and the main thread reads for itself. */
const STALL_MS = 15_000;

const CONSUMED = 0;
const POSTED = 1;
const END = 2;
/** 1 while the main thread sleeps waiting for a batch (only then is it woken). */
const MAIN_WAITS = 3;

/**
 * Sleep until the reader posts another batch (or 50 ms pass). A function of its own, by this name,
 * so that a CPU profile counts the sleep as waiting, not as the judging thread's work
 * (scripts/bench/profile.ts WAITING_FUNCTIONS).
 */
function blockedUntilPosted(state: Int32Array, posted: number): void {
  Atomics.wait(state, POSTED, posted, 50);
}

/**
 * The modules the reader thread runs: FsSource (its reads) and jsonfast's parseHint (its hints),
 * compiled or through tsx as this copy runs. (A whole-text secret pre-scan was tried there too:
 * at ~40 µs a file it made the reader the slower thread, so the judging thread keeps its
 * per-value pre-filter.)
 */
function readerModules(): { source: string; jsonfast: string } {
  const ext = COMPILED ? 'js' : 'ts';
  return { source: new URL(`./source.${ext}`, import.meta.url).href, jsonfast: new URL(`./jsonfast.${ext}`, import.meta.url).href };
}

export type ReadAheadResult = { text: string; hint: ParseHint } | { tooLarge: number } | undefined;

interface Posted {
  texts: string[];
  sizes: Int32Array;
  keys: Int32Array;
  /** Per file: bit 0 ParseHint.slow, bit 1 ParseHint.plain. */
  slow: Uint8Array;
}

interface Batch extends Posted {
  /** Next file of the batch. */
  i: number;
}

/** A reading thread started before its files are known (ReadAhead.start). */
export interface StartedReader {
  readonly root: string;
  readonly worker: Worker;
  readonly port: MessagePort;
  /** Given to a ReadAhead, or cancelled. */
  taken: boolean;
  cancel(): void;
}

export class ReadAhead {
  private readonly worker: Worker | undefined;
  private readonly port: MessagePort | undefined;
  private readonly state: Int32Array;
  private readonly order: readonly string[];
  private readonly maxBytes: number;
  /** Index in `order` of the next file the reader delivers. */
  private next = 0;
  private batch: Batch | undefined;
  private taken = 0;
  private failed = false;

  /**
   * @param started  a thread started earlier (ReadAhead.start, while the register was being listed):
   *                 it has loaded its modules already and is given the paths now.
   */
  constructor(root: string, order: readonly string[], maxBytes: number, started?: StartedReader) {
    this.order = order;
    this.maxBytes = maxBytes;
    this.state = new Int32Array(new SharedArrayBuffer(16));
    let s = started;
    if (s && (s.taken || s.root !== root)) {
      s.cancel();
      s = undefined;
    }
    s ??= ReadAhead.start(root);
    if (!s) {
      this.failed = true;
      return;
    }
    s.taken = true;
    this.port = s.port;
    this.worker = s.worker;
    this.worker.on('error', () => {
      Atomics.store(this.state, END, 2);
    });
    try {
      this.port.postMessage({ paths: order.join('\0'), maxBytes, batchFiles: BATCH_FILES, ahead: AHEAD, resume: RESUME, pollMs: POLL_MS, shared: this.state.buffer });
    } catch {
      this.stop();
    }
  }

  /**
   * Start a reading thread before its files are known: it loads its modules (~30-80 ms, on the other
   * core) while the register is still being listed, then waits for the paths (the constructor).
   * Undefined when no thread can be started; cancel() frees one that is not used.
   */
  static start(root: string): StartedReader | undefined {
    const entry = path.join(ENGINE_ROOT, 'scripts', 'read-ahead-worker.mjs');
    if (!existsSync(entry)) return undefined;
    try {
      const { port1, port2 } = new MessageChannel();
      const worker = new Worker(entry, {
        workerData: { root, port: port2, modules: readerModules() },
        transferList: [port2],
        // it holds a batch or two at a time: a small young generation keeps its memory small
        resourceLimits: { maxYoungGenerationSizeMb: 4 },
      });
      // never keeps the process alive, never prints: a failure only means the main thread reads
      worker.unref();
      worker.on('error', () => undefined);
      const started: StartedReader = {
        root,
        worker,
        port: port1,
        taken: false,
        cancel() {
          if (started.taken) return;
          started.taken = true;
          port1.close();
          void worker.terminate().catch(() => undefined);
        },
      };
      return started;
    } catch {
      return undefined;
    }
  }

  /**
   * The file's text and hints if it is the next one read ahead (files the load skipped are
   * dropped); `{ tooLarge }` with its size when over the limit; undefined when the caller must read it.
   */
  take(rel: string): ReadAheadResult {
    if (this.failed || this.next >= this.order.length) return undefined;
    if (this.order[this.next] !== rel) {
      // asked out of order: skip ahead when the file is further on (the load left some out), else read it yourself
      const at = this.order.indexOf(rel, this.next);
      if (at < 0) return undefined;
      while (this.next < at) {
        const b = this.current();
        if (!b) return undefined;
        b.i++;
        this.next++;
        if (b.i >= b.texts.length) this.batch = undefined;
      }
    }
    const b = this.current();
    if (!b) return undefined;
    const i = b.i++;
    this.next++;
    if (b.i >= b.texts.length) this.batch = undefined;
    const size = b.sizes[i]!;
    if (size > this.maxBytes) return { tooLarge: size };
    if (size < 0) return undefined;
    const flags = b.slow[i]!;
    return { text: b.texts[i]!, hint: (flags & 2) === 2 ? { slow: (flags & 1) === 1, keys: b.keys[i]!, plain: true } : { slow: (flags & 1) === 1, keys: b.keys[i]! } };
  }

  /** The batch holding the next file (dropping the files skipped), or undefined when the reader is given up. */
  private current(): Batch | undefined {
    const b = this.batch ?? this.receive();
    if (!b) this.stop();
    return b;
  }

  private receive(): Batch | undefined {
    if (!this.port) return undefined;
    const deadline = Date.now() + STALL_MS;
    for (;;) {
      // the reader posts a batch before it counts it (POSTED), and counts before it ends (END):
      // a batch not on the port after POSTED was read comes with a new count, which wakes the wait
      const posted = Atomics.load(this.state, POSTED);
      const ended = Atomics.load(this.state, END) !== 0;
      const m = receiveMessageOnPort(this.port);
      if (m) {
        const b = this.accept(m.message as Posted);
        if (b) return b;
        continue;
      }
      if (ended || Date.now() > deadline) return undefined;
      Atomics.store(this.state, MAIN_WAITS, 1);
      blockedUntilPosted(this.state, posted);
      Atomics.store(this.state, MAIN_WAITS, 0);
    }
  }

  private accept(p: Posted): Batch | undefined {
    this.taken++;
    Atomics.store(this.state, CONSUMED, this.taken);
    // (a reader AHEAD batches ahead sees this count within POLL_MS: it is not woken, see RESUME)
    if (!p.texts.length) return undefined;
    return (this.batch = { ...p, i: 0 });
  }

  /** Stop reading ahead (the rest is read by the main thread); frees the thread. */
  stop(): void {
    if (this.failed) return;
    this.failed = true;
    this.batch = undefined;
    this.port?.close();
    void this.worker?.terminate().catch(() => undefined);
  }
}
