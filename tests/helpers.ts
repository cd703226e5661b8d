/**
 * 测试辅助：在临时目录中写出真实的登记簿，调用真实的命令行。
 * Test helpers: real registers in temporary folders, the real CLI in-process or as a process.
 */
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { main } from '../scripts/cli.ts';
import { ENGINE_ROOT } from '../scripts/core/paths.ts';
import { FixtureKit } from '../scripts/dev/fixture.ts';
import { writeKit } from './support/tester.ts';
import { tmpDir } from './support/tmp.ts';

export { ENGINE_ROOT };

/** A temporary folder, removed when the test file ends (tests/support/tmp.ts). */
export { tmpDir };

/** A small valid register (no policy bound): 四川/自贡, office, department, one WeChat account. */
export function baseKit(): FixtureKit {
  const k = new FixtureKit();
  k.region('', { name: '全国', level: '国家' });
  k.region('sichuan', { name: '四川省', level: '省级' });
  k.region('sichuan/zigong', { name: '四川省自贡市', level: '市级', supervisingOffice: 'zg-bgs' });
  k.unit('sichuan/zigong', { id: 'zg-bgs', name: '自贡市人民政府办公室', kind: '政府办公室' });
  k.unit('sichuan/zigong', { id: 'zg-wjw', name: '自贡市卫生健康委员会', kind: '政府部门' });
  k.account('zg-wjw', { id: 'zg-wjw-weixin', name: '健康自贡', platform: '微信公众号' });
  return k;
}

export interface CliResult {
  code: number;
  out: string;
  err: string;
}

/** What a command handler writes, captured line by line (each line ends with a newline), with its exit code. */
export async function captureIo(call: (io: { out(s: string): void; err(s: string): void }) => Promise<number>): Promise<CliResult> {
  let out = '';
  let err = '';
  const code = await call({ out: (s) => void (out += s + '\n'), err: (s) => void (err += s + '\n') });
  return { code, out, err };
}

/** Run the CLI in-process. */
export async function cli(args: string[]): Promise<CliResult> {
  return captureIo((io) => main(args, io));
}

/** Run the real `govmedia` executable as a child process. */
export function cliProcess(args: string[], cwd = ENGINE_ROOT, input?: string): CliResult {
  const r = spawnSync(process.execPath, [path.join(ENGINE_ROOT, 'scripts', 'govmedia.mjs'), ...args], { cwd, encoding: 'utf8', input, env: { ...process.env, NO_COLOR: '1' }, timeout: 120_000 });
  return { code: r.status ?? -1, out: r.stdout, err: r.stderr };
}

export { writeKit };

/** Run git in a folder and return its stdout; throws with git's stderr when it fails. */
export function gitSync(dir: string, args: string[]): string {
  const r = spawnSync('git', args, { cwd: dir, encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`git ${args.join(' ')}: ${r.stderr}`);
  return r.stdout;
}
