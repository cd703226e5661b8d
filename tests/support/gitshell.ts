/**
 * 测试用的常驻 shell：每个临时仓库一个 sh 进程，测试搭建仓库时的 git 命令都由它启动。
 * 从测试进程（数百 MB）直接启动一个 git 约需 12 毫秒 CPU，从小小的 sh 启动约 5 毫秒。
 * A resident shell for building test repositories: one `sh` per temporary repository, reading
 * commands on its standard input, so the harness's git processes are started by a small shell
 * (~5 ms of CPU each here) instead of forking the test process (~12 ms each). Values are quoted
 * with single quotes (any text, no expansion), never spliced in raw. Every shell is ended when
 * its test file ends (tests/support/cleanup.ts), and on its own when the worker goes away.
 */
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';

/** A value as one shell word: single-quoted, any character allowed. */
export function shQuote(s: string): string {
  return `'${s.replace(/'/g, `'\\''`)}'`;
}

const MARK = '__govmedia_gitshell_done__';
const open = new Set<GitShell>();

export class GitShell {
  private readonly p: ChildProcessWithoutNullStreams;
  private out = '';
  private waiting: { resolve(out: string): void; reject(e: Error): void; what: string }[] = [];
  private dead: Error | undefined;

  constructor(readonly cwd: string) {
    this.p = spawn('sh', [], { cwd, stdio: ['pipe', 'pipe', 'pipe'] });
    this.p.stdout.setEncoding('utf8');
    this.p.stderr.setEncoding('utf8');
    this.p.stdout.on('data', (c: string) => this.take(c));
    this.p.stderr.on('data', (c: string) => this.take(c));
    const fail = (e: Error): void => {
      this.dead = e;
      for (const w of this.waiting.splice(0)) w.reject(e);
      open.delete(this);
    };
    this.p.on('error', fail);
    this.p.on('exit', (code, signal) => fail(new Error(`the git shell in ${cwd} ended (${signal ?? code})`)));
    // never keeps a worker alive: idle, it is only a pipe the worker may drop
    this.p.unref();
    for (const s of [this.p.stdin, this.p.stdout, this.p.stderr]) (s as unknown as { unref?(): void }).unref?.();
    open.add(this);
  }

  private take(chunk: string): void {
    this.out += chunk;
    for (;;) {
      const at = this.out.indexOf(MARK);
      if (at < 0) return;
      const end = this.out.indexOf('\n', at);
      if (end < 0) return;
      const code = Number(this.out.slice(at + MARK.length, end).trim());
      const text = this.out.slice(0, at);
      this.out = this.out.slice(end + 1);
      const w = this.waiting.shift();
      if (!w) continue;
      if (code === 0) w.resolve(text);
      else w.reject(new Error(`${w.what} failed (exit ${code}) in ${this.cwd}:\n${text}`));
    }
  }

  /**
   * Run commands joined by `&&` (each an array of words: quoted here; a word may carry
   * `NAME=value` environment assignments before the command); resolves with their combined
   * output, rejects with it when one fails.
   */
  run(commands: string[][], env: Record<string, string> = {}): Promise<string> {
    if (this.dead) return Promise.reject(this.dead);
    const prefix = Object.entries(env).map(([k, v]) => `${k}=${shQuote(v)} `).join('');
    const line = commands.map((words) => prefix + words.map(shQuote).join(' ')).join(' && ');
    return new Promise((resolve, reject) => {
      this.waiting.push({ resolve, reject, what: commands.map((w) => w.slice(0, 2).join(' ')).join(' && ') });
      // stderr joins stdout (one stream, in order); the marker line carries the exit status
      this.p.stdin.write(`{ ${line} ; } 2>&1; echo "${MARK}$?"\n`);
    });
  }

  /** Still taking commands (not closed, not ended). */
  get usable(): boolean {
    return open.has(this);
  }

  /** End the shell (it reads to the end of its input, then exits); resolves once it has. */
  close(): Promise<void> {
    open.delete(this);
    if (this.p.exitCode !== null || this.p.signalCode !== null) return Promise.resolve();
    const ended = new Promise<void>((resolve) => this.p.once('exit', () => resolve()));
    this.p.stdin.end();
    return ended;
  }
}

/** End every shell still open (at the end of a test file), and wait until they have. */
export async function closeGitShells(): Promise<void> {
  await Promise.all([...open].map((s) => s.close()));
}
