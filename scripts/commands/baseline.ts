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
import { parseArgs } from 'node:util';
import { isValidDate } from '../calendar/workdays.ts';
import { BASELINE_FILE, baselineText, buildBaseline, loadBaseline } from '../core/exceptions.ts';
import { ENGINE_ROOT } from '../core/paths.ts';
import { FsSource } from '../core/source.ts';
import { baseOptions, guard, type Io } from '../monitor/cli-common.ts';
import { InputError } from '../monitor/errors.ts';
import { validateSource } from '../pipeline/pipeline.ts';

const HELP = {
  zh: `用法：govmedia baseline [--prune] [--due YYYY-MM-DD] [--out 文件] [--now YYYY-MM-DD] [--root 目录] [--lang zh|en]
把登记簿当前的全部错误和警告记入接入基线 ${BASELINE_FILE}（整改清单）。基线按“文件 + 规则 + 数量”记录（不记行号），
列入的问题不再阻断 validate 和合并请求检查，但仍标明“接入基线”列出；monitor 把它作为整改清单、按期限跟踪。
基线文件由维护者审核；合并请求不得新增条目（check-pr 会拒绝）。

  --prune            只缩短基线：移除已整改的条目，不新增任何条目
  --due YYYY-MM-DD   新增条目的整改期限（由主管单位确定；已有条目的期限不变）
  --out <文件>       写入该文件（默认 ${BASELINE_FILE}，在本程序所在的仓库中）
  --now YYYY-MM-DD   检查日期，也是首次生成时记录的接入日期（默认今天）
  --root <目录>      登记簿所在目录（默认当前目录）
  --lang zh|en       输出语言

退出码：0 已写入，2 用法错误。`,
  en: `Usage: govmedia baseline [--prune] [--due YYYY-MM-DD] [--out file] [--now YYYY-MM-DD] [--root dir] [--lang zh|en]
Records every current error and warning of the register in the adoption baseline ${BASELINE_FILE} (the
rectification list), keyed by file + rule + count. Baselined findings stop blocking validate and PR checks
but stay listed; monitor tracks them as the rectification list. Maintainers review the file; a PR may not
add to it.

  --prune            only shrink: drop fixed items, add nothing
  --due YYYY-MM-DD   due date for new items (set by the supervising office)
  --out <file>       write there (default ${BASELINE_FILE} of this program's repository)
  --now YYYY-MM-DD   check date, and the adoption day on first run
  --root <dir>       folder holding accounts/
  --lang zh|en       output language

Exit codes: 0 written, 2 usage error.`,
};

export async function cmdBaseline(args: string[], io: Io): Promise<number> {
  return guard(args, io, async (lang) => {
    const { values } = parseArgs({
      args,
      strict: true,
      allowPositionals: false,
      options: {
        now: { type: 'string' },
        root: { type: 'string' },
        lang: { type: 'string' },
        out: { type: 'string' },
        due: { type: 'string' },
        prune: { type: 'boolean' },
        help: { type: 'boolean', short: 'h' },
      },
    });
    if (values.help) {
      io.out(HELP[lang]);
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
  });
}
