/**
 * 办事员用的向导：govmedia new（开设）、backfill（补录）、change <编号>（变更/报备）、close <编号>（关停）。
 *
 * 每个命令都可以交互（中文提问，边输入边校验），也可以用参数加 --yes 非交互运行（脚本、测试）。
 * 写入之前用真实的引擎检查拟写入的登记簿：本次修改引入的错误一律拒绝（退出码 1，不写任何文件），
 * 警告展示给用户确认；写入之后按适用办法列出带具体日期的下一步和 git 命令。
 *
 * The clerk-facing scaffolder. Every command runs interactively (Chinese prompts, validated as
 * the user types) or non-interactively with flags and --yes. Before writing, the real engine
 * judges the would-be register: errors the change introduces are refused (exit 1, nothing
 * written), warnings are shown for confirmation; after writing, the next steps with due dates
 * and the git commands are printed. Exit codes: 0 written, 1 refused or cancelled, 2 usage error.
 */
import { mkdirSync, readFileSync, rmSync, unlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { ParseArgsConfig } from 'node:util';
import { isValidDate, todayShanghai } from '../calendar/workdays.ts';
import type { Finding, Lang } from '../core/finding.ts';
import { defaultDataRoot } from '../core/paths.ts';
import type { AccountFile, App, CertifiedEntity, Change, Event, Person, Platform, Vendor } from '../generated/types.ts';
import { nextStepsFor } from '../policy/deadlines.ts';
import { deriveState } from '../core/lifecycle.ts';
import { formatFinding } from '../report/text.ts';
import { Asker } from '../scaffold/ask.ts';
import { judgeChange, type PendingChange } from '../scaffold/guard.ts';
import {
  accountJson,
  CATEGORIES,
  categoryForKind,
  CERT_STATUSES,
  CONTENT_TYPES,
  EVIDENCE_KINDS,
  FUNCTIONS,
  HANDOVER_FACTS,
  MODES,
  parsePerson,
  parsePlatform,
  PLATFORM_SLUG,
  PLATFORMS,
  QUALIFICATIONS,
  RECORD_STAGES,
  RECORD_TYPES,
  ROLE_ZH,
  schemaRef,
  staleReviewers,
  SUB_TYPES,
  teamChanges,
  teamNames,
  translator,
  validators,
  type AccountFunction,
  type EvidenceKind,
  type RecordType,
  type Tr,
} from '../scaffold/model.ts';
import { formatLaterSteps, formatSteps, gitCommands, laterStepsFor, prInstructions, type GitPlan, type ScaffoldKind } from '../scaffold/next-steps.ts';
import { isPromptExit, terminalPrompts, type Prompts } from '../scaffold/prompts.ts';
import { findDataRoot, indexRegister, readAccount, regionName, unitOfCwd, type RegisterIndex, type UnitInfo } from '../scaffold/registry.ts';
import { langOf, langValue, parseArgsError, usageText, UsageError } from '../core/cli-args.ts';
import { commandHelp, parseCommand, parseOptionsOf } from './table.ts';
import { parseJson } from '../core/jsonpos.ts';
import { BASELINE_FILE, BASELINE_GROWTH_LABEL } from '../core/exceptions.ts';

export interface Io {
  out(s: string): void;
  err(s: string): void;
}

export interface ScaffoldDeps {
  /** Prompt functions (default @inquirer/prompts). Injecting them makes the run interactive. */
  prompts?: Prompts;
  /** Folder the command runs in (default process.cwd()): the default unit is the one it is in. */
  cwd?: string;
  /** Is there a terminal to ask on? (default process.stdin.isTTY) */
  tty?: boolean;
}

const OPEN = parseOptionsOf('new');
const BACKFILL = parseOptionsOf('backfill');
const CHANGE = parseOptionsOf('change');
const CLOSE = parseOptionsOf('close');
const RECORD = parseOptionsOf('record');

interface Ctx {
  io: Io;
  lang: Lang;
  t: Tr;
  now: string;
  root: string;
  cwd: string;
  idx: RegisterIndex;
  ask: Asker;
  v: ReturnType<typeof validators>;
  /** Every answer as the flag that would give it: the draft and the equivalent --yes command. */
  record: Map<string, string | string[] | boolean>;
  /** The host unit's existing accounts (their staff are offered for reuse). */
  unitAccounts: AccountFile[];
  /** Whether the measures that apply require a section head (found by the early check); undefined = not known. */
  sectionHeadRequired?: boolean;
  /** 原则上: the justification the clerk gave when the early check asked for it (written on the filing). */
  justification?: string;
}

type Values = Record<string, string | boolean | string[] | undefined>;

// ---------------------------------------------------------------- handover facts some measures ask about

/** 綦江 第二十三条（保密承诺）and 六安 第三十二条（二）（上岗前保密审查和培训）: recorded on the 人员交接 event (scaffold/model.ts, shared with the page). */

/**
 * Whether a rule of the account's region judges this handover fact: the same handover is judged with the
 * fact false and true, and the question matters when the verdicts differ (as the browser assistant decides
 * which optional questions to ask — from the modules, not from city names).
 */
export async function handoverFactMatters(root: string, now: string, rel: string, account: AccountFile, date: string, field: (typeof HANDOVER_FACTS)[number]['field']): Promise<boolean> {
  const trial = (v: boolean): PendingChange => {
    const c = structuredClone(account);
    c.events.push({ type: '人员交接', date, handover: { fromRole: '经办人员', toRole: '经办人员', credentialsRotated: true, [field]: v } });
    return { write: new Map([[rel, JSON.stringify(c, null, 2) + '\n']]), remove: [] };
  };
  const [no, yes] = await Promise.all([judgeChange(root, trial(false), { now }), judgeChange(root, trial(true), { now })]);
  return no.introduced.length !== yes.introduced.length;
}

// ---------------------------------------------------------------- drafts

interface DraftState {
  ctx: Ctx;
  draft: string;
  positional: string | undefined;
}

interface Draft {
  command: string;
  savedAt: string;
  values: Record<string, string | string[] | boolean>;
}

/**
 * 草稿：交互运行被拒绝、取消或中断时，已回答的内容存入登记簿根目录下的 .govmedia-draft-<命令>[-<编号>].json
 * （.gitignore 已忽略，不会提交），下次运行时可接着填写；同时打印等价的 --yes 命令。
 * A refused, cancelled or interrupted interactive run keeps its answers in a git-ignored draft at the
 * register's root and prints the equivalent --yes command, so nothing is lost.
 */
function draftFile(root: string, command: string, positional: string | undefined): string {
  const safe = positional && /^[a-z0-9-]{1,80}$/.test(positional) ? `-${positional}` : '';
  return path.join(root, `.govmedia-draft-${command}${safe}.json`);
}

function readDraft(file: string): Draft | undefined {
  try {
    const d = JSON.parse(readFileSync(file, 'utf8')) as Draft;
    return d && typeof d.values === 'object' && d.values !== null ? d : undefined;
  } catch {
    return undefined;
  }
}

function shellQuote(s: string): string {
  return s !== '' && !/[\s'"\\$`!*?#&;|<>(){}[\]~]/.test(s) ? s : `'${s.replace(/'/g, `'\\''`)}'`;
}

/** The command that repeats the answers without questions. */
export function yesCommand(command: string, positional: string | undefined, record: ReadonlyMap<string, string | string[] | boolean>): string {
  const parts = ['npx', 'govmedia', command, ...(positional ? [shellQuote(positional)] : [])];
  for (const [k, v] of record) {
    if (v === false) continue;
    if (v === true) parts.push(`--${k}`);
    else for (const x of Array.isArray(v) ? v : [v]) if (x !== '') parts.push(`--${k}`, shellQuote(x));
  }
  parts.push('--yes');
  return parts.join(' ');
}

function keepDraft(st: DraftState, command: string): void {
  const { ctx } = st;
  if (ctx.record.size === 0) return;
  const d: Draft = { command, savedAt: new Date().toISOString().slice(0, 19).replace('T', ' '), values: Object.fromEntries(ctx.record) };
  try {
    writeFileSync(st.draft, JSON.stringify(d, null, 2) + '\n');
  } catch {
    return;
  }
  ctx.io.err(ctx.t(`\n已回答的内容已存为草稿：${st.draft}（不会提交；下次运行 govmedia ${command} 时可接着填写）。`, `\nYour answers are kept in a draft: ${st.draft} (not committed; the next run can continue from it).`));
  ctx.io.err(ctx.t('等价的命令（修改后可直接运行，不再提问）：', 'The equivalent command (edit and run it; no questions):'));
  ctx.io.err('  ' + yesCommand(command, st.positional, ctx.record));
}

async function run(
  command: 'new' | 'backfill' | 'change' | 'close' | 'record',
  args: string[],
  io: Io,
  deps: ScaffoldDeps,
  options: NonNullable<ParseArgsConfig['options']>,
  positionals: number,
  body: (values: Values, pos: string[], ctx: Ctx) => Promise<number>,
): Promise<number> {
  const lang = langOf(args);
  const t = translator(lang);
  let state: DraftState | undefined;
  try {
    const parsed = parseCommand(command, args);
    const values = parsed.values as Values;
    if (values.help) {
      io.out(commandHelp(command, lang));
      return 0;
    }
    langValue(values.lang);
    const now = typeof values.now === 'string' ? values.now : todayShanghai();
    if (!isValidDate(now)) throw new UsageError(t(`--now 须为有效日期 YYYY-MM-DD（收到 ${now}）`, `--now must be a date YYYY-MM-DD (got ${now})`));
    if (parsed.positionals.length > positionals) throw new UsageError(t(`多余的参数：${parsed.positionals.slice(positionals).join(' ')}`, `unexpected arguments: ${parsed.positionals.slice(positionals).join(' ')}`));
    const cwd = deps.cwd ?? process.cwd();
    const root = typeof values.root === 'string' ? path.resolve(cwd, values.root) : (findDataRoot(cwd) ?? defaultDataRoot(cwd));
    const idx = indexRegister(root);
    if (idx.units.size === 0) throw new UsageError(t(`${root} 下没有登记簿（accounts/ 中没有任何单位）；请在登记簿仓库中运行，或用 --root 指定`, `no register under ${root}; run inside the register or pass --root`));
    let prompts: Prompts | undefined;
    if (!values.yes) {
      const tty = deps.tty ?? Boolean(process.stdin.isTTY && process.stdout.isTTY);
      if (deps.prompts) prompts = deps.prompts;
      else if (tty) prompts = terminalPrompts(lang);
      else throw new UsageError(t('当前没有可以提问的终端：请用参数提供全部信息并加上 --yes（运行 govmedia ' + command + ' --help 查看参数）', 'no terminal to ask on: pass every value as a flag and add --yes'));
    }
    const record = new Map<string, string | string[] | boolean>();
    const draft = draftFile(root, command, parsed.positionals[0]);
    if (prompts) {
      const saved = readDraft(draft);
      if (saved && (await prompts.confirm({ message: t(`发现上次未完成的草稿（${saved.savedAt}），是否接着填写？`, `A draft from ${saved.savedAt} was found. Continue from it?`), default: true }))) {
        for (const [k, v] of Object.entries(saved.values)) if (values[k] === undefined && k in options) values[k] = v;
      }
    }
    for (const [k, v] of Object.entries(values)) if (v !== undefined && !['help', 'yes', 'lang', 'root'].includes(k)) record.set(k, v);
    const ctx: Ctx = { io, lang, t, now, root, cwd, idx, ask: new Asker(prompts, t, record), v: validators(t, now), record, unitAccounts: [] };
    state = { ctx, draft, positional: parsed.positionals[0] };
    const code = await body(values, parsed.positionals, ctx);
    if (code === 0) rmSync(draft, { force: true });
    else if (prompts) keepDraft(state, command);
    return code;
  } catch (e) {
    const u = e instanceof UsageError ? e : parseArgsError(e);
    const interrupted = isPromptExit(e);
    if (state && state.ctx.ask.interactive && (u || interrupted)) keepDraft(state, command);
    if (u) {
      io.err(usageText(u, lang, command));
      return 2;
    }
    if (interrupted) {
      io.err(t('已取消，没有写入任何文件。', 'Cancelled; nothing was written.'));
      return 1;
    }
    throw e;
  }
}

const str = (v: unknown): string | undefined => (typeof v === 'string' ? v : undefined);
const strs = (v: unknown): string[] | undefined => (Array.isArray(v) ? (v as string[]) : undefined);
const bool = (v: unknown): boolean | undefined => (typeof v === 'boolean' ? v : undefined);

function unitLabel(ctx: Ctx, u: UnitInfo): string {
  return `${u.data.name}（${regionName(ctx.idx, u.regionId)}）`;
}

function unitChoices(ctx: Ctx, exclude?: string): { value: string; name: string; description: string }[] {
  return [...ctx.idx.units.values()]
    .filter((u) => u.data.kind !== '内设机构' && u.id !== exclude)
    .sort((a, b) => (a.dir < b.dir ? -1 : a.dir > b.dir ? 1 : 0))
    .map((u) => ({ value: u.id, name: unitLabel(ctx, u), description: `${u.id} · ${u.data.kind}` }));
}

function parseUnit(ctx: Ctx): (s: string) => string | undefined {
  return (s) => (ctx.idx.units.has(s) ? s : [...ctx.idx.units.values()].find((u) => u.data.name === s || u.data.shortName === s || (u.data.aliases ?? []).includes(s))?.id);
}

// ---------------------------------------------------------------- people

const ROLES = {
  principal: { zh: ROLE_ZH.principal, en: 'head of unit', flag: 'principal' },
  inCharge: { zh: ROLE_ZH.inCharge, en: 'officer in charge', flag: 'in-charge' },
  sectionHead: { zh: ROLE_ZH.sectionHead, en: 'section head', flag: 'section-head' },
  operator: { zh: '经办人员', en: 'operator', flag: 'operator' },
} as const;
type RoleKey = keyof typeof ROLES;

function personFromFlag(ctx: Ctx, role: RoleKey, value: string): Person {
  try {
    return parsePerson(value, ctx.t, ctx.t(ROLES[role].zh, ROLES[role].en));
  } catch (e) {
    throw new UsageError(`--${ROLES[role].flag}：${(e as Error).message}`);
  }
}

async function promptPerson(ctx: Ctx, label: string, current: Person | undefined, defaultPosition: string): Promise<Person> {
  const p = ctx.ask.prompts!;
  const t = ctx.t;
  const name = (await p.input({ message: t(`${label}姓名`, `${label}: name`), ...(current ? { default: current.name } : {}), validate: ctx.v.required(t('姓名', 'the name'), 30) })).trim();
  const position = (await p.input({ message: t(`${label}的单位及职务`, `${label}: unit and position`), default: current?.position ?? defaultPosition, validate: ctx.v.required(t('职务', 'the position'), 60) })).trim();
  const officePhone = (await p.input({ message: t(`${label}办公电话（例如 0813-0000001，没有可留空）`, `${label}: office phone (optional)`), ...(current?.officePhone ? { default: current.officePhone } : {}), validate: ctx.v.officePhone })).trim();
  const mobile = (await p.input({ message: t(`${label}手机号码（11 位，没有可留空）`, `${label}: mobile (11 digits, optional)`), ...(current?.mobile ? { default: current.mobile } : {}), validate: ctx.v.mobile })).trim();
  const out: Person = { name, position };
  if (officePhone) out.officePhone = officePhone;
  if (mobile) out.mobile = mobile;
  return out;
}

/** A person from a flag, or asked, or (non-interactive) missing → usage error. */
async function getPerson(ctx: Ctx, role: RoleKey, flagValue: string | undefined, unitName: string, label?: string): Promise<Person> {
  if (flagValue !== undefined) return personFromFlag(ctx, role, flagValue);
  if (!ctx.ask.interactive) throw new UsageError(ctx.t(`缺少参数 --${ROLES[role].flag} "姓名,职务,办公电话,手机"（使用 --yes 时必须提供）`, `missing --${ROLES[role].flag} "name,position,office phone,mobile"`));
  const p = (await pickStaff(ctx, label ?? ctx.t(ROLES[role].zh, ROLES[role].en))) ?? (await promptPerson(ctx, label ?? ctx.t(ROLES[role].zh, ROLES[role].en), undefined, `${unitName} ${ROLES[role].zh}`));
  ctx.record.set(ROLES[role].flag, personFlag(p));
  return p;
}

/** "姓名,职务,办公电话,手机": a person as the flag takes it. */
function personFlag(p: Person): string {
  return [p.name, p.position, p.officePhone ?? '', p.mobile ?? ''].join(',');
}

function unitAccountsOf(ctx: Ctx, unit: UnitInfo): AccountFile[] {
  const out: AccountFile[] = [];
  for (const rels of ctx.idx.accountPaths.values()) {
    for (const rel of rels) {
      if (path.posix.dirname(rel) !== `accounts/${unit.dir}`) continue;
      const a = readAccount(ctx.root, rel);
      if (a) out.push(a.data);
    }
  }
  return out;
}

/** The people already on the unit's other accounts, to offer for reuse. */
function unitStaff(ctx: Ctx): Person[] {
  const out = new Map<string, Person>();
  for (const a of ctx.unitAccounts) {
    const t = a.team;
    if (!t) continue; // a backfilled account whose team is unknown
    for (const p of [t.principal, t.inCharge, ...(t.sectionHead ? [t.sectionHead] : []), ...t.operators]) if (!out.has(p.name)) out.set(p.name, p);
  }
  return [...out.values()];
}

/** Offer the unit's existing staff for a role; undefined = a new person is to be entered. */
async function pickStaff(ctx: Ctx, label: string): Promise<Person | undefined> {
  const staff = unitStaff(ctx);
  if (!staff.length || !ctx.ask.interactive) return undefined;
  const NEW = '\u0000new';
  const v = await ctx.ask.prompts!.select<string>({
    message: ctx.t(`${label}：选用本单位其他账号已登记的人员，或新填一位`, `${label}: reuse someone on the unit's other accounts, or enter a new person`),
    choices: [...staff.map((p) => ({ value: p.name, name: `${p.name}（${p.position}）` })), { value: NEW, name: ctx.t('新填一位', 'someone new') }],
  });
  return v === NEW ? undefined : staff.find((p) => p.name === v);
}

async function getTeam(ctx: Ctx, values: Values, unitName: string): Promise<NonNullable<AccountFile['team']>> {
  const t = ctx.t;
  const principal = await getPerson(ctx, 'principal', str(values.principal), unitName);
  const inCharge = await getPerson(ctx, 'inCharge', str(values['in-charge']), unitName);
  let sectionHead: Person | undefined;
  const sh = str(values['section-head']);
  if (sh !== undefined) sectionHead = personFromFlag(ctx, 'sectionHead', sh);
  // jurisdiction-aware: where the measures require a section head it is asked for, not offered
  else if (ctx.ask.interactive && (ctx.sectionHeadRequired === true || (await ctx.ask.yesNo(undefined, { message: ctx.sectionHeadRequired === false ? t('是否登记科室负责人？（本地办法未要求，可不登记）', 'Record a section head? (not required here)') : t('是否登记科室负责人？（六安等地要求登记）', 'Record a section head?'), default: ctx.sectionHeadRequired !== false })))) {
    if (ctx.sectionHeadRequired) ctx.io.out(t('本地的管理办法要求登记科室负责人。', 'The measures here require a section head.'));
    sectionHead = (await pickStaff(ctx, t('科室负责人', 'section head'))) ?? (await promptPerson(ctx, t('科室负责人', 'section head'), undefined, `${unitName} 科室负责人`));
    ctx.record.set('section-head', personFlag(sectionHead));
  }
  const opFlags = strs(values.operator);
  let operators: Person[];
  if (opFlags && opFlags.length) operators = opFlags.map((o) => personFromFlag(ctx, 'operator', o));
  else if (ctx.ask.interactive) {
    const n = await ctx.ask.count(undefined, { message: t('经办人员有几位？', 'How many operators?'), default: 1, min: 1, max: 10 });
    operators = [];
    for (let i = 0; i < n; i++) {
      const label = n > 1 ? t(`经办人员${i + 1}`, `operator ${i + 1}`) : t('经办人员', 'operator');
      operators.push((await pickStaff(ctx, label)) ?? (await promptPerson(ctx, label, undefined, `${unitName} 经办人员`)));
    }
    ctx.record.set('operator', operators.map(personFlag));
  } else throw new UsageError(t('缺少参数 --operator "姓名,职务,办公电话,手机"（至少一位经办人员）', 'missing --operator "name,position,office phone,mobile"'));
  const team: NonNullable<AccountFile['team']> = { principal, inCharge, ...(sectionHead ? { sectionHead } : {}), operators };
  const review = await getReview(ctx, values, team);
  if (review) team.review = review;
  return team;
}

/** The review chain (编辑 / 审核 / 终审): names of team members. */
async function getReview(ctx: Ctx, values: Values, team: NonNullable<AccountFile['team']>, current?: NonNullable<AccountFile['team']>['review']): Promise<NonNullable<AccountFile['team']>['review'] | undefined> {
  const t = ctx.t;
  const names = teamNames(team);
  const flags = { editors: strs(values.editor), reviewers: strs(values.reviewer), finalApprovers: strs(values['final-approver']) };
  const given = Object.values(flags).some((x) => x && x.length);
  const check = (flag: string, list: string[]): string[] => {
    for (const n of list) if (!names.includes(n)) throw new UsageError(t(`--${flag}：“${n}”不是管理队伍中的成员（可选：${names.join('、')}）`, `--${flag}: "${n}" is not on the team (${names.join(', ')})`));
    return list;
  };
  if (given) {
    const r: NonNullable<NonNullable<AccountFile['team']>['review']> = { ...(current ?? {}) };
    if (flags.editors?.length) r.editors = check('editor', flags.editors);
    if (flags.reviewers?.length) r.reviewers = check('reviewer', flags.reviewers);
    if (flags.finalApprovers?.length) r.finalApprovers = check('final-approver', flags.finalApprovers);
    return r;
  }
  if (!ctx.ask.interactive) return current;
  const p = ctx.ask.prompts!;
  const pick = async (message: string, exclude: string[], dflt?: string): Promise<string | undefined> => {
    const choices = names.filter((n) => !exclude.includes(n)).map((n) => ({ value: n, name: n }));
    if (!choices.length) return undefined;
    return p.select<string>({ message, choices, ...(dflt && choices.some((c) => c.value === dflt) ? { default: dflt } : {}) });
  };
  ctx.io.out(t('内容审核分工：编辑（初审）、审核（复审）、终审须由不同的人担任（严禁自编自审自发）。', 'Review chain: editor, reviewer and final approver must be different people.'));
  // several people may share a step: after the first, more can be added (each person in one step only)
  const more = async (role: string, first: string, exclude: string[]): Promise<string[]> => {
    const out = [first];
    const rest = names.filter((n) => !exclude.includes(n) && n !== first);
    if (rest.length < 2) return out; // keep at least one person for the later steps
    if (await p.confirm({ message: t(`还有其他人担任${role}吗？`, `Anyone else as ${role}?`), default: false })) {
      const extra = await p.checkbox<string>({ message: t(`另外担任${role}的人员（空格选择）`, `Others as ${role} (space to select)`), choices: rest.slice(0, -1).map((n) => ({ value: n, name: n })) });
      out.push(...extra);
    }
    return out;
  };
  const editor = await pick(t('谁担任信息编辑（初审）？', 'Who edits (first review)?'), [], current?.editors?.[0] ?? team.operators[0]?.name);
  if (!editor) return current;
  const editors = await more(t('编辑', 'editor'), editor, []);
  const reviewer = await pick(t('谁担任审核（复审）？（不能与编辑为同一人）', 'Who reviews? (not the editor)'), editors, current?.reviewers?.[0] ?? team.sectionHead?.name);
  ctx.record.set('editor', editors);
  if (!reviewer) return { editors };
  const reviewers = await more(t('审核', 'reviewer'), reviewer, editors);
  ctx.record.set('reviewer', reviewers);
  const finalApprover = await pick(t('谁担任终审？（不能与编辑、审核为同一人）', 'Who gives final approval? (neither of the above)'), [...editors, ...reviewers], current?.finalApprovers?.[0] ?? team.inCharge.name);
  if (finalApprover) ctx.record.set('final-approver', [finalApprover]);
  return { editors, reviewers, ...(finalApprover ? { finalApprovers: [finalApprover] } : {}) };
}

// ---------------------------------------------------------------- writing

interface Plan {
  kind: ScaffoldKind;
  account: AccountFile;
  /** The filing event the command appends (开设/补录/变更备案), where a 原则上 justification is written; none for a staff report. */
  filing?: Event;
  before?: AccountFile;
  /** Repo-relative path to write, and the old path when the file moves. */
  path: string;
  fromPath?: string;
  /** What the command will do, for the user (no personal data). */
  summary: string[];
  /** Attach a printed filing form. */
  form: boolean;
  subject: string;
}

function printFindings(ctx: Ctx, list: readonly Finding[], refusing = false): void {
  for (const f of list) {
    let s = formatFinding(f, ctx.lang);
    if (refusing && f.severity === 'warning') s += '\n' + ctx.t('    说明：办法把这一条定为警告，是为了不让历史记录阻断检查；新的备案不得新产生这种情况（确需保留的，须经主管单位审核的规则例外）。', '    note: the measures grade this a warning so that old records do not block; a new filing may not create it (unless a reviewed exception allows it).');
    ctx.io.err(s + '\n');
  }
}

/** Judge, confirm, write, and print the next steps. */
async function commit(ctx: Ctx, plan: Plan): Promise<number> {
  const t = ctx.t;
  const pending = (): PendingChange => ({
    write: new Map([[plan.path, accountJson(plan.account)]]),
    remove: plan.fromPath && plan.fromPath !== plan.path ? [plan.fromPath] : [],
    account: {
      id: plan.account.id,
      path: plan.path,
      ...(plan.fromPath ? { fromPath: plan.fromPath } : {}),
      ...(plan.before ? { before: plan.before } : {}),
      after: plan.account,
      unitName: (id) => ctx.idx.units.get(id)?.data.name ?? id,
    },
  });
  ctx.io.out(plan.summary.join('\n'));
  let change = pending();
  let j = await judgeChange(ctx.root, change, { now: ctx.now });
  // 原则上: findings a justification on this filing would answer; interactive runs ask for it and judge again
  const filing = plan.filing;
  const answerable = (): Finding[] => (filing && !filing.justification?.trim() ? j.justifiable.filter((n) => (n.filings as readonly string[]).includes(filing.type)).map((n) => n.finding) : []);
  // asked only where the justification is all that stands in the way (a legacy name of a back-fill does not refuse)
  const refusing = (): Finding[] => {
    const legacyNow = plan.kind === '补录' ? legacyNameFindings(j.blocking, plan.path, change.write.get(plan.path)!) : [];
    return j.blocking.filter((f) => !legacyNow.includes(f) || answerable().includes(f));
  };
  if (answerable().length && ctx.ask.interactive && refusing().every((f) => answerable().includes(f))) {
    const text = await askJustification(ctx, answerable());
    if (text) {
      filing!.justification = text;
      change = pending();
      j = await judgeChange(ctx.root, change, { now: ctx.now });
    }
  }
  // a back-filled account is recorded as it is: a legacy name that breaks a naming clause is a rectification item, not a refusal
  const legacy = plan.kind === '补录' ? legacyNameFindings(j.blocking, plan.path, change.write.get(plan.path)!) : [];
  const blocking = j.blocking.filter((f) => !legacy.includes(f));
  if (blocking.length) {
    ctx.io.err(t(`\n不能写入：按适用的管理办法，这样修改会产生 ${blocking.length} 个问题（未写入任何文件）：\n`, `\nRefused: under the measures that apply, this change would introduce ${blocking.length} problem(s) (nothing was written):\n`));
    printFindings(ctx, blocking, true);
    if (j.warnings.length) {
      ctx.io.err(t('另有以下警告：\n', 'And these warnings:\n'));
      printFindings(ctx, j.warnings);
    }
    const open = answerable().filter((f) => blocking.includes(f));
    if (open.length) ctx.io.err(justificationHowTo(ctx, open.length) + '\n');
    ctx.io.err(t('请按“修正”一栏修改后重新运行。确有特殊情况的，请联系主管单位申请经审核的规则例外（policies/exceptions/）。', 'Fix as described and run again; for a genuine special case, ask the supervising office for a reviewed exception (policies/exceptions/).'));
    return 1;
  }
  if (legacy.length) printLegacyName(ctx, legacy, plan.account, answerable().some((f) => legacy.includes(f)));
  if (j.awaiting.length) printAwaiting(ctx, j.awaiting);
  else if (filing?.justification && str(ctx.record.get('justification')) !== undefined && !j.introduced.length) {
    ctx.io.err(t('\n说明：本次备案没有需要例外理由的“原则上”条款；所写的例外理由仍写入备案事件，由主管单位在审核中阅知。\n', '\nNote: no rule that holds "in principle" calls for a justification here; the one given is still written on the filing for the supervising office.\n'));
  }
  if (j.warnings.length) {
    ctx.io.err(t(`\n请注意：以下 ${j.warnings.length} 条警告不阻止提交，但审核人会看到，需要说明理由：\n`, `\nNote: ${j.warnings.length} warning(s) do not block, but the reviewer will see them:\n`));
    printFindings(ctx, j.warnings);
  }
  if (ctx.ask.interactive) {
    const caution = j.warnings.length + legacy.length + j.awaiting.length > 0;
    const ok = await ctx.ask.prompts!.confirm({ message: caution ? t(`仍要写入 ${plan.path} 吗？`, `Write ${plan.path} anyway?`) : t(`确认写入 ${plan.path}？`, `Write ${plan.path}?`), default: !caution });
    if (!ok) {
      ctx.io.err(t('已取消，没有写入任何文件。', 'Cancelled; nothing was written.'));
      return 1;
    }
  }
  const abs = path.join(ctx.root, plan.path);
  mkdirSync(path.dirname(abs), { recursive: true });
  // the justification asked above is part of the draft and of the equivalent --yes command
  if (filing?.justification) ctx.record.set('justification', filing.justification);
  writeFileSync(abs, accountJson(plan.account));
  if (change.remove.length) for (const r of change.remove) unlinkSync(path.join(ctx.root, r));
  ctx.io.out(t(`\n✓ 已写入 ${plan.path}${change.remove.length ? `（由 ${change.remove.join('、')} 移入）` : ''}`, `\n✓ wrote ${plan.path}${change.remove.length ? ` (moved from ${change.remove.join(', ')})` : ''}`));

  // ---- next steps
  const doc = j.after.register.accountsById.get(plan.account.id);
  const steps = doc ? nextStepsFor(doc, j.after.register, j.after.policies, ctx.now) : [];
  const lines: string[] = ['', t('下一步：', 'Next steps:')];
  let n = 0;
  const item = (s: string): void => void lines.push(`${++n}. ${s}`);
  const later = doc ? laterStepsFor(doc, j.after.register, j.after.policies, ctx.now) : [];
  if (steps.length) {
    item(t('按以下期限办理（按法定工作日计算）：', 'Meet these deadlines (official working days):'));
    for (const s of formatSteps(steps, t)) lines.push(`   ${s}`);
  }
  if (later.length) {
    item(t('后续环节的期限（从该环节办结之日起算）：', 'Later deadlines (counted from the step that starts them):'));
    for (const s of formatLaterSteps(later, ctx.now, t)) lines.push(`   ${s}`);
  }
  if (!steps.length && !later.length && plan.kind !== '报备') {
    item(t('合并请求经主管单位批准后，按规定办理后续环节并在本文件中追加相应事件。', 'Once approved, carry out the next steps and append their events to this file.'));
  }
  if (plan.kind === '报备') item(t('在全国政务新媒体报送系统中同步修改人员和电话信息；本次合并请求即向主管单位的报备。', 'Update the staff and phones in the national reporting system as well; this pull request is the report to the supervising office.'));
  if (plan.form) item(t(`打印备案表：运行 govmedia form ${plan.account.id}，由主要负责人签字、加盖单位公章，扫描件作为合并请求的附件。`, `Print the filing form: govmedia form ${plan.account.id}; have it signed and stamped, and attach the scan to the pull request.`));
  const gp: GitPlan = { kind: plan.kind, id: plan.account.id, name: plan.account.name, platform: plan.account.platform, files: [plan.path, ...change.remove], subject: plan.subject };
  item(t('提交修改并推送（在登记簿仓库的根目录运行）：', 'Commit and push (from the root of the register repository):'));
  for (const c of gitCommands(gp)) lines.push(`   ${c}`);
  for (const s of prInstructions(t)) item(s);
  ctx.io.out(lines.join('\n'));
  return 0;
}

/**
 * 补录的存量账号按现状登记：落在账号名称上的错误（命名条款，例如六安 第十三条“应包括单位全称或规范简称”）
 * 不拒绝写入。它仍是一项真实的整改事项：检查照常报告，可更名，或经审核记入接入基线（整改清单）。
 * A back-filled account is recorded as it exists: errors on its name (naming clauses) do not refuse the
 * write; they stay findings (a real rectification item) that a rename fixes or the baseline lists.
 */
function legacyNameFindings(blocking: readonly Finding[], rel: string, text: string): Finding[] {
  const nameLine = parseJson(text).locate(['name']).line;
  return blocking.filter((f) => f.file === rel && f.line === nameLine && !f.ruleId.startsWith('pr/'));
}

function printLegacyName(ctx: Ctx, list: readonly Finding[], a: AccountFile, justifiable = false): void {
  const { t } = ctx;
  ctx.io.err(t(`\n请注意：存量账号“${a.name}”的现有名称不符合以下命名条款。补录按账号的现状登记，所以仍会写入；但这是一项需要整改的问题，检查（validate、合并请求）会继续报告它：\n`, `\nNote: the existing name of "${a.name}" breaks the naming clauses below. A back-fill records the account as it is, so the file is written; but this is a rectification item, and validate and the PR check keep reporting it:\n`));
  for (const f of list) ctx.io.err(formatFinding(f, ctx.lang) + '\n');
  ctx.io.err(
    t(
      `处理方式（二选一）：\n  1. 向平台申请更名，办理变更备案：govmedia change ${a.id}；\n  2. 暂不能更名的，由主管单位审核后记入接入基线（整改清单）：维护者运行 govmedia baseline --due <整改期限> 更新 ${BASELINE_FILE}，合并请求加标签“${BASELINE_GROWTH_LABEL}”；此后该问题不再阻断检查，但仍列出，并在 govmedia monitor 的整改清单中按期限跟踪，更名后运行 govmedia baseline --prune 移除。`,
      `Either rename the account on the platform and file a change (govmedia change ${a.id}), or, where it cannot be renamed yet, have the supervising office approve it for the adoption baseline: a maintainer runs govmedia baseline --due <date> to update ${BASELINE_FILE} and labels the PR "${BASELINE_GROWTH_LABEL}"; it then stops blocking but stays listed and is tracked on monitor's rectification list until govmedia baseline --prune removes it.`,
    ) + '\n',
  );
  if (justifiable) ctx.io.err(t('其中按“原则上”条款判断的，确需保留现名时也可在补录备案中写明例外理由（--justification "<例外理由>"），经主管单位审核同意后不再报告。\n', 'Where a clause holds "in principle", the back-fill may instead record a justification (--justification "<text>"); once the supervising office approves it, it is no longer reported.\n'));
}

// ---------------------------------------------------------------- 原则上: the justification

/** A justification as the schema takes it (1–1000 characters). */
function justificationCheck(t: Tr): (s: string) => true | string {
  return (s) => (s.trim().length > 1000 ? t(`例外理由不超过 1000 字（现有 ${s.trim().length} 字）`, `at most 1000 characters (now ${s.trim().length})`) : true);
}

/**
 * “原则上”条款（Rule.justification）：这样办理本会被拒绝，但确有理由的，可在备案事件中写明例外理由，
 * 由主管单位在审核中决定是否同意。交互运行时询问；留空即不写（照常拒绝）。
 * Ask the clerk for the justification the findings call for; empty = none (the filing is refused as before).
 */
async function askJustification(ctx: Ctx, findings: readonly Finding[]): Promise<string | undefined> {
  const { t } = ctx;
  ctx.io.err(t(`\n以下 ${findings.length} 项按“原则上”条款判断：这样办理本会被拒绝；确有理由的，可以在备案中写明例外理由，由主管单位在审核中决定是否同意（同意后方可成立）：\n`, `\n${findings.length} finding(s) below come from rules that hold "in principle": as it stands the filing is refused; with a genuine reason you may record a justification on the filing, which the supervising office approves or not in review:\n`));
  printFindings(ctx, findings);
  const text = await ctx.ask.text('justification', undefined, { message: t('例外理由（写明为什么确需这样办理，将写入备案事件并由主管单位审核；没有理由请留空，本次不写入）', 'Justification (why it is really needed; written on the filing for the supervising office to approve; leave empty if there is none)'), optional: true, validate: justificationCheck(t) });
  return text || undefined;
}

/** How to add a justification, after a refusal that one would answer. */
function justificationHowTo(ctx: Ctx, n: number): string {
  const { t } = ctx;
  return ctx.ask.interactive
    ? t(`其中 ${n} 项按“原则上”条款判断：确有理由的，请重新运行并在提问时填写例外理由（或加上 --justification "<例外理由>"）；理由写入备案事件，由主管单位在审核中决定是否同意。`, `${n} of them come from rules that hold "in principle": with a genuine reason, run again and give the justification when asked (or add --justification "<text>"); the supervising office approves it or not in review.`)
    : t(`其中 ${n} 项按“原则上”条款判断：确有理由的，可加上 --justification "<例外理由>" 重新运行；理由写入备案事件，由主管单位在审核中决定是否同意。`, `${n} of them come from rules that hold "in principle": with a genuine reason, run again with --justification "<text>"; the reason is written on the filing and the supervising office approves it or not in review.`);
}

/** A justification is written: the supervising office decides in review; until it approves, the checks report it. */
function printAwaiting(ctx: Ctx, list: readonly Finding[]): void {
  const { t } = ctx;
  ctx.io.err(
    t(
      `\n已写明例外理由：主管单位须在审核中同意这一理由，方可成立（同意后在本文件追加“主管审核”事件，decision 为“同意”）。合并请求会因此要求主管单位审批；主管单位同意之前，检查会报告以下 ${list.length} 项：\n`,
      `\nA justification is recorded: it stands only once the supervising office approves it in review (then a 主管审核 event with decision 同意 is appended to this file). The pull request therefore asks the supervising office to approve; until it does, the checks report these ${list.length} finding(s):\n`,
    ),
  );
  printFindings(ctx, list);
}

function lastEventDate(a: AccountFile): string | undefined {
  let d: string | undefined;
  for (const e of a.events) if (!d || e.date > d) d = e.date;
  return d;
}

async function getDate(ctx: Ctx, values: Values, message: string, notBefore?: string): Promise<string> {
  return ctx.ask.text('date', str(values.date), { message, default: ctx.now, validate: ctx.v.dateNotBefore(notBefore) });
}

/**
 * 主办单位意见：谁同意、何时同意。交互时逐项询问（不替经办人员写“同意”）；--yes 时取 --decision-by
 * （默认“主要负责人”）和 --decision-date（默认备案日期）。
 * The unit's decision: asked (who agreed, when) instead of written for the clerk.
 */
async function decision(ctx: Ctx, values: Values, date: string): Promise<NonNullable<Event['unitDecision']>> {
  const { ask, t } = ctx;
  if (ask.interactive && str(values['decision-by']) === undefined) {
    const agreed = await ask.yesNo(undefined, { message: t('这次备案是否已经取得主办单位同意？（主要负责人同意或集体研究）', 'Has the host unit agreed to this filing (head of unit, or a collective decision)?'), default: true });
    if (!agreed) throw new UsageError(t('主办单位同意后才能备案：请先报主要负责人同意（或集体研究），再运行本命令。', 'The host unit must agree before filing.'));
  }
  const by = ask.interactive ? await ask.text('decision-by', str(values['decision-by']), { message: t('由谁同意？（主要负责人的姓名或职务，或“集体研究”）', 'Who agreed? (the head of unit, or 集体研究)'), validate: ctx.v.required(t('同意人', 'who agreed'), 60) }) : (str(values['decision-by'])?.trim() || '主要负责人');
  const when = await ask.text('decision-date', str(values['decision-date']), { message: t('何时同意？（YYYY-MM-DD，不晚于备案日期）', 'When? (YYYY-MM-DD, not after the filing date)'), default: date, validate: (s) => { const r = ctx.v.date(s); return r !== true ? r : s.trim() > date ? t(`同意日期不能晚于备案日期 ${date}`, `not after the filing date ${date}`) : true; } });
  ctx.record.set('decision-by', by);
  ctx.record.set('decision-date', when);
  return { decision: '同意', date: when, by };
}

// ---------------------------------------------------------------- new / backfill

async function openAccount(kind: '开设' | '补录', values: Values, ctx: Ctx): Promise<number> {
  const { t, ask, v, idx } = ctx;
  ctx.io.out(kind === '开设' ? t('开设备案：为主办单位新建一个政务新媒体账号文件。', 'Opening filing: a new account file for a host unit.') : t('补录备案：登记一个已经开通、但从未备案的账号。', 'Back-fill: register an account that exists but was never filed.'));
  const here = unitOfCwd(idx, ctx.cwd);
  const unitId = await ask.choose('unit', str(values.unit), { message: t('主办单位（谁开设、谁主办）', 'Host unit'), choices: unitChoices(ctx), ...(here ? { default: here.id } : {}), parse: parseUnit(ctx) });
  const unit = idx.units.get(unitId)!;
  ctx.unitAccounts = unitAccountsOf(ctx, unit);
  const platform = await ask.choose<Platform>('platform', str(values.platform), { message: t('平台', 'Platform'), choices: PLATFORMS.map((p) => ({ value: p, name: p })), parse: parsePlatform });
  let subType: AccountFile['subType'];
  if (platform === '微信公众号') subType = await ask.choose<(typeof SUB_TYPES)[number]>('sub-type', str(values['sub-type']), { message: t('公众号类型', 'Official account type'), choices: SUB_TYPES.map((s) => ({ value: s, name: s })), default: '订阅号', parse: (s) => SUB_TYPES.find((x) => x === s) });
  else if (str(values['sub-type']) !== undefined) throw new UsageError(t('--sub-type 只适用于微信公众号', '--sub-type applies to 微信公众号 only'));
  const name = await ask.text('name', str(values.name), { message: t('账号名称（与平台上公开显示的名称一致）', 'Account name (as shown on the platform)'), validate: v.name });
  const taken = (id: string): boolean => idx.accountPaths.has(id);
  let proposal = `${unit.id}-${PLATFORM_SLUG[platform]}`;
  for (let i = 2; taken(proposal); i++) proposal = `${unit.id}-${PLATFORM_SLUG[platform]}-${i}`;
  const id = await ask.text('id', str(values.id), { message: t('账号编号（文件名，小写字母、数字和连字符）', 'Account id (file name)'), default: proposal, validate: v.id(taken) });
  // judge what is known now (unit, platform, name): a refusal they cause shows here, not after every other question
  if (ask.interactive) {
    const early = await earlyRefusal(ctx, { kind, unit, platform, ...(subType ? { subType } : {}), name, id });
    if (early) return early;
  }
  const contentType = await ask.choose<(typeof CONTENT_TYPES)[number]>('content-type', str(values['content-type']), { message: t('主要内容类型', 'Main content type'), choices: CONTENT_TYPES.map((c) => ({ value: c, name: c === '图文' ? '图文（以文字图片为主）' : '音视频（以音视频为主）' })), default: platform === '抖音' || platform === '快手' || platform === '微信视频号' || platform === '哔哩哔哩' ? '音视频' : '图文', parse: (s) => CONTENT_TYPES.find((x) => x === s) });
  const functions = await ask.many<AccountFunction>('functions', strs(values.functions), { message: t('账号功能（空格选择，回车确认）', 'Functions (space to select, enter to confirm)'), choices: FUNCTIONS, defaults: ['信息发布'], required: true });
  const entityName = await ask.text('certified-entity', str(values['certified-entity']), { message: t('认证主体（平台机构认证所用的单位全称）', 'Certified entity (full name)'), default: unit.data.name, validate: v.required(t('认证主体', 'the certified entity'), 100) });
  const category = await ask.choose<CertifiedEntity['category']>('category', str(values.category), { message: t('认证主体分类', 'Category of the certified entity'), choices: CATEGORIES.map((c) => ({ value: c, name: c })), default: categoryForKind(unit.data.kind), parse: (s) => CATEGORIES.find((x) => x === s) });
  const certifiedEntity: CertifiedEntity = { name: entityName, category };
  const entityUnit = [...idx.units.values()].find((u) => u.data.name === entityName);
  if (entityUnit) certifiedEntity.unit = entityUnit.id;
  const operatingUnit = await ask.text('operating-unit', str(values['operating-unit']), { message: t('运营单位（承办单位）全称', 'Operating unit'), default: unit.data.name, validate: v.required(t('运营单位', 'the operating unit'), 100) });
  const mode = await ask.choose<(typeof MODES)[number]>('mode', str(values.mode), { message: t('运营模式', 'Operating mode'), choices: MODES.map((m) => ({ value: m, name: m === '购买服务' ? '购买服务（服务外包）' : '自营' })), default: '自营', parse: (s) => MODES.find((x) => x === s) });
  let vendor: Vendor | undefined;
  if (mode === '购买服务') {
    const vname = await ask.text('vendor', str(values.vendor), { message: t('服务外包单位名称', 'Vendor name'), validate: v.required(t('服务外包单位名称', 'the vendor name'), 100) });
    let quals: string[];
    const qf = strs(values.qualification);
    if (qf?.length) quals = qf.flatMap((q) => q.split(/[,，、]/)).map((q) => ask.checkFlag('qualification', q, v.required(t('资质', 'a qualification'), 60))).filter(Boolean);
    else if (ask.interactive) {
      quals = await ask.prompts!.checkbox<string>({ message: t('外包单位具备的资质（空格选择；新闻采编资质即“互联网新闻信息服务许可”）', 'Vendor qualifications'), choices: QUALIFICATIONS.map((q) => ({ value: q, name: q })) });
      const more = await ask.text('qualification', undefined, { message: t('其他资质（多个用逗号分隔，没有可留空）', 'Other qualifications (comma-separated, optional)'), optional: true });
      quals.push(...more.split(/[,，、]/).map((q) => q.trim()).filter((q) => q && q.length <= 60));
    } else quals = [];
    quals = [...new Set(quals)];
    vendor = { name: vname, ...(quals.length ? { qualifications: quals } : {}) };
    const ad = str(values['agreement-date']);
    if (ad !== undefined) vendor.confidentialityAgreement = { signed: true, date: ask.checkFlag('agreement-date', ad, v.date) };
    else if (ask.interactive) {
      const signed = await ask.yesNo(undefined, { message: t('已与外包单位签订保密安全协议？', 'Confidentiality agreement signed?'), default: true });
      vendor.confidentialityAgreement = signed ? { signed, date: await ask.text('agreement-date', undefined, { message: t('保密安全协议签订日期', 'Date signed'), validate: v.date }) } : { signed };
    } else vendor.confidentialityAgreement = { signed: false };
  } else if (str(values.vendor) !== undefined) throw new UsageError(t('--vendor 只适用于运营模式“购买服务”（请同时给出 --mode 购买服务）', '--vendor needs --mode 购买服务'));

  let app: App | undefined;
  if (platform === '移动客户端') app = await getApp(ctx, values);

  const team = await getTeam(ctx, values, unit.data.name);

  let certification: AccountFile['certification'] = { status: '未认证' };
  let opened: string | undefined;
  let homepage = str(values.homepage);
  if (kind === '补录') {
    opened = await ask.text('opened', str(values.opened), { message: t('该账号在平台开通的日期（YYYY-MM-DD）', 'Date the account was opened on the platform'), validate: v.date });
    const status = await ask.choose<(typeof CERT_STATUSES)[number]>('certification', str(values.certification), { message: t('平台认证情况', 'Platform certification'), choices: CERT_STATUSES.map((s) => ({ value: s, name: s })), default: '已认证', parse: (s) => CERT_STATUSES.find((x) => x === s) });
    const publicInfo = status === '未认证' ? '' : await ask.text('public-info', str(values['public-info']), { message: t('平台公开认证信息（应标明主办单位名称）', 'Public certification text (should name the host unit)'), default: unit.data.name, validate: v.required(t('认证信息', 'the certification text'), 200) });
    certification = { status, ...(publicInfo ? { publicInfo } : {}) };
    if (homepage === undefined && ask.interactive) homepage = await ask.text('homepage', undefined, { message: t('账号主页地址（URL，没有可留空）', 'Home page URL (optional)'), optional: true, validate: urlCheck(t) });
  }
  if (homepage === undefined && ask.interactive && kind === '开设') homepage = await ask.text('homepage', undefined, { message: t('账号主页地址（URL；平台上尚未注册的可留空，注册后以“信息报备”补上）', 'Home page URL (optional; add it once registered)'), optional: true, validate: urlCheck(t) });
  if (homepage) homepage = ask.checkFlag('homepage', homepage, urlCheck(t));
  // the citizen lookup needs the platform account id (微信号, 抖音号…)
  const platformAccountId = (await ask.text('platform-account-id', str(values['platform-account-id']), { message: t('平台账号 ID（微信号、抖音号等，公众据此查询真伪；尚未注册的可留空）', 'Platform account id (optional)'), optional: true })).trim();
  if (homepage) ctx.record.set('homepage', homepage);
  const reasonHint = kind === '开设' ? t('开办理由（写明开办的必要性、信息发布来源和更新保障机制；上级要求的注明文件）', 'Reason for opening (need, information sources, how updates are guaranteed)') : t('补录理由（为什么开通后未备案、为什么确需保留；信息发布来源和更新保障机制）', 'Reason for the back-fill (why it was not filed, why it stays; sources and updates)');
  const reason = await ask.text('reason', str(values.reason), { message: reasonHint, validate: v.required(t('理由', 'the reason'), 2000) });
  const date = await getDate(ctx, values, kind === '开设' ? t('备案日期（YYYY-MM-DD，默认今天）', 'Filing date (default today)') : t('补录备案日期（YYYY-MM-DD，默认今天）', 'Back-fill date (default today)'), opened);

  const rel = `accounts/${unit.dir}/${id}.json`;
  const jflag = str(values.justification);
  const justification = jflag !== undefined ? ask.checkFlag('justification', jflag, justificationCheck(t)) : ctx.justification;
  const first: Event = { type: kind === '开设' ? '开设备案' : '补录备案', date, reason, ...(justification ? { justification } : {}), unitDecision: await decision(ctx, values, date) };
  // the platform opening date is a fact of its own: a 平台注册 event before the back-fill, not a note
  const events: Event[] = opened ? [{ type: '平台注册', date: opened }, first] : [first];
  const account: AccountFile = {
    $schema: schemaRef(rel),
    id,
    name,
    platform,
    ...(subType ? { subType } : {}),
    ...(platformAccountId ? { platformAccountId } : {}),
    hostUnit: unit.id,
    certifiedEntity,
    operatingUnit,
    operatingMode: mode,
    ...(vendor ? { vendor } : {}),
    team,
    contentType,
    functions,
    ...(homepage ? { urls: { homepage } } : {}),
    certification,
    ...(app ? { app } : {}),
    events,
  };
  const summary = [
    '',
    t(`将写入：${rel}`, `Will write: ${rel}`),
    t(`  ${kind}备案：“${name}”（${platform}${subType ? '·' + subType : ''}），主办单位 ${unitLabel(ctx, unit)}，编号 ${id}，日期 ${date}`, `  ${kind === '开设' ? 'opening' : 'back-fill'}: "${name}" (${platform}), host unit ${unit.data.name}, id ${id}, dated ${date}`),
    t(`  管理队伍 ${teamNames(team).length} 人；正在按适用的管理办法检查……`, `  team of ${teamNames(team).length}; checking against the measures that apply…`),
  ];
  return commit(ctx, { kind, account, filing: first, path: rel, summary, form: true, subject: `${kind}备案：${name}（${platform}）` });
}

/**
 * 提前检查：单位、平台、名称一经回答，就用真实的引擎判断一个暂定的账号（其余各项取本单位现有账号的人员或占位值），
 * 只看落在已回答字段上的错误（以及本单位其他文件因此产生的错误），有则立即说明并停止（草稿保留）。
 * Judge a provisional account as soon as unit, platform and name are known; only errors on the
 * answered fields (or on the unit's other files) count, so placeholders cannot cause a refusal.
 */
async function earlyRefusal(ctx: Ctx, k: { kind: '开设' | '补录'; unit: UnitInfo; platform: Platform; subType?: AccountFile['subType']; name: string; id: string }): Promise<number | undefined> {
  const { t } = ctx;
  const rel = `accounts/${k.unit.dir}/${k.id}.json`;
  const staff = ctx.unitAccounts[0]?.team;
  const ph = (n: number): Person => ({ name: `占位${n}（虚构）`, position: `${k.unit.data.name} 工作人员`, officePhone: `0000-000000${n}`, mobile: `1300000000${n}` });
  // no section head: whether the jurisdiction requires one shows as an error on the team
  const team: AccountFile['team'] = staff
    ? { principal: staff.principal, inCharge: staff.inCharge, operators: staff.operators, review: { editors: [staff.operators[0]!.name], reviewers: [staff.inCharge.name], finalApprovers: [staff.principal.name] } }
    : { principal: ph(1), inCharge: ph(2), operators: [ph(3)], review: { editors: [ph(3).name], reviewers: [ph(2).name], finalApprovers: [ph(1).name] } };
  const account: AccountFile = {
    $schema: schemaRef(rel),
    id: k.id,
    name: k.name,
    platform: k.platform,
    ...(k.subType ? { subType: k.subType } : {}),
    hostUnit: k.unit.id,
    certifiedEntity: { name: k.unit.data.name, category: categoryForKind(k.unit.data.kind) },
    operatingUnit: k.unit.data.name,
    operatingMode: '自营',
    team,
    contentType: '图文',
    functions: ['信息发布'],
    certification: { status: '未认证' },
    events: [{ type: k.kind === '开设' ? '开设备案' : '补录备案', date: ctx.now, reason: '（暂定）', unitDecision: { decision: '同意', date: ctx.now, by: '主要负责人' } }],
  };
  const text = accountJson(account);
  const parsed = parseJson(text);
  const lines = new Set(['name', 'platform', 'subType', 'hostUnit', 'id'].map((f) => parsed.locate([f]).line));
  const j = await judgeChange(ctx.root, { write: new Map([[rel, text]]), remove: [], account: { id: k.id, path: rel, after: account, unitName: (id) => ctx.idx.units.get(id)?.data.name ?? id } }, { now: ctx.now });
  const teamLine = parsed.locate(['team']).line;
  ctx.sectionHeadRequired = j.blocking.some((f) => f.file === rel && f.line === teamLine && /科室负责人/.test(f.message.zh + f.fix.zh));
  const legacy = k.kind === '补录' ? legacyNameFindings(j.blocking, rel, text) : [];
  const caused = j.blocking.filter((f) => !legacy.includes(f) && (f.file === rel ? lines.has(f.line) : f.file.startsWith('accounts/')));
  if (!caused.length) return undefined;
  // 原则上: where a justification on this filing would answer every refusal, ask for it now instead of refusing
  const filingType = k.kind === '开设' ? '开设备案' : '补录备案';
  const answerable = j.justifiable.filter((n) => (n.filings as readonly string[]).includes(filingType)).map((n) => n.finding);
  if (caused.every((f) => answerable.includes(f))) {
    const text = str(ctx.record.get('justification')) ?? (await askJustification(ctx, caused));
    if (text) {
      ctx.justification = text;
      return undefined;
    }
  }
  ctx.io.err(t(`\n不能开设：按适用的管理办法，“${k.name}”（${k.platform}）这样开设会被拒绝（无需回答其余问题）：\n`, `\nRefused: under the measures that apply, "${k.name}" (${k.platform}) would be refused (no need to answer the rest):\n`));
  printFindings(ctx, caused, true);
  const open = caused.filter((f) => answerable.includes(f));
  if (open.length) ctx.io.err(justificationHowTo(ctx, open.length) + '\n');
  ctx.io.err(t('请改换平台或名称后重新运行；确有特殊情况的，请联系主管单位申请经审核的规则例外。', 'Choose another platform or name and run again; for a genuine special case ask the supervising office for a reviewed exception.'));
  return 1;
}

function urlCheck(t: Tr): (s: string) => true | string {
  return (s) => (s.trim() === '' || /^https?:\/\/\S+$/.test(s.trim()) ? true : t('网址应以 http:// 或 https:// 开头', 'a URL starts with http:// or https://'));
}

async function getApp(ctx: Ctx, values: Values): Promise<App> {
  const { t, ask } = ctx;
  const place = await ask.text('app-server', str(values['app-server']), { message: t('移动客户端服务器所在地（城市或机房）', 'Where the app servers are'), validate: ctx.v.required(t('服务器所在地', 'the server location'), 100) });
  const outside = bool(values['app-server-outside']);
  const inRegion = outside !== undefined ? !outside : await ask.yesNo(undefined, { message: t('服务器是否位于本市？', 'Are the servers in the city?'), default: true });
  const abroad = await ask.yesNo(bool(values['app-server-abroad']) ?? (ask.interactive ? undefined : false), { message: t('服务器是否位于境外？（不得位于境外）', 'Are the servers abroad? (not allowed)'), default: false });
  const app: App = {
    ipv6: await ask.yesNo(bool(values['app-ipv6']) ?? (ask.interactive ? undefined : false), { message: t('是否全面支持 IPv6？', 'Full IPv6 support?'), default: true }),
    agingFriendly: await ask.yesNo(bool(values['app-aging-friendly']) ?? (ask.interactive ? undefined : false), { message: t('是否完成适老化改造？', 'Adapted for older users?'), default: true }),
    accessibility: await ask.yesNo(bool(values['app-accessibility']) ?? (ask.interactive ? undefined : false), { message: t('是否完成无障碍适配？', 'Accessibility done?'), default: true }),
    serverLocation: { place, inRegion, abroad },
  };
  if (!inRegion) {
    const d = await ask.text('app-exception-decision', str(values['app-exception-decision']), { message: t('服务器不在本市：主办单位集体研究指定地点的决定文号或说明', 'Servers outside the city: the decision that chose the place'), optional: true });
    if (d) app.serverLocation.exceptionDecision = d;
  }
  return app;
}

export async function cmdNew(args: string[], io: Io, deps: ScaffoldDeps = {}): Promise<number> {
  return run('new', args, io, deps, OPEN, 0, (values, _p, ctx) => openAccount('开设', values, ctx));
}

export async function cmdBackfill(args: string[], io: Io, deps: ScaffoldDeps = {}): Promise<number> {
  return run('backfill', args, io, deps, BACKFILL, 0, (values, _p, ctx) => openAccount('补录', values, ctx));
}

// ---------------------------------------------------------------- change / close

interface Loaded {
  rel: string;
  data: AccountFile;
  unit: UnitInfo | undefined;
}

async function loadAccount(ctx: Ctx, pos: string[], verb: string): Promise<Loaded> {
  const { t, idx } = ctx;
  let id = pos[0];
  if (!id) {
    if (!ctx.ask.interactive) throw new UsageError(t(`请给出账号编号：govmedia ${verb} <账号编号>`, `give the account id: govmedia ${verb} <id>`));
    const here = unitOfCwd(idx, ctx.cwd);
    const ids = [...idx.accountPaths.entries()].filter(([, ps]) => !here || ps.some((p) => p.startsWith(`accounts/${here.dir}/`))).map(([k]) => k).sort();
    if (!ids.length) throw new UsageError(t('没有找到可选的账号', 'no accounts to choose from'));
    id = await ctx.ask.prompts!.select<string>({ message: t('选择账号', 'Choose the account'), choices: ids.map((k) => ({ value: k, name: k })) });
  }
  const paths = idx.accountPaths.get(id);
  if (!paths || !paths.length) {
    const near = [...idx.accountPaths.keys()].filter((k) => k.includes(id!) || id!.includes(k)).slice(0, 5);
    throw new UsageError(t(`登记簿中没有编号为“${id}”的账号${near.length ? `（是不是：${near.join('、')}？）` : ''}`, `no account "${id}" in the register${near.length ? ` (did you mean ${near.join(', ')}?)` : ''}`));
  }
  if (paths.length > 1) throw new UsageError(t(`编号“${id}”有多个文件（${paths.join('、')}），请先运行 govmedia validate 修正`, `"${id}" has several files; run govmedia validate first`));
  const rel = paths[0]!;
  const r = readAccount(ctx.root, rel);
  if (!r) throw new UsageError(t(`${rel} 无法读取（JSON 有错误）：请先运行 govmedia validate ${rel} 并修正`, `${rel} cannot be parsed: run govmedia validate first`));
  const unitDir = path.posix.dirname(rel).slice('accounts/'.length);
  const unit = [...idx.units.values()].find((u) => u.dir === unitDir);
  return { rel, data: r.data, unit };
}

/** Refuse changing or closing an account that is closed or closing. */
function refuseIfClosed(ctx: Ctx, a: Loaded, verb: '变更' | '关停'): number | undefined {
  const s = deriveState(a.data);
  if (!s.closing && !s.closed) return undefined;
  const { t } = ctx;
  const where = `${a.rel}:1:1`;
  const state = s.closed ? t(`已处于“${s.phase}”状态`, `closed (${s.phase})`) : t(`正在办理关停（当前为“${s.phase}”）`, `being closed (${s.phase})`);
  ctx.io.err(
    t(
      `不能${verb}：账号“${a.data.name}”（${a.data.id}）${state}。\n  ${where}\n    依据：国办发〔2018〕123号 四、（一）开设整合（开设、变更、关停、注销应向主管单位备案）：关停备案之后，账号只能继续办理公告、注销和系统填报，直至注销完成；已注销的账号不再变更。\n    修正：${verb === '关停' ? '请在本文件中按期限追加“注销公告”“平台注销”“系统填报”等事件，不要重复提交关停备案。' : '如需继续使用，请以新账号办理开设备案（govmedia new）；原账号文件保留作为记录。'}`,
      `Cannot ${verb === '关停' ? 'close' : 'change'}: account "${a.data.name}" (${a.data.id}) is ${state}.\n  ${where}\n    source: 国办发〔2018〕123号 四、（一）\n    fix: ${verb === '关停' ? 'append the announcement, deregistration and system entry events instead of a second closure filing.' : 'open a new account (govmedia new) if it is still needed; this file stays as the record.'}`,
    ),
  );
  ctx.io.err(t('未写入任何文件。', 'Nothing was written.'));
  return 1;
}

type KeyWhat = 'name' | 'entity' | 'category' | 'host';

const PHONE_ROLES: Record<string, RoleKey> = { 主要负责人: 'principal', principal: 'principal', 分管负责人: 'inCharge', 'in-charge': 'inCharge', 科室负责人: 'sectionHead', 'section-head': 'sectionHead', 经办人员: 'operator', operator: 'operator' };

function applyPhones(ctx: Ctx, team: NonNullable<AccountFile['team']>, specs: string[]): void {
  const { t } = ctx;
  for (const spec of specs) {
    const m = /^\s*([^=＝]+?)\s*(\d*)\s*[=＝]\s*(.*)$/.exec(spec);
    const role = m ? PHONE_ROLES[m[1]!] : undefined;
    if (!m || !role) throw new UsageError(t(`--phone 应写作“角色=办公电话,手机”，角色为 主要负责人、分管负责人、科室负责人 或 经办人员1、经办人员2…（收到“${spec}”）`, `--phone: write "role=office phone,mobile" (got "${spec}")`));
    const n = m[2] ? Number(m[2]) : 1;
    const p = role === 'operator' ? team.operators[n - 1] : team[role];
    if (!p) throw new UsageError(t(`--phone：管理队伍中没有${ROLES[role].zh}${role === 'operator' ? n : ''}`, `--phone: the team has no ${ROLES[role].en}${role === 'operator' ? ' ' + n : ''}`));
    const [office = '', mobile = ''] = m[3]!.split(/[,，]/).map((x) => x.trim());
    if (office && ctx.v.officePhone(office) !== true) throw new UsageError(`--phone：${String(ctx.v.officePhone(office))}`);
    if (mobile && ctx.v.mobile(mobile) !== true) throw new UsageError(`--phone：${String(ctx.v.mobile(mobile))}`);
    if (!office && !mobile) throw new UsageError(t(`--phone：请给出办公电话或手机（收到“${spec}”）`, `--phone: give an office phone or a mobile`));
    if (office) p.officePhone = office;
    if (mobile) p.mobile = mobile;
  }
}

export async function cmdChange(args: string[], io: Io, deps: ScaffoldDeps = {}): Promise<number> {
  return run('change', args, io, deps, CHANGE, 1, async (values, pos, ctx) => {
    const { t, ask, v, idx } = ctx;
    const loaded = await loadAccount(ctx, pos, 'change');
    const refused = refuseIfClosed(ctx, loaded, '变更');
    if (refused !== undefined) return refused;
    const known = loaded.data;
    // A backfilled account may not know its certified entity or team (schema: unknown); the change wizard edits known facts only.
    if (!known.team || !known.certifiedEntity) throw new UsageError(t(`账号“${known.name}”是补录的存量账号，认证主体或管理队伍尚未登记（见 unknown）；请先在账号文件中补填这些信息、从 unknown 中删去，并记一条“信息报备”事件，再办理变更。`, `"${known.name}" is a backfilled account whose certified entity or team is unknown (see unknown); fill them in the file, drop them from unknown and record an 信息报备 event first.`));
    const before = known as AccountFile & Required<Pick<AccountFile, 'team' | 'certifiedEntity'>>;
    const a = structuredClone(before);
    const unitName = (id: string): string => idx.units.get(id)?.data.name ?? id;

    // ---- which kind of change
    const keyFlags = { name: str(values.name), entity: str(values['certified-entity']), category: str(values.category), host: str(values['host-unit']) };
    const staffFlags = ['principal', 'in-charge', 'section-head', 'operator', 'editor', 'reviewer', 'final-approver', 'phone'].some((f) => values[f] !== undefined);
    const anyKey = Object.values(keyFlags).some((x) => x !== undefined);
    let doKey = anyKey;
    let doStaff = staffFlags;
    if (!anyKey && !staffFlags) {
      if (!ask.interactive) throw new UsageError(t('没有要变更的内容：关键信息用 --name、--certified-entity、--category、--host-unit；人员电话用 --principal、--in-charge、--section-head、--operator、--editor、--reviewer、--final-approver、--phone', 'nothing to change: pass key flags (--name, --certified-entity, --category, --host-unit) or staff flags'));
      ctx.io.out(t(`变更账号“${before.name}”（${before.platform}，${before.id}）。`, `Changing "${before.name}" (${before.platform}, ${before.id}).`));
      const which = await ask.prompts!.select<'key' | 'staff'>({
        message: t('变更哪类信息？', 'What changes?'),
        choices: [
          { value: 'key', name: t('关键信息：名称、认证主体及其分类、主办单位（变更备案，须主管单位审核）', 'Key information: name, certified entity and its category, host unit (change filing)') },
          { value: 'staff', name: t('人员/电话等非关键信息（信息报备）', 'Staff, phones and other non-key information (report)') },
        ],
      });
      doKey = which === 'key';
      doStaff = which === 'staff';
    }

    const changes: Change[] = [];
    let moveTo: UnitInfo | undefined;
    if (doKey) {
      let what: KeyWhat[] = (Object.keys(keyFlags) as KeyWhat[]).filter((k) => keyFlags[k] !== undefined);
      if (!anyKey) {
        what = await ask.prompts!.checkbox<KeyWhat>({
          message: t('变更哪些关键信息？（空格选择，回车确认）', 'Which key information changes?'),
          choices: [
            { value: 'name', name: t(`账号名称（现为“${before.name}”）`, `name (now "${before.name}")`) },
            { value: 'entity', name: t(`认证主体（现为“${before.certifiedEntity.name}”）`, `certified entity (now "${before.certifiedEntity.name}")`) },
            { value: 'category', name: t(`认证主体分类（现为“${before.certifiedEntity.category}”）`, `category (now "${before.certifiedEntity.category}")`) },
            { value: 'host', name: t(`主办单位（现为“${unitName(before.hostUnit)}”，文件将移到新单位的文件夹）`, `host unit (now "${unitName(before.hostUnit)}"; the file moves)`) },
          ],
          validate: (sel) => (sel.length ? true : t('请至少选择一项（空格键选择）', 'choose at least one (space)')),
        });
      }
      if (what.includes('host')) {
        const hid = await ask.choose('host-unit', keyFlags.host, { message: t('新的主办单位', 'New host unit'), choices: unitChoices(ctx, before.hostUnit), parse: parseUnit(ctx) });
        if (hid === before.hostUnit) throw new UsageError(t(`--host-unit：账号已属于“${unitName(hid)}”`, `--host-unit: the account already belongs to ${hid}`));
        moveTo = idx.units.get(hid)!;
        changes.push({ field: '主办单位', from: unitName(before.hostUnit), to: moveTo.data.name });
        a.hostUnit = moveTo.id;
        // the certified entity normally follows the host unit
        if (!what.includes('entity') && ask.interactive && before.certifiedEntity.name !== moveTo.data.name) {
          if (await ask.yesNo(undefined, { message: t(`认证主体是否同时变更为“${moveTo.data.name}”？`, `Does the certified entity become "${moveTo.data.name}" too?`), default: true })) what.push('entity');
        }
        if (a.operatingUnit === unitName(before.hostUnit) && ask.interactive && (await ask.yesNo(undefined, { message: t(`运营单位是否同时变更为“${moveTo.data.name}”？`, `Does the operating unit become "${moveTo.data.name}" too?`), default: true }))) a.operatingUnit = moveTo.data.name;
      }
      if (what.includes('name')) {
        const nn = await ask.text('name', keyFlags.name, { message: t('新的账号名称', 'New name'), validate: (s) => (s.trim() === before.name ? t(`新名称与原名称相同（“${before.name}”）`, 'same as the current name') : v.name(s)) });
        changes.push({ field: '账号名称', from: before.name, to: nn });
        a.name = nn;
      }
      if (what.includes('entity')) {
        const sameEntity = (s: string): true | string => (s.trim() === before.certifiedEntity.name && !moveTo ? t(`新认证主体与原认证主体相同（“${before.certifiedEntity.name}”）`, 'same as the current certified entity') : v.required(t('认证主体', 'the certified entity'), 100)(s));
        const en = await ask.text('certified-entity', keyFlags.entity, { message: t('新的认证主体（全称）', 'New certified entity'), default: moveTo?.data.name ?? before.certifiedEntity.name, validate: sameEntity });
        if (en !== before.certifiedEntity.name) {
          changes.push({ field: '认证主体', from: before.certifiedEntity.name, to: en });
          a.certifiedEntity.name = en;
          const eu = [...idx.units.values()].find((u) => u.data.name === en);
          if (eu) a.certifiedEntity.unit = eu.id;
          else delete a.certifiedEntity.unit;
          // a new entity may come with a new category
          if (!what.includes('category') && eu && categoryForKind(eu.data.kind) !== before.certifiedEntity.category && !keyFlags.category) {
            if (!ask.interactive || (await ask.yesNo(undefined, { message: t(`认证主体分类是否同时由“${before.certifiedEntity.category}”变更为“${categoryForKind(eu.data.kind)}”？`, `Category becomes "${categoryForKind(eu.data.kind)}"?`), default: true }))) {
              changes.push({ field: '认证主体分类', from: before.certifiedEntity.category, to: categoryForKind(eu.data.kind) });
              a.certifiedEntity.category = categoryForKind(eu.data.kind);
            }
          }
        } else if (keyFlags.entity !== undefined) throw new UsageError(t(`--certified-entity：新认证主体与原认证主体相同（“${en}”）`, '--certified-entity: same as now'));
      }
      if (what.includes('category')) {
        const cat = await ask.choose<CertifiedEntity['category']>('category', keyFlags.category, { message: t('新的认证主体分类', 'New category'), choices: CATEGORIES.filter((c) => c !== before.certifiedEntity.category).map((c) => ({ value: c, name: c })), parse: (s) => CATEGORIES.find((x) => x === s) });
        if (cat === before.certifiedEntity.category) throw new UsageError(t(`--category：与原分类相同（“${cat}”）`, '--category: same as now'));
        changes.push({ field: '认证主体分类', from: before.certifiedEntity.category, to: cat });
        a.certifiedEntity.category = cat;
      }
    }

    let staff: { changes: Change[]; operatorLeft: boolean } | undefined;
    if (doStaff) {
      const team = a.team;
      const u = moveTo ?? loaded.unit;
      const uname = u?.data.name ?? '';
      if (staffFlags) {
        const pf = str(values.principal);
        if (pf !== undefined) team.principal = personFromFlag(ctx, 'principal', pf);
        const ic = str(values['in-charge']);
        if (ic !== undefined) team.inCharge = personFromFlag(ctx, 'inCharge', ic);
        const sh = str(values['section-head']);
        if (sh !== undefined) team.sectionHead = personFromFlag(ctx, 'sectionHead', sh);
        const ops = strs(values.operator);
        if (ops?.length) team.operators = ops.map((o) => personFromFlag(ctx, 'operator', o));
        const ph = strs(values.phone);
        if (ph?.length) applyPhones(ctx, team, ph);
        const review = await getReview(ctx, values, team, team.review);
        if (review) team.review = review;
      } else {
        type Part = 'principal' | 'inCharge' | 'sectionHead' | 'operators' | 'review';
        const parts = await ask.prompts!.checkbox<Part>({
          message: t('调整哪些人员或电话？（空格选择，回车确认；姓名、职务、电话都在各人的问题中修改）', 'Which people or phones change?'),
          choices: [
            { value: 'principal', name: t('主要负责人', 'head of unit') },
            { value: 'inCharge', name: t('分管负责人', 'officer in charge') },
            { value: 'sectionHead', name: t('科室负责人', 'section head') },
            { value: 'operators', name: t(`经办人员（现 ${team.operators.length} 人）`, `operators (${team.operators.length})`) },
            { value: 'review', name: t('内容审核分工（编辑、审核、终审）', 'review chain') },
          ],
          validate: (sel) => (sel.length ? true : t('请至少选择一项（空格键选择）', 'choose at least one (space)')),
        });
        for (const part of parts) {
          if (part === 'principal' || part === 'inCharge' || part === 'sectionHead') team[part] = await promptPerson(ctx, t(ROLES[part].zh, ROLES[part].en), team[part], `${uname} ${ROLES[part].zh}`);
          if (part === 'operators') {
            const n = await ask.count(undefined, { message: t('调整后经办人员有几位？', 'How many operators now?'), default: team.operators.length, min: 1, max: 10 });
            const next: Person[] = [];
            for (let i = 0; i < n; i++) next.push(await promptPerson(ctx, n > 1 ? t(`经办人员${i + 1}`, `operator ${i + 1}`) : t('经办人员', 'operator'), team.operators[i], `${uname} 经办人员`));
            team.operators = next;
          }
        }
        const stale = staleReviewers(team).length > 0;
        if (parts.includes('review') || stale) {
          if (stale) ctx.io.out(t('审核分工中有人已不在管理队伍中，请重新指定。', 'Someone in the review chain left the team; choose again.'));
          const review = await getReview(ctx, {}, team, team.review);
          if (review) team.review = review;
        }
      }
      const gone = staleReviewers(team);
      if (gone.length) throw new UsageError(t(`审核分工中的“${gone.join('、')}”已不在管理队伍中：请用 --editor、--reviewer、--final-approver 重新指定`, `the review chain names ${gone.join(', ')}, who is no longer on the team: set --editor, --reviewer, --final-approver`));
      staff = teamChanges(before.team, team);
      if (!staff.changes.length && !changes.length) throw new UsageError(t('给出的人员和电话与现有记录相同，没有要报备的调整', 'the staff and phones given are the same as recorded'));
    }
    if (!changes.length && !staff?.changes.length) throw new UsageError(t('没有要变更的内容', 'nothing to change'));

    const jflag = str(values.justification);
    if (jflag !== undefined && !changes.length) throw new UsageError(t('--justification 只适用于开设、补录或变更备案（关键信息变更）；人员、电话的信息报备不写例外理由', '--justification applies to an opening, back-fill or key change filing, not to a staff report'));
    const last = lastEventDate(before);
    const date = await getDate(ctx, values, t('日期（YYYY-MM-DD，默认今天）', 'Date (default today)'), last);
    let filing: Event | undefined;
    if (changes.length) {
      const reason = await ask.text('reason', str(values.reason), { message: t('变更原因（请详细说明）', 'Reason for the change (in detail)'), validate: v.required(t('变更原因', 'the reason'), 2000) });
      const supervised = bool(values['not-supervised']) !== undefined ? !values['not-supervised'] : await ask.yesNo(undefined, { message: t('变更后是否仍纳入政务新媒体监管？', 'Does the account stay under supervision?'), default: true });
      const justification = jflag !== undefined ? ask.checkFlag('justification', jflag, justificationCheck(t)) : undefined;
      filing = { type: '变更备案', date, reason, ...(justification ? { justification } : {}), unitDecision: await decision(ctx, values, date), changes, stillSupervised: supervised };
      a.events.push(filing);
    }
    if (staff?.changes.length) {
      if (staff.operatorLeft) {
        const rotated = await ask.yesNo(bool(values['credentials-rotated']) ?? (ask.interactive ? undefined : false), { message: t('经办人员有人离岗：是否已完成工作交接，并更换了账号登录口令？（只记录是否更换，不记录口令）', 'An operator left: handover done and credentials changed?'), default: true });
        const handover: NonNullable<Event['handover']> = { fromRole: '经办人员', toRole: '经办人员', credentialsRotated: rotated };
        // facts only some measures ask about: given as a flag, or asked where a rule of this account's region judges them; otherwise not recorded (unknown, never invented)
        for (const q of HANDOVER_FACTS) {
          const given = bool(values[q.flag]);
          if (given !== undefined) handover[q.field] = given;
          else if (ask.interactive && (await handoverFactMatters(ctx.root, ctx.now, loaded.rel, a, date, q.field))) handover[q.field] = await ask.yesNo(undefined, { message: t(q.zh, q.en), default: true });
        }
        a.events.push({ type: '人员交接', date, handover });
      }
      const ev: Event = { type: '信息报备', date, changes: staff.changes };
      if (!changes.length && str(values.reason)) ev.reason = str(values.reason)!.trim();
      a.events.push(ev);
    }

    const newRel = moveTo ? `accounts/${moveTo.dir}/${a.id}.json` : loaded.rel;
    if (moveTo) a.$schema = schemaRef(newRel);
    const kind: ScaffoldKind = changes.length ? '变更' : '报备';
    const summary = ['', t(`将修改：${newRel}${moveTo ? `（由 ${loaded.rel} 移入新主办单位的文件夹，编号不变）` : ''}`, `Will change: ${newRel}${moveTo ? ` (moved from ${loaded.rel}, id unchanged)` : ''}`)];
    for (const c of changes) summary.push(t(`  ${c.field}：由“${c.from}”变更为“${c.to}”`, `  ${c.field}: "${c.from}" → "${c.to}"`));
    for (const c of staff?.changes ?? []) summary.push(t(`  ${c.field}：${c.from} → ${c.to}`, `  ${c.field}: ${c.from} → ${c.to}`));
    summary.push(t(`  追加事件：${a.events.slice(before.events.length).map((e) => e.type).join('、')}（${date}）；正在按适用的管理办法检查……`, `  appending: ${a.events.slice(before.events.length).map((e) => e.type).join(', ')} (${date}); checking…`));
    const subject = kind === '变更' ? `变更备案：${before.name}（${before.platform}）${changes.some((c) => c.field === '账号名称') ? `更名为${a.name}` : ''}` : `信息报备：${before.name}（${before.platform}）`;
    return commit(ctx, { kind, account: a, before, ...(filing ? { filing } : {}), path: newRel, ...(moveTo ? { fromPath: loaded.rel } : {}), summary, form: kind === '变更', subject });
  });
}

export async function cmdClose(args: string[], io: Io, deps: ScaffoldDeps = {}): Promise<number> {
  return run('close', args, io, deps, CLOSE, 1, async (values, pos, ctx) => {
    const { t, ask, v } = ctx;
    const loaded = await loadAccount(ctx, pos, 'close');
    const refused = refuseIfClosed(ctx, loaded, '关停');
    if (refused !== undefined) return refused;
    const before = loaded.data;
    ctx.io.out(t(`关停备案：账号“${before.name}”（${before.platform}，${before.id}）。账号文件不会删除，关停是一个状态，文件保留作为记录。`, `Closure filing for "${before.name}" (${before.platform}, ${before.id}); the file stays as the record.`));
    const reason = await ask.text('reason', str(values.reason), { message: t('关停原因（例如：功能相近整合、用户关注度低、确属无力维护）', 'Reason for closing'), validate: v.required(t('关停原因', 'the reason'), 2000) });
    const date = await getDate(ctx, values, t('关停备案日期（YYYY-MM-DD，默认今天）', 'Closure filing date (default today)'), lastEventDate(before));
    const a: AccountFile = structuredClone(before);
    a.events.push({ type: '关停备案', date, reason, unitDecision: await decision(ctx, values, date) });
    const summary = ['', t(`将修改：${loaded.rel}`, `Will change: ${loaded.rel}`), t(`  追加事件：关停备案（${date}）；正在按适用的管理办法检查……`, `  appending 关停备案 (${date}); checking…`)];
    return commit(ctx, { kind: '关停', account: a, before, path: loaded.rel, summary, form: true, subject: `关停备案：${before.name}（${before.platform}）` });
  });
}

// ---------------------------------------------------------------- records that are not filings


/**
 * govmedia record <账号编号>：追加不是备案的事件——密码更换（六安 第三十二条（一）等；只记日期和确认人职务），
 * 资料留存（自贡 第十一条：事后登记某一阶段已保存的资料的位置；事件只能追加，不改过去的事件）。
 * 迟到的密码更换被“原则上”条款拒绝时，询问（或由 --justification 给出）例外理由，合并请求因此交主管单位审核。
 * Append an event that is not a filing: a password change, or kept material (资料留存). A late password
 * change that a 原则上 clause refuses asks for (or takes from --justification) the reason; the pull request
 * then goes to the supervising office.
 */
export async function cmdRecord(args: string[], io: Io, deps: ScaffoldDeps = {}): Promise<number> {
  return run('record', args, io, deps, RECORD, 1, async (values, pos, ctx) => {
    const { t, ask, v } = ctx;
    const loaded = await loadAccount(ctx, pos, 'record');
    const before = loaded.data;
    const type = await ask.choose<RecordType>('type', str(values.type), {
      message: t('记录什么？', 'What to record?'),
      choices: [
        { value: '密码更换', name: t('密码更换（只记录日期和确认人职务，不记录密码）', 'password change (date and attesting role; never the password)') },
        { value: '资料留存', name: t('资料留存（登记开设、关停等阶段已保存的聊天记录、截图的位置）', 'kept material (where the chat logs and screenshots of a stage are kept)') },
      ],
      parse: (x) => (RECORD_TYPES as readonly string[]).includes(x) ? (x as RecordType) : undefined,
    });
    const date = await getDate(ctx, values, t('日期（YYYY-MM-DD，默认今天）', 'Date (default today)'), lastEventDate(before));
    const note = str(values.note);
    const ev: Event = { type, date };
    if (type === '密码更换') {
      ev.attestedBy = await ask.text('attested-by', str(values['attested-by']), { message: t('确认人的职务（例如：分管负责人；不写姓名，绝不写密码）', 'Attesting role (e.g. 分管负责人; no name, never the password)'), default: '分管负责人', validate: v.required(t('确认人的职务', 'the attesting role'), 60) });
    } else {
      ev.action = await ask.choose<(typeof RECORD_STAGES)[number]>('stage', str(values.stage), {
        message: t('资料属于哪一阶段？', 'Which stage is the material from?'),
        choices: RECORD_STAGES.map((x) => ({ value: x, name: x })),
        default: '开设',
        parse: (x) => (RECORD_STAGES as readonly string[]).includes(x) ? (x as (typeof RECORD_STAGES)[number]) : undefined,
      });
      ev.evidence = await evidenceOf(ctx, strs(values.evidence));
    }
    if (note) ev.note = note;
    const given = str(values.justification);
    if (given !== undefined) {
      if (type !== '密码更换') throw new UsageError(t('--justification 只用于密码更换', '--justification is for a password change only'));
      if (!given.trim()) throw new UsageError(t('--justification 不能为空', '--justification must not be empty'));
      ev.justification = given.trim();
    }
    const a: AccountFile = structuredClone(before);
    a.events.push(ev);
    // a late password change: a 原则上 clause refuses it unless a reason is given; ask for one before judging for real
    if (type === '密码更换' && ev.justification === undefined && ask.interactive) {
      // the reason matters when a rule of the account's region refuses the change without one and accepts it with one
      // (probed with the real engine, as handoverFactMatters does: from the modules, not from city names)
      const judge = (x: AccountFile) => judgeChange(ctx.root, { write: new Map([[loaded.rel, accountJson(x)]]), remove: [], account: { id: x.id, path: loaded.rel, before, after: x, unitName: (id) => ctx.idx.units.get(id)?.data.name ?? id } }, { now: ctx.now });
      const without = (await judge(a)).blocking;
      const withReason = without.length ? (await judge({ ...a, events: [...a.events.slice(0, -1), { ...ev, justification: '（理由）' }] })).blocking : without;
      const lifted = without.filter((f) => !withReason.some((g) => g.ruleId === f.ruleId && g.message.zh === f.message.zh));
      if (lifted.length) {
        printFindings(ctx, lifted);
        const why = await ask.text('justification', undefined, { message: t('未按期更换的理由（例如：账号停更期间无人登录；将由主管单位在合并请求中审核；留空则不写入）', 'Why was it late? (reviewed by the supervising office; leave empty to stop)'), optional: true });
        if (why.trim()) ev.justification = why.trim();
      }
    }
    const what = type === '密码更换' ? t(`密码更换（${date}）`, `password change (${date})`) : t(`资料留存（${date}，${ev.action}阶段，${ev.evidence!.length} 项资料）`, `kept material (${date}, ${ev.action}, ${ev.evidence!.length} item(s))`);
    const summary = ['', t(`将修改：${loaded.rel}`, `Will change: ${loaded.rel}`), t(`  追加事件：${what}${ev.justification ? '，写明了例外理由（合并请求将交主管单位审核）' : ''}；正在按适用的管理办法检查……`, `  appending ${what}${ev.justification ? ', with a justification (the pull request goes to the supervising office)' : ''}; checking…`)];
    return commit(ctx, { kind: '报备', account: a, before, path: loaded.rel, summary, form: false, subject: `${type}：${before.name}（${before.platform}）` });
  });
}

/** Kept material from --evidence "<种类>=<位置>" flags, or asked one item at a time. */
async function evidenceOf(ctx: Ctx, flags: string[] | undefined): Promise<NonNullable<Event['evidence']>> {
  const { t, ask } = ctx;
  const out: NonNullable<Event['evidence']> = [];
  const parse = (spec: string): NonNullable<Event['evidence']>[number] => {
    const i = spec.indexOf('=');
    const kind = (i > 0 ? spec.slice(0, i).trim() : '') as EvidenceKind;
    const ref = i > 0 ? spec.slice(i + 1).trim() : '';
    if (!EVIDENCE_KINDS.includes(kind)) throw new UsageError(t(`--evidence 须写成“种类=位置”，种类为 ${EVIDENCE_KINDS.join('、')} 之一（收到 ${spec}）`, `--evidence must be "<kind>=<where>", kind one of ${EVIDENCE_KINDS.join(', ')} (got ${spec})`));
    if (!ref || ref.length > 300) throw new UsageError(t(`--evidence 的位置（档案号或网址）须为 1–300 个字符（收到 ${spec}）`, `the location must be 1–300 characters (got ${spec})`));
    return { kind, ref };
  };
  for (const f of flags ?? []) out.push(parse(f));
  if (out.length || !ask.interactive) {
    if (!out.length) throw new UsageError(t('资料留存至少需要一项 --evidence "种类=位置"', 'kept material needs at least one --evidence "<kind>=<where>"'));
    ctx.record.set('evidence', out.map((e) => `${e.kind}=${e.ref}`));
    return out;
  }
  do {
    const kind = await ctx.ask.prompts!.select<EvidenceKind>({ message: t('资料种类', 'Kind of material'), choices: EVIDENCE_KINDS.map((k) => ({ value: k, name: k })) });
    const ref = await ctx.ask.prompts!.input({ message: t('存放位置（档案号或网址；不写个人信息）', 'Where it is kept (archive number or URL)'), validate: (s: string) => (s.trim() && s.trim().length <= 300 ? true : t('请填写 1–300 个字符', '1–300 characters')) });
    out.push({ kind, ref: ref.trim() });
  } while (await ctx.ask.prompts!.confirm({ message: t('还有其他资料吗？', 'More material?'), default: false }));
  ctx.record.set('evidence', out.map((e) => `${e.kind}=${e.ref}`));
  return out;
}
