/**
 * govmedia history <账号编号>：账号的备案档案（来自 Git 历史，跟随跨文件夹迁移）。
 * govmedia audit [--since <ref>]：回放主分支历史，列出每个违反规则的提交。
 */
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { citationText, type Finding, type Lang } from '../core/finding.ts';
import { ENGINE_ROOT } from '../core/paths.ts';
import { langValue, oneOf, UsageError } from '../core/cli-args.ts';
import type { AuditedCommit, AuditResult } from '../history/audit.ts';
import { ACK_FILE } from '../history/ack-file.ts';
// history itself (classification, replay, core/git.ts) is loaded once its git work has begun (startHistory)
import { startHistory } from '../history/start.ts';
import { KIND_ZH } from '../pr/types.ts';
import { jobLog, logText } from '../report/escape.ts';
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
  const rev = values.rev ?? 'HEAD';
  const started = startHistory(repo, positionals[0]!, rev);
  const { accountHistory, HistoryError, historyText } = await import('../history/history.ts');
  try {
    const h = await accountHistory(repo, positionals[0]!, rev, started);
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
  const head = (c: AuditedCommit): string => `${c.date}  ${c.commit.slice(0, 8)}  ${c.author}${c.pr !== undefined ? (zh ? `  合并请求 #${c.pr}` : `  PR #${c.pr}`) : ''}  ${c.subject}`;
  const line = (mark: string, f: Finding): string => `  ${mark} ${f.file}:${f.line}:${f.column}  ${f.message[lang]}（${f.ruleId}，${citationText(f.citation, lang)}）`;
  // the reason is the maintainers' text, read from the repository: one line, made visible
  const acked = (c: AuditedCommit): void => {
    if (!c.acknowledged) return;
    L.push(`  ${zh ? `已由维护者确认：${logText(c.acknowledged.reason)}（${c.acknowledged.acknowledgedOn}）` : `acknowledged by the maintainers: ${logText(c.acknowledged.reason)} (${c.acknowledged.acknowledgedOn})`}`);
    for (const f of c.acknowledged.findings) L.push(line(zh ? '○ 已确认' : '○ acknowledged', f));
  };
  for (const c of r.broken) {
    L.push('', head(c));
    L.push(`  ${zh ? '改动' : 'changes'}：${c.changes.map((x) => `${zh ? KIND_ZH[x.kind] : x.kind} ${x.account ?? x.path}`).join('；')}`);
    for (const f of c.findings) L.push(line('✗', f));
    acked(c);
  }
  if (r.warned.length) L.push('', zh ? `另有 ${r.warned.length} 个提交只带来了警告（需审核人注意，不算违规）。` : `${r.warned.length} commit(s) brought warnings only.`);
  const ackCommits = [...r.warned.filter((c) => c.acknowledged), ...r.acknowledged];
  if (ackCommits.length) {
    L.push('', zh ? `已由维护者确认的提交（${ACK_FILE}，不算违规）：` : `Commits acknowledged by the maintainers (${ACK_FILE}; not counted):`);
    for (const c of ackCommits) {
      L.push('', head(c));
      acked(c);
    }
  }
  for (const f of r.listFindings) L.push('', `${f.severity === 'error' ? '✗' : '!'} ${f.file}:${f.line}:${f.column}  ${f.message[lang]}（${f.ruleId}，${citationText(f.citation, lang)}）`, `  ${f.fix[lang]}`);
  L.push('', zh ? `违反规则的提交：${r.broken.length} 个。` : `Commits that broke a rule: ${r.broken.length}.`);
  if (r.acknowledged.length) L.push(zh ? `已由维护者确认的提交：${r.acknowledged.length} 个。` : `Commits acknowledged by the maintainers: ${r.acknowledged.length}.`);
  return L.join('\n');
}

export async function cmdAudit(args: string[], io: Io): Promise<number> {
  const { values } = parseCommand('audit', args);
  const lang = langValue(values.lang);
  if (values.help) {
    io.out(commandHelp('audit', lang));
    return 0;
  }
  // the calendar (and its holiday data) is loaded for audit only, not for history
  const { isValidDate } = await import('../calendar/workdays.ts');
  if (values.now !== undefined && !isValidDate(values.now)) throw new UsageError(`--now 须为有效日期 YYYY-MM-DD（收到 ${values.now}）/ --now must be a date YYYY-MM-DD`);
  const format = oneOf('--format', values.format, ['text', 'json'] as const, 'text');
  const repo = path.resolve(values.repo ?? process.cwd());
  // the audit loads the whole engine; history does not need it
  const { audit, AuditError } = await import('../history/audit.ts');
  try {
    const r = await audit(repo, { ...(values.since ? { since: values.since } : {}), ...(values.rev ? { rev: values.rev } : {}), engineRoot: ENGINE_ROOT, ...(values.now ? { now: values.now } : {}) });
    const ff = (f: Finding): object => ({ ruleId: f.ruleId, severity: f.severity, file: f.file, line: f.line, column: f.column, message: f.message[lang], citation: f.citation ? citationText(f.citation, lang) : null });
    // acknowledged findings follow the counted ones, each marked with the maintainers' reason
    const fl = (c: AuditedCommit): object => {
      const { acknowledged, ...rest } = c;
      return {
        ...rest,
        ...(acknowledged && !c.findings.length ? { acknowledged: true, reason: acknowledged.reason, acknowledgedOn: acknowledged.acknowledgedOn } : {}),
        findings: [...c.findings.map(ff), ...(acknowledged?.findings ?? []).map((f) => ({ ...ff(f), acknowledged: true, reason: acknowledged!.reason }))],
      };
    };
    const listFailed = r.listFindings.some((f) => f.severity === 'error');
    const json = { range: r.range, commits: r.commits, judged: r.judged, result: r.broken.length || listFailed ? 'fail' : 'pass', broken: r.broken.map(fl), warned: r.warned.map(fl), acknowledged: r.acknowledged.map(fl), acknowledgmentList: { file: ACK_FILE, findings: r.listFindings.map(ff) } };
    if (values.record) writeFileSync(values.record, JSON.stringify(json, null, 2) + '\n');
    if (format === 'json') io.out(JSON.stringify(json, null, 2));
    else io.out(jobLog(auditText(r, lang))); // printed to the CI job log: no line may become a workflow command
    return r.broken.length || listFailed ? 1 : 0;
  } catch (e) {
    // the record is written whatever happens: an audit that could not run is a failed audit
    if (values.record) writeFileSync(values.record, JSON.stringify({ result: 'fail', error: String((e as Error)?.message ?? e).slice(0, 2000) }, null, 2) + '\n');
    if (e instanceof AuditError) throw new UsageError(e.message);
    throw e;
  }
}
