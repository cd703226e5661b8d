/**
 * 命令表生成的命令行：--version、每个命令的 --help（选项和退出码，中文在前，--lang en 为英文）、
 * validate 的退出码（只有警告时为 0，--max-warnings 同 ESLint）、汇总只计所检查的路径、英文输出用 ASCII 标点、
 * score/monitor 的运行数据过旧时给出提醒而不按 0 分计。
 *
 * The CLI generated from the command table: --version, each command's --help (options and exit
 * codes), validate's exit code (warnings alone exit 0; --max-warnings as in ESLint), the summary
 * counts what was checked, English output uses ASCII punctuation, stale activity snapshots are
 * warned about in score/monitor instead of scoring everyone 0.
 */
import { readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { COMMAND_TABLE, commandHelp } from '../scripts/commands/table.ts';
import { FixtureKit, openEvents } from '../scripts/dev/fixture.ts';
import { cli, ENGINE_ROOT, tmpDir, writeKit } from './helpers.ts';
import { LOADERS } from '../scripts/cli.ts';
import { UsageError } from '../scripts/core/errors.ts';
import { IMPORT_COLUMNS } from '../scripts/import/import.ts';

const NOW = '2026-11-21';
const dirs: string[] = [];
afterAll(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});
function tmp(): string {
  const d = tmpDir('govmedia-cli-');
  dirs.push(d);
  return d;
}

describe('--version and --help from the command table', () => {
  it('--version prints the package version and exits 0', async () => {
    const version = (JSON.parse(readFileSync(path.join(ENGINE_ROOT, 'package.json'), 'utf8')) as { version: string }).version;
    for (const args of [['--version'], ['validate', '--version']]) {
      const r = await cli(args);
      expect(r.code).toBe(0);
      expect(r.out.trim()).toBe(`govmedia ${version}`);
    }
  });

  it('govmedia --help lists every command of the table and the exit codes', async () => {
    const r = await cli(['--help']);
    expect(r.code).toBe(0);
    for (const c of COMMAND_TABLE) expect(r.out).toContain(`  ${c.name} `);
    expect(r.out).toContain('退出码：');
    expect(r.out).toContain('--version');
  });

  it.each(COMMAND_TABLE.map((c) => c.name))('%s --help lists every option and the exit codes, in Chinese and (--lang en) English', async (name) => {
    const spec = COMMAND_TABLE.find((c) => c.name === name)!;
    const zh = await cli([name, '--help']);
    expect(zh.code).toBe(0);
    expect(zh.err).toBe('');
    expect(zh.out).toContain(`用法：govmedia ${name}`);
    for (const o of Object.keys(spec.options)) expect(zh.out).toContain(`--${o}`);
    expect(zh.out).toContain('退出码：');
    for (const e of spec.exitCodes) expect(zh.out).toContain(`  ${e.code}  ${e.text.zh}`);
    const en = await cli([name, '--help', '--lang', 'en']);
    expect(en.code).toBe(0);
    expect(en.out).toContain(`Usage: govmedia ${name}`);
    expect(en.out).toContain('Exit codes:');
    expect(en.out).not.toMatch(/[：，（）；。]/);
    expect(en.out).toBe(commandHelp(name, 'en') + '\n');
  });

  it('rules --help and gen-types --help only print help (no rule list, no file written)', async () => {
    const types = path.join(ENGINE_ROOT, 'scripts', 'generated', 'types.ts');
    const before = statSync(types).mtimeMs;
    const rules = await cli(['rules', '--help']);
    expect(rules.code).toBe(0);
    expect(rules.out).not.toContain('共 ');
    expect(rules.out).not.toContain('==');
    const gen = await cli(['gen-types', '--help']);
    expect(gen.code).toBe(0);
    expect(gen.out).not.toContain('已生成');
    expect(statSync(types).mtimeMs).toBe(before);
  });

  /** Run a command's own handler (not the dispatcher); a usage error it throws counts as exit 2. */
  async function handler(name: string, args: string[]): Promise<{ code: number; out: string; err: string }> {
    let out = '';
    let err = '';
    const io = { out: (x: string) => void (out += x + '\n'), err: (x: string) => void (err += x + '\n') };
    try {
      const code = await (await LOADERS[name as keyof typeof LOADERS]())(args, io);
      return { code, out, err };
    } catch (e) {
      if (!(e instanceof UsageError)) throw e;
      return { code: 2, out, err: err + e.message + '\n' + (e.en ?? '') };
    }
  }

  it.each(COMMAND_TABLE.map((c) => c.name))('%s parses with its table entry: every option the table lists is accepted, --help is the table\'s help, any other option exits 2 (Chinese; English with --lang en)', async (name) => {
    const spec = COMMAND_TABLE.find((c) => c.name === name)!;
    // every option of the table at once, then --help: the handler must accept them all and only print its help
    const all = Object.entries(spec.options).flatMap(([k, o]) => (k === 'help' ? [] : o.type === 'boolean' ? [`--${k}`] : [`--${k}`, k === 'lang' ? 'zh' : 'x']));
    const help = await handler(name, [...all, '--help']);
    expect(help.err).toBe('');
    expect(help.code).toBe(0);
    expect(help.out).toBe(commandHelp(name, 'zh') + '\n');
    const bad = await handler(name, ['--bogus']);
    expect(bad.code).toBe(2);
    expect(bad.err).toContain('未知选项 --bogus');
    const en = await handler(name, ['--bogus', '--lang', 'en']);
    expect(en.code).toBe(2);
    expect(en.err).toContain('unknown option --bogus');
  });

  it('import --help names the first heading of every column it recognises', async () => {
    const r = await cli(['import', '--help']);
    for (const [field, names] of Object.entries(IMPORT_COLUMNS)) expect(r.out, field).toContain(names[0]!);
  });

  it('an option the table does not list is a usage error (exit 2) naming the command\'s help', async () => {
    const r = await cli(['score', '--bogus']);
    expect(r.code).toBe(2);
    expect(r.err).toContain('未知选项 --bogus');
    expect(r.err).toContain('govmedia score --help');
    const en = await cli(['validate', '--jobs', '--lang', 'en']);
    expect(en.code).toBe(2);
  });
});

