/**
 * （场景表与运行器；测试文件 text-pr.test.ts 和 text-pr-2.test.ts 各运行一半。）
 * 文字层面的敌意合并请求（真实的临时 Git 仓库上运行 check-pr）：同名和形近仿冒、每一种不可见字符和
 * 形近字、每一种秘密信息形态、每个公开字段中的手机号码/身份证号码/电子邮箱、不可能的日期。每个场景
 * 断言结论（fail 或 pass）和预期的检查结果（规则编号与说明文字）。
 *
 * Hostile pull requests at the level of text, on the real temporary repository of
 * tests/pr-harness.ts: same-name and look-alike impersonation, every invisible and look-alike
 * character the issue lists, every secret shape, personal data in every public field, dates
 * before the floor. Each asserts the verdict and the expected finding (rule id and message).
 */
import { readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { ENGINE_ROOT } from '../../scripts/core/paths.ts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AccountFile } from '../../scripts/generated/types.ts';
import { makeBaseRepo, runScenario, type Repo, type ScenarioRun } from '../pr-harness.ts';

const CDC = 'accounts/sichuan/zigong/zg-scdc/zg-scdc-weixin.json';
const CDC_UNIT = 'accounts/sichuan/zigong/zg-scdc/unit.json';
/** Index of the event a scenario appends to the sample CDC account (its events on the base come first). */
const NEXT = (JSON.parse(readFileSync(path.join(ENGINE_ROOT, CDC), 'utf8')) as AccountFile).events.length;
const NEW = 'accounts/sichuan/zigong/zg-scdc/zg-scdc-douyin.json';
const WJW_DOUYIN = 'accounts/sichuan/zigong/zg-swjw/zg-swjw-douyin.json';
/** A name made of the Han characters the look-alikes imitate (set on the base for those scenarios). */
const BASE_NAME = '口工力二一十丨IIC发布';

/** A new 抖音 account of 自贡市疾控中心 (zg-scdc), a copy of its WeChat account with another name. */
function addDouyin(name: string): (r: Repo) => void {
  return (r) => {
    const a = r.read(CDC);
    a.id = 'zg-scdc-douyin';
    a.name = name;
    a.platform = '抖音';
    delete (a as Partial<AccountFile>).subType;
    r.write(NEW, a);
  };
}
function baseNamed(name: string): (r: Repo) => void {
  return (r) => r.edit(WJW_DOUYIN, (a) => void (a.name = name));
}
/** Append a 信息报备 event with the given note to the CDC's WeChat account. */
function noteEvent(note: string, extra: Record<string, unknown> = {}): (r: Repo) => void {
  return (r) => r.edit(CDC, (a) => void a.events.push({ type: '信息报备', date: '2026-11-19', note, ...extra } as AccountFile['events'][number]));
}
function editCdc(fn: (a: AccountFile) => void): (r: Repo) => void {
  return (r) => r.edit(CDC, fn);
}

interface Scenario {
  name: string;
  steps: ((r: Repo) => void)[];
  prepareMain?: (r: Repo) => void;
  verdict: 'pass' | 'fail';
  /** Findings that must be there: rule id, message text, and the file they name. */
  expect: { ruleId: string; text: string | RegExp; file?: string }[];
  /** Rule ids that must not be there. */
  absent?: string[];
}

export const scenarios: Scenario[] = [];

// ---- 1. impersonation: the same name, or the same name with a look-alike or invisible character
scenarios.push({ name: 'another unit registers “健康自贡” on 抖音 where 自贡市卫健委 has it', steps: [addDouyin('健康自贡')], verdict: 'fail', expect: [{ ruleId: 'register/impersonation', text: '与单位 zg-swjw 在抖音上的账号 zg-swjw-douyin 完全相同', file: NEW }] });
for (const [label, name, code] of [
  ['U+200B zero-width space', '健康自\u200b贡', 'U+200B'],
  ['U+2065 (reserved, default-ignorable)', '健康自贡\u2065', 'U+2065'],
  ['U+1D173 musical symbol begin beam', '健康自\u{1D173}贡', 'U+1D173'],
  ['U+1BCA0 shorthand format letter overlap', '健康\u{1BCA0}自贡', 'U+1BCA0'],
  ['U+13430 Egyptian hieroglyph vertical joiner', '健康\u{13430}自贡', 'U+13430'],
  ['U+2060 word joiner', '健\u2060康自贡', 'U+2060'],
  ['U+FEFF zero-width no-break space', '健康自贡\ufeff', 'U+FEFF'],
  ['U+202E right-to-left override', '\u202e健康自贡', 'U+202E'],
  ['U+3164 Hangul filler', '健康自贡\u3164', 'U+3164'],
  ['U+E0041 tag letter', '健康自贡\u{E0041}', 'U+E0041'],
] as const) {
  scenarios.push({ name: `“健康自贡” with ${label}`, steps: [addDouyin(name)], verdict: 'fail', expect: [{ ruleId: 'register/invisible-char', text: code, file: NEW }, { ruleId: 'register/impersonation', text: '形近', file: NEW }] });
}
for (const [label, from, to, script] of [
  ['Katakana ロ for 口', '口', 'ロ', '日文假名'],
  ['Katakana エ for 工', '工', 'エ', '日文假名'],
  ['Katakana カ for 力', '力', 'カ', '日文假名'],
  ['Katakana ニ for 二', '二', 'ニ', '日文假名'],
  ['Hangul ㅡ for 一', '一', 'ㅡ', '韩文字母'],
  ['Bopomofo ㄧ for 一', '一', 'ㄧ', '注音符号'],
  ['Hangzhou numeral 〸 for 十', '十', '〸', '苏州码子'],
  ['Hangzhou numeral 〡 for 丨', '丨', '〡', '苏州码子'],
  ['Hangul ㅣ for 丨', '丨', 'ㅣ', '韩文字母'],
  ['Roman numeral Ⅱ for II', 'II', 'Ⅱ', '数字形式'],
  ['double-struck ℂ for C', 'C', 'ℂ', '类字母符号'],
  ['full-width Ｃ for C', 'C', 'Ｃ', '全角英文字母'],
  ['Kangxi radical ⼗ for 十', '十', '⼗', '康熙部首'],
] as const) {
  scenarios.push({ name: `look-alike name: ${label}`, prepareMain: baseNamed(BASE_NAME), steps: [addDouyin(BASE_NAME.replace(from, to))], verdict: 'fail', expect: [{ ruleId: 'register/look-alike', text: script, file: NEW }, { ruleId: 'register/impersonation', text: `（“${BASE_NAME}”）形近`, file: NEW }] });
}
scenarios.push({ name: 'a space inside the name still impersonates', steps: [addDouyin('健康 自贡')], verdict: 'fail', expect: [{ ruleId: 'register/impersonation', text: '形近', file: NEW }] });
// (it is still a name that differs from the unit's own account on another platform: 原则上 consistent names, 自府办函〔2021〕62号 第十六条 with 国办发〔2018〕123号; both errors, so the local finding stays and cites both)
scenarios.push({ name: 'the same name on another platform is no impersonation', steps: [addDouyin('健康自贡'), (r) => r.edit(NEW, (a) => void (a.platform = '快手'))], verdict: 'fail', expect: [{ ruleId: 'zigong-2021-62/consistent-names-across-platforms', text: '不一致', file: CDC }], absent: ['register/impersonation'] });
scenarios.push({
  name: 'renaming an account to another unit’s name on the same platform',
  steps: [editCdc((a) => void (a.name = '健康自贡'))],
  prepareMain: (r) => r.edit(CDC, (a) => void (a.platform = '微信公众号')),
  verdict: 'fail',
  expect: [{ ruleId: 'register/impersonation', text: '与单位 zg-swjw 在微信公众号上的账号 zg-swjw-weixin 完全相同', file: CDC }],
});

// ---- 2. invisible and look-alike characters in every field a person or the public reads
for (const [field, fn] of [
  ['platformAccountId', (a: AccountFile) => void (a.platformAccountId = 'zgcdc\u2065')],
  ['operatingUnit', (a: AccountFile) => void (a.operatingUnit = '自贡市疾病预防\u200b控制中心')],
  ['an operator’s name', (a: AccountFile) => void (a.team!.operators[0]!.name = '甲乙某\u200d（虚构）')],
  ['an operator’s position', (a: AccountFile) => void (a.team!.operators[0]!.position = '经办\u{1D173}人员')],
  ['a reviewer in team.review', (a: AccountFile) => void (a.team!.review!.reviewers![0] = '亥某某\u{13430}（虚构）')],
  ['tags', (a: AccountFile) => void (a.tags = ['疾控\u{1BCA0}'])],
  ['certification.publicInfo', (a: AccountFile) => void (a.certification!.publicInfo = '自贡市疾病预防控制中心\u2066官方账号')],
  ['certifiedEntity.name', (a: AccountFile) => void (a.certifiedEntity!.name = '自贡市疾病预防控制中心\u00ad')],
] as const) {
  scenarios.push({ name: `invisible character in ${field}`, steps: [editCdc(fn)], verdict: 'fail', expect: [{ ruleId: 'register/invisible-char', text: /U\+(2065|200B|200D|1D173|13430|1BCA0|2066|00AD)/, file: CDC }] });
}
scenarios.push({ name: 'invisible character in a new event’s reason', steps: [noteEvent('按要求报备', { reason: '运营\u2065调整' })], verdict: 'fail', expect: [{ ruleId: 'register/invisible-char', text: `字段 events.${NEXT}.reason`, file: CDC }] });
scenarios.push({ name: 'Cyrillic look-alike in a new event’s note', steps: [noteEvent('账号运营正常，已完成 аудит')], verdict: 'fail', expect: [{ ruleId: 'register/look-alike', text: '西里尔字母', file: CDC }] });
scenarios.push({ name: 'invisible character in the unit’s name', steps: [(r) => r.edit<{ name: string }>(CDC_UNIT, (u) => void (u.name = '自贡市疾病预防\u200b控制中心'))], verdict: 'fail', expect: [{ ruleId: 'register/invisible-char', text: 'U+200B', file: CDC_UNIT }] });
scenarios.push({ name: 'Katakana in the unit’s short name', steps: [(r) => r.edit<{ shortName?: string }>(CDC_UNIT, (u) => void (u.shortName = '自贡疾控中心ロ'))], verdict: 'fail', expect: [{ ruleId: 'register/look-alike', text: '日文假名', file: CDC_UNIT }] });

// ---- 3. secrets in a new event's note
for (const [label, note, text] of [
  ['密码 Abc12345xyz', '已更换，新密码 Abc12345xyz', '密码或口令'],
  ['登录密码：', '登录密码：Zg2026abc', '密码或口令'],
  ['密 码：(spaced)', '密 码：Zg123456', '密码或口令'],
  ['密碼 (traditional)', '密碼：Zg123456', '密码或口令'],
  ['full-width Ｐａｓｓｗｏｒｄ', 'Ｐａｓｓｗｏｒｄ：Ａｂｃ１２３４５', '密码或口令'],
  ['WeChat EncodingAESKey (43 characters)', 'EncodingAESKey abcdefghijklmnopqrstuvwxyzABCDEFGHIJ0123456', '43 位消息加解密密钥'],
  ['AppSecret-like 32 hex digits', '开发者 0123456789abcdef0123456789abcdef', '32 位十六进制串'],
  ['long hex token (48 digits)', '接口凭据 0123456789abcdef0123456789abcdef0123456789abcdef', '长十六进制令牌'],
  ['long base64 token', '凭据 dGhpcyBpcyBhIHNlY3JldCB0b2tlbiBmb3IgdGVzdGluZzEyMw==', '长 Base64 令牌'],
  ['验证码：482913', '平台验证码：482913', '验证码或授权码'],
  ['access_token in a link', '接口 https://api.example.cn/x?access_token=AbCd1234EfGh5678', '密码或口令'],
  ['GitHub token', 'ghp_abcdefghijklmnopqrstuvwxyz0123456789', 'GitHub 令牌'],
] as const) {
  scenarios.push({ name: `secret in a note: ${label}`, steps: [noteEvent(note)], verdict: 'fail', expect: [{ ruleId: 'register/secret', text: text, file: CDC }] });
}

// ---- 4. personal data in public fields
const PII = [
  ['mobile', '13812345678', '手机号码'],
  ['ID number', '11010519491231002X', '居民身份证号码'],
  ['e-mail', 'someone@example.com', '电子邮箱地址'],
] as const;
for (const [shape, value, label] of PII) {
  for (const [field, fn, path] of [
    ['platformAccountId', (a: AccountFile) => void (a.platformAccountId = `zgcdc ${value}`), 'platformAccountId'],
    ['operatingUnit', (a: AccountFile) => void (a.operatingUnit = `自贡市疾病预防控制中心（联系 ${value}）`), 'operatingUnit'],
    ['vendor.name', (a: AccountFile) => void (a.vendor = { name: `某某科技有限公司 ${value}` } as AccountFile['vendor']), 'vendor.name'],
    ['urls.homepage', (a: AccountFile) => void (a.urls = { homepage: `https://www.zgcdc.example.cn/?c=${value}` }), 'urls.homepage'],
    ['tags', (a: AccountFile) => void (a.tags = [`联系${value}`]), 'tags.0'],
  ] as const) {
    scenarios.push({ name: `${shape} in ${field}`, steps: [editCdc(fn)], verdict: 'fail', expect: [{ ruleId: 'register/personal-data', text: `字段 ${path} 中有${label}`, file: CDC }] });
  }
  scenarios.push({ name: `${shape} in a new event’s note`, steps: [noteEvent(`如有疑问请联系 ${value}`)], verdict: 'fail', expect: [{ ruleId: 'register/personal-data', text: `字段 events.${NEXT}.note 中有${label}`, file: CDC }] });
  scenarios.push({ name: `${shape} in a change filing’s description`, steps: [noteEvent('变更运营单位', { type: '变更备案', changes: [{ field: '运营单位', from: '自贡市疾病预防控制中心', to: `某某公司 ${value}` }] })], verdict: 'fail', expect: [{ ruleId: 'register/personal-data', text: `字段 events.${NEXT}.changes.0.to 中有${label}`, file: CDC }] });
}
scenarios.push({ name: 'a mobile number written with separators and +86', steps: [editCdc((a) => void (a.operatingUnit = '自贡市疾控中心 +86 138-1234-5678'))], verdict: 'fail', expect: [{ ruleId: 'register/personal-data', text: '手机号码', file: CDC }] });
scenarios.push({ name: 'a staff mobile in the team section is allowed', steps: [editCdc((a) => void (a.team!.operators[0]!.mobile = '13000000099'))], verdict: 'pass', expect: [], absent: ['register/personal-data', 'register/secret'] });

// ---- 5. dates before the floor
scenarios.push({ name: 'an event dated 0000-01-01', steps: [noteEvent('补记', { date: '0000-01-01' })], verdict: 'fail', expect: [{ ruleId: 'register/implausible-date', text: '日期 0000-01-01 早于 2000-01-01', file: CDC }] });
scenarios.push({ name: 'a new account opened in 1999', steps: [addDouyin('自贡疾控'), (r) => r.edit(NEW, (a) => void (a.events[0]!.date = '1999-12-31'))], verdict: 'fail', expect: [{ ruleId: 'register/implausible-date', text: '1999-12-31', file: NEW }] });

// ---- 6. ordinary Chinese notes pass
scenarios.push({ name: 'an ordinary note (dates, 文号, a link, an account id) passes the text checks', steps: [noteEvent('依据自府办函〔2021〕62号，于2026年11月19日完成账号信息核对，见 https://mp.weixin.qq.com/s/Ab3dEfGh1jKlMnOpQrStUv，原始ID gh_3f2a1b4c5d6e。', { changes: [{ field: '其他', from: '账号简介（旧）', to: '账号简介（新）' }] })], verdict: 'pass', expect: [], absent: ['register/secret', 'register/personal-data', 'register/invisible-char', 'register/look-alike', 'register/implausible-date'] });

let repo: Repo;

function show(run: ScenarioRun): string {
  return JSON.stringify(run.json.findings.map((f) => `${f.ruleId} ${f.file}:${f.line}:${f.column} ${f.message}`), null, 1);
}

/**
 * Run part `part` (0-based) of `parts` of the scenarios, every parts-th one, in a test file of its
 * own: the files run in parallel workers, each on its own temporary repository.
 */
export function runTextScenarios(part: number, parts: number): void {
  beforeAll(async () => {
    repo = await makeBaseRepo();
  }, 300_000);
  afterAll(() => {
    if (repo) rmSync(repo.dir, { recursive: true, force: true });
  });
  describe('hostile text in pull requests', () => {
    if (part === 0) {
      it('has at least 50 scenarios, each named once', () => {
        expect(scenarios.length).toBeGreaterThanOrEqual(50);
        expect(new Set(scenarios.map((s) => s.name)).size).toBe(scenarios.length);
      });
    }
    for (const s of scenarios.filter((_, i) => i % parts === part)) {
      it(s.name, async () => {
        const run = await runScenario(repo, s.steps, s.prepareMain ? { prepareMain: s.prepareMain } : {});
        expect(run.err).toBe('');
        expect(run.out).not.toMatch(/\n\s+at \S/);
        for (const e of s.expect) {
          const hit = run.json.findings.find((f) => f.ruleId === e.ruleId && (typeof e.text === 'string' ? f.message.includes(e.text) : e.text.test(f.message)) && (e.file === undefined || f.file === e.file));
          expect(hit, `expected ${e.ruleId} “${String(e.text)}”; got ${show(run)}`).toBeDefined();
          expect(hit!.line).toBeGreaterThanOrEqual(1);
          expect(hit!.column).toBeGreaterThanOrEqual(1);
          expect(hit!.citation, `${e.ruleId} cites a document`).toBeTruthy();
        }
        for (const r of s.absent ?? []) expect(run.json.findings.filter((f) => f.ruleId === r), show(run)).toEqual([]);
        expect(run.json.verdict, show(run)).toBe(s.verdict);
        expect(run.code).toBe(s.verdict === 'fail' ? 1 : 0);
      }, 120_000);
    }
  });
}
