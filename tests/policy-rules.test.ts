/**
 * 每个办法模块的每条规则：用例表中的通过与不通过用例（仿 ESLint RuleTester）。
 * Every rule of every policy module against its table of passing and failing cases.
 * Each case is a real register written to a temporary folder and judged by the engine.
 */
import { describe, expect, it } from 'vitest';
import { ENGINE_ROOT } from '../scripts/core/paths.ts';
import { loadPolicies } from '../scripts/policy/loader.ts';
import { runCase, runFixture } from '../scripts/policy/tester.ts';

const policies = await loadPolicies(ENGINE_ROOT);

describe('policy modules', () => {
  it('exist for all five jurisdictions', () => {
    const series = new Set(policies.map((p) => p.series));
    for (const s of ['sichuan/zigong', 'anhui/luan', 'chongqing/qijiang', 'liaoning', 'jiangsu/lianyungang']) expect(series, s).toContain(s);
  });
});

for (const policy of policies) {
  describe(`${policy.manifest.id} (${policy.manifest.docNumber})`, () => {
    it('has a fixture that every rule accepts, with well-formed files', async () => {
      expect(policy.fixture, 'module exports a fixture').toBeTypeOf('function');
      const findings = await runFixture(policy, ENGINE_ROOT);
      expect(findings.map((f) => `${f.ruleId} ${f.file}:${f.line}:${f.column} ${f.message.zh}`)).toEqual([]);
    });

    for (const rule of policy.rules) {
      describe(rule.name, () => {
        it('cites a document and article and has a failing case', () => {
          expect(rule.citation.doc).toMatch(/\S/);
          expect(rule.citation.article).toMatch(/\S/);
          expect(rule.cases.invalid.length).toBeGreaterThan(0);
          expect(Object.keys(rule.messages).length).toBeGreaterThan(0);
        });
        for (const c of rule.cases.valid) {
          it(`valid: ${c.name}`, async () => {
            const out = await runCase(policy, rule, c, ENGINE_ROOT);
            expect(out.dataFindings.map((f) => `${f.ruleId} ${f.file}:${f.line} ${f.message.zh}`)).toEqual([]);
            expect(out.findings.map((f) => `${f.file}:${f.line}:${f.column} ${f.message.zh}`)).toEqual([]);
          });
        }
        for (const c of rule.cases.invalid) {
          it(`invalid: ${c.name}`, async () => {
            const out = await runCase(policy, rule, c, ENGINE_ROOT);
            expect(out.dataFindings.map((f) => `${f.ruleId} ${f.file}:${f.line} ${f.message.zh}`)).toEqual([]);
            expect(out.expected.length, 'an invalid case names its expected findings').toBeGreaterThan(0);
            const got = out.findings.map((f) => ({ file: f.file, line: f.line, column: f.column }));
            expect(got).toEqual(out.expected.map((e) => ({ file: e.file, line: e.line, column: e.column })));
            out.expected.forEach((e, i) => {
              const f = out.findings[i]!;
              expect(f.citation?.doc).toBe(rule.citation.doc);
              if (e.messageIncludes) expect(f.message.zh).toContain(e.messageIncludes);
              if (e.severity) expect(f.severity).toBe(e.severity);
              expect(f.message.zh).toMatch(/[\u4e00-\u9fff]/);
              expect(f.fix.zh.length).toBeGreaterThan(4);
            });
          });
        }
      });
    }
  });
}
