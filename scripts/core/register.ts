/**
 * 读取登记簿：遍历 accounts/，逐个文件检查编码、语法、模式、路径和一致性，
 * 并构建供管理办法规则使用的快照（只收录通过模式校验的文件）。
 *
 * Load the register: walk accounts/, check every file (encoding, syntax, schema, path,
 * consistency) and build the typed snapshot the policy rules run on. Never throws on data.
 */
import path from 'node:path';
import type { AccountFile, RegionFile, UnitFile } from '../generated/types.ts';
import { BUILTIN_RULES, type BuiltinRuleId } from './builtin-rules.ts';
import type { Bilingual, Finding } from './finding.ts';
import { parseJson, type ParsedJson } from './jsonpos.ts';
import { fastValue, LazyPositions, NEEDS_FULL_PARSE, StringTable, type ParseHint } from './jsonfast.ts';
import { isUtf8 } from 'node:buffer';
import { SchemaSet, schemaFindingField, type SchemaName } from './schema.ts';
import { FileTooLarge, type Entry, type FileSource } from './source.ts';
import { impersonationFindings, NAME_IN_USE } from './impersonation.ts';
import { checkStrings, rawOffsetOf } from './text-checks.ts';
import { ACCOUNTS_DIR, parentOf, registerPathKind, type RegisterPathKind } from './register-path.ts';
import { foldersAbove } from './paths.ts';

export { ACCOUNTS_DIR };
export const MAX_FILE_BYTES = 256 * 1024;

function tooLarge(rel: string, size: number): Finding {
  return fileFinding('register/file-too-large', rel, AT_START, { zh: `文件大小 ${size} 字节，超过上限 ${MAX_FILE_BYTES} 字节`, en: `file is ${size} bytes, over the ${MAX_FILE_BYTES}-byte limit` }, { zh: '一个账号文件只记录备案信息；请删除粘贴进来的大段内容，附件请在 evidence 中写明存放位置。', en: 'Keep only filing data in the file; reference large attachments by location.' });
}
const DIR_RE = /^[a-z0-9]+(-[a-z0-9]+)*$/;

export interface SourceFile {
  /** Repo-relative path, forward slashes. */
  rel: string;
  text: string;
  parsed: ParsedJson;
}

export interface Doc<T> {
  file: SourceFile;
  data: T;
}
export interface RegionDoc extends Doc<RegionFile> {
  id: string;
  /** Parent region id, undefined for the root. */
  parent: string | undefined;
}
export interface UnitDoc extends Doc<UnitFile> {
  id: string;
  regionId: string;
}
export interface AccountDoc extends Doc<AccountFile> {
  id: string;
  unitId: string;
  regionId: string;
}

export interface Register {
  regions: Map<string, RegionDoc>;
  units: Map<string, UnitDoc>;
  accounts: AccountDoc[];
  accountsById: Map<string, AccountDoc>;
  accountsByUnit: Map<string, AccountDoc[]>;
  /** Files read (all kinds). */
  fileCount: number;
  /** Only some unit folders were read (PR check). */
  scoped: boolean;
}

export interface LoadOptions {
  schemas: SchemaSet;
  /** Today's date (Asia/Shanghai), for "event in the future" checks. */
  now: string;
  /** Policy series that exist (policies/<series>/); region bindings are checked against it. */
  policySeries?: ReadonlySet<string>;
  /** Read only these unit folders (accounts/-relative, e.g. "sichuan/zigong/zg-wjw") in full. */
  scope?: ReadonlySet<string>;
  /** With scope: also judge everything that is not inside any unit folder (one share of a parallel run). */
  scopeLoose?: boolean;
  /**
   * With scope: read (and report on) only the region.json of the folders in scope and of the regions
   * above them, not every region.json. For a change that touches no region.json and no unit.json (a
   * PR that changes account files only): no other region's findings can differ between its two sides,
   * so none of them can be introduced, and reading them (hundreds of region files and the units they
   * name, in a large register) only lists problems the change has nothing to do with.
   */
  scopeRegions?: 'ancestors';
  /**
   * Results of reading and checking files, kept across loads and keyed by path and content id
   * (the Git blob id): a replay of many commits parses and checks each file version once.
   */
  cache?: DocCache;
  /**
   * Called with each unit's accounts as soon as they are loaded (and checked), before the next
   * unit's files are read: a whole register can then be judged unit by unit and its accounts
   * slimmed (slimAccount) instead of kept whole (pipeline.ts validateSource). The register passed
   * has every region and unit, and the accounts loaded so far (this unit's among them).
   */
  onAccounts?: (accounts: readonly AccountDoc[], register: Register) => void;
}

export interface LoadResult {
  register: Register;
  findings: Finding[];
  /** Every unit folder of the listing (accounts/-relative). */
  unitDirs: FolderSet;
}

/** Whether a folder (accounts/-relative) is one of a set: a Set, or a scoped load's structure looked up when asked (see Structure). */
export type FolderSet = Pick<ReadonlySet<string>, 'has'>;
/** The unit folders of each unit id (one, or every one when the id recurs): a Map, or a structure looked up when asked. */
type FoldersById = Pick<ReadonlyMap<string, string | string[]>, 'get' | 'has'>;

/** Make a located finding for one of the built-in rules. */
export function fileFinding(
  ruleId: BuiltinRuleId,
  file: string,
  pos: { line: number; column: number },
  message: Bilingual,
  fix: Bilingual,
  account?: string,
): Finding {
  const meta = BUILTIN_RULES[ruleId] as { severity: Finding['severity']; citation?: Finding['citation'] };
  const f: Finding = { ruleId, severity: meta.severity, file, line: pos.line, column: pos.column, message, fix };
  if (meta.citation) f.citation = meta.citation;
  if (account) f.account = account;
  return f;
}

const AT_START = { line: 1, column: 1 };

// registerPathKind and RegisterPathKind live in register-path.ts (history loads them without the checks)
export { registerPathKind, type RegisterPathKind };

/** The located finding for a file under accounts/ that is not a register file. */
export function refusedFileFinding(rel: string): Finding {
  const base = baseName(rel);
  if (base === '.gitattributes') {
    return fileFinding('register/stray-file', rel, AT_START, { zh: `“${rel}”不属于登记簿：.gitattributes 会改变 Git 读取和显示登记簿文件的方式（如 working-tree-encoding 使新克隆的校验失败，linguist-generated 使审核人看不到改动），accounts/ 下不允许`, en: `"${rel}" does not belong in the register: .gitattributes changes how Git reads and shows register files (working-tree-encoding breaks validation of fresh clones, linguist-generated hides diffs from reviewers); it is not allowed under accounts/` }, { zh: '请删除该文件；确需调整 Git 属性的，由本库维护者在仓库根目录的 .gitattributes 中单独提交修改。', en: 'Delete it; Git attributes are changed only by the maintainers, in the root .gitattributes, in a PR of their own.' });
  }
  return fileFinding('register/stray-file', rel, AT_START, { zh: `“${rel}”不属于登记簿：accounts/ 下只能放 region.json、unit.json 和账号 JSON 文件（README.md、.gitkeep 等说明或占位文件也不允许，其内容不被读取或信任）`, en: `"${rel}" does not belong in the register: accounts/ holds only region.json, unit.json and account JSON files (README.md, .gitkeep and other notes or placeholders are refused; their content is never read or trusted)` }, { zh: '请删除该文件；说明写进 docs/（由维护者审核），证明材料放在档案系统中、在事件的 evidence 里写明位置。', en: 'Remove it; notes belong in docs/ (reviewed by the maintainers), evidence in the archive, referenced from the event.' });
}

function decodeUtf8(buf: Buffer): string | undefined {
  if (!isUtf8(buf)) return undefined;
  // keep a leading BOM in the text: the parser reports it
  return buf.toString('utf8');
}

/** Index of the first byte that starts an invalid UTF-8 sequence (RFC 3629), or -1. */
export function firstInvalidUtf8(buf: Uint8Array): number {
  const n = buf.length;
  let i = 0;
  while (i < n) {
    const b = buf[i]!;
    if (b < 0x80) {
      i++;
      continue;
    }
    let len: number;
    let lo = 0x80;
    let hi = 0xbf;
    if (b >= 0xc2 && b <= 0xdf) len = 2;
    else if (b >= 0xe0 && b <= 0xef) {
      len = 3;
      if (b === 0xe0) lo = 0xa0;
      if (b === 0xed) hi = 0x9f;
    } else if (b >= 0xf0 && b <= 0xf4) {
      len = 4;
      if (b === 0xf0) lo = 0x90;
      if (b === 0xf4) hi = 0x8f;
    } else return i;
    if (i + len > n) return i;
    const c1 = buf[i + 1]!;
    if (c1 < lo || c1 > hi) return i;
    for (let k = 2; k < len; k++) {
      const c = buf[i + k]!;
      if (c < 0x80 || c > 0xbf) return i;
    }
    i += len;
  }
  return -1;
}

