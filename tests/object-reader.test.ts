/**
 * 一个 git cat-file --batch-command 进程回答整个检查的对象查询和读取：答案与逐个调用 git 完全相同（奇特的
 * 文件名、缺失的对象、大文件、恶意的名称）；旧版 git 换用 --batch-check 和 --batch 两个进程；git 被终止或
 * 失败时，检查照常完成或给出中文在前的明确错误，不打印堆栈。
 * One `git cat-file --batch-command` answers a whole check's lookups and reads: exactly what one git
 * call per question answers (odd names, missing objects, large blobs, hostile names); a git without it
 * gets the --batch-check/--batch pair; a killed or failing git leaves the check complete or ends it
 * with a clear Chinese-first error, never a stack trace.
 */
import { spawnSync } from 'node:child_process';
import { chmodSync, mkdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { blobSizes, GitSource, ObjectReader, readBlobs, resolveCommits, git } from '../scripts/core/git.ts';
import { ENGINE_ROOT, tmpDir } from './helpers.ts';
import { backToMain, commitAll, makeBaseRepo, startBranch, type Repo } from './pr-harness.ts';

let dir: string;
let commit: string;
/** path → blob id, from git ls-tree */
const blobs = new Map<string, string>();
const MISSING = 'f'.repeat(40);

function gitOut(cwd: string, args: string[], env?: NodeJS.ProcessEnv): { status: number | null; out: Buffer; err: string } {
  const r = spawnSync('git', args, { cwd, maxBuffer: 1 << 26, ...(env ? { env } : {}) });
  return { status: r.status, out: r.stdout, err: String(r.stderr) };
}

beforeAll(() => {
  dir = tmpDir('govmedia-objreader-');
  for (const args of [['init', '-q'], ['config', 'user.name', '测试（虚构）'], ['config', 'user.email', 'test@example.invalid'], ['config', 'commit.gpgsign', 'false']]) gitOut(dir, args);
  const files: Record<string, string | Buffer> = {
    'accounts/plain.json': '{"a":1}\n',
    'accounts/with space/名 字.json': '{"name":"空格与中文"}\n',
    'accounts/-dash.json': '"looks like an option"\n',
    'accounts/quote"and\\back.json': '{}\n',
    'accounts/empty.json': '',
    'accounts/line\nbreak.json': '{"newline":true}\n',
    // larger than any pipe piece: comes in many chunks
    'accounts/big.json': Buffer.alloc(3 * 1024 * 1024 + 17, 'x'),
    'accounts/nul.bin': Buffer.from([0, 10, 0, 10, 255, 254]),
  };
  for (const [rel, body] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(dir, rel)), { recursive: true });
    writeFileSync(path.join(dir, rel), body);
  }
  symlinkSync('plain.json', path.join(dir, 'accounts/link.json'));
  writeFileSync(path.join(dir, 'accounts/run.sh'), '#!/bin/sh\n');
  chmodSync(path.join(dir, 'accounts/run.sh'), 0o755);
  gitOut(dir, ['add', '-A']);
  gitOut(dir, ['commit', '-q', '-m', 'objects']);
  commit = gitOut(dir, ['rev-parse', 'HEAD']).out.toString().trim();
  for (const rec of gitOut(dir, ['ls-tree', '-r', '-z', '--full-tree', 'HEAD']).out.toString('utf8').split('\0').filter(Boolean)) {
    const tab = rec.indexOf('\t');
    blobs.set(rec.slice(tab + 1), rec.slice(0, tab).split(' ')[2]!);
  }
});

/** Every answer of a reader, in a plain form to compare. */
async function answersOf(r: ObjectReader): Promise<unknown> {
  const shas = [...blobs.values(), MISSING];
  const names = [...blobs.keys()].map((p) => `${commit}:${p}`);
  // asked at once and interleaved: answered in order, each to its own request
  const [read, sizes, looked, resolved] = await Promise.all([r.read(shas), r.sizes(shas), r.lookup([...names, 'HEAD^{commit}', 'HEAD^{tree}', 'no-such-ref', '--batch', `${commit}:../outside`, `${commit}:accounts`]), r.lookup(['HEAD^{commit}'])]);
  return {
    read: [...read].map(([k, v]) => [k, v.toString('base64')]).sort(),
    sizes: [...sizes].sort(),
    looked: [...looked].sort(),
    resolved: [...resolved],
  };
}

