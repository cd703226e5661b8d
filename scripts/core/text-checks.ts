/**
 * 名称中的不可见字符、形近仿冒字符，以及字段中的秘密信息。
 * Invisible and look-alike characters in names, secret-looking values anywhere.
 */
import type { Bilingual } from './finding.ts';
import { CONFUSABLES_DATA } from './confusables/table.ts';

export interface CharIssue {
  kind: 'invisible' | 'look-alike';
  index: number; // UTF-16 index inside the decoded string
  message: Bilingual;
  fix: Bilingual;
}

/**
 * Invisible characters, by Unicode property rather than by list: default-ignorable code points
 * (zero-width characters, U+2065 and the other reserved ones, variation selectors, tags),
 * format characters (Cf: U+1D173 musical beam, U+1BCA0 shorthand overlap, U+13430 Egyptian
 * joiner, bidi controls), controls (Cc), private use (Co), unassigned code points (Cn), lone
 * surrogates (Cs), and the characters that draw as nothing though not so classified (the Hangul
 * fillers, the Braille blank).
 */
const INVISIBLE = /[\p{Default_Ignorable_Code_Point}\p{Cf}\p{Cc}\p{Co}\p{Cn}\p{Cs}\u2800\u115F\u1160\u3164\uFFA0]/u;
/** Every space except U+0020, and line and paragraph separators. */
const ODD_SPACE = /[\p{Zs}\p{Zl}\p{Zp}\t\n\r]/u;
/** A combining mark on a Han, Latin, digit, punctuation or space character (decoration or disguise). */
const COMBINING_AFTER = /[\p{Script=Han}\p{Script=Latin}\p{N}\p{P}\p{Zs}][\p{M}]|[\u20D0-\u20FF]/u;

function codepoint(ch: string): string {
  return 'U+' + (ch.codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, '0');
}

/** Which script or block a look-alike in a name belongs to, if any. */
function lookAlikeScript(cp: number): string | undefined {
  if (cp >= 0x0250 && cp <= 0x02af) return '国际音标字母';
  if (cp >= 0x0370 && cp <= 0x03ff) return '希腊字母';
  if (cp >= 0x0400 && cp <= 0x052f) return '西里尔字母';
  if (cp >= 0x0530 && cp <= 0x058f) return '亚美尼亚字母';
  if ((cp >= 0x1100 && cp <= 0x11ff) || (cp >= 0x3130 && cp <= 0x318f) || (cp >= 0xa960 && cp <= 0xa97f) || (cp >= 0xd7b0 && cp <= 0xd7ff) || (cp >= 0xffa0 && cp <= 0xffdc)) return '韩文字母（如 ㅡ、ㅣ、ㅁ）';
  if (cp >= 0x13a0 && cp <= 0x13ff) return '切罗基字母';
  if (cp >= 0x2070 && cp <= 0x209f) return '上标或下标字符';
  if (cp >= 0x2100 && cp <= 0x214f) return '类字母符号（如 ℂ）';
  if (cp >= 0x2150 && cp <= 0x218f) return '数字形式（如罗马数字 Ⅱ）';
  if (cp >= 0x2460 && cp <= 0x24ff) return '带圈或带括号的字母数字';
  if (cp >= 0x2e80 && cp <= 0x2eff) return 'CJK 部首补充';
  if (cp >= 0x2f00 && cp <= 0x2fdf) return '康熙部首';
  if ((cp >= 0x3021 && cp <= 0x3029) || (cp >= 0x3038 && cp <= 0x303a)) return '苏州码子（如 〡、〸）';
  if ((cp >= 0x3040 && cp <= 0x30ff) || (cp >= 0x31f0 && cp <= 0x31ff) || (cp >= 0xff66 && cp <= 0xff9f)) return '日文假名（如 ロ、エ、カ、ニ）';
  if ((cp >= 0x3100 && cp <= 0x312f) || (cp >= 0x31a0 && cp <= 0x31bf)) return '注音符号';
  if (cp >= 0x31c0 && cp <= 0x31ef) return 'CJK 笔画';
  if (cp >= 0x3200 && cp <= 0x33ff) return '带圈字符或 CJK 兼容字符';
  if (cp >= 0xf900 && cp <= 0xfaff) return 'CJK 兼容汉字';
  if (cp >= 0x2f800 && cp <= 0x2fa1f) return 'CJK 兼容汉字补充';
  if ((cp >= 0xff10 && cp <= 0xff19) || (cp >= 0xff21 && cp <= 0xff3a) || (cp >= 0xff41 && cp <= 0xff5a)) return '全角英文字母或数字';
  if (cp >= 0x1d400 && cp <= 0x1d7ff) return '数学字母';
  if (cp >= 0x1f100 && cp <= 0x1f1ff) return '带圈或带框的字母数字';
  return undefined;
}

