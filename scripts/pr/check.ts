/**
 * 合并请求检查：用（基准分支的）引擎判断合并请求对登记簿的改动。
 * The pull-request check. Compares the merge base and the head of a PR through Git, classifies
 * every changed file, judges the head's changed units with the engine's policies (only findings
 * the PR introduces block it), computes the approvals each change needs, and decides.
 */
import { baselineGrowthOf } from '../core/exceptions.ts';
import path from 'node:path';
import type { Bilingual, Citation, Finding } from '../core/finding.ts';
import { compareFindings } from '../core/finding.ts';
import { git, GitSource, ObjectReader, resolveCommit, type DiffEntry, type TreeChange } from '../core/git.ts';
import { hintOf, prefetchFor, scopeOf, startCheck, structureUnchanged, type Started } from './start.ts';
import type { FileSource } from '../core/source.ts';
import { parseJson } from '../core/jsonpos.ts';
import { fileFinding, refusedFileFinding, registerPathKind, type DocCache, type Register } from '../core/register.ts';
import { parentOf } from '../core/register-path.ts';
import type { SchemaName, SchemaSet } from '../core/schema.ts';
import { impersonationAcrossScope } from '../core/impersonation-scope.ts';
import { schemasFor, unitDirOf, validateSource } from '../pipeline/pipeline.ts';
import { policiesFor, regionChain } from '../policy/engine.ts';
export type { NextStep };
import { nextStepsFor, type NextStep } from '../policy/deadlines.ts';
import { JUDGING_EXTRAS, loadPolicies } from '../policy/loader.ts';
import type { LoadedPolicy } from '../policy/types.ts';
import { accountSetDiff, classifyAccount, classifyRegion, classifyUnit, isAccountShape, isRegionShape, isUnitShape, needsSupervisor, type Classified, type Illegal, type SetEntry } from './classify.ts';
import { KIND_ZH, type ApprovalGround, type ApprovalRequirement, type ChangeItem, type DecisionRecord, type Verdict } from './types.ts';
import { approvalCitations, STANDARD, type ApprovalKey } from '../policy/basis.ts';
import type { UnitFile } from '../generated/types.ts';

/** Files only the maintainers may change (the judge). */
export const MAINTAINER_PREFIXES = ['policies/', 'schemas/', 'scripts/', '.github/', 'tests/', 'docs/', '.ci/', '.vscode/'];
export const MAINTAINER_FILES = new Set(['package.json', 'package-lock.json', 'tsconfig.json', 'tsconfig.build.json', 'vitest.config.ts', 'README.md', '.gitignore', '.editorconfig', '.gitattributes', '.npmrc', 'LICENSE']);

export const BULK_LABEL = 'govmedia/bulk-change';
export const BULK_MAX_COUNT = 10;
export const BULK_MAX_SHARE = 0.3;

export interface CheckPrOptions {
  repo: string;
  base: string;
  head: string;
  now: string;
  labels: string[];
  engineRoot: string;
  /** inProcess: the running engine was found identical to the base commit's and judged without extraction. */
  engine: { source: 'base' | 'self'; commit?: string; inProcess?: boolean };
  /** base and head already resolved to commits by the caller (saves resolving them again). */
  commits?: { base: string; head: string };
  /** The git work startCheck began for these commits (with `commits`). */
  started?: Started;
  /** The caller's open object reader (it closes it); else checkPr opens and closes its own. */
  reader?: ObjectReader;
}

export { startCheck, scopeOf, hintOf, type Started };

export interface CheckPrResult extends DecisionRecord {
  nextSteps: NextStep[];
  /** Unit names, for the reports. */
  unitNames: Record<string, string>;
  /** Filings the PR brings (for their forms). */
  filings: { accountId: string; eventIndex: number }[];
  headRegister: Register;
}

export function isMaintainerPath(p: string): boolean {
  return MAINTAINER_FILES.has(p) || MAINTAINER_PREFIXES.some((x) => p.startsWith(x));
}

/** A blob as a register document: parsed, then checked against its schema and the shape the classifier reads; anything else is undefined. */
function validDoc<T>(schemas: SchemaSet, name: SchemaName, buf: Buffer | undefined, shape: (v: unknown) => v is T): T | undefined {
  if (!buf) return undefined;
  const p = parseJson(buf.toString('utf8'));
  if (!p.ok || !shape(p.value)) return undefined;
  return schemas.validate(name, p.value).length === 0 ? p.value : undefined;
}

function unitOfPath(p: string): string {
  const parts = p.split('/');
  return parts[parts.length - 2] ?? '';
}

/** The region a register path belongs to, from the path alone ('' for the root). */
function regionOfPath(p: string): string {
  return parentOf(unitDirOf(p));
}

