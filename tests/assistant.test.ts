/**
 * 备案助手（assistant/index.html）的端到端测试：真实的 Chromium 打开 govmedia site 生成的页面，
 * 对五个辖区（自贡、六安、綦江、辽宁、江苏：按管理办法模块查出绑定它的地区，不写死路径）各办理
 * 开设、变更、关停、补录四种备案，共二十份；把页面生成的文件写进真实的临时 Git 仓库的分支，断言
 * validate 和 check-pr 给出的结论与页面显示的完全一致（通过/不通过，以及引入的检查结果编号）。
 * 整个文件只启动一个浏览器、复用一个页面（每份之间点“清除草稿”重新开始）。
 * 另测：拒绝出现在引起它的问题下方；草稿在刷新后仍在、“清除草稿”清除；公开版与内网版；
 * 各辖区只问本地办法需要的问题。
 *
 * End to end in real Chromium, table-driven: the five jurisdictions (found through their policy
 * modules, not by path) × new / change / close / back-fill; each produced file is committed on a
 * branch of a real temporary repository and `validate` and `check-pr` must give exactly the
 * verdict the page showed. One browser and one page for the whole file.
 */
import { readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { optionalQuestionsFor } from '../scripts/assistant/asks.ts';
import { expandSnapshot } from '../scripts/assistant/judge.ts';
import { snapshotOf } from '../scripts/assistant/page.ts';
import { cmdSite } from '../scripts/commands/site.ts';
import { handoverFactMatters } from '../scripts/commands/scaffold.ts';
import type { AccountFile, RegionFile, UnitFile } from '../scripts/generated/types.ts';
import { loadPolicies } from '../scripts/policy/loader.ts';
import type { LoadedPolicy } from '../scripts/policy/types.ts';
import { cli, tmpDir } from './helpers.ts';
import { backToMain, commitAll, makeBaseRepo, startBranch, type Repo } from './pr-harness.ts';
import { browserContext, type FileContext } from './support/chromium.ts';

const NOW = '2026-11-20';
const FREE_PLATFORMS = ['哔哩哔哩', '快手', '今日头条', '微信视频号', '抖音', '新浪微博'];
const REASON = {
  开设: '为发布本单位政务信息、解读政策文件、回应群众关切开设本账号。信息来源为本单位各科室提供的公开信息，由办公室负责编辑和审核发布，每周更新不少于两次，并安排专人值守留言，保障持续更新和互动。',
  变更: '机构职能调整，账号日常运营改由本单位办公室承担，信息来源和审核流程不变。',
  关停: '账号功能与本单位其他账号重复，关注度低，按集约节约原则关停，信息改由本单位其他账号发布。',
  补录: '账号于2024年开通后一直由本单位办公室运营，但未按规定备案，现补录。账号发布本单位政务信息，信息来源为各科室，每周更新，确需保留。',
} as const;
type Act = keyof typeof REASON;

/**
 * The five jurisdictions, each found through its policy module (manifest id or source seed), not
 * by a path: a renamed series (e.g. jiangsu/lianyungang) still finds its region.
 */
const JURISDICTIONS: { label: string; module: string }[] = [
  { label: '自贡', module: 'zigong-2021' },
  { label: '六安', module: 'luan-2021' },
  { label: '綦江', module: 'qijiang' },
  { label: '辽宁', module: 'liaoning-2019' },
  { label: '江苏', module: 'jiangsu-city-notice' },
];

let repo: Repo;
let siteDir: string;
let publicDir: string;
let ctx: FileContext;
let page: Page;
let pageUrl: string;
let publicUrl: string;
let buildOut = '';
let policies: LoadedPolicy[];
const pageErrors: string[] = [];

/** A 六安 team typed into the page: four visibly fictitious people, editor, reviewer and (where asked) final approver apart. */
async function fillLuanTeam(unitName: string, head: string, deputy: string): Promise<void> {
  const person = async (k: string, name: string, position: string, mobile: string): Promise<void> => {
    await page.fill(`#${k}-name`, name);
    await page.fill(`#${k}-position`, `${unitName} ${position}`);
    await page.fill(`#${k}-mobile`, mobile);
    await page.fill(`#${k}-office`, `0564-${mobile.slice(-7)}`);
  };
  await person('principal', '甲某（虚构）', head, '13000000001');
  await person('inCharge', '乙某（虚构）', deputy, '13000000002');
  if (await page.isVisible('#p-sectionHead')) await person('sectionHead', '丙某（虚构）', '办公室主任', '13000000003');
  await person('operator1', '丁某（虚构）', '办公室科员', '13000000004');
  await page.fill('#editors', '丁某（虚构）');
  await page.fill('#reviewers', '丙某（虚构）');
  if (await page.locator('#finalApprovers').isVisible()) await page.fill('#finalApprovers', '乙某（虚构）');
}
const tmp: string[] = [];

interface UnitInfo {
  id: string;
  dir: string;
  name: string;
  accounts: AccountFile[];
  live: AccountFile[];
}

function readRegister(root: string): { regions: { id: string; data: RegionFile }[]; units: UnitInfo[] } {
  const regions: { id: string; data: RegionFile }[] = [];
  const units: UnitInfo[] = [];
  const walk = (rel: string): void => {
    const abs = path.join(root, rel);
    const names = readdirSync(abs, { withFileTypes: true });
    if (names.some((d) => d.name === 'region.json')) regions.push({ id: rel.slice('accounts/'.length), data: JSON.parse(readFileSync(path.join(abs, 'region.json'), 'utf8')) as RegionFile });
    if (names.some((d) => d.name === 'unit.json')) {
      const u = JSON.parse(readFileSync(path.join(abs, 'unit.json'), 'utf8')) as UnitFile;
      const accounts = names.filter((d) => d.isFile() && d.name.endsWith('.json') && d.name !== 'unit.json' && d.name !== 'region.json').map((d) => JSON.parse(readFileSync(path.join(abs, d.name), 'utf8')) as AccountFile);
      const live = accounts.filter((a) => !a.events.some((e) => e.type === '关停备案') && a.events.some((e) => e.type === '主管审核' && e.decision === '同意'));
      units.push({ id: u.id, dir: rel.slice('accounts/'.length), name: u.name, accounts, live });
    }
    for (const d of names) if (d.isDirectory()) walk(`${rel}/${d.name}`);
  };
  walk('accounts');
  return { regions, units };
}

/** The region bound to the jurisdiction's policy series, and its unit with the most live accounts. */
function jurisdiction(module: string): { region: string; name: string; unit: UnitInfo } {
  const p = policies.find((x) => x.manifest.id.includes(module) || x.manifest.source.includes(module));
  if (!p) throw new Error(`no policy module ${module}`);
  const { regions, units } = readRegister(repo.dir);
  const r = regions.find((x) => x.data.policies.includes(p.series));
  if (!r) throw new Error(`no region binds ${p.series}`);
  const unit = units.filter((u) => u.dir.startsWith(r.id + '/') && u.live.length > 0).sort((a, b) => b.live.length - a.live.length || a.id.localeCompare(b.id))[0];
  if (!unit) throw new Error(`no unit with live accounts under ${r.id}`);
  return { region: r.id, name: r.data.name, unit };
}

/** Clear the draft with the page's own button: the page starts afresh in place (one more start in body[data-starts]). */
async function clearDraft(): Promise<void> {
  const starts = Number(await page.getAttribute('body', 'data-starts'));
  await page.click('#clear-draft');
  await page.waitForSelector(`body[data-starts="${starts + 1}"]`);
  expect(await page.textContent('#draft-status')).toBe('草稿已清除。');
}

/** Open (or start afresh on) a page: the draft of the previous flow is cleared with the page's own button. */
async function fresh(url = pageUrl): Promise<void> {
  if (page.url() === url) await clearDraft();
  else await page.goto(url);
  await page.waitForSelector('body[data-ready="1"]');
}

/**
 * Everything of the page's questions and results: the markup (what is shown or hidden, the
 * choices offered, what is written) and every field's value and check; the draft line left out.
 */
async function pageState(): Promise<string> {
  return page.evaluate<string>(`(() => {
    const main = document.getElementById('main').cloneNode(true);
    main.querySelector('#draft-status').textContent = '';
    const fields = [...document.querySelectorAll('#main input, #main select, #main textarea')].map((el) => [el.id || el.name, el.value, el.checked === true, el.tagName === 'SELECT' ? el.selectedIndex : -1, el.dataset.touched ?? '']);
    return JSON.stringify({ html: main.outerHTML, fields });
  })()`);
}

async function fillFiling(reason: string): Promise<void> {
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

async function produce(): Promise<PageVerdict> {
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
async function ciVerdict(rel: string, text: string, now = NOW): Promise<{ check: string; checkRules: string[]; validateRules: string[]; validateCode: number; justifications: string[]; approvalGrounds: string[] }> {
  const branch = `assistant-${++seq}`;
  await startBranch(repo, branch);
  repo.write(rel, text);
  await commitAll(repo, `备案助手生成：${rel}`, {}, [rel]);
  // validate reads the checked-out branch, check-pr only git objects: the two run side by side
  const [v, c] = await Promise.all([cli(['validate', '--root', repo.dir, '--now', now, '--format', 'json']), cli(['check-pr', '--repo', repo.dir, '--base', 'main', '--head', branch, '--now', now, '--engine', 'self', '--format', 'json'])]);
  await backToMain(repo);
  const cj = JSON.parse(c.out.slice(c.out.search(/^\{/m))) as { verdict: string; findings: { ruleId: string; severity: string }[]; changes: { justifications?: { text: string }[] }[]; approvals: { grounds?: { key: string }[] }[] };
  const vj = JSON.parse(v.out.slice(v.out.search(/^\{/m))) as { findings: { ruleId: string; severity: string; suppressed?: unknown }[] };
  const ids = (fs: { ruleId: string; severity: string; suppressed?: unknown }[]): string[] => [...new Set(fs.filter((f) => !f.suppressed && f.severity !== 'notice').map((f) => f.ruleId))].sort();
  return {
    check: cj.verdict,
    checkRules: ids(cj.findings),
    validateRules: ids(vj.findings),
    validateCode: v.code,
    justifications: cj.changes.flatMap((x) => (x.justifications ?? []).map((j) => j.text)),
    approvalGrounds: [...new Set(cj.approvals.flatMap((x) => (x.grounds ?? []).map((g) => g.key)))].sort(),
  };
}

async function expectSameAsCi(pv: PageVerdict, what: string, now = NOW): Promise<Awaited<ReturnType<typeof ciVerdict>>> {
  expect(pv.path, `${what}: page produced no file: ${pv.verdict} ${pv.blocking.join(' ')}\n${pv.shown ?? ''}`).toBeDefined();
  const ci = await ciVerdict(pv.path!, pv.text!, now);
  expect(ci.check, `${what}: check-pr verdict vs page (page rules: ${pv.rules.join(' ')})`).toBe(pv.verdict);
  expect(ci.checkRules, `${what}: check-pr findings vs page`).toEqual(pv.rules);
  expect(ci.validateRules, `${what}: validate findings vs page`).toEqual(pv.rules);
  // validate exits 1 only on errors: exactly when the page says CI will fail
  expect(ci.validateCode, `${what}: validate exit code`).toBe(pv.verdict === 'fail' ? 1 : 0);
  return ci;
}


async function build(out: string): Promise<string> {
  const code = await cmdSite(['--out', out, '--now', NOW, '--root', repo.dir], { out: (s) => void (buildOut += s + '\n'), err: (s) => void (buildOut += s + '\n') });
  expect(code, buildOut).toBe(0);
  return `file://${path.join(out, 'assistant', 'index.html')}?now=${NOW}`;
}

beforeAll(async () => {
  repo = await makeBaseRepo();
  tmp.push(repo.dir);
  policies = await loadPolicies(repo.dir);
  const out = tmpDir('govmedia-assistant-');
  tmp.push(out);
  // without site.config.json: the public build (stand-ins for the register's people)
  publicDir = path.join(out, 'public');
  publicUrl = await build(publicDir);
  // the maintainers' settings for an intranet Gitea: real teams embedded (the page lives on the intranet)
  writeFileSync(path.join(repo.dir, 'site.config.json'), JSON.stringify({ forge: { kind: 'gitea', url: 'https://git.example.gov.cn', repo: 'govmedia/register', branch: 'main' }, assistant: { teams: true } }, null, 2) + '\n');
  await repo.git.add(['site.config.json']);
  await repo.git.commit('站点设置');
  siteDir = path.join(out, 'site-dist');
  pageUrl = await build(siteDir);
  // this worker's Chromium (tests/support/chromium.ts), a context of the file's own
  ctx = await browserContext({ viewport: { width: 390, height: 844 } });
  page = await ctx.newPage();
  page.on('pageerror', (e) => pageErrors.push(e.message));
  page.on('dialog', (d) => void d.accept());
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
});

describe('five jurisdictions × new, change, close and back-fill: the page gives the verdict CI gives', () => {
  const seen: string[] = [];
  const dated: string[] = [];
  /** Another operating unit than the account's own. */
  const newOperator = (a: AccountFile, u: UnitInfo): string => [`${u.name}办公室`, `${u.name}信息中心`].find((x) => x !== a.operatingUnit)!;
  const flows: [string, Act][] = JURISDICTIONS.flatMap((j) => (['开设', '变更', '关停', '补录'] as Act[]).map((a): [string, Act] => [j.label, a]));
  it.each(flows)('%s %s备案', async (label, act) => {
    const j = jurisdiction(JURISDICTIONS.find((x) => x.label === label)!.module);
    const u = j.unit;
    const what = `${label}（${j.region}，${u.id}）${act}`;
    await fresh();
    if (act !== '开设') await page.check(`input[name=action][value=${act}]`);
    await page.selectOption('#unit', u.id);
    expect(await page.textContent('#unit-info')).toContain(j.name);
    const a = u.live[0]!;
    if (act === '开设' || act === '补录') {
      const platform = FREE_PLATFORMS.find((p) => !u.accounts.some((x) => x.platform === p))!;
      await page.selectOption('#platform', platform);
      await page.fill('#name', commonName(u));
      if (act === '开设') await page.fill('#platformAccountId', `${u.id}-test`);
      else await page.fill('#opened', '2024-03-01');
      // the unit's existing team is offered for reuse (intranet build)
      await page.selectOption('#teamFrom', a.id);
      expect(await page.inputValue('#principal-name')).toBe(a.team!.principal.name);
    } else {
      await page.selectOption('#account', a.id);
      // questions of a new filing are not asked for a change or closure
      expect(await page.isVisible('#q-platform')).toBe(false);
      if (act === '变更') await page.fill('#newOperatingUnit', newOperator(a, u));
    }
    await fillFiling(REASON[act]);
    const pv = await produce();
    // the realistic path breaks no rule held in principle: no justification is asked or written
    expect(await page.isVisible('#q-justification'), `${what}: justification asked`).toBe(false);
    seen.push(`${what}:${pv.verdict}:${pv.rules.join(',')}`);
    await expectSameAsCi(pv, what);
    const doc = JSON.parse(pv.text!) as AccountFile;
    const last = doc.events.at(-1)!;
    if (act === '开设') expect(doc.events).toMatchObject([{ type: '开设备案', unitDecision: { decision: '同意', by: '主要负责人', date: NOW } }]);
    if (act === '补录') expect(doc.events[0]).toMatchObject({ type: '补录备案', note: '账号已于 2024-03-01 在平台开通，此前未备案。' });
    if (act === '变更') expect(last).toMatchObject({ type: '变更备案', changes: [{ field: '运营单位', from: a.operatingUnit, to: newOperator(a, u) }], unitDecision: { decision: '同意', by: '主要负责人', date: NOW } });
    if (act === '关停') expect(last).toMatchObject({ type: '关停备案', date: NOW });
    // next steps with their dates on the official calendar, where the jurisdiction sets a period
    if (/20\d\d-\d\d-\d\d/.test((await page.textContent('#steps')) ?? '')) dated.push(what);
    // the link opens Gitea's editor: a new file with path and content filled in, an existing one for editing
    const dir = pv.path!.slice(0, pv.path!.lastIndexOf('/'));
    const name = pv.path!.slice(pv.path!.lastIndexOf('/') + 1);
    const href = await page.getAttribute('#editor-link', 'href');
    if (act === '变更' || act === '关停') expect(href).toBe(`https://git.example.gov.cn/govmedia/register/_edit/main/${pv.path}`);
    else {
      const full = `https://git.example.gov.cn/govmedia/register/_new/main/${dir}/?filename=${encodeURIComponent(name)}&value=${encodeURIComponent(pv.text!)}`;
      expect(href).toBe(full.length <= 7_500 ? full : full.slice(0, full.indexOf('&value=')));
    }
    // the filing form of the jurisdiction is in the page, printable
    await expect.poll(async () => (await page.frameLocator('#form-frame').locator('h1').textContent()) ?? '').toContain('备案');
    // usable on a phone: nothing wider than the 390-pixel screen
    expect(await page.evaluate<number>('document.documentElement.scrollWidth')).toBeLessThanOrEqual(390);
    expect(pageErrors).toEqual([]);
  }, 60_000);

  it('the realistic path ends in files CI accepts', () => {
    expect(seen.length, seen.join('\n')).toBe(20);
    expect(seen.filter((x) => x.includes(':pass:')).length, seen.join('\n')).toBeGreaterThanOrEqual(15);
    expect(dated.length, 'next steps with dates').toBeGreaterThanOrEqual(5);
  });
});

describe('questions that do not apply to the jurisdiction are not asked (from its policy modules)', () => {
  it('each jurisdiction asks what its rules need, and the produced file holds nothing it did not ask', async () => {
    const snap = expandSnapshot(snapshotOf(repo.dir, NOW, repo.dir, { teams: true }));
    const taken = (id: string): boolean => Object.keys(snap.files).some((r) => r.endsWith(`/${id}.json`));
    const asked = new Map<string, string>();
    // one page: a unit chosen after another is asked afresh what its own jurisdiction needs (the
    // questions follow the chosen unit, as they do when a user changes the unit)
    await fresh();
    for (const jj of JURISDICTIONS) {
      const j = jurisdiction(jj.module);
      await page.selectOption('#unit', j.unit.id);
      const shown = (await page.getAttribute('#wizard', 'data-asks')) ?? '';
      const unit = JSON.parse(snap.files[`accounts/${j.unit.dir}/unit.json`]!) as UnitFile;
      // the page asks what the Node-side probe of the same modules finds
      expect(shown, jj.label).toBe([...optionalQuestionsFor(snap, policies, unit, j.unit.dir, NOW, taken)].sort().join(' '));
      expect(await page.isVisible('#p-sectionHead'), `${jj.label}: 科室负责人`).toBe(shown.includes('sectionHead'));
      expect(await page.isVisible('#functions-box'), `${jj.label}: 账号功能`).toBe(shown.includes('functions'));
      expect(await page.locator('#finalApprovers').isVisible(), `${jj.label}: 终审`).toBe(shown.includes('finalApprovers'));
      asked.set(jj.label, shown);
    }
    // 六安's measures require the section head and the account's functions (its form has both rows); 辽宁's do not
    expect(asked.get('六安')).toContain('sectionHead');
    expect(asked.get('六安')).toContain('functions');
    expect(asked.get('辽宁')).not.toContain('sectionHead');
    expect(new Set(asked.values()).size, [...asked].join('\n')).toBeGreaterThanOrEqual(3);
  }, 60_000);
});

describe('the draft is kept in the browser', () => {
  it('a reload loses nothing; 清除草稿 removes it', async () => {
    const j = jurisdiction('zigong-2021');
    await fresh();
    await page.check('input[name=action][value=补录]');
    await page.selectOption('#unit', j.unit.id);
    await page.selectOption('#platform', '快手');
    await page.fill('#name', '草稿测试账号');
    await page.fill('#principal-name', '甲某（虚构）');
    await page.fill('#reason', REASON.补录);
    await page.selectOption('#decision', '同意');
    await expect.poll(async () => page.textContent('#draft-status'), { timeout: 5_000 }).toContain('草稿已保存');
    // the last answer is in the stored draft (saved after a short delay, or when the page goes away)
    await expect.poll(async () => page.evaluate<string>("Object.keys(localStorage).filter((k) => k.startsWith('govmedia-assistant-draft')).map((k) => localStorage.getItem(k)).join('')"), { timeout: 5_000 }).toContain('"decision":"同意"');
    await page.reload();
    await page.waitForSelector('body[data-ready="1"]');
    expect(await page.textContent('#draft-status')).toContain('已恢复');
    expect(await page.isChecked('input[name=action][value=补录]')).toBe(true);
    expect(await page.inputValue('#unit')).toBe(j.unit.id);
    expect(await page.inputValue('#platform')).toBe('快手');
    expect(await page.inputValue('#name')).toBe('草稿测试账号');
    expect(await page.inputValue('#principal-name')).toBe('甲某（虚构）');
    expect(await page.inputValue('#reason')).toBe(REASON.补录);
    expect(await page.inputValue('#decision')).toBe('同意');
    expect(await page.isVisible('.backfill-only')).toBe(true);
    // the page starts afresh in place: exactly what a reload with no draft shows
    await clearDraft();
    expect(await page.inputValue('#unit')).toBe('');
    expect(await page.inputValue('#name')).toBe('');
    expect(await page.isChecked('input[name=action][value=开设]')).toBe(true);
    expect(await page.evaluate<number>("Object.keys(localStorage).filter((k) => k.startsWith('govmedia-assistant-draft')).length")).toBe(0);
    const cleared = await pageState();
    // and it works afresh: the questions follow the unit chosen, the answers are kept as a draft again
    await page.selectOption('#unit', j.unit.id);
    expect(await page.textContent('#unit-info')).toContain(j.name);
    await page.fill('#name', '草稿测试账号');
    await expect.poll(async () => page.textContent('#draft-status'), { timeout: 5_000 }).toContain('草稿已保存');
    await clearDraft();
    expect(await pageState()).toBe(cleared);
    await page.reload();
    await page.waitForSelector('body[data-ready="1"]');
    expect(await page.textContent('#draft-status')).toBe('');
    expect(await page.getAttribute('body', 'data-starts')).toBe('1');
    expect(await pageState()).toBe(cleared);
  }, 60_000);
});

describe('staff data: stand-ins on the public build, the real teams only on the intranet build', () => {
  it('the public page says so, carries no name of the register and offers no team to reuse; its verdict still matches CI', async () => {
    const html = readFileSync(path.join(publicDir, 'assistant', 'index.html'), 'utf8');
    // the register as embedded (the script's own rule examples are fictitious test data, not the register)
    const data = /<script type="application\/json" id="assistant-data">([\s\S]*?)<\/script>/.exec(html)![1]!;
    expect(data).toContain('人员1（已隐去）');
    const { units } = readRegister(repo.dir);
    const people = new Set<string>();
    for (const u of units) for (const a of u.accounts) for (const p of [a.team?.principal, a.team?.inCharge, a.team?.sectionHead, ...(a.team?.operators ?? [])]) if (p) [p.name, p.mobile, p.officePhone].forEach((x) => x && people.add(x));
    expect(people.size).toBeGreaterThan(10);
    for (const x of people) expect(data.includes(x), `public page carries ${x}`).toBe(false);
    expect(buildOut).toContain('登记簿中的人员均以“人员N（已隐去）”代替');
    await fresh(publicUrl);
    expect(await page.getAttribute('#edition', 'data-mode')).toBe('public');
    expect(await page.textContent('#edition')).toContain('公开版');
    const j = jurisdiction('luan-2021');
    const u = j.unit;
    await page.selectOption('#unit', u.id);
    expect(await page.isVisible('#reuse-box')).toBe(false);
    await page.selectOption('#platform', FREE_PLATFORMS.find((p) => !u.accounts.some((x) => x.platform === p))!);
    await page.fill('#name', commonName(u));
    await fillLuanTeam(u.name, '主任', '副主任');
    await fillFiling(REASON.开设);
    const pv = await produce();
    await expectSameAsCi(pv, '公开版 六安 开设');
    // no forge configured: the steps say to create the new file
    expect(await page.textContent('#steps')).toContain('在代码托管平台上新建该文件');

    // an existing account: this page holds stand-ins for its people, so it asks for the file's current content
    // (else its output would replace the real team with stand-ins, which CI would let pass) and writes on that
    const acc = u.live[0]!;
    const rel = `accounts/${u.dir}/${acc.id}.json`;
    const real = readFileSync(path.join(repo.dir, rel), 'utf8');
    await page.check('input[name=action][value=记录]');
    await page.selectOption('#account', acc.id);
    expect(await page.isVisible('#paste-box')).toBe(true);
    const asked = await produce();
    expect(asked.verdict).toBe('incomplete');
    expect(asked.path).toBeUndefined();
    expect(await page.textContent('.findings[data-for="account"]')).toContain('请粘贴该账号文件在代码托管平台上的当前全部内容');
    // another account's file, or a cut-off one, is refused, naming the file to copy
    const other = readRegister(repo.dir).units.flatMap((x) => x.accounts.map((a) => `accounts/${x.dir}/${a.id}.json`)).find((r) => r !== rel)!;
    for (const wrong of [readFileSync(path.join(repo.dir, other), 'utf8'), real.slice(0, real.length / 2)]) {
      await page.fill('#currentFile', wrong);
      expect((await produce()).verdict).toBe('incomplete');
      expect(await page.textContent('.findings[data-for="account"]')).toMatch(wrong.length < real.length ? /不是完整的 JSON 文件/ : new RegExp(`请打开 ${rel.replace(/[.]/g, '\\.')}`));
    }
    await page.fill('#currentFile', real);
    const rec = await produce();
    expect(rec.verdict, rec.shown).toBe('pass');
    // the current file and the one event appended: the real team kept, no stand-in written
    const want = JSON.parse(real) as AccountFile;
    want.events.push({ type: '密码更换', date: NOW, attestedBy: '分管负责人' });
    expect(JSON.parse(rec.text!)).toEqual(want);
    expect(rec.text).not.toContain('已隐去');
    await expectSameAsCi(rec, '公开版 六安 密码更换');
    // no forge configured: an existing file is edited, not created
    expect(await page.textContent('#steps')).toContain('在代码托管平台上编辑该文件（全选后粘贴替换原有内容）');
    expect(await page.textContent('#steps')).not.toContain('新建该文件');
    // the pasted content (the register's people) is not kept in the browser's draft
    await page.reload();
    await page.waitForSelector('body[data-ready="1"]');
    expect(await page.isChecked('input[name=action][value=记录]')).toBe(true);
    expect(await page.inputValue('#currentFile')).toBe('');
    // a closure on the public build: written on the pasted file, and its printable form names the real team
    await page.check('input[name=action][value=关停]');
    await page.selectOption('#account', acc.id);
    await page.fill('#currentFile', real);
    await fillFiling(REASON.关停);
    const close = await produce();
    await expectSameAsCi(close, '公开版 六安 关停');
    expect(close.text).not.toContain('已隐去');
    const formText = async (): Promise<string> => (await page.frameLocator('#form-frame').locator('body').textContent()) ?? '';
    // (六安's form lists the officer in charge, the section head and the operators)
    await expect.poll(formText).toContain(acc.team!.inCharge.name);
    expect(await formText()).not.toContain('已隐去');
    // the intranet build says which it is
    await fresh(pageUrl);
    expect(await page.getAttribute('#edition', 'data-mode')).toBe('intranet');
    expect(await page.textContent('#edition')).toContain('内网版');
    expect(buildOut).toContain('内含本库的管理队伍信息');
    expect(pageErrors).toEqual([]);
  }, 90_000);
});

describe('refusals appear at the question that causes them', () => {
  it('a second live account on the same platform: at the platform question, with its citation, before the end', async () => {
    const u = jurisdiction('zigong-2021').unit;
    const taken = u.live[0]!;
    await fresh();
    await page.selectOption('#unit', u.id);
    await page.selectOption('#platform', taken.platform);
    const box = page.locator('.findings[data-for="platform"] .finding');
    await expect.poll(async () => (await box.allTextContents()).join('\n'), { timeout: 10_000 }).toContain('依据：');
    const rules = await box.evaluateAll((els) => els.map((e) => e.getAttribute('data-rule')));
    expect(rules.some((r) => r?.endsWith('/one-account-per-platform'))).toBe(true);
    // nothing else was answered yet: the refusal is shown where it arises, not after the last question
    expect(await page.locator('.findings[data-for="decision"] .finding').count()).toBe(0);
  }, 60_000);

  it('one person as both editor and reviewer: at the review question', async () => {
    const u = jurisdiction('zigong-2021').unit;
    const from = u.live[0]!;
    await fresh();
    await page.selectOption('#unit', u.id);
    await page.selectOption('#platform', FREE_PLATFORMS.find((p) => !u.accounts.some((a) => a.platform === p))!);
    await page.selectOption('#teamFrom', from.id);
    const editor = from.team!.operators[0]!.name;
    await page.fill('#editors', editor);
    await page.fill('#reviewers', editor);
    const box = page.locator('.findings[data-for="review"] .finding');
    await expect.poll(async () => (await box.evaluateAll((els) => els.map((e) => e.getAttribute('data-rule')))).join(' '), { timeout: 10_000 }).toMatch(/distinct-review-roles/);
    const shown = await box.evaluateAll((els) => els.filter((e) => e.getAttribute('data-rule')?.endsWith('/distinct-review-roles')).map((e) => [e.getAttribute('data-severity'), e.querySelector('.sev')?.textContent ?? '']));
    expect((await box.allTextContents()).join('')).toContain(editor);
    // the words follow the severity: an error says 不能提交; a warning the assistant still refuses says what it takes, never 不能
    const [severity, words] = shown[0]!;
    expect(words).toBe(severity === 'error' ? '不能提交：' : '须先经主管单位批准例外（本助手暂不生成）：');
  }, 60_000);

  it('the operating mode: 购买服务 asks for the outsourced unit, and the file records it', async () => {
    const u = jurisdiction('zigong-2021').unit;
    await fresh();
    await page.selectOption('#unit', u.id);
    await page.selectOption('#platform', FREE_PLATFORMS.find((p) => !u.accounts.some((a) => a.platform === p))!);
    await page.fill('#name', commonName(u));
    await page.fill('#platformAccountId', `${u.id}-vendor-test`);
    await page.selectOption('#teamFrom', u.live[0]!.id);
    expect(await page.isVisible('#vendor-box')).toBe(false);
    // the question itself is read (the page's header line once had the same id, and hid it)
    await page.selectOption('#mode', '购买服务');
    expect(await page.isVisible('#vendor-box')).toBe(true);
    await page.fill('#vendorName', '某某信息技术有限公司（虚构）');
    await page.fill('#vendorQualification', '互联网新闻信息服务许可');
    if (await page.isVisible('#vendorAgreementDate')) await page.fill('#vendorAgreementDate', '2026-11-02');
    await fillFiling(REASON['开设']);
    const pv = await produce();
    await expectSameAsCi(pv, '自贡 购买服务');
    const doc = JSON.parse(pv.text!) as AccountFile;
    expect(doc.operatingMode).toBe('购买服务');
    expect(doc.vendor).toMatchObject({ name: '某某信息技术有限公司（虚构）', qualifications: ['互联网新闻信息服务许可'] });
    expect(pageErrors).toEqual([]);
  }, 60_000);
});

describe('原则上: the justification is asked where a rule of the jurisdiction needs it, written into the event, and the verdict is CI\'s', () => {
  /** A 六安 city department with no live account: its full name on WeChat breaks 第十三条's pattern and nothing else. */
  function luanDepartment(): UnitInfo {
    const p = policies.find((x) => x.manifest.id.includes('luan-2021'))!;
    const { regions, units } = readRegister(repo.dir);
    const r = regions.find((x) => x.data.policies.includes(p.series))!;
    const unitFile = (u: UnitInfo): UnitFile => JSON.parse(readFileSync(path.join(repo.dir, 'accounts', u.dir, 'unit.json'), 'utf8')) as UnitFile;
    const u = units.filter((x) => x.dir.startsWith(r.id + '/') && x.live.length === 0 && unitFile(x).kind === '政府部门' && unitFile(x).level === '市级').sort((a, b) => a.id.localeCompare(b.id))[0];
    if (!u) throw new Error('no 六安 city department without live accounts in the sample register');
    return u;
  }
  const WHY = '本账号以单位全称命名，便于群众在微信中按单位名称检索办事指引；认证信息标明主办单位。';

  it('none without a rule that needs it; asked at a name held in principle; refused without, produced with it (awaiting the supervising office, routed to it); the same verdicts as check-pr and validate', async () => {
    const u = luanDepartment();
    const short = (JSON.parse(readFileSync(path.join(repo.dir, 'accounts', u.dir, 'unit.json'), 'utf8')) as UnitFile).shortName ?? u.name;
    await fresh();
    await page.selectOption('#unit', u.id);
    await page.selectOption('#platform', '微信公众号');
    await fillLuanTeam(u.name, '局长', '副局长');
    await fillFiling(REASON.开设);
    // a name in the prescribed pattern: nothing to justify, nothing asked
    await page.fill('#name', `六安${short}发布`);
    const ok = await produce();
    expect(ok.verdict, ok.shown).toBe('pass');
    expect(await page.isVisible('#q-justification')).toBe(false);

    // the unit's full name on WeChat: 第十三条 (原则上) — the question appears, naming the article
    await page.fill('#name', u.name);
    const box = page.locator('#q-justification');
    await expect.poll(async () => box.isVisible(), { timeout: 10_000 }).toBe(true);
    expect(await box.getAttribute('data-rules')).toBe('luan-2021-148/naming-convention');
    expect(await page.textContent('#justification-hint')).toContain('六政办秘〔2021〕148号 第十三条');
    const refused = await produce();
    expect(refused.verdict).toBe('fail');
    expect(refused.blocking).toEqual(['luan-2021-148/naming-convention']);
    expect(refused.path, 'nothing produced without a justification').toBeUndefined();
    const at = page.locator('.findings[data-for="name"] .finding[data-justification="missing"]');
    expect(await at.textContent()).toContain('不能提交（确有理由的，可在“例外理由”中写明）');

    await page.fill('#justification', WHY);
    const pv = await produce();
    expect(pv.blocking).toEqual([]);
    expect(await page.getAttribute('#verdict', 'data-awaiting')).toBe('luan-2021-148/naming-convention');
    expect(await page.textContent('#verdict')).toContain('已写明例外理由，须经主管单位在评审中审核同意');
    expect(await page.locator('.findings[data-for="justification"] .finding[data-justification="awaiting"]').count()).toBe(1);
    expect(pv.shown).toContain('待主管单位审核同意例外理由：');
    expect(pv.shown).not.toContain('不能提交');
    const doc = JSON.parse(pv.text!) as AccountFile;
    expect(doc.events[0]).toMatchObject({ type: '开设备案', justification: WHY });
    // CI: fails until the supervising office approves (the same finding), shows the justification and routes it to the office
    const ci = await expectSameAsCi(pv, '六安 开设 with a justification');
    expect(ci.check).toBe('fail');
    expect(ci.justifications).toEqual([WHY]);
    expect(ci.approvalGrounds).toContain('justification');

    // the supervising office approves in the same work: CI passes
    doc.events.push({ type: '主管审核', date: NOW, decision: '同意', reviewer: '六安市人民政府办公室', level: '同级' });
    const approved = await ciVerdict(pv.path!, JSON.stringify(doc, null, 2) + '\n');
    expect(approved.checkRules).not.toContain('luan-2021-148/naming-convention');
    expect(approved.validateRules).not.toContain('luan-2021-148/naming-convention');

    // back to the prescribed name: the typed reason is not needed, and not written
    await page.fill('#name', `六安${short}发布`);
    const again = await produce();
    expect(await page.textContent('#justification-hint')).toContain('所填理由不会写入账号文件');
    expect((JSON.parse(again.text!) as AccountFile).events[0]!.justification).toBeUndefined();
    expect(pageErrors).toEqual([]);
  }, 120_000);
});

describe('变更: the handover facts are asked where a rule of the account\'s region judges them (as govmedia change does)', () => {
  it.each([['六安', 'luan-2021'], ['綦江', 'qijiang'], ['自贡', 'zigong-2021']])('%s', async (label, module) => {
    const j = jurisdiction(module);
    const a = j.unit.live.find((x) => x.team?.operators.length)!;
    const rel = `accounts/${j.unit.dir}/${a.id}.json`;
    // what govmedia change would ask for the same account (scripts/commands/scaffold.ts handoverFactMatters)
    const want: string[] = [];
    for (const f of ['confidentialityUndertaking', 'incomingVetted'] as const) if (await handoverFactMatters(repo.dir, NOW, rel, structuredClone(a), NOW, f)) want.push(f);
    await fresh();
    await page.check('input[name=action][value=变更]');
    await page.selectOption('#unit', j.unit.id);
    await page.selectOption('#account', a.id);
    expect(await page.isVisible('#handover-box')).toBe(false);
    await page.check('#handover');
    expect(await page.getAttribute('#wizard', 'data-handover-asks')).toBe(want.join(' '));
    for (const f of ['confidentialityUndertaking', 'incomingVetted']) expect(await page.isVisible(`#fact-${f}`), `${label}: ${f}`).toBe(want.includes(f));
    await page.selectOption('#handoverLeaving', '0');
    // each operator offered with the post (on the public build the names are stand-ins)
    expect(await page.textContent('#handoverLeaving option[value="0"]')).toBe(`${a.team!.operators[0]!.name}（${a.team!.operators[0]!.position}）`);
    await page.fill('#incoming-name', '戊某（虚构）');
    await page.fill('#incoming-position', `${j.unit.name} 经办人员`);
    await page.fill('#incoming-mobile', '13000000005');
    await page.fill('#incoming-office', '0000-0000005');
    await fillFiling(REASON.变更);
    // an asked fact must be answered
    if (want.length) {
      const pending = await produce();
      expect(pending.verdict).toBe('incomplete');
      expect(await page.textContent('.findings[data-for="handover"]')).toContain('请回答：');
      for (const f of want) await page.selectOption(`#handover-${f}`, 'true');
    }
    // the handover answers are kept in the browser's draft like every other
    await page.reload();
    await page.waitForSelector('body[data-ready="1"]');
    expect(await page.isChecked('#handover')).toBe(true);
    expect(await page.isVisible('#handover-box')).toBe(true);
    expect(await page.inputValue('#handoverLeaving')).toBe('0');
    expect(await page.inputValue('#incoming-name')).toBe('戊某（虚构）');
    for (const f of want) expect(await page.inputValue(`#handover-${f}`)).toBe('true');
    const pv = await produce();
    await expectSameAsCi(pv, `${label} 变更 with a handover`);
    const doc = JSON.parse(pv.text!) as AccountFile;
    const added = doc.events.slice(a.events.length);
    expect(added.map((e) => e.type)).toEqual(['人员交接', '信息报备']);
    const h = added[0]!.handover!;
    expect(h).toMatchObject({ fromRole: '经办人员', toRole: '经办人员', credentialsRotated: true });
    // asked facts are recorded as answered; the others are not recorded (unknown, never invented)
    for (const f of ['confidentialityUndertaking', 'incomingVetted'] as const) expect(h[f], `${label}: ${f}`).toBe(want.includes(f) ? true : undefined);
    expect(doc.team!.operators[0]!.name).toBe('戊某（虚构）');
    expect(pageErrors).toEqual([]);
  }, 90_000);

  it('the two jurisdictions that judge a fact ask it, and differ', async () => {
    // one page, the unit and account changed in turn: the facts asked follow the chosen account
    await fresh();
    const asks = async (module: string): Promise<string> => {
      const j = jurisdiction(module);
      const a = j.unit.live.find((x) => x.team?.operators.length)!;
      await page.check('input[name=action][value=变更]');
      await page.selectOption('#unit', j.unit.id);
      await page.selectOption('#account', a.id);
      await page.check('#handover');
      return (await page.getAttribute('#wizard', 'data-handover-asks')) ?? '';
    };
    expect(await asks('luan-2021')).toContain('incomingVetted');
    expect(await asks('qijiang')).toContain('confidentialityUndertaking');
    expect(await asks('zigong-2021')).toBe('');
  }, 90_000);
});

describe('记录: a password change and kept material as govmedia record writes them; a late change asks for the reason', () => {
  /** A 六安 account whose password changes are recorded, and the date of its last one. */
  function luanRotated(): { unit: UnitInfo; account: AccountFile; last: string } {
    const j = jurisdiction('luan-2021');
    const { units } = readRegister(repo.dir);
    for (const unit of units.filter((u) => u.dir.startsWith(j.region + '/')).sort((a, b) => a.id.localeCompare(b.id))) {
      for (const account of unit.live) {
        const dates = account.events.filter((e) => e.type === '密码更换').map((e) => e.date);
        if (dates.length) return { unit, account, last: dates.sort().at(-1)! };
      }
    }
    throw new Error('no 六安 account with a recorded password change');
  }

  /** Choose 记录, the unit and the account: the questions of a filing are not asked. */
  async function startRecord(unit: UnitInfo, account: AccountFile): Promise<void> {
    await page.check('input[name=action][value=记录]');
    await page.selectOption('#unit', unit.id);
    await page.selectOption('#account', account.id);
    // the intranet build holds the real file: nothing to paste
    for (const q of ['#q-platform', '#q-change', '#q-decision', '#reason', '#paste-box']) expect(await page.isVisible(q), q).toBe(false);
    expect(await page.isVisible('#q-record')).toBe(true);
  }

  it('资料留存 (自贡 第十一条): the stage and where the material is kept; no reason, no unit decision, no filing form; CI agrees', async () => {
    const j = jurisdiction('zigong-2021');
    const a = j.unit.live[0]!;
    await fresh();
    await startRecord(j.unit, a);
    await page.selectOption('#recordType', '资料留存');
    expect(await page.isVisible('#attestedBy')).toBe(false);
    // nothing said of the material yet: asked for, nothing produced
    const pending = await produce();
    expect(pending.verdict).toBe('incomplete');
    expect(await page.textContent('.findings[data-for="record"]')).toContain('请至少填写一项资料的存放位置');
    await page.selectOption('#stage', '开设');
    await page.selectOption('#evidence1-kind', '聊天记录');
    await page.fill('#evidence1-ref', '档案 ZG-2026-031');
    const pv = await produce();
    expect(pv.verdict, pv.shown).toBe('pass');
    await expectSameAsCi(pv, '自贡 资料留存');
    const doc = JSON.parse(pv.text!) as AccountFile;
    expect(doc.events.slice(a.events.length)).toEqual([{ type: '资料留存', date: NOW, action: '开设', evidence: [{ kind: '聊天记录', ref: '档案 ZG-2026-031' }] }]);
    // a record has no filing form to print
    expect(await page.isVisible('#form-frame')).toBe(false);
    expect(await page.isVisible('#print')).toBe(false);
    expect(await page.textContent('#steps')).not.toContain('备案表');
    expect(await page.textContent('#filing-title')).toBe('资料留存记录');
    expect(pageErrors).toEqual([]);
  }, 90_000);

  it('六安 密码更换 on time: the date and the attesting role only, no reason asked; CI agrees', async () => {
    const { unit, account } = luanRotated();
    await fresh();
    await startRecord(unit, account);
    expect(await page.inputValue('#recordType')).toBe('密码更换');
    expect(await page.inputValue('#attestedBy')).toBe('分管负责人');
    const pv = await produce();
    expect(pv.verdict, pv.shown).toBe('pass');
    expect(await page.isVisible('#q-justification')).toBe(false);
    await expectSameAsCi(pv, '六安 密码更换');
    expect((JSON.parse(pv.text!) as AccountFile).events.slice(account.events.length)).toEqual([{ type: '密码更换', date: NOW, attestedBy: '分管负责人' }]);
    expect(pageErrors).toEqual([]);
  }, 90_000);

  it('六安 密码更换 more than 3 months after the last (第三十二条（一）, 原则上): refused without a reason, asked for one, written with it and routed to the supervising office', async () => {
    const { unit, account, last } = luanRotated();
    // the 15th of the fourth month after the last change: past the 3 months whatever the day
    const [y, m] = last.split('-').map(Number) as [number, number];
    const month = m + 4;
    const late = `${y + Math.floor((month - 1) / 12)}-${String(((month - 1) % 12) + 1).padStart(2, '0')}-15`;
    await fresh();
    // the page on that day (its date question starts there); the draft of this flow is cleared at the end
    await page.goto(pageUrl.replace(`now=${NOW}`, `now=${late}`));
    await page.waitForSelector('body[data-ready="1"]');
    await startRecord(unit, account);
    expect(await page.inputValue('#date')).toBe(late);
    const refused = await produce();
    expect(refused.verdict).toBe('fail');
    expect(refused.blocking).toEqual(['luan-2021-148/password-rotation-3-months']);
    expect(refused.path, 'nothing produced without a reason').toBeUndefined();
    expect(refused.shown).toContain(`两次密码更换相隔超过3个月：上次为 ${last}，本次为 ${late}`);
    expect(await page.isVisible('#q-justification')).toBe(true);
    expect(await page.getAttribute('#q-justification', 'data-rules')).toBe('luan-2021-148/password-rotation-3-months');
    expect(await page.textContent('#justification-hint')).toContain('理由写入“密码更换”事件，由主管单位在合并请求的评审中审核同意');
    const WHY = '账号停更期间无人登录，恢复使用当日即更换密码。';
    await page.fill('#justification', WHY);
    const pv = await produce();
    expect(pv.verdict, pv.shown).toBe('pass');
    expect(await page.textContent('#verdict')).toContain('须经主管单位在评审中审核同意');
    expect((JSON.parse(pv.text!) as AccountFile).events.slice(account.events.length)).toEqual([{ type: '密码更换', date: late, attestedBy: '分管负责人', justification: WHY }]);
    const ci = await expectSameAsCi(pv, '六安 迟到的密码更换', late);
    expect(ci.justifications).toEqual([WHY]);
    expect(ci.approvalGrounds).toContain('justification');
    expect(pageErrors).toEqual([]);
    await clearDraft();
  }, 120_000);
});

describe('信息报备: the account\'s team as it is, edited; the file govmedia change writes; not on the public build', () => {
  it('a new mobile for the officer in charge (六安): the team prefilled, one 信息报备 naming the role only; CI agrees', async () => {
    const j = jurisdiction('luan-2021');
    const a = j.unit.live.find((x) => x.team && x.team.operators.length <= 2)!;
    await fresh();
    await page.check('input[name=action][value=报备]');
    await page.selectOption('#unit', j.unit.id);
    await page.selectOption('#account', a.id);
    // the account's team to edit; nothing to reuse, no unit decision, none of a filing's questions
    expect(await page.inputValue('#inCharge-name')).toBe(a.team!.inCharge.name);
    expect(await page.inputValue('#operator1-mobile')).toBe(a.team!.operators[0]!.mobile ?? '');
    expect(await page.inputValue('#editors')).toBe((a.team!.review?.editors ?? []).join('、'));
    for (const q of ['#reuse-box', '#q-decision', '#q-platform', '#q-change', '#q-record']) expect(await page.isVisible(q), q).toBe(false);
    // nothing changed yet: nothing to report, nothing produced
    const same = await produce();
    expect(same.verdict).toBe('incomplete');
    expect(await page.textContent('.findings[data-for="team"]')).toContain('没有要报备的调整');
    // an operator replaced by name: that is a handover, which 变更 records
    await page.fill('#operator1-name', '己某（虚构）');
    expect((await produce()).verdict).toBe('incomplete');
    expect(await page.textContent('.findings[data-for="team"]')).toContain('有经办人员离岗：请改选“变更备案”，勾选“经办人员离岗交接”办理');
    await page.fill('#operator1-name', a.team!.operators[0]!.name);
    await page.fill('#inCharge-mobile', '13000000999');
    const pv = await produce();
    expect(pv.verdict, pv.shown).toBe('pass');
    await expectSameAsCi(pv, '六安 信息报备');
    const doc = JSON.parse(pv.text!) as AccountFile;
    expect(doc.events.slice(a.events.length)).toEqual([{ type: '信息报备', date: NOW, changes: [{ field: '联系电话', from: '分管负责人联系电话（原）', to: '分管负责人联系电话（新）' }] }]);
    const want = structuredClone(a.team!);
    want.inCharge.mobile = '13000000999';
    expect(doc.team).toEqual(want);
    expect(await page.isVisible('#form-frame')).toBe(false);
    expect(await page.textContent('#filing-title')).toBe('信息报备');
    expect(pageErrors).toEqual([]);
    await clearDraft();
  }, 90_000);

  it('the public build, whose people are stand-ins, does not offer it and says where to go', async () => {
    await fresh(publicUrl);
    expect(await page.isDisabled('input[name=action][value=报备]')).toBe(true);
    expect(await page.textContent('#report-choice')).toContain('公开版不含人员信息：请用内网版或命令行 govmedia change 办理');
    await clearDraft();
  }, 60_000);
});
