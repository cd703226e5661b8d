/**
 * 多个办法共有的“账号形态”规则工厂：每个办法模块用自己的条款引用实例化它们。
 * Rule factories for what several measures share (one account per platform, who may own
 * an account, consistent names, the three-person review, outsourcing, apps). Each policy
 * module instantiates them with its own citation, so the finding cites the local article.
 *
 * Fixture convention (every module's fixture provides these; the factories' cases use them):
 *   unit `bgs` 政府办公室 (the series region's supervising office), unit `zf` 人民政府,
 *   unit `dept` 政府部门; account `dept-weixin` (微信公众号 of dept), account `zf-weibo`
 *   (新浪微博 of zf); all active and compliant with every rule of the module.
 */
import type { Citation, Severity } from '../../core/finding.ts';
import type { AccountDoc, UnitDoc } from '../../core/register.ts';
import { unitNames } from '../../core/unit-names.ts';
import { defineRule, type AccountRule, type RegisterRule, type UnitRule } from '../types.ts';

export interface FactoryOptions {
  citation: Citation;
  severity?: Severity;
  /**
   * The national rule (国办发〔2018〕123号) this instance checks the same clause of, so the engine merges the
   * two findings into one with both citations; the factories that have a national counterpart default to it.
   */
  implements?: string;
}

/** The national module's rule id for a factory rule name (layers of law: engine.ts mergeLayers). */
function national(o: FactoryOptions, name: string): { implements: string } {
  return { implements: o.implements ?? `national-2018-123/${name}` };
}

/** Accounts that are not closed, closing, or refused at opening. */
export function isLive(ctx: { state: (a: AccountDoc) => { closing: boolean; closed: boolean; phase: string } }, a: AccountDoc): boolean {
  const s = ctx.state(a);
  return !s.closing && !s.closed && s.phase !== '审核未通过';
}

/**
 * “原则上”的理由路径（DESIGN §8，policies/README.md 情态词表）：账号的备案事件（types 中的一种）写明
 * justification，且主管单位在同一项办理中审核同意（其后、下一次备案之前有“主管审核”，decision 为“同意”）。
 * The 原则上 reading: an exception holds when a filing of the account (one of `types`, the latest that
 * carries a justification) records one and the supervising office approved it in the same work (a
 * 主管审核 with decision 同意 before the next filing). Undefined when no such filing records one.
 */
export function justificationOf(a: AccountDoc, types: readonly string[]): { at: number; approved: boolean } | undefined {
  const evs = a.data.events;
  let at = -1;
  for (let i = evs.length - 1; i >= 0; i--) {
    if (types.includes(evs[i]!.type) && evs[i]!.justification?.trim()) {
      at = i;
      break;
    }
  }
  if (at < 0) return undefined;
  let approved = false;
  for (let i = at + 1; i < evs.length; i++) {
    const e = evs[i]!;
    if (e.type === '开设备案' || e.type === '补录备案' || e.type === '变更备案' || e.type === '关停备案') break;
    if (e.type === '主管审核') approved = e.decision === '同意';
  }
  return { at, approved };
}

/** Filings whose justification may explain a second account on a platform (its opening or back-fill). */
const OPEN_FILINGS = ['开设备案', '补录备案'] as const;

