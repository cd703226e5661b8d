/**
 * no-servers-abroad 规则的用例（tests/policy-rules.test.ts 运行；命令行不加载，不编入 dist/）。
 * Cases of the rule no-servers-abroad: run by tests/policy-rules.test.ts, never loaded by the CLI, not built.
 */
import type { RuleCases } from '#engine/dev/cases';

const cases: RuleCases = {
  valid: [
    { name: 'mini program hosted in the city', setup: (k) => void k.account('dept', { id: 'dept-mp', name: '六安市卫健委', platform: '微信小程序', miniProgram: { backendServerAbroad: false, backendServerLocation: '六安市政务云' } }) },
    { name: 'compliant app', setup: (k) => void k.account('zf', { id: 'zf-app', name: '六安市人民政府', platform: '移动客户端' }) },
  ],
  invalid: [
    {
      name: 'mini program backed by a server abroad',
      setup: (k) => void k.account('dept', { id: 'dept-mp', name: '六安市卫健委', platform: '微信小程序', miniProgram: { backendServerAbroad: true, backendServerLocation: '境外某云主机' } }),
      errors: [{ account: 'dept-mp', pointer: ['miniProgram', 'backendServerAbroad'], messageIncludes: '境外某云主机', messageId: 'mini' }],
    },
    {
      name: 'app with servers abroad',
      setup: (k) => void k.account('zf', { id: 'zf-app', name: '六安市人民政府', platform: '移动客户端', app: { ipv6: true, agingFriendly: true, accessibility: true, serverLocation: { place: '境外某机房', inRegion: false, abroad: true, exceptionDecision: '2026年第2次党组会议' } } }),
      errors: [{ account: 'zf-app', pointer: ['app', 'serverLocation', 'abroad'], messageId: 'app' }],
    },
  ],
};
export default cases;
