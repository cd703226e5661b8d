/**
 * 内存方面的几处做法不改变结果：账号的生命周期状态存放在账号自己的私有位置里，但只属于一次规则运行
 * （数据变了，下一次运行重新推导）；阶段之间的完整垃圾回收只对大登记簿进行，且不会把 `gc` 留给其他代码。
 *
 * What the memory measures must not change: an account's lifecycle state sits in a private slot of
 * the account but belongs to one rule run (changed data is derived again in the next run); the full
 * collection between stages runs for large registers only and leaves no `gc` for other code.
 */
import vm from 'node:vm';
import { describe, expect, it } from 'vitest';
import { COLLECT_MIN_FILES, collectBetweenStages } from '../scripts/core/collect.ts';
import { ENGINE_ROOT } from '../scripts/core/paths.ts';
import { LoadedAccount } from '../scripts/core/register.ts';
import { FsSource } from '../scripts/core/source.ts';
import { closeEvents, FixtureKit, openEvents } from '../scripts/dev/fixture.ts';
import { readRegister } from '../scripts/pipeline/pipeline.ts';
import { runPolicies } from '../scripts/policy/engine.ts';
import { loadPolicies } from '../scripts/policy/loader.ts';
import { writeKit } from './helpers.ts';

const NOW = '2026-11-20';
const policies = await loadPolicies(ENGINE_ROOT);
const national = policies.filter((p) => p.manifest.id === 'national-2018-123');

/** A unit with two WeChat accounts, the second without a justification (national: 原则上 one per platform). */
function twoWeixin(): FixtureKit {
  const k = new FixtureKit();
  k.region('', { name: '全国', level: '国家', policies: ['national'], supervisingOfficeName: '国务院办公厅' });
  k.region('sichuan', { name: '四川省', level: '省级' });
  k.region('sichuan/zigong', { name: '四川省自贡市', level: '市级', supervisingOffice: 'zg-bgs' });
  k.unit('sichuan/zigong', { id: 'zg-bgs', name: '自贡市人民政府办公室', kind: '政府办公室' });
  k.unit('sichuan/zigong', { id: 'zg-wjw', name: '自贡市卫生健康委员会', kind: '政府部门' });
  k.account('zg-wjw', { id: 'zg-wjw-weixin', name: '健康自贡', platform: '微信公众号', events: openEvents('2024-03-01') });
  k.account('zg-wjw', { id: 'zg-wjw-weixin-2', name: '自贡健康服务', platform: '微信公众号', events: openEvents('2024-05-06') });
  return k;
}

const second = (fs: ReturnType<typeof runPolicies>): string[] => fs.filter((f) => f.ruleId === 'national-2018-123/one-account-per-platform').map((f) => `${f.account} ${f.message.zh}`);

describe('lifecycle states kept on the account, one run at a time', () => {
  it('a loaded account carries its state for the run; a later run with changed events derives it again', () => {
    const dir = writeKit(twoWeixin());
    const { register } = readRegister(new FsSource(dir), { now: NOW, policies: national });
    const extra = register.accountsById.get('zg-wjw-weixin-2')!;
    expect(extra).toBeInstanceOf(LoadedAccount);
    expect(second(runPolicies(register, { now: NOW, policies: national }))).toEqual(['zg-wjw-weixin-2 主办单位“自贡市卫生健康委员会”在微信公众号上已有账号“健康自贡”；“自贡健康服务”是同一平台的第二个账号，备案中没有写明例外理由（原则上只开设一个）']);
    // the extra account is closed: a state kept from the first run would still count it as live
    extra.data.events.push(...closeEvents('2025-01-06'));
    expect(second(runPolicies(register, { now: NOW, policies: national }))).toEqual([]);
    // the closure taken out again: live once more
    extra.data.events.splice(5);
    expect(second(runPolicies(register, { now: NOW, policies: national }))).toHaveLength(1);
  });

  it('an account put together by hand (not a LoadedAccount) is judged the same way', () => {
    const dir = writeKit(twoWeixin());
    const { register } = readRegister(new FsSource(dir), { now: NOW, policies: national });
    const plain = register.accounts.map((a) => ({ file: a.file, data: a.data, id: a.id, unitId: a.unitId, regionId: a.regionId }));
    const byUnit = new Map([['zg-wjw', plain]]);
    const handMade = { ...register, accounts: plain, accountsById: new Map(plain.map((a) => [a.id, a])), accountsByUnit: byUnit };
    expect(plain.some((a) => a instanceof LoadedAccount)).toBe(false);
    expect(second(runPolicies(handMade, { now: NOW, policies: national }))).toEqual(second(runPolicies(register, { now: NOW, policies: national })));
    expect(second(runPolicies(handMade, { now: NOW, policies: national }))).toHaveLength(1);
  });
});

describe('the full collection between stages', () => {
  it('runs only from COLLECT_MIN_FILES files, and leaves no gc behind for other code', () => {
    expect(collectBetweenStages(COLLECT_MIN_FILES - 1)).toBe(false);
    expect(collectBetweenStages(COLLECT_MIN_FILES)).toBe(true);
    expect(collectBetweenStages(COLLECT_MIN_FILES * 5)).toBe(true);
    // the flag was set only while the collector was taken: a context made now has no gc
    expect(vm.runInNewContext('typeof gc')).toBe('undefined');
    expect(typeof (globalThis as { gc?: unknown }).gc).toBe('undefined');
  });

  it('GOVMEDIA_COLLECT=0 turns it off', () => {
    const before = process.env.GOVMEDIA_COLLECT;
    process.env.GOVMEDIA_COLLECT = '0';
    try {
      expect(collectBetweenStages(COLLECT_MIN_FILES * 5)).toBe(false);
    } finally {
      if (before === undefined) delete process.env.GOVMEDIA_COLLECT;
      else process.env.GOVMEDIA_COLLECT = before;
    }
  });
});
