/**
 * 阶段之间的一次完整垃圾回收：大登记簿读完以后、规则运行之前，读取阶段留下的垃圾（每个文件的文本、
 * 解析时的临时对象）占了老生代的两成以上；V8 要到堆涨到上一次回收后的数倍时才回收，峰值内存就停在那里。
 * 在这一刻回收一次，规则阶段就在回收出的空间里分配，峰值随之降低。V8 自己在读取阶段末尾本来也要做一次
 * 同样大小的完整回收（10 万个账号时约 0.25 秒），所以总耗时基本不变（README“内存”）。
 *
 * One full collection between stages: after a large register is read and before the rules run,
 * the read's garbage (every file's text, the parse's temporaries) is a fifth or more of the old
 * generation, and V8 would let the heap grow to several times what the last collection kept before
 * collecting again, which is where the peak stays. Collecting at this point lets the rules allocate
 * into the space it frees, lowering the peak. V8 runs a full collection of about that size near the
 * end of the read anyway (~0.25 s at 100,000 accounts), so the total time stays about the same.
 *
 * Node offers the collector only behind --expose-gc: the flag is set for the moment a private
 * context is made (whose global `gc` is taken), and unset at once, so no other code sees a `gc`.
 * Where that is not possible (a browser bundle, another runtime) nothing happens.
 */
import v8 from 'node:v8';
import vm from 'node:vm';

/** Below this many files a collection is not worth it (the heap is small). */
export const COLLECT_MIN_FILES = 20_000;

let collector: (() => void) | null | undefined;

/** The full collection of this runtime (null where it is not offered); no global `gc` is left behind. */
export function getCollector(): (() => void) | null {
  if (collector !== undefined) return collector;
  collector = null;
  try {
    v8.setFlagsFromString('--expose-gc');
    try {
      const f: unknown = vm.runInNewContext('gc');
      if (typeof f === 'function') collector = f as () => void;
    } finally {
      v8.setFlagsFromString('--no-expose-gc');
    }
  } catch {
    collector = null;
  }
  return collector;
}

/** Run a full garbage collection if this runtime allows it; returns whether it ran. */
export function collectBetweenStages(files: number): boolean {
  if (files < COLLECT_MIN_FILES || process.env.GOVMEDIA_COLLECT === '0') return false;
  const gc = getCollector();
  if (!gc) return false;
  try {
    gc();
    return true;
  } catch {
    return false;
  }
}
