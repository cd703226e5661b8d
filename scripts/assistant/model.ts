/**
 * 备案助手的数据模型：把网页表单的回答写成账号文件（与命令行向导同样的字段、顺序和 $schema），
 * 并把检查结果按所指的字段对应到引起它的问题上。浏览器和测试共用，不依赖文件系统。
 *
 * The assistant's model: answers of the page's forms → the account file (same fields, order and
 * $schema as the CLI scaffolder writes), and findings → the question that caused them (by the JSON
 * pointer of the line the finding names). Shared by the page and the tests; no file system.
 */
import { parseJson } from '../core/jsonpos.ts';
import type { Finding } from '../core/finding.ts';
import type { AccountFile, Event, Person, Platform, UnitFile } from '../generated/types.ts';
import { accountJson, categoryForKind, PLATFORM_SLUG, RECORD_STAGES, schemaRef, teamChanges, type EvidenceKind, type RecordType } from '../scaffold/model.ts';

export type Action = '开设' | '补录' | '变更' | '关停' | '记录' | '报备';

/**
 * 记录: what govmedia record asks. A password change records the date and the attesting role only
 * (never a name, never the password); kept material (资料留存, 自贡 第十一条) the stage and where each
 * item is kept.
 */
export interface RecordAnswer {
  type: RecordType;
  attestedBy?: string;
  stage?: (typeof RECORD_STAGES)[number];
  evidence?: { kind: EvidenceKind; ref: string }[];
}

export interface PersonAnswer {
  name: string;
  position: string;
  officePhone?: string;
  mobile?: string;
}

export interface TeamAnswer {
  principal: PersonAnswer;
  inCharge: PersonAnswer;
  sectionHead?: PersonAnswer;
  operators: PersonAnswer[];
  editors: string[];
  reviewers: string[];
  finalApprovers: string[];
}

export interface Answers {
  action: Action;
  /** Unit folder, accounts/-relative (e.g. "sichuan/zigong/zg-swjw"). */
  unitDir: string;
  /** change/close/record/report: the account's file (repo-relative). */
  accountRel?: string;
  // new / backfill
  platform?: Platform;
  subType?: string;
  name?: string;
  platformAccountId?: string;
  homepage?: string;
  certName?: string;
  certCategory?: string;
  operatingUnit?: string;
  mode?: '自营' | '购买服务';
  vendorName?: string;
  vendorQualification?: string;
  vendorAgreementDate?: string;
  contentType?: '图文' | '音视频';
  functions?: string[];
  app?: { place: string; inRegion: boolean; abroad: boolean; ipv6: boolean; agingFriendly: boolean; accessibility: boolean };
  /** new/backfill: the team; 报备 (信息报备): the account's team as it is now, edited. */
  team?: TeamAnswer;
  /** backfill: when the account was opened on the platform, and its certification. */
  opened?: string;
  certStatus?: '未认证' | '认证中' | '已认证';
  publicInfo?: string;
  // change
  newName?: string;
  newOperatingUnit?: string;
  newCertName?: string;
  stillSupervised?: boolean;
  /**
   * change: an operator leaves and another takes the post (人员交接 and 信息报备 of the team). The facts some measures
   * ask about (綦江 第二十三条 保密承诺, 六安 第三十二条（二） 上岗前审查) are given only where a rule of the account's
   * region judges them (the page probes, as handoverFactMatters does for govmedia change); otherwise not recorded.
   */
  handover?: HandoverAnswer;
  /** 记录: the record appended (no reason, no unit decision: it is not a filing). */
  record?: RecordAnswer;
  // every filing (a record uses the date, and a password change the justification)
  date: string;
  reason: string;
  /**
   * 原则上 (Rule.justification): the justification the filing records, given only where a rule of the jurisdiction
   * calls for one (the page asks when the judgement finds a missing justification); the supervising office approves it.
   */
  justification?: string;
  decision: '同意' | '不同意';
  decisionBy: string;
  decisionDate: string;
}

export interface HandoverAnswer {
  /** Index of the leaving operator in the account's team. */
  leaving: number;
  incoming: PersonAnswer;
  credentialsRotated: boolean;
  confidentialityUndertaking?: boolean;
  incomingVetted?: boolean;
}

