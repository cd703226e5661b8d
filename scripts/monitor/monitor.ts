/**
 * 合规监测：按“今天”的日期，列出各账号已逾期、即将到期和需要提醒的事项，按主管单位分组，每项写明依据。
 *
 * The compliance monitor. `validate` judges recorded facts only, so the register's validity never
 * changes with the calendar; the monitor judges what is overdue or falls due soon ON A DATE:
 *  - pending deadlines from the rules' `timing` (nextStepsFor), and the extra deadlines and
 *    filters the modules declare in monitor.ts;
 *  - work unfinished past a limit (自贡 第十条), accounts certified but never filed;
 *  - credential rotation, required accounts, monthly reports;
 *  - with an activity snapshot: update frequency, original posts, replies.
 * Every duty comes from data (policies/<series>/<version>/monitor.ts and national.ts).
 */
import * as cal from '../calendar/workdays.ts';
import type { LoadedException } from '../core/exceptions.ts';
import { applyExceptions, type LoadedBaseline } from '../core/exceptions.ts';
import type { Bilingual, Severity } from '../core/finding.ts';
import type { AccountDoc, Register, UnitDoc } from '../core/register.ts';
import type { Event } from '../generated/types.ts';
import { workEvents } from '../policy/common/process.ts';
import { inForceOn } from '../policy/in-force.ts';
import { nextStepsFor } from '../policy/deadlines.ts';
import { policiesForUnit, regionChain, runPolicies } from '../policy/engine.ts';
import { deriveState, type AccountState, type Work } from '../core/lifecycle.ts';
import type { LoadedPolicy } from '../policy/types.ts';
import type { ActivityRecord, ActivitySnapshot } from './activity.ts';
import { NATIONAL_MONITOR, NATIONAL_SOURCE } from './national.ts';
import type { DeadlineSpec, ItemStatus, MonitorCitation, MonitorItem, MonitorReport, MonitorSpec, OfficeGroup, OfficeRef, RegionLevel, UpdateRule } from './types.ts';

export interface MonitorInput {
  register: Register;
  policies: readonly LoadedPolicy[];
  /** Judgement date (Asia/Shanghai). */
  now: string;
  /** "Due soon" = due within this many working days. */
  soon: number;
  activity?: ActivitySnapshot;
  /** The national duties (default NATIONAL_MONITOR); null to leave them out. */
  national?: MonitorSpec | null;
  /** Reviewed exceptions (policies/exceptions) applied to rule findings used by the monitor. */
  exceptions?: readonly LoadedException[];
  /** 接入基线：作为整改清单列出 / the adoption baseline, listed as the rectification list. */
  baseline?: LoadedBaseline;
}

const SEVERITY_RANK: Record<Severity, number> = { error: 0, warning: 1, notice: 2 };
const STATUS_RANK: Record<ItemStatus, number> = { overdue: 0, 'due-soon': 1, reminder: 2 };

/** The module's monitor spec, if it declares one. */
export function monitorSpecOf(p: LoadedPolicy): MonitorSpec | undefined {
  const m = p.extras.monitor;
  return m && typeof m === 'object' ? (m as MonitorSpec) : undefined;
}

/** The supervising office of a unit: unit.supervisor, else the nearest region's office (engine's supervisorOf, plus names of unregistered offices). */
export function supervisingOffice(register: Register, u: UnitDoc | undefined, regionId: string): OfficeRef {
  if (u?.data.supervisor) {
    const s = register.units.get(u.data.supervisor);
    return { id: u.data.supervisor, name: s?.data.name ?? u.data.supervisor };
  }
  for (const r of regionChain(register, u?.regionId ?? regionId)) {
    if (r.data.supervisingOffice) {
      const s = register.units.get(r.data.supervisingOffice);
      return { id: r.data.supervisingOffice, name: s?.data.name ?? r.data.supervisingOffice };
    }
    if (r.data.supervisingOfficeName) return { name: r.data.supervisingOfficeName };
  }
  return { name: '未登记主管单位' };
}

/** The account has completed an opening or backfill and is not closing: it is expected to post. */
export function isLive(st: AccountState): boolean {
  return !st.closing && !st.closed && st.works.some((w) => (w.kind === '开设' || w.kind === '补录') && w.done !== undefined);
}

/** The day the account went live (first completed opening/backfill), if it did. */
export function liveSince(st: AccountState): string | undefined {
  return st.works.find((w) => (w.kind === '开设' || w.kind === '补录') && w.done !== undefined)?.done;
}

const PLATFORM_EVENTS = new Set<Event['type']>(['平台注册', '平台认证', '应用上架']);

function addSpan(start: string, amount: number, unit: 'workdays' | 'days' | 'months'): { date: string; uncovered: number[] } {
  if (unit === 'workdays') return cal.addWorkdays(start, amount);
  return { date: unit === 'days' ? cal.addDays(start, amount) : cal.addMonths(start, amount), uncovered: [] };
}

