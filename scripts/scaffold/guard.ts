/**
 * 写入之前先用真实的引擎检查：把拟写入的文件叠加在登记簿上运行全部规则（与合并请求检查相同），
 * 只看“本次修改引入的”检查结果：错误一律拒绝；警告展示给用户确认。
 *
 * Before writing, judge the would-be register with the real engine (the same rules the PR check
 * runs), keep only the findings the change introduces, refuse errors, show warnings.
 */
import { fileFinding } from '../core/register.ts';
import type { Finding } from '../core/finding.ts';
import { FsSource } from '../core/source.ts';
import { unitDirOf } from '../core/paths.ts';
import { validateSource, type ValidateResult } from '../pipeline/pipeline.ts';
import type { AccountFile } from '../generated/types.ts';
import { classifyAccount } from '../pr/classify.ts';
import { justificationNeeds, type JustificationNeed } from '../policy/justification.ts';
import { OverlaySource } from './overlay.ts';

/**
 * Rules the scaffolder never lets a clerk create even where a module grades them a warning.
 *
 * “一个单位原则上在同一平台只开设一个政务新媒体账号” and “严禁自编自审自发”: where a module still
 * grades one of them a warning (so that records made before the measures do not block every pull
 * request), a new filing has no such history. The way to keep a second account is the one the
 * 原则上 reading gives (DESIGN §8, policies/README.md): the filing records a `justification` and the
 * supervising office approves it (主管审核 同意) in the same work; the rule then finds nothing and the
 * scaffolder lets it through. A back-filled account's legacy name is not refused either: it is recorded
 * as it is and stays a finding, to be renamed or put in the adoption baseline (整改清单; see
 * legacyNameFindings in scripts/commands/scaffold.ts).
 */
export const REFUSED_EVEN_AS_WARNING: ReadonlySet<string> = new Set(['one-account-per-platform', 'distinct-review-roles']);

export interface Judgement {
  after: ValidateResult;
  /** Findings the change introduces (not present before), suppressed ones excluded. */
  introduced: Finding[];
  /** What makes the scaffolder refuse. */
  blocking: Finding[];
  /**
   * 原则上 (Rule.justification): blocking findings a justification on a filing would answer (the filing records
   * none), with the filing types each accepts; the scaffolder asks the clerk for one.
   */
  justifiable: JustificationNeed[];
  /**
   * Findings that say a justification the change records awaits the supervising office's approval: not blocking
   * (the supervisor decides in review; the PR routes to the supervising office), shown to the clerk.
   */
  awaiting: Finding[];
  /** Warnings to show and have the user confirm. */
  warnings: Finding[];
  notices: Finding[];
}

export interface PendingChange {
  /** Files to write, repo-relative → text. */
  write: Map<string, string>;
  /** Files to remove (a move). */
  remove: string[];
  /** The account before and after (for the append-only / filing checks of the PR check). */
  account?: { id: string; fromPath?: string; path: string; before?: AccountFile; after: AccountFile; unitName: (id: string) => string };
}

function key(f: Finding): string {
  return `${f.ruleId}|${f.account ?? f.file}|${f.message.zh}`;
}

function ruleName(id: string): string {
  return id.slice(id.lastIndexOf('/') + 1);
}

export async function judgeChange(root: string, change: PendingChange, opts: { now: string; engineRoot?: string }): Promise<Judgement> {
  const base = new FsSource(root);
  const overlay = new OverlaySource(base);
  for (const [rel, text] of change.write) overlay.write(rel, text);
  for (const rel of change.remove) overlay.remove(rel);
  // Judge the unit folders the change touches, as the PR check does (fast on a large register).
  const dirs = new Set([...change.write.keys(), ...change.remove].map(unitDirOf));
  const vopts = { now: opts.now, scope: dirs, ...(opts.engineRoot ? { engineRoot: opts.engineRoot } : {}) };
  const [before, after] = await Promise.all([validateSource(base, vopts), validateSource(overlay, vopts)]);

  const seen = new Map<string, number>();
  for (const f of before.findings) seen.set(key(f), (seen.get(key(f)) ?? 0) + 1);
  const introduced: Finding[] = [];
  for (const f of after.findings) {
    if (f.suppressed) continue;
    const n = seen.get(key(f)) ?? 0;
    if (n > 0) seen.set(key(f), n - 1);
    else introduced.push(f);
  }
  // The pull-request check's transition rules (append-only events, filings for key changes, moves).
  if (change.account) {
    const a = change.account;
    const status = a.before ? (a.fromPath && a.fromPath !== a.path ? 'R' : 'M') : 'A';
    const c = classifyAccount(status, a.path, a.fromPath, a.before, a.after, a.unitName);
    for (const ill of c.illegal) introduced.push(fileFinding(ill.ruleId, a.path, { line: 1, column: 1 }, ill.message, ill.fix, a.id));
  }
  const needs = justificationNeeds(introduced, after.policies);
  const awaiting = needs.filter((n) => n.need === 'unapproved').map((n) => n.finding);
  const blocking = introduced.filter((f) => !awaiting.includes(f) && (f.severity === 'error' || (f.severity === 'warning' && REFUSED_EVEN_AS_WARNING.has(ruleName(f.ruleId)))));
  const justifiable = needs.filter((n) => n.need === 'missing' && blocking.includes(n.finding));
  const warnings = introduced.filter((f) => f.severity === 'warning' && !blocking.includes(f) && !awaiting.includes(f));
  const notices = introduced.filter((f) => f.severity === 'notice' && !awaiting.includes(f));
  return { after, introduced, blocking, justifiable, awaiting, warnings, notices };
}
