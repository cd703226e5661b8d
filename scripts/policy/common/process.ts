/**
 * 办理流程类规则工厂：备案要件、事件先后顺序、期限（工作日/自然日/月）、公告期、证明材料。
 * Process rule factories: what a filing must carry, the order of events, deadlines in
 * working days / natural days / months, announcement periods, evidence.
 *
 * These judge recorded facts only (a late event that is in the file). Work still pending
 * past its deadline is the monitor's business (govmedia monitor), not validate's, so the
 * register's validity does not change with the passing of time.
 *
 * Events dated before the policy version came into force are not judged by it.
 */
import type { Citation, Severity } from '../../core/finding.ts';
import type { AccountDoc } from '../../core/register.ts';
import type { Event } from '../../generated/types.ts';
import { only } from './structure.ts';
import type { Work, WorkKind } from '../../core/lifecycle.ts';
import { defineRule, type AccountRule, type RuleContext } from '../types.ts';

/** How to fix a verdict that depends on a year without official holiday data (one text for every rule). */
export const CALENDAR_FIX = {
  zh: '这不是本单位的错误：请维护者在 policies/calendar/ 中加入 {years} 年的国务院办公厅节假日安排通知（{years}.txt 原文与 {years}.json 对照表），然后重新检查。',
  en: 'Not the unit\'s fault: the maintainers add the State Council holiday notice for {years} to policies/calendar/ ({years}.txt and {years}.json), then re-run.',
};

export interface ProcessOptions {
  citation: Citation;
  severity?: Severity;
}

type EventType = Event['type'];

const KIND_LABEL: Record<WorkKind, string> = { 开设: '开设', 补录: '补录', 变更: '变更', 关停: '关停' };

/** The events of one piece of work: from its filing up to (not including) the next filing. */
export function workEvents(a: AccountDoc, w: Work): { ev: Event; i: number }[] {
  const out: { ev: Event; i: number }[] = [];
  const evs = a.data.events;
  for (let i = w.index; i < evs.length; i++) {
    const ev = evs[i]!;
    if (i > w.index && (w.end !== undefined ? i >= w.end : ev.type === '开设备案' || ev.type === '补录备案' || ev.type === '变更备案' || ev.type === '关停备案')) break;
    out.push({ ev, i });
  }
  return out;
}

function judged(ctx: RuleContext, w: Work): boolean {
  // an adoption record (补录备案 with status) is not a filing made through the register: no process rule judges it
  return ctx.judged(w) && !w.adopted;
}

/** 备案须经主办单位主要负责人同意（或集体研究），并写明理由。 */
export function filingRequirements(o: ProcessOptions & { reasonFor: WorkKind[]; decisionFor: WorkKind[] }): AccountRule {
  const reasonFor = new Set(o.reasonFor);
  const decisionFor = new Set(o.decisionFor);
  const ids = [...(o.reasonFor.length ? ['reason'] : []), ...(o.decisionFor.length ? ['decision', 'refused'] : [])];
  return defineRule({
    name: 'filing-requirements',
    scope: 'account',
    title: { zh: '备案经单位主要负责人同意并写明理由', en: 'filings carry the head of unit\'s consent and a reason' },
    citation: o.citation,
    severity: o.severity ?? 'error',
    messages: only({
      reason: { zh: '{kind}备案（{date}）没有写明{reasonLabel}', en: 'the {kind} filing of {date} gives no reason' },
      decision: { zh: '{kind}备案（{date}）没有记录主办单位意见（主要负责人同意或集体研究）', en: 'the {kind} filing of {date} does not record the host unit\'s consent' },
      refused: { zh: '{kind}备案（{date}）的主办单位意见为“不同意”，不能继续办理', en: 'the host unit refused the {kind} filing of {date}' },
    }, ids),
    fix: only({
      reason: { zh: '请在该事件的 reason 中写明{reasonLabel}（必要性、依据、信息来源和更新保障等）。', en: 'Write the reason in the event\'s reason field.' },
      decision: { zh: '请在该事件中填写 unitDecision：{"decision": "同意", "date": "日期", "by": "主要负责人"}。', en: 'Add unitDecision {"decision":"同意","date":…,"by":"主要负责人"} to the event.' },
      refused: { zh: '主办单位不同意的，不应提交备案；请核实。', en: 'A filing the unit refused should not proceed.' },
    }, ids),
    check(ctx, a) {
      for (const w of ctx.state(a).works) {
        if (!judged(ctx, w)) continue;
        const ev = a.data.events[w.index]!;
        const data = { kind: KIND_LABEL[w.kind], date: ev.date, reasonLabel: w.kind === '关停' ? '关停原因' : w.kind === '变更' ? '变更原因' : '开办理由' };
        if (reasonFor.has(w.kind) && !ev.reason?.trim()) ctx.report({ account: a, pointer: ['events', w.index], messageId: 'reason', data });
        if (decisionFor.has(w.kind)) {
          if (!ev.unitDecision) ctx.report({ account: a, pointer: ['events', w.index], messageId: 'decision', data });
          else if (ev.unitDecision.decision !== '同意') ctx.report({ account: a, pointer: ['events', w.index, 'unitDecision', 'decision'], messageId: 'refused', data });
        }
      }
    },
  });
}

