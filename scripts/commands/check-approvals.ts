/**
 * govmedia check-approvals：核对合并请求上的代码评审是否满足检查记录（check-pr --record）
 * 中列出的各项审批要求。退出码：0 已满足，1 未满足，2 用法错误或无法读取（不打印堆栈）。
 *
 * Checks a pull request's reviews against the approvals a decision record requires.
 * Offline: recorded JSON files in the shape of GitHub's API responses. Online: the REST API.
 * Exit 0 satisfied, 1 not satisfied, 2 usage error or nothing could be read. Never a stack trace.
 */
import { readFile } from 'node:fs/promises';
import { decideApprovals, type ApprovalDecision, type Review } from '../approvals/decide.ts';
import { clientFromEnv, membersFromApi, reviewsFromApi, type ApiError, type ApiResult, type FetchLike, type PullInfo } from '../approvals/github.ts';
import { giteaClient } from '../approvals/gitea.ts';
import { gitlabClient, reviewsFromGitlab } from '../approvals/gitlab.ts';
import { groundText, type ApprovalGround, type ApprovalRequirement } from '../pr/types.ts';
import type { Citation } from '../core/finding.ts';
import { langOf, langValue, oneOf, parseArgsError, usageText, UsageError } from '../core/cli-args.ts';
import { jobLog } from '../report/escape.ts';
import { commandHelp, parseCommand } from './table.ts';

type Lang = 'zh' | 'en';

export interface CheckApprovalsIo {
  out(s: string): void;
  err(s: string): void;
}

/** Test seam: environment and fetch for online mode. */
export interface CheckApprovalsDeps {
  env?: Record<string, string | undefined>;
  fetch?: FetchLike;
}


async function readJsonFile(file: string, label: { zh: string; en: string }): Promise<unknown> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (e) {
    const code = (e as { code?: string })?.code;
    throw new UsageError(
      code === 'ENOENT'
        ? `找不到${label.zh}文件：${file}\ncannot find the ${label.en} file: ${file}`
        : `无法读取${label.zh}文件：${file}（${code ?? (e as Error)?.message}）\ncannot read the ${label.en} file: ${file}`,
    );
  }
  try {
    return JSON.parse(text.replace(/^\uFEFF/, '')) as unknown;
  } catch (e) {
    throw new UsageError(`${label.zh}文件不是有效的 JSON：${file}（${(e as Error).message}）\nthe ${label.en} file is not valid JSON: ${file}`);
  }
}

export interface RecordInfo {
  requirements: ApprovalRequirement[];
  headCommit: string | undefined;
  verdict: 'pass' | 'fail' | undefined;
}

/** Read the parts of a DecisionRecord this command needs, checking their shape. */
export function recordInfo(json: unknown, file: string): RecordInfo {
  const bad = (why: string): UsageError => new UsageError(`检查记录格式不正确（${file}）：${why}\nthe decision record is malformed: ${file}`);
  if (json === null || typeof json !== 'object' || Array.isArray(json)) throw bad('应为 check-pr --record 写出的 JSON 对象');
  const rec = json as Record<string, unknown>;
  if (!Array.isArray(rec.approvals)) throw bad('缺少 approvals 列表');
  const isStrArr = (v: unknown): v is string[] => Array.isArray(v) && v.every((x) => typeof x === 'string');
  const requirements = rec.approvals.map((a, i): ApprovalRequirement => {
    const o = a as Record<string, unknown> | null;
    const role = o?.role as Record<string, unknown> | undefined;
    if (!o || typeof o !== 'object' || !role || typeof role.zh !== 'string' || typeof role.en !== 'string' || !isStrArr(o.reviewers)) {
      throw bad(`approvals 第 ${i + 1} 项缺少 role.zh、role.en 或 reviewers`);
    }
    const grounds = groundsOf(o.grounds);
    return { role: { zh: role.zh, en: role.en }, reviewers: o.reviewers, because: isStrArr(o.because) ? o.because : [], ...(grounds.length ? { grounds } : {}) };
  });
  const head = rec.head as Record<string, unknown> | undefined;
  const verdict = (rec.verdict as Record<string, unknown> | undefined)?.result;
  return {
    requirements,
    headCommit: typeof head?.commit === 'string' ? head.commit : undefined,
    verdict: verdict === 'pass' || verdict === 'fail' ? verdict : undefined,
  };
}

