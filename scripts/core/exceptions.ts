/**
 * 经审核的规则例外：policies/exceptions/*.json。匹配的检查结果标为“按例外放行”（仍然列出），
 * 到期的例外本身报错（“到期要响亮”）。例外属于裁判的一部分：PR 检查使用基准分支的例外。
 * Reviewed exceptions: matching findings are marked suppressed (still listed, never dropped);
 * an expired exception is itself an error. Exceptions belong to the judge (base branch).
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { ExceptionFile } from '../generated/types.ts';
import type { Finding } from './finding.ts';
import { parseJson } from './jsonpos.ts';
import { fileFinding, type Register, type SourceFile } from './register.ts';
import type { SchemaSet } from './schema.ts';

export const EXCEPTIONS_DIR = 'policies/exceptions';

export interface LoadedException {
  file: SourceFile;
  data: ExceptionFile;
}

export function loadExceptions(engineRoot: string, schemas: SchemaSet, dirOverride?: string): { exceptions: LoadedException[]; findings: Finding[] } {
  const dir = dirOverride ?? path.join(engineRoot, EXCEPTIONS_DIR);
  const exceptions: LoadedException[] = [];
  const findings: Finding[] = [];
  if (!existsSync(dir)) return { exceptions, findings };
  for (const name of readdirSync(dir).sort()) {
    if (name === 'README.md') continue;
    const rel = `${EXCEPTIONS_DIR}/${name}`;
    if (!name.endsWith('.json')) {
      findings.push(fileFinding('register/stray-file', rel, { line: 1, column: 1 }, { zh: `“${rel}”不是例外文件`, en: `"${rel}" is not an exception file` }, { zh: '例外目录中只能放 <编号>.json。', en: 'Only <id>.json files belong here.' }));
      continue;
    }
    const text = readFileSync(path.join(dir, name), 'utf8');
    const parsed = parseJson(text);
    const file: SourceFile = { rel, text, parsed };
    if (!parsed.ok) {
      const is = parsed.issues[0];
      findings.push(fileFinding('register/json-syntax', rel, { line: is?.line ?? 1, column: is?.column ?? 1 }, { zh: `JSON 语法错误：${is?.detail.zh ?? ''}`, en: `JSON syntax error: ${is?.detail.en ?? ''}` }, { zh: '请修正该例外文件。', en: 'Fix the exception file.' }));
      continue;
    }
    const issues = schemas.validate('exception', parsed.value);
    for (const is of issues) findings.push(fileFinding('register/schema', rel, is.atKey ? parsed.locateKey(is.pointer) : parsed.locate(is.pointer), is.message, is.fix));
    if (issues.length) continue;
    const data = parsed.value as ExceptionFile;
    if (data.id !== name.slice(0, -5)) {
      findings.push(fileFinding('register/id-path', rel, parsed.locate(['id']), { zh: `例外编号 "${data.id}" 与文件名不一致`, en: `exception id "${data.id}" does not match the file name` }, { zh: `请把 id 改为 "${name.slice(0, -5)}"。`, en: 'Make them equal.' }));
      continue;
    }
    exceptions.push({ file, data });
  }
  return { exceptions, findings };
}

/** Mark findings covered by a live exception (approved on or before `now`, not yet expired); report expired ones. Returns the new findings list. */
export function applyExceptions(findings: Finding[], exceptions: readonly LoadedException[], register: Register, now: string): Finding[] {
  return applyExceptionsByUnit(findings, exceptions, unitFolders(register), now);
}

/** Unit id → its folder with a trailing slash (accounts/…/zg-wjw/), for unit exceptions. */
export function unitFolders(register: Pick<Register, 'units'>): Map<string, string> {
  const unitDir = new Map<string, string>();
  for (const u of register.units.values()) unitDir.set(u.id, u.file.rel.slice(0, -'unit.json'.length));
  return unitDir;
}

/**
 * applyExceptions given the unit folders (unitFolders) instead of the register: a parallel run
 * applies the exceptions once, in the main thread, to the findings of every share.
 */
