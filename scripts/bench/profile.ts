/**
 * 汇总 `node --cpu-prof` 写出的 .cpuprofile（主线程和每个工作线程各一个文件）：按函数、源文件和
 * 类别统计自身耗时，列出最多的几项。
 * Summarise the V8 .cpuprofile files `node --cpu-prof` writes (one for the main thread and one per
 * worker thread): self time per function, per source file and per category, largest first. Self
 * time of a node = the sum of the time deltas of the samples taken in it. “(idle)” — a thread
 * waiting for I/O, a child process or another thread — is kept apart from busy time, and so is a
 * thread asleep in Atomics.wait inside one of WAITING_FUNCTIONS (V8 samples such a sleep as the
 * self time of the JavaScript function that called it, not as idle).
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

interface CallFrame {
  functionName: string;
  url: string;
  lineNumber: number;
  columnNumber: number;
}
interface ProfileNode {
  id: number;
  callFrame: CallFrame;
  children?: number[];
}
/**
 * Functions that only sleep, waiting for another thread (Atomics.wait): the read-ahead reader waiting
 * for the judging thread to take a batch (scripts/read-ahead-worker.mjs), and the judging thread
 * waiting for the reader's next batch (scripts/core/read-ahead.ts). Their self time is waiting.
 */
export const WAITING_FUNCTIONS: ReadonlySet<string> = new Set(['blockedUntilTaken', 'blockedUntilPosted']);

/** Whether a frame's self time is waiting rather than work: V8's “(idle)”, or a sleep in one of WAITING_FUNCTIONS (with Atomics.wait itself, native, under it). */
function waiting(cf: CallFrame, parentFrame: CallFrame | undefined): boolean {
  return cf.functionName === '(idle)' || WAITING_FUNCTIONS.has(cf.functionName) || (cf.url === '' && parentFrame !== undefined && WAITING_FUNCTIONS.has(parentFrame.functionName));
}

export interface CpuProfile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
  startTime: number;
  endTime: number;
}

export interface SelfTime {
  /** Function name; an anonymous function is named after its nearest named caller in the same file. */
  name: string;
  /** Source, relative to `root` when inside it; with the line for plain JavaScript (tsx-transformed TypeScript has no useful lines). */
  where: string;
  ms: number;
  /** Share of the busy (non-idle) sampled time of all threads, 0–100. */
  pct: number;
  /** Chinese name (categories only). */
  zh?: string;
}

export interface ThreadTime {
  file: string;
  totalMs: number;
  idleMs: number;
}

export interface ProfileSummary {
  /** Sampled time of all threads. */
  totalMs: number;
  /** Sampled time that was not “(idle)”. */
  busyMs: number;
  threads: ThreadTime[];
  functions: SelfTime[];
  files: SelfTime[];
  categories: SelfTime[];
}

function shortUrl(url: string, root: string): string {
  if (!url) return '';
  let p = url.startsWith('file://') ? decodeURIComponent(url.slice('file://'.length)) : url;
  p = p.replace(/\?.*$/, '');
  if (path.isAbsolute(p)) {
    const rel = path.relative(root, p);
    if (!rel.startsWith('..')) return rel.split(path.sep).join('/');
    const nm = p.lastIndexOf('/node_modules/');
    if (nm >= 0) return p.slice(nm + 1);
  }
  return p;
}

/**
 * What kind of work a frame is, for the per-category table. Frames of Node's own library and of
 * native code that fit no category here are counted with their nearest caller in project code.
 */
