/**
 * govmedia check-pr --base <ref> --head <ref>
 *
 * 裁判不能被被裁判者修改：默认（--engine base）从基准提交中取出检查程序、模式、管理办法和
 * 例外（git archive），用它来检查合并请求中的数据；合并请求里的程序和规则只被当作数据。
 * The judge cannot be edited by the judged: by default the base commit's engine, schemas,
 * policies and exceptions are extracted (git archive) and run on the head's files as data.
 */
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readlinkSync, renameSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { isValidDate, todayShanghai } from '../calendar/workdays.ts';
import type { Lang } from '../core/finding.ts';
import { git, GitError, OBJECT_ID, ObjectReader, resolveCommits } from '../core/git.ts';
import { ENGINE_ROOT } from '../core/paths.ts';
// the judge (pr/check.ts and everything it loads: pipeline, schemas, rules) and the reports are
// imported once git has been set to work (see cmdCheckPr): only pr/start.ts, which needs core/git.ts, is loaded up front
import type { checkPr as CheckPr } from '../pr/check.ts';
import { evictEngines, markEngineUsed } from '../pr/engine-cache.ts';
import { ENGINE_IDS_FILE, ENGINE_PATHS, keptEngineIds } from '../pr/engine-ids.ts';
import { startCheck } from '../pr/start.ts';
import { resolveVisibility } from '../report/privacy.ts';
import { langValue, oneOf, UsageError } from '../core/cli-args.ts';
import { jobLog, logText } from '../report/escape.ts';
import { commandHelp, parseCommand, type Io } from './table.ts';

function run(cmd: string, args: string[], opts: { cwd?: string; env?: NodeJS.ProcessEnv } = {}): Promise<{ code: number; out: string; err: string }> {
  return new Promise((resolve) => {
    const p = spawn(cmd, args, { cwd: opts.cwd, env: opts.env, stdio: ['ignore', 'pipe', 'pipe'] });
    // decoded as a whole at the end: a chunk may end inside a character (the base engine's
    // Chinese report arrives in 64 KiB pieces; decoding each piece alone garbled the boundaries)
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    p.stdout.on('data', (c: Buffer) => out.push(c));
    p.stderr.on('data', (c: Buffer) => err.push(c));
    const text = (b: Buffer[]): string => Buffer.concat(b).toString('utf8');
    p.on('error', (e) => resolve({ code: 127, out: text(out), err: text(err) + String(e) }));
    p.on('close', (code) => resolve({ code: code ?? 1, out: text(out), err: text(err) }));
  });
}

/**
 * Whether the running engine is exactly the base commit's: the Git object ids of every engine
 * path (content-addressed, so comparable across repositories) are equal and the running copy has
 * no uncommitted or untracked change under them. Then it may judge in-process, with no extraction
 * and no start-up of a second engine. Anything else (not a Git checkout, a path missing on either
 * side, a local edit) answers false and the base engine is extracted as before.
 */
async function runningEngineIs(commit: string, reader: ObjectReader): Promise<boolean> {
  // the base's ids through the check's open cat-file
  const baseP = reader.lookup(ENGINE_PATHS.map((p) => `${commit}:${p}`)).then(
    (m) => ENGINE_PATHS.map((p) => m.get(`${commit}:${p}`)?.oid ?? ''),
    () => [] as string[],
  );
  // the running engine's ids as the build worked them out, while no file has changed since: no git at all
  const [kept, baseIds] = await Promise.all([keptEngineIds(ENGINE_ROOT, ENGINE_PATHS, path.join(ENGINE_ROOT, ENGINE_IDS_FILE)), baseP]);
  if (baseIds.length !== ENGINE_PATHS.length || baseIds.some((id) => !OBJECT_ID.test(id))) return false;
  if (kept && kept.join('\n') === baseIds.join('\n')) return true;
  // otherwise Git says (a file Git ignores, or a line-ending conversion, may make the kept ids differ)
  const [mine, dirty] = await Promise.all([
    run('git', ['rev-parse', ...ENGINE_PATHS.map((p) => `HEAD:${p}`)], { cwd: ENGINE_ROOT }),
    run('git', ['status', '--porcelain', '--untracked-files=all', '--', ...ENGINE_PATHS], { cwd: ENGINE_ROOT }),
  ]);
  if (mine.code !== 0 || mine.out !== baseIds.join('\n') + '\n') return false;
  return dirty.code === 0 && dirty.out.trim() === '';
}

