/**
 * naming-convention 规则的用例（tests/policy-rules.test.ts 运行；命令行不加载，不编入 dist/）。
 * Cases of the rule naming-convention: run by tests/policy-rules.test.ts, never loaded by the CLI, not built.
 */
import type { RuleCases } from '#engine/dev/cases';

const JUSTIFICATION = '“健康六安”是开通以来一直使用、群众熟知的名称，认证信息中已标明主办单位六安市卫生健康委员会，暂不更名。';

const cases: RuleCases = {
  valid: [
    { name: '六安市人民政府发布 and 六安市卫健委发布' },
    { name: 'an app of the city government', setup: (k) => void k.account('zf', { id: 'zf-app', name: '六安市人民政府', platform: '移动客户端' }) },
    { name: 'a department app', setup: (k) => void k.account('dept', { id: 'dept-app', name: '六安市卫健委', platform: '移动客户端' }) },
    {
      name: 'an institution has no prescribed pattern',
      setup: (k) => {
        k.unit('anhui/luan', { id: 'gjj', name: '六安市住房公积金管理中心', kind: '承担行政职能的事业单位' });
        k.account('gjj', { id: 'gjj-weixin', name: '六安市住房公积金管理中心', platform: '微信公众号' });
      },
    },
    {
      name: 'a department WeChat named 健康六安 with a justification the supervising office approved (原则上)',
      setup: (k) => {
        const a = k.get('dept-weixin');
        a.name = '健康六安';
        a.events[0]!.justification = JUSTIFICATION;
      },
    },
  ],
  invalid: [
    { name: 'the government Weibo named 六安政府', setup: (k) => void (k.get('zf-weibo').name = '六安政府'), errors: [{ account: 'zf-weibo', pointer: ['name'], messageIncludes: '人民政府发布', messageId: 'pattern' }] },
    { name: 'a department WeChat named 健康六安', setup: (k) => void (k.get('dept-weixin').name = '健康六安'), errors: [{ account: 'dept-weixin', pointer: ['name'], messageIncludes: '六安市××委（办、局）发布', messageId: 'pattern' }] },
    { name: 'a department app named like a Weibo account', setup: (k) => void k.account('dept', { id: 'dept-app', name: '六安市卫健委发布', platform: '移动客户端' }), errors: [{ account: 'dept-app', pointer: ['name'], messageId: 'pattern' }] },
    {
      name: 'without a justification the pattern is an error (原则上)',
      setup: (k) => void (k.get('dept-weixin').name = '健康六安'),
      errors: [{ account: 'dept-weixin', pointer: ['name'], messageId: 'pattern', severity: 'error', messageIncludes: '备案中没有写明理由', data: { name: '健康六安', template: '六安市××委（办、局）发布' } }],
    },
    {
      name: 'a justification the supervising office has not approved: a distinct message at the justification',
      setup: (k) => {
        const a = k.get('dept-weixin');
        a.name = '健康六安';
        a.events[0]!.justification = JUSTIFICATION;
        a.events = a.events.filter((e) => e.type !== '主管审核');
      },
      errors: [{ account: 'dept-weixin', pointer: ['events', 0, 'justification'], messageId: 'patternUnapproved', severity: 'error', messageIncludes: '主管单位尚未审核同意' }],
    },
    {
      name: 'a justification on a later change filing, not yet approved, is reported at that filing',
      setup: (k) => {
        const a = k.get('dept-weixin');
        const before = a.name;
        a.name = '健康六安';
        a.events.push({ type: '变更备案', date: '2026-03-02', reason: '账号更名为群众熟知的名称。', justification: JUSTIFICATION, unitDecision: { decision: '同意', date: '2026-03-02', by: '主要负责人' }, changes: [{ field: '账号名称', from: before, to: '健康六安' }], stillSupervised: true });
      },
      errors: [{ account: 'dept-weixin', pointer: ['events', 5, 'justification'], messageId: 'patternUnapproved', messageIncludesEn: 'has not approved it yet' }],
    },
  ],
};
export default cases;
