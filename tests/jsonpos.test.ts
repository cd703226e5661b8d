import { describe, it, expect } from 'vitest';
import { parseJson, type ParseIssueCode } from '../scripts/core/jsonpos.ts';

/** Deterministic PRNG (mulberry32). */
function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

interface BrokenCase {
  name: string;
  text: string;
  code: ParseIssueCode;
  line: number;
  column: number;
  zh: string;
  maxDepth?: number;
}

const broken: BrokenCase[] = [
  { name: 'trailing comma in object', text: '{"a":1,}', code: 'syntax', line: 1, column: 7, zh: '不允许尾随逗号' },
  { name: 'trailing comma in array', text: '[1,2,]', code: 'syntax', line: 1, column: 5, zh: '不允许尾随逗号' },
  {
    name: 'missing comma between members (multi-line)',
    text: '{\n  "a": 1\n  "b": 2\n}',
    code: 'syntax',
    line: 3,
    column: 3,
    zh: '此处缺少逗号或右花括号 }',
  },
  { name: 'missing comma between members', text: '{"a":1 "b":2}', code: 'syntax', line: 1, column: 8, zh: '此处缺少逗号或右花括号 }' },
  { name: 'missing comma in array', text: '[1 2]', code: 'syntax', line: 1, column: 4, zh: '此处缺少逗号或右方括号 ]' },
  { name: 'missing colon', text: '{"a" 1}', code: 'syntax', line: 1, column: 6, zh: '缺少冒号' },
  { name: 'equals instead of colon', text: '{"a" = 1}', code: 'syntax', line: 1, column: 6, zh: '而不是 =' },
  { name: 'single-quoted key', text: "{'a': 1}", code: 'syntax', line: 1, column: 2, zh: '属性名必须用双引号括起来' },
  { name: 'unquoted key', text: '{a: 1}', code: 'syntax', line: 1, column: 2, zh: '属性名必须用双引号括起来' },
  { name: 'unquoted Chinese key', text: '{名称: 1}', code: 'syntax', line: 1, column: 2, zh: '属性名必须用双引号括起来' },
  { name: 'single-quoted string value', text: `{"a": 'x'}`, code: 'syntax', line: 1, column: 7, zh: '字符串必须用双引号括起来' },
  { name: 'line comment', text: '{\n  // 备注\n  "a": 1\n}', code: 'syntax', line: 2, column: 3, zh: '不允许注释' },
  { name: 'block comment', text: '[1, /* c */ 2]', code: 'syntax', line: 1, column: 5, zh: '不允许注释' },
  { name: 'leading zero', text: '[01]', code: 'syntax', line: 1, column: 2, zh: '数字格式不正确：不允许前导零' },
  { name: 'negative leading zero', text: '[-01]', code: 'syntax', line: 1, column: 3, zh: '不允许前导零' },
  { name: 'dot without digits', text: '[1.]', code: 'syntax', line: 1, column: 4, zh: '小数点之后必须有数字' },
  { name: 'lone minus', text: '[-]', code: 'syntax', line: 1, column: 3, zh: '数字格式不正确' },
  { name: 'leading plus', text: '[+1]', code: 'syntax', line: 1, column: 2, zh: '不允许有正号' },
  { name: 'leading dot', text: '[.5]', code: 'syntax', line: 1, column: 2, zh: '小数点之前必须有数字' },
  { name: 'empty exponent', text: '[1e]', code: 'syntax', line: 1, column: 4, zh: '指数部分' },
  { name: 'hex number', text: '[0x1F]', code: 'syntax', line: 1, column: 2, zh: '不允许十六进制' },
  { name: 'letters after number', text: '123abc', code: 'syntax', line: 1, column: 4, zh: '数字格式不正确' },
  { name: 'two dots', text: '[1.5.3]', code: 'syntax', line: 1, column: 5, zh: '数字格式不正确' },
  { name: 'NaN', text: '[NaN]', code: 'syntax', line: 1, column: 2, zh: 'JSON 不支持 NaN' },
  { name: '-Infinity', text: '[-Infinity]', code: 'syntax', line: 1, column: 2, zh: 'JSON 不支持 -Infinity' },
  { name: 'capitalised literal', text: '{"a": True}', code: 'syntax', line: 1, column: 7, zh: '无效的字面量 True' },
  { name: 'literal with extra letters', text: '[truex]', code: 'syntax', line: 1, column: 2, zh: '无效的字面量 truex' },
  { name: 'misspelt literal', text: '{"ok": ture}', code: 'syntax', line: 1, column: 8, zh: '无效的字面量 ture' },
  { name: 'bare word', text: 'abc', code: 'syntax', line: 1, column: 1, zh: '无效的值 abc' },
  { name: 'truncated literal', text: '{"a": tru', code: 'syntax', line: 1, column: 10, zh: '意外的文件结尾（JSON 被截断）' },
  { name: 'truncated array', text: '{"a": [1, 2', code: 'syntax', line: 1, column: 12, zh: '意外的文件结尾' },
  { name: 'truncated after colon', text: '{\n  "a":\n', code: 'syntax', line: 3, column: 1, zh: '意外的文件结尾' },
  { name: 'unterminated string', text: '{"a": "abc', code: 'syntax', line: 1, column: 7, zh: '字符串未结束（缺少右引号）' },
  { name: 'newline inside string', text: '{"a": "ab\ncd"}', code: 'control-char', line: 1, column: 10, zh: 'U+000A' },
  { name: 'tab inside string', text: '"a\tb"', code: 'control-char', line: 1, column: 3, zh: 'U+0009' },
  { name: 'NUL inside key', text: '{"a\u0000": 1}', code: 'control-char', line: 1, column: 4, zh: 'U+0000' },
  { name: 'invalid escape', text: '["ok", "\\x"]', code: 'syntax', line: 1, column: 9, zh: '无效的转义序列 \\x' },
  { name: 'bad unicode escape', text: '"\\u12G4"', code: 'syntax', line: 1, column: 2, zh: '无效的 Unicode 转义序列 \\u12G4' },
  { name: 'trailing content', text: '{"a": 1} {"b": 2}', code: 'trailing-content', line: 1, column: 10, zh: '多余的内容' },
  { name: 'extra closing bracket', text: '[1]]', code: 'trailing-content', line: 1, column: 4, zh: '"]"' },
  { name: 'trailing NBSP', text: '[1]\u00a0', code: 'trailing-content', line: 1, column: 4, zh: 'U+00A0' },
  { name: 'leading NBSP', text: '\u00a0[1]', code: 'syntax', line: 1, column: 1, zh: 'U+00A0' },
  { name: 'empty text', text: '', code: 'empty', line: 1, column: 1, zh: '文件为空' },
  { name: 'whitespace only', text: ' \n\t\r\n ', code: 'empty', line: 1, column: 1, zh: '文件为空' },
  { name: 'mismatched } in array', text: '[1}', code: 'syntax', line: 1, column: 3, zh: '括号不匹配' },
  { name: 'mismatched ] in object', text: '{"a": 1]', code: 'syntax', line: 1, column: 8, zh: '括号不匹配' },
  { name: 'full-width colon', text: '{"a"：1}', code: 'syntax', line: 1, column: 5, zh: '全角' },
  { name: 'full-width comma', text: '{"a": 1，"b": 2}', code: 'syntax', line: 1, column: 8, zh: '"，" (U+FF0C)' },
  { name: 'curly quotes', text: '{"a": “x”}', code: 'syntax', line: 1, column: 7, zh: '出现了意外的字符 "“"' },
  { name: 'double comma', text: '[1,,2]', code: 'syntax', line: 1, column: 4, zh: '此处缺少值' },
  { name: 'missing value', text: '{"a":}', code: 'syntax', line: 1, column: 6, zh: '此处缺少值' },
  { name: 'comma instead of key', text: '{,}', code: 'syntax', line: 1, column: 2, zh: '此处应为属性名' },
  { name: 'control char as value', text: '[\u0007]', code: 'syntax', line: 1, column: 2, zh: '出现了意外的字符 U+0007' },
  {
    name: 'CRLF line counting',
    text: '{\r\n  "a": 1,\r\n  "b": x\r\n}',
    code: 'syntax',
    line: 3,
    column: 8,
    zh: '无效的值 x',
  },
  { name: 'lone CR line counting', text: '[1,\r2,\r]', code: 'syntax', line: 2, column: 2, zh: '不允许尾随逗号' },
  { name: 'error after BOM (BOM not counted)', text: '\uFEFF{"a":}', code: 'syntax', line: 1, column: 6, zh: '此处缺少值' },
  {
    name: 'too deep (default 64)',
    text: '['.repeat(65) + ']'.repeat(65),
    code: 'too-deep',
    line: 1,
    column: 65,
    zh: '嵌套层级过深',
  },
  { name: 'too deep (custom maxDepth)', text: '{"a":{"b":1}}', code: 'too-deep', line: 1, column: 6, zh: '最大深度 1 层', maxDepth: 1 },
];