function findingKey(f: Finding): string {
  return `${f.ruleId}|${f.account ?? f.file}|${f.message.zh}`;
}

function prFinding(ill: Illegal, file: string, text: string | undefined, account?: string): Finding {
  let pos = { line: 1, column: 1 };
  if (text && ill.pointer.length) {
    const p = parseJson(text);
    if (p.ok) pos = p.locate(ill.pointer);
  }
  return fileFinding(ill.ruleId, file, pos, ill.message, ill.fix, account);
}

export async function checkPr(o: CheckPrOptions): Promise<CheckPrResult> {
  const g = git(o.repo);
  const baseC = o.commits?.base ?? (await resolveCommit(g, o.base));
  const headC = o.commits?.head ?? (await resolveCommit(g, o.head));
  // the policies load while git works (awaited below; a failure is reported there, not as an unhandled rejection)
  const policiesP = loadPolicies(o.engineRoot, JUDGING_EXTRAS);
  policiesP.catch(() => undefined);
  const started = o.started && o.commits ? o.started : startCheck(o.repo, baseC, headC);
  const mb = await started.mergeBase;
  // one listing, of the merge base, started at once; the diff decides what of it is kept, and the
  // head's listing is the merge base's with the exact tree delta applied (no second listing)
  const diffsP = started.diffs;
  const deltaP = started.delta;
  const hintP = diffsP.then((d) => hintOf(d, scopeOf(d)));
  // the object reader (the caller's, started first thing, or one started now, while this process is
  // still small: a process starts slower from a larger one) serves every prefetch round (and tells
  // a listing begun here the names in the changed folders)
  const reader = o.reader ?? new ObjectReader(o.repo);
  // the listing startCheck began with the merge base (the command's early start), else begun now
  const baseP = (started.listing ?? Promise.resolve(undefined)).then((l) => l ?? GitSource.open(o.repo, mb, ['accounts'], hintP, undefined, reader));
  let baseSrc: GitSource;
  let headSrc: GitSource | undefined;
  let diffs: DiffEntry[];
  let j: Judgement;
  try {
    // both sources, already prefetched, when the command's early start made them (startCheck)
    const early = started.sources ? await started.sources : undefined;
    let delta: TreeChange[] | undefined;
    [diffs, delta, baseSrc] = await Promise.all([diffsP, deltaP, early ? early.base : baseP]);
    if (early) headSrc = early.head;
    else {
      try {
        if (delta) headSrc = baseSrc.derive(headC, delta);
      } catch {
        headSrc = undefined; // a change the diff did not name (cannot happen with git's own diff): list the head itself
      }
      headSrc ??= await GitSource.open(o.repo, headC, ['accounts'], await hintP, undefined, reader);
      await prefetchFor([baseSrc, headSrc], diffs, reader);
    }
    const policies = await policiesP;
    // the reader stays open while judging: a name index not cached is made through it (no git of its own)
    j = await judge({ baseSrc, headSrc, diffs, now: o.now, labels: o.labels, engineRoot: o.engineRoot, policies, reader });
  } finally {
    if (!o.reader) reader.close();
  }
  // the adoption baseline (policies/baseline.json) may only shrink in a PR (scripts/core/exceptions.ts)
  const grows = await baselineGrowthOf(g, mb, headC, diffs.map((d) => d.path), o.labels);
  if (grows.length) {
    j.findings.introduced.push(...grows);
    if (grows.some((f) => f.severity === 'error')) j.verdict = { result: 'fail', reasons: [{ zh: '本合并请求向接入基线（整改清单）新增了条目', en: 'this PR adds to the adoption baseline' }, ...j.verdict.reasons.filter(() => j.verdict.result === 'fail')] };
  }
  return {
    tool: 'govmedia check-pr',
    generatedAt: new Date().toISOString(),
    now: o.now,
    base: { ref: o.base, commit: baseC },
    head: { ref: o.head, commit: headC },
    mergeBase: mb,
    engine: o.engine,
    policies: j.policies,
    changes: j.changes,
    approvals: j.approvals,
    labels: o.labels,
    findings: j.findings,
    verdict: j.verdict,
    nextSteps: j.nextSteps,
    unitNames: j.unitNames,
    filings: filingsOf(j.changes, j.headRegister),
    headRegister: j.headRegister,
  };
}

export interface JudgeInput {
  baseSrc: FileSource;
  headSrc: FileSource;
  diffs: readonly DiffEntry[];
  now: string;
  labels: string[];
  engineRoot: string;
  policies: LoadedPolicy[];
  /** File results reused across judgements (audit). */
  cache?: DocCache;
  /** The check's open cat-file (check-pr): a name index that is not cached is made through it. */
  reader?: ObjectReader;
}

