/**
 * govmedia reconcile --national <报送系统导出.csv>：登记簿与全国政务新媒体信息报送系统逐个核对。
 * 退出码：0 一致，1 有差异，2 用法错误。
 *
 * govmedia reconcile --national <file.csv> [--format markdown|html|json] [--out <file>]
 *                    [--now <date>] [--lang zh|en] [--root <dir>]
 * Exit codes: 0 no discrepancies, 1 discrepancies, 2 usage error.
 */
import path from 'node:path';
import { parseArgs } from 'node:util';
import { baseOptions, emit, guard, loadAll, pickFormat, warnDataProblems, type Io, REPORT_OPTIONS } from '../monitor/cli-common.ts';
import { InputError } from '../monitor/errors.ts';
import { loadNationalSheet, reconcile, reconcileExitCode } from '../monitor/reconcile.ts';
import { reconcileHtml, reconcileJson, reconcileMarkdown } from '../monitor/render.ts';

const HELP = {
  zh: `用法：govmedia reconcile --national <报送系统导出.xlsx|.csv> [选项]
把登记簿与全国政务新媒体信息报送系统的导出逐个比对：报送系统有、登记簿无（须补录），登记簿有、报送系统无，
登记簿已关停而报送系统仍为“正常”，名称、主办单位、开设主体不一致。按主管单位分组列出。

  --national <文件>       报送系统导出的 Excel（.xlsx）或 CSV（UTF-8，可带 BOM；或 GBK）；本库 export 的导出也可直接核对。列见 scripts/monitor/README.md
  --format markdown|html|json  输出格式（默认 markdown）
  --out <文件>            写入文件（默认输出到屏幕）
  --now YYYY-MM-DD        按该日期选用有效的办法版本（默认今天）
  --lang zh|en            输出语言（默认中文）
  --root <目录>           登记簿所在目录（默认当前目录）

退出码：0 一致，1 有差异，2 用法错误。`,
  en: `Usage: govmedia reconcile --national <export.csv> [options]
Compares the register with an export of the national reporting system: accounts there but not here
(backfill needed), here but not there, closed here but active there, differing names, host units and
certified entities; grouped by supervising office.

  --national <file>       the national export as .xlsx or CSV (UTF-8 with or without BOM, or GBK); the register's own export reads too. Columns in scripts/monitor/README.md
  --format markdown|html|json  output format (default markdown)
  --out <file>            write to a file (default: print)
  --now YYYY-MM-DD        pick the policy versions in force on that date (default today)
  --lang zh|en            output language (default zh)
  --root <dir>            folder holding accounts/ (default: current folder)

Exit codes: 0 no discrepancies, 1 discrepancies, 2 usage error.`,
};

export async function cmdReconcile(args: string[], io: Io): Promise<number> {
  return guard(args, io, async (lang) => {
    const { values } = parseArgs({
      args,
      strict: true,
      allowPositionals: false,
      options: {
        ...REPORT_OPTIONS,
        national: { type: 'string' },
      },
    });
    if (values.help) {
      io.out(HELP[lang]);
      return 0;
    }
    const o = baseOptions(values);
    const format = pickFormat(values.format, ['markdown', 'html', 'json'] as const, 'markdown');
    if (!values.national) throw new InputError({ zh: '缺少 --national <报送系统导出的 Excel（.xlsx）或 CSV 文件>', en: 'missing --national <CSV export of the national system>' });
    const exp = await loadNationalSheet(path.resolve(values.national), values.national);
    const loaded = await loadAll(o.root, o.now);
    warnDataProblems(loaded, o.lang, io);
    const report = reconcile(loaded.register, loaded.policies, exp, o.now);
    const text = format === 'json' ? reconcileJson(report) : format === 'html' ? reconcileHtml(report, o.lang) : reconcileMarkdown(report, o.lang);
    const s = report.summary;
    emit(text, values.out, io, o.lang, o.lang === 'zh' ? `报送系统有、登记簿无 ${s.missingHere} 个，登记簿有、报送系统无 ${s.missingThere} 个，其他不一致 ${s.differences} 处` : `${s.missingHere} national only, ${s.missingThere} register only, ${s.differences} other differences`);
    return reconcileExitCode(report);
  });
}
