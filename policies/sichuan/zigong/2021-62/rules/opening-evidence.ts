import { workEvents } from '../../../../../scripts/policy/common/process.ts';
import { defineRule } from '../../../../../scripts/policy/types.ts';
import { zg } from '../cite.ts';
import { judged } from '../util.ts';

/**
 * 第十一条：政务新媒体主办单位应在政务新媒体的开设和关停阶段保存好必要的聊天记录、公告截图、注销完成截图等资料备查。
 *
 * 关停阶段的材料附件2 注2 有明确要求（公告、注销流程和最终结果的截图），由 closure-evidence 检查（错误）。开设阶段，
 * 条文只说“必要的……等资料”，没有指明哪一步要保存哪种材料（情态词表：没有标准的要求 → 提示，`modality: '未定量'`）。
 * 所以本规则只在一项已办结（系统填报）的开设，其所有事件都没有登记任何证明材料（`evidence`，如与平台沟通认证的
 * 聊天记录）时，提示主管单位核实资料是否已保存备查；不自定必须有哪种材料。
 */
export default defineRule({
  name: 'opening-evidence',
  scope: 'account',
  modality: '未定量',
  title: { zh: '开设阶段保存必要的资料备查', en: 'the opening keeps the necessary records for inspection' },
  citation: zg('第十一条', '政务新媒体主办单位应在政务新媒体的开设和关停阶段保存好必要的聊天记录、公告截图、注销完成截图等资料备查'),
  severity: 'notice',
  messages: {
    none: {
      zh: '开设（{date} 备案，{done} 系统填报）已办结，但各事件都没有登记证明材料；第十一条要求开设阶段保存必要的聊天记录等资料备查，请主管单位核实是否已保存',
      en: 'the opening filed on {date} and entered on {done} records no evidence on any of its events; art. 11 asks the unit to keep the necessary records (chat logs etc.) of the opening stage: the supervising office checks',
    },
  },
  fix: {
    zh: '请在相应事件（如“平台认证”）的 evidence 中登记所保存资料的位置（档案号或网址），例如 {"kind": "聊天记录", "ref": "档案 ZG-2026-001"}。',
    en: 'Record where the kept material is (archive number or URL) in the evidence of the relevant event, e.g. {"kind": "聊天记录", "ref": "…"}.',
  },
  check(ctx, a) {
    for (const w of ctx.state(a).works) {
      if (w.kind !== '开设' || !w.done || !judged(ctx, w)) continue;
      const evs = workEvents(a, w);
      if (evs.some(({ ev }) => ev.evidence && ev.evidence.length)) continue;
      const entry = evs.find(({ ev }) => ev.type === '系统填报' && ev.date === w.done);
      ctx.report({ account: a, pointer: entry ? ['events', entry.i] : ['events', w.index], messageId: 'none', data: { date: w.start, done: w.done } });
    }
  },
  cases: {
    valid: [
      { name: 'the certification keeps the chat log with the platform (the module fixture)' },
      { name: 'an opening not yet entered in the national system is not judged yet', setup: (k) => void k.account('dept', { id: 'dept-weibo', name: '健康自贡', platform: '新浪微博', events: k.get('dept-weixin').events.slice(0, 3).map((e) => ({ ...e, evidence: undefined })) }) },
    ],
    invalid: [
      {
        name: 'an opening entered in the national system with no record kept on any event: a notice for the supervising office',
        setup: (k) => void k.get('dept-weixin').events.forEach((e) => delete e.evidence),
        errors: [{ account: 'dept-weixin', pointer: ['events', 4], messageId: 'none', messageIncludesEn: 'the supervising office checks', severity: 'notice' }],
      },
    ],
  },
});