/** The handover facts only some measures ask about (recorded on the 人员交接 event). */
export const HANDOVER_FACT_FIELDS = ['confidentialityUndertaking', 'incomingVetted'] as const;
export type HandoverFact = (typeof HANDOVER_FACT_FIELDS)[number];

export interface Produced {
  rel: string;
  text: string;
  account: AccountFile;
  before?: AccountFile;
  exists: boolean;
}

function person(p: PersonAnswer): Person {
  const o: Person = { name: p.name.trim(), position: p.position.trim() };
  if (p.officePhone?.trim()) o.officePhone = p.officePhone.trim();
  if (p.mobile?.trim()) o.mobile = p.mobile.trim();
  return o;
}

function names(list: string[]): string[] {
  return [...new Set(list.map((s) => s.trim()).filter(Boolean))];
}

export function teamOf(t: TeamAnswer): NonNullable<AccountFile['team']> {
  const team: NonNullable<AccountFile['team']> = { principal: person(t.principal), inCharge: person(t.inCharge), operators: t.operators.map(person) };
  if (t.sectionHead && t.sectionHead.name.trim()) team.sectionHead = person(t.sectionHead);
  const review: NonNullable<NonNullable<AccountFile['team']>['review']> = {};
  if (names(t.editors).length) review.editors = names(t.editors);
  if (names(t.reviewers).length) review.reviewers = names(t.reviewers);
  if (names(t.finalApprovers).length) review.finalApprovers = names(t.finalApprovers);
  if (Object.keys(review).length) team.review = review;
  return team;
}

/** The id the CLI would propose: <unit id>-<platform slug>, numbered when taken. */
export function proposeId(unitId: string, platform: Platform, taken: (id: string) => boolean): string {
  const base = `${unitId}-${PLATFORM_SLUG[platform]}`;
  if (!taken(base)) return base;
  for (let i = 2; ; i++) if (!taken(`${base}-${i}`)) return `${base}-${i}`;
}

function filingEvent(type: Event['type'], a: Answers): Event {
  const ev: Event = { type, date: a.date, reason: a.reason.trim(), ...(a.justification?.trim() ? { justification: a.justification.trim() } : {}), unitDecision: { decision: a.decision, date: a.decisionDate, ...(a.decisionBy.trim() ? { by: a.decisionBy.trim() } : {}) } };
  return ev;
}

/**
 * An operator leaves, another takes the post (and the leaver's place in the review chain): the 人员交接 event with the
 * facts given, and the 信息报备 of the team change naming roles only (as govmedia change writes them).
 */
function handoverEvents(acc: AccountFile, h: HandoverAnswer, a: Answers): void {
  const team = acc.team!;
  const leaving = team.operators[h.leaving];
  if (!leaving) return;
  const before = team.operators.length;
  const incoming = person(h.incoming);
  team.operators[h.leaving] = incoming;
  if (team.review) {
    const swap = (l: string[] | undefined): string[] | undefined => l && [...new Set(l.map((n) => (n === leaving.name ? incoming.name : n)))];
    const r = team.review;
    for (const k of ['editors', 'reviewers', 'finalApprovers'] as const) if (r[k]) r[k] = swap(r[k]);
  }
  const handover: NonNullable<Event['handover']> = { fromRole: '经办人员', toRole: '经办人员', credentialsRotated: h.credentialsRotated };
  for (const f of HANDOVER_FACT_FIELDS) if (h[f] !== undefined) handover[f] = h[f];
  acc.events.push({ type: '人员交接', date: a.date, handover });
  acc.events.push({ type: '信息报备', date: a.date, changes: [{ field: '管理队伍', from: `经办人员（原 ${before} 人）`, to: `经办人员（调整后 ${team.operators.length} 人）` }] });
}

/** `v` with the keys of each object in the order `like` (the same place in the previous version) has them; new keys after. */
function inOrderOf(like: unknown, v: unknown): unknown {
  if (Array.isArray(v)) return v.map((x, i) => inOrderOf(Array.isArray(like) ? like[i] : undefined, x));
  if (!v || typeof v !== 'object') return v;
  const o = v as Record<string, unknown>;
  const l = like && typeof like === 'object' && !Array.isArray(like) ? (like as Record<string, unknown>) : {};
  const keys = [...Object.keys(l).filter((k) => k in o), ...Object.keys(o).filter((k) => !(k in l))];
  return Object.fromEntries(keys.map((k) => [k, inOrderOf(l[k], o[k])]));
}

