/**
 * 与全国政务新媒体信息报送系统核对：真实的临时登记簿、手工构造的报送系统导出（UTF-8、带 BOM、GBK）。
 *
 * Reconcile on a real register in a temporary folder against crafted exports of the national
 * reporting system: UTF-8, UTF-8 with BOM, and GBK (encoded here with a table built from Node's
 * own TextDecoder('gbk'), so no iconv is needed).
 */
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { cmdReconcile } from '../scripts/commands/reconcile.ts';
import { ENGINE_ROOT } from '../scripts/core/paths.ts';
import { nationalFromRows, type ReconcileItem, type ReconcileReport } from '../scripts/monitor/reconcile.ts';
import { cmdExport } from '../scripts/commands/export.ts';
import { closeEvents, FixtureKit, openEvents } from '../scripts/dev/fixture.ts';
import { writeKit } from './support/tester.ts';
import { captureIo, tmpDir } from './helpers.ts';

function tmp(): string {
  return tmpDir('govmedia-reconcile-');
}

async function run(args: string[]): Promise<{ code: number; out: string; err: string }> {
  return captureIo((io) => cmdReconcile(args, io));
}

function kit(): FixtureKit {
  const k = new FixtureKit();
  k.region('', { name: '全国', level: '国家' });
  k.region('sichuan', { name: '四川省', level: '省级' });
  k.region('sichuan/zigong', { name: '四川省自贡市', level: '市级', supervisingOffice: 'zg-bgs', policies: ['sichuan/zigong'] });
  k.unit('sichuan/zigong', { id: 'zg-bgs', name: '自贡市人民政府办公室', kind: '政府办公室', level: '市级' });
  k.unit('sichuan/zigong', { id: 'zg-wjw', name: '自贡市卫生健康委员会', shortName: '市卫健委', kind: '政府部门', level: '市级' });
  k.unit('sichuan/zigong', { id: 'zg-jyj', name: '自贡市教育和体育局', kind: '政府部门', level: '市级' });
  k.unit('sichuan/zigong', { id: 'zg-gaj', name: '自贡市公安局', kind: '政府部门', level: '市级' });
  k.account('zg-wjw', { id: 'zg-wjw-weixin', name: '健康自贡', platform: '微信公众号' });
  k.account('zg-wjw', { id: 'zg-wjw-weibo', name: '健康自贡', platform: '新浪微博', platformAccountId: '5000000009' });
  k.account('zg-wjw', { id: 'zg-wjw-toutiao', name: '健康自贡', platform: '今日头条', events: [...openEvents('2024-03-04'), ...closeEvents('2026-03-02')] });
  k.account('zg-wjw', { id: 'zg-wjw-douyin', name: '健康自贡', platform: '抖音', contentType: '音视频', events: openEvents('2026-11-16').slice(0, 2) });
  k.account('zg-jyj', { id: 'zg-jyj-weixin', name: '自贡教育', platform: '微信公众号' });
  k.account('zg-gaj', { id: 'zg-gaj-weixin', name: '自贡公安', platform: '微信公众号' });
  return k;
}

const HEADER = '账号名称,平台类型,主办单位,开设主体,状态,账号ID,联系人,手机';
const ROWS = [
  // exact match; the contact columns are never read
  '健康自贡,微信,自贡市卫生健康委员会,自贡市卫生健康委员会,正常,,张某（虚构）,13000000001',
  // matched by platform account id; the name carries a zero-width space and trailing blanks; host by short name
  '"健康\u200b自贡 ",新浪微博,市卫健委,自贡市卫生健康委员会,正常,@5000000009,,',
  // closed in the register, still 正常 there
  '健康自贡,头条号,自贡市卫生健康委员会,自贡市卫生健康委员会,正常,,,',
  // the unit's only WeChat account, under another name
  '自贡市公安局发布,微信公众号,自贡市公安局,自贡市公安局,正常,,,',
  // not in the register: an unfiled account of a registered unit, and a closed historical one
  '健康自贡,快手,自贡市卫生健康委员会,自贡市卫生健康委员会,正常,,,',
  '自贡卫健,哔哩哔哩,自贡市卫生健康委员会,自贡市卫生健康委员会,删除,,,',
  // a host unit the register does not know
  '自流井发布,抖音,自流井区人民政府,自流井区人民政府,正常,,,',
];

