/**
 * 整库检查边读边判：每个单位的账号读完即按账号规则判断，之后只保留后续阶段要读的字段。
 * 结果必须与先读完整个登记簿再判断完全相同；瘦身后的账号数据仍能读出文件的全部内容，且不能修改。
 * A whole register is judged as it is read (pipeline.ts validateSource, engine.ts PolicyRun,
 * register.ts slimAccount): the findings equal those of a whole load judged afterwards, on real
 * files with faults of every kind; each unit's accounts reach the account rules once and complete;
 * a slimmed account still reads as its whole file and cannot be changed; and an account rule that
 * lists the register's accounts, or throws, is reported once, not once per unit.
 */
import { cpSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ENGINE_ROOT } from '../scripts/core/paths.ts';
import { FsSource } from '../scripts/core/source.ts';
import { loadRegister, type AccountDoc } from '../scripts/core/register.ts';
import { schemasFor, validateSource } from '../scripts/pipeline/pipeline.ts';
import { loadPolicies } from '../scripts/policy/loader.ts';
import { defineRule, type LoadedPolicy } from '../scripts/policy/types.ts';
import { tmpDir } from './support/tmp.ts';

const NOW = '2026-12-05';

/** The sample register copied to a temporary folder, with faults planted in real files. */
function plantedRegister(): string {
  const dir = tmpDir('govmedia-stream-');
  cpSync(path.join(ENGINE_ROOT, 'accounts'), path.join(dir, 'accounts'), { recursive: true });
  const acc = (rel: string): string => path.join(dir, 'accounts', rel);
  const edit = (rel: string, f: (v: Record<string, unknown>) => void): void => {
    const v = JSON.parse(readFileSync(acc(rel), 'utf8')) as Record<string, unknown>;
    f(v);
    writeFileSync(acc(rel), JSON.stringify(v, null, 2));
  };
  // a second WeChat account of the same unit (one per platform), with and without a justification
  const wx = JSON.parse(readFileSync(acc('sichuan/zigong/zg-swjw/zg-swjw-weixin.json'), 'utf8')) as { id: string; name: string; events: { justification?: string }[] };
  writeFileSync(acc('sichuan/zigong/zg-swjw/zg-swjw-weixin2.json'), JSON.stringify({ ...wx, id: 'zg-swjw-weixin2', name: `${wx.name}二` }, null, 2));
  const ev0 = { ...wx.events[0]!, justification: '服务对象不同，确需单列' };
  writeFileSync(acc('sichuan/zigong/zg-swjw/zg-swjw-weixin3.json'), JSON.stringify({ ...wx, id: 'zg-swjw-weixin3', name: `${wx.name}三`, events: [ev0, ...wx.events.slice(1)] }, null, 2));
  // the same name as another unit's account on the same platform (impersonation), a secret, a schema error
  edit('sichuan/zigong/zg-scdc/zg-scdc-weixin.json', (v) => void (v.name = wx.name));
  edit('sichuan/zigong/zg-scdc/' + firstAccount(dir, 'sichuan/zigong/zg-scdc'), (v) => void ((v.certification as { publicInfo: string }).publicInfo += ' 密码:Abc12345xyz'));
  edit('sichuan/zigong/zg-zfgjj/' + firstAccount(dir, 'sichuan/zigong/zg-zfgjj'), (v) => void delete v.operatingMode);
  // a closure under way and a change of name
  edit('sichuan/zigong/zg-swjw/zg-swjw-douyin.json', (v) => void (v.events as unknown[]).push({ type: '关停备案', date: '2026-10-02', reason: '整合' }, { type: '注销公告', date: '2026-10-09' }));
  edit('sichuan/zigong/zg-swjw/zg-swjw-toutiao.json', (v) => void (v.name = `${String(v.name)}服务`));
  // a unit folder inside a unit folder, between that unit's own files in the listing's order
  renameSync(acc('sichuan/zigong/zg-sgaj'), acc('sichuan/zigong/zg-swjw/zg-sgaj'));
  return dir;
}

function firstAccount(dir: string, unitDir: string): string {
  const src = new FsSource(dir);
  const f = src.list('accounts').find((e) => e.rel.startsWith(`accounts/${unitDir}/`) && e.rel.endsWith('.json') && !e.rel.endsWith('/unit.json'));
  return path.posix.basename(f!.rel);
}