export function applyExceptionsByUnit(findings: Finding[], exceptions: readonly LoadedException[], unitDir: ReadonlyMap<string, string>, now: string): Finding[] {
  const out: Finding[] = [];
  // an exception counts from its approval date on, never before it: an exception approved later
  // does not whitewash what was judged earlier (audit judges each commit on its own date)
  const live = exceptions.filter((e) => e.data.approvedOn <= now && e.data.expires > now);
  for (const f of findings) {
    const ex = live.find((e) => (e.data.rule === f.ruleId || f.alsoRules?.includes(e.data.rule) === true) && (e.data.account ? f.account === e.data.account : e.data.unit ? f.file.startsWith(unitDir.get(e.data.unit) ?? '\0') : false));
    if (ex) out.push({ ...f, suppressed: { by: ex.data.id, reason: ex.data.reason, expires: ex.data.expires } });
    else out.push(f);
  }
  for (const e of exceptions) {
    if (e.data.expires <= now) {
      out.push(fileFinding('register/exception-expired', e.file.rel, e.file.parsed.locate(['expires']), { zh: `例外“${e.data.id}”（规则 ${e.data.rule}，${e.data.account ? `账号 ${e.data.account}` : `单位 ${e.data.unit ?? ''}`}）已于 ${e.data.expires} 到期，相关检查结果不再放行`, en: `exception "${e.data.id}" (rule ${e.data.rule}) expired on ${e.data.expires}; its findings count again` }, { zh: '请完成整改后删除该例外文件；确需延期的，由主管单位重新审批并修改 expires。', en: 'Fix the account and delete the exception, or have the supervisor approve a new expiry date.' }));
    }
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// 接入基线（整改清单）/ the adoption baseline (rectification list)
//
// Like ESLint's bulk suppressions (eslint-suppressions.json) and PHPStan/detekt baselines, an
// entry is keyed by file + rule + count, never by line, so an edit elsewhere in the file does not
// invalidate it. Up to `count` findings of that rule in that file are marked suppressed (still
// listed, never dropped); one more is a new finding. The baseline is read from the judge (the
// engine root, i.e. the base branch in check-pr), like the exceptions above; a PR that grows it
// is refused (pr/baseline-grows). `due` is set by the supervising office; monitor lists every
// entry as the city's rectification list (整改清单) and flags the ones past due.
// ---------------------------------------------------------------------------------------------

export const BASELINE_FILE = 'policies/baseline.json';

export interface BaselineEntry {
  /** Register file the findings are in (repository-relative, e.g. accounts/…/x.json). */
  file: string;
  /** Rule id (docs/rules.md). */
  rule: string;
  /** How many findings of that rule in that file are tolerated. */
  count: number;
  /** Account id, for readers and for monitor. */
  account?: string;
  /** 整改期限：由主管单位确定 / due date set by the supervising office. */
  due?: string;
  /** The first finding's message when recorded (for reviewers; not used for matching). */
  message?: string;
}

export interface Baseline {
  /** 接入日期 / adoption day. */
  adoptedOn: string;
  entries: BaselineEntry[];
}

export interface LoadedBaseline {
  rel: string;
  text: string;
  data: Baseline;
}

const DATE_RE = /^\d{4}-\d{2}-\d{2}$/;

/** Check a parsed baseline; returns the problems as [pointer, zh, en]. */
function baselineProblems(v: unknown): [(string | number)[], string, string][] {
  const out: [(string | number)[], string, string][] = [];
  if (!v || typeof v !== 'object' || Array.isArray(v)) return [[[], '基线文件应为一个对象：{"adoptedOn": …, "entries": […]}', 'the baseline must be an object {"adoptedOn", "entries"}']];
  const o = v as Record<string, unknown>;
  for (const k of Object.keys(o)) if (!['$comment', 'adoptedOn', 'entries'].includes(k)) out.push([[k], `不认识的字段“${k}”`, `unknown field "${k}"`]);
  if (typeof o.adoptedOn !== 'string' || !DATE_RE.test(o.adoptedOn)) out.push([['adoptedOn'], 'adoptedOn（接入日期）应为 YYYY-MM-DD', 'adoptedOn must be YYYY-MM-DD']);
  if (!Array.isArray(o.entries)) {
    out.push([['entries'], 'entries 应为数组', 'entries must be an array']);
    return out;
  }
  o.entries.forEach((e, i) => {
    if (!e || typeof e !== 'object' || Array.isArray(e)) {
      out.push([['entries', i], `第 ${i + 1} 项应为对象`, `entry ${i + 1} must be an object`]);
      return;
    }
    const x = e as Record<string, unknown>;
    for (const k of Object.keys(x)) if (!['file', 'rule', 'count', 'account', 'due', 'message'].includes(k)) out.push([['entries', i, k], `第 ${i + 1} 项有不认识的字段“${k}”`, `entry ${i + 1}: unknown field "${k}"`]);
    if (typeof x.file !== 'string' || !x.file.startsWith('accounts/')) out.push([['entries', i, 'file'], `第 ${i + 1} 项的 file 应为 accounts/ 下的文件路径`, `entry ${i + 1}: file must be a path under accounts/`]);
    if (typeof x.rule !== 'string' || x.rule.length < 3) out.push([['entries', i, 'rule'], `第 ${i + 1} 项缺少 rule（规则编号）`, `entry ${i + 1}: rule is missing`]);
    if (typeof x.count !== 'number' || !Number.isInteger(x.count) || x.count < 1) out.push([['entries', i, 'count'], `第 ${i + 1} 项的 count 应为正整数`, `entry ${i + 1}: count must be a positive integer`]);
    if (x.due !== undefined && (typeof x.due !== 'string' || !DATE_RE.test(x.due))) out.push([['entries', i, 'due'], `第 ${i + 1} 项的 due（整改期限）应为 YYYY-MM-DD`, `entry ${i + 1}: due must be YYYY-MM-DD`]);
    for (const k of ['account', 'message'] as const) if (x[k] !== undefined && typeof x[k] !== 'string') out.push([['entries', i, k], `第 ${i + 1} 项的 ${k} 应为文本`, `entry ${i + 1}: ${k} must be text`]);
  });
  return out;
}

/** Parse baseline text; problems are findings on the baseline file. */
export function parseBaseline(text: string, rel = BASELINE_FILE): { baseline?: LoadedBaseline; findings: Finding[] } {
  const parsed = parseJson(text);
  const fix = { zh: '请按 README“接入一个城市”一节的格式修正，或用 govmedia baseline 重新生成后由维护者审核。', en: 'Fix it (see the README section on adopting the register) or regenerate it with govmedia baseline.' };
  if (!parsed.ok) {
    const is = parsed.issues[0];
    return { findings: [fileFinding('register/baseline-invalid', rel, { line: is?.line ?? 1, column: is?.column ?? 1 }, { zh: `接入基线 JSON 语法错误：${is?.detail.zh ?? ''}`, en: `baseline JSON syntax error: ${is?.detail.en ?? ''}` }, fix)] };
  }
  const problems = baselineProblems(parsed.value);
  if (problems.length) return { findings: problems.map(([ptr, zh, en]) => fileFinding('register/baseline-invalid', rel, parsed.locate(ptr), { zh: `接入基线：${zh}`, en: `baseline: ${en}` }, fix)) };
  return { baseline: { rel, text, data: parsed.value as Baseline }, findings: [] };
}

/** Read `<root>/policies/baseline.json` if there is one (or the given file). */
export function loadBaseline(root: string, fileOverride?: string): { baseline?: LoadedBaseline; findings: Finding[] } {
  const file = fileOverride ?? path.join(root, BASELINE_FILE);
  if (!existsSync(file)) return { findings: [] };
  return parseBaseline(readFileSync(file, 'utf8'));
}

export function baselineKey(file: string, rule: string): string {
  return `${file}\u0000${rule}`;
}

/** Findings a baseline may hold: the ones that block (errors and warnings), not already excepted. */
export function baselinable(f: Finding): boolean {
  return !f.suppressed && (f.severity === 'error' || f.severity === 'warning') && f.file.startsWith('accounts/');
}

export const BASELINE_REASON = '接入时已有的问题，已列入整改清单（policies/baseline.json）';

/**
 * Mark findings the baseline covers as suppressed (by "baseline"), up to each entry's count, in
 * the order given (sorted by file, line). With `whole` (an unscoped run), entries with fewer
 * findings than recorded yield a notice (register/baseline-stale) on the baseline file.
 */
export function applyBaseline(findings: Finding[], loaded: LoadedBaseline | undefined, opts: { whole: boolean }): Finding[] {
  if (!loaded) return findings;
  const left = new Map<string, { n: number; e: BaselineEntry; i: number }>();
  loaded.data.entries.forEach((e, i) => {
    const k = baselineKey(e.file, e.rule);
    const had = left.get(k);
    if (had) had.n += e.count;
    else left.set(k, { n: e.count, e, i });
  });
  const out = findings.map((f) => {
    if (!baselinable(f)) return f;
    const slot = left.get(baselineKey(f.file, f.ruleId));
    if (!slot || slot.n <= 0) return f;
    slot.n--;
    return { ...f, suppressed: { by: 'baseline', reason: BASELINE_REASON, expires: slot.e.due ?? '' } };
  });
  if (opts.whole) {
    const parsed = parseJson(loaded.text);
    let fixed = 0;
    let first: { i: number } | undefined;
    for (const s of left.values()) {
      if (s.n > 0) {
        fixed += s.n;
        if (!first || s.i < first.i) first = s;
      }
    }
    if (fixed > 0 && first && parsed.ok) {
      out.push(
        fileFinding(
          'register/baseline-stale',
          loaded.rel,
          parsed.locate(['entries', first.i]),
          { zh: `接入基线中有 ${fixed} 项问题已经整改（不再出现），清单可以缩短`, en: `${fixed} baselined finding(s) are fixed; the baseline can shrink` },
          { zh: '请运行 govmedia baseline --prune 移除已整改的条目，并提交该文件由维护者审核。', en: 'Run govmedia baseline --prune and commit the file for review.' },
        ),
      );
    }
  }
  return out;
}

/**
 * Build a baseline from the current findings. Without `prune`: every blocking finding is
 * recorded (entries already there keep their due date; new ones get `due`). With `prune`: the
 * existing entries only shrink (to what is still present) or go; nothing is added.
 */
export function buildBaseline(findings: readonly Finding[], existing: Baseline | undefined, opts: { now: string; prune: boolean; due?: string }): { baseline: Baseline; added: number; removed: number } {
  const counts = new Map<string, { file: string; rule: string; n: number; account?: string; message: string }>();
  for (const f of findings) {
    if (!(f.severity === 'error' || f.severity === 'warning') || !f.file.startsWith('accounts/')) continue;
    if (f.suppressed && f.suppressed.by !== 'baseline') continue;
    const k = baselineKey(f.file, f.ruleId);
    const c = counts.get(k);
    if (c) c.n++;
    else counts.set(k, { file: f.file, rule: f.ruleId, n: 1, ...(f.account ? { account: f.account } : {}), message: f.message.zh });
  }
  const old = new Map<string, BaselineEntry>();
  let oldTotal = 0;
  for (const e of existing?.entries ?? []) {
    const k = baselineKey(e.file, e.rule);
    const had = old.get(k);
    old.set(k, had ? { ...had, count: had.count + e.count } : { ...e });
    oldTotal += e.count;
  }
  const entries: BaselineEntry[] = [];
  if (opts.prune) {
    for (const [k, e] of old) {
      const n = Math.min(e.count, counts.get(k)?.n ?? 0);
      if (n > 0) entries.push({ ...e, count: n });
    }
  } else {
    for (const [k, c] of counts) {
      const o = old.get(k);
      const due = o?.due ?? opts.due;
      entries.push({ file: c.file, rule: c.rule, count: c.n, ...(c.account ? { account: c.account } : {}), ...(due ? { due } : {}), message: o?.message ?? c.message });
    }
  }
  entries.sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : a.rule < b.rule ? -1 : a.rule > b.rule ? 1 : 0));
  const total = entries.reduce((s, e) => s + e.count, 0);
  let added = 0;
  for (const e of entries) added += Math.max(0, e.count - (old.get(baselineKey(e.file, e.rule))?.count ?? 0));
  return { baseline: { adoptedOn: existing?.adoptedOn ?? opts.now, entries }, added, removed: oldTotal - (total - added) };
}

