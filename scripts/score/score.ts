/**
 * 考核评分：按办法模块中的指标目录（scoring.ts）给账号和单位打分、分类排名。
 *
 * The scorer. For every policy module with a scoring catalogue, the units it covers are scored:
 *   account: any veto → 0; else max(0, 100 − deductions), plus bonuses (capped) when above the threshold;
 *   unit:    any veto (of an account or of the unit) → 0; else mean of its operated accounts − unit deductions;
 *   final:   unit ÷ best unit of the same scoringClass × 100.
 * Pure: it reads the register, the activity snapshot and the inspection results it is given.
 */
import * as cal from '../calendar/workdays.ts';
import type { Bilingual } from '../core/finding.ts';
import type { AccountDoc, Register, UnitDoc } from '../core/register.ts';
import { policiesForUnit } from '../policy/engine.ts';
import { deriveState } from '../core/lifecycle.ts';
import type { LoadedPolicy } from '../policy/types.ts';
import type { ActivityRecord, ActivitySnapshot } from '../monitor/activity.ts';
import { InputError } from '../monitor/errors.ts';
import { isLive, liveSince, supervisingOffice } from '../monitor/monitor.ts';
import type { Inspection } from './inspection.ts';
import type { AccountScore, ClassRanking, Hit, Indicator, ScoreReport, ScoringCatalogue, UnitScore } from './types.ts';

export interface ScoreInput {
  register: Register;
  policies: readonly LoadedPolicy[];
  now: string;
  activity?: ActivitySnapshot;
  inspection?: Inspection;
}

export function scoringOf(p: LoadedPolicy): ScoringCatalogue | undefined {
  const s = p.extras.scoring;
  return s && typeof s === 'object' && Array.isArray((s as ScoringCatalogue).indicators) ? (s as ScoringCatalogue) : undefined;
}

export function round2(x: number): number {
  return Math.round(x * 100) / 100;
}

const IGNORE_NAME_PLATFORMS = new Set(['移动客户端', '微信小程序']);
const PLATFORM_EVENTS = new Set(['平台注册', '平台认证', '应用上架']);
const ACTIVITY_MEASURES = new Set(['no-update', 'no-original', 'reply-late', 'original-ratio', 'posts-per-week', 'replies-cleared']);

/** Every catalogue in force, with the units it covers. */
function catalogues(register: Register, policies: readonly LoadedPolicy[], now: string): { policy: LoadedPolicy; catalogue: ScoringCatalogue; units: UnitDoc[] }[] {
  const out = new Map<LoadedPolicy, { policy: LoadedPolicy; catalogue: ScoringCatalogue; units: UnitDoc[] }>();
  const byRegionKind = new Map<string, LoadedPolicy[]>();
  for (const u of register.units.values()) {
    // a catalogue covers the units its module applies to (manifest appliesTo), as validate judges them
    const key = `${u.regionId}\u0000${u.data.kind}`;
    let ps = byRegionKind.get(key);
    if (!ps) byRegionKind.set(key, (ps = policiesForUnit(register, policies, u, u.regionId, now)));
    for (const p of ps) {
      const c = scoringOf(p);
      if (!c) continue;
      let e = out.get(p);
      if (!e) out.set(p, (e = { policy: p, catalogue: c, units: [] }));
      e.units.push(u);
    }
  }
  return [...out.values()];
}

export function computeScores(input: ScoreInput): ScoreReport[] {
  return catalogues(input.register, input.policies, input.now).map((c) => scoreCatalogue(input, c.policy, c.catalogue, c.units));
}

function capped(ind: Indicator, count: number): number {
  const raw = ind.points * count;
  return ind.maxPoints !== undefined ? Math.min(raw, ind.maxPoints) : raw;
}

