/**
 * 引擎：按日期选用办法版本；账号适用其地区及所有上级地区绑定的办法。
 * The engine picks the version in force on the date, and reaches accounts through ancestor regions.
 */
import { describe, expect, it } from 'vitest';
import { validateSource } from '../scripts/pipeline/pipeline.ts';
import { ENGINE_ROOT } from '../scripts/core/paths.ts';
import { FsSource } from '../scripts/core/source.ts';
import { policiesFor, versionInForce } from '../scripts/policy/engine.ts';
import { loadPolicies } from '../scripts/policy/loader.ts';
import type { LoadedPolicy } from '../scripts/policy/types.ts';

const policies = await loadPolicies(ENGINE_ROOT);
const { register } = await validateSource(new FsSource(ENGINE_ROOT), { now: '2026-11-21' });

function version(id: string, inForce: string, repealed?: string): LoadedPolicy {
  return { manifest: { id, issuer: '示例', docNumber: id, title: id, issued: inForce, inForce, supersedes: [], source: '-', jurisdiction: '-', ...(repealed ? { repealed } : {}) }, series: 'sichuan/zigong', version: id, dir: `policies/sichuan/zigong/${id}`, rules: [], extras: {} };
}

describe('policy versions', () => {
  const old = version('zigong-2019-78', '2019-05-01');
  const cur = version('zigong-2021-62', '2021-09-27');
  const all = [old, cur];
  it('picks the version in force on the date', () => {
    expect(versionInForce(all, 'sichuan/zigong', '2019-04-30')).toBeUndefined();
    expect(versionInForce(all, 'sichuan/zigong', '2019-05-01')?.manifest.id).toBe('zigong-2019-78');
    expect(versionInForce(all, 'sichuan/zigong', '2021-09-26')?.manifest.id).toBe('zigong-2019-78');
    expect(versionInForce(all, 'sichuan/zigong', '2021-09-27')?.manifest.id).toBe('zigong-2021-62');
  });
  it('a repealed version no longer applies', () => {
    const gone = version('x-2020', '2020-01-01', '2022-01-01');
    expect(versionInForce([gone], 'sichuan/zigong', '2021-06-01')?.manifest.id).toBe('x-2020');
    expect(versionInForce([gone], 'sichuan/zigong', '2022-01-01')).toBeUndefined();
  });
});

describe('region binding', () => {
  it('辽宁 province plan reaches accounts in 沈阳 and 大连', () => {
    for (const city of ['liaoning/shenyang', 'liaoning/dalian']) expect(policiesFor(register, policies, city, '2026-11-21').map((p) => p.manifest.id)).toEqual(['liaoning-2019-plan', 'national-2018-123']);
  });
  it('自流井区 accounts are judged by the 自贡 measures bound to the city', () => {
    expect(policiesFor(register, policies, 'sichuan/zigong/ziliujing', '2026-11-21').map((p) => p.manifest.id)).toEqual(['zigong-2021-62', 'national-2018-123']);
  });
  it('before a measure came into force it does not apply', () => {
    expect(policiesFor(register, policies, 'anhui/luan', '2021-12-15').map((p) => p.manifest.id)).toEqual(['national-2018-123']);
    expect(policiesFor(register, policies, 'anhui/luan', '2018-12-06')).toEqual([]);
    expect(policiesFor(register, policies, 'anhui/luan', '2021-12-16').map((p) => p.manifest.id)).toEqual(['luan-2021-148', 'national-2018-123']);
  });
  it('a document that states no date of entry into force (綦江, 江苏) applies from the region\'s adoption of the register, never from an invented date', () => {
    const qj = policies.find((p) => p.series === 'chongqing/qijiang')!;
    const js = policies.find((p) => p.series === 'jiangsu/city')!;
    expect([qj.manifest.inForce, js.manifest.inForce]).toEqual(['adoption', 'adoption']);
    // the sample 綦江 region records its adoption on 2024-03-07
    expect(register.regions.get('chongqing/qijiang')!.data.adoptedOn).toBe('2024-03-07');
    expect(policiesFor(register, policies, 'chongqing/qijiang', '2024-03-06').map((p) => p.manifest.id)).toEqual(['national-2018-123']);
    const v = policiesFor(register, policies, 'chongqing/qijiang', '2024-03-07').find((p) => p.series === 'chongqing/qijiang')!;
    // rules see a date: the adoption day, marked as such for the PR summary
    expect(v.manifest).toMatchObject({ id: 'qijiang-current', inForce: '2024-03-07', inForceFromAdoption: true });
    // the loaded module itself is untouched, and one copy serves every call for the same date
    expect(qj.manifest.inForce).toBe('adoption');
    expect(policiesFor(register, policies, 'chongqing/qijiang', '2026-11-21').find((p) => p.series === 'chongqing/qijiang')).toBe(policiesFor(register, policies, 'chongqing/qijiang', '2025-01-01').find((p) => p.series === 'chongqing/qijiang'));
    // with no adoption date anywhere in the chain, the day of the check: no earlier work is judged
    expect(versionInForce([qj], 'chongqing/qijiang', '2026-11-21')?.manifest.inForce).toBe('2026-11-21');
    expect(versionInForce([qj], 'chongqing/qijiang', '2026-11-21', '2026-12-01')).toBeUndefined();
  });
  it('every region binding names an existing policy series', () => {
    const series = new Set(policies.map((p) => p.series));
    for (const r of register.regions.values()) for (const b of r.data.policies) expect(series, `${r.id} → ${b}`).toContain(b);
  });
});

describe('messages are meaning, not text', () => {
  const zigong = policies.find((p) => p.series === 'sichuan/zigong')!;

  it('a rule reporting an unknown message id fails (a "rule failed" finding for the maintainers), never printing the id as the message', async () => {
    const { runPolicies } = await import('../scripts/policy/engine.ts');
    const rule = { ...zigong.rules.find((r) => r.scope === 'account')!, name: 'typo-rule', check: (ctx: import('../scripts/policy/types.ts').RuleContext, a: import('../scripts/core/register.ts').AccountDoc) => ctx.report({ account: a, messageId: 'noSuchMessage' }) } as import('../scripts/policy/types.ts').Rule;
    const findings = runPolicies(register, { now: '2026-11-21', policies: [{ ...zigong, rules: [rule] }] });
    expect(findings.length).toBe(1);
    expect(findings[0]!.message.zh).toContain('运行出错');
    expect(findings[0]!.message.zh).toContain('unknown message id "noSuchMessage"');
    expect(findings[0]!.actor).toBe('maintainers');
    expect(findings.some((f) => f.message.zh === 'noSuchMessage')).toBe(false);
  });

  it('a fix table that does not match the messages fails the load', async () => {
    const { checkMessages } = await import('../scripts/policy/loader.ts');
    const rule = zigong.rules.find((r) => r.name === 'entry-within-3-workdays')!;
    expect(() => checkMessages('policies/x', rule)).not.toThrow();
    const fix = { ...(rule.fix as Record<string, { zh: string; en: string }>) };
    delete fix.late;
    expect(() => checkMessages('policies/x', { ...rule, fix } as typeof rule)).toThrow(/fix.*缺少：late/);
    expect(() => checkMessages('policies/x', { ...rule, messages: { ...rule.messages, late: { zh: '逾期', en: '' } } } as typeof rule)).toThrow(/lacks zh or en/);
  });
});
