/**
 * 每个办法模块的每条规则：用例表中的通过与不通过用例（仿 ESLint RuleTester）。
 * Every rule of every policy module against its table of passing and failing cases.
 * Each case is a real register written to a temporary folder and judged by the engine.
 */
import { describe, expect, it } from 'vitest';
import { ENGINE_ROOT } from '../scripts/core/paths.ts';
import { loadPolicies } from '../scripts/policy/loader.ts';
import { runCase, runFixture } from './support/tester.ts';
import { casesFor, fixtureOf } from './support/cases.ts';
import { MODALITY_TABLE, modalityOf } from '../scripts/policy/modality.ts';

/**
 * Rules whose severity does not (yet) follow the modality table (policies/README.md), each with the
 * reason. This list may only shrink: a rule not listed must follow the table.
 */
const MODALITY_DEVIATIONS: Record<string, string> = {
  'qijiang-current/three-level-review': '第十五条 is a provision (→ error), but it names the 承办单位\'s staff and leaders, and the register records only the host unit\'s team: a mismatch cannot be shown to be a breach, so the reviewer is asked (notice)',
};

/**
 * 原则上 rules graded error whose exception is not a justification on a filing (Rule.justification, which the clerk's
 * tools ask for) but a path of their own, each with the reason. Every other 原则上 error declares its justification path.
 */
const OWN_EXCEPTION_PATH: Record<string, string> = {
  'luan-2021-148/app-server-in-city': '第三十三条（二）names its own exception: the host unit\'s collective decision choosing the place (app.serverLocation.exceptionDecision), asked by govmedia new',
  'zigong-2021-62/subordinate-unit-reason': '第八条 asks that the reason be stated to the supervising office: the filing\'s reason (or justification) is that statement, reviewed with the filing; there is no separate approval to await',
  'luan-2021-148/password-rotation-3-months': '第三十二条（一）: the justification is on the late 密码更换, which is not a filing and has no 主管审核 step (the office approves it by approving the pull request); govmedia record asks for it by probing the rules',
};

const policies = await loadPolicies(ENGINE_ROOT);
/** Each rule paired with its cases (rules/<name>.cases.ts beside the rule) and each module with its fixture. */
const casesOf = new Map<object, Awaited<ReturnType<typeof casesFor>>>();
const fixtures = new Map<object, Awaited<ReturnType<typeof fixtureOf>>>();
for (const p of policies) {
  fixtures.set(p, await fixtureOf(p, ENGINE_ROOT));
  for (const r of p.rules) casesOf.set(r, await casesFor(ENGINE_ROOT, p, r));
}

describe('policy modules', () => {
  it('exist for all five jurisdictions', () => {
    const series = new Set(policies.map((p) => p.series));
    for (const s of ['sichuan/zigong', 'anhui/luan', 'chongqing/qijiang', 'liaoning', 'jiangsu/city']) expect(series, s).toContain(s);
  });
});

