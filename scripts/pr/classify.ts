/**
 * 变更分类：比较一个账号文件在基准和合并请求中的两个版本，说清楚“开设、变更、关停……”，
 * 并找出非法的变更（删除账号、改动历史事件、未备案的迁移或关键信息变更）。
 * Classify one changed register file by comparing its base and head versions.
 */
import { isDeepStrictEqual } from 'node:util';
import type { Bilingual } from '../core/finding.ts';
import type { DiffEntry } from '../core/git.ts';
import { registerPathKind } from '../core/register-path.ts';
import type { AccountFile, RegionFile, UnitFile } from '../generated/types.ts';
import type { ChangeItem, FieldChange } from './types.ts';

export interface Illegal {
  ruleId: 'pr/id-changed' | 'pr/deleted-account' | 'pr/past-event-changed' | 'pr/move-without-filing' | 'pr/key-change-without-filing' | 'pr/platform-changed' | 'pr/new-account-without-filing' | 'pr/unit-deleted' | 'pr/outside-tree';
  /** JSON pointer in the head file (or [] for the whole file). */
  pointer: (string | number)[];
  message: Bilingual;
  fix: Bilingual;
}

export interface Classified {
  item: ChangeItem;
  illegal: Illegal[];
}

type Get = (a: AccountFile) => string;

const personLine = (p: { name: string; position: string } | undefined): string => (p ? `${p.name}｜${p.position}` : '');
const phones = (a: AccountFile): string => {
  const t = a.team;
  if (!t) return '';
  return [t.principal, t.inCharge, t.sectionHead, ...t.operators].map((p) => `${p?.officePhone ?? ''}/${p?.mobile ?? ''}`).join(',');
};

/** Key fields (自贡 附件3 注2：账号名称、认证主体、认证主体的分类) and the host unit. */
export const KEY_FIELDS: { field: string; label: string; get: Get }[] = [
  { field: 'name', label: '账号名称', get: (a) => a.name },
  { field: 'certifiedEntity.name', label: '认证主体', get: (a) => a.certifiedEntity?.name ?? '' },
  { field: 'certifiedEntity.category', label: '认证主体分类', get: (a) => a.certifiedEntity?.category ?? '' },
  { field: 'hostUnit', label: '主办单位', get: (a) => a.hostUnit },
];

/** Non-key fields (自贡 第十八条：机构人员、联系电话等). Personal data is never printed, only that it changed. */
export const NONKEY_FIELDS: { field: string; label: string; get: Get; personal?: boolean }[] = [
  { field: 'operatingUnit', label: '运营单位', get: (a) => a.operatingUnit ?? '' },
  { field: 'operatingMode', label: '运营模式', get: (a) => a.operatingMode },
  { field: 'vendor', label: '服务外包单位', get: (a) => a.vendor?.name ?? '（无）' },
  { field: 'contentType', label: '内容类型', get: (a) => a.contentType },
  { field: 'subType', label: '账号类型', get: (a) => a.subType ?? '' },
  { field: 'urls', label: '网址', get: (a) => JSON.stringify(a.urls ?? {}) },
  { field: 'certification', label: '认证情况', get: (a) => a.certification?.status ?? '' },
  { field: 'team.principal', label: '主要负责人', get: (a) => personLine(a.team?.principal), personal: true },
  { field: 'team.inCharge', label: '分管负责人', get: (a) => personLine(a.team?.inCharge), personal: true },
  { field: 'team.sectionHead', label: '科室负责人', get: (a) => personLine(a.team?.sectionHead), personal: true },
  { field: 'team.operators', label: '经办人员', get: (a) => (a.team?.operators ?? []).map(personLine).join(','), personal: true },
  { field: 'team.review', label: '审核分工', get: (a) => JSON.stringify(a.team?.review ?? {}), personal: true },
  { field: 'phones', label: '联系电话', get: phones, personal: true },
  { field: 'app', label: '移动客户端信息', get: (a) => JSON.stringify(a.app ?? {}) },
];