function scoreCatalogue(input: ScoreInput, policy: LoadedPolicy, cat: ScoringCatalogue, units: UnitDoc[]): ScoreReport {
  const { register, now } = input;
  const inScope = new Set(units.map((u) => u.id));
  const byId = new Map(cat.indicators.map((i) => [i.id, i]));
  const results = input.inspection?.results ?? [];
  // inspection results must fit the catalogue's scopes and this catalogue's units
  for (const r of results) {
    const ind = byId.get(r.indicator);
    if (!ind) throw new InputError({ zh: `检查结果中的指标“${r.indicator}”不在指标目录“${cat.title.zh}”中`, en: `indicator "${r.indicator}" is not in the catalogue` });
    const acc = r.account ? register.accountsById.get(r.account) : undefined;
    const unitId = r.unit ?? acc?.unitId;
    if (!unitId || !inScope.has(unitId)) throw new InputError({ zh: `检查结果中的${r.account ? `账号“${r.account}”` : `单位“${r.unit ?? ''}”`}不在本考核（${policy.manifest.jurisdiction}）范围内`, en: `${r.account ?? r.unit ?? ''} is outside this assessment` });
    if (ind.scope === 'account') {
      if (!acc) throw new InputError({ zh: `指标“${ind.id}”按账号评分，检查结果须写明 account（账号编号）`, en: `indicator "${ind.id}" is scored per account; give the account` });
      if (!isLive(deriveState(acc.data))) throw new InputError({ zh: `账号“${acc.id}”不在运维（未开通、关停中或已关停），不参加评分；请核对检查结果`, en: `account "${acc.id}" is not operated (opening or closed) and is not scored` });
    }
    if (ind.measure.kind !== 'inspection' && ind.measure.kind !== 'unfiled') {
      throw new InputError({ zh: `指标“${ind.id}”由${ACTIVITY_MEASURES.has(ind.measure.kind) ? '运行数据' : '登记簿'}计算，不能由人工检查结果给出`, en: `indicator "${ind.id}" is computed from ${ACTIVITY_MEASURES.has(ind.measure.kind) ? 'the activity snapshot' : 'the register'}, not from inspection results` });
    }
  }

  const scored: UnitScore[] = [];
  const notScored: ScoreReport['notScored'] = [];
  for (const u of units) {
    const all = register.accountsByUnit.get(u.id) ?? [];
    const live = all.filter((a) => isLive(deriveState(a.data)));
    const unitHits = unitIndicators(cat, u, all, results, now);
    if (!live.length) {
      if (u.data.scoringClass) notScored.push({ id: u.id, name: u.data.name, reason: { zh: '没有运维的账号（已完成开设且未在关停），不参加评分', en: 'no operated account (opened and not closing); not scored' } });
      continue;
    }
    const accounts = live.map((a) => scoreAccount(cat, a, live, u, input));
    const vetoed = accounts.some((a) => a.vetoes.length > 0) || unitHits.some((h) => h.kind === 'veto');
    const mean = accounts.reduce((s, a) => s + a.score, 0) / accounts.length;
    const unitDeduction = unitHits.filter((h) => h.kind === 'deduction').reduce((s, h) => s + h.points, 0);
    const score = vetoed ? 0 : Math.max(0, mean - unitDeduction);
    scored.push({
      id: u.id,
      name: u.data.name,
      ...(u.data.scoringClass ? { scoringClass: u.data.scoringClass } : {}),
      office: supervisingOffice(register, u, u.regionId).name,
      accounts,
      unitHits,
      vetoed,
      mean: round2(mean),
      unitDeduction,
      score: round2(score),
    });
  }

  const classes: ClassRanking[] = [];
  for (const name of cat.classes) {
    const list = scored.filter((s) => s.scoringClass === name);
    const best = list.reduce((m, s) => Math.max(m, s.score), 0);
    for (const s of list) s.final = best > 0 ? round2((s.score / best) * 100) : 0;
    list.sort((x, y) => (y.final ?? 0) - (x.final ?? 0) || x.id.localeCompare(y.id));
    list.forEach((s, i) => {
      const prev = list[i - 1];
      s.rank = prev && prev.final === s.final ? prev.rank! : i + 1;
    });
    classes.push({ name, best: round2(best), units: list });
  }
  const unclassified = scored.filter((s) => !s.scoringClass || !cat.classes.includes(s.scoringClass));

  const report: ScoreReport = {
    now,
    catalogue: { id: cat.id, title: cat.title, policy: policy.manifest.id, citation: cat.citation, deductionBase: cat.deductionBase, bonusThreshold: cat.bonusThreshold, bonusCap: cat.bonusCap },
    indicators: cat.indicators,
    notes: cat.notes,
    classes,
    unclassified,
    notScored,
  };
  if (input.activity) report.activity = { source: input.activity.source, ...(input.activity.asOf ? { asOf: input.activity.asOf } : {}) };
  if (input.inspection) report.inspection = { source: input.inspection.source, ...(input.inspection.period ? { period: input.inspection.period } : {}), results: input.inspection.results.length };
  return report;
}

