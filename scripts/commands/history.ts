/**
 * govmedia history <账号编号>：账号的备案档案（来自 Git 历史，跟随跨文件夹迁移）。
 * govmedia audit [--since <ref>]：回放主分支历史，列出每个违反规则的提交。
 */
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { citationText, type Lang } from '../core/finding.ts';
import { ENGINE_ROOT } from '../core/paths.ts';
import { isValidDate } from '../calendar/workdays.ts';
import { langValue, oneOf, UsageError } from '../core/cli-args.ts';
import type { AuditResult } from '../history/audit.ts';
import { accountHistory, HistoryError, historyText } from '../history/history.ts';
import { KIND_ZH } from '../pr/types.ts';
import { jobLog } from '../report/escape.ts';
import { commandHelp, parseCommand, type Io } from './table.ts';

export async function cmdHistory(args: string[], io: Io): Promise<number> {
  const { values, positionals } = parseCommand('history', args);
  const lang = langValue(values.lang);
  if (values.help) {
    io.out(commandHelp('history', lang));
    return 0;
  }
  if (positionals.length !== 1) throw new UsageError('请给出一个账号编号，例如 govmedia history zg-szf-weixin / give one account id');
  const format = oneOf('--format', values.format, ['text', 'json'] as const, 'text');
  const repo = path.resolve(values.repo ?? process.cwd());
  try {
    const h = await accountHistory(repo, positionals[0]!, values.rev ?? 'HEAD');
    io.out(format === 'json' ? JSON.stringify(h, null, 2) : historyText(h, lang));
    return 0;
  } catch (e) {
    if (e instanceof HistoryError) throw new UsageError(e.message);
    throw e;
  }
}

export function auditText(r: AuditResult, lang: Lang): string {
  const zh = lang === 'zh';
  const L: string[] = [];
  L.push(zh ? `审计范围：${r.range}，共 ${r.commits} 个提交，其中 ${r.judged} 个改动了登记簿` : `Audited ${r.range}: ${r.commits} commits, ${r.judged} changed the register`);
  if (!r.broken.length) L.push(zh ? '✓ 没有发现违反规则的提交。' : '✓ No commit broke a rule.');
  for (const c of r.broken) {
    L.push('', `${c.date}  ${c.commit.slice(0, 8)}  ${c.author}${c.pr !== undefined ? (zh ? `  合并请求 #${c.pr}` : `  PR #${c.pr}`) : ''}  ${c.subject}`);
    L.push(`  ${zh ? '改动' : 'changes'}：${c.changes.map((x) => `${zh ? KIND_ZH[x.kind] : x.kind} ${x.account ?? x.path}`).join('；')}`);
    for (const f of c.findings) L.push(`  ✗ ${f.file}:${f.line}:${f.column}  ${f.message[lang]}（${f.ruleId}，${citationText(f.citation, lang)}）`);
  }
  if (r.warned.length) L.push('', zh ? `另有 ${r.warned.length} 个提交只带来了警告（需审核人注意，不算违规）。` : `${r.warned.length} commit(s) brought warnings only.`);
  L.push('', zh ? `违反规则的提交：${r.broken.length} 个。` : `Commits that broke a rule: ${r.broken.length}.`);
  return L.join('\n');
}

export async function cmdAudit(args: string[], io: Io): Promise<number> {
  const { values } = parseCommand('audit', args);
  const lang = langValue(values.lang);
  if (values.help) {
    io.out(commandHelp('audit', lang));
    return 0;
  }
  if (values.now !== undefined && !isValidDate(values.now)) throw new UsageError(`--now 须为有效日期 YYYY-MM-DD（收到 ${values.now}）/ --now must be a date YYYY-MM-DD`);
  const format = oneOf('--format', values.format, ['text', 'json'] as const, 'text');
  const repo = path.resolve(values.repo ?? process.cwd());
  // the audit loads the whole engine; history does not need it
  const { audit, AuditError } = await import('../history/audit.ts');
  try {
    const r = await audit(repo, { ...(values.since ? { since: values.since } : {}), ...(values.rev ? { rev: values.rev } : {}), engineRoot: ENGINE_ROOT, ...(values.now ? { now: values.now } : {}) });
    const fl = (c: AuditResult['broken'][number]): object => ({ ...c, findings: c.findings.map((f) => ({ ruleId: f.ruleId, severity: f.severity, file: f.file, line: f.line, column: f.column, message: f.message[lang], citation: f.citation ? citationText(f.citation, lang) : null })) });
    const json = { range: r.range, commits: r.commits, judged: r.judged, result: r.broken.length ? 'fail' : 'pass', broken: r.broken.map(fl), warned: r.warned.map(fl) };
    if (values.record) writeFileSync(values.record, JSON.stringify(json, null, 2) + '\n');
    if (format === 'json') io.out(JSON.stringify(json, null, 2));
    else io.out(jobLog(auditText(r, lang))); // printed to the CI job log: no line may become a workflow command
    return r.broken.length ? 1 : 0;
  } catch (e) {
    // the record is written whatever happens: an audit that could not run is a failed audit
    if (values.record) writeFileSync(values.record, JSON.stringify({ result: 'fail', error: String((e as Error)?.message ?? e).slice(0, 2000) }, null, 2) + '\n');
    if (e instanceof AuditError) throw new UsageError(e.message);
    throw e;
  }
}