/** Line and column of the first byte that is not valid UTF-8. */
function badUtf8Position(buf: Buffer): { line: number; column: number; byte: number } {
  const at = Math.max(0, firstInvalidUtf8(buf));
  const prefix = buf.subarray(0, at).toString('utf8');
  const lines = prefix.split(/\r\n|\r|\n/);
  return { line: lines.length, column: (lines[lines.length - 1]?.length ?? 0) + 1, byte: buf[at] ?? 0 };
}

type Kind = 'region' | 'unit' | 'account';

/**
 * A register file as kept in the snapshot: its path and parsed value, not its text; the text is
 * read again from the source when a finding needs a position (a result kept in a cache across
 * loads keeps its own text: it may outlive its source's state). One object per file, no closures:
 * it holds only the source, not the load (its listing, maps and findings). A file that took the
 * fast parse (nearly all) is its own parse result (jsonfast.ts LazyPositions: the value, and
 * positions parsed from the re-read text when a finding asks), so a file costs one object, not two.
 */
class RegisterFile extends LazyPositions implements SourceFile {
  value: unknown = undefined;
  /** The positional parse, for a file that did not take the fast path (BOM, duplicate key, syntax error…). */
  private full_: ParsedJson | undefined = undefined;
  constructor(
    readonly rel: string,
    private readonly src: FileSource,
    private readonly kept: string | undefined,
  ) {
    super();
  }
  get text(): string {
    return this.kept ?? this.src.read(this.rel).toString('utf8');
  }
  get parsed(): ParsedJson {
    return this.full_ ?? this;
  }
  /** Parse the file's text: the fast path when it can, else the positional parser. */
  parse(text: string, strings: StringTable | undefined, hint: ParseHint | undefined): ParsedJson {
    const v = fastValue(text, strings ? { strings } : undefined, hint);
    if (v === NEEDS_FULL_PARSE) return (this.full_ = parseJson(text));
    this.value = v;
    return this;
  }
  protected positionText(): string {
    return this.text;
  }
}

/**
 * An account of a loaded register. Beside what AccountDoc says, it has one private slot the rule
 * engine uses for its lifecycle state (engine.ts runPolicies): every rule asks for the state of every
 * account, and a slot on the account answers that without a table lookup (7.5 million lookups in a
 * 100,000-account register) and without a table entry per account. The slot belongs to one run: a
 * state made for another run (another `run` token) is made again, never reused.
 */
export class LoadedAccount implements AccountDoc {
  file: SourceFile;
  data: AccountFile;
  id: string;
  unitId: string;
  regionId: string;
  #run: object | undefined = undefined;
  #memo: unknown = undefined;
  constructor(file: SourceFile, data: AccountFile, id: string, unitId: string, regionId: string) {
    this.file = file;
    this.data = data;
    this.id = id;
    this.unitId = unitId;
    this.regionId = regionId;
  }
  /** The value `make` gives for this account, made once per `run`. */
  memo<T>(run: object, make: (a: LoadedAccount) => T): T {
    if (this.#run !== run) {
      this.#memo = make(this);
      this.#run = run;
    }
    return this.#memo as T;
  }
}

/** The slim data's own slot for its file (to read the rest from). */
const SLIM_FILE: unique symbol = Symbol('govmedia.slimFile');

type SlimTarget = Record<PropertyKey, unknown> & { [SLIM_FILE]: RegisterFile };

/**
 * What a slimmed account keeps of its file (slimAccount): what the unit and register rules, the
 * impersonation check and the reference check read of every account, in one fixed shape (in-object
 * slots: no separate property array per account). Another field is read again from the file when
 * asked for (a rule reporting on the account, a justification on a filing).
 */
class Kept {
  readonly [SLIM_FILE]: RegisterFile;
  readonly [NAME_IN_USE]: boolean;
  constructor(
    readonly id: unknown,
    readonly name: unknown,
    readonly platform: unknown,
    readonly hostUnit: unknown,
    readonly certifiedEntity: unknown,
    file: RegisterFile,
    inUse: boolean,
  ) {
    this[SLIM_FILE] = file;
    this[NAME_IN_USE] = inUse;
  }
}

/** The whole data of a slimmed account, read again from its file: the most recent few are kept. */
const rehydrated = new Map<SlimTarget, Record<PropertyKey, unknown>>();
function wholeData(t: SlimTarget): Record<PropertyKey, unknown> {
  let v = rehydrated.get(t);
  if (v) return v;
  const file = t[SLIM_FILE];
  const text = file.text;
  const fast = fastValue(text);
  v = deepFreeze((fast === NEEDS_FULL_PARSE ? parseJson(text).value : fast) as Record<PropertyKey, unknown>);
  if (rehydrated.size >= 16) rehydrated.delete(rehydrated.keys().next().value!);
  rehydrated.set(t, v);
  return v;
}

/** The kept fields' strings are shared with equal ones of other accounts (platforms, units, entity names). */
const keptStrings = new StringTable();
function shared(v: unknown): unknown {
  if (typeof v === 'string') return keptStrings.intern(v);
  if (v !== null && typeof v === 'object' && !Array.isArray(v)) for (const k of Object.keys(v)) (v as Record<string, unknown>)[k] = shared((v as Record<string, unknown>)[k]);
  return v;
}

function deepFreeze<T>(v: T): T {
  if (v !== null && typeof v === 'object' && !Object.isFrozen(v)) {
    Object.freeze(v);
    for (const k of Object.keys(v)) deepFreeze((v as Record<string, unknown>)[k]);
  }
  return v;
}

/** Reads go to the kept fields, else to the file's whole data; the data cannot be changed (at any depth). */
const SLIM_HANDLER: ProxyHandler<SlimTarget> = {
  get: (t, k) => (Object.hasOwn(t, k) ? t[k] : wholeData(t)[k]),
  has: (t, k) => k in wholeData(t),
  ownKeys: (t) => Reflect.ownKeys(wholeData(t)),
  getOwnPropertyDescriptor: (t, k) => {
    const d = Reflect.getOwnPropertyDescriptor(wholeData(t), k);
    if (d) d.configurable = true;
    return d;
  },
  getPrototypeOf: (t) => Object.getPrototypeOf(wholeData(t)),
  set: () => false,
  defineProperty: () => false,
  deleteProperty: () => false,
};

/**
 * Let an account that has been judged by the account rules (engine.ts PolicyRun) hold only what
 * later stages read of it (Kept, and whether its name is in use), instead of its whole
 * parsed file: a 100,000-account register then keeps ~1 KB less per account, and the collector
 * does not copy and mark every account's events and team. The data still answers every read
 * (the rest is parsed again from the file: rare, a finding or a justification), but cannot be changed.
 * Only an account of a load (LoadedAccount) is slimmed; the caller computes its lifecycle state
 * (PolicyRun.state) before, while its events are at hand, and passes whether its name is in use
 * as that state gives it (impersonation.ts nameInUseIn).
 */
export function slimAccount(a: AccountDoc, inUse: boolean): void {
  if (!(a instanceof LoadedAccount) || !(a.file instanceof RegisterFile) || a.file.parsed !== a.file) return;
  const d = a.data;
  const keep = (v: unknown): unknown => deepFreeze(shared(v));
  const t = new Kept(keep(d.id), keep(d.name), keep(d.platform), keep(d.hostUnit), keep(d.certifiedEntity), a.file, inUse) as unknown as SlimTarget;
  const slim = new Proxy(t, SLIM_HANDLER) as unknown as AccountFile;
  a.data = slim;
  a.file.value = slim;
}

/** The last path segment (a faster path.posix.basename for our plain relative paths). */
function baseName(p: string): string {
  return p.slice(p.lastIndexOf('/') + 1);
}

interface CachedRead {
  c: Candidate | undefined;
  ok: boolean;
  findings: Finding[];
  /** Name and secret findings, computed once. */
  text?: Finding[];
}

