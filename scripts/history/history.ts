/**
 * 一个账号的备案档案：从 Git 历史中找出所有改动过该账号文件的提交（包括跨单位文件夹的迁移），
 * 用领域语言说明每次改动。
 *
 * 速度：`git log --follow` 会关闭提交图的 Bloom 过滤器（它只能对一个固定路径做判断），所以这里用
 * 固定路径查询：一次 `git log -- <当前路径>` 取出时间线；只有文件是迁移来的，才沿着“改名”逐段找出
 * 它用过的全部路径，再对全部路径取一次时间线。
 * Speed: `--follow` defeats commit-graph Bloom filters; one literal `git log -- <path>` gives the
 * timeline, and only a file created by a move has its earlier paths walked back with literal
 * queries and the log taken over all of them.
 */
import path from 'node:path';
import type { Bilingual } from '../core/finding.ts';
import { BlobReader } from '../core/blobs.ts';
import type { AccountFile } from '../generated/types.ts';
import { classifyAccount, isAccountShape } from '../pr/classify.ts';
import { KIND_ZH, type ChangeItem } from '../pr/types.ts';
import { parseRawLog, prNumber, runGit, shanghaiDate, type LoggedCommit } from './replay.ts';
import { logArgs, prefetcher, startHistory, type EarlyLog, type StartedHistory } from './start.ts';

export interface HistoryEntry {
  date: string;
  commit: string;
  author: string;
  pr?: number;
  subject: string;
  kind: ChangeItem['kind'] | 'moved';
  path: string;
  fromPath?: string;
  /** What changed, in domain words. */
  what: Bilingual;
  /** Events appended by this commit (type and date). */
  events: { type: string; date: string }[];
}

export interface AccountHistory {
  id: string;
  name: string;
  platform: string;
  paths: string[];
  entries: HistoryEntry[];
}

export class HistoryError extends Error {}

/**
 * The account file's path at a revision. The index usually knows it (read in-process when it can
 * be, `fromIndex`, else through `git ls-files`; no tree walk); the answer is checked against the
 * revision, and only when that fails is the revision's whole accounts/ tree listed.
 */
async function currentPath(repo: string, rev: string, id: string, blobs: BlobReader, fromIndex?: readonly string[]): Promise<string | undefined> {
  const want = `/${id}.json`;
  const listed = fromIndex ?? (await runGit(repo, ['ls-files', '-z', '--full-name', '--', `:(glob)accounts/**/${id}.json`]).catch(() => '')).split('\0');
  for (const p of listed) if (p.endsWith(want) && (await blobs.read(`${rev}:${p}`)) !== undefined) return p;
  const out = await runGit(repo, ['ls-tree', '-r', '--name-only', '-z', rev, '--', 'accounts']);
  return out.split('\0').find((p) => p.endsWith(want));
}

/** The path a file was renamed from in a commit (first parent), if it was. */
async function renamedFrom(repo: string, sha: string, p: string): Promise<string | undefined> {
  const st = await runGit(repo, ['show', '-M', '--name-status', '-z', '--format=', '--first-parent', sha, '--']);
  const parts = st.split('\0').filter(Boolean);
  for (let i = 0; i < parts.length; ) {
    const status = parts[i++]!;
    if (status.startsWith('R') || status.startsWith('C')) {
      const from = parts[i++]!;
      const to = parts[i++]!;
      if (to === p && status.startsWith('R')) return from;
    } else i++;
  }
  return undefined;
}

/** Every path the file had before `start`, newest first, following renames with literal-path queries. */
async function earlierPaths(repo: string, rev: string, start: string, paths: string[]): Promise<void> {
  let p = start;
  for (let guard = 0; guard < 100; guard++) {
    // the commit that created the file at this path (added or renamed into it)
    const sha = (await runGit(repo, ['log', rev, '-1', '--format=%H', '--diff-filter=AR', '-M', '--', p])).trim();
    if (!sha) return;
    const prev = await renamedFrom(repo, sha, p);
    if (!prev || paths.includes(prev)) return;
    paths.push(prev);
    p = prev;
  }
}

/**
 * The commits that touched the account file, oldest first, and every path it had. One
 * `git log -- <path>` (commit-graph Bloom filters answer it) is enough unless the file was
 * created by a move: then the earlier paths are found and the log is taken over all of them.
 * `early`: that log, already begun for `cur` (used when it finished).
 */
