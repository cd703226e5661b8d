/**
 * filed-with-supervisor 规则的用例（tests/policy-rules.test.ts 运行；命令行不加载，不编入 dist/）。
 * Cases of the rule filed-with-supervisor: run by tests/policy-rules.test.ts, never loaded by the CLI, not built.
 */
import type { RuleCases } from '#engine/dev/cases';
import { closeEvents } from '#engine/dev/fixture';

const cases: RuleCases = {
  valid: [
    { name: 'opened, reviewed and entered' },
    { name: 'closed after a closure filing', setup: (k) => void k.get('dept-weixin').events.push(...closeEvents('2026-01-05')) },
    {
      name: 'a closed historical account backfilled for the record',
      setup: (k) => {
        const a = k.get('dept-weixin');
        a.events = [{ type: '平台注册', date: '2016-05-04' }, { type: '补录备案', date: '2026-11-02', status: '已关停', note: '接入本库时导入；账号已于往年注销。' }];
      },
    },
    {
      name: 'an account imported on adoption has no review of its own',
      setup: (k) => void (k.get('dept-weixin').events = [{ type: '平台注册', date: '2017-03-01' }, { type: '补录备案', date: '2026-11-02', status: '正常' }]),
    },
  ],
  invalid: [
    {
      name: 'an account with platform events only',
      setup: (k) => void (k.get('dept-weixin').events = [{ type: '平台注册', date: '2024-05-06' }, { type: '平台认证', date: '2024-05-08' }]),
      errors: [{ account: 'dept-weixin', pointer: ['events'], messageIncludes: '没有开设备案或补录备案', messageId: 'noFiling', data: { name: '健康自贡' } }],
    },
    {
      name: 'deregistered on the platform without a closure filing',
      setup: (k) => void k.get('dept-weixin').events.push({ type: '平台注销', date: '2026-02-02' }),
      errors: [{ account: 'dept-weixin', pointer: ['events', 5], messageIncludes: '此前没有关停备案', messageId: 'closedUnfiled', data: { date: '2026-02-02', type: '平台注销' } }],
    },
    {
      name: 'changed on the platform without a change filing',
      setup: (k) => void k.get('dept-weixin').events.push({ type: '平台变更', date: '2026-02-02' }),
      errors: [{ account: 'dept-weixin', pointer: ['events', 5], messageIncludes: '不属于任何变更备案', messageId: 'changedUnfiled', data: { date: '2026-02-02' } }],
    },
    {
      name: 'an opening entered without any review by the supervising office',
      setup: (k) => void k.get('dept-weixin').events.splice(1, 1),
      errors: [{ account: 'dept-weixin', pointer: ['events', 0], messageIncludes: '没有主管单位的审核或上报记录', messageId: 'noReview', data: { kind: '开设备案' } }],
    },
  ],
};
export default cases;