function spanText(amount: number, unit: 'workdays' | 'days' | 'months'): Bilingual {
  if (unit === 'workdays') return { zh: `${amount}个工作日`, en: `${amount} working day${amount > 1 ? 's' : ''}` };
  if (unit === 'days') return { zh: `${amount}天`, en: `${amount} day${amount > 1 ? 's' : ''}` };
  return { zh: `${amount}个月`, en: `${amount} month${amount > 1 ? 's' : ''}` };
}

interface Timed {
  status: ItemStatus;
  daysOverdue?: number;
  workdaysLeft?: number;
}

/** Overdue (due < now), due soon (due within `soon` working days), or undefined (later). */
function classify(due: string, now: string, soon: number): Timed | undefined {
  if (due < now) return { status: 'overdue', daysOverdue: cal.diffDays(due, now) };
  const left = cal.workdaysBetween(now, due).count;
  return left <= soon ? { status: 'due-soon', workdaysLeft: left } : undefined;
}

function uncoveredNote(years: number[]): Bilingual | undefined {
  if (!years.length) return undefined;
  return { zh: `期限计算需要 ${years.join('、')} 年的官方节假日安排，本库尚未收录，已按普通周一至周五估算`, en: `the holiday calendar for ${years.join(', ')} is not yet in the register; estimated assuming plain Mon–Fri weeks` };
}

function joinNotes(...notes: (Bilingual | undefined)[]): Bilingual | undefined {
  const ns = notes.filter((n): n is Bilingual => n !== undefined);
  if (!ns.length) return undefined;
  return { zh: ns.map((n) => n.zh).join('；'), en: ns.map((n) => n.en).join('; ') };
}

/** Does an event of the work satisfy a `to` list (a 系统填报 must match the work's kind)? */
function fulfils(ev: Event, to: readonly string[], w: Work): boolean {
  if (!to.includes(ev.type)) return false;
  if (ev.type !== '系统填报') return true;
  return !ev.action || ev.action === w.kind || (w.kind === '补录' && ev.action === '开设');
}

export function runMonitor(input: MonitorInput): MonitorReport {
  const { register, policies, now, soon } = input;
  const national = input.national === undefined ? NATIONAL_MONITOR : input.national;
  const items: { office: OfficeRef; item: MonitorItem }[] = [];
  const push: Push = (office, item) => {
    items.push({ office, item });
  };
  let monitored = 0;

  // ---- per account: each stage adds the account's items, merged and filed under its supervising office
  for (const a of register.accounts) {
    const st = deriveState(a.data);
    if (st.phase === '已关停') continue; // closed and completed: not monitored
    monitored++;
    const unit = register.units.get(a.unitId);
    const base = {
      account: { id: a.id, name: a.data.name, platform: a.data.platform, file: a.file.rel },
      unit: { id: a.unitId, name: unit?.data.name ?? a.unitId },
    };
    const accountItems: MonitorItem[] = [];
    const add: Add = (it) => {
      accountItems.push({ ...base, ...it });
    };
    const c: AccountCheck = { a, st, level: register.regions.get(a.regionId)?.data.level, ps: modulesFor(register, policies, unit, a.regionId, now), register, now, soon };
    pendingStepItems(c, add);
    moduleDeadlineItems(c, add);
    owedEventItems(c, add);
    unfiledCertifiedItems(c, add);
    credentialRotationItems(c, add);
    if (input.activity && isLive(st)) activityItems(c, input.activity, national, add);
    for (const it of mergeItems(accountItems)) push(supervisingOffice(register, unit, a.regionId), it);
  }

  // ---- per unit and per module
  monthlyReportItems(register, policies, now, push);
  supervisorLateItems(register, policies, now, push);
  requiredAccountItems(register, policies, now, input.exceptions, push);

  const rect = input.baseline ? rectificationItems(input.baseline, register, now, soon, push) : undefined;
  const report = assemble(items, input, monitored);
  if (rect) report.rectification = rect;
  return report;
}

type Add = (it: Omit<MonitorItem, 'account' | 'unit'>) => void;
type Push = (office: OfficeRef, item: MonitorItem) => void;

/** What every per-account stage reads. */
interface AccountCheck {
  a: AccountDoc;
  st: AccountState;
  /** The level of the account's region. */
  level: RegionLevel | undefined;
  /** The modules whose duties apply to the account (modulesFor). */
  ps: LoadedPolicy[];
  register: Register;
  now: string;
  soon: number;
}

/** The policy modules whose duties the monitor checks for a region on a date: the versions in force there. */
export function modulesFor(register: Register, policies: readonly LoadedPolicy[], unit: UnitDoc | undefined, regionId: string, now: string): LoadedPolicy[] {
  return policiesForUnit(register, policies, unit, regionId, now);
}