/** The grounds of a requirement in a record, entries of the wrong shape left out (they explain, they never decide). */
function groundsOf(v: unknown): ApprovalGround[] {
  if (!Array.isArray(v)) return [];
  const str = (x: unknown): x is string => typeof x === 'string';
  const out: ApprovalGround[] = [];
  for (const g of v as unknown[]) {
    const o = g as Record<string, unknown> | null;
    const why = o?.why as Record<string, unknown> | undefined;
    if (!o || typeof o !== 'object' || !str(o.change) || !str(o.key) || !why || !str(why.zh) || !str(why.en) || !Array.isArray(o.citations)) continue;
    const citations: Citation[] = [];
    for (const c of o.citations as unknown[]) {
      const x = c as Record<string, unknown> | null;
      if (x && typeof x === 'object' && str(x.doc) && str(x.article)) citations.push({ doc: x.doc, article: x.article, ...(str(x.title) ? { title: x.title } : {}) });
    }
    out.push({ change: o.change, key: o.key, why: { zh: why.zh, en: why.en }, citations });
  }
  return out;
}

function teamsFromFile(json: unknown, file: string): Record<string, string[]> {
  if (json === null || typeof json !== 'object' || Array.isArray(json)) {
    throw new UsageError(`团队文件格式不正确（${file}）：应为 {"@组织/团队": [成员…]}\nthe teams file is malformed: ${file}`);
  }
  const out: Record<string, string[]> = {};
  for (const [k, v] of Object.entries(json as Record<string, unknown>)) {
    if (!Array.isArray(v)) throw new UsageError(`团队文件格式不正确（${file}）：“${k}”的值应为成员列表\nthe teams file is malformed: ${file}`);
    out['@' + k.trim().replace(/^@/, '').toLowerCase()] = membersFromApi(v);
  }
  return out;
}

const SHA_RE = /^[0-9a-f]{40}([0-9a-f]{24})?$/i;
const LOGIN_RE = /^@?[A-Za-z0-9][A-Za-z0-9_.-]*(\[bot\])?$/;
const REPO_RE = /^([A-Za-z0-9_.-]+)\/([A-Za-z0-9_.-]+)$/;
/** GitLab: group[/subgroup…]/project. */
const PROJECT_RE = /^[A-Za-z0-9_.-]+(\/[A-Za-z0-9_.-]+)+$/;

/** One shape over the three forges' clients (repo is owner/name, or GitLab's group/project path). */
interface OnlineClient {
  getPull(repo: string, pr: number): Promise<ApiResult<PullInfo>>;
  listReviews(repo: string, pr: number): Promise<ApiResult<Review[]>>;
  teamsFor(handles: string[]): Promise<{ teams: Record<string, string[]>; errors: ApiError[] }>;
}

function split(repo: string): [string, string] {
  const i = repo.indexOf('/');
  return [repo.slice(0, i), repo.slice(i + 1)];
}

