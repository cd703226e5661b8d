/**
 * rejection-reason 规则的用例（tests/policy-rules.test.ts 运行；命令行不加载，不编入 dist/）。
 * Cases of the rule rejection-reason: run by tests/policy-rules.test.ts, never loaded by the CLI, not built.
 */
import type { RuleCases } from '#engine/dev/cases';

const cases: RuleCases = {
  valid: [
    { name: 'approved' },
    {
      name: 'refused with reasons',
      setup: (k) =>
        void k.account('dept', {
          id: 'dept-douyin',
          name: '健康自贡',
          platform: '抖音',
          events: [
            { type: '开设备案', date: '2026-06-01', reason: '开展健康科普。信息来源为本委各科室，由宣传科每周更新。', unitDecision: { decision: '同意', date: '2026-06-01', by: '主要负责人' } },
            { type: '主管审核', date: '2026-06-03', decision: '不同意', reviewer: '自贡市人民政府办公室', opinion: '与“健康自贡”微信公众号功能重复，更新保障不足，请整合后再议。' },
          ],
        }),
    },
  ],
  invalid: [
    {
      name: 'refused without reasons',
      setup: (k) =>
        void k.account('dept', {
          id: 'dept-douyin',
          name: '健康自贡',
          platform: '抖音',
          events: [
            { type: '开设备案', date: '2026-06-01', reason: '开展健康科普。信息来源为本委各科室，由宣传科每周更新。', unitDecision: { decision: '同意', date: '2026-06-01', by: '主要负责人' } },
            { type: '主管审核', date: '2026-06-03', decision: '不同意', reviewer: '自贡市人民政府办公室' },
          ],
        }),
      errors: [{ account: 'dept-douyin', pointer: ['events', 1, 'decision'], messageId: 'noReason' }],
    },
    {
      name: 'refused twice: the first time with reasons, the second time without (every review is checked, not only the first)',
      setup: (k) =>
        void k.account('dept', {
          id: 'dept-douyin',
          name: '健康自贡',
          platform: '抖音',
          events: [
            { type: '开设备案', date: '2026-06-01', reason: '开展健康科普。信息来源为本委各科室，由宣传科每周更新。', unitDecision: { decision: '同意', date: '2026-06-01', by: '主要负责人' } },
            { type: '主管审核', date: '2026-06-03', decision: '不同意', reviewer: '自贡市人民政府办公室', opinion: '与“健康自贡”微信公众号功能重复，请整合后再议。' },
            { type: '主管审核', date: '2026-06-10', decision: '不同意', reviewer: '自贡市人民政府办公室' },
          ],
        }),
      errors: [{ account: 'dept-douyin', pointer: ['events', 2, 'decision'], messageId: 'noReason', data: { date: '2026-06-10' } }],
    },
  ],
};
export default cases;
