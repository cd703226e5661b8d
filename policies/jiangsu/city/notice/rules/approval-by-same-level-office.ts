import { defineRule } from '#engine/policy/types';
import { ART, js } from '../cite.ts';
import { KIND_EN, KIND_TEXT, approvalsOf, judged, sameLevel, tierOf } from '../filing.ts';

/**
 * “须经同级政府办公室审核同意”：审核同意须由主办单位同级的政府办公室作出——市级单位由市政府办公室，
 * 县区（功能区）单位由本县区（功能区）政府办公室（党政办公室）。主管审核事件的 level 记录审核层级：
 * 市级单位接受“同级”或“市级”，县区单位接受“同级”或“县区”。没有任何审核同意的，由 supervisor-approval 报告。
 */
export default defineRule({
  name: 'approval-by-same-level-office',
  scope: 'account',
  title: { zh: '由同级政府办公室审核同意', en: 'approval comes from the government office of the same level' },
  citation: js(ART.filing, '须经同级政府办公室审核同意'),
  severity: 'error',
  messages: {
    noLevel: { zh: '{kind}的主管审核（{date}）没有写明审核层级，无法确认是否由同级政府办公室审核同意', en: 'the review of the {kindEn} ({date}) does not state its level, so approval by the same-level government office cannot be confirmed' },
    otherLevel: { zh: '{kind}的主管审核（{date}）是{level}作出的；本单位属{tier}，须经同级政府办公室（{office}）审核同意', en: 'the review of the {kindEn} ({date}) was made at level "{level}"; a {tierEn} unit needs the approval of the same-level government office ({office})' },
  },
  fix: {
    noLevel: { zh: '请在该“主管审核”事件中填写 "level": "同级"，并在 reviewer 中写明审核的政府办公室全称。', en: 'Add "level": "同级" and the reviewing office\'s name (reviewer) to the review event.' },
    otherLevel: { zh: '请报{office}审核同意（补充一条 level 为“同级”的主管审核事件）；县区（功能区）单位审核后再“上报备案”到市政府办公室。', en: 'Have {office} approve it (a review event with level 同级); county units then report it to the city office (上报备案).' },
  },
  check(ctx, a) {
    const tier = tierOf(ctx, a);
    if (!tier) return;
    const region = ctx.register.regions.get(a.regionId);
    const officeId = region?.data.supervisingOffice;
    const office = (officeId && ctx.register.units.get(officeId)?.data.name) ?? region?.data.supervisingOfficeName ?? (tier === '市级' ? '市政府办公室' : '县区（功能区）政府办公室');
    for (const w of ctx.state(a).works) {
      if (!judged(ctx, w)) continue;
      const approvals = approvalsOf(a, w);
      const first = approvals[0];
      if (!first || approvals.some(({ ev }) => sameLevel(ev.level, tier))) continue;
      const data = { kind: KIND_TEXT[w.kind],
        kindEn: KIND_EN[w.kind], date: first.ev.date, level: `${first.ev.level ?? ''}主管单位`, tier: tier === '市级' ? '市级单位' : '县区（功能区）单位', tierEn: tier === '市级' ? 'city-level' : 'county-level', office };
      if (first.ev.level === undefined) ctx.report({ account: a, pointer: ['events', first.i], messageId: 'noLevel', data });
      else ctx.report({ account: a, pointer: ['events', first.i, 'level'], messageId: 'otherLevel', data });
    }
  },
});
