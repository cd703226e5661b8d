/**
 * govmedia record：追加不是备案的事件（密码更换、资料留存），在样例登记簿的副本上真实运行，写出的文件用真实的引擎检查。
 * govmedia record appends events that are not filings (a password change, kept material) on a copy of
 * the sample register; what it writes is judged by the real engine; what the measures refuse is not written.
 */
import { cpSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { cmdRecord } from '../scripts/commands/scaffold.ts';
import { ENGINE_ROOT } from '../scripts/core/paths.ts';
import { FsSource } from '../scripts/core/source.ts';
import { validateSource } from '../scripts/pipeline/pipeline.ts';
import type { Prompts } from '../scripts/scaffold/prompts.ts';
import { captureIo, cli, tmpDir } from './helpers.ts';

const made: string[] = [];
afterAll(() => made.forEach((d) => rmSync(d, { recursive: true, force: true })));

function copyRegister(): string {
  const dir = tmpDir('govmedia-record-');
  made.push(dir);
  cpSync(path.join(ENGINE_ROOT, 'accounts'), path.join(dir, 'accounts'), { recursive: true });
  return dir;
}

const WEIBO = 'accounts/anhui/luan/la-szf/la-szf-weibo.json'; // last password change 2026-10-30
const ZG = 'accounts/sichuan/zigong/zg-swjw/zg-swjw-weibo.json';
const read = (root: string, rel: string): { events: Record<string, unknown>[] } => JSON.parse(readFileSync(path.join(root, rel), 'utf8'));

async function record(root: string, args: string[], prompts?: Prompts): Promise<{ code: number; out: string; err: string }> {
  return captureIo((io) => cmdRecord([...args, '--root', root], io, prompts ? { prompts } : {}));
}

async function clean(root: string, now: string): Promise<string[]> {
  const r = await validateSource(new FsSource(root), { now, engineRoot: ENGINE_ROOT });
  return r.findings.filter((f) => !f.suppressed && f.severity !== 'notice').map((f) => `${f.ruleId} ${f.file}:${f.line} ${f.message.zh}`);
}

/** Scripted answers by question text; an unscripted question fails the test. */
function scripted(script: [RegExp, unknown][]): { prompts: Prompts; asked: string[] } {
  const asked: string[] = [];
  const take = async (c: { message: string; default?: unknown }): Promise<never> => {
    asked.push(c.message);
    const hit = script.find(([re]) => re.test(c.message));
    if (hit) return hit[1] as never;
    if (c.default !== undefined) return c.default as never;
    throw new Error(`unscripted question: ${c.message}`);
  };
  const prompts: Prompts = { select: take as never, input: take as never, confirm: take as never, checkbox: take as never, number: take as never };
  return { prompts, asked };
}

describe('govmedia record: kept material (资料留存, 自贡 第十一条)', () => {
  it('appends the stage and the material from flags, and the register stays clean', async () => {
    const root = copyRegister();
    const before = read(root, ZG).events.length;
    const r = await record(root, ['zg-swjw-weibo', '--type', '资料留存', '--stage', '开设', '--evidence', '聊天记录=档案 ZG-2026-031', '--evidence', '公告链接=https://example.gov.cn/n/1', '--date', '2026-11-23', '--now', '2026-11-23', '--yes']);
    expect(r.code, r.err).toBe(0);
    expect(r.out).toContain('✓ 已写入 ' + ZG);
    const evs = read(root, ZG).events;
    expect(evs).toHaveLength(before + 1);
    expect(evs.at(-1)).toEqual({ type: '资料留存', date: '2026-11-23', action: '开设', evidence: [{ kind: '聊天记录', ref: '档案 ZG-2026-031' }, { kind: '公告链接', ref: 'https://example.gov.cn/n/1' }] });
    expect(await clean(root, '2026-11-23')).toEqual([]);
  });

  it('a malformed --evidence is a usage error (exit 2) that names the flag, in Chinese or English; nothing is written', async () => {
    const root = copyRegister();
    const text = readFileSync(path.join(root, ZG), 'utf8');
    const zh = await record(root, ['zg-swjw-weibo', '--type', '资料留存', '--stage', '开设', '--evidence', '录像=档案1', '--now', '2026-11-23', '--yes']);
    expect(zh.code).toBe(2);
    expect(zh.err).toContain('--evidence 须写成“种类=位置”');
    const en = await record(root, ['zg-swjw-weibo', '--type', '资料留存', '--stage', '开设', '--now', '2026-11-23', '--yes', '--lang', 'en']);
    expect(en.code).toBe(2);
    expect(en.err).toContain('kept material needs at least one --evidence');
    expect(readFileSync(path.join(root, ZG), 'utf8')).toBe(text);
  });
});

describe('a 资料留存 written by hand without its stage or material', () => {
  it('is a schema finding naming the file, line and field, citing 自贡 第十一条 (exit 1, no stack trace)', async () => {
    const root = copyRegister();
    const abs = path.join(root, ZG);
    const a = JSON.parse(readFileSync(abs, 'utf8')) as { events: Record<string, unknown>[] };
    a.events.push({ type: '资料留存', date: '2026-11-20' });
    writeFileSync(abs, JSON.stringify(a, null, 2) + '\n');
    const r = await cli(['validate', '--root', root, '--now', '2026-11-23']);
    expect(r.code).toBe(1);
    expect(r.err + r.out).not.toMatch(/\n\s+at \S+ \(/);
    const text = r.out + r.err;
    expect(text).toMatch(new RegExp(`${ZG.replace(/[.]/g, '\\.')}:\\d+:\\d+  错误  events\\[\\d+\\] 缺少必填字段“action”`));
    expect(text).toContain('缺少必填字段“evidence”');
    expect(text).toContain('自府办函〔2021〕62号 第十一条');
  });
});

describe('govmedia record: a password change (六安 第三十二条（一）原则上每3个月)', () => {
  it('in time: written with the attesting role only', async () => {
    const root = copyRegister();
    const r = await record(root, ['la-szf-weibo', '--type', '密码更换', '--attested-by', '办公室主任', '--date', '2026-12-01', '--now', '2026-12-01', '--yes']);
    expect(r.code, r.err).toBe(0);
    expect(read(root, WEIBO).events.at(-1)).toEqual({ type: '密码更换', date: '2026-12-01', attestedBy: '办公室主任' });
  });

  it('late without a reason: refused with the rule, its citation and how to give a reason; nothing written', async () => {
    const root = copyRegister();
    const text = readFileSync(path.join(root, WEIBO), 'utf8');
    const r = await record(root, ['la-szf-weibo', '--type', '密码更换', '--date', '2027-02-15', '--now', '2027-02-15', '--yes']);
    expect(r.code).toBe(1);
    expect(r.err).toContain('两次密码更换相隔超过3个月：上次为 2026-10-30，本次为 2027-02-15（应在 2027-01-30 前更换），且本次更换没有写明例外理由');
    expect(r.err).toContain('luan-2021-148/password-rotation-3-months');
    expect(r.err).toContain('第三十二条（一）');
    expect(r.err).toContain('justification');
    expect(readFileSync(path.join(root, WEIBO), 'utf8')).toBe(text);
  });

  it('late with --justification: written; the summary says the supervising office reviews it', async () => {
    const root = copyRegister();
    const r = await record(root, ['la-szf-weibo', '--type', '密码更换', '--justification', '账号 1 月停更，期间无人登录', '--date', '2027-02-15', '--now', '2027-02-15', '--yes']);
    expect(r.code, r.err).toBe(0);
    expect(r.out).toContain('写明了例外理由（合并请求将交主管单位审核）');
    expect(read(root, WEIBO).events.at(-1)).toMatchObject({ type: '密码更换', date: '2027-02-15', justification: '账号 1 月停更，期间无人登录' });
  });

  it('interactive: a late change shows the finding and asks for the reason, which is written', async () => {
    const root = copyRegister();
    const s = scripted([
      [/^记录什么/, '密码更换'],
      [/^日期/, '2027-02-15'],
      [/^确认人的职务/, '分管负责人'],
      [/^未按期更换的理由/, '账号 1 月停更，期间无人登录'],
      [/^确认写入/, true],
    ]);
    const r = await record(root, ['la-szf-weibo', '--now', '2027-02-15'], s.prompts);
    expect(r.code, r.err).toBe(0);
    expect(s.asked.some((m) => m.startsWith('未按期更换的理由'))).toBe(true);
    expect(r.err).toContain('两次密码更换相隔超过3个月');
    expect(read(root, WEIBO).events.at(-1)).toMatchObject({ type: '密码更换', justification: '账号 1 月停更，期间无人登录', attestedBy: '分管负责人' });
  });

  it('in time, interactive: no reason is asked', async () => {
    const root = copyRegister();
    const s = scripted([
      [/^记录什么/, '密码更换'],
      [/^日期/, '2026-12-01'],
      [/^确认写入/, true],
    ]);
    const r = await record(root, ['la-szf-weibo', '--now', '2026-12-01'], s.prompts);
    expect(r.code, r.err).toBe(0);
    expect(s.asked.some((m) => m.startsWith('未按期更换的理由'))).toBe(false);
  });

  it('--justification on kept material is a usage error', async () => {
    const root = copyRegister();
    const r = await record(root, ['zg-swjw-weibo', '--type', '资料留存', '--stage', '开设', '--evidence', '聊天记录=档案1', '--justification', 'x', '--now', '2026-11-23', '--yes']);
    expect(r.code).toBe(2);
    expect(r.err).toContain('--justification 只用于密码更换');
  });
});