/** A GBK encoder built from the decoder: every two-byte GBK code mapped back to its character. */
function gbkEncoder(): (s: string) => Buffer {
  const dec = new TextDecoder('gbk');
  const map = new Map<string, [number, number]>();
  for (let lead = 0x81; lead <= 0xfe; lead++) {
    for (let trail = 0x40; trail <= 0xfe; trail++) {
      if (trail === 0x7f) continue;
      const ch = dec.decode(Uint8Array.of(lead, trail));
      if (ch.length === 1 && ch !== '\ufffd' && !map.has(ch)) map.set(ch, [lead, trail]);
    }
  }
  return (s) =>
    Buffer.from(
      [...s].flatMap((c) => {
        const code = c.codePointAt(0)!;
        if (code < 0x80) return [code];
        const b = map.get(c);
        if (!b) throw new Error(`no GBK code for ${c}`);
        return b;
      }),
    );
}

async function reconcileJson(root: string, file: string): Promise<{ code: number; r: ReconcileReport; items: ReconcileItem[]; raw: string }> {
  const res = await run(['--root', root, '--national', file, '--now', '2026-11-20', '--format', 'json']);
  expect(res.err).toBe('');
  const r = JSON.parse(res.out) as ReconcileReport;
  return { code: res.code, r, items: r.groups.flatMap((g) => g.items), raw: res.out };
}

function checkReport(r: ReconcileReport, items: ReconcileItem[]): void {
  const by = (kind: ReconcileItem['kind']): ReconcileItem[] => items.filter((i) => i.kind === kind);
  expect(r.summary.matched).toBe(4);
  // there but not here
  const missingHere = by('missing-here');
  expect(missingHere.map((i) => [i.national!.name, i.severity])).toEqual(
    expect.arrayContaining([
      ['健康自贡', 'error'],
      ['自贡卫健', 'notice'],
      ['自流井发布', 'error'],
    ]),
  );
  const kuaishou = missingHere.find((i) => i.national?.platform === '快手')!;
  expect(kuaishou.unit).toEqual({ id: 'zg-wjw', name: '自贡市卫生健康委员会' });
  expect(kuaishou.citations.map((c) => `${c.doc} ${c.article}`)).toEqual(['自府办函〔2021〕62号 第八条、第三十三条（二）', '国办发〔2018〕123号 四、（一）开设整合']);
  expect(kuaishou.todo.zh).toContain('补录备案');
  expect(r.groups.find((g) => g.items.includes(kuaishou))?.office.id).toBe('zg-bgs');
  expect(r.groups.find((g) => g.items.some((i) => i.national?.name === '自流井发布'))?.office.name).toBe('主办单位不在登记簿中');
  // here but not there: a live account is a discrepancy, an opening one only a notice
  expect(by('missing-there').map((i) => [i.account!.id, i.severity]).sort()).toEqual([
    ['zg-jyj-weixin', 'error'],
    ['zg-wjw-douyin', 'notice'],
  ]);
  // closed here, 正常 there
  const status = by('status');
  expect(status).toHaveLength(1);
  expect(status[0]).toMatchObject({ account: { id: 'zg-wjw-toutiao' }, severity: 'error' });
  expect(status[0]!.citations[0]).toMatchObject({ doc: '自府办函〔2021〕62号', article: '第十条' });
  // names differ
  expect(by('name').map((i) => [i.account!.id, i.national!.name])).toEqual([['zg-gaj-weixin', '自贡市公安局发布']]);
  // the id-matched Weibo row (zero-width space, short name of the host) raises nothing
  expect(items.filter((i) => i.account?.id === 'zg-wjw-weibo' || i.account?.id === 'zg-wjw-weixin')).toEqual([]);
  expect(r.summary).toMatchObject({ missingHere: 2, missingThere: 1, differences: 2, notices: 2 });
}