/** Deadlines of the pending work: the rules' timing (nextStepsFor), per module. */
function pendingStepItems({ a, level, ps, register, now, soon }: AccountCheck, add: Add): void {
  for (const p of ps) {
    const spec = monitorSpecOf(p);
    for (const step of nextStepsFor(a, register, [p], now)) {
      const filtered = spec?.stepFilters?.find((f) => f.what.some((w) => step.what.includes(w)) && !(level && f.regionLevels.includes(level)));
      if (filtered) continue;
      const article = step.citation.startsWith(p.manifest.docNumber) ? step.citation.slice(p.manifest.docNumber.length).trim() : step.citation;
      const citation: MonitorCitation = { doc: p.manifest.docNumber, article, title: p.manifest.title };
      const what = step.what.join('/');
      if (step.direction === 'by') {
        const t = classify(step.due, now, soon);
        if (!t) continue;
        const note = uncoveredNote(step.uncovered);
        add({
          kind: 'deadline',
          ...t,
          severity: 'error',
          what: step.text,
          due: step.due,
          citations: [citation],
          todo: { zh: `请办理“${what}”，并在账号文件中追加该事件${t.status === 'overdue' ? '；已逾期的，请在事件备注中说明原因并向主管单位报告' : ''}。`, en: `Do "${what}" and append the event to the account file${t.status === 'overdue' ? '; explain the delay in its note and report it to the supervising office' : ''}.` },
          sources: [p.manifest.id],
          ...(note ? { note } : {}),
        });
      } else {
        // a minimum period (announcement): remind when it ends soon or has ended
        const ended = step.due <= now;
        const left = ended ? 0 : cal.workdaysBetween(now, step.due).count;
        if (!ended && left > soon) continue;
        add({
          kind: 'announcement',
          status: ended ? 'reminder' : 'due-soon',
          ...(ended ? {} : { workdaysLeft: left }),
          severity: 'notice',
          what: ended
            ? { zh: `公告期已于 ${step.due} 届满，可办理“${what}”`, en: `the announcement period ended on ${step.due}; "${what}" may now be done` }
            : { zh: `公告期将于 ${step.due} 届满，届满后（${step.due} 起）可办理“${what}”`, en: `the announcement period ends on ${step.due}; "${what}" may be done from then on` },
          due: step.due,
          citations: [citation],
          todo: { zh: `公告期满后再办理“${what}”，保存完成截图并追加事件。`, en: `Do "${what}" after the period, keep the evidence and append the event; not before.` },
          sources: [p.manifest.id],
        });
      }
    }
  }
}

/** Extra deadlines declared by the modules, and work unfinished past a limit. */
function moduleDeadlineItems({ a, st, level, ps, now, soon }: AccountCheck, add: Add): void {
  const w = st.pending;
  if (w) {
    const evs = workEvents(a, w);
    for (const p of ps) {
      for (const d of monitorSpecOf(p)?.deadlines ?? []) {
        if (!d.works.includes(w.kind)) continue;
        if (d.regionLevels && !(level && d.regionLevels.includes(level as RegionLevel))) continue;
        const start = deadlineStart(d, evs);
        if (!start) continue;
        if (evs.some(({ ev, i }) => i > start.i && fulfils(ev, d.to, w))) continue;
        const due = addSpan(start.date, d.amount, d.unit);
        const t = classify(due.date, now, soon);
        if (!t) continue;
        const span = spanText(d.amount, d.unit);
        const what = d.to.join('/');
        add({
          kind: 'deadline',
          ...t,
          severity: d.severity,
          what: { zh: `“${what}”应于 ${due.date} 前完成（${start.label.zh} ${start.date} 后${span.zh}内）`, en: `"${what}" due by ${due.date} (${span.en} after ${start.label.en} on ${start.date})` },
          due: due.date,
          citations: [d.citation],
          todo: d.todo,
          sources: [p.manifest.id],
          ...(joinNotes(d.note, uncoveredNote(due.uncovered)) ? { note: joinNotes(d.note, uncoveredNote(due.uncovered))! } : {}),
        });
      }

      // ---- work unfinished past a limit must be reported
      for (const pw of monitorSpecOf(p)?.pendingWork ?? []) {
        if (!pw.works.includes(w.kind)) continue;
        const limit = pw.maxDays !== undefined ? addSpan(w.start, pw.maxDays, 'days').date : addSpan(w.start, pw.maxMonths ?? 1, 'months').date;
        const spanZh = pw.maxDays !== undefined ? `${pw.maxDays}天` : `${pw.maxMonths ?? 1}个月`;
        const spanEn = pw.maxDays !== undefined ? `${pw.maxDays} days` : `${pw.maxMonths ?? 1} month(s)`;
        const report = pw.reportEvent ? evs.find(({ ev }) => ev.type === pw.reportEvent) : undefined;
        if (report) {
          if (now > limit) {
            add({
              kind: 'pending-work',
              status: 'reminder',
              severity: 'notice',
              what: { zh: `${w.kind}事项（${w.start} 备案）超过${spanZh}仍未办结，已于 ${report.ev.date} 向主管单位报告`, en: `the ${w.kind} filed on ${w.start} is still open after ${spanEn}; reported to the supervising office on ${report.ev.date}` },
              due: limit,
              citations: [pw.citation],
              todo: { zh: '继续跟进，直至在全国政务新媒体报送系统中办结。', en: 'Follow up until it is completed in the national system.' },
              sources: [p.manifest.id],
            });
          }
          continue;
        }
        const t = classify(limit, now, soon);
        if (!t) continue;
        add({
          kind: 'pending-work',
          ...t,
          severity: pw.severity,
          what:
            t.status === 'overdue'
              ? { zh: `${w.kind}事项于 ${w.start} 备案，已超过${spanZh}（${limit}）仍未办结，且没有向主管单位报告的记录`, en: `the ${w.kind} filed on ${w.start} is still open more than ${spanEn} later (${limit}), with no report to the supervising office` }
              : { zh: `${w.kind}事项于 ${w.start} 备案，将于 ${limit} 满${spanZh}，届时仍未办结须向主管单位报告`, en: `the ${w.kind} filed on ${w.start} reaches ${spanEn} on ${limit}; if still open then, it must be reported` },
          due: limit,
          citations: [pw.citation],
          todo: pw.todo,
          sources: [p.manifest.id],
        });
      }
    }
  }
}

