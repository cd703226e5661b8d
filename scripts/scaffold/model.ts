/**
 * 开设、补录、变更、关停向导共用的数据：平台编号、单位类型与认证主体分类的对应、输入校验（中文提示）、
 * 账号文件的写法（字段顺序、$schema 相对路径）。
 *
 * Shared by the scaffolder commands: platform slugs, unit kind → certified-entity category,
 * input validation with Chinese messages, and how an account file is written.
 */
import path from 'node:path';
import { isValidDate } from '../calendar/workdays.ts';
import type { Lang } from '../core/finding.ts';
import { checkNameChars } from '../core/text-checks.ts';
import type { AccountFile, CertifiedEntity, Change, Event, Person, Platform, UnitFile } from '../generated/types.ts';

export type Tr = (zh: string, en: string) => string;
export function translator(lang: Lang): Tr {
  return (zh, en) => (lang === 'en' ? en : zh);
}

export const PLATFORMS: readonly Platform[] = ['微信公众号', '微信小程序', '微信视频号', '新浪微博', '抖音', '今日头条', '快手', '哔哩哔哩', '移动客户端', '其他平台'];

/** Platform → the id suffix (pinyin or the register's established short form). */
export const PLATFORM_SLUG: Record<Platform, string> = {
  微信公众号: 'weixin',
  微信小程序: 'mp',
  微信视频号: 'shipinhao',
  新浪微博: 'weibo',
  抖音: 'douyin',
  今日头条: 'toutiao',
  快手: 'kuaishou',
  哔哩哔哩: 'bilibili',
  移动客户端: 'app',
  其他平台: 'qita',
};

/** Names clerks type for a platform, mapped to the schema's value. */
const PLATFORM_ALIASES: Record<string, Platform> = {
  微信: '微信公众号',
  公众号: '微信公众号',
  小程序: '微信小程序',
  视频号: '微信视频号',
  微博: '新浪微博',
  头条: '今日头条',
  B站: '哔哩哔哩',
  b站: '哔哩哔哩',
  APP: '移动客户端',
  App: '移动客户端',
  app: '移动客户端',
  客户端: '移动客户端',
  其他: '其他平台',
};

export function parsePlatform(s: string): Platform | undefined {
  const t = s.trim();
  if ((PLATFORMS as readonly string[]).includes(t)) return t as Platform;
  const bySlug = (Object.entries(PLATFORM_SLUG) as [Platform, string][]).find(([, slug]) => slug === t.toLowerCase());
  return PLATFORM_ALIASES[t] ?? bySlug?.[0];
}

export const SUB_TYPES = ['服务号', '订阅号', '企业号', '其他'] as const;
export const CONTENT_TYPES = ['图文', '音视频'] as const;
export const MODES = ['自营', '购买服务'] as const;
export const FUNCTIONS = ['信息发布', '解读回应', '互动交流', '办事服务', '其他'] as const;
export type AccountFunction = (typeof FUNCTIONS)[number];
export const CATEGORIES: readonly CertifiedEntity['category'][] = ['人民政府', '政府部门', '承担行政职能的事业单位', '部门下属单位', '乡镇街道', '内设机构', '个人', '其他'];
export const CERT_STATUSES = ['未认证', '认证中', '已认证'] as const;
/**
 * 綦江 第二十三条（保密承诺）and 六安 第三十二条（二）（上岗前保密审查和培训）: facts recorded on the 人员交接 event,
 * asked only where a rule of the account's region judges them (govmedia change and the browser assistant).
 */
export const HANDOVER_FACTS = [
  { field: 'confidentialityUndertaking', flag: 'confidentiality-undertaking', zh: '离岗人员是否已作出保密承诺？（承诺书由单位存档，不上传本库）', en: 'Did the leaver give a confidentiality undertaking? (the paper stays in the unit)' },
  { field: 'incomingVetted', flag: 'incoming-vetted', zh: '接手人员上岗前是否已通过保密审查，并完成岗前安全及业务培训？', en: 'Was the incoming operator vetted and trained before taking the post?' },
] as const;

export const QUALIFICATIONS = ['互联网新闻信息服务许可', '网络文化经营许可', '增值电信业务经营许可', '信息系统安全等级保护备案'] as const;

/** The certified-entity category that matches a unit's kind (a 政府办公室 is a government department). */
export function categoryForKind(kind: UnitFile['kind']): CertifiedEntity['category'] {
  if (kind === '政府办公室' || kind === '开发区管委会') return '政府部门';
  switch (kind) {
    case '人民政府':
    case '政府部门':
    case '承担行政职能的事业单位':
    case '部门下属单位':
    case '乡镇街道':
    case '内设机构':
      return kind;
    default:
      return '其他'; // 事业单位 and units outside the government system
  }
}