/** The client for the forge, from its environment variables (a missing API URL is a usage error). */
function onlineClient(forge: 'github' | 'gitea' | 'gitlab', env: Record<string, string | undefined>, fetchImpl: FetchLike | undefined, warnings: { zh: string; en: string }[]): OnlineClient {
  const f = fetchImpl ? { fetch: fetchImpl } : {};
  if (forge === 'gitlab') {
    const baseUrl = env.CI_API_V4_URL || env.GITLAB_API_URL;
    if (!baseUrl) throw new UsageError('--forge gitlab 需要 API 地址：请设置 CI_API_V4_URL（GitLab CI 自动提供）或 GITLAB_API_URL，例如 https://gitlab.example.gov.cn/api/v4');
    if (!env.GITLAB_TOKEN) warnings.push({ zh: '未设置 GITLAB_TOKEN：只能读取公开项目，且无法读取群组成员', en: 'GITLAB_TOKEN is not set: public projects only, no group members' });
    const c = gitlabClient({ baseUrl, token: env.GITLAB_TOKEN || undefined, ...f });
    return { getPull: (r, n) => c.getPull(r, n), listReviews: (r, n) => c.listReviews(r, n), teamsFor: (h) => c.teamsFor(h) };
  }
  if (forge === 'gitea') {
    const baseUrl = env.GITEA_API_URL || env.GITHUB_API_URL;
    if (!baseUrl) throw new UsageError('--forge gitea 需要 API 地址：请设置 GITEA_API_URL（或 Gitea Actions 提供的 GITHUB_API_URL），例如 https://git.example.gov.cn/api/v1');
    const token = env.GITEA_TOKEN || env.GITHUB_TOKEN || undefined;
    if (!token) warnings.push({ zh: '未设置 GITEA_TOKEN：只能读取公开仓库，且无法读取团队成员', en: 'GITEA_TOKEN is not set: public repositories only, no team members' });
    const c = giteaClient({ baseUrl, token, ...f });
    return { getPull: (r, n) => c.getPull(...split(r), n), listReviews: (r, n) => c.listReviews(...split(r), n), teamsFor: (h) => c.teamsFor(h) };
  }
  if (!env.GITHUB_TOKEN) warnings.push({ zh: '未设置 GITHUB_TOKEN：只能读取公开仓库，调用次数受限，且无法读取团队成员', en: 'GITHUB_TOKEN is not set: public repositories only, low rate limit, no team members' });
  const c = clientFromEnv(env, fetchImpl);
  return { getPull: (r, n) => c.getPull(...split(r), n), listReviews: (r, n) => c.listReviews(...split(r), n), teamsFor: (h) => c.teamsFor(h) };
}

