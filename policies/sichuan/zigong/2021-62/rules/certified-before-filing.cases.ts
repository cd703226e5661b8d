/**
 * certified-before-filing 规则的用例（tests/policy-rules.test.ts 运行；命令行不加载，不编入 dist/）。
 * Cases of the rule certified-before-filing: run by tests/policy-rules.test.ts, never loaded by the CLI, not built.
 */
import type { RuleCases } from '#engine/dev/cases';
import { openEvents } from '#engine/dev/fixture';

const cases: RuleCases = {
  valid: [
    { name: 'certified after filing and approval' },
    {
      name: 'certified before the measures came into force, backfilled later',
      setup: (k) => {
        const [filing, review, entry] = [openEvents('2026-03-02')[0]!, openEvents('2026-03-02')[1]!, openEvents('2026-03-02')[4]!];
        k.account('dept', { id: 'dept-weibo', name: '健康自贡', platform: '新浪微博', events: [{ type: '平台认证', date: '2020-06-15' }, { ...filing, type: '补录备案' }, review, { ...entry, action: '补录' }] });
      },
    },
    {
      name: 'backfilled within 14 days of certification',
      setup: (k) => {
        const [filing, review] = [openEvents('2026-03-02')[0]!, openEvents('2026-03-02')[1]!];
        k.account('dept', { id: 'dept-weibo', name: '健康自贡', platform: '新浪微博', events: [{ type: '平台认证', date: '2026-02-16' }, { ...filing, type: '补录备案' }, review] });
      },
    },
  ],
  invalid: [
    {
      name: 'certified before the opening filing',
      setup: (k) => void k.get('dept-weixin').events.unshift({ type: '平台认证', date: '2025-02-20' }),
      errors: [{ account: 'dept-weixin', pointer: ['events', 0, 'type'], messageId: 'beforeOpening' }],
    },
    {
      name: 'certified and never filed',
      setup: (k) => void k.account('dept', { id: 'dept-weibo', name: '健康自贡', platform: '新浪微博', events: [{ type: '平台认证', date: '2026-03-02' }] }),
      errors: [{ account: 'dept-weibo', pointer: ['events', 0, 'type'], messageId: 'neverFiled' }],
    },
    {
      name: 'backfilled 45 days after certification is a notice',
      setup: (k) => {
        const [filing, review] = [openEvents('2026-03-02')[0]!, openEvents('2026-03-02')[1]!];
        k.account('dept', { id: 'dept-weibo', name: '健康自贡', platform: '新浪微博', events: [{ type: '平台认证', date: '2026-01-16' }, { ...filing, type: '补录备案' }, review] });
      },
      errors: [{ account: 'dept-weibo', pointer: ['events', 0, 'type'], severity: 'notice', messageIncludes: '45', messageId: 'lateBackfill' }],
    },
  ],
};
export default cases;
