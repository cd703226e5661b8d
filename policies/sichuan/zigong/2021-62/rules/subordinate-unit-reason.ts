import { defineRule } from '#engine/policy/types';
import { isLive } from '#engine/policy/common/structure';
import { zg } from '../cite.ts';

/**
 * 第八条：市政府部门的下属单位、区县部门、乡镇（街道）原则上不再新开设；确有必要的，
 * 应向主管单位说明开设理由。
 *
 * 读法（原则上 → 须有主管单位同意的理由）：开设（补录）备案须写明理由（justification，或备案的
 * reason），理由随备案报主管单位审核，主管单位同意即为认可。办法没有规定理由的字数，本规则也不设：
 * 理由是否充分由主管单位判断。
 */
export default defineRule({
  name: 'subordinate-unit-reason',
  scope: 'account',
  title: { zh: '下属单位、区县部门、乡镇（街道）开设须说明理由', en: 'subordinate units, county departments and townships must justify an account' },
  citation: zg('第八条', '市政府部门的下属单位、区县部门、乡镇（街道）原则上不再新开设政务新媒体，确有必要开设或已开设确需单独保留的，应及时向政务新媒体主管单位说明开设理由'),
  severity: 'error',
  messages: {
    noReason: { zh: '“{unit}”属于{kind}，原则上不再新开设政务新媒体；开设（或保留）账号“{name}”须向主管单位说明理由，但备案中没有写明理由', en: '"{unit}" is a {kind}, which in principle opens no new accounts; opening or keeping "{name}" needs a reason stated to the supervising office, and the filing gives none' },
  },
  fix: { zh: '请在开设（或补录）备案的 justification（或 reason）中说明确有必要单独开设的理由（职责、服务对象、信息来源、更新保障），随备案报主管单位审核。', en: 'State in the filing\'s reason why a separate account is necessary, and report it to the supervisor.' },
  check(ctx, a) {
    if (!isLive(ctx, a)) return;
    const u = ctx.unitOf(a);
    if (!u) return;
    const region = ctx.register.regions.get(u.regionId);
    const kind = u.data.kind === '部门下属单位' ? '部门下属单位' : u.data.kind === '乡镇街道' ? '乡镇（街道）' : u.data.kind === '政府部门' && region?.data.level === '县级' ? '区县部门' : undefined;
    if (!kind) return;
    const first = ctx.state(a).works.find((w) => w.kind === '开设' || w.kind === '补录');
    if (!first) return;
    const ev = a.data.events[first.index]!;
    // no invented minimum length: whether the reason suffices is the supervising office's call
    if (!ev.justification?.trim() && !ev.reason?.trim()) ctx.report({ account: a, pointer: ['events', first.index, ...(ev.reason !== undefined ? ['reason'] : [])], messageId: 'noReason', data: { unit: u.data.name, kind, name: a.data.name } });
  },
});