export interface Judgement {
  changes: ChangeItem[];
  findings: { introduced: Finding[]; preexisting: Finding[]; suppressed: Finding[] };
  approvals: ApprovalRequirement[];
  nextSteps: NextStep[];
  unitNames: Record<string, string>;
  verdict: Verdict;
  policies: DecisionRecord['policies'];
  /** The head's (scoped) register, for forms. */
  headRegister: Register;
}

function readText(src: FileSource, rel: string): Buffer | undefined {
  try {
    return src.read(rel);
  } catch {
    return undefined;
  }
}

/**
 * Judge one change of the register: base and head sources (blobs of region.json, unit.json
 * and the touched unit folders readable), the list of changed paths. Used by check-pr and,
 * commit by commit, by audit.
 */
export async function judge(o: JudgeInput): Promise<Judgement> {
  const { baseSrc, headSrc, diffs } = o;
  const scope = scopeOf(diffs);
  // a file both sides hold unchanged (same path, same content id) is read and checked once: every
  // region.json and most referenced unit.json files (a source without content ids shares nothing)
  const cache = o.cache ?? new Map();
  // changes to account files only: the regions of the changed folders and above them are read, not
  // every region (no other region's findings can differ between the sides, so none is introduced)
  const scoped = { engineRoot: o.engineRoot, now: o.now, scope, policies: o.policies, cache, ...(structureUnchanged(diffs) ? { scopeRegions: 'ancestors' as const } : {}) };
  const [baseRes, headRes] = await Promise.all([validateSource(baseSrc, scoped), validateSource(headSrc, scoped)]);
  const headReg = headRes.register;
  const baseReg = baseRes.register;
  const policies = o.policies;

  const unitNames: Record<string, string> = {};
  for (const reg of [baseReg, headReg]) for (const u of reg.units.values()) unitNames[u.id] = u.data.name;
  const unitName = (id: string): string => unitNames[id] ?? id;

  // ---- classify: one rule for the account set (accountSetDiff), every blob shape-checked first
  const schemas = schemasFor(o.engineRoot);
  const changes: ChangeItem[] = [];
  const prFindings: Finding[] = [];
  /** Changed register paths whose head is not a valid register file: they must carry a finding. */
  const mustHaveFinding = new Map<string, string>();
  let rulesChanged = false;
  let dataChanged = false;
  for (const d of accountSetDiff(diffs)) {
    try {
      const r = classifyOne(d);
      if (r === 'rules') rulesChanged = true;
    } catch (e) {
      // the last line of defence: a change that cannot be judged blocks, with a finding, never a crash
      changes.push({ kind: 'illegal', status: d.status, path: d.path, fields: [], newEvents: [] });
      prFindings.push(fileFinding('pr/unreadable-file', d.path, { line: 1, column: 1 }, { zh: `无法判断对“${d.path}”的改动（检查程序内部错误：${String((e as Error)?.message ?? e).slice(0, 200)}），本次修改不能合并`, en: `the change to "${d.path}" cannot be judged (internal error: ${String((e as Error)?.message ?? e).slice(0, 200)}); it cannot be merged` }, { zh: '请检查该文件是否为有效的登记簿文件；如确认无误，请把这条信息报告给本库维护者。', en: 'Check that the file is a valid register file; if it is, report this to the maintainers.' }));
    }
  }

  function classifyOne(d: SetEntry): 'rules' | 'data' | 'other' {
    const p = d.path;
    const kind = registerPathKind(p);
    if (kind !== 'outside' || (d.fromPath !== undefined && registerPathKind(d.fromPath) !== 'outside')) dataChanged = true;
    if (kind === 'outside') {
      if (isMaintainerPath(p) || (d.fromPath !== undefined && isMaintainerPath(d.fromPath))) {
        changes.push({ kind: 'rules', status: d.status, path: p, ...(d.fromPath ? { fromPath: d.fromPath } : {}), fields: [], newEvents: [] });
        return 'rules';
      }
      changes.push({ kind: 'illegal', status: d.status, path: p, fields: [], newEvents: [] });
      prFindings.push(fileFinding('pr/outside-tree', p, { line: 1, column: 1 }, { zh: `“${p}”不在登记簿（accounts/）或规则文件之内`, en: `"${p}" is neither in the register (accounts/) nor among the rules files` }, { zh: '登记簿的合并请求只能修改 accounts/ 下的文件；其他文件请交由维护者处理。', en: 'Register PRs change files under accounts/ only.' }));
      return 'other';
    }
    const headBuf = d.status === 'D' ? undefined : readText(headSrc, p);
    const baseBuf = d.status === 'A' ? undefined : readText(baseSrc, d.fromPath ?? p);
    if (kind === 'refused') {
      // not a register file: refused whatever it holds (its content is never read); removing one is a
      // clean-up of the tree, which the maintainers approve (nothing under accounts/ goes unapproved)
      changes.push({ kind: d.status === 'D' ? 'rules' : 'illegal', status: d.status, path: p, ...(d.fromPath ? { fromPath: d.fromPath } : {}), fields: [], newEvents: [] });
      if (d.status !== 'D') mustHaveFinding.set(p, 'refused');
      return 'data';
    }
    if (kind === 'region') {
      const bv = validDoc(schemas, 'region', baseBuf, isRegionShape);
      const hv = validDoc(schemas, 'region', headBuf, isRegionShape);
      if (d.status !== 'D' && !hv) mustHaveFinding.set(p, 'malformed');
      const item = classifyRegion(d.status, p, bv, hv);
      if (item.regionId === undefined) item.regionId = unitDirOf(p);
      changes.push(item);
      return 'rules';
    }
    if (kind === 'unit') {
      const dir = unitDirOf(p);
      const hasAccounts = headSrc.list(`accounts/${dir}`).some((x) => x.type === 'file' && registerPathKind(x.rel) === 'account' && unitDirOf(x.rel) === dir);
      const bv = validDoc(schemas, 'unit', baseBuf, isUnitShape);
      const hv = validDoc(schemas, 'unit', headBuf, isUnitShape);
      if (d.status !== 'D' && !hv) mustHaveFinding.set(p, 'malformed');
      const c = classifyUnit(d.status, p, bv, hv, hasAccounts);
      if (c.item.unitId === undefined) c.item.unitId = dir.slice(dir.lastIndexOf('/') + 1);
      c.item.regionId = parentOf(dir);
      changes.push(c.item);
      for (const ill of c.illegal) prFindings.push(prFinding(ill, p, headBuf?.toString('utf8')));
      return 'data';
    }
    // an account path
    const bv = validDoc(schemas, 'account', baseBuf, isAccountShape);
    const hv = validDoc(schemas, 'account', headBuf, isAccountShape);
    let c: Classified;
    if (d.status === 'D') {
      c = classifyAccount('D', p, undefined, bv, undefined, unitName, d.movedTo);
    } else if (!hv) {
      // the head is not a valid account (broken JSON, wrong shape, a folder or link in its place):
      // nothing in it is trusted; the loader's located findings say what is wrong
      mustHaveFinding.set(p, 'malformed');
      c = { item: { kind: 'illegal', status: d.status, path: p, ...(d.fromPath ? { fromPath: d.fromPath } : {}), accountId: path.posix.basename(p).slice(0, -5), unitId: unitOfPath(p), fields: [], newEvents: [] }, illegal: [] };
    } else if (baseBuf !== undefined && !bv) {
      // repairing a file that was broken on the base: judged like a key change (the supervisor approves)
      c = { item: { kind: 'key-change', status: d.status, path: p, ...(d.fromPath ? { fromPath: d.fromPath } : {}), accountId: hv.id, accountName: hv.name, unitId: unitOfPath(p), fields: [], newEvents: [] }, illegal: [] };
    } else {
      c = classifyAccount(d.status, p, d.fromPath, bv, hv, unitName);
    }
    const u = baseReg.units.get(c.item.unitId ?? '') ?? headReg.units.get(c.item.unitId ?? '');
    if (u) c.item.regionId = u.regionId;
    else if (c.item.regionId === undefined) c.item.regionId = regionOfPath(p);
    changes.push(c.item);
    for (const ill of c.illegal) prFindings.push(prFinding(ill, p, headBuf?.toString('utf8'), c.item.accountId));
    return 'data';
  }

  if (rulesChanged && dataChanged && changes.some((c) => c.kind !== 'rules' && c.kind !== 'region')) {
    prFindings.push(fileFinding('pr/mixed-rules-and-data', changes.find((c) => c.kind === 'rules' || c.kind === 'region')!.path, { line: 1, column: 1 }, { zh: '本合并请求同时修改了规则（办法、模式、程序或地区配置）和账号数据：规则修改须单独提交，由维护者审核', en: 'this PR changes both the rules (policies, schemas, scripts or region config) and account data; rules changes go in their own PR for the maintainers' }, { zh: '请把规则修改和账号变更拆成两个合并请求；账号变更按现行规则检查。', en: 'Split it into two PRs; account changes are judged by the current rules.' }));
  }

  // ---- a new or renamed account against the names of every account outside the scope
  prFindings.push(...(await impersonationAcrossScope(baseReg, headReg, headSrc, { baseSrc, changed: diffs.flatMap((d) => (d.fromPath ? [d.path, d.fromPath] : [d.path])), reader: o.reader })));

  // ---- bulk guard
  for (const b of bulkCheck(changes, baseSrc, baseReg)) {
    if (!o.labels.includes(BULK_LABEL)) {
      prFindings.push(fileFinding('pr/bulk-change', `accounts/${b.region ? b.region + '/' : ''}region.json`, { line: 1, column: 1 }, { zh: `本次合并请求关停或迁出了地区“${b.name}”的 ${b.count} 个账号（共 ${b.total} 个，占 ${Math.round((b.count / Math.max(1, b.total)) * 100)}%），超过单次上限（${BULK_MAX_COUNT} 个或 ${BULK_MAX_SHARE * 100}%）`, en: `this PR closes or moves ${b.count} of ${b.total} accounts of ${b.name}, over the limit (${BULK_MAX_COUNT} or ${BULK_MAX_SHARE * 100}%)` }, { zh: `如确属机构改革等批量调整，请由主管单位确认后给合并请求加上标签 “${BULK_LABEL}”。`, en: `If intended (e.g. an institutional reform), have the supervisor add the label "${BULK_LABEL}".` }));
    }
  }

  // ---- findings: only what the change introduces blocks it
  const baseKeys = new Map<string, number>();
  for (const f of baseRes.findings) baseKeys.set(findingKey(f), (baseKeys.get(findingKey(f)) ?? 0) + 1);
  const introduced: Finding[] = [];
  const preexisting: Finding[] = [];
  const suppressed: Finding[] = [];
  for (const f of headRes.findings) {
    if (f.suppressed) {
      suppressed.push(f);
      continue;
    }
    const k = findingKey(f);
    const n = baseKeys.get(k) ?? 0;
    if (n > 0) {
      baseKeys.set(k, n - 1);
      preexisting.push(f);
    } else introduced.push(f);
  }
  introduced.push(...prFindings);
  // every refused or malformed file the change brings carries a located finding, whatever the
  // loader's scope saw (a file whose problem was already on the base still blocks when changed)
  for (const [p, why] of mustHaveFinding) {
    if (introduced.some((f) => f.file === p && f.severity === 'error')) continue;
    if (why === 'refused') introduced.push(refusedFileFinding(p));
    else introduced.push(fileFinding('pr/unreadable-file', p, { line: 1, column: 1 }, { zh: `改动后的“${p}”不是有效的登记簿文件（JSON 语法或数据模式不符），其内容不被采信`, en: `"${p}" after the change is not a valid register file (JSON syntax or schema); its content is not trusted` }, { zh: '请按 govmedia validate 的提示修正该文件（可用 govmedia new / change 生成正确的文件）。', en: 'Fix the file as govmedia validate explains.' }));
  }
  introduced.sort(compareFindings);
  preexisting.sort(compareFindings);

  const approvals = computeApprovals(changes, headReg, baseReg, { policies, now: o.now });
  const nextSteps = computeNextSteps(changes, headReg, policies, o.now);

  const reasons: Bilingual[] = [];
  const blocking = introduced.filter((f) => f.severity === 'error');
  if (blocking.length) reasons.push({ zh: `有 ${blocking.length} 条由本次修改引入的错误`, en: `${blocking.length} error(s) introduced by this change` });
  else reasons.push({ zh: '未发现由本次修改引入的错误；合并前须取得下列审批', en: 'no errors introduced; the approvals below are still required' });
  const verdict: Verdict = { result: blocking.length ? 'fail' : 'pass', reasons };

  const usedPolicies = new Map<string, LoadedPolicy>();
  for (const c of changes) if (c.regionId !== undefined) for (const p of policiesFor(headReg, policies, c.regionId, o.now)) usedPolicies.set(p.manifest.id, p);
  return {
    changes,
    findings: { introduced, preexisting, suppressed },
    approvals,
    nextSteps,
    unitNames,
    verdict,
    policies: [...usedPolicies.values()].map((p) => ({ id: p.manifest.id, docNumber: p.manifest.docNumber, version: p.version, inForce: p.manifest.inForce, ...(p.manifest.inForceFromAdoption ? { inForceFromAdoption: true as const } : {}) })),
    headRegister: headReg,
  };
}

