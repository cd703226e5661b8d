/**
 * 规则测试器（仿 ESLint RuleTester）：把用例写成真实的临时文件，用真实的读取器和引擎检查，
 * 比较规则编号、文件、行、列。
 * RuleTester: each case's register is written to a real temporary folder, loaded by the
 * real loader and judged by the real engine; findings are compared by rule, file, line, column.
 */
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Finding } from '../../scripts/core/finding.ts';
import { parseJson } from '../../scripts/core/jsonpos.ts';
import { FsSource } from '../../scripts/core/source.ts';
import { validateSource } from '../../scripts/pipeline/pipeline.ts';
import { FixtureKit } from '../../scripts/dev/fixture.ts';
import { reportedWith, ruleId } from '../../scripts/policy/engine.ts';
import type { ExpectedFinding, RuleCase } from '../../scripts/dev/cases.ts';
import type { LoadedPolicy, Rule } from '../../scripts/policy/types.ts';
import { fixtureOf, type Fixture } from './cases.ts';
import { tmpDir } from './tmp.ts';

export interface CaseOutcome {
  /** Findings of the rule under test. */
  findings: Finding[];
  /** Findings of the built-in data rules (a case's files must be well-formed). */
  dataFindings: Finding[];
  /** What each finding was reported with (message id and placeholder values), in the order of `findings`. */
  reported: { messageId: string; data: Record<string, string | number | undefined> }[];
  /** Expected findings resolved to file/line/column. */
  expected: { file: string; line: number; column: number; actor?: string; messageId?: string; data?: Record<string, string | number>; messageIncludes?: string; messageIncludesEn?: string; severity?: string }[];
  kit: FixtureKit;
}

/** Write a kit's files under <dir>/accounts and return the folder. */
export function writeKit(kit: FixtureKit, dir = tmpDir('govmedia-case-')): string {
  for (const [rel, doc] of kit.files) {
    const abs = path.join(dir, 'accounts', rel);
    mkdirSync(path.dirname(abs), { recursive: true });
    writeFileSync(abs, typeof doc === 'string' ? doc : JSON.stringify(doc, null, 2) + '\n');
  }
  mkdirSync(path.join(dir, 'accounts'), { recursive: true });
  return dir;
}

function relFor(kit: FixtureKit, e: ExpectedFinding): string {
  if (e.account !== undefined) return kit.accountPath(e.account);
  if (e.unit !== undefined) return `${kit.unitPath(e.unit)}/unit.json`;
  if (e.region !== undefined) return `${e.region ? e.region + '/' : ''}region.json`;
  throw new Error('expected finding names no account, unit or region');
}

/** The module's fixture: beside the module under `engineRoot`, else (a copy holding only data) in this engine. */
async function moduleFixture(policy: LoadedPolicy, engineRoot: string): Promise<Fixture | undefined> {
  return (await fixtureOf(policy, engineRoot)) ?? (await fixtureOf(policy));
}

/** Run one case of one rule. `engineRoot` supplies schemas and policies. */
export async function runCase(policy: LoadedPolicy, rule: Rule, c: RuleCase, engineRoot: string): Promise<CaseOutcome> {
  const kit = new FixtureKit();
  (await moduleFixture(policy, engineRoot))?.(kit);
  c.setup?.(kit);
  const dir = writeKit(kit);
  try {
    const now = c.now ?? kit.now;
    const id = ruleId(policy, rule);
    const res = await validateSource(new FsSource(dir), { engineRoot, now, only: new Set([id]), policies: [policy], exceptionsDir: 'none' });
    const findings = res.findings.filter((f) => f.ruleId === id);
    const dataFindings = res.findings.filter((f) => f.ruleId.startsWith('register/'));
    const expected = (c.errors ?? []).map((e) => {
      const rel = relFor(kit, e);
      const doc = kit.files.get(rel);
      const text = typeof doc === 'string' ? doc : JSON.stringify(doc, null, 2) + '\n';
      const parsed = parseJson(text);
      const pos = e.atKey ? parsed.locateKey(e.pointer) : parsed.locate(e.pointer);
      return { file: `accounts/${rel}`, line: pos.line, column: pos.column, ...(e.messageId ? { messageId: e.messageId } : {}), ...(e.actor ? { actor: e.actor } : {}), ...(e.data ? { data: e.data } : {}), ...(e.messageIncludes ? { messageIncludes: e.messageIncludes } : {}), ...(e.messageIncludesEn ? { messageIncludesEn: e.messageIncludesEn } : {}), ...(e.severity ? { severity: e.severity } : {}) };
    });
    const reported = findings.map((f) => reportedWith.get(f) ?? { messageId: '', data: {} });
    return { findings, dataFindings, reported, expected, kit };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Run a module's base fixture with all its rules. */
export async function runFixture(policy: LoadedPolicy, engineRoot: string): Promise<Finding[]> {
  const kit = new FixtureKit();
  (await moduleFixture(policy, engineRoot))?.(kit);
  const dir = writeKit(kit);
  try {
    const res = await validateSource(new FsSource(dir), { engineRoot, now: kit.now, policies: [policy], exceptionsDir: 'none' });
    return res.findings;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
