/**
 * 生命周期：开设尚未审核同意时提交的变更，是对开设申请的修改，账号仍在开设中（公开网站显示“开设中”，
 * 监测仍列出主管审核的期限）。
 *
 * Lifecycle: a change filed before the opening was approved amends the application; the account stays
 * 开设中 on the public site and the review deadline stays in `monitor`.
 */
import { rmSync } from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { cmdMonitor } from '../scripts/commands/monitor.ts';
import { validateSource } from '../scripts/pipeline/pipeline.ts';
import { FsSource } from '../scripts/core/source.ts';
import { publicRecords } from '../scripts/export/records.ts';
import type { Event } from '../scripts/generated/types.ts';
import type { MonitorReport } from '../scripts/monitor/types.ts';
import { FixtureKit, openEvents } from '../scripts/dev/fixture.ts';
import { deriveState, eventsOfWork } from '../scripts/core/lifecycle.ts';
import { tmpDir, writeKit } from './helpers.ts';

const dirs: string[] = [];
afterAll(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

const [filing, review, registered, certified, entry] = openEvents('2026-02-12');
const change: Event = { type: '变更备案', date: '2026-02-13', reason: '更正账号名称。', unitDecision: { decision: '同意', date: '2026-02-13', by: '主要负责人' }, changes: [{ field: '账号名称', from: '健康自贡', to: '自贡健康' }] };

describe('deriveState: a change while the opening is unfinished', () => {
  it('a change filed before approval is part of the opening: 申请中, pending is the opening, no separate 变更 work', () => {
    const s = deriveState({ events: [filing!, change] });
    expect(s.phase).toBe('申请中');
    expect(s.works.map((w) => w.kind)).toEqual(['开设']);
    expect(s.works[0]!.amendments).toEqual([1]);
    expect(s.pending).toMatchObject({ kind: '开设', index: 0 });
  });

  it('the approval after such a change approves the opening (已备案), and the entry makes it 正常', () => {
    const evs = [filing!, change, { ...review!, date: '2026-02-24' }];
    expect(deriveState({ events: evs }).phase).toBe('已备案');
    expect(deriveState({ events: evs }).pending?.kind).toBe('开设');
    expect(eventsOfWork(evs, deriveState({ events: evs }).works[0]!).map((x) => x.ev.type)).toEqual(['开设备案', '变更备案', '主管审核']);
    const done = deriveState({ events: [...evs, { ...registered!, date: '2026-02-25' }, { ...certified!, date: '2026-02-26' }, { ...entry!, date: '2026-02-27' }] });
    expect(done.phase).toBe('正常');
    expect(done.pending).toBeUndefined();
  });

  it('a rejected application amended by a change goes back to 申请中', () => {
    expect(deriveState({ events: [filing!, { ...review!, decision: '不同意' }, { ...change, date: '2026-02-20' }] }).phase).toBe('申请中');
  });

  it('a change after approval but before the entry is its own work, yet the account is not 正常 and the opening stays pending', () => {
    const s = deriveState({ events: [filing!, review!, { ...change, date: '2026-02-14' }] });
    expect(s.works.map((w) => w.kind)).toEqual(['开设', '变更']);
    expect(s.phase).toBe('已备案');
    expect(s.pending).toMatchObject({ kind: '开设' });
    // the entry of the opening is recognised although a change was filed since; the change is still open
    const entered = deriveState({ events: [filing!, review!, { ...change, date: '2026-02-14' }, { type: '系统填报', date: '2026-02-16', action: '开设' }] });
    expect(entered.works[0]!.done).toBe('2026-02-16');
    expect(entered.phase).toBe('变更中');
    expect(entered.pending).toMatchObject({ kind: '变更' });
  });

  it('a change after the opening was entered is unchanged: 变更中, then 正常 after its entry', () => {
    const live = openEvents('2026-02-12');
    const s = deriveState({ events: [...live, { ...change, date: '2026-03-01' }] });
    expect(s.phase).toBe('变更中');
    expect(s.pending?.kind).toBe('变更');
    expect(deriveState({ events: [...live, { ...change, date: '2026-03-01' }, { type: '系统填报', date: '2026-03-02', action: '变更' }] }).phase).toBe('正常');
  });
});

function zigong(events: Event[]): string {
  const k = new FixtureKit();
  k.region('', { name: '全国', level: '国家' });
  k.region('sichuan', { name: '四川省', level: '省级' });
  k.region('sichuan/zigong', { name: '四川省自贡市', level: '市级', supervisingOffice: 'zg-bgs', policies: ['sichuan/zigong'] });
  k.unit('sichuan/zigong', { id: 'zg-bgs', name: '自贡市人民政府办公室', kind: '政府办公室', level: '市级' });
  k.unit('sichuan/zigong', { id: 'zg-wjw', name: '自贡市卫生健康委员会', shortName: '市卫健委', kind: '政府部门', level: '市级' });
  k.account('zg-wjw', { id: 'zg-wjw-weixin', name: '健康自贡', platform: '微信公众号', events });
  const d = tmpDir('govmedia-lifecycle-');
  dirs.push(d);
  return writeKit(k, d);
}

describe('what people see', () => {
  it('the public record says 开设中 (not 正常) for an opening amended before approval', async () => {
    const root = zigong([filing!, change]);
    const { register } = await validateSource(new FsSource(root), { now: '2026-02-20' });
    const [r] = publicRecords(register, '2026-02-20');
    expect(r).toMatchObject({ id: 'zg-wjw-weixin', publicStatus: '开设中', state: '申请中' });
  });

  it('monitor still lists the supervising office\'s 5-working-day review (自贡 第七条（三）), due 2026-02-26', async () => {
    const root = zigong([filing!, change]);
    let out = '';
    await cmdMonitor(['--root', root, '--now', '2026-02-24', '--format', 'json'], { out: (s) => void (out += s), err: () => undefined });
    const items = (JSON.parse(out) as MonitorReport).groups.flatMap((g) => g.items).filter((i) => i.kind === 'deadline');
    expect(items.map((i) => i.due)).toContain('2026-02-26');
    expect(items.find((i) => i.due === '2026-02-26')!.what.zh).toContain('主管审核');
  });
});
