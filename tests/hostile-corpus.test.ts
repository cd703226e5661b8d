/**
 * 敌意输入语料：至少 500 个畸形或恶意的输入，每一个都必须得到带位置的中文检查结果并以退出码 1 结束；
 * 不得崩溃（退出码 0/1/2 以外、未捕获的异常、堆栈）、挂起或通过。另有对样例登记簿合法文件的随机变异
 * （fast-check）：检查器从不抛出、总会结束，要么给出位置在文件之内的检查结果并退出 1，要么（变异恰好合法时）退出 0。
 *
 * The hostile corpus (tests/hostile/generate.ts): every case is written into its own copy of
 * a small valid register and validated by the real CLI (main() with a capturing io) inside a
 * worker thread, so a hang is cut off by a time limit instead of freezing the suite. A few
 * representative cases also go through the real executable. Then property-based mutations of
 * the sample register's own account files.
 */
import { cpSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { baseDocsOf, fullDocs, generateCorpus, generateGaps, SEED, writeFullDocs, type Expectation, type HostileCase } from './hostile/generate.ts';
import { applyMutation, mutationArb } from './hostile/mutations.ts';
import { CliWorker, linesOf, problemsOf, type JsonFinding } from './hostile/runner.ts';
import { baseKit, cliProcess, ENGINE_ROOT, tmpDir, writeKit } from './helpers.ts';

const NOW = '2026-11-21';
/** Per run: far above what a run takes (milliseconds); only a hang reaches it. */
const RUN_LIMIT_MS = 30_000;

const template = writeKit(baseKit(), tmpDir('govmedia-hostile-base-'));
const corpus = generateCorpus(template);
const gaps = generateGaps();
const worker = new CliWorker();

afterAll(async () => {
  await worker.close();
  rmSync(template, { recursive: true, force: true });
});

function validateArgs(dir: string): string[] {
  return ['validate', '--root', dir, '--now', NOW, '--format', 'json'];
}

/**
 * What is wrong with the case's own finding: it must be on the damaged file, from an expected
 * rule, on the damaged line and, where the case names it, at the damaged text.
 */
function attributionProblems(exp: Expectation, findings: JsonFinding[], dir: string): string[] {
  const lines = exp.text ? linesOf(path.join(dir, exp.file)) : null;
  const atText = (f: JsonFinding): boolean => !exp.text || exp.text.some((t) => (lines?.[f.line - 1] ?? '').slice(f.column - 1).startsWith(t));
  const mine = findings.filter((f) => f.file === exp.file && (!exp.rules || exp.rules.includes(f.ruleId)) && (exp.line === undefined || f.line === exp.line) && atText(f));
  if (mine.length > 0) return [];
  const got = findings.map((f) => `${f.ruleId} ${f.file}:${f.line}:${f.column} ${f.message}`).join('\n    ') || '(none)';
  const at = exp.text ? ` pointing at ${exp.text.map((t) => JSON.stringify(t)).join(' or ')}` : '';
  return [`expected a finding on ${exp.file}${exp.rules ? ` from ${exp.rules.join(' | ')}` : ''}${exp.line !== undefined ? ` at line ${exp.line}` : ''}${at}; got:\n    ${got}`];
}

/** Write the case into its own copy of the base register, validate it, judge it (attribution only when it must fail). */
async function runCase(c: HostileCase, allowed: number[] = [1]): Promise<{ problems: string[]; findings: JsonFinding[]; code: number | undefined }> {
  const dir = tmpDir('govmedia-hostile-');
  try {
    cpSync(template, dir, { recursive: true });
    const exp = c.setup(dir);
    const outcome = await worker.cli(validateArgs(dir), RUN_LIMIT_MS);
    const { problems, findings } = problemsOf(outcome, dir, allowed);
    if (!allowed.includes(0)) problems.push(...attributionProblems(exp, findings, dir));
    return { problems, findings, code: outcome.kind === 'done' ? outcome.run.code : undefined };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

describe('hostile corpus', () => {
  it('has at least 500 cases, deterministic, of every kind the issue lists', () => {
    expect(corpus.length).toBeGreaterThanOrEqual(500);
    const kinds = new Set(corpus.map((c) => c.kind));
    for (const k of ['truncate', 'byte-flip', 'punctuation', 'trailing-comma', 'comment', 'single-quote', 'bad-literal', 'duplicate-key', 'deep-nesting', 'huge', 'long-string', 'huge-array', 'date', 'wrong-type', 'missing', 'unknown-property', 'enum', 'name-chars', 'secret', 'symlink', 'path-traversal', 'schema-ref', 'tree', 'encoding']) {
      expect(kinds, k).toContain(k);
    }
    // the same seed gives the same corpus
    const again = generateCorpus(template);
    expect(again.map((c) => c.name)).toEqual(corpus.map((c) => c.name));
    expect(new Set(corpus.map((c) => c.name)).size).toBe(corpus.length);
  });

  it('the base register is clean (exit 0), so every finding below comes from the damage', async () => {
    const o = await worker.cli(validateArgs(template), RUN_LIMIT_MS);
    const { problems, findings } = problemsOf(o, template, [0]);
    expect(problems).toEqual([]);
    expect(findings).toEqual([]);
  });

  it('the base register with every optional field filled in is clean too (the wrong-type cases start from it)', async () => {
    const dir = tmpDir('govmedia-hostile-full-');
    try {
      cpSync(template, dir, { recursive: true });
      writeFullDocs(dir, fullDocs(baseDocsOf(template)));
      const { problems, findings } = problemsOf(await worker.cli(validateArgs(dir), RUN_LIMIT_MS), dir, [0]);
      expect(problems).toEqual([]);
      expect(findings).toEqual([]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('a run that never ends is cut off by its time limit, and the next run gets a fresh worker', async () => {
    // a limit of half a second: the spin burns a core until it is cut off (2 s cost 2 s of CPU)
    const o = await worker.spin(500);
    expect(o.kind).toBe('hang');
    const after = await worker.cli(validateArgs(template), RUN_LIMIT_MS);
    expect(problemsOf(after, template, [0]).problems).toEqual([]);
  });

  for (const c of corpus) {
    it(`[${c.kind}] ${c.name}`, async () => {
      const r = await runCase(c);
      expect(r.problems).toEqual([]);
      expect(r.code).toBe(1);
    });
  }
});

describe('hostile inputs the checks do not flag today (robustness only; see the report)', () => {
  for (const c of gaps) {
    it(`[gap] ${c.name}: no crash, no hang, located findings`, async () => {
      const r = await runCase(c, [0, 1]);
      expect(r.problems).toEqual([]);
      expect([0, 1]).toContain(r.code);
    });
  }
});

describe('hostile corpus through the real executable', () => {
  // one representative of several kinds, run as `node scripts/govmedia.mjs validate` (text output)
  const kinds = ['truncate', 'deep-nesting', 'name-chars', 'secret', 'symlink', 'encoding'];
  const picked = kinds.map((k) => corpus.find((c) => c.kind === k)).filter((c): c is HostileCase => c !== undefined);
  it('covers the kinds', () => {
    expect(picked.map((c) => c.kind)).toEqual(kinds);
  });
  for (const c of picked) {
    it(`[${c.kind}] ${c.name}`, () => {
      const dir = tmpDir('govmedia-hostile-exe-');
      try {
        cpSync(template, dir, { recursive: true });
        const exp = c.setup(dir);
        const r = cliProcess(['validate', '--root', dir, '--now', NOW]);
        expect(r.code).toBe(1);
        expect(r.err).not.toMatch(/\n\s+at \S/);
        expect(r.out).not.toMatch(/\n\s+at \S/);
        expect(r.err).toBe('');
        const loc = new RegExp(`${exp.file.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}:${exp.line ?? '\\d+'}:\\d+`);
        expect(r.out).toMatch(loc);
        expect(r.out).toMatch(/错误/);
        if (c === picked[0]) {
          const en = cliProcess(['validate', '--root', dir, '--now', NOW, '--lang', 'en']);
          expect(en.code).toBe(1);
          expect(en.out).toMatch(loc);
          expect(en.out).toMatch(/error/);
        }
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    }, 120_000);
  }
});

// ---------------------------------------------------------------------------
// property-based mutations of the sample register's valid account files
// ---------------------------------------------------------------------------

function sampleAccounts(root: string): string[] {
  const out: string[] = [];
  const walk = (d: string): void => {
    for (const name of readdirSync(path.join(root, d)).sort()) {
      const rel = `${d}/${name}`;
      if (statSync(path.join(root, rel)).isDirectory()) walk(rel);
      else if (name.endsWith('.json') && name !== 'unit.json' && name !== 'region.json') out.push(rel);
    }
  };
  walk('accounts');
  return out;
}

describe('property: random structural mutations of valid sample account files', () => {
  it('the validator never throws or hangs; it exits 1 with located findings, or 0 when the mutation kept the file valid', async () => {
    const dir = tmpDir('govmedia-hostile-prop-');
    try {
      cpSync(path.join(ENGINE_ROOT, 'accounts'), path.join(dir, 'accounts'), { recursive: true });
      const files = sampleAccounts(dir);
      expect(files.length).toBeGreaterThan(50);
      const clean = problemsOf(await worker.cli(validateArgs(dir), RUN_LIMIT_MS), dir, [0]);
      expect(clean.problems).toEqual([]);
      let failed = 0;
      let passed = 0;
      await fc.assert(
        fc.asyncProperty(fc.constantFrom(...files), mutationArb, async (rel, m) => {
          const abs = path.join(dir, rel);
          const original = readFileSync(abs);
          const mutated = applyMutation(original.toString('utf8'), m);
          try {
            writeFileSync(abs, mutated.data);
            const o = await worker.cli(validateArgs(dir), RUN_LIMIT_MS);
            const { problems, findings } = problemsOf(o, dir, [0, 1]);
            const code = o.kind === 'done' ? o.run.code : undefined;
            if (mutated.mustFail) {
              if (code !== 1) problems.push(`the mutation cannot be valid, but the exit code is ${String(code)}`);
              if (!findings.some((f) => f.file === rel)) problems.push(`the mutation cannot be valid, but there is no finding on ${rel}`);
            }
            if (problems.length) throw new Error(`${rel}: ${mutated.what}\n  ${problems.join('\n  ')}`);
            if (code === 1) failed++;
            else passed++;
          } finally {
            writeFileSync(abs, original);
          }
        }),
        { numRuns: 250, seed: SEED, endOnFailure: true },
      );
      // both outcomes occur: the property is not vacuous
      expect(failed).toBeGreaterThan(50);
      expect(passed).toBeGreaterThan(0);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 600_000);
});