describe('a whole register judged as it is read', () => {
  it('finds exactly what a whole load judged afterwards finds (same findings, same order, same text)', async () => {
    const dir = plantedRegister();
    const streamed = await validateSource(new FsSource(dir), { now: NOW });
    // a cached load is kept whole and judged after it is read (pipeline.ts): the reference
    const whole = await validateSource(new FsSource(dir), { now: NOW, cache: new Map() });
    expect(JSON.stringify(streamed.findings)).toBe(JSON.stringify(whole.findings));
    expect(streamed.summary).toEqual(whole.summary);
    const rules = new Set(streamed.findings.map((f) => f.ruleId));
    // the planted faults were found, so the comparison covers account, unit, register and load-time checks
    for (const r of ['zigong-2021-62/one-account-per-platform', 'register/impersonation', 'register/secret', 'register/schema', 'register/misplaced']) expect(rules).toContain(r);
    expect(streamed.findings.some((f) => f.ruleId.endsWith('/consistent-names-across-platforms'))).toBe(true);
    expect(streamed.findings.find((f) => f.ruleId === 'zigong-2021-62/one-account-per-platform' && f.file.endsWith('zg-swjw-weixin2.json'))?.message.zh).toContain('第二个账号');
  });

  it('gives each unit its accounts once, complete, and before the register is finished loading', async () => {
    const dir = plantedRegister();
    // put the unit's own files on both sides of the folder inside it: a.json sorts before zg-sgaj/, the others after
    const src = new FsSource(dir);
    const wx = JSON.parse(readFileSync(path.join(dir, 'accounts/sichuan/zigong/zg-swjw/zg-swjw-weixin.json'), 'utf8')) as Record<string, unknown>;
    writeFileSync(path.join(dir, 'accounts/sichuan/zigong/zg-swjw/zg-a.json'), JSON.stringify({ ...wx, id: 'zg-a', platform: '今日头条' }, null, 2));
    const batches: { unit: string; ids: string[]; loadedSoFar: number }[] = [];
    const { register } = loadRegister(src, {
      schemas: schemasFor(ENGINE_ROOT),
      now: NOW,
      onAccounts: (batch, reg) => batches.push({ unit: batch[0]!.unitId, ids: batch.map((a) => a.id), loadedSoFar: reg.accounts.length }),
    });
    const units = batches.map((b) => b.unit);
    expect(new Set(units).size).toBe(units.length);
    for (const b of batches) {
      expect(b.ids).toEqual((register.accountsByUnit.get(b.unit) ?? []).map((a: AccountDoc) => a.id));
      expect(new Set(batches.flatMap((x) => x.ids)).size).toBe(register.accounts.length);
    }
    const swjw = batches.find((b) => b.unit === 'zg-swjw')!;
    expect(swjw.ids).toContain('zg-a');
    expect(swjw.ids).toContain('zg-swjw-weixin3');
    // the first unit was handed over long before the last account was read
    expect(batches[0]!.loadedSoFar).toBeLessThan(register.accounts.length);
  });

  it('a slimmed account still reads as its whole file, and its data cannot be changed', async () => {
    const dir = plantedRegister();
    const { register } = await validateSource(new FsSource(dir), { now: NOW });
    expect(register.accounts.length).toBeGreaterThan(20);
    for (const a of register.accounts) {
      const file = JSON.parse(readFileSync(path.join(dir, a.file.rel), 'utf8')) as Record<string, unknown>;
      expect(JSON.stringify(a.data)).toBe(JSON.stringify(file));
      expect(Object.keys(a.data)).toEqual(Object.keys(file));
      expect(a.data.events).toEqual(file.events);
      expect('team' in a.data).toBe('team' in file);
    }
    const a = register.accounts[0]!;
    expect(() => {
      (a.data as { name: string }).name = '改了';
    }).toThrow(TypeError);
    expect(() => {
      a.data.events.push({ type: '密码更换', date: NOW } as never);
    }).toThrow(TypeError);
    expect(() => {
      (a.data.certifiedEntity as { name: string }).name = '改了';
    }).toThrow(TypeError);
    expect(a.data.name).not.toBe('改了');
    expect(a.data.events.length).toBe((JSON.parse(readFileSync(path.join(dir, a.file.rel), 'utf8')) as { events: unknown[] }).events.length);
  });

  it('an account rule that lists the register, or throws, is reported once, not once per unit', async () => {
    const dir = plantedRegister();
    const real = await loadPolicies(ENGINE_ROOT);
    const zigong = real.find((p) => p.manifest.id === 'zigong-2021-62')!;
    const citation = zigong.rules[0]!.citation;
    const base = { severity: 'error' as const, citation, messages: { m: { zh: '测试', en: 'test' } }, fix: { zh: '无', en: 'none' } };
    const probe: LoadedPolicy = {
      ...zigong,
      rules: [
        defineRule({ ...base, name: 'lists-register', scope: 'account', title: { zh: '列出全库', en: 'lists the register' }, check: (ctx) => void ctx.accounts() }),
        defineRule({ ...base, name: 'throws', scope: 'account', title: { zh: '出错', en: 'throws' }, check: () => { throw new Error('boom'); } }),
      ],
    };
    const res = await validateSource(new FsSource(dir), { now: NOW, policies: [probe], exceptionsDir: 'none', baselineFile: 'none' });
    const failed = res.findings.filter((f) => f.ruleId.startsWith('zigong-2021-62/'));
    expect(failed.map((f) => f.ruleId).sort()).toEqual(['zigong-2021-62/lists-register', 'zigong-2021-62/throws']);
    expect(failed.find((f) => f.ruleId === 'zigong-2021-62/lists-register')!.message.zh).toContain('ctx.accounts() is for unit and register rules');
    expect(failed.find((f) => f.ruleId === 'zigong-2021-62/throws')!.message.zh).toBe('规则 zigong-2021-62/throws 运行出错：boom');
  });
});