describe('parseJson: broken inputs', () => {
  it('has enough cases', () => {
    expect(broken.length).toBeGreaterThanOrEqual(25);
  });

  it.each(broken)('$name', (c) => {
    const r = parseJson(c.text, c.maxDepth === undefined ? undefined : { maxDepth: c.maxDepth });
    expect(r.ok).toBe(false);
    expect(r.value).toBeUndefined();
    const fatal = r.issues.filter((i) => i.code !== 'bom' && i.code !== 'duplicate-key' && i.code !== 'lone-surrogate');
    expect(fatal).toHaveLength(1);
    const issue = fatal[0]!;
    expect(issue.code).toBe(c.code);
    expect({ line: issue.line, column: issue.column }).toEqual({ line: c.line, column: c.column });
    expect(issue.detail.zh).toContain(c.zh);
    expect(issue.detail.en.length).toBeGreaterThan(0);
    // offset and line/column agree
    expect(r.posAt(issue.offset)).toEqual({ line: issue.line, column: issue.column, offset: issue.offset });
  });

  it('stops at the first syntax error', () => {
    const r = parseJson('[1,, 2,, 3}');
    expect(r.issues).toHaveLength(1);
    expect(r.issues[0]!.column).toBe(4);
  });

  it('uses the exact messages from the register guide', () => {
    expect(parseJson('{"a":1 "b":2}').issues[0]!.detail).toEqual({ zh: '此处缺少逗号或右花括号 }', en: "expected ',' or '}'" });
    expect(parseJson('"\\q"').issues[0]!.detail.zh).toMatch(/^无效的转义序列 \\q/);
    expect(parseJson('"abc').issues[0]!.detail.zh).toBe('字符串未结束（缺少右引号）');
    expect(parseJson('[1').issues[0]!.detail.zh).toBe('意外的文件结尾（JSON 被截断）');
  });
});

