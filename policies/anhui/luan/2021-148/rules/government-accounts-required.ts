import { certifiedTo, isLive } from '#engine/policy/common/structure';
import { defineRule } from '#engine/policy/types';
import { la } from '../cite.ts';

/**
 * 第九条：市县区人民政府应开设政务新媒体。第五条：市（县、区）政府办公室是本级人民政府开设的政务新媒体的
 * 主办单位——所以人民政府的账号可以登记在人民政府名下，也可以登记在本级政府办公室名下（认证主体为该人民政府）。
 * “应开设”是义务（错误）。接入本库时尚未登记的政府账号由接入基线（整改清单）承接，不阻断无关的合并请求。
 */
export default defineRule({
  name: 'government-accounts-required',
  scope: 'unit',
  title: { zh: '市、县（区）人民政府已开设政务新媒体', en: 'the city and county governments run an account' },
  citation: la('第九条、第五条', '市县区人民政府应开设政务新媒体；县（区）政府办公室是县（区）人民政府开设的政务新媒体的主办单位'),
  severity: 'error',
  messages: {
    none: { zh: '“{unit}”应当开设政务新媒体，但登记簿中没有其正常运行的账号（包括由本级政府办公室主办的账号）', en: '"{unit}" must run a government account, but the register holds no live account of it (nor one hosted for it by its government office)' },
  },
  fix: {
    zh: '请开设账号并备案；如已开设但未登记，请办理补录备案（第十二条）。由政府办公室主办的，认证主体填本级人民政府。',
    en: 'Open and file an account, or backfill an existing one (art. 12). When the government office hosts it, certify it to the government.',
  },
  check(ctx, u) {
    if (u.data.kind !== '人民政府') return;
    const region = ctx.register.regions.get(u.regionId);
    if (!region || (region.data.level !== '市级' && region.data.level !== '县级')) return;
    const own = (ctx.register.accountsByUnit.get(u.id) ?? []).some((a) => isLive(ctx, a));
    if (own) return;
    const office = region.data.supervisingOffice;
    const hosted = office
      ? (ctx.register.accountsByUnit.get(office) ?? []).some((a) => isLive(ctx, a) && certifiedTo(a, u))
      : false;
    if (!hosted) ctx.report({ unit: u, pointer: ['kind'], messageId: 'none', data: { unit: u.data.name } });
  },
});
