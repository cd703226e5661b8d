/**
 * 审批裁决（纯函数）：合并请求上的代码评审是否满足检查得出的各项审批要求。
 * The approval decision, a pure function: do a pull request's reviews satisfy the approval
 * requirements computed by `govmedia check-pr`?
 *
 * GitHub semantics, with the register's stricter reading where the two differ:
 * - only each user's latest APPROVED / CHANGES_REQUESTED / DISMISSED review counts;
 *   COMMENTED and PENDING reviews never change a user's standing;
 * - a later CHANGES_REQUESTED or DISMISSED review cancels an earlier approval;
 * - the PR author's own reviews never count (GitHub forbids self-approval; Gitea and
 *   recorded data may still contain one);
 * - handles compare case-insensitively, with or without "@";
 * - a requirement is met when at least one approving user is listed directly or is a member
 *   of a listed team, and no member of the group has an outstanding CHANGES_REQUESTED;
 * - when `headSha` is given, an approval submitted on another commit is stale and does not
 *   count (GitHub's "dismiss stale approvals"): the supervisor approves what will be merged.
 * - a requirement that lists nobody can never be met (deny by default).
 */
import type { ApprovalGround, ApprovalRequirement } from '../pr/types.ts';

export type ReviewState = 'APPROVED' | 'CHANGES_REQUESTED' | 'COMMENTED' | 'DISMISSED' | 'PENDING';

export interface Review {
  /** Login of the reviewer, with or without "@". */
  user: string;
  state: ReviewState;
  /** ISO 8601 time the review was submitted ('' for a pending review). */
  submittedAt: string;
  /** The commit the review was given on. */
  commitId?: string;
}

export interface DecideInput {
  requirements: ApprovalRequirement[];
  reviews: Review[];
  /** "@org/team" (lower-case) → member logins. Keys and logins are normalised again here. */
  teams: Record<string, string[]>;
  /** Login of the pull request's author. */
  author: string;
  /** The pull request's head commit; when given, approvals on other commits are stale. */
  headSha?: string;
}

export interface Bilingual {
  zh: string;
  en: string;
}

export interface RequirementOutcome {
  role: Bilingual;
  reviewers: string[];
  because: string[];
  /** Why, with the document and article (from the decision record; empty for records of older engines). */
  grounds: ApprovalGround[];
  met: boolean;
  /** "@login" of every counted approver of this group, sorted. */
  approvedBy: string[];
  /** "@login" of every group member whose latest review requests changes, sorted. */
  blockedBy: string[];
  /** "@login" of group members whose approval is on an older commit, sorted. */
  staleApprovals: string[];
  /** Listed teams whose members are unknown (not supplied or not readable). */
  unknownTeams: string[];
  /** One human line, e.g. 主管单位“自贡市人民政府办公室”：已由 @x 批准. */
  line: Bilingual;
}

export interface ApprovalDecision {
  satisfied: boolean;
  requirements: RequirementOutcome[];
  /** Each user's counted standing after the rules above ("@login" → state). */
  standing: Record<string, 'APPROVED' | 'CHANGES_REQUESTED'>;
  /** Human lines, Chinese and English: one per requirement, then notes, then the conclusion. */
  lines: { zh: string[]; en: string[] };
}

/** "@Alice" → "alice"; "@Org/Team" → "org/team". */
export function normHandle(h: string): string {
  return h.trim().replace(/^@/, '').toLowerCase();
}

function isTeam(h: string): boolean {
  return normHandle(h).includes('/');
}

function at(login: string): string {
  return '@' + login.trim().replace(/^@/, '');
}

const COUNTED = new Set<ReviewState>(['APPROVED', 'CHANGES_REQUESTED', 'DISMISSED']);

interface Standing {
  state: 'APPROVED' | 'CHANGES_REQUESTED' | 'DISMISSED';
  display: string;
  commitId: string | undefined;
}

/** Each user's latest counted review, author excluded. */
function standings(reviews: Review[], author: string): Map<string, Standing> {
  const authorKey = normHandle(author);
  const ordered = reviews
    .map((r, i) => ({ r, i }))
    .filter(({ r }) => COUNTED.has(r.state) && normHandle(r.user) !== '' && normHandle(r.user) !== authorKey)
    // stable: by submission time, then by the order the API listed them
    .sort((a, b) => (a.r.submittedAt < b.r.submittedAt ? -1 : a.r.submittedAt > b.r.submittedAt ? 1 : a.i - b.i));
  const out = new Map<string, Standing>();
  for (const { r } of ordered) {
    out.set(normHandle(r.user), { state: r.state as Standing['state'], display: at(r.user), commitId: r.commitId });
  }
  return out;
}

function joinZh(xs: string[]): string {
  return xs.join('、');
}
function joinEn(xs: string[]): string {
  return xs.join(', ');
}