describe('parseJson: valid inputs match JSON.parse', () => {
  const valid = [
    '0',
    '-0',
    '-0.5e10',
    '1E+2',
    '1e-7',
    '-1.5E-3',
    '0.1',
    '999999999999999',
    '9999999999999999',
    '9007199254740993',
    '123456789012345678901234567890',
    '1.7976931348623157e309',
    '5e-324',
    'true',
    'false',
    'null',
    '""',
    '"\\u00e9\\n\\t\\"\\\\\\/\\b\\f\\r"',
    '"\\uD83D\\uDE00 = 😀"',
    '"中文字符串，含全角标点。"',
    '"\\u0000\\u001f"',
    '"\u2028\u2029"',
    '"\\uDBFF\\uDFFF"',
    '[]',
    '{}',
    '[[[]]]',
    ' \t\n\r[ 1 , 2 ]\r\n',
    '{"":""}',
    '{"a":[1,{"b":null}],"c":true,"d":false}',
    '{"a b":{"c":{"d":[{"e":[]}]}}}',
    '{"constructor":1,"toString":2,"hasOwnProperty":3,"valueOf":{}}',
    '{"1":1,"0":0,"b":2,"a":1}',
    '[{"名称":"自贡发布","平台":"微信公众号"},{"名称":"四川发布","粉丝":123.45}]',
    '{\n  "a": [\n    1,\n    2\n  ],\n  "b": {\n    "c": "d"\n  }\n}',
  ];

  it.each(valid)('%s', (text) => {
    const r = parseJson(text);
    expect(r.issues).toEqual([]);
    expect(r.ok).toBe(true);
    expect(r.value).toEqual(JSON.parse(text));
    if (r.value !== null && typeof r.value === 'object' && !Array.isArray(r.value)) {
      expect(Object.keys(r.value)).toEqual(Object.keys(JSON.parse(text) as object));
    }
  });

  it('keeps -0', () => {
    expect(Object.is(parseJson('-0').value, -0)).toBe(true);
    expect(Object.is(parseJson('[-0.0]').value && (parseJson('[-0.0]').value as number[])[0], -0)).toBe(true);
  });

  it('stores __proto__ as an own data property without touching the prototype', () => {
    const text = '{"__proto__": {"polluted": true}, "a": [{"__proto__": null}]}';
    const r = parseJson(text);
    expect(r.ok).toBe(true);
    const v = r.value as Record<string, unknown>;
    expect(Object.getPrototypeOf(v)).toBe(Object.prototype);
    expect(Object.keys(v)).toEqual(['__proto__', 'a']);
    expect(Object.getOwnPropertyDescriptor(v, '__proto__')).toEqual({
      value: { polluted: true },
      writable: true,
      enumerable: true,
      configurable: true,
    });
    expect((v as { polluted?: unknown }).polluted).toBeUndefined();
    expect(({} as { polluted?: unknown }).polluted).toBeUndefined();
    const inner = (v.a as Array<Record<string, unknown>>)[0]!;
    expect(Object.getPrototypeOf(inner)).toBe(Object.prototype);
    expect(Object.hasOwn(inner, '__proto__')).toBe(true);
    expect(JSON.stringify(v)).toBe(JSON.stringify(JSON.parse(text)));
  });

  it('reports a duplicated __proto__ key', () => {
    const r = parseJson('{"__proto__": 1, "__proto__": 2}');
    expect(r.issues.map((i) => i.code)).toEqual(['duplicate-key']);
    expect(Object.getOwnPropertyDescriptor(r.value, '__proto__')?.value).toBe(2);
  });
});

