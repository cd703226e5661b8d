/**
 * 本模块规则共用的小工具（不是规则）。
 * Small helpers shared by this module's rules (not rules themselves).
 */
import type { AccountDoc, Register, UnitDoc } from '#engine/core/register';
import type { Work } from '#engine/core/lifecycle';
import type { RuleContext } from '#engine/policy/types';

/** A piece of work is judged by this version only if it started on or after the version came into force. */
export function judged(ctx: RuleContext, w: Work): boolean {
  return ctx.judged(w);
}

/** An event date is judged by this version only from the day it came into force. */
export function judgedDate(ctx: RuleContext, date: string): boolean {
  return ctx.inForce(date);
}

/** The piece of work (filing and what follows it) that event `i` belongs to, if any. */
export function workAt(works: readonly Work[], i: number): Work | undefined {
  let found: Work | undefined;
  for (const w of works) if (w.index <= i) found = w;
  return found;
}

/** Key information (自府办函〔2021〕62号 第十七条，附件3 注2): 账号名称、认证主体、认证主体的分类. */
export const KEY_FIELDS = ['账号名称', '认证主体', '认证主体分类'] as const;
export type KeyField = (typeof KEY_FIELDS)[number];
export function isKeyField(f: string): f is KeyField {
  return (KEY_FIELDS as readonly string[]).includes(f);
}

/**
 * The city's supervising office: the supervisingOffice of the nearest region (from the unit up)
 * that binds this policy's series (市政府办公室, 第三条).
 */
export function cityOffice(ctx: RuleContext, u: UnitDoc): UnitDoc | undefined {
  for (const r of ctx.regionChain(u.regionId)) {
    if (r.data.policies.includes(ctx.policy.series) && r.data.supervisingOffice) return ctx.register.units.get(r.data.supervisingOffice);
  }
  return undefined;
}

/**
 * The supervising offices a unit answers to (第三条): its own supervisor (区县政府办公室, or the
 * city department of a vertically managed system), and the supervising office of every region
 * above it up to the city (市政府办公室 is 全市的主管单位).
 */
export function supervisorChain(ctx: RuleContext, u: UnitDoc): UnitDoc[] {
  const out: UnitDoc[] = [];
  const add = (x: UnitDoc | undefined): void => {
    if (x && !out.includes(x)) out.push(x);
  };
  add(ctx.supervisorOf(u));
  for (const r of ctx.regionChain(u.regionId)) if (r.data.supervisingOffice) add(ctx.register.units.get(r.data.supervisingOffice));
  return out;
}

const byName = new WeakMap<Register, Map<string, UnitDoc>>();
/** Registered units by full name and by short name (built once per register). */
export function unitsByName(register: Register): Map<string, UnitDoc> {
  let m = byName.get(register);
  if (!m) {
    m = new Map();
    for (const u of register.units.values()) {
      if (!m.has(u.data.name)) m.set(u.data.name, u);
      if (u.data.shortName && !m.has(u.data.shortName)) m.set(u.data.shortName, u);
      for (const alias of u.data.aliases ?? []) if (!m.has(alias)) m.set(alias, u);
    }
    byName.set(register, m);
  }
  return m;
}

/** Index of the event that completed a work in the national system (系统填报 on w.done), or -1. */
export function doneIndex(a: AccountDoc, w: Work): number {
  if (!w.done) return -1;
  const evs = a.data.events;
  for (let i = w.index + 1; i < evs.length; i++) {
    const ev = evs[i]!;
    if (ev.type === '系统填报' && ev.date === w.done) return i;
  }
  return -1;
}