/** Acts owed after a step without a time limit (OwedEventSpec): a reminder for each work that has not recorded one. */
function owedEventItems({ a, st, ps }: AccountCheck, add: Add): void {
  for (const p of ps) {
    for (const o of monitorSpecOf(p)?.owedEvents ?? []) {
      for (const w of st.works) {
        if (!o.works.includes(w.kind) || !inForceOn(p, w.start)) continue;
        const evs = workEvents(a, w);
        const step = evs.find(({ ev }) => o.after.includes(ev.type));
        if (!step || evs.some(({ ev }) => o.owed.includes(ev.type))) continue;
        const what = o.owed.join('/');
        add({
          kind: 'owed-event',
          status: 'reminder',
          severity: 'notice',
          what: { zh: `${w.kind}事项（${w.start} 备案）已于 ${step.ev.date} ${step.ev.type}，尚无“${what}”的记录（${o.title.zh}；原文未规定期限）`, en: `the ${w.kind} filed on ${w.start} reached ${step.ev.type} on ${step.ev.date} with no ${what} recorded (${o.title.en}; the text sets no time limit)` },
          citations: [o.citation],
          todo: o.todo,
          sources: [p.manifest.id],
        });
      }
    }
  }
}

/** Certified (listed) on the platform but never filed. */
function unfiledCertifiedItems({ a, st, ps, now, soon }: AccountCheck, add: Add): void {
  if (st.works.length === 0) {
    const certIdx = a.data.events.findIndex((e) => e.type === '平台认证' || e.type === '应用上架');
    const certified = certIdx >= 0 || a.data.certification?.status === '已认证';
    if (certified) {
      for (const p of ps) {
        const u = monitorSpecOf(p)?.uncertifiedFiling;
        if (!u) continue;
        const cert = certIdx >= 0 ? a.data.events[certIdx]! : a.data.events[0]!;
        const due = cal.addDays(cert.date, u.days);
        const t = classify(due, now, soon);
        if (!t) continue;
        add({
          kind: 'unfiled-certified',
          ...t,
          severity: u.severity,
          what: { zh: `账号已于 ${cert.date} ${certIdx >= 0 ? cert.type : '认证（认证日期未记录，按首个事件日期计）'}，至今没有开设备案或补录备案${t.status === 'overdue' ? `，已超过${u.days}天` : `，${due} 满${u.days}天`}`, en: `certified on ${cert.date} with no opening or backfill filing${t.status === 'overdue' ? `, more than ${u.days} days ago` : `; ${u.days} days on ${due}`}` },
          due,
          citations: [u.citation],
          todo: { zh: '请立即办理补录备案（写明开设理由和未及时备案的原因），报主管单位审核。', en: 'File a backfill now, with the reason and why it was late, for the supervisor\'s review.' },
          sources: [p.manifest.id],
        });
      }
    }
  }
}

