/**
 * 备案助手（assistant/index.html）的端到端测试：真实的 Chromium 打开 govmedia site 生成的页面，
 * 按五个辖区（从登记簿中读出：绑定了管理办法的地区）各填写一份开设备案，另有变更、关停、补录各一份；
 * 把页面生成的文件写进真实的临时 Git 仓库的分支，断言 validate 和 check-pr 给出的结论与页面显示的
 * 完全一致（通过/不通过，以及引入的检查结果编号）。另测：拒绝出现在引起它的问题下方。
 *
 * End to end in real Chromium: for every jurisdiction of the register (regions that bind a policy)
 * a new account, plus one change, one closure and one back-fill; the produced file is committed on a
 * branch of a real temporary repository, and `validate` and `check-pr` must give exactly the verdict
 * the page showed. And a refusal appears at the question that causes it.
 */
import { readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cmdSite } from '../scripts/commands/site.ts';
import type { AccountFile, RegionFile, UnitFile } from '../scripts/generated/types.ts';
import { cli, tmpDir } from './helpers.ts';
import { makeBaseRepo, type Repo } from './pr-harness.ts';

const NOW = '2026-11-20';
const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage'];
const FREE_PLATFORMS = ['哔哩哔哩', '快手', '今日头条', '微信视频号', '抖音', '新浪微博'];
const REASON = '为发布本单位政务信息、解读政策文件、回应群众关切开设本账号。信息来源为本单位各科室提供的公开信息，由办公室负责编辑和审核发布，每周更新不少于两次，并安排专人值守留言，保障持续更新和互动。';

let repo: Repo;
let siteDir: string;
let ctx: BrowserContext;
let pageUrl: string;
let buildOut = '';
const tmp: string[] = [];

interface UnitInfo {
  id: string;
  dir: string;
  name: string;
  accounts: AccountFile[];
  live: AccountFile[];
}

/** Jurisdictions from the register: every region that binds a policy series, nearest bound first. */
function jurisdictions(root: string): { region: string; name: string; units: UnitInfo[] }[] {
  const regions: { id: string; data: RegionFile }[] = [];
  const units: UnitInfo[] = [];
  const walk = (rel: string): void => {
    const abs = path.join(root, rel);
    const names = readdirSync(abs, { withFileTypes: true });
    if (names.some((d) => d.name === 'region.json')) regions.push({ id: rel.slice('accounts'.length + 1), data: JSON.parse(readFileSync(path.join(abs, 'region.json'), 'utf8')) as RegionFile });
    if (names.some((d) => d.name === 'unit.json')) {
      const u = JSON.parse(readFileSync(path.join(abs, 'unit.json'), 'utf8')) as UnitFile;
      const accounts = names.filter((d) => d.isFile() && d.name.endsWith('.json') && d.name !== 'unit.json' && d.name !== 'region.json').map((d) => JSON.parse(readFileSync(path.join(abs, d.name), 'utf8')) as AccountFile);
      const live = accounts.filter((a) => !a.events.some((e) => e.type === '关停备案') && a.events.some((e) => e.type === '主管审核' && e.decision === '同意'));
      units.push({ id: u.id, dir: rel.slice('accounts/'.length), name: u.name, accounts, live });
    }
    for (const d of names) if (d.isDirectory()) walk(`${rel}/${d.name}`);
  };
  walk('accounts');
  return regions
    .filter((r) => r.data.policies.length > 0)
    .map((r) => ({ region: r.id, name: r.data.name, units: units.filter((u) => u.dir.startsWith(r.id + '/') && u.live.length > 0).sort((a, b) => b.live.length - a.live.length || a.id.localeCompare(b.id)) }))
    .filter((j) => j.units.length > 0);
}

async function open(): Promise<Page> {
  const page = await ctx.newPage();
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto(pageUrl);
  await page.waitForSelector('body[data-ready="1"]');
  (page as Page & { errors?: string[] }).errors = errors;
  return page;
}

async function chooseUnit(page: Page, unitId: string): Promise<void> {
  await page.selectOption('#unit', unitId);
}

async function fillFiling(page: Page, reason = REASON): Promise<void> {
  await page.fill('#reason', reason);
  await page.selectOption('#decision', '同意');
  await page.fill('#decisionBy', '主要负责人');
}

interface PageVerdict {
  verdict: string;
  rules: string[];
  blocking: string[];
  path?: string;
  text?: string;
  /** The findings as the page lists them (for failure messages). */
  shown?: string;
}

