/**
 * 命令行与管道、临时目录：读者提前关闭管道时安静结束；测试只使用本次运行自己的临时目录。
 * The CLI and pipes, and the test run's own temporary folder.
 */
import { spawnSync } from 'node:child_process';
import { rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { ENGINE_ROOT } from './helpers.ts';

/** Like a user's `govmedia … | head -c 16`: a real shell pipe whose reader exits early. */
function runAndCloseEarly(args: string[]): { status: number; err: string; head: string } {
  const bin = path.join(ENGINE_ROOT, 'scripts', 'govmedia.mjs');
  const quoted = [process.execPath, bin, ...args].map((a) => `'${a.replace(/'/g, `'\\''`)}'`).join(' ');
  // The shell reports the writer's own exit status (PIPESTATUS) after the reader has gone.
  const script = `${quoted} 2>"$ERRFILE" | head -c 16; echo; echo "status=\${PIPESTATUS[0]}"; cat "$ERRFILE"`;
  const errFile = path.join(os.tmpdir(), `govmedia-pipe-${process.pid}.err`);
  const r = spawnSync('bash', ['-c', script], { cwd: ENGINE_ROOT, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1', ERRFILE: errFile } });
  const [head = '', rest = ''] = r.stdout.split('\nstatus=');
  const status = Number(rest.split('\n')[0]);
  const err = rest.split('\n').slice(1).join('\n');
  rmSync(errFile, { force: true });
  return { status, err, head };
}

describe('a reader that closes the pipe early (`govmedia … | head`)', () => {
  it('ends quietly: no stack trace, no "EPIPE" on stderr, exit 0', () => {
    // The sample register's export (~110 KB) is well over a pipe buffer (64 KiB).
    const r = runAndCloseEarly(['export', '--format', 'json']);
    expect(r.head).toMatch(/^\{/);
    expect(r.err).not.toMatch(/EPIPE|Error|\n\s+at /);
    expect(r.status).toBe(0);
  });
});

/**
 * Several commands in one shell (one process start from the test), each as `govmedia … | <reader>`:
 * `true` exits at once, so the reader is gone before the command's first write (the command takes
 * far longer to start than `true` to end); `head -c 16` reads a little and leaves mid-stream.
 */
function pipeline(cases: { args: string[]; reader: 'true' | 'head -c 16' }[]): { status: number; err: string; head: string }[] {
  const bin = path.join(ENGINE_ROOT, 'scripts', 'govmedia.mjs');
  const q = (a: string): string => `'${a.replace(/'/g, `'\\''`)}'`;
  const errFile = path.join(os.tmpdir(), `govmedia-pipes-${process.pid}.err`);
  const script = cases
    .map((c, i) => {
      const cmd = [process.execPath, bin, ...c.args].map(q).join(' ');
      return `: >"$ERRFILE"; echo "@@${i}"; ${cmd} 2>"$ERRFILE" | ${c.reader}; echo; echo "status=\${PIPESTATUS[0]}"; cat "$ERRFILE"`;
    })
    .join('\n');
  const r = spawnSync('bash', ['-c', script], { cwd: ENGINE_ROOT, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1', ERRFILE: errFile }, timeout: 300_000 });
  rmSync(errFile, { force: true });
  return r.stdout
    .split(/^@@\d+\n/m)
    .slice(1)
    .map((part) => {
      const [head = '', rest = ''] = part.split('\nstatus=');
      return { head, status: Number(rest.split('\n')[0]), err: rest.split('\n').slice(1).join('\n') };
    });
}

const inGit = spawnSync('git', ['rev-parse', '--git-dir'], { cwd: ENGINE_ROOT }).status === 0;

describe('every command whose reader has gone ends quietly (issue 17: `govmedia history … | head` crashed with EPIPE)', () => {
  const NOW = '2026-11-20';
  const cases: { name: string; args: string[]; reader: 'true' | 'head -c 16'; codes: number[] }[] = [
    ...(inGit ? [{ name: 'history (text)', args: ['history', 'zlj-wxjjd-weixin', '--repo', ENGINE_ROOT], reader: 'true' as const, codes: [0] }] : []),
    ...(inGit ? [{ name: 'history --format json', args: ['history', 'zlj-wxjjd-weixin', '--repo', ENGINE_ROOT, '--format', 'json'], reader: 'true' as const, codes: [0] }] : []),
    { name: 'validate', args: ['validate', '--now', NOW], reader: 'true', codes: [0] },
    { name: 'rules', args: ['rules'], reader: 'true', codes: [0] },
    // ~100 KB, well over a pipe's buffer: the reader leaves while the command is still writing
    { name: 'rules --format json | head', args: ['rules', '--format', 'json'], reader: 'head -c 16', codes: [0] },
    { name: 'audit', args: ['audit', '--now', NOW], reader: 'true', codes: [0, 1] },
    { name: 'monitor', args: ['monitor', '--now', NOW], reader: 'true', codes: [0, 1] },
    { name: 'export --format csv', args: ['export', '--format', 'csv'], reader: 'true', codes: [0] },
  ];
  let results: ReturnType<typeof pipeline> = [];
  beforeAll(() => {
    results = pipeline(cases);
  }, 300_000);

  it('ran every case', () => {
    expect(results).toHaveLength(cases.length);
  });
  cases.forEach((c, i) => {
    it(`${c.name}: no stack trace, no "EPIPE", an ordinary exit code`, () => {
      const r = results[i]!;
      expect(r.err).not.toMatch(/EPIPE|Error|\n\s+at /);
      expect(c.codes).toContain(r.status);
      if (c.reader === 'head -c 16') expect(r.head).toMatch(/^[[{]/);
    });
  });
});

describe('the test run’s temporary folder', () => {
  it('is a folder of this run (removed whole by tests/global-setup.ts), not the system one', () => {
    expect(path.basename(os.tmpdir())).toMatch(/^govmedia-testrun-/);
  });
});
