/**
 * 运行数据快照的日期和新旧：score 和 monitor 打印快照日期；快照过旧（或日期不明）时给出提醒，
 * 并且不用它判断更新、原创和留言类指标——旧数据会让每个账号都显得“长期未更新”，得 0 分。
 * 过旧的界限是运维上的默认值（--stale-days，默认 7 天），不是任何办法规定的期限。
 *
 * The activity snapshot's date and age: score and monitor print it; a stale snapshot (or one whose
 * date cannot be told) is warned about and not used, because old data makes every account look
 * silent and scores everyone 0. The limit is an operational default (--stale-days, 7), not a rule.
 */
import path from 'node:path';
import { diffDays } from '../calendar/workdays.ts';
import type { Lang } from '../core/finding.ts';
import type { SchemaSet } from '../core/schema.ts';
import { loadActivity, type ActivitySnapshot } from '../monitor/activity.ts';
import { InputError } from '../monitor/errors.ts';

export const DEFAULT_STALE_DAYS = 7;

export interface SnapshotAge {
  /** asOf, else the latest date recorded in the snapshot; undefined when it holds no date. */
  date?: string;
  /** Whether the date came from the file's asOf. */
  declared: boolean;
  days?: number;
  stale: boolean;
}

export function staleDaysOf(v: string | undefined): number {
  if (v === undefined) return DEFAULT_STALE_DAYS;
  if (!/^\d{1,4}$/.test(v)) throw new InputError({ zh: `--stale-days 须为 0 到 9999 的天数（收到 ${v}）`, en: `--stale-days must be a number of days from 0 to 9999 (got ${v})` });
  return Number(v);
}

export function snapshotAge(s: ActivitySnapshot, now: string, staleDays: number): SnapshotAge {
  let date = s.asOf;
  const declared = date !== undefined;
  if (!date) {
    for (const r of s.byAccount.values()) for (const d of [r.lastPost, r.lastOriginalPost, r.lastReplyToPublic, r.oldestUnanswered]) if (d && d <= now && (!date || d > date)) date = d;
  }
  if (!date) return { declared, stale: true };
  const days = diffDays(date, now);
  return { date, declared, days, stale: days > staleDays };
}

/** The line printed about the snapshot (to stderr), in the language asked for. */
export function snapshotLine(s: ActivitySnapshot, age: SnapshotAge, staleDays: number, lang: Lang): string {
  const zh = lang === 'zh';
  if (!age.date) return zh ? `注意：运行数据 ${s.source} 没有写明日期（asOf），也没有任何记录日期，无法判断新旧；更新、原创和留言类指标本次未评。请导出带 asOf 的最新快照。` : `warning: the activity snapshot ${s.source} has no date (asOf) and no dated record; update, original-post and reply checks were skipped. Export a fresh snapshot with asOf.`;
  const when = zh ? (age.declared ? `截至 ${age.date}` : `未写明 asOf，最近一条记录为 ${age.date}`) : age.declared ? `as of ${age.date}` : `no asOf; latest record ${age.date}`;
  if (!age.stale) return zh ? `运行数据：${s.source}（${when}）。` : `Activity snapshot: ${s.source} (${when}).`;
  return zh
    ? `注意：运行数据 ${s.source}（${when}）已是 ${age.days} 天前的数据，超过 ${staleDays} 天；更新、原创和留言类指标本次未评（不按 0 分计）。请导出最新快照，或用 --stale-days 放宽。`
    : `warning: the activity snapshot ${s.source} (${when}) is ${age.days} days old, more than ${staleDays}; update, original-post and reply checks were skipped (not scored 0). Export a fresh snapshot, or widen --stale-days.`;
}

/**
 * The --activity snapshot to judge on (monitor and score alike): read it, print its date when it is
 * stale (to stderr) and leave a stale one out, since old data would make every account look silent.
 */
export function freshActivity(file: string | undefined, staleDaysText: string | undefined, schemas: SchemaSet, now: string, lang: Lang, warn: (s: string) => void): ActivitySnapshot | undefined {
  const staleDays = staleDaysOf(staleDaysText);
  const snapshot = file ? loadActivity(path.resolve(file), schemas, file) : undefined;
  const age = snapshot ? snapshotAge(snapshot, now, staleDays) : undefined;
  // the snapshot's date is always printed (stderr: stdout stays the report); a stale one is warned about
  if (snapshot && age) warn(snapshotLine(snapshot, age, staleDays, lang));
  // a stale snapshot is not judged on: old data would make every account look silent
  return snapshot && age && !age.stale ? snapshot : undefined;
}
