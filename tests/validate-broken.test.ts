/**
 * 坏文件用例表：每一种坏文件都必须得到准确的结果（规则、文件、行、列）并以退出码 1 结束，
 * 且绝不打印堆栈。
 * A table of broken files. Each is written into a real temporary register and checked with
 * the real CLI; each must yield its exact finding (rule, file, line, column) and exit 1.
 */
import { mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseJson } from '../scripts/core/jsonpos.ts';
import type { FixtureKit } from '../scripts/dev/fixture.ts';
import { baseKit, cli, cliProcess, tmpDir, writeKit } from './helpers.ts';

const ACC = 'sichuan/zigong/zg-wjw/zg-wjw-weixin.json';
const UNIT = 'sichuan/zigong/zg-wjw/unit.json';

interface Expect {
  ruleId: string;
  file: string;
  line: number;
  column: number;
  /** a fragment of the Chinese message */
  says?: string;
}

interface BrokenCase {
  name: string;
  /** Change the kit before it is written. */
  kit?: (k: FixtureKit) => void;
  /** Change the folder after it is written (binary files, symlinks…). */
  fs?: (dir: string) => void;
  /** The expected findings, or a function computing them from the written kit. */
  expect: Expect[] | ((k: FixtureKit) => Expect[]);
}

/** Position of a pointer in a kit file, as the written JSON text has it. */
function at(k: FixtureKit, rel: string, pointer: (string | number)[], key = false): { line: number; column: number } {
  const doc = k.files.get(rel);
  const text = typeof doc === 'string' ? doc : JSON.stringify(doc, null, 2) + '\n';
  const p = parseJson(text);
  const pos = key ? p.locateKey(pointer) : p.locate(pointer);
  return { line: pos.line, column: pos.column };
}

function f(ruleId: string, rel: string, pos: { line: number; column: number }, says?: string): Expect {
  return { ruleId, file: `accounts/${rel}`, line: pos.line, column: pos.column, ...(says ? { says } : {}) };
}

const accountText = (k: FixtureKit): string => JSON.stringify(k.get('zg-wjw-weixin'), null, 2) + '\n';