for (const policy of policies) {
  describe(`${policy.manifest.id} (${policy.manifest.docNumber})`, () => {
    it('has a fixture that every rule accepts, with well-formed files', async () => {
      expect(fixtures.get(policy), 'module has a fixture').toBeTypeOf('function');
      const findings = await runFixture(policy, ENGINE_ROOT);
      expect(findings.map((f) => `${f.ruleId} ${f.file}:${f.line}:${f.column} ${f.message.zh}`)).toEqual([]);
    });

    for (const rule of policy.rules) {
      const cases = casesOf.get(rule)!;
      describe(rule.name, () => {
        /** Message ids the invalid cases produced (checked by the last test of the rule). */
        const produced = new Set<string>();
        it('follows the modality table (policies/README.md)', () => {
          const id = `${policy.manifest.id}/${rule.name}`;
          const m = modalityOf(rule);
          expect(MODALITY_TABLE[m], `modal word ${m}`).toBeDefined();
          // a late act of the supervising office is recorded truthfully and never blocks the unit
          if ((rule.actor ?? 'unit') === 'supervisor') return void expect(rule.severity).not.toBe('error');
          if (MODALITY_DEVIATIONS[id]) return;
          const want = MODALITY_TABLE[m].severity;
          expect(rule.severity, `${id}: ${m} → ${want}`).toBe(want === 'justification' ? 'error' : want);
        });
        it('a 原则上 error declares its justification path (or has a path of its own)', () => {
          const id = `${policy.manifest.id}/${rule.name}`;
          if (modalityOf(rule) !== '原则上' || rule.severity !== 'error' || (rule.actor ?? 'unit') !== 'unit') return;
          expect(rule.justification ?? OWN_EXCEPTION_PATH[id], `${id}: declare Rule.justification so govmedia new/backfill/change and the assistant ask for it`).toBeDefined();
        });
        if (rule.justification) {
          const jp = rule.justification;
          it('declares its justification path with messages it has (原则上: the clerk\'s tools ask for the justification)', () => {
            for (const id of [...jp.missing, ...jp.unapproved]) expect(Object.keys(rule.messages), id).toContain(id);
            expect(jp.missing.length).toBeGreaterThan(0);
            expect(jp.unapproved.length).toBeGreaterThan(0);
            expect(jp.filings.length).toBeGreaterThan(0);
            expect(rule.severity, 'an error until the supervising office approves').toBe('error');
          });
        }
        it('cites a document and article and has a failing case', () => {
          expect(rule.citation.doc).toMatch(/\S/);
          expect(rule.citation.article).toMatch(/\S/);
          expect(cases.invalid.length).toBeGreaterThan(0);
          expect(Object.keys(rule.messages).length).toBeGreaterThan(0);
        });
        for (const c of cases.valid) {
          it(`valid: ${c.name}`, async () => {
            const out = await runCase(policy, rule, c, ENGINE_ROOT);
            expect(out.dataFindings.map((f) => `${f.ruleId} ${f.file}:${f.line} ${f.message.zh}`)).toEqual([]);
            expect(out.findings.map((f) => `${f.file}:${f.line}:${f.column} ${f.message.zh}`)).toEqual([]);
          });
        }
        for (const c of cases.invalid) {
          it(`invalid: ${c.name}`, async () => {
            const out = await runCase(policy, rule, c, ENGINE_ROOT);
            expect(out.dataFindings.map((f) => `${f.ruleId} ${f.file}:${f.line} ${f.message.zh}`)).toEqual([]);
            expect(out.expected.length, 'an invalid case names its expected findings').toBeGreaterThan(0);
            // a case pins meaning, not only a position: every expected finding names its message
            expect(out.expected.filter((e) => !e.messageId).length, 'every expected finding names its messageId').toBe(0);
            const got = out.findings.map((f, i) => ({ file: f.file, line: f.line, column: f.column, messageId: out.reported[i]!.messageId }));
            expect(got).toEqual(out.expected.map((e) => ({ file: e.file, line: e.line, column: e.column, messageId: e.messageId })));
            out.expected.forEach((e, i) => {
              const f = out.findings[i]!;
              produced.add(out.reported[i]!.messageId);
              expect(f.citation?.doc).toBe(rule.citation.doc);
              if (e.data) {
                const actual = out.reported[i]!.data;
                expect(Object.fromEntries(Object.keys(e.data).map((k) => [k, actual[k] === undefined ? undefined : String(actual[k])]))).toEqual(
                  Object.fromEntries(Object.entries(e.data).map(([k, v]) => [k, String(v)])),
                );
              }
              if (e.messageIncludes) expect(f.message.zh).toContain(e.messageIncludes);
              if (e.messageIncludesEn) expect(f.message.en, 'the English message').toContain(e.messageIncludesEn);
              // data values that are not Chinese text appear in the English message too (dates, numbers, ids): it says the same thing
              if (e.data) for (const v of Object.values(e.data)) if (!/[\u3000-\u9fff\uff00-\uffef]/.test(String(v))) expect(f.message.en + f.fix.en, `English text carries ${v}`).toContain(String(v));
              if (e.severity) expect(f.severity).toBe(e.severity);
              if (e.actor) expect(f.actor ?? 'unit', 'whose act it is').toBe(e.actor);
              // a late act of the supervising office never blocks the unit's PR
              if ((f.actor ?? 'unit') === 'supervisor') expect(f.severity).not.toBe('error');
              expect(f.message.zh).toMatch(/[\u4e00-\u9fff]/);
              expect(f.fix.zh.length).toBeGreaterThan(4);
              // both languages are filled in: no placeholder left over, English has no Chinese-only text
              for (const text of [f.message.zh, f.message.en, f.fix.zh, f.fix.en]) expect(text, text).not.toMatch(/\{\w+\}/);
              expect(f.message.en.trim().length, 'an English message').toBeGreaterThan(4);
              expect(f.fix.en.trim().length, 'an English fix').toBeGreaterThan(4);
            });
          });
        }
        it('every message is produced by some invalid case', () => {
          expect(Object.keys(rule.messages).filter((id) => !produced.has(id)), 'messages no case produces (remove them or add a case)').toEqual([]);
        });
      });
    }
  });
}
