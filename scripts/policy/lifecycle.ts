/**
 * 由事件推导账号的生命周期状态。状态不单独存储：事件是唯一的事实来源。
 * Derive an account's lifecycle state from its events; the state is never stored.
 *
 *   开设备案/补录备案 → 申请中 → (主管审核 同意) 已备案 → (平台认证/应用上架) 已认证 → (系统填报) 正常
 *   变更备案 → 变更中 → (系统填报 变更) 正常
 *   关停备案 → 关停中 → (注销公告) 已公告 → (平台注销/应用下架) 已注销 → (系统填报 关停) 已关停
 *   补录备案 with status 正常 (an existing account, already in the national system, registered on adoption) → 正常;
 *   补录备案 with status 已关停 (a closed historical account, registered for the record) → 已关停
 */
import type { AccountFile, Event } from '../generated/types.ts';

export type Phase = '申请中' | '审核未通过' | '已备案' | '已认证' | '正常' | '变更中' | '关停中' | '已公告' | '已注销' | '已关停';

export type WorkKind = '开设' | '补录' | '变更' | '关停';

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

export const PHASE_EN: Record<Phase, string> = {
  申请中: 'applying',
  审核未通过: 'rejected',
  已备案: 'filed',
  已认证: 'certified',
  正常: 'active',
  变更中: 'changing',
  关停中: 'closing',
  已公告: 'announced',
  已注销: 'deregistered',
  已关停: 'closed',
};

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
  let filedOn: string | undefined;
  account.events.forEach((ev, index) => {
    const kind = FILING_KIND[ev.type];
    if (kind) {
      current = { kind, index, start: ev.date };
      works.push(current);
      if ((kind === '开设' || kind === '补录') && !filedOn) filedOn = ev.date;
      phase = kind === '变更' ? '变更中' : kind === '关停' ? '关停中' : kind === '补录' ? '已备案' : '申请中';
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
        if (current && current.kind === '开设') phase = ev.decision === '不同意' ? '审核未通过' : '已备案';
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
      case '系统填报':
        if (current && !current.done) {
          const matches = !ev.action || ev.action === current.kind || (current.kind === '补录' && ev.action === '开设');
          if (matches) {
            current.done = ev.date;
            phase = current.kind === '关停' ? '已关停' : '正常';
          }
        }
        break;
      default:
        break;
    }
  });
  const last = works[works.length - 1];
  const closing = last?.kind === '关停';
  const state: AccountState = { phase, closing, closed: phase === '已关停' || phase === '已注销', works };
  if (filedOn) state.filedOn = filedOn;
  if (last && !last.done) state.pending = last;
  return state;
}

/** Index of the first event of a type at or after `from`, or -1. */
export function findEvent(events: readonly Event[], type: Event['type'], from = 0, to = events.length): number {
  for (let i = from; i < to; i++) if (events[i]?.type === type) return i;
  return -1;
}
