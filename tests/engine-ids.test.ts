/**
 * 在本进程中按 Git 的算法算出的对象编号与 git 给出的完全相同（奇特的文件名、可执行文件、链接、嵌套和空文件夹、
 * Git 的排序规则）；编译时记下的编号只在文件都未改动时采用，改动、新增或删除任何文件都不采用。
 * The object ids worked out in-process equal git's (odd names, executables, links, nesting, empty
 * folders, Git's order of entries); the ids kept at build time are used only while no file changed:
 * an edited, added or removed file means they are not.
 */
import { spawnSync } from 'node:child_process';
import { chmodSync, mkdirSync, rmSync, symlinkSync, utimesSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { keptEngineIds, workingObjectIds, writeEngineIds } from '../scripts/pr/engine-ids.ts';
import { tmpDir } from './helpers.ts';

let dir: string;
const PATHS = ['scripts', 'policies', 'package.json', 'missing-folder'];

function git(args: string[]): string {
  const r = spawnSync('git', args, { cwd: dir, encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`git ${args.join(' ')}: ${r.stderr}`);
  return r.stdout;
}

beforeAll(() => {
  dir = tmpDir('govmedia-engineids-');
  const files: Record<string, string> = {
    'package.json': '{"name":"x"}\n',
    'scripts/cli.ts': 'export {};\n',
    // Git orders a folder as if its name ended in "/": "a.b" < "a/" < "a0", and "a-b" < "a.b"
    'scripts/a.b': 'dot\n',
    'scripts/a-b': 'dash\n',
    'scripts/a/inner.ts': 'inner\n',
    'scripts/a0': 'zero\n',
    'scripts/名 字.ts': '// 中文与空格\n',
    'scripts/deep/er/est.json': '{}\n',
    'policies/x/manifest.json': '{"id":"x"}\n',
    'policies/x/empty.txt': '',
  };
  for (const [rel, body] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(dir, rel)), { recursive: true });
    writeFileSync(path.join(dir, rel), body);
  }
  writeFileSync(path.join(dir, 'scripts/run.sh'), '#!/bin/sh\n');
  chmodSync(path.join(dir, 'scripts/run.sh'), 0o755);
  symlinkSync('cli.ts', path.join(dir, 'scripts/link.ts'));
  // a folder holding only an empty folder: Git keeps neither
  mkdirSync(path.join(dir, 'policies/empty/inner'), { recursive: true });
  for (const args of [['init', '-q'], ['config', 'user.name', '测试（虚构）'], ['config', 'user.email', 'test@example.invalid'], ['config', 'commit.gpgsign', 'false'], ['add', '-A'], ['commit', '-q', '-m', 'engine']]) git(args);
});

describe('engine ids worked out in-process', () => {
  it('equal git rev-parse for folders and files (order, modes, links, names); an absent path has none', () => {
    const { ids } = workingObjectIds(dir, PATHS);
    expect(ids.slice(0, 3)).toEqual(git(['rev-parse', 'HEAD:scripts', 'HEAD:policies', 'HEAD:package.json']).trim().split('\n'));
    expect(ids[3]).toBeUndefined();
  });

  it('kept ids are used while nothing changed, and never after an edit, a new file or a removed one', async () => {
    const file = path.join(dir, '.ids.json');
    const paths = PATHS.slice(0, 3);
    writeEngineIds(dir, paths, file);
    const want = git(['rev-parse', 'HEAD:scripts', 'HEAD:policies', 'HEAD:package.json']).trim().split('\n');
    expect(await keptEngineIds(dir, paths, file)).toEqual(want);
    // another list of paths: not these ids
    expect(await keptEngineIds(dir, ['scripts'], file)).toBeUndefined();
    // an edit (same size, new time)
    const cli = path.join(dir, 'scripts/cli.ts');
    writeFileSync(cli, 'export {}\n;');
    expect(await keptEngineIds(dir, paths, file)).toBeUndefined();
    git(['checkout', '--', 'scripts/cli.ts']);
    writeEngineIds(dir, paths, file);
    expect(await keptEngineIds(dir, paths, file)).toEqual(want);
    // only the time changes (content as committed): still not used, Git is asked instead
    utimesSync(cli, new Date(), new Date(Date.now() + 5000));
    expect(await keptEngineIds(dir, paths, file)).toBeUndefined();
    writeEngineIds(dir, paths, file);
    // a new file, then a removed one
    writeFileSync(path.join(dir, 'policies/x/new.ts'), 'new\n');
    expect(await keptEngineIds(dir, paths, file)).toBeUndefined();
    rmSync(path.join(dir, 'policies/x/new.ts'));
    expect(await keptEngineIds(dir, paths, file)).toEqual(want);
    rmSync(path.join(dir, 'scripts/a0'));
    expect(await keptEngineIds(dir, paths, file)).toBeUndefined();
    git(['checkout', '--', 'scripts/a0']);
    // a mode change (executable bit)
    writeEngineIds(dir, paths, file);
    chmodSync(path.join(dir, 'scripts/run.sh'), 0o644);
    expect(await keptEngineIds(dir, paths, file)).toBeUndefined();
    // no file, or one that is not the build's: not used
    writeFileSync(file, '{"paths": 1}');
    expect(await keptEngineIds(dir, paths, file)).toBeUndefined();
    rmSync(file);
    expect(await keptEngineIds(dir, paths, file)).toBeUndefined();
  });
});
