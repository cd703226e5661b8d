/**
 * 规则测试用的最小登记簿构造器（写成真实文件后由真实的读取器加载）。
 * A small builder for test registers. Cases modify a module's base fixture; the tester
 * writes the files to a real temporary folder and loads them with the real loader.
 */
import type { AccountFile, Event, Person, RegionFile, UnitFile } from '../generated/types.ts';
import type { FiledAccount } from '../policy/stage.ts';

export type Json = Record<string, unknown>;

let personSeq = 0;

/** A visibly fictitious person. */
export function person(name: string, position: string, n = ++personSeq): Person {
  const k = String(n % 10000).padStart(4, '0');
  return { name: `${name}（虚构）`, position, officePhone: `0000-000${k}`, mobile: `1300000${k}` };
}

export class FixtureKit {
  /** accounts/-relative path → document (object) or raw text. */
  readonly files = new Map<string, Json | string>();
  /** Default judgement date for cases. */
  now = '2026-11-20';

  region(id: string, data: Partial<RegionFile> & { name: string; level: RegionFile['level'] }): RegionFile {
    const depth = id === '' ? 0 : id.split('/').length;
    const doc: RegionFile = { $schema: '../'.repeat(depth + 1) + 'schemas/region.schema.json', id, policies: [], ...data };
    this.files.set(`${id ? id + '/' : ''}region.json`, doc as unknown as Json);
    return doc;
  }

  /** Create a region chain, e.g. chain(['sichuan','四川省','省级'], ['sichuan/zigong','四川省自贡市','市级']). */
  unit(regionId: string, data: Partial<UnitFile> & { id: string; name: string; kind: UnitFile['kind'] }): UnitFile {
    const depth = regionId === '' ? 1 : regionId.split('/').length + 1;
    const doc: UnitFile = { $schema: '../'.repeat(depth + 1) + 'schemas/unit.schema.json', region: regionId, ...data };
    this.files.set(`${regionId ? regionId + '/' : ''}${data.id}/unit.json`, doc as unknown as Json);
    return doc;
  }

  getUnit(id: string): UnitFile {
    for (const [rel, doc] of this.files) if (rel.endsWith(`/${id}/unit.json`) || rel === `${id}/unit.json`) return doc as unknown as UnitFile;
    throw new Error(`fixture: no unit ${id}`);
  }

  unitPath(id: string): string {
    for (const rel of this.files.keys()) if (rel.endsWith(`/${id}/unit.json`) || rel === `${id}/unit.json`) return rel.slice(0, -'/unit.json'.length);
    throw new Error(`fixture: no unit ${id}`);
  }

  /** Add an account to a unit, with compliant defaults for everything not given. */
  account(unitId: string, data: Partial<AccountFile> & { id: string; name: string; platform: AccountFile['platform'] }): AccountFile {
    const unit = this.getUnit(unitId);
    const dir = this.unitPath(unitId);
    const depth = dir.split('/').length;
    const opened = '2025-03-03';
    const { id, name, platform, ...rest } = data;
    const doc: AccountFile = {
      $schema: '../'.repeat(depth + 1) + 'schemas/account.schema.json',
      id,
      name,
      platform,
      ...(data.platform === '微信公众号' ? { subType: '订阅号' as const } : {}),
      hostUnit: unitId,
      certifiedEntity: { name: unit.name, category: unit.kind === '政府办公室' ? '人民政府' : unit.kind === '内设机构' ? '内设机构' : (unit.kind as NonNullable<AccountFile['certifiedEntity']>['category']), unit: unitId },
      operatingUnit: unit.name,
      operatingMode: '自营',
      contentType: '图文',
      certification: { status: '已认证', publicInfo: unit.name },
      team: {
        principal: person('甲主任', `${unit.name} 主任`),
        inCharge: person('乙副主任', `${unit.name} 副主任`),
        sectionHead: person('丙科长', `${unit.name} 办公室科长`),
        operators: [person('丁编辑', `${unit.name} 办公室科员`)],
        review: { editors: ['丁编辑（虚构）'], reviewers: ['丙科长（虚构）'], finalApprovers: ['乙副主任（虚构）'] },
      },
      events: openEvents(opened),
      ...(data.platform === '移动客户端'
        ? { app: { ipv6: true, agingFriendly: true, accessibility: true, serverLocation: { place: '本市政务云', inRegion: true, abroad: false } } }
        : {}),
      ...rest,
    } as AccountFile;
    this.files.set(`${dir}/${data.id}.json`, doc as unknown as Json);
    return doc;
  }

  get(id: string): FiledAccount {
    for (const [rel, doc] of this.files) if (rel.endsWith(`/${id}.json`)) return doc as unknown as FiledAccount;
    throw new Error(`fixture: no account ${id}`);
  }

  accountPath(id: string): string {
    for (const rel of this.files.keys()) if (rel.endsWith(`/${id}.json`)) return rel;
    throw new Error(`fixture: no account ${id}`);
  }

  /** Re-date an account's events in order (and the filing's unitDecision with its event). */
  dates(id: string, dates: string[]): void {
    const evs = this.get(id).events;
    dates.forEach((d, i) => {
      const ev = evs[i];
      if (!ev) return;
      ev.date = d;
      if (ev.unitDecision) ev.unitDecision.date = d;
    });
  }

  remove(id: string): void {
    this.files.delete(this.accountPath(id));
  }

  /** Put raw text at a path (for broken-file cases). */
  raw(rel: string, text: string): void {
    this.files.set(rel, text);
  }
}

/** A compliant opening: filing, review within 2 working days, certification, national-system entry. */
export function openEvents(date: string, extra: Partial<Event> = {}): Event[] {
  const d = (n: number): string => shift(date, n);
  return [
    { type: '开设备案', date, reason: '履行政务公开职责，发布本单位政务信息、回应社会关切，信息来源为本单位，由办公室负责每周更新。', unitDecision: { decision: '同意', date, by: '主要负责人' }, ...extra },
    { type: '主管审核', date: d(1), decision: '同意', reviewer: '本级政府办公室', level: '同级' },
    { type: '平台注册', date: d(2) },
    { type: '平台认证', date: d(3) },
    { type: '系统填报', date: d(4), action: '开设' },
  ];
}

/** A compliant closure: filing, announcement the next day, deregistration after 40 days, entry. */
export function closeEvents(date: string): Event[] {
  return [
    { type: '关停备案', date, reason: '因机构改革职能划转，账号不再保留，信息发布并入本级政府账号。', unitDecision: { decision: '同意', date, by: '主要负责人' } },
    { type: '主管审核', date: shift(date, 1), decision: '同意', reviewer: '本级政府办公室', level: '同级' },
    { type: '注销公告', date: shift(date, 2), announcementDays: 30, evidence: [{ kind: '公告截图', ref: 'https://example.gov.cn/notice/1' }] },
    { type: '平台注销', date: shift(date, 60), evidence: [{ kind: '注销完成截图', ref: '档案 2026-001' }] },
    { type: '系统填报', date: shift(date, 61), action: '关停' },
  ];
}

/** Add natural days to a YYYY-MM-DD date. */
export function shift(date: string, days: number): string {
  const t = Date.UTC(Number(date.slice(0, 4)), Number(date.slice(5, 7)) - 1, Number(date.slice(8, 10))) + days * 86400000;
  return new Date(t).toISOString().slice(0, 10);
}