const FILING_TYPES = new Set(['开设备案', '补录备案', '变更备案', '关停备案']);

/** The filings a change brings (account id and event index in the head file), for their forms. */
export function filingsOf(changes: readonly ChangeItem[], head: Register): { accountId: string; eventIndex: number }[] {
  const out: { accountId: string; eventIndex: number }[] = [];
  for (const c of changes) {
    if (!c.accountId || c.kind === 'illegal') continue;
    const a = head.accountsById.get(c.accountId);
    if (!a) continue;
    const first = a.data.events.length - c.newEvents.length;
    a.data.events.forEach((e, i) => {
      if (i >= first && FILING_TYPES.has(e.type)) out.push({ accountId: a.id, eventIndex: i });
    });
  }
  return out;
}

interface Bulk {
  region: string;
  name: string;
  count: number;
  total: number;
}

function bulkCheck(changes: ChangeItem[], baseSrc: FileSource, baseReg: Register): Bulk[] {
  const per = new Map<string, number>();
  for (const c of changes) {
    if (c.accountId === undefined) continue;
    const closing = c.kind === 'closing' && c.newEvents.includes('关停备案');
    const movedOut = c.fromUnitId !== undefined && c.fromUnitId !== c.unitId;
    const deleted = c.status === 'D';
    if (!closing && !movedOut && !deleted) continue;
    const from = c.fromPath ?? c.path;
    const dir = unitDirOf(from);
    const region = parentOf(dir);
    per.set(region, (per.get(region) ?? 0) + 1);
  }
  const out: Bulk[] = [];
  if (per.size === 0) return out;
  for (const [region, count] of per) {
    const prefix = `accounts/${region ? region + '/' : ''}`;
    const total = baseSrc.list(prefix).filter((e) => e.type === 'file' && e.rel.endsWith('.json') && !e.rel.endsWith('/unit.json') && !e.rel.endsWith('/region.json') && e.rel.slice(prefix.length).split('/').length === 2).length;
    if (count > BULK_MAX_COUNT || count / Math.max(1, total) > BULK_MAX_SHARE) out.push({ region, name: baseReg.regions.get(region)?.data.name ?? region, count, total });
  }
  return out;
}