/** Credential rotation (accounts on a platform, not closing). */
function credentialRotationItems({ a, st, ps, now, soon }: AccountCheck, add: Add): void {
  const onPlatform = !st.closing && !st.closed && (isLive(st) || a.data.events.some((e) => PLATFORM_EVENTS.has(e.type)));
  if (onPlatform) {
    for (const p of ps) {
      const cr = monitorSpecOf(p)?.credentialRotation;
      if (!cr) continue;
      let last: string | undefined;
      for (const e of a.data.events) if (e.type === '密码更换' || (e.type === '人员交接' && e.handover?.credentialsRotated)) last = e.date;
      const openedOn = a.data.events.find((e) => PLATFORM_EVENTS.has(e.type))?.date ?? liveSince(st) ?? st.filedOn ?? a.data.events[0]!.date;
      // the duty exists from the measure's entry into force: an older account counts from then
      const opened = openedOn < p.manifest.inForce ? p.manifest.inForce : openedOn;
      const since = last && last > opened ? last : opened;
      const due = cal.addMonths(since, cr.months);
      const t = classify(due, now, soon);
      if (!t) continue;
      add({
        kind: 'credential-rotation',
        ...t,
        severity: cr.severity,
        what: last
          ? { zh: `上次更换口令为 ${last}，应每${cr.months}个月更换一次，${t.status === 'overdue' ? `已于 ${due} 到期` : `应于 ${due} 前更换`}`, en: `credentials last rotated on ${last}; every ${cr.months} months, ${t.status === 'overdue' ? `due on ${due}` : `due by ${due}`}` }
          : { zh: `${opened === openedOn ? `开通（${opened}）` : `办法施行（${opened}）`}以来没有更换口令的记录，应每${cr.months}个月更换一次，${t.status === 'overdue' ? `已于 ${due} 到期` : `应于 ${due} 前更换`}`, en: `no credential rotation recorded since ${opened === openedOn ? 'the account opened' : 'the measure came into force'} (${opened}); every ${cr.months} months, due ${due}` },
        due,
        citations: [cr.citation],
        todo: { zh: '请更换账号口令，并在账号文件中追加“密码更换”事件（只记录日期和确认人职务，绝不记录口令本身）。', en: 'Rotate the credentials and append a 密码更换 event (date and the attesting role only, never the password).' },
        sources: [p.manifest.id],
      });
    }
  }
}

/** With an activity snapshot: update frequency, original posts, replies. */
function activityItems({ a, st, ps, now, soon }: AccountCheck, activity: ActivitySnapshot, national: MonitorSpec | null, add: Add): void {
  const rec = activity.byAccount.get(a.id);
  const since = liveSince(st)!;
  if (!rec) {
    add({
      kind: 'no-activity',
      status: 'reminder',
      severity: 'notice',
      what: { zh: '运行数据中没有该账号，无法判断更新和互动情况', en: 'the activity snapshot has no row for this account; updates and replies cannot be judged' },
      citations: [],
      todo: { zh: '请在下一次运行数据中补充该账号。', en: 'Add the account to the next activity snapshot.' },
      sources: ['monitor'],
    });
  } else {
    const specs: { source: string; spec: MonitorSpec }[] = [];
    if (national) specs.push({ source: NATIONAL_SOURCE, spec: national });
    for (const p of ps) {
      const s = monitorSpecOf(p);
      if (s) specs.push({ source: p.manifest.id, spec: s });
    }
    for (const { source, spec } of specs) {
      for (const r of spec.updateRules ?? []) {
        if (r.contentType && r.contentType !== a.data.contentType) continue;
        for (const it of judgeUpdate(r, rec, since, now, soon)) add({ ...it, sources: [source] });
      }
      for (const r of spec.replyRules ?? []) {
        if (!rec.oldestUnanswered || rec.unansweredMessages === 0) continue;
        const recv = rec.oldestUnanswered;
        let due: string;
        let holiday = false;
        if (r.maxWorkdays !== undefined) due = cal.addWorkdays(recv, r.maxWorkdays).date;
        else if (r.maxMonths !== undefined) due = cal.addMonths(recv, r.maxMonths);
        else {
          holiday = r.holidayMaxDays !== undefined && (!cal.isWorkday(recv) || !cal.isWorkday(cal.addDays(recv, 1)));
          due = cal.addDays(recv, holiday ? r.holidayMaxDays! : (r.maxDays ?? 1));
        }
        const t = classify(due, now, soon);
        if (!t || (t.status === 'due-soon' && r.severity !== 'error')) continue;
        const n = rec.unansweredMessages;
        add({
          kind: 'reply',
          ...t,
          severity: r.severity,
          what: { zh: `${n !== undefined ? `有 ${n} 条留言未答复，` : ''}最早一条收到于 ${recv}，${r.title.zh}${holiday ? '（节假日）' : ''}：应于 ${due} 前答复`, en: `${n !== undefined ? `${n} unanswered messages; ` : ''}the oldest was received on ${recv}; ${r.title.en}${holiday ? ' (holiday)' : ''}: answer by ${due}` },
          due,
          citations: [r.citation],
          todo: { zh: '请尽快答复或办理留言，并公开答复情况。', en: 'Answer or handle the messages and publish the answers.' },
          sources: [source],
        });
      }
    }
  }
}

