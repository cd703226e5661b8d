/**
 * 重庆市綦江区政府网站和政务新媒体管理办法（文号未查到，见 README.md）的规则。
 */
import type { AccountFile } from '../../../../scripts/generated/types.ts';
import type { FixtureKit } from '../../../../scripts/policy/fixture.ts';
import type { PolicyIndex } from '../../../../scripts/policy/types.ts';
import certificationNamesHostUnit from './rules/certification-names-host-unit.ts';
import certifiedEntityNotPersonal from './rules/certified-entity-not-personal.ts';
import consentByPrincipal from './rules/consent-by-principal.ts';
import consistentNames from './rules/consistent-names-across-platforms.ts';
import distinctReviewRoles from './rules/distinct-review-roles.ts';
import filingRequirements from './rules/filing-requirements.ts';
import handoverCredentials from './rules/handover-credentials.ts';
import hostUnitInScope from './rules/host-unit-in-scope.ts';
import oneAccountPerPlatform from './rules/one-account-per-platform.ts';
import outsourcingVendor from './rules/outsourcing-vendor.ts';
import platformActionsFiled from './rules/platform-actions-filed.ts';
import threeLevelReview from './rules/three-level-review.ts';

/** 第十五条的三级审核：经办人员初审、分管负责人复审、主要负责人终审。 */
function threeLevels(a: AccountFile): void {
  if (!a.team) return;
  a.team.review = { editors: [a.team.operators[0]!.name], reviewers: [a.team.inCharge.name], finalApprovers: [a.team.principal.name] };
}

/** A minimal 綦江 register that every rule of this module accepts (see scripts/policy/common/structure.ts). */
export function fixture(k: FixtureKit): void {
  k.region('', { name: '全国', level: '国家' });
  k.region('chongqing', { name: '重庆市', level: '省级' });
  k.region('chongqing/qijiang', { name: '重庆市綦江区', level: '县级', policies: ['chongqing/qijiang'], supervisingOffice: 'bgs', adoptedOn: '2024-03-07' });
  k.unit('chongqing/qijiang', { id: 'bgs', name: '重庆市綦江区人民政府办公室', shortName: '区政府办公室', kind: '政府办公室' });
  k.unit('chongqing/qijiang', { id: 'zf', name: '重庆市綦江区人民政府', shortName: '綦江区人民政府', kind: '人民政府' });
  k.unit('chongqing/qijiang', { id: 'dept', name: '重庆市綦江区卫生健康委员会', shortName: '区卫生健康委', kind: '政府部门' });
  threeLevels(k.account('dept', { id: 'dept-weixin', name: '健康綦江', platform: '微信公众号' }));
  threeLevels(k.account('zf', { id: 'zf-weibo', name: '綦江发布', platform: '新浪微博' }));
}

const index: PolicyIndex = {
  fixture,
  rules: [
    hostUnitInScope,
    oneAccountPerPlatform,
    consistentNames,
    certificationNamesHostUnit,
    certifiedEntityNotPersonal,
    filingRequirements,
    consentByPrincipal,
    platformActionsFiled,
    distinctReviewRoles,
    threeLevelReview,
    outsourcingVendor,
    handoverCredentials,
  ],
};
export default index;
