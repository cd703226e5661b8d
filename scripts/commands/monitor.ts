/**
 * govmedia monitor：按日期列出已逾期、即将到期和需要提醒的事项，按主管单位分组，每项写明依据。
 * 退出码：0 没有逾期事项，1 有逾期事项，2 用法错误。
 *
 * govmedia monitor [--now <date>] [--activity <file.csv|file.json>] [--format markdown|html|json]
 *                  [--out <file>] [--lang zh|en] [--root <dir>] [--soon <working days>]
 * Exit codes: 0 nothing overdue, 1 something overdue, 2 usage error.
 */
import { commandHelp, parseCommand } from './table.ts';
import { freshActivity } from './snapshot-age.ts';
import { baseOptions, emit, guard, loadAll, pickFormat, warnDataProblems, type Io } from '../monitor/cli-common.ts';
import { InputError } from '../monitor/errors.ts';
import { monitorExitCode, runMonitor } from '../monitor/monitor.ts';
import { monitorHtml, monitorJson, monitorMarkdown } from '../monitor/render.ts';

export async function cmdMonitor(args: string[], io: Io): Promise<number> {
  return guard(args, io, async (lang) => {
    const { values } = parseCommand('monitor', args);
    if (values.help) {
      io.out(commandHelp('monitor', lang));
      return 0;
    }
    const o = baseOptions(values);
    const format = pickFormat(values.format, ['markdown', 'html', 'json'] as const, 'markdown');
    const soonText = values.soon ?? '5';
    if (!/^\d{1,3}$/.test(soonText) || Number(soonText) > 250) throw new InputError({ zh: `--soon 须为 0 到 250 之间的工作日数（收到 ${soonText}）`, en: `--soon must be a number of working days from 0 to 250 (got ${soonText})` });
    const loaded = await loadAll(o.root, o.now);
    warnDataProblems(loaded, o.lang, io);
    const activity = freshActivity(values.activity, values['stale-days'], loaded.schemas, o.now, o.lang, (s) => io.err(s));
    const report = runMonitor({ register: loaded.register, policies: loaded.policies, now: o.now, soon: Number(soonText), exceptions: loaded.exceptions, ...(loaded.baseline ? { baseline: loaded.baseline } : {}), ...(activity ? { activity } : {}) });
    const text = format === 'json' ? monitorJson(report) : format === 'html' ? monitorHtml(report, o.lang) : monitorMarkdown(report, o.lang);
    const s = report.summary;
    emit(text, values.out, io, o.lang, o.lang === 'zh' ? `逾期 ${s.overdue} 项，即将到期 ${s.dueSoon} 项，提醒 ${s.reminders} 项` : `${s.overdue} overdue, ${s.dueSoon} due soon, ${s.reminders} reminders`);
    return monitorExitCode(report);
  }, 'monitor');
}
