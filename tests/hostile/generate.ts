/**
 * 敌意输入语料：任何人都能发起合并请求，所以每一种畸形或恶意的文件都必须得到带位置的中文检查结果
 * （文件、行、列、规则编号），退出码 1；不得崩溃、挂起或通过。
 *
 * The hostile corpus. Each case is applied to a copy of the small valid base register
 * (baseKit() in tests/helpers.ts, written to a real folder) and returns what it expects: at
 * least one finding on the damaged file (or folder, or link), from one of the named rules and,
 * where the damage has one, on the damaged line. Generation is seeded, so the corpus is the
 * same on every run.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync, renameSync, statSync, symlinkSync } from 'node:fs';
import path from 'node:path';
import { ENGINE_ROOT } from '../../scripts/core/paths.ts';
import { encodeGbk, encodeLatin1, encodeUtf16be, encodeUtf16le } from './encodings.ts';
import {
  abs,
  ACC,
  BGS_UNIT,
  CITY,
  CITY_REGION,
  defineKey,
  editJson,
  editText,
  getAt,
  lineAt,
  lineOfOffset,
  pointersOf,
  PROVINCE_REGION,
  readBytes,
  readJson,
  readText,
  remove,
  ROOT_REGION,
  setAt,
  tokens,
  UNIT,
  UNIT_DIR,
  write,
  writeJson,
  type JsonValue,
  type Pointer,
} from './files.ts';
import { Prng } from './prng.ts';

export interface Expectation {
  /** The register-relative path the finding must be on (a file, a folder or a link). */
  file: string;
  /** The finding must come from one of these rules (any rule when absent). */
  rules?: readonly string[];
  /** …and be on this line (when the damage has a line). */
  line?: number;
  /** …and point (line and column) at raw text starting with one of these. */
  text?: readonly string[];
}

export interface HostileCase {
  name: string;
  kind: string;
  /** Damage the written base register in `dir`; returns what must be found. */
  setup(dir: string): Expectation;
}

export const SEED = 20261121;

const R = {
  syntax: ['register/json-syntax'],
  syntaxOrEncoding: ['register/json-syntax', 'register/encoding'],
  encoding: ['register/encoding'],
  schema: ['register/schema'],
  dup: ['register/duplicate-key'],
  bom: ['register/bom'],
  tooLarge: ['register/file-too-large'],
  deep: ['register/json-syntax', 'register/file-too-large'],
  name: ['register/invisible-char', 'register/look-alike'],
  secret: ['register/secret'],
  symlink: ['register/symlink'],
  stray: ['register/stray-file'],
  misplaced: ['register/misplaced'],
  schemaRef: ['register/schema-ref'],
} as const;

/** The files of the sample register (accounts/ of this repository), for realistic damage. */
function sampleAccountFiles(): string[] {
  const out: string[] = [];
  const walk = (d: string): void => {
    for (const name of readdirSync(d).sort()) {
      const p = path.join(d, name);
      if (statSync(p).isDirectory()) walk(p);
      else if (name.endsWith('.json') && name !== 'unit.json' && name !== 'region.json') out.push(p);
    }
  };
  walk(path.join(ENGINE_ROOT, 'accounts'));
  return out;
}

// ---------------------------------------------------------------------------
// 1. syntax: truncation, byte flips, broken punctuation, JSON5-isms
// ---------------------------------------------------------------------------

function truncations(rng: Prng): HostileCase[] {
  const out: HostileCase[] = [];
  const N = 45;
  for (let i = 0; i < N; i++) {
    const jitter = rng.next();
    out.push({
      name: `truncated account file at step ${i}/${N}`,
      kind: 'truncate',
      setup(dir) {
        const buf = readBytes(dir, ACC);
        const last = buf.lastIndexOf('}'.charCodeAt(0));
        const step = last / N;
        const at = Math.min(last - 1, Math.floor(i * step + jitter * step));
        write(dir, ACC, buf.subarray(0, Math.max(0, at)));
        return { file: ACC, rules: R.syntaxOrEncoding };
      },
    });
  }
  const samples = rng.sample(sampleAccountFiles(), 3);
  for (const s of samples) {
    for (let i = 0; i < 10; i++) {
      const frac = (i + rng.next()) / 10;
      out.push({
        name: `truncated sample file ${path.basename(s)} at ${(frac * 100).toFixed(1)}%`,
        kind: 'truncate',
        setup(dir) {
          const buf = readFileSync(s);
          const last = buf.lastIndexOf('}'.charCodeAt(0));
          write(dir, ACC, buf.subarray(0, Math.min(last, Math.floor(frac * last))));
          return { file: ACC, rules: R.syntaxOrEncoding };
        },
      });
    }
  }
  for (const [label, rel] of [['unit', UNIT], ['region', CITY_REGION]] as const) {
    for (let i = 0; i < 5; i++) {
      const frac = (i + rng.next()) / 5;
      out.push({
        name: `truncated ${label} file at ${(frac * 100).toFixed(1)}%`,
        kind: 'truncate',
        setup(dir) {
          const buf = readBytes(dir, rel);
          const last = buf.lastIndexOf('}'.charCodeAt(0));
          write(dir, rel, buf.subarray(0, Math.min(last, Math.floor(frac * last))));
          return { file: rel, rules: R.syntaxOrEncoding };
        },
      });
    }
  }
  return out;
}

function byteFlips(rng: Prng): HostileCase[] {
  const out: HostileCase[] = [];
  for (let i = 0; i < 30; i++) {
    const pickFrac = rng.next();
    const bit = rng.int(8);
    out.push({
      name: `structural byte flip #${i} (bit ${bit})`,
      kind: 'byte-flip',
      setup(dir) {
        const text = readText(dir, ACC);
        const toks = tokens(text);
        // punctuation and string quotes; offsets are ASCII so UTF-16 and byte offsets agree up to the first non-ASCII char
        const spots: number[] = [];
        for (const t of toks) {
          if (t.kind === 'punct') spots.push(t.start);
          else spots.push(t.start, t.end - 1);
        }
        const spot = spots[Math.floor(pickFrac * spots.length)] as number;
        const byteAt = Buffer.byteLength(text.slice(0, spot), 'utf8');
        const buf = Buffer.from(text, 'utf8');
        buf[byteAt] = (buf[byteAt] as number) ^ (1 << bit);
        write(dir, ACC, buf);
        return { file: ACC, rules: R.syntaxOrEncoding, line: lineOfOffset(text, spot) };
      },
    });
  }
  for (let i = 0; i < 20; i++) {
    const pickFrac = rng.next();
    out.push({
      name: `high bit set on an ASCII byte #${i}`,
      kind: 'byte-flip',
      setup(dir) {
        const buf = readBytes(dir, ACC);
        const ascii: number[] = [];
        for (let k = 0; k < buf.length; k++) if ((buf[k] as number) < 0x80 && buf[k] !== 10) ascii.push(k);
        const at = ascii[Math.floor(pickFrac * ascii.length)] as number;
        buf[at] = (buf[at] as number) | 0x80;
        write(dir, ACC, buf);
        return { file: ACC, rules: R.encoding, line: buf.subarray(0, at).toString('latin1').split('\n').length };
      },
    });
  }
  for (let i = 0; i < 10; i++) {
    const frac = rng.next();
    const insert = rng.next() < 0.5;
    out.push({
      name: `NUL byte ${insert ? 'inserted' : 'written'} at ${(frac * 100).toFixed(1)}%`,
      kind: 'byte-flip',
      setup(dir) {
        const buf = readBytes(dir, ACC);
        const at = Math.floor(frac * buf.length);
        write(dir, ACC, insert ? Buffer.concat([buf.subarray(0, at), Buffer.from([0]), buf.subarray(at)]) : Object.assign(Buffer.from(buf), { [at]: 0 }));
        return { file: ACC, rules: R.encoding, line: 1 };
      },
    });
  }
  return out;
}

function punctuation(rng: Prng): HostileCase[] {
  const out: HostileCase[] = [];
  const chars = ['{', '}', '[', ']', '"', ',', ':'] as const;
  for (const ch of chars) {
    for (const op of ['delete', 'duplicate'] as const) {
      for (let i = 0; i < 3; i++) {
        const frac = rng.next();
        out.push({
          name: `${op} a ${ch} (#${i})`,
          kind: 'punctuation',
          setup(dir) {
            const text = readText(dir, ACC);
            const spots: number[] = [];
            for (const t of tokens(text)) {
              if (ch === '"' && t.kind === 'string') spots.push(t.start, t.end - 1);
              else if (t.kind === 'punct' && t.ch === ch) spots.push(t.start);
            }
            const at = spots[Math.floor(frac * spots.length)] as number;
            write(dir, ACC, op === 'delete' ? text.slice(0, at) + text.slice(at + 1) : text.slice(0, at) + ch + text.slice(at));
            return { file: ACC, rules: R.syntax };
          },
        });
      }
    }
  }
  for (const [label, rel] of [['unit', UNIT], ['region', CITY_REGION], ['root region', ROOT_REGION]] as const) {
    for (const op of ['delete', 'duplicate'] as const) {
      const frac = rng.next();
      out.push({
        name: `${op} a bracket in the ${label} file`,
        kind: 'punctuation',
        setup(dir) {
          const text = readText(dir, rel);
          const spots = tokens(text).filter((t) => t.kind === 'punct' && '{}[]'.includes(t.ch));
          const at = (spots[Math.floor(frac * spots.length)] as { start: number }).start;
          write(dir, rel, op === 'delete' ? text.slice(0, at) + text.slice(at + 1) : text.slice(0, at) + (text[at] as string) + text.slice(at));
          return { file: rel, rules: R.syntax };
        },
      });
    }
  }
  return out;
}

