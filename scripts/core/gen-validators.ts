/**
 * 由 schemas/*.schema.json 预编译模式校验函数（ajv standalone），写到 scripts/generated/validators.ts：
 * 命令启动时不必再编译模式。文件带有模式内容的摘要，模式改了而文件没有重新生成时，程序照旧在运行时
 * 编译（结果相同，只是慢），测试则报告文件过期。
 * Precompiled schema validators (ajv standalone code) for scripts/generated/validators.ts, so a
 * command need not compile the schemas at start-up. The file carries a digest of the schemas:
 * when they change and the file was not regenerated the program compiles at run time as before
 * (same result, slower) and a test reports the file stale. `npm run gen:types` writes both.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';

export const VALIDATED_SCHEMAS = ['account', 'unit', 'region', 'exception', 'activity', 'acknowledged'] as const;
export type SchemaName = (typeof VALIDATED_SCHEMAS)[number];

/** ajv options shared by the run-time compiler and the precompiled code: their errors must match. */
export const AJV_OPTIONS = { allErrors: true, strict: false, verbose: true, messages: true } as const;
export const AJV_FORMATS = ['date', 'uri', 'date-time'] as const;

/** Digest of the schema texts the validators were generated from. */
export function schemaDigest(schemaDir: string): string | undefined {
  const h = createHash('sha256');
  for (const name of VALIDATED_SCHEMAS) {
    let text: string;
    try {
      text = readFileSync(path.join(schemaDir, `${name}.schema.json`), 'utf8');
    } catch {
      return undefined;
    }
    h.update(`${name}\n${text}\n`);
  }
  return h.digest('hex');
}

export function generateValidators(root: string): string {
  const require = createRequire(import.meta.url);
  const Ajv2020 = require('ajv/dist/2020').default as typeof import('ajv/dist/2020.js').default;
  const addFormats = require('ajv-formats').default as typeof import('ajv-formats').default;
  const standalone = require('ajv/dist/standalone').default as (ajv: unknown, refs: Record<string, string>) => string;
  const schemaDir = path.join(root, 'schemas');
  const ajv = new Ajv2020({ ...AJV_OPTIONS, code: { source: true, esm: true } });
  addFormats(ajv, { mode: 'full', formats: [...AJV_FORMATS] });
  const refs: Record<string, string> = {};
  for (const name of VALIDATED_SCHEMAS) {
    const schema = JSON.parse(readFileSync(path.join(schemaDir, `${name}.schema.json`), 'utf8')) as { $id: string };
    ajv.addSchema(schema);
    refs[name] = schema.$id;
  }
  let code = standalone(ajv, refs);
  // the date format: ajv-formats' own, with its check replaced by the same check done without a
  // regular expression (scripts/core/formats.ts)
  const AJV_DATE = 'require("ajv-formats/dist/formats").fullFormats.date';
  if (!code.includes(AJV_DATE)) throw new Error(`gen-validators: ajv's output no longer names ${AJV_DATE}`);
  code = code.replaceAll(AJV_DATE, `{ ...${AJV_DATE}, validate: fullDate }`);
  // ajv's ESM output still calls require() for its run-time helpers (ucs2length, the formats):
  // give the module a require of its own, so they load exactly as ajv loads them
  code = code.replace(/^"use strict";/, '');
  const head = [
    '// @ts-nocheck',
    '/* eslint-disable */',
    '// 此文件由 `npm run gen:types` 根据 schemas/*.schema.json 自动生成（ajv standalone），请勿手工修改。',
    '// Generated from schemas/*.schema.json by `npm run gen:types` (ajv standalone code). Do not edit by hand.',
    "import { createRequire } from 'node:module';",
    'const require = createRequire(import.meta.url);',
    // through the engine's own alias (as the policy modules import the engine), so this source holds
    // no relative .ts path in a string (scripts/pr/compile-engine.ts declines a file that does)
    "import { fullDate } from '#engine/core/formats';",
    `export const SCHEMA_DIGEST = ${JSON.stringify(schemaDigest(schemaDir))};`,
  ];
  return `${head.join('\n')}\n${code}\n`;
}