export async function cmdCheckApprovals(args: string[], io: CheckApprovalsIo, deps: CheckApprovalsDeps = {}): Promise<number> {
  let lang = langOf(args);
  try {
    const { values } = parseCommand('check-approvals', args);
    if (values.help) {
      io.out(commandHelp('check-approvals', lang));
      return 0;
    }
    lang = langValue(values.lang);
    const format = oneOf('--format', values.format, ['text', 'json'] as const, 'text');
    if (!values.record) throw new UsageError('缺少 --record <检查记录.json>（由 govmedia check-pr --record 写出）');
    const offline = values.reviews !== undefined || values.author !== undefined || values['head-sha'] !== undefined;
    const online = values.repo !== undefined || values.pr !== undefined;
    if (offline && online) throw new UsageError('--reviews/--author/--head-sha（离线）与 --repo/--pr（在线）不能同时使用');
    if (!offline && !online) throw new UsageError('请给出 --reviews 与 --author（离线），或 --repo 与 --pr（在线）');

    const env = deps.env ?? process.env;
    // --forge, else GOVMEDIA_FORGE, else the CI system we run in (Gitea Actions and GitLab CI say so)
    const detected = env.GITEA_ACTIONS === 'true' ? 'gitea' : env.GITLAB_CI === 'true' ? 'gitlab' : undefined;
    const forge = oneOf('--forge', values.forge ?? (env.GOVMEDIA_FORGE || detected), ['github', 'gitea', 'gitlab'] as const, 'github');
    const rec = recordInfo(await readJsonFile(values.record, { zh: '检查记录', en: 'decision record' }), values.record);
    let teams: Record<string, string[]> = values.teams ? teamsFromFile(await readJsonFile(values.teams, { zh: '团队', en: 'teams' }), values.teams) : {};
    const warnings: { zh: string; en: string }[] = [];
    let reviews: Review[];
    let author: string;
    let headSha: string | undefined;
    let currentHead: string | undefined;
    let pr: { repo: string; number: number; labels: string[] } | undefined;

    if (offline) {
      if (!values.reviews) throw new UsageError('离线方式缺少 --reviews <评审.json>');
      if (!values.author) throw new UsageError('离线方式缺少 --author <作者登录名>');
      if (!LOGIN_RE.test(values.author)) throw new UsageError(`--author 不是有效的登录名：${values.author}`);
      const sha = values['head-sha'];
      if (sha !== undefined && !SHA_RE.test(sha)) throw new UsageError(`--head-sha 应为完整的提交哈希（40 位十六进制）：${sha}`);
      const raw = await readJsonFile(values.reviews, { zh: '评审', en: 'reviews' });
      if (forge === 'gitlab') {
        if (raw === null || typeof raw !== 'object' || Array.isArray(raw)) throw new UsageError(`评审文件格式不正确（${values.reviews}）：应为 GitLab 批准接口（merge_requests/:iid/approvals）返回的对象\nthe reviews file must be GitLab's approvals response`);
        reviews = reviewsFromGitlab(raw);
      } else {
        if (!Array.isArray(raw)) throw new UsageError(`评审文件格式不正确（${values.reviews}）：应为 ${forge === 'gitea' ? 'Gitea' : 'GitHub'} API 返回的评审列表\nthe reviews file must be the API's list of reviews`);
        reviews = reviewsFromApi(raw);
      }
      author = values.author;
      currentHead = sha;
      headSha = values['allow-stale'] ? undefined : sha;
    } else {
      const m = (forge === 'gitlab' ? PROJECT_RE : REPO_RE).exec(values.repo ?? '');
      if (!m) throw new UsageError(forge === 'gitlab' ? `--repo 应为“群组/项目”：${values.repo ?? '（缺少）'}` : `--repo 应为“所有者/仓库”：${values.repo ?? '（缺少）'}`);
      if (!values.pr || !/^[1-9][0-9]{0,9}$/.test(values.pr)) throw new UsageError(`--pr 应为合并请求编号（正整数）：${values.pr ?? '（缺少）'}`);
      const repoPath = values.repo!;
      const number = Number(values.pr);
      const client = onlineClient(forge, env, deps.fetch, warnings);
      const pull = await client.getPull(repoPath, number);
      if (!pull.ok) return failApi(pull.error, lang, io);
      const revs = await client.listReviews(repoPath, number);
      if (!revs.ok) return failApi(revs.error, lang, io);
      reviews = revs.value;
      author = pull.value.author;
      currentHead = pull.value.headSha;
      // GitLab's approvals name no commit: staleness is the project's "remove approvals on push" setting
      headSha = values['allow-stale'] || forge === 'gitlab' ? undefined : pull.value.headSha;
      if (forge === 'gitlab' && !values['allow-stale']) warnings.push({ zh: 'GitLab 的批准不记录针对哪个提交：请在项目设置中开启“添加提交时移除所有批准”，推送新提交后须重新批准', en: "GitLab approvals do not name a commit: enable the project's \"Remove all approvals when commits are added\"" });
      pr = { repo: repoPath, number, labels: pull.value.labels };
      const need = rec.requirements.flatMap((r) => r.reviewers).filter((h) => !(('@' + h.trim().replace(/^@/, '').toLowerCase()) in teams));
      const t = await client.teamsFor(need);
      teams = { ...t.teams, ...teams };
      for (const e of t.errors) warnings.push(e.message);
    }

    const decision = decideApprovals({ requirements: rec.requirements, reviews, teams, author, ...(headSha ? { headSha } : {}) });
    // The record must describe the commit being approved.
    let recordMismatch: { record: string; head: string } | undefined;
    if (currentHead && rec.headCommit && SHA_RE.test(rec.headCommit) && rec.headCommit.toLowerCase() !== currentHead.toLowerCase()) {
      recordMismatch = { record: rec.headCommit, head: currentHead };
    }
    const satisfied = decision.satisfied && !recordMismatch;

    if (format === 'json') {
      io.out(JSON.stringify(jsonReport(decision, satisfied, { author, headSha: currentHead, pr, recordMismatch, verdict: rec.verdict, warnings }, lang), null, 2));
    } else {
      // Printed to the CI job log: reviewer logins, roles and reasons are data, never workflow commands.
      for (const w of warnings) io.err(jobLog((lang === 'zh' ? '警告：' : 'warning: ') + w[lang]));
      io.out(jobLog(textReport(decision, satisfied, { author, pr, recordMismatch, verdict: rec.verdict }, lang)));
    }
    return satisfied ? 0 : 1;
  } catch (e) {
    const u = e instanceof UsageError ? e : parseArgsError(e);
    if (u) {
      io.err(usageText(u, lang, 'check-approvals'));
      return 2;
    }
    io.err(lang === 'zh' ? `内部错误：${(e as Error)?.message ?? String(e)}\n请把这条信息报告给本库维护者。` : `internal error: ${(e as Error)?.message ?? String(e)}\nPlease report this to the maintainers.`);
    return 2;
  }
}