/** 一个单位原则上在同一平台只开设一个账号。 */
export function onePerPlatform(o: FactoryOptions): RegisterRule {
  return defineRule({
    name: 'one-account-per-platform',
    ...national(o, 'one-account-per-platform'),
    scope: 'register',
    title: { zh: '一个单位在同一平台原则上只开设一个账号（例外须有主管单位同意的理由）', en: 'one account per platform per unit, unless a justification is approved by the supervising office' },
    citation: o.citation,
    // 原则上 → an error unless the filing records a justification the supervising office approved
    severity: o.severity ?? 'error',
    justification: { missing: ['second'], unapproved: ['unapproved'], filings: OPEN_FILINGS },
    messages: {
      second: {
        zh: '主办单位“{unit}”在{platform}上已有账号“{first}”；“{name}”是同一平台的第二个账号，备案中没有写明例外理由（原则上只开设一个）',
        en: 'host unit "{unit}" already has the {platform} account "{first}"; "{name}" is a second one on the same platform and its filing gives no justification (one per platform, in principle)',
      },
      unapproved: {
        zh: '“{name}”是“{unit}”在{platform}上的第二个账号，备案写明了例外理由，但主管单位尚未审核同意（该项办理中没有“主管审核 同意”）',
        en: '"{name}" is a second {platform} account of "{unit}"; its filing gives a justification, but the supervising office has not approved it yet',
      },
    },
    fix: {
      second: {
        zh: '请把信息发布、互动、服务整合到已有账号“{first}”，关停多余的账号；确需保留的，在该账号的备案事件中填写 justification（例外理由），并由主管单位审核同意。',
        en: 'Merge into "{first}" and close the extra account; or write the justification in the filing event\'s justification field and have the supervising office approve it.',
      },
      unapproved: { zh: '请主管单位审核该例外理由，同意后记录“主管审核”事件（decision 为“同意”）。', en: 'The supervising office reviews the justification and records its approval (主管审核, 同意).' },
    },
    check(ctx) {
      // live accounts grouped by unit (one list per unit), then by platform within each unit
      // (samePlatformGroups): no key string, table or list is made per account or platform
      const byUnit = new Map<string, AccountDoc[]>();
      for (const a of ctx.accounts()) {
        if (!isLive(ctx, a)) continue;
        const l = byUnit.get(a.unitId);
        if (l) l.push(a);
        else byUnit.set(a.unitId, [a]);
      }
      for (const l of byUnit.values()) {
        for (const g of samePlatformGroups(l)) {
          g.sort((x, y) => (ctx.state(x).filedOn ?? '9999').localeCompare(ctx.state(y).filedOn ?? '9999') || x.id.localeCompare(y.id));
          const first = g[0]!;
          for (const a of g.slice(1)) {
            const data = { unit: ctx.unitOf(a)?.data.name ?? a.unitId, platform: a.data.platform, first: first.data.name, name: a.data.name };
            // the justification is on the account's opening (or backfill) filing; the supervisor's approval in the same work confirms it
            const j = justificationOf(a, OPEN_FILINGS);
            if (!j) ctx.report({ account: a, pointer: ['platform'], messageId: 'second', data });
            else if (!j.approved) ctx.report({ account: a, pointer: ['events', j.at, 'justification'], messageId: 'unapproved', data });
          }
        }
      }
    },
  });
}

/** A unit with more accounts than this has its platforms grouped through a table (pairwise comparison grows with the square). */
const PAIRWISE_MAX = 32;
const NO_GROUPS: readonly AccountDoc[][] = [];

/**
 * The accounts of one unit that share a platform, each group of two or more in the order the
 * accounts come, groups in the order of each platform's first account (the order a table by platform
 * would give, with the same equality: SameValueZero). A unit has a few accounts, so they are compared
 * pairwise and a list is made only for a shared platform: a table per unit and a list per platform
 * came to ~20 MB for a 100,000-account register, made at the very end of a run and kept long enough
 * to reach the collector's old generation.
 */
export function samePlatformGroups(list: readonly AccountDoc[]): readonly AccountDoc[][] {
  if (list.length < 2) return NO_GROUPS;
  const same = (x: unknown, y: unknown): boolean => x === y || (x !== x && y !== y);
  if (list.length > PAIRWISE_MAX) {
    const m = new Map<unknown, AccountDoc[]>();
    for (const a of list) {
      const g = m.get(a.data.platform);
      if (g) g.push(a);
      else m.set(a.data.platform, [a]);
    }
    return [...m.values()].filter((g) => g.length > 1);
  }
  let out: AccountDoc[][] | undefined;
  next: for (let i = 0; i < list.length - 1; i++) {
    const p = list[i]!.data.platform;
    for (let j = 0; j < i; j++) if (same(list[j]!.data.platform, p)) continue next;
    let g: AccountDoc[] | undefined;
    for (let k = i + 1; k < list.length; k++) if (same(list[k]!.data.platform, p)) (g ??= [list[i]!]).push(list[k]!);
    if (g) (out ??= []).push(g);
  }
  return out ?? NO_GROUPS;
}

