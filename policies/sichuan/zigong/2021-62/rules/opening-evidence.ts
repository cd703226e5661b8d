import { workEvents } from '#engine/policy/common/process';
import { defineRule } from '#engine/policy/types';
import { zg } from '../cite.ts';

/**
 * 第十一条：政务新媒体主办单位应在政务新媒体的开设和关停阶段保存好必要的聊天记录、公告截图、注销完成截图等资料备查。
 *
 * 关停阶段的材料附件2 注2 有明确要求（公告、注销流程和最终结果的截图），由 closure-evidence 检查（错误）。开设阶段，
 * 条文只说“必要的……等资料”，没有指明哪一步要保存哪种材料（情态词表：没有标准的要求 → 提示，`modality: '未定量'`）。
 * 所以本规则只在一项已办结（系统填报）的开设，其所有事件都没有登记任何证明材料（`evidence`），之后也没有一条
 * 登记开设阶段资料的“资料留存”事件（action 为“开设”）时，提示主管单位核实资料是否已保存备查；不自定必须有哪种材料。
 * 事件只能追加：已办结的开设，由主办单位追加“资料留存”事件补登资料的位置，不改动过去的事件。
 *
 * Art. 11 (opening stage): a completed opening whose events record no evidence, and for which no later
 * 资料留存 event (action 开设) records where the material is kept, is a notice for the supervising office:
 * the article names no particular material. Events are append-only, so a unit records kept material
 * after the fact with a 资料留存 event instead of editing past events.
 */
export default defineRule({
  name: 'opening-evidence',
  scope: 'account',
  modality: '未定量',
  actor: 'unit',
  title: { zh: '开设阶段保存必要的资料备查', en: 'the opening keeps the necessary records for inspection' },
  citation: zg('第十一条', '政务新媒体主办单位应在政务新媒体的开设和关停阶段保存好必要的聊天记录、公告截图、注销完成截图等资料备查'),
  severity: 'notice',
  messages: {
    none: {
      zh: '开设（{date} 备案，{done} 系统填报）已办结，但各事件都没有登记证明材料，也没有登记开设阶段资料的“资料留存”事件；第十一条要求开设阶段保存必要的聊天记录等资料备查，请主管单位核实是否已保存',
      en: 'the opening filed on {date} and entered on {done} records no evidence on any of its events and no 资料留存 event for the opening stage; art. 11 asks the unit to keep the necessary records (chat logs etc.) of the opening stage: the supervising office checks',
    },
  },
  fix: {
    zh: '请在账号文件末尾追加一条“资料留存”事件，写明 action 为“开设”，并在 evidence 中登记所保存资料的位置（档案号或网址），例如 {"type": "资料留存", "date": "今天", "action": "开设", "evidence": [{"kind": "聊天记录", "ref": "档案 ZG-2026-001"}]}；不要修改过去的事件。',
    en: 'Append a 资料留存 event with action 开设 and the location of the kept material in evidence (archive number or URL), e.g. {"type": "资料留存", "date": "…", "action": "开设", "evidence": [{"kind": "聊天记录", "ref": "…"}]}; do not edit past events.',
  },
  check(ctx, a) {
    const evs = a.data.events;
    for (const w of ctx.state(a).works) {
      if (w.kind !== '开设' || !w.done || !ctx.judged(w)) continue;
      const own = workEvents(a, w);
      if (own.some(({ ev }) => ev.type !== '资料留存' && ev.evidence && ev.evidence.length)) continue;
      // material recorded afterwards (append-only): a 资料留存 of the opening stage, anywhere after the filing
      if (evs.some((ev, i) => i > w.index && ev.type === '资料留存' && ev.action === '开设' && ev.evidence?.length)) continue;
      const entry = own.find(({ ev }) => ev.type === '系统填报' && ev.date === w.done);
      ctx.report({ account: a, pointer: entry ? ['events', entry.i] : ['events', w.index], messageId: 'none', data: { date: w.start, done: w.done } });
    }
  },
});
