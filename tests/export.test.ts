/**
 * 导出：报送系统字段的 CSV / XLSX / JSON，以及公开版绝不含个人信息。
 * The export: CSV / XLSX / JSON in the national system's fields, and the public version never
 * carries personal data. Everything runs on the real sample register or a real copy of it.
 */
import { cpSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import { cmdExport, publicRecords } from '../scripts/commands/export.ts';
import { parseCsv as parseRecords } from '../scripts/core/csv.ts';

/** The export read back through the project's one CSV parser, cells exactly as written (no trimming). */
const parseCsv = (text: string): string[][] => parseRecords(text, 'export.csv', { trim: false }).map((r) => r.cells);
import { loadForExport } from '../scripts/export/load.ts';
import { dateText } from '../scripts/monitor/sheet.ts';
import { ENGINE_ROOT, tmpDir } from './helpers.ts';

const NOW = '2026-11-21';

async function run(args: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  // like the CLI's own io: a newline is added only when the text lacks one
  const code = await cmdExport(args, { out: (s) => void (out += s.endsWith('\n') ? s : s + '\n'), err: (s) => void (err += s.endsWith('\n') ? s : s + '\n') });
  return { code, out, err };
}

/** Every account file under accounts/ (not unit.json / region.json), parsed. */
function accountFiles(root: string): { rel: string; data: any }[] {
  const out: { rel: string; data: any }[] = [];
  const walk = (dir: string): void => {
    for (const d of readdirSync(dir, { withFileTypes: true })) {
      const abs = path.join(dir, d.name);
      if (d.isDirectory()) walk(abs);
      else if (d.name.endsWith('.json') && d.name !== 'unit.json' && d.name !== 'region.json') out.push({ rel: path.relative(root, abs), data: JSON.parse(readFileSync(abs, 'utf8')) });
    }
  };
  walk(path.join(root, 'accounts'));
  return out;
}

/** Every person name and phone number written in any account file (collected here, independently of the code under test). */
function personalData(root: string): { names: string[]; phones: string[] } {
  const names = new Set<string>();
  const phones = new Set<string>();
  for (const { data } of accountFiles(root)) {
    const t = data.team ?? {};
    for (const p of [t.principal, t.inCharge, t.sectionHead, ...(t.operators ?? [])]) {
      if (!p) continue;
      names.add(p.name);
      if (p.mobile) phones.add(p.mobile);
      if (p.officePhone) phones.add(p.officePhone);
    }
    for (const l of [t.review?.editors, t.review?.reviewers, t.review?.finalApprovers]) for (const n of l ?? []) names.add(n);
  }
  return { names: [...names], phones: [...phones] };
}

async function xlsxRows(file: string): Promise<{ ws: ExcelJS.Worksheet; rows: string[][] }> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  const ws = wb.worksheets[0]!;
  const rows: string[][] = [];
  ws.eachRow({ includeEmpty: false }, (row) => {
    const cells: string[] = [];
    for (let c = 1; c <= ws.columnCount; c++) {
      const v = row.getCell(c).value;
      cells.push(v instanceof Date ? dateText(v) : v === null || v === undefined ? '' : String(v));
    }
    rows.push(cells);
  });
  return { ws, rows };
}

const HEADERS_ZH = [
  '账号编号', '账号名称', '平台类型', '平台子类型', '平台账号', '账号功能', '内容类型', '地区', '主办单位', '主办单位编号',
  '开设主体（认证主体）全称', '认证主体分类',
  '主要负责人姓名', '主要负责人职务', '主要负责人手机', '主要负责人座机',
  '分管负责人姓名', '分管负责人职务', '分管负责人手机', '分管负责人座机',
  '联系人姓名', '联系人职务', '联系人手机', '联系人座机',
  '账号文章URL', '账号主页URL', '下载URL', '认证状态', '运营单位', '运营模式', '服务外包单位', '开设时间', '平台开通日期', '登记簿状态', '报送系统状态', '关停日期',
];
const PERSONAL_HEADERS = HEADERS_ZH.filter((h) => /负责人|联系人/.test(h));

const SAMPLE_ACCOUNTS = accountFiles(ENGINE_ROOT);
const PERSONAL = personalData(ENGINE_ROOT);
let dir: string;

beforeAll(() => {
  dir = tmpDir('govmedia-export-');
});