export function categoryOf(name: string, src: string): { zh: string; en: string } {
  if (name === '(garbage collector)') return { zh: '垃圾回收', en: 'garbage collection' };
  if (name === '(program)') return { zh: 'V8 内部（编译等）', en: 'V8 internals (compilation etc.)' };
  if (/(^|\/)(jsonpos|jsonfast)\.ts$/.test(src) || name === 'parse' && src === '') return { zh: 'JSON 解析（带位置）', en: 'JSON parsing (with positions)' };
  if (src.startsWith('node_modules/ajv') || src.startsWith('node_modules/ajv-formats') || /schema\.ts$/.test(src)) return { zh: '模式校验（ajv）', en: 'schema validation (ajv)' };
  if (src.startsWith('policies/') || src.startsWith('scripts/policy/') || src.startsWith('scripts/calendar/') || src.startsWith('node_modules/chinese-days')) return { zh: '管理办法规则与工作日', en: 'policy rules and working days' };
  if (/^scripts\/core\/(register|text-checks|source|exceptions|finding)\.ts$/.test(src) || src.startsWith('scripts/pipeline/')) return { zh: '登记簿读取与数据规则', en: 'register loading and data rules' };
  if (/^scripts\/(core\/(git|blobs)|history\/|pr\/)/.test(src)) return { zh: 'Git 数据处理（JS 侧）', en: 'Git data handling (JS side)' };
  if (src.startsWith('node:internal/modules') || src.startsWith('node_modules/tsx') || src.startsWith('node_modules/esbuild') || src.startsWith('node_modules/get-tsconfig') || name === 'compileSourceTextModule' || name === 'wrapSafe' || name === 'compileFunction') return { zh: '模块加载与 TS 转译', en: 'module loading and TS transpiling' };
  if (src.startsWith('node:internal/fs') || src === 'node:fs' || /^(lstat|stat|readdir|readFileUtf8|readFileSync|open|close|read|realpath)$/.test(name) && src === '') return { zh: '文件系统', en: 'file system' };
  if (src.startsWith('node:internal/child_process') || src.startsWith('node:child_process') || src.startsWith('node:internal/streams') || src === 'node:net' || name === 'writeUtf8String' || name === 'writeBuffer' || name === 'onStreamRead') return { zh: '子进程与管道', en: 'child processes and pipes' };
  if (src.startsWith('node_modules/')) return { zh: `依赖包 ${src.split('/')[1]}`, en: `package ${src.split('/')[1]}` };
  if (src.startsWith('node:') || src === '') return { zh: 'Node 内置', en: 'Node built-ins' };
  return { zh: '其他本库代码', en: 'other project code' };
}

