/**
 * 预编译校验函数用的日期格式检查（scripts/core/formats.ts）与 ajv-formats 的 date 对任何输入都给出相同答案。
 * The precompiled validators' date check (scripts/core/formats.ts) answers as ajv-formats' date on every input.
 */
import fc from 'fast-check';
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { fullDate } from '../scripts/core/formats.ts';
import * as precompiled from '../scripts/generated/validators.ts';

const ajvDate = (createRequire(import.meta.url)('ajv-formats/dist/formats') as { fullFormats: { date: { validate: (s: unknown) => boolean } } }).fullFormats.date.validate;

describe('the date format (scripts/core/formats.ts)', () => {
  it('answers as ajv-formats date on real, impossible and odd dates', () => {
    const cases: [string, boolean][] = [
      ['2026-02-28', true],
      ['2024-02-29', true],
      ['2000-02-29', true],
      ['1900-02-29', false],
      ['2026-02-29', false],
      ['2026-04-31', false],
      ['2026-12-31', true],
      ['2026-13-01', false],
      ['2026-00-10', false],
      ['2026-01-00', false],
      ['0000-01-01', true],
      ['2026-1-01', false],
      ['2026/01/01', false],
      ['2026-01-01\n', false],
      [' 2026-01-01', false],
      ['２０２６-01-01', false], // full-width digits are not \d
      ['٢٠٢٦-01-01', false], // Arabic-Indic digits neither
      ['2026-01-0a', false],
      ['', false],
    ];
    for (const [s, ok] of cases) {
      expect(ajvDate(s), s).toBe(ok);
      expect(fullDate(s), s).toBe(ok);
    }
    for (const v of [undefined, null, 20260101, {}, ['2026-01-01']]) expect(fullDate(v)).toBe(ajvDate(v));
  });

  it('answers as ajv-formats date on generated strings', () => {
    const digit = fc.constantFrom(...'0123456789');
    const near = fc.tuple(fc.array(digit, { minLength: 4, maxLength: 4 }), fc.array(digit, { minLength: 2, maxLength: 2 }), fc.array(digit, { minLength: 2, maxLength: 2 })).map(([y, m, d]) => `${y.join('')}-${m.join('')}-${d.join('')}`);
    const odd = fc.array(fc.constantFrom(...'0123456789-/ ０٣\n'), { maxLength: 12 }).map((a) => a.join(''));
    fc.assert(fc.property(fc.oneof(near, odd, fc.string({ maxLength: 12 })), (s) => fullDate(s) === ajvDate(s)), { numRuns: 20_000 });
  });

  it('is the check the precompiled validators run', () => {
    const good = { type: '开设备案', date: '2026-02-28' };
    // an event whose date has the right shape but no such day: the format is what refuses it
    const v = precompiled.account as unknown as ((d: unknown) => boolean) & { errors?: { keyword: string; instancePath: string }[] };
    v({ events: [good, { ...good, date: '2026-02-30' }] });
    expect(v.errors?.filter((e) => e.keyword === 'format').map((e) => e.instancePath)).toEqual(['/events/1/date']);
  });
});