/** See LoadOptions.cache. */
export type DocCache = Map<string, CachedRead>;

export const DOC_CACHE_LIMIT = 50_000;

interface Candidate {
  rel: string;
  kind: Kind;
  dir: string; // folder relative to accounts/ ('' for root)
  file: SourceFile;
  value: unknown;
}

/** What the listing of accounts/ tells before any file is read. */
interface Listing {
  entries: Entry[];
  regionDirs: Set<string>;
  unitDirs: FolderSet;
  /** Unit ids known from the folder names alone, with the folders of each: one, or every one when the id recurs (its keys are the ids listed). */
  unitDirsById: FoldersById;
  /** Whether a folder (accounts/-relative) is read in full (see LoadOptions.scope). */
  inScope(dir: string): boolean;
  /** With LoadOptions.scopeRegions: the region folders whose region.json is read; undefined: every one. */
  regionsWanted?: ReadonlySet<string>;
  /** A scoped load from a source that lists its structure apart (scopedListing): `entries` are then the folders' entries only. */
  structure?: { entries: readonly Entry[]; worked: Structure; scope: ReadonlySet<string> };
}

/**
 * What a scoped load works out from a listing's region.json and unit.json entries alone
 * (FileSource.listStructure), whatever the scope: kept per listing array, so the loads of a PR's
 * merge base and head (the same array when the PR changes neither kind of file) walk the ~16,000
 * unit.json entries of a 100,000-account register once, not once each. The walk makes one index
 * (the entries by the name of their folder) and the region folders; whatever a load asks of the
 * unit folders (is this one, which folders has this id, which files to read for it) is looked up
 * in that index when asked: a check asks about a few units, and working every answer out for all
 * ~16,000 beforehand (a set, two maps and two strings per unit) was 6–9% of a one-account check.
 */
interface Structure {
  regionDirs: Set<string>;
  unitDirs: FolderSet;
  unitDirsById: FoldersById;
  /**
   * sortEntries of the entries alone with nothing in scope: the files to read (the region files and
   * anything odd; the unit files are made when looked up, see unitTask) and the file count (its
   * findings are made per load).
   */
  toRead: ToRead[];
  fileCount: number;
  /** Positions of the region.json entries: they report in every load (or in those above the scope, LoadOptions.scopeRegions). */
  regionAt: number[];
  /** The folder (accounts/-relative) of the entry at a position. */
  dirAt(i: number): string;
  /** Positions of the entries that are not a region.json in a folder, in listing order: they report when the folder is in scope. */
  inFolder(dir: string): number[];
  /** The positions of the unit files to read for a unit id (its folder name), in listing order (loadUnits looks the few it needs up). */
  unitTasksOf(id: string): number[];
  /** The unit file to read at a position of unitTasksOf (made when first asked for). */
  unitTask(at: number): ToRead;
}

const structures = new WeakMap<readonly Entry[], Structure>();

/** A file to read, with the kind its path gives it. */
interface ToRead {
  rel: string;
  kind: Kind;
  dir: string;
  size: number;
  /** A unit.json's folder name (the unit id it must have), worked out once for a shared structure (scopedListing). */
  unit?: string;
}

/** Reads, parses and checks files for one load (stage 2), keeping results in the cache. */
interface Reader {
  readChecked(t: ToRead, schema: SchemaName): CachedRead;
  textChecks(entry: CachedRead, c: Candidate, account?: string): void;
}

/** Whether the last segment of `rel` is `name` (baseName(rel) === name, without cutting it out). */
function isNamed(rel: string, name: string): boolean {
  return rel.endsWith(name) && (rel.length === name.length || rel.charCodeAt(rel.length - name.length - 1) === 47 /* / */);
}

/** The folder of a file, relative to accounts/ ('' for accounts/ itself). */
function dirOf(rel: string): string {
  const i = rel.lastIndexOf('/');
  return i <= ACCOUNTS_DIR.length ? '' : rel.slice(ACCOUNTS_DIR.length + 1, i);
}

/**
 * Read and check every file under accounts/ of the given source.
 *
 * With `scope`, only the unit folders it accepts are read in full (plus every region.json, or only
 * those above the scope with `scopeRegions`, and the units those reference); ids of everything else come from the listing alone, so the PR
 * check can judge a few changed units of a 100,000-account register without parsing it all.
 *
 * The stages: list the folders (listAccounts), sort the entries into files to read and refused
 * paths (sortEntries), then read, parse and schema-check regions, units and accounts in that
 * order (fileReader, loadRegions, loadUnits, loadAccounts), look for impersonating names, check
 * the references between files (checkReferences) and index the snapshot.
 */
export function loadRegister(src: FileSource, opts: LoadOptions): LoadResult {
  const findings: Finding[] = [];
  const listing = listAccounts(src, opts);
  const { toRead, fileCount, recurringStems } = sortEntries(listing, findings);
  // the listing's entries are sorted now: let them go before the files are read (every byte live
  // at a mark-compact during the read raises the heap limit V8 sets for the next one)
  listing.entries = [];
  const reader = fileReader(src, opts, findings);
  // a whole load reads every file in this order (regions, units, accounts): the source may read ahead
  if (!opts.scope && src.readAhead) src.readAhead([...toRead.filter((t) => t.kind === 'region'), ...toRead.filter((t) => t.kind === 'unit'), ...toRead.filter((t) => t.kind === 'account')].map((t) => t.rel), MAX_FILE_BYTES);
  let register: Register;
  try {
    const regions = loadRegions(toRead, listing, reader, findings);
    const { units, unitIdByDir } = loadUnits(toRead, listing, reader, regions, opts.scope, findings);
    // the accounts are indexed as they are loaded, so a unit's accounts can be judged at once (onAccounts)
    register = indexedRegister(regions, units, fileCount, Boolean(opts.scope));
    loadAccounts(toRead, listing, reader, register, unitIdByDir, recurringStems, src, opts.now, findings, opts.onAccounts);
  } finally {
    src.endReadAhead?.();
  }
  // another unit's account on the same platform with the same or a look-alike name
  findings.push(...impersonationFindings(register.accounts));
  checkReferences(listing, register.regions, register.units, register.accounts, opts.policySeries, findings);
  return { register, findings, unitDirs: listing.unitDirs };
}

/** Stage 0: the listing of accounts/ (or of the scope), and the region and unit folders in it. */
function listAccounts(src: FileSource, opts: LoadOptions): Listing {
  const listing = listAll(src, opts);
  if (opts.scope && !opts.scopeLoose && opts.scopeRegions === 'ancestors') listing.regionsWanted = foldersAbove(opts.scope);
  return listing;
}

function listAll(src: FileSource, opts: LoadOptions): Listing {
  const scope = opts.scope;
  if (scope && !opts.scopeLoose && src.listStructure && src.listFolders) return scopedListing(src.listStructure(), src.listFolders(scope), scope);
  const entries = scope && src.listForScope ? src.listForScope(scope) : src.list(ACCOUNTS_DIR);
  const regionDirs = new Set<string>();
  const unitDirs = new Set<string>();
  for (const e of entries) {
    if (e.type !== 'file') continue;
    if (isNamed(e.rel, 'region.json')) regionDirs.add(dirOf(e.rel));
    else if (isNamed(e.rel, 'unit.json')) unitDirs.add(dirOf(e.rel));
  }
  const inScope = (dir: string): boolean => !scope || scope.has(dir) || (opts.scopeLoose === true && !unitDirs.has(dir));
  return { entries, regionDirs, unitDirs, ...unitIdsOf(unitDirs), inScope };
}

/** Unit ids known from the unit folders' names alone, and the folders of each id. */
interface UnitIds {
  unitDirsById: Map<string, string | string[]>;
}

/** Count one unit folder (each once) in `ids`. */
function addUnitDir(ids: UnitIds, d: string): void {
  const id = baseName(d);
  const l = ids.unitDirsById.get(id);
  // one folder kept as it is, a list only for an id that recurs (~16,000 ids at 100,000 accounts)
  if (l === undefined) ids.unitDirsById.set(id, d);
  else if (typeof l === 'string') ids.unitDirsById.set(id, [l, d]);
  else l.push(d);
}

function unitIdsOf(unitDirs: ReadonlySet<string>): UnitIds {
  const ids: UnitIds = { unitDirsById: new Map() };
  for (const d of unitDirs) addUnitDir(ids, d);
  return ids;
}

