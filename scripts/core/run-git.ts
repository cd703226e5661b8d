/**
 * 运行一次 git 并取回输出（core/git.ts 的最小部分，单独成模块：history 在加载其余代码之前就启动 git）。
 * Run git once and take its output: the smallest part of core/git.ts, a module of its own so that
 * history can start git before the rest of the engine loads (core/git.ts re-exports both).
 */
import { spawn } from 'node:child_process';

/**
 * Run git in `dir` and return its standard output; rejects with git's message on a non-zero exit.
 * `onData` sees the output as it comes (to start dependent work before git has finished).
 */
export function runGit(dir: string, args: string[], onData?: (chunk: Buffer) => void, signal?: AbortSignal): Promise<string> {
  return runGitBuffer(dir, args, onData, signal).then((b) => b.toString('utf8'));
}

/** runGit, with the output as bytes (a large listing is searched as bytes, not decoded whole). `signal` ends git (the promise rejects). */
export function runGitBuffer(dir: string, args: string[], onData?: (chunk: Buffer) => void, signal?: AbortSignal): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const p = spawn('git', args, { cwd: dir, stdio: ['ignore', 'pipe', 'pipe'], ...(signal ? { signal } : {}) });
    const chunks: Buffer[] = [];
    let err = '';
    p.stdout.on('data', (c: Buffer) => {
      chunks.push(c);
      onData?.(c);
    });
    p.stderr.on('data', (c: Buffer) => (err += c.toString()));
    p.on('error', reject);
    p.on('close', (code) => (code === 0 ? resolve(Buffer.concat(chunks)) : reject(new Error(err.trim() || `git ${args[0]} exited ${code}`))));
  });
}