async function produce(page: Page): Promise<PageVerdict> {
  await page.click('#produce');
  const v = page.locator('#verdict');
  await v.waitFor({ state: 'visible' });
  const verdict = (await v.getAttribute('data-verdict')) ?? '';
  const rules = ((await v.getAttribute('data-rules')) ?? '').split(' ').filter(Boolean);
  const blocking = ((await v.getAttribute('data-blocking')) ?? '').split(' ').filter(Boolean);
  const out: PageVerdict = { verdict, rules, blocking, shown: (await page.textContent('#all-findings')) ?? '' };
  if (await page.locator('#output').isVisible()) {
    out.path = (await page.getAttribute('#file', 'data-path')) ?? undefined;
    out.text = (await page.textContent('#file')) ?? undefined;
  }
  return out;
}

/** The name most of the unit's live accounts carry (names are consistent across platforms). */
function commonName(u: UnitInfo): string {
  const n = new Map<string, number>();
  for (const a of u.live) n.set(a.name, (n.get(a.name) ?? 0) + 1);
  return [...n].sort((a, b) => b[1] - a[1])[0]![0];
}

let seq = 0;
/** Commit the file on a branch and run validate and check-pr as CI would. */
async function ciVerdict(rel: string, text: string): Promise<{ check: string; checkRules: string[]; validateRules: string[]; validateCode: number }> {
  const branch = `assistant-${++seq}`;
  await repo.git.checkout(['-f', 'main']);
  await repo.git.checkout(['-b', branch]);
  repo.write(rel, text);
  await repo.git.add(['-A']);
  await repo.git.commit(`备案助手生成：${rel}`);
  const v = await cli(['validate', '--root', repo.dir, '--now', NOW, '--format', 'json']);
  await repo.git.checkout(['-f', 'main']);
  const c = await cli(['check-pr', '--repo', repo.dir, '--base', 'main', '--head', branch, '--now', NOW, '--engine', 'self', '--format', 'json']);
  const cj = JSON.parse(c.out.slice(c.out.search(/^\{/m))) as { verdict: string; findings: { ruleId: string; severity: string }[] };
  const vj = JSON.parse(v.out.slice(v.out.search(/^\{/m))) as { findings: { ruleId: string; severity: string; suppressed?: unknown }[] };
  const ids = (fs: { ruleId: string; severity: string; suppressed?: unknown }[]): string[] => [...new Set(fs.filter((f) => !f.suppressed && f.severity !== 'notice').map((f) => f.ruleId))].sort();
  return { check: cj.verdict, checkRules: ids(cj.findings), validateRules: ids(vj.findings), validateCode: v.code };
}

async function expectSameAsCi(pv: PageVerdict): Promise<void> {
  expect(pv.path, `page produced no file: ${pv.verdict} ${pv.blocking.join(' ')}\n${pv.shown ?? ''}`).toBeDefined();
  const ci = await ciVerdict(pv.path!, pv.text!);
  expect(ci.check, `check-pr verdict vs page (page rules: ${pv.rules.join(' ')})`).toBe(pv.verdict);
  expect(ci.checkRules).toEqual(pv.rules);
  expect(ci.validateRules).toEqual(pv.rules);
  expect(ci.validateCode).toBe(pv.rules.length ? 1 : 0);
}

beforeAll(async () => {
  repo = await makeBaseRepo();
  tmp.push(repo.dir);
  // the maintainers' settings: an intranet Gitea, real teams embedded (the page lives on the intranet)
  writeFileSync(path.join(repo.dir, 'site.config.json'), JSON.stringify({ forge: { kind: 'gitea', url: 'https://git.example.gov.cn', repo: 'govmedia/register', branch: 'main' }, assistant: { teams: true } }, null, 2) + '\n');
  await repo.git.add(['-A']);
  await repo.git.commit('站点设置');
  const out = tmpDir('govmedia-assistant-');
  tmp.push(out);
  siteDir = path.join(out, 'site-dist');
  const code = await cmdSite(['--out', siteDir, '--now', NOW, '--root', repo.dir], { out: (s) => void (buildOut += s + '\n'), err: (s) => void (buildOut += s + '\n') });
  expect(code, buildOut).toBe(0);
  pageUrl = `file://${path.join(siteDir, 'assistant', 'index.html')}?now=${NOW}`;
  const profile = tmpDir('govmedia-chromium-');
  tmp.push(profile);
  ctx = await chromium.launchPersistentContext(profile, { executablePath: '/usr/bin/chromium', args: CHROMIUM_ARGS, viewport: { width: 390, height: 844 } });
}, 120_000);

afterAll(async () => {
  await ctx?.close();
  for (const d of tmp) rmSync(d, { recursive: true, force: true });
});

describe('filing assistant page', () => {
  it('is one self-contained file under a CSP that allows no connection', () => {
    expect(buildOut).toContain('已生成备案助手');
    const html = readFileSync(path.join(siteDir, 'assistant', 'index.html'), 'utf8');
    expect(/Content-Security-Policy" content="default-src 'none'; script-src 'sha256-[^']+'; [^"]*connect-src 'none'/.test(html)).toBe(true);
    expect(/<(script|link|img)[^>]+(src|href)=/i.test(html)).toBe(false);
    expect(html.length).toBeLessThan(1_500_000);
  });

  const js = () => jurisdictions(repo.dir);

  it('a new account for each of the five jurisdictions gives the verdict CI gives', async () => {
    const list = js();
    expect(list.map((j) => j.name).length).toBeGreaterThanOrEqual(5);
    const seen: string[] = [];
    for (const j of list) {
      const u = j.units[0]!;
      const from = u.live[0]!;
      const platform = FREE_PLATFORMS.find((p) => !u.accounts.some((a) => a.platform === p))!;
      const page = await open();
      await chooseUnit(page, u.id);
      await page.selectOption('#platform', platform);
      await page.fill('#name', commonName(u));
      await page.fill('#platformAccountId', `${u.id}-test`);
      // the unit's existing team is offered for reuse
      await page.selectOption('#teamFrom', from.id);
      expect(await page.inputValue('#principal-name')).toBe(from.team!.principal.name);
      await fillFiling(page);
      const pv = await produce(page);
      seen.push(`${j.name}:${pv.verdict}:${pv.rules.join(',')}`);
      await expectSameAsCi(pv);
      // the link opens Gitea's editor with path and content filled in
      const href = await page.getAttribute('#editor-link', 'href');
      expect(href).toBe(`https://git.example.gov.cn/govmedia/register/_new/main/${pv.path!.slice(0, pv.path!.lastIndexOf('/'))}/?filename=${encodeURIComponent(pv.path!.slice(pv.path!.lastIndexOf('/') + 1))}&value=${encodeURIComponent(pv.text!)}`);
      // the filing form of the jurisdiction is in the page, printable
      const frame = page.frameLocator('#form-frame');
      await expect.poll(async () => (await frame.locator('h1').textContent()) ?? '').toContain('备案');
      expect((page as Page & { errors?: string[] }).errors).toEqual([]);
      // usable on a phone: nothing wider than the 390-pixel screen
      expect(await page.evaluate<number>('document.documentElement.scrollWidth')).toBeLessThanOrEqual(390);
      await page.close();
    }
    // the realistic path ends in a file CI accepts (on the sample register: all five)
    expect(seen.filter((x) => x.includes(':pass:')).length, seen.join('\n')).toBeGreaterThanOrEqual(1);
    // at least the sample register's five jurisdictions, each seen once
    expect(seen.length, seen.join('\n')).toBeGreaterThanOrEqual(5);
  }, 300_000);
});

describe('change, closure and back-fill', () => {
  /** A unit of the jurisdiction whose name contains `part` (else the i-th jurisdiction). */
  const pick = (part: string, i: number): UnitInfo => {
    const list = jurisdictions(repo.dir);
    return (list.find((j) => j.name.includes(part)) ?? list[i % list.length]!).units[0]!;
  };

  it('a change of name gives the verdict CI gives', async () => {
    const u = pick('六安', 0);
    const a = u.live[0]!;
    const page = await open();
    await page.check('input[name=action][value=变更]');
    await chooseUnit(page, u.id);
    await page.selectOption('#account', a.id);
    // questions of a new filing are not asked for a change
    expect(await page.isVisible('#q-platform')).toBe(false);
    await page.fill('#newOperatingUnit', `${u.name}办公室`);
    await fillFiling(page, '机构职能调整，账号日常运营改由本单位办公室承担，信息来源和审核流程不变。');
    const pv = await produce(page);
    expect(pv.path).toBe(`accounts/${u.dir}/${a.id}.json`);
    expect(JSON.parse(pv.text!).events.at(-1)).toMatchObject({ type: '变更备案', changes: [{ field: '运营单位', from: a.operatingUnit, to: `${u.name}办公室` }], unitDecision: { decision: '同意', by: '主要负责人', date: NOW } });
    await expectSameAsCi(pv);
    // an existing file: the link opens Gitea's editor on it (the clerk pastes the copied text)
    expect(await page.getAttribute('#editor-link', 'href')).toBe(`https://git.example.gov.cn/govmedia/register/_edit/main/${pv.path}`);
    await page.close();
  }, 120_000);

  it('a closure gives the verdict CI gives', async () => {
    const u = pick('自贡', 1);
    const a = u.live[0]!;
    const page = await open();
    await page.check('input[name=action][value=关停]');
    await chooseUnit(page, u.id);
    await page.selectOption('#account', a.id);
    await fillFiling(page, '账号功能与本单位其他账号重复，关注度低，按集约节约原则关停，信息改由本单位其他账号发布。');
    const pv = await produce(page);
    expect(JSON.parse(pv.text!).events.at(-1)).toMatchObject({ type: '关停备案', date: NOW });
    await expectSameAsCi(pv);
    // next steps carry dates on the official calendar
    expect(await page.textContent('#steps')).toMatch(/20\d\d-\d\d-\d\d/);
    await page.close();
  }, 120_000);

  it('a back-fill gives the verdict CI gives', async () => {
    const u = pick('綦江', 2);
    const from = u.live[0]!;
    const platform = FREE_PLATFORMS.find((p) => !u.accounts.some((a) => a.platform === p))!;
    const page = await open();
    await page.check('input[name=action][value=补录]');
    await chooseUnit(page, u.id);
    await page.selectOption('#platform', platform);
    await page.fill('#name', commonName(u));
    await page.fill('#opened', '2024-03-01');
    await page.selectOption('#teamFrom', from.id);
    await fillFiling(page, '账号于2024年开通后一直由本单位办公室运营，但未按规定备案，现补录。账号发布本单位政务信息，信息来源为各科室，每周更新，确需保留。');
    const pv = await produce(page);
    const acc = JSON.parse(pv.text!) as AccountFile;
    expect(acc.events[0]).toMatchObject({ type: '补录备案', note: '账号已于 2024-03-01 在平台开通，此前未备案。' });
    await expectSameAsCi(pv);
    await page.close();
  }, 120_000);
});

describe('refusals appear at the question that causes them', () => {
  it('a second live account on the same platform: at the platform question, with its citation, before the end', async () => {
    const u = jurisdictions(repo.dir).find((j) => j.name.includes('自贡'))?.units[0] ?? jurisdictions(repo.dir)[0]!.units[0]!;
    const taken = u.live[0]!;
    const page = await open();
    await chooseUnit(page, u.id);
    await page.selectOption('#platform', taken.platform);
    const box = page.locator('.findings[data-for="platform"] .finding');
    await expect.poll(async () => (await box.allTextContents()).join('\n'), { timeout: 10_000 }).toContain('依据：');
    const rules = await box.evaluateAll((els) => els.map((e) => e.getAttribute('data-rule')));
    expect(rules.some((r) => r?.endsWith('/one-account-per-platform'))).toBe(true);
    // nothing else was answered yet: the refusal is shown where it arises, not after the last question
    expect(await page.locator('.findings[data-for="decision"] .finding').count()).toBe(0);
    await page.close();
  }, 60_000);

  it('one person as both editor and reviewer: at the review question', async () => {
    const u = jurisdictions(repo.dir).find((j) => j.name.includes('自贡'))?.units[0] ?? jurisdictions(repo.dir)[0]!.units[0]!;
    const from = u.live[0]!;
    const page = await open();
    await chooseUnit(page, u.id);
    await page.selectOption('#platform', FREE_PLATFORMS.find((p) => !u.accounts.some((a) => a.platform === p))!);
    await page.selectOption('#teamFrom', from.id);
    const editor = from.team!.operators[0]!.name;
    await page.fill('#editors', editor);
    await page.fill('#reviewers', editor);
    const box = page.locator('.findings[data-for="review"] .finding');
    await expect.poll(async () => (await box.evaluateAll((els) => els.map((e) => e.getAttribute('data-rule')))).join(' '), { timeout: 10_000 }).toMatch(/distinct-review-roles/);
    expect((await box.allTextContents()).join('')).toContain(editor);
    await page.close();
  }, 60_000);
});
