/**
 * 运行数据快照（activity）：CSV 或 JSON，每个账号一行；按 schemas/activity.schema.json 校验。
 * The activity snapshot: CSV or JSON, one row per account, checked against
 * schemas/activity.schema.json. Times become Asia/Shanghai calendar dates: the monitor judges by day.
 */
import path from 'node:path';
import { isValidDate, todayShanghai } from '../calendar/workdays.ts';
import { parseJson } from '../core/jsonpos.ts';
import type { SchemaSet } from '../core/schema.ts';
import type { ActivityFile } from '../generated/types.ts';
import { headerKey, mapHeader, parseCsv, readTextFile } from '../core/csv.ts';
import { InputError } from './errors.ts';

/** One account's activity, times reduced to Shanghai dates. */
export interface ActivityRecord {
  accountId: string;
  lastPost?: string;
  lastOriginalPost?: string;
  lastReplyToPublic?: string;
  unansweredMessages?: number;
  oldestUnanswered?: string;
  postsLast7Days?: number;
  originalPostsLast7Days?: number;
}

export interface ActivitySnapshot {
  /** The file it came from (as given). */
  source: string;
  asOf?: string;
  byAccount: Map<string, ActivityRecord>;
}

type Field = keyof ActivityRecord;

/** CSV column names: the JSON field names, or these Chinese headings. */
export const ACTIVITY_COLUMNS: Record<Field, string[]> = {
  accountId: ['accountId', '账号编号', '账号ID'],
  lastPost: ['lastPost', '最近发布', '最近更新', '最后更新时间'],
  lastOriginalPost: ['lastOriginalPost', '最近原创', '最近原创发布'],
  lastReplyToPublic: ['lastReplyToPublic', '最近回复', '最近答复留言'],
  unansweredMessages: ['unansweredMessages', '未回复留言数', '未答复留言数'],
  oldestUnanswered: ['oldestUnanswered', '最早未回复留言', '最早未答复留言'],
  postsLast7Days: ['postsLast7Days', '近7天发布数', '近7日发布数'],
  originalPostsLast7Days: ['originalPostsLast7Days', '近7天原创数', '近7日原创数'],
};
const INTEGER_FIELDS = new Set<Field>(['unansweredMessages', 'postsLast7Days', 'originalPostsLast7Days']);
const TIME_FIELDS: Field[] = ['lastPost', 'lastOriginalPost', 'lastReplyToPublic', 'oldestUnanswered'];

/** A date or date-time (schema pattern) as a Shanghai calendar date; undefined if not a real date. */
export function shanghaiDate(s: string): string | undefined {
  const m = /^(\d{4}-\d{2}-\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.\d{1,3})?)?(Z|[+-]\d{2}:?\d{2})?)?$/.exec(s);
  if (!m) return undefined;
  const day = m[1]!;
  if (!isValidDate(day)) return undefined;
  if (m[2] !== undefined && (Number(m[2]) > 23 || Number(m[3]) > 59 || Number(m[4] ?? 0) > 59)) return undefined;
  const zone = m[5];
  if (!zone) return day;
  const iso = `${day}T${m[2]}:${m[3]}:${m[4] ?? '00'}${zone === 'Z' ? 'Z' : zone.length === 5 ? zone.slice(0, 3) + ':' + zone.slice(3) : zone}`;
  const t = Date.parse(iso);
  return Number.isFinite(t) ? todayShanghai(new Date(t)) : undefined;
}

interface Located {
  /** Where row i came from, for messages. */
  where(i: number, field?: string): { zh: string; en: string };
}