/** The event of a record, with its fields in the order govmedia record writes them (the same file). */
function recordEvent(r: RecordAnswer, a: Answers): Event {
  const ev: Event = { type: r.type, date: a.date };
  if (r.type === '密码更换') ev.attestedBy = (r.attestedBy ?? '').trim();
  else {
    ev.action = r.stage ?? '开设';
    ev.evidence = (r.evidence ?? []).filter((e) => e.ref.trim()).map((e) => ({ kind: e.kind, ref: e.ref.trim() }));
  }
  // 原则上 (六安 第三十二条（一）): the reason for a late password change, approved by the supervising office in review
  if (r.type === '密码更换' && a.justification?.trim()) ev.justification = a.justification.trim();
  return ev;
}

/**
 * Write the answers as an account file. `unit` is the chosen host unit, `before` the existing
 * account for a change or closure, `taken` says whether an id is in use.
 */
export function produce(a: Answers, unit: UnitFile, before: AccountFile | undefined, taken: (id: string) => boolean): Produced {
  if (a.action === '报备') {
    // 信息报备 of the team (people, posts, phones; not a filing): the changes name roles only, as govmedia change writes them
    if (!before?.team || !a.accountRel || !a.team) throw new Error('no account with a recorded team chosen');
    const acc: AccountFile = structuredClone(before);
    // the team's keys in the order the file has them (govmedia change edits the file's own objects)
    const team = inOrderOf(before.team, teamOf(a.team)) as NonNullable<AccountFile['team']>;
    const ev: Event = { type: '信息报备', date: a.date, changes: teamChanges(before.team, team).changes };
    if (a.reason.trim()) ev.reason = a.reason.trim();
    acc.team = team;
    acc.events.push(ev);
    return { rel: a.accountRel, text: accountJson(acc), account: acc, before, exists: true };
  }
  if (a.action === '记录') {
    if (!before || !a.accountRel || !a.record) throw new Error('no account chosen');
    const acc: AccountFile = structuredClone(before);
    acc.events.push(recordEvent(a.record, a));
    return { rel: a.accountRel, text: accountJson(acc), account: acc, before, exists: true };
  }
  if (a.action === '变更' || a.action === '关停') {
    if (!before || !a.accountRel) throw new Error('no account chosen');
    const acc: AccountFile = structuredClone(before);
    if (a.action === '关停') acc.events.push(filingEvent('关停备案', a));
    else {
      const changes: NonNullable<Event['changes']> = [];
      if (a.newName?.trim() && a.newName.trim() !== before.name) {
        changes.push({ field: '账号名称', from: before.name, to: a.newName.trim() });
        acc.name = a.newName.trim();
      }
      if (a.newCertName?.trim() && a.newCertName.trim() !== before.certifiedEntity?.name) {
        changes.push({ field: '认证主体', from: before.certifiedEntity?.name ?? '未知', to: a.newCertName.trim() });
        // a backfilled account may not know its certified entity's category: it stays 未知 until filed
        acc.certifiedEntity = acc.certifiedEntity ? { ...acc.certifiedEntity, name: a.newCertName.trim() } : { name: a.newCertName.trim(), category: '未知' };
      }
      if (a.newOperatingUnit?.trim() && a.newOperatingUnit.trim() !== before.operatingUnit) {
        changes.push({ field: '运营单位', from: before.operatingUnit ?? '未知', to: a.newOperatingUnit.trim() });
        acc.operatingUnit = a.newOperatingUnit.trim();
      }
      // a handover alone is no key change: it is reported (信息报备), without a 变更备案
      if (changes.length || !a.handover) {
        const ev = filingEvent('变更备案', a);
        if (changes.length) ev.changes = changes;
        ev.stillSupervised = a.stillSupervised !== false;
        acc.events.push(ev);
      }
      if (a.handover && acc.team) handoverEvents(acc, a.handover, a);
    }
    return { rel: a.accountRel, text: accountJson(acc), account: acc, before, exists: true };
  }
  const platform = a.platform ?? '微信公众号';
  const id = proposeId(unit.id, platform, taken);
  const rel = `accounts/${a.unitDir}/${id}.json`;
  const first = filingEvent(a.action === '开设' ? '开设备案' : '补录备案', a);
  if (a.action === '补录' && a.opened) first.note = `账号已于 ${a.opened} 在平台开通，此前未备案。`;
  const acc: AccountFile = {
    $schema: schemaRef(rel),
    id,
    name: (a.name ?? '').trim(),
    platform,
    ...(platform === '微信公众号' ? { subType: (a.subType ?? '订阅号') as AccountFile['subType'] } : {}),
    ...(a.platformAccountId?.trim() ? { platformAccountId: a.platformAccountId.trim() } : {}),
    hostUnit: unit.id,
    certifiedEntity: { name: (a.certName ?? unit.name).trim(), category: (a.certCategory ?? categoryForKind(unit.kind)) as NonNullable<AccountFile['certifiedEntity']>['category'], unit: unit.id },
    operatingUnit: (a.operatingUnit ?? unit.name).trim(),
    operatingMode: a.mode ?? '自营',
    ...(a.mode === '购买服务'
      ? {
          vendor: {
            name: (a.vendorName ?? '').trim(),
            ...(a.vendorQualification?.trim() ? { qualifications: [a.vendorQualification.trim()] } : {}),
            // asked only where a rule of the jurisdiction needs it (asks.ts): not asked, not written
            ...(a.vendorAgreementDate === undefined ? {} : { confidentialityAgreement: a.vendorAgreementDate ? { signed: true, date: a.vendorAgreementDate } : { signed: false } }),
          },
        }
      : {}),
    team: teamOf(a.team ?? { principal: { name: '', position: '' }, inCharge: { name: '', position: '' }, operators: [], editors: [], reviewers: [], finalApprovers: [] }),
    contentType: a.contentType ?? '图文',
    ...(a.functions?.length ? { functions: a.functions as AccountFile['functions'] } : {}),
    ...(a.homepage?.trim() ? { urls: { homepage: a.homepage.trim() } } : {}),
    certification: a.action === '补录' ? { status: a.certStatus ?? '已认证', ...(a.publicInfo?.trim() ? { publicInfo: a.publicInfo.trim() } : {}) } : { status: '未认证' },
    ...(platform === '移动客户端' && a.app ? { app: { ipv6: a.app.ipv6, agingFriendly: a.app.agingFriendly, accessibility: a.app.accessibility, serverLocation: { place: a.app.place.trim(), inRegion: a.app.inRegion, abroad: a.app.abroad } } } : {}),
    events: [first],
  };
  return { rel, text: accountJson(acc), account: acc, exists: false };
}

