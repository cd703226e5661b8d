/**
 * 预读线程对每个文件所做的逐文件检查（与主线程的检查相同的函数、相同的模式）：解析后模式校验是否无误、
 * 文字检查（字符、秘密信息、个人信息、日期）是否无问题。只返回“无问题”的标记；有问题的文件由主线程照旧
 * 自己检查并给出带位置的结果，所以结果与不预读时逐条相同。
 * The per-file checks the read-ahead thread runs on each text (the same functions and schemas as
 * the judging thread's): whether the parsed value passes its schema, and whether the text checks
 * (characters, secrets, personal data, dates) find nothing. Only "clean" marks come back; a file
 * with anything to report is checked again by the judging thread, which makes the located
 * findings, so the results equal those of a run without read-ahead.
 */
import { parseJsonFast, type ParseHint } from './jsonfast.ts';
import { SchemaSet, type SchemaName } from './schema.ts';
import { checkStrings } from './text-checks.ts';

/** Bits of the mark: the schema found nothing; the text checks found nothing. */
export const SCHEMA_CLEAN = 1;
export const TEXT_CLEAN = 2;

const KINDS: Record<string, SchemaName> = { r: 'region', u: 'unit', a: 'account' };

/** A checker for one schema folder: (text, its parse hint, kind letter r/u/a) → clean bits (0 when the fast parse does not apply). */
export function fileChecks(schemaDir: string): (text: string, hint: ParseHint, kind: string) => number {
  const schemas = new SchemaSet(schemaDir);
  return (text, hint, kind) => {
    const name = KINDS[kind];
    if (!name || hint.slow || hint.keys < 0) return 0;
    const parsed = parseJsonFast(text, undefined, () => text, hint);
    if (!parsed.ok || parsed.issues.length > 0) return 0;
    let bits = 0;
    if (schemas.validate(name, parsed.value).length === 0) bits |= SCHEMA_CLEAN;
    if (checkStrings(parsed.value).length === 0) bits |= TEXT_CLEAN;
    return bits;
  };
}