/** Unit-level duty: the monthly monitoring report. */
function monthlyReportItems(register: Register, policies: readonly LoadedPolicy[], now: string, push: Push): void {
  for (const u of register.units.values()) {
    for (const p of modulesFor(register, policies, u, u.regionId, now)) {
      const mr = monitorSpecOf(p)?.monthlyReport;
      if (!mr) continue;
      const level = register.regions.get(u.regionId)?.data.level;
      if (!mr.unitKinds.includes(u.data.kind) || !(level && mr.regionLevels.includes(level))) continue;
      const live = (register.accountsByUnit.get(u.id) ?? []).filter((a) => isLive(deriveState(a.data))).length;
      if (live < mr.minLiveAccounts) continue;
      const day = Number(now.slice(8, 10));
      if (day > mr.day) continue;
      const due = `${now.slice(0, 8)}${String(mr.day).padStart(2, '0')}`;
      push(supervisingOffice(register, u, u.regionId), {
        kind: 'monthly-report',
        status: 'reminder',
        severity: mr.severity,
        unit: { id: u.id, name: u.data.name },
        what: { zh: `本月报送截止 ${due}：本单位有 ${live} 个正常运行的账号（${mr.minLiveAccounts} 个及以上），应于每月${mr.day}日前向${mr.recipient.zh}报送月度监测整改情况`, en: `this month's report is due ${due}: the unit runs ${live} live accounts (${mr.minLiveAccounts} or more) and reports its monthly monitoring and remediation to ${mr.recipient.en} by the ${mr.day}th` },
        due,
        citations: [mr.citation],
        todo: { zh: `请于 ${due} 前报送；登记簿不记录月报，本项仅作提醒。`, en: `Report by ${due}; the register does not record the report, so this is a reminder only.` },
        sources: [p.manifest.id],
      });
    }
  }
}

/**
 * Late acts of the supervising office recorded in the register (rules whose actor is the supervisor):
 * reported to that office, never to the unit as its fault.
 */
function supervisorLateItems(register: Register, policies: readonly LoadedPolicy[], now: string, push: Push): void {
  for (const p of policies) {
    const only = new Set(p.rules.filter((r) => r.actor === 'supervisor').map((r) => `${p.manifest.id}/${r.name}`));
    if (!only.size) continue;
    for (const f of runPolicies(register, { now, policies: [p], only })) {
      const acc = f.account ? register.accountsById.get(f.account) : undefined;
      const unitDoc = acc ? register.units.get(acc.unitId) : undefined;
      if (!acc || !unitDoc) continue;
      push(supervisingOffice(register, unitDoc, unitDoc.regionId), {
        kind: 'supervisor-late',
        status: 'reminder',
        severity: f.severity,
        account: { id: acc.id, name: acc.data.name, platform: acc.data.platform, file: acc.file.rel },
        unit: { id: unitDoc.id, name: unitDoc.data.name },
        what: f.message,
        citations: f.citation ? [f.citation] : [],
        todo: f.fix,
        sources: [p.manifest.id],
      });
    }
  }
}

/** The accounts a module requires (its requiredAccounts rules), with the reviewed exceptions applied. */
function requiredAccountItems(register: Register, policies: readonly LoadedPolicy[], now: string, exceptions: readonly LoadedException[] | undefined, push: Push): void {
  for (const p of policies) {
    const ra = monitorSpecOf(p)?.requiredAccounts;
    if (!ra || !ra.rules.length) continue;
    const only = new Set(ra.rules.map((r) => `${p.manifest.id}/${r}`));
    let findings = runPolicies(register, { now, policies: [p], only });
    if (exceptions) findings = applyExceptions(findings, exceptions, register, now).filter((f) => f.ruleId.startsWith(p.manifest.id + '/'));
    for (const f of findings) {
      if (f.suppressed) continue;
      const u = [...register.units.values()].find((x) => x.file.rel === f.file);
      const acc = f.account ? register.accountsById.get(f.account) : undefined;
      const unitDoc = u ?? (acc ? register.units.get(acc.unitId) : undefined);
      const regionId = unitDoc?.regionId ?? [...register.regions.values()].find((r) => r.file.rel === f.file)?.id ?? '';
      push(supervisingOffice(register, unitDoc, regionId), {
        kind: 'required-account',
        status: 'overdue',
        severity: f.severity,
        unit: { id: unitDoc?.id ?? '', name: unitDoc?.data.name ?? f.file },
        what: f.message,
        citations: f.citation ? [f.citation] : [],
        todo: f.fix,
        sources: [p.manifest.id],
      });
    }
  }
}

/**
 * 整改清单：接入基线的每一项（文件 + 规则 + 数量）是一项整改任务，期限由主管单位在 due 中确定；
 * 过期未整改的列为逾期。The rectification list: every baseline entry is a task for its host unit's
 * supervising office, due on `due`; past due it is overdue (and monitor exits 1).
 */
