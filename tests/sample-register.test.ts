/**
 * 样例登记簿：五个地区齐全、各种生命周期状态都有、人员和电话明显虚构，并且整体通过检查。
 * The sample register: five regions, every lifecycle state, visibly fictitious people, clean.
 */
import { describe, expect, it } from 'vitest';
import { validateSource } from '../scripts/pipeline/pipeline.ts';
import { ENGINE_ROOT } from '../scripts/core/paths.ts';
import { FsSource } from '../scripts/core/source.ts';
import { deriveState } from '../scripts/core/lifecycle.ts';
import { cliProcess } from './helpers.ts';

const res = await validateSource(new FsSource(ENGINE_ROOT), { now: '2026-11-21' });
const { register } = res;

describe('sample register', () => {
  it('is clean under every rule', () => {
    expect(res.findings.map((f) => `${f.file}:${f.line}:${f.column} ${f.ruleId} ${f.message.zh}`)).toEqual([]);
  });

  // The README's first command runs on the real date; the sample must stay clean as the dates of
  // the session move on. Fixed dates keep the test independent of the machine's clock.
  it.each(['2026-12-05', '2026-12-31'])('is clean on %s as well (the README command, later dates)', async (now) => {
    const later = await validateSource(new FsSource(ENGINE_ROOT), { now });
    expect(later.findings.filter((f) => f.severity !== 'notice').map((f) => `${f.file}:${f.line} ${f.ruleId}`)).toEqual([]);
  });

  it.each(['sichuan/zigong', 'anhui/luan', 'chongqing/qijiang', 'liaoning', 'liaoning/shenyang', 'liaoning/dalian', 'jiangsu/shili'])('region %s has its supervising office and three other kinds of unit', (rid) => {
    const region = register.regions.get(rid);
    expect(region, rid).toBeDefined();
    let office: string | undefined;
    for (let id: string | undefined = rid; id !== undefined && !office; id = id.includes('/') ? id.slice(0, id.lastIndexOf('/')) : undefined) office = register.regions.get(id)?.data.supervisingOffice;
    expect(office, 'supervising office').toBeDefined();
    expect(register.units.get(office!)?.data.kind).toBe('政府办公室');
    const units = [...register.units.values()].filter((u) => u.regionId === rid || u.regionId.startsWith(rid + '/'));
    const kinds = new Set(units.map((u) => u.data.kind).filter((k) => k !== '政府办公室'));
    expect(kinds.size, `kinds in ${rid}: ${[...kinds].join(',')}`).toBeGreaterThanOrEqual(3);
  });

  it.each(['sichuan', 'anhui', 'chongqing', 'liaoning', 'jiangsu'])('%s has accounts in every lifecycle state on several platforms', (prov) => {
    const accounts = register.accounts.filter((a) => a.regionId === prov || a.regionId.startsWith(prov + '/'));
    const states = accounts.map((a) => deriveState(a.data));
    const has = {
      opening: states.some((s) => s.pending?.kind === '开设'),
      active: states.some((s) => s.phase === '正常' && !s.works.some((w) => w.kind === '变更')),
      changed: states.some((s) => s.works.some((w) => w.kind === '变更' && w.done)),
      closing: states.some((s) => s.pending?.kind === '关停'),
      closed: states.some((s) => s.phase === '已关停'),
      backfilled: states.some((s) => s.works.some((w) => w.kind === '补录')),
    };
    expect(has).toEqual({ opening: true, active: true, changed: true, closing: true, closed: true, backfilled: true });
    expect(new Set(accounts.map((a) => a.data.platform)).size).toBeGreaterThanOrEqual(3);
  });

  it('every person and phone number is visibly fictitious', () => {
    for (const a of register.accounts) {
      const t = a.data.team;
      if (!t) continue;
      for (const p of [t.principal, t.inCharge, ...(t.sectionHead ? [t.sectionHead] : []), ...t.operators]) {
        expect(p.name, a.file.rel).toMatch(/（虚构）$/);
        if (p.mobile) expect(p.mobile, a.file.rel).toMatch(/^1300000\d{4}$/);
        if (p.officePhone) expect(p.officePhone, a.file.rel).toMatch(/^0000-000\d{4}$/);
      }
    }
  });

  it('npm run validate (the README command, on a fixed date) exits 0 with a Chinese summary', () => {
    const r = cliProcess(['validate', '--now', '2026-12-05']);
    expect(r.err).toBe('');
    expect(r.out).toContain('登记簿符合规则');
    expect(r.code).toBe(0);
  });
});