/** 内设机构和个人不得开设或认证政务新媒体。 */
export function noInternalOrPersonalOwner(o: FactoryOptions): AccountRule {
  return defineRule({
    name: 'no-internal-or-personal-owner',
    scope: 'account',
    title: { zh: '内设机构和个人不得开设或作为认证主体', en: 'internal departments and individuals may not own or certify an account' },
    citation: o.citation,
    severity: o.severity ?? 'error',
    messages: {
      internalOwner: { zh: '主办单位“{unit}”是内设机构，不得单独开设政务新媒体', en: 'host unit "{unit}" is an internal department and may not run its own account' },
      badEntity: { zh: '认证主体“{entity}”的分类是“{category}”，内设机构和个人不得作为认证主体', en: 'certified entity "{entity}" is of category "{category}"; internal departments and individuals may not be certified entities' },
    },
    fix: {
      internalOwner: { zh: '请由其所属单位作为主办单位开设（把账号文件移到上级单位文件夹并办理变更备案），或关停该账号。', en: 'Let the parent unit host the account (move the file and file a change), or close it.' },
      badEntity: { zh: '请以本单位（行政机关或承担行政职能的单位）作为认证主体，向平台变更认证并办理变更备案。', en: 'Certify the account to the unit itself and file the change.' },
    },
    check(ctx, a) {
      if (!isLive(ctx, a)) return;
      const u = ctx.unitOf(a);
      if (u?.data.kind === '内设机构') ctx.report({ account: a, pointer: ['hostUnit'], messageId: 'internalOwner', data: { unit: u.data.name } });
      const ce = a.data.certifiedEntity; // absent: unknown on a backfilled account
      if (ce && (ce.category === '内设机构' || ce.category === '个人')) ctx.report({ account: a, pointer: ['certifiedEntity', 'category'], messageId: 'badEntity', data: { entity: ce.name, category: ce.category } });
    },
  });
}

/** 主办单位在不同平台上开设的政务新媒体名称（原则上）应保持一致。 */
/** Filings whose justification may explain a name that differs across platforms (an opening, back-fill or rename). */
export const NAME_FILINGS = ['开设备案', '补录备案', '变更备案'] as const;

/**
 * 同一单位在不同平台的账号名称（和认证主体）保持一致。`principle`：条文是“原则上应保持一致”（国办发〔2018〕123号
 * 四、（一），辽宁、自贡照录）：不一致为错误，除非该账号的备案（开设、补录或变更备案）写明理由（justification）
 * 并经主管单位审核同意。Without `principle` (“应保持一致”, 六安、綦江) a differing name is never excused.
 */
