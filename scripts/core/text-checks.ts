/**
 * 名称中的不可见字符、形近仿冒字符，以及字段中的秘密信息。
 * Invisible and look-alike characters in names, secret-looking values anywhere.
 */
import type { Bilingual } from './finding.ts';

export interface CharIssue {
  kind: 'invisible' | 'look-alike';
  index: number; // UTF-16 index inside the decoded string
  message: Bilingual;
  fix: Bilingual;
}

const INVISIBLE = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\u00AD\u034F\u061C\u115F\u1160\u17B4\u17B5\u180B-\u180E\u200B-\u200F\u202A-\u202E\u2060-\u2064\u2066-\u206F\u2800\u3164\uFE00-\uFE0F\uFEFF\uFFA0\uFFF9-\uFFFC\u{E0000}-\u{E007F}\u{E0100}-\u{E01EF}]/u;
/** A combining mark on a Han, Latin, digit, punctuation or space character (decoration or disguise). */
const COMBINING_AFTER = /[\p{Script=Han}\p{Script=Latin}\p{N}\p{P}\p{Zs}][\p{M}]|[\u20D0-\u20FF]/u;
const ODD_SPACE = /[\u00A0\u1680\u2000-\u200A\u2028\u2029\u202F\u205F\u3000\t\n\r]/u;

function codepoint(ch: string): string {
  return 'U+' + (ch.codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, '0');
}

/** Which script a look-alike belongs to, if any. */
function lookAlikeScript(cp: number): string | undefined {
  if (cp >= 0x0370 && cp <= 0x03ff) return '希腊字母';
  if (cp >= 0x0400 && cp <= 0x052f) return '西里尔字母';
  if (cp >= 0x0530 && cp <= 0x058f) return '亚美尼亚字母';
  if (cp >= 0x13a0 && cp <= 0x13ff) return '切罗基字母';
  if (cp >= 0x2e80 && cp <= 0x2eff) return 'CJK 部首补充';
  if (cp >= 0x2f00 && cp <= 0x2fdf) return '康熙部首';
  if (cp >= 0x31c0 && cp <= 0x31ef) return 'CJK 笔画';
  if (cp >= 0xf900 && cp <= 0xfaff) return 'CJK 兼容汉字';
  if (cp >= 0x2f800 && cp <= 0x2fa1f) return 'CJK 兼容汉字补充';
  if ((cp >= 0xff10 && cp <= 0xff19) || (cp >= 0xff21 && cp <= 0xff3a) || (cp >= 0xff41 && cp <= 0xff5a)) return '全角英文字母或数字';
  if (cp >= 0x1d400 && cp <= 0x1d7ff) return '数学字母';
  return undefined;
}

/**
 * Characters that can never raise a name issue: CJK unified ideographs, printable ASCII, CJK
 * punctuation (not the ideographic space U+3000), full-width punctuation (not the full-width
 * letters and digits) and common quotes and dashes. A name made only of these, without
 * surrounding spaces, needs no character-by-character check (almost every name).
 */
const PLAIN_NAME = /^[\u4e00-\u9fff\u0021-\u007e\u3001-\u303f\uff01-\uff0f\u00b7\u2014\u2018\u2019\u201c\u201d ]*$/;

/** Check a name-like value; returns the first problem (one finding per value is enough). */
export function checkNameChars(value: string): CharIssue | undefined {
  if (PLAIN_NAME.test(value) && value.charCodeAt(0) !== 0x20 && value.charCodeAt(value.length - 1) !== 0x20) return undefined;
  return checkNameCharsFull(value);
}

