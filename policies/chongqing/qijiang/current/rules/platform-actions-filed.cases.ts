/**
 * platform-actions-filed 规则的用例（tests/policy-rules.test.ts 运行；命令行不加载，不编入 dist/）。
 * Cases of the rule platform-actions-filed: run by tests/policy-rules.test.ts, never loaded by the CLI, not built.
 */
import type { RuleCases } from '#engine/dev/cases';
import { closeEvents, type FixtureKit, openEvents } from '#engine/dev/fixture';

const cases: RuleCases = {
  valid: [
    { name: 'filed, then registered, certified and entered' },
    {
      name: 'backfill of an account opened before the measures came into force',
      setup: (k) => {
        k.account('zf', {
          id: 'zf-toutiao',
          name: '綦江发布',
          platform: '今日头条',
          events: [
            { type: '平台注册', date: '2019-05-06' },
            { type: '平台认证', date: '2019-05-10' },
            { type: '补录备案', date: '2025-04-01', unitDecision: { decision: '同意', date: '2025-04-01', by: '主要负责人' } },
            { type: '系统填报', date: '2025-04-03', action: '补录' },
          ],
        });
      },
    },
    {
      name: 'a filed rename, then the platform change and re-certification',
      setup: (k) => {
        k.get('dept-weixin').events.push(
          { type: '变更备案', date: '2026-04-01', unitDecision: { decision: '同意', date: '2026-04-01', by: '主要负责人' }, changes: [{ field: '账号名称', from: '健康綦江', to: '綦江卫健' }] },
          { type: '平台变更', date: '2026-04-03' },
          { type: '平台认证', date: '2026-04-07' },
          { type: '系统填报', date: '2026-04-08', action: '变更' },
        );
      },
    },
    { name: 'a filed closure', setup: (k) => void k.get('dept-weixin').events.push(...closeEvents('2026-03-02')) },
    {
      name: 'an account opened without filing before the measures is not judged',
      setup: (k) => k.account('zf', { id: 'zf-douyin', name: '綦江发布', platform: '抖音', events: [{ type: '平台注册', date: '2023-06-01' }, ...openEvents('2023-06-05')] }),
    },
  ],
  invalid: [
    {
      name: 'registered on the platform before the opening filing',
      setup: (k: FixtureKit) => k.account('zf', { id: 'zf-douyin', name: '綦江发布', platform: '抖音', events: [{ type: '平台注册', date: '2025-06-02' }, ...openEvents('2025-06-09')] }),
      errors: [{ account: 'zf-douyin', pointer: ['events', 0, 'type'], messageIncludes: '不得自行开设', messageId: 'unfiled' }],
    },
    {
      name: 'renamed on the platform without a change filing',
      setup: (k) => void k.get('dept-weixin').events.push({ type: '平台变更', date: '2026-04-03', changes: [{ field: '账号名称', from: '健康綦江', to: '綦江卫健' }] }),
      errors: [{ account: 'dept-weixin', pointer: ['events', 5, 'type'], messageIncludes: '没有对应的变更备案', messageId: 'wrongWork' }],
    },
    {
      name: 'deregistered and entered as closed without a closure filing',
      setup: (k) => {
        k.get('zf-weibo').events.push(
          { type: '平台注销', date: '2026-05-06', evidence: [{ kind: '注销完成截图', ref: '档案 2026-009' }] },
          { type: '系统填报', date: '2026-05-07', action: '关停' },
        );
      },
      errors: [
        { account: 'zf-weibo', pointer: ['events', 5, 'type'], messageIncludes: '关停（注销）', messageId: 'wrongWork' },
        { account: 'zf-weibo', pointer: ['events', 6, 'type'], messageId: 'wrongWork' },
      ],
    },
    {
      name: 'opened on the platform after the measures and only backfilled later (warning)',
      setup: (k) => {
        k.account('zf', {
          id: 'zf-toutiao',
          name: '綦江发布',
          platform: '今日头条',
          events: [
            { type: '平台注册', date: '2024-08-01' },
            { type: '平台认证', date: '2024-08-06' },
            { type: '补录备案', date: '2025-04-01', unitDecision: { decision: '同意', date: '2025-04-01', by: '主要负责人' } },
            { type: '系统填报', date: '2025-04-03', action: '补录' },
          ],
        });
      },
      errors: [
        { account: 'zf-toutiao', pointer: ['events', 0, 'type'], severity: 'warning', messageIncludes: '2025-04-01', messageId: 'beforeBackfill' },
        { account: 'zf-toutiao', pointer: ['events', 1, 'type'], severity: 'warning', messageId: 'beforeBackfill' },
      ],
    },
  ],
};
export default cases;
