/**
 * 在工作线程中运行真实的命令行，每次运行都有时限：超时即终止线程并判为“挂起”。
 * Runs the real CLI in a worker thread with a time limit per run. A synchronous hang (a regex
 * that backtracks forever, an endless loop) cannot be interrupted inside the test's own
 * thread, so the worker is terminated instead and the run is reported as a hang.
 */
import { readFileSync, lstatSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';

const WORKER = path.join(path.dirname(fileURLToPath(import.meta.url)), 'worker.mjs');

export interface CliRun {
  code: number;
  out: string;
  err: string;
}

export type RunOutcome =
  | { kind: 'done'; run: CliRun }
  /** The worker threw outside main()'s own handler (an unhandled rejection, a crash). */
  | { kind: 'crash'; error: string }
  | { kind: 'hang'; ms: number };

interface Pending {
  resolve: (o: RunOutcome) => void;
  timer: NodeJS.Timeout;
  ms: number;
}

export class CliWorker {
  private worker: Worker | undefined;
  private ready: Promise<void> | undefined;
  private seq = 0;
  private readonly pending = new Map<number, Pending>();

  private start(): Promise<void> {
    if (this.ready) return this.ready;
    const w = new Worker(WORKER);
    this.worker = w;
    this.ready = new Promise<void>((resolve, reject) => {
      w.on('message', (m: { ready?: boolean; id?: number; ok?: boolean; result?: CliRun; error?: string }) => {
        if (m.ready) return resolve();
        const p = m.id === undefined ? undefined : this.pending.get(m.id);
        if (!p || m.id === undefined) return;
        clearTimeout(p.timer);
        this.pending.delete(m.id);
        p.resolve(m.ok && m.result ? { kind: 'done', run: m.result } : { kind: 'crash', error: m.error ?? 'unknown' });
      });
      w.on('error', (e) => {
        reject(e);
        this.failAll(`worker error: ${String((e as Error)?.stack ?? e)}`);
      });
      w.on('exit', () => {
        if (this.worker === w) {
          this.worker = undefined;
          this.ready = undefined;
        }
        this.failAll('worker exited');
      });
    });
    return this.ready;
  }

  private failAll(error: string): void {
    for (const [id, p] of this.pending) {
      clearTimeout(p.timer);
      this.pending.delete(id);
      p.resolve({ kind: 'crash', error });
    }
  }

  /** Run `govmedia <args>` in the worker; resolves with a hang after `ms` milliseconds. */
  cli(args: string[], ms = 20_000): Promise<RunOutcome> {
    return this.send({ kind: 'cli', args }, ms);
  }

  private async send(job: { kind: 'cli'; args: string[] } | { kind: 'spin' }, ms: number): Promise<RunOutcome> {
    await this.start();
    const w = this.worker;
    if (!w) return { kind: 'crash', error: 'worker did not start' };
    const id = ++this.seq;
    return new Promise<RunOutcome>((resolve) => {
      const timer = setTimeout(() => {
        this.pending.delete(id);
        // a hung worker is useless: terminate it; the next run starts a fresh one
        if (this.worker === w) {
          this.worker = undefined;
          this.ready = undefined;
        }
        void w.terminate();
        resolve({ kind: 'hang', ms });
      }, ms);
      this.pending.set(id, { resolve, timer, ms });
      w.postMessage({ id, job });
    });
  }

  /** Make the worker loop forever (to show that the time limit ends a synchronous hang). */
  async spin(ms: number): Promise<RunOutcome> {
    return this.send({ kind: 'spin' }, ms);
  }

  async close(): Promise<void> {
    const w = this.worker;
    this.worker = undefined;
    this.ready = undefined;
    if (w) await w.terminate();
  }
}

export interface JsonFinding {
  ruleId: string;
  severity: string;
  file: string;
  line: number;
  column: number;
  message: string;
  citation: string | null;
  fix: string;
}

const CJK = /[\u4e00-\u9fff]/;
const STACK = /\n\s+at \S/;

/**
 * Everything that is wrong with one validate run, as readable strings (empty = fine):
 * exit code, stderr, JSON output, and every finding located (file, line ≥ 1, column ≥ 1,
 * rule id, Chinese message and fix) inside the file's real extent.
 */
export function problemsOf(o: RunOutcome, root: string, allowed: readonly number[] = [1]): { problems: string[]; findings: JsonFinding[] } {
  const problems: string[] = [];
  if (o.kind === 'hang') return { problems: [`hang: no result within ${o.ms} ms`], findings: [] };
  if (o.kind === 'crash') return { problems: [`crash: ${o.error}`], findings: [] };
  const r = o.run;
  if (!allowed.includes(r.code)) problems.push(`exit code ${r.code}, expected ${allowed.join(' or ')}${r.code === 0 ? ' (the hostile input PASSED)' : ''}; stderr: ${r.err.slice(0, 500)}`);
  if (r.err !== '') problems.push(`stderr is not empty: ${r.err.slice(0, 500)}`);
  if (STACK.test(r.out) || STACK.test(r.err)) problems.push('a stack trace was printed');
  let findings: JsonFinding[] = [];
  try {
    findings = (JSON.parse(r.out) as { findings: JsonFinding[] }).findings;
  } catch {
    problems.push(`stdout is not the JSON report: ${r.out.slice(0, 300)}`);
    return { problems, findings };
  }
  if (r.code === 1 && !findings.some((f) => f.severity === 'error' || f.severity === 'warning')) problems.push('exit 1 without an error or warning finding');
  if (r.code === 0 && findings.some((f) => f.severity === 'error' || f.severity === 'warning')) problems.push('exit 0 despite an error or warning finding');
  // each file is read once for all of its findings (5,000 findings on one file read it 5,000 times before)
  const lines = new Map<string, string[] | null>();
  for (const f of findings) problems.push(...locationProblems(f, root, lines));
  return { problems, findings };
}

/** The lines of a register file as the validator counts them (CR, LF, CRLF; a leading BOM not counted), or null if it is not a regular file. */
export function linesOf(abs: string): string[] | null {
  try {
    if (!lstatSync(abs).isFile()) return null;
    return readFileSync(abs).toString('utf8').replace(/^\uFEFF/, '').split(/\r\n|\r|\n/);
  } catch {
    return null;
  }
}

export function locationProblems(f: JsonFinding, root: string, cache?: Map<string, string[] | null>): string[] {
  const where = `${f.ruleId} ${f.file}:${f.line}:${f.column}`;
  const p: string[] = [];
  if (typeof f.ruleId !== 'string' || !/^[a-z0-9-]+\/[a-z0-9-]+$/.test(f.ruleId)) p.push(`bad rule id: ${where}`);
  if (typeof f.file !== 'string' || f.file === '') p.push(`finding without a file: ${where}`);
  if (!Number.isInteger(f.line) || f.line < 1) p.push(`line < 1: ${where}`);
  if (!Number.isInteger(f.column) || f.column < 1) p.push(`column < 1: ${where}`);
  if (typeof f.message !== 'string' || !CJK.test(f.message)) p.push(`message is not Chinese: ${where} ${String(f.message)}`);
  if (typeof f.fix !== 'string' || !CJK.test(f.fix)) p.push(`fix is not Chinese: ${where} ${String(f.fix)}`);
  if (typeof f.file === 'string' && f.file !== '') {
    const abs = path.join(root, f.file);
    let lines = cache?.get(abs);
    if (lines === undefined) {
      lines = linesOf(abs);
      cache?.set(abs, lines);
    }
    if (lines) {
      if (f.line > lines.length) p.push(`line ${f.line} is past the end of the file (${lines.length} lines): ${where}`);
      else {
        const len = (lines[f.line - 1] ?? '').length;
        if (f.column > len + 1) p.push(`column ${f.column} is past the end of line ${f.line} (${len} characters): ${where}`);
      }
    } else if (f.line !== 1 || f.column !== 1) {
      p.push(`a finding on a folder, a link or a missing file should point at 1:1: ${where}`);
    }
  }
  return p;
}