export function baselineText(b: Baseline): string {
  const doc = {
    $comment: '接入基线（整改清单）：接入登记簿时已有的问题。条目按“文件 + 规则 + 数量”记录；列入的问题不阻断合并，但在检查结果和 monitor 的整改清单中列出。due 为主管单位确定的整改期限。本文件由维护者审核，合并请求不得新增条目；整改后运行 govmedia baseline --prune。',
    adoptedOn: b.adoptedOn,
    entries: b.entries,
  };
  return JSON.stringify(doc, null, 2) + '\n';
}

/** Entries of `head` beyond `base` (file + rule + count): what a change adds to the baseline. */
export function baselineGrowth(base: Baseline | undefined, head: Baseline): BaselineEntry[] {
  const had = new Map<string, number>();
  for (const e of base?.entries ?? []) had.set(baselineKey(e.file, e.rule), (had.get(baselineKey(e.file, e.rule)) ?? 0) + e.count);
  const grown: BaselineEntry[] = [];
  const seen = new Map<string, number>();
  for (const e of head.entries) {
    const k = baselineKey(e.file, e.rule);
    const total = (seen.get(k) ?? 0) + e.count;
    seen.set(k, total);
    const before = had.get(k) ?? 0;
    const extra = Math.min(e.count, total - before);
    if (extra > 0) grown.push({ ...e, count: extra });
  }
  return grown;
}

