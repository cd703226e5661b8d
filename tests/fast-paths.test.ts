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
import { checkNameChars, checkNameCharsFull, findSecret, mayBeSecret } from '../scripts/core/text-checks.ts';
import { Versions } from '../scripts/history/history.ts';

const SEED = 20261122;
const pieces = ['密码', '口令', '密钥', 'password=', 'token: ', 'secret ', 'PWD=', 'sk-', 'ghp_', 'github_pat_', 'AKIA', 'eyJ', '-----BEGIN RSA PRIVATE KEY-----', '0123456789abcdef', '01234567890123456789', 'ABCDEF', '自贡发布', '：', '是', ' ', '\u200b', 'Ｘ', 'x'];
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

  it('a plain name needs no character-by-character check; anything unusual still gets one', () => {
    const chars = fc.constantFrom('自', '贡', '发', '布', 'A', '1', '（', '）', '·', '—', '、', '“', '”', '《', ' ', '\u3000', '\u200b', 'Ａ', 'е', '\u0301', '\u20dd', '\t', '⻆', '丨', '\u00a0', '\ufeff', '０');
    fc.assert(
      fc.property(fc.array(chars, { maxLength: 12 }).map((a) => a.join('')), (v) => {
        expect(checkNameChars(v)).toEqual(checkNameCharsFull(v));
      }),
      { seed: SEED, numRuns: 3000 },
    );
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
});