function json5isms(rng: Prng): HostileCase[] {
  const out: HostileCase[] = [];
  // trailing commas after the last member of an object or the last item of an array
  for (let i = 0; i < 10; i++) {
    const frac = rng.next();
    const rel = i < 7 ? ACC : i < 9 ? UNIT : CITY_REGION;
    out.push({
      name: `trailing comma #${i} in ${path.basename(rel)}`,
      kind: 'trailing-comma',
      setup(dir) {
        const text = readText(dir, rel);
        const closers = tokens(text).filter((t) => t.kind === 'punct' && (t.ch === '}' || t.ch === ']'));
        // only closers of non-empty containers
        const ok = closers.filter((t) => !/[[{]\s*$/.test(text.slice(0, t.start)));
        const c = ok[Math.floor(frac * ok.length)] as { start: number };
        let k = c.start - 1;
        while (k >= 0 && /\s/.test(text[k] as string)) k--;
        write(dir, rel, text.slice(0, k + 1) + ',' + text.slice(k + 1));
        return { file: rel, rules: R.syntax, line: lineOfOffset(text, k) };
      },
    });
  }
  // comments
  const comments = ['// 备注：这是测试账号', '/* 临时注释 */', '# comment', '/** 文档注释 */', '<!-- html -->', '-- sql comment', '; ini comment', '//', '/*', '/* 未结束的注释'];
  comments.forEach((c) => {
    const frac = rng.next();
    out.push({
      name: `comment ${JSON.stringify(c)} between members`,
      kind: 'comment',
      setup(dir) {
        const lines = readText(dir, ACC).split('\n');
        const at = 1 + Math.floor(frac * (lines.length - 3));
        const indent = /^\s*/.exec(lines[at] as string)?.[0] ?? '';
        lines.splice(at, 0, indent + c);
        write(dir, ACC, lines.join('\n'));
        return { file: ACC, rules: R.syntax, line: at + 1 };
      },
    });
  });
  // single-quoted strings
  for (let i = 0; i < 10; i++) {
    const frac = rng.next();
    out.push({
      name: `single-quoted string #${i}`,
      kind: 'single-quote',
      setup(dir) {
        const text = readText(dir, ACC);
        const strs = tokens(text).filter((t) => t.kind === 'string');
        const s = strs[Math.floor(frac * strs.length)] as { start: number; end: number };
        write(dir, ACC, text.slice(0, s.start) + "'" + text.slice(s.start + 1, s.end - 1) + "'" + text.slice(s.end));
        return { file: ACC, rules: R.syntax, line: lineOfOffset(text, s.start) };
      },
    });
  }
  // numbers and literals JSON does not have
  const literals = ['NaN', 'Infinity', '-Infinity', '0x1F', '0X10', '012', '00', '+1', '.5', '1.', '1e', '1e+', '-', '1_000', '1,5', 'undefined', 'True', 'False', 'None', 'nil', '０', '١٢', "'x'", '`x`'];
  literals.forEach((lit, i) => {
    const field = i % 3 === 0 ? '"name": "健康自贡"' : i % 3 === 1 ? '"operatingMode": "自营"' : '"date": "2025-03-03"';
    out.push({
      name: `literal ${lit} as a value (${field.split(':')[0]})`,
      kind: 'bad-literal',
      setup(dir) {
        const text = readText(dir, ACC);
        const at = text.indexOf(field);
        if (at < 0) throw new Error(`no ${field} in the base account`);
        const key = field.slice(0, field.indexOf(':') + 1);
        write(dir, ACC, text.slice(0, at) + `${key} ${lit}` + text.slice(at + field.length));
        return { file: ACC, rules: R.syntax, line: lineOfOffset(text, at) };
      },
    });
  });
  // unquoted keys and values, typographic quotes and punctuation typed by an input method
  const rewrites: [string, (t: string) => string][] = [
    ['unquoted key', (t) => t.replace('"name":', 'name:')],
    ['unquoted value', (t) => t.replace('"platform": "微信公众号"', '"platform": 微信公众号')],
    ['typographic double quotes', (t) => t.replace('"name": "健康自贡"', '"name": “健康自贡”')],
    ['full-width colon', (t) => t.replace('"name": ', '"name"： ')],
    ['full-width comma', (t) => t.replace('"name": "健康自贡",', '"name": "健康自贡"，')],
    ['typographic single quotes', (t) => t.replace('"name": "健康自贡"', '"name": ‘健康自贡’')],
    ['full-width braces', (t) => t.replace(/^\{/, '｛')],
    ['two documents', (t) => t + t],
    ['text after the document', (t) => t + '完\n'],
    ['a JavaScript module', (t) => 'export default ' + t],
    ['an assignment', (t) => 'var account = ' + t + ';'],
    ['YAML instead of JSON', () => 'id: zg-wjw-weixin\nname: 健康自贡\n'],
  ];
  for (const [label, fn] of rewrites) {
    out.push({
      name: label,
      kind: 'not-json',
      setup(dir) {
        editText(dir, ACC, fn);
        return { file: ACC, rules: R.syntax };
      },
    });
  }
  return out;
}

// ---------------------------------------------------------------------------
// 2. structure: duplicate keys, nesting, size
// ---------------------------------------------------------------------------

function duplicateKeys(rng: Prng): HostileCase[] {
  const out: HostileCase[] = [];
  const targets: [string, Pointer][] = [
    [ACC, ['id']],
    [ACC, ['name']],
    [ACC, ['platform']],
    [ACC, ['hostUnit']],
    [ACC, ['events']],
    [ACC, ['certifiedEntity', 'name']],
    [ACC, ['certifiedEntity', 'category']],
    [ACC, ['team', 'principal', 'mobile']],
    [ACC, ['team', 'operators', 0, 'name']],
    [ACC, ['team', 'review', 'editors']],
    [ACC, ['events', 0, 'date']],
    [ACC, ['events', 0, 'unitDecision', 'decision']],
    [ACC, ['events', 3, 'type']],
    [ACC, ['certification', 'status']],
    [UNIT, ['id']],
    [UNIT, ['kind']],
    [CITY_REGION, ['policies']],
    [CITY_REGION, ['supervisingOffice']],
    [ROOT_REGION, ['id']],
  ];
  for (const [rel, p] of targets) {
    const same = rng.next() < 0.5;
    out.push({
      name: `duplicate key ${p.join('.')} in ${path.basename(rel)} (${same ? 'same' : 'different'} value)`,
      kind: 'duplicate-key',
      setup(dir) {
        const text = readText(dir, rel);
        const line = lineAt(dir, rel, p, true);
        const lines = text.split('\n');
        const orig = lines[line - 1] as string;
        const indent = /^\s*/.exec(orig)?.[0] ?? '';
        const value = getAt(JSON.parse(text) as JsonValue, p) as JsonValue;
        const other: JsonValue = same ? value : typeof value === 'string' ? value + '（改）' : Array.isArray(value) ? [] : value;
        lines.splice(line - 1, 0, `${indent}${JSON.stringify(String(p[p.length - 1]))}: ${JSON.stringify(other)},`);
        write(dir, rel, lines.join('\n'));
        return { file: rel, rules: R.dup, line: line + 1, text: [JSON.stringify(String(p[p.length - 1]))] };
      },
    });
  }
  // the same key many times, and a key repeated with different escapes
  out.push({
    name: 'the same key 500 times',
    kind: 'duplicate-key',
    setup(dir) {
      editText(dir, ACC, (t) => t.replace('{\n', '{\n' + '  "name": "健康自贡",\n'.repeat(500)));
      return { file: ACC, rules: R.dup, line: 3 };
    },
  });
  out.push({
    name: 'duplicate key written once with an escape',
    kind: 'duplicate-key',
    setup(dir) {
      editText(dir, ACC, (t) => t.replace('{\n', '{\n  "n\\u0061me": "仿冒账号",\n'));
      return { file: ACC, rules: R.dup };
    },
  });
  return out;
}

function nesting(): HostileCase[] {
  const out: HostileCase[] = [];
  const forms: [string, (n: number) => string][] = [
    ['unclosed arrays', (n) => '['.repeat(n)],
    ['closed arrays', (n) => '['.repeat(n) + ']'.repeat(n)],
    ['objects', (n) => '{"a":'.repeat(n) + '1' + '}'.repeat(n)],
    ['arrays inside an event note', () => ''],
  ];
  for (const depth of [100, 1000, 100_000]) {
    for (const [label, make] of forms) {
      out.push({
        name: `nesting ${depth} deep: ${label}`,
        kind: 'deep-nesting',
        setup(dir) {
          if (label.startsWith('arrays inside')) {
            editText(dir, ACC, (t) => t.replace('"type": "系统填报",', `"type": "系统填报",\n      "note": ${'['.repeat(depth)}${']'.repeat(depth)},`));
          } else write(dir, ACC, make(depth));
          return { file: ACC, rules: R.deep };
        },
      });
    }
  }
  out.push({
    name: 'nesting 100000 deep in a unit file',
    kind: 'deep-nesting',
    setup(dir) {
      write(dir, UNIT, '['.repeat(100_000) + ']'.repeat(100_000));
      return { file: UNIT, rules: R.deep };
    },
  });
  out.push({
    name: 'nesting 100000 deep in a region file',
    kind: 'deep-nesting',
    setup(dir) {
      write(dir, CITY_REGION, '{"id":'.repeat(30_000) + '""' + '}'.repeat(30_000));
      return { file: CITY_REGION, rules: R.deep };
    },
  });
  // deep but under the parser's limit: parsed, then rejected by the schema at the right line
  for (const depth of [20, 50, 60]) {
    out.push({
      name: `nesting ${depth} deep inside a note (parses; wrong type)`,
      kind: 'deep-nesting',
      setup(dir) {
        editJson(dir, ACC, (d) => {
          let v: JsonValue = '底';
          for (let i = 0; i < depth; i++) v = [v];
          setAt(d, ['events', 4, 'note'], v);
        });
        return { file: ACC, rules: R.schema, line: lineAt(dir, ACC, ['events', 4, 'note']) };
      },
    });
  }
  return out;
}

function sizes(): HostileCase[] {
  const out: HostileCase[] = [];
  const MB = 1024 * 1024;
  const big: [string, Pointer, () => JsonValue][] = [
    ['1 MB of ASCII in a note', ['events', 4, 'note'], () => 'x'.repeat(MB)],
    ['1 MB of Chinese in the reason', ['events', 0, 'reason'], () => '测'.repeat(Math.ceil(MB / 3))],
    ['300 KB name', ['name'], () => 'a'.repeat(300 * 1024)],
    ['1 MB operator position', ['team', 'operators', 0, 'position'], () => '科'.repeat(MB / 2)],
  ];
  for (const [label, p, make] of big) {
    out.push({
      name: label,
      kind: 'huge',
      setup(dir) {
        editJson(dir, ACC, (d) => setAt(d, p, make()));
        return { file: ACC, rules: R.tooLarge, line: 1 };
      },
    });
  }
  out.push({
    name: 'valid account padded with spaces to one byte over the size limit',
    kind: 'huge',
    setup(dir) {
      const t = readText(dir, ACC);
      write(dir, ACC, t + ' '.repeat(256 * 1024 + 1 - Buffer.byteLength(t)));
      return { file: ACC, rules: R.tooLarge, line: 1 };
    },
  });
  out.push({
    name: '1 MB unit file',
    kind: 'huge',
    setup(dir) {
      editJson(dir, UNIT, (d) => setAt(d, ['note'], '注'.repeat(MB / 3)));
      return { file: UNIT, rules: R.tooLarge, line: 1 };
    },
  });
  out.push({
    name: '1 MB region file',
    kind: 'huge',
    setup(dir) {
      editJson(dir, CITY_REGION, (d) => setAt(d, ['notes'], 'n'.repeat(MB)));
      return { file: CITY_REGION, rules: R.tooLarge, line: 1 };
    },
  });
  // long but under the size limit: the schema's maxLength, located on the field
  const long: [string, string, Pointer, number][] = [
    ['account name of 61 characters', ACC, ['name'], 61],
    ['account name of 10000 characters', ACC, ['name'], 10_000],
    ['account id of 65 characters', ACC, ['id'], 65],
    ['operating unit of 101 characters', ACC, ['operatingUnit'], 101],
    ['certified entity of 101 characters', ACC, ['certifiedEntity', 'name'], 101],
    ['opening reason of 2001 characters', ACC, ['events', 0, 'reason'], 2001],
    ['note of 240 KB', ACC, ['events', 4, 'note'], 240 * 1024],
    ['person name of 31 characters', ACC, ['team', 'principal', 'name'], 31],
    ['public certification info of 201 characters', ACC, ['certification', 'publicInfo'], 201],
    ['platform account id of 101 characters', ACC, ['platformAccountId'], 101],
    ['unit name of 101 characters', UNIT, ['name'], 101],
    ['unit short name of 41 characters', UNIT, ['shortName'], 41],
    ['unit note of 501 characters', UNIT, ['note'], 501],
    ['region name of 61 characters', CITY_REGION, ['name'], 61],
    ['region notes of 1001 characters', CITY_REGION, ['notes'], 1001],
  ];
  for (const [label, rel, p, n] of long) {
    out.push({
      name: label,
      kind: 'long-string',
      setup(dir) {
        // ASCII where the field is an id or the string is big (the file must stay under the size limit)
        const ascii = p[p.length - 1] === 'id' || n > 20_000;
        editJson(dir, rel, (d) => setAt(d, p, ascii ? 'a'.repeat(n) : '长'.repeat(n)));
        return { file: rel, rules: R.schema, line: lineAt(dir, rel, p) };
      },
    });
  }
  // huge arrays
  out.push({
    name: '10000 events (over the size limit)',
    kind: 'huge-array',
    setup(dir) {
      editJson(dir, ACC, (d) => {
        const evs = d.events as JsonValue[];
        for (let i = 0; i < 10_000; i++) evs.push({ type: '信息报备', date: '2025-03-08', note: '批量' });
      });
      return { file: ACC, rules: R.tooLarge, line: 1 };
    },
  });
  for (const at of [999, 2400]) {
    out.push({
      name: `2500 events with an impossible date in event ${at + 1}`,
      kind: 'huge-array',
      setup(dir) {
        editJson(dir, ACC, (d) => {
          const evs = d.events as JsonValue[];
          while (evs.length < 2500) evs.push({ type: '信息报备', date: '2025-03-08' });
          setAt(d, ['events', at, 'date'], '2026-02-30');
        });
        return { file: ACC, rules: R.schema, line: lineAt(dir, ACC, ['events', at, 'date']) };
      },
    });
  }
  out.push({
    name: '2000 operators, the last without a position',
    kind: 'huge-array',
    setup(dir) {
      editJson(dir, ACC, (d) => {
        const ops = (d.team as { [k: string]: JsonValue }).operators as JsonValue[];
        for (let i = 0; i < 2000; i++) ops.push({ name: `编辑${i}（虚构）`, position: '科员' });
        delete ((ops[ops.length - 1] as { [k: string]: JsonValue }).position);
      });
      return { file: ACC, rules: R.schema, line: lineAt(dir, ACC, ['team', 'operators', 2000]) };
    },
  });
  out.push({
    name: '5000 unknown properties',
    kind: 'huge-array',
    setup(dir) {
      editJson(dir, ACC, (d) => {
        for (let i = 0; i < 5000; i++) d[`x${i}`] = i;
      });
      return { file: ACC, rules: R.schema, line: lineAt(dir, ACC, ['x0'], true) };
    },
  });
  out.push({
    name: '8000 tags, the last a number',
    kind: 'huge-array',
    setup(dir) {
      editJson(dir, ACC, (d) => {
        d.tags = Array.from({ length: 8000 }, (_, i) => (i === 7999 ? 7 : `标签${i}`));
      });
      return { file: ACC, rules: R.schema, line: lineAt(dir, ACC, ['tags', 7999]) };
    },
  });
  return out;
}

// ---------------------------------------------------------------------------
// 3. schema: dates, types, missing and unknown fields, enums
// ---------------------------------------------------------------------------

const BAD_DATES: JsonValue[] = ['2026-02-30', '2025-02-29', '2026-13-01', '2026-00-10', '2026-1-1', '明天', 20261121, '2026/11/21', '2026-11-21T08:00:00+08:00', '', '2026-11-31', '0000-00-00', '２０２６-01-01', ' 2026-11-20', null];

function dates(rng: Prng): HostileCase[] {
  const out: HostileCase[] = [];
  const fields: { label: string; rel: string; p: Pointer; prep?: (d: { [k: string]: JsonValue }) => void; all: boolean }[] = [
    { label: 'filing date', rel: ACC, p: ['events', 0, 'date'], all: true },
    { label: 'review date', rel: ACC, p: ['events', 1, 'date'], all: true },
    { label: 'registration date', rel: ACC, p: ['events', 2, 'date'], all: true },
    { label: 'certification date', rel: ACC, p: ['events', 3, 'date'], all: true },
    { label: 'national-system entry date', rel: ACC, p: ['events', 4, 'date'], all: true },
    { label: 'unit decision date', rel: ACC, p: ['events', 0, 'unitDecision', 'date'], all: false },
    { label: 'announcement end', rel: ACC, p: ['events', 2, 'announcementEnd'], all: false },
    { label: 'vendor contract end', rel: ACC, p: ['vendor', 'contractEnd'], prep: (d) => void (d.vendor = { name: '示例传媒有限公司（虚构）' }), all: false },
    { label: 'confidentiality agreement date', rel: ACC, p: ['vendor', 'confidentialityAgreement', 'date'], prep: (d) => void (d.vendor = { name: '示例传媒有限公司（虚构）', confidentialityAgreement: { signed: true } }), all: false },
    { label: 'unit established date', rel: UNIT, p: ['established'], all: false },
  ];
  for (const f of fields) {
    const values = f.all ? BAD_DATES : rng.sample(BAD_DATES, 8);
    for (const v of values) {
      out.push({
        name: `${f.label} = ${JSON.stringify(v)}`,
        kind: 'date',
        setup(dir) {
          editJson(dir, f.rel, (d) => {
            f.prep?.(d);
            setAt(d, f.p, v);
          });
          return { file: f.rel, rules: R.schema, line: lineAt(dir, f.rel, f.p) };
        },
      });
    }
  }
  return out;
}

/** A value of another JSON type than `v`. */
function wrongType(v: JsonValue, rng: Prng): JsonValue {
  if (typeof v === 'string') return rng.pick<JsonValue>([rng.int(1000), true, [v], { 值: v }]);
  if (typeof v === 'number') return String(v);
  if (typeof v === 'boolean') return rng.pick<JsonValue>([String(v), v ? 1 : 0]);
  if (Array.isArray(v)) return rng.pick<JsonValue>([{}, '[]', 0]);
  if (v === null) return 'null';
  return rng.pick<JsonValue>([[], '{}', false]);
}

function types(rng: Prng, baseDocs: BaseDocs): HostileCase[] {
  const out: HostileCase[] = [];
  // every field the schemas define, filled in validly, so that every one of them gets a wrong type
  const full = fullDocs(baseDocs);
  const files: [string, { [k: string]: JsonValue }][] = [
    [ACC, full.account],
    [UNIT, full.unit],
    [CITY_REGION, full.region],
  ];
  for (const [rel, doc] of files) {
    for (const { pointer, value } of pointersOf(doc)) {
      const variants: JsonValue[] = [wrongType(value, rng)];
      if (rng.next() < 0.35) variants.push(null);
      for (const w of variants) {
        out.push({
          name: `${path.basename(rel)} ${pointer.join('.')} = ${JSON.stringify(w)} (was ${Array.isArray(value) ? 'array' : value === null ? 'null' : typeof value})`,
          kind: 'wrong-type',
          setup(dir) {
            writeFullDocs(dir, full);
            editJson(dir, rel, (d) => setAt(d, pointer, w));
            return { file: rel, rules: R.schema, line: lineAt(dir, rel, pointer) };
          },
        });
      }
    }
  }
  return out;
}

function missing(): HostileCase[] {
  const out: HostileCase[] = [];
  const req: [string, Pointer][] = [
    ...['$schema', 'id', 'name', 'platform', 'subType', 'hostUnit', 'certifiedEntity', 'operatingUnit', 'operatingMode', 'contentType', 'team', 'events'].map((k) => [ACC, [k]] as [string, Pointer]),
    [ACC, ['certifiedEntity', 'name']],
    [ACC, ['certifiedEntity', 'category']],
    [ACC, ['certification', 'status']],
    [ACC, ['team', 'principal']],
    [ACC, ['team', 'inCharge']],
    [ACC, ['team', 'operators']],
    [ACC, ['team', 'principal', 'name']],
    [ACC, ['team', 'inCharge', 'position']],
    [ACC, ['team', 'operators', 0, 'name']],
    [ACC, ['team', 'operators', 0, 'position']],
    [ACC, ['events', 0, 'type']],
    [ACC, ['events', 0, 'date']],
    [ACC, ['events', 3, 'date']],
    [ACC, ['events', 4, 'type']],
    [ACC, ['events', 0, 'unitDecision', 'decision']],
    [ACC, ['events', 0, 'unitDecision', 'date']],
    ...['$schema', 'id', 'name', 'kind', 'region'].map((k) => [UNIT, [k]] as [string, Pointer]),
    ...['$schema', 'id', 'name', 'level', 'policies'].map((k) => [CITY_REGION, [k]] as [string, Pointer]),
    [ROOT_REGION, ['id']],
  ];
  for (const [rel, p] of req) {
    out.push({
      name: `${path.basename(rel)} without ${p.join('.')}`,
      kind: 'missing',
      setup(dir) {
        editJson(dir, rel, (d) => setAt(d, p, undefined));
        return { file: rel, rules: R.schema, line: lineAt(dir, rel, p.slice(0, -1)) };
      },
    });
  }
  const conditional: [string, (d: { [k: string]: JsonValue }) => void][] = [
    ['outsourced account without a vendor', (d) => void (d.operatingMode = '购买服务')],
    ['mobile app without app details', (d) => {
      d.platform = '移动客户端';
      delete d.subType;
    }],
    ['vendor without a name', (d) => void (d.vendor = { qualifications: ['互联网新闻信息服务许可'] })],
    ['confidentiality agreement without signed', (d) => void (d.vendor = { name: '示例传媒（虚构）', confidentialityAgreement: { date: '2025-03-01' } })],
    ['handover without roles', (d) => void (d.events as JsonValue[]).push({ type: '人员交接', date: '2025-03-09', handover: { credentialsRotated: true } })],
    ['change without to', (d) => void (d.events as JsonValue[]).push({ type: '信息报备', date: '2025-03-09', changes: [{ field: '联系电话', from: 'a' }] })],
    ['evidence without ref', (d) => void (d.events as JsonValue[]).push({ type: '信息报备', date: '2025-03-09', evidence: [{ kind: '其他' }] })],
    ['an empty event', (d) => void (d.events as JsonValue[]).push({})],
    ['an empty events list', (d) => void (d.events = [])],
    ['an empty operators list', (d) => void ((d.team as { [k: string]: JsonValue }).operators = [])],
  ];
  for (const [label, fn] of conditional) {
    out.push({
      name: label,
      kind: 'missing',
      setup(dir) {
        editJson(dir, ACC, fn);
        return { file: ACC, rules: R.schema };
      },
    });
  }
  return out;
}

function unknownProps(rng: Prng): HostileCase[] {
  const out: HostileCase[] = [];
  const keys = ['nmae', '__proto__', 'constructor', 'password', 'appSecret', 'access_token', 'toString', '', '$ref', 'k'.repeat(300), '备注', 'Name', 'name ', 'hasOwnProperty', 'prototype', 'id\u200b', '../../etc/passwd'];
  const places: [string, Pointer][] = [
    [ACC, []],
    [ACC, ['certifiedEntity']],
    [ACC, ['team', 'principal']],
    [ACC, ['events', 0]],
    [ACC, ['events', 0, 'unitDecision']],
    [ACC, ['certification']],
    [ACC, ['team']],
    [UNIT, []],
    [CITY_REGION, []],
  ];
  for (const k of keys) {
    const [rel, p] = rng.pick(places);
    out.push({
      name: `unknown property ${JSON.stringify(k.length > 20 ? k.slice(0, 20) + '…' : k)} in ${path.basename(rel)} ${p.join('.') || '(root)'}`,
      kind: 'unknown-property',
      setup(dir) {
        editJson(dir, rel, (d) => defineKey(getAt(d, p) as { [k: string]: JsonValue }, k, '值'));
        return { file: rel, rules: R.schema, line: lineAt(dir, rel, [...p, k], true), text: [JSON.stringify(k)] };
      },
    });
  }
  for (const [rel, p] of places.slice(0, 4)) {
    out.push({
      name: `prototype-pollution key "__proto__" with an object in ${path.basename(rel)} ${p.join('.') || '(root)'}`,
      kind: 'unknown-property',
      setup(dir) {
        editJson(dir, rel, (d) => defineKey(getAt(d, p) as { [k: string]: JsonValue }, '__proto__', { isAdmin: true, polluted: '是' }));
        return { file: rel, rules: R.schema, line: lineAt(dir, rel, [...p, '__proto__'], true) };
      },
    });
  }
  return out;
}

function enums(): HostileCase[] {
  const out: HostileCase[] = [];
  const cases: [string, Pointer, JsonValue, Pointer?][] = [
    [ACC, ['platform'], '微博'],
    [ACC, ['platform'], 'WeChat'],
    [ACC, ['platform'], '微信公众号 '],
    [ACC, ['platform'], '微信\u200b公众号'],
    [ACC, ['platform'], '微信公众號'],
    [ACC, ['subType'], '公众号'],
    [ACC, ['certifiedEntity', 'category'], '领导个人'],
    [ACC, ['certifiedEntity', 'category'], '企业'],
    [ACC, ['operatingMode'], '外包'],
    [ACC, ['contentType'], '视频'],
    [ACC, ['events', 0, 'type'], '开设'],
    [ACC, ['events', 0, 'type'], 'open'],
    [ACC, ['events', 1, 'decision'], 'OK'],
    [ACC, ['events', 1, 'level'], '国家'],
    [ACC, ['events', 4, 'action'], '新增'],
    [ACC, ['events', 0, 'unitDecision', 'decision'], '原则同意'],
    [ACC, ['certification', 'status'], '已通过'],
    [ACC, ['functions'], ['宣传'], ['functions', 0]],
    [ACC, ['functions'], ['信息发布', '信息发布']],
    [UNIT, ['kind'], '科室'],
    [UNIT, ['level'], '区级'],
    [UNIT, ['scoringClass'], '其他'],
    [CITY_REGION, ['level'], '地级'],
    [CITY_REGION, ['policies'], ['sichuan/zigong', 'sichuan/zigong']],
    [UNIT, ['reviewers'], ['zg-wjw 审核人'], ['reviewers', 0]],
    [CITY_REGION, ['reviewers'], { supervisor: ['@ok', 'not a handle'] }, ['reviewers', 'supervisor', 1]],
  ];
  for (const [rel, p, v, at] of cases) {
    out.push({
      name: `${path.basename(rel)} ${p.join('.')} = ${JSON.stringify(v)}`,
      kind: 'enum',
      setup(dir) {
        editJson(dir, rel, (d) => setAt(d, p, v));
        return { file: rel, rules: R.schema, line: lineAt(dir, rel, at ?? p) };
      },
    });
  }
  const changeField = ['信息报备', '2025-03-09'] as const;
  out.push({
    name: 'change field out of range',
    kind: 'enum',
    setup(dir) {
      editJson(dir, ACC, (d) => void (d.events as JsonValue[]).push({ type: changeField[0], date: changeField[1], changes: [{ field: '密码', from: 'a', to: 'b' }] }));
      return { file: ACC, rules: R.schema, line: lineAt(dir, ACC, ['events', 5, 'changes', 0, 'field']) };
    },
  });
  out.push({
    name: 'evidence kind out of range',
    kind: 'enum',
    setup(dir) {
      editJson(dir, ACC, (d) => void (d.events as JsonValue[]).push({ type: changeField[0], date: changeField[1], evidence: [{ kind: '截图', ref: '档案 1' }] }));
      return { file: ACC, rules: R.schema, line: lineAt(dir, ACC, ['events', 5, 'evidence', 0, 'kind']) };
    },
  });
  out.push({
    name: 'announcement of 0 working days',
    kind: 'enum',
    setup(dir) {
      editJson(dir, ACC, (d) => setAt(d, ['events', 2, 'announcementDays'], 0));
      return { file: ACC, rules: R.schema, line: lineAt(dir, ACC, ['events', 2, 'announcementDays']) };
    },
  });
  out.push({
    name: 'announcement of 1.5 working days',
    kind: 'enum',
    setup(dir) {
      editJson(dir, ACC, (d) => setAt(d, ['events', 2, 'announcementDays'], 1.5));
      return { file: ACC, rules: R.schema, line: lineAt(dir, ACC, ['events', 2, 'announcementDays']) };
    },
  });
  return out;
}

// ---------------------------------------------------------------------------
// 4. names: invisible and look-alike characters
// ---------------------------------------------------------------------------

/** Characters that must be flagged in a public name, with the class they belong to. */
export const NAME_CHARS: [string, string][] = [
  ['\u200B', 'zero-width space'],
  ['\u200C', 'zero-width non-joiner'],
  ['\u200D', 'zero-width joiner'],
  ['\uFEFF', 'BOM inside'],
  ['\u202E', 'right-to-left override'],
  ['\u202D', 'left-to-right override'],
  ['\u2066', 'left-to-right isolate'],
  ['\u2060', 'word joiner'],
  ['\u00AD', 'soft hyphen'],
  ['\u180E', 'Mongolian vowel separator'],
  ['\u00A0', 'no-break space'],
  ['\u3000', 'ideographic space'],
  ['\u2002', 'en space'],
  ['\u2028', 'line separator'],
  ['\uFE0F', 'variation selector 16'],
  ['\u3164', 'Hangul filler'],
  ['\u0430', 'Cyrillic a'],
  ['\u0435', 'Cyrillic e'],
  ['\u043E', 'Cyrillic o'],
  ['\u0440', 'Cyrillic er'],
  ['\u03BF', 'Greek omicron'],
  ['\u0391', 'Greek capital alpha'],
  ['\u2F00', 'Kangxi radical one'],
  ['\u2F47', 'Kangxi radical sun'],
  ['\u2FA6', 'Kangxi radical gold'],
  ['\u2EA0', 'CJK radical supplement'],
  ['\uF90A', 'CJK compatibility ideograph 金'],
  ['\uF9E1', 'CJK compatibility ideograph 李'],
  ['\u{2F800}', 'CJK compatibility ideograph supplement'],
  ['\uFF21', 'full-width A'],
  ['\uFF15', 'full-width 5'],
  ['\u{1D400}', 'mathematical bold A'],
  ['\u13A0', 'Cherokee letter'],
  ['\t', 'tab'],
  [' ', 'leading or trailing space'],
];

function names(rng: Prng): HostileCase[] {
  const out: HostileCase[] = [];
  const fields: [string, Pointer][] = [
    [ACC, ['name']],
    [ACC, ['certifiedEntity', 'name']],
    [ACC, ['operatingUnit']],
    [UNIT, ['name']],
    [UNIT, ['shortName']],
    [CITY_REGION, ['name']],
    [CITY_REGION, ['supervisingOfficeName']],
  ];
  for (const [ch, label] of NAME_CHARS) {
    for (const [rel, p] of rng.sample(fields, 3)) {
      const where = ch === ' ' ? rng.pick(['start', 'end'] as const) : rng.pick(['start', 'middle', 'end'] as const);
      out.push({
        name: `${label} at the ${where} of ${path.basename(rel)} ${p.join('.')}`,
        kind: 'name-chars',
        setup(dir) {
          editJson(dir, rel, (d) => {
            const v = (getAt(d, p) as string | undefined) ?? (rel === UNIT ? '市卫健委' : '自贡市人民政府办公室');
            const mid = Math.floor(v.length / 2);
            setAt(d, p, where === 'start' ? ch + v : where === 'end' ? v + ch : v.slice(0, mid) + ch + v.slice(mid));
          });
          return { file: rel, rules: R.name, line: lineAt(dir, rel, p), text: [ch, JSON.stringify(ch).slice(1, -1)] };
        },
      });
    }
  }
  // written as \u escapes in the raw text
  for (const cp of ['200b', '202e', 'feff', '0430', '2f00']) {
    out.push({
      name: `\\u${cp} escape inside the account name`,
      kind: 'name-chars',
      setup(dir) {
        editText(dir, ACC, (t) => t.replace('"name": "健康自贡"', `"name": "健康\\u${cp}自贡"`));
        return { file: ACC, rules: R.name, line: lineAt(dir, ACC, ['name']), text: [`\\u${cp}`] };
      },
    });
  }
  out.push({
    name: 'a name that is only a zero-width space',
    kind: 'name-chars',
    setup(dir) {
      editJson(dir, ACC, (d) => void (d.name = '\u200B'));
      return { file: ACC, rules: R.name, line: lineAt(dir, ACC, ['name']) };
    },
  });
  out.push({
    name: 'a name spelt entirely in Cyrillic look-alikes of Latin',
    kind: 'name-chars',
    setup(dir) {
      editJson(dir, ACC, (d) => void (d.name = 'АРР自贡'));
      return { file: ACC, rules: R.name, line: lineAt(dir, ACC, ['name']) };
    },
  });
  return out;
}

/**
 * Characters the current name checks do not flag (see the report): run for robustness only
 * (no crash, located findings if any), not counted as hostile cases that must fail.
 */
export const NAME_GAPS: [string, string][] = [
  ['\u0301', 'combining acute accent'],
  ['\u0332', 'combining low line'],
  ['\u20DD', 'combining enclosing circle'],
  ['\u{E0041}', 'tag latin capital A (invisible)'],
  ['\u{E0100}', 'variation selector 17 (invisible)'],
  ['\u2800', 'braille pattern blank'],
  ['\uFFFC', 'object replacement character'],
  ['\u3223', 'parenthesized ideograph four'],
  ['\uFE35', 'vertical parenthesis'],
  ['\u{1F1E8}', 'regional indicator C'],
  ['\u0640', 'Arabic tatweel'],
  ['\u3006', 'ideographic closing mark'],
  ['\u0000', 'NUL (written as an escape)'],
  ['\u0007', 'BEL control character'],
  ['\u001B', 'ESC (terminal escape sequences)'],
  ['\u0085', 'next line (C1 control)'],
  ['\u009B', 'control sequence introducer (C1 control)'],
];

// ---------------------------------------------------------------------------
// 5. secrets
// ---------------------------------------------------------------------------

function secrets(rng: Prng): HostileCase[] {
  const out: HostileCase[] = [];
  const values: [string, () => string][] = [
    ['WeChat AppSecret (32 hex)', () => `AppSecret ${rng.hex(32)}`],
    ['bare 32-hex', () => rng.hex(32).toUpperCase()],
    ['密码：…', () => `密码：Zg${rng.alnum(6)}`],
    ['口令为…', () => `口令为 ${rng.alnum(8)}`],
    ['password=…', () => `password=${rng.alnum(10)}`],
    ['Password: …', () => `Password: P@ss${rng.alnum(4)}`],
    ['pwd=…', () => `pwd=${rng.alnum(8)}`],
    ['token: …', () => `token: ${rng.alnum(12)}`],
    ['GitHub token', () => `ghp_${rng.alnum(36)}`],
    ['GitHub fine-grained token', () => `github_pat_${rng.alnum(40)}`],
    ['private key header', () => '-----BEGIN RSA PRIVATE KEY-----'],
    ['OpenSSH private key header', () => '-----BEGIN OPENSSH PRIVATE KEY-----'],
    ['JWT', () => `eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIx${rng.alnum(6)}.${rng.alnum(20)}`],
    ['cloud access key', () => `AKIA${rng.alnum(16).toUpperCase()}`],
    ['API key', () => `sk-${rng.alnum(32)}`],
  ];
  const fields: [string, Pointer, number][] = [
    [ACC, ['events', 4, 'note'], 1000],
    [ACC, ['events', 0, 'reason'], 2000],
    [ACC, ['team', 'operators', 0, 'position'], 60],
    [ACC, ['certification', 'publicInfo'], 200],
    [ACC, ['events', 1, 'opinion'], 500],
    [ACC, ['platformAccountId'], 100],
    [ACC, ['team', 'principal', 'name'], 30],
    [ACC, ['events', 1, 'reviewer'], 100],
    [UNIT, ['note'], 500],
    [UNIT, ['shortName'], 40],
  ];
  for (const [label, make] of values) {
    for (const [rel, p, max] of rng.sample(fields, 5)) {
      const v = make();
      if (v.length > max) continue;
      out.push({
        name: `${label} in ${path.basename(rel)} ${p.join('.')}`,
        kind: 'secret',
        setup(dir) {
          editJson(dir, rel, (d) => setAt(d, p, v));
          return { file: rel, rules: R.secret, line: lineAt(dir, rel, p) };
        },
      });
    }
  }
  out.push({
    name: 'password inside a long opening reason',
    kind: 'secret',
    setup(dir) {
      editJson(dir, ACC, (d) => setAt(d, ['events', 0, 'reason'], '为发布政务信息开设本账号。管理员账号为 zgwjw，初始密码为 Zg2025abc，请交接时更换。'));
      return { file: ACC, rules: R.secret, line: lineAt(dir, ACC, ['events', 0, 'reason']) };
    },
  });
  out.push({
    name: 'AppSecret inside an evidence URL',
    kind: 'secret',
    setup(dir) {
      editJson(dir, ACC, (d) => void (d.events as JsonValue[]).push({ type: '信息报备', date: '2025-03-09', evidence: [{ kind: '公告链接', ref: `https://api.weixin.qq.com/cgi-bin/token?grant_type=client_credential&appid=wx0&secret=${rng.hex(32)}` }] }));
      return { file: ACC, rules: R.secret, line: lineAt(dir, ACC, ['events', 5, 'evidence', 0, 'ref']) };
    },
  });
  out.push({
    name: 'password in a region file note',
    kind: 'secret',
    setup(dir) {
      editJson(dir, CITY_REGION, (d) => void (d.notes = `平台管理员密码：Zg${rng.alnum(6)}`));
      return { file: CITY_REGION, rules: R.secret, line: lineAt(dir, CITY_REGION, ['notes']) };
    },
  });
  out.push({
    name: 'AppSecret in the root region notes',
    kind: 'secret',
    setup(dir) {
      editJson(dir, ROOT_REGION, (d) => void (d.notes = `AppSecret ${rng.hex(32)}`));
      return { file: ROOT_REGION, rules: R.secret, line: lineAt(dir, ROOT_REGION, ['notes']) };
    },
  });
  return out;
}

// ---------------------------------------------------------------------------
// 6. the tree: links, ids and paths, stray files, encodings
// ---------------------------------------------------------------------------

function symlinks(): HostileCase[] {
  const out: HostileCase[] = [];
  const link = (label: string, rel: string, target: (dir: string) => string, prep?: (dir: string) => void, expectFile = rel): void => {
    out.push({
      name: `symlink: ${label}`,
      kind: 'symlink',
      setup(dir) {
        prep?.(dir);
        mkdirSync(path.dirname(abs(dir, rel)), { recursive: true });
        symlinkSync(target(dir), abs(dir, rel));
        return { file: expectFile, rules: R.symlink, line: 1 };
      },
    });
  };
  link('account file to another file inside the register', `${UNIT_DIR}/zg-wjw-weibo.json`, (dir) => abs(dir, ACC));
  link('relative link to a file inside the register', `${UNIT_DIR}/zg-wjw-douyin.json`, () => './zg-wjw-weixin.json');
  link('account file to a file outside the register', `${UNIT_DIR}/zg-wjw-app.json`, (dir) => abs(dir, 'outside.json'), (dir) => write(dir, 'outside.json', readText(dir, ACC)));
  link('account file to /etc/passwd', `${UNIT_DIR}/passwd.json`, () => '/etc/passwd');
  link('dangling link', `${UNIT_DIR}/gone.json`, () => './does-not-exist.json');
  link('link to itself', `${UNIT_DIR}/loop.json`, () => './loop.json');
  link('symlinked unit folder', `${CITY}/zg-link`, (dir) => abs(dir, UNIT_DIR));
  link('symlinked region folder', 'accounts/sichuan/zigong-link', (dir) => abs(dir, CITY));
  link('link to /etc', `${CITY}/etc`, () => '/etc');
  link('link to the parent of the register', `${CITY}/up`, () => '../../..');
  link('unit.json replaced by a link', UNIT, (dir) => abs(dir, BGS_UNIT), (dir) => remove(dir, UNIT));
  link('region.json replaced by a link', CITY_REGION, (dir) => abs(dir, PROVINCE_REGION), (dir) => remove(dir, CITY_REGION));
  link('the account file itself replaced by a link to a copy', ACC, (dir) => abs(dir, 'copy.json'), (dir) => {
    write(dir, 'copy.json', readText(dir, ACC));
    remove(dir, ACC);
  });
  // the register folder itself
  out.push({
    name: 'symlink: accounts/ itself is a link to a folder elsewhere',
    kind: 'symlink',
    setup(dir) {
      renameSync(abs(dir, 'accounts'), abs(dir, 'elsewhere'));
      symlinkSync(abs(dir, 'elsewhere'), abs(dir, 'accounts'));
      return { file: 'accounts', rules: R.symlink, line: 1 };
    },
  });
  out.push({
    name: 'accounts/ is a regular file',
    kind: 'symlink',
    setup(dir) {
      remove(dir, 'accounts');
      write(dir, 'accounts', '{}\n');
      return { file: 'accounts', rules: [...R.stray, ...R.misplaced] };
    },
  });
  return out;
}

function idsAndPaths(): HostileCase[] {
  const out: HostileCase[] = [];
  const values: [string, string, Pointer, JsonValue, readonly string[]][] = [
    ['account id', ACC, ['id'], '../../etc', R.schema],
    ['account id', ACC, ['id'], '..', R.schema],
    ['account id', ACC, ['id'], '.', R.schema],
    ['account id', ACC, ['id'], 'zg-wjw/weixin', R.schema],
    ['account id', ACC, ['id'], '/etc/passwd', R.schema],
    ['account id', ACC, ['id'], 'ZG-WJW-WEIXIN', R.schema],
    ['account id', ACC, ['id'], 'zg wjw weixin', R.schema],
    ['account id', ACC, ['id'], '自贡卫健微信', R.schema],
    ['account id', ACC, ['id'], 'zg-wjw-weixin\n', R.schema],
    ['account id', ACC, ['id'], '', R.schema],
    ['account id', ACC, ['id'], 'zg--wjw', R.schema],
    ['account id', ACC, ['id'], '-zg-wjw', R.schema],
    ['account id', ACC, ['id'], 'C:\\Windows', R.schema],
    ['account id', ACC, ['id'], '%2e%2e%2fetc', R.schema],
    ['account id', ACC, ['id'], 'zg-wjw-weibo', ['register/id-path']],
    ['host unit', ACC, ['hostUnit'], '../zg-bgs', R.schema],
    ['host unit', ACC, ['hostUnit'], 'ZG-WJW', R.schema],
    ['host unit', ACC, ['hostUnit'], 'zg-bgs', ['register/host-unit']],
    ['host unit', ACC, ['hostUnit'], '', R.schema],
    ['certified entity unit', ACC, ['certifiedEntity', 'unit'], '../../etc', R.schema],
    ['certified entity unit', ACC, ['certifiedEntity', 'unit'], 'no-such-unit', ['register/reference']],
    ['unit id', UNIT, ['id'], '../zg-bgs', R.schema],
    ['unit id', UNIT, ['id'], 'ZG-WJW', R.schema],
    ['unit id', UNIT, ['id'], 'zg-bgs', ['register/id-path']],
    ['unit region', UNIT, ['region'], '../../etc', R.schema],
    ['unit region', UNIT, ['region'], 'sichuan/zigong/../..', R.schema],
    ['unit region', UNIT, ['region'], 'sichuan', ['register/id-path']],
    ['unit region', UNIT, ['region'], '/sichuan/zigong', R.schema],
    ['unit parent', UNIT, ['parent'], '../zg-bgs', R.schema],
    ['unit parent', UNIT, ['parent'], 'zg-nobody', ['register/reference']],
    ['unit supervisor', UNIT, ['supervisor'], '/etc', R.schema],
    ['region id', CITY_REGION, ['id'], '../..', R.schema],
    ['region id', CITY_REGION, ['id'], 'sichuan/zigong/', R.schema],
    ['region id', CITY_REGION, ['id'], 'Sichuan/zigong', R.schema],
    ['region id', CITY_REGION, ['id'], 'sichuan/chengdu', ['register/id-path']],
    ['root region id', ROOT_REGION, ['id'], '/', R.schema],
    ['supervising office', CITY_REGION, ['supervisingOffice'], '../../etc', R.schema],
    ['supervising office', CITY_REGION, ['supervisingOffice'], 'zg-nobody', ['register/reference']],
    ['policy binding', CITY_REGION, ['policies'], ['../../etc/passwd'], R.schema],
    ['policy binding', CITY_REGION, ['policies'], ['sichuan/zigong/../../..'], R.schema],
    ['policy binding', CITY_REGION, ['policies'], ['/etc'], R.schema],
    ['policy binding', CITY_REGION, ['policies'], ['no/such-policy'], ['register/reference']],
  ];
  for (const [label, rel, p, v, rules] of values) {
    out.push({
      name: `${label} = ${JSON.stringify(v)}`,
      kind: 'path-traversal',
      setup(dir) {
        editJson(dir, rel, (d) => setAt(d, p, v));
        return { file: rel, rules, line: lineAt(dir, rel, Array.isArray(v) ? [...p, 0] : p) };
      },
    });
  }
  // hostile file names for an account file (content copied from the real account)
  const fileNames: [string, readonly string[]][] = [
    ['..json', ['register/id-path']],
    ['.json', ['register/id-path']],
    ['ZG-WJW-X.json', ['register/id-path']],
    ['zg wjw.json', ['register/id-path']],
    ['自贡.json', ['register/id-path']],
    ['a\nb.json', ['register/id-path']],
    ['x.JSON', R.stray],
    ['x.json ', R.stray],
    ['zg-wjw-weixin.json.bak', R.stray],
    ['zg-wjw-weixin.json~', R.stray],
  ];
  for (const [fname, rules] of fileNames) {
    out.push({
      name: `account file named ${JSON.stringify(fname)}`,
      kind: 'path-traversal',
      setup(dir) {
        const rel = `${UNIT_DIR}/${fname}`;
        write(dir, rel, readText(dir, ACC));
        return { file: rel, rules, line: rules === R.stray ? 1 : lineAt(dir, rel, ['id']) };
      },
    });
  }
  // $schema pointing elsewhere
  const refs = ['../../../../etc/passwd', 'http://evil.example/account.schema.json', 'https://json-schema.org/draft/2020-12/schema', 'file:///etc/passwd', '', 'javascript:alert(1)'];
  for (const [label, rel, wrongKind] of [['account', ACC, '../../../../schemas/unit.schema.json'], ['unit', UNIT, '../../../../schemas/account.schema.json'], ['region', CITY_REGION, '../../../schemas/account.schema.json']] as const) {
    for (const ref of [...refs, wrongKind]) {
      out.push({
        name: `${label} $schema = ${JSON.stringify(ref)}`,
        kind: 'schema-ref',
        setup(dir) {
          editJson(dir, rel, (d) => void (d.$schema = ref));
          return { file: rel, rules: R.schemaRef, line: lineAt(dir, rel, ['$schema']) };
        },
      });
    }
  }
  return out;
}

function tree(): HostileCase[] {
  const out: HostileCase[] = [];
  const add = (name: string, setup: (dir: string) => Expectation): void => void out.push({ name, kind: 'tree', setup });
  const accountCopy = (dir: string): string => readText(dir, ACC);
  add('account file directly in a region folder', (dir) => {
    write(dir, `${CITY}/zg-wjw-weixin2.json`, accountCopy(dir));
    return { file: `${CITY}/zg-wjw-weixin2.json`, rules: R.misplaced, line: 1 };
  });
  add('account file in the province folder', (dir) => {
    write(dir, 'accounts/sichuan/x.json', accountCopy(dir));
    return { file: 'accounts/sichuan/x.json', rules: R.misplaced, line: 1 };
  });
  add('account file at the top of accounts/', (dir) => {
    write(dir, 'accounts/x.json', accountCopy(dir));
    return { file: 'accounts/x.json', rules: R.misplaced, line: 1 };
  });
  add('unit folder nested in a unit folder', (dir) => {
    writeJson(dir, `${UNIT_DIR}/zg-ks/unit.json`, { $schema: '../../../../../schemas/unit.schema.json', id: 'zg-ks', name: '宣传科', kind: '内设机构', region: 'sichuan/zigong/zg-wjw' });
    return { file: `${UNIT_DIR}/zg-ks/unit.json`, rules: R.misplaced, line: 1 };
  });
  add('region.json beside unit.json', (dir) => {
    writeJson(dir, `${UNIT_DIR}/region.json`, { $schema: '../../../../schemas/region.schema.json', id: 'sichuan/zigong/zg-wjw', name: '伪造地区', level: '县级', policies: [] });
    return { file: `${UNIT_DIR}/region.json`, rules: R.misplaced, line: 1 };
  });
  add('region without a parent region.json', (dir) => {
    writeJson(dir, 'accounts/hubei/wuhan/region.json', { $schema: '../../../schemas/region.schema.json', id: 'hubei/wuhan', name: '湖北省武汉市', level: '市级', policies: [] });
    return { file: 'accounts/hubei/wuhan/region.json', rules: R.misplaced, line: 1 };
  });
  add('folder with neither region.json nor unit.json', (dir) => {
    write(dir, `${CITY}/misc/x.json`, '{}');
    return { file: `${CITY}/misc`, rules: R.stray, line: 1 };
  });
  add('district folder without region.json holding a unit', (dir) => {
    writeJson(dir, `${CITY}/ziliujing/zlj-x/unit.json`, { $schema: '../../../../../schemas/unit.schema.json', id: 'zlj-x', name: '自流井区某局', kind: '政府部门', region: 'sichuan/zigong/ziliujing' });
    return { file: `${CITY}/ziliujing`, rules: R.stray, line: 1 };
  });
  // a unit may sit in the root region (a central unit, region ""), but not claim a region it is not in
  add('unit folder at the top of accounts/ claiming a city', (dir) => {
    writeJson(dir, 'accounts/zg-top/unit.json', { $schema: '../../schemas/unit.schema.json', id: 'zg-top', name: '顶层单位', kind: '政府部门', region: 'sichuan/zigong' });
    return { file: 'accounts/zg-top/unit.json', rules: ['register/id-path'] };
  });
  const strays: [string, string | Buffer][] = [
    [`${UNIT_DIR}/备案表.docx`, Buffer.from('PK\u0003\u0004docx')],
    [`${UNIT_DIR}/notes.txt`, '账号密码见群聊'],
    [`${UNIT_DIR}/logo.png`, Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])],
    [`${UNIT_DIR}/.DS_Store`, Buffer.from([0, 0, 0, 1, 0x42, 0x75, 0x64, 0x31])],
    [`${UNIT_DIR}/Thumbs.db`, Buffer.from([0xd0, 0xcf, 0x11, 0xe0])],
    [`${UNIT_DIR}/desktop.ini`, '[.ShellClassInfo]'],
    [`${UNIT_DIR}/noext`, 'x'],
    [`${UNIT_DIR}/account.yaml`, 'id: x'],
    [`${UNIT_DIR}/evil.js`, 'require("child_process").exec("rm -rf /")'],
    [`${CITY}/readme.txt`, 'x'],
    ['accounts/.gitignore', '*'],
    ['accounts/run.sh', '#!/bin/sh\nrm -rf /\n'],
  ];
  for (const [rel, data] of strays) {
    add(`stray file ${path.basename(rel)} in ${path.dirname(rel)}`, (dir) => {
      write(dir, rel, data);
      return { file: rel, rules: R.stray, line: 1 };
    });
  }
  const badDirs = ['ZG-WJW2', 'zg wjw2', '卫健委', 'zg_x', '.hidden', 'x.json', 'zg-', '-x', 'a..b'];
  for (const d of badDirs) {
    add(`folder named ${JSON.stringify(d)}`, (dir) => {
      write(dir, `${CITY}/${d}/readme.txt`, 'x');
      return { file: `${CITY}/${d}`, rules: R.stray, line: 1 };
    });
  }
  add('named pipe called x.json (reading it would block)', (dir) => {
    execFileSync('mkfifo', [abs(dir, `${UNIT_DIR}/x.json`)]);
    return { file: `${UNIT_DIR}/x.json`, rules: R.stray, line: 1 };
  });
  return out;
}

function encodings(rng: Prng): HostileCase[] {
  const out: HostileCase[] = [];
  const add = (name: string, rel: string, rules: readonly string[], make: (text: string, buf: Buffer) => Buffer | string, line?: number): void =>
    void out.push({
      name,
      kind: 'encoding',
      setup(dir) {
        write(dir, rel, make(readText(dir, rel), readBytes(dir, rel)));
        return line === undefined ? { file: rel, rules } : { file: rel, rules, line };
      },
    });
  add('GBK-encoded account', ACC, R.encoding, (t) => encodeGbk(t));
  add('GBK-encoded unit', UNIT, R.encoding, (t) => encodeGbk(t));
  add('GBK-encoded region', CITY_REGION, R.encoding, (t) => encodeGbk(t));
  add('only the account name in GBK', ACC, R.encoding, (t) => {
    const [a, b] = t.split('健康自贡') as [string, string];
    return Buffer.concat([Buffer.from(a), encodeGbk('健康自贡'), Buffer.from(b)]);
  });
  add('UTF-16LE with BOM (account)', ACC, R.encoding, (t) => encodeUtf16le(t), 1);
  add('UTF-16LE with BOM (unit)', UNIT, R.encoding, (t) => encodeUtf16le(t), 1);
  add('UTF-16LE without BOM', ACC, R.encoding, (t) => encodeUtf16le(t, false), 1);
  add('UTF-16BE with BOM', ACC, R.encoding, (t) => encodeUtf16be(t), 1);
  add('UTF-16LE region', CITY_REGION, R.encoding, (t) => encodeUtf16le(t), 1);
  add('Latin-1 account with an accented name', ACC, R.encoding, (t) => encodeLatin1(t.replace('健康自贡', 'Santé Zigong')));
  add('Windows-1252 smart quotes', ACC, R.encoding, (_t, b) => Buffer.from(b.toString('latin1').replace('"name": "', '"name": \u0093').replace(/(\u0093[^"]*)"/, '$1\u0094'), 'latin1'));
  add('NUL as the first byte', ACC, R.encoding, (_t, b) => Buffer.concat([Buffer.from([0]), b]), 1);
  add('NUL as the last byte', ACC, R.encoding, (_t, b) => Buffer.concat([b, Buffer.from([0])]), 1);
  add('NUL inside the name', ACC, R.encoding, (t) => t.replace('健康自贡', '健康\u0000自贡'), 1);
  add('a file of NUL bytes', ACC, R.encoding, () => Buffer.alloc(4096), 1);
  add('BOM-prefixed account', ACC, R.bom, (t) => '\uFEFF' + t, 1);
  add('BOM-prefixed unit', UNIT, R.bom, (t) => '\uFEFF' + t, 1);
  add('BOM-prefixed region', CITY_REGION, R.bom, (t) => '\uFEFF' + t, 1);
  add('BOM-prefixed root region', ROOT_REGION, R.bom, (t) => '\uFEFF' + t, 1);
  add('two BOMs', ACC, [...R.bom, ...R.syntax], (t) => '\uFEFF\uFEFF' + t, 1);
  add('BOM and nothing else', ACC, [...R.bom, ...R.syntax], () => '\uFEFF', 1);
  add('BOM between two members', ACC, R.syntax, (t) => t.replace(',\n  "name"', ',\n\uFEFF  "name"'));
  add('empty account file', ACC, R.syntax, () => '', 1);
  add('empty unit file', UNIT, R.syntax, () => '', 1);
  add('empty region file', CITY_REGION, R.syntax, () => '', 1);
  add('empty root region file', ROOT_REGION, R.syntax, () => '', 1);
  add('only spaces', ACC, R.syntax, () => '   ');
  add('only CRLF line breaks', ACC, R.syntax, () => '\r\n\r\n\r\n');
  add('only CR line breaks', ACC, R.syntax, () => '\r\r\r');
  add('only LF line breaks', ACC, R.syntax, () => '\n\n\n\n');
  add('only tabs', ACC, R.syntax, () => '\t\t');
  add('a JSON array', ACC, R.schema, () => '[]\n', 1);
  add('the account wrapped in an array', ACC, R.schema, (t) => `[${t}]`, 1);
  add('a bare string', ACC, R.schema, () => '"健康自贡"\n', 1);
  add('a bare number', ACC, R.schema, () => '42\n', 1);
  add('null', ACC, R.schema, () => 'null\n', 1);
  add('true', ACC, R.schema, () => 'true', 1);
  add('an empty object', ACC, R.schema, () => '{}', 1);
  add('a unit file that is an array', UNIT, R.schema, () => '[]', 1);
  add('a region file that is a string', CITY_REGION, R.schema, () => '"sichuan/zigong"', 1);
  add('overlong UTF-8 encoding of "/"', ACC, R.encoding, (_t, b) => Buffer.concat([b.subarray(0, 20), Buffer.from([0xc0, 0xaf]), b.subarray(20)]));
  add('UTF-8-encoded surrogate half', ACC, R.encoding, (_t, b) => Buffer.concat([b.subarray(0, 40), Buffer.from([0xed, 0xa0, 0x80]), b.subarray(40)]));
  add('5-byte UTF-8 sequence', ACC, R.encoding, (_t, b) => Buffer.concat([b.subarray(0, 60), Buffer.from([0xf8, 0x88, 0x80, 0x80, 0x80]), b.subarray(60)]));
  add('lone continuation byte', ACC, R.encoding, (_t, b) => Buffer.concat([b.subarray(0, 80), Buffer.from([0x80]), b.subarray(80)]));
  add('multi-byte character cut at the end of the file', ACC, R.encoding, (_t, b) => Buffer.concat([b, Buffer.from([0xe5, 0x81])]));
  add('code point above U+10FFFF', ACC, R.encoding, (_t, b) => Buffer.concat([b.subarray(0, 30), Buffer.from([0xf4, 0x90, 0x80, 0x80]), b.subarray(30)]));
  add('random binary', ACC, R.encoding, () => rng.bytes(2048), 1);
  add('random binary without NUL', ACC, R.encoding, () => Buffer.from(rng.bytes(2048).map((x) => x || 0xff)));
  add('PNG named .json', ACC, R.encoding, () => Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52]), 1);
  add('PDF named .json', ACC, R.encoding, () => Buffer.concat([Buffer.from('%PDF-1.7\n%'), Buffer.from([0xe2, 0xe3, 0xcf, 0xd3]), Buffer.from('\n1 0 obj\n')]));
  add('ZIP (docx) named .json', ACC, R.encoding, () => Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x14, 0, 0x06, 0]), 1);
  add('gzip named .json', ACC, R.encoding, () => Buffer.from([0x1f, 0x8b, 0x08, 0, 0, 0, 0, 0]), 1);
  add('JPEG named .json', ACC, R.encoding, () => Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0, 0x10, 0x4a, 0x46]), 1);
  add('lone high surrogate escape in the name', ACC, R.syntax, (t) => t.replace('健康自贡', '健康\\ud800自贡'));
  add('lone low surrogate escape in the name', ACC, R.syntax, (t) => t.replace('健康自贡', '健康\\udfff'));
  add('raw tab inside a string', ACC, R.syntax, (t) => t.replace('健康自贡', '健康\t自贡'));
  add('raw control character U+0001 inside a string', ACC, R.syntax, (t) => t.replace('健康自贡', '健康\u0001自贡'));
  add('raw line break inside a string', ACC, R.syntax, (t) => t.replace('健康自贡', '健康\n自贡'));
  add('invalid escape \\x41', ACC, R.syntax, (t) => t.replace('健康自贡', '健康\\x41'));
  add('invalid escape \\u12', ACC, R.syntax, (t) => t.replace('健康自贡', '健康\\u12"'));
  add('backslash at the very end', ACC, R.syntax, (t) => t.slice(0, t.indexOf('健康自贡')) + '\\');
  add('CRLF line endings with a BOM', ACC, R.bom, (t) => '\uFEFF' + t.replace(/\n/g, '\r\n'), 1);
  return out;
}