async function commitsOf(repo: string, rev: string, cur: string, blobs: BlobReader, early?: EarlyLog): Promise<{ paths: string[]; commits: LoggedCommit[] }> {
  const begun = early?.path === cur ? await early.out : undefined;
  const commits = parseRawLog(begun ?? (await runGit(repo, logArgs(rev, [cur]), prefetcher(blobs)))).reverse();
  const first = commits[0];
  const created = first?.changes.find((c) => c.path === cur);
  if (!first || !created || created.status !== 'A' || first.parents.length === 0) return { paths: [cur], commits };
  const prev = await renamedFrom(repo, first.sha, cur);
  if (!prev) return { paths: [cur], commits };
  const paths = [cur, prev];
  await earlierPaths(repo, `${first.sha}^`, prev, paths);
  return { paths, commits: parseRawLog(await runGit(repo, logArgs(rev, paths))).reverse() };
}

function parseAccount(buf: Buffer | undefined): AccountFile | undefined {
  if (!buf) return undefined;
  try {
    const v = JSON.parse(buf.toString('utf8')) as unknown;
    return v && typeof v === 'object' && !Array.isArray(v) ? (v as AccountFile) : undefined;
  } catch {
    return undefined; // a version that was not valid JSON: described without its content
  }
}

/**
 * 一个账号文件的各个版本。事件只能追加，所以新版本通常是旧版本加上几条事件：这时只解析新版本中
 * 事件以外的部分和新追加的事件，已有事件沿用旧版本解析好的对象（逐字节比较确认它们没有变）。
 * 一个经常修改的账号有几百个版本、每个几十 KB，逐个完整解析是 history 最大的开销。
 * The versions of one account file. Events are append-only, so a new version is usually the old
 * one plus a few events: then only the new version's non-event part and its appended events are
 * parsed, the earlier events are the old version's objects (byte comparison proves them equal).
 * A busy account has hundreds of versions of tens of KB; parsing each in full was history's
 * largest cost. Anything else (events edited, another layout) is parsed in full.
 */
export class Versions {
  private readonly parsed = new Map<string, { doc: AccountFile; buf: Buffer; events: EventsSpan | undefined }>();

  get(sha: string, buf: Buffer | undefined, fromSha?: string): AccountFile | undefined {
    const hit = this.parsed.get(sha);
    if (hit) return hit.doc;
    if (!buf) return undefined;
    const span = eventsSpan(buf);
    const prev = fromSha ? this.parsed.get(fromSha) : undefined;
    let doc = prev?.events && span ? appended(prev, buf, span) : undefined;
    let events = doc ? span : undefined;
    if (!doc) {
      doc = parseAccount(buf);
      // keep the span only when it is the top-level events array (checked on the rest of the text)
      if (doc && span && Array.isArray(doc.events) && headOf(buf, span)) events = span;
    }
    if (doc) this.parsed.set(sha, { doc, buf, events });
    return doc;
  }
}

/** Where the top-level events array's content lies: after its `[`, up to (not including) its `]`. */
interface EventsSpan {
  start: number;
  end: number;
}

const EVENTS_KEY = Buffer.from('"events"');

/**
 * The span of the events array when it is the object's last member (how every file in the
 * register is written): `"events": [ ... ]` followed only by white space and the closing `}`.
 */
function eventsSpan(buf: Buffer): EventsSpan | undefined {
  let end = buf.length - 1;
  while (end >= 0 && isWs(buf[end]!)) end--;
  if (buf[end] !== 0x7d /* } */) return undefined;
  end--;
  while (end >= 0 && isWs(buf[end]!)) end--;
  if (buf[end] !== 0x5d /* ] */) return undefined;
  // searched from the start: the key comes right after the short head of the file, while the
  // events array (searched backwards) is most of it; the caller checks it is the top-level one
  for (let key = buf.indexOf(EVENTS_KEY); key > 0 && key < end; key = buf.indexOf(EVENTS_KEY, key + 1)) {
    if (buf[key - 1] === 0x5c /* \ */) continue;
    let i = key + EVENTS_KEY.length;
    while (i < end && isWs(buf[i]!)) i++;
    if (buf[i] !== 0x3a /* : */) continue;
    i++;
    while (i < end && isWs(buf[i]!)) i++;
    if (buf[i] !== 0x5b /* [ */) continue;
    return { start: i + 1, end };
  }
  return undefined;
}

function isWs(c: number): boolean {
  return c === 0x20 || c === 0x0a || c === 0x0d || c === 0x09;
}

