/**
 * 汇总 `node --cpu-prof` 写出的 .cpuprofile：按函数（及按源文件）统计自身耗时，列出最多的几项。
 * Summarise a V8 .cpuprofile written by `node --cpu-prof`: self time per function (and per source
 * file), largest first. Self time of a node = the sum of the time deltas of the samples taken in it.
 */
import { readFileSync } from 'node:fs';
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
}
export interface CpuProfile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
  startTime: number;
  endTime: number;
}

export interface SelfTime {
  /** Function name, "(anonymous)" when it has none, or a V8 pseudo-frame such as "(garbage collector)". */
  name: string;
  /** Source, relative to `root` when inside it (line 1-based; tsx-transformed files are close to, not exactly, their source lines). */
  where: string;
  ms: number;
  /** Share of all sampled time, 0–100. */
  pct: number;
}

export interface ProfileSummary {
  totalMs: number;
  functions: SelfTime[];
  files: SelfTime[];
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

/** Summarise one profile: the `top` functions and files by self time. */
export function summarizeProfile(profile: CpuProfile, root: string, top = 15): ProfileSummary {
  const byId = new Map<number, ProfileNode>();
  for (const n of profile.nodes) byId.set(n.id, n);
  const selfUs = new Map<number, number>();
  let total = 0;
  profile.samples.forEach((id, i) => {
    const d = profile.timeDeltas[i] ?? 0;
    if (d <= 0) return;
    selfUs.set(id, (selfUs.get(id) ?? 0) + d);
    total += d;
  });
  const fn = new Map<string, { name: string; where: string; us: number }>();
  const file = new Map<string, { name: string; where: string; us: number }>();
  for (const [id, us] of selfUs) {
    const n = byId.get(id);
    if (!n) continue;
    const cf = n.callFrame;
    const name = cf.functionName || (cf.url ? '(anonymous)' : '(native)');
    const src = shortUrl(cf.url, root);
    const where = src ? `${src}:${cf.lineNumber + 1}` : '';
    const k = `${name}\0${where}`;
    const e = fn.get(k) ?? { name, where, us: 0 };
    e.us += us;
    fn.set(k, e);
    const fk = src || name;
    const f = file.get(fk) ?? { name: src ? path.posix.basename(src) : name, where: src, us: 0 };
    f.us += us;
    file.set(fk, f);
  }
  const list = (m: Map<string, { name: string; where: string; us: number }>): SelfTime[] =>
    [...m.values()]
      .sort((a, b) => b.us - a.us)
      .slice(0, top)
      .map((e) => ({ name: e.name, where: e.where, ms: e.us / 1000, pct: total ? (100 * e.us) / total : 0 }));
  return { totalMs: total / 1000, functions: list(fn), files: list(file) };
}

export function readProfile(file: string): CpuProfile {
  return JSON.parse(readFileSync(file, 'utf8')) as CpuProfile;
}
