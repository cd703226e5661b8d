/**
 * 办理流程类规则工厂的共用用例（只供测试；命令行不加载，不编入 dist/）。
 * The cases every rule built by a process factory (process.ts) carries; a rule's cases file
 * (rules/<name>.cases.ts) calls these with the options that shape them and its own cases.
 * Test data only: never loaded by the CLI, not compiled into dist/.
 */
import type { Event } from '../../generated/types.ts';
import type { WorkKind } from '../../core/lifecycle.ts';
import { closeEvents, shift, type FixtureKit } from '../../dev/fixture.ts';
import type { RuleCase, RuleCases } from '../../dev/cases.ts';

type EventType = Event['type'];

/** A module's own cases, added to the factory's. */
export interface CaseTables {
  valid?: RuleCase[];
  invalid?: RuleCase[];
}

/** The cases every instance of filingRequirements carries, plus the module's own (valid/invalid). */
export function filingRequirementsCases(o: { reasonFor: WorkKind[]; decisionFor: WorkKind[] } & CaseTables): RuleCases {
  const reasonFor = new Set(o.reasonFor);
  const decisionFor = new Set(o.decisionFor);
  return {
    valid: [{ name: 'complete opening filing' }, ...(o.valid ?? [])],
    invalid: [
      ...(reasonFor.has('开设')
        ? [{ name: 'opening filing without reason', setup: (k: FixtureKit) => void delete k.get('dept-weixin').events[0]!.reason, errors: [{ account: 'dept-weixin', pointer: ['events', 0], messageId: 'reason' }] }]
        : []),
      ...(decisionFor.has('开设')
        ? [
            { name: 'opening filing without the unit\'s consent', setup: (k: FixtureKit) => void delete k.get('dept-weixin').events[0]!.unitDecision, errors: [{ account: 'dept-weixin', pointer: ['events', 0], messageId: 'decision' }] },
            {
              name: 'opening filing the head of unit refused',
              setup: (k: FixtureKit) => void (k.get('dept-weixin').events[0]!.unitDecision!.decision = '不同意'),
              errors: [{ account: 'dept-weixin', pointer: ['events', 0, 'unitDecision', 'decision'], messageId: 'refused', data: { kind: '开设' } }],
            },
          ]
        : []),
      ...(o.invalid ?? []),
    ],
  };
}

/** The cases every instance of afterApproval carries, plus the module's own (valid/invalid). */
export function afterApprovalCases(o: { events: EventType[] } & CaseTables): RuleCases {
  return {
    valid: [{ name: 'certified after approval' }, ...(o.valid ?? [])],
    invalid: [
      {
        name: `${o.events[0]} before approval`,
        setup: (k) => {
          const evs = k.get('dept-weixin').events;
          const approval = evs.findIndex((e) => e.type === '主管审核');
          const at = approval >= 0 ? approval : 1;
          evs.splice(at, 0, { type: o.events[0]!, date: evs[0]!.date });
        },
        errors: [{ account: 'dept-weixin', pointer: ['events', 1, 'type'], messageId: 'early' }],
      },
      ...(o.invalid ?? []),
    ],
  };
}

/** The cases every instance of deadline carries, plus the module's own (valid/invalid). */
export function deadlineCases(o: CaseTables = {}): RuleCases {
  return { valid: o.valid ?? [], invalid: o.invalid ?? [] };
}

/** The cases every instance of announcementPeriod carries, plus the module's own (valid/invalid). */
export function announcementPeriodCases(o: CaseTables = {}): RuleCases {
  return {
    valid: [{ name: 'closed after a long enough announcement', setup: (k) => void k.get('dept-weixin').events.push(...closeEvents('2026-03-02')) }, ...(o.valid ?? [])],
    invalid: [
      {
        name: 'deregistered too soon after the announcement',
        setup: (k) => {
          const evs = closeEvents('2026-03-02');
          evs[3]!.date = shift(evs[2]!.date, 7);
          evs[4]!.date = shift(evs[2]!.date, 8);
          k.get('dept-weixin').events.push(...evs);
        },
        errors: [{ account: 'dept-weixin', pointer: ['events', 8, 'date'], messageId: 'short' }],
      },
      {
        name: 'deregistered without announcement',
        setup: (k) => {
          const evs = closeEvents('2026-03-02').filter((e) => e.type !== '注销公告');
          k.get('dept-weixin').events.push(...evs);
        },
        errors: [{ account: 'dept-weixin', pointer: ['events', 7, 'type'], messageId: 'none' }],
      },
      {
        name: 'announced 2026-12-14, deregistered 2027-01-22: the period ends in 2027, which has no official calendar yet — a warning naming 2027, never an error',
        now: '2027-02-01',
        setup: (k) => {
          const evs = closeEvents('2026-12-10');
          evs[1]!.date = '2026-12-11';
          evs[2]!.date = '2026-12-14';
          evs[3]!.date = '2027-01-22';
          evs[4]!.date = '2027-01-22';
          k.get('dept-weixin').events.push(...evs);
        },
        errors: [{ account: 'dept-weixin', pointer: ['events', 8, 'date'], messageId: 'uncovered', data: { years: '2027' }, severity: 'warning' }],
      },
      ...(o.invalid ?? []),
    ],
  };
}

