/**
 * govmedia reconcile --national <报送系统导出.csv>：登记簿与全国政务新媒体信息报送系统逐个核对。
 * 退出码：0 一致，1 有差异，2 用法错误。
 *
 * govmedia reconcile --national <file.csv> [--format markdown|html|json] [--out <file>]
 *                    [--now <date>] [--lang zh|en] [--root <dir>]
 * Exit codes: 0 no discrepancies, 1 discrepancies, 2 usage error.
 */
import path from 'node:path';
import { baseOptions, emit, guard, loadAll, pickFormat, warnDataProblems, type Io } from '../monitor/cli-common.ts';
import { InputError } from '../monitor/errors.ts';
import { loadNationalSheet, reconcile, reconcileExitCode } from '../monitor/reconcile.ts';
import { reconcileHtml, reconcileJson, reconcileMarkdown } from '../monitor/render.ts';
import { commandHelp, parseCommand } from './table.ts';

export async function cmdReconcile(args: string[], io: Io): Promise<number> {
  return guard(args, io, async (lang) => {
    const { values } = parseCommand('reconcile', args);
    if (values.help) {
      io.out(commandHelp('reconcile', lang));
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
  }, 'reconcile');
}
