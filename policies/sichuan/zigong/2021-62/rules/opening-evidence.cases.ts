/**
 * opening-evidence 规则的用例（tests/policy-rules.test.ts 运行；命令行不加载，不编入 dist/）。
 * Cases of the rule opening-evidence: run by tests/policy-rules.test.ts, never loaded by the CLI, not built.
 */
import type { RuleCases } from '#engine/dev/cases';

const noEvidence = (k: Parameters<NonNullable<RuleCases['valid'][number]['setup']>>[0], id: string): void => void k.get(id).events.forEach((e) => delete e.evidence);

const cases: RuleCases = {
  valid: [
    { name: 'the certification keeps the chat log with the platform (the module fixture)' },
    {
      name: 'an opening not yet entered in the national system is not judged yet',
      setup: (k) => void k.account('dept', { id: 'dept-weibo', name: '健康自贡', platform: '新浪微博', events: k.get('dept-weixin').events.slice(0, 3).map((e) => ({ ...e, evidence: undefined })) }),
    },
    {
      name: 'material of a completed opening recorded afterwards by an appended 资料留存 event (events stay as they were)',
      setup: (k) => {
        noEvidence(k, 'dept-weixin');
        k.get('dept-weixin').events.push({ type: '资料留存', date: '2026-11-20', action: '开设', evidence: [{ kind: '聊天记录', ref: '档案 ZG-2026-017' }] });
      },
    },
  ],
  invalid: [
    {
      name: 'an opening entered in the national system with no record kept on any event: a notice for the supervising office',
      setup: (k) => noEvidence(k, 'dept-weixin'),
      errors: [{ account: 'dept-weixin', pointer: ['events', 4], messageId: 'none', severity: 'notice', messageIncludes: '资料留存' }],
    },
    {
      name: 'a 资料留存 of another stage (关停) does not record the opening material; of two openings only the one without material is reported',
      setup: (k) => {
        noEvidence(k, 'dept-weixin');
        noEvidence(k, 'zf-weibo');
        k.get('zf-weibo').events.push({ type: '资料留存', date: '2026-11-20', action: '开设', evidence: [{ kind: '聊天记录', ref: '档案 ZG-2026-018' }] });
        k.get('dept-weixin').events.push({ type: '资料留存', date: '2026-11-20', action: '关停', evidence: [{ kind: '公告截图', ref: '档案 ZG-2026-019' }] });
      },
      errors: [{ account: 'dept-weixin', pointer: ['events', 4], messageId: 'none', severity: 'notice' }],
    },
  ],
};
export default cases;
