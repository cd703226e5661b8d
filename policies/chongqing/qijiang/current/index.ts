/**
 * 重庆市綦江区政府网站和政务新媒体管理办法（文号未查到，见 README.md）的规则。
 */
import type { PolicyIndex } from '#engine/policy/types';
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

const index: PolicyIndex = {
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
