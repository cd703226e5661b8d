/**
 * 备案表：自贡附件1—3、六安备案登记表（勾选框）、通用备案表；HTML 在真实的 Chromium 中打印成
 * PDF（连同 HTML 保存在 test-artifacts/forms/），.docx 解包检查 word/document.xml。
 *
 * Filing forms from the sample register: 自贡 annexes 1–3, the 六安 form with its check boxes,
 * the generic form; the HTML printed to PDF in real Chromium (both saved under
 * test-artifacts/forms/; no screenshot: the PDF shows the same page, and a full-page PNG cost
 * Chromium ~0.2 s of CPU per form), the .docx unzipped and its word/document.xml read.
 */
import { existsSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { inflateRawSync } from 'node:zlib';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cmdForm } from '../scripts/commands/form.ts';
import { validateSource } from '../scripts/pipeline/pipeline.ts';
import { ENGINE_ROOT } from '../scripts/core/paths.ts';
import type { Register } from '../scripts/core/register.ts';
import { FsSource } from '../scripts/core/source.ts';
import { buildForm, formHtml, formsForFilings, formText, renderDocx, type BuiltForm } from '../scripts/forms/index.ts';
import type { FormDoc, Inline } from '../scripts/forms/layout.ts';
import type { LoadedPolicy } from '../scripts/policy/types.ts';
import { baseKit, tmpDir, writeKit } from './helpers.ts';
import { browserContext, chromiumPath, type FileContext } from './support/chromium.ts';

const ARTIFACTS = path.join(ENGINE_ROOT, 'test-artifacts', 'forms');
const CHROMIUM = chromiumPath();

let register: Register;
let policies: LoadedPolicy[];

beforeAll(async () => {
  const res = await validateSource(new FsSource(ENGINE_ROOT), { now: '2026-12-05', engineRoot: ENGINE_ROOT });
  register = res.register;
  policies = res.policies;
  mkdirSync(ARTIFACTS, { recursive: true });
});

const form = (id: string, event?: number): BuiltForm => buildForm(register, policies, id, event);

/** The check boxes of the row captioned `caption`: label → ticked. */
function boxesOf(doc: FormDoc, caption: string): Map<string, boolean> {
  const row = doc.rows.find((r) => r.cells.some((c) => c.label && c.paras.map((p) => p.inlines.map((i) => (i.t === 'text' ? i.text : '')).join('')).join('\n') === caption));
  if (!row) throw new Error(`no row captioned ${caption}`);
  const out = new Map<string, boolean>();
  for (const c of row.cells) for (const p of c.paras) for (const i of p.inlines as Inline[]) if (i.t === 'box') out.set(i.label, i.checked);
  return out;
}
const ticked = (m: Map<string, boolean>): string[] => [...m].filter(([, v]) => v).map(([k]) => k).sort();

// ---------------------------------------------------------------- a tiny zip reader (for .docx)

/** Read one entry of a zip archive (stored or deflated), via the central directory. */
function unzipEntry(buf: Buffer, name: string): Buffer | undefined {
  let eocd = -1;
  for (let i = buf.length - 22; i >= Math.max(0, buf.length - 22 - 0xffff); i--) {
    if (buf.readUInt32LE(i) === 0x06054b50) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) throw new Error('not a zip file: no end of central directory');
  const count = buf.readUInt16LE(eocd + 10);
  let p = buf.readUInt32LE(eocd + 16);
  for (let n = 0; n < count; n++) {
    if (buf.readUInt32LE(p) !== 0x02014b50) throw new Error('bad central directory');
    const method = buf.readUInt16LE(p + 10);
    const csize = buf.readUInt32LE(p + 20);
    const nameLen = buf.readUInt16LE(p + 28);
    const extraLen = buf.readUInt16LE(p + 30);
    const commentLen = buf.readUInt16LE(p + 32);
    const local = buf.readUInt32LE(p + 42);
    const entry = buf.subarray(p + 46, p + 46 + nameLen).toString('utf8');
    if (entry === name) {
      const dataStart = local + 30 + buf.readUInt16LE(local + 26) + buf.readUInt16LE(local + 28);
      const data = buf.subarray(dataStart, dataStart + csize);
      return method === 0 ? Buffer.from(data) : inflateRawSync(data);
    }
    p += 46 + nameLen + extraLen + commentLen;
  }
  return undefined;
}

