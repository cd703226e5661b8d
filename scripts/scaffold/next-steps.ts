/**
 * 写入之后的“下一步”：按适用办法中的期限（带 timing 的规则）算出具体日期，列出要附的备案表，
 * 以及提交、推送、发起合并请求的 git 命令。
 *
 * After writing: the next steps with their due dates as calendar dates (from the timing of the
 * rules that apply, via nextStepsFor), the filing form to attach, and the exact git commands.
 */
import * as cal from '../calendar/workdays.ts';
import type { AccountDoc, Register } from '../core/register.ts';
import type { NextStep } from '../policy/deadlines.ts';
import { policiesForUnit } from '../policy/engine.ts';
import { deriveState } from '../core/lifecycle.ts';
import type { LoadedPolicy, Timing } from '../policy/types.ts';
import type { Tr } from './model.ts';

/** What an event type asks the unit to do, as a verb phrase. */
const ACTION: Record<string, { zh: string; en: string }> = {
  主管审核: { zh: '取得主管单位的审核意见（主管审核）', en: "obtain the supervising office's review" },
  上报备案: { zh: '逐级上报上级主管单位备案', en: 'file upward with the higher supervising office' },
  平台注册: { zh: '在平台注册账号', en: 'register the account on the platform' },
  平台认证: { zh: '完成平台机构认证', en: 'complete the platform certification' },
  应用上架: { zh: '完成应用市场上架', en: 'get the app listed in the stores' },
  平台变更: { zh: '在平台完成信息变更', en: 'make the change on the platform' },
  系统填报: { zh: '完成全国政务新媒体报送系统填报', en: 'enter it in the national government new-media reporting system' },
  变更公告: { zh: '发布变更公告', en: 'publish the change announcement' },
  注销公告: { zh: '发布注销公告', en: 'publish the closure announcement' },
  平台注销: { zh: '在平台注销账号', en: 'deregister the account on the platform' },
  应用下架: { zh: '在各应用市场下架', en: 'remove the app from the stores' },
  逾期报告: { zh: '向主管单位报告未办结的原因', en: 'report the delay to the supervising office' },
};

function action(what: string[], t: Tr): string {
  return what.map((w) => t(ACTION[w]?.zh ?? `完成“${w}”`, ACTION[w]?.en ?? `complete "${w}"`)).join(t('或', ' or '));
}

/** One line per step: "请于 2026-12-01 前完成全国政务新媒体报送系统填报（自府办函〔2021〕62号 第七条（六））". */
export function formatSteps(steps: readonly NextStep[], t: Tr): string[] {
  const out: string[] = [];
  for (const s of steps) {
    const line =
      s.direction === 'by'
        ? t(`请于 ${s.due} 前${action(s.what, t)}（${s.citation}）`, `by ${s.due}: ${action(s.what, t)} (${s.citation})`)
        : t(`公告期满后才能${action(s.what, t)}：不早于 ${s.due}（${s.citation}）`, `not before ${s.due}: ${action(s.what, t)} (${s.citation})`);
    out.push(line);
    if (s.uncovered.length) out.push(t(`    注意：${s.uncovered.join('、')} 年的法定节假日安排尚未公布，此日期按普通周一至周五推算，公布后请重新核对。`, `    note: no official holiday calendar yet for ${s.uncovered.join(', ')}; the date assumes plain Mon–Fri weeks.`));
  }
  return out;
}

export type ScaffoldKind = '开设' | '补录' | '变更' | '报备' | '关停';

export interface GitPlan {
  kind: ScaffoldKind;
  id: string;
  name: string;
  platform: string;
  /** Files to stage (a move stages the old path too). */
  files: string[];
  /** Commit message subject, e.g. "开设备案：健康自贡（抖音）". */
  subject: string;
}