function unitIndicators(cat: ScoringCatalogue, u: UnitDoc, all: AccountDoc[], results: Inspection['results'], now: string): Hit[] {
  const hits: Hit[] = [];
  for (const ind of cat.indicators.filter((i) => i.scope === 'unit')) {
    const inspected = results.filter((r) => r.indicator === ind.id && (r.unit === u.id || all.some((a) => a.id === r.account)));
    const inspectedCount = inspected.reduce((s, r) => s + r.count, 0);
    let count = inspectedCount;
    const found: string[] = [];
    if (ind.measure.kind === 'unfiled') {
      const days = ind.measure.days;
      for (const a of all) {
        const st = deriveState(a.data);
        if (st.closing || st.closed) continue;
        if (st.works.some((w) => (w.kind === '开设' || w.kind === '补录') && w.done)) continue;
        const onPlatform = a.data.events.find((e) => PLATFORM_EVENTS.has(e.type));
        if (onPlatform && cal.diffDays(onPlatform.date, now) > days) {
          count++;
          found.push(`${a.data.name}（${a.id}）`);
        }
      }
    }
    if (!count) continue;
    const notes = inspected.map((r) => r.note).filter((n): n is string => !!n);
    const detail: Bilingual = {
      zh: [found.length ? `登记簿：${found.join('、')} 已在平台注册或认证超过${ind.measure.kind === 'unfiled' ? ind.measure.days : ''}天仍未办结开设` : '', inspectedCount ? `人工检查：${inspectedCount} 处${notes.length ? `（${notes.join('；')}）` : ''}` : ''].filter(Boolean).join('；'),
      en: [found.length ? `register: ${found.join(', ')} on a platform without a completed opening` : '', inspectedCount ? `inspection: ${inspectedCount}${notes.length ? ` (${notes.join('; ')})` : ''}` : ''].filter(Boolean).join('; '),
    };
    hits.push({ indicator: ind.id, kind: ind.kind, title: ind.title, count, points: ind.kind === 'veto' ? 0 : capped(ind, count), detail, from: found.length ? 'register' : 'inspection' });
  }
  return hits;
}

function majorityName(list: AccountDoc[]): string | undefined {
  const names = list.filter((a) => !IGNORE_NAME_PLATFORMS.has(a.data.platform)).map((a) => a.data.name);
  if (names.length < 2) return undefined;
  const count = new Map<string, number>();
  for (const n of names) count.set(n, (count.get(n) ?? 0) + 1);
  return [...count.entries()].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))[0]![0];
}

