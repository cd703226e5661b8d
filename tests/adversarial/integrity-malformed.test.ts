/**
 * 对抗测试二：检查程序不因数据崩溃。畸形的账号、单位、地区文件（议题列出的形状和生成器生成的
 * 更多形状）经 check-pr 和 audit，都成为带位置的检查结果（退出码 1），不出现“内部错误”（退出码 2）；
 * check-pr 始终写出摘要和裁决记录；历史中的一个坏文件不会让整个审计中断。
 *
 * Adversarial suite, part 2: the check never crashes on data (issue 12, item 2).
 */
import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, onTestFinished } from 'vitest';
import type { AccountFile } from '../../scripts/generated/types.ts';
import { classifyAccount, classifyUnit } from '../../scripts/pr/classify.ts';
import { cli, tmpDir } from '../helpers.ts';
import { makeBaseRepo } from '../pr-harness.ts';
import { auditFindings, expectAuditBroken, expectRefused, expectSane, runAudit, runScenario, unitDirOfAccount, type Repo } from './integrity-harness.ts';
import { generatedShapes, NAMED_SHAPES, namedShapes } from './integrity-shapes.ts';

let repo: Repo;
let valid: AccountFile;

beforeAll(async () => {
  repo = await makeBaseRepo();
  valid = repo.read(repo.find('zg-swjw-weibo'));
}, 300_000);

afterAll(() => {
  if (repo) rmSync(repo.dir, { recursive: true, force: true });
});

const BAD = /^(register\/schema|register\/json-syntax|register\/id-path|pr\/unreadable-file)$/;

function located(run: { json: { findings: { ruleId: string; file: string; severity: string }[] } }, file: string): string[] {
  return run.json.findings.filter((f) => f.file === file && f.severity === 'error').map((f) => f.ruleId);
}

describe('a changed account file of every malformed shape is a located finding, never an internal error', () => {
  for (const shape0 of NAMED_SHAPES) {
    const name = shape0.name;
    it(`changed to ${name}`, async () => {
      const shape = { text: shape0.make(valid) };
      let p = '';
      const run = await runScenario(repo, [
        (r) => {
          p = r.find('zg-swjw-weibo');
          r.write(p, shape.text);
        },
      ]);
      expectSane(run, run.json.findings);
      const rules = located(run, p);
      expect(rules.some((x) => BAD.test(x)), `a schema or syntax finding on ${p}; got ${JSON.stringify(run.json.findings.map((f) => `${f.ruleId} ${f.file}`))}`).toBe(true);
      const f = run.json.findings.find((x) => x.file === p && BAD.test(x.ruleId))!;
      expect(f.citation === null || typeof f.citation === 'string').toBe(true);
      expect(run.json.verdict).toBe('fail');
      expect(run.code).toBe(1);
    });
  }

  it('every named shape as a new account file, all in one PR', async () => {
    const shapes = namedShapes(valid);
    const files: string[] = [];
    const run = await runScenario(repo, [
      (r) => {
        const dir = unitDirOfAccount(r, 'zg-swjw-weibo');
        shapes.forEach((s, i) => {
          const p = `${dir}/zg-swjw-bad${i}.json`;
          files.push(p);
          r.write(p, s.text);
        });
      },
    ]);
    expectSane(run, run.json.findings);
    for (const p of files) expect(located(run, p).length, `${p} has an error`).toBeGreaterThan(0);
    expect(run.code).toBe(1);
  });

  it('the generator: every field of an account set to every wrong type or removed, as new files in one PR', async () => {
    const shapes = generatedShapes(valid);
    expect(shapes.length).toBeGreaterThan(150);
    const files: string[] = [];
    const run = await runScenario(repo, [
      (r) => {
        const dir = unitDirOfAccount(r, 'zg-swjw-weibo');
        shapes.forEach((s, i) => {
          const p = `${dir}/zg-swjw-gen${i}.json`;
          files.push(p);
          r.write(p, s.text);
        });
      },
    ], { labels: ['govmedia/bulk-change'] });
    expectSane(run, run.json.findings);
    const missing = files.filter((p) => located(run, p).length === 0);
    expect(missing, 'every generated file carries an error of its own').toEqual([]);
    expect(run.code).toBe(1);
  }, 300_000);

  it('the generator, in process: classifyAccount and classifyUnit never throw on any shape', () => {
    const shapes = [...namedShapes(valid), ...generatedShapes(valid)];
    for (const s of shapes) {
      let v: unknown;
      try {
        v = JSON.parse(s.text);
      } catch {
        v = undefined;
      }
      for (const [status, base, head] of [['M', valid, v], ['M', v, valid], ['A', undefined, v], ['D', v, undefined], ['R', valid, v]] as const) {
        expect(() => classifyAccount(status, 'accounts/sichuan/zigong/zg-swjw/zg-swjw-weibo.json', status === 'R' ? 'accounts/sichuan/zigong/zg-szf/zg-swjw-weibo.json' : undefined, base as AccountFile, head as AccountFile, (id) => id), `${s.name} ${status}`).not.toThrow();
        expect(() => classifyUnit(status, 'accounts/sichuan/zigong/zg-swjw/unit.json', base as never, head as never, true), `${s.name} unit ${status}`).not.toThrow();
      }
    }
  });
});