/** 示例市: a city department running a live account but with no assessment class: one warning, no error. */
function warningOnlyRegister(): string {
  const k = new FixtureKit();
  k.region('', { name: '全国', level: '国家' });
  k.region('jiangsu', { name: '江苏省', level: '省级' });
  k.region('jiangsu/shili', { name: '江苏省示例市', level: '市级', supervisingOffice: 'sq-bgs', policies: ['jiangsu/city'] });
  k.unit('jiangsu/shili', { id: 'sq-bgs', name: '示例市人民政府办公室', kind: '政府办公室', level: '市级' });
  k.unit('jiangsu/shili', { id: 'sq-wjw', name: '示例市卫生健康委员会', shortName: '市卫健委', kind: '政府部门', level: '市级' });
  k.account('sq-wjw', { id: 'sq-wjw-weixin', name: '健康示例市', platform: '微信公众号', events: openEvents('2026-03-02') });
  return writeKit(k, tmp());
}

describe('validate', () => {
  it('exits 0 when there are warnings but no errors, and says so; --max-warnings 0 makes the warning fail (as in ESLint)', async () => {
    const root = warningOnlyRegister();
    const r = await cli(['validate', '--root', root, '--now', NOW, '--format', 'json']);
    const j = JSON.parse(r.out) as { findings: { severity: string; ruleId: string; message: string }[]; summary: { errors: number; warnings: number } };
    expect(j.summary.errors, JSON.stringify(j.findings)).toBe(0);
    expect(j.summary.warnings).toBeGreaterThan(0);
    expect(j.findings.map((f) => f.ruleId)).toContain('jiangsu-city-notice/scoring-class');
    expect(r.code).toBe(0);
    const strict = await cli(['validate', '--root', root, '--now', NOW, '--max-warnings', '0']);
    expect(strict.code).toBe(1);
    expect(strict.err).toContain(`警告 ${j.summary.warnings} 条，超过 --max-warnings 0。`);
    const loose = await cli(['validate', '--root', root, '--now', NOW, '--max-warnings', String(j.summary.warnings)]);
    expect(loose.code).toBe(0);
    const bad = await cli(['validate', '--root', root, '--now', NOW, '--max-warnings', '-1']);
    expect(bad.code).toBe(2);
    expect(bad.err).toContain('--max-warnings');
  });

  it('exits 1 on an error', async () => {
    const root = warningOnlyRegister();
    const file = path.join(root, 'accounts', 'jiangsu', 'shili', 'sq-wjw', 'sq-wjw-weixin.json');
    writeFileSync(file, readFileSync(file, 'utf8').replace('"name": "健康示例市"', '"name": ""'));
    const r = await cli(['validate', '--root', root, '--now', NOW]);
    expect(r.code).toBe(1);
  });

  it('the summary counts the files under the paths checked, not the whole register', async () => {
    const all = await cli(['validate', '--now', NOW]);
    const one = await cli(['validate', path.join(ENGINE_ROOT, 'accounts', 'sichuan', 'zigong', 'zg-swjw'), '--now', NOW]);
    const count = (s: string): [number, number] => {
      const m = /共检查 (\d+) 个文件、(\d+) 个账号/.exec(s)!;
      return [Number(m[1]), Number(m[2])];
    };
    const [allFiles] = count(all.out);
    const [files, accounts] = count(one.out);
    expect(files).toBeLessThan(allFiles);
    expect(accounts).toBe(files - 1); // the unit's unit.json and its account files
    expect(one.code).toBe(0);
  });

  it('--lang en output uses ASCII punctuation in its own words', async () => {
    const root = warningOnlyRegister();
    const r = await cli(['validate', '--root', root, '--now', NOW, '--lang', 'en']);
    for (const line of r.out.split('\n')) {
      if (/^\s+(rule|fix):/.test(line)) expect(line.replace(/“[^”]*”|"[^"]*"/g, '')).not.toMatch(/[：；。]/);
    }
    expect(r.out).toMatch(/\n\s+rule: jiangsu-city-notice\/scoring-class {4}source: /);
    expect(r.out).toContain('files, ');
  });
});

describe('score and monitor: the activity snapshot\'s date', () => {
  function register(): string {
    return warningOnlyRegister();
  }
  it('a stale snapshot is named with its date and not used (nobody is scored on month-old data)', async () => {
    const root = register();
    const csv = path.join(root, 'activity.csv');
    writeFileSync(csv, 'accountId,lastPost,lastOriginalPost\nsq-wjw-weixin,2026-09-01,2026-09-01\n');
    const r = await cli(['score', '--root', root, '--now', NOW, '--activity', csv, '--format', 'json']);
    expect(r.code).toBe(0);
    expect(r.err).toContain('最近一条记录为 2026-09-01');
    expect(r.err).toContain('已是 81 天前的数据，超过 7 天');
    expect(r.err).toContain('不按 0 分计');
    const j = JSON.parse(r.out) as { reports: { accounts?: unknown }[] };
    expect(JSON.stringify(j)).not.toContain('2026-09-01');
    const m = await cli(['monitor', '--root', root, '--now', NOW, '--activity', csv, '--format', 'json', '--lang', 'en']);
    expect(m.err).toContain('warning: the activity snapshot');
    expect(m.err).toContain('is 81 days old, more than 7');
    // a fresh snapshot is used, its date printed, and gives no warning
    writeFileSync(csv, 'accountId,lastPost,lastOriginalPost\nsq-wjw-weixin,2026-11-20,2026-11-19\n');
    const fresh = await cli(['score', '--root', root, '--now', NOW, '--activity', csv, '--format', 'json']);
    expect(fresh.err).toBe(`运行数据：${csv}（未写明 asOf，最近一条记录为 2026-11-20）。\n`);
    const freshEn = await cli(['monitor', '--root', root, '--now', NOW, '--activity', csv, '--format', 'json', '--lang', 'en']);
    expect(freshEn.err).toBe(`Activity snapshot: ${csv} (no asOf; latest record 2026-11-20).\n`);
    const wide = await cli(['score', '--root', root, '--now', NOW, '--activity', csv, '--stale-days', 'x']);
    expect(wide.code).toBe(2);
  });
});
