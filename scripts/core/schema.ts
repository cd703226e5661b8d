/**
 * 模式校验：预编译的校验函数（scripts/generated/validators.ts，ajv standalone）与模式内容一致时直接用，
 * 否则用 ajv 在运行时编译一次；错误信息译为中文并附字段说明。
 * Schema validation: the precompiled validators (scripts/generated/validators.ts) when they match
 * the schema texts, else compiled once with ajv at run time; errors turned into bilingual,
 * located messages.
 */
import type { ErrorObject } from 'ajv/dist/2020.js';
import { createRequire } from 'node:module';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Bilingual } from './finding.ts';
import { AJV_FORMATS, AJV_OPTIONS, schemaDigest, type SchemaName } from './gen-validators.ts';
import * as precompiled from '../generated/validators.ts';
import { ENGINE_ROOT } from './paths.ts';

export type { SchemaName };

/** A validation function as ajv (run-time or standalone) makes it. */
export type ValidateFunction = ((data: unknown) => boolean) & { errors?: ErrorObject[] | null };

const require = createRequire(import.meta.url);

export interface SchemaIssue {
  /** JSON pointer segments of the value to point at. */
  pointer: (string | number)[];
  /** Point at the key rather than the value (unknown property). */
  atKey: boolean;
  message: Bilingual;
  fix: Bilingual;
  keyword: string;
  /** The field the issue is about, when it differs from `pointer` (a missing property: its own path). */
  field?: (string | number)[];
}

/**
 * The field each register/schema finding is about (JSON pointer segments), kept beside the finding
 * so the pipeline can cite the article that requires that field in the file's region
 * (scripts/policy/basis.ts) without the finding carrying it into any output.
 */
export const schemaFindingField = new WeakMap<object, (string | number)[]>();

export class SchemaSet {
  private readonly validators = new Map<SchemaName, ValidateFunction>();
  private ajv: { compile(schema: object): ValidateFunction } | undefined;
  private usePrecompiled: boolean | undefined;

  constructor(private readonly schemaDir: string) {}

  /** Whether the precompiled validators were made from exactly these schema files. */
  get precompiled(): boolean {
    this.usePrecompiled ??= path.resolve(this.schemaDir) === path.join(ENGINE_ROOT, 'schemas') && schemaDigest(this.schemaDir) === precompiled.SCHEMA_DIGEST;
    return this.usePrecompiled;
  }

  get(name: SchemaName): ValidateFunction {
    let v = this.validators.get(name);
    if (!v) {
      if (this.precompiled) v = (precompiled as unknown as Record<SchemaName, ValidateFunction>)[name];
      else {
        if (!this.ajv) {
          const Ajv2020 = (require('ajv/dist/2020') as { default: new (o: object) => { compile(schema: object): ValidateFunction } }).default;
          const addFormats = (require('ajv-formats') as { default: (ajv: unknown, o: object) => void }).default;
          this.ajv = new Ajv2020({ ...AJV_OPTIONS });
          addFormats(this.ajv, { mode: 'full', formats: [...AJV_FORMATS] });
        }
        const schema = JSON.parse(readFileSync(path.join(this.schemaDir, `${name}.schema.json`), 'utf8')) as object;
        v = this.ajv.compile(schema);
      }
      this.validators.set(name, v);
    }
    return v;
  }

  validate(name: SchemaName, data: unknown): SchemaIssue[] {
    const v = this.get(name);
    if (v(data)) return [];
    const errors = v.errors ?? [];
    return explain(errors, data);
  }
}

function splitPointer(p: string): (string | number)[] {
  if (!p) return [];
  return p
    .slice(1)
    .split('/')
    .map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'));
}

function fieldLabel(e: ErrorObject): string {
  const ps = e.parentSchema as { description?: string } | undefined;
  const d = ps?.description;
  if (!d) return '';
  const first = d.split(/[。：:]/)[0] ?? '';
  return first.length > 0 && first.length <= 30 ? `（${first}）` : '';
}

function fieldName(pointer: (string | number)[]): string {
  if (pointer.length === 0) return '文件根对象';
  return pointer.map((s) => (typeof s === 'number' || /^\d+$/.test(String(s)) ? `[${s}]` : `.${s}`)).join('').replace(/^\./, '');
}

function fieldNameEn(pointer: (string | number)[]): string {
  return pointer.length === 0 ? 'the root object' : fieldName(pointer);
}