/** Quote a path or message for a POSIX shell when it needs it. */
export function shq(s: string): string {
  return /^[A-Za-z0-9_./@:+=-]+$/.test(s) ? s : `'${s.replace(/'/g, `'\\''`)}'`;
}

export function gitCommands(p: GitPlan): string[] {
  const add = p.files.length > 1 ? `git add -A -- ${p.files.map(shq).join(' ')}` : `git add ${shq(p.files[0] ?? '')}`;
  return [`git checkout -b ${p.kind}-${p.id}`, add, `git commit -m "${p.subject.replace(/["\\$`]/g, '\\$&')}"`, 'git push -u origin HEAD'];
}

export function prInstructions(t: Tr): string[] {
  return [
    t('然后打开合并请求（PR）：推送后终端会显示一个链接，在浏览器中打开；或在代码托管平台的仓库页面点击“Compare & pull request”（GitHub）/“创建合并请求”（GitLab）；装有 GitHub CLI 的也可以运行 gh pr create --fill。', 'Then open the pull request: follow the link git prints after the push, or click "Compare & pull request" (GitHub) / "Create merge request" (GitLab) on the repository page, or run gh pr create --fill.'),
    t('合并请求的自动检查会列出本次修改需要哪些单位批准、各环节的期限；主管单位在评审中批准即为“审核同意”。', 'The automatic check lists the approvals needed and the deadlines; the supervising office approves in code review.'),
  ];
}

/**
 * A deadline that starts at a step not yet taken (e.g. 3 working days after the platform change):
 * nextStepsFor cannot date it; we state the rule and, as an example, the date if that step were
 * done today.
 */
export interface LaterStep {
  after: string[];
  what: string[];
  amount: number;
  unit: Timing['unit'];
  direction: Timing['direction'];
  citation: string;
  /** The due date if the starting step happened on `now`. */
  ifToday: string;
}


export function laterStepsFor(a: AccountDoc, register: Register, policies: readonly LoadedPolicy[], now: string): LaterStep[] {
  const w = deriveState(a.data).pending;
  if (!w) return [];
  const evs = a.data.events;
  const work = evs.slice(w.index, w.end);
  const out: LaterStep[] = [];
  const seen = new Set<string>();
  for (const p of policiesForUnit(register, policies, register.units.get(a.unitId), a.regionId, now)) {
    for (const r of p.rules) {
      const t = r.timing;
      if (!t || t.from === 'filing' || !t.works.includes(w.kind)) continue;
      const from = t.from;
      if (work.some((e) => from.includes(e.type) || t.to.includes(e.type))) continue;
      const ifToday = t.unit === 'workdays' ? cal.addWorkdays(now, t.amount).date : t.unit === 'days' ? cal.addDays(now, t.amount) : cal.addMonths(now, t.amount);
      const citation = `${r.citation.doc} ${r.citation.article}`;
      const k = `${from.join()}|${t.to.join()}|${citation}`;
      if (seen.has(k)) continue;
      seen.add(k);
      out.push({ after: from, what: t.to, amount: t.amount, unit: t.unit, direction: t.direction, citation, ifToday });
    }
  }
  return out;
}

export function formatLaterSteps(steps: readonly LaterStep[], now: string, t: Tr): string[] {
  return steps.map((s) => {
    const after = s.after.map((x) => `“${x}”`).join(t('或', ' or '));
    const span = s.unit === 'workdays' ? t(`${s.amount}个工作日`, `${s.amount} working days`) : s.unit === 'days' ? t(`${s.amount}天`, `${s.amount} days`) : t(`${s.amount}个月`, `${s.amount} months`);
    return s.direction === 'by'
      ? t(`${after}办结后${span}内${action(s.what, t)}（${s.citation}）；例如 ${now} 办结，则最晚 ${s.ifToday}`, `within ${span} after ${after}: ${action(s.what, t)} (${s.citation}); e.g. if done on ${now}, by ${s.ifToday}`)
      : t(`${after}之后至少${span}才能${action(s.what, t)}（${s.citation}）；例如 ${now} 发布，则不早于 ${s.ifToday}`, `at least ${span} after ${after} before you ${action(s.what, t)} (${s.citation}); e.g. from ${now}, not before ${s.ifToday}`);
  });
}
