/**
 * 一个账号的备案档案：从 Git 历史中找出所有改动过该账号文件的提交（包括跨单位文件夹的迁移），
 * 用领域语言说明每次改动。
 *
 * 速度：`git log --follow` 会关闭提交图的 Bloom 过滤器（它只能对一个固定路径做判断），所以这里先
 * 沿着“新增/改名”逐段找出该文件用过的全部路径（每一步都是固定路径的查询，可用 Bloom 过滤器），
 * 再用一次 `git log -- <全部路径>` 取出时间线。
 * Speed: `--follow` defeats commit-graph Bloom filters; instead we walk renames back with
 * literal-path queries, then run one `git log -- <every path the file had>`.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import type { Bilingual } from '../core/finding.ts';
import { BlobReader } from '../core/blobs.ts';
import { parseJson } from '../core/jsonpos.ts';
import type { AccountFile } from '../generated/types.ts';
import { classifyAccount } from '../pr/classify.ts';
import { KIND_ZH } from '../pr/check.ts';
import type { ChangeItem } from '../pr/types.ts';
import { LOG_FORMAT, parseRawLog, prNumber, runGit, shanghaiDate, type LoggedCommit } from './replay.ts';

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

/** Find the account file's current path at a revision. */
async function currentPath(repo: string, rev: string, id: string): Promise<string | undefined> {
  const out = await runGit(repo, ['ls-tree', '-r', '--name-only', '-z', rev, '--', 'accounts']);
  return out.split('\0').find((p) => p.endsWith(`/${id}.json`));
}

/** Every path the file has had, newest first, following renames with literal-path queries. */
async function pathsOf(repo: string, rev: string, start: string): Promise<string[]> {
  const paths = [start];
  let p = start;
  for (let guard = 0; guard < 100; guard++) {
    // the commit that created the file at this path (added or renamed into it)
    const out = await runGit(repo, ['log', rev, '-1', '--format=%H', '--diff-filter=AR', '-M', '--', p]);
    const sha = out.trim();
    if (!sha) break;
    const st = await runGit(repo, ['show', '-M', '--name-status', '-z', '--format=', '--first-parent', sha, '--']);
    const parts = st.split('\0').filter(Boolean);
    let prev: string | undefined;
    for (let i = 0; i < parts.length; ) {
      const status = parts[i++]!;
      if (status.startsWith('R')) {
        const from = parts[i++]!;
        const to = parts[i++]!;
        if (to === p) prev = from;
      } else i++;
    }
    if (!prev || paths.includes(prev)) break;
    paths.push(prev);
    p = prev;
  }
  return paths;
}

function parseAccount(buf: Buffer | undefined): AccountFile | undefined {
  if (!buf) return undefined;
  const p = parseJson(buf.toString('utf8'));
  return p.ok && p.value && typeof p.value === 'object' ? (p.value as AccountFile) : undefined;
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

export async function accountHistory(repo: string, id: string, rev = 'HEAD'): Promise<AccountHistory> {
  if (!existsSync(path.join(repo, '.git')) && !existsSync(path.join(repo, 'HEAD'))) throw new HistoryError(`“${repo}”不是 Git 仓库 / not a Git repository`);
  const cur = await currentPath(repo, rev, id);
  if (!cur) throw new HistoryError(`在 ${rev} 中找不到账号“${id}”的文件（accounts/**/${id}.json）/ no account "${id}" at ${rev}`);
  const paths = await pathsOf(repo, rev, cur);
  const out = await runGit(repo, ['log', rev, '-z', '--raw', '--no-abbrev', '-M', '--first-parent', LOG_FORMAT, '--', ...paths]);
  const commits = parseRawLog(out).reverse(); // oldest first
  const blobs = new BlobReader(repo);
  try {
    const unitNameCache = new Map<string, string>();
    const unitName = (unitId: string): string => unitNameCache.get(unitId) ?? unitId;
    // unit names: read the unit.json of every unit folder the file lived in, at the revision
    for (const p of paths) {
      const dir = path.posix.dirname(p);
      const u = await blobs.read(`${rev}:${dir}/unit.json`);
      const doc = u ? (parseJson(u.toString('utf8')).value as { id?: string; name?: string } | undefined) : undefined;
      if (doc?.id && doc.name) unitNameCache.set(doc.id, doc.name);
    }
    const entries: HistoryEntry[] = [];
    let last: AccountFile | undefined;
    for (const c of commits) {
      const ch = c.changes.find((x) => paths.includes(x.path) || (x.fromPath !== undefined && paths.includes(x.fromPath)));
      if (!ch) continue;
      // unit names at the time of the commit
      for (const p of [ch.path, ch.fromPath]) {
        if (!p) continue;
        const dir = path.posix.dirname(p);
        const id2 = path.posix.basename(dir);
        if (!unitNameCache.has(id2)) {
          const u = await blobs.read(`${c.sha}:${dir}/unit.json`);
          const doc = u ? (parseJson(u.toString('utf8')).value as { name?: string } | undefined) : undefined;
          if (doc?.name) unitNameCache.set(id2, doc.name);
        }
      }
      const before = ch.oldSha ? parseAccount(await blobs.read(ch.oldSha)) : undefined;
      const after = ch.newSha ? parseAccount(await blobs.read(ch.newSha)) : undefined;
      const cls = classifyAccount(ch.status, ch.path, ch.fromPath, before, after, unitName);
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