/** Account file paths by file name without .json: the one path, or every path when the name recurs. */
type PathsByStem = Map<string, string | string[]>;

/**
 * The account file names (without .json) that more than one listed file has, each with every such
 * path in listing order. Only these are kept for the load: the map of every name (one entry per
 * account) is dropped when the listing has been sorted, and when no name recurs, as in a sound
 * register, no account is looked up at all.
 */
type RecurringStems = ReadonlyMap<string, readonly string[]>;

function recurringOf(m: PathsByStem): RecurringStems {
  const out = new Map<string, readonly string[]>();
  for (const [stem, l] of m) if (typeof l === 'object') out.set(stem, l);
  return out;
}

/**
 * Whether the account file `rel` (accounts/…/<name>.json, as registerPathKind has it) is named
 * `<id>.json`: the same test as comparing `id` with the file name's stem, without cutting the stem
 * out of the path for every account.
 */
function isFileStem(rel: string, id: string): boolean {
  return !id.includes('/') && rel.endsWith(`/${id}.json`);
}

/**
 * listAccounts of a scoped load whose source lists the structure apart (listStructure +
 * listFolders): the same listing, with what the structure alone gives worked out once per
 * structure array (see Structure). Every region and unit folder is a folder of a region.json or
 * unit.json entry, so the folder sets come from the structure alone.
 */
function scopedListing(structural: readonly Entry[], folders: Entry[], scope: ReadonlySet<string>): Listing {
  let worked = structures.get(structural);
  if (!worked) {
    const n = structural.length;
    const regionDirs = new Set<string>();
    const regionAt: number[] = [];
    const isRegion = new Uint8Array(n);
    const isUnit = new Uint8Array(n);
    // every entry but a region.json, by the name of its folder (a unit.json: by its unit id)
    const byFolder = new Map<string, number | number[]>();
    const root = ACCOUNTS_DIR.length;
    for (let i = 0; i < n; i++) {
      const e = structural[i]!;
      const rel = e.rel;
      const slash = rel.lastIndexOf('/');
      if (isNamed(rel, 'region.json')) {
        isRegion[i] = 1;
        regionAt.push(i);
        if (e.type === 'file') regionDirs.add(dirOf(rel));
        continue;
      }
      if (isNamed(rel, 'unit.json')) isUnit[i] = 1;
      // baseName(dirOf(rel)) in one slice
      const name = slash <= root ? '' : rel.slice(Math.max(rel.lastIndexOf('/', slash - 1), root) + 1, slash);
      const at = byFolder.get(name);
      byFolder.set(name, at === undefined ? i : typeof at === 'number' ? [at, i] : (at.push(i), at));
    }
    const dirAt = (i: number): string => dirOf(structural[i]!.rel);
    const named = (name: string): readonly number[] => {
      const at = byFolder.get(name);
      return at === undefined ? [] : typeof at === 'number' ? [at] : at;
    };
    const isUnitFile = (i: number): boolean => isUnit[i] === 1 && structural[i]!.type === 'file';
    // what the entries of one folder name give, worked out once per name asked about (a hostile
    // listing may hold thousands of folders of one name: each question stays one lookup)
    interface Named {
      /** The unit folders (a unit folder is the folder of a unit.json that is a file: one such entry each at most). */
      unitDirs: Set<string>;
      /** The same, in listing order, as unitDirsById gives them: one, or every one when the name recurs. */
      byId: string | string[] | undefined;
      /** The entries of each folder, in listing order. */
      byDir: Map<string, number[]>;
    }
    const namedCache = new Map<string, Named>();
    const folder = (name: string): Named => {
      let g = namedCache.get(name);
      if (!g) {
        g = { unitDirs: new Set(), byId: undefined, byDir: new Map() };
        for (const i of named(name)) {
          const d = dirAt(i);
          const l = g.byDir.get(d);
          if (l) l.push(i);
          else g.byDir.set(d, [i]);
          if (!isUnitFile(i)) continue;
          g.unitDirs.add(d);
          g.byId = g.byId === undefined ? d : typeof g.byId === 'string' ? [g.byId, d] : (g.byId.push(d), g.byId);
        }
        namedCache.set(name, g);
      }
      return g;
    };
    const inFolder = (dir: string): number[] => folder(baseName(dir)).byDir.get(dir) ?? [];
    const unitDirs: FolderSet = { has: (dir) => folder(baseName(dir)).unitDirs.has(dir) };
    const unitDirsById: FoldersById = { get: (id) => folder(id).byId, has: (id) => folder(id).byId !== undefined };
    const plain = (e: Entry): boolean => e.type === 'file' && e.rel.startsWith(ACCOUNTS_DIR + '/');
    // the entries sorted with nothing in scope (sortListed: no finding reports), their files to read
    // and count. A region.json or unit.json file under accounts/ is sorted here without sortListed's
    // steps that cannot apply to it (it is never refused, never an account); anything else goes
    // through sortListed, and a unit file it sorts (anything odd) is kept by position
    const toRead: ToRead[] = [];
    let fileCount = 0;
    const made = new Map<number, ToRead>();
    const oddUnitTasks = new Map<string, number[]>();
    const sortOne = { regionDirs, unitDirs, unitDirsById, inScope: (): boolean => false };
    for (let i = 0; i < n; i++) {
      const e = structural[i]!;
      const isPlain = plain(e);
      if (isPlain && isUnit[i]) fileCount++;
      else if (isPlain && isRegion[i]) {
        fileCount++;
        const dir = dirAt(i);
        if (unitDirs.has(dir)) continue;
        toRead.push({ rel: e.rel, kind: 'region', dir, size: e.size });
      } else {
        const one = sortListed({ ...sortOne, entries: [e] }, []);
        fileCount += one.fileCount;
        for (const t of one.toRead) {
          toRead.push(t);
          if (t.kind === 'unit') {
            t.unit = baseName(t.dir);
            made.set(i, t);
            const l = oddUnitTasks.get(t.unit);
            if (l) l.push(i);
            else oddUnitTasks.set(t.unit, [i]);
          }
        }
      }
    }
    // a plain unit file is read when its folder is directly in a region folder (else sortListed
    // reports it as misplaced in the load whose scope holds it)
    const tasksCache = new Map<string, number[]>();
    const unitTasksOf = (id: string): number[] => {
      let at = tasksCache.get(id);
      if (!at) {
        at = [];
        for (const i of named(id)) {
          if (!isUnit[i] || !plain(structural[i]!)) continue;
          const dir = dirAt(i);
          if (regionDirs.has(parentOf(dir))) at.push(i);
        }
        const odd = oddUnitTasks.get(id);
        if (odd) at = [...at, ...odd].sort((a, b) => a - b);
        tasksCache.set(id, at);
      }
      return at;
    };
    const unitTask = (at: number): ToRead => {
      let t = made.get(at);
      if (!t) {
        const e = structural[at]!;
        const dir = dirAt(at);
        made.set(at, (t = { rel: e.rel, kind: 'unit', dir, size: e.size, unit: baseName(dir) }));
      }
      return t;
    };
    worked = { regionDirs, unitDirs, unitDirsById, toRead, fileCount, regionAt, dirAt, inFolder, unitTasksOf, unitTask };
    structures.set(structural, worked);
  }
  return { entries: folders, regionDirs: worked.regionDirs, unitDirs: worked.unitDirs, unitDirsById: worked.unitDirsById, inScope: (dir) => scope.has(dir), structure: { entries: structural, worked, scope } };
}

/** Stage 1: entries: symlinks, odd files, folder structure (no reading yet). */
function sortEntries(listing: Listing, findings: Finding[]): { toRead: ToRead[]; fileCount: number; recurringStems: RecurringStems } {
  const st = listing.structure;
  if (!st) return sortListed(listing, findings);
  // a structure worked out before (scopedListing): its files to read and count as they are; its
  // findings are those of the entries that report in this scope (every region.json, or those of
  // LoadOptions.scopeRegions, and whatever is in a folder in scope), made by the same code, in
  // listing order; then the folders' entries
  const { dirAt, inFolder } = st.worked;
  const wanted = listing.regionsWanted;
  const at = wanted ? st.worked.regionAt.filter((i) => wanted.has(dirAt(i))) : [...st.worked.regionAt];
  // every entry that is not a region.json reports only when its folder is in scope
  for (const d of st.scope) at.push(...inFolder(d));
  at.sort((a, b) => a - b);
  sortListed({ ...listing, entries: at.map((i) => st.entries[i]!), structure: undefined }, findings);
  const rest = sortListed({ ...listing, structure: undefined }, findings, st.entries);
  // (a region the load does not read stays in toRead: loadRegions passes it over, and loadUnits
  // finds the folders' own files after the structure's, at its length)
  return { toRead: [...st.worked.toRead, ...rest.toRead], fileCount: st.worked.fileCount + rest.fileCount, recurringStems: rest.recurringStems };
}