// ---------------------------------------------------------------------------

export interface BaseDocs {
  account: { [k: string]: JsonValue };
  unit: { [k: string]: JsonValue };
  region: { [k: string]: JsonValue };
}

/**
 * The base documents with every optional field the schemas define filled in validly (the
 * register stays clean; a test checks it), so that generators can damage each field.
 */
export function fullDocs(base: BaseDocs): BaseDocs {
  const account = structuredClone(base.account);
  Object.assign(account, {
    platformAccountId: 'jiankangzigong',
    functions: ['信息发布', '互动交流'],
    urls: { homepage: 'https://example.gov.cn/', article: 'https://example.gov.cn/a/1', download: 'https://example.gov.cn/d' },
    vendor: { name: '示例传媒有限公司（虚构）', qualifications: ['互联网新闻信息服务许可'], qualificationRef: '资质-001', confidentialityAgreement: { signed: true, date: '2025-03-01' }, contractEnd: '2027-03-01' },
    miniProgram: { backendServerAbroad: false, backendServerLocation: '本市政务云' },
    tags: ['卫生健康'],
    app: { ipv6: true, agingFriendly: true, accessibility: true, serverLocation: { place: '本市政务云', inRegion: true, abroad: false, exceptionDecision: '无' }, stores: ['某应用市场'], license: '蜀ICP备00000000号' },
  });
  (account.events as JsonValue[]).push(
    { type: '信息报备', date: '2025-03-10', changes: [{ field: '联系电话', from: '旧号码', to: '新号码' }], evidence: [{ kind: '其他', ref: '档案 2025-001', description: '报备材料' }], note: '备注', ref: 'PR 1', stillSupervised: true, opinion: '已报备', level: '同级' },
    { type: '人员交接', date: '2025-03-11', handover: { fromRole: '经办人员', toRole: '经办人员', credentialsRotated: true }, attestedBy: '办公室主任' },
    { type: '变更公告', date: '2025-03-12', announcementDays: 15, announcementEnd: '2025-04-02' },
  );
  const unit = structuredClone(base.unit);
  Object.assign(unit, { shortName: '市卫健委', level: '市级', parent: 'zg-bgs', supervisor: 'zg-bgs', scoringClass: '市级部门', reviewers: ['@govmedia-demo/zg-wjw'], established: '2025-01-01', note: '备注' });
  const region = structuredClone(base.region);
  Object.assign(region, { supervisingOfficeName: '自贡市人民政府办公室', reviewers: { supervisor: ['@govmedia-demo/zg-bgs'], maintainers: ['@govmedia-demo/maintainers'] }, notes: '备注' });
  return { account, unit, region };
}