/**
 * The base commit's engine, extracted once per engine tree and kept in the repository's Git folder
 * (`<git-dir>/govmedia-engine/<key>`, key = hash of the Git object ids of the engine paths at that
 * commit, so content-addressed): a later check against the same base, or any base with the same
 * engine, reuses it instead of archiving and unpacking again, and its stable path lets tsx reuse
 * the transforms it cached on the first run (≈ 8 s → ≈ 3 s on the sample register, 2 cores).
 * It is written to a sibling folder and renamed into place when complete, so a crash or a
 * concurrent check never leaves or sees a half-extracted engine. Nothing from the pull request's
 * head goes into it: the key and the files come from the base commit only.
 *
 * Before it is put in place it is compiled (scripts/pr/compile-engine.ts): esbuild transforms the
 * base's scripts/ and policies/ file by file (≈1 s on 2 cores; tsc, which type-checks, took
 * 15–40 s) into the dist/ layout the base's own launcher runs, so every later check against that
 * base starts compiled JavaScript instead of transpiling through tsx. The key also covers the
 * compile recipe (esbuild's version, the recipe's own version, Node's version), so a changed recipe
 * never reuses an old compiled copy. A base whose layout is not recognised, or whose compile fails,
 * is kept without dist/ and runs through tsx as before (the reason is in its `.not-compiled`); so
 * is one whose compiled copy later fails where tsx gives a verdict (see cmdCheckPr). The first check
 * against a new base pays the compile (≈ the CPU one tsx run saves); every later one runs compiled.
 */
async function materializeEngine(repo: string, commit: string): Promise<string> {
  const ids = await run('git', ['rev-parse', ...ENGINE_PATHS.map((p) => `${commit}:${p}`)], { cwd: repo });
  const gitDir = await run('git', ['rev-parse', '--path-format=absolute', '--git-common-dir'], { cwd: repo });
  const cacheRoot = ids.code === 0 && gitDir.code === 0 ? path.join(gitDir.out.trim(), 'govmedia-engine') : undefined;
  // found from our own node_modules, never from the extracted base or the head
  // loaded only here: a check judged in-process never compiles an engine
  const { compileEngine, findCompiler } = await import('../pr/compile-engine.ts');
  const compiler = findCompiler(ENGINE_ROOT);
  const key = createHash('sha256').update(ids.out).update(`\0${compiler?.recipe ?? 'tsx'}`).digest('hex').slice(0, 20);
  const dir = cacheRoot ? path.join(cacheRoot, key) : mkdtempSync(path.join(os.tmpdir(), 'govmedia-engine-'));
  if (!cacheRoot || !existsSync(path.join(dir, '.complete'))) {
    if (cacheRoot) mkdirSync(cacheRoot, { recursive: true });
    const work = cacheRoot ? mkdtempSync(path.join(cacheRoot, `${key}.tmp-`)) : dir;
    try {
      const tarFile = path.join(work, 'engine.tar');
      const ls = await run('git', ['ls-tree', '--name-only', commit, ...ENGINE_PATHS], { cwd: repo });
      const present = ls.out.split('\n').filter(Boolean);
      const a = await run('git', ['archive', '--format=tar', '-o', tarFile, commit, ...present], { cwd: repo });
      if (a.code !== 0) throw new GitError(`git archive 失败 / failed: ${a.err.trim()}`);
      const t = await run('tar', ['-xf', tarFile, '-C', work]);
      if (t.code !== 0) throw new GitError(`tar 失败 / failed: ${t.err.trim()}`);
      rmSync(tarFile);
      // never throws: a base it cannot compile is left to run through tsx
      if (compiler) await compileEngine(work, compiler);
      writeFileSync(path.join(work, '.complete'), `${commit}\n`);
      if (cacheRoot) {
        // a folder left by an extraction that never completed is replaced
        if (existsSync(dir) && !existsSync(path.join(dir, '.complete'))) rmSync(dir, { recursive: true, force: true });
        try {
          renameSync(work, dir);
        } catch {
          // another check put the same engine in place first: use that one
          rmSync(work, { recursive: true, force: true });
        }
      }
    } catch (e) {
      rmSync(work, { recursive: true, force: true });
      throw e;
    }
  }
  if (cacheRoot) {
    // the copy's last use, and the copies and unfinished extractions long unused removed (engine-cache.ts)
    markEngineUsed(dir);
    evictEngines(cacheRoot, key);
  }
  // our node_modules (the path may differ from the run that extracted it): replaced atomically
  const link = path.join(dir, 'node_modules');
  const target = path.join(ENGINE_ROOT, 'node_modules');
  let current: string | undefined;
  try {
    current = readlinkSync(link);
  } catch {
    current = undefined;
  }
  if (current !== target) {
    const tmp = `${link}.${process.pid}`;
    rmSync(tmp, { force: true });
    symlinkSync(target, tmp, 'dir');
    renameSync(tmp, link);
  }
  return dir;
}