/** 某些事件须在主管单位审核同意之后（如：认证、上架、平台注册）。 */
export function afterApproval(o: ProcessOptions & { name: string; events: EventType[]; works?: WorkKind[]; title: { zh: string; en: string } }): AccountRule {
  const works = new Set<WorkKind>(o.works ?? ['开设']);
  const types = new Set(o.events);
  return defineRule({
    name: o.name,
    scope: 'account',
    title: o.title,
    citation: o.citation,
    severity: o.severity ?? 'error',
    messages: {
      early: { zh: '“{type}”（{date}）发生在主管单位审核同意之前', en: '"{type}" ({date}) happened before the supervising office approved' },
    },
    fix: {
      early: { zh: '须先经主管单位审核同意并备案，再办理“{type}”；请核对日期，事后发现的应向主管单位说明情况。', en: 'Approval and filing come first; check the dates and explain to the supervisor.' },
    },
    check(ctx, a) {
      for (const w of ctx.state(a).works) {
        if (!works.has(w.kind) || !judged(ctx, w)) continue;
        let approved: string | undefined;
        for (const { ev, i } of workEvents(a, w)) {
          if (ev.type === '主管审核' && ev.decision === '同意' && !approved) approved = ev.date;
          if (types.has(ev.type) && (!approved || ev.date < approved)) ctx.report({ account: a, pointer: ['events', i, 'type'], messageId: 'early', data: { type: ev.type, date: ev.date } });
        }
      }
    },
  });
}

export interface DeadlineSpec {
  name: string;
  title: { zh: string; en: string };
  /** Works this applies to. */
  works: WorkKind[];
  /** The event that starts the clock: the filing itself, or the first event of these types in the work. */
  from: 'filing' | EventType[];
  /** The event that must happen in time (first of these types after `from`). */
  to: EventType[];
  /** Restrict `to` by national-system action. */
  toAction?: NonNullable<Event['action']>[];
  /** Whose act the deadline binds (default the unit). A late act of the supervisor is recorded truthfully and never blocks the unit: a warning for the supervisor. */
  actor?: 'unit' | 'supervisor';
  /** Message templates replacing the default 'late' text (same placeholders). */
  lateMessage?: { zh: string; en: string };
  lateFix?: { zh: string; en: string };
  amount: number;
  unit: 'workdays' | 'days' | 'months';
}

function unitText(n: number, unit: DeadlineSpec['unit']): { zh: string; en: string } {
  if (unit === 'workdays') return { zh: `${n}个工作日`, en: `${n} working days` };
  if (unit === 'days') return { zh: `${n}天`, en: `${n} days` };
  return { zh: `${n}个月`, en: `${n} month${n > 1 ? 's' : ''}` };
}

