/**
 * 《市政府办公室关于进一步规范和加强政务新媒体管理工作的通知》（江苏某设区市，据官方解读；文号未载明）的规则。
 * 原文未载明市名，所以模块系列为 jiangsu/city；样例登记簿由虚构的示例市（accounts/jiangsu/shili）绑定。见 README.md。
 */
import type { PolicyIndex } from '#engine/policy/types';
import announcementPeriod from './rules/announcement-period.ts';
import approvalBySameLevelOffice from './rules/approval-by-same-level-office.ts';
import changeAnnouncementPeriod from './rules/change-announcement-period.ts';
import cityFilingBeforeEntry from './rules/city-filing-before-entry.ts';
import closureAnnouncedBeforeEntry from './rules/closure-announced-before-entry.ts';
import entryWithin3Workdays from './rules/entry-within-3-workdays.ts';
import filingRequirements from './rules/filing-requirements.ts';
import handoverCredentials from './rules/handover-credentials.ts';
import platformAfterApproval from './rules/platform-after-approval.ts';
import regionSupervisingOffice from './rules/region-supervising-office.ts';
import scoringClass from './rules/scoring-class.ts';
import supervisorApproval from './rules/supervisor-approval.ts';
import unitSupervisor from './rules/unit-supervisor.ts';

const index: PolicyIndex = {
  rules: [
    regionSupervisingOffice,
    unitSupervisor,
    supervisorApproval,
    approvalBySameLevelOffice,
    platformAfterApproval,
    cityFilingBeforeEntry,
    entryWithin3Workdays,
    filingRequirements,
    announcementPeriod,
    changeAnnouncementPeriod,
    closureAnnouncedBeforeEntry,
    handoverCredentials,
    scoringClass,
  ],
};
export default index;