/**
 * Blocks that are look-alikes even in free text (notes, reasons, opinions): letters of other
 * scripts and radical or compatibility forms that imitate a Han character. Full-width digits,
 * ①, Ⅱ and ℃ are ordinary in Chinese prose and pass there.
 */
const TEXT_LOOK_ALIKE = new Set(['国际音标字母', '希腊字母', '西里尔字母', '亚美尼亚字母', '韩文字母（如 ㅡ、ㅣ、ㅁ）', '切罗基字母', 'CJK 部首补充', '康熙部首', '苏州码子（如 〡、〸）', '日文假名（如 ロ、エ、カ、ニ）', '注音符号', 'CJK 笔画', 'CJK 兼容汉字', 'CJK 兼容汉字补充', '数学字母']);

/** Punctuation that is normal in a Chinese name (full-width forms included). */
const NAME_PUNCT = /[\u3001-\u301f\uff01-\uff0f\uff1a-\uff1f\u00b7\u2014\u2018\u2019\u201c\u201d]/;

/**
 * Characters that can never raise a name issue: CJK unified ideographs, printable ASCII, CJK
 * punctuation (not the ideographic space U+3000 nor the Hangzhou numerals U+3021…), full-width
 * punctuation (not the full-width letters and digits) and common quotes and dashes. A name made
 * only of these, without surrounding spaces, needs no character-by-character check (almost
 * every name).
 */
const PLAIN_NAME = /^[\u4e00-\u9fff\u0021-\u007e\u3001-\u301f\uff01-\uff0f\uff1a-\uff1f\u00b7\u2014\u2018\u2019\u201c\u201d ]*$/;
/** The same for free text, which may also hold line breaks, the ideographic space, full-width letters and digits, …, ℃ and circled numbers. */
const PLAIN_TEXT = /^[\u4e00-\u9fff\u0020-\u007e\n\u3000-\u301f\uff01-\uff5e\u00b7\u2014\u2018\u2019\u201c\u201d\u2026\u2103\u2460-\u2473]*$/;

/** How a field is read: a name-like value (names, ids, tags, units, URLs) or free text (notes, reasons). */
export type TextKind = 'name' | 'text';

/** Check a name-like value; returns the first problem (one finding per value is enough). */
export function checkNameChars(value: string, kind: TextKind = 'name'): CharIssue | undefined {
  if (kind === 'name') {
    if (PLAIN_NAME.test(value) && value.charCodeAt(0) !== 0x20 && value.charCodeAt(value.length - 1) !== 0x20) return undefined;
  } else if (PLAIN_TEXT.test(value)) return undefined;
  return checkNameCharsFull(value, kind);
}

