/**
 * 人工检查结果（--inspection）：登记簿和运行数据看不到的问题（严重表述错误、泄密、商业广告、瞒报漏报、
 * 通报表扬……），按指标编号记给账号或单位。
 *
 * Manual inspection results: what neither the register nor the activity snapshot can see, booked
 * against an indicator id of the catalogue, for an account or a unit. JSON:
 *   { "period": "2026年11月", "results": [ { "account": "<id>", "indicator": "<id>", "count": 1, "note": "…" },
 *                                           { "unit": "<id>", "indicator": "unfiled-account", "count": 1 } ] }
 * Notes are printed in the report: they must not name private persons or carry phone numbers.
 */
import { parseJson } from '../core/jsonpos.ts';
import type { Register } from '../core/register.ts';
import { readTextFile } from '../core/csv.ts';
import { InputError } from '../monitor/errors.ts';

export interface InspectionResult {
  account?: string;
  unit?: string;
  indicator: string;
  count: number;
  note?: string;
}

export interface Inspection {
  source: string;
  period?: string;
  results: InspectionResult[];
}

const ROOT_KEYS = new Set(['$schema', 'period', 'inspectedOn', 'source', 'results']);
const RESULT_KEYS = new Set(['account', 'unit', 'indicator', 'count', 'note', 'date']);
const PHONE = /(?<!\d)1[3-9]\d{9}(?!\d)|(?<!\d)0\d{2,3}-?\d{7,8}(?!\d)/;

export function loadInspection(file: string, label: string, register: Register, indicatorIds: ReadonlySet<string>): Inspection {
  const { text } = readTextFile(file);
  const parsed = parseJson(text);
  const bad = (line: number, zh: string, en: string): InputError => new InputError({ zh: `${label} 第 ${line} 行：${zh}`, en: `${label}:${line}: ${en}` });
  const fatal = parsed.issues.find((i) => i.code !== 'bom');
  if (!parsed.ok || fatal) {
    const is = fatal ?? parsed.issues[0];
    throw bad(is?.line ?? 1, `JSON 语法错误${is ? '：' + is.detail.zh : ''}`, `JSON syntax error${is ? ': ' + is.detail.en : ''}`);
  }
  const v = parsed.value as Record<string, unknown>;
  if (!v || typeof v !== 'object' || Array.isArray(v)) throw bad(1, '检查结果应为对象 {"results": [...]}', 'expected an object {"results": [...]}');
  for (const k of Object.keys(v)) if (!ROOT_KEYS.has(k)) throw bad(parsed.locateKey([k]).line, `未知字段“${k}”`, `unknown field "${k}"`);
  if (!Array.isArray(v.results)) throw bad(parsed.locate(['results']).line, '缺少 results 数组', 'missing the results array');
  if (v.period !== undefined && typeof v.period !== 'string') throw bad(parsed.locate(['period']).line, 'period 应为文字', 'period must be a string');
  const results: InspectionResult[] = [];
  (v.results as unknown[]).forEach((r, i) => {
    const line = parsed.locate(['results', i]).line;
    if (!r || typeof r !== 'object' || Array.isArray(r)) throw bad(line, `results[${i}] 应为对象`, `results[${i}] must be an object`);
    const o = r as Record<string, unknown>;
    for (const k of Object.keys(o)) if (!RESULT_KEYS.has(k)) throw bad(parsed.locateKey(['results', i, k]).line, `未知字段“${k}”（可用：account、unit、indicator、count、note、date）`, `unknown field "${k}"`);
    const indicator = o.indicator;
    if (typeof indicator !== 'string' || !indicatorIds.has(indicator)) {
      throw bad(line, `指标“${String(indicator)}”不在指标目录中（可用：${[...indicatorIds].join('、')}）`, `indicator "${String(indicator)}" is not in the catalogue`);
    }
    const res: InspectionResult = { indicator, count: 1 };
    if (o.account !== undefined) {
      if (typeof o.account !== 'string' || !register.accountsById.has(o.account)) throw bad(line, `账号“${String(o.account)}”不在登记簿中`, `account "${String(o.account)}" is not in the register`);
      res.account = o.account;
    }
    if (o.unit !== undefined) {
      if (typeof o.unit !== 'string' || !register.units.has(o.unit)) throw bad(line, `单位“${String(o.unit)}”不在登记簿中`, `unit "${String(o.unit)}" is not in the register`);
      res.unit = o.unit;
    }
    if (!res.account && !res.unit) throw bad(line, '须写明 account（账号编号）或 unit（单位编号）', 'give an account or a unit');
    if (o.count !== undefined) {
      if (typeof o.count !== 'number' || !Number.isInteger(o.count) || o.count < 1 || o.count > 1000) throw bad(line, 'count 应为 1 到 1000 的整数', 'count must be an integer from 1 to 1000');
      res.count = o.count;
    }
    if (o.note !== undefined) {
      if (typeof o.note !== 'string' || o.note.length > 300) throw bad(line, 'note 应为不超过300字的文字', 'note must be a string of at most 300 characters');
      if (PHONE.test(o.note)) throw bad(line, 'note 中疑似有电话号码：报告会公开，不得包含个人信息', 'the note seems to hold a phone number; reports are public');
      res.note = o.note;
    }
    results.push(res);
  });
  return { source: label, ...(typeof v.period === 'string' ? { period: v.period } : {}), results };
}