/** sortEntries of the listed entries (`alsoListed`: entries listed beside them, for a folder's "has files" test). */
function sortListed({ entries, regionDirs, unitDirs, inScope, regionsWanted }: Listing, findings: Finding[], alsoListed: readonly Entry[] = []): { toRead: ToRead[]; fileCount: number; recurringStems: RecurringStems } {
  const accountPathsByStem: PathsByStem = new Map();
  const toRead: ToRead[] = [];
  let fileCount = 0;
  // the folders that hold a file at any depth, worked out once, at the first odd folder: a folder
  // per entry scanned each time cost (odd folders) × (entries), a second or two for a pull request
  // that puts thousands of one-file subfolders in a unit folder (0.63x with 3,000 on 100,000 accounts)
  let holding: Set<string> | undefined;
  const holdsFiles = (rel: string): boolean => {
    if (!holding) {
      holding = new Set();
      for (const list of [entries, alsoListed]) {
        for (const x of list) {
          if (x.type !== 'file') continue;
          // every folder the file is in, innermost first; one seen before has its own folders in already
          for (let k = x.rel.lastIndexOf('/'); k > 0; k = x.rel.lastIndexOf('/', k - 1)) {
            const d = x.rel.slice(0, k);
            if (holding.has(d)) break;
            holding.add(d);
          }
        }
      }
    }
    return holding.has(rel);
  };
  // the folder of an entry is made once per folder: a folder's entries come together in a listing,
  // and one string per folder has its hash worked out once for the set lookups below
  let folderPrefix = '';
  let folderDir = '';
  for (const e of entries) {
    const slash = e.rel.lastIndexOf('/');
    if (slash + 1 !== folderPrefix.length || !e.rel.startsWith(folderPrefix)) {
      folderPrefix = e.rel.slice(0, slash + 1);
      folderDir = dirOf(e.rel);
    }
    const dir = folderDir;
    const isRegionFile = isNamed(e.rel, 'region.json');
    const report = inScope(e.type === 'dir' ? e.rel.slice(ACCOUNTS_DIR.length + 1) : dir) || (isRegionFile && (!regionsWanted || regionsWanted.has(dir)));
    if (e.type === 'symlink') {
      if (report) findings.push(fileFinding('register/symlink', e.rel, AT_START, { zh: `“${e.rel}”是符号链接，登记簿中不允许`, en: `"${e.rel}" is a symbolic link, which the register does not allow` }, { zh: '请删除该链接，改为放入真实文件（每个账号一个 JSON 文件）。', en: 'Delete the link and commit a real file instead.' }));
      continue;
    }
    if (e.type === 'other') {
      if (report) findings.push(fileFinding('register/stray-file', e.rel, AT_START, { zh: `“${e.rel}”不是普通文件`, en: `"${e.rel}" is not a regular file` }, { zh: '请删除它。', en: 'Delete it.' }));
      continue;
    }
    if (e.type === 'dir') {
      if (!report) continue;
      const d = e.rel.slice(ACCOUNTS_DIR.length + 1);
      const base = e.rel.slice(slash + 1);
      if (!DIR_RE.test(base)) {
        findings.push(fileFinding('register/stray-file', e.rel, AT_START, { zh: `文件夹名“${base}”不合规范：只能用小写字母、数字和连字符`, en: `folder name "${base}" is invalid: use lowercase letters, digits and hyphens` }, { zh: '请把文件夹改名为拼音缩写，例如 zg-wjw。', en: 'Rename the folder, e.g. zg-wjw.' }));
      } else if (!regionDirs.has(d) && !unitDirs.has(d)) {
        if (holdsFiles(e.rel)) {
          findings.push(fileFinding('register/stray-file', e.rel, AT_START, { zh: `文件夹“${e.rel}”既没有 region.json 也没有 unit.json，不是地区或单位文件夹`, en: `folder "${e.rel}" has neither region.json nor unit.json` }, { zh: '地区文件夹需放 region.json，单位文件夹需放 unit.json；否则请把文件移到正确的单位文件夹。', en: 'Add region.json or unit.json, or move the files to the right unit folder.' }));
        }
      }
      continue;
    }
    fileCount++;
    if (registerPathKind(e.rel) === 'refused') {
      // one rule for what the register is: every file under accounts/ is a register file or refused;
      // a refused file's content is never read, trusted or published (README.md and .gitkeep too)
      if (report) findings.push(refusedFileFinding(e.rel));
      continue;
    }
    let kind: Kind;
    if (isRegionFile) {
      // a region the load does not read (LoadOptions.scopeRegions): counted, neither read nor reported
      if (regionsWanted && !regionsWanted.has(dir)) continue;
      if (unitDirs.has(dir)) {
        findings.push(fileFinding('register/misplaced', e.rel, AT_START, { zh: '同一文件夹中不能既有 region.json 又有 unit.json', en: 'a folder cannot hold both region.json and unit.json' }, { zh: '单位文件夹应放在地区文件夹之下，请拆开。', en: 'Put the unit folder inside the region folder.' }));
        continue;
      }
      kind = 'region';
    } else if (isNamed(e.rel, 'unit.json')) {
      const parentDir = parentOf(dir);
      if (!regionDirs.has(parentDir)) {
        if (report) findings.push(fileFinding('register/misplaced', e.rel, AT_START, { zh: `单位文件夹“${dir}”不在地区文件夹的正下方`, en: `unit folder "${dir}" is not directly inside a region folder` }, { zh: '单位文件夹应直接放在其所属地区的文件夹中，例如 accounts/sichuan/zigong/zg-wjw/unit.json。', en: 'Place the unit folder directly in its region folder.' }));
        continue;
      }
      kind = 'unit';
    } else {
      if (!unitDirs.has(dir)) {
        const base = e.rel.slice(slash + 1);
        if (report) findings.push(fileFinding('register/misplaced', e.rel, AT_START, { zh: `账号文件“${base}”不在单位文件夹中（该文件夹没有 unit.json）`, en: `account file "${base}" is not inside a unit folder (no unit.json there)` }, { zh: '账号文件必须放在其主办单位的文件夹里，与 unit.json 并列。', en: "Move the account file into its host unit's folder, beside unit.json." }));
        continue;
      }
      kind = 'account';
      const stem = e.rel.slice(slash + 1, -'.json'.length);
      // one path kept as it is, a list only for a name that recurs (every account's entry lives until the load ends)
      const l = accountPathsByStem.get(stem);
      if (l === undefined) accountPathsByStem.set(stem, e.rel);
      else if (typeof l === 'string') accountPathsByStem.set(stem, [l, e.rel]);
      else l.push(e.rel);
    }
    toRead.push({ rel: e.rel, kind, dir, size: e.size });
  }

  return { toRead, fileCount, recurringStems: recurringOf(accountPathsByStem) };
}

