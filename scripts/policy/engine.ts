/**
 * 规则引擎：按地区绑定和日期选出有效的办法版本，对登记簿快照运行其规则，产出 findings。
 * The engine: picks, for every region, the bound policy versions in force on the date,
 * runs their rules over the snapshot, and returns findings (never throws for data).
 */
import { defaultCalendar, type WorkCalendar } from '../calendar/workdays.ts';
import { fill, type Bilingual, type Finding } from '../core/finding.ts';
import { LoadedAccount, type AccountDoc, type RegionDoc, type Register, type SourceFile, type UnitDoc } from '../core/register.ts';
import { accountPersonalValues, personalParts } from '../report/privacy.ts';
import { deriveState, type AccountState } from '../core/lifecycle.ts';
import { parentOf } from '../core/register-path.ts';
import type { LoadedPolicy, ReportDescriptor, Rule, RuleContext } from './types.ts';
import { appliesToKind } from './stage.ts';
import { inForceOn, judgedWork } from './in-force.ts';

/**
 * What each finding of a rule was reported with (message id and placeholder values), for the rule
 * tester: a case names the message it expects, as in ESLint's RuleTester. Kept beside the findings
 * (not in them) so no output format carries the raw values.
 */
export const reportedWith = new WeakMap<Finding, { messageId: string; data: Record<string, string | number | undefined> }>();

export function ruleId(policy: LoadedPolicy, rule: Rule): string {
  return `${policy.manifest.id}/${rule.name}`;
}

/**
 * manifest.inForce of a document that states no date of entry into force: the module applies to work dated from the
 * register's adoption (region.json `adoptedOn` of the binding region or its nearest ancestor; without one, the day of
 * the check, so no earlier work is ever judged by it).
 */
export const IN_FORCE_FROM_ADOPTION = 'adoption';

/** The date a version is in force from, given the adoption date of the region that binds it. */
export function effectiveInForce(p: LoadedPolicy, adoptedOn: string): string {
  return p.manifest.inForce === IN_FORCE_FROM_ADOPTION ? adoptedOn : p.manifest.inForce;
}

/** Copies of adoption-dated versions with their inForce resolved, one per date (rules read ctx.policy.manifest.inForce). */
const resolvedCopies = new WeakMap<LoadedPolicy, Map<string, LoadedPolicy>>();
function resolvedAt(p: LoadedPolicy, inForce: string): LoadedPolicy {
  let m = resolvedCopies.get(p);
  if (!m) resolvedCopies.set(p, (m = new Map()));
  let c = m.get(inForce);
  if (!c) m.set(inForce, (c = { ...p, manifest: { ...p.manifest, inForce, inForceFromAdoption: true } }));
  return c;
}

/**
 * The version of a series in force on a date, or undefined. A version whose document states no date (inForce
 * "adoption") is in force from `adoptedOn` (default: the date itself) and is returned with that date as its inForce.
 */
export function versionInForce(policies: readonly LoadedPolicy[], series: string, date: string, adoptedOn: string = date): LoadedPolicy | undefined {
  let best: LoadedPolicy | undefined;
  for (const p of policies) {
    if (p.series !== series) continue;
    if (effectiveInForce(p, adoptedOn) > date) continue;
    if (p.manifest.repealed && p.manifest.repealed <= date) continue;
    if (!best || effectiveInForce(p, adoptedOn) > effectiveInForce(best, adoptedOn)) best = p;
  }
  return best && best.manifest.inForce === IN_FORCE_FROM_ADOPTION ? resolvedAt(best, adoptedOn) : best;
}

/** The register's adoption date for a region: its own `adoptedOn`, else the nearest ancestor's. */
export function adoptionDate(register: Register, regionId: string): string | undefined {
  for (const r of regionChain(register, regionId)) if (r.data.adoptedOn) return r.data.adoptedOn;
  return undefined;
}

/** Region chains per register snapshot: every account of a region asks for the same chain. */
const chains = new WeakMap<Register, Map<string, RegionDoc[]>>();

/** The region and its ancestors, nearest first (cached per register; do not modify the result). */
export function regionChain(register: Register, regionId: string): RegionDoc[] {
  let m = chains.get(register);
  if (!m) chains.set(register, (m = new Map()));
  let c = m.get(regionId);
  if (!c) m.set(regionId, (c = computeChain(register, regionId)));
  return c;
}

function computeChain(register: Register, regionId: string): RegionDoc[] {
  const out: RegionDoc[] = [];
  let id: string | undefined = regionId;
  const seen = new Set<string>();
  while (id !== undefined && !seen.has(id)) {
    seen.add(id);
    const r = register.regions.get(id);
    if (r) out.push(r);
    id = id === '' ? undefined : parentOf(id);
  }
  return out;
}