// ---------------------------------------------------------------- findings → questions

/** The questions of the page, in the order they are asked. */
export const QUESTIONS = ['unit', 'account', 'platform', 'name', 'platformId', 'cert', 'operating', 'content', 'app', 'team', 'review', 'change', 'handover', 'record', 'filing', 'justification', 'decision'] as const;
export type QuestionId = (typeof QUESTIONS)[number];

/** JSON pointer of the deepest value that starts on each line of a JSON text (1-based lines). */
export function pointersByLine(text: string): Map<number, (string | number)[]> {
  const parsed = parseJson(text);
  const out = new Map<number, (string | number)[]>();
  if (!parsed.ok) return out;
  const walk = (v: unknown, p: (string | number)[]): void => {
    const line = parsed.locate(p).line;
    const prev = out.get(line);
    if (!prev || prev.length < p.length) out.set(line, p);
    if (Array.isArray(v)) v.forEach((x, i) => walk(x, [...p, i]));
    else if (v && typeof v === 'object') for (const [k, x] of Object.entries(v)) walk(x, [...p, k]);
  };
  walk(parsed.value, []);
  return out;
}

/** Which question a pointer inside the account file belongs to. */
export function questionOf(p: (string | number)[]): QuestionId {
  const [a, b, c] = p;
  switch (a) {
    case 'platform':
    case 'subType':
    case 'id':
    case 'hostUnit':
      return 'platform';
    case 'name':
      return 'name';
    case 'platformAccountId':
    case 'urls':
      return 'platformId';
    case 'certifiedEntity':
    case 'certification':
      return 'cert';
    case 'operatingUnit':
    case 'operatingMode':
    case 'vendor':
      return 'operating';
    case 'contentType':
    case 'functions':
      return 'content';
    case 'app':
    case 'miniProgram':
      return 'app';
    case 'team':
      return b === 'review' ? 'review' : 'team';
    case 'events':
      if (c === 'unitDecision') return 'decision';
      if (c === 'justification') return 'justification';
      if (c === 'handover') return 'handover';
      if (c === 'changes' || c === 'stillSupervised') return 'change';
      if (c === 'attestedBy' || c === 'evidence' || c === 'action') return 'record';
      return 'filing';
    default:
      return 'platform';
  }
}