/** Stage 2: reading: bytes → text → JSON with positions, then the schema; cached across loads. */
function fileReader(src: FileSource, opts: LoadOptions, findings: Finding[]): Reader {
  /** Equal string values of this load's files share one string (jsonfast.ts); dropped with the load. */
  const strings = new StringTable();
  /** The byte-level path: binary, size and encoding checks with the offending byte's position. */
  const readBytes = (t: { rel: string; size: number }): string | undefined => {
    let buf: Buffer;
    try {
      buf = src.read(t.rel);
    } catch {
      findings.push(fileFinding('register/encoding', t.rel, AT_START, { zh: '无法读取该文件', en: 'the file cannot be read' }, { zh: '请检查文件权限。', en: 'Check the file permissions.' }));
      return undefined;
    }
    if (buf.length > MAX_FILE_BYTES) {
      findings.push(tooLarge(t.rel, buf.length));
      return undefined;
    }
    const nul = buf.indexOf(0);
    if (nul >= 0) {
      findings.push(fileFinding('register/encoding', t.rel, AT_START, { zh: `这是二进制文件（第 ${nul + 1} 字节是 NUL），不是 JSON 文本`, en: `this is a binary file (byte ${nul + 1} is NUL), not JSON text` }, { zh: '请用文本编辑器（如 VS Code）保存为 UTF-8 编码的 JSON；不要提交 Word、Excel 或图片文件。', en: 'Save it as UTF-8 JSON text; do not commit Word, Excel or image files.' }));
      return undefined;
    }
    const text = decodeUtf8(buf);
    if (text === undefined) {
      const p = badUtf8Position(buf);
      const gbk = looksLikeGbk(buf);
      findings.push(fileFinding('register/encoding', t.rel, p, { zh: `文件不是 UTF-8 编码（第 ${p.line} 行第 ${p.column} 列附近出现无效字节 0x${p.byte.toString(16).toUpperCase().padStart(2, '0')}）${gbk ? '，看起来是 GBK/GB2312 编码' : ''}`, en: `file is not UTF-8 (invalid byte 0x${p.byte.toString(16).toUpperCase().padStart(2, '0')} near line ${p.line}, column ${p.column})${gbk ? '; it looks like GBK' : ''}` }, { zh: '请在编辑器中以“UTF-8”编码重新保存（VS Code：右下角编码 → 通过编码保存 → UTF-8）。', en: 'Re-save the file as UTF-8 (VS Code: encoding in the status bar → Save with Encoding → UTF-8).' }));
      return undefined;
    }
    return text;
  };

  const read = (t: ToRead, keepText = false): Candidate | undefined => {
    if (t.size > MAX_FILE_BYTES) {
      findings.push(tooLarge(t.rel, t.size));
      return undefined;
    }
    // fast path: one native read-and-decode; only a text with U+FFFD (an invalid byte, or a real
    // U+FFFD) or NUL goes through the byte-level checks below
    let fast: string | undefined;
    if (src.readText) {
      try {
        fast = src.readText(t.rel, MAX_FILE_BYTES);
      } catch (e) {
        if (e instanceof FileTooLarge) {
          findings.push(tooLarge(t.rel, e.size));
          return undefined;
        }
        fast = undefined;
      }
    }
    // the read-ahead thread has looked for U+FFFD and NUL already when its hint says `plain`
    let hint = fast !== undefined ? src.hintFor?.(t.rel) : undefined;
    if (fast !== undefined && (fast.length > MAX_FILE_BYTES || (!hint?.plain && (fast.includes('\uFFFD') || fast.includes('\0'))))) fast = hint = undefined;
    const text = fast ?? readBytes(t);
    if (text === undefined) return undefined;
    // the text is not kept: it is re-read from the source when a finding needs a position (a
    // cached result may outlive its source's state, so it keeps its own text)
    const file = new RegisterFile(t.rel, src, keepText ? text : undefined);
    // an account of a streamed load keeps only a few fields (slimAccount interns those): sharing its
    // other strings would cost the time and save nothing
    const parsed = file.parse(text, opts.onAccounts && t.kind === 'account' ? undefined : strings, hint);
    for (const is of parsed.issues) {
      const pos = { line: is.line, column: is.column };
      if (is.code === 'bom') {
        findings.push(fileFinding('register/bom', t.rel, pos, { zh: '文件以 BOM（字节顺序标记 U+FEFF）开头', en: 'file starts with a byte-order mark (U+FEFF)' }, { zh: '请以“UTF-8”（不带 BOM）重新保存；记事本的“UTF-8 带 BOM”会导致其他工具读错。', en: 'Re-save as UTF-8 without BOM.' }));
      } else if (is.code === 'duplicate-key') {
        findings.push(fileFinding('register/duplicate-key', t.rel, pos, { zh: `键“${is.key ?? ''}”在同一对象中重复出现${is.firstLine ? `（第 ${is.firstLine} 行已出现过）` : ''}`, en: `key "${is.key ?? ''}" appears twice in the same object${is.firstLine ? ` (first on line ${is.firstLine})` : ''}` }, { zh: '同一个字段只能写一次：请删除其中一个，保留正确的值。', en: 'Keep one of them, with the right value.' }));
      } else {
        findings.push(fileFinding('register/json-syntax', t.rel, pos, { zh: `JSON 语法错误：${is.detail.zh}`, en: `JSON syntax error: ${is.detail.en}` }, { zh: '请在 VS Code 中打开该文件，按行列号找到位置并修正（注意英文逗号、双引号和括号配对）。', en: 'Open the file at that line and column and fix it (commas, double quotes, matching brackets).' }));
      }
    }
    if (!parsed.ok) return undefined;
    return { rel: t.rel, kind: t.kind, dir: t.dir, file, value: parsed.value };
  };

  const schemaRefs: Partial<Record<SchemaName, string[]>> = {};
  const schemaCheck = (c: Candidate, name: SchemaName): boolean => {
    const issues = opts.schemas.validate(name, c.value);
    for (const is of issues) {
      const pos = is.atKey ? c.file.parsed.locateKey(is.pointer) : c.file.parsed.locate(is.pointer);
      const f = fileFinding('register/schema', c.rel, pos, is.message, is.fix, accountIdOf(c));
      schemaFindingField.set(f, is.field ?? is.pointer);
      findings.push(f);
    }
    // the expected reference for a folder depth is made once per load, not once per file
    let depth = c.dir === '' ? 0 : 1;
    if (depth) for (let i = c.dir.indexOf('/'); i !== -1; i = c.dir.indexOf('/', i + 1)) depth++;
    const refs = (schemaRefs[name] ??= []);
    const expected = (refs[depth] ??= '../'.repeat(depth + 1) + `schemas/${name}.schema.json`);
    const v = c.value as { $schema?: unknown };
    if (typeof v === 'object' && v !== null && typeof v.$schema === 'string' && v.$schema !== expected) {
      findings.push(fileFinding('register/schema-ref', c.rel, c.file.parsed.locate(['$schema']), { zh: `"$schema" 应为 "${expected}"，实际是 "${v.$schema}"`, en: `"$schema" should be "${expected}", not "${v.$schema}"` }, { zh: `请改为 "${expected}"，这样 VS Code 才能按模式提示和校验。`, en: `Set it to "${expected}" so editors validate the file.` }, accountIdOf(c)));
    }
    return issues.length === 0;
  };

  const cache = opts.cache;
  if (cache && cache.size > DOC_CACHE_LIMIT) cache.clear();
  /** Read, parse and schema-check a file, or take the result of an earlier load of the same content. */
  const readChecked = (t: ToRead, schema: SchemaName): CachedRead => {
    const id = cache && src.contentKey ? src.contentKey(t.rel) : undefined;
    const key = id ? `${t.rel}\u0000${id}` : undefined;
    const hit = key ? cache!.get(key) : undefined;
    if (hit) {
      findings.push(...hit.findings);
      return hit;
    }
    const before = findings.length;
    const c = read(t, key !== undefined);
    const ok = c ? schemaCheck(c, schema) : false;
    const entry: CachedRead = { c, ok, findings: findings.slice(before) };
    if (key) cache!.set(key, entry);
    return entry;
  };
  /** Text checks of every string of the file (text-checks.ts: characters, secrets, personal data, dates). */
  const textChecks = (entry: CachedRead, c: Candidate, account?: string): void => {
    if (!entry.text) {
      const tmp: Finding[] = [];
      stringChecks(c, tmp, account);
      entry.text = tmp;
    }
    findings.push(...entry.text);
  };

  return { readChecked, textChecks };
}

/** Stage 3a: region files: schema, id and folder. */
function loadRegions(toRead: readonly ToRead[], { regionDirs, regionsWanted }: Listing, { readChecked, textChecks }: Reader, findings: Finding[]): Map<string, RegionDoc> {
  const regions = new Map<string, RegionDoc>();
  for (const t of toRead.filter((x) => x.kind === 'region' && (!regionsWanted || regionsWanted.has(x.dir)))) {
    const rc = readChecked(t, 'region');
    const c = rc.c;
    if (!c || !rc.ok) continue;
    const data = c.value as RegionFile;
    if (data.id !== c.dir) {
      findings.push(fileFinding('register/id-path', c.rel, c.file.parsed.locate(['id']), { zh: `地区编号 "${data.id}" 与文件夹路径 "${c.dir}" 不一致`, en: `region id "${data.id}" does not match its folder "${c.dir}"` }, { zh: `请把 id 改为 "${c.dir}"。`, en: `Set id to "${c.dir}".` }));
      continue;
    }
    const parent = c.dir === '' ? undefined : parentOf(c.dir);
    if (parent !== undefined && !regionDirs.has(parent)) {
      findings.push(fileFinding('register/misplaced', c.rel, AT_START, { zh: `上级地区文件夹 "${parent || 'accounts'}" 缺少 region.json`, en: `parent region folder "${parent || 'accounts'}" has no region.json` }, { zh: '每一级地区文件夹都需要 region.json。', en: 'Every region folder level needs a region.json.' }));
    }
    regions.set(c.dir, { file: c.file, data, id: c.dir, parent });
    textChecks(rc, c);
  }

  return regions;
}