/** The character-by-character check (exported for the test that proves the shortcut safe). */
export function checkNameCharsFull(value: string): CharIssue | undefined {
  const comb = COMBINING_AFTER.exec(value);
  if (value !== value.trim()) {
    const index = value.length - value.trimStart().length > 0 ? 0 : value.trimEnd().length;
    return {
      kind: 'invisible',
      index,
      message: { zh: `名称“${value.trim()}”首尾有多余的空白`, en: `name "${value.trim()}" has leading or trailing whitespace` },
      fix: { zh: '请删除名称首尾的空格，使其与平台上显示的名称完全一致。', en: 'Remove the surrounding whitespace so the name matches the platform exactly.' },
    };
  }
  let i = 0;
  for (const ch of value) {
    const cp = ch.codePointAt(0) ?? 0;
    if (INVISIBLE.test(ch) || ODD_SPACE.test(ch)) {
      return {
        kind: 'invisible',
        index: i,
        message: { zh: `名称中第 ${i + 1} 个字符是不可见或特殊空白字符 ${codepoint(ch)}`, en: `character ${i + 1} of the name is an invisible or unusual space character ${codepoint(ch)}` },
        fix: { zh: '请删除该字符后重新输入名称（可能是从网页或聊天软件复制带入的）。假冒账号常用这类字符冒充官方名称。', en: 'Delete it and retype the name (it often comes from copy-paste). Impersonating accounts use such characters.' },
      };
    }
    const script = lookAlikeScript(cp);
    if (script) {
      const nf = ch.normalize('NFKC');
      return {
        kind: 'look-alike',
        index: i,
        message: { zh: `名称中第 ${i + 1} 个字符“${ch}”（${codepoint(ch)}）是${script}，与常用字形近，可能用于仿冒`, en: `character ${i + 1} of the name, "${ch}" (${codepoint(ch)}), is a look-alike (${script})` },
        fix: nf !== ch ? { zh: `请改为标准字符“${nf}”。`, en: `Replace it with the standard character "${nf}".` } : { zh: '请用标准输入法重新输入该字。', en: 'Retype the character with a standard input method.' },
      };
    }
    i += ch.length;
  }
  if (comb) {
    const at = comb.index + (comb[0].length > 1 ? comb[0].length - 1 : 0);
    const mark = value.slice(at, at + 1);
    return {
      kind: 'look-alike',
      index: at,
      message: { zh: `名称中第 ${at + 1} 个字符是组合附加符号 ${codepoint(mark)}，叠加在前一个字上，可能用于伪装名称`, en: `character ${at + 1} of the name is a combining mark ${codepoint(mark)} on the previous character` },
      fix: { zh: '请删除该附加符号，用标准输入法重新输入名称。', en: 'Remove the combining mark and retype the name.' },
    };
  }
  return undefined;
}

/** Replace control characters for safe display in a terminal or report. */
export function displaySafe(s: string): string {
  // eslint-disable-next-line no-control-regex
  return s.replace(/[\u0000-\u0008\u000B-\u001F\u007F-\u009F\u202A-\u202E\u2066-\u2069]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

export interface SecretHit {
  label: Bilingual;
}

const SECRET_PATTERNS: { re: RegExp; label: Bilingual }[] = [
  { re: /-----BEGIN [A-Z ]*PRIVATE KEY-----/, label: { zh: '私钥', en: 'a private key' } },
  { re: /\b(?:ghp|gho|ghs|ghu|github_pat)_[A-Za-z0-9_]{20,}/, label: { zh: 'GitHub 令牌', en: 'a GitHub token' } },
  { re: /\bsk-[A-Za-z0-9_-]{20,}/, label: { zh: 'API 密钥', en: 'an API key' } },
  { re: /\bAKIA[0-9A-Z]{16}\b/, label: { zh: '云服务访问密钥', en: 'a cloud access key' } },
  { re: /\beyJ[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]{8,}\./, label: { zh: 'JWT 令牌', en: 'a JWT token' } },
  { re: /(?:密码|口令|密钥|password|passwd|pwd|secret|token|app\s*secret)\s*(?:[:：=]|是|为)\s*\S{3,}/i, label: { zh: '密码或口令', en: 'a password' } },
  { re: /(?<![0-9a-f])[0-9a-f]{32}(?![0-9a-f])/i, label: { zh: '32 位十六进制串（形如微信 AppSecret）', en: 'a 32-hex-digit string (like a WeChat AppSecret)' } },
];

/** One cheap pre-filter for all the patterns below (most values are plain Chinese text). */
const MAYBE = /PRIVATE KEY|gh[pousr]_|github_pat_|sk-|AKIA|eyJ|密码|口令|密钥|pass|pwd|secret|token|[0-9a-fA-F]{32}/i;

/**
 * Every pattern needs an ASCII letter or 密/口 (密码, 口令, 密钥), except a run of 32 hex digits
 * that happens to be all digits, which needs 32 characters: most values (Chinese text, dates,
 * phone numbers) are ruled out by this much cheaper test.
 */
const MAYBE_PRE = /[A-Za-z密口]/;

export function mayBeSecret(value: string): boolean {
  return (value.length >= 32 || MAYBE_PRE.test(value)) && MAYBE.test(value);
}

export function findSecret(value: string): SecretHit | undefined {
  if (value.length < 8) return undefined;
  for (const p of SECRET_PATTERNS) if (p.re.test(value)) return { label: p.label };
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