const CLOSING_EVENTS = new Set(['关停备案', '注销公告', '平台注销', '应用下架']);

function unitOfPath(p: string): string {
  const parts = p.split('/');
  return parts[parts.length - 2] ?? '';
}

/**
 * `shaped`: the caller has already put both versions through isAccountShape (each is an account or
 * undefined): history, which checks each of hundreds of versions once, not once per commit it is in.
 */
export function classifyAccount(status: string, path: string, fromPath: string | undefined, base0: AccountFile | undefined, head0: AccountFile | undefined, unitName: (id: string) => string, movedTo?: string, shaped = false): Classified {
  const item: ChangeItem = { kind: 'progress', status, path, fields: [], newEvents: [] };
  if (fromPath) item.fromPath = fromPath;
  const illegal: Illegal[] = [];
  // never trust the shape of what a caller parsed: anything that is not an account is treated as absent
  const base = shaped || isAccountShape(base0) ? base0 : undefined;
  const head = shaped || isAccountShape(head0) ? head0 : undefined;
  const doc = head ?? base;
  if (doc) {
    item.accountId = doc.id;
    item.accountName = doc.name;
    item.unitId = unitOfPath(path);
  }
  if (status === 'D') {
    item.kind = 'illegal';
    if (!doc) item.unitId = unitOfPath(path);
    const what = base?.name ?? path;
    illegal.push({
      ruleId: 'pr/deleted-account',
      pointer: [],
      message: movedTo !== undefined
        ? { zh: `账号文件“${what}”（${path}）被改名或移动为“${movedTo}”，离开了账号集合：这等同于删除账号，账号文件是备案记录，不能删除`, en: `the account file "${what}" (${path}) was renamed or moved to "${movedTo}" and so left the account set: that is a deletion, and account files are the filing record, never deleted` }
        : { zh: `删除了账号文件“${what}”：账号文件是备案记录，不能删除`, en: `the account file "${what}" was deleted: account files are the filing record and are never deleted` },
      fix: { zh: '要关停账号，请恢复该文件并追加“关停备案”等事件（govmedia close）；关停后文件保留作为记录。', en: 'Restore the file and append closure events instead (govmedia close).' },
    });
    return { item, illegal };
  }
  if (!head) return { item, illegal };
  if (!base) {
    // the first filing decides: earlier platform events may be recorded (自贡 第七条（二）: registration
    // may precede the filing; a backfilled account existed before it was filed)
    const filing = head.events.find((e) => e.type === '开设备案' || e.type === '补录备案' || e.type === '变更备案' || e.type === '关停备案');
    item.newEvents = head.events.map((e) => e.type);
    if (filing?.type === '开设备案') item.kind = 'open';
    else if (filing?.type === '补录备案') item.kind = 'backfill';
    else {
      item.kind = 'illegal';
      illegal.push({
        ruleId: 'pr/new-account-without-filing',
        pointer: ['events', head.events.indexOf(filing ?? head.events[0]!) >= 0 ? head.events.indexOf(filing ?? head.events[0]!) : 0, 'type'],
        message: { zh: `新增账号“${head.name}”没有“开设备案”或“补录备案”${filing ? `（第一个备案事件是“${filing.type}”）` : ''}`, en: `new account "${head.name}" has no opening or backfill filing` },
        fix: { zh: '新开设的账号须有“开设备案”；已存在但未备案的账号须有“补录备案”（govmedia new / govmedia backfill）。', en: 'Add 开设备案 (new) or 补录备案 (existing, unfiled).' },
      });
    }
    return { item, illegal };
  }
  if (base.id !== head.id) {
    illegal.push({
      ruleId: 'pr/id-changed',
      pointer: ['id'],
      message: { zh: `账号编号由“${base.id}”改成了“${head.id}”：编号是账号的身份，不能修改`, en: `account id changed from "${base.id}" to "${head.id}": the id is the account's identity` },
      fix: { zh: '请恢复原编号和文件名（迁移到其他单位时编号也不变）；新账号请新建文件并办理开设备案。', en: 'Restore the id and file name; open a new file for a new account.' },
    });
  }
  // modified or moved: past events are append-only
  const n = base.events.length;
  let prefixOk = head.events.length >= n;
  let firstDiff = -1;
  for (let i = 0; i < n; i++) {
    // the same object is equal to itself (history and audit reuse the parsed events of the previous version)
    if (base.events[i] !== head.events[i] && !isDeepStrictEqual(base.events[i], head.events[i])) {
      prefixOk = false;
      firstDiff = i;
      break;
    }
  }
  if (!prefixOk) {
    const removed = head.events.length < n && firstDiff < 0;
    const at = firstDiff >= 0 ? firstDiff : head.events.length;
    const ev = base.events[at];
    illegal.push({
      ruleId: 'pr/past-event-changed',
      pointer: firstDiff >= 0 && firstDiff < head.events.length ? ['events', firstDiff] : ['events'],
      message: removed || firstDiff >= head.events.length
        ? { zh: `删除了已有的第 ${at + 1} 个事件（${ev?.type ?? ''}，${ev?.date ?? ''}）：事件只能追加，不能删除`, en: `past event ${at + 1} (${ev?.type ?? ''}, ${ev?.date ?? ''}) was removed: events are append-only` }
        : { zh: `修改了已有的第 ${at + 1} 个事件（${ev?.type ?? ''}，${ev?.date ?? ''}）：历史事件不能修改`, en: `past event ${at + 1} (${ev?.type ?? ''}, ${ev?.date ?? ''}) was edited: past events cannot change` },
      fix: { zh: '请恢复原有事件；如原记录有误，请在末尾追加一个带说明（note）的新事件予以更正。', en: 'Restore the past event; to correct it, append a new event with a note.' },
    });
    item.kind = 'illegal';
  } else {
    item.newEvents = head.events.slice(n).map((e) => e.type);
  }
  const appended = prefixOk ? head.events.slice(n) : [];
  for (const f of KEY_FIELDS) {
    const from = f.get(base);
    const to = f.get(head);
    if (from !== to) item.fields.push({ field: f.field, label: f.label, from: f.field === 'hostUnit' ? unitName(from) : from, to: f.field === 'hostUnit' ? unitName(to) : to });
  }
  for (const f of NONKEY_FIELDS) {
    const from = f.get(base);
    const to = f.get(head);
    if (from !== to) item.fields.push(f.personal ? { field: f.field, label: f.label, from: '', to: '' } : { field: f.field, label: f.label, from, to });
  }
  if (base.platform !== head.platform) {
    illegal.push({
      ruleId: 'pr/platform-changed',
      pointer: ['platform'],
      message: { zh: `账号的平台类型由“${base.platform}”改成了“${head.platform}”：不同平台是不同账号`, en: `platform changed from "${base.platform}" to "${head.platform}": another platform is another account` },
      fix: { zh: '请恢复原平台类型；在新平台开设账号请新建账号文件（govmedia new）。', en: 'Restore the platform; open a new account for the other platform.' },
    });
  }
  const fromUnit = fromPath ? unitOfPath(fromPath) : item.unitId;
  const moved = fromPath !== undefined && fromUnit !== item.unitId;
  if (moved && fromUnit) item.fromUnitId = fromUnit;
  const changeFiling = appended.filter((e) => e.type === '变更备案');
  const keyChanged = item.fields.filter((f) => KEY_FIELDS.some((k) => k.field === f.field));
  if (moved || keyChanged.some((f) => f.field === 'hostUnit')) {
    const filed = changeFiling.some((e) => (e.changes ?? []).some((c) => c.field === '主办单位'));
    if (!filed) {
      illegal.push({
        ruleId: 'pr/move-without-filing',
        pointer: ['hostUnit'],
        message: { zh: `账号“${head.name}”由“${unitName(fromUnit ?? base.hostUnit)}”迁移到“${unitName(head.hostUnit)}”，但没有办理主办单位变更备案`, en: `account "${head.name}" moved from "${unitName(fromUnit ?? base.hostUnit)}" to "${unitName(head.hostUnit)}" without a host-unit change filing` },
        fix: { zh: '请追加“变更备案”事件，changes 中写明 {"field":"主办单位","from":"原单位","to":"新单位"}，经主管单位审核；需向社会公告的按规定公告。', en: 'Append a 变更备案 event whose changes list the 主办单位 change, for the supervisor to approve.' },
      });
    }
  }
  const otherKey = keyChanged.filter((f) => f.field !== 'hostUnit');
  if (otherKey.length && changeFiling.length === 0) {
    illegal.push({
      ruleId: 'pr/key-change-without-filing',
      pointer: [otherKey[0]!.field.split('.')[0]!, ...(otherKey[0]!.field.includes('.') ? [otherKey[0]!.field.split('.')[1]!] : [])],
      message: { zh: `关键信息“${otherKey.map((f) => f.label).join('、')}”发生变化（${otherKey.map((f) => `由“${f.from}”变更为“${f.to}”`).join('；')}），但没有办理变更备案`, en: `key information changed (${otherKey.map((f) => f.field).join(', ')}) without a change filing` },
      fix: { zh: '请追加“变更备案”事件（govmedia change），写明变更事项和原因，经主管单位审核同意后再修改平台信息。', en: 'Append a 变更备案 event (govmedia change) for the supervisor to approve.' },
    });
  }
  if (illegal.length) item.kind = 'illegal';
  else if (appended.some((e) => CLOSING_EVENTS.has(e.type) || (e.type === '系统填报' && e.action === '关停'))) item.kind = 'closing';
  else if (changeFiling.length) item.kind = 'key-change';
  else if (item.fields.length || appended.some((e) => e.type === '信息报备' || e.type === '人员交接' || e.type === '密码更换' || e.type === '资料留存')) item.kind = 'non-key-change';
  else if (appended.length) item.kind = 'progress';
  else item.kind = 'non-key-change';
  return { item, illegal };
}