/** Summarise the profiles of one command (all its threads): the `top` functions, files and categories by self time. */
export function summarizeProfiles(profiles: { file: string; profile: CpuProfile }[], root: string, top = 15): ProfileSummary {
  type Acc = { name: string; where: string; us: number };
  const fn = new Map<string, Acc>();
  const file = new Map<string, Acc>();
  const cat = new Map<string, Acc>();
  const categoryNames = new Map<string, { zh: string; en: string }>();
  const threads: ThreadTime[] = [];
  let total = 0;
  let idle = 0;
  const add = (m: Map<string, Acc>, k: string, name: string, where: string, us: number): void => {
    const e = m.get(k) ?? { name, where, us: 0 };
    e.us += us;
    m.set(k, e);
  };
  for (const { file: f, profile } of profiles) {
    const byId = new Map<number, ProfileNode>();
    const parent = new Map<number, number>();
    for (const n of profile.nodes) {
      byId.set(n.id, n);
      for (const c of n.children ?? []) parent.set(c, n.id);
    }
    const selfUs = new Map<number, number>();
    let tTotal = 0;
    let tIdle = 0;
    profile.samples.forEach((id, i) => {
      const d = profile.timeDeltas[i] ?? 0;
      if (d <= 0) return;
      selfUs.set(id, (selfUs.get(id) ?? 0) + d);
      tTotal += d;
    });
    const isWaiting = (id: number): boolean => {
      const n = byId.get(id);
      const p = parent.get(id);
      return n !== undefined && waiting(n.callFrame, p === undefined ? undefined : byId.get(p)?.callFrame);
    };
    for (const [id, us] of selfUs) if (isWaiting(id)) tIdle += us;
    threads.push({ file: path.basename(f), totalMs: tTotal / 1000, idleMs: tIdle / 1000 });
    total += tTotal;
    idle += tIdle;
    // the nearest caller in project code (or a package), for frames of Node itself and native code
    const isOwn = (cf: CallFrame): boolean => {
      const src = shortUrl(cf.url, root);
      return src !== '' && !src.startsWith('node:');
    };
    const callerOf = (id: number): ProfileNode | undefined => {
      for (let p = parent.get(id); p !== undefined; p = parent.get(p)) {
        const n = byId.get(p);
        if (n && isOwn(n.callFrame) && n.callFrame.functionName !== '__name') return n;
      }
      return undefined;
    };
    for (const [id, us] of selfUs) {
      const n = byId.get(id);
      if (!n) continue;
      const cf = n.callFrame;
      if (isWaiting(id)) continue;
      const src = shortUrl(cf.url, root);
      let name = cf.functionName;
      if (!name) {
        name = cf.url ? '(anonymous)' : '(native)';
        for (let p = parent.get(id); p !== undefined; p = parent.get(p)) {
          const pf = byId.get(p)?.callFrame;
          if (pf && pf.url === cf.url && pf.functionName && pf.functionName !== '__name') {
            name = `(anonymous in ${pf.functionName})`;
            break;
          }
        }
      }
      let c = categoryOf(cf.functionName, src);
      if (!isOwn(cf) && !name.startsWith('(garbage') && name !== '(program)') {
        const caller = callerOf(id);
        if (caller) {
          const callerName = caller.callFrame.functionName || '(anonymous)';
          name = `${name} ← ${callerName}`;
          if (c.en === 'Node built-ins') c = categoryOf(caller.callFrame.functionName, shortUrl(caller.callFrame.url, root));
        }
      }
      const lineUseful = src && !(src.endsWith('.ts') && cf.lineNumber === 0);
      const where = src ? (lineUseful ? `${src}:${cf.lineNumber + 1}` : src) : '';
      add(fn, `${name}\0${where}`, name, where, us);
      add(file, src || name, src ? path.posix.basename(src) : name, src, us);
      categoryNames.set(c.en, c);
      add(cat, c.en, c.en, '', us);
    }
  }
  const busy = total - idle;
  const list = (m: Map<string, Acc>, n = top): SelfTime[] =>
    [...m.values()]
      .sort((a, b) => b.us - a.us)
      .slice(0, n)
      .map((e) => ({ name: e.name, where: e.where, ms: e.us / 1000, pct: busy ? (100 * e.us) / busy : 0 }));
  const categories = list(cat, 100).map((c) => ({ ...c, zh: categoryNames.get(c.name)?.zh ?? c.name }));
  return { totalMs: total / 1000, busyMs: busy / 1000, threads, functions: list(fn), files: list(file), categories };
}

/** Summarise a single profile. */
export function summarizeProfile(profile: CpuProfile, root: string, top = 15): ProfileSummary {
  return summarizeProfiles([{ file: 'profile.cpuprofile', profile }], root, top);
}

export function readProfile(file: string): CpuProfile {
  return JSON.parse(readFileSync(file, 'utf8')) as CpuProfile;
}

/** Every .cpuprofile in a folder (one per thread of the profiled process), main thread first. */
export function readProfiles(dir: string): { file: string; profile: CpuProfile }[] {
  return readdirSync(dir)
    .filter((f) => f.endsWith('.cpuprofile'))
    .sort((a, b) => threadNo(a) - threadNo(b))
    .map((f) => ({ file: path.join(dir, f), profile: readProfile(path.join(dir, f)) }));
}

/** CPU.<date>.<time>.<pid>.<thread>.<seq>.cpuprofile → thread number. */
function threadNo(f: string): number {
  const parts = f.split('.');
  return Number(parts[parts.length - 3] ?? 0) || 0;
}