describe('parseJson: non-fatal issues', () => {
  it('duplicate keys: keeps the last value and reports both positions', () => {
    const text = '{\n  "id": "x",\n  "name": "a",\n  "n": 1,\n  "name": "b"\n}';
    const r = parseJson(text);
    expect(r.ok).toBe(true);
    expect(r.value).toEqual({ id: 'x', name: 'b', n: 1 });
    expect(r.issues).toHaveLength(1);
    const d = r.issues[0]!;
    expect(d).toMatchObject({ code: 'duplicate-key', line: 5, column: 3, key: 'name', firstLine: 3 });
    expect(d.firstOffset).toBe(text.indexOf('"name"'));
    expect(d.offset).toBe(text.lastIndexOf('"name"'));
    expect(d.detail.zh).toBe('键 "name" 重复出现（第 3 行已定义）');
    expect(d.detail.en).toBe('duplicate key "name" (first defined on line 3)');
    // locate() follows the value that was kept
    expect(r.locate(['name'])).toMatchObject({ line: 5, column: 11 });
    expect(r.locateKey(['name'])).toMatchObject({ line: 5, column: 3 });
  });

  it('duplicate keys with escapes are detected by decoded name', () => {
    const r = parseJson('{"a":1,"\\u0061":2}');
    expect(r.issues).toHaveLength(1);
    expect(r.issues[0]).toMatchObject({ code: 'duplicate-key', key: 'a', firstOffset: 1, column: 8 });
    expect(r.value).toEqual({ a: 2 });
  });

  it('same key in different objects is fine', () => {
    expect(parseJson('[{"a":1},{"a":2},{"b":{"a":3}}]').issues).toEqual([]);
  });

  it('lone surrogate escapes are reported but the value is kept', () => {
    const text = '["\\uD800", "x\\uDC00y", "\\uD83D\\uDE00", "\\uD800\\uD800"]';
    const r = parseJson(text);
    expect(r.ok).toBe(true);
    expect(r.value).toEqual(JSON.parse(text));
    expect(r.issues.map((i) => [i.code, i.column])).toEqual([
      ['lone-surrogate', 3],
      ['lone-surrogate', 14],
      ['lone-surrogate', 41],
      ['lone-surrogate', 47],
    ]);
    expect(r.issues[0]!.detail.zh).toContain('\\uD800');
  });

  it('BOM: reported at 1:1, parsing continues, columns on line 1 ignore it', () => {
    const r = parseJson('\uFEFF{"a": 1}');
    expect(r.ok).toBe(true);
    expect(r.value).toEqual({ a: 1 });
    expect(r.issues).toHaveLength(1);
    expect(r.issues[0]).toMatchObject({ code: 'bom', line: 1, column: 1, offset: 0 });
    expect(r.issues[0]!.detail).toEqual({ zh: '文件以 BOM（字节顺序标记）开头', en: 'file starts with a byte-order mark' });
    expect(r.locate([])).toEqual({ line: 1, column: 1, offset: 1 });
    expect(r.locate(['a'])).toEqual({ line: 1, column: 7, offset: 7 });
    expect(r.locateKey(['a'])).toEqual({ line: 1, column: 2, offset: 2 });
  });

  it('BOM followed by nothing is empty', () => {
    const r = parseJson('\uFEFF\n');
    expect(r.ok).toBe(false);
    expect(r.issues.map((i) => i.code)).toEqual(['bom', 'empty']);
  });

  it('a BOM that is not at the start is an error', () => {
    const r = parseJson('[1,\uFEFF2]');
    expect(r.ok).toBe(false);
    expect(r.issues[0]).toMatchObject({ code: 'syntax', column: 4 });
    expect(r.issues[0]!.detail.zh).toContain('U+FEFF');
  });
});