function failApi(error: ApiError, lang: Lang, io: CheckApprovalsIo): number {
  io.err(lang === 'zh' ? `无法完成审批检查：${error.message.zh}` : `cannot check approvals: ${error.message.en}`);
  return 2;
}

interface Context {
  author: string;
  pr: { repo: string; number: number; labels: string[] } | undefined;
  recordMismatch: { record: string; head: string } | undefined;
  verdict: 'pass' | 'fail' | undefined;
}

function mismatchLine(m: { record: string; head: string }): { zh: string; en: string } {
  return {
    zh: `检查记录针对的是提交 ${m.record.slice(0, 12)}，而合并请求当前的提交是 ${m.head.slice(0, 12)}：请重新运行合并请求检查`,
    en: `the decision record describes commit ${m.record.slice(0, 12)} but the pull request is now at ${m.head.slice(0, 12)}: re-run the PR check`,
  };
}

export function textReport(d: ApprovalDecision, satisfied: boolean, ctx: Context, lang: Lang): string {
  const at = '@' + ctx.author.replace(/^@/, '');
  const lines: string[] = [];
  lines.push(
    lang === 'zh'
      ? `审批检查${ctx.pr ? `：${ctx.pr.repo} 合并请求 #${ctx.pr.number}` : ''}（作者 ${at}）`
      : `Approval check${ctx.pr ? `: ${ctx.pr.repo} pull request #${ctx.pr.number}` : ''} (author ${at})`,
  );
  for (const r of d.requirements) {
    lines.push(`  ${r.met ? '✔' : '✘'} ${r.line[lang]}`);
    if (r.grounds.length) for (const g of r.grounds) lines.push(`      ${lang === 'zh' ? '因为：' : 'because: '}${groundText(g, lang)}`);
    else if (r.because.length) lines.push(`      ${lang === 'zh' ? '因为：' : 'because: '}${r.because.join(lang === 'zh' ? '；' : '; ')}`);
  }
  const rest = d.lines[lang].slice(d.requirements.length);
  const conclusion = rest.pop();
  for (const l of rest) lines.push(l);
  if (ctx.recordMismatch) lines.push(mismatchLine(ctx.recordMismatch)[lang]);
  if (ctx.verdict === 'fail') lines.push(lang === 'zh' ? '另：合并请求检查的结论为“不通过”，审批齐全也不能合并。' : 'also: the PR check itself failed; approvals alone do not make it mergeable.');
  if (conclusion !== undefined) lines.push(ctx.recordMismatch && d.satisfied ? (lang === 'zh' ? '结论：检查记录已过期，暂不能合并' : 'conclusion: the decision record is stale; not mergeable yet') : conclusion);
  if (!satisfied && d.requirements.length) lines.push(lang === 'zh' ? '（满足后重新运行本检查即可；每组只需其中任一人批准。）' : '(Re-run this check once approved; any one member of each group suffices.)');
  return lines.join('\n');
}

function jsonReport(
  d: ApprovalDecision,
  satisfied: boolean,
  ctx: Context & { headSha: string | undefined; warnings: { zh: string; en: string }[] },
  lang: Lang,
): unknown {
  return {
    tool: 'govmedia check-approvals',
    satisfied,
    author: ctx.author,
    ...(ctx.pr ? { repo: ctx.pr.repo, pr: ctx.pr.number, labels: ctx.pr.labels } : {}),
    ...(ctx.headSha ? { headSha: ctx.headSha } : {}),
    ...(ctx.verdict ? { verdict: ctx.verdict } : {}),
    ...(ctx.recordMismatch ? { recordMismatch: ctx.recordMismatch } : {}),
    requirements: d.requirements.map((r) => ({
      role: r.role,
      reviewers: r.reviewers,
      because: r.because,
      grounds: r.grounds,
      met: r.met,
      approvedBy: r.approvedBy,
      blockedBy: r.blockedBy,
      staleApprovals: r.staleApprovals,
      unknownTeams: r.unknownTeams,
      line: r.line[lang],
    })),
    standing: d.standing,
    lines: [...d.lines[lang], ...(ctx.recordMismatch ? [mismatchLine(ctx.recordMismatch)[lang]] : [])],
    warnings: ctx.warnings.map((w) => w[lang]),
  };
}