/**
 * Who must approve: the unit's reviewers; the supervising office for open/close/key changes;
 * maintainers for rules. Every reviewer list is read from the base register only — a PR never
 * names its own approvers: a change to unit.json reviewers, a unit's supervisor or a region's
 * supervisor or maintainers is approved by the holders on the base. A unit or region the PR
 * adds has no holders yet: the nearest supervising office on the base approves it. A move out of
 * a unit needs the former unit and, when it differs, the former supervising office (a move to
 * another region asks both regions' offices). `head` is used for nothing but the justification
 * texts shown to the approvers (a recorded justification adds the supervising office).
 * With `basis`, every requirement carries its grounds: why, in words, and the articles of the
 * modules bound to the region on the base (each module's basis.ts; the register standard for maintainers).
 */
export function computeApprovals(changes: ChangeItem[], head: Register, base: Register, basis?: { policies: readonly LoadedPolicy[]; now: string }): ApprovalRequirement[] {
  const groups = new Map<string, ApprovalRequirement>();
  /** The articles behind an approval for a region (and the unit's kind), nearest bound measure first. */
  const cite = (regionId: string, keys: ApprovalKey[], unitKind?: UnitFile['kind']): Citation[] => {
    if (!basis) return [];
    if (keys.includes('maintainers')) return [STANDARD.maintainers];
    return approvalCitations(base, basis.policies, regionId, keys, basis.now, unitKind);
  };
  const G = (key: string, citations: Citation[]): Omit<ApprovalGround, 'change'> => ({ key, why: (WHY as Record<string, Bilingual | undefined>)[key] ?? WHY.supervisor, citations });
  const add = (key: string, role: Bilingual, reviewers: string[], because: string, ground?: Omit<ApprovalGround, 'change'>): void => {
    let g = groups.get(key);
    if (!g) groups.set(key, (g = { role, reviewers: [...new Set(reviewers)], because: [] }));
    if (!g.because.includes(because)) g.because.push(because);
    if (ground && basis) {
      const gs = (g.grounds ??= []);
      const full: ApprovalGround = { change: because, ...ground };
      const id = (x: ApprovalGround): string => `${x.change}\u0000${x.key}`;
      if (!gs.some((x) => id(x) === id(full))) gs.push(full);
    }
  };
  const root = base.regions.get('');
  const maintainers = root?.data.reviewers?.maintainers ?? [];
  type Team = { name: string; reviewers: string[]; key: string };
  const regionSupervisor = (regionId: string): Team | undefined => {
    for (const r of regionChain(base, regionId)) {
      const rev = r.data.reviewers?.supervisor;
      if (rev && rev.length) {
        const office = r.data.supervisingOffice ? base.units.get(r.data.supervisingOffice)?.data.name : undefined;
        return { name: office ?? r.data.supervisingOfficeName ?? `${r.data.name}主管单位`, reviewers: rev, key: `supervisor:${r.id}` };
      }
    }
    return undefined;
  };
  /** The supervising office of a unit on the base: its own supervisor (vertically managed systems), else its region's. */
  const unitSupervisor = (unitId: string | undefined, fallbackRegion: string): Team | undefined => {
    const unit = unitId ? base.units.get(unitId) : undefined;
    const sup = unit?.data.supervisor ? base.units.get(unit.data.supervisor) : undefined;
    if (sup?.data.reviewers?.length) return { name: sup.data.name, reviewers: sup.data.reviewers, key: `supervisor-unit:${sup.id}` };
    return regionSupervisor(unit?.regionId ?? fallbackRegion);
  };
  const addSupervisor = (s: Team | undefined, what: string, former = false, ground?: Omit<ApprovalGround, 'change'>): void => {
    if (s) add(s.key, { zh: `${former ? '原' : ''}主管单位“${s.name}”`, en: `${former ? 'former ' : ''}supervising office "${s.name}"` }, s.reviewers, what, ground);
  };
  for (const c of changes) {
    const what = describeShort(c);
    if (c.kind === 'rules' || c.kind === 'region') {
      add('maintainers', { zh: '本库维护者', en: 'the register maintainers' }, maintainers, what, G('maintainers', cite('', ['maintainers'])));
      if (c.kind === 'region' && c.regionId !== undefined) addSupervisor(regionSupervisor(c.regionId), what, false, G('supervisor:region', cite(c.regionId, ['supervisor:region', 'supervisor'])));
      continue;
    }
    const unitId = c.unitId;
    const unit = unitId ? base.units.get(unitId) : undefined;
    const regionId = unit?.regionId ?? c.regionId ?? '';
    const kind = unit?.data.kind;
    if (unit) {
      const nonKey = c.kind === 'non-key-change' && !needsSupervisor(c);
      add(`unit:${unit.id}`, { zh: `主办单位“${unit.data.name}”`, en: `host unit "${unit.data.name}"` }, unit.data.reviewers ?? [], what, G(nonKey ? 'unit:non-key-change' : 'unit', cite(regionId, [`unit:${c.kind}`, 'unit'], kind)));
    }
    const moved = c.fromUnitId !== undefined && c.fromUnitId !== unitId;
    const from = moved ? base.units.get(c.fromUnitId!) : undefined;
    if (from) add(`unit:${from.id}`, { zh: `原主办单位“${from.data.name}”`, en: `former host unit "${from.data.name}"` }, from.data.reviewers ?? [], what, G('former-unit', cite(from.regionId, ['former-supervisor', 'unit'], from.data.kind)));
    // a justification for a 原则上 rule stands only once the supervising office approves it
    const justified = justificationsOf(c, head);
    if (justified.length) c.justifications = justified;
    // a unit the PR adds (or a change in one) has no reviewers on the base: its supervising office approves
    if (needsSupervisor(c) || c.kind === 'illegal' || (unitId !== undefined && !unit) || justified.length) {
      const s = unitSupervisor(unitId, regionId);
      const key = unitId !== undefined && !unit ? 'supervisor:new-unit' : `supervisor:${c.kind}`;
      if (needsSupervisor(c) || c.kind === 'illegal' || (unitId !== undefined && !unit)) addSupervisor(s, what, false, G(key, cite(regionId, [`supervisor:${c.kind}`, 'supervisor'], kind)));
      if (justified.length) {
        // a justification on a filing cites the module's 原则上 article for filings; one on another event
        // (a late 密码更换) cites only the article for that event, never the filings' one
        const seen = new Set<string>();
        const citations: Citation[] = [];
        for (const t of new Set(justified.map((j) => j.type))) {
          for (const c of cite(regionId, [FILING_TYPES.has(t) ? 'justification' : `justification:${t}`], kind)) {
            const id = `${c.doc} ${c.article}`;
            if (!seen.has(id)) citations.push(c), seen.add(id);
          }
        }
        addSupervisor(s, what, false, G('justification', citations));
      }
      // a unit folder moved to another region: the receiving region's office approves too
      if ((c.kind === 'unit-change' || c.kind === 'unit') && unit && c.regionId !== undefined && c.regionId !== unit.regionId) {
        const to = regionSupervisor(c.regionId);
        if (to && to.key !== s?.key) addSupervisor(to, what, false, G('receiving-supervisor', cite(c.regionId, ['receiving-supervisor', 'supervisor'])));
      }
      if (moved) {
        const fromRegion = from?.regionId ?? regionOfPath(c.fromPath ?? '');
        const fs = unitSupervisor(c.fromUnitId, regionOfPath(c.fromPath ?? ''));
        if (fs && fs.key !== s?.key) addSupervisor(fs, what, true, G('former-supervisor', cite(fromRegion, ['former-supervisor', 'supervisor:key-change', 'supervisor'], from?.data.kind)));
      }
    }
  }
  return [...groups.values()];
}