/** Stage 3b: unit files: schema, id, region and duplicates (with a scope, the units in it and those they point at). */
function loadUnits(toRead: readonly ToRead[], { inScope, unitDirsById, structure }: Listing, { readChecked, textChecks }: Reader, regions: ReadonlyMap<string, RegionDoc>, scope: ReadonlySet<string> | undefined, findings: Finding[]): { units: Map<string, UnitDoc>; unitIdByDir: Map<string, string> } {
  const units = new Map<string, UnitDoc>();
  const unitIdByDir = new Map<string, string>();
  const loadUnit = (t: ToRead): void => {
    const rc = readChecked(t, 'unit');
    const c = rc.c;
    if (!c || !rc.ok) return;
    const data = c.value as UnitFile;
    const folder = baseName(c.dir);
    const regionId = parentOf(c.dir);
    if (data.id !== folder) {
      findings.push(fileFinding('register/id-path', c.rel, c.file.parsed.locate(['id']), { zh: `单位编号 "${data.id}" 与文件夹名 "${folder}" 不一致`, en: `unit id "${data.id}" does not match its folder name "${folder}"` }, { zh: `请把 id 改为 "${folder}"，或把文件夹改名为 "${data.id}"。`, en: `Set id to "${folder}" or rename the folder to "${data.id}".` }));
      return;
    }
    if (data.region !== regionId) {
      findings.push(fileFinding('register/id-path', c.rel, c.file.parsed.locate(['region']), { zh: `单位所属地区 "${data.region}" 与其所在地区文件夹 "${regionId}" 不一致`, en: `unit region "${data.region}" does not match its region folder "${regionId}"` }, { zh: `请把 region 改为 "${regionId}"，或把单位文件夹移到正确的地区。`, en: `Set region to "${regionId}" or move the folder.` }));
      return;
    }
    const dirs = unitDirsById.get(data.id);
    if (Array.isArray(dirs) && dirs[0] !== c.dir) {
      findings.push(fileFinding('register/duplicate-id', c.rel, c.file.parsed.locate(['id']), { zh: `单位编号 "${data.id}" 与 accounts/${dirs[0]}/unit.json 重复`, en: `unit id "${data.id}" duplicates accounts/${dirs[0]}/unit.json` }, { zh: '单位编号必须全库唯一，请换一个编号（并同步改文件夹名）。', en: 'Unit ids are unique across the register; choose another.' }));
      return;
    }
    unitIdByDir.set(c.dir, data.id);
    units.set(data.id, { file: c.file, data, id: data.id, regionId });
    textChecks(rc, c);
  };
  const wantedUnit = new Set<string>();
  if (scope) {
    for (const r of regions.values()) if (r.data.supervisingOffice) wantedUnit.add(r.data.supervisingOffice);
  }
  const folderOf = (t: ToRead): string => t.unit ?? baseName(t.dir);
  // The unit files that may be wanted, in toRead's order. A structure worked out beforehand (a scoped
  // load: toRead is its files, then the folders' own) indexes its unit files by folder name, so only
  // those of the folders in scope and of the ids asked for are looked at, not all ~16,000 of a
  // 100,000-account register; the same test then picks from them as from every unit file.
  const st = structure;
  const allUnits = st ? undefined : toRead.filter((x) => x.kind === 'unit');
  const candidates = (ids: ReadonlySet<string>): readonly ToRead[] => {
    if (!st) return allUnits!;
    const at: number[] = [];
    // each id once (a scope of many folders of one name asks for the same files once)
    const asked = new Set(ids);
    st.scope.forEach((d) => asked.add(baseName(d)));
    for (const id of asked) for (const i of st.worked.unitTasksOf(id)) at.push(i);
    const out = [...new Set(at)].sort((a, b) => a - b).map((i) => st.worked.unitTask(i));
    for (let i = st.worked.toRead.length; i < toRead.length; i++) if (toRead[i]!.kind === 'unit') out.push(toRead[i]!);
    return out;
  };
  for (const t of candidates(wantedUnit)) if (inScope(t.dir) || wantedUnit.has(folderOf(t))) loadUnit(t);
  if (scope) {
    // units that in-scope units point at (parent, supervisor) and their supervising chains
    const more = new Set<string>();
    for (const u of units.values()) for (const ref of [u.data.parent, u.data.supervisor]) if (ref && !units.has(ref)) more.add(ref);
    if (more.size) for (const t of candidates(more)) if (more.has(folderOf(t)) && !units.has(folderOf(t))) loadUnit(t);
  }

  return { units, unitIdByDir };
}

/**
 * A register whose accounts are added as they are loaded (loadAccounts), indexed by unit at once;
 * the index by id is made when first asked for (a whole validate never asks: 100,000 string keys
 * hashed and stored for nothing), from the accounts in their order, as it was made before.
 */
function indexedRegister(regions: Map<string, RegionDoc>, units: Map<string, UnitDoc>, fileCount: number, scoped: boolean): Register {
  const accounts: AccountDoc[] = [];
  const byId = new Map<string, AccountDoc>();
  // accounts indexed so far (asked for during the load, the index takes in those added since)
  let indexed = 0;
  let replaced: Map<string, AccountDoc> | undefined;
  return {
    regions,
    units,
    accounts,
    get accountsById(): Map<string, AccountDoc> {
      if (replaced) return replaced;
      for (; indexed < accounts.length; indexed++) byId.set(accounts[indexed]!.id, accounts[indexed]!);
      return byId;
    },
    set accountsById(m: Map<string, AccountDoc>) {
      replaced = m;
    },
    accountsByUnit: new Map(),
    fileCount,
    scoped,
  };
}

/** Stage 3c: account files in scope: schema, id and file name, duplicates, host unit, event order. */
function loadAccounts(
  toRead: readonly ToRead[],
  { inScope }: Listing,
  reader: Reader,
  register: Register,
  unitIdByDir: ReadonlyMap<string, string>,
  recurringStems: RecurringStems,
  src: FileSource,
  now: string,
  findings: Finding[],
  onAccounts: LoadOptions['onAccounts'],
): void {
  const tasks = toRead.filter((x) => x.kind === 'account' && inScope(x.dir));
  const { accounts, accountsByUnit } = register;
  const add = (a: AccountDoc): void => {
    accounts.push(a);
    let list = accountsByUnit.get(a.unitId);
    if (!list) accountsByUnit.set(a.unitId, (list = []));
    list.push(a);
  };
  if (!onAccounts) {
    for (const t of tasks) {
      const a = loadAccount(t, reader, register.units, unitIdByDir, recurringStems, src, now, findings);
      if (a) add(a);
    }
    return;
  }
  // a unit's accounts go to onAccounts when the last file of its folder has been read (a unit folder
  // holding another unit's folder has its files before and after that folder's in the listing's order)
  const left = new Map<string, number>();
  for (const t of tasks) left.set(t.dir, (left.get(t.dir) ?? 0) + 1);
  const loaded = new Map<string, AccountDoc[]>();
  for (const t of tasks) {
    const a = loadAccount(t, reader, register.units, unitIdByDir, recurringStems, src, now, findings);
    if (a) {
      add(a);
      let b = loaded.get(t.dir);
      if (!b) loaded.set(t.dir, (b = []));
      b.push(a);
    }
    const n = left.get(t.dir)! - 1;
    if (n > 0) {
      left.set(t.dir, n);
      continue;
    }
    left.delete(t.dir);
    const b = loaded.get(t.dir);
    if (b) {
      loaded.delete(t.dir);
      onAccounts(b, register);
    }
  }
}