/** 期限：某事件须在起算事件之后若干工作日/天/月内发生。 */
export function deadline(o: ProcessOptions & DeadlineSpec): AccountRule {
  const works = new Set(o.works);
  const to = new Set(o.to);
  const span = unitText(o.amount, o.unit);
  return defineRule({
    name: o.name,
    scope: 'account',
    title: o.title,
    citation: o.citation,
    severity: o.severity ?? (o.actor === 'supervisor' ? 'warning' : 'error'),
    ...(o.actor ? { actor: o.actor } : {}),
    timing: { works: o.works, from: o.from, to: o.to, amount: o.amount, unit: o.unit, direction: 'by' },
    messages: only({
      late: o.lateMessage ?? { zh: '“{toType}”于 {toDate} 办理，超过了期限：应在“{fromType}”（{fromDate}）后{span}内，即 {due} 前完成', en: '"{toType}" on {toDate} was late: due within {spanEn} of "{fromType}" ({fromDate}), i.e. by {due}' },
      uncovered: { zh: '无法确定“{toType}”是否逾期：期限计算需要 {years} 年的官方节假日安排，本库尚未收录（按普通周一至周五估算，期限约为 {due}）', en: 'cannot tell whether "{toType}" was late: the deadline needs the official holiday calendar for {years}, which is not yet in the register (estimated {due} assuming plain weeks)' },
    }, o.unit === 'workdays' ? ['late', 'uncovered'] : ['late']),
    fix: only({
      late: o.lateFix ?? { zh: '期限已过，请在备注中说明逾期原因并向主管单位报告；今后请按期办理。', en: 'Explain the delay in a note and report it to the supervising office.' },
      uncovered: CALENDAR_FIX,
    }, o.unit === 'workdays' ? ['late', 'uncovered'] : ['late']),
    check(ctx, a) {
      for (const w of ctx.state(a).works) {
        if (!works.has(w.kind) || !judged(ctx, w)) continue;
        const evs = workEvents(a, w);
        const start = o.from === 'filing' ? evs[0] : evs.find(({ ev }) => (o.from as EventType[]).includes(ev.type));
        if (!start) continue;
        const end = evs.find(({ ev, i }) => i > start.i && to.has(ev.type) && (!o.toAction || (ev.action !== undefined && o.toAction.includes(ev.action))));
        if (!end) continue;
        const v = ctx.calendar.judgePeriod({ from: start.ev.date, amount: o.amount, unit: o.unit, direction: 'by', actual: end.ev.date });
        if (v.verdict === 'ok') continue;
        const data = { toType: end.ev.type, toDate: end.ev.date, fromType: start.ev.type, fromDate: start.ev.date, span: span.zh, spanEn: span.en, due: v.due, years: v.uncovered.join('、') };
        if (v.verdict === 'unknown') ctx.report({ account: a, pointer: ['events', end.i, 'date'], messageId: 'uncovered', actor: 'maintainers', data, severity: 'warning' });
        else ctx.report({ account: a, pointer: ['events', end.i, 'date'], messageId: 'late', data });
      }
    },
  });
}

/** 公告期：注销公告后至少若干工作日才能完成平台注销（应用下架）。 */
export function announcementPeriod(o: ProcessOptions & { workdays: number }): AccountRule {
  return defineRule({
    name: 'announcement-period',
    scope: 'account',
    title: { zh: `注销公告期不少于${o.workdays}个工作日`, en: `closure announcements run at least ${o.workdays} working days` },
    citation: o.citation,
    severity: o.severity ?? 'error',
    timing: { works: ['关停'], from: ['注销公告'], to: ['平台注销', '应用下架'], amount: o.workdays, unit: 'workdays', direction: 'not-before' },
    messages: {
      short: { zh: '注销公告于 {announced} 发布，“{type}”却在 {date} 完成，公告期不足{n}个工作日（最早应为 {due} 之后）', en: 'announced on {announced} but "{type}" completed on {date}: less than {n} working days (not before {due})' },
      declared: { zh: '注销公告写明的公告期为 {days} 个工作日，少于规定的{n}个工作日', en: 'the announcement states {days} working days, less than the required {n}' },
      none: { zh: '关停账号在“{type}”（{date}）之前没有发布注销公告', en: '"{type}" ({date}) without a prior closure announcement' },
      uncovered: { zh: '无法确定注销公告（{announced} 起）到“{type}”（{date}）是否已满{n}个工作日：需要 {years} 年的官方节假日安排，本库尚未收录（按普通周一至周五估算，最早约为 {due}）', en: 'cannot tell whether the announcement of {announced} ran {n} working days before "{type}" ({date}): the official holiday calendar for {years} is not yet in the register (estimated {due})' },
    },
    fix: {
      short: { zh: '公告期须满{n}个工作日后再注销；已提前注销的，请在备注中说明并报主管单位。', en: 'Deregister only after the full announcement period.' },
      declared: { zh: '请把公告期改为不少于{n}个工作日，并重新发布公告。', en: 'Announce for at least {n} working days.' },
      none: { zh: '请补充注销公告事件（含公告截图或链接）。', en: 'Record the closure announcement (with evidence).' },
      uncovered: CALENDAR_FIX,
    },
    check(ctx, a) {
      for (const w of ctx.state(a).works) {
        if (w.kind !== '关停' || !judged(ctx, w)) continue;
        let announced: { ev: Event; i: number } | undefined;
        for (const x of workEvents(a, w)) {
          if (x.ev.type === '注销公告' && !announced) {
            announced = x;
            if (x.ev.announcementDays !== undefined && x.ev.announcementDays < o.workdays) ctx.report({ account: a, pointer: ['events', x.i, 'announcementDays'], messageId: 'declared', data: { days: x.ev.announcementDays, n: o.workdays } });
          }
          if (x.ev.type === '平台注销' || x.ev.type === '应用下架') {
            if (!announced) {
              ctx.report({ account: a, pointer: ['events', x.i, 'type'], messageId: 'none', data: { type: x.ev.type, date: x.ev.date } });
              break;
            }
            const v = ctx.calendar.judgePeriod({ from: announced.ev.date, amount: o.workdays, unit: 'workdays', direction: 'not-before', actual: x.ev.date });
            const data = { announced: announced.ev.date, type: x.ev.type, date: x.ev.date, n: o.workdays, due: v.due, years: v.uncovered.join('、') };
            if (v.verdict === 'early') ctx.report({ account: a, pointer: ['events', x.i, 'date'], messageId: 'short', data });
            else if (v.verdict === 'unknown') ctx.report({ account: a, pointer: ['events', x.i, 'date'], messageId: 'uncovered', actor: 'maintainers', data, severity: 'warning' });
            break;
          }
        }
      }
    },
  });
}