describe('malformed unit and region files', () => {
  const cases: [string, (r: Repo) => string, string][] = [
    ['unit.json = {}', (r) => `${unitDirOfAccount(r, 'zg-swjw-weibo')}/unit.json`, '{}\n'],
    ['unit.json reviewers as a string', (r) => `${unitDirOfAccount(r, 'zg-swjw-weibo')}/unit.json`, JSON.stringify({ $schema: '../../../../schemas/unit.schema.json', id: 'zg-swjw', name: '自贡市卫生健康委员会', kind: '政府部门', level: '市级', region: 'sichuan/zigong', reviewers: '@attacker' })],
    ['unit.json = []', (r) => `${unitDirOfAccount(r, 'zg-swjw-weibo')}/unit.json`, '[]\n'],
    ['region.json with a numeric id', () => 'accounts/sichuan/zigong/region.json', '{"id": 5, "name": 5, "policies": 5}\n'],
    ['region.json = null', () => 'accounts/sichuan/zigong/region.json', 'null\n'],
  ];
  for (const [label, where, text] of cases) {
    it(label, async () => {
      let p = '';
      const run = await runScenario(repo, [
        (r) => {
          p = where(r);
          r.write(p, text);
        },
      ]);
      expectSane(run, run.json.findings);
      expect(located(run, p).some((x) => BAD.test(x)), JSON.stringify(run.json.findings.map((f) => `${f.ruleId} ${f.file}`))).toBe(true);
      expect(run.code).toBe(1);
    });
  }
});

describe('check-pr always writes its summary and decision record', () => {
  it('for a PR of malformed files, the summary and the record are written and name the finding', async () => {
    const out = tmpDir('govmedia-adv-record-');
    try {
      const summary = path.join(out, 'summary.md');
      const record = path.join(out, 'record.json');
      const run = await runScenario(repo, [(r) => r.write(r.find('zg-swjw-weibo'), '{"events":[null]}\n')], { extraArgs: ['--summary', summary, '--record', record] });
      expectRefused(run, { rule: 'register/schema', file: 'zg-swjw-weibo.json' });
      expect(existsSync(summary)).toBe(true);
      expect(readFileSync(summary, 'utf8')).toContain('不能合并');
      expect(readFileSync(summary, 'utf8')).toContain('zg-swjw-weibo.json');
      const rec = JSON.parse(readFileSync(record, 'utf8')) as { verdict: { result: string }; findings: { introduced: { ruleId: string }[] } };
      expect(rec.verdict.result).toBe('fail');
      expect(rec.findings.introduced.map((f) => f.ruleId)).toContain('register/schema');
    } finally {
      rmSync(out, { recursive: true, force: true });
    }
  });
});

