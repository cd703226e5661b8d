/**
 * 备案助手的“裁判”：在浏览器里用与命令行完全相同的模式校验、登记簿加载和管理办法规则，
 * 判断拟提交的账号文件（与 scripts/scaffold/guard.ts 的 judgeChange 同一做法：
 * 叠加前后各跑一遍，只看本次修改引入的检查结果，再加上合并请求检查的前后对比规则）。
 *
 * The assistant's judge: the same schema validation, register loading and policy rules as the
 * CLI, run in the page over an in-memory snapshot of the register. As judgeChange does for the
 * scaffolder: run before and after, keep what the change introduces, add the pull-request
 * check's transition rules (append-only events, filings for key changes).
 *
 * Nothing here touches a file system: files come from the snapshot (a map of path → text).
 */
import { compareFindings, type Finding } from '../core/finding.ts';
import { applyExceptions, type LoadedException } from '../core/exceptions.ts';
import { impersonationFindings, nameInUse, type NameEntry } from '../core/impersonation.ts';
import { parseJson } from '../core/jsonpos.ts';
import { unitDirOf } from '../core/paths.ts';
import { fileFinding, loadRegister, type Register } from '../core/register.ts';
import { SchemaSet } from '../core/schema.ts';
import type { Entry, FileSource } from '../core/source.ts';
import type { AccountFile, ExceptionFile } from '../generated/types.ts';
import { runPolicies } from '../policy/engine.ts';
import type { LoadedPolicy } from '../policy/types.ts';
import { classifyAccount } from '../pr/classify.ts';
import { justificationNeeds, type JustificationNeed } from '../policy/justification.ts';

/** What the page carries: register files (path → text) and the reviewed exceptions. */
export interface Snapshot {
  /** Data date of the snapshot (the site's build date). */
  builtOn: string;
  files: Record<string, string>;
  /** Files carried as JSON values (their text is JSON.stringify(value, null, 2) + newline). */
  docs?: Record<string, unknown>;
  exceptions: { rel: string; text: string }[];
}

/** The snapshot with every file as text again (see packSnapshot in page.ts). */
export function expandSnapshot(snap: Snapshot): Snapshot {
  if (!snap.docs) return snap;
  const files: Record<string, string> = { ...snap.files };
  for (const [rel, v] of Object.entries(snap.docs)) files[rel] = JSON.stringify(v, null, 2) + '\n';
  return { builtOn: snap.builtOn, files, exceptions: snap.exceptions };
}

/** A source over path → text (no bytes: the texts are already strings). */
export class TextSource implements FileSource {
  private readonly files = new Map<string, string>();
  constructor(
    readonly label: string,
    files: Record<string, string> | Map<string, string>,
  ) {
    for (const [k, v] of files instanceof Map ? files : Object.entries(files)) this.files.set(k, v);
  }
  set(rel: string, text: string): void {
    this.files.set(rel, text);
  }
  list(prefix: string): Entry[] {
    const p = prefix.replace(/\/+$/, '') + '/';
    const dirs = new Set<string>();
    const out: Entry[] = [];
    for (const rel of this.files.keys()) {
      if (!rel.startsWith(p)) continue;
      const parts = rel.slice(p.length).split('/');
      let acc = p.slice(0, -1);
      for (let i = 0; i < parts.length - 1; i++) {
        acc += '/' + parts[i];
        if (!dirs.has(acc)) {
          dirs.add(acc);
          out.push({ rel: acc, type: 'dir', size: 0 });
        }
      }
      out.push({ rel, type: 'file', size: 0 });
    }
    return out.sort((a, b) => (a.rel < b.rel ? -1 : a.rel > b.rel ? 1 : 0));
  }
  readText(rel: string): string {
    const t = this.files.get(rel);
    if (t === undefined) throw new Error(`no such file: ${rel}`);
    return t;
  }
  read(rel: string): Buffer {
    return Buffer.from(this.readText(rel), 'utf8');
  }
  exists(rel: string): boolean {
    if (this.files.has(rel)) return true;
    const p = rel.replace(/\/+$/, '') + '/';
    for (const k of this.files.keys()) if (k.startsWith(p)) return true;
    return false;
  }
}

let schemaSet: SchemaSet | undefined;
/**
 * The precompiled validators (scripts/generated/validators.ts) are bundled into the page; the
 * build checks they were generated from the bundled schemas' exact texts (see bundle.ts), so the
 * page uses them without re-reading the schema files.
 */
export function browserSchemas(): SchemaSet {
  if (!schemaSet) {
    schemaSet = new SchemaSet('/schemas');
    Object.defineProperty(schemaSet, 'precompiled', { value: true });
  }
  return schemaSet;
}

function exceptionsOf(snap: Snapshot): LoadedException[] {
  const out: LoadedException[] = [];
  for (const e of snap.exceptions) {
    const parsed = parseJson(e.text);
    if (!parsed.ok || typeof parsed.value !== 'object' || parsed.value === null) continue;
    out.push({ file: { rel: e.rel, text: e.text, parsed }, data: parsed.value as ExceptionFile });
  }
  return out;
}

export interface Loaded {
  register: Register;
  findings: Finding[];
}

export function loadSnapshot(src: FileSource, policies: readonly LoadedPolicy[], now: string, scope?: ReadonlySet<string>): Loaded {
  const series = new Set(policies.map((p) => p.series));
  const { register, findings } = loadRegister(src, { schemas: browserSchemas(), now, policySeries: series, ...(scope ? { scope } : {}) });
  return { register, findings };
}

function validate(src: FileSource, policies: readonly LoadedPolicy[], exceptions: readonly LoadedException[], now: string, scope: ReadonlySet<string>): { findings: Finding[]; register: Register } {
  const { register, findings } = loadSnapshot(src, policies, now, scope);
  const pf = runPolicies(register, { now, policies });
  return { register, findings: applyExceptions([...findings, ...pf], exceptions, register, now).sort(compareFindings) };
}