function rectificationItems(bl: LoadedBaseline, register: Register, now: string, soon: number, push: (office: OfficeRef, item: MonitorItem) => void): NonNullable<MonitorReport['rectification']> {
  const byFile = new Map(register.accounts.map((a) => [a.file.rel, a]));
  const unitByFile = new Map([...register.units.values()].map((u) => [u.file.rel, u]));
  let overdue = 0;
  let undated = 0;
  let findings = 0;
  for (const e of bl.data.entries) {
    findings += e.count;
    const acc = byFile.get(e.file) ?? (e.account ? register.accountsById.get(e.account) : undefined);
    const unit = acc ? register.units.get(acc.unitId) : unitByFile.get(e.file);
    const regionId = acc?.regionId ?? unit?.regionId ?? '';
    const t = e.due ? classify(e.due, now, soon) : undefined;
    if (t?.status === 'overdue') overdue++;
    if (!e.due) undated++;
    const what = e.message ?? e.rule;
    push(supervisingOffice(register, unit, regionId), {
      kind: 'rectification',
      status: t?.status ?? 'reminder',
      severity: t?.status === 'overdue' ? 'error' : 'warning',
      ...(acc ? { account: { id: acc.id, name: acc.data.name, platform: acc.data.platform, file: acc.file.rel } } : {}),
      unit: { id: unit?.id ?? '', name: unit?.data.name ?? e.file },
      what: {
        zh: `整改清单（${bl.data.adoptedOn} 接入时已有）：${what}（规则 ${e.rule}${e.count > 1 ? `，共 ${e.count} 处` : ''}）`,
        en: `rectification list (present on adoption, ${bl.data.adoptedOn}): ${e.rule}${e.count > 1 ? ` (${e.count} findings)` : ''} in ${e.file}`,
      },
      ...(e.due ? { due: e.due } : {}),
      ...(t?.daysOverdue !== undefined ? { daysOverdue: t.daysOverdue } : {}),
      ...(t?.workdaysLeft !== undefined ? { workdaysLeft: t.workdaysLeft } : {}),
      citations: [],
      todo: e.due
        ? { zh: `请于 ${e.due} 前整改（期限由主管单位确定）；整改后运行 govmedia baseline --prune，从清单中移除。`, en: `Fix by ${e.due} (set by the supervising office), then run govmedia baseline --prune.` }
        : { zh: '主管单位尚未确定整改期限：请在 policies/baseline.json 该项中填写 due；整改后运行 govmedia baseline --prune。', en: 'No due date yet: the supervising office sets "due" in policies/baseline.json; after fixing, run govmedia baseline --prune.' },
      sources: ['baseline'],
    });
  }
  return { adoptedOn: bl.data.adoptedOn, items: bl.data.entries.length, findings, overdue, undated };
}

interface Start {
  date: string;
  i: number;
  label: Bilingual;
}

function deadlineStart(d: DeadlineSpec, evs: { ev: Event; i: number }[]): Start | undefined {
  const from = d.from;
  if ('filing' in from) {
    const f = evs[0];
    return f ? { date: f.ev.date, i: f.i, label: { zh: `“${f.ev.type}”`, en: `"${f.ev.type}"` } } : undefined;
  }
  if ('announcementEnd' in from) {
    const n = evs.find(({ ev }) => ev.type === '注销公告');
    if (!n) return undefined;
    const days = Math.max(from.announcementEnd.minWorkdays, n.ev.announcementDays ?? 0);
    const computed = cal.addWorkdays(n.ev.date, days).date;
    const end = n.ev.announcementEnd && n.ev.announcementEnd > computed ? n.ev.announcementEnd : computed;
    return { date: end, i: n.i, label: { zh: '注销公告期届满', en: 'the end of the closure announcement' } };
  }
  const matches = evs.filter(({ ev }) => from.events.includes(ev.type) && (!from.approvedOnly || ev.type !== '主管审核' || ev.decision !== '不同意') && (!from.levels || ev.level === undefined || from.levels.includes(ev.level)));
  const m = from.which === 'last' ? matches[matches.length - 1] : matches[0];
  return m ? { date: m.ev.date, i: m.i, label: { zh: `“${m.ev.type}”`, en: `"${m.ev.type}"` } } : undefined;
}

function judgeUpdate(r: UpdateRule, rec: ActivityRecord, since: string, now: string, soon: number): Omit<MonitorItem, 'account' | 'unit' | 'sources'>[] {
  const out: Omit<MonitorItem, 'account' | 'unit' | 'sources'>[] = [];
  if (r.maxDays !== undefined) {
    const base = rec.lastPost ?? since;
    const due = addSpan(base, r.maxDays, r.unit ?? 'days').date;
    const t = classify(due, now, soon);
    if (t && (t.status === 'overdue' || r.remind)) {
      const span = spanText(r.maxDays, r.unit ?? 'days');
      out.push({
        kind: 'update',
        ...t,
        severity: r.severity,
        what: rec.lastPost
          ? { zh: `最近一次更新为 ${rec.lastPost}，${t.status === 'overdue' ? `已 ${cal.diffDays(rec.lastPost, now)} 天未更新` : `应于 ${due} 前更新`}（${r.title.zh}：间隔不超过${span.zh}）`, en: `last update on ${rec.lastPost}; ${t.status === 'overdue' ? `${cal.diffDays(rec.lastPost, now)} days without an update` : `update by ${due}`} (${r.title.en}: at most ${span.en} apart)` }
          : { zh: `开通（${since}）以来没有发布记录（${r.title.zh}：间隔不超过${span.zh}）`, en: `no post since the account went live on ${since} (${r.title.en}: at most ${span.en} apart)` },
        due,
        citations: [r.citation],
        todo: { zh: '请按要求更新发布政务信息；确实无力维护的，应按程序整合或关停。', en: 'Publish updates as required; an account that cannot be maintained should be merged or closed through the proper procedure.' },
      });
    }
  }
  if (r.original) {
    const { perDays, min } = r.original;
    const span = spanText(perDays, 'days');
    if (perDays === 7 && rec.originalPostsLast7Days !== undefined) {
      if (rec.originalPostsLast7Days < min) {
        out.push({
          kind: 'original',
          status: 'overdue',
          severity: r.severity,
          what: { zh: `近7天原创信息 ${rec.originalPostsLast7Days} 条，少于${r.title.zh}要求的 ${min} 条`, en: `${rec.originalPostsLast7Days} original posts in the last 7 days, fewer than ${min} (${r.title.en})` },
          citations: [r.citation],
          todo: { zh: '请加工制作并发布原创类政务信息。', en: 'Produce and publish original government information.' },
        });
      }
    } else if (min === 1) {
      const base = rec.lastOriginalPost ?? since;
      const due = cal.addDays(base, perDays);
      if (due < now) {
        out.push({
          kind: 'original',
          status: 'overdue',
          daysOverdue: cal.diffDays(due, now),
          severity: r.severity,
          what: rec.lastOriginalPost
            ? { zh: `最近一条原创信息发布于 ${rec.lastOriginalPost}，已超过${span.zh}（${r.title.zh}）`, en: `last original post on ${rec.lastOriginalPost}, more than ${span.en} ago (${r.title.en})` }
            : { zh: `开通（${since}）以来没有原创信息（${r.title.zh}）`, en: `no original post since the account went live on ${since} (${r.title.en})` },
          due,
          citations: [r.citation],
          todo: { zh: '请加工制作并发布原创类政务信息。', en: 'Produce and publish original government information.' },
        });
      }
    }
  }
  return out;
}

