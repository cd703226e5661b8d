// 预读线程：按主线程给出的顺序读出登记簿文件并解码，成批交给主线程；主线程解析和检查时，下一批已在读取。
// 领先主线程太多时等待（内存有上限）。每个文件附带快速解析的提示（与主线程自己算的相同，见 jsonfast.ts 的 parseHint）：
// 能否走快速解析及其键数。只读取和扫描，不解析、不判断；任何异常都告知主线程，由它自己读。
// The read-ahead thread: reads and decodes register files in the order the main thread gave and
// hands them over in batches while the main thread parses and judges the previous ones; it waits
// when too far ahead (bounded memory). With each file goes the fast parse's hint, exactly what the
// main thread would compute (parseHint in jsonfast.ts, whose patterns it is given): whether the
// fast parse may be tried and the keys it must find.
// It only reads and scans: no parsing, no judging; on any failure it says so and the main thread
// reads for itself.
import { closeSync, fstatSync, openSync, readSync } from 'node:fs';
import { workerData } from 'node:worker_threads';

const { root, sep, paths, maxBytes, batchFiles, ahead, shared, port, patterns } = workerData;
const state = new Int32Array(shared);
// state[0]: batches the main thread has taken; state[1]: batches posted; state[2]: 1 done, 2 failed
const CONSUMED = 0;
const POSTED = 1;
const END = 2;

// per file: its size in bytes, or a negative code
const UNREADABLE = -2;

const slowRe = new RegExp(patterns.slow.source, patterns.slow.flags);
const spaceColonRe = new RegExp(patterns.spaceColon.source, patterns.spaceColon.flags);

/** parseHint of jsonfast.ts as [keys, slow]; tests/read-ahead.test.ts holds them equal. */
function hints(text) {
  if (text.charCodeAt(0) === 0xfeff || slowRe.test(text) || text.includes('__proto__')) return [-1, 1];
  if (text.includes('\\"') || spaceColonRe.test(text)) return [-1, 0];
  let keys = 0;
  for (let i = text.indexOf('":'); i !== -1; i = text.indexOf('":', i + 2)) keys++;
  return [keys, 0];
}

try {
  const list = paths.length ? paths.split('\0') : [];
  let buf = Buffer.allocUnsafe(1 << 20);
  let texts = [];
  let sizes = [];
  let keys = [];
  let slow = [];
  const flush = () => {
    if (!texts.length) return;
    port.postMessage({ texts, sizes: Int32Array.from(sizes), keys: Int32Array.from(keys), slow: Uint8Array.from(slow) });
    Atomics.add(state, POSTED, 1);
    Atomics.notify(state, POSTED);
    texts = [];
    sizes = [];
    keys = [];
    slow = [];
    // bounded: wait while `ahead` batches are posted and not taken (the main thread notifies)
    for (;;) {
      const taken = Atomics.load(state, CONSUMED);
      if (Atomics.load(state, POSTED) - taken < ahead) break;
      Atomics.wait(state, CONSUMED, taken, 1000);
    }
  };
  for (const rel of list) {
    let text = '';
    let size = UNREADABLE;
    let fd;
    try {
      fd = openSync(root + sep + rel, 'r');
    } catch {
      fd = undefined;
    }
    if (fd !== undefined) {
      try {
        size = fstatSync(fd).size;
        if (size <= maxBytes) {
          if (size > buf.length) buf = Buffer.allocUnsafe(size);
          let off = 0;
          while (off < size) {
            const n = readSync(fd, buf, off, size - off, off);
            if (n <= 0) break;
            off += n;
          }
          size = off;
          text = buf.toString('utf8', 0, off);
        }
      } catch {
        size = UNREADABLE;
      } finally {
        closeSync(fd);
      }
    }
    texts.push(text);
    sizes.push(size);
    const [k, sl] = size >= 0 && size <= maxBytes ? hints(text) : [-1, 0];
    keys.push(k);
    slow.push(sl);
    if (texts.length >= batchFiles) flush();
  }
  flush();
  Atomics.store(state, END, 1);
} catch {
  Atomics.store(state, END, 2);
}
Atomics.notify(state, POSTED);