export function classifyUnit(status: string, path: string, base0: UnitFile | undefined, head0: UnitFile | undefined, hasAccounts: boolean): Classified {
  const base = isUnitShape(base0) ? base0 : undefined;
  const head = isUnitShape(head0) ? head0 : undefined;
  const doc = head ?? base;
  const item: ChangeItem = { kind: status === 'A' ? 'unit' : 'unit-change', status, path, fields: [], newEvents: [] };
  if (doc) item.unitId = doc.id;
  const illegal: Illegal[] = [];
  if (status === 'D' && hasAccounts) {
    item.kind = 'illegal';
    illegal.push({ ruleId: 'pr/unit-deleted', pointer: [], message: { zh: `删除了单位“${base?.name ?? path}”的 unit.json，但该单位仍有账号记录`, en: `unit "${base?.name ?? path}" was deleted while it still has accounts` }, fix: { zh: '单位撤销、合并的，请先办理其账号的关停或主办单位变更，再由维护者处理单位文件。', en: 'Close or move its accounts first.' } });
  }
  if (base && head) {
    const diff = (field: string, label: string, a: string | undefined, b: string | undefined): void => {
      if ((a ?? '') !== (b ?? '')) item.fields.push({ field, label, from: a ?? '', to: b ?? '' });
    };
    diff('name', '单位名称', base.name, head.name);
    diff('kind', '单位类型', base.kind, head.kind);
    diff('region', '所属地区', base.region, head.region);
    diff('parent', '上级单位', base.parent, head.parent);
    diff('supervisor', '主管单位', base.supervisor, head.supervisor);
    diff('reviewers', '审核人', (base.reviewers ?? []).join(','), (head.reviewers ?? []).join(','));
  }
  return { item, illegal };
}