/** The cases every instance of closureEvidence carries, plus the module's own (valid/invalid). */
export function closureEvidenceCases(o: CaseTables = {}): RuleCases {
  return {
    valid: [{ name: 'closure with evidence', setup: (k) => void k.get('dept-weixin').events.push(...closeEvents('2026-03-02')) }, ...(o.valid ?? [])],
    invalid: [
      {
        name: 'deregistration without a screenshot',
        setup: (k) => {
          const evs = closeEvents('2026-03-02');
          delete evs[3]!.evidence;
          k.get('dept-weixin').events.push(...evs);
        },
        errors: [{ account: 'dept-weixin', pointer: ['events', 8], messageId: 'missing' }],
      },
      ...(o.invalid ?? []),
    ],
  };
}

/** The cases every instance of supervisorApproval carries, plus the module's own (valid/invalid). */
export function supervisorApprovalCases(o: CaseTables = {}): RuleCases {
  return {
    valid: [
      { name: 'approved opening' },
      {
        name: 'refused, then approved on reconsideration: what follows the later approval proceeds',
        setup: (k) => {
          const evs = k.get('dept-weixin').events;
          const at = evs.findIndex((e) => e.type === '主管审核');
          evs.splice(at, 0, { ...evs[at]!, decision: '不同意', opinion: '请补充更新保障。' });
        },
      },
      ...(o.valid ?? []),
    ],
    invalid: [
      {
        name: 'opening completed without approval',
        setup: (k) => {
          const evs = k.get('dept-weixin').events;
          evs.splice(evs.findIndex((e) => e.type === '主管审核'), 1);
        },
        errors: [{ account: 'dept-weixin', pointer: ['events', 0], messageId: 'missing' }],
      },
      {
        name: 'the supervisor refused, yet the opening went on',
        setup: (k) => {
          const evs = k.get('dept-weixin').events;
          const at = evs.findIndex((e) => e.type === '主管审核');
          evs[at]!.decision = '不同意';
          evs[at]!.reason = '开设必要性不足。';
        },
        errors: [{ account: 'dept-weixin', pointer: ['events', 2, 'type'], messageId: 'rejected' }],
      },
      {
        name: 'several reviews: approved at the first level, refused at the next, yet the opening went on (every review counts, not only the first)',
        setup: (k) => {
          const evs = k.get('dept-weixin').events;
          const at = evs.findIndex((e) => e.type === '主管审核');
          evs.splice(at + 1, 0, { type: '主管审核', date: evs[at]!.date, decision: '不同意', reviewer: '上级主管单位', level: '省级', opinion: '名称不规范。' });
        },
        errors: [{ account: 'dept-weixin', pointer: ['events', 3, 'type'], messageId: 'rejected', messageIncludesEn: 'the supervisor refused' }],
      },
      {
        name: 'several reviews, none approving: refused twice and entered in the system',
        setup: (k) => {
          const evs = k.get('dept-weixin').events.filter((e) => e.type === '开设备案' || e.type === '主管审核' || e.type === '系统填报');
          evs[1]!.decision = '不同意';
          k.get('dept-weixin').events = [evs[0]!, evs[1]!, { ...evs[1]!, level: '省级' }, evs[2]!];
        },
        errors: [{ account: 'dept-weixin', pointer: ['events', 3, 'type'], messageId: 'rejected' }],
      },
      ...(o.invalid ?? []),
    ],
  };
}