export function consistentNames(o: FactoryOptions & { ignorePlatforms?: string[]; checkEntity?: boolean; principle?: boolean }): UnitRule {
  const ignore = new Set(o.ignorePlatforms ?? ['移动客户端', '微信小程序']);
  const nameIds = o.principle ? ['name', 'nameUnapproved'] : ['name'];
  const ids = o.checkEntity === false ? nameIds : [...nameIds, 'entity'];
  return defineRule({
    name: 'consistent-names-across-platforms',
    ...national(o, 'consistent-names-across-platforms'),
    scope: 'unit',
    title: { zh: '同一单位在不同平台的账号名称和认证主体保持一致', en: "a unit's accounts share one name and certified entity across platforms" },
    citation: o.citation,
    severity: o.severity ?? 'warning',
    ...(o.principle ? { justification: { missing: ['name'], unapproved: ['nameUnapproved'], filings: NAME_FILINGS } } : {}),
    messages: only({
      name: o.principle
        ? { zh: '账号名称“{name}”与本单位在其他平台的名称“{majority}”不一致，备案中没有写明理由（原则上应保持一致）', en: 'name "{name}" differs from the name "{majority}" the unit uses on other platforms, and its filing gives no justification (one name, in principle)' }
        : { zh: '账号名称“{name}”与本单位在其他平台的名称“{majority}”不一致', en: 'name "{name}" differs from the name "{majority}" the unit uses on other platforms' },
      nameUnapproved: { zh: '账号名称“{name}”与本单位在其他平台的名称“{majority}”不一致；备案写明了理由，但主管单位尚未审核同意（该项办理中没有“主管审核 同意”）', en: 'name "{name}" differs from "{majority}"; its filing gives a justification, but the supervising office has not approved it yet' },
      entity: { zh: '认证主体“{entity}”与本单位其他账号的认证主体“{majority}”不一致', en: 'certified entity "{entity}" differs from "{majority}" on the unit\'s other accounts' },
    }, ids),
    fix: only({
      name: o.principle
        ? { zh: '请统一名称为“{majority}”（向平台申请改名并办理变更备案）；确需使用不同名称的，在该账号的开设、补录或变更备案中填写 justification（理由），并由主管单位审核同意。', en: 'Rename to "{majority}" (with a change filing); or write the justification in the account\'s filing and have the supervising office approve it.' }
        : { zh: '请统一名称为“{majority}”（向平台申请改名并办理变更备案）。', en: 'Rename to "{majority}" (with a change filing).' },
      nameUnapproved: { zh: '请主管单位审核该理由，同意后记录“主管审核”事件（decision 为“同意”）；不同意的，请统一名称为“{majority}”。', en: 'The supervising office reviews the justification and records its approval (主管审核, 同意); otherwise rename to "{majority}".' },
      entity: { zh: '同一单位的账号应以同一主体认证；请核对并办理变更备案。', en: 'Certify all the unit\'s accounts to the same entity; file a change.' },
    }, ids),
    check(ctx, u) {
      const list = (ctx.register.accountsByUnit.get(u.id) ?? []).filter((a) => isLive(ctx, a) && !ignore.has(a.data.platform));
      if (list.length < 2) return;
      const majority = (vals: string[]): string => {
        const count = new Map<string, number>();
        for (const v of vals) count.set(v, (count.get(v) ?? 0) + 1);
        return [...count.entries()].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))[0]![0];
      };
      const m = majority(list.map((a) => a.data.name));
      for (const a of list) {
        if (a.data.name === m) continue;
        const data = { name: a.data.name, majority: m };
        const j = o.principle ? justificationOf(a, NAME_FILINGS) : undefined;
        if (!j) ctx.report({ account: a, pointer: ['name'], messageId: 'name', data });
        else if (!j.approved) ctx.report({ account: a, pointer: ['events', j.at, 'justification'], messageId: 'nameUnapproved', data });
      }
      if (o.checkEntity !== false) {
        const known = list.filter((a) => a.data.certifiedEntity); // unknown entities (backfilled accounts) are not compared
        const me = known.length ? majority(known.map((a) => a.data.certifiedEntity!.name)) : '';
        for (const a of known) if (a.data.certifiedEntity!.name !== me) ctx.report({ account: a, pointer: ['certifiedEntity', 'name'], messageId: 'entity', data: { entity: a.data.certifiedEntity!.name, majority: me } });
      }
    },
  });
}

/** 在公开认证信息中标明主办单位名称。 */
export function certificationNamesHost(o: FactoryOptions): AccountRule {
  return defineRule({
    name: 'certification-names-host-unit',
    ...national(o, 'certification-names-host-unit'),
    scope: 'account',
    title: { zh: '公开认证信息标明主办单位名称', en: 'public certification info names the host unit' },
    citation: o.citation,
    severity: o.severity ?? 'warning',
    messages: {
      missing: { zh: '账号已认证，但未记录公开认证信息', en: 'the account is certified but its public certification info is not recorded' },
      noHost: { zh: '公开认证信息“{info}”中没有主办单位名称“{unit}”', en: 'public certification info "{info}" does not name the host unit "{unit}"' },
    },
    fix: { zh: '请在 certification.publicInfo 中照录平台上的公开认证信息，且其中应包含主办单位全称或规范简称“{unit}”。', en: 'Record the platform\'s public certification text in certification.publicInfo; it must name the host unit "{unit}".' },
    check(ctx, a) {
      if (!isLive(ctx, a) || a.data.certification?.status !== '已认证') return;
      const u = ctx.unitOf(a);
      if (!u) return;
      const info = a.data.certification.publicInfo;
      if (!info) return ctx.report({ account: a, pointer: ['certification'], messageId: 'missing', data: { unit: u.data.name } });
      const names = [...unitNames(u), ...(a.data.certifiedEntity?.name ? [a.data.certifiedEntity.name] : [])];
      if (!names.some((n) => info.includes(n))) ctx.report({ account: a, pointer: ['certification', 'publicInfo'], messageId: 'noHost', data: { info, unit: u.data.name } });
    },
  });
}