function scoreAccount(cat: ScoringCatalogue, a: AccountDoc, live: AccountDoc[], u: UnitDoc, input: ScoreInput): AccountScore {
  const { now } = input;
  const st = deriveState(a.data);
  const since = liveSince(st) ?? a.data.events[0]!.date;
  const rec: ActivityRecord | undefined = input.activity?.byAccount.get(a.id);
  const vetoes: Hit[] = [];
  const deductions: Hit[] = [];
  const bonuses: Hit[] = [];
  const unmeasured: string[] = [];
  const majority = majorityName(live);
  for (const ind of cat.indicators) {
    if (ind.scope !== 'account') continue;
    const m = ind.measure;
    let count = 0;
    let detail: Bilingual = { zh: '', en: '' };
    let from: Hit['from'] = 'activity';
    if (ACTIVITY_MEASURES.has(m.kind) && !rec) {
      unmeasured.push(ind.id);
      continue;
    }
    switch (m.kind) {
      case 'no-update': {
        const base = rec!.lastPost ?? since;
        const gap = cal.diffDays(base, now);
        if (gap > m.days) {
          count = 1;
          detail = rec!.lastPost ? { zh: `最近一次更新 ${rec!.lastPost}，已 ${gap} 天未更新`, en: `last update ${rec!.lastPost}, ${gap} days ago` } : { zh: `开通（${since}）以来没有发布记录`, en: `no post since going live on ${since}` };
        }
        break;
      }
      case 'no-original': {
        if (m.days === 7 && rec!.originalPostsLast7Days !== undefined) {
          if (rec!.originalPostsLast7Days === 0) {
            count = 1;
            detail = { zh: '近7天原创 0 条', en: 'no original post in 7 days' };
          }
        } else {
          const base = rec!.lastOriginalPost ?? since;
          if (cal.diffDays(base, now) > m.days) {
            count = 1;
            detail = { zh: rec!.lastOriginalPost ? `最近一条原创 ${rec!.lastOriginalPost}` : '没有原创记录', en: rec!.lastOriginalPost ? `last original post ${rec!.lastOriginalPost}` : 'no original post recorded' };
          }
        }
        break;
      }
      case 'reply-late': {
        const recv = rec!.oldestUnanswered;
        if (!recv || rec!.unansweredMessages === 0) break;
        const holiday = m.holidayMaxDays !== undefined && (!cal.isWorkday(recv) || !cal.isWorkday(cal.addDays(recv, 1)));
        const due = cal.addDays(recv, holiday ? m.holidayMaxDays! : m.maxDays);
        if (due < now) {
          count = 1;
          detail = { zh: `最早一条未答复留言收到于 ${recv}，应于 ${due} 前答复`, en: `oldest unanswered message received ${recv}, due ${due}` };
        }
        break;
      }
      case 'name-inconsistent': {
        from = 'register';
        if (majority !== undefined && !IGNORE_NAME_PLATFORMS.has(a.data.platform) && a.data.name !== majority) {
          count = 1;
          detail = { zh: `名称“${a.data.name}”，本单位其他平台为“${majority}”`, en: `name "${a.data.name}"; the unit's other platforms use "${majority}"` };
        }
        break;
      }
      case 'certification-unmarked': {
        from = 'register';
        const c = a.data.certification;
        const names = [u.data.name, u.data.shortName].filter((x): x is string => !!x);
        if (!c || c.status !== '已认证') {
          count = 1;
          detail = { zh: `认证状态：${c?.status ?? '未登记'}`, en: `certification: ${c?.status ?? 'not recorded'}` };
        } else if (!c.publicInfo || !names.some((n) => c.publicInfo!.includes(n))) {
          count = 1;
          detail = { zh: c.publicInfo ? `认证信息“${c.publicInfo}”未标明主办单位` : '未登记公开认证信息', en: c.publicInfo ? `certification "${c.publicInfo}" does not name the host unit` : 'no public certification info recorded' };
        }
        break;
      }
      case 'inspection': {
        from = 'inspection';
        const rs = (input.inspection?.results ?? []).filter((r) => r.indicator === ind.id && r.account === a.id);
        count = rs.reduce((s, r) => s + r.count, 0);
        const notes = rs.map((r) => r.note).filter((n): n is string => !!n);
        if (count) detail = { zh: `人工检查：${count} 处${notes.length ? `（${notes.join('；')}）` : ''}`, en: `inspection: ${count}${notes.length ? ` (${notes.join('; ')})` : ''}` };
        break;
      }
      case 'original-ratio': {
        const posts = rec!.postsLast7Days;
        const orig = rec!.originalPostsLast7Days;
        if (posts !== undefined && orig !== undefined && posts > 0 && orig / posts >= m.min) {
          count = 1;
          detail = { zh: `近7天原创 ${orig} / 发布 ${posts}`, en: `${orig} original of ${posts} posts in 7 days` };
        } else if (posts === undefined || orig === undefined) unmeasured.push(ind.id);
        break;
      }
      case 'posts-per-week': {
        const posts = rec!.postsLast7Days;
        if (posts === undefined) unmeasured.push(ind.id);
        else if (posts >= m.min) {
          count = 1;
          detail = { zh: `近7天发布 ${posts} 条`, en: `${posts} posts in 7 days` };
        }
        break;
      }
      case 'replies-cleared': {
        const last = rec!.lastReplyToPublic;
        if (rec!.unansweredMessages === 0 && last && cal.diffDays(last, now) <= m.withinDays) {
          count = 1;
          detail = { zh: `留言已清零，最近一次答复 ${last}`, en: `no unanswered messages; last reply ${last}` };
        }
        break;
      }
      case 'unfiled':
        break; // unit scope only
    }
    if (!count) continue;
    const hit: Hit = { indicator: ind.id, kind: ind.kind, title: ind.title, count, points: ind.kind === 'veto' ? 0 : capped(ind, count), detail, from };
    (ind.kind === 'veto' ? vetoes : ind.kind === 'deduction' ? deductions : bonuses).push(hit);
  }
  const base = Math.max(0, cat.deductionBase - deductions.reduce((s, h) => s + h.points, 0));
  const bonus = base > cat.bonusThreshold ? Math.min(cat.bonusCap, bonuses.reduce((s, h) => s + h.points, 0)) : 0;
  return {
    id: a.id,
    name: a.data.name,
    platform: a.data.platform,
    vetoes,
    deductions,
    bonuses,
    base,
    bonus,
    score: vetoes.length ? 0 : base + bonus,
    unmeasured,
  };
}
