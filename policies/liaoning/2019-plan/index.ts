/**
 * 辽宁省推进政务新媒体健康有序发展实施方案（辽政办发〔2019〕24号）的规则。
 * 绑定在省级地区 accounts/liaoning，经上级地区绑定及于全省各市、县的账号。
 */
import type { PolicyIndex } from '#engine/policy/types';
import appRequirements from './rules/app-requirements.ts';
import certificationNamesHostUnit from './rules/certification-names-host-unit.ts';
import consistentNames from './rules/consistent-names-across-platforms.ts';
import contentReviewChain from './rules/content-review-chain.ts';
import filingToRightOffice from './rules/filing-to-right-office.ts';
import handoverRotatesCredentials from './rules/handover-rotates-credentials.ts';
import hostChangeAnnounced from './rules/host-change-announced.ts';
import oneAccountPerPlatform from './rules/one-account-per-platform.ts';
import outsourcedAccountStaysWithHost from './rules/outsourced-account-stays-with-host.ts';
import requiredAccounts from './rules/required-accounts.ts';
import supervisingOfficeConfigured from './rules/supervising-office-configured.ts';

const index: PolicyIndex = {
  rules: [
    requiredAccounts,
    oneAccountPerPlatform,
    certificationNamesHostUnit,
    consistentNames,
    appRequirements,
    filingToRightOffice,
    hostChangeAnnounced,
    contentReviewChain,
    handoverRotatesCredentials,
    outsourcedAccountStaysWithHost,
    supervisingOfficeConfigured,
  ],
};
export default index;
