/**
 * 由 schemas/*.schema.json 生成 TypeScript 类型（json-schema-to-typescript）。
 * Generates scripts/generated/types.ts from the schemas; `npm run gen:types` writes it,
 * and a test fails when the committed file is stale.
 */
import { compile, type JSONSchema } from 'json-schema-to-typescript';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { VALIDATED_SCHEMAS } from './gen-validators.ts';

export async function generateTypes(root: string): Promise<string> {
  const parts: string[] = [
    '/* eslint-disable */',
    '/**',
    ' * 此文件由 `npm run gen:types` 根据 schemas/*.schema.json 自动生成，请勿手工修改。',
    ' * Generated from schemas/*.schema.json by `npm run gen:types`. Do not edit by hand.',
    ' */',
    '',
  ];
  for (const name of VALIDATED_SCHEMAS) {
    const file = path.join(root, 'schemas', `${name}.schema.json`);
    let text: string;
    try {
      text = await readFile(file, 'utf8');
    } catch {
      continue; // optional schema not yet present
    }
    const schema = prepare(JSON.parse(text) as JSONSchema);
    const ts = await compile(schema, titleFor(name), {
      customName: (_s, key) => (key ? pascal(key) : undefined),
      bannerComment: '',
      additionalProperties: false,
      unreachableDefinitions: false,
      strictIndexSignatures: true,
      ignoreMinAndMaxItems: true,
      format: true,
      declareExternallyReferenced: true,
      style: { singleQuote: true, printWidth: 110 },
      cwd: path.join(root, 'schemas'),
    });
    parts.push(`// ---- ${name}.schema.json ----`, ts.trim(), '');
  }
  return parts.join('\n');
}

/**
 * The schemas carry Chinese titles and descriptions for editors. For type generation:
 * drop the root `allOf` (conditional `required` only; it would widen the type to an index
 * signature) and the siblings of `$ref` (a description beside a `$ref` makes a copy type).
 */
function prepare(schema: JSONSchema): JSONSchema {
  const copy = structuredClone(schema) as Record<string, unknown>;
  delete copy.allOf;
  delete copy.$id;
  const walk = (node: unknown): void => {
    if (Array.isArray(node)) {
      node.forEach(walk);
      return;
    }
    if (node && typeof node === 'object') {
      const obj = node as Record<string, unknown>;
      if (typeof obj.$ref === 'string') {
        for (const k of Object.keys(obj)) if (k !== '$ref') delete obj[k];
        return;
      }
      delete obj.title;
      Object.values(obj).forEach(walk);
    }
  };
  walk(copy);
  return copy as JSONSchema;
}

function pascal(key: string): string {
  const base = key.replace(/(^|[-_])([a-z])/g, (_m, _s, c: string) => c.toUpperCase());
  return base === 'Date' ? 'DateString' : base;
}

function titleFor(name: string): string {
  return name.charAt(0).toUpperCase() + name.slice(1) + 'File';
}