/** One account file: read and checked, or undefined when it is refused (the reason is a finding). */
function loadAccount(
  t: ToRead,
  { readChecked, textChecks }: Reader,
  units: ReadonlyMap<string, UnitDoc>,
  unitIdByDir: ReadonlyMap<string, string>,
  recurringStems: RecurringStems,
  src: FileSource,
  now: string,
  findings: Finding[],
): AccountDoc | undefined {
  {
    const rc = readChecked(t, 'account');
    const c = rc.c;
    if (!c || !rc.ok) return undefined;
    const data = c.value as AccountFile;
    if (!isFileStem(c.rel, data.id)) {
      const stem = baseName(c.rel).slice(0, -'.json'.length);
      findings.push(fileFinding('register/id-path', c.rel, c.file.parsed.locate(['id']), { zh: `账号编号 "${data.id}" 与文件名 "${stem}.json" 不一致`, en: `account id "${data.id}" does not match the file name "${stem}.json"` }, { zh: `请把 id 改为 "${stem}"，或把文件改名为 "${data.id}.json"。`, en: `Set id to "${stem}" or rename the file to "${data.id}.json".` }, data.id));
      return undefined;
    }
    // the file is named <id>.json: the id is its stem
    let first: string | undefined;
    if (src.pathsWithStem) {
      const same = src.pathsWithStem(data.id);
      if (same.length > 1) first = same[0];
    } else if (recurringStems.size) first = recurringStems.get(data.id)?.[0];
    if (first !== undefined && first !== c.rel) {
      findings.push(fileFinding('register/duplicate-id', c.rel, c.file.parsed.locate(['id']), { zh: `账号编号 "${data.id}" 与 ${first} 重复`, en: `account id "${data.id}" duplicates ${first}` }, { zh: '账号编号必须全库唯一：同一个账号只能有一个文件；新账号请换一个编号。', en: 'Account ids are unique: one file per account.' }, data.id));
      return undefined;
    }
    const unitId = unitIdByDir.get(c.dir);
    if (unitId === undefined) return undefined; // unit.json itself was invalid; already reported
    const unit = units.get(unitId);
    if (data.hostUnit !== unitId) {
      findings.push(fileFinding('register/host-unit', c.rel, c.file.parsed.locate(['hostUnit']), { zh: `主办单位 "${data.hostUnit}" 与账号所在单位文件夹 "${unitId}" 不一致`, en: `hostUnit "${data.hostUnit}" does not match the unit folder "${unitId}"` }, { zh: `账号文件必须放在主办单位的文件夹中：请把 hostUnit 改为 "${unitId}"，或把文件移到 "${data.hostUnit}" 的文件夹（迁移须办理主办单位变更备案）。`, en: `Set hostUnit to "${unitId}" or move the file to the "${data.hostUnit}" folder (a host-unit change needs a change filing).` }, data.id));
      return undefined;
    }
    const doc = new LoadedAccount(c.file, data, data.id, unitId, unit?.regionId ?? '');
    textChecks(rc, c, data.id);
    eventOrder(c, data, now, findings);
    return doc;
  }
}

/** Stage 5: references between files (existence from the listing). */
function checkReferences({ unitDirsById, inScope }: Listing, regions: ReadonlyMap<string, RegionDoc>, units: ReadonlyMap<string, UnitDoc>, accounts: readonly AccountDoc[], policySeries: ReadonlySet<string> | undefined, findings: Finding[]): void {
  // ---- 4. references between files (existence from the listing)
  const unitExists = (id: string): boolean => unitDirsById.has(id);
  for (const r of regions.values()) {
    const so = r.data.supervisingOffice;
    if (so && !unitExists(so)) {
      findings.push(fileFinding('register/reference', r.file.rel, r.file.parsed.locate(['supervisingOffice']), { zh: `主管单位 "${so}" 在登记簿中不存在`, en: `supervising office "${so}" is not in the register` }, { zh: '请填写已登记的主管单位编号（其 unit.json 中的 id）。', en: 'Use the id of a registered unit.' }));
    }
    if (policySeries) {
      r.data.policies.forEach((p, i) => {
        if (!policySeries.has(p)) {
          findings.push(fileFinding('register/reference', r.file.rel, r.file.parsed.locate(['policies', i]), { zh: `绑定的管理办法 "${p}" 在 policies/ 中不存在`, en: `bound policy "${p}" does not exist under policies/` }, { zh: '请填写 policies/ 下已有的办法文件夹路径，例如 "sichuan/zigong"。', en: 'Use an existing policies/ folder path, e.g. "sichuan/zigong".' }));
        }
      });
    }
  }
  for (const u of units.values()) {
    if (!inScope(path.posix.dirname(u.file.rel).slice(ACCOUNTS_DIR.length + 1))) continue;
    for (const field of ['parent', 'supervisor'] as const) {
      const ref = u.data[field];
      if (ref && !unitExists(ref)) {
        findings.push(fileFinding('register/reference', u.file.rel, u.file.parsed.locate([field]), { zh: `${field === 'parent' ? '上级单位' : '主管单位'} "${ref}" 在登记簿中不存在`, en: `${field} "${ref}" is not in the register` }, { zh: '请填写已登记单位的编号。', en: 'Use the id of a registered unit.' }));
      }
    }
  }
  for (const a of accounts) {
    const ref = a.data.certifiedEntity?.unit;
    if (ref && !unitExists(ref)) {
      findings.push(fileFinding('register/reference', a.file.rel, a.file.parsed.locate(['certifiedEntity', 'unit']), { zh: `认证主体单位 "${ref}" 在登记簿中不存在`, en: `certified entity unit "${ref}" is not in the register` }, { zh: '请填写已登记单位的编号，或删去该字段。', en: 'Use a registered unit id or drop the field.' }, a.id));
    }
  }

}

function accountIdOf(c: Candidate): string | undefined {
  if (c.kind !== 'account') return undefined;
  const v = c.value as { id?: unknown };
  return typeof v === 'object' && v !== null && typeof v.id === 'string' ? v.id : undefined;
}

function getAt(value: unknown, pointer: (string | number)[]): unknown {
  let cur = value;
  for (const seg of pointer) {
    if (cur === null || typeof cur !== 'object') return undefined;
    cur = (cur as Record<string, unknown>)[seg as string];
  }
  return cur;
}

function stringChecks(c: Candidate, findings: Finding[], account?: string): void {
  for (const is of checkStrings(c.value)) {
    const pos = c.file.parsed.locate(is.pointer);
    let column = pos.column;
    if (is.ruleId !== 'register/secret' && is.ruleId !== 'register/implausible-date') {
      const v = getAt(c.value, is.pointer);
      const text = c.file.text;
      const raw = text.slice(pos.offset, Math.min(text.length, pos.offset + (typeof v === 'string' ? v.length : 0) * 6 + 2));
      column = pos.column + rawOffsetOf(raw, is.index);
    }
    const f = fileFinding(is.ruleId, c.rel, { line: pos.line, column }, is.message, is.fix, account);
    if (is.ruleId === 'register/implausible-date') schemaFindingField.set(f, is.pointer);
    findings.push(f);
  }
}

function eventOrder(c: Candidate, data: AccountFile, now: string, findings: Finding[]): void {
  let prev = '';
  data.events.forEach((ev, i) => {
    if (ev.date < prev) {
      findings.push(fileFinding('register/event-order', c.rel, c.file.parsed.locate(['events', i, 'date']), { zh: `第 ${i + 1} 个事件（${ev.type}）的日期 ${ev.date} 早于前一个事件的日期 ${prev}`, en: `event ${i + 1} (${ev.type}) is dated ${ev.date}, before the previous event (${prev})` }, { zh: '事件只能按时间顺序追加在列表末尾；请核对日期，不要插入或改动已有事件。', en: 'Events are appended in date order; check the date, never insert or edit past events.' }, data.id));
    }
    if (ev.date > now) {
      findings.push(fileFinding('register/event-order', c.rel, c.file.parsed.locate(['events', i, 'date']), { zh: `第 ${i + 1} 个事件（${ev.type}）的日期 ${ev.date} 晚于今天（${now}）`, en: `event ${i + 1} (${ev.type}) is dated ${ev.date}, after today (${now})` }, { zh: '只记录已经发生的事项；请核对日期。', en: 'Record only what has happened; check the date.' }, data.id));
    }
    if (ev.date > prev) prev = ev.date;
  });
}

/** GBK-encoded Chinese text: strict GBK decoding succeeds where UTF-8 failed, with Chinese in it. */
function looksLikeGbk(buf: Buffer): boolean {
  try {
    const t = new TextDecoder('gbk', { fatal: true }).decode(buf);
    return /[\u4e00-\u9fff]/.test(t);
  } catch {
    return false;
  }
}