describe('ObjectReader: one cat-file for a whole check', () => {
  it('reads and sizes blobs exactly as one git call per blob does (odd names, empty, 3 MiB, binary, link, missing)', async () => {
    const r = new ObjectReader(dir);
    try {
      const shas = [...blobs.values(), MISSING];
      const [read, sizes] = await Promise.all([r.read(shas), r.sizes(shas)]);
      for (const [p, sha] of blobs) {
        const one = gitOut(dir, ['cat-file', 'blob', sha]);
        expect(one.status, p).toBe(0);
        expect(read.get(sha)?.equals(one.out), p).toBe(true);
        expect(sizes.get(sha), p).toBe(one.out.length);
      }
      expect(read.has(MISSING)).toBe(false);
      expect(sizes.has(MISSING)).toBe(false);
      // and as the one-process-per-batch helpers
      const [old, oldSizes] = [await readBlobs(dir, shas), await blobSizes(dir, shas)];
      expect([...read.keys()].sort()).toEqual([...old.keys()].sort());
      for (const [k, v] of old) expect(read.get(k)?.equals(v)).toBe(true);
      expect([...sizes].sort()).toEqual([...oldSizes].sort());
    } finally {
      r.close();
    }
  });

  it('looks names up as git rev-parse does; a missing, outside or option-like name, or one with a line break, is left out', async () => {
    const r = new ObjectReader(dir);
    try {
      const names = [...blobs.keys()].map((p) => `${commit}:${p}`);
      const got = await r.lookup([...names, `${commit}:accounts`, 'HEAD^{commit}', 'no-such-ref', '--batch', `${commit}:../outside`, `${commit}:./accounts/../..`, `${commit}:accounts/nope.json`]);
      for (const [i, p] of [...blobs.keys()].entries()) {
        const want = gitOut(dir, ['rev-parse', '--verify', '--quiet', names[i]!]);
        if (p.includes('\n')) expect(got.has(names[i]!), 'a name with a line break is never sent').toBe(false);
        else expect(got.get(names[i]!)?.oid, p).toBe(want.out.toString().trim());
      }
      expect(got.get(`${commit}:accounts`)?.type).toBe('tree');
      expect(got.get('HEAD^{commit}')).toEqual({ oid: commit, type: 'commit', size: expect.any(Number) });
      for (const bad of ['no-such-ref', '--batch', `${commit}:../outside`, `${commit}:./accounts/../..`, `${commit}:accounts/nope.json`]) expect(got.has(bad), bad).toBe(false);
      // the answers after the bad names are still right (the stream stayed in step)
      expect((await r.lookup([`${commit}:accounts/plain.json`])).get(`${commit}:accounts/plain.json`)?.oid).toBe(blobs.get('accounts/plain.json'));
    } finally {
      r.close();
    }
  });

  it('the --batch-check/--batch pair (a git before 2.36) answers exactly the same', async () => {
    const one = new ObjectReader(dir);
    const pair = new ObjectReader(dir, { pair: true });
    try {
      expect(await answersOf(pair)).toEqual(await answersOf(one));
    } finally {
      one.close();
      pair.close();
    }
  });

  it('resolves commits through the reader as rev-parse does, and a ref that does not resolve is named in the error', async () => {
    const r = new ObjectReader(dir);
    try {
      expect(await resolveCommits(git(dir), ['HEAD', commit.slice(0, 12)], r)).toEqual([commit, commit]);
      await expect(resolveCommits(git(dir), ['HEAD', 'no-such-branch'], r)).rejects.toThrow(/找不到提交或分支“no-such-branch”/);
      // a tree is not a commit
      await expect(resolveCommits(git(dir), ['HEAD^{tree}'], r)).rejects.toThrow(/找不到提交或分支/);
    } finally {
      r.close();
    }
  });

  it('a killed git: what is asked is answered with what came (no hang), later questions fail with git\'s error, and a prefetch falls back to reading each file', async () => {
    const r = new ObjectReader(dir);
    const sha = blobs.get('accounts/plain.json')!;
    expect((await r.read([sha])).get(sha)?.toString()).toBe('{"a":1}\n');
    for (const pid of r.pids) process.kill(pid, 'SIGKILL');
    const after = await r.read([sha]).then(
      (m) => m.size,
      (e: Error) => e.message,
    );
    // either answered empty (asked before the end was seen) or refused with git's error
    expect(after === 0 || /git cat-file .*已退出 \/ ended/.test(String(after)), String(after)).toBe(true);
    await expect(r.lookup(['HEAD'])).rejects.toThrow(/已退出 \/ ended/);
    r.close();
    // a source prefetched through the dead reader still reads every file (one git call each)
    const src = await GitSource.open(dir, commit, ['accounts']);
    await GitSource.prefetchScopes([src], new Set(['with space']), r);
    expect(src.read('accounts/with space/名 字.json').toString()).toBe('{"name":"空格与中文"}\n');
  });
});

