/**
 * 规则用例的类型（仿 ESLint RuleTester）：rules/<name>.cases.ts 导出 { valid, invalid }，由
 * tests/policy-rules.test.ts 运行。只供测试，命令行不加载，不编入 dist/。
 * The types of a rule's cases (as in ESLint's RuleTester): rules/<name>.cases.ts exports
 * { valid, invalid }, run by tests/policy-rules.test.ts. Test data only: never loaded by the CLI,
 * not compiled into dist/.
 */
import type { Actor, Severity } from '../core/finding.ts';
import type { FixtureKit } from './fixture.ts';

export interface ExpectedFinding {
  /** Account id, unit id or region id (use the kind's key). */
  account?: string;
  unit?: string;
  region?: string;
  /** JSON pointer of the value the finding must point at ([] = root object). */
  pointer: (string | number)[];
  atKey?: boolean;
  /** The message the finding must carry (a key of the rule's messages); every invalid case names it. */
  messageId?: string;
  /** Values the message's placeholders must have (compared as strings). */
  data?: Record<string, string | number>;
  /** A fragment the zh message must contain. */
  messageIncludes?: string;
  /** A fragment the English message (--lang en) must contain. */
  messageIncludesEn?: string;
  /** Whose act the finding must name (default 'unit'). */
  actor?: Actor;
  severity?: Severity;
}

export interface RuleCase {
  name: string;
  /** Judgement date; default the kit's default. */
  now?: string;
  /** Modify the module's base fixture (which on its own must pass every rule). */
  setup?: (k: FixtureKit) => void;
  /** Expected findings (invalid cases). */
  errors?: ExpectedFinding[];
}

export interface RuleCases {
  valid: RuleCase[];
  invalid: RuleCase[];
}
