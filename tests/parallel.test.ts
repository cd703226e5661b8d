/**
 * 并行检查与单线程检查结果完全一致（包括跨份的重复编号、单位文件夹以外的杂项文件）。
 * Parallel validation finds exactly what single-threaded validation finds.
 */
import { cpSync, mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { validateSource } from '../scripts/pipeline/pipeline.ts';
import { validateParallel } from '../scripts/pipeline/parallel.ts';
import { FsSource } from '../scripts/core/source.ts';
import { snapshotRepo } from '../scripts/bench/generate.ts';
import { cliProcess, ENGINE_ROOT, tmpDir } from './helpers.ts';

const key = (f: { ruleId: string; file: string; line: number; column: number; message: { zh: string } }): string => `${f.file}:${f.line}:${f.column} ${f.ruleId} ${f.message.zh}`;

describe('parallel validation', () => {
  it('gives the same findings as one thread, on a register with problems in several places', async () => {
    const dir = tmpDir('govmedia-par-');
    cpSync(path.join(ENGINE_ROOT, 'accounts'), path.join(dir, 'accounts'), { recursive: true });
    // a duplicate account id in two provinces (two shares), a stray file in a region folder,
    // a folder that is neither region nor unit, a broken file, a second live account on a platform
    const a = JSON.parse((await import('node:fs')).readFileSync(path.join(dir, 'accounts/sichuan/zigong/zg-szf/zg-szf-weibo.json'), 'utf8')) as Record<string, unknown>;
    writeFileSync(path.join(dir, 'accounts/jiangsu/shili/sq-zf/zg-szf-weibo.json'), JSON.stringify({ ...a, hostUnit: 'sq-zf', $schema: '../../../../schemas/account.schema.json' }, null, 2));
    writeFileSync(path.join(dir, 'accounts/anhui/备注.txt'), '说明');
    mkdirSync(path.join(dir, 'accounts/liaoning/tmp'));
    writeFileSync(path.join(dir, 'accounts/liaoning/tmp/x.json'), '{}');
    writeFileSync(path.join(dir, 'accounts/chongqing/qijiang/qj-zf/qj-zf-weibo.json'), '{\n  "id": "qj-zf-weibo",\n');
    const single = await validateSource(new FsSource(dir), { now: '2026-11-21' });
    const par = await validateParallel(dir, { engineRoot: ENGINE_ROOT, now: '2026-11-21', jobs: 3, minFiles: 0 });
    expect(par).toBeDefined();
    expect(single.findings.length).toBeGreaterThanOrEqual(5);
    expect(par!.findings.map(key)).toEqual(single.findings.map(key));
    expect(par!.summary.errors).toBe(single.summary.errors);
  }, 120_000);

  it('the command checks a large register in several threads (--jobs 2; the default from 4 cores) with the same result as --jobs 1', async () => {
    const dir = tmpDir('govmedia-par-cli-');
    const repo = await snapshotRepo(path.join(dir, 'r'), { accounts: 3600 });
    expect(repo.files).toBeGreaterThanOrEqual(4000);
    // problems in two different places: a broken file and an account id used twice
    const files = (await import('node:fs')).readdirSync(path.join(repo.dir, 'accounts/sichuan/zigong'), { recursive: true }).map(String).filter((f) => f.endsWith('-weixin.json'));
    writeFileSync(path.join(repo.dir, 'accounts/sichuan/zigong', files[0]!), '{\n  "id": ');
    const other = (await import('node:fs')).readdirSync(path.join(repo.dir, 'accounts/liaoning'), { recursive: true }).map(String).find((f) => f.endsWith('-weibo.json'))!;
    const dup = path.join(repo.dir, 'accounts/liaoning', path.dirname(other), path.basename(files[1]!));
    writeFileSync(dup, '{}');
    const run = (extra: string[]): { code: number; findings: string[]; files: number } => {
      const r = cliProcess(['validate', '--root', repo.dir, '--format', 'json', '--now', '2026-11-20', ...extra]);
      const j = JSON.parse(r.out) as { findings: { ruleId: string; file: string; line: number; column: number; message: string }[]; summary: { files: number } };
      return { code: r.code, findings: j.findings.map((f) => `${f.file}:${f.line}:${f.column} ${f.ruleId} ${f.message}`), files: j.summary.files };
    };
    const par = run(['--jobs', '2']); // several threads (the default on a machine with 4 cores or more)
    const one = run(['--jobs', '1']);
    expect(par.code).toBe(1);
    expect(par.files).toBe(repo.files + 1);
    expect(par.findings.length).toBeGreaterThanOrEqual(2);
    expect(par.findings).toEqual(one.findings);
  }, 300_000);

  it('is not used for small registers', async () => {
    expect(await validateParallel(ENGINE_ROOT, { engineRoot: ENGINE_ROOT, now: '2026-11-21', jobs: 2 })).toBeUndefined();
  });
});