describe('parseJson: locate / locateKey', () => {
  const lines = [
    '{', //                                         1
    '  "id": "zigong-fabu",', //                    2
    '  "team": {', //                               3
    '    "editor": { "name": "张三" },', //          4
    '    "members": [', //                          5
    '      { "name": "李四", "age": 30 },', //       6
    '      42', //                                  7
    '    ]', //                                     8
    '  },', //                                      9
    '  "emoji": "😀", "after": true,', //           10
    '  "0": {"a/b": [], "~": null}', //             11
    '}', //                                         12
  ];
  const text = lines.join('\n');
  const r = parseJson(text);

  it('parses', () => {
    expect(r.ok).toBe(true);
    expect(r.value).toEqual(JSON.parse(text));
  });

  it('locates values', () => {
    expect(r.locate([])).toEqual({ line: 1, column: 1, offset: 0 });
    expect(r.locate(['id'])).toMatchObject({ line: 2, column: 9 });
    expect(r.locate(['team'])).toMatchObject({ line: 3, column: 11 });
    expect(r.locate(['team', 'editor', 'name'])).toMatchObject({ line: 4, column: 25 });
    expect(r.locate(['team', 'members'])).toMatchObject({ line: 5, column: 16 });
    expect(r.locate(['team', 'members', 0])).toMatchObject({ line: 6, column: 7 });
    expect(r.locate(['team', 'members', 0, 'age'])).toMatchObject({ line: 6, column: 30 });
    expect(r.locate(['team', 'members', 1])).toMatchObject({ line: 7, column: 7 });
    expect(r.locate(['team', 'members', '1'])).toMatchObject({ line: 7, column: 7 });
    // UTF-16 columns: the emoji counts as two code units
    expect(r.locate(['after'])).toMatchObject({ line: 10, column: 27 });
    // numeric segment on an object is a property name
    expect(r.locate([0, 'a/b'])).toMatchObject({ line: 11, column: 16 });
    expect(r.locate(['0', '~'])).toMatchObject({ line: 11, column: 25 });
  });

  it('locate offsets point at the value text', () => {
    const at = (p: Array<string | number>) => text.slice(r.locate(p).offset, r.locate(p).offset + 6);
    expect(at(['id'])).toBe('"zigon');
    expect(at(['team', 'members', 1])).toBe('42\n   ');
  });

  it('falls back to the deepest existing ancestor', () => {
    expect(r.locate(['team', 'members', 5])).toMatchObject({ line: 5, column: 16 });
    expect(r.locate(['team', 'members', '01'])).toMatchObject({ line: 5, column: 16 });
    expect(r.locate(['team', 'members', -1])).toMatchObject({ line: 5, column: 16 });
    expect(r.locate(['team', 'members', 'name'])).toMatchObject({ line: 5, column: 16 });
    expect(r.locate(['team', 'nope', 'x'])).toMatchObject({ line: 3, column: 11 });
    expect(r.locate(['id', 'x', 'y'])).toMatchObject({ line: 2, column: 9 });
    expect(r.locate(['team', 'members', 1, 'x'])).toMatchObject({ line: 7, column: 7 });
    expect(r.locate(['missing'])).toEqual({ line: 1, column: 1, offset: 0 });
  });

  it('locates keys', () => {
    expect(r.locateKey(['id'])).toMatchObject({ line: 2, column: 3 });
    expect(r.locateKey(['team', 'members'])).toMatchObject({ line: 5, column: 5 });
    expect(r.locateKey(['team', 'members', 0, 'age'])).toMatchObject({ line: 6, column: 23 });
    expect(r.locateKey(['after'])).toMatchObject({ line: 10, column: 18 });
    // array items and root fall back to the value
    expect(r.locateKey(['team', 'members', 1])).toMatchObject({ line: 7, column: 7 });
    expect(r.locateKey([])).toMatchObject({ line: 1, column: 1 });
    // missing member falls back to the deepest existing ancestor
    expect(r.locateKey(['team', 'nope'])).toMatchObject({ line: 3, column: 11 });
  });

  it('works with CRLF documents', () => {
    const crlf = lines.join('\r\n');
    const rc = parseJson(crlf);
    expect(rc.ok).toBe(true);
    expect(rc.locate(['team', 'members', 0, 'age'])).toMatchObject({ line: 6, column: 30 });
    expect(rc.locateKey(['after'])).toMatchObject({ line: 10, column: 18 });
  });

  it('is best-effort on broken documents and never throws', () => {
    const b = parseJson('{\n  "a": {"b": [1, 2}\n}');
    expect(b.ok).toBe(false);
    expect(b.locate(['a', 'b', 1])).toMatchObject({ line: 2, column: 18 });
    expect(b.locate(['a', 'zz'])).toMatchObject({ line: 2, column: 8 });
    expect(() => parseJson('').locate(['a', 1])).not.toThrow();
    expect(parseJson('').locate([])).toEqual({ line: 1, column: 1, offset: 0 });
  });
});