/** The policy versions that judge accounts of a region on a date (its own bindings and every ancestor's). */
export function policiesFor(register: Register, policies: readonly LoadedPolicy[], regionId: string, date: string): LoadedPolicy[] {
  const out: LoadedPolicy[] = [];
  const seen = new Set<string>();
  for (const r of regionChain(register, regionId)) {
    for (const series of r.data.policies) {
      if (seen.has(series)) continue;
      seen.add(series);
      const v = versionInForce(policies, series, date, adoptionDate(register, r.data.id) ?? date);
      if (v) out.push(v);
    }
  }
  return out;
}

/**
 * The policy versions that judge a unit and its accounts: those bound to its region on the date
 * (policiesFor) whose manifest `appliesTo` lists the unit's kind (default: the government system),
 * the same selection runPolicies makes. Deadlines, monitor and score use it, so a module that does
 * not apply to a unit (a party organ, a court, a village…) sets it no deadline and no monitor item.
 */
export function policiesForUnit(register: Register, policies: readonly LoadedPolicy[], unit: UnitDoc | undefined, regionId: string, date: string): LoadedPolicy[] {
  const ps = policiesFor(register, policies, regionId, date);
  return unit ? ps.filter((p) => appliesToKind(p.manifest.appliesTo, unit.data.kind)) : ps;
}

export interface RunOptions {
  now: string;
  policies: readonly LoadedPolicy[];
  /** Run only these rule ids (tests, `--rule`). */
  only?: ReadonlySet<string>;
  /** The official calendar (default: this program's own, chinese-days merged with policies/calendar/). */
  calendar?: WorkCalendar;
}

function locate(file: SourceFile, pointer: (string | number)[] | undefined, atKey: boolean | undefined): { line: number; column: number } {
  const p = pointer ?? [];
  const pos = atKey ? file.parsed.locateKey(p) : file.parsed.locate(p);
  return { line: pos.line, column: pos.column };
}

const RANK: Record<Finding['severity'], number> = { error: 3, warning: 2, notice: 1 };

/**
 * Layers of law: where a rule `implements` a rule of a higher document and both found the same thing
 * (same file, line and column), keep one finding: the stricter one (the local one when equally strict),
 * citing both (citation.also) and naming the other rule (alsoRules), so an exception for either suppresses it.
 */
function mergeLayers(findings: Finding[], implementsOf: ReadonlyMap<string, string>): Finding[] {
  if (implementsOf.size === 0) return findings;
  const at = (f: Finding, rule: string): string => `${rule}\u0000${f.file}\u0000${f.line}\u0000${f.column}`;
  const upper = new Set(implementsOf.values());
  const byKey = new Map<string, Finding>();
  for (const f of findings) if (upper.has(f.ruleId)) byKey.set(at(f, f.ruleId), f);
  const dropped = new Set<Finding>();
  for (const f of findings) {
    const target = implementsOf.get(f.ruleId);
    const other = target ? byKey.get(at(f, target)) : undefined;
    if (!other || dropped.has(other) || dropped.has(f)) continue;
    const [keep, drop] = RANK[other.severity] > RANK[f.severity] ? [other, f] : [f, other];
    dropped.add(drop);
    keep.alsoRules = [...(keep.alsoRules ?? []), drop.ruleId];
    if (keep.citation && drop.citation) keep.citation = { ...keep.citation, also: [...(keep.citation.also ?? []), drop.citation] };
  }
  return dropped.size ? findings.filter((f) => !dropped.has(f)) : findings;
}

export function runPolicies(register: Register, opts: RunOptions): Finding[] {
  const run = new PolicyRun(register, opts);
  run.judgeAccounts(register.accounts);
  return run.finish();
}

/**
 * One run of the rules over a register, in two phases, so a large register need not keep every
 * account's whole file while it is judged (pipeline.ts validateSource streams a whole register):
 *   judgeAccounts(batch): the account rules, for the accounts of one or more units, as soon as they
 *     are loaded (the register's regions and units are loaded already; the batch's accounts are in
 *     register.accountsByUnit). An account rule judges its account with its unit's accounts; it does
 *     not list the register's accounts (ctx.accounts() throws in an account rule: that list is not
 *     complete until the last batch).
 *   finish(): the unit and register rules, over every account judged, then the layers of law.
 * runPolicies is both phases over a loaded register. The accounts of a unit come in one batch, in
 * the register's order, so every rule sees its accounts in the same order either way.
 */
