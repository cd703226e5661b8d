/**
 * 个人信息：收集登记簿中的全部人员姓名和电话，并在公开输出中兜底清除。
 * Personal data: every staff name and phone number in the register, and a last-line scrubber for
 * public output (public records are built from non-personal fields; this catches the rest, e.g.
 * a name someone typed into a change description).
 */
import type { Register } from './register.ts';

export interface PersonalData {
  names: Set<string>;
  phones: Set<string>;
}

/** Every person name (team members and the review lists) and phone number of the register. */
export function collectPersonalData(register: Register): PersonalData {
  const names = new Set<string>();
  const phones = new Set<string>();
  for (const a of register.accounts) {
    const t = a.data.team;
    if (!t) continue; // unknown team (backfilled account)
    for (const p of [t.principal, t.inCharge, t.sectionHead, ...t.operators]) {
      if (!p) continue;
      if (p.name.trim()) names.add(p.name.trim());
      if (p.mobile) phones.add(p.mobile);
      if (p.officePhone) phones.add(p.officePhone);
    }
    for (const list of [t.review?.editors, t.review?.reviewers, t.review?.finalApprovers]) for (const n of list ?? []) if (n.trim()) names.add(n.trim());
  }
  return { names, phones };
}

/** Mobile and landline shapes (11-digit mobiles, area code + number). */
const PHONE_RE = /(?<!\d)(?:1\d{10}|0\d{2,3}-?\d{7,8})(?!\d)/g;
const REDACTED = '＊＊';

/**
 * A function that removes the register's names and phones from a string; with `phoneShapes`,
 * also anything shaped like a phone number (for free text such as change descriptions, not for
 * URLs or platform ids, whose digits are legitimately long). Names of one character are ignored
 * (they would hit ordinary words).
 */
export function scrubber(data: PersonalData, opts: { phoneShapes?: boolean } = {}): (value: string) => string {
  const tokens = [...data.names, ...data.phones].filter((t) => t.length >= 2).sort((a, b) => b.length - a.length);
  const re = tokens.length ? new RegExp(tokens.map(escapeRe).join('|'), 'g') : undefined;
  return (value) => {
    let v = re ? value.replace(re, REDACTED) : value;
    if (opts.phoneShapes) v = v.replace(PHONE_RE, REDACTED);
    return v;
  };
}

function escapeRe(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