export function writeFullDocs(dir: string, full: BaseDocs): void {
  writeJson(dir, ACC, full.account);
  writeJson(dir, UNIT, full.unit);
  writeJson(dir, CITY_REGION, full.region);
}

/** Read the base documents from a written base register (for generators that walk every field). */
export function baseDocsOf(dir: string): BaseDocs {
  return { account: readJson(dir, ACC), unit: readJson(dir, UNIT), region: readJson(dir, CITY_REGION) };
}

/** The whole corpus, deterministic for a seed. `base` is a written base register (read only). */
export function generateCorpus(base: string, seed = SEED): HostileCase[] {
  const rng = new Prng(seed);
  const docs = baseDocsOf(base);
  const all = [
    ...truncations(rng),
    ...byteFlips(rng),
    ...punctuation(rng),
    ...json5isms(rng),
    ...duplicateKeys(rng),
    ...nesting(),
    ...sizes(),
    ...dates(rng),
    ...types(rng, docs),
    ...missing(),
    ...unknownProps(rng),
    ...enums(),
    ...names(rng),
    ...secrets(rng),
    ...symlinks(),
    ...idsAndPaths(),
    ...tree(),
    ...encodings(rng),
  ];
  // names must be unique (they are the test titles)
  const seen = new Map<string, number>();
  return all.map((c) => {
    const n = (seen.get(c.name) ?? 0) + 1;
    seen.set(c.name, n);
    return n === 1 ? c : { ...c, name: `${c.name} [${n}]` };
  });
}