/** 编辑、审核、终审由不同的人担任（三审三校，严禁自编自审自发）。 */
export function distinctReviewRoles(
  o: FactoryOptions & {
    roles?: ('editors' | 'reviewers' | 'finalApprovers')[];
    /**
     * 'required' (default): the text requires the chain; 'reference': the text requires no particular
     * chain (六安 第二十二条: the chain “可参照”, 自编自审自发 forbidden; 自贡 第二十条: 分级审核 with no
     * number of levels) — then only an editor who also reviews or approves their own content is an
     * error, and a missing chain is a notice for the reviewer.
     */
    chain?: 'required' | 'reference';
  },
): AccountRule {
  const roles = o.roles ?? ['editors', 'reviewers', 'finalApprovers'];
  const reference = o.chain === 'reference';
  const label: Record<string, string> = { editors: '编辑（初审）', reviewers: '审核（复审）', finalApprovers: '终审' };
  return defineRule({
    name: 'distinct-review-roles',
    scope: 'account',
    title: { zh: '编辑、审核、终审由不同的人担任', en: 'editing, review and final approval by different people' },
    citation: o.citation,
    severity: o.severity ?? 'error',
    messages: {
      missing: { zh: '未登记内容审核分工：缺少{role}', en: 'the review chain is not recorded: {role} missing' },
      // neutral wording: the articles behind this factory differ (三审三校、严禁自编自审自发 in some; 自贡 第二十条 only 分级分类审核, a warning)
      same: { zh: '“{name}”同时担任{role1}和{role2}：编辑、审核、终审没有由不同的人担任', en: '"{name}" is both {role1} and {role2}: editing, review and final approval are not held by different people' },
    },
    fix: {
      missing: { zh: '请在 team.review 中分别填写编辑、审核、终审人员的姓名（三人不得相同）。', en: 'List the editors, reviewers and final approvers in team.review (three different people).' },
      same: { zh: '请为{role2}另行指定一名人员，使编辑、审核、终审分离。', en: 'Assign someone else as {role2}.' },
    },
    check(ctx, a) {
      if (!isLive(ctx, a) || !a.data.team) return; // unknown team (backfilled account): nothing to check
      const review = a.data.team.review;
      if (reference) {
        const editors = review?.editors ?? [];
        const checkers = [...(review?.reviewers ?? []).map((n, i) => ['reviewers', n, i] as const), ...(review?.finalApprovers ?? []).map((n, i) => ['finalApprovers', n, i] as const)];
        if (editors.length === 0 || checkers.length === 0) {
          ctx.report({ account: a, pointer: review ? ['team', 'review'] : ['team'], messageId: 'missing', data: { role: editors.length === 0 ? label.editors! : '审核或终审' }, severity: 'notice' });
          return;
        }
        for (const [r, name, i] of checkers) if (editors.includes(name)) ctx.report({ account: a, pointer: ['team', 'review', r, i], messageId: 'same', data: { name, role1: label.editors, role2: label[r] } });
        return;
      }
      for (const r of roles) {
        const list = review?.[r];
        if (!list || list.length === 0) {
          ctx.report({ account: a, pointer: review ? ['team', 'review'] : ['team'], messageId: 'missing', data: { role: label[r] } });
          return;
        }
      }
      const seen = new Map<string, string>();
      for (const r of roles) {
        (review?.[r] ?? []).forEach((name, i) => {
          const prev = seen.get(name);
          if (prev && prev !== r) ctx.report({ account: a, pointer: ['team', 'review', r, i], messageId: 'same', data: { name, role1: label[prev], role2: label[r] } });
          else seen.set(name, r);
        });
      }
    },
  });
}

