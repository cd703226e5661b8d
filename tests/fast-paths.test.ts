/**
 * 快速路径与完整检查结果一致：秘密信息的预筛、名称的常见字符快速通过、history 的增量解析、
 * JSON 重复键的快速计数。用 fast-check 生成大量输入，与慢路径逐一比较。
 * Every shortcut taken for speed agrees with the full check it skips: the secret pre-filter,
 * the plain-name fast path, history's incremental parse of account versions, and the
 * duplicate-key count. fast-check generates the inputs; each is compared with the slow path.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseJson } from '../scripts/core/jsonpos.ts';
import { parseJsonFast } from '../scripts/core/jsonfast.ts';
import { checkNameChars, checkNameCharsFull, confusableOf, findPii, findSecret, implausibleDate, mayBeSecret, skeleton } from '../scripts/core/text-checks.ts';
import { Versions } from '../scripts/history/history.ts';
import type { AccountDoc } from '../scripts/core/register.ts';
import { samePlatformGroups } from '../scripts/policy/common/structure.ts';

const SEED = 20261122;
const pieces = ['密码', '口令', '密钥', 'password=', 'token: ', 'secret ', 'PWD=', 'sk-', 'ghp_', 'github_pat_', 'AKIA', 'eyJ', '-----BEGIN RSA PRIVATE KEY-----', '0123456789abcdef', '01234567890123456789', 'ABCDEF', '自贡发布', '：', '是', ' ', '\u200b', 'Ｘ', 'x',
  // the Chinese and full-width shapes (issue 12)
  '密 码', '密碼', '登录密码', '验证码', '校验码', '授权码', '动态码', 'Ｐａｓｓｗｏｒｄ', 'ｐｗｄ', 'Ｔｏｋｅｎ', '：', '＝', 'AppSecret', 'EncodingAESKey', 'api_key', 'access_token=', '482913', 'Abc12345xyz', 'Zg2026abc', 'https://x.cn/?', '==', '/+', 'QWERTYuiop1234567890'];
const secretish = fc.array(fc.oneof(fc.constantFrom(...pieces), fc.string({ maxLength: 6 }), fc.stringMatching(/^[0-9a-f]{1,40}$/), fc.stringMatching(/^[0-9A-Za-z_-]{1,30}$/)), { maxLength: 8 }).map((a) => a.join(''));

describe('fast paths agree with the full checks', () => {
  it('the secret pre-filter never rules out a value the patterns would flag', () => {
    fc.assert(
      fc.property(secretish, (v) => {
        if (findSecret(v)) expect(mayBeSecret(v)).toBe(true);
      }),
      { seed: SEED, numRuns: 3000 },
    );
    // and it does flag the obvious ones
    for (const v of ['密码是 Abc12345', 'AppSecret=0123456789abcdef0123456789abcdef', '01234567890123456789012345678901', 'token: ghp_abcdefghijklmnopqrstuvwxyz012345']) expect(mayBeSecret(v) && findSecret(v) !== undefined).toBe(true);
  });

  it('the secret pre-filter also agrees on long runs and full-width text', () => {
    const long = fc.array(fc.constantFrom('a', 'B', '7', '+', '/', '_', '-', 'f', '0', 'Ｚ', '９', '码', '：', ' '), { minLength: 30, maxLength: 70 }).map((a) => a.join(''));
    fc.assert(
      fc.property(long, (v) => {
        if (findSecret(v)) expect(mayBeSecret(v)).toBe(true);
      }),
      { seed: SEED, numRuns: 3000 },
    );
    for (const v of ['密码 Abc12345xyz', '登录密码：Zg2026abc', '密 码：Zg123456', '密碼：Zg123456', 'Ｐａｓｓｗｏｒｄ：Ａｂｃ１２３４５', '验证码：482913', 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJ0123456', '0123456789abcdef0123456789abcdef0123456789abcdef', 'dGhpcyBpcyBhIHNlY3JldCB0b2tlbiBmb3IgdGVzdGluZzEyMw==']) expect(mayBeSecret(v) && findSecret(v) !== undefined, v).toBe(true);
  });

  it('the pre-filter in its cheaper parts (keywords; a 32-character run, tested alone and only on values that long) answers exactly as the one combined pattern did', () => {
    // the pre-filter as it was: a value of 32 characters or more, or one with a letter or 密口码碼, then the whole alternation
    const MAYBE = /PRIVATE KEY|gh[pousr]_|github_pat_|sk-|AKIA|eyJ|密|口\s*令|[码碼]|pass|pwd|secret|key|token|[ｐＰ][ａＡ][ｓＳ]|[ｐＰ][ｗＷ]|[ｓＳ][ｅＥ][ｃＣ]|[ｔＴ][ｏＯ][ｋＫ]|[ｋＫ][ｅＥ][ｙＹ]|[0-9a-zA-Z+/_-]{32}/i;
    const before = (v: string): boolean => (v.length >= 32 || /[A-Za-z密口码碼\uff21-\uff3a\uff41-\uff5a]/.test(v)) && MAYBE.test(v);
    // long Chinese prose with digits and symbols, and the characters that case-folding could confuse (ſ K ı İ)
    const prose = fc.array(fc.constantFrom('自贡', '发布', '，', '。', '2026', '0', '9', '+', '/', '_', '-', ' ', 'ſ', '\u212a', 'ı', 'İ', '０', '码', 'a', 'Z', '：'), { minLength: 10, maxLength: 90 }).map((a) => a.join(''));
    fc.assert(
      fc.property(fc.oneof(prose, secretish), (v) => {
        expect(mayBeSecret(v), v).toBe(before(v));
      }),
      { seed: SEED, numRuns: 5000 },
    );
    for (const v of ['履行政务公开职责，发布本单位政务信息、回应社会关切，信息来源为本单位，由办公室负责每周更新。', '0123456789+/_-0123456789+/_-0123', 'ſſſſſſſſſſſſſſſſſſſſſſſſſſſſſſſſ']) expect(mayBeSecret(v), v).toBe(before(v));
  });

  it('the date check reads the digits in place exactly as the match-and-table version did', () => {
    const reference = (v: string): string | undefined => {
      const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(v);
      if (!m) return undefined;
      const y = Number(m[1]);
      const mo = Number(m[2]);
      const d = Number(m[3]);
      const days = [31, y % 4 === 0 && (y % 100 !== 0 || y % 400 === 0) ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
      if (mo < 1 || mo > 12 || d < 1 || d > days[mo - 1]!) return `日期 ${v} 不存在`;
      if (v < '2000-01-01') return `日期 ${v} 早于 2000-01-01，不可能是政务新媒体的办理日期`;
      return undefined;
    };
    const two = fc.integer({ min: 0, max: 99 }).map((n) => String(n).padStart(2, '0'));
    const dateLike = fc.oneof(
      fc.tuple(fc.integer({ min: 0, max: 9999 }), two, two).map(([y, m, d]) => `${String(y).padStart(4, '0')}-${m}-${d}`),
      fc.constantFrom('2024-02-29', '2023-02-29', '1900-02-29', '2000-02-29', '2100-02-29', '1999-12-31', '2000-01-01', '2026-04-31', '2026-00-10', '2026-13-01', '2026-12-00', '２０２６-01-01', '2026-1-01', '2026-01-01 '),
      fc.string({ maxLength: 12 }),
    );
    fc.assert(
      fc.property(dateLike, (v) => {
        expect(implausibleDate(v)?.zh, v).toBe(reference(v));
      }),
      { seed: SEED, numRuns: 5000 },
    );
  });

  it('ordinary Chinese notes (dates, sentences without phones, links, 文号, account ids) are never flagged', () => {
    const date = fc.tuple(fc.integer({ min: 2000, max: 2030 }), fc.integer({ min: 1, max: 12 }), fc.integer({ min: 1, max: 28 })).chain(([y, m, d]) => fc.constantFrom(`${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`, `${y}年${m}月${d}日`, `${y}.${m}.${d}`, `${y}/${m}/${d}`));
    const docNo = fc.tuple(fc.constantFrom('自府办函', '六政办秘', '国办发', '綦府办发', '连政办发', '川办发'), fc.integer({ min: 2015, max: 2026 }), fc.integer({ min: 1, max: 300 })).map(([a, y, n]) => `${a}〔${y}〕${n}号`);
    const url = fc.tuple(fc.constantFrom('https://mp.weixin.qq.com/s/', 'https://weibo.com/u/', 'https://www.douyin.com/user/', 'https://www.zg.gov.cn/', 'http://www.luan.gov.cn/content/'), fc.stringMatching(/^[A-Za-z0-9_-]{0,22}$/)).map(([a, b]) => a + b);
    const accountId = fc.oneof(fc.stringMatching(/^gh_[0-9a-f]{12}$/), fc.stringMatching(/^[a-z][a-z0-9_]{3,15}$/), fc.constantFrom('zigongfabu', 'jiankangzigong', 'sq-wjw-weixin'));
    const words = fc.constantFrom('经主管单位审核同意，', '按照要求完成信息报备', '账号密码已更换并报备', '密码更换', '已签订保密协议', '运营单位调整为', '自贡市卫生健康委员会', '（虚构）', '第十六条', '每周更新不少于2次', '平台认证已完成。', '见附件', '原始ID', '办公电话 0813-0000001', '累计发布 1234 条', '粉丝 56789 人', '，', '。', ' ', '验证码登录功能已上线', '版本 v2.3.1', 'token 已作废', 'secretary', 'APP 下载量 100000+');
    // pieces as people write them: words, or a date, 文号, link or id followed by a separator
    const sep = fc.constantFrom('，', ' ', '：', '；', '。', '、', '（', '）');
    const note = fc.array(fc.oneof(words, fc.tuple(fc.oneof(date, docNo, url, accountId), sep).map(([a, b]) => a + b)), { minLength: 1, maxLength: 8 }).map((a) => a.join(''));
    fc.assert(
      fc.property(note, (v) => {
        expect(findSecret(v), v).toBeUndefined();
        expect(findPii(v), v).toBeUndefined();
        expect(checkNameChars(v, 'text'), v).toBeUndefined();
      }),
      { seed: SEED, numRuns: 3000 },
    );
  });

  it('free text takes the same fast path decision as its full check', () => {
    const chars = fc.constantFrom('自', '贡', 'A', '1', '（', '）', '·', '—', '、', '“', '《', ' ', '\n', '\u3000', '\u200b', 'Ａ', '０', 'е', 'ロ', 'ㅡ', '〸', '〡', 'Ⅱ', 'ℂ', '①', '℃', '…', '\u0301', '\u2065', '⼗', '\t', '\u00a0');
    fc.assert(
      fc.property(fc.array(chars, { maxLength: 12 }).map((a) => a.join('')), (v) => {
        expect(checkNameChars(v, 'text')).toEqual(checkNameCharsFull(v, 'text'));
      }),
      { seed: SEED, numRuns: 3000 },
    );
  });

  it('a plain name needs no character-by-character check; anything unusual still gets one', () => {
    const chars = fc.constantFrom('自', '贡', '发', '布', 'A', '1', '（', '）', '·', '—', '、', '“', '”', '《', ' ', '\u3000', '\u200b', 'Ａ', 'е', '\u0301', '\u20dd', '\t', '⻆', '丨', '\u00a0', '\ufeff', '０', 'ロ', 'エ', 'ㅡ', 'ㄧ', '〸', '〡', 'Ⅱ', 'ℂ', '\u2065', '\u{1D173}', '\u{1BCA0}', '\u{13430}', '〇', '一', '：', '？', '～');
    fc.assert(
      fc.property(fc.array(chars, { maxLength: 12 }).map((a) => a.join('')), (v) => {
        expect(checkNameChars(v)).toEqual(checkNameCharsFull(v));
      }),
      { seed: SEED, numRuns: 3000 },
    );
  });

  it('the skeleton of a name without look-alikes is the name itself, and any other name maps exactly as character by character', () => {
    // the definition the shortcut must equal: every character through the confusables table
    const each = (s: string): string => [...s].map((ch) => confusableOf(ch) ?? ch).join('');
    const DROP = /[\p{Default_Ignorable_Code_Point}\p{Cf}\p{Cc}\p{Co}\p{Cn}\p{Cs}\p{Z}\p{M}\u2800\u115F\u1160\u3164\uFFA0\s]/gu;
    const reference = (name: string): string => {
      if (/^[\u4e00-\u9fff]*$/.test(name)) return each(name);
      let x = name.replace(DROP, '').normalize('NFD');
      x = each(x).normalize('NFKC').replace(DROP, '');
      x = each(x.normalize('NFD')).normalize('NFD').replace(DROP, '');
      return each(x.toLowerCase());
    };
    const chars = fc.constantFrom('自', '贡', '发', '布', '丨', '一', '〇', '口', 'A', 'a', '1', 'l', 'O', '0', 'е', 'ロ', 'ㅡ', 'ㄇ', '〸', '〡', 'Ⅱ', 'ℂ', 'Ａ', '\u200b', '\u0301', ' ', '\u{1D400}', '\u{20000}', '\ud800', '\udc00', '（', '·');
    fc.assert(
      fc.property(fc.array(chars, { maxLength: 12 }).map((a) => a.join('')), (v) => {
        expect(skeleton(v)).toBe(reference(v));
      }),
      { seed: SEED, numRuns: 3000 },
    );
    // and the shortcut hands back the very string when nothing maps
    const plain = '自贡发布';
    expect(skeleton(plain)).toBe(plain);
    expect(skeleton('自贡发布ロ')).toBe('自贡发布口');
  });

  it('duplicate keys are found by the fast parser exactly as by the position-aware one', () => {
    const key = fc.constantFrom('a', 'b', 'id', 'name', 'x"y', ':', 'a b');
    const val = fc.oneof(fc.constantFrom('":x"', '" :', 'v', ''), fc.integer());
    const obj = fc.array(fc.tuple(key, val, fc.constantFrom('', ' ', '\n')), { maxLength: 6 }).map((kv) => `{${kv.map(([k, v, sp]) => `${JSON.stringify(k)}${sp}:${JSON.stringify(v)}`).join(',')}}`);
    fc.assert(
      fc.property(obj, (text) => {
        const slow = parseJson(text);
        const fast = parseJsonFast(text);
        expect(fast.issues.map((i) => i.code)).toEqual(slow.issues.map((i) => i.code));
      }),
      { seed: SEED, numRuns: 3000 },
    );
  });

  it('history builds each version from the previous one exactly as parsing it in full would', () => {
    const ev = fc.record({ type: fc.constantFrom('信息报备', '密码更换', '人员交接'), date: fc.constantFrom('2026-01-05', '2026-02-10'), note: fc.constantFrom(undefined, 'x', '"events": [', '}]') }, { requiredKeys: ['type', 'date'] });
    const version = fc.record({ name: fc.constantFrom('自贡发布', '贡井水利'), events: fc.array(ev, { maxLength: 4 }), tail: fc.constantFrom('', 'extra') });
    const layout = fc.constantFrom('pretty', 'compact', 'events-first');
    fc.assert(
      fc.property(fc.array(fc.tuple(version, fc.boolean(), layout), { minLength: 1, maxLength: 6 }), (steps) => {
        const versions = new Versions();
        let events: unknown[] = [];
        let prevSha: string | undefined;
        steps.forEach(([v, append, lay], i) => {
          // mostly append to the previous events (the real pattern), sometimes rewrite them
          events = append ? [...events, ...v.events] : v.events;
          const doc: Record<string, unknown> = lay === 'events-first' ? { events, id: 'a', name: v.name } : { id: 'a', name: v.name, ...(v.tail ? { note: v.tail } : {}), events };
          const text = lay === 'compact' ? JSON.stringify(doc) : JSON.stringify(doc, null, 2) + '\n';
          const sha = `sha${i}`;
          const got = versions.get(sha, Buffer.from(text), prevSha);
          expect(got).toEqual(JSON.parse(text));
          prevSha = sha;
        });
      }),
      { seed: SEED, numRuns: 1500 },
    );
  });

  it('one-account-per-platform groups the accounts of a unit as a table by platform would: the same groups, in the same order, either way it groups', () => {
    // platforms repeat often; NaN and ±0 (hostile values) keep a table's SameValueZero equality
    const platform = fc.oneof(fc.constantFrom('微信公众号', '抖音', '新浪微博', '今日头条', '快手', '移动客户端'), fc.constantFrom<unknown>(NaN, 0, -0, '', undefined, null));
    const unit = fc.array(platform, { maxLength: 70 }).map((ps) => ps.map((p, i) => ({ id: `a${i}`, data: { platform: p } }) as unknown as AccountDoc));
    fc.assert(
      fc.property(unit, (list) => {
        const table = new Map<unknown, AccountDoc[]>();
        for (const a of list) table.set(a.data.platform, [...(table.get(a.data.platform) ?? []), a]);
        expect(samePlatformGroups(list)).toEqual([...table.values()].filter((g) => g.length > 1));
      }),
      { seed: SEED, numRuns: 1500 },
    );
  });
});