/**
 * When the check cannot finish (the base engine crashed, or an internal error), the summary and
 * the decision record are still written: the verdict is "fail" and the one approval asked for
 * lists nobody, so check-approvals can never be satisfied by such a record (deny by default).
 * No text from the PR (file names, messages) is put in the Markdown.
 */
function writeFallback(summary: string | undefined, record: string | undefined, o: { now: string; base: string; head: string; error: string }): void {
  const reason = { zh: '检查程序未能完成本合并请求的检查，本次修改不能合并；请把检查日志报告给本库维护者。', en: 'the check could not finish for this pull request, so it cannot be merged; report the job log to the maintainers.' };
  if (summary && !existsSync(summary)) {
    writeFileSync(summary, `<!-- govmedia-pr-check -->\n## 政务新媒体备案检查：❌ 检查未能完成\n\n${reason.zh}\n\n*${reason.en}*\n`);
  }
  if (record && !existsSync(record)) {
    const rec = {
      tool: 'govmedia check-pr',
      generatedAt: new Date().toISOString(),
      now: o.now,
      base: { ref: o.base },
      head: { ref: o.head },
      changes: [],
      approvals: [{ role: { zh: '本库维护者（检查未能完成，不能批准）', en: 'the maintainers (the check did not finish; cannot be approved)' }, reviewers: [], because: [reason.zh] }],
      labels: [],
      findings: { introduced: [], preexisting: [], suppressed: [] },
      verdict: { result: 'fail', reasons: [reason] },
      error: o.error.slice(0, 2000),
    };
    writeFileSync(record, JSON.stringify(rec, null, 2) + '\n');
  }
}

