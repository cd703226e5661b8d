/**
 * 六安市政府系统政务新媒体管理暂行办法（六政办秘〔2021〕148号）的规则。
 * 各规则对应的条款，以及不能从登记簿检查的条款，见 README.md。
 */
import type { PolicyIndex } from '#engine/policy/types';
import announcementPeriod from './rules/announcement-period.ts';
import openingAnnouncementPeriod from './rules/opening-announcement-period.ts';
import appClosureDelisting from './rules/app-closure-delisting.ts';
import appIpv6AndAccessibility from './rules/app-ipv6-and-accessibility.ts';
import appServerInCity from './rules/app-server-in-city.ts';
import approvalBeforeRegistration from './rules/approval-before-registration.ts';
import basicInfoComplete from './rules/basic-info-complete.ts';
import certificationNamesHostUnit from './rules/certification-names-host-unit.ts';
import changeAnnouncementPeriod from './rules/change-announcement-period.ts';
import changeCloseAfterApproval from './rules/change-close-after-approval.ts';
import completeWithin1Month from './rules/complete-within-1-month.ts';
import consistentNames from './rules/consistent-names-across-platforms.ts';
import countyReportToCity from './rules/county-report-to-city.ts';
import countySupervisorOpinion from './rules/county-supervisor-opinion.ts';
import distinctReviewRoles from './rules/distinct-review-roles.ts';
import emergencyClosureReported from './rules/emergency-closure-reported.ts';
import filingRequirements from './rules/filing-requirements.ts';
import governmentAccountsRequired from './rules/government-accounts-required.ts';
import handoverRotatesCredentials from './rules/handover-rotates-credentials.ts';
import nameIncludesUnit from './rules/name-includes-unit.ts';
import namingConvention from './rules/naming-convention.ts';
import noInternalOrPersonalOwner from './rules/no-internal-or-personal-owner.ts';
import noServersAbroad from './rules/no-servers-abroad.ts';
import noSpecialProjectAccounts from './rules/no-special-project-accounts.ts';
import oneAccountPerPlatform from './rules/one-account-per-platform.ts';
import outsourcingVendor from './rules/outsourcing-vendor.ts';
import passwordRotation3Months from './rules/password-rotation-3-months.ts';
import staffVettedBeforePost from './rules/staff-vetted-before-post.ts';
import supervisorApproval from './rules/supervisor-approval.ts';
import upwardFilingWithin3Workdays from './rules/upward-filing-within-3-workdays.ts';

const index: PolicyIndex = {
  rules: [
    // 第二章 机构职责
    outsourcingVendor,
    // 第四章 开设关停
    filingRequirements,
    supervisorApproval,
    upwardFilingWithin3Workdays,
    countySupervisorOpinion,
    countyReportToCity,
    openingAnnouncementPeriod,
    announcementPeriod,
    changeAnnouncementPeriod,
    noInternalOrPersonalOwner,
    noSpecialProjectAccounts,
    governmentAccountsRequired,
    approvalBeforeRegistration,
    appIpv6AndAccessibility,
    oneAccountPerPlatform,
    changeCloseAfterApproval,
    completeWithin1Month,
    appClosureDelisting,
    emergencyClosureReported,
    namingConvention,
    nameIncludesUnit,
    consistentNames,
    certificationNamesHostUnit,
    basicInfoComplete,
    // 第六章 内容管理
    distinctReviewRoles,
    // 第八章 安全管理
    passwordRotation3Months,
    handoverRotatesCredentials,
    staffVettedBeforePost,
    appServerInCity,
    noServersAbroad,
  ],
};
export default index;