export const ID_RE = /^[a-z0-9]+(-[a-z0-9]+)*$/;
export const MOBILE_RE = /^1[0-9]{10}$/;
export const OFFICE_PHONE_RE = /^[0-9][0-9-]{6,19}$/;

/** Validators in the shape @inquirer/prompts expects: true, or the message to show. */
export function validators(t: Tr, now: string) {
  const date = (s: string): true | string => {
    const v = s.trim();
    if (!/^\d{4}-\d{2}-\d{2}$/.test(v)) return t('日期格式应为 YYYY-MM-DD，例如 2026-11-20', 'use the format YYYY-MM-DD, e.g. 2026-11-20');
    if (!isValidDate(v)) return t(`“${v}”不是有效的日期`, `"${v}" is not a real date`);
    if (v > now) return t(`日期 ${v} 晚于今天（${now}）：只能记录已经发生的事项`, `${v} is after today (${now}): record only what has happened`);
    return true;
  };
  return {
    date,
    dateNotBefore: (min: string | undefined) => (s: string): true | string => {
      const r = date(s);
      if (r !== true) return r;
      if (min && s.trim() < min) return t(`日期不能早于该账号最近一个事件的日期 ${min}（事件只能按时间顺序追加）`, `the date cannot be before the account's last event (${min})`);
      return true;
    },
    mobile: (s: string): true | string => (s.trim() === '' || MOBILE_RE.test(s.trim()) ? true : t('手机号码应为 11 位数字，以 1 开头，例如 13000000001', 'a mobile number has 11 digits starting with 1')),
    mobileRequired: (s: string): true | string => (MOBILE_RE.test(s.trim()) ? true : t('请填写 11 位手机号码，以 1 开头，例如 13000000001', 'enter an 11-digit mobile number starting with 1')),
    officePhone: (s: string): true | string => (s.trim() === '' || OFFICE_PHONE_RE.test(s.trim()) ? true : t('办公电话只能包含数字和连字符，例如 0813-0000001', 'an office phone has digits and hyphens, e.g. 0813-0000001')),
    id: (taken: (id: string) => boolean) => (s: string): true | string => {
      const v = s.trim();
      if (!ID_RE.test(v)) return t('账号编号只能用小写字母、数字和连字符（不能以连字符开头或结尾），例如 zg-wjw-douyin', 'use lowercase letters, digits and single hyphens, e.g. zg-wjw-douyin');
      if (v.length > 64) return t('账号编号不能超过 64 个字符', 'at most 64 characters');
      if (taken(v)) return t(`编号 ${v} 已被登记簿中的其他账号使用，请换一个`, `${v} is already used by another account`);
      return true;
    },
    name: (s: string): true | string => {
      const v = s.trim();
      if (!v) return t('请填写账号名称（与平台上公开显示的名称一致）', 'enter the account name as shown on the platform');
      if (v.length > 60) return t('账号名称不能超过 60 个字', 'at most 60 characters');
      const issue = checkNameChars(v);
      return issue ? `${t(issue.message.zh, issue.message.en)}：${t(issue.fix.zh, issue.fix.en)}` : true;
    },
    required: (what: string, max = 2000) => (s: string): true | string => {
      if (!s.trim()) return t(`请填写${what}`, `${what} is required`);
      if (s.trim().length > max) return t(`${what}不能超过 ${max} 个字`, `at most ${max} characters`);
      return true;
    },
  };
}

/** "姓名,职务,办公电话,手机" (commas or Chinese commas); phones optional. */
export function parsePerson(s: string, t: Tr, role: string): Person {
  const parts = s.split(/[,，]/).map((x) => x.trim());
  const [name = '', position = '', officePhone = '', mobile = ''] = parts;
  if (!name || !position || parts.length > 4) throw new Error(t(`${role}应写作“姓名,职务,办公电话,手机”，例如 “张某某,自贡市卫生健康委员会 主要负责人,0813-0000001,13000000001”`, `${role}: write "name,position,office phone,mobile"`));
  if (name.length > 30) throw new Error(t(`${role}的姓名不能超过 30 个字`, `${role}: name too long`));
  if (officePhone && !OFFICE_PHONE_RE.test(officePhone)) throw new Error(t(`${role}的办公电话“${officePhone}”格式不对：只能包含数字和连字符，例如 0813-0000001`, `${role}: bad office phone "${officePhone}"`));
  if (mobile && !MOBILE_RE.test(mobile)) throw new Error(t(`${role}的手机号码“${mobile}”格式不对：应为 11 位数字，以 1 开头`, `${role}: bad mobile "${mobile}" (11 digits starting with 1)`));
  const p: Person = { name, position };
  if (officePhone) p.officePhone = officePhone;
  if (mobile) p.mobile = mobile;
  return p;
}

