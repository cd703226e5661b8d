/**
 * 审计：按时间顺序回放主分支的每一个第一父提交，用提交当日有效的办法版本判断该提交带来的改动，
 * 列出每一个违反规则的提交。整个历史只运行一次 `git log --raw` 和一个长驻的 `git cat-file`。
 * Audit: replay every first-parent commit of main and judge its change under the policy
 * versions in force on its date; list every commit that broke a rule.
 */
import type { Finding } from '../core/finding.ts';
import { BlobReader } from '../core/blobs.ts';
import { fileFinding, type DocCache } from '../core/register.ts';
import { todayShanghai } from '../calendar/workdays.ts';
import { JUDGING_EXTRAS, loadPolicies } from '../policy/loader.ts';
import { BULK_LABEL, isMaintainerPath, judge, scopeOf } from '../pr/check.ts';
import type { ChangeItem } from '../pr/types.ts';
import { schemasFor } from '../pipeline/pipeline.ts';
import { LOG_FORMAT, parseRawLog, prNumber, runGit, shanghaiDate, Snapshot, SnapshotView } from './replay.ts';
import { ackCovers, readAckList, type AckEntry } from './acknowledged.ts';

export interface AuditedCommit {
  commit: string;
  date: string;
  author: string;
  subject: string;
  pr?: number;
  changes: { kind: ChangeItem['kind']; path: string; account?: string }[];
  /** The findings that count (errors of a broken commit, warnings of a warned one). */
  findings: Finding[];
  /** Findings the maintainers acknowledged (policies/audit-acknowledged.json at the audited tip): shown, not counted. */
  acknowledged?: { reason: string; acknowledgedOn: string; findings: Finding[] };
}

export interface AuditResult {
  range: string;
  commits: number;
  judged: number;
  broken: AuditedCommit[];
  /** Commits with warnings only (listed, not failing). */
  warned: AuditedCommit[];
  /** Commits whose every error and warning the maintainers acknowledged (not counted as violations). */
  acknowledged: AuditedCommit[];
  /** Problems with the acknowledgment list itself (an error: the list was ignored; a warning: an entry has no effect). */
  listFindings: Finding[];
}

export class AuditError extends Error {}

/**
 * Guards of the review process that a replay cannot judge: whether rules and data came in one
 * PR (maintainers commit both on main; PRs were checked when opened) and bulk changes (the
 * override label lives on the PR, not in Git).
 */
export const AUDIT_SKIP = new Set(['pr/mixed-rules-and-data', 'pr/bulk-change']);

/**
 * The day each commit is judged on. A commit's date is what its author's clock (or a forger)
 * wrote, so it is capped: never after the audit day, never after the date of any later commit
 * on the first-parent line (a later commit cannot precede it). Returns the judging dates and,
 * per commit, why its own date was not believed.
 */
export function judgingDates(dates: readonly string[], auditDay: string): { on: string[]; future: ('after-audit-day' | 'after-later-commit' | undefined)[] } {
  const on: string[] = new Array<string>(dates.length);
  const future: ('after-audit-day' | 'after-later-commit' | undefined)[] = new Array(dates.length).fill(undefined);
  let laterMin = auditDay;
  for (let i = dates.length - 1; i >= 0; i--) {
    const d = dates[i]!;
    if (d > auditDay) future[i] = 'after-audit-day';
    else if (d > laterMin) future[i] = 'after-later-commit';
    on[i] = d < laterMin ? d : laterMin;
    if (on[i]! < laterMin) laterMin = on[i]!;
  }
  return { on, future };
}

