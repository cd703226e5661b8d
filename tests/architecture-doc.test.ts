/**
 * docs/architecture.md 与代码一致：文中写到的文件都存在，写到的流水线阶段函数都在所说的文件中定义。
 * docs/architecture.md matches the code: every file it names exists, and every stage function it
 * names is defined in the file it says.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ENGINE_ROOT } from './helpers.ts';

const doc = readFileSync(path.join(ENGINE_ROOT, 'docs', 'architecture.md'), 'utf8');

describe('docs/architecture.md', () => {
  it('names only files that exist (paths relative to the repository or to scripts/)', () => {
    // paths with a folder; a bare name (index.ts, manifest.json) is one of a module's files, named in context
    const named = [...doc.matchAll(/`([\w./-]+\.(?:ts|mjs|json|md|txt))`/g)].map((m) => m[1]!).filter((p) => p.includes('/'));
    expect(named.length).toBeGreaterThan(10);
    const missing = named.filter((p) => !existsSync(path.join(ENGINE_ROOT, p)) && !existsSync(path.join(ENGINE_ROOT, 'scripts', p)) && !existsSync(path.join(ENGINE_ROOT, 'scripts', 'pipeline', p)));
    expect(missing).toEqual([]);
  });

  it.each([
    ['scripts/pipeline/pipeline.ts', ['readRegister', 'validateSource']],
    ['scripts/core/register.ts', ['loadRegister', 'listAccounts', 'sortEntries', 'fileReader', 'loadRegions', 'loadUnits', 'loadAccounts', 'checkReferences']],
    ['scripts/monitor/monitor.ts', ['runMonitor', 'modulesFor']],
    ['scripts/commands/table.ts', ['parseCommand']],
  ] as const)('the stages it names are functions of %s', (file, names) => {
    expect(doc).toContain(file.slice('scripts/'.length));
    const src = readFileSync(path.join(ENGINE_ROOT, file), 'utf8');
    for (const n of names) {
      expect(doc, n).toContain(n);
      expect(src, `${file} defines ${n}`).toMatch(new RegExp(`function ${n}\\b`));
    }
  });
});