describe('parseJson: posAt and line counting', () => {
  it('splits lines on \\n, \\r\\n and lone \\r', () => {
    const r = parseJson('a\r\nb\rc\nd');
    expect(r.posAt(0)).toEqual({ line: 1, column: 1, offset: 0 });
    expect(r.posAt(1)).toEqual({ line: 1, column: 2, offset: 1 }); // the \r
    expect(r.posAt(2)).toEqual({ line: 1, column: 3, offset: 2 }); // the \n of \r\n
    expect(r.posAt(3)).toEqual({ line: 2, column: 1, offset: 3 });
    expect(r.posAt(5)).toEqual({ line: 3, column: 1, offset: 5 });
    expect(r.posAt(7)).toEqual({ line: 4, column: 1, offset: 7 });
    expect(r.posAt(8)).toEqual({ line: 4, column: 2, offset: 8 }); // end of text
  });

  it('clamps out-of-range offsets', () => {
    const r = parseJson('[1,\n2]');
    expect(r.posAt(-5)).toEqual({ line: 1, column: 1, offset: 0 });
    expect(r.posAt(1e9)).toEqual({ line: 2, column: 3, offset: 6 });
    expect(r.posAt(Number.NaN)).toEqual({ line: 1, column: 1, offset: 0 });
    expect(r.posAt(2.7)).toEqual({ line: 1, column: 3, offset: 2 });
  });

  it('agrees with a naive line counter on random text', () => {
    const rnd = mulberry32(7);
    const pieces = ['a', 'b', ' ', '\n', '\r', '\r\n', '中', '😀', '\t'];
    for (let n = 0; n < 50; n++) {
      let s = '';
      const len = Math.floor(rnd() * 60);
      for (let i = 0; i < len; i++) s += pieces[Math.floor(rnd() * pieces.length)];
      const r = parseJson(s);
      let line = 1;
      let col = 1;
      for (let off = 0; off <= s.length; off++) {
        expect(r.posAt(off)).toEqual({ line, column: col, offset: off });
        const ch = s[off];
        if (ch === '\n' || (ch === '\r' && s[off + 1] !== '\n')) {
          line++;
          col = 1;
        } else col++;
      }
    }
  });
});