describe('check-pr with a git that lacks or fails cat-file', () => {
  let repo: Repo;
  let realGit: string;
  beforeAll(async () => {
    repo = await makeBaseRepo();
    await startBranch(repo, 'pr');
    repo.edit('accounts/sichuan/zigong/zg-scdc/zg-scdc-weixin.json', (a) => {
      a.name = `${a.name}（新）`;
    });
    await commitAll(repo, '改名');
    await backToMain(repo);
    realGit = spawnSync('sh', ['-c', 'command -v git'], { encoding: 'utf8' }).stdout.trim();
  }, 120_000);

  /** check-pr as a process whose `git` is a wrapper: `script` runs first and may end it (sh case on the arguments). */
  function checkWith(script: string): { code: number | null; out: string; err: string } {
    const bin = tmpDir('govmedia-fakegit-');
    writeFileSync(path.join(bin, 'git'), `#!/bin/sh\n${script}\nexec "${realGit}" "$@"\n`);
    chmodSync(path.join(bin, 'git'), 0o755);
    const r = spawnSync(process.execPath, [path.join(ENGINE_ROOT, 'scripts', 'govmedia.mjs'), 'check-pr', '--repo', repo.dir, '--base', 'main', '--head', 'pr', '--now', '2026-11-20', '--engine', 'self', '--format', 'json'], { cwd: ENGINE_ROOT, encoding: 'utf8', env: { ...process.env, PATH: `${bin}${path.delimiter}${process.env.PATH}`, NODE_OPTIONS: '', GOVMEDIA_DEBUG: '' }, timeout: 120_000 });
    return { code: r.status, out: r.stdout.replace(/"generatedAt": "[^"]*"/, ''), err: r.stderr };
  }

  it('gives the same report when git has no --batch-command (old git), and when every batch process fails (each file read on its own)', () => {
    const normal = checkWith('');
    expect([0, 1], normal.err).toContain(normal.code);
    expect(normal.out).toContain('"verdict"');
    expect(normal.out).toContain('zg-scdc-weixin');
    const old = checkWith('case "$*" in *"cat-file --batch-command"*) echo "error: unknown option \\`batch-command\'" >&2; echo "usage: git cat-file <type> <object>" >&2; exit 129;; esac');
    expect(old.code, old.err).toBe(normal.code);
    expect(old.out).toBe(normal.out);
    const noBatch = checkWith('case "$*" in *"cat-file --batch"*) exit 128;; esac');
    expect(noBatch.code, noBatch.err).toBe(normal.code);
    expect(noBatch.out).toBe(normal.out);
  }, 180_000);

  it('a cat-file whose output stops in the middle of a file: the cut file is never judged; the files are read on their own and the report is the same', () => {
    const normal = checkWith('');
    // the batch process is a stand-in that runs git and passes its answers on until 20 bytes into the
    // first file's contents (an answer "<id> blob <size>" followed by "{"), then kills git and ends,
    // as a git killed while writing would
    const bin = tmpDir('govmedia-cutgit-');
    const marker = path.join(bin, 'cut');
    const filter = path.join(bin, 'cut.mjs');
    writeFileSync(
      filter,
      [
        "import { spawn } from 'node:child_process';",
        "import { writeFileSync } from 'node:fs';",
        'const [git, ...args] = process.argv.slice(2);',
        "const p = spawn(git, args, { stdio: ['inherit', 'pipe', 'inherit'] });",
        'let seen = Buffer.alloc(0);',
        'let cut = false;',
        "p.stdout.on('data', (c) => {",
        '  if (cut) return;',
        '  const from = seen.length;',
        '  seen = Buffer.concat([seen, c]);',
        "  const m = /[0-9a-f]{40} blob (\\d+)\\n\\{/.exec(seen.toString('latin1'));",
        '  if (!m || Number(m[1]) < 40) return void process.stdout.write(c);',
        '  cut = true;',
        '  const end = m.index + m[0].length - 1 + 20;',
        '  process.stdout.write(seen.subarray(from, end), () => {',
        `    writeFileSync(${JSON.stringify(marker)}, seen.subarray(m.index, end));`,
        "    p.kill('SIGKILL');",
        '    process.exit(0);',
        '  });',
        '});',
        "p.on('close', (code) => void (cut || (process.exitCode = code ?? 1)));",
      ].join('\n') + '\n',
    );
    const cut = checkWith(`case "$*" in *"cat-file --batch-command"*) exec "${process.execPath}" "${filter}" "${realGit}" "$@";; esac`);
    // the cut did happen, inside a file's contents
    expect(readFileSync(marker, 'latin1')).toMatch(/^[0-9a-f]{40} blob \d+\n\{[\s\S]{19}$/);
    expect(cut.code, cut.err).toBe(normal.code);
    expect(cut.out).toBe(normal.out);
    expect(cut.err).not.toMatch(/\n\s+at /);
  }, 120_000);

  it('a git that cannot read objects at all ends the check with a Chinese-first git error (exit 2), not a stack trace nor a report blaming the files', () => {
    const r = checkWith('case "$*" in *cat-file*) echo "fatal: 模拟的故障 / simulated failure" >&2; exit 128;; esac');
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/^Git 操作失败：/);
    expect(r.err).not.toMatch(/\n\s+at /);
    expect(r.out).toBe('');
  }, 120_000);
});