export async function cmdCheckPr(args: string[], io: Io): Promise<number> {
  const { values } = parseCommand('check-pr', args);
  const lang: Lang = values.lang === 'en' ? 'en' : 'zh';
  if (values.help) {
    io.out(commandHelp('check-pr', lang));
    return 0;
  }
  langValue(values.lang);
  if (!values.base || !values.head) throw new UsageError('必须同时给出 --base 和 --head / both --base and --head are required');
  const format = oneOf('--format', values.format, ['text', 'json', 'markdown', 'gitlab'] as const, 'text');
  const now = values.now ?? todayShanghai();
  if (!isValidDate(now)) throw new UsageError(`--now 须为有效日期 YYYY-MM-DD（收到 ${now}）`);
  const engine = values.engine ?? 'base';
  if (engine !== 'base' && engine !== 'self') throw new UsageError(`--engine 只能是 base 或 self（收到 ${engine}）`);
  const repo = path.resolve(values.repo ?? process.cwd());
  if (!existsSync(path.join(repo, '.git')) && !existsSync(path.join(repo, 'HEAD'))) throw new UsageError(`“${repo}”不是 Git 仓库 / not a Git repository`);
  const labels = (values.labels ?? []).flatMap((l) => l.split(',')).map((l) => l.trim()).filter(Boolean);
  const visibility = resolveVisibility(values.visibility === undefined ? undefined : oneOf('--visibility', values.visibility, ['public', 'private'] as const, 'public'));

  // one cat-file for the whole check, started first, while this process is small: it resolves the
  // commits, gives the base's engine ids and reads every blob the check reads
  const baseRef: string = values.base;
  const headRef: string = values.head;
  const reader = new ObjectReader(repo);
  try {
    return await checkWith(reader);
  } finally {
    reader.close();
  }

  async function checkWith(reader: ObjectReader): Promise<number> {
    const g = git(repo);
    let baseCommit: string;
    let headCommit: string;
    try {
      [baseCommit, headCommit] = (await resolveCommits(g, [baseRef, headRef], reader)) as [string, string];
    } catch (e) {
      throw new UsageError((e as Error).message);
    }

    let engineCommit = values['engine-commit'];
    // the merge base (asked first), the diffs and, when this process will judge, the merge base's
    // listing are worked out while the engines are compared, and the judge and the policies load
    // meanwhile (all unused when the base engine is extracted)
    let decide: (same: boolean) => void = () => undefined;
    const started = startCheck(repo, baseCommit, headCommit, new Promise<boolean>((resolve) => (decide = resolve)), reader);
    const sameEngine = engine === 'base' ? runningEngineIs(baseCommit, reader) : Promise.resolve(true);
    const judgeP = import('../pr/check.ts');
    const reportP = import('../pr/report.ts');
    const policiesP = import('../policy/loader.ts').then((m) => m.loadPolicies(ENGINE_ROOT, m.JUDGING_EXTRAS));
    for (const p of [judgeP, reportP, policiesP]) p.catch(() => undefined);
    // the listing is scanned once the judge and the policies are loaded: git writes it meanwhile (it
    // takes about as long), and the scan then reads a finished file instead of taking turns with the
    // module loading (paired runs, one account in 100,000: ~2% less wall time)
    void Promise.all([sameEngine, judgeP.catch(() => undefined), policiesP.catch(() => undefined)]).then(([same]) => decide(same), () => decide(false));
    if (engine === 'base' && (await sameEngine)) engineCommit = baseCommit;
    else if (engine === 'base') {
      const has = (await reader.lookup([`${baseCommit}:scripts/govmedia.mjs`]).catch(() => new Map())).size > 0;
      if (!has) throw new UsageError('基准提交中没有检查程序（scripts/govmedia.mjs），无法用基准分支的规则检查；如确需用当前程序检查，请加 --engine self / the base commit has no engine; use --engine self');
      reader.close();
      const dir = await materializeEngine(repo, baseCommit);
      try {
        const abs = (p: string | undefined): string[] => (p ? [path.resolve(p)] : []);
        const childArgs = [
          path.join(dir, 'scripts', 'govmedia.mjs'),
          'check-pr',
          '--base', baseRef,
          '--head', headRef,
          '--repo', repo,
          '--now', now,
          '--lang', lang,
          '--format', format,
          '--engine', 'self',
          '--engine-commit', baseCommit,
          ...labels.flatMap((l) => ['--labels', l]),
          ...(values.record ? ['--record', ...abs(values.record)] : []),
          ...(values.summary ? ['--summary', ...abs(values.summary)] : []),
          ...(values.gitlab ? ['--gitlab', ...abs(values.gitlab)] : []),
          ...(values.forms ? ['--forms', ...abs(values.forms)] : []),
          ...(values.annotations ? ['--annotations'] : []),
          '--visibility', visibility,
        ];
        const runBase = async (env?: NodeJS.ProcessEnv): Promise<{ code: number; out: string; err: string }> => {
          for (const f of [values.summary, values.record]) if (f) rmSync(path.resolve(f), { force: true });
          return run(process.execPath, childArgs, { env });
        };
        const stamp = path.join(dir, 'dist', '.stamp');
        const compiled = existsSync(stamp);
        let r = await runBase();
        // a compiled copy that crashes where the base's own verdict (0 or 1, with a report) was due is
        // never trusted again: the check is run once more through tsx, and when tsx gives a verdict the
        // compiled copy is set aside (its stamp removed, so the base launcher no longer runs it)
        if (compiled && ((r.code !== 0 && r.code !== 1) || r.out.trim() === '')) {
          const t = await runBase({ ...process.env, GOVMEDIA_TSX: '1' });
          if ((t.code === 0 || t.code === 1) && t.out.trim() !== '') {
            rmSync(stamp, { force: true });
            const { NOT_COMPILED } = await import('../pr/compile-engine.ts');
            writeFileSync(path.join(dir, NOT_COMPILED), `the compiled copy failed where tsx gave a verdict (exit ${r.code}): ${r.err.trim().split('\n')[0] ?? ''}\n`);
          }
          r = t;
        }
        if (r.out) io.out(r.out.replace(/\n$/, ''));
        if (r.err) io.err(r.err.replace(/\n$/, ''));
        if (r.code !== 0 && r.code !== 1) writeFallback(values.summary && path.resolve(values.summary), values.record && path.resolve(values.record), { now, base: baseRef, head: headRef, error: r.err });
        return r.code;
      } finally {
        // a folder outside the Git folder (no cache possible) is removed; the cache stays
        if (dir.startsWith(os.tmpdir() + path.sep) && path.basename(dir).startsWith('govmedia-engine-')) rmSync(dir, { recursive: true, force: true });
      }
    }

    let result: Awaited<ReturnType<typeof CheckPr>>;
    try {
      const { checkPr } = await judgeP;
      result = await checkPr({
        repo,
        base: baseRef,
        head: headRef,
        now,
        labels,
        engineRoot: ENGINE_ROOT,
        commits: { base: baseCommit, head: headCommit },
        started,
        reader,
        engine: engineCommit ? { source: 'base', commit: engineCommit, ...(engine === 'base' ? { inProcess: true } : {}) } : { source: 'self' },
      });
    } catch (e) {
      for (const f of [values.summary, values.record]) if (f) rmSync(f, { force: true });
      writeFallback(values.summary, values.record, { now, base: baseRef, head: headRef, error: String((e as Error)?.message ?? e) });
      throw e;
    }
    // Filing forms hold staff names and phones: written only for a private repository, or on the
    // explicit request GOVMEDIA_FORMS_ARTIFACT=true (a repository variable the workflow passes on).
    if (values.forms && result.filings.length) {
      if (visibility === 'private' || process.env.GOVMEDIA_FORMS_ARTIFACT?.trim().toLowerCase() === 'true') {
        // the forms code is loaded only when forms are written
        const { formsForFilings } = await import('../forms/index.ts');
        const r = await formsForFilings(result.headRegister, result.filings, values.forms, { engineRoot: ENGINE_ROOT });
        for (const sk of r.skipped) io.err(jobLog(`${logText(sk.accountId)} #${sk.eventIndex}: ${logText(sk.reason[lang])}`));
      } else {
        io.err(lang === 'zh' ? '备案表含人员姓名和电话，公开仓库不生成（私有仓库、--visibility private 或 GOVMEDIA_FORMS_ARTIFACT=true 时生成）。' : 'Filing forms hold staff names and phones: not written for a public repository (private repository, --visibility private or GOVMEDIA_FORMS_ARTIFACT=true).');
      }
    }
    // Everything below may be public (summary, comment, annotations, record, Code Quality, job log).
    const { forVisibility, githubAnnotations, gitlabCodeQuality, jsonReport, markdownSummary, textReport } = await reportP;
    const shown = forVisibility(result, visibility);
    if (values.summary) writeFileSync(values.summary, markdownSummary(shown, lang));
    if (values.record) {
      const { nextSteps: _n, unitNames: _u, headRegister: _h, filings: _f, ...record } = shown;
      writeFileSync(values.record, JSON.stringify({ ...record, visibility, nextSteps: shown.nextSteps }, null, 2) + '\n');
    }
    if (values.gitlab) writeFileSync(values.gitlab, JSON.stringify(gitlabCodeQuality(shown, lang), null, 2) + '\n');
    if (values.annotations) {
      const a = githubAnnotations(shown, lang);
      if (a) io.out(a);
    }
    if (format === 'json') io.out(JSON.stringify(jsonReport(shown, lang), null, 2));
    else if (format === 'markdown') io.out(markdownSummary(shown, lang));
    else if (format === 'gitlab') io.out(JSON.stringify(gitlabCodeQuality(shown, lang), null, 2));
    else io.out(textReport(shown, lang));
    return result.verdict.result === 'fail' ? 1 : 0;
  }
}
