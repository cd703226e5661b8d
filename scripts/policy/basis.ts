/**
 * 依据：哪一条款要求某个字段、哪一条款规定某项审批。
 * Provenance a policy module declares beside its rules (default export of `<module>/basis.ts`,
 * loaded into `policy.extras.basis`):
 * - `fields`: which fields of which register file its articles require. A schema error on such a
 *   field (missing, wrong type, out of range …) cites the module that requires it for the file's
 *   region, nearest bound module first, the national opinion last; a field no measure requires
 *   cites the register's own data standard (schemas/README.md).
 * - `approvals`: the articles behind each approval the PR check asks for (the host unit's
 *   consent, the supervising office's review of an opening, closure or key change, a non-key
 *   change that the unit only reports, the former office on a move, the supervisor's approval of
 *   a justification for a 原则上 rule).
 * Nothing here names a jurisdiction: adding one is adding its basis.ts.
 */
import type { Citation, Finding } from '../core/finding.ts';
import type { Register } from '../core/register.ts';
import { registerPathKind } from '../core/register.ts';
import { parentOf } from '../core/register-path.ts';
import { BUILTIN_RULES } from '../core/builtin-rules.ts';
import { schemaFindingField } from '../core/schema.ts';
import { policiesFor } from './engine.ts';
import type { LoadedPolicy } from './types.ts';
import type { UnitFile } from '../generated/types.ts';
import { appliesToKind } from './stage.ts';

export interface FieldRequirement {
  /** The register file the fields are in. */
  file: 'account' | 'unit' | 'region';
  /**
   * Field paths, dot-separated, without array indices (e.g. "name", "team.principal",
   * "events.reason"). An issue on the field itself or anywhere inside it is covered.
   */
  fields: string[];
  /** The article (doc left empty: the module's manifest supplies the document number and title). */
  citation: Citation;
}

/**
 * Which approval an article grounds. `supervisor:<kind>` is the supervising office's approval of
 * one kind of work (ChangeKind of the PR check); `unit:<kind>` the host unit's; the bare role is
 * the fallback for every kind.
 */
export type ApprovalKey =
  | 'unit'
  | `unit:${string}`
  | 'supervisor'
  | `supervisor:${string}`
  | 'former-supervisor'
  | 'receiving-supervisor'
  | 'justification'
  /** A justification recorded on an event of this type that is not a filing (e.g. 密码更换): its own article only. */
  | `justification:${string}`
  | 'maintainers';

export interface PolicyBasis {
  fields?: FieldRequirement[];
  approvals?: Partial<Record<ApprovalKey, Citation>>;
}

/** 本库数据标准：没有办法条款要求的字段和本库自身的审批规则的依据。 */
export const REGISTER_STANDARD_DOC = '政务新媒体备案库数据标准';
export const REGISTER_STANDARD_TITLE = '政务新媒体备案库数据标准（schemas/README.md）';

export function registerStandard(article: string, quote?: string): Citation {
  return { doc: REGISTER_STANDARD_DOC, article, title: REGISTER_STANDARD_TITLE, ...(quote ? { quote } : {}) };
}

/** The register standard's articles (schemas/README.md, section 数据标准). */
export const STANDARD = {
  fields: BUILTIN_RULES['register/schema'].citation as Citation,
  maintainers: registerStandard('第三条（维护者审核）', '管理办法模块、数据模式、检查程序和地区配置的修改，由本库维护者审核'),
} as const;

export function basisOf(p: LoadedPolicy): PolicyBasis | undefined {
  const b = p.extras.basis;
  return b && typeof b === 'object' ? (b as PolicyBasis) : undefined;
}

/** A module's citation, with its document number and title filled in. */
export function withDoc(p: LoadedPolicy, c: Citation): Citation {
  return c.doc ? c : { ...c, doc: p.manifest.docNumber, title: c.title ?? p.manifest.title };
}

function normalisePath(pointer: readonly (string | number)[]): string {
  return pointer.filter((s) => !(typeof s === 'number' || /^\d+$/.test(String(s)))).join('.');
}

function covers(declared: string, field: string): boolean {
  return field === declared || field.startsWith(declared + '.');
}