/** Load and check an activity file (.csv, or JSON). Throws InputError with file, line and field. */
export function loadActivity(file: string, schemas: SchemaSet, label = file): ActivitySnapshot {
  const { text } = readTextFile(file);
  const isJson = path.extname(file).toLowerCase() === '.json' || /^\s*[[{]/.test(text);
  let doc: unknown;
  let loc: Located;
  if (isJson) {
    const parsed = parseJson(text);
    const fatal = parsed.issues.find((i) => i.code !== 'duplicate-key' && i.code !== 'bom');
    if (!parsed.ok || fatal) {
      const is = fatal ?? parsed.issues[0];
      throw new InputError({ zh: `${label} 第 ${is?.line ?? 1} 行第 ${is?.column ?? 1} 列：JSON 语法错误${is ? '：' + is.detail.zh : ''}`, en: `${label}:${is?.line ?? 1}:${is?.column ?? 1}: JSON syntax error${is ? ': ' + is.detail.en : ''}` });
    }
    const dup = parsed.issues.find((i) => i.code === 'duplicate-key');
    if (dup) throw new InputError({ zh: `${label} 第 ${dup.line} 行：键“${dup.key ?? ''}”重复`, en: `${label}:${dup.line}: duplicate key "${dup.key ?? ''}"` });
    doc = parsed.value;
    loc = {
      where: (i, field) => {
        const p = parsed.locate(field ? ['accounts', i, field] : ['accounts', i]);
        return { zh: `${label} 第 ${p.line} 行`, en: `${label}:${p.line}` };
      },
    };
  } else {
    const rows = parseCsv(text, label);
    const header = rows[0];
    if (!header) throw new InputError({ zh: `${label} 是空文件`, en: `${label} is empty` });
    const cols = mapHeader(header.cells, ACTIVITY_COLUMNS);
    if (cols.accountId === undefined) {
      throw new InputError({ zh: `${label} 第 1 行应为列名，且须有“accountId”（账号编号）列；收到：${header.cells.join(', ')}`, en: `${label} line 1 must be the header with an "accountId" column; got: ${header.cells.join(', ')}` });
    }
    const known = new Set(Object.values(ACTIVITY_COLUMNS).flat().map(headerKey));
    const unknown = header.cells.filter((h) => h.trim() !== '' && !known.has(headerKey(h)));
    if (unknown.length) {
      throw new InputError({ zh: `${label} 第 1 行有无法识别的列：${unknown.join('、')}。可用的列见 scripts/monitor/README.md`, en: `${label} line 1 has unknown columns: ${unknown.join(', ')} (see scripts/monitor/README.md)` });
    }
    const data = rows.slice(1);
    const accounts = data.map((r) => {
      const o: Record<string, unknown> = {};
      for (const [field, idx] of Object.entries(cols) as [Field, number][]) {
        const v = (r.cells[idx] ?? '').trim();
        if (v === '') continue;
        o[field] = INTEGER_FIELDS.has(field) && /^\d+$/.test(v) ? Number(v) : v;
      }
      return o;
    });
    doc = { accounts };
    loc = {
      where: (i, field) => {
        const line = data[i]?.line ?? 1;
        return field ? { zh: `${label} 第 ${line} 行“${field}”列`, en: `${label}:${line} column "${field}"` } : { zh: `${label} 第 ${line} 行`, en: `${label}:${line}` };
      },
    };
  }
  const issues = schemas.validate('activity', doc);
  if (issues.length) {
    const msgs = issues.slice(0, 5).map((is) => {
      const [top, i, field] = is.pointer;
      const idx = typeof i === 'number' ? i : typeof i === 'string' && /^\d+$/.test(i) ? Number(i) : undefined;
      const w = top === 'accounts' && idx !== undefined ? loc.where(idx, typeof field === 'string' ? field : undefined) : { zh: label, en: label };
      return { zh: `${w.zh}：${is.message.zh}`, en: `${w.en}: ${is.message.en}` };
    });
    const more = issues.length > 5 ? { zh: `\n……另有 ${issues.length - 5} 处`, en: `\n… and ${issues.length - 5} more` } : { zh: '', en: '' };
    throw new InputError({ zh: `运行数据有误：\n${msgs.map((m) => m.zh).join('\n')}${more.zh}`, en: `bad activity data:\n${msgs.map((m) => m.en).join('\n')}${more.en}` });
  }
  const file_ = doc as ActivityFile;
  const byAccount = new Map<string, ActivityRecord>();
  file_.accounts.forEach((row, i) => {
    if (byAccount.has(row.accountId)) {
      const w = loc.where(i);
      throw new InputError({ zh: `${w.zh}：账号 ${row.accountId} 重复出现，每个账号只能有一行`, en: `${w.en}: account ${row.accountId} appears twice; one row per account` });
    }
    const rec: ActivityRecord = { accountId: row.accountId };
    for (const f of TIME_FIELDS) {
      const v = row[f as keyof typeof row];
      if (typeof v !== 'string') continue;
      const d = shanghaiDate(v);
      if (!d) {
        const w = loc.where(i, f);
        throw new InputError({ zh: `${w.zh}：“${v}”不是有效的日期或时间`, en: `${w.en}: "${v}" is not a valid date or time` });
      }
      (rec as unknown as Record<string, unknown>)[f] = d;
    }
    for (const f of INTEGER_FIELDS) {
      const v = row[f as keyof typeof row];
      if (typeof v === 'number') (rec as unknown as Record<string, unknown>)[f] = v;
    }
    byAccount.set(row.accountId, rec);
  });
  if (file_.asOf !== undefined && !isValidDate(file_.asOf)) throw new InputError({ zh: `${label}：asOf “${file_.asOf}”不是有效日期`, en: `${label}: asOf "${file_.asOf}" is not a valid date` });
  return { source: label, ...(file_.asOf ? { asOf: file_.asOf } : {}), byAccount };
}