/** Rules the CLI scaffolder refuses even as warnings (scripts/scaffold/guard.ts REFUSED_EVEN_AS_WARNING). */
export const REFUSED_EVEN_AS_WARNING: ReadonlySet<string> = new Set(['one-account-per-platform', 'distinct-review-roles']);

export interface PageJudgement {
  /** Findings the change introduces (suppressed ones excluded), as check-pr counts them. */
  introduced: Finding[];
  /** Errors: the merge-request check fails on these. */
  errors: Finding[];
  /** What the assistant refuses to produce (errors, and the two prohibitions above), but not `awaiting`. */
  blocking: Finding[];
  /** 原则上 (Rule.justification): blocking findings a justification on a filing would answer, with the filing types each accepts. */
  justifiable: JustificationNeed[];
  /**
   * A justification the file records awaits the supervising office: errors check-pr reports until the office approves
   * it in review (主管审核 同意), but the assistant produces the file (as govmedia new does): the review decides.
   */
  awaiting: Finding[];
  warnings: Finding[];
  notices: Finding[];
  /** The register after the change (for next steps and the filing form). */
  after: Register;
}

export interface PendingFile {
  rel: string;
  text: string;
  before?: AccountFile;
  after: AccountFile;
  id: string;
}

function ruleName(id: string): string {
  return id.slice(id.lastIndexOf('/') + 1);
}

function key(f: Finding): string {
  return `${f.ruleId}|${f.account ?? f.file}|${f.message.zh}`;
}

/**
 * The names of every account outside the judged unit folders (as check-pr's impersonationAcrossScope
 * reads them from the head): a new or renamed account must not look like another unit's account.
 */
function namesOutside(files: Record<string, string>, scopedDirs: ReadonlySet<string>): NameEntry[] {
  const out: NameEntry[] = [];
  for (const [rel, text] of Object.entries(files)) {
    if (!rel.startsWith('accounts/') || !rel.endsWith('.json') || rel.endsWith('/unit.json') || rel.endsWith('/region.json') || rel === 'accounts/region.json') continue;
    const dir = unitDirOf(rel);
    if (scopedDirs.has(dir)) continue;
    try {
      const v = JSON.parse(text) as Partial<AccountFile> | null;
      if (!v || typeof v !== 'object' || typeof v.id !== 'string' || typeof v.name !== 'string' || typeof v.platform !== 'string' || !Array.isArray(v.events)) continue;
      if (!nameInUse(v as AccountFile)) continue;
      out.push({ id: v.id, unitId: typeof v.hostUnit === 'string' ? v.hostUnit : dir.slice(dir.lastIndexOf('/') + 1), platform: v.platform, name: v.name, file: rel });
    } catch {
      /* not an account file the register loads: validate reports it */
    }
  }
  return out;
}

/** Judge one would-be account file against the snapshot. */
export function judgeFile(snap: Snapshot, policies: readonly LoadedPolicy[], file: PendingFile, now: string): PageJudgement {
  const base = new TextSource('登记簿', snap.files);
  const head = new TextSource('拟提交', snap.files);
  head.set(file.rel, file.text);
  const r = file.rel.slice('accounts/'.length);
  const scope = new Set([r.slice(0, r.lastIndexOf('/'))]);
  const exceptions = exceptionsOf(snap);
  const before = validate(base, policies, exceptions, now, scope);
  const after = validate(head, policies, exceptions, now, scope);
  const seen = new Map<string, number>();
  for (const f of before.findings) seen.set(key(f), (seen.get(key(f)) ?? 0) + 1);
  const introduced: Finding[] = [];
  for (const f of after.findings) {
    if (f.suppressed) continue;
    const n = seen.get(key(f)) ?? 0;
    if (n > 0) seen.set(key(f), n - 1);
    else introduced.push(f);
  }
  // as check-pr: a new or renamed account against the names of every account outside the scope
  const candidates = after.register.accounts.filter((a) => {
    const b = before.register.accountsById.get(a.id);
    return !b || b.data.name !== a.data.name || b.data.platform !== a.data.platform;
  });
  if (candidates.length) {
    const headFiles = { ...snap.files, [file.rel]: file.text };
    introduced.push(...impersonationFindings(candidates, namesOutside(headFiles, new Set(after.register.accounts.map((a) => unitDirOf(a.file.rel)))), true).filter((f) => !f.suppressed));
  }
  const unitName = (id: string): string => after.register.units.get(id)?.data.name ?? id;
  const c = classifyAccount(file.before ? 'M' : 'A', file.rel, undefined, file.before, file.after, unitName);
  for (const ill of c.illegal) introduced.push(fileFinding(ill.ruleId, file.rel, { line: 1, column: 1 }, ill.message, ill.fix, file.id));
  const errors = introduced.filter((f) => f.severity === 'error');
  const needs = justificationNeeds(introduced, policies);
  const awaiting = needs.filter((n) => n.need === 'unapproved').map((n) => n.finding);
  const blocking = introduced.filter((f) => !awaiting.includes(f) && (f.severity === 'error' || (f.severity === 'warning' && REFUSED_EVEN_AS_WARNING.has(ruleName(f.ruleId)))));
  return {
    introduced,
    errors,
    blocking,
    justifiable: needs.filter((n) => n.need === 'missing' && blocking.includes(n.finding)),
    awaiting,
    warnings: introduced.filter((f) => f.severity === 'warning' && !blocking.includes(f) && !awaiting.includes(f)),
    notices: introduced.filter((f) => f.severity === 'notice' && !awaiting.includes(f)),
    after: after.register,
  };
}