/** The question a finding belongs to: by the line it names in the produced file, else the unit. */
export function questionFor(f: Pick<Finding, 'file' | 'line'>, produced: Pick<Produced, 'rel' | 'text'>, lines?: Map<number, (string | number)[]>): QuestionId {
  if (f.file !== produced.rel) return 'unit';
  const m = lines ?? pointersByLine(produced.text);
  const p = m.get(f.line);
  if (!p) return 'filing';
  // line 1 is the file itself (e.g. a transition rule of the pull-request check)
  if (p.length === 0) return 'filing';
  return questionOf(p);
}

/** What stands in for an answer not given yet while the page judges a draft. */
export const PLACEHOLDER = '待填写';

/**
 * The answers with every required-but-empty answer filled by a stand-in, so that the draft is a
 * schema-valid file and the policy rules can judge what *has* been answered (an invalid file is
 * not loaded into the register, and rules never see it). Findings at unanswered questions are not
 * shown; those at answered ones are, as soon as the answer is given.
 */
export function draftAnswers(a: Answers, now: string, unitName: string): Answers {
  const d: Answers = structuredClone(a);
  const blank = (s: string | undefined): boolean => !s || !s.trim();
  const date = (s: string | undefined): boolean => !!s && /^\d{4}-\d{2}-\d{2}$/.test(s.trim());
  if (!date(d.date)) d.date = now;
  if (!date(d.decisionDate)) d.decisionDate = d.date;
  if (d.decision !== '同意' && d.decision !== '不同意') d.decision = '同意';
  if (d.record) {
    if (d.record.type === '密码更换' && blank(d.record.attestedBy)) d.record.attestedBy = PLACEHOLDER;
    if (d.record.type === '资料留存' && !(d.record.evidence ?? []).some((e) => !blank(e.ref))) d.record.evidence = [{ kind: '其他', ref: PLACEHOLDER }];
  }
  if (d.handover) {
    if (blank(d.handover.incoming.name)) d.handover.incoming.name = `${PLACEHOLDER}接手`;
    if (blank(d.handover.incoming.position)) d.handover.incoming.position = PLACEHOLDER;
  }
  if (d.action === '开设' || d.action === '补录') {
    if (blank(d.name)) d.name = '（新账号）';
    if (blank(d.certName)) d.certName = unitName;
    if (blank(d.operatingUnit)) d.operatingUnit = unitName;
    if (d.mode === '购买服务' && blank(d.vendorName)) d.vendorName = PLACEHOLDER;
    if (d.app && blank(d.app.place)) d.app.place = PLACEHOLDER;
    if (d.action === '补录' && d.opened !== undefined && !date(d.opened)) delete d.opened;
    if (d.vendorAgreementDate !== undefined && d.vendorAgreementDate !== '' && !date(d.vendorAgreementDate)) delete d.vendorAgreementDate;
    const t = d.team;
    if (t) {
      let n = 0;
      const fill = (p: PersonAnswer): void => {
        n++;
        if (blank(p.name)) p.name = `${PLACEHOLDER}${n}`;
        if (blank(p.position)) p.position = PLACEHOLDER;
      };
      fill(t.principal);
      fill(t.inCharge);
      if (t.sectionHead && !blank(t.sectionHead.name + t.sectionHead.position)) fill(t.sectionHead);
      if (!t.operators.length) t.operators.push({ name: '', position: '' });
      t.operators.forEach(fill);
    }
  }
  return d;
}