describe('check-pr writes a failing summary and record even when the judge itself fails', () => {
  it('a base engine that crashes: exit 2, yet the summary says the check did not finish and the record can never be approved', async () => {
    const out = tmpDir('govmedia-adv-fallback-');
    try {
      const summary = path.join(out, 'summary.md');
      const record = path.join(out, 'record.json');
      const run = await runScenarioRaw(
        [(r) => r.edit(r.find('zg-swjw-weibo'), (a) => void a.events.push({ type: '信息报备', date: '2026-11-19', changes: [{ field: '联系电话', from: '旧号码', to: '新号码' }] }))],
        { engine: 'base', extraArgs: ['--summary', summary, '--record', record], prepareMain: (r) => r.write('scripts/pr/check.ts', `throw new Error('模拟的内部错误');\n${readFileSync(r.abs('scripts/pr/check.ts'), 'utf8')}`) },
      );
      expect(run.code).toBe(2);
      expect(readFileSync(summary, 'utf8')).toContain('检查未能完成');
      const rec = JSON.parse(readFileSync(record, 'utf8')) as { verdict: { result: string }; approvals: { reviewers: string[] }[] };
      expect(rec.verdict.result).toBe('fail');
      const reviews = path.join(out, 'reviews.json');
      writeFileSync(reviews, JSON.stringify([{ user: { login: 'someone' }, state: 'APPROVED', submitted_at: '2026-11-20T01:00:00Z' }]));
      const ca = await cli(['check-approvals', '--record', record, '--reviews', reviews, '--author', 'author-z']);
      expect(ca.code).toBe(1);
    } finally {
      rmSync(out, { recursive: true, force: true });
    }
  }, 180_000);
});

/** Like runScenario, for a run that prints no JSON (exit 2). */
async function runScenarioRaw(steps: ((r: Repo) => void)[], opts: { engine: 'base' | 'self'; extraArgs: string[]; prepareMain?: (r: Repo) => void }): Promise<{ code: number; out: string; err: string }> {
  try {
    await runScenario(repo, steps, opts);
    throw new Error('expected no JSON output');
  } catch (e) {
    const m = /did not print JSON \(exit (\d+)\)/.exec(String((e as Error).message));
    if (!m) throw e;
    return { code: Number(m[1]), out: '', err: String((e as Error).message) };
  }
}

describe('audit does not die on bad blobs in history', () => {
  it('each malformed commit is listed as broken, and the commits after them are still judged', async () => {
    const shapes = namedShapes(valid).slice(0, 8);
    const out = tmpDir('govmedia-adv-audit-');
    const record = path.join(out, 'audit.json');
    onTestFinished(() => rmSync(out, { recursive: true, force: true }));
    const run = await runAudit(repo, [
      ...shapes.map((s) => ({ subject: `坏文件 ${s.name}`, step: (r: Repo) => r.write(r.find('zg-swjw-weibo'), s.text) })),
      { subject: '文件夹取代账号', step: (r: Repo) => {
        const p = r.find('zg-szf-douyin');
        r.rm(p);
        r.write(`${p}/a.json`, '{}');
      } },
      { subject: '之后删除另一个账号', step: (r: Repo) => r.rm(r.find('zg-sgaj-weibo')) },
    ], { extraArgs: ['--record', record] });
    const rec = JSON.parse(readFileSync(record, 'utf8')) as { result: string; broken: unknown[] };
    expect(rec.result).toBe('fail');
    expect(rec.broken.length).toBe(run.json.broken.length);
    expectSane(run, auditFindings(run));
    expect(run.json.judged).toBe(shapes.length + 2);
    for (const s of shapes.slice(0, 1)) expectAuditBroken(run, `坏文件 ${s.name}`, { rule: 'register/schema', file: 'zg-swjw-weibo.json' });
    // every malformed commit is listed (a later one may be judged against an already broken base)
    for (const s of shapes) expect(run.json.broken.map((c) => c.subject), s.name).toContain(`坏文件 ${s.name}`);
    expectAuditBroken(run, '文件夹取代账号', { rule: 'pr/deleted-account', file: 'zg-szf-douyin.json' });
    expectAuditBroken(run, '之后删除另一个账号', { rule: 'pr/deleted-account', text: '删除了账号文件' });
    // the account's own history reads through the same bad versions without crashing
    const h = await cli(['history', 'zg-swjw-weibo', '--repo', repo.dir, '--rev', run.branch, '--format', 'json']);
    expect(h.err).toBe('');
    expect(h.code).toBe(0);
    expect((JSON.parse(h.out) as { entries: unknown[] }).entries.length).toBeGreaterThanOrEqual(shapes.length);
  }, 300_000);
});