const isObj = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const isStr = (v: unknown): v is string => typeof v === 'string';
const isPerson = (v: unknown): boolean => isObj(v) && isStr(v.name) && isStr(v.position);

/**
 * The shape classification reads (a subset of the schema, checked without the schema so that
 * every caller — check-pr, audit, history, the scaffolder's guard — is safe on hostile data).
 */
export function isAccountShape(v: unknown): v is AccountFile {
  if (!isObj(v)) return false;
  if (!isStr(v.id) || !isStr(v.name) || !isStr(v.platform) || !isStr(v.hostUnit)) return false;
  // a backfilled account may not know its certified entity or team (listed in `unknown`): absent is a shape, anything else present must be right
  const ce = v.certifiedEntity;
  if (ce !== undefined && (!isObj(ce) || !isStr(ce.name) || !isStr(ce.category))) return false;
  const t = v.team;
  if (t !== undefined) {
    if (!isObj(t) || !Array.isArray(t.operators) || !t.operators.every(isPerson)) return false;
    for (const k of ['principal', 'inCharge', 'sectionHead']) if (t[k] !== undefined && !isPerson(t[k])) return false;
  }
  if (v.vendor !== undefined && !isObj(v.vendor)) return false;
  if (v.certification !== undefined && !isObj(v.certification)) return false;
  if (!Array.isArray(v.events) || v.events.length === 0) return false;
  for (const e of v.events) {
    if (!isObj(e) || !isStr(e.type) || !isStr(e.date)) return false;
    if (e.changes !== undefined && (!Array.isArray(e.changes) || !e.changes.every(isObj))) return false;
  }
  return true;
}