/** The character-by-character check (exported for the test that proves the shortcut safe). */
export function checkNameCharsFull(value: string, kind: TextKind = 'name'): CharIssue | undefined {
  const name = kind === 'name';
  const what = name ? '名称' : '文字';
  // ordinary spaces around a name (other invisible characters are named by code point below)
  if (name && (value.charCodeAt(0) === 0x20 || value.charCodeAt(value.length - 1) === 0x20)) {
    const index = value.charCodeAt(0) === 0x20 ? 0 : value.length - 1;
    return {
      kind: 'invisible',
      index,
      message: { zh: `${what}首尾有多余的空白`, en: `the value has leading or trailing whitespace` },
      fix: { zh: '请删除首尾的空格，使其与平台上显示的名称完全一致。', en: 'Remove the surrounding whitespace so the name matches the platform exactly.' },
    };
  }
  let i = 0;
  for (const ch of value) {
    const cp = ch.codePointAt(0) ?? 0;
    if (cp >= 0x21 && cp <= 0x7e) {
      i += 1;
      continue;
    }
    const textOk = cp === 0x20 || (!name && (cp === 0x0a || cp === 0x3000));
    if (!textOk && (INVISIBLE.test(ch) || ODD_SPACE.test(ch))) {
      return {
        kind: 'invisible',
        index: i,
        message: { zh: `${what}中第 ${i + 1} 个字符是不可见、格式控制或特殊空白字符 ${codepoint(ch)}`, en: `character ${i + 1} is an invisible, format-control or unusual space character ${codepoint(ch)}` },
        fix: { zh: '请删除该字符后重新输入（可能是从网页或聊天软件复制带入的）。假冒账号常用这类字符冒充官方名称。', en: 'Delete it and retype the value (it often comes from copy-paste). Impersonating accounts use such characters.' },
      };
    }
    if (!(cp >= 0x4e00 && cp <= 0x9fff) && !NAME_PUNCT.test(ch) && !textOk) {
      let script = lookAlikeScript(cp);
      if (script && !name && !TEXT_LOOK_ALIKE.has(script)) script = undefined;
      const nf = ch.normalize('NFKC');
      let target = nf !== ch ? nf : undefined;
      if (name && !script) {
        // any other compatibility form (ﬁ, ︰, ﹣ …) or a character Unicode lists as confusable
        // with another (not Han: 一 丿 丶 〇 are the originals others imitate)
        const conf = /\p{Script=Han}/u.test(ch) ? undefined : confusableOf(ch);
        if (target !== undefined) script = '兼容形式字符';
        else if (conf !== undefined && conf !== ch) {
          script = '与常用字形近的字符';
          target = conf;
        }
      }
      if (script) {
        target = displayTarget(ch);
        return {
          kind: 'look-alike',
          index: i,
          message: { zh: `${what}中第 ${i + 1} 个字符“${ch}”（${codepoint(ch)}）是${script}，与常用字形近，可能用于仿冒`, en: `character ${i + 1}, "${ch}" (${codepoint(ch)}), is a look-alike (${script})` },
          fix: target && target !== ch && !/[\p{M}\p{C}]/u.test(target) ? { zh: `请改为标准字符“${target}”（用标准输入法重新输入）。`, en: `Replace it with the standard character "${target}".` } : { zh: '请用标准输入法重新输入该字。', en: 'Retype the character with a standard input method.' },
        };
      }
    }
    i += ch.length;
  }
  const comb = COMBINING_AFTER.exec(value);
  if (comb) {
    const at = comb.index + (comb[0].length > 1 ? comb[0].length - 1 : 0);
    const mark = value.slice(at, at + 1);
    return {
      kind: 'look-alike',
      index: at,
      message: { zh: `${what}中第 ${at + 1} 个字符是组合附加符号 ${codepoint(mark)}，叠加在前一个字上，可能用于伪装`, en: `character ${at + 1} is a combining mark ${codepoint(mark)} on the previous character` },
      fix: { zh: '请删除该附加符号，用标准输入法重新输入。', en: 'Remove the combining mark and retype the value.' },
    };
  }
  return undefined;
}

/** Hangul conjoining jamo: NFKC's image of a compatibility jamo, not what anyone should type. */
const JAMO = /[\u1100-\u11ff]/;
/** The prototype 一 stands for in confusables.txt is the Katakana ー; suggest the Han character. */
const PREFER: Record<string, string> = { 'ー': '一' };

/** The standard character to suggest for a look-alike, if there is one. */
function displayTarget(ch: string): string | undefined {
  const nf = ch.normalize('NFKC');
  let t = nf !== ch && !JAMO.test(nf) ? nf : (confusableOf(ch) ?? (nf !== ch ? confusableOf(nf) : undefined));
  if (t !== undefined && JAMO.test(t)) t = [...t].map((c) => confusableOf(c) ?? c).join('');
  if (t !== undefined) t = PREFER[t] ?? t;
  return t;
}

// ---- the confusables skeleton (Unicode TR39 §4, with NFKC and the CJK supplement)

