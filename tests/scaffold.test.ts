/**
 * 向导（govmedia new / backfill / change / close）：在样例登记簿的副本上真实运行，
 * 写出的文件用真实的引擎检查；违反办法的修改必须被拒绝且不写任何文件；
 * 交互通过注入的提问函数驱动，另有一次经伪终端（util-linux script）的真实交互。
 *
 * The scaffolder on a copy of the sample register: files it writes must validate clean with the
 * real engine; what the measures forbid is refused with nothing written; interactive runs are
 * driven through injected prompt functions, plus one real run through a pseudo-terminal.
 */
import { spawn, spawnSync } from 'node:child_process';
import { cpSync, existsSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { validateSource } from '../scripts/pipeline/pipeline.ts';
import { cmdBackfill, cmdChange, cmdClose, cmdNew, handoverFactMatters, type ScaffoldDeps } from '../scripts/commands/scaffold.ts';
import { ENGINE_ROOT } from '../scripts/core/paths.ts';
import { FsSource } from '../scripts/core/source.ts';
import type { AccountFile } from '../scripts/generated/types.ts';
import type { Prompts } from '../scripts/scaffold/prompts.ts';
import { captureIo, tmpDir } from './helpers.ts';

const NOW = '2026-11-23'; // a Monday; the sample register's last event is 2026-11-19
const SCHEMA4 = '../../../../schemas/account.schema.json';

const made: string[] = [];
afterAll(() => {
  for (const d of made) rmSync(d, { recursive: true, force: true });
});

function copyRegister(): string {
  const dir = tmpDir('govmedia-scaffold-');
  made.push(dir);
  cpSync(path.join(ENGINE_ROOT, 'accounts'), path.join(dir, 'accounts'), { recursive: true });
  return dir;
}

/** Every file under accounts/ with its content, to prove nothing was written. */
function snapshot(root: string): Map<string, string> {
  const out = new Map<string, string>();
  const walk = (d: string): void => {
    for (const n of readdirSync(d)) {
      const p = path.join(d, n);
      if (statSync(p).isDirectory()) walk(p);
      else out.set(path.relative(root, p), readFileSync(p, 'utf8'));
    }
  };
  walk(path.join(root, 'accounts'));
  return out;
}

type Cmd = (args: string[], io: { out(s: string): void; err(s: string): void }, deps?: ScaffoldDeps) => Promise<number>;

async function run(cmd: Cmd, args: string[], deps: ScaffoldDeps = {}): Promise<{ code: number; out: string; err: string }> {
  return captureIo((io) => cmd(args, io, deps));
}

function readJson(root: string, rel: string): AccountFile {
  return JSON.parse(readFileSync(path.join(root, rel), 'utf8')) as AccountFile;
}

/** The engine's findings for one file, and the register's errors overall. */
async function judge(root: string, rel: string): Promise<{ file: string[]; errors: string[] }> {
  const r = await validateSource(new FsSource(root), { now: NOW });
  const fmt = (f: (typeof r.findings)[number]): string => `${f.file}:${f.line} ${f.severity} ${f.ruleId} ${f.message.zh}`;
  return { file: r.findings.filter((f) => f.file === rel).map(fmt), errors: r.findings.filter((f) => f.severity === 'error').map(fmt) };
}

// ---- the team of 自贡市住房公积金管理中心 (zg-zfgjj), fictitious as in the sample register
const GJJ = '自贡市住房公积金管理中心';
const TEAM = [
  '--principal', `巳某某（虚构）,${GJJ} 主要负责人,0000-0000019,13000000019`,
  '--in-charge', `午某某（虚构）,${GJJ} 分管负责人,0000-0000020,13000000020`,
  '--section-head', `未某某（虚构）,${GJJ}综合科负责人,0000-0000021,13000000021`,
  '--operator', `申某某（虚构）,${GJJ}综合科 经办人员,0000-0000022,13000000022`,
  '--editor', '申某某（虚构）', '--reviewer', '未某某（虚构）', '--final-approver', '午某某（虚构）',
];
const REASON = '以短视频形式解读住房公积金政策、提示办事流程。信息来源为中心各科室和各管理部，由综合科专人负责制作发布，每周更新不少于1次。';
const base = (root: string): string[] => ['--root', root, '--now', NOW];

/** A 六安 opening whose name breaks 第十三条's pattern (原则上): 六安市人力资源和社会保障局 has no live account. */
const LA_RSJ = (root: string): string[] => [
  '--root', root, '--now', NOW, '--unit', 'la-rsj', '--platform', '微信公众号', '--sub-type', '订阅号', '--name', '六安市人力资源和社会保障局', '--functions', '信息发布,办事服务',
  '--principal', '酉某某（虚构）,六安市人力资源和社会保障局 局长,0000-0000131,13000000131',
  '--in-charge', '戌某某（虚构）,六安市人力资源和社会保障局 副局长,0000-0000132,13000000132',
  '--section-head', '亥某某（虚构）,六安市人力资源和社会保障局 办公室主任,0000-0000133,13000000133',
  '--operator', '子某某（虚构）,六安市人力资源和社会保障局 办公室科员,0000-0000134,13000000134',
  '--editor', '子某某（虚构）', '--reviewer', '亥某某（虚构）', '--final-approver', '戌某某（虚构）',
  '--reason', '发布人力资源和社会保障政策，提供就业社保办事指引。信息来源为局各科室，由办公室专人负责更新。',
];
const LA_JUSTIFICATION = '本账号以单位全称命名，便于群众在微信中按单位名称检索办事指引；认证信息标明主办单位。';
const JUSTIFICATION_QUESTION = '例外理由（写明为什么确需这样办理，将写入备案事件并由主管单位审核；没有理由请留空，本次不写入）';

describe('govmedia new (non-interactive)', () => {
  it('writes a clean account file with a 开设备案 first event, and prints dated next steps and the git commands', async () => {
    const root = copyRegister();
    const r = await run(cmdNew, [...base(root), '--unit', 'zg-zfgjj', '--platform', '抖音', '--name', '自贡住房公积金', ...TEAM, '--reason', REASON, '--yes']);
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    const rel = 'accounts/sichuan/zigong/zg-zfgjj/zg-zfgjj-douyin.json';
    const a = readJson(root, rel);
    expect(a.$schema).toBe(SCHEMA4);
    expect(a).toMatchObject({ id: 'zg-zfgjj-douyin', name: '自贡住房公积金', platform: '抖音', hostUnit: 'zg-zfgjj', contentType: '音视频', operatingMode: '自营', certifiedEntity: { name: GJJ, category: '承担行政职能的事业单位', unit: 'zg-zfgjj' } });
    expect(a.events).toEqual([{ type: '开设备案', date: NOW, reason: REASON, unitDecision: { decision: '同意', date: NOW, by: '主要负责人' } }]);
    expect(a.team!.review).toEqual({ editors: ['申某某（虚构）'], reviewers: ['未某某（虚构）'], finalApprovers: ['午某某（虚构）'] });
    expect(await judge(root, rel)).toEqual({ file: [], errors: [] });
    // 自贡 第七条（三）：5 working days for the supervisor's review: Mon 11-23 → Mon 11-30
    expect(r.out).toContain('请于 2026-11-30 前取得主管单位的审核意见（主管审核）（自府办函〔2021〕62号 第七条（三）、第八条）');
    expect(r.out).toContain('govmedia form zg-zfgjj-douyin');
    expect(r.out).toContain('git checkout -b 开设-zg-zfgjj-douyin');
    expect(r.out).toContain(`git add ${rel}`);
    expect(r.out).toContain('git commit -m "开设备案：自贡住房公积金（抖音）"');
    expect(r.out).toContain('git push -u origin HEAD');
    expect(r.out).toContain('合并请求');
  });

  it('reports bad input as a usage error in Chinese, exit 2, nothing written', async () => {
    const root = copyRegister();
    const before = snapshot(root);
    const bad = TEAM.map((x) => x.replace('13000000022', '1300000002'));
    const r = await run(cmdNew, [...base(root), '--unit', 'zg-zfgjj', '--platform', '抖音', '--name', '自贡住房公积金', ...bad, '--reason', REASON, '--yes']);
    expect(r.code).toBe(2);
    expect(r.err).toContain('用法错误');
    expect(r.err).toContain('11 位数字');
    const r2 = await run(cmdNew, [...base(root), '--unit', 'zg-zfgjj', '--platform', '抖音', '--name', '自贡住房公积金', ...TEAM, '--yes']);
    expect(r2.code).toBe(2);
    expect(r2.err).toContain('缺少参数 --reason');
    const r3 = await run(cmdNew, [...base(root), '--unit', 'zg-zfgjj', '--platform', '抖音', '--name', '自贡住房公积金', ...TEAM, '--reason', REASON, '--date', '2026-02-30', '--yes']);
    expect(r3.code).toBe(2);
    expect(r3.err).toContain('不是有效的日期');
    const r4 = await run(cmdNew, [...base(root), '--unit', 'zg-zfgjj', '--platform', '抖音', '--id', 'ZG_Douyin', '--name', '自贡住房公积金', ...TEAM, '--reason', REASON, '--yes']);
    expect(r4.code).toBe(2);
    expect(r4.err).toContain('小写字母、数字和连字符');
    expect(snapshot(root)).toEqual(before);
  });
});

describe('refusals: exit 1, nothing written', () => {
  it('a second live account of the unit on the same platform (one-account-per-platform)', async () => {
    const root = copyRegister();
    const before = snapshot(root);
    const r = await run(cmdNew, [...base(root), '--unit', 'zg-zfgjj', '--platform', '微信公众号', '--sub-type', '服务号', '--name', '自贡住房公积金', ...TEAM, '--reason', REASON, '--yes']);
    expect(r.code).toBe(1);
    expect(r.err).toContain('不能写入');
    // 自贡 and 国办发〔2018〕123号 (bound at the root) both read 原则上 as an error without an approved justification:
    // one finding (the local rule's), both citations
    expect(r.err).toContain('zigong-2021-62/one-account-per-platform');
    expect(r.err).toContain('国办发〔2018〕123号 四、（一）开设整合');
    expect(r.err).toContain('自府办函〔2021〕62号 第六条、第十三条（一）');
    expect(r.err).toContain('已有账号“自贡住房公积金”');
    expect(snapshot(root)).toEqual(before);
    // in English as well
    const en = await run(cmdNew, [...base(root), '--lang', 'en', '--unit', 'zg-zfgjj', '--platform', '微信公众号', '--sub-type', '服务号', '--name', '自贡住房公积金', ...TEAM, '--reason', REASON, '--yes']);
    expect(en.code).toBe(1);
    expect(en.err).toContain('Refused');
    expect(en.err).toContain('already has the 微信公众号 account');
  });

  it('one person as editor and final approver (distinct-review-roles): an error in 自贡 (分级审核) and in 六安 (严禁自编自审自发)', async () => {
    const root = copyRegister();
    const before = snapshot(root);
    const same = TEAM.map((x) => (x === '午某某（虚构）' ? '申某某（虚构）' : x));
    const r = await run(cmdNew, [...base(root), '--unit', 'zg-zfgjj', '--platform', '抖音', '--name', '自贡住房公积金', ...same, '--reason', REASON, '--yes']);
    expect(r.code).toBe(1);
    expect(r.err).toContain('zigong-2021-62/distinct-review-roles');
    expect(r.err).toContain('同时担任编辑（初审）和终审');
    expect(r.err).toContain('自府办函〔2021〕62号 第二十条');
    const la = [
      '--principal', '酉某某（虚构）,六安市人力资源和社会保障局 局长,0000-0000131,13000000131',
      '--in-charge', '戌某某（虚构）,六安市人力资源和社会保障局 副局长,0000-0000132,13000000132',
      '--section-head', '亥某某（虚构）,六安市人力资源和社会保障局 办公室主任,0000-0000133,13000000133',
      '--operator', '子某某（虚构）,六安市人力资源和社会保障局 办公室科员,0000-0000134,13000000134',
      '--editor', '子某某（虚构）', '--reviewer', '亥某某（虚构）', '--final-approver', '子某某（虚构）',
    ];
    const r2 = await run(cmdNew, [...base(root), '--unit', 'la-rsj', '--platform', '微信公众号', '--name', '六安市人社局发布', ...la, '--reason', '发布人社政策。信息来源为局各科室，由办公室专人负责更新。', '--yes']);
    expect(r2.code).toBe(1);
    expect(r2.err).toContain('luan-2021-148/distinct-review-roles');
    expect(r2.err).toContain('六政办秘〔2021〕148号 第二十二条');
    expect(snapshot(root)).toEqual(before);
  });

  it('changing or closing a closed account', async () => {
    const root = copyRegister();
    const before = snapshot(root);
    const r = await run(cmdChange, ['zg-swjw-toutiao', ...base(root), '--name', '健康自贡头条', '--reason', '更名。', '--yes']);
    expect(r.code).toBe(1);
    expect(r.err).toContain('不能变更');
    expect(r.err).toContain('已关停');
    expect(r.err).toContain('国办发〔2018〕123号');
    const r2 = await run(cmdChange, ['zg-swjw-toutiao', ...base(root), '--phone', '主要负责人=0000-0000099', '--yes']);
    expect(r2.code).toBe(1);
    const r3 = await run(cmdClose, ['zg-swjw-toutiao', ...base(root), '--reason', '重复关停。', '--yes']);
    expect(r3.code).toBe(1);
    expect(r3.err).toContain('不能关停');
    expect(snapshot(root)).toEqual(before);
  });

  it('replacing the operator without re-assigning the review chain the operator was in is a usage error', async () => {
    const root = copyRegister();
    const before = snapshot(root);
    const r = await run(cmdChange, ['zg-zfgjj-weixin', ...base(root), '--operator', `酉某某（虚构）,${GJJ}综合科 经办人员,0000-0000023,13000000023`, '--credentials-rotated', '--yes']);
    expect(r.code).toBe(2);
    expect(r.err).toContain('审核分工中的“申某某（虚构）”已不在管理队伍中');
    expect(snapshot(root)).toEqual(before);
  });

  it('an unknown account id is a usage error', async () => {
    const root = copyRegister();
    const r = await run(cmdClose, ['zg-zfgjj-weixn', ...base(root), '--reason', '整合。', '--yes']);
    expect(r.code).toBe(2);
    expect(r.err).toContain('没有编号为“zg-zfgjj-weixn”的账号');
  });
});

describe('govmedia backfill / change / close (non-interactive)', () => {
  it('backfill: first event 补录备案, the platform opening date and certification recorded', async () => {
    const root = copyRegister();
    const r = await run(cmdBackfill, [...base(root), '--unit', 'zg-zfgjj', '--platform', '抖音', '--name', '自贡住房公积金', ...TEAM, '--opened', '2020-02-03', '--certification', '已认证', '--public-info', GJJ, '--homepage', 'https://www.douyin.com/user/zg-zfgjj-example', '--reason', '该账号于2020年开通，一直未备案；经清理核查确需保留，现补录。' + REASON, '--yes']);
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    const rel = 'accounts/sichuan/zigong/zg-zfgjj/zg-zfgjj-douyin.json';
    const a = readJson(root, rel);
    expect(a.$schema).toBe(SCHEMA4);
    // the platform opening date is an event of its own (平台注册), not a note
    expect(a.events).toHaveLength(2);
    expect(a.events[0]).toEqual({ type: '平台注册', date: '2020-02-03' });
    expect(a.events[1]).toMatchObject({ type: '补录备案', date: NOW, unitDecision: { decision: '同意', by: '主要负责人' } });
    expect(a.events[1]!.note).toBeUndefined();
    expect(a.certification).toEqual({ status: '已认证', publicInfo: GJJ });
    expect(a.urls).toEqual({ homepage: 'https://www.douyin.com/user/zg-zfgjj-example' });
    expect(await judge(root, rel)).toEqual({ file: [], errors: [] });
    expect(r.out).toMatch(/请于 2026-11-30 前取得主管单位的审核意见/);
    expect(r.out).toContain('git checkout -b 补录-zg-zfgjj-douyin');
    expect(r.out).toContain('git commit -m "补录备案：自贡住房公积金（抖音）"');
  });

  it('change name: appends 变更备案 (由…变更为…), applies the new name, keeps past events', async () => {
    const root = copyRegister();
    const rel = 'accounts/sichuan/zigong/zg-zfgjj/zg-zfgjj-weixin.json';
    const old = readJson(root, rel);
    const r = await run(cmdChange, ['zg-zfgjj-weixin', ...base(root), '--name', '自贡公积金', '--reason', '简化账号名称，便于群众检索。', '--yes']);
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    const a = readJson(root, rel);
    expect(a.name).toBe('自贡公积金');
    expect(a.events.slice(0, old.events.length)).toEqual(old.events);
    expect(a.events.slice(old.events.length)).toEqual([
      { type: '变更备案', date: NOW, reason: '简化账号名称，便于群众检索。', unitDecision: { decision: '同意', date: NOW, by: '主要负责人' }, changes: [{ field: '账号名称', from: '自贡住房公积金', to: '自贡公积金' }], stillSupervised: true },
    ]);
    expect(await judge(root, rel)).toEqual({ file: [], errors: [] });
    // 第十七条（三）: 3 working days after the platform change — dated as an example from today
    expect(r.out).toContain('“平台变更”办结后3个工作日内完成全国政务新媒体报送系统填报（自府办函〔2021〕62号 第十七条（三））；例如 2026-11-23 办结，则最晚 2026-11-26');
    expect(r.out).toContain('git checkout -b 变更-zg-zfgjj-weixin');
    expect(r.out).toContain('git commit -m "变更备案：自贡住房公积金（微信公众号）更名为自贡公积金"');
  });

  it('change host unit: moves the file to the new unit folder, id unchanged, 主办单位 change filed', async () => {
    const root = copyRegister();
    const from = 'accounts/sichuan/zigong/zg-swjw/zg-swjw-douyin.json';
    const to = 'accounts/sichuan/zigong/zg-scdc/zg-swjw-douyin.json';
    const old = readJson(root, from);
    const r = await run(cmdChange, ['zg-swjw-douyin', ...base(root), '--host-unit', 'zg-scdc', '--certified-entity', '自贡市疾病预防控制中心', '--name', '自贡疾控', '--reason', '健康科普短视频工作划归市疾控中心承办，账号随之移交。', '--yes']);
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    expect(existsSync(path.join(root, from))).toBe(false);
    const a = readJson(root, to);
    expect(a.id).toBe('zg-swjw-douyin');
    expect(a.$schema).toBe(SCHEMA4);
    expect(a.hostUnit).toBe('zg-scdc');
    expect(a.certifiedEntity).toEqual({ name: '自贡市疾病预防控制中心', category: '部门下属单位', unit: 'zg-scdc' });
    expect(a.events.slice(0, old.events.length)).toEqual(old.events);
    const ev = a.events[old.events.length]!;
    expect(ev.type).toBe('变更备案');
    expect(ev.changes).toEqual([
      { field: '主办单位', from: '自贡市卫生健康委员会', to: '自贡市疾病预防控制中心' },
      { field: '账号名称', from: '健康自贡', to: '自贡疾控' },
      { field: '认证主体', from: '自贡市卫生健康委员会', to: '自贡市疾病预防控制中心' },
      { field: '认证主体分类', from: '政府部门', to: '部门下属单位' },
    ]);
    expect(await judge(root, to)).toEqual({ file: [], errors: [] });
    expect(r.out).toContain(`git add -A -- ${to} ${from}`);
    expect(r.out).toContain('git checkout -b 变更-zg-swjw-douyin');
    // the review the open filing still waits for keeps its date (5 working days from 11-16)
    expect(r.out).toMatch(/\d{4}-\d{2}-\d{2}/);
  });

  it('non-key staff change: updates the team, appends 人员交接 and 信息报备 naming roles only', async () => {
    const root = copyRegister();
    const rel = 'accounts/sichuan/zigong/zg-zfgjj/zg-zfgjj-weixin.json';
    const old = readJson(root, rel);
    const r = await run(cmdChange, ['zg-zfgjj-weixin', ...base(root), '--operator', `酉某某（虚构）,${GJJ}综合科 经办人员,0000-0000023,13000000023`, '--editor', '酉某某（虚构）', '--phone', '分管负责人=0000-0000030,13000000030', '--credentials-rotated', '--yes']);
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    const a = readJson(root, rel);
    expect(a.name).toBe(old.name);
    expect(a.team!.operators.map((p) => p.name)).toEqual(['酉某某（虚构）']);
    expect(a.team!.inCharge).toMatchObject({ name: '午某某（虚构）', officePhone: '0000-0000030', mobile: '13000000030' });
    expect(a.team!.review?.editors).toEqual(['酉某某（虚构）']);
    const added = a.events.slice(old.events.length);
    expect(added.map((e) => e.type)).toEqual(['人员交接', '信息报备']);
    expect(added[0]!.handover).toEqual({ fromRole: '经办人员', toRole: '经办人员', credentialsRotated: true });
    expect(added[1]!.changes).toEqual([
      { field: '联系电话', from: '分管负责人联系电话（原）', to: '分管负责人联系电话（新）' },
      { field: '管理队伍', from: '经办人员（原 1 人）', to: '经办人员（调整后 1 人）' },
      { field: '管理队伍', from: '内容审核分工（原）', to: '内容审核分工（调整后）' },
    ]);
    expect(JSON.stringify(added)).not.toMatch(/虚构|1300000/);
    expect(await judge(root, rel)).toEqual({ file: [], errors: [] });
    expect(r.out).toContain('全国政务新媒体报送系统');
    expect(r.out).toContain('git checkout -b 报备-zg-zfgjj-weixin');
    expect(r.out).toContain('git commit -m "信息报备：自贡住房公积金（微信公众号）"');
    expect(r.out).toContain('git push -u origin HEAD');
  });

  it('close: appends 关停备案 and dates the announcement (自贡 第九条（二）: 7 days)', async () => {
    const root = copyRegister();
    const rel = 'accounts/sichuan/zigong/zg-zfgjj/zg-zfgjj-weixin.json';
    const old = readJson(root, rel);
    const r = await run(cmdClose, ['zg-zfgjj-weixin', ...base(root), '--reason', '与市住房公积金服务平台功能重复，按集约节约原则整合后关停。', '--yes']);
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    const a = readJson(root, rel);
    expect(a.events.slice(0, old.events.length)).toEqual(old.events);
    expect(a.events.slice(old.events.length)).toEqual([{ type: '关停备案', date: NOW, reason: '与市住房公积金服务平台功能重复，按集约节约原则整合后关停。', unitDecision: { decision: '同意', date: NOW, by: '主要负责人' } }]);
    expect(await judge(root, rel)).toEqual({ file: [], errors: [] });
    expect(r.out).toContain('请于 2026-11-30 前发布注销公告（自府办函〔2021〕62号 第九条（二））');
    expect(r.out).toContain('git checkout -b 关停-zg-zfgjj-weixin');
    expect(r.out).toContain('git commit -m "关停备案：自贡住房公积金（微信公众号）"');
  });
});

// ------------------------------------------------------------ interactive, through the prompt API

type Cfg = Record<string, unknown>;
type Answer = unknown | ((config: Cfg) => unknown) | { invalid: string[]; then?: unknown };

/**
 * Prompt functions that answer from a script keyed by the question's text. An unscripted question
 * takes its default (or fails the test). `{ invalid, then }` first types the invalid values into
 * the prompt's own validator (as a user would) and records the messages it shows.
 */
/** Questions added since the scripts were written, answered the same way unless a script says otherwise. */
const LATER_QUESTIONS: [RegExp, Answer][] = [
  [/选用本单位其他账号已登记的人员，或新填一位$/, '\u0000new'],
  [/^账号主页地址/, ''],
  [/^平台账号 ID/, ''],
  [/^由谁同意/, '主要负责人'],
];

function scripted(script: [RegExp, Answer][]): { prompts: Prompts; asked: { kind: string; message: string }[]; rejected: string[] } {
  const asked: { kind: string; message: string }[] = [];
  const rejected: string[] = [];
  const take = async (kind: string, cfg: Record<string, unknown>): Promise<unknown> => {
    const message = String(cfg.message);
    asked.push({ kind, message });
    const hit = script.find(([re]) => re.test(message)) ?? LATER_QUESTIONS.find(([re]) => re.test(message));
    const validate = cfg.validate as ((v: unknown) => unknown) | undefined;
    let a: unknown;
    if (!hit) {
      if (cfg.default !== undefined) a = cfg.default;
      else if (kind === 'checkbox') a = (cfg.choices as { value: unknown; checked?: boolean }[]).filter((c) => c.checked).map((c) => c.value);
      else throw new Error(`unscripted question: ${message}`);
    } else {
      a = typeof hit[1] === 'function' ? (hit[1] as (c: Record<string, unknown>) => unknown)(cfg) : hit[1];
      if (a && typeof a === 'object' && 'invalid' in a) {
        const s = a as { invalid: string[]; then?: unknown };
        for (const bad of s.invalid) {
          const res = await validate?.(bad);
          if (res === true || res === undefined) throw new Error(`"${bad}" was accepted by ${message}`);
          rejected.push(String(res));
        }
        a = s.then ?? cfg.default;
      }
    }
    if (kind === 'input' && validate) {
      const res = await validate(a);
      if (res !== true) throw new Error(`scripted answer "${String(a)}" rejected by ${message}: ${String(res)}`);
    }
    if (kind === 'select') expect((cfg.choices as { value: unknown }[]).map((c) => c.value), message).toContain(a);
    return a;
  };
  const prompts: Prompts = {
    select: (c) => take('select', c as unknown as Record<string, unknown>) as never,
    input: (c) => take('input', c as unknown as Record<string, unknown>) as Promise<string>,
    confirm: (c) => take('confirm', c as unknown as Record<string, unknown>) as Promise<boolean>,
    checkbox: (c) => take('checkbox', c as unknown as Record<string, unknown>) as never,
    number: (c) => take('number', c as unknown as Record<string, unknown>) as Promise<number | undefined>,
  };
  return { prompts, asked, rejected };
}

describe('interactive (prompts injected)', () => {
  it('new: asks everything in Chinese, validates as the user types, finds the register and defaults to the unit of the current folder', async () => {
    const root = copyRegister();
    const cwd = path.join(root, 'accounts/sichuan/zigong/zg-zfgjj');
    const person = (role: string, name: string, n: string): [RegExp, Answer][] => [
      [new RegExp(`^${role}姓名`), name],
      [new RegExp(`^${role}办公电话`), `0000-00000${n}`],
      [new RegExp(`^${role}手机号码`), `130000000${n}`],
    ];
    const s = scripted([
      [/^主办单位/, (c: Cfg) => (expect(c.default).toBe('zg-zfgjj'), c.default)],
      [/^平台$/, '快手'],
      [/^账号名称/, { invalid: ['', '自贡\u200b住房公积金'], then: '自贡住房公积金' }],
      [/^账号编号/, (c: Cfg) => (expect(c.default).toBe('zg-zfgjj-kuaishou'), { invalid: ['ZG_GJJ', 'zg-zfgjj-weixin'] })],
      [/^账号功能/, ['信息发布', '互动交流']],
      [/^主要负责人手机号码/, { invalid: ['1300000001', '23000000019'], then: '13000000019' }],
      ...person('主要负责人', '巳某某（虚构）', '19'),
      ...person('分管负责人', '午某某（虚构）', '20'),
      [/^是否登记科室负责人/, true],
      ...person('科室负责人', '未某某（虚构）', '21'),
      [/^经办人员有几位/, 1],
      [/^经办人员办公电话/, { invalid: ['0813 000'], then: '0000-0000022' }],
      ...person('经办人员', '申某某（虚构）', '22'),
      [/^谁担任信息编辑/, (c: Cfg) => (expect(c.default).toBe('申某某（虚构）'), c.default)],
      [/^谁担任审核/, (c: Cfg) => (expect((c.choices as { value: string }[]).map((x) => x.value)).not.toContain('申某某（虚构）'), '未某某（虚构）')],
      [/^谁担任终审/, (c: Cfg) => (expect((c.choices as { value: string }[]).map((x) => x.value)).toEqual(['巳某某（虚构）', '午某某（虚构）']), '午某某（虚构）')],
      [/^开办理由/, REASON],
      [/^备案日期/, { invalid: ['2026-02-30', '2026/11/23', '2026-12-01'], then: NOW }],
      [/^确认写入/, true],
    ]);
    const r = await run(cmdNew, ['--now', NOW], { prompts: s.prompts, cwd }); // no --root: found above the current folder
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    const rel = 'accounts/sichuan/zigong/zg-zfgjj/zg-zfgjj-kuaishou.json';
    const a = readJson(root, rel);
    expect(a).toMatchObject({ name: '自贡住房公积金', platform: '快手', contentType: '音视频', functions: ['信息发布', '互动交流'], operatingMode: '自营' });
    expect(a.team!.principal).toEqual({ name: '巳某某（虚构）', position: `${GJJ} 主要负责人`, officePhone: '0000-0000019', mobile: '13000000019' });
    expect(a.team!.review).toEqual({ editors: ['申某某（虚构）'], reviewers: ['未某某（虚构）'], finalApprovers: ['午某某（虚构）'] });
    expect(await judge(root, rel)).toEqual({ file: [], errors: [] });
    // every question is Chinese; the validators answered in Chinese
    expect(s.asked.length).toBeGreaterThan(20);
    for (const q of s.asked) expect(q.message).toMatch(/[\u4e00-\u9fff]/);
    expect(s.rejected.join('\n')).toMatch(/请填写账号名称/);
    expect(s.rejected.join('\n')).toMatch(/不可见|零宽|空白/);
    expect(s.rejected.join('\n')).toContain('小写字母、数字和连字符');
    expect(s.rejected.join('\n')).toContain('已被登记簿中的其他账号使用');
    expect(s.rejected.join('\n')).toContain('11 位数字');
    expect(s.rejected.join('\n')).toContain('只能包含数字和连字符');
    expect(s.rejected.join('\n')).toContain('不是有效的日期');
    expect(s.rejected.join('\n')).toContain('格式应为 YYYY-MM-DD');
    expect(s.rejected.join('\n')).toContain('晚于今天');
    expect(r.out).toContain('请于 2026-11-30 前');
  });

  it('a naming clause held in principle (六安 第十三条): the clerk is asked for a justification right after the name; none given refuses, one given is written and left to the supervising office', async () => {
    const root = copyRegister();
    const before = snapshot(root);
    const no = scripted([[/^例外理由/, '']]);
    const r = await run(cmdNew, LA_RSJ(root), { prompts: no.prompts });
    expect(r.code).toBe(1);
    expect(r.err).toContain('luan-2021-148/naming-convention');
    expect(r.err).toContain('六政办秘〔2021〕148号 第十三条');
    expect(r.err).toContain('按“原则上”条款判断：这样办理本会被拒绝');
    expect(r.err).toContain('不能开设');
    expect(r.err).toContain('请重新运行并在提问时填写例外理由（或加上 --justification "<例外理由>"）');
    // asked at the name, before anything else: the flags gave unit, platform and name
    expect(no.asked.map((q) => q.message)).toEqual(['账号编号（文件名，小写字母、数字和连字符）', JUSTIFICATION_QUESTION]);
    expect(snapshot(root)).toEqual(before);

    const yes = scripted([
      [/^例外理由/, { invalid: ['理'.repeat(1001)], then: LA_JUSTIFICATION }],
      [/^仍要写入/, (c: Cfg) => (expect(c.default).toBe(false), true)],
    ]);
    const r2 = await run(cmdNew, LA_RSJ(root), { prompts: yes.prompts });
    expect(r2.code).toBe(0);
    expect(yes.rejected.join('\n')).toContain('例外理由不超过 1000 字');
    // asked once: the commit does not ask again once the early check has the answer
    expect(yes.asked.filter((q) => q.message === JUSTIFICATION_QUESTION)).toHaveLength(1);
    expect(r2.err).toContain('已写明例外理由：主管单位须在审核中同意这一理由，方可成立');
    expect(r2.err).toContain('合并请求会因此要求主管单位审批');
    const rel = 'accounts/anhui/luan/la-rsj/la-rsj-weixin.json';
    const a = readJson(root, rel);
    expect(a.events[0]).toMatchObject({ type: '开设备案', justification: LA_JUSTIFICATION });
    // until the supervising office approves, the check reports it — at the justification, with its own message
    const j = await judge(root, rel);
    expect(j.file).toEqual([expect.stringMatching(/error luan-2021-148\/naming-convention 账号名称“六安市人力资源和社会保障局”不符合命名格式.*备案写明了理由，但主管单位尚未审核同意/)]);
    // the supervising office approves in the same work: nothing is left
    a.events.push({ type: '主管审核', date: NOW, decision: '同意', reviewer: '六安市人民政府办公室', level: '同级' });
    writeFileSync(path.join(root, rel), JSON.stringify(a, null, 2) + '\n');
    expect(await judge(root, rel)).toEqual({ file: [], errors: [] });
  });

  it('the justification, non-interactive: refused without --justification (saying how to add one), written with it; in English too', async () => {
    const root = copyRegister();
    const before = snapshot(root);
    const r = await run(cmdNew, [...LA_RSJ(root), '--yes']);
    expect(r.code).toBe(1);
    expect(r.err).toContain('不能写入');
    expect(r.err).toContain('luan-2021-148/naming-convention');
    expect(r.err).toContain('可加上 --justification "<例外理由>" 重新运行');
    expect(snapshot(root)).toEqual(before);
    const en = await run(cmdNew, [...LA_RSJ(root), '--yes', '--lang', 'en']);
    expect(en.code).toBe(1);
    expect(en.err).toContain('and its filing gives no justification');
    expect(en.err).toContain('run again with --justification "<text>"');
    expect(snapshot(root)).toEqual(before);

    const ok = await run(cmdNew, [...LA_RSJ(root), '--yes', '--justification', LA_JUSTIFICATION]);
    expect(ok.code).toBe(0);
    expect(ok.err).toContain('已写明例外理由');
    expect(readJson(root, 'accounts/anhui/luan/la-rsj/la-rsj-weixin.json').events[0]!.justification).toBe(LA_JUSTIFICATION);
    const en2 = await run(cmdNew, [...LA_RSJ(copyRegister()), '--yes', '--lang', 'en', '--justification', LA_JUSTIFICATION]);
    expect(en2.code).toBe(0);
    expect(en2.err).toContain('A justification is recorded: it stands only once the supervising office approves it in review');
    expect(en2.err).toContain('has not approved it yet');
    // too long for the schema: a usage error, nothing written
    const long = await run(cmdNew, [...LA_RSJ(copyRegister()), '--yes', '--justification', '理'.repeat(1001)]);
    expect(long.code).toBe(2);
    expect(long.err).toContain('--justification：例外理由不超过 1000 字');
  });

  it('change: a new name held in principle is asked for a justification on the 变更备案 (interactive) or takes --justification; a staff report takes none', async () => {
    const root = copyRegister();
    // a unit with one account, so the name is judged by the naming clause alone (not by consistent names, which is 应)
    rmSync(path.join(root, 'accounts/anhui/luan/la-jyj/la-jyj-weixin.json'));
    const before = snapshot(root);
    const args = ['--root', root, '--now', NOW, '--name', '六安市教育局', '--reason', '账号定位调整为教育服务，名称与单位全称一致。'];
    const r = await run(cmdChange, ['la-jyj-douyin', ...args, '--yes']);
    expect(r.code).toBe(1);
    expect(r.err).toContain('luan-2021-148/naming-convention');
    expect(r.err).toContain('--justification');
    expect(snapshot(root)).toEqual(before);
    const s = scripted([
      [/^例外理由/, LA_JUSTIFICATION],
      [/^仍要写入/, true],
    ]);
    const r2 = await run(cmdChange, ['la-jyj-douyin', ...args], { prompts: s.prompts });
    expect(r2.code).toBe(0);
    expect(r2.err).toContain('已写明例外理由');
    const a = readJson(root, 'accounts/anhui/luan/la-jyj/la-jyj-douyin.json');
    expect(a.events.at(-1)).toMatchObject({ type: '变更备案', justification: LA_JUSTIFICATION, changes: [{ field: '账号名称', from: '六安市教育局发布', to: '六安市教育局' }] });
    // the --yes command the draft would print carries it
    expect(r2.out + r2.err).not.toContain('unscripted');
    // the same with the flag, on a fresh copy
    const copy = copyRegister();
    rmSync(path.join(copy, 'accounts/anhui/luan/la-jyj/la-jyj-weixin.json'));
    const r3 = await run(cmdChange, ['la-jyj-douyin', '--root', copy, '--now', NOW, '--name', '六安市教育局', '--reason', '账号定位调整为教育服务，名称与单位全称一致。', '--justification', LA_JUSTIFICATION, '--yes']);
    expect(r3.code).toBe(0);
    expect(readJson(copy, 'accounts/anhui/luan/la-jyj/la-jyj-douyin.json')).toEqual(a);
    const staff = await run(cmdChange, ['la-jyj-douyin', '--root', root, '--now', NOW, '--phone', '经办人员1=0564-0000001', '--justification', LA_JUSTIFICATION, '--yes']);
    expect(staff.code).toBe(2);
    expect(staff.err).toContain('--justification 只适用于开设、补录或变更备案');
  });

  it('any rule that declares a justification path gets the same treatment: a second 自贡 WeChat account (one-account-per-platform) with --justification is written and left to the supervising office', async () => {
    const root = copyRegister();
    const args = [...base(root), '--unit', 'zg-zfgjj', '--platform', '微信公众号', '--sub-type', '服务号', '--name', '自贡住房公积金', ...TEAM, '--reason', REASON, '--yes'];
    const why = '服务号用于公积金业务办理和查询，订阅号用于政策发布，平台功能不同，无法合并。';
    const r = await run(cmdNew, [...args, '--justification', why]);
    expect(r.code).toBe(0);
    expect(r.err).toContain('已写明例外理由');
    expect(r.err).toContain('zigong-2021-62/one-account-per-platform');
    const rel = 'accounts/sichuan/zigong/zg-zfgjj/zg-zfgjj-weixin-2.json';
    expect(readJson(root, rel).events[0]).toMatchObject({ type: '开设备案', justification: why });
    const j = await judge(root, rel);
    expect(j.file).toEqual([expect.stringMatching(/error zigong-2021-62\/one-account-per-platform .*备案写明了例外理由，但主管单位尚未审核同意/)]);
  });

  it('backfill: a legacy name is still recorded as it is when no justification is given, and the clerk is told a justification is another way', async () => {
    const root = copyRegister();
    const args = [...LA_RSJ(root).filter((x, i, all) => !(all[i - 1] === '--reason' || x === '--reason')), '--reason', '账号于2019年开通，一直由局办公室运营，未按规定备案，现补录。', '--opened', '2019-05-06'];
    const s = scripted([
      [/^例外理由/, ''],
      [/^仍要写入/, true],
    ]);
    const r = await run(cmdBackfill, args, { prompts: s.prompts });
    expect(r.code).toBe(0);
    expect(s.asked.some((q) => q.message === JUSTIFICATION_QUESTION)).toBe(true);
    expect(r.err).toContain('存量账号“六安市人力资源和社会保障局”的现有名称不符合以下命名条款');
    expect(r.err).toContain('确需保留现名时也可在补录备案中写明例外理由');
    expect(readJson(root, 'accounts/anhui/luan/la-rsj/la-rsj-weixin.json').events.find((e) => e.type === '补录备案')!.justification).toBeUndefined();
  });

  it('change: the "人员/电话等非关键信息" path re-picks a review chain the leaving operator was in', async () => {
    const root = copyRegister();
    const rel = 'accounts/sichuan/zigong/zg-zfgjj/zg-zfgjj-weixin.json';
    const old = readJson(root, rel);
    const s = scripted([
      [/^变更哪类信息/, (c: Cfg) => (expect((c.choices as { name: string }[]).map((x) => x.name).join()).toContain('人员/电话等非关键信息'), 'staff')],
      [/^调整哪些人员或电话/, ['operators']],
      [/^调整后经办人员有几位/, 1],
      [/^经办人员姓名/, (c: Cfg) => (expect(c.default).toBe('申某某（虚构）'), '酉某某（虚构）')],
      [/^经办人员手机号码/, '13000000023'],
      [/^谁担任信息编辑/, '酉某某（虚构）'],
      [/^谁担任审核/, '未某某（虚构）'],
      [/^谁担任终审/, '午某某（虚构）'],
      [/^经办人员有人离岗/, true],
      [/^确认写入/, true],
    ]);
    const r = await run(cmdChange, ['zg-zfgjj-weixin', '--root', root, '--now', NOW], { prompts: s.prompts });
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    const a = readJson(root, rel);
    expect(a.team!.operators).toEqual([{ name: '酉某某（虚构）', position: old.team!.operators[0]!.position, officePhone: old.team!.operators[0]!.officePhone, mobile: '13000000023' }]);
    expect(a.team!.review).toEqual({ editors: ['酉某某（虚构）'], reviewers: ['未某某（虚构）'], finalApprovers: ['午某某（虚构）'] });
    expect(a.events.slice(old.events.length).map((e) => e.type)).toEqual(['人员交接', '信息报备']);
    // 自贡's measures say nothing of a 保密承诺 or pre-post vetting: neither is asked, neither recorded
    expect(s.asked.map((q) => q.message).join('\n')).not.toMatch(/保密承诺|保密审查/);
    expect(Object.keys(a.events[old.events.length]!.handover!).sort()).toEqual(['credentialsRotated', 'fromRole', 'toRole']);
    expect(await judge(root, rel)).toEqual({ file: [], errors: [] });
  });

  it('change: key information with the host unit, the certified entity following it', async () => {
    const root = copyRegister();
    const s = scripted([
      [/^变更哪类信息/, 'key'],
      [/^变更哪些关键信息/, ['host', 'name']],
      [/^新的主办单位/, 'zg-scdc'],
      [/^认证主体是否同时变更/, true],
      [/^运营单位是否同时变更/, true],
      [/^新的账号名称/, { invalid: ['健康自贡'], then: '自贡疾控' }],
      [/^新的认证主体/, (c: Cfg) => (expect(c.default).toBe('自贡市疾病预防控制中心'), c.default)],
      [/^认证主体分类是否同时/, true],
      [/^变更原因/, '健康科普短视频工作划归市疾控中心承办，账号随之移交。'],
      [/^变更后是否仍纳入/, true],
      [/^确认写入/, true],
    ]);
    const r = await run(cmdChange, ['zg-swjw-douyin', '--root', root, '--now', NOW], { prompts: s.prompts });
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    const to = 'accounts/sichuan/zigong/zg-scdc/zg-swjw-douyin.json';
    const a = readJson(root, to);
    expect(a).toMatchObject({ hostUnit: 'zg-scdc', name: '自贡疾控', operatingUnit: '自贡市疾病预防控制中心', certifiedEntity: { name: '自贡市疾病预防控制中心', category: '部门下属单位' } });
    expect(existsSync(path.join(root, 'accounts/sichuan/zigong/zg-swjw/zg-swjw-douyin.json'))).toBe(false);
    expect(await judge(root, to)).toEqual({ file: [], errors: [] });
  });
});

describe('interactive close', () => {
  it('offers the accounts of the unit the user is in, asks the reason, and files the closure', async () => {
    const root = copyRegister();
    const s = scripted([
      [/^选择账号/, (c: Cfg) => (expect((c.choices as { value: string }[]).map((x) => x.value)).toEqual(['zg-zfgjj-weixin']), 'zg-zfgjj-weixin')],
      [/^关停原因/, { invalid: ['   '], then: '功能并入市政务服务平台，按集约节约原则关停。' }],
      [/^确认写入/, true],
    ]);
    const r = await run(cmdClose, ['--now', NOW], { prompts: s.prompts, cwd: path.join(root, 'accounts/sichuan/zigong/zg-zfgjj') });
    expect(r.code).toBe(0);
    expect(s.rejected).toEqual(['请填写关停原因']);
    const a = readJson(root, 'accounts/sichuan/zigong/zg-zfgjj/zg-zfgjj-weixin.json');
    expect(a.events.at(-1)).toMatchObject({ type: '关停备案', date: NOW, reason: '功能并入市政务服务平台，按集约节约原则关停。' });
    expect(r.out).toContain('请于 2026-11-30 前发布注销公告');
  });
});

// ------------------------------------------------------------ one real run through a pseudo-terminal

const hasScript = spawnSync('script', ['--version'], { encoding: 'utf8' }).status === 0;

describe.skipIf(!hasScript)('interactive through a pseudo-terminal (runs when util-linux script is installed)', () => {
  it('types answers into the real prompts of scripts/scaffold-main.mjs and the file is written', async () => {
    const root = copyRegister();
    const q = (s: string): string => `'${s.replace(/'/g, `'\\''`)}'`;
    const flags = TEAM.map(q).join(' ');
    const cmd = `${q(process.execPath)} scripts/scaffold-main.mjs new --root ${q(root)} --unit zg-zfgjj --platform 快手 --now ${NOW} ${flags}`;
    const p = spawn('script', ['-qfec', cmd, '/dev/null'], { cwd: ENGINE_ROOT, env: { ...process.env, TERM: 'xterm', COLUMNS: '200', LINES: '50' } });
    let out = '';
    p.stdout.on('data', (d: Buffer) => void (out += d.toString('utf8')));
    p.stderr.on('data', (d: Buffer) => void (out += d.toString('utf8')));
    const closed = new Promise<number | null>((resolve) => p.on('close', (code) => resolve(code)));
    let seen = 0;
    const expectScreen = async (re: RegExp, ms = 60_000): Promise<void> => {
      const t0 = Date.now();
      for (;;) {
        const m = re.exec(out.slice(seen));
        if (m) {
          seen += m.index + m[0].length;
          return;
        }
        if (Date.now() - t0 > ms) throw new Error(`timed out waiting for ${re}; screen so far:\n${out.slice(-2000)}`);
        await new Promise((r) => setTimeout(r, 40));
      }
    };
    const type = (s: string): void => void p.stdin.write(s);
    try {
      await expectScreen(/账号名称/);
      type('自贡住房公积金\r');
      await expectScreen(/账号编号/);
      type('\r'); // accept the proposed id
      await expectScreen(/主要内容类型/);
      type('\r');
      await expectScreen(/账号功能/);
      type('\r');
      await expectScreen(/认证主体（/);
      type('\r');
      await expectScreen(/认证主体分类/);
      type('\r');
      await expectScreen(/运营单位/);
      type('\r');
      await expectScreen(/运营模式/);
      type('\r');
      await expectScreen(/账号主页地址/);
      type('\r'); // not registered on the platform yet
      await expectScreen(/平台账号 ID/);
      type('\r');
      await expectScreen(/开办理由/);
      type(REASON + '\r');
      await expectScreen(/备案日期/);
      type('2026-13-01\r');
      await expectScreen(/不是有效的日期/);
      type('\x15' + NOW + '\r'); // Ctrl-U clears the line, then the right date
      await expectScreen(/是否已经取得主办单位同意/);
      type('y\r');
      await expectScreen(/由谁同意/);
      type('巳某某（虚构）\r');
      await expectScreen(/何时同意/);
      type('\r'); // the filing date
      await expectScreen(/确认写入/);
      type('y\r');
      await expectScreen(/git push -u origin HEAD/);
    } finally {
      p.stdin.end();
    }
    expect(await closed).toBe(0);
    const rel = 'accounts/sichuan/zigong/zg-zfgjj/zg-zfgjj-kuaishou.json';
    const a = readJson(root, rel);
    expect(a).toMatchObject({ id: 'zg-zfgjj-kuaishou', name: '自贡住房公积金', platform: '快手', events: [{ type: '开设备案', date: NOW, reason: REASON, unitDecision: { decision: '同意', date: NOW, by: '巳某某（虚构）' } }] });
    expect(await judge(root, rel)).toEqual({ file: [], errors: [] });
    expect(out).toContain('已写入');
    expect(out).toContain('请于 2026-11-30 前');
  });
});

describe('a clerk at the terminal (issue 16)', () => {
  /** The whole flow for 自贡住房公积金 on 快手, stopping at the last question. */
  function clerk(): ReturnType<typeof scripted> {
    return scripted([
      [/^主办单位/, 'zg-zfgjj'],
      [/^平台$/, '快手'],
      [/^账号名称/, '自贡住房公积金'],
      [/^主要负责人：选用/, (c: Cfg) => (expect((c.choices as { name: string }[]).map((x) => x.name)).toContain(`巳某某（虚构）（${GJJ} 主要负责人）`), '巳某某（虚构）')],
      [/^分管负责人：选用/, '午某某（虚构）'],
      [/^是否登记科室负责人/, true],
      [/^科室负责人：选用/, '未某某（虚构）'],
      [/^经办人员有几位/, 2],
      [/^经办人员1：选用/, '申某某（虚构）'],
      [/^经办人员2：选用/, '\u0000new'],
      [/^经办人员2姓名/, '酉某某（虚构）'],
      [/^经办人员2办公电话/, '0000-0000099'],
      [/^经办人员2手机号码/, '13000000099'],
      [/^谁担任信息编辑/, '申某某（虚构）'],
      [/^还有其他人担任编辑/, true],
      [/^另外担任编辑/, ['酉某某（虚构）']],
      [/^谁担任审核/, '未某某（虚构）'],
      [/^还有其他人担任审核/, false],
      [/^谁担任终审/, '午某某（虚构）'],
      [/^账号主页地址/, 'https://www.kuaishou.example/u/zgzfgjj2026'],
      [/^平台账号 ID/, 'zgzfgjj2026'],
      [/^开办理由/, REASON],
      [/^备案日期/, '2026-11-21'],
      [/^这次备案是否已经取得主办单位同意/, true],
      [/^由谁同意/, '集体研究'],
      [/^何时同意/, { invalid: ['2026-11-22'], then: '2026-11-20' }],
      [/^确认写入/, false], // the clerk stops at the very end
    ]);
  }
  const rel = 'accounts/sichuan/zigong/zg-zfgjj/zg-zfgjj-kuaishou.json';

  it('reuses the unit\'s staff, takes several editors, asks who agreed and when and the platform account id; a stopped run keeps a draft and prints the --yes command', async () => {
    const root = copyRegister();
    const before = snapshot(root);
    const s = clerk();
    const r = await run(cmdNew, ['--root', root, '--now', NOW], { prompts: s.prompts });
    expect(r.code).toBe(1);
    expect(snapshot(root)).toEqual(before); // nothing under accounts/
    expect(s.rejected.join('\n')).toContain('同意日期不能晚于备案日期 2026-11-21');
    const draftFile = path.join(root, '.govmedia-draft-new.json');
    expect(r.err).toContain(`已回答的内容已存为草稿：${draftFile}`);
    const draft = JSON.parse(readFileSync(draftFile, 'utf8')) as { values: Record<string, unknown> };
    expect(draft.values).toMatchObject({ unit: 'zg-zfgjj', platform: '快手', 'platform-account-id': 'zgzfgjj2026', 'decision-by': '集体研究', 'decision-date': '2026-11-20', editor: ['申某某（虚构）', '酉某某（虚构）'] });
    const line = r.err.split('\n').map((l) => l.trim()).find((l) => l.startsWith('npx govmedia new '))!;
    expect(line).toContain('--unit zg-zfgjj --platform 快手');
    expect(line).toMatch(/--yes$/);

    // the printed command, run as it is, writes the account without a question
    const args = (line.match(/'[^']*'|\S+/g) ?? []).map((x) => (x.startsWith("'") ? x.slice(1, -1) : x)).slice(3);
    const copy = copyRegister();
    const r2 = await run(cmdNew, [...args, '--root', copy]);
    expect(r2.err).toBe('');
    expect(r2.code).toBe(0);
    const a = readJson(copy, rel);
    expect(a.team!.principal.name).toBe('巳某某（虚构）');
    expect(a.team!.operators.map((p) => p.name)).toEqual(['申某某（虚构）', '酉某某（虚构）']);
    expect(a.team!.review).toEqual({ editors: ['申某某（虚构）', '酉某某（虚构）'], reviewers: ['未某某（虚构）'], finalApprovers: ['午某某（虚构）'] });
    expect(a.platformAccountId).toBe('zgzfgjj2026');
    expect(a.urls).toEqual({ homepage: 'https://www.kuaishou.example/u/zgzfgjj2026' });
    expect(a.events[0]!.unitDecision).toEqual({ decision: '同意', date: '2026-11-20', by: '集体研究' });
    expect(await judge(copy, rel)).toEqual({ file: [], errors: [] });

    // the next interactive run continues from the draft: nothing is asked again but the last question
    const again = scripted([
      [/^发现上次未完成的草稿/, true],
      [/^确认写入/, true],
    ]);
    const r3 = await run(cmdNew, ['--root', root, '--now', NOW], { prompts: again.prompts });
    expect(r3.code).toBe(0);
    expect(again.asked.map((q) => q.message)).toEqual([expect.stringMatching(/^发现上次未完成的草稿/), `确认写入 ${rel}？`]);
    expect(readJson(root, rel)).toEqual(a);
    expect(existsSync(draftFile)).toBe(false); // done: the draft is gone
  });

  it('a unit that has not agreed is not filed for: the run stops and keeps the draft', async () => {
    const root = copyRegister();
    const s = scripted([
      [/^主办单位/, 'zg-zfgjj'],
      [/^平台$/, '快手'],
      [/^账号名称/, '自贡住房公积金'],
      [/选用本单位其他账号已登记的人员/, (c: Cfg) => (c.choices as { value: string }[])[0]!.value],
      [/^开办理由/, REASON],
      [/^备案日期/, NOW],
      [/^这次备案是否已经取得主办单位同意/, false],
    ]);
    const r = await run(cmdNew, ['--root', root, '--now', NOW], { prompts: s.prompts });
    expect(r.code).toBe(2);
    expect(r.err).toContain('主办单位同意后才能备案');
    expect(r.err).toContain('已存为草稿');
    expect(existsSync(path.join(root, rel))).toBe(false);
  });

  it('a refusal shows at the question that causes it: a second 微信公众号 is refused right after the name, before the team is asked', async () => {
    const root = copyRegister();
    const before = snapshot(root);
    const s = scripted([
      [/^主办单位/, 'zg-zfgjj'],
      [/^平台$/, '微信公众号'],
      [/^公众号类型/, '服务号'],
      [/^账号名称/, '自贡公积金服务'],
      // 原则上: a justification would answer it; the clerk has none
      [/^例外理由/, ''],
    ]);
    const r = await run(cmdNew, ['--root', root, '--now', NOW], { prompts: s.prompts });
    expect(r.code).toBe(1);
    expect(s.asked.map((q) => q.message)).toContain(JUSTIFICATION_QUESTION);
    expect(r.err).toContain('不能开设：按适用的管理办法，“自贡公积金服务”（微信公众号）这样开设会被拒绝（无需回答其余问题）');
    expect(r.err).toContain('zigong-2021-62/one-account-per-platform');
    expect(r.err).toContain('自府办函〔2021〕62号 第六条、第十三条（一）');
    // nothing about the team, the reason or the date was asked
    expect(s.asked.map((q) => q.message).filter((m) => /负责人|经办人员|开办理由|备案日期/.test(m))).toEqual([]);
    expect(snapshot(root)).toEqual(before);
    expect(r.err).toContain('npx govmedia new');
    // a platform the unit does not use yet passes the early check and goes on to the questions
    const ok = scripted([
      [/^主办单位/, 'zg-zfgjj'],
      [/^平台$/, '快手'],
      [/^账号名称/, '自贡住房公积金'],
      [/^确认写入/, false],
      [/选用本单位其他账号已登记的人员/, (c: Cfg) => (c.choices as { value: string }[])[0]!.value],
      [/^开办理由/, REASON],
      [/^备案日期/, NOW],
    ]);
    const r2 = await run(cmdNew, ['--root', copyRegister(), '--now', NOW], { prompts: ok.prompts });
    expect(r2.err).not.toContain('不能开设');
    expect(ok.asked.some((q) => /^开办理由/.test(q.message))).toBe(true);
  });

  it('jurisdiction-aware: where the measures require a section head (六安 第十四条) it is asked for, not offered; in 自贡 it is optional', async () => {
    const staff = (c: Cfg): unknown => (c.choices as { value: string }[])[0]!.value;
    const la = scripted([
      [/^主办单位/, 'la-rsj'],
      [/^平台$/, '快手'],
      [/^账号名称/, '六安市人社局发布'],
      [/选用本单位其他账号已登记的人员/, (c: Cfg) => (c.choices as { value: string }[]).at(-1)!.value],
      [/姓名$/, (c: Cfg) => `${String(c.message).slice(0, 2)}某某（虚构）`],
      [/办公电话/, '0000-0000141'],
      [/手机号码/, '13000000141'],
      [/^经办人员有几位/, 1],
      [/^开办理由/, '发布人社政策。信息来源为局各科室，由办公室专人负责更新。'],
      [/^备案日期/, NOW],
      [/^确认写入|^仍要写入/, false],
    ]);
    const r = await run(cmdNew, ['--root', copyRegister(), '--now', NOW], { prompts: la.prompts });
    expect(r.err).not.toContain('不能开设');
    expect(la.asked.map((q) => q.message)).not.toContainEqual(expect.stringMatching(/^是否登记科室负责人/));
    expect(la.asked.map((q) => q.message)).toContainEqual(expect.stringMatching(/^科室负责人姓名/));
    expect(r.out).toContain('本地的管理办法要求登记科室负责人。');

    const zg = scripted([
      [/^主办单位/, 'zg-zfgjj'],
      [/^平台$/, '快手'],
      [/^账号名称/, '自贡住房公积金'],
      [/选用本单位其他账号已登记的人员/, staff],
      [/^是否登记科室负责人/, (c: Cfg) => (expect(String(c.message)).toContain('本地办法未要求'), false)],
      [/^开办理由/, REASON],
      [/^备案日期/, NOW],
      [/^确认写入|^仍要写入/, false],
    ]);
    await run(cmdNew, ['--root', copyRegister(), '--now', NOW], { prompts: zg.prompts });
    expect(zg.asked.map((q) => q.message)).toContainEqual(expect.stringMatching(/^是否登记科室负责人/));
  });

  it('backfill records the platform opening date as a 平台注册 event and the --yes path keeps 主要负责人 as the default decision', async () => {
    const root = copyRegister();
    const r = await run(cmdBackfill, [...base(root), '--unit', 'zg-zfgjj', '--platform', '快手', '--name', '自贡住房公积金', ...TEAM, '--opened', '2021-05-06', '--certification', '未认证', '--decision-by', '巳某某（虚构）', '--decision-date', '2026-11-20', '--reason', '该账号于2021年开通，一直未备案；经清理核查确需保留，现补录。' + REASON, '--yes']);
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    const a = readJson(root, rel);
    expect(a.events.map((e) => [e.type, e.date])).toEqual([['平台注册', '2021-05-06'], ['补录备案', NOW]]);
    expect(a.events[1]!.unitDecision).toEqual({ decision: '同意', date: '2026-11-20', by: '巳某某（虚构）' });
    expect(await judge(root, rel)).toEqual({ file: [], errors: [] });
  });
});

describe('handover facts some measures ask about (綦江 第二十三条 保密承诺, 六安 第三十二条（二） 上岗前审查)', () => {
  it('a fact is asked only where a rule of the account\'s region judges it', async () => {
    const root = copyRegister();
    const matters = async (rel: string, field: 'confidentialityUndertaking' | 'incomingVetted'): Promise<boolean> => handoverFactMatters(root, NOW, rel, readJson(root, rel), NOW, field);
    const qj = 'accounts/chongqing/qijiang/qj-ghzy/qj-ghzy-weixin.json';
    const la = 'accounts/anhui/luan/la-gjj/la-gjj-weixin.json';
    const zg = 'accounts/sichuan/zigong/zg-zfgjj/zg-zfgjj-weixin.json';
    expect([await matters(qj, 'confidentialityUndertaking'), await matters(qj, 'incomingVetted')]).toEqual([true, false]);
    expect([await matters(la, 'confidentialityUndertaking'), await matters(la, 'incomingVetted')]).toEqual([false, true]);
    expect([await matters(zg, 'confidentialityUndertaking'), await matters(zg, 'incomingVetted')]).toEqual([false, false]);
  }, 60_000);

  it('given as flags they are recorded on the handover; not given, they are not recorded (unknown, not invented)', async () => {
    const root = copyRegister();
    const rel = 'accounts/sichuan/zigong/zg-zfgjj/zg-zfgjj-weixin.json';
    const n = readJson(root, rel).events.length;
    const r = await run(cmdChange, ['zg-zfgjj-weixin', ...base(root), '--operator', `酉某某（虚构）,${GJJ}综合科 经办人员,0000-0000023,13000000023`, '--editor', '酉某某（虚构）', '--credentials-rotated', '--confidentiality-undertaking', '--incoming-vetted', '--yes']);
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    expect(readJson(root, rel).events[n]!.handover).toEqual({ fromRole: '经办人员', toRole: '经办人员', credentialsRotated: true, confidentialityUndertaking: true, incomingVetted: true });
  });
});