export function isUnitShape(v: unknown): v is UnitFile {
  if (!isObj(v) || !isStr(v.id) || !isStr(v.name)) return false;
  if (v.reviewers !== undefined && (!Array.isArray(v.reviewers) || !v.reviewers.every(isStr))) return false;
  return true;
}

export function isRegionShape(v: unknown): v is RegionFile {
  return isObj(v) && isStr(v.id) && isStr(v.name) && Array.isArray(v.policies);
}

/** A changed path as the account set sees it: a deletion may name where the file went. */
export interface SetEntry extends DiffEntry {
  /** For a deletion made out of a rename: the path the file was renamed or moved to. */
  movedTo?: string;
}

const SEGMENT_RE = /^[a-z0-9]+(-[a-z0-9]+)*$/;

/**
 * A path where an account can be a member of the account set: an account JSON file whose
 * folders are all proper region or unit folder names (a folder named "x.json" that replaced an
 * account file is not one). Whether the folder really is a unit folder is the loader's check.
 */
export function isAccountSetPath(p: string): boolean {
  if (registerPathKind(p) !== 'account') return false;
  const segs = p.split('/').slice(1, -1);
  return segs.length > 0 && segs.every((x) => SEGMENT_RE.test(x));
}

function setKind(p: string): string {
  const k = registerPathKind(p);
  return k === 'account' && !isAccountSetPath(p) ? 'refused' : k;
}

function stemOf(p: string): string {
  const b = p.slice(p.lastIndexOf('/') + 1);
  return b.endsWith('.json') ? b.slice(0, -5) : b;
}

/**
 * 账号集合的唯一规则：账号以编号（文件名）为身份。一个账号文件离开账号集合——删除、改成任何其他名字、
 * 移出 accounts/（如移到 docs/ 或 tests/）、被文件夹或链接取代——都是删除；只有移到另一单位文件夹、
 * 编号不变的才是迁移（迁移须办理主办单位变更备案，由 classifyAccount 判断）。
 *
 * The one rule for the account set, shared by check-pr and audit (both go through judge):
 * an account is its id (file stem) at an account path. Git's own rename pairing is not trusted:
 * - a rename whose two sides are not both account paths of the same id is a deletion of the
 *   old path plus an addition of the new one (renaming to README.md, .gitkeep, another id, or
 *   moving into docs/ or tests/ is a deletion);
 * - a type change (file → symlink or submodule) is a deletion plus an addition;
 * - a copy is an addition;
 * - a deletion and an addition of the same id in two places (Git did not pair them because the
 *   content changed much) is a move, judged as one.
 */
