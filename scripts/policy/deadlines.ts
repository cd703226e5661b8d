/**
 * 待办事项的期限：根据适用办法中带 timing 的规则，算出一个账号当前未办结事项的具体日期。
 * Due dates of an account's pending work, from the timing of the rules that apply to it.
 * Used by the PR summary, the scaffolder's "next steps" and the monitor.
 */
import * as cal from '../calendar/workdays.ts';
import type { Bilingual } from '../core/finding.ts';
import type { AccountDoc, Register } from '../core/register.ts';
import { policiesForUnit } from './engine.ts';
import { deriveState } from '../core/lifecycle.ts';
import type { LoadedPolicy } from './types.ts';

export interface NextStep {
  account: string;
  accountName: string;
  text: Bilingual;
  due: string;
  /** 'by' = deadline; 'not-before' = the earliest allowed date. */
  direction: 'by' | 'not-before';
  /** The event types that are due. */
  what: string[];
  citation: string;
  /** Years the computation had to assume plain Mon–Fri weeks for (no official calendar yet). */
  uncovered: number[];
}


export function nextStepsFor(a: AccountDoc, register: Register, policies: readonly LoadedPolicy[], now: string): NextStep[] {
  const out: NextStep[] = [];
  const w = deriveState(a.data).pending;
  if (!w) return out;
  const evs = a.data.events;
  const work = evs.slice(w.index, w.end);
  for (const p of policiesForUnit(register, policies, register.units.get(a.unitId), a.regionId, now)) {
    for (const r of p.rules) {
      const t = r.timing;
      if (!t || !t.works.includes(w.kind)) continue;
      const start = t.from === 'filing' ? work[0] : work.find((e) => (t.from as string[]).includes(e.type));
      if (!start) continue;
      if (work.some((e) => e !== start && t.to.includes(e.type) && e.date >= start.date)) continue;
      let due: string;
      let uncovered: number[] = [];
      if (t.unit === 'workdays') {
        const r2 = cal.addWorkdays(start.date, t.amount);
        due = r2.date;
        uncovered = r2.uncovered;
      } else due = t.unit === 'days' ? cal.addDays(start.date, t.amount) : cal.addMonths(start.date, t.amount);
      const span = t.unit === 'workdays' ? `${t.amount}个工作日` : t.unit === 'days' ? `${t.amount}天` : `${t.amount}个月`;
      const spanEn = `${t.amount} ${t.unit === 'workdays' ? 'working days' : t.unit}`;
      const what = t.to.join('/');
      const text: Bilingual =
        t.direction === 'by'
          ? { zh: `“${what}”应于 ${due} 前完成（“${start.type}”${start.date} 后${span}内）`, en: `"${what}" due by ${due} (${spanEn} after "${start.type}" on ${start.date})` }
          : { zh: `公告期满后方可“${what}”：不早于 ${due}（“${start.type}”${start.date} 起不少于${span}）`, en: `"${what}" not before ${due} (at least ${spanEn} after "${start.type}" on ${start.date})` };
      out.push({ account: a.id, accountName: a.data.name, text, due, direction: t.direction, what: t.to, citation: `${r.citation.doc} ${r.citation.article}`, uncovered });
    }
  }
  out.sort((x, y) => (x.due < y.due ? -1 : x.due > y.due ? 1 : 0));
  return out;
}
