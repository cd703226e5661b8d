/**
 * govmedia baseline：把接入登记簿时已有的问题记入接入基线（policies/baseline.json，整改清单）。
 * 列入基线的问题不再阻断 validate 和合并请求，但仍在结果中列出，并在 monitor 中作为整改清单按期限跟踪。
 *
 * govmedia baseline [--prune] [--due YYYY-MM-DD] [--out <file>] [--now <date>] [--root <dir>] [--lang zh|en]
 * Records the findings present on adoption in one reviewed file (maintainers own it, like
 * policies/exceptions/). Keyed by file + rule + count, as ESLint's bulk suppressions and PHPStan's
 * baseline are, so unrelated edits do not invalidate it. `--prune` only shrinks it (fixed items
 * go). Exit codes: 0 written, 2 usage error.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { isValidDate } from '../calendar/workdays.ts';
import { BASELINE_FILE, baselineText, buildBaseline, loadBaseline } from '../core/exceptions.ts';
import { ENGINE_ROOT } from '../core/paths.ts';
import { FsSource } from '../core/source.ts';
import { baseOptions, guard, type Io } from '../monitor/cli-common.ts';
import { InputError } from '../monitor/errors.ts';
import { validateSource } from '../pipeline/pipeline.ts';
import { commandHelp, parseCommand } from './table.ts';

export async function cmdBaseline(args: string[], io: Io): Promise<number> {
  return guard(args, io, async (lang) => {
    const { values } = parseCommand('baseline', args);
    if (values.help) {
      io.out(commandHelp('baseline', lang));
      return 0;
    }
    const o = baseOptions(values);
    if (values.due !== undefined && !isValidDate(values.due)) throw new InputError({ zh: `--due 须为有效日期 YYYY-MM-DD（收到 ${values.due}）`, en: `--due must be a YYYY-MM-DD date (got ${values.due})` });
    if (values.due !== undefined && values.prune) throw new InputError({ zh: '--prune 只移除已整改的条目，不能同时给出 --due', en: '--prune only removes items; it takes no --due' });
    const file = values.out ? path.resolve(values.out) : path.join(ENGINE_ROOT, BASELINE_FILE);
    const existing = loadBaseline(ENGINE_ROOT, file);
    if (existing.findings.length) {
      const f = existing.findings[0]!;
      throw new InputError({ zh: `现有的基线文件有误（${f.file}:${f.line}:${f.column}）：${f.message.zh}。请先修正或删除后重新生成。`, en: `the existing baseline is malformed (${f.file}:${f.line}:${f.column}): ${f.message.en}` });
    }
    const res = await validateSource(new FsSource(o.root), { engineRoot: ENGINE_ROOT, now: o.now, baselineFile: 'none' });
    const built = buildBaseline(res.findings, existing.baseline?.data, { now: o.now, prune: values.prune === true, ...(values.due ? { due: values.due } : {}) });
    const text = baselineText(built.baseline);
    const same = existing.baseline?.text === text;
    if (!same) {
      try {
        mkdirSync(path.dirname(file), { recursive: true });
        writeFileSync(file, text);
      } catch (e) {
        throw new InputError({ zh: `无法写入 ${file}：${(e as Error).message}`, en: `cannot write ${file}: ${(e as Error).message}` });
      }
    }
    const n = built.baseline.entries.reduce((s, e) => s + e.count, 0);
    const rel = values.out ?? BASELINE_FILE;
    const undated = built.baseline.entries.filter((e) => !e.due).length;
    io.out(
      lang === 'zh'
        ? [
            `${same ? '接入基线没有变化' : '已写入接入基线'} ${rel}：${built.baseline.entries.length} 项（${n} 处问题），本次新增 ${built.added} 处、移除 ${built.removed} 处；接入日期 ${built.baseline.adoptedOn}。`,
            undated ? `其中 ${undated} 项尚未确定整改期限：请主管单位在文件中为每项填写 due（或用 --due 统一设定）。` : '每项均已有整改期限（due）。',
            '该文件由维护者审核后提交；列入的问题不再阻断检查，但仍列出，并在 govmedia monitor 的整改清单中按期限跟踪。整改后运行 govmedia baseline --prune。',
          ].join('\n')
        : `${same ? 'baseline unchanged' : 'wrote the adoption baseline'} ${rel}: ${built.baseline.entries.length} items (${n} findings), ${built.added} added, ${built.removed} removed; adopted ${built.baseline.adoptedOn}.${undated ? ` ${undated} items have no due date yet.` : ''} Maintainers review the file; monitor lists it as the rectification list.`,
    );
    return 0;
  }, 'baseline');
}