const cases: BrokenCase[] = [
  // ---- syntax and bytes
  { name: 'truncated JSON', kit: (k) => k.raw(ACC, '{\n  "id": "zg-wjw-weixin",\n  "name": "健康'), expect: [f('register/json-syntax', ACC, { line: 3, column: 11 }, '字符串未结束')] },
  { name: 'trailing comma', kit: (k) => k.raw(ACC, '{\n  "id": "zg-wjw-weixin",\n}\n'), expect: [f('register/json-syntax', ACC, { line: 2, column: 24 }, '尾随逗号')] },
  { name: 'missing comma between members', kit: (k) => k.raw(ACC, '{\n  "id": "zg-wjw-weixin"\n  "name": "健康自贡"\n}\n'), expect: [f('register/json-syntax', ACC, { line: 3, column: 3 }, '逗号')] },
  { name: 'single-quoted key', kit: (k) => k.raw(ACC, "{\n  'id': 1\n}\n"), expect: [f('register/json-syntax', ACC, { line: 2, column: 3 }, '双引号')] },
  { name: 'comment', kit: (k) => k.raw(ACC, '{\n  // 备注\n  "id": 1\n}\n'), expect: [f('register/json-syntax', ACC, { line: 2, column: 3 }, '注释')] },
  { name: 'full-width comma typed by an input method', kit: (k) => k.raw(ACC, '{\n  "id": "a"，\n  "name": "b"\n}\n'), expect: [f('register/json-syntax', ACC, { line: 2, column: 12 }, 'U+FF0C')] },
  { name: 'empty file', kit: (k) => k.raw(ACC, ''), expect: [f('register/json-syntax', ACC, { line: 1, column: 1 })] },
  { name: 'text after the JSON value', kit: (k) => k.raw(ACC, '{}\n{}\n'), expect: [f('register/json-syntax', ACC, { line: 2, column: 1 })] },
  { name: 'raw control character in a string', kit: (k) => k.raw(ACC, '{\n  "name": "健康\t自贡"\n}\n'), expect: [f('register/json-syntax', ACC, { line: 2, column: 14 }, 'U+0009')] },
  { name: 'nesting 10000 deep', kit: (k) => k.raw(ACC, '['.repeat(10000)), expect: [f('register/json-syntax', ACC, { line: 1, column: 65 })] },
  {
    name: 'duplicate key',
    kit: (k) => k.raw(ACC, accountText(k).replace('"name": "健康自贡",', '"name": "健康自贡",\n  "name": "健康自贡2",')),
    expect: [f('register/duplicate-key', ACC, { line: 5, column: 3 }, '第 4 行')],
  },
  { name: 'byte-order mark', kit: (k) => k.raw(ACC, '\uFEFF' + accountText(k)), expect: [f('register/bom', ACC, { line: 1, column: 1 }, 'BOM')] },
  {
    name: 'GBK-encoded file',
    fs: (dir) => writeFileSync(path.join(dir, 'accounts', ACC), Buffer.concat([Buffer.from('{\n  "name": "'), Buffer.from([0xbd, 0xa1, 0xbf, 0xb5]), Buffer.from('"\n}\n')])),
    expect: [f('register/encoding', ACC, { line: 2, column: 12 }, 'GBK')],
  },
  { name: 'binary file (PNG) named .json', fs: (dir) => writeFileSync(path.join(dir, 'accounts', ACC), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13])), expect: [f('register/encoding', ACC, { line: 1, column: 1 }, '二进制')] },
  { name: 'file over the size limit', kit: (k) => k.raw(ACC, JSON.stringify({ note: 'x'.repeat(300 * 1024) })), expect: [f('register/file-too-large', ACC, { line: 1, column: 1 }, '超过上限')] },
  // ---- the tree
  {
    name: 'symbolic link',
    fs: (dir) => symlinkSync(path.join(dir, 'accounts', ACC), path.join(dir, 'accounts', 'sichuan/zigong/zg-wjw/link.json')),
    expect: [f('register/symlink', 'sichuan/zigong/zg-wjw/link.json', { line: 1, column: 1 }, '符号链接')],
  },
  { name: 'a Word document dropped into a unit folder', fs: (dir) => writeFileSync(path.join(dir, 'accounts', 'sichuan/zigong/zg-wjw/备案表.docx'), 'PK'), expect: [f('register/stray-file', 'sichuan/zigong/zg-wjw/备案表.docx', { line: 1, column: 1 }, '不属于登记簿')] },
  { name: 'a notes file', fs: (dir) => writeFileSync(path.join(dir, 'accounts', 'sichuan/notes.txt'), 'hello'), expect: [f('register/stray-file', 'sichuan/notes.txt', { line: 1, column: 1 })] },
  {
    name: 'account file directly in a region folder',
    kit: (k) => {
      const a = k.get('zg-wjw-weixin');
      k.remove('zg-wjw-weixin');
      k.files.set('sichuan/zigong/zg-wjw-weixin.json', { ...a, $schema: '../../../schemas/account.schema.json' } as never);
    },
    expect: [f('register/misplaced', 'sichuan/zigong/zg-wjw-weixin.json', { line: 1, column: 1 }, '不在单位文件夹中')],
  },
  {
    name: 'unit folder nested in a unit folder',
    kit: (k) => k.files.set('sichuan/zigong/zg-wjw/zg-ks/unit.json', { $schema: '../../../../../schemas/unit.schema.json', id: 'zg-ks', name: '宣传科', kind: '内设机构', region: 'sichuan/zigong/zg-wjw' } as never),
    expect: [f('register/misplaced', 'sichuan/zigong/zg-wjw/zg-ks/unit.json', { line: 1, column: 1 }, '正下方')],
  },
  {
    name: 'folder that is neither region nor unit',
    fs: (dir) => {
      mkdirSync(path.join(dir, 'accounts', 'sichuan/zigong/misc'));
      writeFileSync(path.join(dir, 'accounts', 'sichuan/zigong/misc/x.json'), '{}');
    },
    expect: [f('register/stray-file', 'sichuan/zigong/misc', { line: 1, column: 1 }, '既没有'), f('register/misplaced', 'sichuan/zigong/misc/x.json', { line: 1, column: 1 })],
  },
  {
    name: 'upper-case folder name',
    kit: (k) => {
      const u = k.getUnit('zg-wjw');
      k.files.set('sichuan/zigong/WJW/unit.json', { ...u, id: 'WJW' } as never);
    },
    expect: (k) => [f('register/stray-file', 'sichuan/zigong/WJW', { line: 1, column: 1 }, '小写'), f('register/schema', 'sichuan/zigong/WJW/unit.json', at(k, 'sichuan/zigong/WJW/unit.json', ['id']), 'id')],
  },
  // ---- schema
  { name: 'missing required name', kit: (k) => void delete (k.get('zg-wjw-weixin') as { name?: string }).name, expect: [f('register/schema', ACC, { line: 1, column: 1 }, '缺少必填字段“name”')] },
  { name: 'name of the wrong type', kit: (k) => void ((k.get('zg-wjw-weixin') as unknown as { name: number }).name = 123), expect: (k) => [f('register/schema', ACC, at(k, ACC, ['name']), '类型不对')] },
  { name: 'platform not in the list', kit: (k) => void ((k.get('zg-wjw-weixin') as unknown as { platform: string }).platform = '微博'), expect: (k) => [f('register/schema', ACC, at(k, ACC, ['platform']), '新浪微博')] },
  { name: 'impossible date 2026-02-30', kit: (k) => void (k.get('zg-wjw-weixin').events[1]!.date = '2026-02-30'), expect: (k) => [f('register/schema', ACC, at(k, ACC, ['events', 1, 'date']), '不是有效日期')] },
  { name: 'misspelt property', kit: (k) => void ((k.get('zg-wjw-weixin') as unknown as Record<string, unknown>).nmae = 'x'), expect: (k) => [f('register/schema', ACC, at(k, ACC, ['nmae'], true), '不认识的字段“nmae”')] },
  { name: 'a password property', kit: (k) => void ((k.get('zg-wjw-weixin') as unknown as Record<string, unknown>).password = 'Abc12345!'), expect: (k) => [f('register/schema', ACC, at(k, ACC, ['password'], true), '密码')] },
  { name: 'mobile number of 10 digits', kit: (k) => void (k.get('zg-wjw-weixin').team!.principal.mobile = '1300000001'), expect: (k) => [f('register/schema', ACC, at(k, ACC, ['team', 'principal', 'mobile']), '写法不符合要求')] },
  { name: 'outsourced without vendor', kit: (k) => void (k.get('zg-wjw-weixin').operatingMode = '购买服务'), expect: [f('register/schema', ACC, { line: 1, column: 1 }, 'vendor')] },
  { name: 'empty event list', kit: (k) => void (k.get('zg-wjw-weixin').events = []), expect: (k) => [f('register/schema', ACC, at(k, ACC, ['events']), '至少要有 1 项')] },
  { name: 'unit of an unknown kind', kit: (k) => void ((k.getUnit('zg-wjw') as unknown as { kind: string }).kind = '科室'), expect: (k) => [f('register/schema', UNIT, at(k, UNIT, ['kind']), '内设机构')] },
  { name: 'wrong $schema path', kit: (k) => void (k.get('zg-wjw-weixin').$schema = '../schemas/account.schema.json'), expect: (k) => [f('register/schema-ref', ACC, at(k, ACC, ['$schema']), '../../../../schemas/account.schema.json')] },
  // ---- ids and paths
  { name: 'account id differs from the file name', kit: (k) => void (k.get('zg-wjw-weixin').id = 'zg-wjw-wx'), expect: (k) => [f('register/id-path', ACC, at(k, ACC, ['id']), '文件名')] },
  // the id is the end of the file name, not the whole of it (the name is compared from the folder's slash on)
  { name: 'account id is only the end of the file name', kit: (k) => void (k.get('zg-wjw-weixin').id = 'weixin'), expect: (k) => [f('register/id-path', ACC, at(k, ACC, ['id']), '与文件名 "zg-wjw-weixin.json" 不一致')] },
  {
    name: 'the same account id in two units',
    kit: (k) => {
      k.unit('sichuan/zigong', { id: 'zg-gaj', name: '自贡市公安局', kind: '政府部门' });
      k.account('zg-gaj', { id: 'zg-wjw-weixin', name: '平安自贡', platform: '微信公众号' });
    },
    expect: (k) => [f('register/duplicate-id', 'sichuan/zigong/zg-wjw/zg-wjw-weixin.json', at(k, 'sichuan/zigong/zg-wjw/zg-wjw-weixin.json', ['id']), '重复')],
  },
  { name: 'host unit differs from the folder', kit: (k) => void (k.get('zg-wjw-weixin').hostUnit = 'zg-bgs'), expect: (k) => [f('register/host-unit', ACC, at(k, ACC, ['hostUnit']), '不一致')] },
  { name: 'unit id differs from its folder', kit: (k) => void (k.getUnit('zg-wjw').id = 'zg-wsj'), expect: (k) => [f('register/id-path', UNIT, at(k, UNIT, ['id']), '文件夹名')] },
  { name: 'unit in the wrong region', kit: (k) => void (k.getUnit('zg-wjw').region = 'sichuan'), expect: (k) => [f('register/id-path', UNIT, at(k, UNIT, ['region']), '地区')] },
  { name: 'region id differs from its folder', kit: (k) => void ((k.files.get('sichuan/region.json') as { id: string }).id = 'sc'), expect: (k) => [f('register/id-path', 'sichuan/region.json', at(k, 'sichuan/region.json', ['id']), '文件夹路径')] },
  { name: 'unknown supervising office', kit: (k) => void ((k.files.get('sichuan/zigong/region.json') as { supervisingOffice: string }).supervisingOffice = 'zg-xxx'), expect: (k) => [f('register/reference', 'sichuan/zigong/region.json', at(k, 'sichuan/zigong/region.json', ['supervisingOffice']), '不存在')] },
  { name: 'binding a policy that does not exist', kit: (k) => void ((k.files.get('sichuan/zigong/region.json') as { policies: string[] }).policies = ['sichuan/zigongg']), expect: (k) => [f('register/reference', 'sichuan/zigong/region.json', at(k, 'sichuan/zigong/region.json', ['policies', 0]), 'sichuan/zigongg')] },
  { name: 'parent unit that does not exist', kit: (k) => void (k.getUnit('zg-wjw').parent = 'zg-nobody'), expect: (k) => [f('register/reference', UNIT, at(k, UNIT, ['parent']), '上级单位')] },
  // ---- names and secrets
  {
    name: 'zero-width space inside the name',
    kit: (k) => void (k.get('zg-wjw-weixin').name = '健康\u200B自贡'),
    expect: (k) => {
      const p = at(k, ACC, ['name']);
      return [f('register/invisible-char', ACC, { line: p.line, column: p.column + 3 }, 'U+200B')];
    },
  },
  {
    name: 'zero-width space written as an escape',
    kit: (k) => k.raw(ACC, accountText(k).replace('"name": "健康自贡"', '"name": "健康\\u200b自贡"')),
    expect: (k) => {
      const p = at(k, ACC, ['name']);
      return [f('register/invisible-char', ACC, { line: p.line, column: p.column + 3 }, 'U+200B')];
    },
  },
  {
    name: 'Cyrillic letter posing as Latin in the name',
    kit: (k) => void (k.get('zg-wjw-weixin').name = '自贡АРР'),
    expect: (k) => {
      const p = at(k, ACC, ['name']);
      return [f('register/look-alike', ACC, { line: p.line, column: p.column + 3 }, '西里尔字母')];
    },
  },
  {
    name: 'Kangxi radical posing as a Han character',
    kit: (k) => void (k.get('zg-wjw-weixin').name = '健康自\u2F4F'),
    expect: (k) => {
      const p = at(k, ACC, ['name']);
      return [f('register/look-alike', ACC, { line: p.line, column: p.column + 4 }, '康熙部首')];
    },
  },
  { name: 'trailing space in the unit name', kit: (k) => void (k.getUnit('zg-wjw').name = '自贡市卫生健康委员会 '), expect: (k) => [f('register/invisible-char', UNIT, { line: at(k, UNIT, ['name']).line, column: at(k, UNIT, ['name']).column + 11 }, '空白')] },
  { name: 'WeChat AppSecret pasted into a note', kit: (k) => void (k.get('zg-wjw-weixin').events[4]!.note = 'AppSecret 0123456789abcdef0123456789abcdef'), expect: (k) => [f('register/secret', ACC, at(k, ACC, ['events', 4, 'note']), '疑似')] },
  { name: 'password written in an operator position', kit: (k) => void (k.get('zg-wjw-weixin').team!.operators[0]!.position = '办公室科员 密码：Zg123456'), expect: (k) => [f('register/secret', ACC, at(k, ACC, ['team', 'operators', 0, 'position']), '密码')] },
  // ---- events
  { name: 'events out of date order', kit: (k) => void (k.get('zg-wjw-weixin').events[2]!.date = '2025-01-01'), expect: (k) => [f('register/event-order', ACC, at(k, ACC, ['events', 2, 'date']), '早于')] },
  { name: 'event dated in the future', kit: (k) => void (k.get('zg-wjw-weixin').events[4]!.date = '2030-01-01'), expect: (k) => [f('register/event-order', ACC, at(k, ACC, ['events', 4, 'date']), '晚于今天')] },
];

