/**
 * 江苏设区市《通知》（据官方解读）中随时间到期的义务（供 govmedia monitor 使用）。README.md 中标为
 * “monitor”的各行：每周更新、每周原创、24小时答复、尚未登记而已逾期的系统登记。
 *
 * Duties of the 江苏 city notice for `govmedia monitor`: weekly updates, one original post a week,
 * replies within 24 hours (48 on holidays), and the 3-working-day system entry still pending. The
 * entry's clock starts where the module's rule `entry-within-3-workdays` starts it: for 市级 units
 * at the city office's approval, for 县区 units at the report to the city office (上报备案).
 */
import { defineMonitor } from '#engine/monitor/types';
import { ART, js, Q_FILING } from './cite.ts';

const ENTRY_TODO = {
  zh: '请登录国家、省政务新媒体系统登记备案，并追加“系统填报”事件；已逾期的，在备注中说明原因并报告市政府办公室。',
  en: 'Enter the work in the national and provincial systems and append a 系统填报 event; explain any delay and report it to the city office.',
};

export default defineMonitor({
  reconcile: {
    systemStatus: js(ART.filing, Q_FILING),
  },
  updateRules: [
    {
      id: 'weekly-update',
      title: { zh: '每周更新不少于1次', en: 'at least one update a week' },
      maxDays: 7,
      unit: 'days',
      citation: {
        ...js(ART.filing, '政务新媒体每周更新内容不少于1次'),
        reading: { zh: '“每周”按滚动7天理解：最近一次更新后7天内须再更新', en: '"a week" read as a rolling 7 days after the last update' },
      },
      severity: 'error',
    },
    {
      id: 'weekly-original',
      title: { zh: '每周至少发布1条原创信息', en: 'at least one original post a week' },
      original: { perDays: 7, min: 1 },
      citation: {
        ...js(ART.filing, '鼓励加工制作原创类政务信息，每周至少发布1条原创信息'),
        reading: { zh: '原文在“鼓励”之后，故为警告（见模块 README）', en: 'the text frames it as encouragement, so a warning (module README)' },
      },
      severity: 'warning',
    },
  ],
  replyRules: [
    {
      id: 'reply-24-hours',
      title: { zh: '政策咨询留言24小时内答复（节假日不晚于48小时）', en: 'policy questions answered within 24 hours (48 on holidays)' },
      maxDays: 1,
      holidayMaxDays: 2,
      citation: {
        ...js(ART.filing, '对于公众通过政务新媒体，提出具体明确的政策方面咨询留言，政务新媒体主办单位要在24小时内进行答复，节假日不得晚于48小时'),
        reading: {
          zh: '按日计算：某日收到的留言，次日（节假日为第二日）仍未答复即逾期；运行数据不区分政策咨询和其他留言',
          en: 'judged by day: a message received on D is late after D+1 (D+2 on holidays); the snapshot does not single out policy questions',
        },
      },
      severity: 'error',
    },
  ],
  deadlines: [
    {
      id: 'entry-after-city-approval',
      title: { zh: '市政府办公室审核同意后3个工作日内登录系统登记', en: 'system entry within 3 working days of the city office\'s approval' },
      works: ['开设', '补录', '变更', '关停'],
      from: { events: ['主管审核'], approvedOnly: true },
      to: ['系统填报'],
      amount: 3,
      unit: 'workdays',
      regionLevels: ['市级'],
      citation: js(ART.filing, Q_FILING),
      severity: 'error',
      todo: ENTRY_TODO,
    },
    {
      id: 'entry-after-city-filing',
      title: { zh: '报市政府办公室备案后3个工作日内登录系统登记', en: 'system entry within 3 working days of the filing with the city office' },
      works: ['开设', '补录', '变更', '关停'],
      from: { events: ['上报备案'], levels: ['市级'] },
      to: ['系统填报'],
      amount: 3,
      unit: 'workdays',
      regionLevels: ['县级'],
      citation: js(ART.filing, Q_FILING),
      severity: 'error',
      todo: ENTRY_TODO,
    },
  ],
});