/** The text of word/document.xml, paragraph by paragraph. */
function docxText(xml: string): string {
  return xml
    .split(/<\/w:p>/)
    .map((p) => [...p.matchAll(/<w:t(?:\s[^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1]).join(''))
    .join('\n')
    .replace(/&quot;/g, '"')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&');
}

// ---------------------------------------------------------------- 自贡

describe('自贡 附件1—3', () => {
  it('附件3 信息变更备案表: 变更事项 rows 由…变更为…, 变更原因, 是否还纳入监管, 注3', () => {
    const { doc, facts } = form('zg-swjw-weibo');
    expect(facts.eventIndex).toBe(4); // latest filing by default
    expect(doc.annex).toBe('附件3');
    expect(doc.title).toBe('自贡市政务新媒体信息变更备案表');
    const text = formText(doc);
    for (const s of ['认证主体', '自贡市卫生健康委员会', '平台类型', '新浪微博', '媒体名称', '健康自贡', '运营单位', '变更时间', '2026年5月11日', '运营模式', '自营', '管理队伍', '主要负责人', '庚某某（虚构）', '分管负责人', '辛某某（虚构）', '经办人员', '癸某某（虚构）', '13000000013', '变更原因', '变更事项', '变更情况', '由“自贡卫健”变更为“健康自贡”', '变更后是否还纳入政务新媒体监管：☑是\u2003☐否', '主办单位\n意见', '（签章）', '主管单位\n审核意见']) {
      expect(text).toContain(s);
    }
    expect(text).toContain('3．市政府部门自身开设的政务新媒体，“主管单位审核意见”请留空。');
    // a city department files straight with the city office: the supervisor box is left blank (注3)
    expect(facts.cityDepartment).toBe(true);
    expect(text).toContain('本栏留空');
    expect(text).not.toContain('自贡市人民政府办公室（同级）');
    expect(doc.footer[0]).toContain('accounts/sichuan/zigong/zg-swjw/zg-swjw-weibo.json');
    expect(doc.footer[0]).toContain('事件序号 5（变更备案，2026-05-11）'); // numbered from 1 for people
  });

  it('附件1 for the same account\'s 2020 opening shows the name it had then', () => {
    const { doc } = form('zg-swjw-weibo', 0);
    expect(doc.title).toBe('自贡市政务新媒体开设备案表');
    const text = formText(doc);
    expect(text).toContain('自贡卫健'); // taken back through the 2026 change
    expect(text).not.toContain('健康自贡');
    expect(text).toContain('开办理由');
    expect(text).toContain('开通时间\n2020年5月18日'); // no 平台注册 recorded: the certification date
    expect(text).toContain('2．开办理由应详细说明开办的必要性');
  });

  it('附件2 关停备案表: 关停原因, 注销时间 from the 平台注销 event', () => {
    const { doc } = form('zg-swjw-toutiao');
    expect(doc.annex).toBe('附件2');
    expect(doc.title).toBe('自贡市政务新媒体关停备案表');
    const text = formText(doc);
    expect(text).toContain('关停原因');
    expect(text).toContain('注销时间\n2025年9月22日');
    expect(text).toContain('该头条号内容与“健康自贡”微信公众号重复');
    expect(text).toContain('2．关停原因应详细说明关停的合理性');
  });

  it('补录 uses 附件1; a district unit\'s supervisor opinion is filled from its reviews', () => {
    const { doc, facts } = form('zlj-wxjjd-weixin');
    expect(facts.filingType).toBe('补录备案');
    expect(doc.annex).toBe('附件1');
    expect(doc.subtitle).toBe('（补录备案）');
    expect(facts.cityDepartment).toBe(false);
    const sup = doc.rows.find((r) => r.cells[0]?.paras.map((p) => p.inlines.map((i) => (i.t === 'text' ? i.text : '')).join('')).join('\n') === '主管单位\n审核意见');
    expect(sup?.cells[1]?.seal).toBeDefined();
    expect(formText(doc)).toMatch(/同意。/);
  });
});

// ---------------------------------------------------------------- 六安

describe('六安市政务新媒体备案登记表', () => {
  it('ticks 备案事由 for 开设, 补录, 关停 and 变更 (with 账号/基本信息/其他)', () => {
    const cases: [string, number | undefined, string[]][] = [
      ['la-wjw-weixin', undefined, ['开设']],
      ['la-gjj-weixin', undefined, ['补录']],
      ['la-rsj-weibo', undefined, ['关停（注销）']],
      ['la-jyj-weixin', undefined, ['变更', '账号']],
      ['la-jyj-weixin', 0, ['开设']],
    ];
    for (const [id, ev, expected] of cases) {
      const { doc } = form(id, ev);
      expect(doc.title).toBe('六安市政务新媒体备案登记表');
      const boxes = boxesOf(doc, '备案事由');
      expect([...boxes.keys()].sort()).toEqual(['其他', '关停（注销）', '基本信息', '变更', '开设', '补录', '账号'].sort());
      expect(ticked(boxes), `${id} #${ev ?? 'latest'}`).toEqual([...expected].sort());
    }
  });

  it('ticks 账号类型 and 是否通过认证, fills 开设时间, URL and the team table', () => {
    expect(ticked(boxesOf(form('la-gjj-weixin').doc, '账号类型'))).toEqual(['微信公众号', '服务号'].sort());
    expect(ticked(boxesOf(form('la-rsj-weibo').doc, '账号类型'))).toEqual(['新浪微博']);
    expect(ticked(boxesOf(form('la-wjw-kuaishou').doc, '账号类型'))).toEqual(['其他平台', '快手'].sort());
    expect(ticked(boxesOf(form('la-gjj-mp').doc, '账号类型'))).toEqual(['小程序', '微信公众号'].sort());
    expect(ticked(boxesOf(form('la-szf-app').doc, '账号类型'))).toEqual(['移动客户端APP']);

    const msz = form('la-jz-msz-weixin');
    const text = formText(msz.doc);
    expect(text).toContain('开设时间\n2025年9月8日');
    expect(ticked(boxesOf(msz.doc, '开设时间'))).toEqual(['否']); // certified only after the filing
    expect(ticked(boxesOf(form('la-gjj-weixin').doc, '开设时间'))).toEqual(['是']); // back-filed, already certified
    for (const s of ['金寨县梅山镇发布', '金寨县梅山镇人民政府', 'https://mp.weixin.qq.com/s/example-jinzhai-msz', '无（自营）', '分管领导', '钱某某（虚构）', '科室负责人', '郑某某（虚构）', '经办人员', '林某某（虚构）', '13000000160', '负责人签字：', '单位盖章：']) expect(text).toContain(s);
  });

  it('fills 同级 and 县区 opinions from the filing\'s 主管审核 events; city units leave 县区 blank', () => {
    const county = formText(form('la-jz-msz-weixin').doc);
    expect(county).toContain('同级主管\n单位意见\n金寨县梅山镇党政办公室：同意。（2025年9月2日）');
    expect(county).toContain('县区主管\n单位意见\n金寨县人民政府办公室：同意。同意开设，抄报县政府办公室。（2025年9月4日）');
    const city = formText(form('la-gjj-weixin').doc);
    expect(city).toContain('六安市人民政府办公室：同意。（2026年4月15日）');
    expect(city).toContain('县区主管\n单位意见\n（市政府部门、直属机构不填）');
    expect(city).toContain('县级以下政务新媒体需填报县区主管单位意见');
  });

  it('a change filing states 由…变更为… in 情况说明', () => {
    const text = formText(form('la-jyj-weixin').doc);
    expect(text).toContain('账号名称：由“六安教育”变更为“六安市教育局发布”');
    expect(text).toContain('六安市教育局发布');
    expect(text).toContain('开设时间\n2018年4月8日'); // the form's one date is the opening, whatever the filing
    expect(ticked(boxesOf(form('la-jyj-weixin').doc, '开设时间'))).toEqual(['是']);
  });
});

// ---------------------------------------------------------------- generic

describe('generic 政务新媒体备案表', () => {
  it('辽宁: titled with the jurisdiction, citing 三、（一）, with every change 由…变更为…', () => {
    const { doc, facts } = form('dl-wlj-weixin');
    expect(facts.template).toBe('generic');
    expect(doc.title).toBe('辽宁省政务新媒体备案表');
    expect(doc.subtitle).toBe('（变更备案）');
    expect(doc.basis).toContain('辽政办发〔2019〕24号');
    expect(doc.basis).toContain('三、（一）');
    expect(ticked(boxesOf(doc, '备案类型'))).toEqual(['变更']);
    const text = formText(doc);
    for (const s of ['主办单位\n由“大连市旅游事业发展中心”变更为“大连市文化和旅游局”', '账号名称\n由“大连旅游”变更为“大连文旅”', '认证主体\n由“大连市旅游事业发展中心”变更为“大连市文化和旅游局”', '认证主体分类\n由“部门下属单位”变更为“政府部门”', '变更原因', '大连市人民政府办公室（同级）：同意。同意变更，请向社会公告。', '主管单位：大连市人民政府办公室', '（签章）']) {
      expect(text).toContain(s);
    }
  });

  it('an older filing shows the key information as it was then', () => {
    const text = formText(form('dl-wlj-weixin', 0).doc);
    expect(text).toContain('账号名称\n大连旅游');
    expect(text).toContain('主办单位\n大连市旅游事业发展中心');
    expect(text).toContain('认证主体分类\n部门下属单位');
    // the same change recorded twice (变更备案 and 平台变更) is undone once
    expect(formText(form('sq-wjw-weixin', 0).doc)).toContain('账号名称\n示例市卫生健康');
  });

  it('綦江 and 江苏 cite their own filing articles', () => {
    const qj = form('qj-zf-toutiao').doc;
    expect(qj.title).toBe('重庆市綦江区政务新媒体备案表');
    expect(qj.subtitle).toBe('（补录备案）');
    expect(qj.basis).toContain('第十三条');
    expect(qj.basis).toContain('附件4');
    const js = form('sq-jq-zf-weibo').doc;
    expect(js.title).toBe('江苏省示例市（虚构的设区市）政务新媒体备案表');
    expect(js.subtitle).toBe('（关停（注销）备案）');
    expect(js.basis).toContain('审核备案制度');
    expect(formText(js)).toContain('上报备案（市级）');
  });
});

// ---------------------------------------------------------------- printed in Chromium

describe('HTML printed in Chromium', () => {
  let ctx: FileContext;
  let shared: Page | undefined;
  beforeAll(async () => {
    if (!existsSync(CHROMIUM)) throw new Error(`${CHROMIUM} is missing: install Debian's Chromium (apt-get install chromium-headless-shell, or chromium)`);
    ctx = await browserContext({ offline: true });
  });
  afterAll(async () => {
    await ctx?.close();
  });
  /**
   * The file's one tab, on a new blank document for each case (a navigation: a new window, no
   * script or listener of the case before). A new tab per case cost Chromium ~2 s of CPU each
   * (six forms printed: ~28 s in new tabs, ~15 s in one), the most of this file.
   */
  async function blankPage(): Promise<Page> {
    shared ??= await ctx.newPage();
    shared.removeAllListeners('request');
    await shared.goto('about:blank');
    return shared;
  }

  const cases: { id: string; event?: number; expect: string[] }[] = [
    { id: 'zg-swjw-weibo', expect: ['自贡市政务新媒体信息变更备案表', '健康自贡', '自贡市卫生健康委员会', '由“自贡卫健”变更为“健康自贡”', '（签章）', '变更后是否还纳入政务新媒体监管', '☑是'] },
    { id: 'zg-swjw-toutiao', expect: ['自贡市政务新媒体关停备案表', '健康自贡', '自贡市卫生健康委员会', '关停原因', '（签章）'] },
    { id: 'la-gjj-weixin', expect: ['六安市政务新媒体备案登记表', '六安市住房公积金管理中心', '☑补录', '☐开设', '☑服务号', '单位盖章：', '（市政府部门、直属机构不填）'] },
    { id: 'la-jyj-weixin', expect: ['六安市政务新媒体备案登记表', '六安市教育局发布', '☑变更', '☑账号', '由“六安教育”变更为“六安市教育局发布”', '负责人签字：'] },
    { id: 'dl-wlj-weixin', expect: ['辽宁省政务新媒体备案表', '大连文旅', '大连市文化和旅游局', '由“大连旅游”变更为“大连文旅”', '（签章）', '三、（一）'] },
    { id: 'sy-gjj-shipinhao', expect: ['辽宁省政务新媒体备案表', '沈阳公积金', '沈阳住房公积金管理中心', '☑补录', '补录理由', '（签章）'] },
  ];

  for (const c of cases) {
    it(`${c.id}: one A4 page, the filled-in values visible`, async () => {
      const built = form(c.id, c.event);
      const html = formHtml(built);
      const page = await blankPage();
      {
        const requests: string[] = [];
        page.on('request', (r) => {
          if (!r.url().startsWith('data:') && r.url() !== 'about:blank') requests.push(r.url());
        });
        await page.setContent(html, { waitUntil: 'load' });
        expect(requests).toEqual([]); // no web fonts, no CDN: nothing fetched
        const visible = await page.innerText('body');
        for (const s of c.expect) expect(visible).toContain(s);
        expect(visible).toContain(built.facts.file); // traceable to the register
        const pdf = await page.pdf({ preferCSSPageSize: true, printBackground: true });
        writeFileSync(path.join(ARTIFACTS, `${built.doc.fileStem}.pdf`), pdf);
        writeFileSync(path.join(ARTIFACTS, `${built.doc.fileStem}.html`), html);
        const raw = pdf.toString('latin1');
        const pages = raw.match(/\/Type\s*\/Page(?![a-zA-Z])/g) ?? [];
        expect(pages.length).toBe(1);
        const box = /\/MediaBox\s*\[\s*0\s+0\s+([\d.]+)\s+([\d.]+)\s*\]/.exec(raw);
        expect(box).not.toBeNull();
        // A4 is 595.28 × 841.89 pt; Chromium rounds to whole CSS pixels
        expect(Math.abs(Number(box![1]) - 595.28)).toBeLessThan(1.5);
        expect(Math.abs(Number(box![2]) - 841.89)).toBeLessThan(1.5);
      }
    });
  }

  it('escapes what the register says (no markup gets through) and titles an unbound region generically', async () => {
    const kit = baseKit();
    const acc = kit.get('zg-wjw-weixin');
    acc.name = '健康<自贡>&';
    acc.events[0]!.reason = '<script>document.title="pwned"</script><img src=x onerror=alert(1)> & “理由”';
    const dir = writeKit(kit);
    const res = await validateSource(new FsSource(dir), { now: '2026-11-20', engineRoot: ENGINE_ROOT });
    const built = buildForm(res.register, res.policies, 'zg-wjw-weixin', 0);
    expect(built.facts.template).toBe('generic'); // baseKit binds no measures
    expect(built.doc.title).toBe('四川省自贡市政务新媒体备案表');
    const html = formHtml(built);
    expect(html).not.toContain('<script>document');
    expect(html).not.toContain('<img');
    expect(html).toContain('&lt;script&gt;document.title=&quot;pwned&quot;&lt;/script&gt;');
    expect(html).toContain('健康&lt;自贡&gt;&amp;');
    const page = await blankPage();
    await page.setContent(html, { waitUntil: 'load' });
    expect(await page.title()).not.toBe('pwned');
    expect(await page.locator('img').count()).toBe(0);
    expect(await page.locator('script').count()).toBe(1); // only the form's own fit-to-page script
    const visible = await page.innerText('body');
    expect(visible).toContain('<script>document.title="pwned"</script>');
    expect(visible).toContain('健康<自贡>&');
  });
});

// ---------------------------------------------------------------- .docx

describe('.docx', () => {
  it('is a real Word file: A4, 宋体, merged table cells, the filled-in values and 由…变更为…', async () => {
    const built = form('zg-swjw-weibo');
    const buf = await renderDocx(built.doc);
    expect(buf.subarray(0, 2).toString('latin1')).toBe('PK');
    writeFileSync(path.join(ARTIFACTS, `${built.doc.fileStem}.docx`), buf);
    const xml = unzipEntry(buf, 'word/document.xml')?.toString('utf8');
    expect(xml).toBeDefined();
    const text = docxText(xml!);
    for (const s of ['自贡市政务新媒体信息变更备案表', '健康自贡', '自贡市卫生健康委员会', '由“自贡卫健”变更为“健康自贡”', '变更事项', '（签章）', 'accounts/sichuan/zigong/zg-swjw/zg-swjw-weibo.json']) expect(text).toContain(s);
    expect(xml).toMatch(/<w:pgSz w:w="11906" w:h="16838"/);
    expect(xml).toContain('w:eastAsia="宋体"');
    // every row covers the whole grid, counting column spans and the continuation cells of row spans
    const grid = (xml!.match(/<w:gridCol /g) ?? []).length;
    expect(grid).toBe(5);
    const rows = xml!.match(/<w:tr\b[\s\S]*?<\/w:tr>/g) ?? [];
    expect(rows.length).toBe(built.doc.rows.length);
    for (const r of rows) {
      const cells = r.match(/<w:tc>[\s\S]*?<\/w:tc>/g) ?? [];
      const width = cells.reduce((n, c) => n + Number(/<w:gridSpan w:val="(\d+)"/.exec(c)?.[1] ?? 1), 0);
      expect(width).toBe(grid);
    }
    expect(xml).toContain('w:vMerge w:val="restart"');
    const styles = unzipEntry(buf, 'word/styles.xml')?.toString('utf8') ?? '';
    expect(styles).toContain('宋体');
  });

  it('the 六安 form\'s check boxes reach Word as ☑/☐', async () => {
    const buf = await renderDocx(form('la-rsj-weibo').doc);
    const text = docxText(unzipEntry(buf, 'word/document.xml')!.toString('utf8'));
    expect(text).toContain('☐开设');
    expect(text).toContain('☑关停（注销）');
    expect(text).toContain('☑新浪微博');
    expect(text).toContain('六安人社');
  });
});

// ---------------------------------------------------------------- command and batch

function io(): { out: string[]; err: string[]; io: { out(s: string): void; err(s: string): void } } {
  const out: string[] = [];
  const err: string[] = [];
  return { out, err, io: { out: (s) => void out.push(s), err: (s) => void err.push(s) } };
}

describe('govmedia form', () => {
  it('prints the HTML of the latest filing; writes .docx and .html files', async () => {
    const a = io();
    expect(await cmdForm(['zg-swjw-weibo', '--root', ENGINE_ROOT], a.io)).toBe(0);
    expect(a.out.join('\n')).toMatch(/^<!DOCTYPE html>/);
    expect(a.out.join('\n')).toContain('由“自贡卫健”变更为“健康自贡”');
    expect(a.out.join('\n')).toContain('@page { size: A4 portrait;');

    const dir = tmpDir('govmedia-form-');
    const b = io();
    expect(await cmdForm(['la-gjj-weixin', '--event', '1', '--format', 'docx', '--out', dir + path.sep, '--root', ENGINE_ROOT], b.io)).toBe(0);
    expect(b.out.join('\n')).toContain('已写出');
    const docx = readdirSync(dir).find((f) => f.endsWith('.docx'));
    expect(docx).toBe('la-gjj-weixin-0-补录备案表.docx');
    expect(docxText(unzipEntry(readFileSync(path.join(dir, docx!)), 'word/document.xml')!.toString('utf8'))).toContain('☑补录');

    const c = io();
    const file = path.join(dir, 'sub', 'form.html');
    expect(await cmdForm(['dl-wlj-weixin', '--out', file, '--root', ENGINE_ROOT, '--lang', 'en'], c.io)).toBe(0);
    expect(c.out.join('\n')).toContain('wrote');
    expect(readFileSync(file, 'utf8')).toContain('辽宁省政务新媒体备案表');
  });

  it('usage errors: Chinese message, exit 2, no stack trace', async () => {
    const cases: [string[], string][] = [
      [['nope-account'], '没有编号为“nope-account”的账号'],
      [['zg-swjw-weibo', '--event', '3'], '第 3 号事件是“平台认证”，不是备案事件'],
      [['zg-swjw-weibo', '--event', '0'], '--event 须为事件序号（从 1 开始的整数）'],
      [['zg-swjw-weibo', '--event', '99'], '没有序号 99'],
      [['zg-swjw-weibo', '--event', 'x'], '--event 须为事件序号'],
      [['zg-swjw-weibo', '--format', 'pdf'], '--format 只能是 html 或 docx'],
      [['zg-swjw-weibo', '--format', 'html', '--out', 'a.docx'], '不一致'],
      [['zg-swjw-weibo', '--bogus'], '未知选项 --bogus'],
      [['zg-swjw-weibo', '--event'], '选项 --event 需要一个值'],
      [['zg-swjw-weibo', 'zg-szf-weixin'], '一次只能填写一个账号'],
      [[], '请写明账号编号'],
      [['Bad/Id'], '不合规范'],
      [['zg-swjw-weibo', '--lang', 'fr'], '--lang 只能是 zh 或 en'],
    ];
    for (const [args, msg] of cases) {
      const r = io();
      expect(await cmdForm([...args, '--root', ENGINE_ROOT], r.io), args.join(' ')).toBe(2);
      const err = r.err.join('\n');
      expect(err).toContain('用法错误：');
      expect(err).toContain(msg);
      expect(err).not.toMatch(/\n\s+at /);
      expect(r.out).toEqual([]);
    }
    const en = io();
    expect(await cmdForm(['zg-swjw-weibo', '--event', '3', '--lang', 'en', '--root', ENGINE_ROOT], en.io)).toBe(2);
    expect(en.err.join('\n')).toContain('usage error: event 3 is "平台认证", not a filing');
    const nowhere = io();
    expect(await cmdForm(['zg-swjw-weibo', '--root', tmpDir('govmedia-empty-')], nowhere.io)).toBe(2);
    expect(nowhere.err.join('\n')).toContain('不是登记簿');
  });

  it('an account file that fails the register checks: exit 1 with the findings', async () => {
    const kit = baseKit();
    kit.raw(kit.accountPath('zg-wjw-weixin'), '{ "id": "zg-wjw-weixin", ');
    const dir = writeKit(kit);
    const r = io();
    expect(await cmdForm(['zg-wjw-weixin', '--root', dir], r.io)).toBe(1);
    const err = r.err.join('\n');
    expect(err).toContain('未通过登记簿检查');
    expect(err).toContain('JSON 语法错误');
    expect(err).toContain('zg-wjw-weixin.json');
  });

  it('formsForFilings writes both formats for several filings and lists what it skipped', async () => {
    const out = tmpDir('govmedia-forms-');
    const res = await formsForFilings(
      register,
      [
        { accountId: 'zg-swjw-weibo', eventIndex: 4 },
        { accountId: 'la-gjj-weixin', eventIndex: 0 },
        { accountId: 'dl-wlj-weixin', eventIndex: 5 },
        { accountId: 'dl-wlj-weixin', eventIndex: 5 },
        { accountId: 'no-such-account', eventIndex: 0 },
        { accountId: 'zg-swjw-weibo', eventIndex: 2 },
      ],
      out,
      { policies },
    );
    expect(res.written.map((w) => w.title)).toEqual(['自贡市政务新媒体信息变更备案表', '六安市政务新媒体备案登记表', '辽宁省政务新媒体备案表']);
    for (const w of res.written) {
      expect(readFileSync(w.html, 'utf8')).toContain('<!DOCTYPE html>');
      expect(readFileSync(w.docx).subarray(0, 2).toString('latin1')).toBe('PK');
    }
    expect(readdirSync(out).sort()).toEqual(['dl-wlj-weixin-5-变更备案表.docx', 'dl-wlj-weixin-5-变更备案表.html', 'la-gjj-weixin-0-补录备案表.docx', 'la-gjj-weixin-0-补录备案表.html', 'zg-swjw-weibo-4-变更备案表.docx', 'zg-swjw-weibo-4-变更备案表.html']);
    expect(res.skipped.map((s) => [s.accountId, s.eventIndex])).toEqual([
      ['no-such-account', 0],
      ['zg-swjw-weibo', 2],
    ]);
    expect(res.skipped[1]!.reason.zh).toContain('不是备案事件');
  });
});