/** 购买服务：外包单位须具备资质并签订保密安全协议。 */
export function outsourcing(o: FactoryOptions & { requireQualification?: RegExp; qualificationLabel?: string; requireAgreement?: boolean }): AccountRule {
  const requireAgreement = o.requireAgreement ?? true;
  const ids = [...(o.requireQualification ? ['noQualification'] : []), ...(requireAgreement ? ['noAgreement'] : [])];
  return defineRule({
    name: 'outsourcing-vendor',
    scope: 'account',
    title: { zh: '服务外包单位具备资质并签订保密安全协议', en: 'outsourcing vendors are qualified and bound by a confidentiality agreement' },
    citation: o.citation,
    severity: o.severity ?? 'error',
    messages: only({
      noQualification: { zh: '服务外包单位“{vendor}”未登记{qual}', en: 'vendor "{vendor}" has no recorded {qual}' },
      noAgreement: { zh: '未与服务外包单位“{vendor}”签订保密安全协议', en: 'no confidentiality agreement signed with vendor "{vendor}"' },
    }, ids),
    fix: only({
      noQualification: { zh: '请在 vendor.qualifications 中登记其{qual}（如“互联网新闻信息服务许可”），不具备的须更换外包单位。', en: 'Record the vendor\'s {qual} in vendor.qualifications, or choose a qualified vendor.' },
      noAgreement: { zh: '请签订保密安全协议后，将 vendor.confidentialityAgreement 填为 {"signed": true, "date": "签订日期"}。', en: 'Sign a confidentiality agreement and record it in vendor.confidentialityAgreement.' },
    }, ids),
    check(ctx, a) {
      if (!isLive(ctx, a) || a.data.operatingMode !== '购买服务' || !a.data.vendor) return;
      const v = a.data.vendor;
      const qual = o.qualificationLabel ?? '新闻采编资质';
      if (o.requireQualification && !(v.qualifications ?? []).some((q) => o.requireQualification!.test(q))) {
        ctx.report({ account: a, pointer: v.qualifications ? ['vendor', 'qualifications'] : ['vendor'], messageId: 'noQualification', data: { vendor: v.name, qual } });
      }
      if (requireAgreement && !v.confidentialityAgreement?.signed) {
        ctx.report({ account: a, pointer: v.confidentialityAgreement ? ['vendor', 'confidentialityAgreement', 'signed'] : ['vendor'], messageId: 'noAgreement', data: { vendor: v.name } });
      }
    },
  });
}

export type AppCheck = 'ipv6' | 'aging' | 'server-in-region' | 'server-not-abroad';

/** Keep only the entries of `keys` (a factory's rule carries only the messages it can produce). */
export function only<T>(table: Record<string, T>, keys: readonly string[]): Record<string, T> {
  return Object.fromEntries(Object.entries(table).filter(([k]) => keys.includes(k)));
}

const APP_MESSAGE: Record<AppCheck, string> = { ipv6: 'ipv6', aging: 'aging', 'server-in-region': 'serverRegion', 'server-not-abroad': 'serverAbroad' };

