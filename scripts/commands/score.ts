/**
 * govmedia score：按办法模块中的考核指标目录（如江苏设区市《通知》的 scoring.ts）为账号和单位打分、分类排名。
 * 退出码：0 已生成，2 用法错误。
 *
 * govmedia score [--now <date>] [--activity <file>] [--inspection <file.json>] [--format html|json]
 *                [--out <file>] [--lang zh|en] [--root <dir>]
 * Exit codes: 0 report written, 2 usage error (scores are not pass/fail).
 */
import path from 'node:path';
import { commandHelp, parseCommand } from './table.ts';
import { freshActivity } from './snapshot-age.ts';
import { baseOptions, emit, guard, loadAll, pickFormat, warnDataProblems, type Io } from '../monitor/cli-common.ts';
import { loadInspection } from '../score/inspection.ts';
import { computeScores, scoringOf } from '../score/score.ts';
import { scoreHtml, scoreJson } from '../score/render.ts';

export async function cmdScore(args: string[], io: Io): Promise<number> {
  return guard(args, io, async (lang) => {
    const { values } = parseCommand('score', args);
    if (values.help) {
      io.out(commandHelp('score', lang));
      return 0;
    }
    const o = baseOptions(values);
    const format = pickFormat(values.format, ['html', 'json'] as const, 'html');
    const loaded = await loadAll(o.root, o.now);
    warnDataProblems(loaded, o.lang, io);
    const activity = freshActivity(values.activity, values['stale-days'], loaded.schemas, o.now, o.lang, (s) => io.err(s));
    const ids = new Set(loaded.policies.flatMap((p) => scoringOf(p)?.indicators.map((i) => i.id) ?? []));
    const inspection = values.inspection ? loadInspection(path.resolve(values.inspection), values.inspection, loaded.register, ids) : undefined;
    const reports = computeScores({ register: loaded.register, policies: loaded.policies, now: o.now, ...(activity ? { activity } : {}), ...(inspection ? { inspection } : {}) });
    const text = format === 'json' ? scoreJson(reports, o.now) : scoreHtml(reports, o.now, o.lang);
    const units = reports.reduce((s, r) => s + r.classes.reduce((t, c) => t + c.units.length, 0), 0);
    emit(text, values.out, io, o.lang, o.lang === 'zh' ? `${reports.length} 套评分目录，${units} 个单位参加排名` : `${reports.length} catalogues, ${units} units ranked`);
    return 0;
  }, 'score');
}
