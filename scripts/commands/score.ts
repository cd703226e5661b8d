/**
 * govmedia score：按办法模块中的考核指标目录（如江苏设区市《通知》的 scoring.ts）为账号和单位打分、分类排名。
 * 退出码：0 已生成，2 用法错误。
 *
 * govmedia score [--now <date>] [--activity <file>] [--inspection <file.json>] [--format html|json]
 *                [--out <file>] [--lang zh|en] [--root <dir>]
 * Exit codes: 0 report written, 2 usage error (scores are not pass/fail).
 */
import path from 'node:path';
import { parseArgs } from 'node:util';
import { loadActivity } from '../monitor/activity.ts';
import { baseOptions, emit, guard, loadAll, pickFormat, warnDataProblems, type Io, REPORT_OPTIONS } from '../monitor/cli-common.ts';
import { loadInspection } from '../score/inspection.ts';
import { computeScores, scoringOf } from '../score/score.ts';
import { scoreHtml, scoreJson } from '../score/render.ts';

const HELP = {
  zh: `用法：govmedia score [选项]
按办法模块中的考核指标目录打分：单项否决（单位得0分）、扣分（每个账号100分）、加分（高于70分的账号，最多20分）；
单位得分为其运维账号得分的平均分，最终得分 = 单位得分 ÷ 同类最高分 × 100，分“县区功能区”“市级部门”两类排名。

  --now YYYY-MM-DD        评分日期（默认今天）
  --activity <文件>       运行数据快照（.csv 或 .json）
  --inspection <文件>     人工检查结果（JSON，格式见 scripts/monitor/README.md）
  --format html|json      输出格式（默认 html）
  --out <文件>            写入文件（默认输出到屏幕）
  --lang zh|en            输出语言（默认中文）
  --root <目录>           登记簿所在目录（默认当前目录）

退出码：0 已生成，2 用法错误。`,
  en: `Usage: govmedia score [options]
Scores accounts and units on the scoring catalogue of the policy modules: vetoes (the unit scores 0),
deductions (100 per account), bonus (accounts above 70, at most 20); unit = mean of its operated
accounts; final = unit ÷ best of its class × 100, ranked per class.

  --now YYYY-MM-DD        scoring date (default today)
  --activity <file>       activity snapshot (.csv or .json)
  --inspection <file>     manual inspection results (JSON; see scripts/monitor/README.md)
  --format html|json      output format (default html)
  --out <file>            write to a file (default: print)
  --lang zh|en            output language (default zh)
  --root <dir>            folder holding accounts/ (default: current folder)

Exit codes: 0 written, 2 usage error.`,
};

export async function cmdScore(args: string[], io: Io): Promise<number> {
  return guard(args, io, async (lang) => {
    const { values } = parseArgs({
      args,
      strict: true,
      allowPositionals: false,
      options: {
        ...REPORT_OPTIONS,
        activity: { type: 'string' },
        inspection: { type: 'string' },
      },
    });
    if (values.help) {
      io.out(HELP[lang]);
      return 0;
    }
    const o = baseOptions(values);
    const format = pickFormat(values.format, ['html', 'json'] as const, 'html');
    const loaded = await loadAll(o.root, o.now);
    warnDataProblems(loaded, o.lang, io);
    const activity = values.activity ? loadActivity(path.resolve(values.activity), loaded.schemas, values.activity) : undefined;
    const ids = new Set(loaded.policies.flatMap((p) => scoringOf(p)?.indicators.map((i) => i.id) ?? []));
    const inspection = values.inspection ? loadInspection(path.resolve(values.inspection), values.inspection, loaded.register, ids) : undefined;
    const reports = computeScores({ register: loaded.register, policies: loaded.policies, now: o.now, ...(activity ? { activity } : {}), ...(inspection ? { inspection } : {}) });
    const text = format === 'json' ? scoreJson(reports, o.now) : scoreHtml(reports, o.now, o.lang);
    const units = reports.reduce((s, r) => s + r.classes.reduce((t, c) => t + c.units.length, 0), 0);
    emit(text, values.out, io, o.lang, o.lang === 'zh' ? `${reports.length} 套评分目录，${units} 个单位参加排名` : `${reports.length} catalogues, ${units} units ranked`);
    return 0;
  });
}