/**
 * The citation for a field of a file in a region: the nearest bound module in force whose
 * articles require the field (the most specific declaration of that module), else the register standard.
 */
export function fieldCitation(register: Register, policies: readonly LoadedPolicy[], regionId: string, file: FieldRequirement['file'], pointer: readonly (string | number)[], now: string, unitKind?: UnitKind): Citation {
  const field = normalisePath(pointer);
  if (field) {
    for (const p of boundModules(register, policies, regionId, now, unitKind)) {
      let best: { len: number; c: Citation } | undefined;
      for (const req of basisOf(p)?.fields ?? []) {
        if (req.file !== file) continue;
        for (const d of req.fields) if (covers(d, field) && (!best || d.length > best.len)) best = { len: d.length, c: req.citation };
      }
      if (best) return withDoc(p, best.c);
    }
  }
  return STANDARD.fields;
}

type UnitKind = UnitFile['kind'];

/** The modules that judge a unit of this kind in this region (nearest first); a module judges the government system unless its manifest says otherwise. */
function boundModules(register: Register, policies: readonly LoadedPolicy[], regionId: string, now: string, unitKind: UnitKind | undefined): LoadedPolicy[] {
  const all = policiesFor(register, policies, regionId, now);
  return unitKind === undefined ? all : all.filter((p) => appliesToKind(p.manifest.appliesTo, unitKind));
}

/** The region a register file belongs to (accounts/-relative), from its path alone (the file may be unreadable). */
export function regionOfFile(rel: string, kind: 'account' | 'unit' | 'region'): string {
  const dir = rel.slice('accounts/'.length, Math.max('accounts/'.length, rel.lastIndexOf('/')));
  if (kind === 'region') return rel === 'accounts/region.json' ? '' : dir;
  return parentOf(dir);
}

/**
 * 模式错误按地区引用依据：同一个缺少的字段，在自贡引用自贡的条款，在六安引用六安的条款，
 * 在没有地方办法的地区引用国办发〔2018〕123号 或本库数据标准。
 * Give each schema finding of a register file the citation of the module that requires the field
 * for the file's region. Returns new finding objects (loaded findings may be cached and shared).
 */
export function citeSchemaFindings(findings: readonly Finding[], register: Register, policies: readonly LoadedPolicy[], now: string): Finding[] {
  return findings.map((f) => {
    if (f.ruleId !== 'register/schema' && f.ruleId !== 'register/implausible-date') return f;
    const pointer = schemaFindingField.get(f);
    if (!pointer) return f;
    const kind = registerPathKind(f.file);
    if (kind !== 'account' && kind !== 'unit' && kind !== 'region') return f;
    // the unit the file belongs to, when it was readable (a module judges the kinds of unit it applies to)
    const unitDir = kind === 'account' ? f.file.slice(0, f.file.lastIndexOf('/')) : kind === 'unit' ? f.file.slice(0, -'/unit.json'.length) : '';
    const unit = unitDir ? register.units.get(unitDir.slice(unitDir.lastIndexOf('/') + 1)) : undefined;
    const unitKind = unit && unit.file.rel === `${unitDir}/unit.json` ? unit.data.kind : undefined;
    return { ...f, citation: fieldCitation(register, policies, regionOfFile(f.file, kind), kind, pointer, now, unitKind) };
  });
}

/**
 * The articles behind one approval for an account or unit of a region: the nearest bound module
 * that grounds it (most specific key first), then the national opinion (bound at the root). Every
 * module that grounds it contributes, nearest first, so a local article and the national one both show.
 */
export function approvalCitations(register: Register, policies: readonly LoadedPolicy[], regionId: string, keys: readonly ApprovalKey[], now: string, unitKind?: UnitKind): Citation[] {
  const out: Citation[] = [];
  const seen = new Set<string>();
  for (const p of boundModules(register, policies, regionId, now, unitKind)) {
    const a = basisOf(p)?.approvals;
    if (!a) continue;
    for (const k of keys) {
      const c = a[k];
      if (!c) continue;
      const full = withDoc(p, c);
      const id = `${full.doc} ${full.article}`;
      if (!seen.has(id)) {
        seen.add(id);
        out.push(full);
      }
      break;
    }
  }
  return out;
}