let CONF: Map<string, string> | undefined;
/** One bit per code point of the basic plane that confMap maps (every key is one code point). */
let CONF_BMP: Uint8Array | undefined;
function confMap(): Map<string, string> {
  if (!CONF) {
    CONF = new Map();
    CONF_BMP = new Uint8Array(0x10000 >> 3);
    for (const line of CONFUSABLES_DATA.split('\n')) {
      const t = line.indexOf('\t');
      const key = line.slice(0, t);
      CONF.set(key, line.slice(t + 1));
      const c = key.codePointAt(0)!;
      if (c < 0x10000) CONF_BMP[c >> 3]! |= 1 << (c & 7);
    }
  }
  return CONF;
}

/** The character a confusable imitates (Unicode confusables.txt plus the CJK supplement), if listed. */
export function confusableOf(ch: string): string | undefined {
  return confMap().get(ch);
}

/** What the skeleton drops: invisible and format characters, spaces, marks. */
const SKELETON_DROP = /[\p{Default_Ignorable_Code_Point}\p{Cf}\p{Cc}\p{Co}\p{Cn}\p{Cs}\p{Z}\p{M}\u2800\u115F\u1160\u3164\uFFA0\s]/gu;
const PURE_HAN = /^[\u4e00-\u9fff]*$/;

function mapEach(s: string, m: Map<string, string>): string {
  // most names have no look-alike character: then the name itself, without building a copy
  // character by character (a register's worth of names goes through here in every validate)
  const bmp = CONF_BMP!;
  let i = 0;
  for (; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdfff) break; // a surrogate: take the general path from here
    if (bmp[c >> 3]! & (1 << (c & 7))) break;
  }
  if (i === s.length) return s;
  let out = s.slice(0, i);
  for (const ch of s.slice(i)) out += m.get(ch) ?? ch;
  return out;
}

/**
 * The confusables skeleton of a name: two names with the same skeleton look the same. TR39's
 * skeleton (NFD, map every character to its prototype, NFD) with NFKC folded in (width,
 * compatibility forms: Ｘ, ℂ, Ⅱ, 〸, ⼈), invisible characters, spaces and combining marks
 * dropped, the CJK look-alikes of cjk-supplement.tsv (ロ→口, ㅡ→一, 〡→丨, ㄇ→冂 …), and
 * lower case.
 */
export function skeleton(name: string): string {
  const m = confMap();
  if (PURE_HAN.test(name)) return mapEach(name, m);
  let x = name.replace(SKELETON_DROP, '').normalize('NFD');
  x = mapEach(x, m).normalize('NFKC').replace(SKELETON_DROP, '');
  x = mapEach(x.normalize('NFD'), m).normalize('NFD').replace(SKELETON_DROP, '');
  return mapEach(x.toLowerCase(), m);
}