describe('validate: broken files', () => {
  it('has at least 30 kinds of broken file', () => {
    expect(cases.length).toBeGreaterThanOrEqual(30);
  });

  it('the base register is clean', async () => {
    const dir = writeKit(baseKit(), tmpDir());
    const r = await cli(['validate', '--root', dir, '--now', '2026-11-21', '--format', 'json']);
    expect(JSON.parse(r.out).findings).toEqual([]);
    expect(r.code).toBe(0);
  });

  for (const c of cases) {
    it(c.name, async () => {
      const k = baseKit();
      c.kit?.(k);
      const dir = writeKit(k, tmpDir());
      c.fs?.(dir);
      const r = await cli(['validate', '--root', dir, '--now', '2026-11-21', '--format', 'json']);
      expect(r.err).toBe('');
      const got = (JSON.parse(r.out) as { findings: Expect[] & { message: string }[] }).findings;
      const want = typeof c.expect === 'function' ? c.expect(k) : c.expect;
      expect(got.map((x) => ({ ruleId: x.ruleId, file: x.file, line: x.line, column: x.column }))).toEqual(want.map((x) => ({ ruleId: x.ruleId, file: x.file, line: x.line, column: x.column })));
      want.forEach((w, i) => {
        const g = got[i] as unknown as { message: string; fix: string };
        if (w.says) expect(`${g.message} ${g.fix}`).toContain(w.says);
        expect(g.fix.length).toBeGreaterThan(4);
      });
      expect(r.code).toBe(1);
    });
  }

  it('the real executable prints Chinese findings with file:line:column and no stack trace', () => {
    const k = baseKit();
    k.raw(ACC, '{\n  "id": "zg-wjw-weixin",\n}\n');
    const dir = writeKit(k, tmpDir());
    const r = cliProcess(['validate', '--root', dir, '--now', '2026-11-21']);
    expect(r.code).toBe(1);
    expect(r.out).toContain(`accounts/${ACC}:2:24`);
    expect(r.out).toContain('JSON 语法错误');
    expect(r.out).toContain('修正');
    expect(r.err).not.toMatch(/\n\s+at /);
    const en = cliProcess(['validate', '--root', dir, '--now', '2026-11-21', '--lang', 'en']);
    expect(en.out).toContain('JSON syntax error');
  });
});