export class PolicyRun {
  private readonly findings: Finding[] = [];
  private readonly implementsOf = new Map<string, string>();
  /** The token of this run for the accounts' state slot (register.ts LoadedAccount.memo). */
  private readonly token = {};
  private readonly stateCache = new Map<AccountDoc, AccountState>();
  readonly state = (a: AccountDoc): AccountState => {
    if (a instanceof LoadedAccount) return a.memo(this.token, derive);
    let s = this.stateCache.get(a);
    if (!s) this.stateCache.set(a, (s = derive(a)));
    return s;
  };
  /** Which policy versions judge which accounts and units (insertion order: the order rules run in). */
  private readonly byPolicy = new Map<LoadedPolicy, { accounts: AccountDoc[]; units: UnitDoc[] }>();
  private readonly regionPolicies = new Map<string, LoadedPolicy[]>();
  /** Contexts per policy version and rule, made once (versions may share rule objects); a rule that failed judges nothing more. */
  private readonly contexts = new Map<LoadedPolicy, Map<Rule, RuleContext | 'failed' | 'skipped'>>();
  private readonly calendar: WorkCalendar;

  constructor(
    private readonly register: Register,
    private readonly opts: RunOptions,
  ) {
    this.calendar = opts.calendar ?? defaultCalendar();
    // a module judges the units of the kinds it applies to (default: the government system) and their accounts
    for (const u of register.units.values()) for (const p of this.forRegion(u.regionId)) if (judges(p, u)) this.scope(p).units.push(u);
  }

  private forRegion(regionId: string): LoadedPolicy[] {
    let ps = this.regionPolicies.get(regionId);
    if (!ps) this.regionPolicies.set(regionId, (ps = policiesFor(this.register, this.opts.policies, regionId, this.opts.now)));
    return ps;
  }

  private scope(p: LoadedPolicy): { accounts: AccountDoc[]; units: UnitDoc[] } {
    let s = this.byPolicy.get(p);
    if (!s) this.byPolicy.set(p, (s = { accounts: [], units: [] }));
    return s;
  }

  private contextOf(policy: LoadedPolicy, rule: Rule, sc: { accounts: AccountDoc[]; units: UnitDoc[] }): RuleContext | undefined {
    let m = this.contexts.get(policy);
    if (!m) this.contexts.set(policy, (m = new Map()));
    let ctx = m.get(rule);
    if (!ctx) {
      const id = ruleId(policy, rule);
      if (this.opts.only && !this.opts.only.has(id)) ctx = 'skipped';
      else {
        if (rule.implements && rule.implements !== id) this.implementsOf.set(id, rule.implements);
        ctx = makeContext(this.register, policy, rule, id, sc, this.opts.now, this.state, this.findings, this.calendar);
      }
      m.set(rule, ctx);
    }
    return typeof ctx === 'string' ? undefined : ctx;
  }

  /** Run one rule's check; a rule that throws is reported once and judges nothing more. */
  private guarded(policy: LoadedPolicy, rule: Rule, check: () => void): void {
    try {
      check();
    } catch (err) {
      this.contexts.get(policy)!.set(rule, 'failed');
      // A rule bug must not hide the others, nor print a stack trace to a clerk.
      const id = ruleId(policy, rule);
      this.findings.push({
        ruleId: id,
        severity: 'error',
        file: `${policy.dir}`,
        line: 1,
        column: 1,
        message: { zh: `规则 ${id} 运行出错：${(err as Error).message}`, en: `rule ${id} failed: ${(err as Error).message}` },
        fix: { zh: '这是规则本身的缺陷，请联系本库维护者。', en: 'This is a defect in the rule; tell the maintainers.' },
        citation: rule.citation,
        actor: 'maintainers',
      });
    }
  }

  /** The account rules over these accounts (whole units, in the register's order). */
  judgeAccounts(accounts: readonly AccountDoc[]): void {
    // a unit's accounts are listed together: which modules judge them is worked out once per unit (and region)
    const fresh = new Map<{ accounts: AccountDoc[] }, number>();
    let lastUnit: string | undefined;
    let lastRegion: string | undefined;
    let judging: { accounts: AccountDoc[] }[] = [];
    for (const a of accounts) {
      if (a.unitId !== lastUnit || a.regionId !== lastRegion) {
        const u = this.register.units.get(a.unitId);
        judging = [];
        for (const p of this.forRegion(a.regionId)) if (judges(p, u)) judging.push(this.scope(p));
        lastUnit = a.unitId;
        lastRegion = a.regionId;
      }
      for (const sc of judging) {
        if (!fresh.has(sc)) fresh.set(sc, sc.accounts.length);
        sc.accounts.push(a);
      }
    }
    for (const [policy, sc] of this.byPolicy) {
      const from = fresh.get(sc);
      if (from === undefined) continue;
      for (const rule of policy.rules) {
        if (rule.scope !== 'account') continue;
        const ctx = this.contextOf(policy, rule, sc);
        if (!ctx) continue;
        this.guarded(policy, rule, () => {
          const list = sc.accounts;
          for (let i = from; i < list.length; i++) rule.check(ctx, list[i]!);
        });
      }
    }
  }