/** 移动客户端：IPv6、适老化与无障碍、服务器本地化且不在境外。 */
export function appRequirements(o: FactoryOptions & { checks: AppCheck[] }): AccountRule {
  const checks = new Set(o.checks);
  const ids = o.checks.map((c) => APP_MESSAGE[c]);
  return defineRule({
    name: 'app-requirements',
    ...national(o, 'app-requirements'),
    scope: 'account',
    title: { zh: '移动客户端的 IPv6、适老化无障碍和服务器位置要求', en: 'apps: IPv6, aging-friendly and accessible, servers located as required' },
    citation: o.citation,
    severity: o.severity ?? 'error',
    messages: only({
      ipv6: { zh: '移动客户端“{name}”未全面支持 IPv6', en: 'app "{name}" does not fully support IPv6' },
      aging: { zh: '移动客户端“{name}”未完成适老化和无障碍适配', en: 'app "{name}" is not adapted for older people and accessibility' },
      serverRegion: { zh: '移动客户端“{name}”的服务器在“{place}”，不在本市，且没有记录主办单位集体研究指定地点的决定', en: 'app "{name}" has servers in "{place}", outside the city, with no recorded decision of the unit' },
      serverAbroad: { zh: '移动客户端“{name}”的服务器位于境外（{place}）', en: 'app "{name}" has servers abroad ({place})' },
    }, ids),
    fix: only({
      ipv6: { zh: '请完成 IPv6 改造后将 app.ipv6 改为 true；整改不到位的应予关停。', en: 'Complete IPv6 support, then set app.ipv6 to true.' },
      aging: { zh: '请按《移动互联网应用（APP）适老化通用设计规范》完成改造后，将 app.agingFriendly 和 app.accessibility 改为 true。', en: 'Complete the aging-friendly and accessibility adaptation, then set both flags to true.' },
      serverRegion: { zh: '请将服务器迁回本市；确有困难的，请在 app.serverLocation.exceptionDecision 中写明主办单位集体研究的决定。', en: 'Move the servers into the city, or record the unit\'s collective decision in exceptionDecision.' },
      serverAbroad: { zh: '服务器不得放在境外，请立即迁回境内。', en: 'Servers may not be abroad; move them.' },
    }, ids),
    check(ctx, a) {
      const app = a.data.app;
      if (!app || !isLive(ctx, a) || a.data.platform !== '移动客户端') return;
      const data = { name: a.data.name, place: app.serverLocation.place };
      if (checks.has('ipv6') && !app.ipv6) ctx.report({ account: a, pointer: ['app', 'ipv6'], messageId: 'ipv6', data });
      if (checks.has('aging') && (!app.agingFriendly || !app.accessibility)) ctx.report({ account: a, pointer: ['app', app.agingFriendly ? 'accessibility' : 'agingFriendly'], messageId: 'aging', data });
      if (checks.has('server-not-abroad') && app.serverLocation.abroad) ctx.report({ account: a, pointer: ['app', 'serverLocation', 'abroad'], messageId: 'serverAbroad', data });
      else if (checks.has('server-in-region') && !app.serverLocation.inRegion && !app.serverLocation.exceptionDecision) ctx.report({ account: a, pointer: ['app', 'serverLocation', 'inRegion'], messageId: 'serverRegion', data });
    },
  });
}

/** 县级以上人民政府（及规定的其他单位）应当开设政务新媒体。 */
export function requiredAccounts(o: FactoryOptions & { kinds: string[]; levels?: string[] }): UnitRule {
  const kinds = new Set(o.kinds);
  return defineRule({
    name: 'required-accounts',
    scope: 'unit',
    title: { zh: '应当开设政务新媒体的单位已开设', en: 'units that must run an account do' },
    citation: o.citation,
    severity: o.severity ?? 'warning',
    messages: { none: { zh: '“{unit}”应当开设政务新媒体，但登记簿中没有其正常运行的账号', en: '"{unit}" must run a government new-media account but has no live account in the register' } },
    fix: { zh: '请开设账号并备案（govmedia new），或如已开设但未登记，办理补录备案（govmedia backfill）。', en: 'Open and file an account (govmedia new), or backfill an existing one (govmedia backfill).' },
    check(ctx, u) {
      if (!kinds.has(u.data.kind)) return;
      if (o.levels) {
        const region = ctx.register.regions.get(u.regionId);
        if (!region || !o.levels.includes(region.data.level)) return;
      }
      const live = (ctx.register.accountsByUnit.get(u.id) ?? []).some((a) => isLive(ctx, a));
      if (!live) ctx.report({ unit: u, pointer: ['kind'], messageId: 'none', data: { unit: u.data.name } });
    },
  });
}

/**
 * 账号的认证主体是否就是该单位：按编号（certifiedEntity.unit），或按单位名称、简称、登记的其他写法（aliases）
 * 和旧称（formerNames：认证主体名称往往沿用单位的旧称，但仍是同一主体）。
 * Whether the account is certified to the unit: by id, or by the unit's name, short name or any
 * recorded alias or former name (certificates often carry a former or variant spelling of the same body).
 */
export function certifiedTo(a: AccountDoc, u: UnitDoc): boolean {
  const ce = a.data.certifiedEntity;
  if (!ce) return false;
  if (ce.unit === u.id) return true;
  return unitNames(u, { former: true }).includes(ce.name);
}