/** The label maintainers put on a PR that may grow the baseline (a reviewed adoption step). */
export const BASELINE_GROWTH_LABEL = 'baseline-approved';

/**
 * check-pr hook: a PR whose head baseline holds more than the base's gets pr/baseline-grows (an
 * error; a warning when the maintainers labelled the PR `baseline-approved`). Reads the two
 * versions of the file through `show` (the caller's git).
 */
export function baselineGrowthFindings(baseText: string | undefined, headText: string | undefined, labels: readonly string[]): Finding[] {
  if (headText === undefined) return [];
  const head = parseBaseline(headText);
  if (!head.baseline) return head.findings;
  const base = baseText === undefined ? undefined : parseBaseline(baseText).baseline;
  const grown = baselineGrowth(base?.data, head.baseline.data);
  if (!grown.length) return [];
  const n = grown.reduce((s, e) => s + e.count, 0);
  const approved = labels.includes(BASELINE_GROWTH_LABEL);
  const idx = head.baseline.data.entries.findIndex((e) => e.file === grown[0]!.file && e.rule === grown[0]!.rule);
  const parsed = parseJson(headText);
  const f = fileFinding(
    'pr/baseline-grows',
    BASELINE_FILE,
    parsed.ok ? parsed.locate(['entries', Math.max(0, idx)]) : { line: 1, column: 1 },
    {
      zh: `本合并请求向接入基线（整改清单）新增了 ${n} 项（${grown.slice(0, 3).map((e) => `${e.file} 的 ${e.rule}`).join('；')}${grown.length > 3 ? ' 等' : ''}）${approved ? '，维护者已加标签批准' : ''}`,
      en: `this PR adds ${n} item(s) to the adoption baseline${approved ? ' (approved by the maintainers’ label)' : ''}`,
    },
    approved
      ? { zh: '维护者已批准扩大基线；请确认这些问题确实是接入前已有的，并由主管单位确定整改期限（due）。', en: 'Approved by the maintainers; make sure these predate adoption and carry a due date.' }
      : { zh: `新的问题应当整改，不能加入基线；基线只能缩短（govmedia baseline --prune）。确属接入时遗漏的，须由维护者审核后给合并请求加上标签 “${BASELINE_GROWTH_LABEL}”。`, en: `Fix new findings instead; the baseline only shrinks (govmedia baseline --prune). If these predate adoption, a maintainer must label the PR "${BASELINE_GROWTH_LABEL}".` },
  );
  return [approved ? { ...f, severity: 'warning' } : f];
}

/** The baseline file at a commit, or undefined (read through `git show`). */
async function baselineAt(g: { raw(args: string[]): Promise<string> }, commit: string): Promise<string | undefined> {
  try {
    return await g.raw(['show', `${commit}:${BASELINE_FILE}`]);
  } catch {
    return undefined;
  }
}

/**
 * check-pr hook: when the PR touches the baseline file, the findings for what it adds (see
 * baselineGrowthFindings). Kept apart from the judgement so the PR checker only calls it.
 */
export async function baselineGrowthOf(g: { raw(args: string[]): Promise<string> }, baseCommit: string, headCommit: string, changedPaths: readonly string[], labels: readonly string[]): Promise<Finding[]> {
  if (!changedPaths.includes(BASELINE_FILE)) return [];
  const [base, head] = await Promise.all([baselineAt(g, baseCommit), baselineAt(g, headCommit)]);
  return baselineGrowthFindings(base, head, labels);
}