/** Inputs the current checks let through (gaps described in the report): robustness only. */
export function generateGaps(): HostileCase[] {
  const out: HostileCase[] = [];
  for (const [ch, label] of NAME_GAPS) {
    out.push({
      name: `${label} inside the account name`,
      kind: 'gap',
      setup(dir) {
        editJson(dir, ACC, (d) => void (d.name = `健康${ch}自贡`));
        return { file: ACC, rules: R.name, line: lineAt(dir, ACC, ['name']) };
      },
    });
  }
  out.push({
    name: 'Cyrillic letter in the vendor name',
    kind: 'gap',
    setup(dir) {
      editJson(dir, ACC, (d) => void (d.vendor = { name: 'Аpple 文化传媒（虚构）' }));
      return { file: ACC, rules: R.name, line: lineAt(dir, ACC, ['vendor', 'name']) };
    },
  });
  out.push({
    name: 'zero-width joiner in the public certification info',
    kind: 'gap',
    setup(dir) {
      editJson(dir, ACC, (d) => setAt(d, ['certification', 'publicInfo'], '自贡市卫生\u200D健康委员会'));
      return { file: ACC, rules: R.name, line: lineAt(dir, ACC, ['certification', 'publicInfo']) };
    },
  });
  out.push({
    name: 'password split by a space ("密 码：…")',
    kind: 'gap',
    setup(dir) {
      editJson(dir, ACC, (d) => setAt(d, ['events', 4, 'note'], '密 码：Zg123456'));
      return { file: ACC, rules: R.secret, line: lineAt(dir, ACC, ['events', 4, 'note']) };
    },
  });
  out.push({
    name: 'password in a README.md inside a unit folder',
    kind: 'gap',
    setup(dir) {
      write(dir, `${UNIT_DIR}/README.md`, '管理员密码：Zg123456\n');
      return { file: `${UNIT_DIR}/README.md`, rules: R.secret, line: 1 };
    },
  });
  out.push({
    name: 'binary README.md inside a unit folder',
    kind: 'gap',
    setup(dir) {
      write(dir, `${UNIT_DIR}/README.md`, Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 0]));
      return { file: `${UNIT_DIR}/README.md`, rules: R.encoding, line: 1 };
    },
  });
  return out;
}