describe('parseJson: robustness', () => {
  it('100000 nested [ does not throw', () => {
    const text = '['.repeat(100000);
    const r = parseJson(text);
    expect(r.ok).toBe(false);
    expect(r.issues).toHaveLength(1);
    expect(r.issues[0]).toMatchObject({ code: 'too-deep', line: 1, column: 65 });
  });

  it('deep nesting with a huge maxDepth uses no recursion', () => {
    const n = 100000;
    const r1 = parseJson('['.repeat(n), { maxDepth: Infinity });
    expect(r1.issues[0]).toMatchObject({ code: 'syntax', column: n + 1 });
    const r2 = parseJson('['.repeat(n) + ']'.repeat(n), { maxDepth: 1e9 });
    expect(r2.ok).toBe(true);
    let v: unknown = r2.value;
    let depth = 0;
    while (Array.isArray(v)) {
      depth++;
      v = v[0];
    }
    expect(depth).toBe(n);
    expect(r2.locate(new Array<number>(n - 1).fill(0))).toEqual({ line: 1, column: n, offset: n - 1 });
    const r3 = parseJson('{"a":'.repeat(n) + '1' + '}'.repeat(n), { maxDepth: n });
    expect(r3.ok).toBe(true);
  });

  it('maxDepth counts the root container as depth 1', () => {
    expect(parseJson('[[1]]', { maxDepth: 2 }).ok).toBe(true);
    expect(parseJson('[[1]]', { maxDepth: 1 }).ok).toBe(false);
    expect(parseJson('1', { maxDepth: 0 }).ok).toBe(true);
    expect(parseJson('[]', { maxDepth: 0 }).ok).toBe(false);
    expect(parseJson('[[1]]', { maxDepth: Number.NaN }).ok).toBe(true);
  });

  it('fuzz: random strings and mutations never throw and agree with JSON.parse', () => {
    const rnd = mulberry32(20240601);
    const int = (n: number) => Math.floor(rnd() * n);
    const seedDoc = JSON.stringify(
      {
        id: 'zigong-fabu',
        name: '自贡发布 😀',
        platform: '微信公众号',
        nums: [0, -0.5e10, 1.25, 1e-7, 123456789, -12],
        flags: [true, false, null],
        nested: { a: { b: [{ c: 'x\ny"z\\' }, [], {}] }, '': 'empty key', 'k\u00e9y': '\u2028' },
        events: [{ type: '开设', date: '2021-05-01' }],
      },
      null,
      2,
    );
    const tokens = ['{', '}', '[', ']', ',', ':', '"', '\\', 'u', 'D8', '00', '0', '1', '-', '.', 'e', '+', 'true', 'false', 'null',
      ' ', '\n', '\r', '\t', '"a"', '"b"', '"__proto__"', '/', '*', "'", '\uFEFF', '\u0000', '\u00a0', '中', '\uD83D', '\uDE00', 'x', '，'];
    const randomString = (): string => {
      let s = '';
      const len = int(40);
      for (let i = 0; i < len; i++) {
        const k = rnd();
        if (k < 0.8) s += tokens[int(tokens.length)];
        else s += String.fromCharCode(int(0x10000));
      }
      return s;
    };
    const mutate = (doc: string): string => {
      let s = doc;
      const edits = 1 + int(3);
      for (let e = 0; e < edits; e++) {
        const at = int(s.length + 1);
        const op = int(4);
        if (op === 0) s = s.slice(0, at) + s.slice(at + 1 + int(3));
        else if (op === 1) s = s.slice(0, at) + tokens[int(tokens.length)] + s.slice(at);
        else if (op === 2) s = s.slice(0, at) + String.fromCharCode(int(0x80)) + s.slice(at + 1);
        else s = s.slice(0, at);
      }
      return s;
    };
    // Collect every pointer of a parsed value (for locate checks).
    const pointers = (v: unknown, base: Array<string | number>, out: Array<Array<string | number>>) => {
      out.push(base);
      if (Array.isArray(v)) v.forEach((x, i) => pointers(x, [...base, i], out));
      else if (v !== null && typeof v === 'object') for (const k of Object.keys(v)) pointers((v as Record<string, unknown>)[k], [...base, k], out);
      return out;
    };
    const firstChar = (v: unknown): string =>
      v === null ? 'n' : v === true ? 't' : v === false ? 'f' : typeof v === 'string' ? '"' : typeof v === 'number' ? '-0123456789' : Array.isArray(v) ? '[' : '{';

    let accepted = 0;
    const N = 4000;
    for (let n = 0; n < N; n++) {
      const text = n % 2 === 0 ? randomString() : mutate(seedDoc);
      let r: ReturnType<typeof parseJson> | undefined;
      expect(() => {
        r = parseJson(text);
      }, JSON.stringify(text)).not.toThrow();
      const res = r!;
      expect(() => {
        res.locate(['nested', 'a', 'b', 0, 'c']);
        res.locateKey(['events', 0, 'type']);
        res.locate([int(3), String(int(3))]);
        res.posAt(int(text.length + 2) - 1);
      }).not.toThrow();

      let expected: unknown;
      let jsonOk = true;
      try {
        expected = JSON.parse(text);
      } catch {
        jsonOk = false;
      }
      const hasBom = text.charCodeAt(0) === 0xfeff;
      if (!hasBom) expect(res.ok, JSON.stringify(text)).toBe(jsonOk);
      if (jsonOk && !res.issues.some((i) => i.code === 'duplicate-key')) {
        accepted++;
        expect(res.value, JSON.stringify(text)).toEqual(expected);
        // every value can be located, and the location starts with the right kind of token
        for (const p of pointers(res.value, [], [])) {
          let v: unknown = res.value;
          for (const seg of p) v = (v as Record<string, unknown>)[seg as string];
          const off = res.locate(p).offset;
          expect(firstChar(v)).toContain(text[off]);
          const last = p[p.length - 1];
          if (typeof last === 'string') expect(text[res.locateKey(p).offset]).toBe('"');
        }
      }
      for (const i of res.issues) {
        expect(res.posAt(i.offset)).toEqual({ line: i.line, column: i.column, offset: i.offset });
        expect(i.detail.zh.length).toBeGreaterThan(0);
      }
      expect(res.issues.filter((i) => i.code === 'syntax' || i.code === 'control-char').length).toBeLessThanOrEqual(1);
    }
    // the mutation half must exercise the success path too
    expect(accepted).toBeGreaterThan(100);
  });

  it('never throws on non-string input passed from untyped code', () => {
    const r = parseJson(undefined as unknown as string);
    expect(r.ok).toBe(false);
    expect(r.issues[0]!.code).toBe('empty');
  });
});
