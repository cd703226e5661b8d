/**
 * 把导出记录写成 CSV、XLSX 或 JSON。Render the export as CSV, XLSX or JSON.
 */
import type { Lang } from '../core/finding.ts';
import type { Register } from '../core/register.ts';
import { toCsv } from '../core/csv.ts';
import { cellText, exportRecords, fieldsFor, PUBLIC_EXTRA_FIELDS, publicFlat, publicRecords, type FieldDef, type FlatRecord, type PublicRecord } from './records.ts';
import { toXlsx } from './xlsx.ts';

export type ExportFormat = 'csv' | 'xlsx' | 'json';
export const EXPORT_FORMATS: readonly ExportFormat[] = ['csv', 'xlsx', 'json'];

export interface ExportOptions {
  format: ExportFormat;
  public: boolean;
  /** Data date: events after it are left out. */
  now: string;
  /** Header language (values stay as recorded). */
  lang: Lang;
}

export interface ExportTable {
  fields: FieldDef[];
  header: string[];
  rows: string[][];
  records: FlatRecord[];
}

export function title(isPublic: boolean, lang: Lang): string {
  if (lang === 'en') return isPublic ? 'Government new-media register (public export)' : 'Government new-media register (for the national reporting system)';
  return isPublic ? '政务新媒体备案登记簿（公开版）' : '政务新媒体备案登记簿（报送系统字段）';
}

/** The export as a table: headers in the chosen language, one row per account. */
export function exportTable(register: Register, opts: Pick<ExportOptions, 'public' | 'now' | 'lang'>, pub?: PublicRecord[]): ExportTable {
  const fields = fieldsFor(opts.public);
  const records = opts.public ? (pub ?? publicRecords(register, opts.now)).map(publicFlat) : exportRecords(register, opts.now);
  return {
    fields,
    header: fields.map((f) => f[opts.lang]),
    rows: records.map((r) => fields.map((f) => cellText(r[f.key]))),
    records,
  };
}

export interface ExportJsonDoc {
  title: string;
  dataDate: string;
  public: boolean;
  count: number;
  fields: { key: string; zh: string; en: string; note?: string; personal?: true }[];
  accounts: Record<string, unknown>[];
}

/** JSON document: stable English keys, a `fields` legend, the accounts array. */
export function exportJsonDoc(register: Register, opts: Pick<ExportOptions, 'public' | 'now' | 'lang'>, pub?: PublicRecord[]): ExportJsonDoc {
  const fields = fieldsFor(opts.public);
  let accounts: Record<string, unknown>[];
  let legend = fields;
  if (opts.public) {
    legend = [...fields, ...PUBLIC_EXTRA_FIELDS];
    accounts = (pub ?? publicRecords(register, opts.now)).map((r) => ({
      ...publicFlat(r),
      publicStatus: r.publicStatus,
      closingSince: r.closingSince ?? null,
      announcementEnd: r.announcementEnd ?? null,
      formerNames: r.formerNames,
      history: r.history,
    }));
  } else {
    accounts = exportRecords(register, opts.now);
  }
  return {
    title: title(opts.public, opts.lang),
    dataDate: opts.now,
    public: opts.public,
    count: accounts.length,
    fields: legend.map((f) => ({ key: f.key, zh: f.zh, en: f.en, ...(f.note ? { note: f.note } : {}), ...(f.personal ? { personal: true as const } : {}) })),
    accounts,
  };
}

export function exportJson(register: Register, opts: Pick<ExportOptions, 'public' | 'now' | 'lang'>, pub?: PublicRecord[]): string {
  return JSON.stringify(exportJsonDoc(register, opts, pub), null, 2) + '\n';
}

/** Render the export in the requested format. */
export async function renderExport(register: Register, opts: ExportOptions): Promise<{ data: Buffer; count: number }> {
  const pub = opts.public ? publicRecords(register, opts.now) : undefined;
  if (opts.format === 'json') {
    const doc = exportJsonDoc(register, opts, pub);
    return { data: Buffer.from(JSON.stringify(doc, null, 2) + '\n', 'utf8'), count: doc.count };
  }
  const t = exportTable(register, opts, pub);
  if (opts.format === 'csv') return { data: Buffer.from(toCsv(t.header, t.rows), 'utf8'), count: t.rows.length };
  const data = await toXlsx(t.header, t.fields.map((f) => f.width), t.rows, { title: title(opts.public, opts.lang), dataDate: opts.now, dateColumns: t.fields.map((f) => f.date === true) });
  return { data, count: t.rows.length };
}
