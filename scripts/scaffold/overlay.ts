/**
 * 拟写入的登记簿：在工作目录之上叠加“将要写入/删除”的文件，不落盘，供引擎先行检查。
 * The would-be register: the working tree with the scaffolder's pending writes and removals laid
 * over it, in memory, so the real engine can judge the change before anything touches the disk.
 */
import path from 'node:path';
import type { Entry, FileSource } from '../core/source.ts';

export class OverlaySource implements FileSource {
  private readonly added = new Map<string, Buffer>();
  private readonly removed = new Set<string>();

  constructor(private readonly base: FileSource) {}

  get label(): string {
    return `${this.base.label}（拟修改 / pending changes）`;
  }

  /** Add or replace a file (repo-relative, forward slashes). */
  write(rel: string, text: string): this {
    this.removed.delete(rel);
    this.added.set(rel, Buffer.from(text, 'utf8'));
    return this;
  }

  remove(rel: string): this {
    this.added.delete(rel);
    this.removed.add(rel);
    return this;
  }

  list(prefix: string): Entry[] {
    const p = prefix.replace(/\/+$/, '');
    const out = this.base.list(prefix).filter((e) => !this.removed.has(e.rel) && !this.added.has(e.rel));
    const dirs = new Set(out.filter((e) => e.type === 'dir').map((e) => e.rel));
    for (const [rel, data] of this.added) {
      if (!rel.startsWith(p + '/')) continue;
      // any folder the new file needs (normally the unit folder exists already)
      for (let d = path.posix.dirname(rel); d.length > p.length && !dirs.has(d); d = path.posix.dirname(d)) {
        dirs.add(d);
        out.push({ rel: d, type: 'dir', size: 0 });
      }
      out.push({ rel, type: 'file', size: data.length });
    }
    return out.sort((a, b) => (a.rel < b.rel ? -1 : a.rel > b.rel ? 1 : 0));
  }

  read(rel: string): Buffer {
    const a = this.added.get(rel);
    if (a) return a;
    if (this.removed.has(rel)) throw new Error(`no such file: ${rel}`);
    return this.base.read(rel);
  }

  exists(rel: string): boolean {
    if (this.added.has(rel)) return true;
    if (this.removed.has(rel)) return false;
    return this.base.exists(rel);
  }
}
