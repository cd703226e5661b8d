/**
 * 自贡市政务新媒体管理办法（自府办函〔2021〕62号）的规则。
 */
import type { PolicyIndex } from '#engine/policy/types';
import announcementWithin7Days from './rules/announcement-within-7-days.ts';
import appReleaseLicense from './rules/app-release-license.ts';
import certificationAfterApproval from './rules/certification-after-approval.ts';
import certificationNamesHostUnit from './rules/certification-names-host-unit.ts';
import certifiedBeforeFiling from './rules/certified-before-filing.ts';
import certifiedEntityAdministrative from './rules/certified-entity-administrative.ts';
import changeEntryWithin3Workdays from './rules/change-entry-within-3-workdays.ts';
import changeFilingContent from './rules/change-filing-content.ts';
import changeStepsAfterFiling from './rules/change-steps-after-filing.ts';
import closureEntryWithin3Workdays from './rules/closure-entry-within-3-workdays.ts';
import closureEvidence from './rules/closure-evidence.ts';
import closureStepsInOrder from './rules/closure-steps-in-order.ts';
import consistentNames from './rules/consistent-names-across-platforms.ts';
import distinctReviewRoles from './rules/distinct-review-roles.ts';
import entryWithin3Workdays from './rules/entry-within-3-workdays.ts';
import filingRequirements from './rules/filing-requirements.ts';
import forwardedToCityOffice from './rules/forwarded-to-city-office.ts';
import headConsent from './rules/head-consent.ts';
import keyInfoMatchesChangeFiling from './rules/key-info-matches-change-filing.ts';
import noInternalOrPersonalOwner from './rules/no-internal-or-personal-owner.ts';
import nonKeyInfoReport from './rules/non-key-info-report.ts';
import oneAccountPerPlatform from './rules/one-account-per-platform.ts';
import openingEvidence from './rules/opening-evidence.ts';
import openingReasonDetails from './rules/opening-reason-details.ts';
import overdueWorkReported from './rules/overdue-work-reported.ts';
import rejectionReason from './rules/rejection-reason.ts';
import responsiblePersons from './rules/responsible-persons.ts';
import reviewWithin5Workdays from './rules/review-within-5-workdays.ts';
import reviewerIsSupervisor from './rules/reviewer-is-supervisor.ts';
import staffHandover from './rules/staff-handover.ts';
import subordinateUnitReason from './rules/subordinate-unit-reason.ts';
import supervisorApproval from './rules/supervisor-approval.ts';

const index: PolicyIndex = {
  rules: [
    // 第三条 主管单位
    reviewerIsSupervisor,
    // 第六条 一个单位一个平台一个账号；内设科室不得开设（及第十四条）
    oneAccountPerPlatform,
    noInternalOrPersonalOwner,
    // 第七条 开设流程
    filingRequirements,
    headConsent,
    openingReasonDetails,
    reviewWithin5Workdays,
    rejectionReason,
    forwardedToCityOffice,
    certificationAfterApproval,
    certifiedBeforeFiling,
    appReleaseLicense,
    entryWithin3Workdays,
    // 第八条 下属单位、区县部门、乡镇（街道）
    subordinateUnitReason,
    // 第九条 关停流程
    closureStepsInOrder,
    announcementWithin7Days,
    closureEntryWithin3Workdays,
    // 第十条 超过30天未完成的报告
    overdueWorkReported,
    // 第十一条 证明材料
    openingEvidence,
    closureEvidence,
    // 第十四条 认证主体
    certifiedEntityAdministrative,
    // 第十六条 名称
    consistentNames,
    certificationNamesHostUnit,
    // 第十七条 关键信息变更
    changeFilingContent,
    changeStepsAfterFiling,
    keyInfoMatchesChangeFiling,
    changeEntryWithin3Workdays,
    // 第七、八、九、十七条 主管单位审核
    supervisorApproval,
    // 第十八条 非关键信息报备
    nonKeyInfoReport,
    // 第二十条 内容审核
    distinctReviewRoles,
    // 第二十五条 责任人
    responsiblePersons,
    // 第二十七条 人员交接
    staffHandover,
  ],
};
export default index;
