/**
 * 个人信息与公开输出：检查结果把人员姓名、电话作为单独的数据字段（Finding.personal）携带，
 * 不写死在公开文字里；公开的报告（合并请求摘要、行内标注、置顶评论、检查记录、GitLab Code Quality、
 * 公开仓库的作业日志）只用隐去个人信息的文字（Finding.redacted），再用登记簿中全部姓名和电话兜底清除。
 *
 * Privacy by construction: a finding carries staff names and phones as separate data
 * (Finding.personal) and a text with them withheld (Finding.redacted); public reporters use
 * `publicFinding`, which takes the withheld text and scrubs the register's names and phones as
 * a last line (a finding built outside the engine, a name typed into free text).
 */
import { fill, type Bilingual, type Finding } from '../core/finding.ts';
import type { Register } from '../core/register.ts';
import { collectPersonalData, scrubber } from '../core/personal-data.ts';

/** 仓库是否公开。Whether the repository (and so its CI logs, comments and artifacts) is public. */
export type Visibility = 'public' | 'private';

/**
 * 可见性：命令行 --visibility 优先，其次环境变量 GOVMEDIA_REPO_PRIVATE（工作流由
 * github.event.repository.private 设置，"true" / "false"），都没有时按公开处理（宁可少说）。
 * The flag wins, then GOVMEDIA_REPO_PRIVATE ("true"/"false", set by the workflow from
 * github.event.repository.private); unknown means public (fail closed).
 */
export function resolveVisibility(flag: string | undefined, env: NodeJS.ProcessEnv = process.env): Visibility {
  if (flag === 'public' || flag === 'private') return flag;
  const v = (env.GOVMEDIA_REPO_PRIVATE ?? '').trim().toLowerCase();
  return v === 'true' ? 'private' : 'public';
}

/** The personal values (names, phones) an account file records: its team and review lists. */
export function accountPersonalValues(data: unknown): string[] {
  const out = new Set<string>();
  const team = (data as { team?: unknown } | null)?.team as Record<string, unknown> | undefined;
  if (!team || typeof team !== 'object') return [];
  const person = (p: unknown): void => {
    if (!p || typeof p !== 'object') return;
    for (const k of ['name', 'mobile', 'officePhone']) {
      const v = (p as Record<string, unknown>)[k];
      if (typeof v === 'string' && v.trim()) out.add(v.trim());
    }
  };
  person(team.principal);
  person(team.inCharge);
  person(team.sectionHead);
  if (Array.isArray(team.operators)) team.operators.forEach(person);
  const review = team.review as Record<string, unknown> | undefined;
  if (review && typeof review === 'object') {
    for (const list of Object.values(review)) if (Array.isArray(list)) for (const n of list) if (typeof n === 'string' && n.trim()) out.add(n.trim());
  }
  return [...out];
}

const PHONE_SHAPE = /^[0-9][0-9 -]{6,}$/;

/** What a withheld value is replaced by, in each language. */
export function withheld(value: string): Bilingual {
  return PHONE_SHAPE.test(value.trim()) ? { zh: '［电话已隐去］', en: '[phone withheld]' } : { zh: '［姓名已隐去］', en: '[name withheld]' };
}

/**
 * 规则报告一条结果时调用：哪些模板数据是个人信息（显式列出的键，或其值含本账号记录的姓名、电话），
 * 并生成隐去它们的消息和修正文字。
 * Called by the engine for each report: which template data are personal (keys the rule lists,
 * or values holding a name or phone of the account's team), and the message and fix with them
 * withheld. Returns undefined when nothing is personal.
 */
export function personalParts(
  templates: { message: Bilingual; fix: Bilingual },
  data: Record<string, string | number | undefined>,
  opts: { keys?: readonly string[]; values?: readonly string[] },
): { personal: Record<string, string>; redacted: { message: Bilingual; fix: Bilingual } } | undefined {
  const values = (opts.values ?? []).filter((v) => v.length >= 2);
  const personal: Record<string, string> = {};
  for (const [k, raw] of Object.entries(data)) {
    if (raw === undefined) continue;
    const v = String(raw);
    if (opts.keys?.includes(k) || values.some((p) => v.includes(p))) personal[k] = v;
  }
  const keys = Object.keys(personal);
  if (!keys.length) return undefined;
  const masked = (lang: 'zh' | 'en'): Record<string, string | number | undefined> => ({ ...data, ...Object.fromEntries(keys.map((k) => [k, withheld(personal[k]!)[lang]])) });
  const zh = masked('zh');
  const en = masked('en');
  return {
    personal,
    redacted: {
      message: { zh: fill(templates.message.zh, zh), en: fill(templates.message.en, en) },
      fix: { zh: fill(templates.fix.zh, zh), en: fill(templates.fix.en, en) },
    },
  };
}

/** A function that removes every staff name and phone number of the given registers from a text. */
export function registerScrubber(...registers: (Register | undefined)[]): (s: string) => string {
  const names = new Set<string>();
  const phones = new Set<string>();
  for (const r of registers) {
    if (!r) continue;
    const d = collectPersonalData(r);
    d.names.forEach((n) => names.add(n));
    d.phones.forEach((p) => phones.add(p));
  }
  return scrubber({ names, phones });
}

function replaceAll(s: string, values: readonly string[], lang: 'zh' | 'en'): string {
  let out = s;
  for (const v of [...values].filter((x) => x.length >= 2).sort((a, b) => b.length - a.length)) out = out.split(v).join(withheld(v)[lang]);
  return out;
}

/**
 * 一条结果的公开版本：用隐去个人信息的文字，去掉 personal 字段，再兜底清除。
 * The public copy of a finding: the withheld text (or, for a finding with `personal` but no
 * withheld text, its personal values replaced), without the personal fields, then scrubbed.
 */
export function publicFinding(f: Finding, scrub: (s: string) => string = (s) => s): Finding {
  const { personal, redacted, ...rest } = f;
  const values = Object.values(personal ?? {});
  const message = redacted?.message ?? { zh: replaceAll(f.message.zh, values, 'zh'), en: replaceAll(f.message.en, values, 'en') };
  const fix = redacted?.fix ?? { zh: replaceAll(f.fix.zh, values, 'zh'), en: replaceAll(f.fix.en, values, 'en') };
  return {
    ...rest,
    message: { zh: scrub(message.zh), en: scrub(message.en) },
    fix: { zh: scrub(fix.zh), en: scrub(fix.en) },
    ...(f.suppressed ? { suppressed: { ...f.suppressed, reason: scrub(f.suppressed.reason) } } : {}),
  };
}
