/**
 * certification-names-host-unit 规则的用例（tests/policy-rules.test.ts 运行；命令行不加载，不编入 dist/）。
 * Cases of the rule certification-names-host-unit: run by tests/policy-rules.test.ts, never loaded by the CLI, not built.
 */
import { certificationNamesHostCases } from '#engine/policy/common/structure.cases';

export default certificationNamesHostCases({
  valid: [
    {
      name: 'the short name of the unit is enough',
      setup: (k) => void (k.get('dept-weixin').certification = { status: '已认证', publicInfo: '区卫生健康委官方微信公众号' }),
    },
    { name: 'an account still being certified is not judged', setup: (k) => void (k.get('dept-weixin').certification = { status: '认证中' }) },
  ],
});
