/**
 * 由事件推导账号的生命周期状态。状态不单独存储：事件是唯一的事实来源。
 * Derive an account's lifecycle state from its events; the state is never stored.
 *
 *   开设备案/补录备案 → 申请中 → (主管审核 同意) 已备案 → (平台认证/应用上架) 已认证 → (系统填报) 正常
 *   变更备案 → 变更中 → (系统填报 变更) 正常
 *   关停备案 → 关停中 → (注销公告) 已公告 → (平台注销/应用下架) 已注销 → (系统填报 关停) 已关停
 *   补录备案 with status 正常 (an existing account, already in the national system, registered on adoption) → 正常;
 *   补录备案 with status 已关停 (a closed historical account, registered for the record) → 已关停
 *
 * 开设尚未办结时的变更 / a change while the opening is unfinished:
 *   - 主管单位审核同意之前提交的变更备案，是对开设申请的修改：并入开设事项（amendments），
 *     账号仍在开设中，主管审核仍针对开设，期限不变；
 *   - 审核同意之后、系统填报之前提交的变更另成一项，但账号在开设办结（系统填报）前
 *     不会显示为“正常”，待办事项（pending）仍是开设。
 */
import type { AccountFile, Event } from '../generated/types.ts';

export type Phase = '申请中' | '审核未通过' | '已备案' | '已认证' | '正常' | '变更中' | '关停中' | '已公告' | '已注销' | '已关停';

export type WorkKind = '开设' | '补录' | '变更' | '关停';

/** The English name of each kind of work (the one table; messages, forms and policies use it). */
export const WORK_KIND_EN: Readonly<Record<WorkKind, string>> = { 开设: 'opening', 补录: 'backfill', 变更: 'change', 关停: 'closure' };

export interface Work {
  kind: WorkKind;
  /** Index of the filing event that started it. */
  index: number;
  start: string;
  /** Date it was completed in the national system, if it was. */
  done?: string;
  /**
   * A backfill that records the account's status on adoption (补录备案 with status): the supervising office
   * registers an existing account; it is not a filing made through the register, so process rules skip it.
   */
  adopted?: true;
  /** Index of the first event after this work's events (the next filing that starts a work), or events.length. */
  end: number;
  /** 变更备案 events filed before an opening was approved: amendments to the application, part of this work. */
  amendments?: number[];
}

export interface AccountState {
  phase: Phase;
  /** Closed or closing (no longer, or soon no longer, an active account). */
  closing: boolean;
  closed: boolean;
  /** Date of the first 开设备案 or 补录备案. */
  filedOn?: string;
  /** Every open/backfill/change/close piece of work, in order. */
  works: Work[];
  /** The current unfinished work, if any. */
  pending?: Work;
}

const FILING_KIND: Partial<Record<Event['type'], WorkKind>> = {
  开设备案: '开设',
  补录备案: '补录',
  变更备案: '变更',
  关停备案: '关停',
};

export function deriveState(account: Pick<AccountFile, 'events'>): AccountState {
  let phase = '申请中' as Phase;
  const works: Work[] = [];
  let current: Work | undefined;
  /** The first 开设/补录 work: the account's establishment. */
  let establishing: Work | undefined;
  let approved = false;
  let filedOn: string | undefined;
  const n = account.events.length;
  const established = (): boolean => !establishing || establishing.done !== undefined;
  account.events.forEach((ev, index) => {
    const kind = FILING_KIND[ev.type];
    if (kind) {
      // A change filed before the opening was approved amends the application.
      if (kind === '变更' && current && current.kind === '开设' && current === establishing && !approved) {
        (current.amendments ??= []).push(index);
        if (phase === '审核未通过') phase = '申请中';
        return;
      }
      if (current) current.end = index;
      current = { kind, index, start: ev.date, end: n };
      works.push(current);
      if (kind === '开设' || kind === '补录') {
        if (!filedOn) filedOn = ev.date;
        if (!establishing) establishing = current;
        approved = false;
      }
      if (kind === '变更') {
        if (established()) phase = '变更中';
      } else phase = kind === '关停' ? '关停中' : kind === '补录' ? '已备案' : '申请中';
      // a backfill that records the account's actual status (import on adoption): nothing is pending for it
      if (kind === '补录' && ev.status) {
        current.done = ev.date;
        current.adopted = true;
        phase = ev.status === '已关停' ? '已关停' : '正常';
      }
      return;
    }
    switch (ev.type) {
      case '主管审核':
        if (current && current.kind === '开设') {
          approved = ev.decision !== '不同意';
          phase = approved ? '已备案' : '审核未通过';
        }
        break;
      case '平台认证':
      case '应用上架':
        if (phase === '已备案' || phase === '申请中') phase = '已认证';
        break;
      case '注销公告':
        if (phase === '关停中') phase = '已公告';
        break;
      case '平台注销':
      case '应用下架':
        if (phase === '关停中' || phase === '已公告') phase = '已注销';
        break;
      case '系统填报': {
        if (!current) break;
        // Which unfinished work does this entry complete? The named kind (latest first), else the
        // establishment while it is unfinished (the entry then carries any change filed since), else the current work.
        let target: Work | undefined;
        if (ev.action) {
          for (let i = works.length - 1; i >= 0 && !target; i--) {
            const w = works[i]!;
            if (!w.done && (w.kind === ev.action || (w.kind === '补录' && ev.action === '开设'))) target = w;
          }
        } else target = establishing && !establishing.done ? establishing : !current.done ? current : undefined;
        if (!target) break;
        target.done = ev.date;
        if (target === establishing && !ev.action) for (const w of works) if (w.kind === '变更' && !w.done && w.index > target.index) w.done = ev.date;
        if (target.kind === '关停') phase = '已关停';
        else if (!established()) break; // still opening: never 正常 before the opening is entered
        else if (current.done) phase = '正常';
        else if (current.kind === '变更') phase = '变更中';
        break;
      }
      default:
        break;
    }
  });
  const last = works[works.length - 1];
  const closing = last?.kind === '关停';
  const closed = phase === '已关停' || phase === '已注销';
  // The unfinished establishment stays the pending work (its review and entry deadlines), unless the account is closing.
  const pending = establishing && !establishing.done && !closing ? establishing : last && !last.done ? last : undefined;
  // A state is kept for every account while the rules run (100,000 at a time in a large register): it is
  // made in one literal with exactly its properties (not grown property by property, which adds a second
  // block to the object), and its list of works is copied to its exact length (a list grown by push
  // keeps room for 16).
  const ws = works.slice();
  if (filedOn) return pending ? { phase, closing, closed, works: ws, filedOn, pending } : { phase, closing, closed, works: ws, filedOn };
  return pending ? { phase, closing, closed, works: ws, pending } : { phase, closing, closed, works: ws };
}

/** The events of one piece of work: from its filing up to (not including) the next work's filing. */
export function eventsOfWork<E>(events: readonly E[], w: Work): { ev: E; i: number }[] {
  const out: { ev: E; i: number }[] = [];
  for (let i = w.index; i < Math.min(w.end, events.length); i++) out.push({ ev: events[i]!, i });
  return out;
}

