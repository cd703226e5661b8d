/**
 * 綦江区政府网站和政务新媒体管理办法 中随时间到期的义务（供 govmedia monitor 使用）。
 * 本办法没有规定任何办理期限，所以这里只有依赖运行数据的更新和互动回应要求（第十八条）。
 *
 * Duties of the Qijiang measures for `govmedia monitor`. The measures set no processing deadlines;
 * only the update and response intervals of art. 18 apply, judged on the activity snapshot.
 */
import { defineMonitor } from '#engine/monitor/types';

const DOC = '綦江区政府网站和政务新媒体管理办法';
const TITLE = '重庆市綦江区政府网站和政务新媒体管理办法';

export default defineMonitor({
  reconcile: {
    backfill: { doc: DOC, article: '第十三条、第二十六条（三）', title: TITLE, quote: '政务新媒体账号开设、变更、关停、注销，要经本单位主要负责人同意，并报区政府办公室备案；未按有关程序和要求自行开设、关停、变更等，未按要求向区政府办公室备案的' },
  },
  updateRules: [
    {
      id: 'news-10-days',
      title: { zh: '动态要闻类更新间隔不超过10个自然日', en: 'news updates at most 10 calendar days apart' },
      maxDays: 10,
      unit: 'days',
      citation: {
        doc: DOC,
        article: '第十八条',
        title: TITLE,
        quote: '动态要闻类更新时间间隔不超过10个自然日',
        reading: {
          zh: '运行数据不区分栏目，以账号的任何更新计：10天内没有任何更新，就一定没有动态要闻更新',
          en: 'the snapshot has no columns, so any update counts: no update at all in 10 days certainly means no news update',
        },
      },
      severity: 'error',
    },
  ],
  replyRules: [
    {
      id: 'responses-2-months',
      title: { zh: '互动回应类栏目回应时间不超过2个月', en: 'responses within 2 months' },
      maxMonths: 2,
      citation: { doc: DOC, article: '第十八条', title: TITLE, quote: '互动回应类栏目回应时间不超过2个月' },
      severity: 'error',
    },
  ],
});
