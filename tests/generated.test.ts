/**
 * 生成文件必须是最新的：类型（由 schemas 生成）和 docs/rules.md（由规则生成）。
 * Generated files must be fresh: run `npm run gen:types` / `npm run rules -- --write`.
 */
import { cpSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { generateTypes } from '../scripts/core/gen-types.ts';
import { generateValidators } from '../scripts/core/gen-validators.ts';
import { SchemaSet } from '../scripts/core/schema.ts';
import { ENGINE_ROOT } from '../scripts/core/paths.ts';
import { collectRules, rulesMarkdown } from '../scripts/commands/rules.ts';
import { tmpDir } from './helpers.ts';

describe('generated files', () => {
  it('scripts/generated/types.ts matches the schemas (npm run gen:types)', async () => {
    const fresh = await generateTypes(ENGINE_ROOT);
    expect(readFileSync(path.join(ENGINE_ROOT, 'scripts/generated/types.ts'), 'utf8')).toBe(fresh);
  });

  it('scripts/generated/validators.ts matches the schemas (npm run gen:types) and is used', () => {
    expect(readFileSync(path.join(ENGINE_ROOT, 'scripts/generated/validators.ts'), 'utf8')).toBe(generateValidators(ENGINE_ROOT));
    expect(new SchemaSet(path.join(ENGINE_ROOT, 'schemas')).precompiled).toBe(true);
  });

  it('precompiled and run-time compiled validators report the same issues', () => {
    const tmp = tmpDir('govmedia-schemas-');
    try {
      cpSync(path.join(ENGINE_ROOT, 'schemas'), tmp, { recursive: true });
      const runtime = new SchemaSet(tmp);
      const pre = new SchemaSet(path.join(ENGINE_ROOT, 'schemas'));
      expect(runtime.precompiled).toBe(false);
      const good = JSON.parse(readFileSync(path.join(ENGINE_ROOT, 'accounts/jiangsu/shili/sq-wjw/sq-wjw-weixin.json'), 'utf8')) as Record<string, unknown>;
      const bad: unknown[] = [
        good,
        { ...good, platform: '脸书' },
        { ...good, id: 'Bad Id', extra: 1 },
        { ...good, events: [{ type: '开设备案', date: '2026-02-30' }] },
        { ...good, urls: { homepage: 'ftp://x' } },
        { ...good, name: '' },
        { ...good, operatingMode: '购买服务' },
        [],
        'text',
      ];
      let issues = 0;
      for (const doc of bad) {
        const a = pre.validate('account', doc);
        expect(runtime.validate('account', doc)).toEqual(a);
        issues += a.length;
      }
      expect(issues).toBeGreaterThan(8);
    } finally {
      rmSync(tmp, { recursive: true, force: true });
    }
  });

  it('docs/rules.md lists every rule (npm run rules -- --write)', async () => {
    const fresh = rulesMarkdown(await collectRules(ENGINE_ROOT));
    expect(readFileSync(path.join(ENGINE_ROOT, 'docs/rules.md'), 'utf8')).toBe(fresh);
  });

  it('schemas have Chinese descriptions and allow no unknown properties', () => {
    for (const name of ['account', 'unit', 'region']) {
      const schema = JSON.parse(readFileSync(path.join(ENGINE_ROOT, 'schemas', `${name}.schema.json`), 'utf8')) as Record<string, unknown>;
      expect(schema.description).toMatch(/[\u4e00-\u9fff]/);
      expect(schema.additionalProperties).toBe(false);
      const text = JSON.stringify(schema);
      // no property may be meant to hold a secret
      expect(text).not.toMatch(/"(password|passwd|secret|appSecret|token|密码)"\s*:/i);
    }
  });
});
