/**
 * 命令行与管道、临时目录：读者提前关闭管道时安静结束；测试只使用本次运行自己的临时目录。
 * The CLI and pipes, and the test run's own temporary folder.
 */
import { spawnSync } from 'node:child_process';
import { rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
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

describe('the test run’s temporary folder', () => {
  it('is a folder of this run (removed whole by tests/global-setup.ts), not the system one', () => {
    expect(path.basename(os.tmpdir())).toMatch(/^govmedia-testrun-/);
  });
});