/** Replace control characters for safe display in a terminal or report. */
export function displaySafe(s: string): string {
  // eslint-disable-next-line no-control-regex
  return s.replace(/[\u0000-\u0008\u000B-\u001F\u007F-\u009F\u202A-\u202E\u2066-\u2069]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

export interface SecretHit {
  label: Bilingual;
}

/** A credential-shaped token: printable ASCII, not a date. */
const TOKEN = String.raw`(?!\d{4}[-/.]\d{1,2}[-/.]\d{1,2}(?![\x21-\x7e]))[\x21-\x7e]`;
/** Password words, Chinese (spaces between the characters allowed: 密 码) and English. */
const PW_WORD = String.raw`(?:密\s*[码碼]|口\s*令|密\s*[钥鑰]|(?<![a-z])(?:passw(?:or)?d|passcode|pwd|app[\s_-]*secret|secret|api[\s_-]*key|access[\s_-]*key|encoding[\s_-]*aes[\s_-]*key|aes[\s_-]*key|token)(?![a-z]))`;

const SECRET_PATTERNS: { re: RegExp; label: Bilingual; notInUrl?: boolean }[] = [
  { re: /-----BEGIN [A-Z ]*PRIVATE KEY-----/, label: { zh: '私钥', en: 'a private key' } },
  { re: /\b(?:ghp|gho|ghs|ghu|github_pat)_[A-Za-z0-9_]{20,}/, label: { zh: 'GitHub 令牌', en: 'a GitHub token' } },
  { re: /\bsk-[A-Za-z0-9_-]{20,}/, label: { zh: 'API 密钥', en: 'an API key' } },
  { re: /\bAKIA[0-9A-Z]{16}\b/, label: { zh: '云服务访问密钥', en: 'a cloud access key' } },
  { re: /\beyJ[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]{8,}\./, label: { zh: 'JWT 令牌', en: 'a JWT token' } },
  { re: /(?:[验驗校动動][证證验驗态態]\s*[码碼]|授\s*[权權]\s*[码碼])\s*(?:(?:[:=]|是|为|為)\s*[A-Za-z0-9]{4,8}|\d{6,8})(?![A-Za-z0-9])/, label: { zh: '验证码或授权码', en: 'a verification or authorisation code' } },
  { re: /(?<![A-Za-z0-9+/_-])(?=[A-Za-z0-9]{0,42}\d)(?=[A-Za-z0-9]{0,42}[A-Z])(?=[A-Za-z0-9]{0,42}[a-z])[A-Za-z0-9]{43}(?![A-Za-z0-9+/=_-])/, label: { zh: '43 位消息加解密密钥（形如微信 EncodingAESKey）', en: 'a 43-character message encryption key (like a WeChat EncodingAESKey)' }, notInUrl: true },
  { re: /(?<![0-9a-f])[0-9a-f]{32}(?![0-9a-f])/i, label: { zh: '32 位十六进制串（形如微信 AppSecret）', en: 'a 32-hex-digit string (like a WeChat AppSecret)' }, notInUrl: true },
  // long hex tokens; exactly 40 or 64 digits are a Git commit or SHA-256 digest, which evidence may cite
  { re: /(?<![0-9a-f])(?![0-9a-f]{40}(?![0-9a-f]))(?![0-9a-f]{64}(?![0-9a-f]))[0-9a-f]{33,}(?![0-9a-f])/i, label: { zh: '长十六进制令牌', en: 'a long hexadecimal token' }, notInUrl: true },
  { re: /(?<![A-Za-z0-9+/_-])(?=[A-Za-z0-9+/_-]{0,200}\d)(?=[A-Za-z0-9+/_-]{0,200}[A-Z])(?=[A-Za-z0-9+/_-]{0,200}[a-z])[A-Za-z0-9+/_-]{40,}={0,2}/, label: { zh: '长 Base64 令牌', en: 'a long base64 token' }, notInUrl: true },
  // 密码：Zg123456 / 登录密码为 Abc12345 / password=hunter22 (a separator, then 6+ characters)
  { re: new RegExp(String.raw`${PW_WORD}\s*(?:[:=]|是|为|為)\s*${TOKEN}{6,}`, 'i'), label: { zh: '密码或口令', en: 'a password' } },
  // 密码 Abc12345xyz / 密码Abc123456 (no separator: letters and digits mixed, or 8+ characters)
  { re: new RegExp(String.raw`${PW_WORD}\s*(?:(?=[\x21-\x7e]*[A-Za-z])(?=[\x21-\x7e]*\d)${TOKEN}{6,}|${TOKEN}{8,})`, 'i'), label: { zh: '密码或口令', en: 'a password' } },
];

/**
 * One cheap pre-filter for all the patterns (most values are plain Chinese text): a keyword, or
 * a run of 32 characters that a key or token is made of. Applied to the value as written;
 * full-width letters (Ｐａｓｓｗｏｒｄ) are matched through their own alternatives so that no
 * normalisation is needed first. The two parts are tested apart: tried at every position of an
 * ASCII value (account ids, links), the 32-character run was most of one combined pattern's cost,
 * and it cannot match a shorter value.
 */
const MAYBE_WORDS = /PRIVATE KEY|gh[pousr]_|github_pat_|sk-|AKIA|eyJ|密|口\s*令|[码碼]|pass|pwd|secret|key|token|[ｐＰ][ａＡ][ｓＳ]|[ｐＰ][ｗＷ]|[ｓＳ][ｅＥ][ｃＣ]|[ｔＴ][ｏＯ][ｋＫ]|[ｋＫ][ｅＥ][ｙＹ]/i;
const LONG_ANY = /[0-9a-zA-Z+/_-]{32}/;

/**
 * Every pattern needs an ASCII or full-width letter or one of 密 口 码 碼, except a run of 32
 * digits, which needs 32 characters: most values (Chinese text, dates, phone numbers) are ruled
 * out by this much cheaper test.
 */
const MAYBE_PRE = /[A-Za-z密口码碼\uff21-\uff3a\uff41-\uff5a]/;
/**
 * Without any of those, only the 32-character run can match, and then it holds no letter (case-
 * insensitive matching without the u flag never folds a non-ASCII character into A-Z): one
 * character-class test decides it (long Chinese prose: reasons, notes).
 */
const LONG_RUN = /[0-9+/_-]{32}/;

export function mayBeSecret(value: string): boolean {
  if (MAYBE_PRE.test(value)) return MAYBE_WORDS.test(value) || (value.length >= 32 && LONG_ANY.test(value));
  return value.length >= 32 && LONG_RUN.test(value);
}

export function findSecret(value: string): SecretHit | undefined {
  if (value.length < 6) return undefined;
  // full-width forms (Ｐａｓｓｗｏｒｄ：Ａｂｃ１２３) read as what they look like
  const v = /[\uff01-\uff5e\u3000]/.test(value) ? value.normalize('NFKC') : value;
  // a link's path and query may hold long ids (WeChat article links carry a 32-hex "sn"): the
  // shape patterns skip links, the keyword patterns (…?access_token=…) do not
  const noUrl = v.includes('://') ? v.replace(/https?:\/\/[\x21-\x7e]+/gi, ' ') : v;
  for (const p of SECRET_PATTERNS) if (p.re.test(p.notInUrl ? noUrl : v)) return { label: p.label };
  return undefined;
}

// ---- personal data in public fields

export interface PiiHit {
  kind: 'mobile' | 'id-number' | 'email';
  index: number;
  label: Bilingual;
}

const MOBILE = /(?<![0-9A-Za-z])(?:\+?86[- ]?)?1[3-9]\d(?:[- ]?\d{4}){2}(?![0-9A-Za-z])/;
const ID_NUMBER = /(?<![0-9A-Za-z])[1-9]\d{5}(?:18|19|20)\d{2}(?:0[1-9]|1[0-2])(?:0[1-9]|[12]\d|3[01])\d{3}[\dXx](?![0-9A-Za-z])/g;
const EMAIL = /[A-Za-z0-9._%+-]+[@＠][A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}/;
/** Cheap pre-filter: 11 digits (possibly split by '-' or ' ') or an at sign. */
const PII_MAYBE = /\d{3}[- ]?\d{4}|[@＠]/;

const ID_WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
/** The GB 11643-1999 check character of an 18-character resident identity number. */
export function idCheckDigitOk(id: string): boolean {
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += (id.charCodeAt(i) - 48) * ID_WEIGHTS[i]!;
  return '10X98765432'[sum % 11] === id[17]!.toUpperCase();
}

/** A mobile number, an 18-digit resident identity number (with a valid check digit) or an e-mail address. */
export function findPii(value: string): PiiHit | undefined {
  if (value.length < 6 || !PII_MAYBE.test(value)) return undefined;
  ID_NUMBER.lastIndex = 0;
  for (let m = ID_NUMBER.exec(value); m; m = ID_NUMBER.exec(value)) {
    if (idCheckDigitOk(m[0])) return { kind: 'id-number', index: m.index, label: { zh: '居民身份证号码', en: 'a resident identity number' } };
  }
  const mob = MOBILE.exec(value);
  if (mob) return { kind: 'mobile', index: mob.index, label: { zh: '手机号码', en: 'a mobile number' } };
  const em = EMAIL.exec(value);
  if (em) return { kind: 'email', index: em.index, label: { zh: '电子邮箱地址', en: 'an e-mail address' } };
  return undefined;
}

// ---- dates

/** Earliest plausible date in the register: government new media began after 2000. */
export const DATE_FLOOR = '2000-01-01';
const DATE_SHAPE = /^\d{4}-\d{2}-\d{2}$/;
/** Days of each month in a common year (February: see implausibleDate). */
const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/** The number written by `n` ASCII digits of `v` from `at` (DATE_SHAPE has checked they are digits). */
function digitsAt(v: string, at: number, n: number): number {
  let x = 0;
  for (let i = at; i < at + n; i++) x = x * 10 + (v.charCodeAt(i) - 48);
  return x;
}

/** Why a YYYY-MM-DD value cannot be a register date (before the floor, or no such day), or undefined. */
export function implausibleDate(v: string): Bilingual | undefined {
  // every event has a date: read the digits in place (no match array, no month table per call)
  if (!DATE_SHAPE.test(v)) return undefined;
  const y = digitsAt(v, 0, 4);
  const mo = digitsAt(v, 5, 2);
  const d = digitsAt(v, 8, 2);
  const feb = y % 4 === 0 && (y % 100 !== 0 || y % 400 === 0) ? 29 : 28;
  if (mo < 1 || mo > 12 || d < 1 || d > (mo === 2 ? feb : DAYS_IN_MONTH[mo - 1]!)) return { zh: `日期 ${v} 不存在`, en: `${v} is not a calendar date` };
  if (v < DATE_FLOOR) return { zh: `日期 ${v} 早于 ${DATE_FLOOR}，不可能是政务新媒体的办理日期`, en: `${v} is before ${DATE_FLOOR}, not a plausible date for a government new-media account` };
  return undefined;
}

/**
 * Map an index inside a decoded JSON string to the column offset inside its raw token
 * (which may contain escapes). `raw` starts at the opening quote.
 */
export function rawOffsetOf(raw: string, decodedIndex: number): number {
  let d = 0;
  let r = 1; // after the opening quote
  while (r < raw.length && d < decodedIndex) {
    const c = raw.charCodeAt(r);
    if (c === 0x22) break;
    if (c === 0x5c) {
      r += raw[r + 1] === 'u' ? 6 : 2;
    } else {
      r += 1;
    }
    d += 1;
  }
  return r;
}

// ---- every string of a register file

export type StringRuleId = 'register/invisible-char' | 'register/look-alike' | 'register/secret' | 'register/personal-data' | 'register/implausible-date';

export interface StringIssue {
  ruleId: StringRuleId;
  pointer: (string | number)[];
  /** UTF-16 index inside the value where the problem starts (0 for the whole value). */
  index: number;
  message: Bilingual;
  fix: Bilingual;
}

/** Han characters, CJK and full-width punctuation, common quotes and dashes, the space (see checkStrings). */
const BORING = /^[\u4e00-\u9fff\u3001-\u301f\uff01-\uff0f\uff1a-\uff1f\u00b7\u2014\u2018\u2019\u201c\u201d ]*$/;
const SECRET_CJK = /[密口码碼]/;

/** Fields read as free text (notes, reasons, opinions): prose rules for spaces and full-width forms. */
const PROSE_KEYS = new Set(['note', 'notes', 'reason', 'opinion', 'description', 'publicInfo', 'exceptionDecision', 'remark', 'remarks', 'comment', 'summary', 'detail', 'explanation', 'justification', 'content', 'text']);
/** Where the schema expects a staff member's phone: the team section and person phone fields (never public). */
const PERSONAL_OK_KEYS = new Set(['mobile', 'officePhone']);

/** Change records of the staff or their phones (events[i].changes[j] with field 管理队伍 or 联系电话): the schema's place for staff contacts, scrubbed from public outputs. */
const STAFF_FIELDS = new Set(['管理队伍', '联系电话']);
function staffChange(root: unknown, stack: readonly (string | number)[]): boolean {
  if (stack.length !== 5 || stack[0] !== 'events' || stack[2] !== 'changes') return false;
  const events = (root as { events?: unknown }).events;
  const ev = Array.isArray(events) ? (events[stack[1] as number] as { changes?: unknown } | undefined) : undefined;
  const ch = ev && Array.isArray(ev.changes) ? (ev.changes[stack[3] as number] as { field?: unknown } | undefined) : undefined;
  return typeof ch?.field === 'string' && STAFF_FIELDS.has(ch.field);
}

function fieldLabel(p: readonly (string | number)[]): string {
  return p.join('.');
}

/**
 * Check every string of a parsed register file (region, unit or account): invisible and
 * look-alike characters (every field a person or the public reads), secrets, personal data in
 * public fields (everything outside the team section), and implausible dates.
 */
export function checkStrings(root: unknown): StringIssue[] {
  const out: StringIssue[] = [];
  const stack: (string | number)[] = [];
  let key = '';
  const visit = (v: string): void => {
    // a date (every event has one, ~10 a file): only the date check applies. Looked for first: a
    // date is never one of the plain values below (it has digits), and its dashes are cheap to see
    const date = v.length === 10 && v.charCodeAt(4) === 0x2d && v.charCodeAt(7) === 0x2d && DATE_SHAPE.test(v);
    // most other values are Chinese words and punctuation only: no character, secret, personal-data
    // or date issue is possible there (no ASCII letter or digit, no 密 口 码 碼, no edge space)
    if (!date && BORING.test(v) && v.charCodeAt(0) !== 0x20 && v.charCodeAt(v.length - 1) !== 0x20 && !SECRET_CJK.test(v)) return;
    if (stack[0] === '$schema') return;
    if (date) {
      const bad = implausibleDate(v);
      if (bad) {
        const label = fieldLabel(stack);
        out.push({ ruleId: 'register/implausible-date', pointer: stack.slice(), index: 0, message: { zh: `字段 ${label}：${bad.zh}`, en: `${label}: ${bad.en}` }, fix: { zh: '请按办理材料核对并填写真实日期（YYYY-MM-DD）。', en: 'Enter the real date from the filing papers (YYYY-MM-DD).' } });
      }
      return;
    }
    // the pointer and its label are made only for a finding (most strings have none)
    const ch = checkNameChars(v, PROSE_KEYS.has(key) ? 'text' : 'name');
    if (ch) {
      const label = fieldLabel(stack);
      out.push({ ruleId: ch.kind === 'invisible' ? 'register/invisible-char' : 'register/look-alike', pointer: stack.slice(), index: ch.index, message: { zh: `字段 ${label}：${ch.message.zh}`, en: `${label}: ${ch.message.en}` }, fix: ch.fix });
    }
    if (v.length < 6) return;
    if (mayBeSecret(v)) {
      const hit = findSecret(v);
      if (hit) {
        const label = fieldLabel(stack);
        out.push({ ruleId: 'register/secret', pointer: stack.slice(), index: 0, message: { zh: `字段 ${label} 的值疑似${hit.label.zh}`, en: `${label} looks like ${hit.label.en}` }, fix: { zh: '本库公开可见，绝不能保存密码、令牌、验证码或 AppSecret：请删除该值并立即更换已泄露的凭据；如需记录，只写“密码更换”事件的日期。', en: 'The register is readable by many: delete the value and rotate the credential now; record only the date of rotation.' } });
      }
    }
    if (stack[0] !== 'team' && !PERSONAL_OK_KEYS.has(key) && !staffChange(root, stack)) {
      const pii = findPii(v);
      if (pii) {
        const label = fieldLabel(stack);
        out.push({ ruleId: 'register/personal-data', pointer: stack.slice(), index: pii.index, message: { zh: `字段 ${label} 中有${pii.label.zh}（第 ${pii.index + 1} 个字符起）：该字段会出现在公开导出和公示页面上`, en: `${label} holds ${pii.label.en} (from character ${pii.index + 1}); this field reaches the public export and site` }, fix: { zh: '公开字段不得含有个人信息：请删除该号码或地址；工作人员的联系方式只填在 team（管理队伍）中的 officePhone/mobile 字段，它们不会公开。单位对外联系方式请写单位办公电话。', en: 'Public fields must not hold personal data: remove it; staff contacts go in the team section (officePhone/mobile), which is never published.' } });
      }
    }
  };
  const walk = (v: unknown): void => {
    if (typeof v === 'string') visit(v);
    else if (Array.isArray(v)) {
      for (let i = 0; i < v.length; i++) {
        stack.push(i);
        walk(v[i]);
        stack.pop();
      }
    } else if (v && typeof v === 'object') {
      const saved = key;
      for (const k in v) {
        stack.push(k);
        key = k;
        walk((v as Record<string, unknown>)[k]);
        stack.pop();
      }
      key = saved;
    }
  };
  walk(root);
  return out;
}
