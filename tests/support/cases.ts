/**
 * 规则与用例分开：每条规则的用例在 rules/<name>.cases.ts，模块的样例登记簿在 <模块>/fixture.ts；
 * 只有测试加载它们，命令行从不加载。
 * Rules apart from their cases: a rule's cases live beside it in rules/<name>.cases.ts and a
 * module's sample register in <module>/fixture.ts; only the tests load them, never the CLI.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { ENGINE_ROOT } from '../../scripts/core/paths.ts';
import type { RuleCases } from '../../scripts/dev/cases.ts';
import type { FixtureKit } from '../../scripts/dev/fixture.ts';
import type { LoadedPolicy, Rule } from '../../scripts/policy/types.ts';

/** The cases file of a rule: <module>/rules/<rule name>.cases.ts. */
export function casesFile(engineRoot: string, policy: LoadedPolicy, rule: Rule): string {
  return path.join(engineRoot, policy.dir, 'rules', `${rule.name}.cases.ts`);
}

/** A rule's cases: the default export of its sibling rules/<name>.cases.ts. */
export async function casesFor(engineRoot: string, policy: LoadedPolicy, rule: Rule): Promise<RuleCases> {
  const file = casesFile(engineRoot, policy, rule);
  if (!existsSync(file)) throw new Error(`${policy.dir}/rules/${rule.name}.cases.ts: no cases for rule ${rule.name}`);
  const mod = (await import(pathToFileURL(file).href)) as { default?: RuleCases };
  if (!mod.default || !Array.isArray(mod.default.valid) || !Array.isArray(mod.default.invalid)) throw new Error(`${path.relative(engineRoot, file)}: default export is not { valid, invalid }`);
  return mod.default;
}

export type Fixture = (k: FixtureKit) => void;

/** A module's sample register: <module>/fixture.ts (export `fixture` or default); undefined when there is none. */
export async function fixtureOf(policy: LoadedPolicy, engineRoot = ENGINE_ROOT): Promise<Fixture | undefined> {
  const file = path.join(engineRoot, policy.dir, 'fixture.ts');
  if (!existsSync(file)) return undefined;
  const mod = (await import(pathToFileURL(file).href)) as { fixture?: Fixture; default?: Fixture };
  const f = mod.fixture ?? mod.default;
  if (typeof f !== 'function') throw new Error(`${policy.dir}/fixture.ts: exports no fixture function`);
  return f;
}
