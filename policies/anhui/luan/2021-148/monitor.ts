/**
 * 六政办秘〔2021〕148号 中随时间到期的义务（供 govmedia monitor 使用）。README.md 的
 * “不能从登记簿检查、留待以后的命令 · 监测命令”一节就是本文件的清单。
 *
 * Duties of the Lu'an measures that fall due with time passing, as data for `govmedia monitor`.
 * The upward filing (3 working days) and the 30-working-day announcement come from the rules'
 * timing through nextStepsFor; the filter below keeps the upward filing for county accounts only,
 * as the module's README reads art. 8 (a city unit's approval by the city office is its filing).
 */
import { defineMonitor } from '#engine/monitor/types';
import { la } from './cite.ts';

export default defineMonitor({
  reconcile: {
    backfill: la('第十二条', '未纳入的应报备《六安市政务新媒体备案登记表》，经逐级核准后补录至新媒体系统，严禁以任何方式变相脱离监管'),
    systemStatus: la('第八条', '核准后在新媒体系统完成相关操作'),
  },
  updateRules: [
    {
      id: 'text-weekly',
      title: { zh: '图文类至少每周更新', en: 'text/image accounts update at least weekly' },
      contentType: '图文',
      maxDays: 7,
      unit: 'days',
      citation: la('第十七条（一）', '以文字图片类信息内容为主的政务新媒体至少每周更新'),
      severity: 'error',
    },
    {
      id: 'video-10-days',
      title: { zh: '音视频类至少每10天更新', en: 'audio/video accounts update at least every 10 days' },
      contentType: '音视频',
      maxDays: 10,
      unit: 'days',
      citation: la('第十七条（一）', '以音视频类信息内容为主的政务新媒体至少每10天更新'),
      severity: 'error',
    },
  ],
  stepFilters: [
    {
      what: ['上报备案'],
      regionLevels: ['县级'],
      reason: {
        zh: '市级单位的同级主管单位就是市政府办公室，其审核即完成上报，不要求另记“上报备案”（见 README 解释1）',
        en: "a city unit's same-level supervisor is the city office; its approval is the upward filing (README, interpretation 1)",
      },
    },
  ],
  // 第八条: “核准后在新媒体系统完成相关操作并向社会公告” — owed for openings and changes too, but the article sets no time
  // for the announcement, so it is a reminder while none is recorded, never a due date (the rules judge its period once recorded)
  owedEvents: [
    {
      id: 'opening-announced',
      title: { zh: '开设核准后向社会公告', en: 'an approved opening is announced to the public' },
      works: ['开设'],
      after: ['系统填报'],
      owed: ['开设公告'],
      citation: la('第八条', '核准后在新媒体系统完成相关操作并向社会公告，公告时间不少于30个工作日'),
      todo: { zh: '请向社会发布开设公告（公告期不少于30个工作日），并在账号文件中追加“开设公告”事件（写明 announcementDays 或 announcementEnd）。', en: 'Announce the opening to the public (at least 30 working days) and append a 开设公告 event with its period.' },
    },
    {
      id: 'change-announced',
      title: { zh: '变更核准后向社会公告', en: 'an approved change is announced to the public' },
      works: ['变更'],
      after: ['系统填报'],
      owed: ['变更公告'],
      citation: la('第八条', '核准后在新媒体系统完成相关操作并向社会公告，公告时间不少于30个工作日'),
      todo: { zh: '请向社会发布变更公告（公告期不少于30个工作日），并在账号文件中追加“变更公告”事件（写明 announcementDays 或 announcementEnd）。', en: 'Announce the change to the public (at least 30 working days) and append a 变更公告 event with its period.' },
    },
  ],
  deadlines: [
    {
      id: 'change-within-1-month',
      title: { zh: '核准后1个月内完成平台变更', en: 'platform change within 1 month of approval' },
      works: ['变更'],
      from: { events: ['主管审核'], which: 'last', approvedOnly: true },
      to: ['平台变更'],
      amount: 1,
      unit: 'months',
      citation: {
        ...la('第十一条', '加强与第三方平台的沟通协调，在1个月内完成变更、关停工作'),
        reading: { zh: '1个月从最后一次主管审核同意起算（见 README 解释3）', en: 'counted from the last approval (README, interpretation 3)' },
      },
      // 平台不予受理或长期无反馈时由政府办公室统筹协调，延误不一定是主办单位的责任
      severity: 'warning',
      todo: {
        zh: '请尽快在平台完成变更并追加“平台变更”事件；平台不予受理或长期无反馈的，报本级政府办公室统筹协调。',
        en: 'Complete the change on the platform and append 平台变更; if the platform does not respond, ask the government office to coordinate.',
      },
    },
    {
      id: 'closure-within-1-month',
      title: { zh: '公告期满后1个月内完成注销（下架）', en: 'deregistration within 1 month of the end of the announcement' },
      works: ['关停'],
      from: { announcementEnd: { minWorkdays: 30 } },
      to: ['平台注销', '应用下架'],
      amount: 1,
      unit: 'months',
      citation: {
        ...la('第八条、第十一条', '公告时间不少于30个工作日；在1个月内完成变更、关停工作'),
        reading: { zh: '关停须先公告满30个工作日，1个月从公告期满之日起算（见 README 解释3）', en: 'a closure is announced for 30 working days first; the month runs from the end of the announcement (README, interpretation 3)' },
      },
      severity: 'warning',
      todo: {
        zh: '公告期已满，请尽快在平台注销（移动客户端在各应用市场下架并删除链接）并追加事件；平台不予受理的，报本级政府办公室统筹协调。',
        en: 'The announcement has ended: deregister (delist apps everywhere) and append the event; ask the government office to coordinate if the platform does not act.',
      },
    },
  ],
  credentialRotation: {
    months: 3,
    citation: la('第三十二条（一）', '原则上密码每3个月变更一次'),
    // 原文“原则上”：警告
    severity: 'warning',
  },
  monthlyReport: {
    // 市政府部门、直属机构：本库的“政府部门”和“承担行政职能的事业单位”（市级地区）
    unitKinds: ['政府部门', '承担行政职能的事业单位'],
    regionLevels: ['市级'],
    minLiveAccounts: 3,
    day: 15,
    recipient: { zh: '市政府办公室', en: 'the city government office' },
    citation: la('第三十五条', '市政府部门、直属机构等开设的正常运行的政务新媒体账号有3个及以上的，应在每月15日前将月度监测整改情况报市政府办公室'),
    severity: 'notice',
  },
  requiredAccounts: { rules: ['government-accounts-required'] },
});
