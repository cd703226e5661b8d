/**
 * govmedia monitor：按日期列出已逾期、即将到期和需要提醒的事项，按主管单位分组，每项写明依据。
 * 退出码：0 没有逾期事项，1 有逾期事项，2 用法错误。
 *
 * govmedia monitor [--now <date>] [--activity <file.csv|file.json>] [--format markdown|html|json]
 *                  [--out <file>] [--lang zh|en] [--root <dir>] [--soon <working days>]
 * Exit codes: 0 nothing overdue, 1 something overdue, 2 usage error.
 */
import path from 'node:path';
import { parseArgs } from 'node:util';
import { loadActivity } from '../monitor/activity.ts';
import { baseOptions, emit, guard, loadAll, pickFormat, warnDataProblems, type Io, REPORT_OPTIONS } from '../monitor/cli-common.ts';
import { InputError } from '../monitor/errors.ts';
import { monitorExitCode, runMonitor } from '../monitor/monitor.ts';
import { monitorHtml, monitorJson, monitorMarkdown } from '../monitor/render.ts';

const HELP = {
  zh: `用法：govmedia monitor [选项]
按日期检查随时间到期的义务（期限、超过30天未办结、口令更换、应开设账号、月报；有运行数据时还检查更新频率、原创和留言答复），按主管单位分组列出。

  --now YYYY-MM-DD        判断日期（默认今天，北京时间）
  --activity <文件>       运行数据快照（.csv 或 .json，列见 scripts/monitor/README.md）
  --soon <工作日数>       “即将到期”的范围（默认 5 个工作日）
  --format markdown|html|json  输出格式（默认 markdown）
  --out <文件>            写入文件（默认输出到屏幕）
  --lang zh|en            输出语言（默认中文）
  --root <目录>           登记簿所在目录（默认当前目录）

退出码：0 没有逾期事项，1 有逾期事项，2 用法错误。`,
  en: `Usage: govmedia monitor [options]
Checks the duties that fall due with time (deadlines, work open over 30 days, credential rotation,
required accounts, monthly reports; with an activity snapshot also updates, original posts and
replies), grouped by supervising office.

  --now YYYY-MM-DD        judgement date (default today, Asia/Shanghai)
  --activity <file>       activity snapshot (.csv or .json; columns in scripts/monitor/README.md)
  --soon <working days>   how far ahead "due soon" looks (default 5 working days)
  --format markdown|html|json  output format (default markdown)
  --out <file>            write to a file (default: print)
  --lang zh|en            output language (default zh)
  --root <dir>            folder holding accounts/ (default: current folder)

Exit codes: 0 nothing overdue, 1 something overdue, 2 usage error.`,
};

export async function cmdMonitor(args: string[], io: Io): Promise<number> {
  return guard(args, io, async (lang) => {
    const { values } = parseArgs({
      args,
      strict: true,
      allowPositionals: false,
      options: {
        ...REPORT_OPTIONS,
        activity: { type: 'string' },
        soon: { type: 'string' },
      },
    });
    if (values.help) {
      io.out(HELP[lang]);
      return 0;
    }
    const o = baseOptions(values);
    const format = pickFormat(values.format, ['markdown', 'html', 'json'] as const, 'markdown');
    const soonText = values.soon ?? '5';
    if (!/^\d{1,3}$/.test(soonText) || Number(soonText) > 250) throw new InputError({ zh: `--soon 须为 0 到 250 之间的工作日数（收到 ${soonText}）`, en: `--soon must be a number of working days from 0 to 250 (got ${soonText})` });
    const loaded = await loadAll(o.root, o.now);
    warnDataProblems(loaded, o.lang, io);
    const activity = values.activity ? loadActivity(path.resolve(values.activity), loaded.schemas, values.activity) : undefined;
    const report = runMonitor({ register: loaded.register, policies: loaded.policies, now: o.now, soon: Number(soonText), exceptions: loaded.exceptions, ...(loaded.baseline ? { baseline: loaded.baseline } : {}), ...(activity ? { activity } : {}) });
    const text = format === 'json' ? monitorJson(report) : format === 'html' ? monitorHtml(report, o.lang) : monitorMarkdown(report, o.lang);
    const s = report.summary;
    emit(text, values.out, io, o.lang, o.lang === 'zh' ? `逾期 ${s.overdue} 项，即将到期 ${s.dueSoon} 项，提醒 ${s.reminders} 项` : `${s.overdue} overdue, ${s.dueSoon} due soon, ${s.reminders} reminders`);
    return monitorExitCode(report);
  });
}