describe('reconcile with the national reporting system', () => {
  it('UTF-8: finds accounts missing on either side, status and name differences; exit 1', async () => {
    const root = writeKit(kit(), tmp());
    const file = path.join(root, 'export.csv');
    writeFileSync(file, [HEADER, ...ROWS].join('\n') + '\n');
    const { code, r, items, raw } = await reconcileJson(root, file);
    expect(code).toBe(1);
    expect(r.national).toMatchObject({ encoding: 'utf-8', rows: 7 });
    checkReport(r, items);
    // contact columns never reach the report
    expect(raw).not.toContain('张某');
    expect(raw).not.toContain('13000000001');
  });

  it('GBK (as Excel saves it) and UTF-8 with BOM and CRLF give the same result', async () => {
    const root = writeKit(kit(), tmp());
    const gbk = path.join(root, 'export-gbk.csv');
    const text = [HEADER, ...ROWS].join('\r\n') + '\r\n';
    // the zero-width space has no GBK code: the GBK export spells the name plainly
    writeFileSync(gbk, gbkEncoder()(text.replace('\u200b', '')));
    const g = await reconcileJson(root, gbk);
    expect(g.r.national.encoding).toBe('gbk');
    checkReport(g.r, g.items);
    const bom = path.join(root, 'export-bom.csv');
    writeFileSync(bom, Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text, 'utf8')]));
    const b = await reconcileJson(root, bom);
    expect(b.r.national.encoding).toBe('utf-8-bom');
    checkReport(b.r, b.items);
    const md = await run(['--root', root, '--national', gbk, '--now', '2026-11-20']);
    expect(md.out).toContain('<!-- govmedia-reconcile -->');
    expect(md.out).toContain('报送系统导出：' + gbk + '（GBK，7 行）');
    expect(md.out).toContain('### 自贡市人民政府办公室（`zg-bgs`）');
  });

  it('a register in step with the export: exit 0', async () => {
    const k = kit();
    k.remove('zg-wjw-douyin');
    k.remove('zg-jyj-weixin');
    const root = writeKit(k, tmp());
    const file = path.join(root, 'export.csv');
    writeFileSync(
      file,
      [
        '账号名称,平台类型,主办单位,状态',
        '健康自贡,微信,自贡市卫生健康委员会,正常',
        '健康自贡,微博,自贡市卫生健康委员会,正常',
        '健康自贡,今日头条,自贡市卫生健康委员会,删除',
        '自贡公安,微信,自贡市公安局,正常',
      ].join('\n'),
    );
    const { code, r, items } = await reconcileJson(root, file);
    expect(items).toEqual([]);
    expect(r.summary).toMatchObject({ matched: 4, missingHere: 0, missingThere: 0, differences: 0 });
    expect(code).toBe(0);
  });

  it('the sample export against the sample register', async () => {
    const res = await run(['--root', ENGINE_ROOT, '--national', path.join(ENGINE_ROOT, 'docs', 'samples', 'national-export.csv'), '--now', '2026-11-20', '--format', 'json']);
    expect(res.code).toBe(1);
    const r = JSON.parse(res.out) as ReconcileReport;
    const items = r.groups.flatMap((g) => g.items);
    expect(r.national.encoding).toBe('utf-8-bom');
    expect(items.find((i) => i.kind === 'status')?.account?.id).toBe('zg-swjw-toutiao');
    expect(items.find((i) => i.kind === 'missing-there' && i.severity === 'error')?.account?.id).toBe('sy-gjj-shipinhao');
    expect(items.filter((i) => i.kind === 'missing-here' && i.severity === 'error').map((i) => i.national?.name).sort()).toEqual(['五星街街道', '自贡教育']);
  });

  it('usage errors: no --national, missing columns, unreadable file → exit 2 in Chinese', async () => {
    const root = writeKit(kit(), tmp());
    const none = await run(['--root', root]);
    expect(none.code).toBe(2);
    expect(none.err).toContain('缺少 --national');
    const file = path.join(root, 'bad.csv');
    writeFileSync(file, '名称,平台\n健康自贡,微信\n');
    const cols = await run(['--root', root, '--national', file]);
    expect(cols.code).toBe(2);
    expect(cols.err).toContain('缺少列：主办单位、状态');
    writeFileSync(file, Buffer.from([0x00, 0x01, 0x02]));
    const bin = await run(['--root', root, '--national', file, '--lang', 'en']);
    expect(bin.code).toBe(2);
    expect(bin.err).toContain('is a binary file');
  });

  it('.xls and a broken .xlsx are refused in Chinese (exit 2), never a stack trace', async () => {
    const root = writeKit(kit(), tmp());
    const xls = path.join(root, 'old.xls');
    writeFileSync(xls, Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0]));
    const r1 = await run(['--root', root, '--national', xls]);
    expect(r1.code).toBe(2);
    expect(r1.err).toContain('旧版 Excel（.xls）');
    const bad = path.join(root, 'broken.xlsx');
    writeFileSync(bad, Buffer.from('PK\u0003\u0004 not really a zip', 'latin1'));
    const r2 = await run(['--root', root, '--national', bad]);
    expect(r2.code).toBe(2);
    expect(r2.err).toContain('不是有效的 Excel（.xlsx）文件');
    expect(r2.err).not.toMatch(/\n\s+at /);
  });
});