/** 关停阶段保存公告截图、注销完成截图等证明材料。 */
export function closureEvidence(o: ProcessOptions): AccountRule {
  const need: Partial<Record<EventType, string>> = { 注销公告: '注销公告截图或链接', 平台注销: '注销完成截图', 应用下架: '下架完成截图' };
  return defineRule({
    name: 'closure-evidence',
    scope: 'account',
    title: { zh: '关停时保存公告截图和注销完成截图', en: 'closures keep the announcement and deregistration evidence' },
    citation: o.citation,
    severity: o.severity ?? 'error',
    messages: { missing: { zh: '“{type}”（{date}）没有登记证明材料（{what}）', en: '"{type}" ({date}) has no evidence recorded ({what})' } },
    fix: { zh: '请在该事件的 evidence 中登记{what}的存放位置（网址或档案号）。', en: 'Add the {what} location to the event\'s evidence.' },
    check(ctx, a) {
      for (const w of ctx.state(a).works) {
        if (w.kind !== '关停' || !judged(ctx, w)) continue;
        for (const { ev, i } of workEvents(a, w)) {
          const what = need[ev.type];
          if (what && !(ev.evidence && ev.evidence.length)) ctx.report({ account: a, pointer: ['events', i], messageId: 'missing', data: { type: ev.type, date: ev.date, what } });
        }
      }
    },
  });
}

/** 开设、变更、关停须经主管单位审核同意（完成的办理中须有“主管审核 同意”）。 */
export function supervisorApproval(o: ProcessOptions & { works: WorkKind[] }): AccountRule {
  const works = new Set(o.works);
  return defineRule({
    name: 'supervisor-approval',
    scope: 'account',
    title: { zh: '开设、变更、关停经主管单位审核同意', en: 'opening, change and closure approved by the supervising office' },
    citation: o.citation,
    severity: o.severity ?? 'error',
    messages: {
      missing: { zh: '{kind}备案（{date}）已在系统中办结，但没有主管单位审核同意的记录', en: 'the {kind} filing of {date} was completed without a recorded approval of the supervising office' },
      rejected: { zh: '主管单位于 {date} 审核不同意，此后却继续办理了“{type}”', en: 'the supervisor refused on {date}, yet "{type}" followed' },
    },
    fix: {
      missing: { zh: '请补充“主管审核”事件（decision 为“同意”，写明审核单位和日期）；未经审核的，请立即报主管单位。', en: 'Record the supervisor\'s approval event, or report to the supervisor.' },
      rejected: { zh: '审核不同意的，应按主管单位意见修改后重新备案。', en: 'Revise and file again as the supervisor asked.' },
    },
    check(ctx, a) {
      for (const w of ctx.state(a).works) {
        if (!works.has(w.kind) || !judged(ctx, w)) continue;
        // Every review counts, in order (several levels may review one filing): after a refusal nothing proceeds until
        // a later approval; an amendment filed after the refusal is the revision the supervisor asked for.
        let refused: Event | undefined;
        let approved = false;
        let blocked = false;
        for (const { ev, i } of workEvents(a, w)) {
          if (i === w.index || ev.type === '逾期报告') continue;
          if (ev.type === '主管审核') {
            if (ev.decision === '不同意') refused = ev;
            else {
              approved = true;
              refused = undefined;
            }
            continue;
          }
          if (w.amendments?.includes(i)) {
            refused = undefined;
            continue;
          }
          if (refused) {
            ctx.report({ account: a, pointer: ['events', i, 'type'], messageId: 'rejected', data: { date: refused.date, type: ev.type } });
            blocked = true;
            break;
          }
        }
        if (!blocked && w.done && !approved) ctx.report({ account: a, pointer: ['events', w.index], messageId: 'missing', data: { kind: KIND_LABEL[w.kind], date: w.start } });
      }
    },
  });
}