/** The new version built from the previous one when its events are the previous events plus more. */
function appended(prev: { doc: AccountFile; buf: Buffer; events: EventsSpan | undefined }, buf: Buffer, span: EventsSpan): AccountFile | undefined {
  const pe = prev.events!;
  let pEnd = pe.end;
  while (pEnd > pe.start && isWs(prev.buf[pEnd - 1]!)) pEnd--;
  const len = pEnd - pe.start;
  if (span.start + len > span.end) return undefined;
  if (prev.buf.compare(buf, span.start, span.start + len, pe.start, pEnd) !== 0) return undefined;
  let i = span.start + len;
  while (i < span.end && isWs(buf[i]!)) i++;
  let more: unknown[] = [];
  if (i < span.end) {
    if (len > 0) {
      if (buf[i] !== 0x2c /* , */) return undefined;
      i++;
    }
    try {
      more = JSON.parse(`[${buf.toString('utf8', i, span.end)}]`) as unknown[];
    } catch {
      return undefined;
    }
  }
  const head = headOf(buf, span);
  if (!head) return undefined;
  head.events = prev.doc.events.concat(more as AccountFile['events']);
  return head;
}

/**
 * The file with the events array emptied, when the span is the top-level events (not a nested
 * member of the same name): then the rest parses with `events: []`.
 */
function headOf(buf: Buffer, span: EventsSpan): AccountFile | undefined {
  let head: AccountFile;
  try {
    head = JSON.parse(buf.toString('utf8', 0, span.start) + buf.toString('utf8', span.end)) as AccountFile;
  } catch {
    return undefined;
  }
  return head && typeof head === 'object' && Array.isArray(head.events) && head.events.length === 0 ? head : undefined;
}

/** A unit.json version (any JSON object is enough for its id and name). */
function unitDoc(buf: Buffer | undefined): { id?: string; name?: string } | undefined {
  return parseAccount(buf) as { id?: string; name?: string } | undefined;
}

export function describeChange(item: ChangeItem, unitNames: (id: string) => string): Bilingual {
  const zh: string[] = [];
  const en: string[] = [];
  if (item.kind === 'open' || item.kind === 'backfill') {
    zh.push(item.kind === 'open' ? '新建账号文件（开设备案）' : '新建账号文件（补录备案）');
    en.push(item.kind === 'open' ? 'account file created (opening filing)' : 'account file created (backfill filing)');
  }
  if (item.fromUnitId && item.fromUnitId !== item.unitId) {
    zh.push(`主办单位由“${unitNames(item.fromUnitId)}”变更为“${unitNames(item.unitId ?? '')}”（文件迁移）`);
    en.push(`host unit changed from "${unitNames(item.fromUnitId)}" to "${unitNames(item.unitId ?? '')}" (file moved)`);
  }
  for (const f of item.fields) {
    if (f.field === 'hostUnit' && item.fromUnitId) continue;
    if (!f.from && !f.to) {
      zh.push(`${f.label}已更新`);
      en.push(`${f.field} updated`);
    } else {
      zh.push(`${f.label}由“${f.from}”变更为“${f.to}”`);
      en.push(`${f.field} changed from "${f.from}" to "${f.to}"`);
    }
  }
  if (item.kind !== 'open' && item.kind !== 'backfill' && item.newEvents.length) {
    zh.push(`追加事件：${item.newEvents.join('、')}`);
    en.push(`events appended: ${item.newEvents.join(', ')}`);
  }
  if (item.status === 'D') {
    zh.push('账号文件被删除');
    en.push('account file deleted');
  }
  return { zh: zh.join('；') || '格式调整', en: en.join('; ') || 'formatting only' };
}

