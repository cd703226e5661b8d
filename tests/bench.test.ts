/**
 * 基准测试的数据生成器（小规模）：生成的登记簿检查无误、历史提交数正确、每个提交只改一个账号、
 * 人员全部虚构；CPU 剖析汇总能找出真实剖析中的热点函数。不做任何计时断言。
 * The benchmark's generator at a small size: the register validates clean, the history has the
 * expected number of commits, one account per commit, everyone fictitious; the profile summariser
 * finds the hot function of a real profile. No timing assertions.
 */
import { spawnSync } from 'node:child_process';
import { appendFileSync, cpSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { cmdCheckPr } from '../scripts/commands/check-pr.ts';
import { validateSource } from '../scripts/pipeline/pipeline.ts';
import { defaultJobs, PARALLEL_MIN_FILES } from '../scripts/pipeline/parallel.ts';
import { FsSource } from '../scripts/core/source.ts';
import type { AccountFile } from '../scripts/generated/types.ts';
import { audit } from '../scripts/history/audit.ts';
import { buildRegister, historyRepo, snapshotRepo } from '../scripts/bench/generate.ts';
import { readProfile, summarizeProfile } from '../scripts/bench/profile.ts';
import { EngineChanged, engineGuard, enoughRuns, failReason, faultNote, hasTimeTool, highestPeak, innerTimed, limits, measurePair, MIN_RUNS, median, oneLang, pairRatios, pairRow, parseTimeV, schemaBound, settingsFrom, SPREAD_NOTED, spreadNote, targetLine, threadsCompared, watchEngine, type Measured, type Row, type Section } from '../scripts/bench/run.ts';
import { ENGINE_PATHS, writeEngineIds } from '../scripts/pr/engine-ids.ts';
import { ENGINE_ROOT, gitSync, tmpDir } from './helpers.ts';

const NOW = '2026-11-20';
const dirs: string[] = [];
afterAll(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

const git = gitSync;

function accountFiles(root: string): string[] {
  const out: string[] = [];
  const walk = (d: string): void => {
    for (const e of readdirSync(d, { withFileTypes: true })) {
      const p = path.join(d, e.name);
      if (e.isDirectory()) walk(p);
      else if (e.name !== 'unit.json' && e.name !== 'region.json') out.push(p);
    }
  };
  walk(path.join(root, 'accounts'));
  return out;
}

describe('bench generator: history repository', () => {
  const base = tmpDir('govmedia-bench-test-');
  dirs.push(base);
  // made on first use: a filtered run (-t) that skips these tests neither builds it nor races its removal
  let made: ReturnType<typeof historyRepo> | undefined;
  const ready = (): ReturnType<typeof historyRepo> => (made ??= historyRepo(path.join(base, 'h'), { accounts: 200, commits: 300 }));

  it('builds a register of exactly 200 accounts that validates clean, with the policy series bound', async () => {
    const h = await ready();
    expect(h.accounts).toBe(200);
    const r = await validateSource(new FsSource(h.dir), { now: NOW });
    expect(r.findings).toEqual([]);
    expect(r.summary.accounts).toBe(200);
    expect(r.summary.files).toBe(h.files);
    const bound = new Set([...r.register.regions.values()].flatMap((x) => x.data.policies));
    expect([...bound].sort()).toEqual(['anhui/luan', 'chongqing/qijiang', 'jiangsu/city', 'liaoning', 'sichuan/zigong']);
    // the policies apply: every area has accounts
    for (const area of ['sichuan/zigong/', 'anhui/luan/', 'jiangsu/lianyungang/', 'chongqing/qijiang/', 'liaoning/']) {
      expect(r.register.accounts.some((a) => a.file.rel.startsWith(`accounts/${area}`))).toBe(true);
    }
  });

  it('the schema-only reference reads, parses and schema-checks every file with the compiled validators, and counts an invalid one', async () => {
    const h = await ready();
    const ref = path.join(ENGINE_ROOT, 'scripts', 'bench', 'floor-schema.mjs');
    const run = (root: string): { status: number | null; out: Record<string, unknown> | undefined; err: string } => {
      const r = spawnSync(process.execPath, [ref, root], { encoding: 'utf8' });
      const last = r.stdout.trim().split('\n').pop();
      return { status: r.status, out: last ? (JSON.parse(last) as Record<string, unknown>) : undefined, err: r.stderr };
    };
    // npm test builds dist/ first; the reference needs it and says so when it is missing
    if (!existsSync(path.join(ENGINE_ROOT, 'dist', 'scripts', 'generated', 'validators.js'))) {
      expect(run(h.dir)).toMatchObject({ status: 2, err: expect.stringContaining('npm run build') });
      return;
    }
    const clean = run(h.dir);
    expect(clean.status, clean.err).toBe(0);
    expect(clean.out).toMatchObject({ files: h.files, invalid: 0 });
    expect(typeof clean.out!.ms).toBe('number');
    // a copy with one account of the wrong shape (and one unit.json missing a required field): two invalid files, the same count
    const copy = tmpDir('govmedia-bench-schema-');
    dirs.push(copy);
    cpSync(path.join(h.dir, 'accounts'), path.join(copy, 'accounts'), { recursive: true });
    const account = accountFiles(copy)[0]!;
    writeFileSync(account, JSON.stringify({ ...(JSON.parse(readFileSync(account, 'utf8')) as object), platform: 123 }));
    const unit = path.join(copy, 'accounts', readdirSync(path.join(copy, 'accounts'), { recursive: true }).map(String).find((f) => path.basename(f) === 'unit.json')!);
    const { name: _name, ...noName } = JSON.parse(readFileSync(unit, 'utf8')) as Record<string, unknown>;
    writeFileSync(unit, JSON.stringify(noName));
    expect(run(copy).out).toMatchObject({ files: h.files, invalid: 2 });
    // no register given: a usage error, not a stack trace
    const bad = spawnSync(process.execPath, [ref], { encoding: 'utf8' });
    expect(bad.status).toBe(2);
    expect(bad.stderr).toContain('用法');
    expect(bad.stderr).not.toMatch(/\n\s+at /);
  });

  it('the floor and the schema-only reference end with exit 2 and the file they could not read, never a stack trace', () => {
    const root = tmpDir('govmedia-bench-floor-bad-');
    dirs.push(root);
    mkdirSync(path.join(root, 'accounts', 'sichuan'), { recursive: true });
    writeFileSync(path.join(root, 'accounts', 'sichuan', 'bad.json'), '{"id": "x",');
    for (const script of ['floor-read.mjs', 'floor-schema.mjs']) {
      const run = (dir: string): ReturnType<typeof spawnSync> => spawnSync(process.execPath, [path.join(ENGINE_ROOT, 'scripts', 'bench', script), dir], { encoding: 'utf8' });
      const bad = run(root);
      expect(bad.status, script).toBe(2);
      expect(bad.stderr, script).toContain(`无法读取 / cannot read ${path.join(root, 'accounts', 'sichuan', 'bad.json')}`);
      expect(bad.stderr, script).not.toMatch(/\n\s+at /);
      // no accounts/ folder at all: the same, naming the folder
      const none = run(path.join(root, 'accounts', 'sichuan'));
      expect(none.status, script).toBe(2);
      expect(none.stderr, script).toContain(path.join(root, 'accounts', 'sichuan', 'accounts'));
      expect(none.stderr, script).not.toMatch(/\n\s+at /);
    }
  });

  it('the in-process timing child runs the engine the CLI runs (compiled when current) and reports the same counts', async () => {
    const h = await ready();
    const distModule = '../scripts/dist.mjs';
    const { compiledEntry } = (await import(distModule)) as { compiledEntry: (rel: string) => string | undefined };
    const child = path.join(ENGINE_ROOT, 'scripts', 'bench', 'child.mjs');
    const r = spawnSync(process.execPath, [child, 'validate', h.dir, NOW], { encoding: 'utf8' });
    expect(r.status, r.stderr).toBe(0);
    const out = JSON.parse(r.stdout.trim().split('\n').pop()!) as Record<string, unknown>;
    expect(out).toMatchObject({ compiled: Boolean(compiledEntry('scripts/cli.js')), accounts: 200, files: h.files, errors: 0, warnings: 0, notices: 0 });
    expect(typeof out.ms).toBe('number');
    // the CPU by thread (Linux /proc): the judging thread's share is part of the whole
    if (process.platform === 'linux') {
      const cpu = out.cpu as { mainMs: number; runningMs: number; endedMs: number; totalMs: number };
      for (const k of ['mainMs', 'runningMs', 'endedMs', 'totalMs'] as const) expect(cpu[k], k).toBeGreaterThanOrEqual(0);
      expect(cpu.mainMs).toBeGreaterThan(0);
      expect(cpu.mainMs + cpu.runningMs).toBeLessThanOrEqual(cpu.totalMs + 20);
    }
    // a wrong call is a usage error (2) with the usage line, not a stack trace
    const bad = spawnSync(process.execPath, [child, 'validate'], { encoding: 'utf8' });
    expect(bad.status).toBe(2);
    expect(bad.stderr).toContain('usage: child.mjs validate <root> <now>');
    expect(bad.stderr).not.toMatch(/\n\s+at /);
  });

  it('has the expected commits: the first with everything, then one account file per commit, in time order', async () => {
    const h = await ready();
    expect(h.commits).toBe(301);
    expect(Number(git(h.dir, ['rev-list', '--count', 'HEAD']).trim())).toBe(301);
    const root = git(h.dir, ['rev-list', '--max-parents=0', 'HEAD']).trim();
    const perCommit = git(h.dir, ['log', '--format=@%ct', '--name-only', `${root}..HEAD`])
      .split('@')
      .filter(Boolean)
      .map((c) => c.trim().split('\n').filter(Boolean));
    expect(perCommit).toHaveLength(300);
    const times = perCommit.map((c) => Number(c[0]));
    for (const c of perCommit) {
      expect(c.slice(1)).toHaveLength(1);
      expect(c[1]).toMatch(/^accounts\/.+\.json$/);
    }
    // newest first: committer times never increase going back
    for (let i = 1; i < times.length; i++) expect(times[i]!).toBeLessThanOrEqual(times[i - 1]!);
    expect(git(h.dir, ['status', '--porcelain']).trim()).toBe('');
    expect(h.hottest.commits).toBeGreaterThan(1);
    expect(Number(git(h.dir, ['rev-list', '--count', 'HEAD', '--', h.hottest.rel]).trim())).toBe(h.hottest.commits);
  });

  it('keeps everyone fictitious', async () => {
    const h = await ready();
    for (const f of accountFiles(h.dir)) {
      const a = JSON.parse(readFileSync(f, 'utf8')) as AccountFile;
      if (!a.team) continue;
      const people = [a.team.principal, a.team.inCharge, ...(a.team.sectionHead ? [a.team.sectionHead] : []), ...a.team.operators];
      for (const p of people) {
        expect(p.name).toMatch(/^.某某（虚构）$/);
        expect(p.mobile).toMatch(/^1300000\d{4}$/);
        expect(p.officePhone).toMatch(/^0000-000\d{4}$/);
      }
    }
  });

  it('is a history the audit finds nothing wrong with', async () => {
    const h = await ready();
    const since = git(h.dir, ['rev-parse', 'HEAD~60']).trim();
    const r = await audit(h.dir, { since, engineRoot: ENGINE_ROOT });
    expect(r.commits).toBe(60);
    expect(r.broken).toEqual([]);
    expect(r.warned).toEqual([]);
  });
});

describe('bench generator: change and closure filings in the history', () => {
  const base = tmpDir('govmedia-bench-test-');
  dirs.push(base);
  // more filings than the bench's 2% + 2%, so that a small history has them in every area
  let made: ReturnType<typeof historyRepo> | undefined;
  const ready = (): ReturnType<typeof historyRepo> => (made ??= historyRepo(path.join(base, 'f'), { accounts: 200, commits: 300, filingRate: 0.2 }));
  const eventsOf = (a: AccountFile): string[] => a.events.map((e) => e.type);

  it('files renames (变更备案 with the supervisor\'s 主管审核) and closures (关停备案 … 平台注销, 系统填报 关停) in every area, 六安 closures only', async () => {
    const h = await ready();
    expect(h.filings.close).toBeGreaterThan(0);
    expect(h.filings.rename).toBeGreaterThan(0);
    for (const area of ['sichuan', 'anhui', 'jiangsu', 'chongqing', 'liaoning']) expect(h.filings.byArea[area]?.close ?? 0).toBeGreaterThan(0);
    for (const area of ['sichuan', 'jiangsu', 'liaoning']) expect(h.filings.byArea[area]?.rename ?? 0).toBeGreaterThan(0);
    // 六安: one name on every platform, no exception (第十三条): no single account is renamed
    expect(h.filings.byArea.anhui?.rename ?? 0).toBe(0);
    const subjects = git(h.dir, ['log', '--format=%s']).split('\n');
    expect(subjects.filter((x) => x.includes('：变更备案，账号名称由')).length).toBe(h.filings.rename);
    expect(subjects.filter((x) => x.includes('：关停备案、注销公告、平台注销')).length).toBe(h.filings.close);
    const docs = accountFiles(h.dir).map((f) => JSON.parse(readFileSync(f, 'utf8')) as AccountFile);
    const closed = docs.filter((a) => eventsOf(a).includes('关停备案'));
    expect(closed).toHaveLength(h.filings.close);
    for (const a of closed) {
      const ev = eventsOf(a).slice(eventsOf(a).indexOf('关停备案'));
      expect(ev).toContain('主管审核');
      expect(ev).toContain('注销公告');
      expect(ev.slice(-2)).toEqual(['平台注销', '系统填报']);
      expect(a.events.at(-1)).toMatchObject({ type: '系统填报', action: '关停' });
    }
    const renamed = docs.filter((a) => eventsOf(a).includes('变更备案'));
    expect(renamed).toHaveLength(h.filings.rename);
    for (const a of renamed) {
      const filing = a.events.find((e) => e.type === '变更备案')!;
      expect(filing.changes?.[0]).toMatchObject({ field: '账号名称', to: a.name });
      const after = eventsOf(a).slice(eventsOf(a).indexOf('变更备案'));
      expect(after).toContain('主管审核');
      expect(after).toContain('平台变更');
      expect(a.events.find((e, i) => i > a.events.indexOf(filing) && e.type === '系统填报')).toMatchObject({ action: '变更' });
    }
  });

  it('validates clean, and the audit finds nothing wrong with any commit', async () => {
    const h = await ready();
    const r = await validateSource(new FsSource(h.dir), { now: NOW });
    expect(r.findings).toEqual([]);
    const root = git(h.dir, ['rev-list', '--max-parents=0', 'HEAD']).trim();
    const au = await audit(h.dir, { since: root, engineRoot: ENGINE_ROOT, now: NOW });
    expect(au.commits).toBe(300);
    expect(au.broken).toEqual([]);
    expect(au.warned).toEqual([]);
  });

  it('runs the closure rules on the generated filings: a 六安 announcement cut to 20 working days is an error', async () => {
    const h = await ready();
    const file = accountFiles(h.dir).find((f) => f.includes(`${path.sep}anhui${path.sep}`) && readFileSync(f, 'utf8').includes('"关停备案"'))!;
    expect(file).toBeDefined();
    const before = readFileSync(file, 'utf8');
    try {
      const a = JSON.parse(before) as AccountFile;
      const ann = a.events.find((e) => e.type === '注销公告')!;
      ann.announcementDays = 20;
      writeFileSync(file, JSON.stringify(a, null, 2) + '\n');
      const r = await validateSource(new FsSource(h.dir), { now: NOW });
      expect(r.findings.map((f) => f.ruleId)).toContain('luan-2021-148/announcement-period');
    } finally {
      writeFileSync(file, before);
    }
  });
});

describe('bench generator: account names at full scale', () => {
  it('gives no two units the same account name on one platform at 100,000 accounts (阜新 and 连云港 both have a 海州区)', () => {
    const reg = buildRegister({ accounts: 100_000 });
    const owner = new Map<string, string>();
    const clashes: string[] = [];
    for (const a of reg.accounts) {
      const key = `${a.doc.platform} ${a.doc.name}`;
      const u = owner.get(key);
      if (u !== undefined && u !== a.doc.hostUnit) clashes.push(`${key}: ${u} / ${a.doc.hostUnit}`);
      owner.set(key, a.doc.hostUnit);
    }
    expect(clashes.slice(0, 5)).toEqual([]);
    // the renamed ones keep their unit's name in them, with the city in front
    expect(reg.accounts.some((a) => a.doc.name === '阜新海州财政' || a.doc.name === '连云港海州财政' || a.doc.name.endsWith('海州财政'))).toBe(true);
  }, 60_000);
});

describe('bench generator: one-commit register with a pull-request branch', () => {
  it('validates clean, and branch pr changes one account in a way check-pr accepts', async () => {
    const base = tmpDir('govmedia-bench-test-');
    dirs.push(base);
    const s = await snapshotRepo(path.join(base, 's'), { accounts: 200 });
    const r = await validateSource(new FsSource(s.dir), { now: NOW });
    expect(r.findings).toEqual([]);
    expect(r.summary.accounts).toBe(200);
    expect(Number(git(s.dir, ['rev-list', '--count', 'main']).trim())).toBe(1);
    expect(git(s.dir, ['diff', '--name-status', 'main', 'pr']).trim()).toBe(`M\t${s.changed}`);
    let out = '';
    const code = await cmdCheckPr(['--engine', 'self', '--base', 'main', '--head', 'pr', '--repo', s.dir, '--now', NOW, '--format', 'json'], { out: (x) => void (out += x), err: () => undefined });
    expect(code).toBe(0);
    expect(out).toContain('信息报备');
    // branch pr-rename: one account renamed through a whole 变更备案, which check-pr accepts and looks up in the name index
    expect(s.renamed).toBeDefined();
    expect(git(s.dir, ['diff', '--name-status', 'main', s.renamed!.ref]).trim()).toBe(`M\t${s.renamed!.rel}`);
    const before = JSON.parse(git(s.dir, ['show', `main:${s.renamed!.rel}`])) as AccountFile;
    const after = JSON.parse(git(s.dir, ['show', `${s.renamed!.ref}:${s.renamed!.rel}`])) as AccountFile;
    expect(after.name).not.toBe(before.name);
    expect(after.events.slice(before.events.length).map((e) => e.type)).toEqual(expect.arrayContaining(['变更备案', '主管审核', '平台变更', '系统填报']));
    let renamedOut = '';
    const renamedCode = await cmdCheckPr(['--engine', 'self', '--base', 'main', '--head', s.renamed!.ref, '--repo', s.dir, '--now', NOW, '--format', 'json'], { out: (x) => void (renamedOut += x), err: () => undefined });
    expect(renamedCode, renamedOut.slice(0, 2000)).toBe(0);
    const report = JSON.parse(renamedOut) as { changes: { kind: string }[] };
    expect(report.changes.map((c) => c.kind)).toEqual(['key-change']);
    expect(existsSync(path.join(s.dir, '.git', 'govmedia', 'names'))).toBe(true);
  });

  it('with prSizes and the engine: branches pr-N change N accounts and check-pr runs with its default engine', async () => {
    const base = tmpDir('govmedia-bench-test-');
    dirs.push(base);
    const s = await snapshotRepo(path.join(base, 's'), { accounts: 200, prSizes: [20], engine: true, engineRepo: ENGINE_ROOT });
    expect(s.engine).toBe(true);
    expect([...s.branches]).toEqual([['pr', 1], ['pr-20', 20]]);
    expect(git(s.dir, ['diff', '--name-only', 'main', 'pr-20']).trim().split('\n')).toHaveLength(20);
    // main holds the engine byte for byte: the same tree id as the engine's own HEAD
    expect(git(s.dir, ['rev-parse', 'main:policies']).trim()).toBe(git(ENGINE_ROOT, ['rev-parse', 'HEAD:policies']).trim());
    const record = path.join(base, 'record.json');
    const code = await cmdCheckPr(['--base', 'main', '--head', 'pr-20', '--repo', s.dir, '--now', NOW, '--format', 'json', '--record', record], { out: () => undefined, err: () => undefined });
    expect(code).toBe(0);
    const rec = JSON.parse(readFileSync(record, 'utf8')) as { changes: unknown[]; engine: { source: string } };
    expect(rec.changes).toHaveLength(20);
    expect(rec.engine.source).toBe('base');
  });
});

describe('bench: paired, alternating measurement', () => {
  it('runs a command and its floor in alternation, both orders, after one warm-up each', async () => {
    const dir = tmpDir('govmedia-bench-pair-');
    dirs.push(dir);
    const order = path.join(dir, 'order.txt');
    writeFileSync(order, '');
    const step = (name: string) => ({ label: name, cmd: process.execPath, args: ['-e', `require('fs').appendFileSync(${JSON.stringify(order)}, ${JSON.stringify(name)})`] });
    const [a, b] = await measurePair(step('A'), step('B'), settingsFrom({ BENCH_RUNS: '3' }));
    // warm-up A B, then A B, B A, A B
    expect(readFileSync(order, 'utf8')).toBe('ABABBAAB');
    for (const m of [a, b]) {
      expect(m.runs).toBe(3);
      expect(m.minMs).toBeLessThanOrEqual(m.ms);
      expect(m.failed).toBeUndefined();
    }
    // the i-th counted runs of A and B ran next to each other: they pair up (each run prints, as
    // its own time, how many runs had started by then: A 3, 6, 7 and B 4, 5, 8)
    writeFileSync(order, '');
    const counted = (name: string) => ({ ...step(name), args: ['-e', `const fs = require('fs'); fs.appendFileSync(${JSON.stringify(order)}, ${JSON.stringify(name)}); console.log(JSON.stringify({ ms: fs.readFileSync(${JSON.stringify(order)}, 'utf8').length }))`] });
    const [ca, cb] = await measurePair(counted('A'), counted('B'), settingsFrom({ BENCH_RUNS: '3' }));
    expect([innerTimed(ca).paired?.times, innerTimed(cb).paired?.times]).toEqual([[3, 6, 7], [4, 5, 8]]);
    expect(pairRatios(innerTimed(ca), innerTimed(cb))).toEqual([3 / 4, 6 / 5, 7 / 8]);
    // wall times pair up the same way, one per counted run
    expect(pairRatios(ca, cb)).toHaveLength(3);
    // runs of two different calls do not pair, whatever their count
    expect(pairRatios(a, cb)).toBeUndefined();
    // a command's `before` runs before each of its runs, warm-up included (e.g. removing a cache)
    writeFileSync(order, '');
    await measurePair({ ...step('A'), before: () => appendFileSync(order, 'a') }, step('B'), settingsFrom({ BENCH_RUNS: '3' }));
    expect(readFileSync(order, 'utf8')).toBe('aABaABBaAaAB');
  });

  it('counts each run\'s page faults (/usr/bin/time -v) and reports their median: 32 MiB written shows as 8,192 more faults', async () => {
    const write = { label: 'write 32 MiB', cmd: process.execPath, args: ['-e', 'Buffer.allocUnsafeSlow(32 << 20).fill(1)'] };
    const idle = { label: 'node -e 0', cmd: process.execPath, args: ['-e', '0'] };
    const [a, b] = await measurePair(write, idle, settingsFrom({ BENCH_RUNS: '3' }));
    // without the tool nothing is counted (and nothing is made up)
    if (!hasTimeTool()) return void expect([a.faults, b.faults]).toEqual([undefined, undefined]);
    expect(a.last.minorFaults).toBeGreaterThan(b.faults!);
    // with transparent huge pages always on, 32 MiB may fault in 2 MiB pieces: only the order holds there
    let thp = '';
    try {
      thp = readFileSync('/sys/kernel/mm/transparent_hugepage/enabled', 'utf8');
    } catch {
      /* not Linux */
    }
    if (thp.includes('[always]')) return void expect(a.faults!).toBeGreaterThan(b.faults!);
    expect(a.faults! - b.faults!).toBeGreaterThanOrEqual(8192);
    // 64 MiB of pages would be twice as many: the count is the process's own, not a guess
    expect(a.faults! - b.faults!).toBeLessThan(2 * 8192);
  });

  it('reads the peak memory and the minor page faults from /usr/bin/time -v, and only what it prints', () => {
    const report = ['\tCommand being timed: "node -e 0"', '\tMaximum resident set size (kbytes): 52340', '\tMajor (requiring I/O) page faults: 3', '\tMinor (reclaiming a frame) page faults: 2166', '\tExit status: 0'].join('\n');
    expect(parseTimeV(report)).toEqual({ rssKB: 52340, minorFaults: 2166 });
    // the major faults are not the minor ones; a report without either gives neither
    expect(parseTimeV('\tMajor (requiring I/O) page faults: 3\n')).toEqual({});
    expect(parseTimeV('')).toEqual({});
  });

  it('prices validate\'s page faults beyond the floor\'s at this machine\'s cost of a first write to a page', () => {
    const cli = { faults: 66_000, ms: 5500 };
    const floor = { faults: 15_000 };
    const touch = { firstUs: 11, againUs: 0.2 };
    const n = faultNote(cli, floor, 100_000, touch)!;
    expect(n.zh).toBe('缺页（/usr/bin/time -v 的 Minor page faults，成对运行的中位数）：validate（命令行）66,000 次（每个文件 0.66 次），基线 15,000 次（每个文件 0.15 次）。按本机每页第一次写入 11.00 微秒（见“机器”）计，多出的 51,000 次约合 0.56 秒 CPU（validate 命令行中位数 5.50 s）：基线读一个文件、解析后即丢弃，validate 要为后续规则保留每个账号的几个字段，保留得越多，碰到的新内存页越多。');
    expect(n.en).toContain('the 51,000 more come to about 0.56 s of CPU');
    // no probe result: the counts alone, no price
    expect(faultNote(cli, floor, 100_000, undefined)!.zh).toBe('缺页（/usr/bin/time -v 的 Minor page faults，成对运行的中位数）：validate（命令行）66,000 次（每个文件 0.66 次），基线 15,000 次（每个文件 0.15 次）。');
    // no more faults than the floor: nothing to price
    expect(faultNote({ faults: 10_000, ms: 1000 }, floor, 100_000, touch)!.zh).not.toContain('约合');
    // a count missing on either side: no sentence at all
    expect(faultNote({ ms: 5500 }, floor, 100_000, touch)).toBeUndefined();
    expect(faultNote(cli, {}, 100_000, touch)).toBeUndefined();
  });

  it('page-touch.mjs measures a first and a second write to 64 MiB of fresh memory, per 4 KiB page', () => {
    const r = spawnSync(process.execPath, [path.join(ENGINE_ROOT, 'scripts', 'bench', 'page-touch.mjs')], { encoding: 'utf8' });
    expect(r.status, r.stderr).toBe(0);
    const j = JSON.parse(r.stdout) as { firstUs: number; againUs: number; pages: number };
    expect(j.pages).toBe(16384);
    expect(j.firstUs).toBeGreaterThan(0);
    expect(j.againUs).toBeGreaterThan(0);
    // a first write includes the page fault; writing the same pages again is cheaper
    expect(j.firstUs).toBeGreaterThan(j.againUs);
  });

  it('stops when the engine is changed while it runs: a stale build, or a file touched (no row would measure what it says)', async () => {
    const dir = tmpDir('govmedia-bench-guard-');
    dirs.push(dir);
    for (const p of ENGINE_PATHS) {
      if (p.endsWith('.json')) writeFileSync(path.join(dir, p), '{}\n');
      else {
        mkdirSync(path.join(dir, p), { recursive: true });
        writeFileSync(path.join(dir, p, 'a.ts'), `// ${p}\n`);
      }
    }
    const source = path.join(dir, 'scripts', 'a.ts');
    const past = new Date(Date.now() - 3600_000);
    utimesSync(source, past, past);
    const stamp = path.join(dir, 'stamp');
    writeFileSync(stamp, '');
    const idsFile = path.join(dir, 'engine-ids.json');
    writeEngineIds(dir, ENGINE_PATHS, idsFile);
    // as scripts/dist.mjs judges it: no source newer than the build's stamp
    const isCurrent = (): boolean => statSync(source).mtimeMs <= statSync(stamp).mtimeMs;
    const order = path.join(dir, 'order.txt');
    const step = (name: string, js = '') => ({ label: name, cmd: process.execPath, args: ['-e', `require('fs').appendFileSync(${JSON.stringify(order)}, ${JSON.stringify(name)});${js}`] });
    try {
      // unchanged: the pair runs to the end
      watchEngine(await engineGuard(dir, idsFile, isCurrent));
      writeFileSync(order, '');
      await measurePair(step('A'), step('B'), settingsFrom({ BENCH_RUNS: '3' }));
      expect(readFileSync(order, 'utf8')).toBe('ABABBAAB');
      // B edits a source in its warm-up: nothing runs after it
      writeFileSync(order, '');
      const edit = `require('fs').appendFileSync(${JSON.stringify(source)}, '// edited\\n')`;
      const stale = measurePair(step('A'), step('B', edit), settingsFrom({ BENCH_RUNS: '3' }));
      await expect(stale).rejects.toThrow(EngineChanged);
      await expect(stale).rejects.toThrow('编译版已不是最新');
      expect(readFileSync(order, 'utf8')).toBe('AB');
      // the same content back, its time in the past (the build still current): the kept ids no longer hold
      writeFileSync(source, '// scripts\n');
      utimesSync(source, past, past);
      watchEngine(await engineGuard(dir, idsFile, isCurrent));
      writeFileSync(order, '');
      const touch = `require('fs').utimesSync(${JSON.stringify(source)}, new Date(${past.getTime() - 60_000}), new Date(${past.getTime() - 60_000}))`;
      await expect(measurePair(step('A', touch), step('B'), settingsFrom({ BENCH_RUNS: '3' }))).rejects.toThrow('修改时间');
      expect(readFileSync(order, 'utf8')).toBe('A');
    } finally {
      watchEngine(undefined);
    }
  });

  it('never counts fewer than 3 runs, whatever BENCH_RUNS says', () => {
    expect(settingsFrom({ BENCH_RUNS: '1' }).runs).toBe(3);
    expect(settingsFrom({ BENCH_RUNS: '5' }).runs).toBe(5);
  });

  it('calls a row met only when the medians and the fastest runs both meet the target, on 3 runs or more', () => {
    const m = (ms: number, minMs: number, runs = 3): Measured => ({ ms, minMs, runs, rssKB: undefined, code: 0, last: { ms, rssKB: undefined, code: 0, stdout: '', stderr: '' } });
    const floor = { zh: '基线', en: 'floor' };
    const what = { zh: '命令', en: 'command' };
    expect(pairRow('k', what, m(140, 130), m(100, 100), floor, 1.5).met).toBe(true);
    // the median meets 1.5×, the fastest run does not: not met
    expect(pairRow('k', what, m(140, 160), m(100, 100), floor, 1.5).met).toBe(false);
    // one run is never a verdict
    expect(pairRow('k', what, m(100, 100, 1), m(100, 100), floor, 1.5).met).toBe(false);
    const r = pairRow('k', what, m(50, 40), m(1000, 900), { zh: '完整 validate', en: 'a full validate' }, 0.1, true);
    expect(r).toMatchObject({ met: true, ratio: '5.0%（最快之比 4.4% / min 4.4%）', target: { zh: '≤ 完整 validate的 10%', en: '≤ 10% of a full validate' } });
  });

  it('reports the median and range of the per-pair ratios beside the verdict, and never lets them decide it', () => {
    const call = {};
    const m = (times: number[], withCall: object = call): Measured => {
      const sorted = [...times].sort((x, y) => x - y);
      return { ms: median(times), minMs: sorted[0]!, runs: times.length, rssKB: undefined, code: 0, last: { ms: times.at(-1)!, rssKB: undefined, code: 0, stdout: '', stderr: '' }, paired: { with: withCall, times } };
    };
    const floor = { zh: '读取+JSON.parse，整个进程', en: 'read+parse, whole process' };
    const what = { zh: '命令', en: 'command' };
    // the machine slowed down in the middle pair, for both sides: the medians (170 / 100) miss
    // 1.5x, while the pairs' own ratios are 1.3x, 1.45x and 1.7x
    const ours = m([130, 290, 170]);
    const theirs = m([100, 200, 100]);
    expect(pairRatios(ours, theirs)).toEqual([1.3, 1.45, 1.7]);
    const row = pairRow('k', what, ours, theirs, floor, 1.5);
    // the verdict is the medians' and the fastest runs' ratios, as before
    expect(row.met).toBe(false);
    expect(oneLang(row.ratio, 'zh')).toBe('1.70×（最快之比 1.30×；逐对之比中位数 1.45×，1.30×–1.70×）');
    expect(oneLang(row.ratio, 'en')).toBe('1.70× (min 1.30×; per-pair median 1.45×, 1.30×–1.70×)');
    // as a share of the floor, in percent
    expect(oneLang(pairRow('k', what, m([50, 60, 70]), m([1000, 1000, 1000]), floor, 0.1, true).ratio, 'en')).toBe('6.0% (min 5.0%; per-pair median 6.0%, 5.0%–7.0%)');
    // measured in two different calls, or a failed side, or a single pair: nothing about pairs is said
    expect(pairRatios(ours, m([100, 200, 100], {}))).toBeUndefined();
    expect(pairRatios(ours, { ...theirs, failed: 'exit 2' })).toBeUndefined();
    expect(pairRatios(m([140]), m([100]))).toBeUndefined();
    expect(pairRow('k', what, ours, m([100, 200, 100], {}), floor, 1.5).ratio).toBe('1.70×（最快之比 1.30× / min 1.30×）');
  });

  it('names the validate targets that lie below what the schema-only reference reached, and only those', () => {
    const goal = (zh: string): { zh: string; en: string } => ({ zh, en: zh });
    const cases = [
      { goal: goal('命令行'), factor: 1.5, bound: 1.53 },
      { goal: goal('--jobs 1'), factor: 2, bound: 1.53 },
      { goal: goal('ajv-cli'), factor: 0.5, bound: 0.54 },
    ];
    const b = schemaBound(cases);
    expect(b.zh).toBe('以下目标低于只做模式校验的参考程序本身所达到的比值（它不做 validate 的其他任何检查）：命令行 ≤ 1.5×，参考程序 1.53×；ajv-cli ≤ 0.5×，参考程序 0.54×。');
    expect(b.en).toContain('命令行 ≤ 1.5×, the reference 1.53×; ajv-cli ≤ 0.5×, the reference 0.54×');
    expect(b.zh).not.toContain('--jobs 1');
    // every target above the reference; a target whose reference failed (undefined) is left out
    expect(schemaBound([{ goal: goal('命令行'), factor: 1.5, bound: 1.2 }, { goal: goal('ajv-cli'), factor: 0.5, bound: undefined }]).zh).toBe('各目标都高于只做模式校验的参考程序所达到的比值。');
    expect(schemaBound([{ goal: goal('命令行'), factor: 1.5, bound: undefined }]).zh).toBe('只做模式校验的参考程序没有测得结果。');
    // equal is not below
    expect(schemaBound([{ goal: goal('命令行'), factor: 1.5, bound: 1.5 }]).zh).toBe('各目标都高于只做模式校验的参考程序所达到的比值。');
    // the report's “what limits” list carries it for a section with a missed target, not for one without
    const row = (key: string, met: boolean | undefined): Row => ({ key, what: goal(key), ours: '1 s', floor: '1 s', ratio: '1×', target: goal('≤ 1×'), met, rss: '—' });
    const sections: Section[] = [
      { title: goal('validate：10,000 个账号'), rows: [row('validate-10000-cli', false)], bound: b },
      { title: goal('validate：100,000 个账号'), rows: [row('validate-100000-cli', true)], bound: { zh: '不应出现', en: 'must not appear' } },
    ];
    const why = limits({ sections, profiles: [] } as unknown as Parameters<typeof limits>[0]);
    expect(why[0]!.zh).toBe(`validate：10,000 个账号：${b.zh}`);
    expect(why.map((w) => w.zh).join('\n')).not.toContain('不应出现');
  });

  it('needs 3 runs of every measurement of a row (memory rows too) before calling it met', () => {
    expect(MIN_RUNS).toBe(3);
    expect(enoughRuns({ runs: 3 }, { runs: 5 })).toBe(true);
    expect(enoughRuns({ runs: 3 }, { runs: 1 })).toBe(false);
    expect(enoughRuns({ runs: 1 })).toBe(false);
  });

  it('takes the peak memory of a command measured in several rows as the highest of all its runs', () => {
    const m = (rssKB: number | undefined, runs = 3, failed?: string): Measured => ({ ms: 1, minMs: 1, runs, rssKB, code: 0, last: { ms: 1, rssKB, code: 0, stdout: '', stderr: '' }, ...(failed ? { failed } : {}) });
    // the validate rows' runs peaked at 238 MiB, a check-pr row's full validate at 324 MiB: 324, over all 9 runs
    expect(highestPeak([m(238 * 1024), m(239 * 1024), m(324 * 1024)])).toMatchObject({ rssKB: 324 * 1024, runs: 9 });
    // a measurement without a peak does not hide the others'; none at all: no peak
    expect(highestPeak([m(undefined), m(200 * 1024, 4)])).toMatchObject({ rssKB: 200 * 1024, runs: 7 });
    expect(highestPeak([m(undefined)]).rssKB).toBeUndefined();
    // a failed run anywhere fails the row
    expect(highestPeak([m(100 * 1024), m(90 * 1024, 3, 'exit code 2')]).failed).toBe('exit code 2');
    expect(highestPeak([m(100 * 1024)]).failed).toBeUndefined();
  });
});

describe('bench helpers', () => {
  /** The summary of a real CPU profile of `code` run as <dir>/<name> by this Node. */
  function profileOf(name: string, code: string, top: number): ReturnType<typeof summarizeProfile> {
    const dir = tmpDir('govmedia-bench-prof-');
    dirs.push(dir);
    const script = path.join(dir, name);
    writeFileSync(script, code);
    const r = spawnSync(process.execPath, ['--cpu-prof', `--cpu-prof-dir=${dir}`, script], { encoding: 'utf8' });
    expect(r.status, r.stderr).toBe(0);
    const file = readdirSync(dir).find((f) => f.endsWith('.cpuprofile'));
    expect(file).toBeDefined();
    return summarizeProfile(readProfile(path.join(dir, file!)), dir, top);
  }

  it('summarises a real CPU profile: the busy function is on top', () => {
    // bounded by work, not by the clock: on a loaded machine a clock-bounded loop gets little CPU
    // and the start-up's garbage collections (with the time the process waited for a core) outweigh it
    const sum = profileOf('busy.mjs', 'function burnTheCpu() { let x = 0; for (let j = 0; j < 1500; j++) for (let i = 0; i < 1e5; i++) x += Math.sqrt(i + j); return x; }\nconsole.log(burnTheCpu());\n', 5);
    expect(sum.totalMs).toBeGreaterThan(200);
    expect(sum.functions[0]!.name).toBe('burnTheCpu');
    expect(sum.functions[0]!.where).toBe('busy.mjs:1');
    // on top by a clear margin; not a fixed share, which a loaded machine (other processes' samples) lowers
    expect(sum.functions[0]!.pct).toBeGreaterThan(2 * (sum.functions[1]?.pct ?? 0));
    expect(sum.files[0]!.where).toBe('busy.mjs');
  });

  it('counts a sleep in Atomics.wait inside a waiting function as idle, not as work (a real profile)', () => {
    // 400 ms asleep in the reader's own waiting function, then some work of a function of another name
    // (bounded by work, as above: 300 rounds were too little on a loaded machine, where module
    // resolution at start-up outweighed them)
    const sum = profileOf('wait.mjs', 'const state = new Int32Array(new SharedArrayBuffer(8));\nfunction blockedUntilTaken(s, taken) { Atomics.wait(s, 0, taken, 400); }\nfunction burnTheCpu() { let x = 0; for (let j = 0; j < 1500; j++) for (let i = 0; i < 1e5; i++) x += Math.sqrt(i + j); return x; }\nblockedUntilTaken(state, 0);\nconsole.log(burnTheCpu());\n', 10);
    // the sleep is idle time of the thread, and in no table of work
    expect(sum.threads[0]!.idleMs).toBeGreaterThan(300);
    expect(sum.busyMs).toBeLessThan(sum.totalMs - 300);
    expect(sum.functions.map((f) => f.name)).not.toContain('blockedUntilTaken');
    expect(sum.functions.some((f) => f.name.includes('wait'))).toBe(false);
    expect(sum.functions[0]!.name).toBe('burnTheCpu');
  });

  it('compares one judging thread with as many as validate would use, only where --jobs N runs threads at all', () => {
    // below PARALLEL_MIN_FILES `--jobs N` checks in one thread: nothing to compare
    expect(threadsCompared(PARALLEL_MIN_FILES - 1, 2)).toBeUndefined();
    expect(threadsCompared(1169, 8)).toBeUndefined();
    // on 2 cores (this machine kind) two threads; never fewer than two, never more than the rule's 4
    expect(threadsCompared(PARALLEL_MIN_FILES, 2)).toBe(2);
    expect(threadsCompared(11_667, 1)).toBe(2);
    // from 4 cores: what validate itself would use there (defaultJobs)
    for (const cores of [4, 6, 16]) expect(threadsCompared(116_263, cores)).toBe(defaultJobs(cores));
  });

  it('reads its sizes from the environment', () => {
    const small = settingsFrom({ BENCH_SMALL: '1' });
    expect([small.accounts, small.large, small.commits, small.doc]).toEqual([1000, 5000, 2000, undefined]);
    const full = settingsFrom({});
    expect([full.accounts, full.large, full.commits]).toEqual([10000, 100000, 20000]);
    expect(full.doc).toBe(path.join(ENGINE_ROOT, 'docs', 'benchmarks.md'));
    expect(settingsFrom({ BENCH_ACCOUNTS: '300', BENCH_COMMITS: '50' })).toMatchObject({ accounts: 300, commits: 50 });
    expect(() => settingsFrom({ BENCH_COMMITS: 'many' })).toThrow(/positive integer/);
  });

  it('says in one line why a command failed', () => {
    const oom = failReason({ ms: 307_000, code: 134, stderr: '<--- Last few GCs --->\n\nFATAL ERROR: Ineffective mark-compacts near heap limit Allocation failed - JavaScript heap out of memory\n 1: 0xb78db3 node::OOMErrorHandler\n' }, 'exit code 134');
    expect(oom).toBe('exit 134 after 307.0 s: Ineffective mark-compacts near heap limit Allocation failed - JavaScript heap out of memory');
    expect(failReason({ ms: 1500, code: 2, stderr: '用法错误：--lang 只能是 zh 或 en\n' }, 'exit code 2')).toBe('exit 2 after 1.50 s: exit code 2: 用法错误：--lang 只能是 zh 或 en');
  });

  it('takes medians and splits bilingual cells', () => {
    expect(median([5, 1, 3])).toBe(3);
    expect(median([4, 1, 3, 2])).toBe(2.5);
    expect(oneLang('1.2 s（读取+JSON.parse / read+parse）', 'zh')).toBe('1.2 s（读取+JSON.parse）');
    expect(oneLang('1.2 s（读取+JSON.parse / read+parse）', 'en')).toBe('1.2 s (read+parse)');
    expect(oneLang('14 ms（`git diff`）', 'en')).toBe('14 ms (`git diff`)');
  });

  it('calls out a command whose medians spread by 1.15x or more over its pairs in one run, and only then', () => {
    const what = { zh: '100,000 个账号的 validate（命令行）', en: 'validate (CLI) at 100,000 accounts' };
    // this stop's noisy run: the same command's medians over eight pairs
    const run2 = [8500, 6080, 7400, 7040, 5420, 5370, 5550, 6930].map((ms) => ({ ms }));
    const n = spreadNote(what, run2)!;
    expect(n.zh).toBe('同一条命令在本次运行中并不稳定：100,000 个账号的 validate（命令行）在 8 组成对测量中的中位数从 5.37 s 到 8.50 s（相差 1.58 倍）。与它成对的各行是否达标，可能取决于落在运行的哪一段；请以同一组命令的手动复现为准。');
    expect(n.en).toContain('ranged from 5.37 s to 8.50 s (1.58× apart)');
    // steady (under 1.15x apart): nothing to say
    expect(spreadNote(what, [{ ms: 5130 }, { ms: 5320 }, { ms: 5800 }])).toBeUndefined();
    // a failed measurement is not a median; one measurement is no spread
    expect(spreadNote(what, [{ ms: 5130 }, { ms: 9000, failed: 'exit 2' }])).toBeUndefined();
    expect(spreadNote(what, [{ ms: 5130 }])).toBeUndefined();
    expect(SPREAD_NOTED).toBe(1.15);
  });

  it('writes each line of the list of targets in one language: its cells, its ratio and its punctuation', () => {
    const floor = { zh: '读取+JSON.parse，整个进程', en: 'read+parse, whole process' };
    const m = (ms: number, minMs: number): Measured => ({ ms, minMs, runs: 3, rssKB: 240 * 1024, code: 0, last: { ms, rssKB: 240 * 1024, code: 0, stdout: '', stderr: '' } });
    const row = pairRow('validate-100000-jobs1', { zh: 'govmedia validate --jobs 1（命令行，一个检查线程）', en: 'govmedia validate --jobs 1 (CLI, one judging thread)' }, m(5880, 5390), m(4060, 3800), floor, 2);
    const sec = { title: { zh: 'validate：100,000 个账号', en: 'validate: 100,000 accounts' } };
    expect(targetLine(sec, row, 'zh')).toBe('- **达标** — validate：100,000 个账号：govmedia validate --jobs 1（命令行，一个检查线程），5.88 s（最快 5.39 s） / 1.45×（最快之比 1.42×）（目标 ≤ 2×（读取+JSON.parse，整个进程））');
    expect(targetLine(sec, row, 'en')).toBe('- **met** — validate: 100,000 accounts: govmedia validate --jobs 1 (CLI, one judging thread), 5.88 s (min 5.39 s) / 1.45× (min 1.42×) (target ≤ 2× (read+parse, whole process))');
    // no Chinese in the English line, whatever the cells held
    expect(targetLine(sec, row, 'en')).not.toMatch(/[\u3000-\u9fff\uff00-\uffef]/);
    // the memory rows' share of 400 MiB, in each language
    expect(oneLang('61%（占 400 MiB / of 400 MiB）', 'zh')).toBe('61%（占 400 MiB）');
    expect(oneLang('61%（占 400 MiB / of 400 MiB）', 'en')).toBe('61% (of 400 MiB)');
  });
});