describe('export → reconcile round trip', () => {
  async function exportTo(format: 'csv' | 'xlsx', file: string): Promise<void> {
    let err = '';
    const code = await cmdExport(['--format', format, '--now', '2026-11-20', '--root', ENGINE_ROOT, '--out', file], { out: () => undefined, err: (s) => void (err += s) });
    expect(code, err).toBe(0);
  }

  it.each(['csv', 'xlsx'] as const)('the sample register exported as %s reconciles against itself with zero differences', async (format) => {
    const file = path.join(tmp(), `export.${format}`);
    await exportTo(format, file);
    const res = await run(['--root', ENGINE_ROOT, '--national', file, '--now', '2026-11-20', '--format', 'json']);
    expect(res.code, res.err + res.out.slice(0, 2000)).toBe(0);
    const report = JSON.parse(res.out) as ReconcileReport;
    expect(report.national.encoding).toBe(format === 'csv' ? 'utf-8-bom' : 'xlsx');
    expect(report.national.rows).toBeGreaterThan(50);
    expect(report.summary).toEqual({ matched: report.national.rows, missingHere: 0, missingThere: 0, differences: 0, notices: 0 });
    expect(report.groups.flatMap((g) => g.items)).toEqual([]);
  });

  it("the export's 报送系统状态 column is read, not the register's 登记簿状态", async () => {
    const exp = nationalFromRows(
      [
        { line: 1, cells: ['账号名称', '平台类型', '主办单位', '登记簿状态', '报送系统状态'] },
        { line: 2, cells: ['健康自贡', '微信公众号', '自贡市卫生健康委员会', '已关停', '关停'] },
      ],
      'x.csv',
      'utf-8',
    );
    expect(exp.rows[0]!.status).toBe('关停');
    // a sheet with only 状态 still reads it as the national status
    const plain = nationalFromRows([{ line: 1, cells: ['账号名称', '平台类型', '主办单位', '状态'] }, { line: 2, cells: ['健康自贡', '微信', '自贡市卫生健康委员会', '正常'] }], 'y.csv', 'utf-8');
    expect(plain.rows[0]!.status).toBe('正常');
  });
});
