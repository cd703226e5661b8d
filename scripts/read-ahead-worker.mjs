// 预读线程：按主线程给出的顺序读出登记簿文件并解码，成批交给主线程；主线程解析和检查时，下一批已在读取。
// 领先主线程太多时等待（内存有上限）。读取用的就是主线程的 FsSource.readText，每个文件附带的快速解析提示
// 就是 jsonfast.ts 的 parseHint（同一份代码，经 tsx 或编译版载入）。只读取和扫描，不解析、不判断；
// 任何异常都告知主线程，由它自己读。
// The read-ahead thread (started by scripts/core/read-ahead.ts): reads and decodes register files
// in the order the main thread gave and hands them over in batches while the main thread parses
// and judges the previous ones; it waits when too far ahead (bounded memory). It reads with the
// engine's own FsSource.readText and hints with jsonfast.ts's parseHint (the same code, compiled or
// through tsx, as the main thread runs).
// It only reads and scans: no parsing, no judging; on any failure it says so and the main thread
// reads for itself.
import { workerData } from 'node:worker_threads';
import { importEngineModule } from './dist.mjs';

const { root, port, modules } = workerData;
// state[0]: batches the main thread has taken; state[1]: batches posted; state[2]: 1 done, 2 failed
const CONSUMED = 0;
const POSTED = 1;
const END = 2;
// state[3]: 1 while the main thread sleeps (only then is it woken)
const MAIN_WAITS = 3;

// per file: 0 when read, the size of a file over the limit, or this code
const UNREADABLE = -2;

/**
 * Sleep for `ms` unless the main thread has taken a batch since `taken` was read (the main thread
 * never wakes this thread: read-ahead.ts RESUME says why). A function of its own, by this name, so
 * that a CPU profile counts the sleep as waiting, not as this thread's work
 * (scripts/bench/profile.ts WAITING_FUNCTIONS).
 */
function blockedUntilTaken(state, taken, ms) {
  Atomics.wait(state, CONSUMED, taken, ms);
}

// the thread may start before its files are known (read-ahead.ts ReadAhead.start): it loads its
// modules first, then takes the paths and the shared counters from the first message
let state = new Int32Array(4);
try {
  const job = new Promise((resolve) => port.once('message', resolve));
  // the main thread's modules: compiled, or its sources (the tests run them) by their compiled twins
  // when the build is current, else through tsx (dist.mjs importEngineModule)
  const { FsSource, FileTooLarge } = await importEngineModule(modules.source);
  const { parseHint } = await importEngineModule(modules.jsonfast);
  const { paths, maxBytes, batchFiles, ahead, resume, pollMs, shared } = await job;
  state = new Int32Array(shared);
  const src = new FsSource(root);
  // the paths one at a time from the joined list (not split into 100,000 strings kept for the whole run)
  function* eachPath() {
    if (!paths.length) return;
    for (let from = 0; ; ) {
      const at = paths.indexOf('\0', from);
      yield paths.slice(from, at < 0 ? paths.length : at);
      if (at < 0) return;
      from = at + 1;
    }
  }
  let texts = [];
  let sizes = [];
  let keys = [];
  let slow = [];
  const flush = () => {
    if (!texts.length) return;
    port.postMessage({ texts, sizes: Int32Array.from(sizes), keys: Int32Array.from(keys), slow: Uint8Array.from(slow) });
    Atomics.add(state, POSTED, 1);
    if (Atomics.load(state, MAIN_WAITS) === 1) Atomics.notify(state, POSTED);
    texts = [];
    sizes = [];
    keys = [];
    slow = [];
    // bounded: at `ahead` batches posted and not taken, sleep until no more than `resume` are left,
    // looking again every `pollMs` (a count that changed before a sleep ends it at once)
    if (Atomics.load(state, POSTED) - Atomics.load(state, CONSUMED) >= ahead) {
      for (;;) {
        const taken = Atomics.load(state, CONSUMED);
        if (Atomics.load(state, POSTED) - taken <= resume) break;
        blockedUntilTaken(state, taken, pollMs);
      }
    }
  };
  for (const rel of eachPath()) {
    let text = '';
    let size = 0;
    try {
      text = src.readText(rel, maxBytes);
    } catch (e) {
      size = e instanceof FileTooLarge ? e.size : UNREADABLE;
    }
    texts.push(text);
    sizes.push(size);
    const h = size === 0 ? parseHint(text) : { slow: false, keys: -1 };
    keys.push(h.keys);
    // bit 0: the parse must take the positional parser; bit 1: the text has no U+FFFD and no NUL
    // (so the judging thread need not scan it for the signs of a byte-level problem)
    slow.push((h.slow ? 1 : 0) | (size === 0 && !text.includes('\uFFFD') && !text.includes('\0') ? 2 : 0));
    if (texts.length >= batchFiles) flush();
  }
  flush();
  Atomics.store(state, END, 1);
} catch {
  Atomics.store(state, END, 2);
}
Atomics.notify(state, POSTED);
