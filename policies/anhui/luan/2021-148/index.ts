/**
 * 六安市政府系统政务新媒体管理暂行办法（六政办秘〔2021〕148号）的规则。
 * 各规则对应的条款，以及不能从登记簿检查的条款，见 README.md。
 */
import type { FixtureKit } from '../../../../scripts/policy/fixture.ts';
import type { PolicyIndex } from '../../../../scripts/policy/types.ts';
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

/** A minimal 六安 register that every rule of this module accepts (see scripts/policy/common/structure.ts). */
export function fixture(k: FixtureKit): void {
  k.region('', { name: '全国', level: '国家' });
  k.region('anhui', { name: '安徽省', level: '省级' });
  k.region('anhui/luan', { name: '安徽省六安市', level: '市级', policies: ['anhui/luan'], supervisingOffice: 'bgs' });
  k.unit('anhui/luan', { id: 'bgs', name: '六安市人民政府办公室', shortName: '市政府办公室', kind: '政府办公室', level: '市级' });
  k.unit('anhui/luan', { id: 'zf', name: '六安市人民政府', shortName: '六安市政府', kind: '人民政府', level: '市级' });
  k.unit('anhui/luan', { id: 'dept', name: '六安市卫生健康委员会', shortName: '市卫健委', kind: '政府部门', level: '市级' });
  k.account('dept', {
    id: 'dept-weixin',
    name: '六安市卫健委发布',
    platform: '微信公众号',
    functions: ['信息发布', '解读回应'],
    urls: { article: 'https://mp.weixin.qq.com/s/example-luan-wjw' },
  });
  k.account('zf', {
    id: 'zf-weibo',
    name: '六安市人民政府发布',
    platform: '新浪微博',
    functions: ['信息发布', '互动交流'],
    urls: { homepage: 'https://weibo.com/u/0000000001' },
  });
}

const index: PolicyIndex = {
  fixture,
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
