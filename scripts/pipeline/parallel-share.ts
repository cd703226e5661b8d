/**
 * 一个工作线程的任务：按范围（一组单位文件夹）检查登记簿，返回结果。
 * One worker's share: a scoped validation of a set of unit folders.
 */
import { validateSource } from './pipeline.ts';
import { unitFolders } from '../core/exceptions.ts';
import type { Finding } from '../core/finding.ts';
import { FsSource, type Entry } from '../core/source.ts';
import { nameEntries, type NameEntry } from '../core/impersonation.ts';

export interface ShareInput {
  root: string;
  engineRoot: string;
  now: string;
  unitDirs: string[];
  /** The main thread's listing; packed (see packListing) for a worker: one string clones far faster than 100k objects. */
  listing: string | Entry[];
  only?: string[];
  /** This share also judges what lies outside every unit folder. */
  loose: boolean;
}

export interface ShareOutput {
  findings: Finding[];
  accounts: number;
  files: number;
  /** Names in use of this share's accounts (impersonation across shares is judged by the main thread). */
  names?: NameEntry[];
  /** Unit id → folder (accounts/…/, see unitFolders) of the units this share loaded, for unit exceptions. */
  units: [string, string][];
}

const TYPE_CODE: Record<Entry['type'], string> = { file: 'f', dir: 'd', symlink: 's', other: 'o' };
const CODE_TYPE: Record<string, Entry['type']> = { f: 'file', d: 'dir', s: 'symlink', o: 'other' };

/** A listing as one string: per entry a type letter, the size, a tab and the path; entries joined by NUL. */
export function packListing(listing: readonly Entry[]): string {
  return listing.map((e) => `${TYPE_CODE[e.type]}${e.size}\t${e.rel}`).join('\0');
}

export function unpackListing(packed: string): Entry[] {
  if (!packed) return [];
  return packed.split('\0').map((x) => {
    const tab = x.indexOf('\t');
    return { rel: x.slice(tab + 1), type: CODE_TYPE[x[0]!] ?? 'other', size: Number(x.slice(1, tab)) || 0 };
  });
}

/** A file source whose listing was made once by the main thread. */
class ListedSource extends FsSource {
  constructor(root: string, private readonly listing: Entry[]) {
    super(root);
  }
  override list(prefix: string): Entry[] {
    const p = prefix.replace(/\/+$/, '');
    if (p === 'accounts') return this.listing;
    return this.listing.filter((e) => e.rel.startsWith(p + '/'));
  }
}

export async function runShare(input: ShareInput): Promise<ShareOutput> {
  const src = new ListedSource(input.root, typeof input.listing === 'string' ? unpackListing(input.listing) : input.listing);
  // exceptions and the baseline are applied once, by the main thread, to every share's findings
  const res = await validateSource(src, { engineRoot: input.engineRoot, now: input.now, scope: new Set(input.unitDirs), scopeLoose: input.loose, stream: true, exceptionsDir: 'none', baselineFile: 'none', ...(input.only ? { only: new Set(input.only) } : {}) });
  return { findings: res.findings, accounts: res.register.accounts.length, files: res.register.fileCount, names: nameEntries(res.register.accounts), units: [...unitFolders(res.register)] };
}