/** Why each approver must approve, in words (the articles come from the bound modules' basis.ts). */
const WHY = {
  unit: { zh: '主办单位对本单位的账号负责（谁开设、谁主办），这项办理须经本单位同意', en: "the host unit answers for its accounts (whoever opens it runs it); this filing needs the unit's consent" },
  'unit:non-key-change': { zh: '非关键信息（人员、电话等）由主办单位自行修改，并向主管单位报备，不需主管单位审批', en: 'non-key information (staff, phones …) is changed by the host unit itself and reported to the supervising office; no supervisor approval' },
  'former-unit': { zh: '账号迁出本单位（主办单位变化），须经原主办单位同意', en: 'the account leaves this unit (a change of host unit); the former host unit consents' },
  supervisor: { zh: '这项办理须经主管单位审核', en: 'the supervising office reviews this filing' },
  'supervisor:open': { zh: '开设须经主管单位审核同意，并由主管单位备案', en: 'an opening needs the supervising office\'s review and approval, and is filed with it' },
  'supervisor:backfill': { zh: '补录（纳入监管）须经主管单位审核同意，并由主管单位备案', en: 'a backfill (bringing an account under supervision) needs the supervising office\'s approval' },
  'supervisor:key-change': { zh: '关键信息（名称、认证主体及其分类、主办单位）变更须报主管单位审核备案', en: 'a key change (name, certified entity and its category, host unit) is filed with the supervising office for review' },
  'supervisor:closing': { zh: '关停、注销须报主管单位审核备案', en: 'a closure is filed with the supervising office for review' },
  'supervisor:progress': { zh: '记录的是主管单位自己的审核意见或上报备案，须由主管单位确认', en: "the change records the supervising office's own review or upward filing; the office confirms it" },
  'supervisor:unit': { zh: '新单位的类别、上级和审核人决定适用的规则和审批，由主管单位确认', en: 'a new unit\'s kind, parent and reviewers decide which rules and approvals apply; the supervising office confirms them' },
  'supervisor:unit-change': { zh: '单位的类别、上级、主管单位和审核人决定适用的规则和审批，由主管单位确认', en: "a unit's kind, parent, supervisor and reviewers decide which rules and approvals apply; the supervising office confirms them" },
  'supervisor:region': { zh: '地区的主管单位、适用办法和审核人由主管单位确认', en: "a region's supervising office, measures and reviewers are confirmed by the supervising office" },
  'supervisor:illegal': { zh: '不合规的修改由主管单位审查（修正前不能合并）', en: 'a change that breaks the rules is reviewed by the supervising office (it cannot merge until fixed)' },
  'supervisor:new-unit': { zh: '单位是本次新增的，尚无审核人，由主管单位批准', en: 'the unit is new in this change and has no reviewers yet; the supervising office approves' },
  justification: { zh: '修改中写明了“原则上”条款的例外理由（备案，或未按期更换密码的理由），须经主管单位审核同意方可成立', en: 'the change gives a justification for an exception to a rule that holds "in principle" (on a filing, or for a late password change); it stands only once the supervising office approves it' },
  'former-supervisor': { zh: '账号迁往其他主管单位管辖的单位（主办单位变化），原主管单位须同意', en: 'the account moves to a unit under another supervising office (a change of host unit); the former office consents' },
  'receiving-supervisor': { zh: '单位迁入本地区，接收地区的主管单位须同意', en: 'the unit moves into this region; the receiving region\'s supervising office consents' },
  maintainers: { zh: '规则、数据模式、检查程序和地区配置由本库维护者审核', en: 'rules, schemas, the engine and region configuration are reviewed by the maintainers' },
} satisfies Record<string, Bilingual>;

/** Justifications the events appended by a change record (head data, for display only; the approvers come from the base). */
function justificationsOf(c: ChangeItem, head: Register): NonNullable<ChangeItem['justifications']> {
  if (!c.accountId || c.newEvents.length === 0) return [];
  const a = head.accountsById.get(c.accountId);
  if (!a) return [];
  const evs = a.data.events.slice(-c.newEvents.length);
  return evs.filter((e) => typeof e.justification === 'string' && e.justification.trim() !== '').map((e) => ({ type: e.type, date: e.date, text: e.justification! }));
}

export { KIND_ZH };

export function describeShort(c: ChangeItem): string {
  return `${KIND_ZH[c.kind]}：${c.accountName ? `“${c.accountName}”` : c.path}`;
}

function computeNextSteps(changes: ChangeItem[], head: Register, policies: readonly LoadedPolicy[], now: string): NextStep[] {
  const out: NextStep[] = [];
  for (const c of changes) {
    const a = c.accountId ? head.accountsById.get(c.accountId) : undefined;
    if (a) out.push(...nextStepsFor(a, head, policies, now));
  }
  return out.sort((x, y) => (x.due < y.due ? -1 : x.due > y.due ? 1 : 0));
}