describe('validate: usage errors exit 2', () => {
  it.each([
    [['validate', '--format', 'xml']],
    [['validate', '--lang', 'fr']],
    [['validate', '--now', '2026-02-30']],
    [['validate', '--bogus']],
    [['validate', 'no/such/path.json']],
    [['frobnicate']],
  ])('%j', async (args) => {
    const r = await cli(args);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/用法错误|未知命令/);
    expect(r.err).not.toMatch(/\n\s+at /);
  });
});

describe('every command words its usage errors in the language asked for', () => {
  // one shared reading of --lang, --format and parseArgs errors (scripts/core/cli-args.ts)
  it.each([
    [['validate', '--format', 'xml'], '--format 只能是 text、json', '--format must be one of text, json'],
    [['validate', '--lang', 'fr'], '--lang 只能是 zh 或 en', '--lang must be zh or en'],
    [['history', 'x', '--format', 'xml'], '--format 只能是 text、json', '--format must be one of text, json'],
    [['check-pr', '--base', 'a', '--head', 'b', '--format', 'pdf'], '--format 只能是 text、json、markdown、gitlab', '--format must be one of text, json, markdown, gitlab'],
    [['form', 'zg-swjw-weibo', '--event'], '选项 --event 需要一个值', 'option --event needs a value'],
    [['export', '--public=yes'], '选项 --public 不带值', 'option --public takes no value'],
    [['monitor', '--bogus'], '未知选项 --bogus', 'unknown option --bogus'],
    [['gen-codeowners', '--bogus'], '未知选项 --bogus', 'unknown option --bogus'],
    [['new', '--bogus'], '未知选项 --bogus', 'unknown option --bogus'],
  ])('%j', (args, zh, en) => {
    const z = cliProcess(args);
    expect(z.code).toBe(2);
    expect(z.err).toContain(`用法错误：${zh}`);
    const langArg = args.includes('--lang') ? [] : ['--lang', 'en'];
    const e = cliProcess([...args, ...langArg]);
    expect(e.code).toBe(2);
    if (!args.includes('--lang')) {
      expect(e.err).toContain(`usage error: ${en}`);
      expect(e.err).not.toMatch(/[\u4e00-\u9fff]/);
    }
    expect(z.err + e.err).not.toMatch(/\n\s+at /);
  });
});
