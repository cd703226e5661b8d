/**
 * 快速解析器在各文件共用字符串、且不保留原文与位置信息时，值和行列号与带位置的解析器完全一致。
 * The fast parser, with strings shared across files and neither the text nor the positional parse
 * kept, gives the same values and the same line and column as the position-aware parser.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseJsonFast, StringTable } from '../scripts/core/jsonfast.ts';
import { parseJson } from '../scripts/core/jsonpos.ts';

const SEED = 17;

describe('fast parse with shared strings and positions on demand', () => {
  it('values and positions equal the positional parse, for many files parsed with one table', () => {
    const str = fc.constantFrom('自贡市卫生健康委员会', '主要负责人', '2021-08-23', '开设备案', '微信公众号', 'x'.repeat(300), '', 'a');
    const event = fc.record({ type: str, date: str, note: fc.option(str, { nil: undefined }) }, { requiredKeys: ['type', 'date'] });
    const account = fc.record({ id: fc.constantFrom('a', 'b-c'), name: str, unit: str, events: fc.array(event, { maxLength: 4 }), tags: fc.array(str, { maxLength: 3 }) });
    fc.assert(
      fc.property(fc.array(fc.tuple(account, fc.boolean()), { minLength: 1, maxLength: 90 }), (files) => {
        const strings = new StringTable();
        const texts = files.map(([a, pretty]) => (pretty ? JSON.stringify(a, null, 2) + '\n' : JSON.stringify(a)));
        let reads = 0;
        // the text is not kept: the parse reads it again (as register.ts re-reads the file) only for a position
        const parsed = texts.map((t) => parseJsonFast(t, { strings }, { get text(): string { reads++; return t; } }));
        expect(reads).toBe(0);
        // positions asked for after all the files were parsed (more than the recent positional parses kept)
        parsed.forEach((p, i) => {
          const full = parseJson(texts[i]!);
          expect(p.ok).toBe(true);
          expect(p.value).toEqual(full.value);
          const a = files[i]![0];
          for (const ptr of [['name'], ['events'], ...a.events.map((_, k) => ['events', k, 'date']), ...a.tags.map((_, k) => ['tags', k])] as (string | number)[][]) {
            expect(p.locate(ptr)).toEqual(full.locate(ptr));
            expect(p.locateKey(ptr)).toEqual(full.locateKey(ptr));
          }
        });
      }),
      { seed: SEED, numRuns: 60 },
    );
  });
});
