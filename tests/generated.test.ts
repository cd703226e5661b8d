/**
 * 生成文件必须是最新的：类型（由 schemas 生成）和 docs/rules.md（由规则生成）。
 * Generated files must be fresh: run `npm run gen:types` / `npm run rules -- --write`.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { generateTypes } from '../scripts/core/gen-types.ts';
import { ENGINE_ROOT } from '../scripts/core/paths.ts';
import { collectRules, rulesMarkdown } from '../scripts/commands/rules.ts';

describe('generated files', () => {
  it('scripts/generated/types.ts matches the schemas (npm run gen:types)', async () => {
    const fresh = await generateTypes(ENGINE_ROOT);
    expect(readFileSync(path.join(ENGINE_ROOT, 'scripts/generated/types.ts'), 'utf8')).toBe(fresh);
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
