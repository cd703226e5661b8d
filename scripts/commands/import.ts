/**
 * govmedia import <表格>：把一个城市已有的政务新媒体账号（全国政务新媒体信息报送系统的导出，或任何
 * 表格经列映射文件）导入登记簿：按主办单位归并，生成可读编号，写出单位文件和补录的账号文件。
 *
 * govmedia import <sheet.xlsx|sheet.csv> --region <id> [--map mapping.json] [--dry-run]
 *                 [--now YYYY-MM-DD] [--root dir] [--lang zh|en]
 * Exit codes: 0 imported (or nothing to do), 1 some rows could not be imported (located findings),
 * 2 usage error.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { compareFindings } from '../core/finding.ts';
import { parseJson } from '../core/jsonpos.ts';
import { fileText, planImport, IMPORT_COLUMNS, type ImportMapping } from '../import/import.ts';
import { baseOptions, guard, loadAll, type Io } from '../monitor/cli-common.ts';
import { InputError } from '../monitor/errors.ts';
import { readSheet } from '../monitor/sheet.ts';
import { formatFinding } from '../report/text.ts';
import { commandHelp, parseCommand } from './table.ts';

function loadMapping(file: string): ImportMapping {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch {
    throw new InputError({ zh: `映射文件不存在或无法读取：${file}`, en: `cannot read the mapping file ${file}` });
  }
  const p = parseJson(text);
  if (!p.ok) {
    const is = p.issues[0];
    throw new InputError({ zh: `映射文件 ${file} 第 ${is?.line ?? 1} 行第 ${is?.column ?? 1} 列 JSON 语法错误：${is?.detail.zh ?? ''}`, en: `mapping file ${file}:${is?.line ?? 1}:${is?.column ?? 1}: JSON syntax error` });
  }
  const v = p.value as Record<string, unknown>;
  if (!v || typeof v !== 'object' || Array.isArray(v)) throw new InputError({ zh: `映射文件 ${file} 应为一个对象：{"columns": {...}, "aliases": {...}, "units": {...}}`, en: `mapping file ${file} must be an object` });
  for (const k of Object.keys(v)) if (!['sheet', 'columns', 'aliases', 'units', '$comment'].includes(k)) throw new InputError({ zh: `映射文件 ${file}：不认识的字段“${k}”（可用：sheet、columns、aliases、units）`, en: `mapping file ${file}: unknown field "${k}"` });
  const cols = (v.columns ?? {}) as Record<string, unknown>;
  for (const [k, h] of Object.entries(cols)) {
    if (!(k in IMPORT_COLUMNS)) throw new InputError({ zh: `映射文件 ${file}：columns 中的“${k}”不是可导入的字段（可用：${Object.keys(IMPORT_COLUMNS).join('、')}）`, en: `mapping file ${file}: "${k}" is not an importable field` });
    if (typeof h !== 'string' && !(Array.isArray(h) && h.every((x) => typeof x === 'string'))) throw new InputError({ zh: `映射文件 ${file}：columns.${k} 应为列名（文本或文本数组）`, en: `mapping file ${file}: columns.${k} must be a heading` });
  }
  return v as ImportMapping;
}

export async function cmdImport(args: string[], io: Io): Promise<number> {
  return guard(args, io, async (lang) => {
    const { values, positionals } = parseCommand('import', args);
    if (values.help) {
      io.out(commandHelp('import', lang));
      return 0;
    }
    const o = baseOptions(values);
    if (positionals.length !== 1) throw new InputError({ zh: '请给出一个要导入的表格文件：govmedia import <表格.xlsx|表格.csv> --region <地区编号>', en: 'give one sheet to import' });
    if (values.region === undefined) throw new InputError({ zh: '缺少 --region <地区编号>（单位所在的地区，例如 anhui/luan）', en: 'missing --region <region id>' });
    const mapping = values.map ? loadMapping(path.resolve(values.map)) : undefined;
    const sheetPath = path.resolve(positionals[0]!);
    const sheet = await readSheet(sheetPath, positionals[0]!, mapping?.sheet);
    const label = path.basename(sheetPath) + (sheet.sheetName ? `[${sheet.sheetName}]` : '');
    const loaded = await loadAll(o.root, o.now);
    if (loaded.dataProblems) io.err(lang === 'zh' ? `注意：登记簿中有 ${loaded.dataProblems} 个文件有错误，未能读取；与它们同名的账号可能被重复导入。请先运行 govmedia validate。` : `note: ${loaded.dataProblems} register files could not be read; run govmedia validate first.`);
    const plan = planImport(loaded.register, sheet.rows, { region: values.region, now: o.now, label, ...(mapping ? { mapping } : {}) });
    const dry = values['dry-run'] === true;
    for (const f of [...plan.findings].sort(compareFindings)) io.err(formatFinding(f, lang));
    if (!dry) {
      for (const f of plan.files) {
        const abs = path.join(o.root, f.rel);
        try {
          mkdirSync(path.dirname(abs), { recursive: true });
          writeFileSync(abs, fileText(f.doc));
        } catch (e) {
          throw new InputError({ zh: `无法写入 ${f.rel}：${(e as Error).message}`, en: `cannot write ${f.rel}: ${(e as Error).message}` });
        }
      }
    }
    const s = plan.summary;
    const lines: string[] = [];
    if (dry) {
      lines.push(lang === 'zh' ? `试运行（--dry-run）：将写入 ${plan.files.length} 个文件，不实际写入。` : `dry run: would write ${plan.files.length} files.`);
      for (const f of plan.files) lines.push(`  ${f.action === 'create' ? (lang === 'zh' ? '新建' : 'create') : lang === 'zh' ? '更新' : 'update'} ${f.rel}（${f.kind === 'unit' ? (lang === 'zh' ? '单位' : 'unit') : lang === 'zh' ? '账号' : 'account'} ${f.id}，${lang === 'zh' ? '第' : 'rows'} ${f.rows.join('、')} ${lang === 'zh' ? '行' : ''}）`);
    }
    lines.push(
      lang === 'zh'
        ? `${label}：共 ${s.rows} 行；单位 ${s.units} 个（新建 ${s.newUnits} 个）；账号 ${s.accounts} 个（新建 ${s.newAccounts} 个，已在登记簿中 ${s.existing} 个，其中已关停 ${s.closed} 个）；重复行 ${s.duplicates} 行；未导入 ${s.skipped} 行。${dry ? '' : plan.files.length ? `已写入 ${plan.files.length} 个文件。` : '登记簿无需改动。'}`
        : `${label}: ${s.rows} rows; ${s.units} units (${s.newUnits} new); ${s.accounts} accounts (${s.newAccounts} new, ${s.existing} already registered, ${s.closed} closed); ${s.duplicates} duplicate rows; ${s.skipped} rows not imported.${dry ? '' : ` ${plan.files.length} files written.`}`,
    );
    if (!dry && s.newAccounts) lines.push(lang === 'zh' ? '下一步：govmedia validate 查看问题，govmedia baseline 把接入时已有的问题记为整改清单（由维护者审核），再提交。' : 'Next: govmedia validate, then govmedia baseline (reviewed by the maintainers), then commit.');
    io.out(lines.join('\n'));
    return plan.findings.some((f) => f.severity === 'error') ? 1 : 0;
  }, 'import');
}
