/**
 * 自府办函〔2021〕62号 中随时间到期的义务（供 govmedia monitor 使用）。规则（rules/）只判断已记录的事实；
 * 这里写明“到了某一天仍未办”的情形。条款对照见 README.md 中标为“监测”的各行。
 *
 * Duties of the Zigong measures that fall due with time passing, as data for `govmedia monitor`.
 * The deadlines the rules already express through `timing` (review in 5 working days, closure
 * announcement in 7 days, closure and change entries in 3 working days) come from nextStepsFor;
 * this file adds what the rules cannot express as a timing.
 */
import { defineMonitor } from '#engine/monitor/types';
import { zg } from './cite.ts';

export default defineMonitor({
  reconcile: {
    backfill: zg('第八条、第三十三条（二）', '已开设确需单独保留的，应及时向政务新媒体主管单位说明开设理由，并按本办法第七条的规定完善开设手续'),
    systemStatus: zg('第十条', '直至申请开设的账号状态显示为“正常”，申请关停的账号状态显示为“关停”或“删除”'),
  },
  updateRules: [
    {
      id: 'weekly-update',
      title: { zh: '原则上每周更新1次', en: 'in principle one update a week' },
      maxDays: 7,
      unit: 'days',
      citation: zg('第二十二条', '政务新媒体原则上应每周更新发布1次政府信息'),
      // 原文“原则上”：警告 / "in principle": a warning
      severity: 'warning',
    },
    {
      id: 'max-14-days',
      title: { zh: '更新周期最长不超过14天', en: 'never more than 14 days between updates' },
      maxDays: 14,
      unit: 'days',
      citation: zg('第二十二条、第三十三条（三）', '更新发布周期最长不得超过14天；发布类账号、移动客户端或APP的动态类栏目14天内无更新，被质疑为“僵尸”“空壳”的'),
      severity: 'error',
      remind: true,
    },
  ],
  replyRules: [
    {
      id: 'appeals-5-workdays',
      title: { zh: '群众诉求5个工作日内办结', en: 'public requests handled within 5 working days' },
      maxWorkdays: 5,
      citation: {
        ...zg('第二十九条', '对于群众诉求应在5个工作日内办结，简单常见问题咨询应在1个工作日内办结'),
        reading: {
          zh: '运行数据不区分诉求和简单咨询，按较宽的5个工作日判断最早一条未答复留言',
          en: 'the snapshot does not tell requests from simple questions, so the oldest unanswered message is judged on the longer 5-working-day limit',
        },
      },
      severity: 'error',
    },
  ],
  pendingWork: [
    {
      id: 'report-after-30-days',
      // 第十条只说开设、关停；补录按第八条“按本办法第七条的规定完善开设手续”，视同开设。
      works: ['开设', '补录', '关停'],
      maxDays: 30,
      reportEvent: '逾期报告',
      citation: {
        ...zg('第十条', '超过30天仍未完成开设或关停的，主办单位应及时向政务新媒体主管单位报告'),
        reading: { zh: '补录按第八条完善开设手续，视同开设；变更不在本条之内', en: 'a backfill completes an opening (art. 8) and counts as one; changes are not covered' },
      },
      severity: 'error',
      todo: {
        zh: '请向主管单位报告未办结的原因（如平台注销审核未通过、报送系统反馈意见未处理），并在账号文件中追加“逾期报告”事件；继续跟进直至报送系统状态为“正常”或“关停/删除”。',
        en: 'Report the reason to the supervising office, append a 逾期报告 event, and follow up until the national system shows the account as active or closed.',
      },
    },
  ],
  deadlines: [
    {
      id: 'entry-within-3-workdays',
      title: { zh: '认证（上架）后3个工作日内系统填报', en: 'national-system entry within 3 working days of certification' },
      works: ['开设'],
      from: { events: ['平台认证', '应用上架'] },
      to: ['系统填报'],
      amount: 3,
      unit: 'workdays',
      citation: zg('第七条（六）', '完成政务新媒体账号认证（上架）后，主办单位应在3个工作日内（首次开设政务新媒体的主办单位从收到下发的账户密码之日起算）完成全国政务新媒体报送系统的信息填报工作'),
      severity: 'error',
      todo: {
        zh: '请登录全国政务新媒体报送系统完成信息填报，并追加“系统填报”事件（action 开设）；已逾期的，在备注中说明原因并报告主管单位。',
        en: 'Enter the account in the national reporting system and append a 系统填报 event (action 开设); explain any delay and report it.',
      },
      note: {
        zh: '首次开设政务新媒体的主办单位从收到报送系统账户密码之日起算，请主管单位据实核对',
        en: 'for a unit opening its first account the clock starts when it receives its system account; the supervisor should check',
      },
    },
  ],
  uncertifiedFiling: {
    days: 14,
    citation: zg('第七条（五）、第三十三条（二）', '账号已认证（移动客户端或APP已上架）并实际运行超过14天，但仍未按程序提交备案的'),
    severity: 'error',
  },
});