export function accountSetDiff(diffs: readonly DiffEntry[]): SetEntry[] {
  const out: SetEntry[] = [];
  for (const d of diffs) {
    const st = d.status[0] ?? 'M';
    if (st === 'T') {
      out.push({ status: 'D', path: d.path }, { status: 'A', path: d.path });
      continue;
    }
    if (st === 'C') {
      out.push({ status: 'A', path: d.path });
      continue;
    }
    if (st === 'R' && d.fromPath !== undefined) {
      const kf = setKind(d.fromPath);
      const kt = setKind(d.path);
      if (kf !== kt || (kf === 'account' && stemOf(d.fromPath) !== stemOf(d.path))) {
        out.push({ status: 'D', path: d.fromPath, movedTo: d.path }, { status: 'A', path: d.path });
        continue;
      }
      out.push({ status: 'R', path: d.path, fromPath: d.fromPath });
      continue;
    }
    out.push({ status: st, path: d.path });
  }
  // pair a deletion and an addition of the same account id (a move Git did not detect)
  const dels = new Map<string, number[]>();
  const adds = new Map<string, number[]>();
  out.forEach((e, i) => {
    if (!isAccountSetPath(e.path) || e.movedTo !== undefined) return;
    const m = e.status === 'D' ? dels : e.status === 'A' ? adds : undefined;
    if (!m) return;
    const k = stemOf(e.path);
    m.set(k, [...(m.get(k) ?? []), i]);
  });
  const drop = new Set<number>();
  for (const [stem, di] of dels) {
    const ai = adds.get(stem);
    if (di.length !== 1 || ai?.length !== 1) continue;
    const d = out[di[0]!]!;
    const a = out[ai[0]!]!;
    // the same path deleted and added is a replacement (a link or submodule in its place), not a move
    if (d.path === a.path) continue;
    out[ai[0]!] = { status: 'R', path: a.path, fromPath: d.path };
    drop.add(di[0]!);
  }
  return out.filter((_, i) => !drop.has(i));
}

/** A region.json change, in domain words (who supervises, who reviews, which measures bind). */
export function classifyRegion(status: string, path: string, base: RegionFile | undefined, head: RegionFile | undefined): ChangeItem {
  const doc = head ?? base;
  const item: ChangeItem = { kind: 'region', status, path, fields: [], newEvents: [] };
  if (doc) item.regionId = doc.id;
  if (base && head) {
    const diff = (field: string, label: string, a: string, b: string): void => {
      if (a !== b) item.fields.push({ field, label, from: a, to: b });
    };
    diff('name', '地区名称', base.name, head.name);
    diff('supervisingOffice', '主管单位', base.supervisingOffice ?? '', head.supervisingOffice ?? '');
    diff('supervisingOfficeName', '主管单位名称', base.supervisingOfficeName ?? '', head.supervisingOfficeName ?? '');
    diff('policies', '适用的管理办法', base.policies.join(','), head.policies.join(','));
    const rv = (r: RegionFile, k: 'supervisor' | 'maintainers'): string => {
      const v = (r.reviewers as Record<string, unknown> | undefined)?.[k];
      return Array.isArray(v) ? v.filter(isStr).join(',') : '';
    };
    diff('reviewers.supervisor', '主管单位审核人', rv(base, 'supervisor'), rv(head, 'supervisor'));
    diff('reviewers.maintainers', '本库维护者', rv(base, 'maintainers'), rv(head, 'maintainers'));
  }
  return item;
}

/** Does this change need the supervising office (not only the unit's own reviewers)? */
export function needsSupervisor(item: ChangeItem): boolean {
  if (item.kind === 'open' || item.kind === 'backfill' || item.kind === 'key-change' || item.kind === 'closing' || item.kind === 'unit' || item.kind === 'region') return true;
  // a unit's kind, parent, supervisor or reviewers decide which rules and approvals apply to it
  if (item.kind === 'unit-change') return true;
  // recording the supervisor's own decision needs the supervisor
  return item.newEvents.includes('主管审核') || item.newEvents.includes('上报备案');
}

export type { FieldChange };