  /** The unit and register rules, then the layers of law: every finding of the run. */
  finish(): Finding[] {
    for (const [policy, sc] of this.byPolicy) {
      for (const rule of policy.rules) {
        if (rule.scope === 'account') continue;
        const ctx = this.contextOf(policy, rule, sc);
        if (!ctx) continue;
        this.guarded(policy, rule, () => {
          if (rule.scope === 'unit') for (const u of sc.units) rule.check(ctx, u);
          else rule.check(ctx);
        });
      }
    }
    return mergeLayers(this.findings, this.implementsOf);
  }
}

const derive = (a: AccountDoc): AccountState => deriveState(a.data);

/** A module judges the units of the kinds it applies to (default: the government system) and their accounts. */
const judges = (p: LoadedPolicy, u: UnitDoc | undefined): boolean => !u || appliesToKind(p.manifest.appliesTo, u.data.kind);

function makeContext(
  register: Register,
  policy: LoadedPolicy,
  rule: Rule,
  id: string,
  sc: { accounts: AccountDoc[]; units: UnitDoc[] },
  now: string,
  state: (a: AccountDoc) => AccountState,
  findings: Finding[],
  calendar: WorkCalendar,
): RuleContext {
  const messageFor = (d: ReportDescriptor): { message: Bilingual; fix: Bilingual; private?: ReturnType<typeof personalParts> } => {
    const tpl = Object.hasOwn(rule.messages, d.messageId) ? rule.messages[d.messageId] : undefined;
    // An unknown message id is a defect of the rule: it fails (reported as "rule failed"), it is never printed as the text.
    if (!tpl) throw new Error(`unknown message id "${d.messageId}" (messages: ${Object.keys(rule.messages).join(', ')})`);
    const data = d.data ?? {};
    const message = { zh: fill(tpl.zh, data), en: fill(tpl.en, data) };
    const fx = rule.fix as Bilingual | Record<string, Bilingual>;
    const f = 'zh' in fx && typeof fx.zh === 'string' ? (fx as Bilingual) : ((fx as Record<string, Bilingual>)[d.messageId] ?? { zh: '', en: '' });
    // Names and phones in the data travel as separate fields, with a withheld text for public reports.
    const priv = personalParts({ message: tpl ?? message, fix: f }, data, { keys: d.personal, values: d.account ? accountPersonalValues(d.account.data) : [] });
    return { message, fix: { zh: fill(f.zh, data), en: fill(f.en, data) }, private: priv };
  };
  const supervisorOf = (u: UnitDoc): UnitDoc | undefined => {
    if (u.data.supervisor) return register.units.get(u.data.supervisor);
    for (const r of regionChain(register, u.regionId)) {
      if (r.data.supervisingOffice) return register.units.get(r.data.supervisingOffice);
    }
    return undefined;
  };
  return {
    now,
    register,
    policy,
    calendar,
    state,
    accounts: () => {
      // an account rule runs while the register is still being read (PolicyRun): the list is not complete
      if (rule.scope === 'account') throw new Error('ctx.accounts() is for unit and register rules; an account rule reads its unit\'s accounts (ctx.register.accountsByUnit)');
      return sc.accounts;
    },
    units: () => sc.units,
    unitOf: (a) => register.units.get(a.unitId),
    regionChain: (rid) => regionChain(register, rid),
    supervisorOf,
    inForce: (date) => inForceOn(policy, date),
    judged: (w) => judgedWork(policy, w),
    report(d) {
      const doc = d.account ?? d.unit ?? d.region;
      if (!doc) throw new Error(`rule ${id} reported without a document`);
      const { message, fix, private: priv } = messageFor(d);
      const pos = locate(doc.file, d.pointer, d.atKey);
      const f: Finding = {
        ruleId: id,
        severity: d.severity ?? rule.severity,
        file: doc.file.rel,
        line: pos.line,
        column: pos.column,
        message,
        fix,
        citation: rule.citation,
      };
      if (d.account) f.account = d.account.id;
      const actor = d.actor ?? rule.actor;
      if (actor && actor !== 'unit') f.actor = actor;
      reportedWith.set(f, { messageId: d.messageId, data: d.data ?? {} });
      if (priv) Object.assign(f, priv);
      findings.push(f);
    },
  };
}