function show(v: unknown): string {
  const s = JSON.stringify(v);
  if (s === undefined) return String(v);
  return s.length > 60 ? s.slice(0, 57) + '…' : s;
}

/**
 * Turn ajv errors into located bilingual issues. `if/then` wrapper errors are dropped
 * (the inner `required` error says it all); enum errors name the allowed values.
 */
export function explain(errors: ErrorObject[], _data: unknown): SchemaIssue[] {
  const zhErrors = errors.map((e) => ({ ...e }));
  (require('ajv-i18n/localize/zh') as (errors: ErrorObject[]) => void)(zhErrors);
  const out: SchemaIssue[] = [];
  const seen = new Set<string>();
  errors.forEach((e, i) => {
    if (e.keyword === 'if' || e.keyword === 'allOf') return;
    const pointer = splitPointer(e.instancePath);
    const name = fieldName(pointer);
    const nameEn = fieldNameEn(pointer);
    const label = fieldLabel(e);
    const p = e.params as Record<string, unknown>;
    let issue: SchemaIssue;
    switch (e.keyword) {
      case 'required': {
        const miss = String(p.missingProperty);
        issue = {
          pointer,
          field: [...pointer, miss],
          atKey: false,
          keyword: e.keyword,
          message: { zh: `${pointer.length ? `${name} ` : ''}缺少必填字段“${miss}”`, en: `${nameEn} is missing required property "${miss}"` },
          fix: { zh: `请在此对象中补上“${miss}”字段（可参照同类账号文件或用 govmedia new 生成）。`, en: `Add the "${miss}" property to this object (see a similar file, or generate one with govmedia new).` },
        };
        break;
      }
      case 'additionalProperties': {
        const extra = String(p.additionalProperty);
        const secretish = /pass|pwd|secret|token|key|密码|口令|密钥/i.test(extra);
        issue = {
          pointer: [...pointer, extra],
          atKey: true,
          keyword: e.keyword,
          message: secretish
            ? { zh: `不允许的字段“${extra}”：本库不得保存密码、令牌等秘密信息`, en: `property "${extra}" is not allowed: the register must never hold passwords, tokens or other secrets` }
            : { zh: `不认识的字段“${extra}”${pointer.length ? `（位于 ${name}）` : ''}`, en: `unknown property "${extra}"${pointer.length ? ` in ${nameEn}` : ''}` },
          fix: secretish
            ? { zh: '请删除该字段，并立即更换已暴露的密码或令牌；本库只记录“何时更换了密码”（密码更换事件）。', en: 'Delete the property and rotate the exposed credential now; the register only records when credentials were rotated (a 密码更换 event).' }
            : { zh: '请检查字段名是否拼写错误；模式中没有的字段不能出现。', en: 'Check the spelling; only properties defined in the schema are allowed.' },
        };
        break;
      }
      case 'enum': {
        const allowed = (p.allowedValues as unknown[]).map((v) => String(v));
        issue = {
          pointer,
          atKey: false,
          keyword: e.keyword,
          message: { zh: `${name}${label} 的值 ${show(e.data)} 不在允许范围内`, en: `${nameEn} has value ${show(e.data)}, which is not one of the allowed values` },
          fix: { zh: `请改为以下之一：${allowed.join('、')}。`, en: `Use one of: ${allowed.join(', ')}.` },
        };
        break;
      }
      case 'const': {
        issue = {
          pointer,
          atKey: false,
          keyword: e.keyword,
          message: { zh: `${name}${label} 的值必须是 ${show(p.allowedValue)}`, en: `${nameEn} must be ${show(p.allowedValue)}` },
          fix: { zh: `请改为 ${show(p.allowedValue)}。`, en: `Set it to ${show(p.allowedValue)}.` },
        };
        break;
      }
      case 'type': {
        const t = String(p.type);
        const zhType: Record<string, string> = { string: '文本（字符串）', number: '数字', integer: '整数', boolean: '布尔值 true 或 false', object: '对象 {…}', array: '数组 […]', null: 'null' };
        issue = {
          pointer,
          atKey: false,
          keyword: e.keyword,
          message: { zh: `${name}${label} 的类型不对：应为${zhType[t] ?? t}，实际是 ${show(e.data)}`, en: `${nameEn} must be of type ${t}, got ${show(e.data)}` },
          fix: { zh: `请把该值改为${zhType[t] ?? t}${t === 'string' ? '，用英文双引号括起来' : ''}。`, en: `Change the value to a ${t}.` },
        };
        break;
      }
      case 'format': {
        const f = String(p.format);
        const isDate = f === 'date';
        issue = {
          pointer,
          atKey: false,
          keyword: e.keyword,
          message: isDate
            ? { zh: `${name}${label} 不是有效日期：${show(e.data)}`, en: `${nameEn} is not a valid date: ${show(e.data)}` }
            : { zh: `${name}${label} 的格式不正确（应为 ${f}）：${show(e.data)}`, en: `${nameEn} does not match format ${f}: ${show(e.data)}` },
          fix: isDate
            ? { zh: '请填写真实存在的日期，格式为 YYYY-MM-DD，例如 2026-03-02。', en: 'Use a real calendar date in YYYY-MM-DD form, e.g. 2026-03-02.' }
            : { zh: f === 'uri' ? '请填写完整网址，以 https:// 或 http:// 开头。' : `请按 ${f} 格式填写。`, en: `Use the ${f} format.` },
        };
        break;
      }
      case 'pattern': {
        const field = String(pointer[pointer.length - 1] ?? '');
        const hint: Record<string, Bilingual> = {
          id: { zh: '编号只能用小写字母、数字和连字符，例如 zg-wjw-weixin。', en: 'Use lowercase letters, digits and hyphens, e.g. zg-wjw-weixin.' },
          hostUnit: { zh: '填写主办单位的编号（即单位文件夹名）。', en: 'Use the host unit id (its folder name).' },
          mobile: { zh: '手机号码为 11 位数字，以 1 开头，不要加空格或横线。', en: 'A mobile number is 11 digits starting with 1.' },
          officePhone: { zh: '办公电话只写数字和横线，例如 0813-0000001。', en: 'Office phone: digits and hyphens, e.g. 0813-0000001.' },
          date: { zh: '日期格式为 YYYY-MM-DD。', en: 'Dates are YYYY-MM-DD.' },
        };
        const h = hint[field] ?? (/^(date|announcementEnd|contractEnd)$/.test(field) ? hint.date : undefined);
        issue = {
          pointer,
          atKey: false,
          keyword: e.keyword,
          message: { zh: `${name}${label} 的写法不符合要求：${show(e.data)}`, en: `${nameEn} does not match the required pattern: ${show(e.data)}` },
          fix: h ?? { zh: `请按要求的格式填写（${String(p.pattern)}）。`, en: `Match the pattern ${String(p.pattern)}.` },
        };
        break;
      }
      case 'minLength':
      case 'maxLength':
      case 'minItems':
      case 'maxItems':
      case 'minimum':
      case 'maximum': {
        const lim = String(p.limit);
        const zhWhat: Record<string, string> = { minLength: `不能少于 ${lim} 个字符`, maxLength: `不能超过 ${lim} 个字符`, minItems: `至少要有 ${lim} 项`, maxItems: `最多 ${lim} 项`, minimum: `不能小于 ${lim}`, maximum: `不能大于 ${lim}` };
        issue = {
          pointer,
          atKey: false,
          keyword: e.keyword,
          message: { zh: `${name}${label} ${zhWhat[e.keyword]}`, en: `${nameEn} ${e.message ?? e.keyword}` },
          fix: { zh: e.keyword === 'minItems' && lim === '1' ? '请至少填写一项。' : '请调整该值的长度或大小。', en: 'Adjust the value.' },
        };
        break;
      }
      case 'uniqueItems': {
        issue = {
          pointer,
          atKey: false,
          keyword: e.keyword,
          message: { zh: `${name}${label} 中有重复的项（第 ${Number(p.j) + 1} 项与第 ${Number(p.i) + 1} 项相同）`, en: `${nameEn} has duplicate items (${Number(p.j) + 1} and ${Number(p.i) + 1})` },
          fix: { zh: '请删除重复的项。', en: 'Remove the duplicate.' },
        };
        break;
      }
      default: {
        const zh = zhErrors[i]?.message ?? e.message ?? e.keyword;
        issue = {
          pointer,
          atKey: false,
          keyword: e.keyword,
          message: { zh: `${name}${label} ${zh}`, en: `${nameEn} ${e.message ?? e.keyword}` },
          fix: { zh: '请按模式说明修改（在 VS Code 中悬停查看字段说明）。', en: 'Fix the value as the schema describes (hover in VS Code to see it).' },
        };
      }
    }
    const key = `${issue.keyword}|${issue.pointer.join('/')}|${issue.message.zh}`;
    if (seen.has(key)) return;
    seen.add(key);
    out.push(issue);
  });
  return out;
}