/** Items of one account that say the same thing (same kind and due date, e.g. 自贡 14 days and the national 2-week veto) become one item with several citations. */
function mergeItems(list: MonitorItem[]): MonitorItem[] {
  const out: MonitorItem[] = [];
  const byKey = new Map<string, MonitorItem>();
  for (const it of list) {
    const key = it.kind === 'deadline' ? `deadline|${it.due}|${it.what.zh.replace(/（.*$/, '')}` : it.kind === 'update' || it.kind === 'original' || it.kind === 'reply' ? `${it.kind}|${it.due ?? ''}|${it.status}` : undefined;
    const prev = key ? byKey.get(key) : undefined;
    if (!prev) {
      if (key) byKey.set(key, it);
      out.push(it);
      continue;
    }
    for (const c of it.citations) if (!prev.citations.some((x) => x.doc === c.doc && x.article === c.article)) prev.citations.push(c);
    for (const s of it.sources) if (!prev.sources.includes(s)) prev.sources.push(s);
    if (SEVERITY_RANK[it.severity] < SEVERITY_RANK[prev.severity]) {
      prev.severity = it.severity;
      prev.what = it.what;
    }
  }
  return out;
}

function assemble(items: { office: OfficeRef; item: MonitorItem }[], input: MonitorInput, monitored: number): MonitorReport {
  const groups = new Map<string, OfficeGroup>();
  for (const { office, item } of items) {
    const key = office.id ?? `name:${office.name}`;
    let g = groups.get(key);
    if (!g) groups.set(key, (g = { office, items: [] }));
    g.items.push(item);
  }
  const sorted = [...groups.values()].sort((x, y) => (x.office.id ?? '\uffff' + x.office.name).localeCompare(y.office.id ?? '\uffff' + y.office.name));
  for (const g of sorted) {
    g.items.sort(
      (x, y) =>
        STATUS_RANK[x.status] - STATUS_RANK[y.status] ||
        SEVERITY_RANK[x.severity] - SEVERITY_RANK[y.severity] ||
        (x.due ?? '9999').localeCompare(y.due ?? '9999') ||
        (x.account?.id ?? x.unit.id).localeCompare(y.account?.id ?? y.unit.id),
    );
  }
  const all = sorted.flatMap((g) => g.items);
  const report: MonitorReport = {
    now: input.now,
    soon: input.soon,
    summary: {
      overdue: all.filter((i) => i.status === 'overdue').length,
      dueSoon: all.filter((i) => i.status === 'due-soon').length,
      reminders: all.filter((i) => i.status === 'reminder').length,
      offices: sorted.length,
      monitoredAccounts: monitored,
    },
    groups: sorted,
  };
  if (input.activity) {
    const known = new Set(input.register.accounts.map((a) => a.id));
    report.activity = {
      source: input.activity.source,
      ...(input.activity.asOf ? { asOf: input.activity.asOf } : {}),
      rows: input.activity.byAccount.size,
      unknownAccounts: [...input.activity.byAccount.keys()].filter((id) => !known.has(id)).sort(),
    };
  }
  return report;
}

/** Exit code: 1 when something is overdue (errors and warnings; notices never fail). */
export function monitorExitCode(r: MonitorReport): 0 | 1 {
  return r.groups.some((g) => g.items.some((i) => i.status === 'overdue' && i.severity !== 'notice')) ? 1 : 0;
}

