/**
 * 全国通用的监测事项：国办秘函〔2019〕19号《政府网站与政务新媒体检查指标》对所有政府系统政务新媒体适用的
 * 单项否决“监测时间点前2周内无更新”。它不属于某个地方的办法，所以不放在 policies/ 下，对每个账号都适用。
 *
 * The national duty that applies to every government account whatever its region: the 2019
 * inspection indicators' veto "no update within the 2 weeks before the monitoring date". The
 * wording is quoted from published inspection reports (the notes in shared/reference say the
 * official table could not be retrieved), so the citation marks it.
 */
import type { MonitorSpec } from './types.ts';

export const NATIONAL_SOURCE = 'national';

export const NATIONAL_MONITOR: MonitorSpec = {
  updateRules: [
    {
      id: 'no-update-2-weeks',
      title: { zh: '2周内无更新（单项否决）', en: 'no update within 2 weeks (veto)' },
      maxDays: 14,
      unit: 'days',
      citation: {
        doc: '国办秘函〔2019〕19号',
        article: '检查指标 单项否决（内容不更新）',
        title: '政府网站与政务新媒体检查指标',
        quote: '监测时间点前2周内无更新',
        reading: {
          zh: '措辞据各地检查通报摘录，指标原表未能取得',
          en: 'wording as quoted in published inspection reports; the official table could not be retrieved',
        },
      },
      severity: 'error',
      remind: true,
    },
  ],
};
