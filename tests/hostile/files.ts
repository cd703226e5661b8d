/**
 * 生成敌意输入时用到的文件操作和 JSON 文本工具。
 * File and JSON-text helpers for building hostile inputs inside a written register.
 */
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parseJson } from '../../scripts/core/jsonpos.ts';

export type Pointer = (string | number)[];
export type JsonValue = null | boolean | number | string | JsonValue[] | { [k: string]: JsonValue };

/** The files of the base register (see baseKit() in tests/helpers.ts). */
export const ACC = 'accounts/sichuan/zigong/zg-wjw/zg-wjw-weixin.json';
export const UNIT_DIR = 'accounts/sichuan/zigong/zg-wjw';
export const UNIT = `${UNIT_DIR}/unit.json`;
export const BGS_UNIT = 'accounts/sichuan/zigong/zg-bgs/unit.json';
export const CITY = 'accounts/sichuan/zigong';
export const CITY_REGION = `${CITY}/region.json`;
export const PROVINCE_REGION = 'accounts/sichuan/region.json';
export const ROOT_REGION = 'accounts/region.json';

export function abs(dir: string, rel: string): string {
  return path.join(dir, rel);
}

export function readText(dir: string, rel: string): string {
  return readFileSync(abs(dir, rel), 'utf8');
}

export function readBytes(dir: string, rel: string): Buffer {
  return readFileSync(abs(dir, rel));
}

export function write(dir: string, rel: string, data: string | Buffer): void {
  const p = abs(dir, rel);
  mkdirSync(path.dirname(p), { recursive: true });
  writeFileSync(p, data);
}

export function remove(dir: string, rel: string): void {
  rmSync(abs(dir, rel), { recursive: true, force: true });
}

export function readJson(dir: string, rel: string): { [k: string]: JsonValue } {
  return JSON.parse(readText(dir, rel)) as { [k: string]: JsonValue };
}

export function pretty(v: unknown): string {
  return JSON.stringify(v, null, 2) + '\n';
}

export function writeJson(dir: string, rel: string, v: unknown): void {
  write(dir, rel, pretty(v));
}

export function editJson(dir: string, rel: string, fn: (doc: { [k: string]: JsonValue }) => void): void {
  const doc = readJson(dir, rel);
  fn(doc);
  writeJson(dir, rel, doc);
}

export function editText(dir: string, rel: string, fn: (text: string) => string): void {
  write(dir, rel, fn(readText(dir, rel)));
}

/** Set an own property, even "__proto__" (plain assignment would change the prototype). */
export function defineKey(obj: { [k: string]: JsonValue }, key: string, value: JsonValue): void {
  Object.defineProperty(obj, key, { value, writable: true, enumerable: true, configurable: true });
}

export function getAt(doc: JsonValue, p: Pointer): JsonValue | undefined {
  let cur: JsonValue | undefined = doc;
  for (const seg of p) {
    if (cur === null || typeof cur !== 'object') return undefined;
    cur = Array.isArray(cur) ? cur[seg as number] : Object.hasOwn(cur, seg) ? cur[seg as string] : undefined;
  }
  return cur;
}

/** Set (or, with `undefined`, delete) the value at a pointer; parents must exist. */
export function setAt(doc: JsonValue, p: Pointer, value: JsonValue | undefined): void {
  const parent = getAt(doc, p.slice(0, -1));
  const last = p[p.length - 1];
  if (parent === null || typeof parent !== 'object' || last === undefined) throw new Error(`no parent for ${p.join('/')}`);
  if (Array.isArray(parent)) {
    if (value === undefined) parent.splice(last as number, 1);
    else parent[last as number] = value;
  } else if (value === undefined) delete parent[last as string];
  else defineKey(parent, String(last), value);
}

/** Every pointer in a document (containers and leaves, the root excluded), depth first. */
export function pointersOf(doc: JsonValue, base: Pointer = []): { pointer: Pointer; value: JsonValue }[] {
  const out: { pointer: Pointer; value: JsonValue }[] = [];
  if (doc !== null && typeof doc === 'object') {
    const entries: [string | number, JsonValue][] = Array.isArray(doc) ? doc.map((v, i) => [i, v]) : Object.entries(doc);
    for (const [k, v] of entries) {
      const p = [...base, k];
      out.push({ pointer: p, value: v });
      out.push(...pointersOf(v, p));
    }
  }
  return out;
}

/** Line (1-based) of the value (or key) at a pointer in a file on disk, as the validator's parser locates it. */
export function lineAt(dir: string, rel: string, p: Pointer, key = false): number {
  const parsed = parseJson(readText(dir, rel));
  return key ? parsed.locateKey(p).line : parsed.locate(p).line;
}

export interface Token {
  kind: 'string' | 'punct';
  start: number;
  /** exclusive */
  end: number;
  ch: string;
}

/** Tokens of a JSON text that matter for structural damage: strings and punctuation outside strings. */
export function tokens(text: string): Token[] {
  const out: Token[] = [];
  for (let i = 0; i < text.length; i++) {
    const c = text[i] as string;
    if (c === '"') {
      let j = i + 1;
      while (j < text.length && text[j] !== '"') j += text[j] === '\\' ? 2 : 1;
      out.push({ kind: 'string', start: i, end: j + 1, ch: '"' });
      i = j;
    } else if ('{}[]:,'.includes(c)) out.push({ kind: 'punct', start: i, end: i + 1, ch: c });
  }
  return out;
}

/** 1-based line of a UTF-16 offset. */
export function lineOfOffset(text: string, offset: number): number {
  let line = 1;
  for (let i = 0; i < offset && i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 10) line++;
    else if (c === 13) {
      if (text.charCodeAt(i + 1) !== 10) line++;
    }
  }
  return line;
}