describe('export --format csv', () => {
  let buf: Buffer;
  let text: string;
  let rows: string[][];
  beforeAll(async () => {
    const r = await run(['--format', 'csv', '--now', NOW, '--root', ENGINE_ROOT, '--out', path.join(dir, 'register.csv')]);
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    expect(r.out).toContain(`已导出 ${SAMPLE_ACCOUNTS.length} 个账号`);
    buf = readFileSync(path.join(dir, 'register.csv'));
    text = buf.toString('utf8');
    rows = parseCsv(text);
  });

  it('starts with a UTF-8 BOM and ends every line with CRLF', () => {
    expect([...buf.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(text.endsWith('\r\n')).toBe(true);
    expect(text.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/); // no bare LF or CR (no field holds a line break)
  });

  it('has one row per account file and the exact Chinese headers', () => {
    expect(rows[0]).toEqual(HEADERS_ZH);
    expect(rows.length - 1).toBe(SAMPLE_ACCOUNTS.length);
    expect(new Set(rows.slice(1).map((r) => r[0]))).toEqual(new Set(SAMPLE_ACCOUNTS.map((a) => a.data.id)));
    for (const r of rows) expect(r.length).toBe(HEADERS_ZH.length);
  });

  it('fills the national-system fields from the account files', () => {
    const col = (h: string): number => HEADERS_ZH.indexOf(h);
    const row = (id: string): string[] => rows.find((r) => r[0] === id)!;
    // a closed account: state, national status, closing date (deregistration)
    const closed = row('la-rsj-weibo');
    expect(closed[col('登记簿状态')]).toBe('已关停');
    expect(closed[col('报送系统状态')]).toBe('关停');
    expect(closed[col('关停日期')]).toBe('2025-04-25');
    expect(closed[col('开设时间')]).toBe('2016-03-01');
    // the real opening on the platform (平台注册) is its own column; unknown stays empty
    expect(row('sq-wjw-weibo')[col('平台开通日期')]).toBe('2021-05-12');
    expect(closed[col('平台开通日期')]).toBe('2016-03-04');
    // an account being opened has not been reported yet
    const opening = row('zg-swjw-douyin');
    expect(opening[col('登记簿状态')]).toBe('已备案');
    expect(opening[col('报送系统状态')]).toBe('未填报');
    // an account being closed is still 正常 in the national system
    expect(row('la-wjw-kuaishou')[col('登记簿状态')]).toBe('已公告');
    expect(row('la-wjw-kuaishou')[col('报送系统状态')]).toBe('正常');
    // people and phones come from the team
    const file = SAMPLE_ACCOUNTS.find((a) => a.data.id === 'zg-swjw-douyin')!.data;
    expect(opening[col('主要负责人姓名')]).toBe(file.team.principal.name);
    expect(opening[col('主要负责人手机')]).toBe(file.team.principal.mobile);
    expect(opening[col('联系人座机')]).toBe(file.team.operators[0].officePhone);
    expect(opening[col('地区')]).toBe('四川省自贡市');
    expect(opening[col('主办单位')]).toBe('自贡市卫生健康委员会');
    // vendor for outsourced accounts, functions joined with 、
    const outsourced = row('la-jyj-douyin');
    expect(outsourced[col('运营模式')]).toBe('购买服务');
    expect(outsourced[col('服务外包单位')]).toBe('六安某某文化传媒有限公司（虚构）');
    expect(outsourced[col('账号功能')]).toBe('信息发布、解读回应');
  });

  it('has English headers with --lang en (values stay as recorded)', async () => {
    const r = await run(['--format', 'csv', '--now', NOW, '--root', ENGINE_ROOT, '--lang', 'en']);
    expect(r.code).toBe(0);
    const en = parseCsv(r.out);
    expect(en[0]!.slice(0, 4)).toEqual(['Account ID', 'Account name', 'Platform', 'Sub-type']);
    expect(en[0]).toContain('National system status');
    expect(en.slice(1)).toEqual(rows.slice(1));
  });

  it('quotes a field with a comma and a quote so it round-trips, and neutralises formulas', async () => {
    const root = tmpDir('govmedia-export-inject-');
    cpSync(path.join(ENGINE_ROOT, 'accounts'), path.join(root, 'accounts'), { recursive: true });
    const file = path.join(root, 'accounts/sichuan/zigong/zg-swjw/zg-swjw-weixin.json');
    const acc = JSON.parse(readFileSync(file, 'utf8'));
    acc.name = '自贡"卫健",发布';
    acc.operatingUnit = '=HYPERLINK("http://evil.example","点击")';
    acc.certifiedEntity.name = '+自贡市卫生健康委员会';
    acc.platformAccountId = '@SUM(1+1)';
    acc.team.principal.position = '-1+2';
    writeFileSync(file, JSON.stringify(acc, null, 2) + '\n');

    for (const extra of [[], ['--public']]) {
      const r = await run(['--format', 'csv', '--now', NOW, '--root', root, ...extra]);
      expect(r.code, r.err).toBe(0);
      expect(r.out).toContain('"自贡""卫健"",发布"');
      const parsed = parseCsv(r.out);
      const header = parsed[0]!;
      const row = parsed.find((x) => x[0] === 'zg-swjw-weixin')!;
      const cell = (h: string): string => row[header.indexOf(h)]!;
      expect(cell('账号名称')).toBe('自贡"卫健",发布');
      expect(cell('运营单位')).toBe(`'=HYPERLINK("http://evil.example","点击")`);
      expect(cell('开设主体（认证主体）全称')).toBe(`'+自贡市卫生健康委员会`);
      expect(cell('平台账号')).toBe(`'@SUM(1+1)`);
      if (!extra.length) expect(cell('主要负责人职务')).toBe(`'-1+2`);
      for (const r2 of parsed) for (const c of r2) expect(c, `cell ${c}`).not.toMatch(/^[=+\-@\t\r]/);
      expect(parsed.length - 1).toBe(SAMPLE_ACCOUNTS.length);
    }

    // in XLSX the same values are plain text cells, never formulas
    const xfile = path.join(root, 'inject.xlsx');
    expect((await run(['--format', 'xlsx', '--now', NOW, '--root', root, '--out', xfile])).code).toBe(0);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(xfile);
    const ws = wb.worksheets[0]!;
    let found = false;
    ws.eachRow((row) => {
      if (row.getCell(1).value !== 'zg-swjw-weixin') return;
      found = true;
      const cell = row.getCell(HEADERS_ZH.indexOf('运营单位') + 1);
      expect(cell.type).toBe(ExcelJS.ValueType.String);
      expect(cell.value).toBe('=HYPERLINK("http://evil.example","点击")');
      expect(row.getCell(2).value).toBe('自贡"卫健",发布');
    });
    expect(found).toBe(true);
  });
});

describe('export --format xlsx', () => {
  it('writes one frozen-header sheet "政务新媒体" whose rows equal the CSV rows', async () => {
    const xfile = path.join(dir, 'register.xlsx');
    const r = await run(['--format', 'xlsx', '--now', NOW, '--root', ENGINE_ROOT, '--out', xfile]);
    expect(r.code, r.err).toBe(0);
    const { ws, rows } = await xlsxRows(xfile);
    const wbCheck = new ExcelJS.Workbook();
    await wbCheck.xlsx.readFile(xfile);
    expect(wbCheck.worksheets.map((w) => w.name)).toEqual(['政务新媒体']);
    expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    expect(ws.getRow(1).font?.bold).toBe(true);
    for (let c = 1; c <= HEADERS_ZH.length; c++) expect(ws.getColumn(c).width ?? 0).toBeGreaterThanOrEqual(8);
    const csv = parseCsv((await run(['--format', 'csv', '--now', NOW, '--root', ENGINE_ROOT])).out);
    expect(rows).toEqual(csv);
    expect(rows.length - 1).toBe(SAMPLE_ACCOUNTS.length);
    // 开设时间 and 关停日期 are real date cells (sortable, filterable), everything else text
    const opened = HEADERS_ZH.indexOf('开设时间') + 1;
    const closedCol = HEADERS_ZH.indexOf('关停日期') + 1;
    let dates = 0;
    ws.eachRow((row, n) => {
      if (n === 1) return;
      for (const c of [opened, closedCol]) {
        const cell = row.getCell(c);
        if (cell.value === null || cell.value === undefined || cell.value === '') continue;
        expect(cell.value, `row ${n} col ${c}`).toBeInstanceOf(Date);
        expect(cell.numFmt).toBe('yyyy-mm-dd');
        dates++;
      }
      expect(typeof row.getCell(2).value).toBe('string');
    });
    expect(dates).toBeGreaterThan(SAMPLE_ACCOUNTS.length / 2);
  });

  it('needs --out (a binary file is not written to the terminal)', async () => {
    const r = await run(['--format', 'xlsx', '--now', NOW, '--root', ENGINE_ROOT]);
    expect(r.code).toBe(2);
    expect(r.err).toContain('--out');
  });
});

describe('export --format json', () => {
  it('is an object with a fields legend and an accounts array with stable English keys', async () => {
    const r = await run(['--format', 'json', '--now', NOW, '--root', ENGINE_ROOT]);
    expect(r.code, r.err).toBe(0);
    const doc = JSON.parse(r.out);
    expect(doc).toMatchObject({ dataDate: NOW, public: false, count: SAMPLE_ACCOUNTS.length });
    expect(doc.fields.map((f: { zh: string }) => f.zh)).toEqual(HEADERS_ZH);
    const keys = doc.fields.map((f: { key: string }) => f.key);
    for (const k of keys) expect(k).toMatch(/^[a-z][A-Za-z]*$/);
    expect(keys.slice(0, 3)).toEqual(['id', 'name', 'platform']);
    expect(keys).toEqual(expect.arrayContaining(['hostUnit', 'region', 'certifiedEntity', 'certifiedEntityCategory', 'principalName', 'contactMobile', 'openedOn', 'state', 'nationalStatus', 'closedOn']));
    expect(doc.accounts).toHaveLength(SAMPLE_ACCOUNTS.length);
    for (const a of doc.accounts) expect(Object.keys(a)).toEqual(keys);
    const rsj = doc.accounts.find((a: { id: string }) => a.id === 'la-rsj-weibo');
    expect(rsj).toMatchObject({ name: '六安人社', state: '已关停', nationalStatus: '关停', closedOn: '2025-04-25' });
    expect(Array.isArray(rsj.functions)).toBe(true);
  });

  it('--now replays the register as of that date', async () => {
    const r = await run(['--format', 'json', '--now', '2025-08-31', '--root', ENGINE_ROOT]);
    const doc = JSON.parse(r.out);
    expect(doc.count).toBeLessThan(SAMPLE_ACCOUNTS.length);
    expect(doc.accounts.find((a: { id: string }) => a.id === 'zg-swjw-toutiao')).toMatchObject({ state: '正常', nationalStatus: '正常', closedOn: null });
    expect(doc.accounts.some((a: { id: string }) => a.id === 'zg-swjw-douyin')).toBe(false); // filed in 2026-11
  });
});

describe('export --public', () => {
  it('the personal data exists in the full export (the check below is not vacuous)', async () => {
    expect(PERSONAL.names.length).toBeGreaterThan(50);
    expect(PERSONAL.phones.length).toBeGreaterThan(50);
    const full = (await run(['--format', 'csv', '--now', NOW, '--root', ENGINE_ROOT])).out;
    expect(PERSONAL.names.filter((n) => full.includes(n)).length).toBeGreaterThan(20);
  });

  it.each(['csv', 'json', 'xlsx'])('%s contains no staff name and no phone number', async (format) => {
    const out = path.join(dir, `public.${format}`);
    const r = await run(['--format', format, '--public', '--now', NOW, '--root', ENGINE_ROOT, '--out', out]);
    expect(r.code, r.err).toBe(0);
    expect(r.out).toContain('公开版');
    let text: string;
    if (format === 'xlsx') {
      const { rows } = await xlsxRows(out);
      expect(rows.length - 1).toBe(SAMPLE_ACCOUNTS.length);
      text = rows.map((x) => x.join('\t')).join('\n');
    } else text = readFileSync(out, 'utf8');
    expect(text).toContain('六安人社');
    const leaks = [...PERSONAL.names, ...PERSONAL.phones].filter((t) => text.includes(t));
    expect(leaks).toEqual([]);
    for (const h of PERSONAL_HEADERS) expect(text).not.toContain(h);
  });

  it('public JSON leaves out internal data and keeps a short public history', async () => {
    const doc = JSON.parse((await run(['--format', 'json', '--public', '--now', NOW, '--root', ENGINE_ROOT])).out);
    const keys = new Set(doc.fields.map((f: { key: string }) => f.key));
    for (const k of ['principalName', 'principalMobile', 'contactOfficePhone', 'inChargePosition']) expect(keys.has(k)).toBe(false);
    const text = JSON.stringify(doc.accounts);
    for (const k of ['"reason"', '"note"', '"evidence"', '"reviewer"', '"opinion"', '"unitDecision"', '"qualificationRef"', '"contractEnd"', '"confidentialityAgreement"', '档案']) expect(text).not.toContain(k);
    const qj = doc.accounts.find((a: { id: string }) => a.id === 'qj-wjw-weixin');
    expect(qj.formerNames).toEqual([{ name: '綦江卫健', until: '2025-09-01' }]);
    expect(qj.history.filter((h: { kind: string }) => h.kind === 'change')).toHaveLength(1); // 平台变更 repeats 变更备案
    // 信息报备 of team changes (names) never shows up
    const laSzf = doc.accounts.find((a: { id: string }) => a.id === 'la-szf-weibo');
    expect(laSzf.history.some((h: { kind: string }) => h.kind === 'change')).toBe(false);
    const rsj = doc.accounts.find((a: { id: string }) => a.id === 'la-rsj-weibo');
    expect(rsj).toMatchObject({ publicStatus: '已关停', closedOn: '2025-04-25', closingSince: '2025-03-03' });
  });

  it('publicRecords returns typed records free of personal data', () => {
    const { register } = loadForExport(ENGINE_ROOT, NOW);
    const recs = publicRecords(register, NOW);
    expect(recs).toHaveLength(SAMPLE_ACCOUNTS.length);
    const text = JSON.stringify(recs);
    expect([...PERSONAL.names, ...PERSONAL.phones].filter((t) => text.includes(t))).toEqual([]);
    const statuses = new Set(recs.map((r) => r.publicStatus));
    for (const s of ['正常', '开设中', '关停中', '已关停']) expect(statuses.has(s as never)).toBe(true);
  });

  it('a name typed into a change description is scrubbed from the public history', async () => {
    const root = tmpDir('govmedia-export-scrub-');
    cpSync(path.join(ENGINE_ROOT, 'accounts'), path.join(root, 'accounts'), { recursive: true });
    const file = path.join(root, 'accounts/sichuan/zigong/zg-swjw/zg-swjw-weibo.json');
    const acc = JSON.parse(readFileSync(file, 'utf8'));
    const who = acc.team.operators[0].name as string;
    const ev = acc.events.find((e: { type: string }) => e.type === '变更备案');
    // (a phone number there is refused by validate since issue 12: register/personal-data)
    ev.changes.push({ field: '运营单位', from: `宣传科（联系人 ${who}）`, to: '办公室' });
    writeFileSync(file, JSON.stringify(acc, null, 2) + '\n');
    const r = await run(['--format', 'json', '--public', '--now', NOW, '--root', root]);
    expect(r.code, r.err).toBe(0);
    expect(r.out).toContain('运营单位由“宣传科（联系人 ＊＊）”变更为“办公室”');
    expect(r.out).not.toContain(who);
  });
});

describe('usage errors', () => {
  it.each([
    [['--bogus'], '未知选项 --bogus'],
    [['--format', 'pdf'], '--format 只能是'],
    [['--now', '2026-02-30'], '--now 须为有效日期'],
    [['--lang', 'fr'], '--lang 只能是'],
    [['--root', '/nonexistent/register'], '--root 目录不存在'],
    [['extra-positional'], '多余的参数'],
  ])('%j → exit 2 with a Chinese message, no stack trace', async (args, msg) => {
    const r = await run(args as string[]);
    expect(r.code).toBe(2);
    expect(r.err).toContain('用法错误');
    expect(r.err).toContain(msg);
    expect(r.err).not.toMatch(/\n\s+at /);
    expect(r.out).toBe('');
  });

  it('--lang en reports usage errors in English', async () => {
    const r = await run(['--lang', 'en', '--format', 'pdf']);
    expect(r.code).toBe(2);
    expect(r.err).toContain('usage error');
  });

  it('--help prints the usage in Chinese', async () => {
    const r = await run(['--help']);
    expect(r.code).toBe(0);
    expect(r.out).toContain('用法：govmedia export');
  });
});