/** The $schema an account file at this repo-relative path must carry. */
export function schemaRef(rel: string, schema: 'account' | 'unit' | 'region' = 'account'): string {
  const dir = path.posix.dirname(rel); // accounts/…/unit
  const depth = dir.split('/').length; // counts "accounts" itself
  return '../'.repeat(depth) + `schemas/${schema}.schema.json`;
}

const ORDER: (keyof AccountFile)[] = ['$schema', 'id', 'name', 'platform', 'subType', 'platformAccountId', 'hostUnit', 'certifiedEntity', 'operatingUnit', 'operatingMode', 'vendor', 'team', 'contentType', 'functions', 'urls', 'certification', 'app', 'miniProgram', 'tags', 'events'];

/** Serialize an account the way the register's files are written (field order, 2 spaces, final newline). */
export function accountJson(a: AccountFile): string {
  const o: Record<string, unknown> = {};
  for (const k of ORDER) if (a[k] !== undefined) o[k] = a[k];
  for (const [k, v] of Object.entries(a)) if (!(k in o) && v !== undefined) o[k] = v;
  return JSON.stringify(o, null, 2) + '\n';
}

/** The records that are not filings (govmedia record, and the browser assistant's 日常记录). */
export const RECORD_TYPES = ['密码更换', '资料留存'] as const;
export type RecordType = (typeof RECORD_TYPES)[number];
/** The stages kept material (资料留存) can belong to. */
export const RECORD_STAGES = ['开设', '变更', '关停', '补录'] as const;
export type EvidenceKind = NonNullable<Event['evidence']>[number]['kind'];
/** The kinds of kept material, in the order they are offered. */
export const EVIDENCE_KINDS: readonly EvidenceKind[] = ['聊天记录', '公告截图', '公告链接', '注销完成截图', '下架截图', '批复文件', '其他'];

/** The team's single-person roles, as the filings and 信息报备 name them. */
export const ROLE_ZH = { principal: '主要负责人', inCharge: '分管负责人', sectionHead: '科室负责人' } as const;

/** Names of everyone on the team, in order, without duplicates. */
export function teamNames(team: NonNullable<AccountFile['team']>): string[] {
  const out: string[] = [];
  for (const p of [team.principal, team.inCharge, team.sectionHead, ...team.operators]) if (p && !out.includes(p.name)) out.push(p.name);
  return out;
}

/** Names in the review chain who are not on the team (any more). */
export function staleReviewers(team: NonNullable<AccountFile['team']>): string[] {
  const names = teamNames(team);
  const r = team.review ?? {};
  return [...new Set([...(r.editors ?? []), ...(r.reviewers ?? []), ...(r.finalApprovers ?? [])])].filter((n) => !names.includes(n));
}

/** What changed on the team, as 信息报备 changes that name roles only (no personal data). */
export function teamChanges(before: NonNullable<AccountFile['team']>, after: NonNullable<AccountFile['team']>): { changes: Change[]; operatorLeft: boolean } {
  const changes: Change[] = [];
  const phones = (p: Person | undefined): string => `${p?.officePhone ?? ''}/${p?.mobile ?? ''}`;
  for (const role of ['principal', 'inCharge', 'sectionHead'] as const) {
    const a = before[role];
    const b = after[role];
    const label = ROLE_ZH[role];
    if (!a && !b) continue;
    if (!a || !b || a.name !== b.name) changes.push({ field: '管理队伍', from: a ? `${label}（原任）` : `${label}（未登记）`, to: b ? `${label}（新任）` : `${label}（不再登记）` });
    else {
      if (a.position !== b.position) changes.push({ field: '管理队伍', from: `${label}职务（原）`, to: `${label}职务（调整后）` });
      if (phones(a) !== phones(b)) changes.push({ field: '联系电话', from: `${label}联系电话（原）`, to: `${label}联系电话（新）` });
    }
  }
  const bn = before.operators.map((p) => p.name);
  const an = after.operators.map((p) => p.name);
  const operatorLeft = bn.some((n) => !an.includes(n));
  if (bn.join('\u0000') !== an.join('\u0000')) changes.push({ field: '管理队伍', from: `经办人员（原 ${bn.length} 人）`, to: `经办人员（调整后 ${an.length} 人）` });
  else {
    if (before.operators.some((p, i) => p.position !== after.operators[i]?.position)) changes.push({ field: '管理队伍', from: '经办人员职务（原）', to: '经办人员职务（调整后）' });
    if (before.operators.some((p, i) => phones(p) !== phones(after.operators[i]))) changes.push({ field: '联系电话', from: '经办人员联系电话（原）', to: '经办人员联系电话（新）' });
  }
  if (JSON.stringify(before.review ?? {}) !== JSON.stringify(after.review ?? {})) changes.push({ field: '管理队伍', from: '内容审核分工（原）', to: '内容审核分工（调整后）' });
  return { changes, operatorLeft };
}