export async function audit(repo: string, opts: { since?: string; rev?: string; engineRoot: string; now?: string; onProgress?: (done: number, total: number) => void }): Promise<AuditResult> {
  const rev = opts.rev ?? 'HEAD';
  const auditDay = opts.now ?? todayShanghai();
  let sinceCommit: string | undefined;
  if (opts.since) {
    try {
      sinceCommit = (await runGit(repo, ['rev-parse', '--verify', `${opts.since}^{commit}`])).trim();
    } catch {
      throw new AuditError(`找不到提交或分支“${opts.since}” / no such commit "${opts.since}"`);
    }
  }
  let tip: string;
  try {
    tip = (await runGit(repo, ['rev-parse', '--verify', `${rev}^{commit}`])).trim();
  } catch {
    throw new AuditError(`找不到提交或分支“${rev}” / no such commit "${rev}"`);
  }
  const range = sinceCommit ? `${sinceCommit}..${rev}` : rev;
  const out = await runGit(repo, ['log', '--first-parent', '--diff-merges=first-parent', '--reverse', '-z', '--raw', '--no-abbrev', '-M', LOG_FORMAT, range]);
  const commits = parseRawLog(out);
  // the maintainers' acknowledgments, read from the audited tip only, never from a judged commit
  const history = new Set((await runGit(repo, ['rev-list', '--first-parent', tip])).split('\n').filter(Boolean));
  const ack = await readAckList(repo, tip, history, schemasFor(opts.engineRoot));
  const policies = await loadPolicies(opts.engineRoot, JUDGING_EXTRAS);
  const blobs = new BlobReader(repo);
  const snap = new Snapshot();
  const cache: DocCache = new Map();
  try {
    if (sinceCommit) {
      const ls = await runGit(repo, ['ls-tree', '-r', '-z', '--full-tree', sinceCommit, '--', 'accounts']);
      for (const rec of ls.split('\0')) {
        if (!rec) continue;
        const tab = rec.indexOf('\t');
        const [mode, , sha] = rec.slice(0, tab).split(' ');
        snap.set(rec.slice(tab + 1), { sha: sha ?? '', mode: mode ?? '100644' });
      }
    }
    const result: AuditResult = { range, commits: commits.length, judged: 0, broken: [], warned: [], acknowledged: [], listFindings: ack.findings };
    const dates = judgingDates(commits.map((c) => shanghaiDate(c.time)), auditDay);
    let done = 0;
    for (const c of commits) {
      const index = done;
      done++;
      const ownDate = shanghaiDate(c.time);
      const on = dates.on[index]!;
      const dateFindings: Finding[] = [];
      const future = dates.future[index];
      if (future) {
        const file = (c.changes.find((x) => x.path.startsWith('accounts/')) ?? c.changes[0])?.path ?? '.';
        dateFindings.push(
          fileFinding(
            'audit/future-commit',
            file,
            { line: 1, column: 1 },
            future === 'after-audit-day'
              ? { zh: `提交 ${c.sha.slice(0, 8)} 的日期 ${ownDate} 晚于审计日 ${auditDay}：提交日期不可信，本提交按 ${on} 判断`, en: `commit ${c.sha.slice(0, 8)} is dated ${ownDate}, after the audit day ${auditDay}: its date is not believed; it is judged as of ${on}` }
              : { zh: `提交 ${c.sha.slice(0, 8)} 的日期 ${ownDate} 晚于其后提交的日期（${on}）：提交日期不可信，本提交按 ${on} 判断`, en: `commit ${c.sha.slice(0, 8)} is dated ${ownDate}, after a later commit (${on}): its date is not believed; it is judged as of ${on}` },
            { zh: '提交日期由提交者的时钟决定，可以伪造；请核实该提交的真实时间（如合并请求的合并时间），必要时由维护者说明。', en: 'Commit dates come from the committer\'s clock and can be forged; check when the change was really made (e.g. the merge time of its PR).' },
          ),
        );
      }
      // rules-only commits (the maintainers' files) are not judged here; everything else is
      // (a file moved out of accounts/ into docs/ or tests/ is judged: the account left the account set)
      const needsJudging = c.changes.some((x) => !isMaintainerPath(x.path) || (x.fromPath !== undefined && !isMaintainerPath(x.fromPath)));
      {
        if (needsJudging) {
          // blobs the judgement reads: every region.json and unit.json, and the touched unit folders
          // bounded memory over long histories: blobs are fetched again per commit when needed
          blobs.trim(20_000);
          if (cache.size > 20_000) cache.clear();
          const scope = scopeOf(c.changes);
          const want = new Set<string>();
          const head = new SnapshotView(snap, blobs, c.sha, c.changes);
          const base = new SnapshotView(snap, blobs, `${c.sha}^`);
          for (const view of [base, head]) {
            for (const e of view.listForScope(scope)) {
              if (e.type !== 'file') continue;
              const sha = view.shaOf(e.rel);
              if (sha && !blobs.cached(sha)) want.add(sha);
            }
          }
          let kept: Finding[];
          let changes: AuditedCommit['changes'];
          try {
            await blobs.readMany(want);
            const j = await judge({ baseSrc: base, headSrc: head, diffs: c.changes, now: on, labels: [BULK_LABEL], engineRoot: opts.engineRoot, policies, cache });
            kept = [...dateFindings, ...j.findings.introduced.filter((f) => !AUDIT_SKIP.has(f.ruleId))];
            changes = j.changes.map((x) => ({ kind: x.kind, path: x.path, ...(x.accountId ? { account: x.accountId } : {}) }));
          } catch (e) {
            // one commit that cannot be judged is listed as broken; the rest of history is still audited
            const file = (c.changes.find((x) => x.path.startsWith('accounts/')) ?? c.changes[0])?.path ?? '.';
            kept = [...dateFindings, fileFinding('pr/unreadable-file', file, { line: 1, column: 1 }, { zh: `无法审计提交 ${c.sha.slice(0, 8)}（检查程序内部错误：${String((e as Error)?.message ?? e).slice(0, 200)}）`, en: `commit ${c.sha.slice(0, 8)} cannot be audited (internal error: ${String((e as Error)?.message ?? e).slice(0, 200)})` }, { zh: '请把这条信息报告给本库维护者。', en: 'Report this to the maintainers.' })];
            changes = c.changes.map((x) => ({ kind: 'illegal' as const, path: x.path }));
          }
          result.judged++;
          const ackEntry: AckEntry | undefined = ack.entries.get(c.sha);
          const blocking = kept.filter((f) => f.severity === 'error' || f.severity === 'warning');
          const acked = ackEntry ? blocking.filter((f) => ackCovers(ackEntry, f)) : [];
          const counted = blocking.filter((f) => !acked.includes(f));
          const errors = counted.filter((f) => f.severity === 'error');
          const warnings = counted.filter((f) => f.severity === 'warning');
          if (errors.length || warnings.length || acked.length) {
            const entry: AuditedCommit = {
              commit: c.sha,
              date: shanghaiDate(c.time),
              author: c.author,
              subject: c.subject,
              changes,
              findings: errors.length ? errors : warnings,
            };
            if (ackEntry && acked.length) entry.acknowledged = { reason: ackEntry.reason, acknowledgedOn: ackEntry.acknowledgedOn, findings: acked };
            const pr = prNumber(c);
            if (pr !== undefined) entry.pr = pr;
            (errors.length ? result.broken : warnings.length ? result.warned : result.acknowledged).push(entry);
          }
        }
      }
      snap.apply(c.changes);
      opts.onProgress?.(done, commits.length);
    }
    return result;
  } finally {
    blobs.close();
  }
}

