import { workEvents } from '#engine/policy/common/process';
import { defineRule } from '#engine/policy/types';
import { KAISHE, gb } from '../cite.ts';

/**
 * 四、（一）：建立政务新媒体分级备案制度，开设、变更、关停、注销应向主管单位备案。
 *
 * - 每个账号都有开设备案或补录备案（已开设而未备案的，办理补录备案）。
 * - 在平台上注销或下架（平台注销、应用下架）之前有关停备案；补录时已关停的历史账号（补录备案 status 为“已关停”）除外。
 * - 在平台上变更（平台变更）属于一次变更备案的办理。
 * - 已办结（系统填报）的开设、变更、关停有主管单位的审核或上报记录（主管审核、上报备案）。
 *   接入本库时补录、并写明当时状态的存量账号（补录备案带 status）不在此列：补录由主管单位统一办理。
 * 备案的期限意见没有规定，不检查。
 */
const FILINGS = new Set(['开设备案', '补录备案']);

export default defineRule({
  name: 'filed-with-supervisor',
  scope: 'account',
  title: { zh: '开设、变更、关停、注销向主管单位备案', en: 'opening, changes, closure and deregistration are filed with the supervising office' },
  citation: gb(KAISHE, '建立政务新媒体分级备案制度，开设、变更、关停、注销应向主管单位备案'),
  severity: 'error',
  messages: {
    noFiling: { zh: '账号“{name}”没有开设备案或补录备案', en: 'account "{name}" has no opening or backfill filing' },
    closedUnfiled: { zh: '账号已于 {date} {type}，但此前没有关停备案', en: 'the account was deregistered ({type}) on {date} without a closure filing' },
    changedUnfiled: { zh: '账号于 {date} 在平台上变更，但这不属于任何变更备案的办理', en: 'the account was changed on the platform on {date} outside any change filing' },
    noReview: { zh: '{kind}（{date} 备案）已办结，但没有主管单位的审核或上报记录', en: 'the {kindEn} filed on {date} was completed with no review or report by the supervising office' },
  },
  fix: {
    noFiling: { zh: '请办理补录备案（govmedia backfill），报主管单位。', en: 'File a backfill (govmedia backfill) with the supervising office.' },
    closedUnfiled: { zh: '请补办关停备案并报主管单位，在注销事件之前追加“关停备案”（写明关停原因和单位意见）。', en: 'File the closure with the supervising office.' },
    changedUnfiled: { zh: '请补办变更备案（写明变更事项），报主管单位审核。', en: 'File the change with the supervising office.' },
    noReview: { zh: '请记录主管单位的审核意见（“主管审核”事件）或向主管单位上报的记录（“上报备案”事件）。', en: 'Record the supervising office\'s review (主管审核) or the report to it (上报备案).' },
  },
  check(ctx, a) {
    const events = a.data.events;
    if (!events.some((e) => FILINGS.has(e.type))) {
      ctx.report({ account: a, pointer: ['events'], messageId: 'noFiling', data: { name: a.data.name } });
      return;
    }
    const st = ctx.state(a);
    const workAt = (i: number) => [...st.works].reverse().find((w) => w.index < i);
    events.forEach((e, i) => {
      if (e.type === '平台注销' || e.type === '应用下架') {
        const w = workAt(i);
        const adoptedClosed = st.works.some((x) => x.kind === '补录' && events[x.index]!.status === '已关停' && x.index < i);
        if (w?.kind !== '关停' && !adoptedClosed) ctx.report({ account: a, pointer: ['events', i], messageId: 'closedUnfiled', data: { date: e.date, type: e.type } });
      } else if (e.type === '平台变更') {
        if (workAt(i)?.kind !== '变更') ctx.report({ account: a, pointer: ['events', i], messageId: 'changedUnfiled', data: { date: e.date } });
      }
    });
    for (const w of st.works) {
      if (!w.done || !ctx.judged(w)) continue;
      if (w.kind === '补录' && events[w.index]!.status) continue;
      if (workEvents(a, w).some(({ ev }) => ev.type === '主管审核' || ev.type === '上报备案')) continue;
      const kindEn = { 开设: 'opening', 补录: 'backfill', 变更: 'change', 关停: 'closure' }[w.kind];
      ctx.report({ account: a, pointer: ['events', w.index], messageId: 'noReview', data: { kind: `${w.kind}备案`, kindEn, date: w.start } });
    }
  },
});