export async function accountHistory(repo: string, id: string, rev = 'HEAD', started?: StartedHistory): Promise<AccountHistory> {
  // begun by the command before this module loaded (see startHistory), else now
  const s = started ?? startHistory(repo, id, rev);
  if (!s) throw new HistoryError(`“${repo}”不是 Git 仓库 / not a Git repository`);
  const { blobs, fromIndex, early, stop } = s;
  try {
    const cur = await currentPath(repo, rev, id, blobs, fromIndex);
    if (early && early.path !== cur) stop.abort();
    if (!cur) throw new HistoryError(`在 ${rev} 中找不到账号“${id}”的文件（accounts/**/${id}.json）/ no account "${id}" at ${rev}`);
    const { paths, commits } = await commitsOf(repo, rev, cur, blobs, early);
    const unitNameCache = new Map<string, string>();
    const unitName = (unitId: string): string => unitNameCache.get(unitId) ?? unitId;
    // unit names: read the unit.json of every unit folder the file lived in, at the revision
    for (const p of paths) {
      const dir = path.posix.dirname(p);
      const u = await blobs.read(`${rev}:${dir}/unit.json`);
      const doc = unitDoc(u);
      if (doc?.id && doc.name) unitNameCache.set(doc.id, doc.name);
    }
    const entries: HistoryEntry[] = [];
    let last: AccountFile | undefined;
    const versions = new Versions();
    const shapes = new Map<AccountFile, boolean>();
    const changeOf = (c: LoggedCommit): LoggedCommit['changes'][number] | undefined => c.changes.find((x) => paths.includes(x.path) || (x.fromPath !== undefined && paths.includes(x.fromPath)));
    // every version at once: one pipelined batch to cat-file rather than a round trip per commit
    await blobs.readMany(commits.flatMap((c) => {
      const ch = changeOf(c);
      return ch ? [ch.oldSha, ch.newSha].filter((x): x is string => x !== undefined) : [];
    }));
    for (const c of commits) {
      const ch = changeOf(c);
      if (!ch) continue;
      // unit names at the time of the commit
      for (const p of [ch.path, ch.fromPath]) {
        if (!p) continue;
        const dir = path.posix.dirname(p);
        const id2 = path.posix.basename(dir);
        if (!unitNameCache.has(id2)) {
          const u = await blobs.read(`${c.sha}:${dir}/unit.json`);
          const doc = unitDoc(u);
          if (doc?.name) unitNameCache.set(id2, doc.name);
        }
      }
      // a version of any other shape (a malformed blob in history) is described without its content;
      // each version is checked once (the version before a commit is the one after the previous)
      const shaped = (d: AccountFile | undefined): AccountFile | undefined => {
        if (!d) return undefined;
        let ok = shapes.get(d);
        if (ok === undefined) shapes.set(d, (ok = isAccountShape(d)));
        return ok ? d : undefined;
      };
      const before = shaped(ch.oldSha ? versions.get(ch.oldSha, await blobs.read(ch.oldSha)) : undefined);
      const after = shaped(ch.newSha ? versions.get(ch.newSha, await blobs.read(ch.newSha), before && ch.oldSha) : undefined);
      // both already shape-checked (shaped): classification need not check them again
      const cls = classifyAccount(ch.status, ch.path, ch.fromPath, before, after, unitName, undefined, true);
      const appended = after ? (before ? (after.events.length >= before.events.length ? after.events.slice(before.events.length) : []) : after.events) : [];
      const entry: HistoryEntry = {
        date: shanghaiDate(c.time),
        commit: c.sha,
        author: c.author,
        subject: c.subject,
        kind: cls.item.kind,
        path: ch.path,
        what: describeChange(cls.item, unitName),
        events: appended.map((e) => ({ type: e.type, date: e.date })),
      };
      if (ch.fromPath && ch.fromPath !== ch.path) entry.fromPath = ch.fromPath;
      const pr = prNumber(c);
      if (pr !== undefined) entry.pr = pr;
      entries.push(entry);
      if (after) last = after;
    }
    return { id, name: last?.name ?? id, platform: last?.platform ?? '', paths, entries };
  } finally {
    stop.abort();
    blobs.close();
  }
}

export function historyText(h: AccountHistory, lang: 'zh' | 'en'): string {
  const L: string[] = [];
  L.push(lang === 'zh' ? `账号“${h.name}”（${h.platform}，编号 ${h.id}）的备案档案` : `Case file of "${h.name}" (${h.platform}, id ${h.id})`);
  if (h.paths.length > 1) L.push(lang === 'zh' ? `文件位置先后为：${[...h.paths].reverse().join(' → ')}` : `file locations: ${[...h.paths].reverse().join(' → ')}`);
  L.push('');
  for (const e of h.entries) {
    const kind = lang === 'zh' ? KIND_ZH[e.kind as ChangeItem['kind']] ?? e.kind : e.kind;
    const pr = e.pr !== undefined ? (lang === 'zh' ? `  合并请求 #${e.pr}` : `  PR #${e.pr}`) : '';
    L.push(`${e.date}  ${e.commit.slice(0, 8)}  ${e.author}${pr}  【${kind}】`);
    L.push(`    ${e.what[lang]}`);
    if (e.events.length) L.push(`    ${lang === 'zh' ? '事件' : 'events'}：${e.events.map((x) => `${x.date} ${x.type}`).join('；')}`);
    L.push(`    ${lang === 'zh' ? '提交说明' : 'commit'}：${e.subject}`);
  }
  L.push('', lang === 'zh' ? `共 ${h.entries.length} 次修改。` : `${h.entries.length} changes.`);
  return L.join('\n');
}

export type { LoggedCommit };