export function decideApprovals(input: DecideInput): ApprovalDecision {
  const teams = new Map<string, Set<string>>();
  for (const [k, members] of Object.entries(input.teams)) {
    const key = normHandle(k);
    const set = teams.get(key) ?? new Set<string>();
    for (const m of members) set.add(normHandle(m));
    teams.set(key, set);
  }
  const byUser = standings(input.reviews, input.author);
  const head = input.headSha?.trim().toLowerCase() || undefined;
  const isStale = (s: Standing): boolean => head !== undefined && (s.commitId === undefined || s.commitId.toLowerCase() !== head);

  const outcomes: RequirementOutcome[] = input.requirements.map((req) => {
    const direct = new Set(req.reviewers.filter((h) => !isTeam(h)).map(normHandle));
    const listedTeams = req.reviewers.filter(isTeam);
    const unknownTeams = listedTeams.filter((t) => !teams.has(normHandle(t))).map(at);
    const inGroup = (user: string): boolean => direct.has(user) || listedTeams.some((t) => teams.get(normHandle(t))?.has(user) === true);
    const approvedBy: string[] = [];
    const blockedBy: string[] = [];
    const staleApprovals: string[] = [];
    for (const [user, s] of byUser) {
      if (!inGroup(user)) continue;
      if (s.state === 'CHANGES_REQUESTED') blockedBy.push(s.display);
      else if (s.state === 'APPROVED') (isStale(s) ? staleApprovals : approvedBy).push(s.display);
    }
    const byName = (a: string, b: string): number => (a.toLowerCase() < b.toLowerCase() ? -1 : a.toLowerCase() > b.toLowerCase() ? 1 : 0);
    approvedBy.sort(byName);
    blockedBy.sort(byName);
    staleApprovals.sort(byName);
    const met = req.reviewers.length > 0 && approvedBy.length > 0 && blockedBy.length === 0;
    const who = req.reviewers.map(at);
    let line: Bilingual;
    if (req.reviewers.length === 0) {
      line = {
        zh: `${req.role.zh}：未配置审核人，无法批准——请本库维护者在 unit.json 或 region.json 的 reviewers 中补充`,
        en: `${req.role.en}: no reviewers are configured, so nobody can approve — the maintainers must add reviewers to unit.json or region.json`,
      };
    } else if (blockedBy.length > 0) {
      line = {
        zh: `${req.role.zh}：${joinZh(blockedBy)} 要求修改，须其改为批准或撤销（dismiss）该审查意见${approvedBy.length ? `（${joinZh(approvedBy)} 已批准）` : ''}`,
        en: `${req.role.en}: ${joinEn(blockedBy)} requested changes; they must approve or the review must be dismissed${approvedBy.length ? ` (approved by ${joinEn(approvedBy)})` : ''}`,
      };
    } else if (met) {
      line = { zh: `${req.role.zh}：已由 ${joinZh(approvedBy)} 批准`, en: `${req.role.en}: approved by ${joinEn(approvedBy)}` };
    } else {
      line = {
        zh: `${req.role.zh}：尚待 ${joinZh(who)} 中任一人批准${staleApprovals.length ? `（${joinZh(staleApprovals)} 的批准针对的是较早的提交，推送新提交后须重新批准）` : ''}`,
        en: `${req.role.en}: awaiting approval from any one of ${joinEn(who)}${staleApprovals.length ? ` (the approval by ${joinEn(staleApprovals)} was given on an earlier commit and must be renewed)` : ''}`,
      };
    }
    return { role: req.role, reviewers: [...req.reviewers], because: [...req.because], grounds: [...(req.grounds ?? [])], met, approvedBy, blockedBy, staleApprovals, unknownTeams, line };
  });

  const satisfied = outcomes.every((o) => o.met);
  const zh = outcomes.map((o) => o.line.zh);
  const en = outcomes.map((o) => o.line.en);

  const unknown = [...new Set(outcomes.flatMap((o) => (o.met ? [] : o.unknownTeams)))].sort();
  if (unknown.length) {
    zh.push(`注意：无法得知团队 ${joinZh(unknown)} 的成员（未提供或令牌无权读取，读取团队成员需要 read:org 权限），其成员的批准暂不能计入`);
    en.push(`note: the members of ${joinEn(unknown)} are unknown (not supplied, or the token cannot read them — team membership needs read:org), so their approvals cannot be counted yet`);
  }
  const selfApproved = input.reviews.some((r) => r.state === 'APPROVED' && normHandle(r.user) === normHandle(input.author));
  if (selfApproved) {
    zh.push(`注意：作者 ${at(input.author)} 本人的批准不计入`);
    en.push(`note: the author's own approval (${at(input.author)}) does not count`);
  }
  const missing = outcomes.filter((o) => !o.met).length;
  if (outcomes.length === 0) {
    zh.push('结论：本次变更不需要审批');
    en.push('conclusion: this change needs no approval');
  } else if (satisfied) {
    zh.push(`结论：${outcomes.length} 项审批均已满足`);
    en.push(`conclusion: all ${outcomes.length} required approval(s) are in`);
  } else {
    zh.push(`结论：尚缺 ${missing} 项审批（共 ${outcomes.length} 项），暂不能合并`);
    en.push(`conclusion: ${missing} of ${outcomes.length} required approval(s) missing; not mergeable yet`);
  }

  const standing: ApprovalDecision['standing'] = {};
  for (const [, s] of [...byUser].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
    if (s.state === 'DISMISSED') continue;
    if (s.state === 'APPROVED' && isStale(s)) continue;
    standing[s.display] = s.state;
  }
  return { satisfied, requirements: outcomes, standing, lines: { zh, en } };
}
