/**
 * 哪些可选问题要问：不按城市名写死，而是问本地区适用的管理办法模块本身——
 * 先把所有可选项都填上生成一份草稿交给规则检查，再逐项去掉：去掉后有规则提出新的问题，
 * 说明本地区的办法要求这一项，就问；没有任何规则在意的，就不问（不写进账号文件）。
 *
 * Which optional questions the page asks for a unit, driven by the policy modules in force for
 * its region rather than by city names: judge a draft with every optional answer given, then
 * with each one left out; a question whose absence makes some rule of the jurisdiction report
 * something new is asked, the others are not (and nothing is written for them).
 */
import type { AccountFile, UnitFile } from '../generated/types.ts';
import type { LoadedPolicy } from '../policy/types.ts';
import { judgeFile, type Snapshot } from './judge.ts';
import { draftAnswers, HANDOVER_FACT_FIELDS, produce, type Answers, type HandoverFact } from './model.ts';

/** The questions that are asked only where a rule of the jurisdiction needs the answer. */
export const OPTIONAL_QUESTIONS = ['sectionHead', 'functions', 'finalApprovers', 'vendorAgreement'] as const;
export type OptionalQuestion = (typeof OPTIONAL_QUESTIONS)[number];

const PROBE_REASON = '为发布本单位政务信息、解读政策文件、回应群众关切开设本账号。信息来源为本单位各科室提供的公开信息，由办公室负责编辑和审核发布，每周更新不少于两次，并安排专人值守留言，保障持续更新和互动。';

function fullAnswers(unitDir: string, unit: UnitFile, now: string): Answers {
  const p = (n: number, role: string): { name: string; position: string; officePhone: string; mobile: string } => ({ name: `试填${n}（虚构）`, position: `${unit.name} ${role}`, officePhone: '0000-8888888', mobile: `1880000000${n}` });
  return {
    action: '开设',
    unitDir,
    // a platform of its own: the probe must not collide with the unit's accounts
    platform: '其他平台',
    name: `${unit.name}试填账号`,
    mode: '购买服务',
    vendorName: '某某信息技术有限公司（虚构）',
    vendorQualification: '互联网新闻信息服务许可',
    vendorAgreementDate: now,
    contentType: '图文',
    functions: ['信息发布', '解读回应'],
    team: { principal: p(1, '主要负责人'), inCharge: p(2, '分管负责人'), sectionHead: p(3, '科室负责人'), operators: [p(4, '经办人员')], editors: ['试填4（虚构）'], reviewers: ['试填3（虚构）'], finalApprovers: ['试填2（虚构）'] },
    date: now,
    reason: PROBE_REASON,
    decision: '同意',
    decisionBy: '主要负责人',
    decisionDate: now,
  };
}

function without(a: Answers, q: OptionalQuestion): Answers {
  const b = structuredClone(a);
  if (q === 'sectionHead') delete b.team!.sectionHead;
  else if (q === 'functions') delete b.functions;
  else if (q === 'finalApprovers') b.team!.finalApprovers = [];
  else delete b.vendorAgreementDate;
  return b;
}

/**
 * The optional questions the jurisdiction's rules need answered for a new account of `unit`
 * (folder `unitDir` under accounts/). `taken` says whether an account id is in use.
 */
export function optionalQuestionsFor(snap: Snapshot, policies: readonly LoadedPolicy[], unit: UnitFile, unitDir: string, now: string, taken: (id: string) => boolean): Set<OptionalQuestion> {
  const judge = (a: Answers): Set<string> => {
    const p = produce(draftAnswers(a, now, unit.name), unit, undefined, taken);
    const j = judgeFile(snap, policies, { rel: p.rel, text: p.text, after: p.account, id: p.account.id }, now);
    return new Set(j.introduced.map((f) => `${f.ruleId}|${f.message.zh}`));
  };
  const full = fullAnswers(unitDir, unit, now);
  const base = judge(full);
  const asked = new Set<OptionalQuestion>();
  for (const q of OPTIONAL_QUESTIONS) {
    for (const k of judge(without(full, q))) {
      if (!base.has(k)) {
        asked.add(q);
        break;
      }
    }
  }
  return asked;
}

/**
 * The handover facts (綦江 第二十三条 保密承诺, 六安 第三十二条（二） 上岗前审查) a rule of the account's region judges:
 * the account's handover is judged with the fact false and true, and the question is asked where the verdicts
 * differ — the page's counterpart of handoverFactMatters (scripts/commands/scaffold.ts), from the modules, not city names.
 */
export function handoverFactsFor(snap: Snapshot, policies: readonly LoadedPolicy[], unit: UnitFile, unitDir: string, account: { rel: string; data: AccountFile }, now: string): Set<HandoverFact> {
  const out = new Set<HandoverFact>();
  if (!account.data.team?.operators.length) return out;
  const judge = (f: HandoverFact, v: boolean): number => {
    const a: Answers = {
      action: '变更',
      unitDir,
      accountRel: account.rel,
      date: now,
      reason: '',
      decision: '同意',
      decisionBy: '主要负责人',
      decisionDate: now,
      handover: { leaving: 0, incoming: { name: '试填接手（虚构）', position: `${unit.name} 经办人员`, officePhone: '0000-8888888', mobile: '18800000009' }, credentialsRotated: true, [f]: v },
    };
    const p = produce(a, unit, account.data, () => true);
    return judgeFile(snap, policies, { rel: p.rel, text: p.text, before: account.data, after: p.account, id: p.account.id }, now).introduced.length;
  };
  for (const f of HANDOVER_FACT_FIELDS) if (judge(f, false) !== judge(f, true)) out.add(f);
  return out;
}
